"""High-recall check for imminent risk in a /boundary message.

A trainee who types "pt said she has the pills saved up" must see urgent steps before any
reflection, so this check is tuned for recall: it fires on a plan, intent, means or a recent act,
and on a disclosed, current harm to a child or vulnerable adult. It stays quiet only where the
text itself says the risk is absent or not current: a negation ("denies SI/HI"), a distant past
("an attempt 10 years ago, stable"), study or a hypothetical ("reading about risk assessment for
class"), someone else's completed suicide (grief, not imminent risk), and figures of speech
("work is killing her", "a killer headache").

It works in five layers, each explainable by name in review:

1. normalization and figures of speech: abbreviations, dropped apostrophes and g's, a few risk-word
   typos, then idioms blanked out ("drowning in paperwork", "killed it at her interview");
2. context that defuses a whole sentence (``_defused``): study and training, hypotheticals and
   safety-planning talk, a resolved past ("CPS investigated and closed it"), someone else's story
   from the client's job, a therapy exercise. Each suppresses only while the sentence carries no
   present-tense acute marker ("again", "right now", "has the pills", "not answering");
3. single patterns (``_SUICIDE`` ... ``_MEDICAL``), matched over the sentence with negation and the
   distant past judged within the clause the match sits in;
4. risk factors that count only together (``_FACTOR_PATTERNS`` and ``_COMBOS``): a goodbye and no
   answer since, a threat and a weapon or stalking, a high place and "tonight", self-harm and
   escalation, a means at hand and isolation. Each alone is common in ordinary messages.
5. a learned backstop (:mod:`commands.safety_model`), asked only when no pattern fired: a small
   logistic regression over words, word pairs and character n-grams of the sentences layer 2 did not
   defuse, trained by ``benchmarks/train_safety_model.py``. Its reason says it is a learned match
   ("possible risk language; please check"), because it cannot name what it recognised. Held out one
   batch at a time it caught about 0.7 of the risks written after the patterns, at about 0.02 false
   alarms on the near-miss negatives of the same batches.

When a message sits between a miss and a false alarm the patterns lean towards firing, because a
missed risk is the worse outcome. Text normalization lives here too, because
:mod:`commands.classify` must read abbreviations ("pt", "SI", "kms") exactly as this check does.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from commands import safety_model
from commands.regex_screen import RegexScreen, ScreenedSubstitutions, whole_text_condition

SafetyKind = Literal["suicide", "homicide", "abuse", "medical"]


@dataclass(frozen=True)
class SafetySignal:
    """Why a message needs urgent steps first.

    Attributes:
        kind: The kind of risk, which picks the urgent steps (988 for suicide, duty to protect for
            homicide, mandated reporting for abuse, 911 for a medical emergency).
        reason: A short, human-readable reason naming what was recognised, for the reply and for
            content review; it never quotes the message back.
    """

    kind: SafetyKind
    reason: str


# ------------------------------------------------------------------------------------ normalization

# Abbreviations trainees use in quick messages. Expanding them once, here, means every pattern in
# this module and every feature in the classifier can be written in plain words.
ABBREVIATIONS: dict[str, str] = {
    "pt": "client",
    "pts": "clients",
    "pt's": "client",
    "clt": "client",
    "clts": "clients",
    "cl": "client",
    "cli": "client",
    "clnt": "client",
    "tx": "treatment",
    "sx": "symptoms",
    "dx": "diagnosis",
    "hx": "history",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "bff": "best friend",
    "u": "you",
    "ur": "your",
    "ppl": "people",
    "rn": "right now",
    "tn": "tonight",
    "tonite": "tonight",
    "2nite": "tonight",
    "2night": "tonight",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "tmw": "tomorrow",
    "tomorow": "tomorrow",
    "gonna": "going to",
    "gunna": "going to",
    "wanna": "want to",
    "gotta": "got to",
    "kinda": "kind of",
    "idk": "i do not know",
    "abt": "about",
    "thru": "through",
    "tho": "though",
    "cuz": "because",
    "coz": "because",
    "bc": "because",
    "bday": "birthday",
    "xmas": "christmas",
    "appt": "appointment",
    "appts": "appointments",
    "sesh": "session",
    "sess": "session",
    "convo": "conversation",
    "msg": "message",
    "msgs": "messages",
    "msged": "messaged",
    "msgd": "messaged",
    "txt": "text",
    "txts": "texts",
    "txted": "texted",
    "txtd": "texted",
    "txting": "texting",
    "dm": "direct message",
    "dms": "direct messages",
    "dmed": "messaged",
    "dmd": "messaged",
    "ig": "instagram",
    "insta": "instagram",
    "fb": "facebook",
    "supe": "supervisor",
    "supv": "supervisor",
    "supvr": "supervisor",
    "cps": "child protective services",
    "aps": "adult protective services",
    "dcfs": "child protective services",
    "dcf": "child protective services",
    "si": "suicidal ideation",
    "kms": "kill myself",
    "kys": "kill yourself",
    "od": "overdose",
    "oded": "overdosed",
    "odd": "odd",
    "roi": "release of information",
    "mom's": "mother",
    "yrs": "years",
    "yr": "year",
    "mos": "months",
    "wks": "weeks",
    "wk": "week",
    "hrs": "hours",
    "pls": "please",
    "plz": "please",
    "w": "with",
    "ex's": "ex",
    # Contractions typed without the apostrophe, and a few more shorthands seen in quick messages.
    "shes": "she is",
    "hes": "he is",
    "im": "i am",
    "ive": "i have",
    "theyre": "they are",
    "youre": "you are",
    "thats": "that is",
    "whats": "what is",
    "urself": "yourself",
    "apt": "apartment",
    "rx": "prescription",
    "rxs": "prescriptions",
    "nite": "night",
    "2day": "today",
    "hr": "hour",
    "vm": "voicemail",
    "rly": "really",
    "b4": "before",
    "dv": "domestic violence",
    "ipv": "intimate partner violence",
    "csa": "child sexual abuse",
    "nssi": "self harm",
    "cssrs": "columbia scale",
    "kiddo": "kid",
    "vid": "video",
    "vids": "videos",
    "kiddos": "kids",
}

# Dropped final g, as in "thinkin abt endin it".
_DROPPED_G: tuple[str, ...] = (
    "thinking",
    "ending",
    "going",
    "doing",
    "cutting",
    "killing",
    "dying",
    "talking",
    "feeling",
    "saying",
    "trying",
    "planning",
    "looking",
    "taking",
    "making",
    "getting",
    "coming",
    "nothing",
    "something",
    "anything",
    "everything",
    "hurting",
    "burning",
    "jumping",
    "hanging",
    "drinking",
    "using",
    "texting",
    "calling",
    "crying",
    "sleeping",
    "leaving",
    "living",
    "losing",
    "hiding",
    "saving",
    "following",
    "watching",
    "sitting",
    "standing",
    "walking",
    "driving",
    "running",
    "stalking",
    "choking",
    "hitting",
    "beating",
    "bleeding",
    "breathing",
    "shaking",
    "throwing",
)
ABBREVIATIONS.update({word[:-1]: word for word in _DROPPED_G})

_NEGATED_CONTRACTIONS: dict[str, str] = {
    "cant": "can not",
    "can't": "can not",
    "cannot": "can not",
    "wont": "will not",
    "won't": "will not",
    "dont": "do not",
    "doesnt": "does not",
    "didnt": "did not",
    "isnt": "is not",
    "wasnt": "was not",
    "arent": "are not",
    "werent": "were not",
    "havent": "have not",
    "hasnt": "has not",
    "hadnt": "had not",
    "wouldnt": "would not",
    "couldnt": "could not",
    "shouldnt": "should not",
    "aint": "is not",
}

_QUOTES = str.maketrans({"‘": "'", "’": "'", "`": "'", "“": '"', "”": '"', "–": "-", "—": "-"})

# "HI" in capitals is homicidal ideation; "hi" in lower case is usually a greeting, so it counts
# only next to clinical words ("si/hi", "denies hi", "hi with a plan").
_HI_CONTEXT_BEFORE = re.compile(
    r"(?:\bsi\s*(?:/|and|or|&|,)\s*|\b(?:active|passive|endorse[sd]?|endorsing|denie[sd]|deny|denying|"
    r"reports?|reported|reporting|current|any|no|positive|\+|w/|with|had|has|having)\s+)$"
)
_HI_CONTEXT_AFTER = re.compile(
    r"^\s*(?:/\s*si\b|(?:and|or|&)\s+si\b|w/|with\b|toward|towards|against|plan|\(|:|-\s|\+|"
    r"intent|thoughts)"
)
_SPECIAL_FORMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bw/o\b"), " without "),
    (re.compile(r"\bw/(?=\s|[a-z])"), " with "),
    (re.compile(r"\bh/o\b"), " history of "),
    (re.compile(r"\bb/c\b"), " because "),
    (re.compile(r"\bs/p\b"), " after "),
    (re.compile(r"\b(?:od|o\.d\.)'?e?d\b"), " overdosed "),
    (re.compile(r"\bdm'?e?d\b"), " messaged "),
    (
        re.compile(r"(\d+)\s*(?:-\s*)?(?:yo|y/o|y\.o\.?|yrs? old|years? old|year-old|yr-old)\b"),
        r" \1 year old ",
    ),
    (re.compile(r"\+\s*(si|hi)\b"), r" endorses \1 "),
    (re.compile(r"\b(si|hi)\s*\(\s*\+\s*\)"), r" endorses \1 "),
    (re.compile(r"\b(si|hi)\s*\(\s*-\s*\)"), r" denies \1 "),
    (re.compile(r"\bsi\s*/\s*hi\b|\bhi\s*/\s*si\b"), " si and homicidal ideation "),
    (re.compile(r"\b(my|our|the|site|clinical|a|new|faculty|her|his|their|your) sups?\b"), r"\1 supervisor"),
    (
        re.compile(
            r"^\s*sup\b(?! (?:guys|everyone|everybody|all|yall|y all|folks|team|people|friends|"
            r"fam)\b)(?= [a-z])"
        ),
        "supervisor",
    ),
    (re.compile(r"\$\s?(\d[\d,]*)"), r" \1 dollars "),
    (re.compile(r"\bc-?ssrs\b"), " columbia scale "),
)
_SPECIAL_FORM_SUBS = ScreenedSubstitutions(_SPECIAL_FORMS)
_TOKEN_RE = re.compile(r"\d+(?:\.\d+)+|[a-z0-9]+(?:'[a-z]+)?|[.!?;,:]")
"""Words, decimal numbers kept whole ("k was 2.6", "bac 0.2": a full stop there ends no sentence), and
the punctuation that marks clauses."""


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Risk words a hurried typist misspells ("sucidal", "overdoes", "herslef"). Only these few are
# corrected here, so a misspelling can never hide risk while ordinary words stay as typed.
_CRITICAL_WORDS = _word_set(
    """
    suicide suicidal overdose overdosed overdosing killing homicidal abused abusing molested
    molesting seizure unconscious unresponsive bruises neglected stockpiling herself himself
    themselves myself goodbye strangled choked medications tonight pills razor noose knife bleeding
    breathing private bridge overpass strangle molest touches touched touching pistol rifle shotgun insulin
    fentanyl lethal cutting hanging jumping
    """
)
_NOT_TYPOS = _word_set(
    """
    killer killers skills skilled overdue overdone bruised abuser abusers abusive seizures
    suicides overdoses goodbyes medication choker helpful selfie abuse abuses choke bruise bride brides
    bridget privates breeding breathe pistols rifles knives razors lethally touche hanging blending handing
    strange lending bending cuttings
    """
)


def within_one_edit(a: str, b: str) -> bool:
    """Whether two words are at most one insertion, deletion, substitution or swap apart."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if la < lb else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


@functools.lru_cache(maxsize=16384)
def _critical_typo(token: str) -> str:
    """The risk word ``token`` is a slip of (cached: the same words recur in every message)."""
    if len(token) < 5 or token in _CRITICAL_WORDS or token in _NOT_TYPOS or not token.isalpha():
        return token
    for word in _CRITICAL_WORDS:
        if word[0] == token[0] and within_one_edit(token, word):
            if len(word) == len(token) and sorted(word) != sorted(token) and len(token) < 7:
                continue
            return word
    return token


def normalize(text: str) -> str:
    """Lower-case text with abbreviations expanded and punctuation reduced to clause marks.

    Both this check and the classifier work on the result, so "pt sent me a DM" and "the client
    sent me a direct message" look the same to both. Sentence punctuation survives as separate
    tokens because the safety check scopes negation and time words to a clause.

    Args:
        text: What the trainee typed, in any case, with any quotes and abbreviations.

    Returns:
        Space-separated tokens.
    """
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = re.sub(r"\bHI\b", " homicidal ideation ", text)
    text = text.lower()
    text = _contextual_hi(text)
    text = _SPECIAL_FORM_SUBS.apply(text)
    out: list[str] = []
    for token in _TOKEN_RE.findall(text):
        if token in _NEGATED_CONTRACTIONS:
            out.append(_NEGATED_CONTRACTIONS[token])
            continue
        if token in ABBREVIATIONS:
            out.append(ABBREVIATIONS[token])
            continue
        token = _critical_typo(token)
        if "'" in token:
            stem, _, tail = token.partition("'")
            if tail == "t" and stem.endswith("n"):
                out.append(stem[:-1] + " not")
                continue
            expanded = {"re": "are", "m": "am", "ll": "will", "ve": "have", "d": "would"}.get(tail, "")
            if tail == "s" and stem in _IS_STEMS:
                expanded = "is"
            token = ABBREVIATIONS.get(stem, stem) + (" " + expanded if expanded else "")
        out.append(token)
    return _HAS_BEEN.sub(r"\1 has \2", " ".join(out))


# "she's" is "she is" (or "she has" before a participle); a possessive "'s" on a noun is dropped.
_IS_STEMS = frozenset(
    {
        "he",
        "she",
        "it",
        "that",
        "there",
        "what",
        "who",
        "where",
        "here",
        "everyone",
        "nobody",
        "tonight",
    }
)
_HAS_BEEN = re.compile(r"\b(he|she|it|that|there|who|everyone|nobody) is (been|got|gotten|had|done|taken)\b")


def _contextual_hi(text: str) -> str:
    """Read a lower-case "hi" as homicidal ideation only beside clinical words."""
    pieces: list[str] = []
    last = 0
    for match in re.finditer(r"\bhi\b", text):
        before, after = text[: match.start()], text[match.end() :]
        if _HI_CONTEXT_BEFORE.search(before) or _HI_CONTEXT_AFTER.match(after):
            pieces.append(text[last : match.start()])
            pieces.append("homicidal ideation")
            last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)


# ------------------------------------------------------------------------------------ figures of speech

_PERSON_SUBJECTS = (
    r"he|she|they|husband|wife|partner|boyfriend|girlfriend|dad|father|mother|mom|stepdad|stepmom|"
    r"son|daughter|brother|sister|uncle|ex|someone|somebody|man|guy|aide|caregiver"
)
_IDIOMS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        # "work is killing her", "my feet are killing me": a non-person subject
        rf"\b(?!(?:{_PERSON_SUBJECTS})\b)[a-z]+ (?:is|are|was|were|been|keeps|kept) (?:literally |really |"
        r"slowly |honestly |just |totally |absolutely )?killing (?:me|her|him|them|us)\b",
        r"\b(?:this|that|it|work|school|job) (?:literally |really |honestly )?killing (?:me|her|him|them|"
        r"us)\b",
        r"\bkiller \w+",
        r"\b(?:die|dye|dyed|dying) (?:her|his|my|their) hair\b",
        r"\b(?:watched|watching|watch|reading|read|saw|seen|listening to|listened to) (?:a |an |the |this |"
        r"that )?"
        r"(?:\w+ )?(?:documentary|movie|film|show|series|book|article|news story|news|video|podcast|episode) "
        r"(?:about|on|where|with)\b[^.!?;]*",
        r"\b(?:boss|mom|mother|dad|father|parents|teacher|coach|supervisor|professor|manager|roommate|"
        r"friends?|sister|brother|sisters|brothers|grandma|grandmother|aunt|mil|mother in law|coworkers?) "
        r"(?:is|are|will|would|was) (?:literally )?(?:going to |gonna )?(?:kill|murder|strangle|end) (?:me|"
        r"her|"
        r"him|them|us) (?:if|when|for)\b",
        r"\bwill be the death of\b",
        r"\b(?:so )?tired (?:that )?(?:she|he|i|they) could sleep (?:forever|for a week|for days|"
        r"for a year)\b",
        r"\bif (?:he|she|they|you) (?:\w+ ){1,8}one more time,? (?:i will|i ll|ill|i am going to|i am gonna|"
        r"i could) "
        r"(?:murder|kill|strangle|end) (?:him|her|them|you)\b",
        r"\b(?:this|that|the|my) (?:\w+ )?(?:exam|test|class|shift|week|day|job|meeting|workout|final|finals|"
        r"homework|commute|project) (?:literally )?(?:unalived|killed|murdered|destroyed) me\b",
        r"\b(?:telling me about|told me about|talked about|talking about|talk about) (?:a |an |the |this |"
        r"that )?"
        r"(?:\w+ )?(?:movie|film|show|series|book|documentary|podcast|episode|video game|game) (?:about|on|"
        r"where|"
        r"with|in which)\b[^.!?;]*",
        r"\b(?:you are|she is|he is|they are|i am|we are) dead to (?:me|her|him|them|us)\b",
        r"\b(?:session|progress|case|clinical|treatment|therapy|process|intake|psychotherapy) notes\b",
        r"\bcut (?:myself|herself|himself|themselves) (?:shaving|cooking|chopping \w+|on (?:a|the|"
        r"some) (?:\w+ )?"
        r"(?:glass|can|knife|paper|fence|nail))\b",
        r"\bserial killers?\b",
        r"\bsuicide (?:wings|sauce|doors|squeeze|runs?|drills|sprints|lane|king)\b",
        r"\bkill (?:you|me|him|her|them|us) with (?:my|her|his|their|our) (?:cooking|food|kindness|love|"
        r"jokes|"
        r"puns|questions)\b|\bkill (?:you|me|him|her|them) with kindness\b",
        r"\b(?:if|whether) (?:she|he|they|i) (?:is|are|am) (?:going to|gonna) die (?:from|of) (?:her|his|"
        r"their|my|the|"
        r"an|this) \w+",
        r"\b(?:makes?|made|making) (?:me|her|him) want to die\b(?=.*\b(?:laugh\w*|lol|lmao|haha\w*|joking|"
        r"cringe|"
        r"embarrass\w*|how (?:she|he) talks)\b)",
        r"\bif (?:\w+ ){0,8}one more (?:\w+ )?(?:intake|intakes|progress notes?|notes?|emails?|meetings?|"
        r"papers?|"
        r"assignments?|shifts?|frequent flyers?|calls?|reports?|exams?|quiz|zooms?|trainings?|paperwork|"
        r"group|groups|cases?|referrals?)\b(?: \w+){0,6},? (?:i am|i will|i will be|i am going to|"
        r"i am gonna) "
        r"(?:literally |just |actually )?(?:going to |gonna )?(?:walking|walk|jumping|jump|killing|kill|"
        r"throw\w*) "
        r"(?:myself|into the (?:sea|ocean|lake|river)|off (?:the|a) (?:\w+ )?(?:deck|roof|bridge|building|"
        r"balcony|garage)|out (?:the|a) window)\b",
        r"\b(?:i am|i will|she is|he is|i would) (?:literally |actually |so )?(?:going to |gonna )?die if "
        r"(?:my|her|his|their) (?:mom|mother|dad|father|parents|boss|teacher|crush|friends|sister|brother) "
        r"(?:sees|finds out|reads|hears|saw|found out)\b",
        # a password changed, not a person shut out
        r"\block(?:s|ed|ing)? (?:him|her|them|me) out of (?:his|her|their|my) (?:\w+ )?(?:account|accounts|"
        r"email|"
        r"phone|laptop|computer|profile|wifi|netflix|icloud|instagram|facebook|bank app|app|portal)\b",
        r"\b(?:the )?(?:word|term|named|calls? it|dubbed) suicide\b(?! (?:watch|risk|attempt|note|plan))",
        r"\b(?:would|had|d) rather die than (?!live\b|go on\b|keep living\b|be\b|face\b|lose\b|wake up\b|go "
        r"back\b|spend\b|stay\b|return\b|keep\b|feel\b)\w+",
        # a trivial trigger only: "kill her if she leaves" or "if he touches her" is a threat, kept
        r"\b(?:kill|murder|strangle) (?:him|her|me|you|them|us) if (?:he|she|you|they|i|we) (?:forgets?|"
        r"forgot|"
        r"is late|are late|eats? (?:my|the|her|his) (?:\w+ )?(?:food|leftovers|fries|snacks?|cake|lunch)|"
        r"spoils?|spoiled|shows up late|misses (?:the|our) (?:game|show|anniversary))\b",
        r"\bkill(?:s|ed|ing)? (?:it|time|the (?:mood|vibe|lights|engine|presentation|interview|exam|test))\b",
        r"\b(?:would|could) (?:literally )?kill for\b",
        r"\bdressed to kill\b",
        r"\bkill two birds\b",
        r"\boverkill\b",
        r"\bdying (?:to|for|of (?:laughter|embarrassment|boredom|curiosity|cringe))\b",
        r"\bto die for\b",
        r"\b(?:bored|scared|worried|sick) to death\b",
        r"\bdead (?:tired|serious|set|end|line|ringer|weight)\b",
        r"\bdrop(?: |-)?dead\b",
        r"\b(?:shoot|shot|shooting) (?:me |her |him |them |you )?(?:a|an) (?:text|email|message|note|dm|"
        r"direct message|line)\b",
        r"\b(?:take|took|give|gave) (?:it )?a shot\b",
        r"\bflu shot\b",
        r"\bphoto ?shoots?\b",
        r"\bhits? (?:me |her |him )?up\b",
        r"\bhit it off\b",
        r"\bhit (?:the (?:gym|road|books|hay|wall|ground running)|a (?:wall|nerve|rough patch|milestone))\b",
        r"\b(?:hit|hits|hitting) on (?:me|her|him|them)\b",
        r"\bbeat(?:s|ing)? (?:myself|herself|himself|themselves|yourself) up\b",
        r"\bbeat (?:me|her|him|them) to it\b",
        r"\bchok(?:ed|ing) up\b",
        r"\b(?:touch(?:ed|ing)? base|in touch|keep(?:s|ing)? in touch|lost touch|touched by|touching (?:card|"
        r"gesture|"
        r"moment|letter|note|gift))\b",
        r"\boverdos(?:e|ed|ing) on (?:caffeine|coffee|sugar|netflix|tv|work|candy)\b",
        r"\bcut (?:her|him|me|them) off\b",
        r"\bjump(?:ed|ing)? (?:ship|at the chance|the gun)\b",
        r"\bcross that bridge\b",
        r"\bgun[- ]shy\b",
        r"\b(?:glue|nail|staple) guns?\b",
        r"\bhang(?:s|ing)? (?:in there|out)\b",
        r"\bhung up\b",
        r"\bmurder (?:mystery|podcast|show|documentary)\b",
        r"\btrue crime\b",
        r"\b(?:burned|burnt|burning|burn) ?out\b|\bburnout\b",
        # "could kill her brother for eating her leftovers": exasperation, not intent
        r"\bcould (?:literally |honestly |just |totally |seriously )?(?:kill|murder|strangle|choke|"
        r"strangled) "
        r"(?:him|her|them|(?:my|her|his|their) \w+) for (?!what\b)(?:\w+ ){0,5}\w+",
        r"\bdrowning in (?:paperwork|work|notes|emails|homework|debt|bills|laundry|assignments|deadlines|"
        r"tasks|grading|documentation|admin|meetings|reading|clients|cases)\b",
        r"\bon the edge of (?:her|his|my|their|your|the) seats?\b",
        r"\b(?:be|being) the death of (?:me|her|him|them|us)\b",
        r"\b(?:take|takes|taking|took) a stab at\b|\bstab in the dark\b|\bback ?stab\w*",
        r"\bcutting (?:back|down|class|classes|school|ties|corners|costs|carbs|sugar|hair|it close|in line|"
        r"coupons|the cord|out)\b|\bcut (?:back|down) on\b",
        r"\bknock(?:ed|s)? it out of the park\b",
        r"\b(?:would|had) rather (?:die|be dead) than (?:\w+ ){1,10}(?:lol|lmao|haha\w*|jk)\b",
        r"\b(?:bungee|cliff|base) jump\w*(?: \w+){0,4}|\bcliff diving\b|\bjump(?:ed|ing|s)? off (?:the|a) "
        r"(?:high dive|diving board|dock|boat|swing|rope swing|pier|high board)\b",
        r"\bcould eat a horse\b",
        r"\b(?:kill|murder|strangle|strangled|choke) (?:my|her|his|their) (?:\w+ )?(?:sister|brother|mom|"
        r"mother|"
        r"dad|father|roommate|kids?|husband|wife|boyfriend|girlfriend|boss|coworker|friend|cat|dog) (?:lol|"
        r"lmao|haha\w*|jk)\b(?!.*\b(?:not joking|was not joking|serious|did not seem|meant it)\b)",
        # "her sister is going to kill her for borrowing her car lol": exasperation, when marked as a joke
        r"\b(?:kill|murder|strangle) (?:me|her|him|them|us) for \w+ing\b(?=.*\b(?:lol|lmao|haha\w*|jk|"
        r"joking|kidding)\b)",
    )
)


# "she wants to strangle him lol" about a coworker is exasperation; about a partner it is not.
_JOKING_THREAT = re.compile(
    r"\b(?:strangle|kill|murder|choke|smack|slap|punch|strangled) (?:him|her|them|"
    r"me|us)\b"
)
_JOKE_MARK = re.compile(r"\b(?:lol|lmao|haha\w*|jk|jok(?:e|es|ed|ing|ingly)|kidding|teasing|sarcastic\w*)\b")
_NOT_A_JOKE = re.compile(
    r"\b(?:husband|boyfriend|partner|ex|wife|girlfriend|fiance|not joking|serious|meant it|did not seem|gun|"
    r"knife|weapon)\b"
)


_IDIOM_SUBS = ScreenedSubstitutions([(pattern, " ") for pattern in _IDIOMS])


def _strip_idioms(text: str) -> str:
    """Blank out figures of speech so "work is killing her" cannot look like a threat."""
    text = _IDIOM_SUBS.apply(text)
    if _JOKE_MARK.search(text) and not _NOT_A_JOKE.search(text):
        text = _JOKING_THREAT.sub(" ", text)
    return re.sub(r" {2,}", " ", text)


# ------------------------------------------------------------------------------------ risk patterns

_SELF = r"(?:myself|herself|himself|themselves|themself|yourself|ourselves|self)"
# High places and lethal locations, for being at or heading to one.
_PLACE_NAMES = (
    r"(?:(?:\d+(?:st|nd|rd|th)|top) floor (?:balcony|window|ledge|railing)|bridge|roof|rooftop|ledge|"
    r"overpass|cliffs?|train tracks|railroad tracks|railway tracks|tracks|"
    r"rail line|train platform|subway platform|platform edge|railing|top floor|top level|parking garage|"
    r"parking structure|parking deck|parking ramp|tower|dam|water tower|high rise|skyscraper|building roof|"
    r"balcony|railroad crossing|rail crossing|train crossing|railroad|railway|train trestle|trestle|"
    r"golden gate|viaduct|quarry|gorge|canyon rim|top of the stairwell|stairwell|overlook|scenic overlook|"
    r"lookout|vista point|cliff edge|atrium railing)"
)
# Medicines and drugs by the names trainees type, for quantities, stockpiles and lethal doses.
_DRUG = (
    r"(?:pills|meds|medications?|medicine|tablets|capsules|caps|xanax|tylenol|acetaminophen|paracetamol|"
    r"ibuprofen|advil|motrin|aleve|naproxen|aspirin|benadryl|diphenhydramine|benzos?|opioids?|oxy\w*|"
    r"percocets?|vicodin|hydrocodone|fentanyl|heroin|methadone|suboxone|seroquel|quetiapine|lithium|"
    r"klonopin|clonazepam|ativan|lorazepam|valium|diazepam|ambien|zolpidem|trazodone|insulin|"
    r"antidepressants?|sleeping pills|sleep aids?|painkillers|pain pills|pain meds|prescriptions?|"
    r"adderall|gabapentin|lamictal|lamotrigine|prozac|zoloft|sertraline|fluoxetine|wellbutrin|effexor|"
    r"amitriptyline|propofol|morphine|ketamine|muscle relaxers|abilify|depakote|topamax|tramadol|"
    r"antipsychotics|clozapine|zyprexa|olanzapine|lexapro|celexa|cymbalta|remeron|buspirone|"
    r"melatonin|nyquil|digoxin|warfarin|beta blockers|heart meds|blood pressure meds|vials)"
)
_POSS = (
    r"(?:my|her|his|their|your|our|the|its|all|all of|all her|all his|all their|all my|a bunch of|some of)"
)
_PERSON_NOUN = (
    r"(?:boss|ex|wife|husband|partner|mother|father|mom|dad|brother|sister|son|daughter|neighbor|neighbour|"
    r"cellie|celly|cellmate|bunkie|bunkmate|inmate|guard|officer|co|"
    r"coworker|co-worker|coworkers|co-workers|teacher|teachers|roommate|landlord|kid|kids|child|children|"
    r"baby|"
    r"family|girlfriend|boyfriend|stepdad|stepmom|stepfather|stepmother|manager|supervisor|friend|friends|"
    r"classmate|classmates|person|people|man|woman|guy|girl|boy|stranger|strangers|cop|cops|officer|student|"
    r"students|doctor|therapist|pastor|uncle|aunt|cousin|grandma|grandpa|baby|infant|toddler|ex wife|"
    r"ex husband|ex girlfriend|ex boyfriend|fiance|wife|neighbors|tenant|employee|employees|customer|"
    r"customers|client|clients|coach|principal|bully|bullies|abuser|rapist|lover|affair partner|"
    r"kid next door|"
    r"nephew|niece|in laws|mother in law|father in law)"
)
# A bare "her" is an object ("kill her") unless a thing follows it ("murder her to do list").
_HER_OBJECT = (
    r"her(?= *$| [.,!?;:]| (?:and|or|if|when|because|since|for|with|too|again|tonight|today|tomorrow|now|"
    r"then|so|but|after|before|once|someday|one|right|at|in|off|over|up|dead|soon|this|next|the|some|while|"
    r"unless|until|like|herself|himself|themselves|first|anyway|eventually|already|myself|yet|as|he|she|"
    r"they|i|you|we|or|either|both|too|also|just|really|literally|slowly|there|here|over|out)\b| \w+ly\b| "
    rf"{_PERSON_NOUN}\b)"
)
_OTHER_PERSON = (
    rf"(?:him|{_HER_OBJECT}|them|someone|somebody|people|everyone|everybody|all of them|"
    rf"(?:his|her|their|my|the|a|an|that|this|those|these|some|your) (?:\w+ )?{_PERSON_NOUN}|"
    rf"{_PERSON_NOUN}|[a-z]+ at (?:work|school))\b"
)
_INTENT = (
    r"(?:going to|will|would|wants? to|wanted to|wanting to|plans? to|planning to|planned to|intends? to|"
    r"intending to|threaten(?:s|ed|ing)? to|is about to|about to|(?:is )?gonna|try to|trying to|tried to|"
    r"told me (?:she|he|they)(?: would| will)?|said (?:she|he|they)(?: would| will)?|(?:she|he|they) would|"
    r"(?:would )?like to|(?:would )?love to|wish(?:es)? (?:she|he|they) could|ready to|decided to|"
    r"thinking (?:about|of)|thoughts (?:about|of)|urges? to|fantasi[sz](?:es|ed|ing) about|"
    r"talk(?:s|ed|ing)? about|might|could)"
)

# Each rule is (regex, reason, unless[, requires]), all matched against one sentence: ``unless`` marks
# a known harmless use of the same words ("seizure disorder, well controlled"); ``requires``, when
# given, is context the words need before they count ("bruises" only beside a child or a fearful
# explanation).
_Rule = tuple[str, str, str] | tuple[str, str, str, str]

# "his wife won't be around much longer (if ...)": someone else's, which the homicide rules read
_SOMEONE_ELSE_NOT_AROUND = (
    r"\b(?:her|his|their) (?:wife|husband|partner|boyfriend|girlfriend|ex|boss|mom|mother|dad|father|son|"
    r"daughter|brother|sister|neighbor|coworker|roommate|landlord|dog|cat) (?:will not|would not|is not "
    r"going to) be (?:around|here)\b"
)

_NO_INTENT_NO_PLAN = (
    r"\bno (?:current |active )?(?:intent|intention) ?,? (?:and |or |, )?(?:no |nor )?(?:current )?plans?\b|"
    r"\bno (?:current |active )?plans? ?,? (?:and |or |, )?(?:no |nor )?(?:current )?(?:intent|intention)\b|"
    r"\bdenie[sd] (?:any )?(?:intent|plans?) (?:and|or|,) (?:intent|plans?)\b"
)
"""The clinician's own assessment that a passive wish to be dead comes with neither intent nor plan
(the C-SSRS's low-risk answer): the wish rules step back; plans, means and preparation still fire."""

