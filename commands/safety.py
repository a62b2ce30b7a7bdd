"""High-recall check for imminent risk in a /boundary message.

A trainee who types "pt said she has the pills saved up" must see urgent steps before any
reflection, so this check is tuned for recall: it fires on a plan, intent, means or a recent act,
and on a disclosed, current harm to a child or vulnerable adult. It stays quiet only where the
text itself says the risk is absent or not current: a negation ("denies SI/HI"), a distant past
("an attempt 10 years ago, stable"), study or a hypothetical ("reading about risk assessment for
class"), someone else's completed suicide (grief, not imminent risk), and figures of speech
("work is killing her", "a killer headache").

The check is plain regular expressions over normalized text so that it is fast, has no model to
download, and every decision can be traced to a named pattern in review. Text normalization lives
here too, because :mod:`commands.classify` must read abbreviations ("pt", "SI", "kms") exactly as
this check does.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

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
}

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
)
_TOKEN_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[.!?;,:]")


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Risk words a hurried typist misspells ("sucidal", "overdoes", "herslef"). Only these few are
# corrected here, so a misspelling can never hide risk while ordinary words stay as typed.
_CRITICAL_WORDS = _word_set(
    """
    suicide suicidal overdose overdosed overdosing killing homicidal abused abusing molested
    molesting seizure unconscious unresponsive bruises neglected stockpiling herself himself
    themselves myself goodbye strangled choked medications
    """
)
_NOT_TYPOS = _word_set(
    """
    killer killers skills skilled overdue overdone bruised abuser abusers abusive seizures
    suicides overdoses goodbyes medication choker helpful selfie
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


def _critical_typo(token: str) -> str:
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
    for pattern, replacement in _SPECIAL_FORMS:
        text = pattern.sub(replacement, text)
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
            token = ABBREVIATIONS.get(stem, stem) + (" " + expanded if expanded else "")
        out.append(token)
    return " ".join(out)


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
        r"(?:about|on|where|with)\b.*",
        r"\b(?:boss|mom|mother|dad|father|parents|teacher|coach|supervisor|professor|manager|roommate|"
        r"friends?) "
        r"(?:is|are|will|would|was) (?:literally )?(?:going to |gonna )?kill (?:me|her|him|them|us) (?:if|"
        r"when|for)\b",
        r"\bwill be the death of\b",
        r"\bserial killers?\b",
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
    )
)


def _strip_idioms(text: str) -> str:
    """Blank out figures of speech so "work is killing her" cannot look like a threat."""
    for pattern in _IDIOMS:
        text = pattern.sub(" ", text)
    return re.sub(r" {2,}", " ", text)


# ------------------------------------------------------------------------------------ risk patterns