_SUICIDE: tuple[_Rule, ...] = (
    (
        rf"\b(?:kill(?:s|ed|ing)?|hurt(?:s|ing)?|harm(?:s|ed|ing)?|shoot(?:s|ing)?|hang(?:s|ed|ing)?|"
        rf"drown(?:s|ed|ing)?|poison(?:s|ed|ing)?|stab(?:s|bed|bing)?|off(?:s|ed|ing)?) {_SELF}\b",
        "talk of killing or hurting themself",
        "",
    ),
    (
        r"\bkill(?:s|ed|ing)?\b(?! (?:him|her|them|his|the|a|my|their|someone|somebody|people|everyone|it|"
        r"time|another|anyone|anybody|each other|one another|that|this|those|these|your|our|whoever|both|"
        r"all|any|an|every|some|you|ya|u|many|enemies|people|men|soldiers|insurgents|combatants|animals|deer|"
        r"hogs|chickens|bugs|plants)\b)"
        r"(?=.*\b(?:client|she|he|they|wants|said|tonight)\b)",
        "talk of killing themself",
        r"\bkill(?:ed|s)? (?:by|in)\b",
    ),
    (
        r"\bsuicid(?:e|al|ality)\b",
        "suicidal thoughts, plan or attempt",
        r"\bsuicide (?:prevention|awareness|walk|survivors?|loss|hotline volunteer|prevention training)\b",
    ),
    (r"\bsuicidal ideation\b", "suicidal ideation", ""),
    (
        rf"\b(?:end|ending|ended|take|taking|took) {_POSS}? ?(?:own )?(?:life|lives)\b",
        "talk of ending their life",
        "",
    ),
    (
        r"\bend(?:ing)? it(?: all)?(?: tonight| today| this week| now| soon)?\b(?=.*\b(?:all|tonight|today|"
        r"life|"
        r"now|soon|forever|pills|plan)\b)|\bend it all\b|\bjust end it\b|\b(?:will|would|going to|wants? to|"
        r"plans? to|"
        r"planning to|ready to|about to|gonna|decided to) end (?:it|things|everything)\b(?! with)",
        "talk of ending it all",
        "",
    ),
    (
        r"\b(?:want(?:s|ed|ing)?|wish(?:es|ed)?|ready|going|trying|decided|rather) to die\b|"
        r"\bwants? (?:to be|to end up|be) "
        r"dead\b|\b(?:would|had) rather (?:be dead|die|not be alive|not exist)\b",
        "a wish to die",
        r"\b(?:natural causes|someday|some day|when (?:her|his|my|their) time comes|not in a rush|"
        r"of old age)\b|" + _NO_INTENT_NO_PLAN,
    ),
    (
        r"\bwish(?:es|ed)? (?:she|he|they|i) (?:was|were|could be) dead\b|\bwish(?:es|ed)? (?:she|he|they|i) "
        r"(?:would not|did not|could just not|could not) wake up\b",
        "a wish to be dead",
        _NO_INTENT_NO_PLAN,
    ),
    (
        r"\bbetter off (?:dead|without (?:me|her|him|them))\b|\b(?:world|everyone|everybody|family|kids|they|"
        r"people) "
        r"(?:would be |will be |is |are )?(?:better|happier) (?:off )?(?:without|if) (?:me|her|him|them|she|"
        r"he|i)\b",
        "believes others are better off without them",
        "",
    ),
    (
        r"\b(?:nobody|no one|noone) (?:would|will) (?:miss|notice|care)\b|\bif (?:i|she|he|they) (?:was|"
        r"were) (?:gone|dead|"
        r"not here|not around)\b|\bif (?:i|she|he|they) (?:disappeared|died)\b",
        "believes no one would miss them",
        "",
    ),
    (
        r"\bno (?:reason|point) (?:to|in) (?:live|living|go on|going on|be here|being here|stay|staying)\b|"
        r"\b(?:see|sees|seeing|saw|does not see|do not see|did not see|can not see|could not see) (?:no|not|"
        r"the|any) "
        r"point (?:in|to) (?:living|live|going on|go on|life|being alive|staying alive|being here|trying)\b",
        "no reason to live",
        "",
    ),
    (
        r"\b(?:not|no longer|never) (?:want(?:s|ing)? to|wish(?:es|ing)? to) (?:be here|be alive|live|"
        r"wake up|exist|"
        r"go on)\b|\bdoes not want to (?:be here|be alive|live|wake up|exist|go on)\b|\b(?:will not|"
        r"would not|"
        r"is not going to) be (?:around|here|alive)\b",
        "does not want to be alive",
        r"\b(?:vacation|trip|travel\w*|holiday|out of town|visiting|conference|moving|business|sick|"
        r"reschedul\w*|cancel\w*|surgery|hospital stay|work trip|wedding|funeral)\b|"
        + _SOMEONE_ELSE_NOT_AROUND,
    ),
    (
        r"\b(?:can not|could not) (?:go on|do this anymore|keep going|take it anymore|keep (?:herself|"
        r"himself|"
        r"themselves|themself|myself) safe)\b",
        "cannot go on or keep safe",
        "",
    ),
    (
        r"\bnot sure (?:she|he|they|i) can (?:keep|stay) (?:herself|himself|themselves|themself|myself|"
        r"safe)\b|\b(?:can not|could not|will not|would not|unable to|refuses to|refused to|not able to) "
        r"(?:promise|guarantee|say|commit|agree|tell me) (?:that )?(?:she|he|they|i)?(?: will| would| can| "
        r"could)? ?(?:be |stay |keep (?:herself|himself|themselves|myself) )?safe\b",
        "cannot keep safe",
        "",
    ),
    (
        r"\b(?:would not|will not|refused to|refuses to|did not|could not) (?:agree to|commit to|"
        r"contract for|"
        r"sign|do|make) (?:a |the |her |his )?safety(?: plan)?\b",
        "will not commit to safety",
        "",
    ),
    (r"\btired of (?:living|being alive|life|this life|my life|her life|his life)\b", "tired of living", ""),
    (
        r"\b(?:texted|messaged|emailed|posted|sent|left|wrote|recorded) (?:me |us |her family |"
        r"his family )?(?:a |an )?"
        r"(?:\w+ )?(?:goodbye|good bye|farewell)\b|\bgoodbye (?:letter|note|messages?|texts?|posts?|video)\b|"
        r"\bfinal (?:goodbye|message|letter|note)\b|\bsaying goodbye to (?:everyone|everybody|her family|"
        r"his family|"
        r"people|friends|her kids|his kids)\b|\b(?:i am|she is|he is|they are) done\b(?=.*\bgoodbye\b)|"
        r"\bgoodbye\b(?=.*\b(?:forever|for good|tonight|sorry|done|last time)\b)|"
        r"\bsaid (?:her |his |their )?goodbyes?\b(?=.*\b(?:gave|giving|forever|for good|tonight|sorry|done|"
        r"last time|"
        r"pills|things|belongings)\b)",
        "saying goodbye",
        r"\b(?:last|final) session\b|\bplacement\b|\btermination\b|\bterminate\b|\b(?:died|passed away|"
        r"death of|funeral|memorial|grave|put down|euthaniz\w*)\b",
    ),
    (
        r"\b(?:gave|giving|gives|give) away (?:her|his|their|my|all|all of|most of)? ?(?:her |his |their |"
        r"my )?"
        r"(?:things|stuff|belongings|possessions|pets?|cat|dog|clothes|valuables|jewelry|books|prized)\b",
        "giving possessions away",
        "",
    ),
    (
        r"\b(?:suicide|goodbye) (?:note|letter)\b|\bwrote (?:a |her |his )?(?:will|note to (?:her|his|"
        r"their))\b",
        "a note or will written",
        r"\bgoodbye (?:note|letter)\b(?=.*\b(?:died|passed away|passed|death of|funeral|memorial|grave|put "
        r"down|euthaniz\w*)\b)|\b(?:died|passed away|passed|death of|funeral|memorial|grave|put down|"
        r"euthaniz\w*)\b(?=.*\bgoodbye (?:note|letter)\b)",
    ),
    (
        r"\b(?:sav(?:ed|ing|es)|stockpil(?:ed|ing|es|e)|hoard(?:ed|ing|s)?|collect(?:ed|ing|s)?|stash(?:ed|"
        r"ing)?|"
        r"saving up|stored up|storing up|kept|keeping) (?:up )?(?:the |her |his |their |my |some |a lot of |"
        r"a bunch of )?(?:pills|meds|medications?|tablets|sleeping pills|painkillers|opioids|insulin)\b|"
        r"\b(?:pills|meds|medications?|tablets) (?:saved|stockpiled|stashed|hoarded|saved up)\b",
        "means stockpiled",
        "",
    ),
    (
        r"\b(?:take|taking|swallow|swallowing|took|swallowed) (?:all|all of|a bunch of|a handful of|"
        r"handful of|"
        r"the whole|a whole|every one of|too many of|too many) ?(?:her |his |their |my |the )?(?:pills|meds|"
        r"medications?|tablets|bottle)\b",
        "taking a quantity of pills",
        "",
    ),
    (
        r"\boverdos(?:e|ing)\b(?=.*\b(?:tonight|today|tomorrow|plan|planning|going to|will|wants|intend|this "
        r"weekend|soon|again)\b)|\b(?:going to|will|wants? to|plans? to|planning to|intends? to|"
        r"about to) overdose\b",
        "a plan to overdose",
        r"\b(?:after|following|since|because of) (?:an?|her|his|their) (?:od|overdose)\b|\b(?:memorial|vigil|"
        r"(?:naloxone|narcan) (?:training|kits?|class|workshop)|overdose awareness|overdose prevention|"
        r"(?:her|his|"
        r"their) (?:brother|sister|son|daughter|friend|cousin|mom|dad|mother|father) s overdose)\b",
    ),
    (
        r"\blethal dose\b|\bhow many (?:pills|tablets|of (?:her|his|their) (?:pills|meds))\b|"
        r"\b(?:researching|researched|"
        r"looked up|looking up|googled|googling|searched|searching) (?:ways|how|methods) (?:to|of) (?:die|"
        r"dying|kill|"
        r"suicide|overdose)\b|\bmethods? of suicide\b",
        "researching a method",
        "",
    ),
    (
        r"\b(?:jump|jumping) (?:off|from|in front of) (?:a |the |her |his )?(?:bridge|roof|building|balcony|"
        r"cliff|"
        r"train|car|overpass|parking garage|bus|truck)\b|\bwhere (?:she|he|they) would jump\b",
        "a plan to jump",
        "",
    ),
    (
        r"\b(?:hang|hanging) (?:herself|himself|themselves|myself)\b|\b(?:bought|has|have|got|"
        r"tied) (?:a )?(?:rope|"
        r"noose)\b|\bnoose\b|\b(?:tied|hung|rigged) (?:up )?(?:the|a|my|his|her) (?:rope|cord|belt|"
        r"extension cord)"
        r"(?: up)? (?:in|from|to|on) (?:the |a )?(?:garage|closet|attic|basement|barn|shed|rafters?|beam|"
        r"ceiling|tree|banister|stairwell|doorframe|door)\b",
        "hanging or a rope",
        r"\b(?:swing|tire swing|rope swing|hammock|clothes ?line|boat|dock|camping|tent|tarp|rock climbing|"
        r"towing|tow truck|trailer|jump rope|ropes? course|knots?|scouts?|sailing|calf|calves|horses?|cattle|"
        r"goats?|leash|halloween|decorations?|piñata|pinata)\b",
    ),
    (
        r"\b(?:slit|slitting|cut|cutting|cuts|slice|slicing) (?:her |his |their |my )?(?:wrists?|throat)\b",
        "cutting wrists or throat",
        "",
    ),
    (
        rf"\b(?:cut(?:s|ting)?|burn(?:s|ing|ed)?|scratch(?:es|ing)?) {_SELF}\b|\bself[- ]?harm(?:s|ing|"
        rf"ed)?\b|"
        r"\bcutting again\b|\bstarted cutting\b|\bbeen cutting\b|\bfresh (?:cuts|wounds|scars)\b|"
        r"\bcuts (?:are|look|were) deep\b",
        "self-harm",
        r"\b(?:by accident|accidentally)\b",
    ),
    (
        r"\btrying to disappear\b(?! (?:from|off) (?:social|instagram|facebook|the internet|online))|"
        r"\bwants? to (?:disappear forever|not exist|go to sleep (?:and|forever) not wake up|"
        r"sleep forever)\b|\b(?:go to sleep|sleep|fall asleep|rest) forever\b|\b(?:permanent|eternal|"
        r"endless) "
        r"(?:sleep|rest)\b|\b(?:fall asleep|go to sleep|sleep) and (?:never|not) (?:wake|waking) up\b",
        "a wish not to exist",
        "",
    ),
    (
        r"\b(?:wants?|ready|going|plans?|planning|wish(?:es)?|longs?|hoping|hopes) to (?:go )?(?:be with|"
        r"join) "
        r"(?:him|her|them|her \w+|his \w+|their \w+|my \w+)\b(?! (?:for|at|on|this|next|tomorrow|tonight "
        r"for)\b)|\bwants? to (?:join|be with|see) (?:him|her|them|her \w+|his \w+) (?:again|in heaven|"
        r"on the other side|"
        r"in death|wherever (?:he|she|they) (?:is|are))\b|\bwants? to join (?:him|her|them)\b(?! (?:for|at|"
        r"in|on)\b)",
        "a wish to join someone who died",
        "",
        r"\b(?:died|dead|passed|passed away|death|grave|heaven|afterlife|suicide|killed|funeral|lost (?:her|"
        r"his))\b",
    ),
    (
        r"\b(?:(?:has|have|had|made|making|with|endorsed|endorses|endorsing|reports?|reported|got) (?:a |"
        r"an )?"
        r"(?:specific |detailed |clear |concrete )?(?:plan|intent)(?: and (?:intent|means|a plan))?)\b"
        r"(?=.*\b(?:die|dying|suicid\w*|kill (?:herself|himself|themselves|myself)|pills|overdose|jump|gun|"
        r"rope|end it|"
        r"means)\b)",
        "a plan or intent",
        "",
    ),
    (
        r"\bkill myself\b|\bkill yourself\b|\bunaliv\w*\b(?! (?:my|her|his|their|your|"
        r"the) (?:\w+ )?(?:brother|"
        r"sister|mom|dad|mother|father|boss|teacher|roommate|friend|bf|gf|boyfriend|girlfriend|husband|wife|"
        r"coworker|cat|dog|neighbou?r|ex)\b)|\bsewerslide\b|\bsuicide\b",
        "talk of killing themself",
        r"\bsuicide (?:prevention|awareness|walk|survivors?|loss|hotline volunteer|prevention training)\b",
    ),
    (
        r"\btell (?:my|her|his|their) (?:kids|children|family|mom|dad|mother|father|husband|wife|partner|"
        r"sister|brother|"
        r"son|daughter) (?:i|that i|she|he) (?:love|loves|am sorry|is sorry|said goodbye)\b",
        "a parting message",
        "",
    ),
    (
        r"\b(?:passive|active|chronic|current|acute) (?:si|suicidal)\b|\bcommand hallucinations\b",
        "suicidal ideation",
        "",
    ),
    (
        r"\b(?:put|putting) (?:her|his|their|my) affairs in order\b|\btonight is the night\b",
        "putting affairs in order",
        "",
    ),
)

MURDER_SUICIDE = "a plan to kill someone else and then themself"

_MEANS_IN_HAND: tuple[_Rule, ...] = (
    (
        r"\b(?:open|opens|opened|turn on|turns on|turned on|leave on|left on) (?:the )?gas\b(?=.*\b(?:when|"
        r"tonight|"
        r"finished|end|die|alone|family (?:go|goes|leaves)|everyone (?:goes|leaves)|while)\b)",
        "a plan with gas at home",
        r"\b(?:cook\w*|stove to|boil\w*|heat (?:the|up)|pilot light|grill|bbq|fireplace|water heater)\b",
    ),
    (
        r"\b(?:take care of|look after|keep|watch|feed|have) (?:her|his|their|my) (?:\w+ )?(?:cat|cats|dog|"
        r"dogs|pets?|"
        r"kids|children|fish|bird|horse|plants) (?:for )?(?:after|when (?:i am|she is|he is|they are) gone|"
        r"once "
        r"(?:i am|she is|he is) gone)(?= *$| [.,!?;:])",
        "arrangements for a pet or children 'after'",
        r"\b(?:vacation|trip|surgery|rehab|deployment|travel\w*|moves?|moving|hospital stay|inpatient stay|"
        r"after (?:school|work|class|the trip|surgery))\b",
    ),
    (
        r"\bi (?:have|got|saved|kept|am holding|still have) (?:the|my|enough|all (?:the|my)) (?:pills|meds|"
        r"tablets|gun|rope|razor|blades?|rifle|pistol)\b(?:[^.]{0,50}?) ?,? (?:and )?(?<!for )(?:tonight|"
        r"today|"
        r"right now|this weekend)\b",
        "a means in hand and a time",
        r"\b(?:refill\w*|pharmacy|prescri\w*|as prescribed|bedtime dose|take (?:them|it) (?:with|before|"
        r"after)|"
        r"routine|pill ?box|organizer)\b",
    ),
    (
        r"\bcalculat\w* (?:\w+ ){0,2}doses? (?:\w+ ){0,4}for (?:himself|herself|themselves|myself)\b",
        "working out a lethal dose for themself",
        "",
    ),
)

_SUICIDE_MORE: tuple[_Rule, ...] = (
    (
        r"\bnext time (?:(?:i|she|he|they) (?:will|am going to|is going to|are going to|gonna)|ill|"
        r"i ll) (?:go "
        r"higher|jump "
        r"higher|take more|use more|do it right|get it right|make sure|not (?:fail|mess up|miss|wake up))\b",
        "talk of a surer next attempt",
        r"\b(?:exam|test|recipe|presentation|interview|game|match|tournament|audition|paper|study|choked|"
        r"strangled|choking|strangling|punched|threaten\w*)\b",
    ),
    (
        r"\b(?:annoyed|upset|mad|angry|disappointed|pissed|frustrated|sorry) (?:that )?(?:it|the (?:pills|"
        r"overdose|od|attempt)) did not work\b(?=.*\b(?:(?:do|doing|get) it (?:properly|right)|next time|"
        r"this "
        r"time|again|try|more|know what (?:i|she|he) did wrong)\b)",
        "talk of a surer next attempt",
        r"\b(?:exam|test|recipe|presentation|interview|game|match|tournament|audition|paper|study|diet|"
        r"meds|medications?|antidepressants?|dose|therapy|treatment|technique|cbt|dbt|emdr|strategy|"
        r"intervention|app|printer|code|homework|experiment|tax\w*|recital|plan b|birth control|ivf)\b",
    ),
    (
        r"\b(?:looking at|staring at|holding|cleaning|handling|thinking about) (?:his|her|my|the|"
        r"their) (?:\w+ )?"
        r"(?:guns?|pistol|rifle|handgun|pills|rope)\b(?=.*\b(?:how easy|easy it would be|how quick|"
        r"how fast)\b)",
        "dwelling on a means and how easy it would be",
        r"\b(?:hunting|range|sell\w*|safe storage|lock box|gun safe)\b",
    ),
    (
        r"\b(?:scheduled|schedules|timed|set) (?:it|them|the (?:message|text|email|post|letter)s?|"
        r"an? (?:message|"
        r"text|email|post)) to (?:send|go out|post|be sent) (?:\w+ ){0,3}(?:tomorrow|tonight|after|later|"
        r"in the "
        r"morning|at \d+|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
        "a message to family scheduled for later",
        r"\b(?:newsletter|invoice|reminder|appointment|marketing|work email|boss|the team|birthday)\b",
        r"(?=.*\b(?:kids|children|family|mom|dad|mother|father|wife|husband|parents|sister|brother|everyone|"
        r"goodbye)\b)",
    ),
    (
        # from the modal on, so "doesn't matter, i won't make it" is not read as negated
        r"(?:(?<=\bi )|(?<=\bshe )|(?<=\bhe ))(?:will not|would not|is not going to|am not going to|is not "
        r"gonna|am not gonna) (?:make "
        r"it|live|last|be (?:here|around|alive)) (?:to|past|through|until|til|till) (?:monday|tuesday|"
        r"wednesday|"
        r"thursday|friday|saturday|sunday|tomorrow|the weekend|next week|christmas|(?:her|his|"
        r"my) birthday)\b|"
        r"\b(?:not|never) (?:sticking|staying|going to stick|going to be|gonna be) around (?:to see|for)\b",
        "talk of not living to a near day",
        r"\b(?:deadline|assignment|exam|paper|project|report|due|cancer|hospice|terminal\w*|dying of|shift|"
        r"job|"
        r"at this job|internship|semester|the move|moving|party)\b",
    ),
    (
        r"\b(?:counted|counting) (?:them|out )?(?:the |her |his |their |my )?(?:\w+ )?(?:pills|meds|"
        r"tablets)?\b"
        r"(?=.*\b(?:it is|its|that is|thats|they are|is|are) (?:enough|plenty)\b)",
        "pills counted to be enough",
        r"\b(?:pill organizer|pharmacy|refill|pill count for|as prescribed|for the week)\b",
        r"(?=.*\b(?:pills|meds|tablets|sleeping pills|bottle)\b)",
    ),
    (
        r"\b(?:if|when|once) (?:i|she|he|they) (?:do|does|did) it (?:myself|herself|himself|themselves)\b",
        "talk of doing it themself",
        r"\b(?:taxes|hair|paperwork|repairs?|fix\w*|move|moving|the form|cook\w*|clean\w*)\b",
        r"(?=.*\b(?:dnr|die|dying|death|kill|pills|end it|life|count|suicid\w*)\b)",
    ),
    (
        r"\b(?:tearing|tore|torn|ripping|ripped|braiding|braided|twisting) (?:up )?(?:his|her|their|the|a|"
        r"my) "
        r"(?:sheets?|blankets?|towels?|clothes|shirts?|t shirts?|pillowcases?) (?:in)?to strips\b|"
        r"\b(?:almost|not "
        r"quite|finally|is|it is) long enough\b(?=.*\b(?:sheet|strips|rope|cord|belt|noose)\b)",
        "a ligature being made",
        r"\b(?:craft|quilt|rag rug|art project|bandage)\b",
    ),
    (
        r"\b(?:already|just) took (?:them|it|the pills|all of them|the whole (?:\w+ )?(?:bottle|pack|box))\b"
        rf"(?=.*\b(?:\d\d|{_DRUG}|pills|bottle|an? (?:hr|hour) ago|minutes ago)\b)",
        "an overdose already taken",
        r"\b(?:as prescribed|my meds this morning|her meds this morning|his meds this morning|vitamins?)\b",
    ),
    (
        r"\b(?:stopped|quit|refusing|refuses|refused|not) (?:to )?(?:eating|eat|drinking|drink|"
        r"eating and drinking|"
        r"(?:taking )?(?:her|his|my|their) (?:\w+ )?(?:meds|insulin|medications?|dialysis|"
        r"pills))\b(?=.*\b(?:on purpose|to die|so "
        r"(?:i|she|he|they) (?:can|will|could) die|wants? to die|until (?:i|she|he|they) die)\b)",
        "stopping food, drink or medicine in order to die",
        r"\b(?:hunger strike|protest|fasting for|ramadan|lent|a diet|cleanse)\b",
    ),
    (
        r"\bnot (?:going to |gonna )?(?:wait|waiting) (?:for|around for) (?:the|this|her|his|my) (?:cancer|"
        r"disease|"
        r"illness|tumor|dementia|als|parkinson s|end|decline|diagnosis)\b",
        "planning to die before an illness does",
        r"\b(?:aid in dying|medical aid|death with dignity|maid)\b(?!.*\bnot in any\b)",
    ),
    (
        r"\b(?:swallowed|swallowing|swallow|ate|eating) (?:a |an |the |some |two |"
        r"several )?(?:\w+ )?(?:battery|"
        r"batteries|button batter\w*|razor blades?|blades?|glass|screws?|nails?|magnets?|pins?|needles?|"
        r"thumbtacks?|bleach|lighter fluid|detergent pods?|tide pods?)\b",
        "swallowed a dangerous object or substance",
        r"\b(?:toddler|baby|by accident|accidentally|sword swallow\w*)\b",
    ),
    (
        r"\b(?:i am |she is |he is )?sorry (?:that )?you (?:had|have|will have|are going) to (?:be the one|"
        r"see "
        r"this|see me like this|find me|hear this)\b",
        "a parting apology",
        "",
    ),
    (
        r"\b(?:will|is going to|going to|gonna|plans? to|wants? to|is going to) try (?:it |this |"
        r"that )?again\b"
        r"(?=.*\b(?:tied|hang\w*|cut (?:it|her|him) down|attempt\w*|pills|overdos\w*|noose|sheet|belt|cord|"
        r"jump\w*|watching|1 ?(?:to|:) ?1|suicid\w*)\b)|\b(?:sheet|bedsheet|belt|cord|rope|shoelaces?|scarf|"
        r"towel) (?:tied |wrapped |knotted )?(?:to|around|on) (?:the |a |her |his )?(?:door|hinge|closet|rod|"
        r"shower|beam|rafter|bunk|railing|neck|pipe)\b",
        "an attempt by hanging, or a plan to try again",
        r"\b(?:exam|test|class|course|rehab|sobriety|diet|interview|driving test|audition|tryout)\b",
    ),
    (
        rf"\b(?:looked up|look up|looking up|googled|googling|searched|researched|asked) how (?:many|much) "
        rf"(?:\w+ ){{0,2}}{_DRUG}\b|\bhow many (?:\w+ ){{0,2}}{_DRUG} (?:it takes|would kill|to die|"
        rf"to overdose|are "
        rf"(?:fatal|lethal|deadly))\b",
        "a lethal dose researched",
        r"\b(?:dosage chart|for (?:her|his|the) (?:fever|headache|cramps)|as directed|pharmacology|class)\b",
    ),
    (
        r"\b(?:i will|i am going to|going to|will|wants? to|ready to|gonna) (?:go )?(?:join|be with) (?:him|"
        r"her|"
        r"them|my (?:husband|wife|son|daughter|mom|dad|mother|father|baby|brother|sister)|(?:her|his|their) "
        r"(?:husband|wife|son|daughter|mom|dad|mother|father|baby|brother|sister))\b",
        "a wish to join someone who died",
        r"\b(?:for (?:dinner|lunch|coffee|the trip|vacation)|at the|in (?:florida|texas|the city)|moving|"
        r"visit\w*)\b",
        r"(?=.*\b(?:died|passed|death|dead|widow\w*|grave|heaven|bereave\w*|lost (?:her|his|their)|funeral|"
        r"pills|tonight|gun|rope)\b)",
    ),
    (
        r"\b(?:have|has|got|bought|keeps?|keeping) (?:the |a |my |her |his )?(?:rope|noose|pills|razor|"
        r"blades?|belt|hose) (?:in (?:my|her|his|the) (?:car|bag|backpack|purse|room|trunk|pocket)|ready|"
        r"already|with (?:me|her|him))\b|\bcar in the garage\b(?=.*\b(?:running|engine on|leav\w* it on|"
        r"hose)\b)",
        "a means of suicide kept ready",
        r"\b(?:camping|climbing|hiking|boat|sailing|first aid|prescribed|as prescribed|pharmacy|tow)\b",
    ),
    (
        r"\b(?:her|his|their|my) plan is (?:to )?(?:use )?(?:\w+ ){0,4}(?:gun|shotgun|rifle|pistol|pills|"
        r"rope|"
        r"noose|bridge|overpass|tracks|train|knife|razor|garage|exhaust|overdose|od|jump)\b|\b(?:already )?"
        r"(?:picked|chosen|chose|found|scouted|decided on|settled on) (?:the|a|which) (?:bridge|overpass|"
        r"building|cliff|spot|tree|rope|gun|method|way|place to (?:do it|jump|die))\b(?=.*\b(?:do it|end it|"
        r"jump|die|kill|gun|pills|rope|friday|tonight|after|when)\b)",
        "a plan with a method or a place",
        r"\b(?:hunting|range|deer|season|skeet|trap shooting|clay|photo\w*|hike|hiking|picnic|wedding|venue|"
        r"vacation|trip|lesson plan|treatment plan|business plan)\b",
    ),
    (
        r"\bso (?:that )?(?:i|she|he|they) (?:do not|does not|will not|would not|never) (?:wake up|feel "
        r"(?:it|anything|a thing))\b|"
        r"\b(?:took|taken|swallowed|downed|popped|drank) (?:\w+ ){0,6}(?:on purpose|intentionally|"
        r"deliberately|"
        r"to (?:die|end it|not wake up|sleep forever))\b",
        "an intentional overdose",
        r"\b(?:on purpose to (?:sleep|get high|feel)|by accident|accidentally)\b",
    ),
    (
        r"\b(?:check|checking|checked|checks) out (?:permanently|for good|forever|of (?:life|this life|this "
        r"world)|early)\b|\b(?:researching|researched|research|looking up|looked up|googling|googled|reading "
        r"about|searching|searched) (?:\w+ )?(?:methods|ways to (?:die|go|do it|end it))\b(?=.*\b(?:reddit|"
        r"online|forums?|internet|google|die|dying|end (?:it|things)|suicid\w*|kill|permanently|do it)\b)",
        "talk of leaving life for good, or methods researched",
        r"\b(?:hotel|library|store|checkout|cart|research methods|methods (?:class|course|section|chapter)|"
        r"qualitative|quantitative|statistic\w*|thesis methods)\b",
    ),
    (
        r"\b(?:does not|do not|did not) want (?:to be|anyone to|anybody to|me to|us to) (?:stopped|"
        r"stop (?:her|"
        r"him|them|it))\b|\b(?:do not|nobody|no one) (?:try to |can |will |is going to )?stop (?:me|her|"
        r"him)\b",
        "a plan they do not want stopped",
        r"\b(?:from (?:going|seeing|dating|moving|leaving|quitting)|party|concert|trip|wedding|divorce|"
        r"moving out|quitting)\b",
        r"(?=.*\b(?:plan|plans|planned|planning|tonight|this weekend|pills|gun|rope|end (?:it|things)|"
        r"do it)\b)",
    ),
    (
        r"\b(?:her|his|their|my) own funeral\b|\bfuneral\b(?: \w+){0,12} (?:meant|means|meaning|"
        r"talking about|"
        r"was about) (?:her|his|their) own\b",
        "talk of their own funeral",
        r"\b(?:terminal\w*|hospice|cancer|dying of|diagnosis|prognosis|end of life|advance directive|"
        r"pre ?planning|preplanned|insurance)\b",
        r"(?=.*\b(?:soon|come|coming|attend|invite\w*|asked|planning|plans|planned|going to|will be|sing|"
        r"speak|music|songs?)\b)",
    ),
    (
        r"\b(?:will not|would not|does not|no longer) (?:be )?need(?:ing)? (?:\w+ ){0,3}where (?:she|he|"
        r"they|i) "
        r"(?:is|are|"
        r"am) "
        r"going\b|\bwhere (?:she|he|they|i) (?:is|are|am) going,? (?:she|he|they|i) (?:will|"
        r"would) not need\b",
        "talk of not needing things where they are going",
        r"\b(?<!not )(?:moving|move|moves|trip|vacation|camp|college|deploy\w*|travel\w*|abroad|dorms?|army|"
        r"military|rehab|prison|jail|boarding school|new job)\b",
    ),
    (
        r"\b(?:plastic |trash |garbage )?bag over (?:her|his|their|my) (?:head|face)\b|\bsuffocat\w* "
        r"(?:herself|himself|themselves|myself)\b|\b(?:quickest|fastest|easiest|best|painless|surest|most "
        r"painless|least painful|most effective) (?:way|ways|method|methods) to (?:die|kill (?:herself|"
        r"himself|"
        r"myself|themselves)|end (?:it|her life|his life|my life|things)|overdose|commit suicide|go)\b",
        "a method rehearsed or researched",
        "",
    ),
    (
        r"\b(?:gun|pistol|rifle|handgun|shotgun|knife|razor|blade) (?:is )?(?:in|on) (?:her|his|"
        r"their) (?:lap|"
        r"hands?|mouth|head|temple|wrist|throat|chest)\b|\b(?:holding|held|has|had) (?:a |the |his |"
        r"her )?(?:gun|"
        r"pistol|knife|razor|blade) (?:to|against) (?:her|his|their) (?:head|temple|wrist|throat|chest)\b|"
        r"\b(?:will not|would not|is not going to|not going to) be (?:around|here|alive) (?:for|at|by|when) "
        r"(?:our|the|my|your|her|his|their) (?:next|upcoming)\b",
        "a means at hand or not being around",
        r"\b(?:toy|nerf|water gun|squirt|cooking|kitchen|vacation|trip|travel\w*|moving|surgery)\b",
    ),
    (
        r"\bsee you never\b|\b(?:you will|you would|you are going to) (?:know|understand) why\b|"
        r"\bthis is the "
        r"last time (?:you will|you are going to) (?:see|hear from)\b|\b(?:posting|posted|posts|tweeting|"
        r"tweeted|writing|wrote|texting) (?:\w+ ){0,2}about (?:ending it|ending (?:his|her|their) life|"
        r"killing "
        r"(?:himself|herself|themselves)|dying|suicide|not being here|wanting to die|ending things)\b|"
        r"\bno one "
        r"(?:will|can|could|is going to) stop (?:her|him|me|them)\b(?=.*\b(?:do it|this time|kill|die|end|"
        r"jump|pills|tonight)\b)|\b(?:going to|will|gonna) do it (?:this time|for real|tonight|soon)\b",
        "an ominous statement of intent",
        "",
    ),
    (
        r"\bhelium\b(?=.*\b(?:tank|bag|mask|bought|ordered|research\w*|plan\w*|tubing|"
        r"hose)\b)(?!.*\b(?:balloons?|"
        r"party|birthday)\b)|\bexit bag\b|\bnitrogen (?:tank|gas)\b(?=.*\b(?:bought|ordered|research\w*|"
        r"bag|mask)\b)",
        "an inert-gas method",
        "",
    ),
    (
        rf"\b(?:is|am|are|currently|now|sitting|standing|walking|pacing|parked|stood|sat|perched|climbed) "
        rf"(?:\w+ )?"
        rf"(?:on|at|onto|up on|on top of|at the top of|on the edge of) (?:the |a |her |his |their |this |"
        rf"that )?"
        rf"(?:\w+ )?(?!balcony\b(?!.*\b(?:\d+(?:st|nd|rd|th) floor|railing|edge|ledge|jump\w*)\b))"
        rf"{_PLACE_NAMES}\b(?! (?:deck|bar|party|garden|restaurant|club|pool|terrace|lounge)\b)",
        "at a high place now",
        r"\b(?:fixing|repair\w*|shingles|gutters|roofer|roofing|construction|work crew|party|view|"
        r"photos?|hike|hiking|walk with|fireworks|tour|dinner|bar|concert|sunset|traffic|commute|stuck|"
        r"committee|club)\b",
    ),
    (
        r"\b(?:not|never) (?:going to |gonna )?be (?:here|around|alive) (?:much )?(?:longer|for long|anymore|"
        r"any more|next (?:week|month|year))\b|\bwants? (?:a|an|my|her|his) (?:way out|exit|out)\b|"
        r"\b(?:looking for|found) (?:a|an|the) (?:way out|exit)\b|\b(?:(?:my|her|his) )?(?:insurance policy|"
        r"backup plan|plan b|exit plan|escape hatch)\b(?=.*\b(?:pills|meds|oxy\w*|gun|rope|stockpil\w*|saved|"
        r"bottle|morphine|fentanyl)\b)",
        "talk of not being around or a way out",
        _SOMEONE_ELSE_NOT_AROUND + "|"
        r"\b(?:job|work|lease|contract|marriage|relationship|town|state|vacation|moving|move|trip)\b",
    ),
    (
        r"\b(?:holding|held|holds|cleaning|loading|loaded|carrying|caressing) (?:his|her|their|the|my) "
        r"(?:\w+ )?(?:gun|pistol|rifle|handgun|shotgun|revolver)\b(?=.*\b(?:crying|cries|cried|every night|"
        r"thinking|hours|alone|staring|in the dark|drunk|sobbing|temple|mouth|head)\b)",
        "handling a gun in distress",
        r"\b(?:range|hunting|hunt|class|safety course|for work|on duty)\b",
    ),
    (
        r"\b(?:taking|took|takes|bringing|brought|stole|stealing|steals|pocketing|pocketed|ordered|ordering|"
        r"bought|buying|stockpil\w*|hiding|hid|hidden|stash\w*|keeps?|keeping|kept|has|have|"
        r"got) (?:\w+ ){0,3}"
        r"(?:potassium chloride|succinylcholine|vecuronium|rocuronium|paralytics?|pentobarbital|nembutal|"
        r"euthasol|euthanasia (?:solution|drugs?|meds)|sodium nitrite|cyanide|propofol)\b(?=.*\b(?:home|"
        r"locker|car|purse|bag|drawer|stole|stealing|pocket\w*|ordered|online|bought|hid\w*|stash\w*|"
        r"stockpil\w*|for herself|for himself|for later|just in case)\b)",
        "a lethal agent taken or obtained",
        "",
    ),
    (
        r"\blet (?:the )?(?:ocean|sea|water|river|lake|waves|cold|train|current) (?:take|have|"
        r"swallow) (?:her|"
        r"him|them|me)\b|\b(?:took|swallowed|taken|downed) (?:them all|all of them|every (?:one|last one|"
        r"single one)|the (?:whole|entire) (?:thing|bottle|lot))\b|\b(?:does not|do not|did not|doesnt) care "
        r"(?:if|whether) (?:she|he|they|i) (?:wakes? up|dies?|lives?|survives?|makes? it)\b|\b(?:not|"
        r"does not|"
        r"do not|never) (?:plan|intend|expect|want)s? to (?:be alive|be here|be around|live|make it|still be "
        r"here)\b(?= (?:next|by|past|until|through|much|for|after|in)\b)|\bwants? to be gone\b(?! (?:for|on|"
        r"by the time|when))|\b(?:be|is|will be) gone (?:before|by) (?:the weekend|tomorrow|tonight|"
        r"christmas|"
        r"\w+day|her birthday|his "
        r"birthday|the end of|next)\b",
        "a wish or plan to be dead",
        r"\b(?:vacation|trip|travel\w*|moving|move|conference|visit\w*)\b",
    ),
    (
        r"\b(?:stood|standing|sat|sitting|stared|staring|spent) (?:\w+ ){0,2}(?:in front of|at|over|"
        r"with) (?:the "
        r"|her |his |a )?(?:medicine cabinet|pills|pill bottles?|bottle of pills|gun|rifle|rope|noose|razor|"
        r"knife|ledge|edge)\b(?=.*\b(?:hour|hours|long time|while|deciding|debating|thinking|almost|"
        r"wonder\w*|"
        r"crying|night)\b)|\b(?:scoping|scoped|scouting|scouted|checking|checked|looking|looked|"
        r"casing) (?:out "
        r")?(?:\w+ ){0,2}(?:buildings|bridges|rooftops|roofs|overpasses|parking garages|cliffs|"
        r"places to jump|"
        r"spots to jump|heights|tall buildings)\b|\b(?:almost|nearly) (?:did it|went through with it|"
        r"jumped|pulled the trigger|took them|overdosed)\b",
        "rehearsing or scouting a method",
        r"\b(?:apartment hunting|real estate|architecture|photography|project|tour)\b",
    ),
    (
        r"\b(?:dose|amount|how much|how many) (?:\w+ ){0,5}(?:that |it )?(?:would|will|could|to|"
        r"might) (?:stop "
        r"(?:her|his|my|their|a) heart|kill (?:her|him|me|them|someone|a person)|be (?:fatal|lethal|deadly)|"
        r"do "
        r"it)\b|\basked (?:me |us )?(?:if|whether|how|what|which) (?:\w+ ){0,4}(?:overdos\w*|hanging|"
        r"drowning|bleeding out|jumping|dying|suicide|pills)\b (?:\w+ ){0,3}(?:are |is |would be |would )?"
        r"(?:painful|hurt|quick|fast|take|work|lethal|painless|fatal)\b",
        "asking about a lethal method",
        r"\b(?:nclex|exam|pharmacology|class|course|textbook|project|paper)\b",
    ),
    (
        r"\b(?:i|she|he|they) (?:have|has|got) a plan\b(?= *$| [.,!?;:]| and$| and (?:then )?(?:changed|"
        r"would not|"
        r"will not|refused|smiled|left|went quiet|laughed|would not say|will not say)\b| but (?:would not|"
        r"will not|"
        r"refused|did not want)\b)",
        "a plan not disclosed",
        r"\b(?:plan (?:for|to) (?:school|work|college|the weekend|her career|his career))\b",
    ),
    (
        r"\bsee (?:you|yall|you all|everyone|everybody|y all)(?: all)? (?:on the other side|in (?:heaven|the "
        r"next life|another life))\b|\b(?:do not|dont|no need to|stop) worry(?:ing)? about me (?:anymore|any "
        r"more|ever again)\b|\b(?:i am|i will be|she will be|he will be) (?:going to be )?(?:fine|free|"
        r"at peace|"
        r"out of pain) soon\b|\b(?:it|this|everything) will (?:all )?be over soon\b",
        "an explicit final farewell",
        "",
    ),
    (
        r"\b(?:better off with (?:the|my|her|his|their) (?:\w+ )?(?:life insurance|insurance|money)|(?:life "
        r"insurance|insurance (?:money|payout|policy)) (?:\w+ ){0,5}(?:if|when|once) (?:she|he|they|i) "
        r"(?:died|dies|was gone|were gone|is gone|killed)|suicide clause|"
        r"life insurance (?:\w+ ){0,3}(?:cover|"
        r"pay|pays) (?:out )?(?:for )?suicide)\b",
        "believes others are better off with their death",
        "",
    ),
    (
        r"\b(?:crash|crashing|crashed|wreck|wrecking|drive|driving|drove|swerve|swerving) (?:\w+ ){0,3}(?:on "
        r"purpose|deliberately|intentionally)\b|\bon purpose\b(?=.*\b(?:crash\w*|car|drive|driving|traffic|"
        r"overdos\w*|pills|cut\w*)\b)",
        "a plan to crash or harm on purpose",
        "",
    ),
    (
        r"\b(?:in|inside|sitting in) (?:her|his|their|the|a) (?:car|truck|van) in (?:the|her|his|their|a) "
        r"(?:closed |shut |locked )?garage\b|\bcar in (?:the|a|her|his) (?:closed|shut|locked) garage\b",
        "in a car in a closed garage",
        r"\b(?:parked|parking|unloading|groceries|fixing|working on|cleaning)\b",
        r"\b(?:closed|shut|locked|running|engine|will not|would not|refuses|hose|tape|vent|fumes|exhaust|"
        r"door|crying|alone|not answering|tell me)\b",
    ),
    (
        r"\b(?:locked|locks|locking|shut|barricaded) (?:herself|himself|themselves|themself|myself) (?:in|"
        r"into|"
        r"inside)\b(?=.*\b(?:razor|blade|knife|pills|gun|rope|belt|cord|meds|will not|refuses|crying|"
        r"screaming|threaten\w*|cutting|bleeding|door)\b)|\b(?:will not|would not|refuses to|refused to) "
        r"(?:open|unlock) the door\b(?=.*\b(?:razor|blade|knife|pills|gun|rope|cut\w*|kill|die|hurt|"
        r"bleeding|suicid\w*)\b)",
        "barricaded with a means of harm",
        "",
    ),
    (
        r"\b(?:wrists?|arms?|legs?|thighs?|neck|throat) (?:is |are |was |were )?(?:cut|slit|sliced|slashed) "
        r"(?:open|up|deep|badly)\b|\b(?:photo|pic|picture|video|selfie) of (?:her|his|"
        r"their) (?:\w+ )?(?:wrists?|"
        r"cuts|arms?|blood|bleeding|wounds?)\b",
        "a self-inflicted wound shown or described",
        "",
    ),
    (
        rf"\b(?:saving|saved|saves|hiding|hid|hides|hoarding|collecting|stockpiling|stashing|squirrel\w*"
        rf"(?: away)?) (?:(?:up|away|all|some|her|his|their|my|the|extra|of|leftover|"
        rf"old) )*(?:\w+ )?{_DRUG}\b|"
        rf"\b{_DRUG} (?:\w+ ){{0,3}}(?:for a rainy day|just in case|for later|for when (?:she|he|they|i) "
        rf"(?:is|are|am) ready|when the time comes|for the right moment)\b|\b(?:fill\w*|refill\w*) (?:her |"
        rf"his "
        rf"|their )?(?:prescriptions?|scripts?|meds) early\b|\b(?:hiding|hid|hides|stashing|keeping) (?:the |"
        rf"her "
        rf"|his )?(?:extras|extra (?:pills|meds|doses)|leftover (?:pills|meds))\b",
        "means stockpiled",
        r"\b(?:pill organizer|money|coupons?|refill reminder|take back)\b",
    ),
    (
        r"\bhow (?:much|many) (?:\w+ ){0,3}(?:would be|is|are|it would take|it takes|to take) (?:too (?:much|"
        r"many)|fatal|lethal|deadly|enough to|an overdose)\b|\bhow long (?:\w+ ){0,3}(?:can|could|would) "
        r"(?:survive|live|last) without (?:insulin|food|water|meds|medication|air|oxygen|dialysis)\b",
        "asking about a lethal amount",
        r"\b(?:nclex|exam|pharmacology|class|course|textbook|for my kid|for her kid|teething|fever|"
        r"dosing chart)\b",
    ),
    (
        r"\b(?:might|may|could|will|would|going to|wants? to|plans? to|ready to|tempted to) (?:actually |"
        r"just )?"
        r"use (?:it|them|the \w+|his \w+|her \w+|that)\b(?= *$| [.,;!?]| (?:on (?:herself|himself|themselves|"
        r"myself)|tonight|soon|if|when|one day|someday|eventually|anyway)\b)",
        "a means they might use",
        r"\b(?:as prescribed|hunting|range|deer|season|for work|on duty)\b",
        r"\b(?:gun|rifle|pistol|pills|rope|knife|razor|meds|blade|belt|insulin|noose)\b",
    ),
    (
        r"\b(?:thinking|thought|thinks|thinkin) (?:about|of) (?:using|taking|doing it with|grabbing) (?:it|"
        r"them|"
        r"the \w+|his \w+|her \w+|that)\b(?=.*\b(?:gun|rifle|pistol|pills|rope|knife|razor|meds|blade|belt|"
        r"insulin|himself|herself)\b)|\b(?:looking|staring|stares|looks|looked) at (?:\w+ ){0,3}(?:gun|rifle|"
        r"pistol|pills|rope|noose|knife|razor|blade)\b(?=.*\b(?:thinking|thought|wonder\w*|urge|lately|a lot|"
        r"every night|hours?|tempted|wants?)\b)",
        "contemplating a lethal means",
        r"\b(?:buy|buying|shopping|store|for sale|price)\b",
    ),
    (
        r"\b(?:tried|attempted|tries|trying) (?:to )?(?:hang|hanging|kill|shoot|overdos\w*|suffocat\w*|drown|"
        r"strangl\w*) (?:herself|himself|themselves|themself|myself)?\b|\b(?:tried|attempted) (?:suicide|"
        r"it)\b"
        r"(?=.*\b(?:last night|yesterday|this morning|this week|again|tonight|today|weekend|belt|rope|broke|"
        r"pills|cord)\b)",
        "a recent attempt",
        "",
    ),
    (
        r"\b(?:speak|talk|sing|read) at (?:her|his|their) funeral\b|\b(?:planning|planned|plans|wrote|picked|"
        r"picking|chose) (?:out )?(?:her|his|their) (?:own )?(?:funeral|obituary|eulogy|burial|casket|"
        r"headstone)\b|\bwhat (?:she|he|they) wants? (?:at|for) (?:her|his|their) funeral\b",
        "planning their own funeral",
        r"\b(?:hospice|terminal|cancer|diagnos\w*|prognosis|palliative|end of life care|advance directive|at "
        r"peace|no signs of depression|pre ?need|prepaid|pre ?planning|estate planning|(?:she|he) is (?:8|"
        r"9)\d)\b",
    ),
    (
        r"\b(?:(?:it was|was|been) )?(?:nice|good) knowing (?:you|everyone|everybody|yall|you all|all of "
        r"you|ya)\b|\b(?:this is|it is) (?:my|her|his) (?:last|final) (?:post|message|text|goodbye)\b|"
        r"\bgoodbye (?:forever|for good|world|everyone|everybody|cruel world)\b|\bwhen i am gone\b|"
        r"\bsorry for what i am about to do\b",
        "an explicit final farewell",
        r"\b(?:moving|move|new job|retir\w+|graduat\w+|leaving (?:the|this) (?:group|server|company|job))\b",
    ),
    (
        r"\b(?:bullet|gun|barrel|pistol) (?:in|to|into|through) (?:(?:his|her|their|my) (?:own )?)?(?:head|"
        r"brain|mouth|temple)\b|\b(?:eat|eating|ate) (?:a |his |her )?(?:bullet|gun)\b|\bblow (?:his|her|"
        r"their|my) (?:brains|head) (?:out|off)\b",
        "a plan to use a gun on themself",
        "",
    ),
    (
        r"\b(?:googled|googling|searched|searching|looked up|looking up|researched|researching|reading up "
        r"on|asked (?:me|chatgpt|ai|google)|asking (?:me|chatgpt|ai|google)) (?:\w+ ){0,3}(?:how|what|which|"
        r"where) (?:\w+ ){0,6}(?:bleed out|die|dying|drown|hang|suffocate|kill|overdose|lethal|fatal|deadly|"
        r"stop breathing|stop (?:her|his|my) heart|(?:would|will) (?:it )?(?:take|hurt)|painless|jump from|"
        r"high enough|far enough|kill (?:her|him|my|them)sel\w*)\b|\b(?:how long|how fast|how quickly) "
        r"(?:\w+ ){0,4}(?:to |it takes to |would it take to )?(?:bleed out|die|drown|suffocate|hang)\b|"
        r"\bpainless (?:way|ways|method|methods|death) to\b|\bpainless (?:way|ways) to die\b",
        "researching a method",
        r"\b(?:nclex|exam|pharmacology|first aid|cpr|lifeguard|class|course|textbook)\b",
    ),
    (
        rf"\b{_DRUG}\b (?:\w+ ){{0,6}}(?:been |is |was |has been )?(?:collecting|saving|saved|hoarding|"
        rf"hoarded|stockpiling|stockpiled|stashing|stashed|squirreling|squirrelled|hiding)\b|\b(?:a |her |"
        rf"his )?(?:bag|stash|jar|box|baggie|collection|ziploc) of (?:\w+ )?{_DRUG}\b",
        "means stockpiled",
        r"\b(?:pill organizer|pharmacy|refill|expired|disposal|take back)\b",
    ),
    (
        r"\benough (?:\w+ ){0,4}(?:to (?:not wake up|never wake up|die|kill|end (?:it|her life|his life|"
        r"things|"
        r"everything)|do it|be lethal|overdose|go to sleep forever|not be here)|that (?:she|he|they|i) "
        r"(?:would|will) (?:not wake up|die))\b|\b(?:knows?|knew|figured out|calculated|worked out|looked "
        r"up|looking up|searching|searched|reading|researched|researching|googled|googling|asked|asking) "
        r"(?:\w+ ){0,2}how (?:much|many) (?:\w+ ){0,3}"
        r"(?:(?:she|he|they|i|you|it) (?:would|will|might|could) (?:need|take|kill)|(?:it|that) (?:takes|"
        r"would take)|to take|is (?:fatal|lethal|deadly|too much)|would be (?:fatal|lethal|deadly|enough))\b",
        "researching or holding a lethal amount",
        r"\b(?:naloxone|narcan|harm reduction|nclex|pharmacology|exam)\b",
    ),
    (
        r"\b(?:going to|will|wants? to|wanted to|plans? to|planning to|thinking (?:about|of)|thought about|"
        r"might|gonna|about to|tempted to|urge to|urges to) (?:\w+ ){0,1}(?:drive|crash|swerve|steer|wreck|"
        r"run|ram|plow) (?:\w+ ){0,3}(?:into|off|through|over) (?:\w+ ){0,3}\w+",
        "a plan to crash the car",
        r"\b(?:the store|work|school|the office|town|the city|home|her mom|his mom|a friend|the party)\b$|"
        r"\b(?:run|ram|plow|mow) (?:him|her|them|the kid|the \w+ kid|that kid|the guy|that guy|(?:my|his|"
        r"her) "
        r"ex|(?:his|her|their) \w+) (?:down|over)\b",
    ),
    (
        r"\b(?:wants?|wanted|wanting|needs?|wishes|wished|just wants?) (?:it|it all|everything|this|all of "
        r"this|the pain|life) to (?:be over|end|stop)(?: forever| for good| already)?\b|"
        r"\bnothing to live for\b|"
        r"\b(?:gave|giving|give|given) up on (?:life|living|everything|herself|himself|themselves)\b|"
        r"\b(?:after|"
        r"by) \w+ (?:none of this|nothing) (?:will|is going to) matter\b|\bnone of (?:this|it) will matter\b",
        "wants it all to be over",
        r"\b(?:semester|exam|finals|job|shift|meeting|project|move|trial|divorce|surgery|flight|week|day)\b"
        r"(?= (?:to|is|will) (?:be )?(?:over|end|stop))",
    ),
    (
        r"\bon (?:the|a|her|his|their) ledge\b|\b(?:standing|sitting|stood|sat|climbed|climbing|perched) "
        r"(?:on|onto|over|at) (?:the |a )?(?:ledge|railing|edge of (?:the |a )?(?:roof|bridge|building|"
        r"overpass|"
        r"balcony|cliff|platform|parking garage))\b|\bwrong side of the (?:railing|rail|fence|barrier)\b",
        "on a ledge or edge",
        r"\b(?:window ledge|rock climbing|climbing gym|bouldering)\b",
    ),
    (
        r"\b(?:engine|car|motor) (?:is |was |still |left )?(?:running|on)\b(?=.*\b(?:garage|closed|hose|"
        r"exhaust|sealed)\b)|\b(?:garage|closed|hose|exhaust)\b.*\b(?:engine|car|motor) (?:is |was |still |"
        r"left )?running\b|\bhose (?:from|to|in|on|into) (?:the |her |his )?(?:exhaust|tailpipe|car)\b|"
        r"\bcharcoal (?:in|and) (?:a |the |her |his )?(?:closed|sealed|small|locked)? ?(?:room|bathroom|car|"
        r"tent)\b|\bcarbon monoxide\b(?=.*\b(?:car|garage|charcoal|tonight|plan|wants?|going to)\b)",
        "carbon monoxide: a car running in a closed space",
        r"\b(?:detector|alarm|leak)\b",
    ),
    (
        r"\binject(?:ing)? (?:\w+ ){0,2}(?:all|every|them all|the whole|the rest|enough|a lot|herself|"
        r"himself|themselves|myself)\b|\b(?:going to|will|wants? to|plans? to|planning to|about to) "
        r"inject\b(?=.*\b(?:vials?|morphine|fentanyl|insulin|potassium|air|propofol|tonight|all)\b)",
        "means and intent to inject",
        r"\binsulin (?:as prescribed|like (?:she|he) (?:is|was) supposed to)\b",
    ),
    (
        r"\b(?:took|swallowed|drank|ingested|downed|taken) (?:a |the |her |his |their |an )?(?:whole |"
        r"entire |full )?(?:bottle|pack|box|package|sheet|handful|strip|blister pack) of\b|"
        rf"\bhad (?:a |the |her |his |their |an )?(?:whole |entire |full )?(?:bottle|pack|box|package|sheet|"
        rf"handful|strip|blister pack) of (?:\w+ ){{0,2}}{_DRUG}\b|"
        r"\b(?:drank|drunk|drinking|swallowed|ingested|ate|took) (?:\w+ ){0,3}(?:bleach|antifreeze|poison|"
        r"drain cleaner|rat poison|"
        r"cleaning (?:fluid|products?)|lighter fluid|pesticide)\b",
        "took a large quantity or a poison",
        r"\bbottle of (?:water|wine|beer|soda|juice|champagne)\b(?!.*\b(?:pills|meds)\b)",
    ),
    (
        r"\b(?:use|using|used|point|pointing|pointed|turn|turning|turned) (?:\w+ ){0,3}(?:on|against) "
        r"(?:herself|himself|themselves|themself|myself)\b|\bwhich (?:drug|pill|pills|method|gun|way|"
        r"medication|one) (?:she|he|they|i) (?:would|will|could|is going to) use\b",
        "a weapon turned on themself",
        "",
    ),
    (
        r"\b(?:only|no|another) way out\b(?! of (?:the|her|his|their|this|that) (?:lease|contract|job|deal|"
        r"class|"
        r"program|building|maze|room))|\b(?:to|will|going to|wants? to|plans? to|decided to|ready to) "
        r"end it\b(?! (?:with|for|between|off|there|early|soon with))",
        "talk of a way out or ending it",
        r"\b(?:relationship|marriage|boyfriend|girlfriend|husband|wife|partner|job|lease|contract|friendship|"
        r"escape room|maze)\b",
    ),
    (
        r"\b(?:walk|walking|walked|swim|swimming|swam|wade|wading) (?:out )?(?:into|in) (?:the )?(?:ocean|"
        r"sea|lake|"
        r"river|water|traffic|a train|the tracks)\b|\bdrown (?:herself|himself|themselves|myself)\b",
        "a plan to drown or walk into danger",
        r"\b(?:tradition|for fun|every summer|swim team|lifeguard\w*|swim lessons?|pool party|vacation|"
        r"beach day|camp counselor|summer camp)\b",
    ),
    (
        r"\b(?:want|wants|wanted|wish|wishes|wished|hope|hopes|hoping|pray|prays|"
        r"praying) (?:\w+ ){0,5}(?:never|not) "
        r"(?:wake|waking|woke) up\b",
        "a wish not to wake up",
        _NO_INTENT_NO_PLAN,
    ),
    (
        r"\b(?:picked|set|chose|chosen|has|have|got|gotten) (?:a |the )?date (?:picked|set|"
        r"chosen)?\b(?=.*\b(?:end|die|"
        r"kill|suicide|way out|goodbye|it all|method|plan|pills|gun|rope)\b)|\b(?:has|have|got|picked|chose|"
        r"chosen|decided on|figured out) (?:a |the |her |his )?(?:method|way to do it|how to do it)\b|"
        r"\b(?:end|die|kill|suicide|way out)\b.*\b(?:date|day) "
        r"(?:picked|set|chosen)\b",
        "a date chosen",
        "",
    ),
    (
        r"\b(?:researching|researched|looking up|looked up|googling|googled|searched|searching|"
        r"reading up on) "
        r"(?:\w+ ){0,3}(?:bridges?|cliffs?|overdoses?|poisons?|nooses?|ropes?|suicide methods?|ways to die|"
        r"lethal doses?|heights to jump)\b|\btallest (?:bridges?|buildings?|cliffs?)\b",
        "researching a method",
        r"\b(?:trip|vacation|project|class|paper|homework|engineering|photos?|sightseeing)\b|\bin (?:her|his|"
        r"their) (?:coffee|tea|food|drinks?|meals?|dinner|soup)\b|\bto make (?:her|him|them) sick\b",
    ),
    (
        r"\b(?:swallow|swallowing|swallowed|take|taking|took|down|downing|downed) (?:all|all of|every|"
        r"the whole "
        r"bottle of|a bottle of|a whole bottle of|a handful of|a bunch of|the rest of|extra|double|too much|"
        r"too many) "
        r"(?:of )?(?:her |his |their |my |the )?(?:\w+ )?(?:lithium|xanax|tylenol|benzos?|opioids?|oxy\w*|"
        r"percocet|vicodin|seroquel|insulin|klonopin|ativan|ambien|pills|meds|medications?|tablets|"
        r"antidepressants|sleeping pills|painkillers|prescriptions?)\b",
        "taking a dangerous quantity of medication",
        r"\b(?:party|partying|to get high|getting high|recreational\w*|rave|festival|at the club)\b",
    ),
    (
        r"\bbetter off (?:if|when) (?:i|she|he|they) (?:\w+ ){0,3}(?:died|crashed|was gone|were gone|"
        r"was dead|were "
        r"dead|disappeared|was not here|were not here|was not around|killed|never woke up|did not wake up)\b",
        "believes others are better off if they died",
        "",
    ),
    (
        r"\b(?:loaded )?(?:gun|firearm|pistol|rifle|rope|noose)\b (?:\w+ ){0,5}(?:for when (?:she|he|they|i) "
        r"(?:is|are|am) ready|when the time comes|just in case|for later)\b|\bloaded (?:gun|pistol|rifle)\b",
        "a weapon kept ready",
        r"\b(?:denies|denied|no safety concerns|hunting|hunter|range|collection)\b",
    ),
    (
        r"\b(?:jump|jumping|jumped|leap|leaping) (?:off|from|in front of|out of) (?:\w+ ){0,3}(?:bridge|roof|"
        r"rooftop|building|balcony|cliff|train|car|overpass|parking garage|bus|truck|window|tower|ledge|"
        r"highway)\b",
        "a plan to jump",
        "",
    ),
    (
        r"\b(?:drive|driving|drove|crash|crashing|crashed|steer|swerve|swerving) (?:her |his |their |my |"
        r"the )?"
        r"(?:car |truck )?(?:into|off) (?:a |the |oncoming )?(?:tree|wall|bridge|cliff|traffic|pole|river|"
        r"lake|"
        r"truck|overpass|road)\b|\b(?:step|stepping|walk|walking) (?:in front of|into) (?:a |the )?(?:train|"
        r"bus|"
        r"truck|traffic|car)\b",
        "a plan to crash or step into traffic",
        "",
    ),
    (
        r"\b(?:lethal|fatal|deadly) (?:dose|amount|overdose)\b|\bhow (?:much|many) (?:\w+ ){0,3}(?:would|"
        r"it would|"
        r"will|to) (?:kill|be lethal|be fatal|be enough|take to die|stop (?:her|his|my) heart)\b|"
        r"\b(?:\w+ ){0,2}"
        r"(?:would be|is) (?:lethal|fatal)\b|\benough (?:pills|meds|tylenol|insulin|\w+) to (?:die|kill|"
        r"end)\b",
        "researching a lethal dose",
        r"\b(?:naloxone|narcan|harm reduction)\b",
    ),
    (
        r"\b(?:stockpil\w*|hoard\w*|stash\w*|sav(?:ed|ing) up) (?:\w+ ){0,3}(?:oxy\w*|xanax|tylenol|benzos?|"
        r"opioids?|percocet|vicodin|lithium|seroquel|insulin|klonopin|ativan|ambien|sleeping pills|pills|"
        r"meds|"
        r"medications?|prescriptions?|painkillers|fentanyl|heroin|pain meds)\b",
        "means stockpiled",
        "",
    ),
    (
        r"\b(?:pic|pics|picture|photo|photos|image|video) of (?:\w+ ){0,3}(?:pills|meds|a gun|a handgun|a "
        r"pistol|a rifle|a revolver|his gun|her gun|a rope|a knife|"
        r"a noose|blades?|razors?|a bridge|the bridge|a ledge)\b|\bbottle of (?:pills|meds|\w+) (?:with|and) "
        r"(?:sorry|goodbye|i love you|i am sorry)\b",
        "a picture of a method",
        "",
    ),
    (
        r"\b(?:will not|would not|no longer) (?:be|have to be) (?:a |anyone )?(?:problem|burden|bother) "
        r"(?:for|to) (?:anyone|anybody|everyone|you|them|her family|his family)\b|\b(?:a|such a) burden "
        r"(?:to|on) (?:everyone|everybody|her family|his family|their family|my family|them|you)\b|"
        r"\b(?:will not|would not|never|no longer|wont) (?:ever )?(?:need|have) to (?:deal|worry) (?:with|"
        r"about) "
        r"(?:me|her|him)\b|\bnot (?:be )?(?:around|here) "
        r"(?:much )?(?:longer|for long)\b",
        "believes they are a burden or will not be around",
        _SOMEONE_ELSE_NOT_AROUND,
    ),
    (
        # "the pills in her nightstand ... she has been saving them up": the stockpile named earlier
        r"\b(?:saving|saved|stockpiling|stockpiled|hoarding|hoarded|stashing|stashed|collecting|collected|"
        r"squirreling|squirrelling) (?:all of )?them\b(?: up| away| all)?",
        "means stockpiled",
        r"\b(?:pill organizer|disposal|take back|pharmacy|refill|expired|recycl\w*|coupons?|points|"
        r"lock ?box|locked|for (?:her|his|their) (?:trip|travel|vacation))\b",
        rf"\b{_DRUG}\b",
    ),
    (
        # Regret at surviving an attempt, or a vow to succeed next time, is a warning sign of a
        # further, more lethal attempt.
        r"\b(?:regrets?|regretted|regretting|sorry|angry|mad|upset|disappointed|furious|hates?) (?:that )?"
        r"(?:(?:she|he|they|i) )?(?:(?:is|was|are|were|has|had) )?(?:waking up|woke up|survived|surviving|"
        r"lived|is still alive|still alive|being found|was found|got found|being saved|was saved|"
        r"did not die|it did not work|it failed|they found (?:her|him|them))\b|"
        r"\b(?:do|get) it right (?:next time|this time)\b|\bmake sure it works (?:next time|this time)\b|"
        r"\bnext time (?:she|he|they|i) (?:will|would|is going to|are going to) (?:make sure|do it right|"
        r"get it right|not fail|not mess (?:it )?up|use (?:more|a gun|the gun|something stronger))\b",
        "regrets surviving or vows to succeed next time",
        "",
        r"\b(?:attempt\w*|overdos\w*|pills|hospital\w*|er|icu|inpatient|psych ward|hang\w*|kill\w*|"
        r"suicid\w*|died|die|dead|rope|cut|cutting|wrists?|jump\w*|gun)\b",
    ),
    (
        r"\b(?:tired of (?:everything|it all|all of it|fighting)|done with (?:it all|everything|life|living)|"
        r"(?:wants?|wanted) (?:it all|everything|the pain|the pain all|it) to (?:stop|end)(?: forever|"
        r" for good)?|"
        r"make it (?:all )?stop for good|can not do (?:this|it|life) anymore)\b",
        "wants everything to end",
        r"\b(?:job|work|school|class|semester|relationship|marriage|divorce|commute) (?:to|is)\b",
    ),
)

# Warning signs that mean little alone but a lot together (giving things away, parting messages,
# cancelling the future): two or more in one message count as a suicide risk.
_WARNING_SIGNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        r"\b(?:gave|given|giving|gives|give) (?:me |us |away )?(?:her|his|their|my|all|all of|most of)? ?"
        r"(?:her |his |their "
        r"|my )?(?:dog|cat|pets?|things|stuff|belongings|possessions|clothes|jewelry|books|car|guitar|"
        r"savings)\b",
        r"\b(?:cancel\w*|quit|stopped|dropped) (?:all )?(?:her|his|their|my)? ?(?:future |upcoming |"
        r"next )?(?:appts|"
        r"appointments|sessions|plans|classes|lease|subscriptions|therapy)\b",
        r"\b(?:wrote|writing|written|left) (?:a |some |goodbye )?(?:letters?|notes?|cards?) (?:to|"
        r"for) (?:her|his|"
        r"their|my)? ?(?:kids|children|family|mom|dad|parents|husband|wife|partner|friends|sister|brother|"
        r"son|"
        r"daughter)\b",
        r"\b(?:this is it|this is the end|it is time|i am ready|she is ready|he is ready|when (?:she|he|"
        r"i) is "
        r"ready|when (?:she|he|i) am ready|at peace with (?:it|her decision|his decision)|made (?:her|his|"
        r"my) "
        r"peace|done fighting|not fighting anymore|no more fighting|last time you will|last session ever)\b",
        r"\bthank you for (?:trying|everything|all you did|all you have done|being there|"
        r"putting up with me)\b",
        r"\b(?:will not|would not|does not|no longer) (?:need|be needing|use|be using) (?:it|them|this|that|"
        r"these|those|any of (?:it|this|that|them)|(?:her|his|their) \w+) (?:anymore|any more)\b",
        r"\b(?:updated|wrote|made|finished) (?:her|his|a|my) (?:will|life insurance|funeral plans)\b|"
        r"\baffairs in order\b",
        r"\b(?:loaded )?(?:gun|firearm|pistol|rifle|rope|noose|knife|blade|razor|pills|meds)\b (?:\w+ ){0,4}"
        r"(?:by (?:the|her|his) bed|in (?:her|his) (?:car|trunk|nightstand|drawer|bag|purse))\b",
        # putting affairs in order: settling debts, selling what they own, sparing the family a task
        r"\b(?:paid|paying|pays) off (?:all )?(?:of )?(?:her |his |their |my )?(?:debts?|loans?|credit "
        r"cards?|bills)\b",
        r"\b(?:sold|selling|sells) (?:all (?:of )?)?(?:her|his|their|my) (?:car|truck|house|things|stuff|"
        r"belongings|possessions|guitar|furniture|motorcycle|guns?|tools)\b",
        r"\bso (?:her|his|their|my|the) (?:kids|children|family|wife|husband|partner|parents|mom|dad|son|"
        r"daughter|sister|brother) (?:will not|would not|does not|do not|never|will never) (?:have|need) "
        r"to (?:deal with|worry about|clean up|pay for|sort out|handle|figure out)\b",
        # arranging care for pets or children for an "after" left unsaid, or for when they are gone
        r"\b(?:take care of|look after|care for|keep|adopt|feed|raise) (?:her|his|their|my|the) "
        r"(?:dogs?|cats?|pets?|kids|children|son|daughter|bird|fish|horse|plants) "
        r"(?:after(?= *$| [.,;!?])|when (?:she|he|i|they) (?:is|am|are) (?:gone|not here|no longer here|"
        r"not around)|if anything happens to (?:her|him|me|them))",
    )
)

_SPORT = (
    r"coach|team|game|match|season|tournament|playoffs?|field|court|practice|meet|scrimmage|rivals?|fans?"
)
"""Sport's words: "we're gonna kill them saturday" from a coach is about the other team's score."""
_WE_WILL_KILL_THEM = (
    r"(?:we|we are|were|we re) (?:going to|gonna) (?:kill|destroy|murder) (?:them|it|the \w+)"
)