_SELF = r"(?:myself|herself|himself|themselves|themself|yourself|ourselves|self)"
_POSS = (
    r"(?:my|her|his|their|your|our|the|its|all|all of|all her|all his|all their|all my|a bunch of|some of)"
)
_PERSON_NOUN = (
    r"(?:boss|ex|wife|husband|partner|mother|father|mom|dad|brother|sister|son|daughter|neighbor|neighbour|"
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
_OTHER_PERSON = (
    rf"(?:him|her|them|someone|somebody|people|everyone|everybody|all of them|"
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

_SUICIDE: tuple[_Rule, ...] = (
    (
        rf"\b(?:kill(?:s|ed|ing)?|hurt(?:s|ing)?|harm(?:s|ed|ing)?|shoot(?:s|ing)?|hang(?:s|ed|ing)?|"
        rf"drown(?:s|ed|ing)?|poison(?:s|ed|ing)?|stab(?:s|bed|bing)?|off(?:s|ed|ing)?) {_SELF}\b",
        "talk of killing or hurting themself",
        "",
    ),
    (
        r"\bkill(?:s|ed|ing)?\b(?! (?:him|her|them|his|the|a|my|their|someone|somebody|people|everyone|it|"
        r"time)\b)"
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
        "",
    ),
    (
        r"\bwish(?:es|ed)? (?:she|he|they|i) (?:was|were|could be) dead\b|\bwish(?:es|ed)? (?:she|he|they|i) "
        r"(?:would not|did not|could just not|could not) wake up\b",
        "a wish to be dead",
        "",
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
        r"appointment|"
        r"schedul\w*|reschedul\w*|cancel\w*)\b",
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
        r"safe)\b",
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
    (r"\btired of (?:living|being alive|life)\b", "tired of living", ""),
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
        r"\b(?:last|final) session\b|\bplacement\b|\btermination\b|\bterminate\b",
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
        "",
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
        "",
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
        r"noose)\b|\bnoose\b",
        "hanging or a rope",
        "",
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
        "",
    ),
    (
        r"\bwants? to (?:disappear forever|not exist|go to sleep (?:and|forever) not wake up|"
        r"sleep forever)\b",
        "a wish not to exist",
        "",
    ),
    (
        r"\bwants? to (?:join|be with|see) (?:him|her|them|her \w+|his \w+) (?:again|in heaven|"
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
        r"\bkill myself\b|\bkill yourself\b|\bunaliv\w*\b|\bsewerslide\b|\bsuicide\b",
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

_SUICIDE_MORE: tuple[_Rule, ...] = (
    (
        r"\b(?:use|using|used|point|pointing|pointed|turn|turning|turned) (?:it|the gun|a gun|the knife|"
        r"a knife|"
        r"them|the pills|that|the rope|the blade) (?:on|against) (?:herself|himself|themselves|themself|"
        r"myself)\b",
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
        "",
    ),
    (
        r"\b(?:want|wants|wanted|wish|wishes|wished|hope|hopes|hoping|pray|prays|"
        r"praying) (?:\w+ ){0,5}(?:never|not) "
        r"(?:wake|waking|woke) up\b",
        "a wish not to wake up",
        "",
    ),
    (
        r"\b(?:picked|set|chose|chosen|has|have|got|gotten) (?:a |the )?date (?:picked|set|"
        r"chosen)?\b(?=.*\b(?:end|die|"
        r"kill|suicide|way out|goodbye|it all)\b)|\b(?:end|die|kill|suicide|way out)\b.*\b(?:date|day) "
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
        r"\b(?:trip|vacation|project|class|paper|homework|engineering|photos?|sightseeing)\b",
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
        "",
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
        r"\b(?:stockpil\w*|hoard\w*|stash\w*|sav(?:ed|ing) up) (?:\w+ ){0,2}(?:oxy\w*|xanax|tylenol|benzos?|"
        r"opioids?|percocet|vicodin|lithium|seroquel|insulin|klonopin|ativan|ambien|sleeping pills|pills|"
        r"meds|"
        r"medications?|prescriptions?|painkillers|fentanyl|heroin|pain meds)\b",
        "means stockpiled",
        "",
    ),
    (
        r"\b(?:pic|pics|picture|photo|photos|image|video) of (?:\w+ ){0,3}(?:pills|meds|a gun|a rope|a knife|"
        r"a noose|blades?|razors?|a bridge|the bridge|a ledge)\b|\bbottle of (?:pills|meds|\w+) (?:with|and) "
        r"(?:sorry|goodbye|i love you|i am sorry)\b",
        "a picture of a method",
        "",
    ),
    (
        r"\b(?:will not|would not|no longer) (?:be|have to be) (?:a |anyone )?(?:problem|burden|bother) "
        r"(?:for|to) (?:anyone|anybody|everyone|you|them|her family|his family)\b|\b(?:a|such a) burden "
        r"(?:to|on) (?:everyone|everybody|her family|his family|their family|my family|them|you)\b|"
        r"\bwill not have to (?:deal|worry) (?:with|about) (?:me|her|him)\b|\bnot (?:be )?(?:around|here) "
        r"(?:much )?(?:longer|for long)\b",
        "believes they are a burden or will not be around",
        "",
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
        r"\b(?:gave|given|giving|gives|give) (?:away )?(?:her|his|their|my|all|all of|most of)? ?(?:her |"
        r"his |their "
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
        r"\b(?:updated|wrote|made|finished) (?:her|his|a|my) (?:will|life insurance|funeral plans)\b|"
        r"\baffairs in order\b",
        r"\b(?:loaded )?(?:gun|firearm|pistol|rifle|rope|noose|knife|blade|razor|pills|meds)\b (?:\w+ ){0,4}"
        r"(?:by (?:the|her|his) bed|in (?:her|his) (?:car|trunk|nightstand|drawer|bag|purse))\b",
    )
)

_HOMICIDE: tuple[_Rule, ...] = (
    (r"\bhomicidal(?:ity)?\b", "homicidal thoughts", ""),
    (
        rf"\b{_INTENT} (?:kill|killing|murder|murdering|shoot|shooting|stab|stabbing|strangle|strangling|"
        rf"choke|"
        rf"choking|poison|poisoning|run over|running over|beat up|beating up|beat|beating|hurt|hurting|harm|"
        rf"harming|"
        rf"attack|attacking|assault|assaulting|jump|torch|burn|blow up|get back at|go after|take out|waste) "
        rf"{_OTHER_PERSON}",
        "a threat to harm another person",
        r"\b(?:hurt|harm) (?:her|his|their) (?:feelings|chances|career|reputation)\b",
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
        r"\b(?:shoot|shooting) up (?:the|a|his|her|their) (?:school|office|work|workplace|church|store|place|"
        r"party)\b|"
        r"\b(?:bring|bringing|take|taking) (?:a |his |her |their )?(?:gun|knife|weapon|rifle) to (?:school|"
        r"work|the "
        r"office|class)\b|\bhit list\b|\bkill list\b|\bmass shooting\b|\blist of people (?:she|he|"
        r"they) (?:wants|want) "
        r"to (?:hurt|kill)\b",
        "a threat of mass violence",
        "",
    ),
    (
        r"\b(?:make|making) (?:him|her|them|everyone|people|those people|(?:his|her|their|the) \w+) pay\b|"
        r"\b(?:wants?|wanting|plans?) (?:revenge|to get even)\b|\bwants? (?:him|her|them|his \w+|"
        r"her \w+) dead\b",
        "a wish for revenge or for someone to die",
        r"\bpay (?:for|back|the|rent|bills?)\b",
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
        r"\b(?:put|send|sending|land) (?:him|her|them|his \w+|her \w+|their \w+) (?:in|to) the (?:hospital|"
        r"morgue|grave|"
        r"er|emergency room)\b",
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
        r"\b(?:knife|gun|weapon|kill|hurt|bought|has|rifle|pistol|bat|take care of)\b",
    ),
    (
        r"\bthreat(?:s|ened|ening)? (?:to )?(?:kill|hurt|shoot|stab|harm)\b|\b(?:death|violent) threats?\b",
        "a threat of violence",
        "",
    ),
    (
        r"\bvoices (?:\w+ ){0,3}(?:telling|tell|told|command\w*) (?:him|her|them|me) to (?:hurt|kill|harm|"
        r"attack|stab|"
        r"shoot)\b",
        "command hallucinations to harm",
        "",
    ),
)

_CHILD = (
    r"(?:kids?|child|children|toddler|baby|infant|son|daughter|boy|girl|teen|teenager|minor|adolescent|"
    r"students?|(?:\d|1[0-7]) year old|stepson|stepdaughter|grandson|granddaughter|siblings?|little brother|"
    r"little sister|niece|nephew)"
)
_VULNERABLE = (
    r"(?:elderly|older adult|aging|aged|senior|grandma|grandmother|grandpa|grandfather|nursing home|"
    r"assisted living|dementia|disabled|disability|dependent adult|vulnerable adult|bedbound|bedridden|"
    r"(?:[6-9]\d|1[01]\d) year old|resident)"
)
_PERPETRATOR = (
    r"(?:step ?dad|step ?father|step ?mom|step ?mother|dad|daddy|father|mom|mommy|mother|parents?|"
    r"mother boyfriend|"
    r"moms? boyfriend|boyfriend|girlfriend|husband|wife|partner|spouse|ex|uncle|aunt|grandpa|grandma|"
    r"grandfather|grandmother|brother|sister|cousin|babysitter|nanny|coach|teacher|caregiver|aide|"
    r"home health aide|nurse|staff|foster (?:mom|dad|parent|mother|father)|neighbor|neighbour|son|daughter|"
    r"pastor|priest|tutor|he|she|they|someone|somebody|guardian|older brother|older sister)"
)
_AUX = (
    r"(?:(?:is|was|has been|had been|have been|keeps|kept|will|would|always|still|sometimes|often|also|just|"
    r"allegedly|apparently|reportedly|regularly|constantly|repeatedly|even|now|has|had) )*"
)
_NOT_A_PERSON = (
    r"(?! (?:on|up|it|back|rock bottom|send|reply|snooze|a (?:deer|car|pole|wall|curb|tree|record|milestone|"
    r"goal|"
    r"target|ball|home run|nerve|snag|bump|rough patch|plateau)|the (?:gym|road|books|ball|wall|jackpot|"
    r"brakes|"
    r"snooze|bottle|hay|spot|ground|mark|deadline|pavement))\b)"
)
_HARM_VERB = (
    r"(?:hits?|hitting|beats?|beating|beaten|punch(?:es|ed|ing)?|slap(?:s|ped|ping)?|kick(?:s|ed|ing)?|"
    r"chok(?:es|ed|ing)|strangl(?:es|ed|ing)|burn(?:s|ed|ing)|whip(?:s|ped|ping)?|shov(?:es|ed|ing)|"
    r"push(?:es|ed|ing)|throws? (?:things |stuff )?at|threw (?:things |stuff )?at|smack(?:s|ed|ing)?|"
    r"abus(?:es|ed|ing)|molest(?:s|ed|ing)?|rap(?:es|ed|ing)|grop(?:es|ed|ing)|"
    r"touch(?:es|ed|ing)? (?:her|him|them) (?:inappropriately|down there|sexually|in (?:her|his|"
    r"their) private)|"
    r"sexually (?:abus\w+|assault\w+)|starv(?:es|ed|ing)|neglect(?:s|ed|ing)|lock(?:s|ed|ing) (?:her|him|"
    r"them) "
    r"(?:in|out)|ties (?:her|him|them) up|tied (?:her|him|them) up|spank(?:s|ed|ing)?|hurt(?:s|ing)?|"
    r"forc(?:es|ed|ing) (?:her|him|them) to|"
    r"steal(?:s|ing)? (?:from )?(?:her|his|their)|stole (?:from )?(?:her|his|their)|"
    r"tak(?:es|ing) (?:her|his|their) (?:money|checks?|meds|medications?|pension|social security))"
)

_ABUSE: tuple[_Rule, ...] = (
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
        r"(?:hit|beaten|abused|hurt|neglected|slapped|pushed|shoved|choked|punched|kicked|molested|raped|"
        r"assaulted|starved|locked in|left alone|burned|whipped|exploited|groped|touched inappropriately|"
        r"touched)\b(?: by\b)?",
        "someone being hurt, abused or neglected",
        r"\bhurt(?:s|ing)? (?:her|his|their) feelings\b|\bgot hurt (?:at|playing)\b|\b(?:dog|cat|pet|puppy|"
        r"kitten|"
        r"horse|car|truck|house|deer|bird)\b (?:\w+ )?(?:got|was|is|gets|been) hit\b",
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
        r"\b(?:no|not enough|never any|nothing to eat|not) (?:food|fed|eaten|feeding)\b(?=.*\b(?:kids?|child|"
        r"children|house|home|days|mother|mom|dad|parents?|toddler|baby|brother|sister|siblings?)\b)|"
        r"\b(?:has not|have not|had not) (?:been fed|eaten)\b|\bgoes hungry\b|\bstarving\b",
        "a child or dependent without food",
        r"\bstarving (?:after|for|lol)\b",
    ),
    (
        r"\b(?:bruises?|bruised|welts|black eye|burn marks|cigarette burns|belt marks|broken (?:arm|wrist|"
        r"bone|rib)|"
        r"marks on (?:her|his|their) (?:neck|throat|arms?|face|back|legs?|wrists?)|strangulation marks)\b",
        "unexplained injuries",
        r"\b(?:cat|dog|fell|fall|sports?|soccer|football|hockey)\b",
        rf"\b(?:{_CHILD}|{_VULNERABLE}|explain|would not say|will not say|afraid|scared|dad|daddy|mom|mommy|"
        rf"stepdad|"
        rf"husband|boyfriend|partner|aide|caregiver|covered|hide|hiding|did it|got mad)\b",
    ),
    (
        r"\b(?:left|leaves|leaving|leave)\b(?: \w+){0,6} (?:alone|home alone|by (?:himself|herself|"
        r"themselves)) "
        r"(?:for|all|over) (?:the )?(?:days|weekend|weekends|nights|night|\w+ days|a week|hours|day)\b",
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
        r"\b(?:report|reporting) (?:card|back|to work|to my supervisor)\b",
    ),
    (
        r"\b(?:child|elder|sexual|physical|domestic|dependent adult) (?:abuse|neglect|violence|assault)\b|"
        r"\b(?:abuse|neglect|abused|neglected|molested|assaulted)\b",
        "abuse or neglect",
        r"\bsubstance abuse\b|\b(?:drug|alcohol) abuse\b|\bself neglect\b|\bneglected (?:to|my|her|his|"
        r"the)\b",
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
        r"(?:her|him|them) (?:\w+ )?(?:sexual|explicit|nude|naked|dirty|sexy|inappropriate) ?(?:messages|"
        r"texts|pics|"
        r"pictures|photos|videos|images|stuff|things|content)?\b|\b(?:sexting|sexts) (?:with )?(?:a |her |"
        r"him |my )?"
        r"(?:\w+ )?(?:student|kid|child|minor|teen|\d+ year old|client)\b",
        "sexual messages to a minor",
        "",
        rf"\b(?:{_CHILD}|{_VULNERABLE}|coach|teacher|tutor|pastor|uncle|stepdad|adult)\b",
    ),
)

_MEDICAL: tuple[_Rule, ...] = (
    (
        r"\b(?:passed out|fainted|fainting|blacked out|collapsed|collapsing|lost consciousness|unconscious|"
        r"unresponsive|not responding|will not wake up|would not wake up|can not wake (?:her|him|them))\b",
        "loss of consciousness",
        r"\b(?:collapsed|collapsing) (?:in tears|crying|laughing)\b|\bpassed out (?:flyers|papers)\b",
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
        r"breathe|turning blue|lips (?:are|were|turning) blue|choking)\b",
        "difficulty breathing",
        r"\b(?:felt like|feels like|feel like|panic attack|it passed|anxiety)\b",
    ),
    (
        r"\bchest pains?\b|\bheart attack\b|\bhaving a stroke\b|\b(?:had|has|is having) a stroke\b|"
        r"\bslurred speech\b|"
        r"\bface (?:is )?droop\w*\b",
        "signs of a heart attack or stroke",
        r"\bstroke of\b",
    ),
    (
        r"\boverdos(?:e|ed|ing)\b|\btook (?:too many|a lot of|a bunch of|a handful of|handful of|\d+) "
        r"(?:of )?(?:her |his |their |my )?(?:pills|meds|tablets|xanax|tylenol|benzos|opioids|oxy|"
        r"sleeping pills)\b",
        "an overdose",
        r"\boverdose (?:prevention|training|kit|kits)\b",
    ),
    (
        r"\bbleeding (?:heavily|badly|a lot|profusely|out|everywhere|will not stop|would not stop)\b|"
        r"\b(?:lot|lots|pool) of blood\b|\bblood everywhere\b|\bwill not stop bleeding\b|\b(?:vomiting|"
        r"coughing up|"
        r"throwing up) blood\b",
        "heavy bleeding",
        "",
    ),
    (r"\ballergic reaction\b|\banaphyla\w*\b|\bepi ?pen\b", "a severe allergic reaction", ""),
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
        "",
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
        requires=re.compile(requires) if requires else None,
    )


_KINDS: tuple[tuple[SafetyKind, tuple[_Rule, ...]], ...] = (
    ("suicide", _SUICIDE),
    ("suicide", _SUICIDE_MORE),
    ("homicide", _HOMICIDE),
    ("abuse", _ABUSE),
    ("abuse", _ABUSE_MORE),
    ("medical", _MEDICAL),
)
_COMPILED: tuple[_Compiled, ...] = tuple(_compile(kind, rule) for kind, rules in _KINDS for rule in rules)

# ------------------------------------------------------------------------ context that defuses a match

_CLAUSE_SPLIT = re.compile(
    r" (?:[.!?;]|but|however|although|though|yet|except|whereas|while|then|now|later|until) (?=\S)"
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
    r"^\s*(?:ideations?|thoughts|ideation and homicidal ideation)?\s*(?:,|:|-)?\s*(?:denied|denies|neg|"
    r"negative|none|no|absent|not present|nil)\b"
)

_HISTORICAL_PREFIX = re.compile(
    r"\b(?:history of|hist of|past|previous|previously|prior|old|former|remote|childhood|lifetime|"
    r"history of past|long history of|a history of)(?: \w+){0,2}$"
)
_DISTANT_TIME = re.compile(
    r"\b(?:\d+|a few|few|several|many|two|three|four|five|six|seven|eight|nine|ten|twenty|some) "
    r"(?:years?|decades?) (?:ago|back|earlier|before)\b|\byears (?:ago|back|earlier)\b|"
    r"\blong (?:time )?ago\b|"
    r"\bdecades? ago\b|\bas a (?:child|kid|teen|teenager|young \w+|little girl|little boy|minor)\b|"
    r"\bwhen (?:she|he|they|i) (?:was|were) (?:a (?:child|kid|teen|teenager|little)|little|young|younger|"
    r"\d+|in (?:high school|college|middle school))\b|\bin (?:high school|college|middle school|grad school|"
    r"(?:her|his|their) (?:teens|twenties|20s|thirties|30s|youth))\b|\bgrowing up\b|\bback in (?:19|"
    r"20)\d\d\b|"
    r"\bin (?:19|20)\d\d\b|\bused to\b|\bin the past\b|\b(?:last|a) (?:year|decade)\b|\byears? earlier\b|"
    r"\b(?:is|has been|been|now|remains?) (?:stable|doing well|in remission|sober)\b|\bstable (?:since|for|"
    r"now)\b|"
    r"\bresolved\b|\bno longer\b|\bsince (?:then|recovered)\b"
)
_IMMINENT = re.compile(
    r"\b(?:tonight|today|tomorrow|right now|this (?:morning|afternoon|evening|week|weekend)|currently|"
    r"current plan|again|recently|yesterday|last night|this past|planning|plans to|plan to|intends|intent|"
    r"about to|has a plan|have a plan|endorsed|endorses|endorsing|(?:is|are) (?:being|getting)|lately|"
    r"these days|"
    r"anymore|any more)\b"
)
# Study, policy or hypotheticals: no person is at risk unless the message also reports what someone
# said or did.
_GENERAL = re.compile(
    r"\b(?:(?:reading|read|readings?|learning|learned|learnt|studying|lecture|article|research|podcast|"
    r"chapter|"
    r"webinar|workshop|training|seminar) (?:about|on|up on|for)|studying|textbook|case study|vignette|"
    r"role ?play|ce (?:course|credits?)|continuing education|"
    r"(?:for|in) (?:my |a |our |the )?(?:class|course|exam|paper|assignment|seminar|lecture|program|training|"
    r"cohort|practicum class|ethics class)|writing a paper|(?:my|our) (?:class|course|professor|instructor)|"
    r"screening tools?)\b"
)
_HYPOTHETICAL = re.compile(
    r"\b(?:hypothetically|hypothetical|in general|generally speaking|what if|what happens if|if a client|"
    r"if my client ever|if someone|if a patient|if clients|if a kid|if a child|if a minor|if an? (?:elderly|"
    r"older)|"
    r"should a client|in case a client|when a client|when clients)\b"
)
_CONCRETE = re.compile(
    r"\b(?:(?:my|this|the|our) client|she|he|they) (?:just |already |literally )?(?:said|told|texted|"
    r"messaged|"
    r"disclosed|admitted|reported|endorsed|wrote|called|emailed|posted)\b"
)
_REPORTED = re.compile(
    r"\b(?:said|says|told|tells|telling|reported|reports|disclosed|discloses|admitted|admits|endorsed|"
    r"endorses|texted|messaged|emailed|called|wrote|posted|showed up|mentioned|shared|stated|states|"
    r"is planning|has a plan)\b"
)
# Someone else's completed suicide is grief work, not an imminent risk to the client.
_COMPLETED = re.compile(
    r"\b(?:died by suicide|died of suicide|committed suicide|completed suicide|lost (?:her|his|their|a) "
    r"\w+ to suicide|suicide loss|(?:killed|hanged|shot) (?:himself|herself|themselves)(?! (?:last night|"
    r"today|this morning|yesterday))|took (?:his|her|their) own life|suicide of (?:her|his|their|a))\b"
)


def _clauses(text: str) -> list[str]:
    """Split normalized text where negation and time words stop applying."""
    return [c.strip() for c in _CLAUSE_SPLIT.split(f" {text} ") if c.strip()]


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


def _historical(clause: str, sentence: str, start: int) -> bool:
    """Whether the match is about the past and nothing in its clause says the risk is current."""
    if _IMMINENT.search(clause):
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


def _sentences(text: str) -> Iterator[str]:
    for sentence in re.split(r" [.!?;] ", f" {text} "):
        if sentence.strip():
            yield sentence.strip()


_MINOR_VICTIM = re.compile(rf"\b{_CHILD}\b|\b{_VULNERABLE}\b")
_ADULT_LOOKING_BACK = re.compile(
    r"\b(?:as a (?:child|kid|teen|teenager|little girl|little boy)|when (?:she|he|they) (?:was|were)|"
    r"growing up|childhood|years ago)\b"
)


def _general_only(normalized: str) -> bool:
    """Whether every sentence is study, policy or a hypothetical (nobody in particular at risk)."""
    return all(
        (_GENERAL.search(sentence) and not _REPORTED.search(sentence))
        or (_HYPOTHETICAL.search(sentence) and not _CONCRETE.search(sentence))
        for sentence in _sentences(normalized)
    )


def check(text: str) -> SafetySignal | None:
    """Return why the message needs urgent steps first, or None when nothing imminent is described.

    Args:
        text: The trainee's message as typed.

    Returns:
        The first risk found, in order of urgency (suicide, homicide, abuse, medical), or None.
    """
    normalized = _strip_idioms(normalize(text))
    if not normalized:
        return None
    found: list[SafetySignal] = []
    for sentence in _sentences(normalized):
        if _GENERAL.search(sentence) and not _REPORTED.search(sentence):
            continue
        if _HYPOTHETICAL.search(sentence) and not _CONCRETE.search(sentence):
            continue
        completed = _COMPLETED.search(sentence)
        for clause in _clauses(sentence):
            for rule in _COMPILED:
                kind = rule.kind
                if rule.unless is not None and rule.unless.search(sentence):
                    continue
                if rule.requires is not None and not rule.requires.search(sentence):
                    continue
                for match in rule.pattern.finditer(clause):
                    if completed and kind == "suicide" and not _IMMINENT.search(clause):
                        continue
                    if _negated(clause, match.start(), match.end()):
                        continue
                    if _historical(clause, sentence, match.start()) and not (
                        kind == "abuse" and _still_a_minor(sentence)
                    ):
                        continue
                    found.append(SafetySignal(kind=kind, reason=rule.reason))
                    break
    if not found and not _general_only(normalized):
        signs = sum(1 for sign in _WARNING_SIGNS if sign.search(normalized))
        if signs >= 2:
            found.append(SafetySignal(kind="suicide", reason="several warning signs together"))
    if not found:
        return None
    order: dict[SafetyKind, int] = {"suicide": 0, "homicide": 1, "abuse": 2, "medical": 3}
    return min(found, key=lambda signal: order[signal.kind])