_HOMICIDE: tuple[_Rule, ...] = (
    (
        r"\b(?:parked|parks|sitting|sits|sat|waiting|waits|waited) (?:\w+ )?outside (?:\w+ ){0,4}(?:house|"
        r"home|"
        r"apartment|place|work|job|school|office) (?:with|w) (?:a |an |his |her |my )?(?:bat|baseball bat|"
        r"gun|knife|"
        r"crowbar|rifle|pistol|machete|hammer|tire iron|axe)\b",
        "waiting outside someone's home with a weapon",
        r"\b(?:softball|baseball|little league|batting|practice|game|hunting trip|camping)\b",
    ),
    (
        r"\b(?:going to|gonna|will|about to|finna|plans? to) (?:smoke|pop|put down|cap|drop|wet) (?:my|his|"
        r"her|their|"
        r"the|that) (?:\w+ )?(?:landlord|boss|ex|neighbou?r|brother|sister|dad|father|stepdad|mom|mother|"
        r"wife|"
        r"husband|boyfriend|girlfriend|coworker|manager|teacher|cousin|roommate|cellmate|guy)\b|"
        r"\b(?:going to|"
        r"gonna|will) put (?:him|her|them|the guy) down (?:tonight|today|tomorrow|for good)\b",
        "a threat in slang to kill someone",
        r"\b(?:weed|joint|cigarette|cigar|hookah|vape|bbq|brisket|ribs|meat|the dog|the cat|horse|vet|"
        r"old dog)\b",
    ),
    (
        r"\b(?:rifle|gun|scope|pistol|crosshairs) (?:\w+ ){0,3}(?:pointed|aimed|trained|sighted) (?:at|"
        r"on) (?:the |his |"
        r"her |their |my )?(?:\w+ ){0,2}(?:house|driveway|door|window|yard|car|porch|truck|home|bedroom)\b",
        "a gun aimed at someone's home",
        r"\b(?:photo|camera|telescope|hunting|deer|coyotes?|range|target practice)\b",
    ),
    (
        r"\b(?:will|would|going to|gonna|plans? to|planning to|wants? to|about to|decided to|"
        r"is going to) (?:put|"
        r"slip|add|mix|pour|sprinkle) (?:\w+ )?(?:poison|rat poison|antifreeze|bleach|pills|drugs|something) "
        r"(?:in|into) (?:her|his|their|the|my) (?:\w+ ){0,2}(?:tea|coffee|food|drink|water|meal|soup|juice|"
        r"dinner|lunch|breakfast|bottle|cup|plate)\b",
        "a plan to poison someone",
        r"\b(?:rats?|mice|mouse|pests?|roaches|ants|weeds|garden pests|movie|book|show|"
        r"game)\b(?!.*\b(?:roommate|"
        r"husband|wife|boss|neighbou?r|mother|father|mom|dad|brother|sister|teacher|coworker|ex)\b)",
    ),
    (
        r"\b(?:god|voices?|the devil|satan|angels?|a voice) (?:told|tells|telling|is telling|are telling|"
        r"wants|want|"
        r"said) (?:her|him|me|them) to (?:send (?:it|the baby|him|her) back|kill|drown|hurt|harm|sacrifice|"
        r"get rid "
        r"of|smother)\b|\b(?:the )?(?:baby|infant|newborn|son|daughter) is (?:possessed|evil|the devil|"
        r"a demon|not "
        r"(?:mine|human|really mine))\b",
        "a parent commanded or convinced to harm a child",
        r"\b(?:movie|show|book|horror|halloween|joke|jokingly|exorcist)\b",
    ),
    (
        r"\b(?:y ?all|everyone|you guys|guys|people) (?:should )?(?:stay home|stay away|"
        r"do not come(?: to school)?)"
        r"\b(?=.*\b(?:is the day|guns?|shoot\w*|cafeteria|floor ?plan|map|xs|lockdown)\b)|\b(?:is the day|"
        r"guns?|shoot\w*|floor ?plan)\b(?=.*\b(?:y ?all|everyone|you guys) (?:should )?(?:stay home|stay "
        r"away)\b)|\b(?:floor ?plan|map|layout) of (?:the )?(?:school|cafeteria|gym|building|classroom|"
        r"office) "
        r"(?:with|w) (?:xs|x s|marks|circles|targets)\b",
        "a warning of an attack on a school or workplace",
        r"\b(?:snow|storm|ice|weather|flu|covid|sick|holiday|strike|power outage|fire drill)\b",
    ),
    (
        r"\b(?:had|have|got|get|put|keep|kept|has) (?:him|her|them|(?:the|my|his|"
        r"her) (?:\w+ ){0,2}\w+) in (?:my|"
        r"his|her|the) (?:scope|sights|crosshairs|rifle scope)\b",
        "a person watched through a gun sight",
        r"\b(?:camera|telescope|photo\w*|bird\w*|deer|hunting (?:season|trip)|metaphor|figure of speech)\b",
    ),
    (
        r"\b(?:kill|killing|kills|shoot|shooting|end|ending) (?:us both|both of us|us all|all of us|"
        r"the whole "
        r"family|my whole family|(?:her|him|them|the kids|the children|my wife|my husband|"
        r"my kids) and (?:then )?"
        r"(?:myself|himself|herself|themselves|me))\b|\b(?:take|taking|takes) (?:us both|both of us)(?: out)?"
        r"(?= *$| [.,!?;:]| (?:when|if|before|after|together|tonight|soon)\b)|\b(?:take|taking|takes) (?:her|"
        r"him|them|the kids|the children|my family) with (?:me|him|her|them)\b(?=.*\b(?:die|dead|death|gun|"
        r"pills|morphine|overdose|kill|end it|end (?:this|things)|when (?:i|he|she) go|tonight)\b)|"
        r"\bwe (?:go|"
        r"die|leave|are going) together\b(?=.*\b(?:loaded|gun|pills|tonight|goodbye|thanks for (?:trying|"
        r"everything))\b)",
        MURDER_SUICIDE,
        r"\b(?:vacation|trip|store|doctor|appointment|movie|concert|shopping|church|park|beach|camping|ride|"
        r"photo|picture|selfie|out to)\b",
    ),
    (
        r"\b(?:come|coming|came|go|going|show|showing|walk|walking) (?:back |up )?(?:(?:in|into|to|"
        r"at) (?:\w+ )"
        r"{0,3})?(?:with|w) (?:a |his |her |their |my )?(?:\w+ )?(?:gun|guns|rifle|pistol|shotgun|weapon|"
        r"knife|ar "
        r"15|ar|ak|glock)\b|\b(?:come|coming|came|go|going|show|showing|walk|walking) (?:back |up )?(?:(?:in|"
        r"into|to|at) (?:\w+ ){0,3})?(?:with|w) my (?:piece|strap|heat|gat|burner)\b",
        "a threat to return armed",
        r"\b(?:hunting|range|deer|season|class|safety course|toy|nerf|puzzle|chess|art|pie|cake)\b",
        r"\b(?:fire|fires|fired|boss|work|school|ex|angry|if|revenge|pay|them|office|class|coworkers?|done|"
        r"nurse|staff|manager|foreman|supervisor|landlord|neighbou?r|clinic|desk)\b",
    ),
    (
        r"\bmake sure (?:nobody|no one) (?:gets|has|sees|can have|will have) (?:them|her|him|the kids|the "
        r"children)\b|\bif (?:he|she|i) can not have (?:them|her|him|the kids|you),? (?:nobody|"
        r"no one) (?:can|"
        r"will)\b",
        "a threat against family if they leave",
        "",
    ),
    (
        r"\b(?:burn|burning|torch|torching) (?:the|his|her|their|that) (?:\w+ )?(?:building|house|apartment|"
        r"place|office|school|church|store|car|trailer) (?:down|to the ground)\b|\bset (?:the|his|her|their|"
        r"that) (?:\w+ )?(?:building|house|apartment|place|office|school|church|store|car|trailer) on fire\b|"
        r"\bheld (?:her|him|them) (?:under|underwater|under water|under the water|down in the (?:water|tub|"
        r"bath|pool))\b|\btried to drown (?:her|him|them)\b",
        "a threat or attempt to kill by fire or drowning",
        "",
    ),
    (
        r"\b(?:cut|cutting|cuts|tampered with|tampering with|messed with|loosened) (?:her|his|their|the) "
        r"(?:brake lines?|brakes|gas line)\b|\b(?:next|then) (?:it will be|it is going to be|time it will be|"
        r"one will be|will be) (?:him|her|them|you|his \w+|her \w+)\b|\b(?:(?:he|she|they) (?:will|would|is "
        r"going to|said (?:he|she) would) use (?:it|the gun|his gun|her gun|the knife) (?:on (?:her|him|them|"
        r"me)|if)\b)",
        "an attempt or threat to kill someone",
        "",
    ),
    (
        r"\b(?:pointed|pointing|points|aimed|aiming|aims|held|holding|holds|waved|waving|brandished|"
        r"pulled) (?:a |"
        r"his |her |their |the |my )?(?:loaded )?(?:gun|knife|rifle|pistol|shotgun|weapon|handgun|"
        r"blade) (?:at|to|"
        r"on|against) (?:her|him|them|me|client|my client|(?:his|her|their) \w+)\b",
        "a weapon used to threaten someone",
        r"\b(?:toy|nerf|water|squirt|paintball|airsoft|laser tag)\b",
    ),
    (
        r"\b(?:bring|bringing|brings|brought|take|taking|takes|carry|carrying|carries|sneak|sneaking) (?:a |"
        r"his |her |their |my |the )?(?:\w+ ){0,2}(?:gun|guns|rifle|pistol|shotgun|handgun|firearm|weapon|"
        r"ar 15|ar|ak 47|ak|glock|knife|machete) (?:(?:to|into|in to) (?:school|class|campus|work|the office|"
        r"church|the mall|the game|practice|court)|(?:on )?(?:monday|tuesday|wednesday|thursday|friday|"
        r"tomorrow)\b(?=.*\b(?:kids|students|class|bus|school|teacher|they will see|everyone will see|"
        r"bullies|list)\b))\b",
        "a plan to bring a weapon to school or work",
        r"\b(?:toy|nerf|water gun|squirt|paintball|airsoft|hunting|range|culinary|cooking class|costume|"
        r"prop|show and tell|security guard|officer|deputy|police)\b",
    ),
    (
        r"\b(?:her|his|their) (?:wife|husband|partner|boyfriend|girlfriend|ex|ex wife|ex husband|boss|"
        r"mom|mother|dad|father|stepdad|stepmom|son|daughter|brother|sister|neighbor|coworker|roommate|"
        r"landlord|teacher) (?:will not|would not|is not going to|may not) be (?:around|here|alive|"
        r"breathing) "
        r"(?:much |for )?(?:longer|long|anymore|any more)? ?if\b|\b(?:untraceable|undetectable|"
        r"(?:can not|could not|would not) be traced) (?:poisons?|ways? to (?:kill|poison))\b|"
        r"\b(?:poison|poisoning|kill|killing) (?:her|him|them|someone|his \w+|her \w+) without (?:getting "
        r"caught|a trace|anyone knowing)\b",
        "a veiled threat or research into killing someone",
        r"\b(?:novel|book|mystery|true crime|podcast|series|documentary|writing|story|game|terminal\w*|"
        r"hospice|cancer|illness|dying|diagnosis)\b",
    ),
    (
        r"\b(?:her|his|their|the|my) (?:\w+ ){0,2}(?:will not|would not|is not going to|is not gonna) (?:see|"
        r"make it to|live to see|live through|survive) (?:monday|tuesday|wednesday|thursday|friday|saturday|"
        r"sunday|tomorrow|the weekend|next week|another day|the end of the week|christmas|new year)\b",
        "a veiled threat that someone will not live to a day",
        r"\b(?:terminal\w*|hospice|cancer|illness|sick|dying|diagnos\w*|hospital|icu|prognosis|deadline|"
        r"project|report|paper|promotion|raise|job offer)\b",
    ),
    (
        r"\b(?:send|sending|give|giving|put|putting) (?:it|the baby|her|him) back\b(?=.*\b(?:baby|infant|"
        r"newborn)\b)(?=.*\b(?:bath ?tub|tub|water|drown\w*|river|lake|pool|psychosis|psychotic|"
        r"not (?:really )?"
        r"(?:hers|his|mine|theirs)|replaced|demon\w*|evil|possessed)\b)|\b(?:baby|infant|newborn) (?:is|was) "
        r"not (?:really )?(?:hers|his|theirs)\b(?=.*\b(?:psychosis|psychotic|voices|demon\w*|replaced|evil|"
        r"possessed|bath ?tub|drown\w*)\b)",
        "a parent with psychotic thoughts about the baby",
        r"\b(?:novel|book|movie|show|series|documentary|story|vignette|case study|exam|class)\b",
    ),
    (
        r"\b(?:you are|ur|you will be|you would be) (?:so )?(?:dead|going to die|done for|a dead \w+)\b|\bi "
        r"(?:will|am going to|am gonna|would) (?:kill|find|hurt|end|bury|destroy|shoot|stab|"
        r"get) you\b(?! (?:a|"
        r"an|some|one|the|lunch|coffee|food|back|later)\b)|\bi know where you (?:live|work|sleep)\b",
        "a death threat",
        r"\b(?:lol|lmao|haha\w*|jk|joking|kidding|game|movie|an expression|figure of speech|we say|saying|"
        r"cultur\w*|slang)\b",
    ),
    (
        r"\b(?:run|running|ran|mow|mowing|mowed) (?:him|her|them|\w+) (?:both |all )?(?:down|over)\b|"
        r"\b(?:beat|beating) (?:him|her|them) (?:up|to death|senseless|half to death|"
        r"bloody)\b(?=.*\b(?:going "
        r"to|will|wants?|plans?|gonna|would|if)\b)|\b(?:shoot|stab|kill|hurt) (?:them|him|her) (?:both|"
        r"all)\b",
        "a threat to harm another person",
        r"\b(?:errands?|run (?:her|him|them) (?:down|over) (?:to|the)|to the store)\b",
    ),
    (
        r"\b(?:will|would|is going to|are going to|gonna|going to|threatened to|threatens to|said (?:he|she|"
        r"they) would|wants? to|might|could) (?:\w+ )?(?:bury|smother|suffocate|drown|strangle|bash|snap|"
        r"break|slit|poison|dispose of|get rid of|finish|end|disappear) (?:her|him|them|you|me|it|the baby|"
        r"(?:his|her|their) (?:\w+ )?(?:baby|kids?|wife|husband|girlfriend|boyfriend|partner|ex|son|daughter|"
        r"child|mother|father|mom|dad|neck|throat|head|skull))\b(?! (?:off|down|out|up|a lesson|with|to|"
        r"dishes|homework|paper|project)\b)",
        "a threat to kill or seriously harm someone",
        r"\b(?:bury (?:her|him|them|me) in (?:work|paperwork|emails|sand|blankets|leaves))\b|\b(?:finish|"
        r"end) (?:it|him|her) (?:early|by|before|on time|tomorrow)\b",
        r"\b(?:baby|infant|newborn|kids?|children|wife|husband|girlfriend|boyfriend|partner|ex|son|daughter|"
        r"mother|father|mom|dad|cops|police|tell|told|leaves?|leaving|if|when|threat\w*|angry|rage|mad)\b",
    ),
    (
        r"\b(?:burn|burning|torch|torching|set fire to|blow up|blowing up|"
        r"bomb) (?:\w+ ){0,3}(?:down )?(?:with|"
        r"while) (?:her|him|them|everyone|the kids|his \w+|her \w+|people|\w+) (?:in|inside|in there|"
        r"still in|asleep)\b|\b(?:take|taking|took|bring|bringing) (?:\w+ ){0,2}(?:coworkers|co workers|"
        r"classmates|everyone|everybody|people|them all|the whole \w+|(?:his|her|their) (?:family|kids|"
        r"children|wife|husband)|the kids|the children|a few|some) (?:down )?with (?:him|her|"
        r"them)\b(?=.*\b(?:go "
        r"out|die|dying|kill|end|bang|gun|rifle|last|dead|suicide|together|no one|nobody|sorry)\b)|"
        r"\b(?:go|going|gonna) out with a bang\b(?=.*\b(?:take|kill|everyone|them|coworkers|gun|shoot)\b)|"
        r"\b(?:kill|shoot|hurt) (?:\w+ ){0,3}and then (?:himself|herself|themselves|myself)\b",
        "a threat to kill others, possibly with themself",
        "",
    ),
    (r"\bhomicidal(?:ity)?\b", "homicidal thoughts", ""),
    (
        r"\b(?:voices?|god|the devil|they) (?:tell|tells|told|telling|say|says|said) (?:him|her|me|"
        r"them) (?:to |that "
        r")?(?:\w+ ){0,6}(?:stop|kill|hurt|get rid of|deal with|punish) (?:her|him|them|his \w+|her \w+)\b|"
        r"\b(?:has|have|needs?|got) to stop (?:her|him|them) before (?:she|he|they) (?:finish\w*|kills?|"
        r"poisons?|"
        r"gets?)\b",
        "command hallucinations or a delusion about harming someone",
        r"\b(?:movie|show|novel|game|song|lyrics|smoking|drinking|spending)\b",
    ),
    (
        r"\b(?:put|putting|puts|hold|holding|press|pressing) (?:a |the )?pillow (?:over|on) (?:his|her|"
        r"their|the "
        r"baby s|the baby s) face\b|\bsmother(?:ing|ed)? (?:him|her|them|the baby)\b",
        "a plan to smother someone",
        r"\b(?:movie|show|novel|game|pillow fight|nightmare|dream)\b",
    ),
    (
        r"\b(?:putting|put|puts|slipping|slipped|slips|adding|added|mixing|mixed) (?:something|stuff|things|"
        r"\w+) (?:in|into) (?:her|his|their|my) (?:\w+ )?(?:coffee|tea|food|drinks?|meals?|dinner|lunch|"
        r"breakfast|smoothie|water|soup|wine|beer)\b(?=.*\b(?:sick|poison\w*|antifreeze|rat poison|die|dead|"
        r"stop|pay|weak|hurt|crushed pills)\b)",
        "poisoning someone's food or drink",
        r"\b(?:vitamins?|supplements?|protein|sugar|salt|medicine (?:he|she) (?:needs|takes)|prescribed|"
        r"as prescribed|meds? (?:he|she) (?:refuses|forgets))\b",
    ),
    (
        r"\b(?:nobody|no one|none of (?:them|us|you)|neither of (?:them|us|you)) (?:is |are |will be |"
        r"is going "
        r"to be )?(?:walking|walks|walk|getting|gets|get|coming|comes|making it) out of (?:that|the|this) "
        r"(?:\w+ )?(?:courtroom|court|room|house|office|building|motel|hotel|school|meeting|hearing|place)\b",
        "a threat that nobody leaves alive",
        r"\b(?:game|escape room|movie|novel|show|traffic|snow|storm|lockdown drill)\b",
    ),
    (
        r"\bmake sure (?:neither|none|nobody|no one) (?:of them |of you |of those )?(?:walks|walk|gets|get|"
        r"comes|come|leaves|leave|makes it) (?:out|home|back)\b",
        "a threat to kill",
        r"\b(?:game|escape room|movie|novel|show)\b",
    ),
    (
        r"\b(?:first stop|first thing (?:i|he|she|they) (?:will |am going to |is going to )?do) (?:when|once|"
        r"after) (?:i|he|she|they) (?:get|gets|am|is|are) (?:out|released|discharged)\b",
        "a person targeted for after release",
        "",
        r"(?=.*\b(?:address|name|house|where (?:he|she|they) lives?|boss|ex|wife|husband|neighbor|"
        r"brother|sister|dad|mom)\b)",
    ),
    (
        rf"\b{_INTENT} (?:kill|killing|murder|murdering|shoot|shooting|stab|stabbing|strangle|strangling|"
        rf"choke|"
        rf"choking|poison|poisoning|run over|running over|beat up|beating up|beat|beating|hurt|hurting|harm|"
        rf"harming|"
        rf"attack|attacking|assault|assaulting|jump|torch|burn|blow up|get back at|go after|take out|waste) "
        rf"{_OTHER_PERSON}",
        "a threat to harm another person",
        r"\b(?:hurt|harm) (?:her|his|their) (?:feelings|chances|career|reputation)\b|\b(?:an expression|"
        r"figure of speech|just a saying|nerf\w*|water guns?|squirt guns?|water balloons?|paintball|"
        r"laser tag|toy "
        r"guns?|foam darts?)\b|"
        rf"\b{_WE_WILL_KILL_THEM}\b(?=.*\b(?:{_SPORT})\b)|\b(?:{_SPORT})\b.*\b{_WE_WILL_KILL_THEM}\b",
    ),
    (
        r"\b(?:kill|murder|shoot|stab|strangle|hurt|harm|beat up) (?:his|her|their) (?:boss|ex|wife|husband|"
        r"partner|coworker|co-worker|mother|father|mom|dad|stepdad|neighbor|neighbour|teacher|landlord|"
        r"roommate|girlfriend|boyfriend|brother|sister|manager|supervisor|baby|kids?|children|son|"
        r"daughter)\b",
        "a threat to harm another person",
        r"\b(?:hurt|harm) (?:her|his|their) (?:feelings|chances|career)\b",
    ),
    (
        r"\b(?:shoot|shooting|shot) up (?:the|a|his|her|their|that) (?:\w+ ){0,2}(?:school|office|work|"
        r"workplace|church|store|place|party|mall|class|building|company|plant|job)\b|"
        r"\b(?:bring|bringing|take|taking) (?:a |his |her |their )?(?:gun|knife|weapon|rifle) to (?:school|"
        r"work|the "
        r"office|class)\b|\bhit list\b|\bkill list\b|\bmass shooting\b|\blist of people (?:she|he|"
        r"they) (?:wants|want) "
        r"to (?:hurt|kill)\b",
        "a threat of mass violence",
        "",
    ),
    (
        r"\b(?:make|making) (?:him|her|them|everyone|people|those people|(?:his|her|their|the) \w+|everyone"
        r"(?: \w+){1,4}|all of them|them all) pay\b|"
        r"\b(?:wants?|wanting|plans?) (?:revenge|to get even)\b|\bwants? (?:him|her|them|his \w+|"
        r"her \w+) dead\b",
        "a wish for revenge or for someone to die",
        r"\bpay (?:for (?:dinner|lunch|coffee|drinks|the (?:bill|meal|tickets?|damage|repairs?)|it|(?:his|"
        r"her|"
        r"their) (?:own|share|half)|rent|school|college|therapy|sessions?|parking|gas)|back|the (?:bill|rent|"
        r"fees?|copay)|rent|bills?|attention|off|up|a visit|respects)\b",
    ),
    (
        r"\b(?:knows|found out) where (?:she|he|they|his \w+|her \w+) lives?\b(?=.*\b(?:hurt|kill|gun|make|"
        r"pay|"
        r"threat|angry|rage|revenge|knife|show up)\b)",
        "targeting a person",
        "",
    ),
    (
        r"\b(?:bought|buying|got|has|have|carrying|carries|brought) (?:a |his |her |their )?(?:gun|firearm|"
        r"pistol|"
        r"rifle|knife|weapon)\b(?=.*\b(?:angry|rage|revenge|boss|ex|coworker|coworkers|neighbor|threat|pay|"
        r"fired|"
        r"get back|show them|hurt|kill)\b)",
        "a weapon with anger at someone",
        "",
    ),
    (
        r"\b(?:put|send|sending|land) (?:him|her|them|his \w+|her \w+|their \w+) (?:in|to|into) (?:the|a) "
        r"(?:hospital|morgue|grave|ground|body bag|coffin|box|er|emergency room|wheelchair)\b|"
        r"\bsix feet under\b",
        "a threat to harm another person",
        "",
    ),
    (
        r"\b(?:make sure|making sure|ensure) (?:that )?(?:he|she|they|her \w+|his \w+|their \w+) (?:never|"
        r"can not|"
        r"will not|won t) (?:hurts?|touch(?:es)?|bothers?|hits?|comes? near|harms?) (?:anyone|anybody|her|"
        r"him|"
        r"them|me|us) (?:\w+ )?again\b",
        "intent to stop someone by force",
        "",
        r"\b(?:knife|gun|weapon|kill|hurt|bought|has|rifle|pistol|bat|take care of|insulin|poison\w*|survive|"
        r"meds|pills|gone|dead|die)\b",
    ),
    (
        r"\bthreat(?:s|ened|ening)? (?:to )?(?:kill|hurt|shoot|stab|harm)\b|\b(?:death|violent) threats?\b|"
        r"\bthreaten(?:s|ed|ing)? to (?!(?:leave|quit|sue|call|report|break up|move|tell|fire|cancel|end "
        r"(?:therapy|treatment|the relationship|things)|stop|drop|leave|divorce|take (?:her|him) to court|"
        r"post|"
        r"expose|kick (?:her|him) out|cut (?:her|him) off)\b)(?:\w+ ){0,3}(?:her|him|them|me|you|the kids|"
        r"(?:her|his|their) (?:face|kids|children|family|dog|cat|car|house))\b|\b(?:acid|bleach) (?:on|in|"
        r"at) "
        r"(?:her|his|their) (?:face|eyes)\b",
        "a threat of violence",
        "",
    ),
    (
        r"\bvoices? (?:\w+ ){0,3}(?:telling|tell|tells|told|command\w*|order\w*|say|says|saying) (?:him|her|"
        r"them|me) (?:to|that (?:she|he|they) (?:should|must|has to|have to)) (?:\w+ )?(?:hurt|kill|harm|"
        r"attack|"
        r"stab|shoot|drown|smother|strangle|burn|poison|jump|cut|die|end)\b",
        "command hallucinations to harm",
        "",
    ),
    (
        # Persecutory beliefs about a named person, with talk of acting on them, raise violence risk.
        r"\b(?:thinks|thought|believes|believed|convinced|sure|certain|paranoid|insists)\b (?:that )?"
        r"(?:\w+ ){0,3}(?:is|are|was|were|has been|have been|keeps|kept) (?:poisoning|following|spying on|"
        r"watching|tracking|drugging|plotting against|trying to (?:kill|poison|hurt)|out to get|after|"
        r"coming for) (?:him|her|them)\b",
        "a persecutory belief about a person, with intent to act",
        r"\b(?:movie|show|book|game|class|paper|case study|vignette)\b",
        r"\b(?:(?:deal with|handle|stop|teach|hurt|kill|attack|shoot|stab|get back at) (?:him|her|them)|"
        r"make (?:him|her|them) pay|get even|before (?:he|she|they) (?:does|do|gets?)|"
        r"protect (?:himself|herself|themselves)|defend (?:himself|herself|themselves)|gun|knife|weapon|"
        r"once and for all)\b",
    ),
)

_CHILD = (
    r"(?:kids?|child|children|toddler|baby|infant|son|daughter|boy|girl|teen|teenager|minor|adolescent|"
    r"students?|(?:\d|1[0-7]) year old|stepson|stepdaughter|grandson|granddaughter|siblings?|little brother|"
    r"little sister|niece|nephew|kindergart\w+|preschool\w*|first grader|second grader|\w+ grader|"
    r"elementary schooler|middle schooler|tween|little one)"
)
_VULNERABLE = (
    r"(?:elderly|older adult|aging|aged|senior|grandma|grandmother|grandpa|grandfather|nursing home|"
    r"down syndrome|cerebral palsy|bedbound|hearing aids?|walker|"
    r"alzheimer\w*|developmental(?:ly)? (?:disability|disabled|delay\w*)|intellectual disability|group home|"
    r"autism|autistic|special needs|nonverbal|wheelchair|paraly\w+|quadriplegic|frail|memory care|"
    r"assisted living|dementia|disabled|disability|dependent adult|vulnerable adult|bedbound|bedridden|"
    r"(?:[6-9]\d|1[01]\d) year old|resident)"
)
_PERPETRATOR = (
    r"(?:step ?dad|step ?father|step ?mom|step ?mother|dad|daddy|father|mom|mommy|mother|parents?|family|"
    r"mother boyfriend|"
    r"moms? boyfriend|boyfriend|girlfriend|husband|wife|partner|spouse|ex|uncle|aunt|grandpa|grandma|"
    r"grandfather|grandmother|brother|sister|cousin|babysitter|nanny|coach|teacher|caregiver|aide|"
    r"home health aide|nurse|staff|foster (?:mom|dad|parent|mother|father)|neighbor|neighbour|son|daughter|"
    r"pastor|priest|tutor|he|she|they|someone|somebody|guardian|older brother|older sister|grandson|"
    r"granddaughter|grandkids?|grandchildren|nephew|niece|roommate|landlord|stepbrother|stepsister|"
    r"stepson|stepdaughter|(?:\w+ )?friend|friends)"
)
_AUX = (
    r"(?:(?:is|was|has been|had been|have been|keeps|kept|will|would|always|still|sometimes|often|also|just|"
    r"allegedly|apparently|reportedly|regularly|constantly|repeatedly|even|now|has|had) )*"
    r"(?:(?:yells|yelled|screams|screamed|curses|cursed|swears|gets mad|got mad|gets drunk|got drunk|"
    r"snaps|snapped|drinks|drank) (?:at (?:her|him|them) )?(?:and|then) )?"
)
_NOT_A_PERSON = (
    r"(?! (?:on|up|it|back|rock bottom|send|reply|snooze|a (?:deer|car|pole|wall|curb|tree|record|milestone|"
    r"goal|"
    r"target|ball|home run|nerve|snag|bump|rough patch|plateau)|the (?:gym|road|books|ball|wall|jackpot|"
    r"brakes|"
    r"snooze|bottle|hay|spot|ground|mark|deadline|pavement))\b)"
)
_HARM_VERB = (
    r"(?:hits?|hitting|beats?(?! (?:her|him|them|me|us) at (?:checkers|chess|cards|uno|monopoly|pool|"
    r"ping pong|"
    r"basketball|soccer|football|tennis|arm wrestling|mario kart|fortnite|(?:a |the |video |"
    r"board )?games?)\b)|"
    r"beating|beaten|whoop(?:s|ed|ing)?|whup(?:s|ped|ping)?|punch(?:es|ed|ing)?|"
    r"slap(?:s|ped|ping)?|kick(?:s|ed|ing)?(?! (?:her |him |them |me )?out\b)|"
    r"chok(?:es|ed|ing)|strangl(?:es|ed|ing)|burn(?:s|ed|ing)|whip(?:s|ped|ping)?|shov(?:es|ed|ing)|"
    r"push(?:es|ed|ing)?(?= (?:her|him|them)\b(?! to\b| for\b)| (?:the|his|her|their) (?:kids?|child|baby|"
    r"son|"
    r"daughter|wife|husband|mom|dad|mother|father|girlfriend|boyfriend|sister|brother)\b| (?:her|him|them) "
    r"(?:down|around|into|against|off|out))|throws? (?:things |stuff )?at|threw (?:things |stuff )?at|"
    r"smack(?:s|ed|ing)?|"
    r"abus(?:es|ed|ing)|molest(?:s|ed|ing)?|rap(?:es|ed|ing)|grop(?:es|ed|ing)|"
    r"touch(?:es|ed|ing)? (?:her|him|them) (?:inappropriately|down there|sexually|in (?:her|his|"
    r"their) private)|"
    r"sexually (?:abus\w+|assault\w+)|starv(?:es|ed|ing)|neglect(?:s|ed|ing)|"
    # shutting a child in (or out): "locks her in", "lock the 6yo in the closet"
    r"lock(?:s|ed|ing)? (?:her|him|them|(?:the|their|her|his|a) (?:\d+ year old|kids?|child|children|"
    r"baby|toddler|son|daughter|boy|girl|twins|little one|little ones)(?: \d+(?: and \d+)?)?) (?:in|out|"
    r"inside)"
    # "locked him out of his account" is a password, not a child shut out
    r"(?! of (?:her|his|their|the|my) (?:\w+ )?(?:account|accounts|email|phone|laptop|computer|profile|"
    r"wifi|netflix|icloud|instagram|facebook|bank app|app|portal|group chat|spotify))|"
    r"ti(?:es|ed|ing) (?:her|him|them) (?:up|down|to)|spank(?:s|ed|ing)?|hurt(?:s|ing)?|"
    r"forc(?:es|ed|ing) (?:her|him|them) to|"
    r"steal(?:s|ing)? (?:from )?(?:her|his|their)|stole (?:from )?(?:her|his|their))"
)
# Taking someone's money or medicines is exploitation, but "she is taking her meds" is self-care.
_TAKES_THEIRS = (
    r"(?:tak(?:es|ing|e)|took|drain(?:s|ed|ing)|empt(?:ies|ied|ying)|cash(?:es|ed|ing)|spend(?:s|ing)|spent) "
    r"(?:all (?:of )?)?"
)
_THEIR_MONEY = (
    r"(?:money|checks?|meds|medications?|pension|social security|savings|bank account|benefits|pain meds)"
)

_ABUSE: tuple[_Rule, ...] = (
    (
        rf"\b(?!(?:he|she|they|someone|somebody)\b){_PERPETRATOR} {_AUX}{_TAKES_THEIRS}(?:her|his|their) "
        rf"{_THEIR_MONEY}\b|\bhe {_AUX}{_TAKES_THEIRS}her {_THEIR_MONEY}\b|\bshe {_AUX}{_TAKES_THEIRS}his "
        rf"{_THEIR_MONEY}\b",
        "someone's money or medicines taken",
        "",
    ),
    (
        rf"\b{_PERPETRATOR} {_AUX}{_HARM_VERB}\b{_NOT_A_PERSON}",
        "a disclosure of someone being hurt or abused",
        r"\bhurt(?:s|ing)? (?:her|his|their) feelings\b",
    ),
    (
        rf"\b{_PERPETRATOR} {_AUX}touch(?:es|ed|ing)? (?:her|him|them)\b(?=.*\b(?:at night|in bed|"
        rf"when no one|"
        rf"private|privates|secret|sexual|under (?:her|his) clothes|bath|shower|when mom|when dad|"
        rf"{_CHILD})\b)",
        "a disclosure of sexual touching",
        "",
    ),
    (
        r"\b(?:being|been|was|were|is|gets|got|getting) (?:physically |sexually |emotionally |financially )?"
        r"(?:hit|beaten|abused|hurt|neglected|slapped|pushed|shoved|choked|punched|kicked(?! out)|molested|"
        r"raped|"
        r"assaulted|starved|locked in|left alone|burned|whipped|exploited|groped|touched inappropriately|"
        r"touched)\b(?: by\b)?",
        "someone being hurt, abused or neglected",
        r"\bhurt(?:s|ing)? (?:her|his|their) feelings\b|\bgot hurt (?:at|playing)\b|\b(?:dog|cat|pet|puppy|"
        r"kitten|"
        r"horse|car|truck|house|deer|bird)\b (?:\w+ )?(?:got|was|is|gets|been) hit\b|\b(?:hit|"
        r"struck) by (?:a |"
        r"the )?(?:ball|pitch|puck|swing|door|branch|wave|frisbee|toy|bat)\b|\bat (?:recess|practice|"
        r"the game)\b"
        # a limit reached, not a person struck: "the insurance cap is hit", "her deductible got hit"
        r"|\b(?:cap|caps|limit|limits|max|maximum|ceiling|deductible|threshold|quota|target|goal|milestone|"
        r"budget|authorization|allotment|benefits?)\b (?:\w+ )?(?:got|was|is|gets|been|has been) hit\b",
    ),
    (
        r"\b(?:left|leaves|leaving|leave|alone|home alone|by (?:himself|herself|themselves)) (?:alone |"
        r"home alone )?"
        r"(?:for|all) (?:days|the weekend|a few days|several days|two days|three days|nights|hours|the night|"
        r"\w+ days|a week|weekends)\b|\bhome alone\b(?=.*\b(?:days|nights|weekend|food|hungry|baby|toddler|"
        r"little)\b)|\bleft (?:in|alone in) (?:a |the )?(?:hot )?car\b",
        "a child or dependent left alone",
        "",
    ),
    (
        r"\b(?:drunk|been drinking|drinking since|smell\w* (?:alcohol|beer|liquor|booze|weed) on (?:him|her|"
        r"them)|intoxicated|high on|wasted|slurring)\b(?=.*\b(?:pick up|picking up|pick them up|drive|"
        r"driving|"
        r"take|taking|takes) (?:\w+ ){0,2}(?:kids|children|baby|toddler|son|daughter|my client|client|"
        r"\d+ year "
        r"olds?|them|her|him)\b)",
        "an intoxicated carer taking or driving children",
        r"\b(?:uber|taxi|sober|designated driver)\b",
        rf"(?=.*\b(?:{_CHILD})\b)",
    ),
    (
        r"\b(?:gives?|gave|giving|been giving|put|puts|putting) (?:him|her|them|the baby|the kids?|my \w+|"
        rf"(?:her|his|their) (?:baby|son|daughter|kids?|infant|newborn)) (?:\w+ ){{0,3}}(?:of )?(?:her |his |"
        rf"their |my )?(?:{_DRUG}|alcohol|vodka|whiskey|beer|wine|weed|edibles|cough syrup|nyquil)\b",
        "a child given drugs or alcohol",
        r"\b(?:as prescribed|prescribed|pediatrician|doctor said|tylenol for (?:a|the|his|her) fever|"
        r"children s|infant drops|the right dose)\b",
        rf"(?=.*\b(?:{_CHILD}|newborn|infant)\b)",
    ),
    (
        r"\b(?:leave|leaves|left|leaving) (?:their|her|his|the|my|both) (?:\w+ ){0,4}(?:kids|children|baby|"
        r"babies|toddlers?|year olds?|twins|son|daughter|little ones|infant|newborn) (?:home )?alone\b",
        "young children left alone",
        r"\b(?:for a (?:minute|second|sec)|in the (?:car|room) for|while (?:i|she|he) (?:pee|showers?))\b",
        r"(?=.*\b(?:[0-9]|1[01]) year olds?\b|.*\b(?:baby|babies|toddlers?|infant|newborn|little ones|"
        r"preschooler|twins)\b)",
    ),
    (
        r"\b(?:sedat(?:es|ed|ing)|drug(?:s|ged|ging)|overmedicat(?:es|ed|ing)|knock(?:s|ed|ing) out) (?:the |"
        r"her |his |their |some |a few |all the )?(?:\w+ )?(?:residents|patients|kids|children|elderly|"
        r"seniors|"
        r"clients|babies|infants|toddlers)\b",
        "dependent people sedated or drugged by a carer",
        r"\b(?:anesthesi\w*|procedure|surgery|vet|as prescribed|prescribed|doctor s orders|prn order|"
        r"physician|study|article|news|documentary|scandal)\b",
    ),
    (
        r"\b(?:no|not enough|never any|nothing to eat|not) (?:food|fed|eaten|feeding)\b(?=.*\b(?:kids?|child|"
        r"children|house|home|days|mother|mom|dad|parents?|toddler|baby|brother|sister|siblings?)\b)|"
        r"\b(?:has not|have not|had not) (?:been fed|eaten)\b|\bgoes hungry\b|\bstarving\b",
        "a child or dependent without food",
        # not eating in an eating disorder is the medical rule's danger, not neglect
        r"\bstarving (?:after|for|lol)\b|\b(?:anorexi\w*|bulimi\w*|eating disorder|restricting|purging|"
        r"fasting)\b",
        rf"\b(?:{_CHILD}|{_VULNERABLE}|days|weekend|week|mother|mom|dad|father|parents?)\b",
    ),
    (
        r"\b(?:bruises?|bruised|welts|black eye|burn marks|cigarette burns|belt marks|broken (?:arm|wrist|"
        r"bone|rib|leg|ribs|bones)|(?:spiral|skull|rib|multiple) fractures?|fractures? (?:in|of) (?:various|"
        r"different) stages|retinal (?:hemorrhages?|bleeding)|burns? on (?:her|his|their) (?:hands?|feet|"
        r"legs?|bottom|butt|back|arms?)|"
        r"held under (?:hot|"
        r"scalding|boiling) water|scald\w*|"
        r"marks on (?:her|his|their) (?:neck|throat|arms?|face|back|legs?|wrists?)|strangulation marks)\b",
        "unexplained injuries",
        r"\b(?:cat|dog|(?:fell|fall|falling) (?:off|down|from|while|during|at|playing|on the)|sports?|soccer|"
        r"football|hockey|fight|fought|playground|recess|trampoline|"
        r"bike|accident|tripped|practice|game|wrestling|karate|school handled|blood thinners?|"
        r"anticoagulant\w*|"
        r"warfarin|eliquis|documented falls|falls? (?:this|last) (?:month|week)|physician (?:is )?aware)\b",
        rf"\b(?:{_CHILD}|{_VULNERABLE}|explain|would not say|will not say|afraid|scared|dad|daddy|mom|mommy|"
        rf"stepdad|"
        rf"husband|boyfriend|partner|aide|caregiver|covered|hide|hiding|did it|got mad|explanation|story|"
        rf"inconsistent|does not match|does not add up)\b",
    ),
    (
        r"\b(?:left|leaves|leaving|leave)\b(?: \w+){0,6} (?:alone|home alone|by (?:himself|herself|"
        r"themselves)) "
        r"(?:(?:for|all|over) (?:the )?(?:days|weekend|weekends|nights|night|\w+ days|a week|hours|day)\b|"
        r"overnight|all night|while (?:she|he|they) (?:works|is at work|goes out|parties|drinks|"
        r"sleeps over))",
        "a child or dependent left alone",
        "",
        rf"\b(?:{_CHILD}|{_VULNERABLE})\b",
    ),
    (
        r"\b(?:will not|would not|does not|never) let (?:her|him|them) (?:leave|go out|see|call|eat|sleep|"
        r"use the phone|"
        r"have (?:her|his|their) own)\b|\bkeeps? (?:her|his|their) (?:bank card|bank cards|money|checks|id|"
        r"passport|"
        r"phone|meds|medications|social security)\b",
        "someone being controlled or exploited",
        "",
    ),
    (
        r"\b(?:afraid|scared|terrified|does not want|did not want|refuses|refused) (?:to go|of going|"
        r"going) home\b|"
        r"\b(?:can not|could not|is afraid to|will not|too scared to) go back (?:home|there|to (?:him|her|"
        r"them))\b|"
        r"\b(?:not|does not feel|do not feel|did not feel|never feels?) safe (?:at home|going home|"
        r"to go home|with "
        r"(?:her|his|their) (?:dad|mom|father|mother|stepdad|stepmom|husband|wife|partner|boyfriend|"
        r"girlfriend|"
        r"parents?|caregiver|aide))\b",
        "afraid to go home",
        "",
    ),
    (
        r"\b(?:child|adult) protective services\b|\bmandated report\w*\b|\b(?:report|reporting|call|calling|"
        r"file|"
        r"filing|make|making) (?:a )?(?:report|cps|aps|the abuse hotline)\b|\babuse hotline\b",
        "mandated reporting question",
        r"\b(?:report|reporting) (?:card|back|to work|to my supervisor)\b|\b(?:we|"
        r"i) (?:already )?(?:reported|"
        r"filed (?:a|the) report|made (?:a|the) report)\b(?=.*\b(?:substantiated|closed|safe|moved out|no "
        r"contact)\b)",
    ),
    (
        r"\b(?:child|elder|sexual|physical|domestic|dependent adult) (?:abuse|neglect|violence|assault)\b|"
        r"\b(?:abuse|neglect|abused|neglected|molested|assaulted)\b",
        "abuse or neglect",
        r"^(?:so )?is (?:it|this|that) (?:\w+ )?(?:abuse|neglect)(?: or not)?$|"
        r"\bsubstance abuse\b|\b(?:drug|alcohol) abuse\b|\bself neglect\b|\bneglected (?:to|my|her|his|"
        r"the)\b|\b(?:we|i) (?:already )?(?:reported|filed (?:a|the) report|made (?:a|the) report|called "
        r"(?:cps|child protective services))\b(?=.*\b(?:substantiated|closed|is safe|are safe|moved out|no "
        r"contact)\b)|\b(?:already|was|were|been) (?:reported|investigated)\b(?=.*\b(?:investigated|"
        r"substantiated|closed|safe now|is safe|are safe)\b)|\bsurvivors?\b(?=.*\b(?:resources|career|job|"
        r"group|support|advocacy)\b)|\b(?:domestic violence|dv) (?:group|survivors?|program|support group|"
        r"shelter staff|advocacy)\b|\bi am a survivor\b",
    ),
    (
        r"\bgrooming\b|\bsends? (?:her|him) (?:nudes|naked pictures|explicit)\b|\basks? (?:her|"
        r"him) for (?:nudes|"
        r"pictures)\b|\bsexual (?:messages|texts) (?:to|with) (?:a |her |his )?(?:kid|child|minor|student|"
        r"\d+ year "
        r"old)\b",
        "sexual exploitation of a minor",
        r"\b(?:dog|pet|self) grooming\b|\bgrooming (?:salon|appointment)\b",
    ),
)

_ABUSE_MORE: tuple[_Rule, ...] = (
    (
        r"\b(?:held|holds|holding|hold|put|puts|pressed|presses|pressing|forced|forces) (?:his|her|their|"
        r"the) (?:(?:kid|"
        r"child|baby|boy|girl|son|daughter|stepson|stepdaughter|grandson|granddaughter)(?: s)? )?(?:hand|"
        r"hands|arm|fingers|"
        r"foot|feet) (?:on|onto|over|against|under|in) (?:the |a )?"
        r"(?:stove|burner|oven|iron|hot plate|radiator|heater|lighter|candle|flame|hot water|grill)\b",
        "a child burned as a punishment",
        "",
    ),
    (
        r"\b(?:he|she|boyfriend|husband|partner|bf|ex|dad|stepdad|father) (?:broke|fractured|cracked|"
        r"busted) (?:my|her|"
        r"his|their) (?:jaw|nose|arm|ribs?|wrist|orbital|eye socket|cheekbone|collarbone|finger|fingers|"
        r"leg)\b|"
        r"\b(?:do|hurt|get|shake|hit|smother) the (?:baby|kids?|children|dog) next\b",
        "a partner's violence with a threat to the children",
        r"\b(?:accident|sledding|skiing|football|soccer|hockey|rugby|bike|fell|game|practice|wrestling)\b",
    ),
    (
        r"\b(?:takes|took|taking|steals|stole|stealing|keeps|kept|spends|spent|cashes|cashed|drains|"
        r"drained) (?:all "
        r"(?:of )?)?(?:her|his|their) (?:\w+ )?(?:money|checks?|social security|ssi|benefits|pension|"
        r"paycheck|debit "
        r"card|savings)\b",
        "an elder or dependent adult's money taken",
        r"\b(?:allowance|chore|budget\w*|payee|power of attorney|guardian(?:ship)? (?:pays|handles|manages)|"
        r"with "
        r"(?:her|his|their) permission|agreed)\b",
        r"(?=.*\b(?:elder\w*|grandma|grandmother|grandpa|grandfather|grandson|granddaughter|nursing home|"
        r"dementia|aide|caregiver|home health|[6-9]\d (?:year old|yo)|disab\w*|group home)\b)",
    ),
    (
        r"\b(?:hold|holds|held|holding|push\w*|shov\w*|dunk\w*|forc\w*) (?:her|his|their|the (?:kids?|"
        r"child s|"
        r"baby s|boy s|girl s)) (?:head|face) (?:under|underwater|down in|in|into) (?:the )?(?:water|bath|"
        r"bathtub|tub|toilet|sink|pool|bucket)?",
        "a child held under water",
        r"\b(?:swim\w* (?:lesson|class|team|practice)|baptism service|church service|pastor|"
        r"congregation)\b(?!.*"
        r"\b(?:can not breathe|could not breathe|punish\w*|disobey\w*|when (?:she|he) (?:disobeys|"
        r"misbehaves)))",
    ),
    (
        r"\b(?:restricting|restricts|restricted|limits|limiting|withholding|withholds|withheld|starving|"
        r"starves) "
        r"(?:her|his|their|the kids|the child s) (?:food|meals|eating|calories|portions)\b",
        "a child's food restricted by a carer",
        r"\b(?:allerg\w*|doctor s orders|dietitian|pediatrician said|sugar|candy|junk food|snacks?|soda)\b",
        rf"(?=.*\b(?:{_CHILD}|daughter|son)\b)",
    ),
    (
        r"\b(?:comes?|came|coming|goes|went|sneaks?|snuck|gets?) (?:in|into) (?:his|her|their|my) (?:room|"
        r"bed|cell|"
        r"bunk|tent)(?: again)? (?:at night|every night|tonight|when|after lights out|while)",
        "someone entering a child's room at night",
        r"\b(?:to check on|bed check|rounds|wake (?:him|her|them) up for school|tuck\w* (?:him|her|them) in|"
        r"nightmare|story)\b",
        r"(?=.*\b(?:staff|staff member|uncle|stepdad|stepfather|boyfriend|coach|guard|officer|cousin|brother|"
        r"friend|again|does stuff|touch\w*|scared|afraid|secret)\b)",
    ),
    (
        r"\b(?:soiled|sitting in (?:his|her|their) own (?:urine|feces|waste|mess)|no food (?:out|"
        r"in the (?:house|"
        r"apt|apartment|fridge)|left)|alone in the (?:apt|apartment|house|home|room) since)\b",
        "a dependent person without care",
        r"\b(?:baby|diaper change|potty training|usual|last (?:year|month))\b",
        rf"(?=.*\b(?:{_VULNERABLE}|dependent|wheelchair|nonverbal|non verbal|disabled|disability|dementia|"
        r"caregiver|alone|bedbound|bed bound)\b)",
    ),
    (
        r"\b(?:shakes?|shook|shaking|shaken) (?:the|her|his|their|my|a) (?:baby|infant|newborn|toddler)\b|"
        r"\bshaken baby\b",
        "a baby shaken",
        r"\b(?:rattle|toy|bottle|formula|shaken baby (?:training|class|video|prevention))\b",
    ),
    (
        r"\b(?:get married|getting married|be married|married off|marry (?:him|a man|an older man|her cousin|"
        r"someone))\b",
        "a child being married off",
        r"\b(?:when (?:she|he) grows up|someday|one day|pretend|game|play wedding|dress up)\b",
        r"(?=.*\b(?:(?:[0-9]|1[0-7]) year old|girl|teen|minor|\d+th grade\w*)\b)(?=.*\b(?:taking her|"
        r"take her|"
        r"sending her|send her|back to|tickets?|arranged|uncle|older man|against her will|does not want|"
        r"not my "
        r"place|family business)\b)",
    ),
    (
        r"\b(?:baby|toddler|infant|\d+ month old|sister|brother|kids?|children|son|"
        r"daughter) (?:\w+ )?(?:stays?|"
        r"stayed|is left|was left|left|waits?|waited|waiting|sitting|sits|sat) in the car\b(?=.*\b(?:hot|"
        r"degrees|"
        r"heat|summer|alone|casino|bar|store|hours?|while|when mom|when dad)\b)|\b(?:left|leaves|leaving) "
        r"(?:her|his|their|the|my) (?:\w+ ){0,2}(?:baby|infant|newborn|toddler|\d+ month old|[1-5] year old) "
        r"(?:at home|home|in the (?:crib|apartment|house|car|room))\b",
        "a young child left alone",
        r"\b(?:with (?:her |his |their |the |a |my )?(?:dad|father|mom|mother|grandma|grandmother|grandpa|"
        r"aunt|"
        r"uncle|sitter|babysitter|nanny|partner|husband|wife|boyfriend|girlfriend|family|neighbor|sister|"
        r"brother)|monitor|for a (?:minute|second|sec)|daycare|preschool)\b",
    ),
    (
        r"\b(?:i will|i am going to|going to|gonna|will) (?:break|snap) (?:your|her|his) (?:arm|leg|neck|"
        r"wrist|"
        r"fingers?|jaw|nose|ribs?)\b",
        "a threat to injure a child",
        r"\b(?:lol|lmao|jk|kidding|joking|game|movie)\b",
        rf"(?=.*\b(?:{_CHILD}|cast|last time|again)\b)",
    ),
    (
        r"\b(?:if (?:she|he|they|i) (?:tells?|says? anything)|not (?:to|allowed to) tell|(?:do not|does not) "
        r"(?:tell|say anything)|keep (?:it|this) (?:a )?secret|(?:our|a) (?:little )?secret)\b",
        "secrecy imposed by a carer",
        r"\b(?:surprise|party|gift|birthday|present|christmas|proposal|engagement|pregnan\w*|promotion)\b",
        r"(?=.*\b(?:staff|staff member|aide|caregiver|group home|uncle|coach|teacher|stepdad|stepfather|"
        r"babysitter|nurse|pastor|youth leader)\b)(?=.*\b(?:bath|shower|night|touch\w*|bed|room|phone gets "
        r"taken|punish\w*|hurt|hit|private|undress\w*|naked)\b)",
    ),
    (
        r"\b(?:he|she|they|dad|mom|stepdad|stepmom|my dad|my mom|her dad|her mom|his dad|his mom) (?:is|are) "
        r"(?:going to|gonna) (?:kill|hurt|beat) me (?:when|after|once|tonight|later|as soon as)\b",
        "fear of being hurt at home",
        r"\b(?:lol|lmao|haha\w*|jk|grades?|report card|phone bill|curfew|late|dent|car)\b",
        r"(?=.*\b(?:slap\w*|hit\w*|yell\w*|scream\w*|hurt|bruise\w*|hang up|hung up|muted|whisper\w*|scared|"
        r"afraid|terrified)\b)",
    ),
    (
        r"\b(?:with )?no clothes on\b|\b(?:naked|nude|undressed|without (?:her|his|their) clothes)\b(?=.*\b"
        r"(?:bed|sleep\w*|bath|shower|lap|touch\w*|pictures?|pics|photos?|video|man|uncle|boyfriend|stepdad|"
        r"dad|"
        r"grandpa|babysitter|coach)\b)|\b(?:touching|touches|touched|undressing|kissing) (?:a|"
        r"the) (?:little )?"
        r"(?:girl|boy|kid|child)\b|\b(?:comes?|came|walks?|walked|barges?|barged|"
        r"bursts?) in (?:\w+ ){0,2}when "
        r"(?:she|he|they) (?:is|was|are|were) (?:changing|undressing|naked|showering|in the shower|bathing|"
        r"getting dressed|asleep|sleeping|in the bath)\b|\b(?:she|he) is (?:all )?grown up now\b|\b(?:sit|"
        r"sits|sitting|sat) on (?:his|her|their) lap\b(?=.*\b(?:candy|money|gifts?|wiggle|bounce|rub\w*|move|"
        r"secret|alone|locked|touch\w*|pants)\b)",
        "signs of sexual abuse of a child",
        r"\b(?:bath time|potty training|diaper change|swim lesson|doctor visit|pediatrician)\b(?!.*\b(?:man|"
        r"uncle|boyfriend|stepdad|babysitter|coach|secret)\b)",
        rf"\b(?:{_CHILD})\b",
    ),
    (
        r"\b(?:do not|does not|did not|will not|would not|never|refuse to|refuses to|refused to) feed (?:her|"
        r"him|them)\b|\bwithhold\w* (?:her |his |their )?(?:\w+ )?(?:food|meals|water|meds|medications?|"
        r"medicine|insulin|oxygen|pills)\b|\b(?:no|"
        r"without) (?:food|"
        r"dinner|meals) as (?:a )?punishment\b",
        "a dependent person deprived of food",
        "",
        rf"\b(?:{_CHILD}|{_VULNERABLE}|staff|caregiver|aide|group home|disabled|brother|sister|son|"
        rf"daughter)\b",
    ),
    (
        r"\b(?:put|puts|placed|laid|set|showed|shows|pulled out|took out|takes out|waved|cleaning|loaded|"
        r"loading) "
        r"(?:a |his |her |the |their )?(?:gun|knife|rifle|pistol|shotgun|handgun|weapon) (?:on the table|out|"
        r"in "
        r"front of (?:her|him|them|the kids)|on the bed|on the counter|next to (?:her|him))\b(?=.*\b(?:fight|"
        r"argument|argu\w*|angry|mad|yell\w*|scream\w*|threat\w*|you know what|leave|leaves|drunk|rage)\b)|"
        r"\b(?:kill|hurt|shoot|drown|poison) (?:her|his|their|the) (?:dog|cat|pets?)\b(?=.*\b(?:leave|leaves|"
        r"and then|then (?:her|him|you|me)|if (?:she|he|you)|next)\b)|\b(?:kill|hurt|shoot) (?:\w+ ){0,3}and "
        r"then (?:her|him|them|me|you)\b",
        "domestic violence with signs of lethality",
        "",
    ),
    (
        r"\bkiss(?:es|ed|ing)? (?:her|him|them) (?:on the (?:mouth|lips)|with (?:his|her) tongue|like a "
        r"(?:girlfriend|boyfriend))\b|\b(?:makes?|made|making|tells?|told|asks?|asked|forces?|forced) (?:her|"
        r"him|them) (?:to )?(?:take off|remove|pull down|undress|strip|show (?:him|her) (?:her|"
        r"his))(?: (?:her|"
        r"his|their))? ?(?:clothes|pants|underwear|shirt|diaper|panties)?\b|\bplay(?:s|ed|ing)? doctor\b|"
        r"\b(?:makes?|made|making|forces?|forced|forcing|tells?|told) (?:her|him|them) (?:to )?(?:sleep|lie|"
        r"lay|"
        r"get|stay|shower|bathe) (?:in|with|into) (?:his|her|their|him)\b(?! (?:own|room|sister|brother)\b)|"
        r"\b(?:gives?|gave|giving|buys?|bought) (?:her|him|them) (?:vapes?|vape pens|weed|alcohol|beer|drugs|"
        r"money|gifts|lingerie)\b(?=.*\b(?:coach|pastor|teacher|uncle|man|adult|guy|neighbor|secret|kiss\w*|"
        r"boyfriend|older|tutor|\d\d year old)\b)",
        "grooming or sexual abuse of a child",
        r"\b(?:dress up|costume|halloween|doctor kit)\b(?!.*\b(?:clothes off|undress|naked)\b)",
        rf"\b(?:{_CHILD})\b",
    ),
    (
        r"\b(?:alone|by (?:themselves|himself|herself)) (?:\w+ ){0,3}since (?:monday|tuesday|wednesday|"
        r"thursday|friday|saturday|sunday|yesterday|last night|the weekend|\w+ days)\b|\b(?:in|"
        r"is in) (?:jail|"
        r"prison|the hospital|rehab)\b(?=.*\b(?:alone|nobody|no one|by themselves)\b)",
        "children left alone",
        "",
        rf"\b(?:{_CHILD})\b",
    ),
    (
        r"\b(?:hides?|hid|hiding|takes?|took|taking|removes?|removed|keeps?|kept|locks? up|locked up) (?:her|"
        r"his|their) (?:walker|wheelchair|cane|hearing aids?|glasses|phone|keys|dentures|oxygen|meds|"
        r"medications?)\b(?=.*\b(?:can not|could not|so (?:she|he|they)|leave|call|get up|move|walk|hear|"
        r"punish\w*|control\w*|angry|mad)\b)|\b(?:pinch(?:es|ed|ing)?|twist(?:s|ed|ing)? (?:her|his) arm|"
        r"rough(?:ly)? handl\w*|handles? (?:her|him) roughly)\b",
        "a dependent person controlled or mistreated",
        "",
        rf"\b(?:{_CHILD}|{_VULNERABLE}|caregiver|aide|nurse|staff|mom|mother|dad|father|\d\d)\b",
    ),
    (
        r"\b(?:dating|dates|boyfriend|girlfriend|seeing|sleeping with|slept with|hooking up|hooked up|sex|"
        r"sexual|relationship|sexting|married|engaged|pregnant by|hanging out with|talking to|moved in with|"
        r"sends? (?:him |her )?(?:pics|pictures|photos|nudes)|met (?:him|her|them)? ?online|met on|online "
        r"(?:boyfriend|girlfriend)|run away with|running away with|ran away with)\b",
        "a minor in a relationship with an adult",
        "",
        r"(?=.*\b(?:(?:[4-9]|1[0-7]) year old|teen|teenage|teenager|minor|high schooler|middle schooler|"
        r"\d+th grader|sophomore|freshman|(?:sophomore|freshman|junior|senior|student|girl|boy|client|"
        r"daughter|"
        r"son) (?:[4-9]|1[0-7]))\b)(?=.*\b(?:1[89]|[2-9]\d) year old\b|.*\b(?:adult|grown|older) "
        r"(?:man|woman|guy|men)\b|.*\b(?:who is|he is|she is|is|aged|age) (?:1[89]|[2-9]\d)\b(?= *$|"
        r" [.,!?;:]| "
        r"(?:and|years|but|so|or)\b))",
    ),
    (
        r"\b(?:is|it is|its|that is|was|keep it|keeping it|our|their) (?:our|their|a|his|her)? ?(?:little |"
        r"special |big )?secret\b|\b(?:watch(?:es|ed|ing)?|film(?:s|ed|ing)?|record(?:s|ed|ing)?|peek(?:s|ed|"
        r"ing)?|spy|spies|spied|spying|photograph(?:s|ed|ing)?|takes? (?:pics|pictures|photos|videos) of) "
        r"(?:on )?(?:her|him|them) (?:\w+ ){0,2}(?:shower\w*|bath\w*|undress\w*|chang(?:e|es|"
        r"ing) (?:clothes)?|"
        r"naked|getting dressed|in the (?:shower|bath|bathroom)|sleep\w*|pee\w*)\b|\b(?:in|into) (?:her|"
        r"his|their|the) bed (?:with|at night)\b|\b(?:her|his) (?:\w+ ){0,2}(?:in bed|sleeps? in (?:her|his) "
        r"bed)\b(?=.*\b(?:uncle|stepdad|dad|grandpa|man|boyfriend|cousin|brother|babysitter|coach|secret)\b)",
        "signs of sexual abuse of a child",
        r"\b(?:surprise|party|present|birthday|christmas|gift|baby monitor|nanny cam)\b",
        rf"\b(?:{_CHILD})\b",
    ),
    (
        r"\b(?:kept|keeps?|keeping|locked|locks?|locking|chained|chains|tied|ties|confined|shut|shuts) "
        r"(?:\w+ ){0,2}(?:in|inside|into|to) (?:the |a |his |her |their )?(?:locked |dark |small |"
        r"tiny )?(?:basement|closet|room|bedroom|"
        r"cage|crate|attic|shed|garage|car|bed|chair|bathroom|dog crate)\b|\b(?:fed|eats?|feeds? (?:her|him|"
        r"them)) (?:only |just )?(?:once a day|once a week|scraps|every other day|leftovers only)\b|"
        r"\b(?:not|never|barely|rarely) (?:being )?fed\b",
        "confinement or deprivation of a dependent person",
        r"\b(?:time ?out|grounded|grounding|went to (?:her|his) room|in (?:her|his|their) room (?:all day )?"
        r"(?:gaming|playing|on (?:her|his) phone))\b",
        rf"\b(?:{_CHILD}|{_VULNERABLE}|adult son|adult daughter|disabled|dependent)\b",
    ),
    (
        r"\b(?:(?:sells?|sold|selling|trades?|traded|trading|rents?|rented|renting|pimps?|pimped|pimping|"
        r"prostitutes?|prostituted|prostituting|offers?|offered) (?:her|him|them)\b(?= (?:to|out|for|on)\b)|"
        r"(?:forces?|forced|forcing|makes?|made|making) (?:her|him|them) (?:to )?(?:sleep with|have sex with|"
        r"do "
        r"sex work|work the streets|sell (?:herself|himself|themselves|her body|his body))|sex trafficking|"
        r"trafficked|being trafficked|human trafficking)\b",
        "sexual exploitation or trafficking",
        r"\b(?:trafficking (?:court|training|awareness|class|laws?)|traffic (?:ticket|jam))\b",
    ),
    (
        r"\b(?:comes?|came|coming|goes|went|gets?|got|sneaks?|snuck|climbs?|climbed|crawls?|crawled|walks?|"
        r"walked|walking|barges?|barged|barging) (?:in|into|in to) (?:her|his|their|my|the) (?:room|bed|"
        r"bedroom|shower|bath|bathroom)\b(?=.*\b(?:night|asleep|sleep|sleeping|pretends?|scared|afraid|"
        r"touch\w*|dark|when (?:mom|dad)|door|shower\w*|bath\w*|chang\w*|undress\w*|naked|locks?)\b)|"
        r"\bpretends? to be asleep\b|\b(?:told|tells|telling|made|makes|asked) (?:her|him|them) (?:not to|to "
        r"not|never to) tell\b",
        "an account that suggests sexual abuse",
        "",
        rf"\b(?:{_CHILD}|{_VULNERABLE}|kids?|teen|mom boyfriend|mother boyfriend|stepdad|stepfather|uncle|"
        rf"cousin|grandpa|stepbrother|boyfriend|man|guy|neighbor|coach|babysitter)\b",
    ),
    (
        r"\b(?:has been|is|went|gone|been) missing\b|\b(?:ran|run|running|runs) away (?:from home|again|"
        r"with)\b|"
        r"\brunaway\b|"
        r"\b(?:with|meeting|met|meets|seeing|dating|sleeping with|staying with) (?:a|an|some) (?:\d\d year "
        r"old|older|grown|adult) (?:man|guy|men|woman|boyfriend|stranger)\b|\b(?:man|guy|adult|stranger) "
        r"(?:she|he) met online\b|\bmet (?:him|her|them|someone|a man|a guy) online\b(?=.*\b(?:meet|"
        r"meeting|ran|left|missing|older|\d\d year old)\b)",
        "a missing or exploited minor",
        r"\b(?:missing (?:school|class|sessions?|appointments?|work|homework|out)|missing (?:her|his) "
        r"(?:mom|dad|friends))\b",
        rf"\b(?:{_CHILD})\b",
    ),
    (
        r"(?<!asked about )(?<!asks about )(?<!questions about )(?<!learning about )"
        r"\b(?:hurts?|hurting|hurt|touch(?:es|ed|ing)?|sore|bleeding|bleeds|pain|rubs?|rubbing|rubbed|"
        r"kiss(?:es|ed|ing)?|looks? at|looked at|plays? with|played with|pokes?|poked|licks?|licked) (?:her |"
        r"him |them |it |me )?(?:down there|in (?:her|his|their) (?:private|bottom|butt))|\bbad "
        r"(?:touch|touches|touching|touched|secret|secrets)\b|\bprivate (?:parts|part|area|places?|spots?)\b|"
        r"\bprivates\b|\bpee ?pees?\b|\bno no (?:spot|place|square|touch|zone)\b|\b(?:special|secret) "
        r"(?:game|games|touch|touching|club|hugs?|tickle\w*)\b|\b(?:tickle|wrestling|special|secret|naked|"
        r"touching) "
        r"games?\b(?=.*\b(?:covers|blanket|bed|naked|clothes|alone|secret|night|under)\b)|\bunder the "
        r"(?:covers|blankets?|sheets) with (?:her|him|them)\b|\bplays? (?:a |the )?(?:\w+ )?games? with "
        r"(?:her|him|them) in (?:the |her |his )?(?:bathroom|bed|bedroom|shower|bath|dark|basement)\b|"
        r"\btouch(?:es|ed|ing)? (?:her|him|them) (?:there|where|under)\b|\b(?:did|does|do|doing|done|made "
        r"(?:her|him|them) do|makes (?:her|him|them) do|tried) (?:\w+ ){0,2}(?:sex|sexual|private|nasty|"
        r"gross|"
        r"weird|bad|grown up|adult|naughty) (?:stuff|things|games?)\b|\b(?:licks?|licked|licking|sucks?|"
        r"sucked|"
        r"sucking|humps?|humped|humping) (?:me|her|him|them)\b|\bwhere (?:her|his|their) "
        r"(?:underwear|swimsuit|bathing suit) (?:goes|is|covers)\b",
        "a child's words for sexual abuse",
        r"\b(?:good touch|body safety|curriculum|lesson plan|psychoeducation|taught|teaching|teach|"
        r"asked about|"
        r"asks about|questions? about|curious about|learning about|how to (?:answer|talk|explain|respond)|"
        r"asked "
        r"(?:me )?(?:why|what|where|how|if|whether)|asks (?:why|what|where|how)|what to say|"
        r"not sure (?:what|how))\b",
        rf"\b(?:{_CHILD}|{_VULNERABLE}|kids?|preschool\w*|kindergarten\w*|little one)\b",
    ),
    (
        r"\b(?:makes?|made|making|tells?|told|telling|asks?|asked|forces?|forced) (?:her|him|them) (?:to )?"
        r"keep (?:it |this |that |a |our |their |things |what happens )?(?:secrets?|quiet|(?:a |our |their "
        r")?(?:little |special )?secret)\b|\b(?:our|a|their) (?:little |special )secret\b|\bdo not tell "
        r"(?:mommy|mom|daddy|dad|anyone|anybody|your mom|your dad)\b",
        "an adult making a child keep secrets",
        r"\b(?:surprise|party|present|birthday|christmas)\b",
        rf"\b(?:{_CHILD}|{_VULNERABLE}|kids?)\b",
    ),
    (
        r"\bnext time (?:he|she|they) (?:will|is going to|would|might|could) (?:finish|kill|end|really)\b|"
        r"\bfinish (?:the job|her off|him off|them off|what (?:he|she|they) started)\b|\b(?:hands?|arms?|"
        r"belt|cord|rope) (?:around|on|over) (?:her|his|their) (?:neck|throat)\b|\b(?:gun|knife|blade) "
        r"(?:to|at|against|on) (?:her|his|their) (?:head|throat|chest|neck)\b|\bthreatened (?:her|him|them) "
        r"with (?:a |his |her )?(?:gun|knife|weapon|bat)\b|\b(?:strangl|chok)\w* (?:her|him|them) "
        r"(?:until|till|so)\b",
        "domestic violence with signs of lethality",
        "",
    ),
    (
        r"\b(?:leaves?|left|leaving|keeps?|kept) (?:(?:her|him|them) )?(?:in|on|lying in|sitting in) (?:a |"
        r"the "
        r"|her |his )?(?:soiled|dirty|wet|urine|her own|his own|their own|the floor)\b|\b(?:has|with|"
        r"developed|"
        r"got|getting) (?:\w+ )?(?:sores|bedsores|pressure ulcers)\b|\b(?:leaves?|left|leaving|keeps?|"
        r"kept) (?:her|"
        r"him|them) (?:in|on) (?:bed|the bed|the floor|the couch|a chair|the bathroom|the car) (?:for|all) "
        r"(?:days|hours|the day|a day|\w+ days|the weekend|night|weeks?)\b|\bwithout (?:changing|feeding|"
        r"bathing|cleaning|checking on|turning) (?:her|him|them)\b|\b(?:has not|have not|had not|never) "
        r"(?:been )?(?:changed|bathed|cleaned|fed|turned|given (?:her|his|their) meds)\b(?=.*\b(?:days?|"
        r"week|sores|weeks)\b)|\bno (?:heat|food|water|electricity) (?:in|at) (?:the|her|his|their) "
        r"(?:house|home|apartment|room|place)\b",
        "neglect of a dependent person",
        "",
        rf"\b(?:{_CHILD}|{_VULNERABLE}|mom|mother|dad|father|patient|resident|brother|sister|caregiver|aide|"
        rf"\d\d)\b",
    ),
    (
        r"\btouch(?:es|ed|ing)? (?:her|him|them)\b(?! (?:on the (?:shoulder|arm|back)|base))|\bmakes? (?:her|"
        r"him|them) "
        r"sit on (?:his|her|their) lap\b|\b(?:his|her|their) hands? (?:down|in|under) (?:her|his|their) "
        r"(?:pants|shirt|clothes|underwear)\b",
        "a child disclosing sexual touching",
        "",
        rf"(?=.*\b{_CHILD}\b)(?=.*\b{_PERPETRATOR}\b)",
    ),
    (
        r"\b(?:bed ?sores|pressure sores|pressure ulcers|lying in (?:her|his|their) own (?:urine|waste|feces|"
        r"mess)|"
        r"soiled)\b|\b(?:will not|would not|refuses to|refused to|does not|never) (?:take|bring|let) (?:her|"
        r"him|them) "
        r"(?:\w+ ){0,2}(?:to the doctor|to a doctor|to the hospital|to appointments|see a doctor|get (?:her|"
        r"his) meds)\b",
        "neglect of a dependent person",
        "",
        rf"\b(?:{_CHILD}|{_VULNERABLE}|mom|mother|dad|father|grandma|grandpa|patient|resident|brother|sister|"
        rf"son|"
        r"daughter|caregiver|aide)\b",
    ),
    (
        r"\b(?:will not|would not|does not|refuses to|refused to|never) (?:give|let) (?:her|him|"
        r"them) (?:\w+ ){0,2}"
        r"(?:food|eat|meals|meds|medication|medications|water|money)\b|\bwithhold\w* (?:her|his|"
        r"their)? ?(?:food|"
        r"meals|meds|medications?|money|care)\b|\b(?:unless|until) (?:she|he|they) (?:signs?|gives?|"
        r"hands? over)\b",
        "a dependent person deprived or coerced",
        "",
        rf"\b(?:{_CHILD}|{_VULNERABLE}|caregiver|aide|dad|mom|father|mother|parent|husband|wife|partner|son|"
        r"daughter)\b",
    ),
    (
        r"\b(?:forces?|forced|forcing|makes?|made|pressur\w*) (?:her|him|them) (?:to )?(?:have sex|into sex|"
        r"sleep with|perform|do sexual|watch porn|send nudes|touch)\b|\bsleeps? in (?:the|a|his|"
        r"her) car\b(?=.*\b"
        r"(?:kicks?|kicked|throws?|threw|locks?|locked|boyfriend|mom|dad|stepdad)\b)",
        "sexual coercion or a child without safe shelter",
        "",
    ),
    (
        rf"\b{_PERPETRATOR} {_AUX}(?:sends?|sent|sending|texts?|texted|shows?|showed|showing|asks?|asked) "
        r"(?:her|him|them) (?:\w+ ){0,3}(?:sexual|explicit|nude|naked|dirty|sexy|inappropriate|porn\w*) "
        r"?(?:messages|people|men|women|bodies|"
        r"texts|pics|"
        r"pictures|photos|videos|images|stuff|things|content)?\b|\b(?:sexting|sexts) (?:with )?(?:a |her |"
        r"him |my )?"
        r"(?:\w+ )?(?:student|kid|child|minor|teen|\d+ year old|client)\b",
        "sexual messages to a minor",
        "",
        rf"\b(?:{_CHILD}|{_VULNERABLE}|coach|teacher|tutor|pastor|uncle|stepdad|adult)\b",
    ),
    (
        # Patterned injuries (a hand's outline, fingertip grip marks, cigarette burns, belt or cord
        # loops) are marks of being struck, grabbed or burned; "an accident" does not explain them.
        r"\b(?:hand ?prints?|finger ?(?:prints?|marks)|fingertip (?:bruises|marks)|grab marks|grip marks|"
        r"slap marks|choke marks|cigarette burns?|(?:belt|buckle|cord|loop|strap) (?:marks|welts|bruises)|"
        r"welts)\b(?= (?:on|across|around|all over) (?:her|his|their|the|both|each) (?:\w+ )?"
        r"(?:arms?|face|neck|legs?|back|cheeks?|wrists?|body|bottom|butt|chest|thighs?|skin|shoulders?|"
        r"throat|ears?|hands?|"
        r"feet))|\bcigarette burns\b",
        "patterned injuries",
        r"\b(?:paint\w*|craft\w*|art|clay|mud|chalk|marker|ink|glitter|turkey|ornament|plaster|dog|cat|"
        r"puppy|kitten|allerg\w*|eczema|hives)\b",
    ),
)

# Organophosphate poisoning on farms and in gardens: the exposure with two of its cholinergic signs
# (one, "vomiting", has a hundred other causes).
_PESTICIDE = (
    r"(?:pesticides?|insecticides?|organophosphates?|weed killer|roundup|paraquat|bug spray|crop dust\w*|"
    r"fumigat\w*|(?:spraying|sprayed|spray) (?:the )?(?:orchard|fields?|crops?|cotton|corn|vines|trees|barn))"
)
_POISONING_SIGN = (
    r"(?:drooling|pupils (?:are )?(?:tiny|pinpoint|small)|pinpoint pupils|muscles? twitch\w*|twitching|"
    r"sweating buckets|can not stop sweating|vomiting|throwing up|trouble breathing|can not breathe|wheezing)"
)

_MEDICAL: tuple[_Rule, ...] = (
    (
        r"\b(?:not answering|will not answer|is not responding|not responding|"
        r"unresponsive)\b(?=.*\b(?:fent\w*|"
        r"heroin|dope|opioids?|oxy\w*|xanax|pills|meth|using)\b)|\b(?:fent\w*|heroin|dope|"
        r"opioids?)\b(?=.*\b(?:not "
        r"answering|not responding|unresponsive)\b)",
        "a possible overdose behind a locked door",
        "",
        r"(?=.*\b(?:bathroom|stall|locked|restroom|door|car|tent)\b)",
    ),
    (
        r"\b(?:is not|was not|not|can not|will not) (?:moving|getting up|waking up)\b(?=.*\b(?:fell|fall|"
        r"collapsed|hit|floor|ground|stairs|unconscious|limp|blood)\b)|\b(?:fell|fallen|falling) (?:down|off|"
        r"from) (?:the |a )?(?:stairs|steps|ladder|balcony|roof|window)\b(?=.*\b(?:not|hurt|bleeding|head|"
        r"unconscious|moving|broke|ambulance|911)\b)",
        "a fall with injury",
        "",
    ),
    (
        r"\b(?:barely|not|is not|was not|hardly|only partly) (?:responsive|conscious|breathing right|"
        r"arousable)\b|\bunarousable\b|\b(?:blue|purple) lips\b|\blips (?:are |"
        r"were |look |turned )?(?:blue|purple)\b|\bslumped\b|\bunresponsive\b|"
        r"\bbreathing (?:weird|funny|strange|strangely|shallow|slow|oddly|heavily|irregular|really slow)\b|"
        r"\bempty (?:pill|medicine|prescription) bottles?\b|\b(?:grabbed|grabbing|clutching|clutched|"
        r"holding) "
        r"(?:his|her|their) chest\b",
        "not responsive",
        "",
    ),
    (
        r"\b(?:passed out|fainted|fainting|blacked out|collapsed|collapsing|lost consciousness|unconscious|"
        r"unresponsive|not responding|will not wake up|would not wake up|can not wake (?:her|him|them)|(?:is|"
        r"was) not waking up|can not be woken|(?:will|would) not wake)\b",
        "loss of consciousness",
        r"\bwish\w* (?:\w+ ){0,3}(?:would|will|did|could) not wake\b|"
        r"\b(?:collapsed|collapsing) (?:in tears|crying|laughing|(?:into|onto|against) (?:me|my arms|my "
        r"shoulder|her \w+|his \w+|their \w+))\b|\bpassed out (?:flyers|papers)\b|"
        r"\b(?:blood draw|needle phobia|vasovagal|at the sight of blood)\b",
    ),
    (
        r"\b(?:seizure|seizing|convulsing|convulsions|eyes rolled back|eyes rolling back|"
        r"foaming at the mouth|"
        r"went limp|(?:started|is|was) shaking (?:uncontrollably|all over)|jerking uncontrollably)\b|"
        r"\beyes rolled\b(?=.*\bshak\w*\b)",
        "a seizure",
        r"\b(?:seizure disorder|epilep\w*|well controlled|controlled (?:with|by|on))\b",
    ),
    (
        r"\b(?:not breathing|stopped breathing|can not breathe|could not breathe|trouble breathing|"
        r"struggling to "
        r"breathe|turning blue|lips (?:are|were|turning) blue|choking|asthma attack|can barely (?:breathe|"
        r"talk|"
        r"speak)|gasping|wheezing badly)\b",
        "difficulty breathing",
        r"\b(?:felt like|feels like|feel like|panic attack|it passed|anxiety)\b",
    ),
    (
        r"\bchest (?:hurts|is hurting|feels tight|tightness|pressure|is tight)\b(?=.*\b(?:arm|numb|sweat\w*|"
        r"breath\w*|jaw|dizzy|nause\w*|pale|faint\w*|really bad)\b)|\bchest pains?\b|\bheart attack\b|"
        r"\bhaving a stroke\b|\b(?:had|has|is having) a stroke\b|"
        r"\bslurred speech\b|"
        r"\bface (?:is )?droop\w*\b",
        "signs of a heart attack or stroke",
        r"\bstroke of\b",
    ),
    (
        r"\b(?:rubbing|clutching|holding|grabbing|pressing on) (?:her|his|their) chest\b(?=.*\b(?:arm|numb|"
        r"sweat\w*|breath\w*|jaw|dizzy|nause\w*|pale)\b)|\b(?:left|right) arm (?:is |went |feels |was |"
        r"going )?"
        r"(?:numb|tingling|heavy)\b(?=.*\b(?:chest|sweat\w*|jaw|breath\w*)\b)|\bchest\b(?=.*\b(?:left|right) "
        r"arm (?:is |went |feels |was )?(?:numb|tingling|heavy)\b)",
        "signs of a heart attack",
        r"\bstroke of\b",
    ),
    (
        r"\bserotonin syndrome\b|\b(?:tramadol|ssris?|sertraline|zoloft|prozac|fluoxetine|lexapro|"
        r"escitalopram|"
        r"paxil|paroxetine|citalopram|celexa|maois?|linezolid|dextromethorphan|triptans?|sumatriptan|mdma|st "
        r"john s wort)\b(?=.*\b(?:twitch\w*|jerk\w*|clonus|rigid\w*|stiff\w*)\b)(?=.*\b(?:sweat\w*|fever|hot|"
        r"agitat\w*|confus\w*|heart (?:is )?racing|shaking|tremor\w*)\b)",
        "signs of serotonin syndrome",
        r"\b(?:history of|last (?:year|month)|years ago|resolved)\b",
    ),
    (
        r"\b(?:fruity breath|breath (?:smells|smelled|smelling) (?:fruity|sweet)|ketoacidosis|dka)\b|"
        r"\b(?:ran out "
        r"of|out of|no|skipped|stopped taking|not taking) (?:her |his |their )?insulin\b(?=.*\b(?:vomit\w*|"
        r"throwing up|breathing (?:fast|deep|hard)|confus\w*|drowsy|fruity|stomach pain)\b)",
        "signs of diabetic ketoacidosis",
        r"\bstroke of\b",
    ),
    (
        r"\brefeeding\b(?! (?:protocol|plan|class|training))|\b(?:ideal (?:body )?weight|underweight|"
        r"anorexi\w*|bulimi\w*|purging|eating disorder|ed program|restricting|bmi (?:of )?1[0-6]|"
        r"(?:potassium|k) "
        r"(?:is |was |of |at )?[12]\.\d)\b(?=.*\b(?:confus\w*|swollen|fluttering|skipping beats|"
        r"swelling|heart (?:is )?(?:racing|pounding)|short of breath|chest pain|faint\w*|passed out|"
        r"palpitations)\b)",
        "signs of refeeding syndrome or heart strain in an eating disorder",
        r"\b(?:history of|last (?:year|month)|years ago|labs (?:were|are) (?:fine|normal))\b",
    ),
    (
        r"\bheat ?stroke\b|\bheat exhaustion\b",
        "signs of heat stroke",
        r"\bstroke of\b",
    ),
    (
        r"\b(?:skin (?:is |was |feels )?(?:hot and dry|very hot|burning up)|not sweating|stopped sweating)\b",
        "signs of heat stroke",
        r"\b(?:gym|workout|sauna|fever went down|usual)\b",
        r"(?=.*\b(?:confus\w*|heat wave|heat|hot|ac|air condition\w*|degrees|dizzy|faint\w*)\b)",
    ),
    (
        r"\b(?:pregnant|weeks pregnant|months pregnant|her pregnancy|expecting)\b(?=.*\b(?:bleeding|blood|"
        r"(?:bad|severe|sharp|terrible|very bad) (?:pain|cramp\w*)|water broke|contractions|"
        r"not felt the baby "
        r"move|baby (?:is not|stopped) moving|seizure|severe headache|blurr\w* vision)\b)|\b(?:bleeding|"
        r"(?:bad|severe|sharp) (?:pain|cramp\w*)|water broke|contractions)\b(?=.*\b(?:pregnant|weeks "
        r"pregnant|months pregnant)\b)",
        "signs of a pregnancy emergency",
        r"\bstroke of\b",
    ),
    (
        r"\b(?:face|mouth|smile) (?:\w+ )?(?:droopy|drooping|crooked|lopsided|sagging)\b|\bdroop\w* on one "
        r"side\b|\bone side of (?:her|his|their) (?:face|body|mouth) (?:is |went |was |looks )?(?:numb|"
        r"droop\w*|"
        r"weak|limp|paralyzed|sagging)\b|\b(?:can not|could not|unable to|suddenly can not) (?:lift|move|"
        r"raise|feel) (?:her|his|their) (?:right|left) (?:arm|leg|hand|side)\b|\b(?:words|speech) (?:\w+ )?"
        r"(?:jumbled|garbled|slurred)\b",
        "signs of a stroke",
        r"\b(?:surgery|injur\w*|sprain\w*|rotator|shoulder|gym|cast|broke|broken|fracture\w*|bell s palsy|"
        r"palsy|dentist|novocaine|numbing|botox|years ago|since birth|cerebral palsy|"
        r"(?<!not her )(?<!not his )"
        r"(?<!not their )(?:baseline|usual))\b",
    ),
    (
        r"\blithium (?:toxicity|poisoning|overdose)\b|\blithium levels? (?:is |are |was |were |came back )?"
        r"(?:high|toxic|elevated|very high|dangerous)\b|\b(?:on|taking|takes|started|restarted|doubled) "
        r"(?:her |his |their )?lithium\b(?=.*\b(?:vomit\w*|throwing up|diarrhea|"
        r"nause\w*)\b)(?=.*\b(?:slurr\w*|"
        r"confus\w*|unsteady|stumbling|tremor\w*|shaking|twitch\w*|dizzy|drowsy|disoriented|"
        r"walk straight)\b)",
        "signs of lithium toxicity",
        r"\b(?:last (?:year|month)|history of|used to|years ago|levels? (?:is |are |was |were )?(?:normal|"
        r"fine|"
        r"therapeutic))\b",
    ),
    (
        r"\b(?:maoi|maois|mao inhibitors?|phenelzine|nardil|tranylcypromine|parnate|isocarboxazid|marplan|"
        r"selegiline|emsam)\b(?=.*\b(?:headache|heart (?:is |was )?(?:pounding|racing)|chest pain|stiff neck|"
        r"nose ?bleed|blurr\w* vision)\b)(?=.*\b(?:cheese|salami|pepperoni|cured|aged|wine|beer|soy sauce|"
        r"sauerkraut|tyramine|pseudoephedrine|sudafed|decongestant|cold medicine|ssri|tramadol)\b)|"
        r"\bworst headache (?:of (?:her|his|their|my) life|ever)\b",
        "signs of a hypertensive crisis or a sudden severe headache",
        r"\b(?:hangover|hungover|lol|lmao|usual migraine|migraines? (?:again|as usual)|last (?:week|month|"
        r"year)|years ago)\b",
    ),
    (
        rf"\boverdos(?:e|ed|ing)\b|\b(?:took|taken|takes|swallowed|popped|downed|had|ingested|consumed) "
        rf"(?:like |about |around |maybe |almost |over |at least |probably |possibly )?"
        rf"(?:a large (?:number|amount|quantity) of|large (?:amounts|quantities|numbers) of|an? (?:excessive|"
        rf"significant|huge|unknown) (?:number|amount|quantity) of|excessive|several|numerous|too many|"
        rf"a lot of|"
        rf"a bunch of|a handful of|handful of|tons of|lots of|way too many|way more|a few extra|a couple "
        rf"extra|some extra|few extra|extra|double|triple|"
        rf"[1-9]\d+|a dozen|dozens of|twenty|thirty|forty|fifty|(?:her|his|their|my|a|the|an) (?:whole|"
        rf"entire|full) (?:month|week|bottle|supply|prescription|script|pack|box|strip|sheet)) (?:of )?"
        rf"(?:her |his |their |my |the )?(?:\w+ )?{_DRUG}\b",
        "an overdose",
        r"\boverdose (?:prevention|training|kit|kits)\b|\bdied (?:of|from) (?:an? )?(?:od|overdose)\b|"
        r"\b(?:a|the|our|my) patients? (?:overdos\w*|od)\b|\b(?:overdose|overdosed|od) and (?:die|died|"
        r"passed)\b|"
        r"\b(?:memorial|vigil|(?:naloxone|narcan) (?:training|kits?|class|workshop)|overdose awareness)\b|"
        r"\b(?:retell\w*|re telling|telling|tell|talk\w* about|describ\w*|shar\w*|story of|memories of|"
        r"anniversary "
        r"of|since) (?:the |her |his |their |my )?(?:\w+ )?overdose\b|"
        r"\b(?:in the news|news|article|documentary|singer|"
        r"celebrity|rapper|actor|podcast|paramedic|emt|first responder|calls where|on calls|patients who|"
        r"people who)\b",
    ),
    (
        r"\bbleeding (?:heavily|badly|a lot|profusely|out|everywhere|will not stop|would not stop)\b|"
        r"\b(?:lot|lots|pool) of blood\b|\bblood everywhere\b|\bwill not stop bleeding\b|\b(?:vomiting|"
        r"coughing up|"
        r"throwing up) blood\b",
        "heavy bleeding",
        r"\b(?:dreams?|dreaming|nightmares?|flashbacks?|memor\w*|movie|film|show|game|video game|tattoo|"
        r"period|"
        r"nosebleed)\b",
    ),
    (
        r"\ballergic reaction\b|\banaphyla\w*\b|\bwheez\w*\b(?=.*\b(?:peanut|allerg\w*|stung|bee|shellfish|"
        r"ate|eating|cookie|nuts?)\b)|\b(?:lips|tongue|face|eyes|throat) (?:look |looks |looking |are |is |"
        r"getting |got |went )?(?:puffy|swollen|swelling)\b|\b(?:used|use|using|needed|needs|need|gave|give|"
        r"giving|"
        r"grabbed|grab|jabbed|stabbed (?:her|him|them) with) (?:her |his |their |an |the |my )?epi ?pen\b|"
        r"\bthroat (?:is |feels |getting )?(?:tight|"
        r"closing|swelling)\b|\bhives all over\b|\b(?:stung|sting|peanut|shellfish)\b(?=.*\b(?:wheez\w*|"
        r"swell\w*|throat|can not breathe|hives)\b)|\b(?:face|throat|lips|tongue|mouth|eyes) "
        r"(?:is |are |was |were |started |keeps )?(?:swelling|swollen|closing|puffing up)\b",
        "a severe allergic reaction",
        "",
    ),
    (
        rf"\b{_PESTICIDE}\b(?=.*\b{_POISONING_SIGN}\b.*\b{_POISONING_SIGN}\b)|"
        rf"\b{_POISONING_SIGN}\b(?=.*\b{_POISONING_SIGN}\b)(?=.*\b{_PESTICIDE}\b)",
        "signs of pesticide poisoning",
        r"\b(?:allerg\w*|hay fever|pollen|garden(?:ing)? (?:club|class)|label says|safety training|osha)\b",
    ),
    (
        r"\b(?:blood sugar|diabetic|hypoglycemi\w*|insulin) (?:crash|emergency|low|shock|coma|reaction)\b|"
        r"\bdiabetic (?:shock|coma)\b",
        "a diabetic emergency",
        "",
    ),
    (
        r"\b(?:hit|hits|banged|struck) (?:her|his|their) head\b|\bhead injury\b|\bconcussion\b",
        "a head injury",
        r"\b(?:football|soccer|hockey|rugby|practice|game|match|season|tournament|sports?)\b",
    ),
    (
        r"\b(?:call|called|calling|dial|dialed) (?:911|an ambulance|ems|the paramedics)\b|\bambulance\b|"
        r"\bparamedics\b|\bemergency room\b(?=.*\b(?:now|right now|tonight|took|taking|rushed)\b)",
        "emergency services involved",
        r"\b(?:new staff|train (?:them|staff|the staff)|staff training|protocol says|our policy|in general|"
        r"generally|should (?:they|staff|we) call)\b",
    ),
    (
        r"\b(?:drunk|intoxicated|high|wasted|under the influence) (?:and|but|yet)? ?(?:is |"
        r"was )?(?:about to |"
        r"going to |planning to |wants to |insisted on |insisting on )?(?:drive|driving)\b|"
        r"\bdriving (?:drunk|"
        r"high|intoxicated)\b|\b(?:can not|could not|can barely|could barely) (?:stand|walk|stay awake|"
        r"stay conscious)\b"
        r"(?! (?:one|her|him|them|my|the|it|this|that|being|to|his|their|a|people|anyone|when|how|me|you|"
        r"us)\b)",
        "intoxicated and in danger",
        "",
    ),
    (r"\bwithdrawal (?:seizures?|dts)\b|\bdelirium tremens\b|\bdts\b", "dangerous withdrawal", ""),
    (
        # Low blood sugar in someone with diabetes shows as sweating, shaking, slurring and confusion.
        r"\b(?:diabetic|diabetes|type (?:1|one) diabetic|on insulin|takes insulin|blood sugar|"
        r"sugar (?:is |was )?(?:low|dropping|crashing|tanking))\b",
        "signs of a diabetic emergency",
        r"\b(?:usually|sometimes|when (?:her|his|their) (?:blood )?sugar|history of|last (?:week|month|"
        r"year)|used to|snacks?|glucose tabs|juice box|plan for|protocol|class|training|what (?:to|do i) do "
        r"if|if (?:she|he|they) ever|palms|anxious|anxiety|nervous|gym|workout)\b",
        r"(?=.*\b(?:slurr\w*|confused|disoriented|incoherent|not making sense|drowsy|faint\w*|passing out|"
        r"combative|out of it|acting drunk|can not stay awake)\b)|(?=.*\b(?:sweaty|sweating|clammy)\b)"
        r"(?=.*\b(?:shaky|shaking|trembling|tremors?|pale|dizzy)\b)",
    ),
    (
        # Withdrawal from alcohol or sedatives with confusion or hallucinations can be delirium tremens.
        r"\b(?:alcohol|benzo|benzos|xanax|klonopin|ativan|valium|sedative) withdrawal\b|"
        r"\bwithdrawing from (?:alcohol|benzos|xanax|klonopin|ativan|drinking)\b|\bdetox\w*\b|"
        r"\b(?:stopped|quit) (?:drinking|(?:her|his|their) (?:xanax|klonopin|ativan|benzos)) cold turkey\b",
        "dangerous withdrawal",
        r"\b(?:digital detox|detox tea|juice detox|social media detox|detox from (?:social media|work|"
        r"screens?|phones?))\b",
        r"\b(?:hallucinat\w*|seeing (?:bugs|things|spiders|people|stuff)|hearing things|confused|"
        r"disoriented|shaking (?:badly|uncontrollably|all over|really bad)|tremors|seizures?|seizing|"
        r"sweating (?:profusely|a lot|buckets)|heart racing|racing heart|agitated and confused)\b",
    ),
    (
        r"\b(?:has not|have not|had not|has not been) (?:eaten|eating|drunk anything|"
        r"had water)\b(?=.*\b(?:days|"
        r"week|dizzy|faint)\b)|\bheart (?:racing|rate) (?:at|of)? ?(?:2\d\d|1[5-9]\d)\b",
        "a physical danger from not eating or drinking",
        "",
    ),
)


@dataclass(frozen=True)
class _Compiled:
    kind: SafetyKind
    pattern: re.Pattern[str]
    reason: str
    unless: re.Pattern[str] | None
    requires: re.Pattern[str] | None


def _compile(kind: SafetyKind, rule: _Rule) -> _Compiled:
    unless = rule[2]
    requires = rule[3] if len(rule) == 4 else ""
    return _Compiled(
        kind=kind,
        pattern=re.compile(rule[0]),
        reason=rule[1],
        unless=re.compile(unless) if unless else None,
        requires=_condition(requires) if requires else None,
    )


def _condition(regex: str) -> re.Pattern[str]:
    """A rule's ``requires``, tried only at a sentence's start when it is a whole-sentence condition.

    Sentences hold no newlines (normalize joins tokens with spaces), so for lookaheads that read
    ahead with ``.*`` the start is the only position worth trying (see
    :func:`commands.regex_screen.whole_text_condition`); searching from every position cost up to
    0.26 ms a sentence.
    """
    pattern = re.compile(regex)
    return re.compile(rf"\A(?:{regex})") if whole_text_condition(pattern) else pattern


_KINDS: tuple[tuple[SafetyKind, tuple[_Rule, ...]], ...] = (
    ("suicide", _SUICIDE),
    ("suicide", _SUICIDE_MORE),
    ("suicide", _MEANS_IN_HAND),
    ("homicide", _HOMICIDE),
    ("abuse", _ABUSE),
    ("abuse", _ABUSE_MORE),
    ("medical", _MEDICAL),
)
_COMPILED: tuple[_Compiled, ...] = tuple(_compile(kind, rule) for kind, rules in _KINDS for rule in rules)

# ------------------------------------------------------------------------ context that defuses a match

_CLAUSE_SPLIT = re.compile(
    r" (?:[.!?;]|but|however|although|though|yet|except|whereas|while|then(?<!and then)|"
    r"now(?<!right now)(?<!just now)(?<!for now)(?<!of now)|later|until) (?=\S)"
)
# Strong negations reach across a short list ("denies si, hi, or plan"); weak ones only touch the
# next few words, so "not eating and wants to die" still fires.
_STRONG_NEG = re.compile(
    r"\b(?:denie[sd]|deny|denying|denial of|negative for|neg for|ruled out|rules out|rule out|r/o|"
    r"no (?:current|active|recent|present|acute|evidence of|signs? of|indication of|reports? of|history of|"
    r"hx of)|"
    r"no (?:suicidal|homicidal|thoughts|plan|intent|self|ideation|urges|hi|si)|without (?:any )?(?:current |"
    r"active )?|free of|absence of|not endorse|did not endorse|does not endorse|"
    r"not endorsing|contracted for safety and denied)\b"
)
_WEAK_NEG = re.compile(r"\b(?:no|not|never|nor|none|neither|nobody|no one)\b")
_NEG_BLOCKERS = re.compile(
    r"\b(?:and (?:she|he|they|then|now|said|told|also|says)|but|said|says|told|tells|reports|reported|stated|"
    r"admitted|admits|disclosed|texted|messaged|emailed|wrote|called|because|since)\b"
)
_POST_NEG = re.compile(
    r"^\s*(?:ideations?|thoughts|ideation and homicidal ideation)?\s*(?:(?:and|but) (?:she|he|they|client) "
    r"(?:said|says|say|answered|replied) (?=no\b))?(?:(?:as usual|as always|per protocol|"
    r"routinely|at intake|at check in|again|on the (?:phq ?9|c ssrs|columbia|screener))\s*)?(?:,|:|-)?\s*"
    r"(?:(?:client|patient|she|he|they) )?(?:came back |was |is )?(?:denied|denies|neg|"
    r"negative|none|no(?! one| body|body|thing|where| longer| way| matter| reason| point| idea| more|"
    r" longer| plans?\b| intent\w*| means\b| access\b| weapons?\b| guns?\b)|"
    r"absent|not present|nil)\b"
)

# "a former client called from a bridge": the client is former, the call is now
_CLINICAL_ROLES = r"client|clients|patient|patients|therapist|counselor|supervisor|group member"
_HISTORICAL_PREFIX = re.compile(
    r"\b(?:history of|hist of|(?:past|previous|prior|former)(?! (?:" + _CLINICAL_ROLES + r")\b)|"
    r"(?<!year )old|previously|remote|childhood|lifetime|history of past|long history of|a history of)"
    r"(?: \w+){0,2}$"
)
_DISTANT_TIME = re.compile(
    r"\b(?:\d+|a few|few|several|many|two|three|four|five|six|seven|eight|nine|ten|twenty|some) "
    r"(?:years?|decades?) (?:ago|back|earlier|before)\b|\byears (?:ago|back|earlier)\b|"
    r"\blong (?:time )?ago\b|"
    r"\bdecades? ago\b|\bas a (?:child|kid|teen|teenager|young \w+|little girl|little boy|minor)\b|"
    r"\bwhen (?:she|he|they|i|client|my client) (?:was|were) (?:a (?:child|kid|teen|teenager|little)|little|"
    r"young|younger|"
    r"\d+|in (?:high school|college|middle school))\b|\bin (?:high school|college|middle school|grad school|"
    r"(?:her|his|their) (?:teens|twenties|20s|thirties|30s|youth))\b|\bgrowing up\b|\bback in (?:19|"
    r"20)\d\d\b|"
    r"\bin (?:19|20)\d\d\b|\bused to\b|\bin the past\b|\babout (?:her|his|their) past\b|\bfrom (?:her|his|"
    r"their) (?:teens|twenties|childhood|youth|college years|adolescence)\b|"
    r"\b(?:is )?now \d\d(?: years old)? "
    r"and (?:stable|safe|doing well|thriving|married)\b|\b(?:last|a) (?:year|decade)\b|\byears? earlier\b|"
    r"\b(?:is|has been|been|now|remains?) (?:stable|doing well|in remission|sober)\b|\bstable (?:since|for|"
    r"now)\b|"
    r"\bresolved\b|\bno longer\b|\bsince (?:then|recovered)\b|"
    r"\b(?:suicidal ideation|suicidal|self harm|suicide attempt|attempt) (?:history|hx)\b|\bnone (?:are |"
    r"is )?"
    r"current(?:ly)?\b|\b(?:old|gang|drinking|using|party|wild|glory|army|college) days\b|"
    r"\bback in the day\b|"
    r"\b(?:said|says|saying|been saying) (?:this|that|it) (?:daily|every day|for (?:\d+|"
    r"many|several|a few) (?:years|months))\b|\blast (?:summer|spring|fall|winter|semester)\b|"
    r"\b(?:every day|daily|every night) for (?:years|months|(?:\d+|many|several|a few) (?:years|months))\b|"
    r"\b(?:back )?in (?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth|"
    r"eleventh|twelfth) grade\b"
)
_IMMINENT = re.compile(
    r"\b(?:tonight|today|tomorrow|right now|this (?:morning|afternoon|evening|week|weekend)|currently|"
    r"current plan|(?<!friends )(?<!together )(?<!talking )(?<!fine )(?<!okay )(?<!ok )again|recently|"
    r"yesterday|last night|this past|planning|plans to|plan to|intends|intent|"
    r"about to|has a plan|have a plan|endorsed|endorses|endorsing|(?:is|are) (?:being|getting)|lately|"
    r"these days|"
    r"anymore|any more)\b"
)
# Someone else's completed suicide is grief work, not an imminent risk to the client.
_COMPLETED = re.compile(
    r"\b(?:died by suicide|died of suicide|dies by suicide|dies of suicide|committed suicide|"
    r"completed suicide|"
    r"lost (?:her|his|their|a) "
    r"\w+ to suicide|suicide loss|(?:killed|hanged|shot) (?:himself|herself|themselves)(?! (?:last night|"
    r"today|this morning|yesterday))|took (?:his|her|their) own life|suicide of (?:her|his|their|a))\b"
)


def _clause_spans(sentence: str) -> list[tuple[int, int]]:
    """Where each clause of a sentence starts and ends, as offsets into the sentence."""
    spans: list[tuple[int, int]] = []
    last = 0
    for match in _CLAUSE_SPLIT.finditer(f" {sentence} "):
        spans.append((max(last - 1, 0), max(match.start() - 1, 0)))
        last = match.end()
    spans.append((max(last - 1, 0), len(sentence)))
    return spans


def _in_clause(spans: list[tuple[int, int]], sentence: str, start: int, end: int) -> tuple[str, int, int]:
    """The clause a match starts in, with the match's offsets inside that clause.

    Patterns see the whole sentence, so a context word after "while" or "then" still counts, but
    negation and time words are judged within the clause the match sits in.
    """
    first, last = spans[0]
    for a, b in spans:
        if a <= start:
            first, last = a, b
    return sentence[first:last], start - first, min(end, last) - first


def _negated(clause: str, start: int, end: int) -> bool:
    """Whether a negation governs the match between ``start`` and ``end``."""
    before = clause[:start].split()
    window = " ".join(before[-10:])
    strong = list(_STRONG_NEG.finditer(window))
    if strong and not _NEG_BLOCKERS.search(window[strong[-1].end() :]):
        return True
    near = " ".join(before[-3:])
    weak = list(_WEAK_NEG.finditer(near))
    if weak and not re.search(
        r"\b(?:and|but|so|then|because|since|though|although|while)\b", near[weak[-1].end() :]
    ):
        return True
    return bool(_POST_NEG.match(clause[end:]))


_NEGATED_INTENT = re.compile(
    r"\b(?:denie[sd]|deny|denying|no|without|not|never|negative for)\b(?: \w+){0,3} (?:plans?|intent|"
    r"intention)\b(?: (?:or|and|,) (?:\w+ )?(?:plans?|intent|means))*"
)


# "in session today" dates the conversation, not the risk.
_SESSION_TIME = re.compile(
    r"\b(?:during |in |at )?(?:today s |our |her |his )?(?:session|group|intake|supervision|appointment|"
    r"class|meeting) (?:today|this morning|this afternoon|this week|tonight)\b|\b(?:during|in|at) (?:session|"
    r"group|intake) today\b|\btoday s session\b"
)


# "denied si today": the time word dates the denial, not a risk
_DENIED_TODAY = re.compile(
    r"\b(?:denie[sd]|denying|negative for|no) (?:any )?(?:current |active )?(?:suicidal ideation|suicidal "
    r"thoughts|homicidal ideation|thoughts of (?:suicide|self harm))(?: (?:and|or) (?:homicidal|suicidal) "
    r"ideation)? (?:today|this week|in session|again)\b"
)


def _historical(clause: str, sentence: str, start: int) -> bool:
    """Whether the match is about the past and nothing in its clause says the risk is current."""
    if _IMMINENT.search(_SESSION_TIME.sub(" ", _DENIED_TODAY.sub(" ", _NEGATED_INTENT.sub(" ", clause)))):
        return False
    return bool(
        _HISTORICAL_PREFIX.search(clause[:start].rstrip())
        or _DISTANT_TIME.search(clause)
        or _DISTANT_TIME.search(sentence)
    )


def _still_a_minor(sentence: str) -> bool:
    """Past abuse still needs reporting while the victim is a child or dependent adult.

    "Her stepdad used to hit her" about a 14-year-old is a current reporting matter; "she was hit
    as a child" about an adult client is history to work with, not an emergency.
    """
    return bool(_MINOR_VICTIM.search(sentence)) and not _ADULT_LOOKING_BACK.search(sentence)


SENTENCE_WINDOW = 400
"""Longest stretch read as one sentence. The context checks (clauses, negation, time words) look
across the sentence around every match, so their cost grows with the square of a sentence's length:
a page typed without a full stop took seconds. Longer sentences are read in overlapping windows of
this many characters (no sentence in the evaluation sets is a third as long)."""
WINDOW_OVERLAP = 150
"""Characters each window repeats from the one before, so a phrase cut by one window's end is
whole in the next: longer than any risk phrase the patterns describe."""


def _sentences(text: str) -> Iterator[str]:
    for sentence in re.split(r" [.!?;] ", f" {text} "):
        sentence = sentence.strip()
        if len(sentence) > SENTENCE_WINDOW:
            yield from _windows(sentence)
        elif sentence:
            yield sentence


def _windows(sentence: str) -> Iterator[str]:
    """Overlapping pieces of a run-on sentence, cut between words."""
    start = 0
    while start + SENTENCE_WINDOW < len(sentence):
        end = sentence.rfind(" ", start + 1, start + SENTENCE_WINDOW)
        end = end if end > start + WINDOW_OVERLAP else start + SENTENCE_WINDOW
        yield sentence[start:end].strip()
        following = sentence.find(" ", end - WINDOW_OVERLAP, end)
        start = following + 1 if following > start else end - WINDOW_OVERLAP
    yield sentence[start:].strip()


_MINOR_VICTIM = re.compile(rf"\b{_CHILD}\b(?! protective)|\b{_VULNERABLE}\b")
_ADULT_LOOKING_BACK = re.compile(
    r"\b(?:as a (?:child|kid|teen|teenager|little girl|little boy)|when (?:she|he|they) (?:was|were)|"
    r"growing up|childhood|years ago)\b"
)


# ------------------------------------------------------------------ context that defuses a whole sentence

# Present-tense, acute evidence. A sentence that also says the risk is studied, planned for, resolved
# or someone else's story is still checked when one of these is in it ("cps closed it but he is hitting
# her again", "we reviewed the safety plan and she still has the pills").
_ACUTE_STATE = re.compile(
    r"\b(?:right now|as we speak|just (?:took|said|told|texted|called|cut|overdosed|swallowed|disclosed|"
    r"now|left)|still (?:has|have|is|are|wants|keeps|planning|cutting)|again|(?:has|have|got|bought) (?:a|"
    r"the) "
    r"(?:plan|gun|pills|rope|knife|date)|plans? to|planning to|intends? to|about to|(?:going|wants?|will|"
    r"ready) to (?:kill|hurt|die|jump|end|overdose|shoot|stab|harm|do it)|not (?:answering|responding|"
    r"picking up|replying)|has not (?:answered|responded|replied)|can not reach|(?:is|are) (?:on|at) the "
    r"(?:bridge|roof|tracks|ledge|edge)|on (?:her|his|their) way|in the (?:lobby|waiting room|"
    r"bathroom|parking lot))\b"
)
_ACUTE_TIME = re.compile(r"\b(?:tonight|this (?:morning|afternoon|evening)|currently|at the moment)\b")

# Study, training and policy: nobody in particular is at risk unless someone said or did something.
_GENERAL = re.compile(
    r"\b(?:(?:doing|did|do|conducting|conducted|completing|completed|my first|first time doing) (?:a |an |"
    r"the "
    r"|my )?(?:first )?(?:suicide |risk |lethality |safety )*(?:risk assessment|assessment|screening)s?\b(?! "
    r"(?:and|where|which|that) (?:she|he|they|client))|(?:reading|read|readings?|learning|learned|learnt|"
    r"studying|lecture|article|research|podcast|"
    r"chapter|paper|papers|video|videos|webinar|workshop|training|trainings|seminar|module|presentation|"
    r"didactic|in service|inservice) (?:about|on|up on|for|covering|abt)|studying|textbook|case study|"
    r"vignette|role ?play\w*|(?:tips|advice|help|ideas) (?:for|on|with) (?:\w+ )?(?:asking|talking|"
    r"bringing up|"
    r"screening|assessing|documenting)|scenario cards?|rubric|quiz|training module|mock (?:call|session|"
    r"text)|practice "
    r"(?:scenario|case|call)|ce (?:course|credits?)|continuing education|training video|grand rounds|"
    r"case conference|"
    r"for (?:my |a |our |the |her |his |their )?(?:\w+ )?(?:class|course|project|assignment|paper|homework|"
    r"report|presentation)|"
    r"(?:for|in) (?:my |a |our |the )?(?:class|course|exam|paper|assignment|seminar|lecture|program|training|"
    r"cohort|practicum class|ethics class|practicum seminar|rotation)|writing a paper|(?:my|our) (?:class|"
    r"course|professor|instructor)|screening tools?|columbia (?:scale|protocol|suicide severity)|"
    r"review\w* (?:\w+ ){0,4}(?:laws?|criteria|requirements|guidelines|polic(?:y|ies)|statutes?|protocols?|"
    r"procedures?|standards?)|reporting (?:laws?|criteria|requirements|guidelines|polic(?:y|ies)|"
    r"procedures?|obligations|duties)|(?:how|when) (?:do|should|can|would) (?:i|we|you) (?:ask|bring up|"
    r"assess|screen|talk about|document|word|respond|handle|know)|how (?:\w+ ){0,3}works|limits (?:of|to) "
    r"confidentiality|confidentiality (?:limits|rules|policy))\b"
)
# Hypotheticals and safety-planning talk.
_HYPOTHETICAL = re.compile(
    r"\b(?:hypothetically|hypothetical|in general|generally speaking|what if|what happens if|if a client|"
    r"if my client ever|if (?:\w+ ){1,2}ever|what to do (?:if|when)|if someone|if a patient|if clients|"
    r"if a kid|if a child|if a minor|if an? (?:elderly|"
    r"older)|should a client|in case a client|when a client|when clients|if (?:she|he|they|client|i|you|"
    r"we) (?:ever|were to|was to|were ever|ever were|ever was)|in case (?:she|he|they|client) ever|"
    r"what (?:i|we|you|she|he) (?:would|should|could|will|might) do (?:if|when)|warning signs to (?:watch|"
    r"look) for)\b"
)
# "is it confidential if she ever wants to hurt herself": a question about the rules, not a disclosure
_CONFIDENTIALITY_Q = re.compile(
    r"\b(?:confidential(?:ity)? (?:if|limits|rules|policy)|limits (?:of|to) confidentiality|(?:would|will|do|"
    r"does) (?:you|i|we) (?:have to "
    r")?(?:report|tell (?:anyone|someone|her parents|his parents)|break confidentiality) if)\b"
)
_PLANNING = re.compile(
    r"\b(?:(?:reviewed|reviewing|review|went over|going over|updated|updating|practiced|practicing|made|"
    r"making|completed|did|wrote|created|filled out|worked on|working on|signed) (?:\w+ ){0,2}(?:crisis|"
    r"safety) plan(?:ning)?|safety planning|crisis plan|coping plan|(?:reviewed|went over|discussed|talked "
    r"about) (?:the )?warning signs)\b"
)
_CONCRETE = re.compile(
    r"\b(?<!if a )(?<!when a )(?<!if my )(?<!if the )(?:(?:(?:my|this|the|our) )?client(?: \w+)?|she|he|"
    r"they) "
    r"(?:just "
    r"|already |literally )?(?:said|says|told|tells|texted|messaged|disclosed|admitted|reported|endorsed|"
    r"wrote|called|emailed|posted|shared|showed)\b"
)
_REPORTED = re.compile(
    r"\b(?:said|says|told|tells|telling|reported|reports|disclosed|discloses|admitted|admits|endorsed|"
    r"endorses|texted|messaged|emailed|called|wrote|posted|showed up|mentioned|shared|stated|states|"
    r"is planning|has a plan)\b"
)
# The text itself says the risk is over: an investigation closed, a recovery since, long stability.
_RESOLVED = re.compile(
    r"\b(?:(?:investigated|assessed|looked into|reviewed) (?:\w+ ){0,5}and (?:closed|cleared|found nothing|"
    r"found "
    r"no|screened (?:it )?out|ruled (?:it )?out|it was (?:unfounded|closed))|found no (?:abuse|evidence|"
    r"neglect|"
    r"concerns?|signs?|issues?)|unfounded|unsubstantiated|"
    r"screened out|(?:is |she is |he is |they are )?(?:in recovery and )?doing (?:great|well|really well|"
    r"so much "
    r"better|amazing)|(?:case|it|investigation) (?:was |is |got )?closed|case (?:\w+ ){1,3}closed|"
    r"closed (?:the|"
    r"her|his|their) case|"
    r"(?:it |which |and )?(?:has |have |had )?(?:all )?healed (?:fine|up|well|completely|nicely)|"
    r"(?:recovery|recovered|sober|clean|stable|safe|well|fine|symptom free|abstinent) since|"
    r"(?:none|nothing|no (?:incidents?|episodes?|attempts?|self harm|cutting|suicidal ideation|relapse|"
    r"problems|issues)) since|"
    r"(?:been|is|stayed|remained|has been|now) (?:clean|sober|stable|safe|abstinent|self harm free|"
    r"cutting free)(?: for)? (?:\d+|a few|several|many|over a|over|more than a|almost a|nearly a) ?"
    r"(?:months?|years?)|now stable|in remission|no longer|recovering (?:well|fine|nicely)|"
    r"recovered (?:fully|"
    r"well)|(?:is|doing|feels?|was) (?:totally |completely )?fine now|cleared (?:her|him|them)|"
    r"back to normal|"
    r"no (?:current |acute |immediate )?(?:safety )?(?:concerns|risk|risk factors))\b"
)
# Someone else's story from the client's job ("she is an er nurse and talked about a patient who ...").
_OCCUPATION = re.compile(
    r"\b(?:is|works as|worked as|was|as) an? (?:\w+ ){0,2}(?:nurse|paramedic|emt|doctor|physician|"
    r"firefighter|police officer|cop|officer|social worker|pharmacist|dispatcher|chaplain|caseworker|"
    r"case worker|surgeon|medic|crisis counselor|hospice worker|teacher|corrections officer|lifeguard|"
    r"detective|attorney|lawyer|public defender|prosecutor|er tech|cna|aide)\b"
)
_OTHERS_STORY = re.compile(
    r"\b(?:(?:a|an|one of (?:her|his|their)|another) (?:client|patient|resident|kid|man|woman|guy|person|"
    r"teen|child|caller|student|inmate|family|case|call|customer|patron|coworker|colleague|guest|"
    r"passenger)s? (?:who|that|whose)|on (?:her|his|their|the) "
    r"shift|at (?:her|his|their) (?:job|work|hospital|unit|station)|at work|hard call|bad call|(?:responding "
    r"to|responded to|respond to|on|at) (?:a|an|the|that|one) (?:\w+ )?(?:call|scene|run)\b|"
    r"(?:a|an|one of (?:her|his|their)) (?:\w+ ){0,3}cases?\b|(?:about|of|from) "
    r"(?:a|an|the|that|one) (?:\w+ )?(?:call|shift|patient|case|scene|run)|(?:her|his|their) "
    r"(?:patients|residents|students|cases|calls))\b"
)
# A therapy exercise about the past or about a feeling, not an act.
_EXERCISE = re.compile(
    r"\b(?:(?:as|for) (?:a|an|her|his|their|the) (?:\w+ )?(?:exercise|assignment|homework|activity|"
    r"intervention|worksheet)|empty chair|chain analysis|(?:letter|note) to (?:her|his|their|my) (?:old|"
    r"younger|past|future|inner|former|teenage) self|unsent letter|narrative exposure|trauma narrative|"
    r"imaginal exposure|as part of (?:her |his |their |the |our )?(?:\w+ )?(?:treatment|therapy|homework|"
    r"program|group|dbt|assignment|work|exercise|recovery)|(?:letter|note) to (?:her|his|their) late \w+|"
    r"(?:goodbye |farewell |breakup )?letter to (?:her|his|their) (?:eating "
    r"disorder|ed|addiction|anxiety|depression|drinking|illness|disorder|inner critic|trauma|body|"
    r"old life))\b"
)


# A medical emergency is only one while it is happening: "a heart attack last month" is history.
_MEDICAL_PAST = re.compile(
    r"\b(?:(?:last|a|past|previous) (?:week|month|year|spring|summer|fall|winter|semester)|\d+ (?:weeks?|"
    r"months?|years?) ago|in (?:19|20)\d\d|as a (?:child|kid|teen)|years ago|history of|(?:is|"
    r"was) (?:now )?stable|"
    r"stable now|got transferred|was transferred|medically cleared|was admitted|got admitted|"
    r"(?:doc|doctor|er|md|pcp|nurse|physician) cleared (?:him|her|them)|no medical issue|(?:totally |"
    r"completely |feeling |feels |is |was )(?:fine|ok|okay) now|came to (?:right away|quickly|"
    r"after a few seconds)|(?:her|his|their|the|a) (?:19|20)\d\d|(?:was|were|in|from|back in|since) (?:19|"
    r"20)\d\d|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|a few|several|many) (?:years?|months?) ago|"
    r"(?:neuro|neurology|cardiology|er|ed|the er|the ed|hospital) cleared|\d+ (?:years?|months?) sober|"
    r"sober (?:for|since) )\b"
)


# "a panic attack he thought was heat stroke": the emergency named is the one it turned out not to be.
_MISTAKEN_FOR = re.compile(
    r"\b(?:thought|worried|feared|was afraid|was scared|was sure|mistook it for|mistaken for|mistook)"
    r"(?: that)?(?: it| he| she| they| this)?(?: was| were| had| might be| might have| was having| could be)?"
    r"(?: a| an)?\s*$"
)


def _now(sentence: str) -> bool:
    return bool(_ACUTE_STATE.search(sentence) or _ACUTE_TIME.search(sentence))


_TRAINING_ARTIFACT = re.compile(
    r"\b(?:quiz|quizzes|rubric|scenario cards?|exam questions?|exam q|test q|practice q|training q|"
    r"(?:licensing|board|"
    r"nce|ncmhce|aswb|eppp|comps) (?:exam|prep|question)|staff training|in ?service|handout|"
    r"practice (?:scenario|case|question)s?|"
    r"training "
    r"module|orientation module|module asks|test question|mock (?:call|session|text)|role ?play scenario)\b"
)


# A test item's own "tonight" is the item's, not anyone's: these defuse even with time words.
_EXAM_ITEM = re.compile(
    r"\b(?:practice q|exam q|test q|training q|(?:exam|practice|test|quiz|licensing|board) questions?|"
    r"multiple choice|answer key|the key says|correct answer)\b"
)


def _defused(sentence: str) -> bool:
    """Whether a sentence is study, a hypothetical, planning, resolved, or someone else's story.

    Each of these suppresses the sentence only while nothing in it is acute: reported speech or a
    present act overrides study and hypotheticals, and any acute marker overrides the rest.
    """
    timely = bool(_ACUTE_TIME.search(sentence))
    concrete = bool(_CONCRETE.search(sentence))
    # a quiz item or a scenario card quotes a risk ("an inmate says he will harm an officer"): its
    # reported speech is the exercise's, not a person's
    if _TRAINING_ARTIFACT.search(sentence) and (not timely or _EXAM_ITEM.search(sentence)):
        return True
    # "if she ever wants to hurt herself": the intent words sit inside the hypothetical
    if (
        _HYPOTHETICAL.search(sentence)
        and not timely
        and (not concrete or _CONFIDENTIALITY_Q.search(sentence))
    ):
        return True
    if _ACUTE_STATE.search(sentence):
        return False
    if _GENERAL.search(sentence) and not _REPORTED.search(sentence):
        return True
    if _PLANNING.search(sentence) and not timely and not _REPORTED.search(sentence):
        return True
    if timely:
        return False
    return bool(
        _RESOLVED.search(sentence)
        or (_OCCUPATION.search(sentence) and _OTHERS_STORY.search(sentence))
        or _EXERCISE.search(sentence)
    )


# A clinician's own assessment that a statement was a joke, with an explicit denial of that risk.
_JOKE = re.compile(
    r"\b(?:jok\w+|kidding|lol|lmao|haha\w*|sarcas\w+|being dramatic|exaggerat\w+|hyperbole|not serious|"
    r"was not serious|figure of speech|(?:just )?an expression|just a saying|not literally|idioms?|"
    r"mistranslat\w*|translation error|laugh\w*|expression only|only an expression|kitchen talk|shop talk|"
    r"only saying|only a saying|just saying|"
    r"dark humou?r|gallows humou?r)\b"
)
_DENIES_KIND: dict[SafetyKind, re.Pattern[str]] = {
    "suicide": re.compile(
        r"\b(?:denie[sd]|deny|denying|no|negative for|without) (?:any )?(?:current |active )?"
        r"(?:suicidal|self harm|thoughts of (?:suicide|self harm)|thoughts of (?:killing|hurting) (?:herself|"
        r"himself|themselves))|"
        r"\bno (?:current )?thoughts ?,? (?:and |or )?no plans?\b|\bscreen(?:ed|"
        r"s)? (?:was )?neg(?:ative)?\b|\bwhen i "
        r"ask(?:ed)? (?:\w+ ){0,2}(?:she|he|they) (?:say|says|said) no\b|\b(?:asked|ask|assessed|"
        r"screened) (?:\w+ ){0,3}(?:about )?(?:suicid\w*|thoughts of \w+|self harm)\b[^.]{0,60}?\b(?:said|"
        r"say|"
        r"says|answered|replied) no\b"
    ),
    "homicide": re.compile(
        r"\b(?:denie[sd]|deny|denying|no|negative for|without) (?:any )?(?:current |active )?"
        r"(?:suicidal ideation (?:and|or) )?(?:homicidal|thoughts of (?:hurting|harming|killing) (?:others|"
        r"anyone|anybody))|\b(?:has|is|have) never been violent\b|\bno (?:history (?:of )?)?violence\b|"
        r"\b(?:he|she|they) (?:say|says|said) (?:he|she|they) (?:would |will )?never do (?:this|that|it)\b|"
        r"\b(?:said|says) (?:she|he|they) (?:would|will) never\b"
    ),
}


# ------------------------------------------------------------------ risk factors that count together

# Each factor alone is common in ordinary messages ("she isn't answering my texts", "he has guns in a
# safe", "she drove over the bridge"); the combinations in _COMBOS are what clinicians treat as acute
# (a goodbye and no answer since, a threat and a weapon, a high place and tonight). Factors honour
# negation and the distant past like the single patterns do.
_FACTOR_PATTERNS: dict[str, str] = {
    # parting messages
    "goodbye": r"\b(?:good ?night forever|sleep forever|see (?:you|yall|ya) never|in case (?:i|we|"
    r"you) (?:do not|never|will not|would not) see (?:you|me|each other|her|"
    r"him) again|(?:the |her |his |my |all (?:the|this) )?pain (?:will|would|is going to|is gonna) (?:stop|"
    r"end|"
    r"be over|go away) (?:soon|tonight|forever|for good|after)|bye (?:for real|for good|forever|everyone|"
    r"everybody|all|yall|this time)|(?:texted|"
    r"messaged|wrote|posted|sent) (?:me |us )?(?:\w+ )?bye\b|good ?bye|goodbyes|farewell|bye forever|(?:say|"
    r"saying|said|to say) (?:bye|goodbye)|bye "
    r"bye)\b",
    "thanks_all": r"\b(?:(?:thanks|thank you|thank\w* (?:me|us|her|him|everyone|you all)) for (?:everything|"
    r"all "
    r"(?:you|your|of it|that)|being (?:there|the only|so|such|my)|trying|never giving up|caring|putting up "
    r"with (?:me|her|him))|thank\w* (?:me|you|us) for (?:my|your|all (?:my|your|the)) (?:help|support|time|"
    r"care))\b|\btake care of (?:yourself|urself)\b",
    "last_time": r"\b(?:(?:my|her|his|their|our|the) last (?:session|appointment|message|text)|last time "
    r"(?:you will|ever)|final (?:message|text|words|goodbye)|open for the last time|(?:grab|have|drink|"
    r"pour) a "
    r"(?:beer|drink|shot|round) for me)\b",
    "finality": r"\b(?:(?:done|tired of|sick of) fighting|can not fight (?:it|this|anymore|any more)|"
    r"no fight "
    r"left|(?:will be|be) gone (?:by|before|after|soon|in a)|(?:you|they|she|he) will need (?:these|this|"
    r"them|it)|finally going home|going home "
    r"(?:for good|soon)(?=.*\b(?:lives alone|not religious|goodbye|sorry|thank\w*|pills|gun)\b)|"
    r"(?:nobody|no one) could (?:have )?(?:saved|save|helped|stopped) me\b(?! (?:from|with|back then|then|"
    r"when))|where (?:she|he|they|i) (?:is|are|am) going,? (?:she|he|they|i) (?:will|would) not need|"
    r"(?:keep|hold|hold onto|look after|take care of|take) (?:\w+ ){0,4}(?:safe )?for after\b|"
    r"(?:shave|bath|meal|smoke|cigarette|call|visit|drink|haircut) for the end\b(?! of)|(?:asked|asks|"
    r"asking) "
    r"(?:\w+ ){0,3}(?:come|go) to (?:my|her|his|their) funeral|(?:it|this) (?:will|would) (?:all )?be over "
    r"(?:faster|sooner|soon)|"
    r"(?:scheduled|schedules|timed|set up|queued) (?:\w+ ){0,2}(?:emails?|texts?|messages?|posts?|letters?|"
    r"notes?) (?:\w+ ){0,12}(?:explaining everything|to explain|goodbye|sorry|for after)|"
    r"(?:you )?(?:will|would) not (?:need|have) to see me (?:again|next week|anymore|any more)|at peace with "
    r"the date|tying up (?:loose ends|everything)|loose ends|last (?:view|look|sunset|sunrise|day|night|"
    r"meal|walk|drink)|caption\w* (?:\w+ ){0,2}(?:last|final|goodbye|sorry|the end)|this is (?:it|the end)|"
    r"made (?:my|her|his|their) peace|at peace with (?:it|her "
    r"decision|his decision|dying|death|everything)|it is time|by the time you (?:read|see|get) this|see you "
    r"on the other side|(?:i am|she is|he is|they are) (?:so |just |completely |totally |really )?(?:done|"
    r"finished)(?= *$| [.,!?;:]| (?:and|now|goodbye|"
    r"forever|for good)\b)|not (?:be )?coming back|(?:will|would) not see (?:me|her|him|them) again|never "
    r"see (?:me|her|him|them) again|(?:will|would) not (?:be (?:a problem|here|around)|need (?:therapy|you|"
    r"sessions|this))|(?:will|would) not (?:be )?need(?:ing)? (?:it|them|money|any of (?:it|this|that)) "
    r"after|(?:will|would) not (?:be )?need(?:ing)? (?:the |my |any |our |your )?(?:appts|"
    r"appointments|sessions|therapy|you|this|meds|help)(?: \w+)? (?:anymore|any more|after)|(?:is|am|feels?|"
    r"finally) at peace(?: now)?(?= *$| [.,!?;:]| (?:now|and|with (?:it|everything|her decision|his "
    r"decision)))|(?:nice|good) knowing (?:you|everyone|everybody|yall|you all|all of you)|(?:titled|subject|"
    r"subject line|called|labeled|captioned) (?:\w+ ){0,2}(?:last|final|goodbye|sorry|the end|forgive))\b",
    "apology": r"\b(?:(?:you|u) did everything (?:you|u) could|(?:this|it) is not (?:on you|your fault)|"
    r"not your "
    r"fault|(?:i am|i am so|i am really) sorry\b|sorry (?:(?:that )?(?:i|she|he|they) (?:could not|was not|"
    r"were not|can not|will not) "
    r"(?:be )?(?:better|enough|stronger|there|do (?:better|this))|about everything|for (?:being|all)\b)|"
    r"(?:said|saying|texted|wrote|messaged|kept saying) (?:that )?(?:she is |he is |i am |they are )?sorry|"
    r"sorry for everything|apologi\w+ for (?:everything|being (?:a|such a) (?:burden|mess|"
    r"problem)|all (?:the|of the) (?:trouble|pain))|(?:please )?forgive (?:me|her|him))\b",
    "love_msg": r"\b(?:tell (?:my|her|his|their) \w+ (?:that )?(?:i|she|he|they) (?:am|is|was|will|are)? ?"
    r"(?:proud|sorry|miss|always|forgive)|(?:note|letter|letters|notes|card|cards) (?:addressed )?(?:to|"
    r"for) (?:the|her|his|their|"
    r"my) (?:kids|children|family|wife|husband|parents|mom|dad|daughter|son|girls|boys)|tell (?:my|her|his|"
    r"their) \w+ (?:i|she|he|they|that i|that she|that he) "
    r"(?:love|loves|am sorry|is sorry)|love (?:you|them) all|always lov(?:ed|e) (?:you|them)|(?:wrote|"
    r"written|writing|left|leaving|leaves) (?:\w+ ){0,2}(?:notes?|letters?|cards?|videos?|messages?) (?:to|"
    r"for) (?:everybody|everyone|all of|each of|her \w+|his \w+|their \w+|family|people|friends))\b",
    "caretaking": r"\b(?:(?:look after|take care of|feed|walk) the (?:dog|cat|pets?|horses?|"
    r"chickens|cows)(?= *$| [.,!?;:]| (?:for|when|after|if|and)\b)|make sure (?:the|her|his|my|their) (?:dog|"
    r"cat|pets?|bird|horse|kids|children) "
    r"(?:gets?|goes|go|ends? up) (?:to|with)|(?:please )?find (?:her|him|them) a (?:good|new|loving) home|"
    r"(?:take care of|"
    r"look after|adopt|feed) (?:my|her|his|their) (?:kids|children|dog|"
    r"cat|pets?|son|daughter|family)(?: for (?:me|her|him))?(?= *$| [.,!?;:]| (?:for|when|after|if|and)\b)|"
    r"(?:to|asked \w+ to|asking \w+ to) (?:take care of|look after|adopt|feed) (?:my|her|his|their) "
    r"(?:kids|children|dog|cat|pets?|plants|fish)|who "
    r"(?:will|would) take care of (?:my|her|his|their) (?:kids|children|dog|cat|pets?))\b",
    # other warning signs
    "calm": r"\b(?:(?:finally|now) (?:feels?|feeling|is|seems) (?:so |really |very )?(?:peaceful|at peace|"
    r"calm|relieved)|(?:sudden(?:ly)?|all of a sudden|out of nowhere|strangely|unusually|eerily) (?:very |"
    r"really |so )?(?:calm|peaceful|at peace|happy|relieved|upbeat)|(?:very |really |so )?(?:calm|peaceful|"
    r"relieved|upbeat) (?:all of a sudden|suddenly|out of nowhere))\b",
    "take_with": r"\b(?:taking|take|takes) (?:her|him|them|the kids|the children|my family) with (?:me|him|"
    r"her)"
    r"(?= *$| [.,!?;:]| (?:when|tonight|today|too)\b)|\bwe (?:go|die|leave) together\b",
    "date_set": r"\b(?:picked|set|chose|chosen) (?:a |the )date\b(?! (?:for|of) (?:the |her |his |their |a )?"
    r"(?:wedding|party|move|trip|surgery|court|hearing|baptism|graduation|interview|appointment|closing))",
    "giving_away": r"\b(?:(?:gave|given|giving|handed) (?:\w+ ){0,2}(?:her|his|"
    r"their) (?:\w+ ){0,2}(?:uniform|dress "
    r"blues|truck|car|guns?|rifle|guitar|medals?|watch|ring|jewelry|tools|bike|motorcycle|collection|laptop|"
    r"xbox|playstation|boots)(?: and (?:her|his|their) (?:\w+ ){0,2}\w+)? to (?:her|his|their|a) (?:\w+ )?"
    r"(?:buddy|friend|brother|sister|cousin|roommate|neighbou?r|coworker|son|daughter|mom|dad|nephew|niece)|"
    r"(?:checked|asked|looked into|found out|read) (?:\w+ ){0,4}life insurance (?:pays|"
    r"covers|payout|policy|would pay)|(?:leaving|left|leave|leaves|giving|gave|"
    r"dropped off) (?:\w+ ){0,3}(?:dog|cat|"
    r"pets?|"
    r"kids|plants|fish|bird) (?:\w+ ){0,4}(?:for good|forever|permanently)|find (?:her|him|them|my \w+|"
    r"her \w+|his \w+) a (?:good|new|loving) home|(?:her|his|their|my) (?:dog|cat|pets?|bird|fish|horse|"
    r"rabbit|kitten|puppy) (?:goes|go|going|gets|get|will go) to a (?:good|new|loving) home|(?:made|"
    r"making) arrangements for (?:her|his|their|my) (?:dogs?|cats?|pets?|kids|children|things)|cleaned out "
    r"(?:her|his|their) (?:apartment|room|desk|locker|place)|(?:gave|sent|emailed|texted) (?:me |her \w+ |"
    r"his \w+ "
    r")?(?:her|his|their) (?:passwords?|account info|bank info|pin)|for whoever wants (?:it|them)|(?:box|bag|"
    r"bags|boxes) of (?:her|his|their) (?:stuff|"
    r"things|belongings|clothes)|(?:dropped off|left|brought) (?:\w+ ){0,2}(?:her|his|their) (?:stuff|things|"
    r"belongings)|(?:gave|given|giving|gives|give) away (?:all )?(?:of )?(?:her|his|their|my) (?:\w+ )"
    r"{0,2}\w+|(?:sold|selling|sells) (?:her|his|their|my) (?:truck|car|guitar|things|stuff|belongings|"
    r"possessions|furniture|collection|jewelry)|(?:gave|giving|handed) (?:her|his|their) (?:dog|cat|pets?|"
    r"\w+) to (?:her|his|their|a) \w+|(?:affairs|finances|paperwork|accounts|will) (?:are |"
    r"is )?(?:all )?(?:in order|"
    r"handled|taken care of|sorted|settled|squared away)|(?:gave|given|giving|gives|give) (?:away )?(?:her|"
    r"his|their|my|all|all of|most of)?"
    r" ?(?:her |his |their |my )?(?:dog|cat|pets?|things|stuff|belongings|possessions|clothes|jewelry|"
    r"books|guitar|savings)|(?:gave|giving|handed) (?:me|us|her \w+|his \w+) (?:her|his|their) (?:journal|"
    r"diary|ring|necklace|watch|guitar|collection|keys|savings|favorite \w+)|(?:updated|wrote|made|"
    r"finished|signed) (?:her|his|a|my) (?:will|life insurance|funeral plans)|affairs in order)\b",
    "cancel_future": r"\b(?:cancel\w*|quit|stopped|dropped) (?:all )?(?:her|his|their|my)? ?(?:future |"
    r"upcoming |next )?(?:appointments|sessions|plans|lease|subscriptions)\b",
    "burden": r"\b(?:(?:a|such a|being a|being such a) burden|better off without (?:me|her|him|them)|"
    r"(?:everyone|they|family|kids) (?:would|will) be better off|no one (?:would|will) (?:miss|notice|"
    r"care))\b",
    "unreachable": r"\b(?:no showed|no show(?:ed)? (?:today|this morning|this afternoon|tonight)|(?:did not|"
    r"never) show(?:ed)? up (?:today|this morning|this afternoon|for (?:her|his|their) (?:session|appt|"
    r"appointment) today)|(?:(?:has|have|had) not (?:answered|responded|replied|picked up|texted back|called "
    r"back|returned (?:my |any )?(?:calls?|texts?|messages?)|been (?:heard from|reachable))|never "
    r"(?:answered|responded|replied|called back|texted back)|not (?:answering|responding|replying|picking up|"
    r"reachable)|no (?:reply|response|answer|word) (?:since|back|from (?:her|him|them))|(?:no reply|no "
    r"response|no answer)(?= *$| [.,!?;:])|(?:phone|cell) (?:is |was |went |goes |keeps going )?(?:off|"
    r"dead|straight to voicemail|going (?:straight )?to voicemail)|(?:can not|could not|unable to) (?:reach|"
    r"get (?:a ?hold|ahold) of|get through to|contact|find|locate|get in touch with) (?:her|him|"
    r"them|client)|turned (?:her|his|their) (?:phone|location|cell) off|(?:is|was) not (?:home|at home|"
    r"answering the door)|radio silence|(?:does not|did not|"
    r"will not) want to talk|went (?:silent|dark|quiet|radio silent)|not (?:reading|opening|seeing|returning|"
    r"answering|responding to) (?:my |any |our |the )?(?:texts|messages|calls|emails|dms)|left (?:me )?on "
    r"read|(?:goes|going|went|go) (?:straight |right )?to (?:voicemail|vm)|(?:has not|have not|had not|not) "
    r"(?:logged (?:in|on|into)|been (?:online|active|seen)|posted|shown up|opened)|no (?:activity|sign of "
    r"(?:her|him|them)) since|(?:location|phone|find my|life360|gps) (?:is |was |"
    r"got )?(?:off|turned off|disabled)|turned off (?:her|his|their) (?:location|phone|find my)|left "
    r"(?:without|with no) (?:her|his|their) (?:phone|keys|wallet)|(?:is|went|has gone) missing|(?:no one|"
    r"nobody) (?:knows|has heard) (?:where|from)))\b",
    # a high or lethal place, being there or heading there
    "place": rf"\b(?:(?:picture|pic|photo|selfie|video|image) of (?:the |a )?(?:\w+ )?(?:{_PLACE_NAMES}|"
    rf"river|"
    rf"lake|ocean|water|rails)\b|(?:on|at|from|to|onto|off|near|atop|up on|on top of|top of|edge of|toward|"
    rf"towards|by) "
    rf"(?:the |a |that |this |her |his |their |an )?(?:\w+ )?{_PLACE_NAMES}\b(?! (?:club|loan|program|card|"
    r"game|bar|party|pool|deck|garden|restaurant|lounge|repair|leak|tour|job|work)\b))",
    "edge": r"\b(?:(?:on|at|over|near|to) the edge\b(?! of (?:(?:her|his|my|their|the|a) )?(?:seat|bed|"
    r"chair|couch|sofa|tub|desk|table|reason|sanity|tears|breakdown|burnout|town|something|glory|the bed))|"
    r"platform edge|edge of the (?:roof|bridge|building|platform|cliff|tracks|balcony|overpass|water)|"
    r"railing|wrong side of)\b",
    "water_place": r"\b(?:to|into|at|in|near|by) (?:the )?(?:lake|river|ocean|sea|bay|quarry|creek|"
    r"reservoir|water)\b",
    "contact_from": r"\b(?:called|calling|texted|texting|messaged|facetimed|sent|posted|posting|pic|pics|"
    r"photo|picture|selfie|video|live ?stream\w*)\b(?: \w+){0,3} from\b",
    "looking_down": r"\b(?:looking|staring|stared|looked|looks|stares|peering|gazing) (?:down )?(?:at|into|"
    r"over|"
    r"off) (?:the )?(?:water|river|edge|tracks|drop|traffic|ground|street|bottom|rails)\b|\blooking down\b|"
    r"\b(?:the|a|how far the|how high the) (?:drop|fall)\b(?! (?:in|off) (?:sales|grades|prices|attendance))|"
    r"\bnext train\b|"
    r"\b(?:train|trains) (?:is|are|comes?|coming|arrives?) in\b|\bhow (?:high|far down|tall)\b",
    "distress": r"\b(?:crying|sobbing|hysterical|distraught|screaming|panicking|incoherent|slurring)\b",
    "time_now": r"\b(?:(?:\d+|a few|few|couple|a couple of) (?:min|mins|minutes|hours?) ago|just now|tonight|"
    r"right now|as we speak|at the moment|currently|now|this (?:morning|afternoon|"
    r"evening|weekend)|today|soon|after (?:session|group|work|class|this|we hang up|she leaves|he leaves)|on "
    r"(?:her|his|their|my) way|heading|headed|going (?:back )?to|went (?:back )?to|drove to|driving to|"
    r"walking to|walked to|right after|in an hour|every (?:morning|night|day))\b",
    "prior": r"\b(?:last time|the other time|(?:someone|somebody|police|cops|a stranger|a friend|her friend|"
    r"his friend|bystanders?|security) (?:stopped|talked|pulled|grabbed|found) (?:her|him|them)|tried "
    r"(?:it|this|that) before|again)\b",
    "dosing_other": r"\b(?:gives?|gave|giving|put|puts|putting) (?:him|her|them|the baby|the kids?|(?:her|"
    r"his|"
    rf"their) (?:baby|son|daughter|kids?|infant|newborn)) (?:\w+ ){{0,3}}(?:of )?(?:her |his |their |my )?"
    rf"(?:{_DRUG}|alcohol|vodka|whiskey|beer|wine|weed|edibles|cough syrup|nyquil)\b",
    "injury_mark": r"\b(?:welts?|welt marks|bruises?|bruised|belt marks|burn marks|black eye|marks on (?:her|"
    r"his|their) (?:back|legs|arms|neck|face|butt|bottom))\b",
    "perp_tool": r"\b(?:uncle|dad|stepdad|stepfather|mom|stepmom|father|mother|boyfriend|girlfriend|"
    r"babysitter|"
    r"grandpa|grandma|aunt|brother|cousin|coach|teacher) (?:with|w|used|uses|hit \w+ with|hits \w+ with|"
    r"whooped \w+ with|beat \w+ with) (?:a |the |his |her )?(?:belt|cord|extension cord|switch|hanger|spoon|"
    r"paddle|stick|shoe|ruler|wire)\b",
    "pregnant": r"\b(?:pregnant|weeks pregnant|months pregnant|her pregnancy|expecting a baby)\b",
    "preg_sign": r"\b(?:bleeding|(?:bad|severe|sharp|terrible|very bad) (?:pain|cramp\w*)|water broke|"
    r"contractions|(?:not|has not) felt the baby move|baby (?:is not|stopped) moving)\b",
    "anger": r"\b(?:furious|enraged|livid|seething|in a rage|(?:so |really )?pissed (?:off )?at|"
    r"shorted (?:him|"
    r"her|them|me)|ripped (?:him|her|them|me) off|screwed (?:him|her|them|me) over|wants? revenge|"
    r"get (?:even|"
    r"back at))\b",
    "see_dead": r"\b(?:going to|will|gonna|wants? to|ready to) (?:go )?(?:see|join|be with|visit) (?:her |"
    r"his |my "
    r"|their )?(?:grandma|grandmother|grandpa|grandfather|mom|mother|dad|father|husband|wife|son|daughter|"
    r"brother|sister|baby|best friend)\b(?=.*\b(?:tonight|today|soon|this weekend|tomorrow|now)\b)",
    "death_of": r"\b(?:died|passed away|passed|is dead|was buried|funeral|killed|murdered|was shot|late "
    r"(?:husband|wife|father|mother|dad|mom|son|daughter))\b",
    "ed_dx": r"\b(?:bulimi\w*|anorexi\w*|eating disorder|purging|restricting|refeeding)\b",
    "infant": r"\b(?:newborn|infant|baby|babies|toddler|toddlers)\b",
    "intent_do": r"\b(?:going to|will|ill|i ll|gonna|plans? to|planning to|ready to|about to|"
    r"decided to) (?:finally )?"
    r"(?:do it|end it|go through with it)\b",
    "funeral": r"\bfuneral\b",
    "own_one": r"\b(?:meant|means|meaning|talking about|asking about) (?:her|his|their) own\b(?! (?:\w+ )?"
    r"(?:business|way|place|house|apartment|car|kids|children|family|dad|mom|father|mother))",
    "si_hint": r"\b(?:(?:will not|would not|refuses to|refused to|can not|does not want to) (?:come|get|"
    r"climb|step|go) (?:down|back|off|inside|in)|pacing|jump|jumping|do it|end it|go through with it|"
    r"work up the (?:nerve|courage)|(?:nerve|"
    r"courage) to|one last|waiting to)\b",
    "acquired_means": r"\b(?:bought|buying|got|purchased|ordered|picked up|borrowed|getting) (?:\w+ ){0,3}"
    r"(?:gun|rifle|pistol|handgun|shotgun|firearm|ammo|ammunition|bullets|rope|noose|razor blades|charcoal|"
    r"helium|exit bag|rat poison|poison|antifreeze|sleeping pills)\b",
    "secrecy": r"\b(?:will not|would not|refuses to|refused to|does not want to) (?:say|tell (?:me|anyone|"
    r"us)|"
    r"explain|talk about|elaborate) (?:why|what (?:it is|it was) for|what for|what (?:she|he|they) (?:is|"
    r"are) "
    r"planning|"
    r"where (?:she|he|they) (?:is|are) going)\b",
    "low_mood": r"\b(?:(?:really|very|severely|so|more|deeply|increasingly) depressed|depression (?:is )?"
    r"(?:getting )?worse|in a (?:really )?dark place|worthless|(?:feels?|feeling) empty|nothing to lose)\b",
    "means_all": rf"\b(?:all (?:of )?(?:her|his|their|my|the) (?:\w+ )?{_DRUG}|(?:whole|full|entire) "
    rf"(?:bottle|month|supply|prescription|pack|box) of (?:\w+ )?{_DRUG})\b",
    "alcohol": r"\b(?:(?:bottle|fifth|handle|case) of (?:vodka|whiskey|liquor|tequila|rum|gin|alcohol|wine)|"
    r"(?:drunk|wasted|drinking heavily|been drinking|is drinking|blackout drunk|drinking all day))\b",
    "isolating": r"\b(?:(?:drove|drives|walked|ran|took) off(?= *$| [.,!?;:])|(?:heading|headed|going|drove|"
    r"driving|checked|checking|checks|went) (?:in)?to (?:a |"
    r"the )?(?:motel|hotel|cabin|woods|forest|middle of nowhere|desert)|(?:locked|locks) (?:herself|himself|"
    r"themselves) in|(?:will not|refuses to|refused to) (?:open|unlock) the door|barricaded|(?:drove|drives|"
    r"walked) off (?:without|and)|no one knows where)\b",
    "means": r"\b(?<!manages )(?<!manages her )(?<!manages his )(?<!manages their )(?<!helps with )"
    r"(?<!helps with her )(?<!helps with his )(?:gun safe (?:is )?open|safe (?:is )?open|pills|meds|"
    r"medications?|"
    r"bottle of|rope|noose|guns?|"
    r"shotguns?|"
    r"pistol|rifles?|razors?|blades?|knife|"
    r"shoelaces|shoe laces|ligatures?|revolver|handgun|weapon|firearm|"
    r"vials?|syringes?|insulin|tylenol|fentanyl|heroin|oxy\w*|xanax|benzos?|painkillers)\b",
    # self-harm that is escalating or out of control
    "self_harm": r"\b(?:(?:cutting|scratching|scraping|carving|slicing|burning|stabbing|picking|hitting) "
    r"(?:her|his|their) (?:arms?|legs?|thighs?|wrists?|skin|stomach|hands?) (?:with|until|till|til)|(?:fresh|"
    r"new|recent) (?:burns|marks|cuts|wounds|scabs)|burns on (?:her|his|their) (?:wrists?|arms?|legs?|"
    r"thighs?)|"
    r"did (?:them|it|this) (?:to )?(?:herself|himself|themselves|this morning|last night)|cut (?:again|"
    r"last night|yesterday|today|this morning|tonight|deep|deeper)|carv(?:e|es|ed|ing) (?:\w+ ){0,3}(?:into|"
    r"in|on) (?:her|his|their) (?:skin|arms?|thighs?|"
    r"legs?|wrists?|stomach)|(?:until|till|til) (?:his|her|their) (?:knuckles|hands|fists|skin|"
    r"arms) (?:bleed|"
    r"bled|break|broke|are raw|split)|(?:razor blades?|blades|razors) (?:\w+ ){0,2}(?:hidden|hid|hides|"
    r"stashed|in her|in his)|(?:used|uses|using) (?:them|it|the blades?|a razor|a blade|the razor) (?:on "
    r"(?:herself|himself)|last night|again|to cut)|wants? to feel something|cutting(?! (?:across|through|in "
    r"line|class|classes|school|back|down|off|out|corners|ties|hair|coupons|costs|carbs|sugar|the (?:cake|"
    r"grass|lawn|line|cord|session|budget)))|cut (?:herself|himself|"
    r"themselves|myself|(?:her|his|their) (?:arms?|wrists?|"
    r"legs?|thighs?|stomach|skin|belly|hips?))|cuts(?! (?:in|to|at|across|through|back|hair|of))|(?:burning|"
    r"burned|burnt|burns) (?:herself|himself|"
    r"themselves|myself|(?:her|his|their) (?:arms?|legs?|skin|thighs?|hands?|wrists?|stomach))|self harm\w*|"
    r"(?:harming|hurting|hitting|punching|starving|scratching) (?:herself|himself|themselves)|(?:hit|hits|"
    r"hitting|bang|bangs|banging|punch|punches|punching|slam|slams|slamming) (?:her|his|their) (?:head|"
    r"fists?) "
    r"(?:against|into|on)|(?:scratching|scratched|picking|picked|digging) (?:at )?(?:her|his|their) skin "
    r"(?:until|till|raw|open)|headbang\w*|urges? to (?:cut|burn|hurt (?:herself|himself|themselves)|self "
    r"harm|bang|hit (?:herself|himself)))\b",
    "escalation": r"\b(?:deep enough|so deep|too deep|really deep|very deep|deep cuts?|(?:is not|not|no "
    r"longer) working anymore|not (?:enough|working) any ?more|something (?:bigger|more permanent|worse|more "
    r"serious|more final)|bleeding|bleed|bled|blood|increasing|increased|intensifying|(?:could not|can not|"
    r"can barely|could barely) "
    r"make (?:herself|himself|themselves|myself) stop|harder to stop|every (?:day|night) now|"
    r"getting (?:worse|harder|deeper|more "
    r"frequent|more often|stronger|bigger)|more (?:intense|frequent|severe|dangerous)|(?:stronger|worse) "
    r"(?:lately|now|than ever)|not enough anymore|deeper|worse|more and more|more often|escalat\w+|"
    r"(?:can not|could not|might not|"
    r"will not|would not|may not) (?:stop|control (?:it|herself|himself|themselves))|out of control|"
    r"los(?:e|ing|t) control|too far|too deep|needs? stitches|needed stitches|stitches|to the bone|(?:can "
    r"not|will not|would not) stop bleeding)\b",
    "sh_time": r"\b(?:last night|tonight|right now|today|this (?:morning|afternoon|evening)|every (?:night|"
    r"day))\b",
    # professional access to lethal means
    "prof_means": r"\b(?:drawing up (?:extra )?(?:\w+ )?(?:morphine|fentanyl|insulin|dilaudid|propofol|"
    r"ketamine|potassium|meds|doses)|(?:taking|took|takes|bringing|brought|sneaking|"
    r"snuck) (?:\w+ ){0,3}(?:vials?|"
    r"syringes?|morphine|fentanyl|propofol|potassium|insulin|narcotics|controlled substances|ketamine|"
    r"opioids|meds|medications?|euthanasia (?:solution|drugs?|meds)|pentobarbital|euthasol|sedatives) "
    r"(?:home|from (?:work|the (?:hospital|unit|pharmacy|floor|pyxis|med cart|clinic|ward)))|"
    r"(?:keeps?|kept|keeping|has|stashed|hidden|hides) (?:a |some |extra )?(?:syringes?|vials?|bottles?|"
    r"doses?) of (?:\w+ )?(?:fentanyl|morphine|propofol|potassium|insulin|ketamine|dilaudid|pentobarbital|"
    r"euthanasia \w+)|(?:stealing|stole|steals|pocketing|pocketed|diverting|diverted|skimming|palming) "
    r"(?:\w+ ){0,3}(?:vials?|syringes?|morphine|fentanyl|propofol|potassium|insulin|narcotics|controlled "
    r"substances|ketamine|opioids|meds|medications?|pills|drugs|dilaudid|hydromorphone|oxy\w*))\b",
    "note_left": r"\b(?:(?:with|w|left|leaving|wrote|writing|and) (?:a |an |this )?(?:note|letter|card)|"
    r"(?:already )?(?:written|wrote) (?:her|his|their|my|the) (?:goodbye )?letters)\b",
    "way_out": r"\b(?:way out|exit|escape|end it|not wake up|be done|keeping it|saving it|for later)\b",
    "hopeless": r"\b(?:no point(?: anymore| any more| in anything| in trying| to anything)?(?= *$| [.,!?;:]| "
    r"(?:and|anymore|any more|so|but)\b)|what is the point(?: anymore| of anything| of living)?|no future|"
    r"can not see a future|hopeless|nothing left|nothing matters|(?:does not|do not) care anymore|no reason "
    r"to (?:keep going|go on|keep trying|stay|live|be here|get up))\b",
    # a threat to a person, and what makes it dangerous
    "threat": r"\b(?:(?:they are|he is|she is|you are|they re|both|they|he|she|you) (?:both )?(?:going to|"
    r"gonna|"
    r"will) pay(?= *$| [.,!?;:]| (?:this|tonight|today|tomorrow|for (?:this|what|it)|soon)\b)|"
    r"make it look like an accident|(?:nobody|no one) (?:will |would |ever )?hears? (?:anything|a thing|"
    r"it)|no witnesses|at close range|"
    r"(?:people|those|everyone|the ones|the guys|kids|coworkers) (?:who|that) (?:wronged|hurt|"
    r"bullied|fired|betrayed|screwed over|laughed at|humiliated|disrespected) (?:him|her|them|me)|(?:handle|"
    r"deal with|take care of|settle (?:things|it|the score) with) (?:him|her|them|"
    r"(?:his|her|their) (?:ex|wife|husband|boss|neighbor|brother|sister|coworker|landlord|girlfriend|"
    r"boyfriend|partner))\b(?= *$| [.,!?;:]| (?:tonight|today|once|for good|himself|herself|and|when|if)\b)|"
    r"make sure (?:nobody|no one) (?:gets|has|sees|can have) (?:them|her|him|the kids)|"
    r"you know what (?:happens|"
    r"will happen)|(?:has|had|have) it coming|(?:has|have|got) a plan for (?:her|him|them)\b|(?:when|once|"
    r"after) (?:i|he|she) (?:get|gets) out (?:\w+ )?(?:he|"
    r"she|they) (?:is|are|has) (?:done|dead|finished)|do what the (?:courts?|police|cops|law|judge|system) "
    r"(?:will not|would not|did not|could not|can not)|(?:will not|would not|is not going to) make it to "
    r"(?:graduation|prom|summer|the end of the (?:week|year|day)|next (?:week|month|year))|make (?:her|him|"
    r"them|everyone|everybody) pay|(?:the world|everyone|everybody|we|life|things|the house) "
    r"(?:would|will) be (?:so )?(?:better|quieter|safer|easier|happier|more peaceful) (?:off )?without "
    r"(?:her|his|their|my) (?:\w+ )?(?:stepfather|stepdad|stepmom|dad|father|mom|mother|husband|wife|ex|"
    r"boss|brother|sister|roommate|neighbor|uncle|boyfriend|girlfriend)|deserves? what (?:is|s) coming|"
    r"(?:everybody|everyone|they|"
    r"them all|all of them|he|she) (?:will|is going to|are going to|gonna) pay\b|(?:is|"
    r"are) going to get (?:it|theirs|his|hers)|obsessed "
    r"(?:with|w) (?:his|her|their) (?:ex|wife|husband|girlfriend|boyfriend|coworker|boss|neighbor)|(?:better|"
    r"should) watch (?:his|her|their|your) back|(?:she|he|they) (?:will|is going "
    r"to|are going to) learn|(?:will|is going to|am going to|gonna) settle (?:it|this|things|the score)\b|"
    r"(?:will|is going to|gonna) (?:handle|take care of) (?:it|him|her|them|this)"
    r"(?=.*\b(?:guns?|rifle|knife|weapon|pistol|cheat\w*|angry|rage|furious)\b)|get (?:what is|whats|"
    r"what) coming(?: to (?:him|her|them))?|(?:go|going|gonna) out with "
    r"a bang|(?:he|she|they) (?:will|is going to|are going to) (?:be sorry|find out|get it)|make (?:him|her|"
    r"them|everyone|\w+ \w+) pay|(?:going to|will|gonna) pay for (?:what|"
    r"this|it)|revenge|get (?:even|back at)|teach (?:him|her|them) a lesson|(?:specific|direct|credible|"
    r"veiled|explicit|serious) threats?|threat(?:s|ened|ening)? (?:against|toward|towards|to)|threaten(?:s|"
    r"ed|ing)? (?:him|her|them|his|their|the)|(?:will|is going to|gonna) regret|taking (?:the kids|the "
    r"children|them|her|everyone|the family) with (?:him|her)|if (?:he|she|i) can not have (?:her|him|them|"
    r"you)|(?:wants?|wanted|wish\w*) (?:him|her|them|(?:his|her|their) \w+) (?:dead|gone|to suffer|to die)|"
    r"deserves? to (?:die|suffer|pay)|(?:going to|will|gonna) (?:snap|lose it|go off) (?:on|at)|fantasi\w+ "
    r"about (?:hurting|killing|running over|shooting|stabbing|beating))\b",
    "weapon": r"\b(?:already loaded (?:it|the gun|the rifle|the pistol|my gun)|"
    r"(?:has|have|keeps?|got) (?:an? )?(?:ar|ak|ar 15|ak 47) (?:at home|in (?:the|his|her) (?:truck|car|"
    r"closet))|(?:the|his|her|my|their) (?:ars?|"
    r"ar 15s?|guns?|rifles?|pistols?|shotguns?|glocks?|"
    r"handguns?) (?:is |are |was |were |all )?(?:cleaned|loaded|oiled|ready|sighted in)|"
    r"(?:sent|sends|sending|texted|posted|posts|posting|showed|shows) (?:me |us |her |him )?"
    r"(?:a |an )?(?:photo|pic|picture|video|selfie|snap)s? (?:of|with) (?:\w+ ){0,2}(?:gun|guns|rifles?|"
    r"pistol|shotgun|handgun|ammo|knife|knives|weapons?|ar 15|ar15)|"
    r"(?:key|code|combination|combo) (?:to|for) (?:the|his|her|their|dads|dad) (?:gun "
    r"safe|gun cabinet|gun locker|safe)|(?:with|w) (?:a |her |his |their |my )?(?:\w+ )?(?:gun|rifle|pistol|"
    r"shotgun|handgun|"
    r"knife|machete|weapon)|(?:has|have|had|owns?|keeps?|kept|bought|buying|purchased|acquired|obtained|"
    r"ordered|stockpil\w*|hoard\w*|collecting|got|getting|access to|carr(?:y|"
    r"ies|ying)|"
    r"brought|bringing|took|grabbed|loaded|stashed|hid|hiding|cleaning|showed (?:me|her|him)) (?:\w+ ){0,5}"
    r"(?:gun|guns|firearms?|pistol|rifles?|shotgun|handgun|ammo|ammunition|bullets|knife|knives|machete|"
    r"weapons?|glock|ar 15|ar15|ar|ak 47|assault rifle|revolver|crossbow|bat|baseball bat|brass knuckles|"
    r"crowbar|axe|hatchet|hammer|tire iron|shank|shiv|body armor|bulletproof vest|"
    r"tactical (?:gear|vest)|explosives|concealed carry|carry permit|gun permit|ccw|"
    r"pipe bomb)|(?:gun|guns|rifle|pistol|knife|ammo) in (?:his|her|their|the) "
    r"(?:car|truck|glovebox|glove box|house|bag|backpack|waistband|pocket|nightstand|closet|trunk|"
    r"apartment)|(?:with|w) (?:a |an )?(?:baseball )?(?:bat|crowbar|hammer|axe|hatchet|tire iron|golf club)|"
    r"(?:dads|dad|fathers|father|husbands|husband|brothers|brother|his|her|their) (?:\w+ )?"
    r"(?:gun|guns|rifle|rifles|pistol|shotgun|ar|ar 15|ar15|ak|ak 47|glock|handgun|firearms?|9mm|revolver)|"
    r"(?:sharpening|sharpened|sharpens) (?:\w+ ){0,2}(?:knives|knife|machete|blade|axe|hatchet))\b",
    "stalking": r"\b(?:(?:found|tracked down|figured out) (?:her|his|their) new (?:apartment|place|house|"
    r"address|"
    r"home|work|job)|(?:was|is|were|been) waiting outside (?:her|his|their|the) ?(?:\w+ )?(?:apartment|"
    r"place|house|"
    r"home|work|job|car|shelter|school)?(?= *$| [.,!?;:]| (?:last night|tonight|today|again|when|at)\b)|"
    r"(?:has been|have been|been|keeps?|kept|is|was) following (?:his|her|their) (?:ex|wife|"
    r"husband|girlfriend|boyfriend|ex wife|ex husband|partner|ex girlfriend|ex boyfriend|coworker|boss|"
    r"neighbor)\b(?! (?:on|online)\b)|follow(?:s|ed|ing)? (?:her|his|their) (?:car|truck|vehicle|every move)|"
    r"(?:sits|sat|"
    r"parks|parked|waits|waited|watches|watched|lurks) outside (?:\w+ ){0,3}(?:house|home|work|job|"
    r"apartment|place|school|office|gym|church|daycare) (?:every|each|most|all)\b|follow(?:s|ed|ing)? "
    r"(?:her|him|them|client|(?:his|her|their) \w+(?: \w+)?) (?:home|to "
    r"(?:work|school|her|his|their|the)|around|everywhere|in (?:his|her|a) car|from (?:work|school))|"
    r"stalk(?:s|ed|ing|er)?\b(?! (?:(?:her|his|their|my|your|our|the) )?(?:\w+ )?(?:instagram|facebook|"
    r"profile|page|socials|social media|tiktok|twitter|posts|account|linkedin|online|pictures|photos|"
    r"feed|stories)\b| (?:on|online)\b)|track(?:s|ed|ing)? (?:her|his|their) (?:\w+ ){0,2}(?:location|phone|"
    r"car|whereabouts)|(?:gps|air ?tag|tracker|tracking app) (?:on|in) (?:her|his|their)|(?:keeps?|kept|"
    r"has been|have been|been|always|constantly|repeatedly) (?:showing|turning|popping|shows|turns) up (?:at|"
    r"outside) (?:\w+ ){0,3}(?:house|home|work|job|apartment|school|place|door|office|gym|church)|(?:keeps?|"
    r"kept|has been|been|is|always|every night|every day) (?:\w+ )?(?:parked|parking|sitting|waiting|"
    r"watching|lurking|hanging around|driving by|driving past) (?:\w+ ){0,2}outside (?:\w+ ){0,3}(?:house|"
    r"home|work|job|apartment|place|school|office))\b",
    # acute physical signs: two together in one message are treated as a medical emergency
    "ingested": rf"\b(?:mixed|mixing|combined|combining|washed down|swallowed|took|taken|ate|downed|popped|"
    rf"ingested|snorted|injected|drank|smoked|got "
    rf"into) (?:\w+ ){{0,4}}(?:{_DRUG}|bleach|antifreeze|poison|chemicals|something|meth|cocaine|coke|crack|"
    rf"pcp|molly|ecstasy|mdma|lsd|acid|shrooms|spice|k2|xylazine|tranq|edibles|cabinet|medicine cabinet)\b",
    "med_sign": r"\b(?:heart (?:is |was )?(?:pounding|racing|beating (?:really |so )?fast|going crazy|"
    r"fluttering|"
    r"skipping beats)|feels faint|fainting|palpitations|"
    r"sleepy|lethargic|limp|floppy|acting (?:\w+ )?(?:weird|strange|drunk|out of it)|out of it|dizzy|drowsy|"
    r"lightheaded|light headed|vomiting|throwing up|slurring|slurred|confused|"
    r"not making sense|nodding off|can barely stay awake|went pale|turned (?:pale|grey|gray|white|blue)|"
    r"clammy|sweating profusely|heart racing|on the floor|fell over|went down|collapsed|breathing (?:weird|"
    r"funny|strange|shallow|slow)|hit (?:her|his|their) head|(?:grabbed|clutching|holding) (?:his|her|"
    r"their) chest|numb|can not feel (?:her|his) (?:arm|face|legs?)|blurry vision|shaking|seizure)\b",
    "targeting": r"\b(?:(?:walked|walks|walking|took) (?:me|us) (?:through|thru) (?:the|his|her|"
    r"their) (?:\w+ )?"
    r"(?:schedule|route|shifts?|routine)|(?:memorized|wrote down|mapped out|tracking|tracked|tracks) (?:the|"
    r"his|"
    r"her|their) (?:\w+ )?(?:schedule|route|shifts?|routine)|"
    r"i know where (?:he|she|they) (?:lives?|works?|sleeps?|parks?)|knows (?:her|his|"
    r"their) "
    r"(?:office hours|schedule|route|address|shift|work schedule)|(?:go|going|went|drive|driving|drove|"
    r"show up|head|heading|headed) (?:over |back )?to "
    r"(?:his|her|their) (?:\w+ )?(?:ex|ex wife|ex husband|boss|coworker|neighbor|wife|husband|girlfriend|"
    r"boyfriend|ex girlfriend|ex boyfriend|landlord|stepdad|father|dad) (?:house|home|place|apartment|work|"
    r"job|office)|knows when (?:she|he|they) (?:leaves|gets off|gets home|is alone|goes|works)|"
    r"(?:pictures?|photos?|pics?|videos?) of (?:\w+ ){0,6}?(?:her|his|their|\w+s) (?:\w+ )?(?:house|home|car|"
    r"apartment|work|kids|office|school)|(?:shows?|"
    r"showed|showing|turns?|turned|turning) up (?:at|outside) (?:\w+ ){0,3}"
    r"(?:house|home|work|job|apartment|school|place|door|office|gym|church|window|car)|(?:slash\w*|key\w*|"
    r"vandaliz\w*|smash\w*) (?:\w+ ){0,2}(?:tires|car|windows|windshield)|(?:knows|found out) which "
    r"(?:car|house|apartment)|(?:parked|parks|sitting|sits|sat|waiting|waits|watching|watches|"
    r"lurking) outside (?:\w+ ){0,3}(?:house|home|work|job|apartment|place|"
    r"school|office|gym|church|daycare|studio)|knows where (?:she|he|they|(?:his|her) \w+(?: \w+)?) (?:lives|"
    r"works|parks|stays|"
    r"goes|is staying)|where (?:she|he|they) parks|knows (?:his|her|their) (?:\w+ )?(?:schedule|routine|"
    r"address|shifts)|(?:drives?|driving|drove|walks?|walking|walked|going|goes|went) (?:past|"
    r"by) (?:\w+ ){0,4}"
    r"(?:house|home|place|apartment|work|job|school|office)|(?:found|looked up|got|has) (?:his|her|their) "
    r"(?:\w+ )?(?:new )?address)\b",
}
_FACTORS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern)) for name, pattern in _FACTOR_PATTERNS.items()
)
_FAREWELL = frozenset(
    {"goodbye", "thanks_all", "last_time", "finality", "apology", "love_msg", "caretaking", "calm"}
)
# Ordinary goodbyes and thanks are what a good termination sounds like; they count only outside one.
_ORDINARY_FAREWELL = frozenset({"goodbye", "thanks_all", "last_time"})
_ENDING_CONTEXT = re.compile(
    r"\b(?:terminat\w+|(?:last|final) (?:session|appointment)|end of (?:treatment|therapy|placement|our work|"
    r"the semester|my placement|internship|practicum|the year)|ending (?:therapy|treatment|our work|"
    r"sessions)|"
    r"placement|graduat\w+|moving (?:away|out of state|to)|transfer\w*|discharg\w+|wrap(?:ping)? up|"
    r"closing session|hospice|passed away|passed|funeral|died|dying|deathbed|going away|vacation|"
    r"maternity leave|retir\w+|new therapist|card|gift)\b"
)
_SUICIDE_WARNINGS = _FAREWELL | {
    "giving_away",
    "cancel_future",
    "burden",
    "unreachable",
    "hopeless",
    "isolating",
}
# (factors, any of these others, kind, reason): fires when one of the first and a different one of the
# second are both present.
_COMBOS: tuple[tuple[frozenset[str], frozenset[str], SafetyKind, str], ...] = (
    (
        _FAREWELL,
        _SUICIDE_WARNINGS | {"place", "edge", "water_place", "means", "self_harm"},
        "suicide",
        "a goodbye together with other warning signs",
    ),
    (
        frozenset({"burden", "giving_away", "hopeless"}),
        frozenset(
            {
                "secrecy",
                "unreachable",
                "giving_away",
                "cancel_future",
                "means",
                "place",
                "water_place",
                "burden",
                "hopeless",
                "note_left",
                "date_set",
            }
        ),
        "suicide",
        "several warning signs together",
    ),
    (
        frozenset({"place"}),
        frozenset(
            {
                "time_now",
                "unreachable",
                "contact_from",
                "edge",
                "prior",
                "si_hint",
                "means",
                "burden",
                "hopeless",
                "looking_down",
                "distress",
            }
            | _FAREWELL
        ),
        "suicide",
        "at or heading to a high place",
    ),
    (
        frozenset({"water_place"}),
        frozenset({"means", "unreachable", "si_hint", "burden", "hopeless"} | _FAREWELL),
        "suicide",
        "heading to water with other warning signs",
    ),
    (
        frozenset({"contact_from", "looking_down"}),
        frozenset({"looking_down", "edge", "distress", "unreachable"} | _FAREWELL),
        "suicide",
        "calling from a high place or looking down",
    ),
    (
        frozenset({"acquired_means"}),
        frozenset({"secrecy", "low_mood", "hopeless", "unreachable", "burden", "isolating"} | _FAREWELL),
        "suicide",
        "a new means of harm with warning signs",
    ),
    (
        frozenset({"isolating"}),
        frozenset(
            {"means", "means_all", "self_harm", "distress", "hopeless", "unreachable", "si_hint", "alcohol"}
            | _FAREWELL
        ),
        "suicide",
        "alone with a means of harm",
    ),
    (
        frozenset({"means_all"}),
        frozenset(
            {"isolating", "alcohol", "hopeless", "unreachable", "si_hint", "distress", "place", "water_place"}
            | _FAREWELL
        ),
        "suicide",
        "a supply of medication with other warning signs",
    ),
    (
        frozenset({"self_harm"}),
        frozenset({"escalation", "sh_time", "unreachable"}),
        "suicide",
        "self-harm that is escalating or happening now",
    ),
    (
        frozenset({"prof_means"}),
        frozenset(
            {"time_now", "si_hint", "burden", "unreachable", "hopeless", "means", "way_out"} | _FAREWELL
        ),
        "suicide",
        "lethal means taken from work, with intent",
    ),
    (
        frozenset({"threat", "targeting"}),
        frozenset({"weapon", "stalking", "targeting", "alcohol"}),
        "homicide",
        "a threat to a person with a weapon or stalking",
    ),
    (
        frozenset({"stalking"}),
        frozenset({"weapon"}),
        "homicide",
        "stalking a person while armed",
    ),
    (
        frozenset({"intent_do"}),
        frozenset({"means", "means_all", "acquired_means", "place", "water_place", "edge"} | _FAREWELL),
        "suicide",
        "intent to act, with a means or a goodbye",
    ),
    (frozenset({"funeral"}), frozenset({"own_one"}), "suicide", "talk of their own funeral"),
    (frozenset({"dosing_other"}), frozenset({"infant"}), "abuse", "a child given drugs or alcohol"),
    (frozenset({"pregnant"}), frozenset({"preg_sign"}), "medical", "signs of a pregnancy emergency"),
    (
        frozenset({"ed_dx"}),
        frozenset({"med_sign"}),
        "medical",
        "heart or circulation signs in an eating disorder",
    ),
    (frozenset({"see_dead"}), frozenset({"death_of"}), "suicide", "talk of joining someone who died"),
    (frozenset({"anger"}), frozenset({"weapon"}), "homicide", "a weapon with anger at someone"),
    (
        frozenset({"injury_mark"}),
        frozenset({"perp_tool"}),
        "abuse",
        "injuries with a named person and object",
    ),
    (
        frozenset({"ingested", "med_sign"}),
        frozenset({"med_sign"}),
        "medical",
        "signs of a medical emergency",
    ),
    (
        frozenset({"take_with"}),
        frozenset({"weapon", "means", "acquired_means", "time_now", "thanks_all", "goodbye"} | _FAREWELL),
        "homicide",
        MURDER_SUICIDE,
    ),
)
# Factors serious enough alone: being followed or stalked is a lethality sign in domestic violence.
_SINGLE_FACTORS: tuple[tuple[str, SafetyKind, str], ...] = (
    ("stalking", "abuse", "someone being stalked or followed"),
)


def _factors(sentence: str, candidates: Iterable[int] | None = None) -> set[str]:
    """The risk factors present in one sentence, skipping negated and distant-past mentions.

    ``candidates``: indices into ``_FACTORS`` that could match (from the sentence screen); all
    when not given.
    """
    present: set[str] = set()
    spans = _clause_spans(sentence)
    indices = range(len(_FACTORS)) if candidates is None else candidates
    for name, pattern in (_FACTORS[i] for i in indices):
        for match in pattern.finditer(sentence):
            clause, start, end = _in_clause(spans, sentence, match.start(), match.end())
            if _negated(clause, start, end) and name != "unreachable":
                continue
            if _historical(clause, sentence, start):
                continue
            present.add(name)
            break
    return present


# Sightseeing, sport and outings at a bridge, cliff or lake: the place and a date alone say nothing.
_RECREATION = re.compile(
    r"\b(?:hike|hiking|hiked|climb|climbing|photos?|pictures|sightseeing|tour|picnic|fishing|fireworks|"
    r"vacation|trip|bike ride|biking|run|running|jog\w*|swim\w*|kayak\w*|boat\w*|with (?:friends|her sister|"
    r"his brother|her family|his family|the kids|her kids|his kids)|bday|birthday|party|festival|concert|"
    r"view)\b"
)


def _combined(present: set[str], normalized: str) -> list[SafetySignal]:
    if _ENDING_CONTEXT.search(normalized):
        present = present - _ORDINARY_FAREWELL
    if _RECREATION.search(normalized):
        present = present - {"time_now", "contact_from"}
    found = [
        SafetySignal(kind=kind, reason=reason) for name, kind, reason in _SINGLE_FACTORS if name in present
    ]
    for first, second, kind, reason in _COMBOS:
        for name in present & first:
            if present & second - {name}:
                found.append(SafetySignal(kind=kind, reason=reason))
                break
    return found


# The learned backstop (:mod:`commands.safety_model`): asked only when no pattern fired, so every
# pattern keeps its own reason, and it reads only the sentences no context defused.
_BACKSTOP = safety_model.load()
BACKSTOP_REASON = "possible risk language; please check (learned match, no pattern fired)"


# One RE2 pass over the sentences the check reads names the rules, factors and warning signs that
# could match; only those run in ``re`` with their context checks (see :mod:`commands.regex_screen`).
# Same answers, a fraction of the CPU. Sentences are joined with " . ", so a pattern that matches
# inside one sentence also matches the joined text: the screen can over-select, never under-select.
_SCREENED = [rule.pattern for rule in _COMPILED] + [pattern for _, pattern in _FACTORS] + list(_WARNING_SIGNS)
_LIVE_SCREEN = RegexScreen(_SCREENED)


def _screen(live: str) -> tuple[list[int], list[int], list[int]]:
    """Candidate rule, factor and warning-sign indices for the live sentences, each in order."""
    rules: list[int] = []
    factors: list[int] = []
    signs: list[int] = []
    first_factor = len(_COMPILED)
    first_sign = first_factor + len(_FACTORS)
    for index in _LIVE_SCREEN.candidates(live):
        if index < first_factor:
            rules.append(index)
        elif index < first_sign:
            factors.append(index - first_factor)
        else:
            signs.append(index - first_sign)
    return rules, factors, signs


def backstop_input(text: str) -> str:
    """What the learned backstop reads: the normalized text without idioms or defused sentences.

    Study, hypotheticals, resolved pasts and the other contexts of ``_defused`` silence the learned
    model exactly as they silence the patterns, so it only ever sees sentences the patterns read.
    (Leaving out the sentences whose rule match its own ``unless`` withdrew was tried: it cost the
    backstop 0.83 -> 0.78 leave-one-author-out recall for one fewer false alarm, and was undone.)
    """
    normalized = _strip_idioms(normalize(text))
    return " . ".join(_live_sentences(normalized))


# An exam message quotes its item after a label ("case: a woman says her husband will kill her"):
# in a message about an exam, those labelled sentences are the item's, whatever their time words.
_EXAM_MESSAGE = re.compile(
    r"\b(?:(?:practicum|licensing|board|nce|ncmhce|aswb|eppp|comps|comprehensive|final|midterm) exams?|exam "
    r"(?:asks?|question|q)|test questions?|multiple choice|answer key|vignettes?)\b"
)
_ITEM_LEAD = re.compile(r"^(?:the )?(?:case|vignette|scenario|question|q|item|prompt|stem)(?: \d+)? :")


def _live_sentences(normalized: str) -> list[str]:
    """The sentences the check reads: not defused, and not an exam item's quoted case."""
    exam = _EXAM_MESSAGE.search(normalized) is not None
    return [
        sentence
        for sentence in _sentences(normalized)
        if not _defused(sentence) and not (exam and _ITEM_LEAD.match(sentence))
    ]


def check(text: str) -> SafetySignal | None:
    """Return why the message needs urgent steps first, or None when nothing imminent is described.

    Args:
        text: The trainee's message as typed.

    Returns:
        The first risk found, in order of urgency (suicide, homicide, abuse, medical), or None;
        when no pattern fired, the learned backstop's signal if it fired.
    """
    return _check(text, backstop=True)


def check_normalized(normalized: str) -> SafetySignal | None:
    """:func:`check` of a text :func:`normalize` already read (callers that need both save one pass)."""
    return _check_normalized(normalized, backstop=True)


def check_patterns(text: str) -> SafetySignal | None:
    """Like :func:`check` without the learned backstop: the explainable patterns alone."""
    return _check(text, backstop=False)


def _check(text: str, *, backstop: bool) -> SafetySignal | None:
    return _check_normalized(normalize(text), backstop=backstop)


def _check_normalized(normalized: str, *, backstop: bool) -> SafetySignal | None:
    normalized = _strip_idioms(normalized)
    if not normalized:
        return None
    found: list[SafetySignal] = []
    present: set[str] = set()
    kept = _live_sentences(normalized)
    live = " . ".join(kept)
    rules, factors, signs = _screen(live) if kept else ([], [], [])
    for sentence in kept:
        if factors:
            present |= _factors(sentence, factors)
        if not rules:
            continue
        completed = _COMPLETED.search(sentence)
        spans = _clause_spans(sentence)
        for rule in (_COMPILED[i] for i in rules):
            kind = rule.kind
            if rule.unless is not None and rule.unless.search(sentence):
                continue
            if rule.requires is not None and not rule.requires.search(sentence):
                continue
            for match in rule.pattern.finditer(sentence):
                clause, start, end = _in_clause(spans, sentence, match.start(), match.end())
                if completed and kind == "suicide" and not _IMMINENT.search(clause):
                    continue
                if _negated(clause, start, end):
                    continue
                if _historical(clause, sentence, start) and not (
                    kind == "abuse" and _still_a_minor(sentence)
                ):
                    continue
                if kind == "medical" and _MEDICAL_PAST.search(sentence) and not _now(sentence):
                    continue
                if kind == "medical" and _MISTAKEN_FOR.search(clause[:start]):
                    continue
                found.append(SafetySignal(kind=kind, reason=rule.reason))
                break
    from_rules = list(found)
    if kept:
        found.extend(_combined(present, live))
        if len(signs) >= 2 and sum(1 for i in signs if _WARNING_SIGNS[i].search(live)) >= 2:
            found.append(SafetySignal(kind="suicide", reason="several warning signs together"))
    matched = bool(found)
    if found and _WISH_OUTGROWN.search(normalized):
        found = [signal for signal in found if signal.reason not in _PASSIVE_WISHES]
    if found and _JOKE.search(normalized):
        found = [
            signal
            for signal in found
            if signal.kind not in _DENIES_KIND or not _DENIES_KIND[signal.kind].search(normalized)
        ]
    # a pattern match the clinician's own "joking, denies" withdrew stays withdrawn
    if backstop and not matched and kept:
        live = " . ".join(kept)
        if _BACKSTOP.fires(live):
            kind = _BACKSTOP.kind(live)
            denied = kind in _DENIES_KIND and _DENIES_KIND[kind].search(normalized)
            if not (_JOKE.search(normalized) and denied):
                return SafetySignal(kind=kind, reason=BACKSTOP_REASON)
    if not found:
        return None
    return min(found, key=lambda signal: (-_evidence(signal, from_rules), _URGENCY[signal.kind]))


_PASSIVE_WISHES = frozenset(
    {"a wish to die", "a wish to be dead", "a wish not to wake up", "a wish not to exist"}
)
"""Passive wishes to be dead: withdrawn when the message says the wish is outgrown."""
_WISH_OUTGROWN = re.compile(
    r"\b(?:i|she|he|they) (?:do not|does not|no longer|don t|doesn t) (?:feel|think) (?:that|like that|"
    r"that way)"
    r"(?: anymore| any more)?\b|\b(?:in college|married|sober|working|out) now and (?:doing )?(?:good|well|"
    r"great|"
    r"fine|better)\b"
)
"""The writer's own word that a wish to be dead belongs to the past ("now i have my kids here, i
don't feel that anymore"); the sentence with the wish often has no time word of its own."""

_URGENCY: dict[SafetyKind, int] = {"suicide": 0, "homicide": 1, "abuse": 2, "medical": 3}
"""Between signals of equal evidence, the steps of the most urgent kind come first."""
_KIND_AGNOSTIC = frozenset({"emergency services involved"})
_DESPAIR_ONLY = frozenset(
    {"wants everything to end", "talk of a way out or ending it", "talk of ending it all"}
)
"""Suicide rules read from despair alone ("can't do it anymore", "end it"): beside a rule that names
a plan against someone else, the despair is the same person's and that other plan leads."""
"""Rules that say an emergency is under way without saying what kind ("do i call 911?")."""


def _evidence(signal: SafetySignal, from_rules: list[SafetySignal]) -> int:
    """How directly a signal names its kind: a rule's own words beat a combination of factors.

    A stroke's drooping face or a choking partner is named by its rule; "alone with a means of
    harm" or "a goodbye with warning signs" are inferred from factors that the same emergency also
    shows, so their default kind (suicide) must not displace the named one.
    """
    if signal.reason in _KIND_AGNOSTIC:
        return 0
    if signal.reason == MURDER_SUICIDE:
        return 3  # someone else would die too: the duty to protect them leads, not the 988 steps
    if signal.reason in _DESPAIR_ONLY:
        return 1
    return 2 if signal in from_rules else 1
