"""Removes identifiers from what trainee clinicians write, before anything is stored.

Why rules and lists, not a model: reflections are short, written in a narrow register (Slack,
first person, clinical shorthand), and must be cleaned synchronously on every save and preview.
A rule-based pass runs in well under a millisecond, needs no download, can be read and corrected by
the team, and fails in ways that can be tested. It is tuned to over-remove rather than leak: a
stray placeholder costs a reader a moment, a leaked client name cannot be taken back.

What is removed (HIPAA Safe Harbor's identifier kinds as they appear in this writing):

* ``NAME``: people (clients, relatives, colleagues): full names, first names, nicknames, initials,
  names that are also words ("Hope", "Will", "Grace") when the context says they are names.
* ``PLACE``: anything smaller than a state: street addresses, cities and towns, ZIP codes, schools,
  clinics, hospitals, shelters, churches, employers ("works at Walmart"), routes and exits ("rt 9"),
  named parts of town ("the North End", "east nashville", "little saigon"), the street a place is on
  ("the kroger on gallatin", "the gas station on 8th and broad"), churches by their dedication ("at
  holy cross"), a store by its street ("the cvs on harding pl"), the town a clinic or shelter is in
  ("the clinic in hohenwald"); towns come from a gazetteer, so "lives in durham" or "a nurse at mercy
  general" is caught in lower-case writing too.
* ``DATE``: every date element more precise than a year: "3/14", "March 14th", "14.03.2026",
  "on the 14th", single-day holidays ("Christmas", "Thanksgiving"), and a month on its own ("in
  March"): under Safe Harbor a month is a date element too, so it goes, even alone. Years,
  weekdays, seasons, multi-day observances ("Ramadan") and relative times ("last Tuesday",
  "two weeks ago") stay: supervision needs the sequence of events, and they identify no one.
* ``AGE``: ages over 89 ("92-year-old", "aged 95", "she's 91", "in her 90s"). Ages up to 89 stay.
* ``PHONE``, ``EMAIL``, ``URL``, ``HANDLE`` (``@name``, Slack mentions, a username after a platform:
  "on snap as kenzie22"), ``IP``, and ``ID``: SSNs, record, plan, account, claim, licence and case
  numbers, and any other long number.
* Dictated notes say what others type: digits one by one ("five five five two one eight..."), a
  birth date or a day in words ("date of birth seven twelve...", "on the fifteenth"), an email ("...
  at gmail dot com"), a name spelled out ("P H A M"). These are removed as their kind too.

What stays, because supervision needs it: therapy words, modality and diagnosis acronyms (CBT, DBT,
EMDR, PTSD...), professional codes (ACA, NASW, HIPAA, DSM-5), scores ("PHQ-9 of 14"), session
counts, ages up to 89, US states and countries, ordinary words that are also names ("I hope",
"she will", "a grace period").

Each identifier becomes a typed placeholder such as ``[NAME-1]``. Within one text the same original
always gets the same placeholder (names compared without regard to case or accents), so "[NAME-1]
told me [NAME-2] had left... [NAME-1] later said" still reads as a story. A full name and its parts
share one placeholder ("Maria Gonzalez" ... "Maria").

The word lists live in ``storage/data`` (see its README for where they come from) and are loaded
once per process by :func:`default_deidentifier`.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources

from commands.types import DeidentifiedText, Redaction

KINDS = ("NAME", "PLACE", "DATE", "AGE", "PHONE", "EMAIL", "ID", "URL", "HANDLE", "IP")
"""Every kind of placeholder this module produces."""

_DATA_PACKAGE = "storage"


def _set(words: str) -> frozenset[str]:
    """A frozen set from white-space separated words (keeps the vocabulary below readable)."""
    return frozenset(words.split())


# ----------------------------------------------------------------------------- vocabulary
# Small closed classes of English live here rather than in data files: they are grammar, not data.

_FUNCTION_WORDS = _set(
    """i me my mine myself you your yours he him his himself she her hers herself they them their theirs
    themselves we us our ours it its this that these those the a an and or but nor so if then than to of
    in on at for with about from by as into onto over under after before since until till up down out
    off is was are were be been being am has had have having do does did done will would can could
    should may might must shall not no yes who whom whose what which when where why how all some any
    every each both either neither one ones other another such same own just also still again even only
    very too really actually maybe perhaps here there now today tonight tomorrow yesterday ago later
    soon never always often sometimes said says say told tells tell asked asks ask like because while
    though although whether via per vs lol ok okay yeah please thanks"""
)

_PRONOUNS = _set("""i me you he him she her it we us they them one this that who""")

_CLAUSE_OPENERS = _set("""and but then so when because that cuz bc lol ok w with about""")
"""Words after which a lower-case word can be a sentence subject ("then amber said")."""

_CONTRACTION_TAILS = frozenset({"t", "s", "re", "ll", "ve", "d", "m"})

_DETERMINERS = _set(
    """the a an this that these those last next every each some any no our your their his her its my whose
    which what such another other all both"""
)

_TITLES = _set(
    """dr mr mrs ms mx miss prof professor rev reverend fr pastor rabbi imam sheikh coach officer det
    detective judge sgt sergeant lt capt captain col colonel maj cpl corporal pvt lieutenant sra srta"""
)
"""Words after which the next word is a name even when it is also an ordinary word ("Ms. Brown",
"sra. gómez": Spanish titles are written in notes on Spanish-speaking families)."""

_ROLE_TITLES = _set(
    """professor pastor rabbi imam coach officer detective judge sergeant captain reverend colonel corporal
    lieutenant"""
)
"""Titles that are also role nouns: a verb after them is no name ("judge wants a report")."""

_RELATION_CUES = _set(
    """client clients cl clt pt patient consumer member kiddo son daughter mom mother mum dad father
    brother sister bro sis husband wife hubby partner spouse bf gf boyfriend girlfriend fiance fiancee
    fiancé fiancée ex grandma grandmother grandpa grandfather granddaughter grandson aunt auntie uncle
    cousin niece nephew stepdad stepmom stepson stepdaughter stepbrother stepsister friend bestie
    roommate boss manager coworker co-worker colleague teacher supervisor supervisee therapist
    psychiatrist counselor counsellor doctor caseworker sponsor neighbor neighbour landlord baby twin
    kid child toddler teen student classmate intern trainee abuser perpetrator stepfather stepmother
    sibling cousin bff mil fil sil bil dil mother-in-law father-in-law sister-in-law brother-in-law
    daughter-in-law son-in-law stepsis stepbro godmother godfather godson goddaughter oldest youngest
    eldest grandkid grandchild grandbaby ex-wife ex-husband exwife exhusband nurse librarian chaplain
    interpreter translator mentor babysitter caregiver guardian advocate aide"""
)
"""Words after which a capitalised or unknown word is a person ("her son Tyrone", "pt jose")."""

_APPOSITIVE_ROLES = _RELATION_CUES | _set(
    """ra po advisor adviser rep lawyer attorney pastor priest worker officer lead manager"""
)
"""Person words after which ", <Name>" is that person's name ("her RA, Jordan.")."""

_POSSESSIVE_PRONOUNS = _set("""her his their my our your""")

_KIN = _set(
    """son daughter mom mother mum dad father brother sister husband wife hubby partner spouse bf gf
    boyfriend girlfriend fiance fiancee grandma grandmother grandpa grandfather granddaughter grandson aunt
    auntie uncle cousin niece nephew stepdad stepmom stepson stepdaughter stepfather stepmother mil fil sil
    bil dil"""
)
"""Family words: after one, a first name that is also a word and is then described ("foster mom
sherry is supportive") is the relative's name; roles like "student" are left out ("student art is")."""

_QUOTED_NAME_CUES = _set("""prefers preferred called calls herself himself themself themselves""")
"""Words before a quoted word that make it a name someone goes by ("prefers 'oki'")."""

_NAMING_CUES = _set("""named nicknamed aka a.k.a""")
_NAMING_PAIRS = frozenset({("goes", "by"), ("real", "name"), ("name", "is")})

_MET_WITH = re.compile(
    r"\b(?:1:1|1-on-1|one-on-one|sessions?|sesh|met|meeting|intake|appt|appointment|call|consult|check-?in|dyad"
    r"|telehealth|talked"
    r"|spoke|chatted|convo|conversation|checked\s+in|caught\s+up|worked|working|role-?played)"
    r"\s+(?:with|w/|w)\s*$|\b(?:ran|run|running|bumped|bump|bumping)\s+into\s*$",
    re.IGNORECASE,
)
"""What a session is "with" ("1:1 w/ sunny"), or whom one "ran into", is a person, even a name that is
a word ("grace")."""

_GRADE = r"\d{1,2}(?:st|nd|rd|th)(?:\s*(?:gr|gr\.|grade|grader))?"
"""A school grade ("8th", "5th gr"): said of a child, so in brackets or set off after a word, a person."""

_GRADER = r"\d{1,2}(?:st|nd|rd|th)[\s-]*graders?\b"
""""8th grader": a child, even when the bracket goes on ("(8th grader at the middle school)")."""

_ACRONYM_PERSON_PAREN = re.compile(
    rf"\s*\(\s*(?:{_GRADER}|{_GRADE}\s*[,)]|\d{{1,2}}\s*(?:y/?o|yo|[mf])\s*[,)]|(?:he|she|they|ze|xe)\s*/)",
    re.IGNORECASE,
)
"""A bracket that makes two or three capitals before it a person's initials: a grade, an age marked
as one, pronouns ("DW (8th grader at ...)", "JT (15yo)"); a bare number may be a score ("PCL (52)")."""

_PAREN_AGE = re.compile(rf"(?:'s)?\s*\(\s*(?:\d{{1,3}}\s*(?:y/?o|yo|yrs?|[mfMF])?|{_GRADE})\s*[,)]")
"""A bracketed age or grade right after a word ("hope (17)", "Will (9th)") marks it as a person."""

_SPEECH_VERBS = _set(
    """said says told tells texted texts mentioned mentions cried cries asked asks called calls emailed
    emails reported reports disclosed discloses shared shares admitted admits explained explains stated
    states denied denies agreed agrees refused refuses wants wanted missed misses cancelled canceled
    cancels no-showed showed shows came comes left leaves brought brings got gets gave gives sent sends
    started starts stopped stops keeps kept thinks thought feels felt seems seemed talked talks ran runs
    applied applies uses used went goes laughed yelled screamed hugged smiled sobbed paused opened wrote
    writes posted messaged dm'd dmed lives lived works worked moved returned relapsed attempted
    overdosed died passed married divorced arrived walked stormed hung blew finished completed did does
    didn't doesn't won't can't couldn't wouldn't isn't wasn't hasn't hadn't never always just finally
    also still really actually again invited gifted offered threatened insisted answered replied
    responded decided chose seemed sounded looked showed accused blamed reached followed joined quit
    dropped lost won bought needs needed hates hated loves loved likes liked misses asked begged
    apologized apologised shut shouted whispered confided confessed cx'd cxd cxl'd cxld ns'd nsd
    rescheduled hasnt doesnt didnt wont cant isnt wasnt hit hits punched slapped choked pushed shoved
    grabbed kicked hurt assaulted raped stalked cheated visits visited"""
)
"""Verbs (and a few adverbs) that, right after a word, make that word the subject: a person."""

_NOT_POSSESSIVE = _set(
    """he she it that what who there here let where how when why this everyone everybody someone somebody
    nobody one"""
)
"""Words whose "'s" is "is" or "has" ("he's", "that's"), never a possessive."""

_ING_NOUNS = _set(
    """something nothing anything everything thing king ring spring string evening morning wedding building
    ceiling darling during"""
)

_BE_VERBS = _set("""is was has had isn't wasn't""")

_PLACE_VERBS = _set(
    """lives lived living live moved move moving relocated relocate grew raised born works work worked
    working job shift shifts employed hired fired attends attend attended goes go went drove drive
    driving visiting visited transferred admitted incarcerated detained staying stays stayed"""
)
"""Verbs that make the capitalised word after "in/at/to/from" a place ("lives in Bend")."""

_EMPLOYER_VERBS = _set(
    """works work worked working job shift shifts employed hired fired quit manager cashier"""
)

_LOCATION_PREPS = _set("""in at from near into""")

_PLACE_SUFFIXES = _set(
    """high elementary middle school academy college university univ hospital clinic center centre medical
    general memorial church temple mosque synagogue gurdwara chapel shelter house home heights street st
    avenue ave road rd boulevard blvd lane ln drive way court ct place pl terrace circle highway hwy
    parkway pkwy county park mall plaza village apartments apts institute community regional health
    healthcare behavioral library prison jail correctional facility depot lodge manor estates commons
    towers hall campus prep preparatory charter montessori daycare ymca ywca"""
)
"""Words that end the name of an institution or street ("Lincoln High", "St. Mary's Hospital")."""

_VENUE_WORDS = _set(
    """bar pub tavern lounge saloon tap taproom brewery grill diner cafe café bistro restaurant bakery deli
    pizzeria cantina salon barbershop motel inn"""
)
"""Nouns that close a bar's, a restaurant's or a motel's name ("the Blue Moon Lounge", "Flanagan's
Pub", "the Tin Cup bar"): where a client drinks, works or sleeps is a place. Not institution
suffixes in lower-case writing, where "the hotel bar" or "a xan bar" are no names."""

_PROGRAM_WORDS = _set("""iop php rtc""")
"""Treatment programmes named by what comes before them ("the Willow Creek IOP")."""

_VENUE_FOLLOWERS = _set("""downtown uptown program programme now again last next this every after""")
"""Lower-case words that may follow a named venue ("the Tin Cup bar downtown"); any other noun
makes the venue word part of another noun ("a Safety Plan bar chart")."""

_VENUE_GENERIC = _set(
    """hotel sports hookah wine beer cocktail karaoke dive gay piano snack salad coffee juice airport casino
    strip adult adults evening morning afternoon intensive dual diagnosis partial day hospital"""
)
"""Capitalised words before a venue or programme word that do not name it ("the Sports Bar", "the
Adult IOP"), beside :data:`_GENERIC_PLACE_WORDS`."""

_NAME_PARTICLES = _set(
    """de del della dela dei degli des der den di da do dos das du la le lo van von ter ten bin bint binti
    ibn abu al el st"""
)
"""Lower-case words inside a surname ("van der Berg", "de la Cruz", "dos Santos"); chains are allowed."""

_HYPHEN_PARTICLES = ("al-", "el-", "abu-", "bin-", "bint-", "ibn-", "ben-", "ul-", "ud-", "ad-", "as-")
"""Arabic-style prefixes joined by a hyphen ("al-Hashimi", "Abu-Bakr"): the whole word is a surname."""

_PERSON_PAREN = re.compile(
    rf"\s*\(\s*(?:\d{{1,3}}\s*(?:y/?o|yo|yrs?|[mf])?\s*[,)]|{_GRADE}\s*[,)]|{_GRADER}|(?:he|she|they|ze|xe|him|her|them)\s*/"
    r"|(?:(?:the|my|our|a)\s+)?(?:new|intake|client|clt|patient|pt|cl|returning|referral|referred|goes|aka|not|age|grp|group|twins?|siblings?"
    r"|roommates?|brothers|sisters|cousins|pronounced|prefers|preferred)\b)",
    re.IGNORECASE,
)
"""A bracket after a lower-case word that only follows a person: an age, pronouns, a client note
("bill (72)", "pat (they/them)", "mercy (new intake)"). Needed because a lower-case first name that
is also a word ("bill", "pat", "mercy") has no other sign that it is a name."""

_BARE_NUMBER_PAREN = re.compile(r"\s*\(\s*\d{1,3}\s*[,)]")
"""A bracketed number alone ("(24)"): after an unlisted word an age or a score."""

_INITIALS_VERBS = _set(
    """said says told tells texted texts cancelled canceled cancels no-showed called calls emailed disclosed
    discloses asked asks mentioned cried missed misses refused denied admitted shared wants wanted laughed
    yelled hugged apologized apologised threatened relapsed keeps kept cx'd cxd cxl'd cxld ns'd"""
)
"""Verbs that make a two- or three-letter capital word before them a person's initials ("MK
cancelled"): narrower than the speech verbs, because "UA came back" and "BP was" are not people."""

_AND_PERSON = _set("""i me her his my their our your""")
"""After "X and", words that show X is a person ("Mark and I", "Mercy and her sister")."""

_AGE_AFTER_NAME = re.compile(
    rf",\s*(?:\d{{1,2}}\s*(?:yo|y/o|y\.o\.|[mf])?\s*,|{_GRADE}\s*[,)])", re.IGNORECASE
)
"""", 34," or ", 5th gr)" right after a word: an age or a grade, so the word is a person ("grace, 34,
came in", "(sunny, 5th gr)")."""

_TELL_VERBS = _set(
    """told tell tells telling asked asks asking texted texts emailed emails reminded reminds thanked hugged
    validated praised warned messaged dmed dm'd paged"""
)
"""Verbs whose object is a person ("told frank i was worried")."""

_OBJECT_ENDS = re.compile(
    r"(?:\s+(?:i|i'm|im|she|he|we|they|that|to|about|abt|if|whether|how|what|why|when|again|today|yesterday"
    r"|tonight|earlier|later|directly|back|before|after)\b|\s*[.,;:!?)\n]|\s*$)",
    re.IGNORECASE,
)
"""What may follow a person named as an object; a noun object runs on ("told hope is key" stays)."""

_PERSONAL = _set(
    """appt appts appointment appointments session sessions sesh intake meds medication medications therapist
    psychiatrist caseworker case chart file diagnosis dx bday birthday job phone number email car apartment
    apt room school teacher pcp insurance lawyer attorney po probation"""
)
"""Nouns after a possessive that show the owner is a person ("frank's appt")."""

_SEE_VERBS = _set(
    """see saw seeing sees seen met meet meeting meets told tell telling tells asked ask asking called call
    calling texted text texting emailed email remind reminded reminding"""
)
"""Verbs whose object, a word found as a lower-case name elsewhere in the text, is that person again."""

_NOUN_PREPS = _set("""about with w for from saw see seeing called texted told met""")
"""Words after which "will" or "may" is a noun, so a person ("worried about will.")."""

_FROM_GROUP = re.compile(
    r"\s+(?:(?:the|my|our|her|his|their)\s+)?(?:[\w'-]+\s+){0,2}?"
    r"(?:group|grp|class|work|school|church|clinic|team|iop|php|program|unit|shelter|job|office)\b",
    re.IGNORECASE,
)
"""After "X from", where a person comes from ("Ray from the Thurs group")."""
_NAME_SUFFIXES = _set("""jr sr ii iii iv""")

_LOWER_PLACE_CUES = _set("""in from near outside around at""")
"""Words after which a lower-case word that is no English word and no first name is a place."""

_DRUG_ENDINGS = (
    "pam",
    "lam",
    "zine",
    "pine",
    "done",
    "tine",
    "pril",
    "sartan",
    "statin",
    "mab",
    "vir",
    "zole",
    "oxetine",
    "triptan",
    "profen",
    "cillin",
    "mycin",
    "cycline",
    "floxacin",
    "barbital",
    "tidine",
    "afil",
    "olol",
    "dronate",
    "gliptin",
    "flozin",
    "lukast",
    "tadine",
    "caine",
    "ridone",
    "apine",
    "xone",
    "dol",
)
"""Endings of generic drug names: "switched from vilazodone" is a medication, not a place."""

_TOPONYM_ENDINGS = (
    "brook",
    "field",
    "ville",
    "town",
    "burg",
    "burgh",
    "boro",
    "borough",
    "ford",
    "wood",
    "dale",
    "land",
    "ton",
    "port",
    "mouth",
    "view",
    "ridge",
    "side",
    "haven",
    "shire",
    "chester",
    "ham",
    "ston",
    "bury",
    "worth",
    "stead",
    "berg",
    "grove",
    "crest",
    "mont",
    "point",
    "vale",
    "wick",
    "minster",
    "caster",
    "bend",
    "cliff",
)
"""Endings that make an unknown lower-case word after "in/from/at" a town ("millbrook", "georgetown")."""

_PLACE_TAILS = _PLACE_SUFFIXES - _set("""home house way place""") | _set(
    """city town township heights springs falls beach hills valley grove village county park bay harbor
    harbour creek ridge cafe café diner warehouse pediatrics associates dental plant bridge station store
    elem hs hosp"""
)
"""Lower-case words that continue a found place ("bernal heights", "daly city", "westfield middle")."""

_AT_ROLES = _set(
    """student students sophomore freshman junior senior grad undergrad professor prof nurse teacher doctor
    resident intern interning janitor cashier manager barista employee worker counselor coach enrolled
    transferred accepted admitted studying studies major volunteer volunteers volunteering school class
    classes"""
)
"""Words before "at X" that make X a school or an employer ("a sophomore at ucla")."""

_WORKMATES = _set("""coworker coworkers co-worker co-workers colleague colleagues""")
"""Words before "from/at X" that make X an employer ("coworkers from vanderbilt")."""

_SEASONS = _set("""spring summer fall autumn winter""")

_AREA_WORDS = _set("""area neighborhood neighbourhood hood projects""")
"""Nouns after "the X" that make an unlisted X a part of town ("the mcgavock area")."""

_PLACE_KINDS = _set(
    """town city village place neighborhood neighbourhood suburb area street road school church clinic
    shelter island county"""
)
"""Nouns after which "called X" or "named X" names a place ("a town called Cedarburg")."""

_MOVED = _set(
    """moved move moving relocated drove drive driving flew fly flying went go going back commutes commute
    commuting transferred trip"""
)
"""Words before "to" that make what follows a destination ("moved to cedar rapids")."""

_CITY_PHRASES_NOT_PLACES = frozenset(
    p.replace("_", " ")
    for p in _set(
        """cross_country cut_off new_city old_city country_club white_house sweet_home mountain_home dry_run
        half_moon show_low state_college city_one park_way north_star new_hope good_hope big_lake
        home_gardens progress_village time progress police order person love normal"""
    )
)
"""Cities whose names are everyday words or phrases ("she runs cross country", "in Progress")."""

_OUTSIDE_OF = _set("""outside north south east west northeast northwest southeast southwest""")
"""Words that, with "of", place something by a town ("the farm outside of cookeville")."""

_CITY_CUES = _set("""in from near outside around to at into toward towards visiting via""")
"""Words after which a town's name is a place ("in durham", "drove to tucson")."""

_INSTITUTION_CUES = _set(
    """at from to in into near attends attended attend attending outside behind across"""
)
"""Words before a lower-case institution's name ("a nurse at mercy general")."""

_INSTITUTION_WORDS = _set(
    """elementary middle high academy college university univ hospital clinic center centre church temple
    mosque synagogue chapel cathedral parish shelter apartments apts library prep montessori daycare
    general memorial institute cafe café diner bakery restaurant gym mall plaza ymca ywca warehouse factory
    seminary park plant pediatrics associates dental medical jail prison penitentiary central fellowship
    ministries elem hs hosp"""
)
"""Last words of a lower-case institution's name ("centennial medical", "rutherford county jail",
"wilson central", "grace fellowship", "hawthorne elem", "east ridge hs", "st. mary's hosp")."""

_WEAK_INSTITUTION_WORDS = _set("""club station bar pub tavern lounge saloon cantina taqueria""")
"""Institution words that close a name only after a word that is no English word ("the alano club",
"outside el rodeo bar", but "the book club", "the bus station", "the hotel bar")."""

_GENERIC_PLACE_WORDS = _set(
    """community health mental medical county city state public local regional behavioral crisis counseling
    counselling treatment rehab recovery wellness family youth teen teens senior seniors women womens men
    mens children childrens kids kid homeless domestic violence dv psych psychiatric inpatient outpatient
    urgent care emergency er ed detox juvenile detention old new big small little nearby closest main same
    other different another neighborhood neighbourhood day night after-school afterschool school high middle
    elementary junior rec recreation fitness career job employment resource resources food training test
    testing dialysis cancer heart trauma birth birthing student campus veterans va vet methadone suboxone
    addiction substance drug alcohol sober transitional group foster residential nursing assisted living
    memory hospice respite dental eye primary pediatric peds icu ob infusion lab imaging surgery surgical
    sleep pain weight eating disorder disorders autism learning language speech therapy pregnancy legal aid
    welfare social services service support drop-in walk-in intake access free sliding scale low-cost
    charter catholic christian jewish islamic private boarding alternative continuation magnet cyber online
    virtual summer night weekend grad graduate law business art arts music dance sports boxing yoga church
    corner fancy cheap huge tiny busy quiet nice good bad best worst first second third last next clinic
    hospital university college transition partial stabilization evaluation assessment diagnostic research
    teaching specialty sliding-scale cardiac maternity psychiatry neurology oncology orthopedic peds
    women's men's children's kids' bible sunday trailer mobile rv dog skate national water theme amusement
    ball industrial office car parking splash bike power chemical nuclear processing packing meat chicken
    poultry assembly manufacturing bottling steel paper auto recycling sewage trampoline pet animal neuro
    ortho derm cardio endo onc gi uro rheum"""
)
"""Words that do not make a lower-case institution specific ("the community mental health center")."""

_ROLES = (
    r"nurse|teacher|pastor|priest|minister|rabbi|imam|deacon|sophomore|freshman|junior|senior|student|grad"
    r"|undergrad|veteran|vet|cop|officer|firefighter|soldier|marine|sailor|doctor|dentist|lawyer|attorney"
    r"|paralegal|accountant|engineer|programmer|developer|mechanic|electrician|plumber|carpenter|contractor"
    r"|janitor|custodian|cashier|barista|server|waiter|waitress|bartender|cook|chef|driver|trucker|nanny"
    r"|babysitter|caregiver|aide|cna|emt|paramedic|pilot|farmer|realtor|pharmacist|professor|coach"
    r"|principal|counselor|counsellor|therapist|social\s+worker|artist|musician|singer|dancer|athlete"
    r"|player|writer|actor|model|owner|widow|widower|retiree|mom|mother|dad|father|grandmother|grandfather"
    r"|grandma|grandpa|wife|husband|son|daughter|sister|brother|single\s+mom|single\s+dad|client|patient"
    r"|man|woman|guy|girl|boy|kid|teen|teenager|child|toddler|baby|\d{1,2}\s*(?:yo|y/o|year[- ]old)"
)
_IS_A_ROLE = re.compile(
    rf"\s+(?:is|was|'s)\s+(?:a|an|now\s+a|now\s+an)\s+(?:[\w/-]+\s+){{0,2}}?(?:{_ROLES})s?\b", re.IGNORECASE
)
"""After a subject, "is a <role>" says the subject is a person ("faith is a youth pastor")."""

_IS_THE_ROLE = re.compile(
    rf"\s+(?:is|was|'s)\s+(?:the|her|his|their|our|my)\s+(?:[\w/-]+\s+){{0,2}}?(?:{_ROLES})s?\b",
    re.IGNORECASE,
)
"""After a person word and a name, "is the main caregiver" ("grandson art is the main caregiver")."""

_CLIENT_CUES = _set("""client clt cl pt patient""")
_INITIAL_AFTER = re.compile(r" [a-z]\.(?=[\s,;:!?)]|$)")
"""A surname's lower-case initial after a word ("hunter d. relapsed")."""

_NAME_THEN_BREAK = re.compile(r"\s*(?:[-–—:;,]|\.(?:\s|$)|$)")
"""Punctuation right after "clt X": a label ("clt hope - SI passive"), so X is the client's name."""

_VERB_ADVERBS = _set("""never always just finally also still really actually again""")
"""The adverbs among the speech verbs: after them a word need not be a subject ("will never")."""

_MONTHS_UNAMBIGUOUS = _set("""january february july september october november december""")
_DATE_PREPS = _set(
    """in since until till by last next this early mid late of during before after through thru around
    throughout"""
)

_WEEKDAYS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday"  # full names first: longest match
    "|mon|tues|tue|weds|wed|thurs|thur|thu|fri|sat|sun"
)

# ----------------------------------------------------------------------------- structured patterns

_DEDICATIONS = (
    r"(?:(?:holy\s+(?:cross|trinity|family|spirit|name|redeemer|rosary|innocents|angels|ghost|savior|saviour"
    r"|child|comforter|apostles)|sacred\s+heart|our\s+lady(?:\s+of\s+(?:the\s+)?[\w']+)?|good\s+shepherd"
    r"|good\s+samaritan|immaculate\s+conception|(?:mount|mt\.?)\s+(?:carmel|zion|sinai|olive)"
    r"|(?:first|second|third|1st|2nd|3rd|new\s+hope|new\s+life|abundant\s+life|living\s+word|cornerstone"
    r"|greater\s+(?:(?:mt\.?|mount)\s+)?[a-z]+|calvary|bethel|ebenezer|emmanuel|immanuel|mt\.?\s+zion)\s+(?:united\s+)?(?:baptist|methodist|presbyterian|lutheran|episcopal|ame"
    r"|pentecostal|congregational|missionary\s+baptist|church|assembly|tabernacle))"
    r"(?:\s+(?:church|chapel|school|academy|hospital|parish|cathedral|catholic|elementary|high|medical"
    r"\s+center))?)"
)
"""Church dedications, which name churches, parishes, schools and hospitals on their own ("funeral
is at holy cross", "the chaplain from first baptist", "she goes to sacred heart")."""

_DEDICATION_HINTS = tuple(
    _set(
        """holy sacred lady shepherd samaritan immaculate carmel zion sinai olive baptist methodist
        presbyterian lutheran episcopal pentecostal congregational church assembly tabernacle"""
    )
)
"""Words one of which a dedication contains (a dedication is looked for only then)."""

_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|(?:sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)\.?)(?![a-z])"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_ORD = r"(?:st|nd|rd|th)"
_YEAR = r"(?:19|20)\d{2}"
_UNITS = (
    r"(?:%|percent|mg|mcg|ml|sessions?|clients?|times|min|mins|minutes|hours?|hrs?|days|weeks|months"
    r"|years|yrs|kids|people|pts|patients|points?|x)"
)
_STREET = (
    r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Way|Terrace|Ter"
    r"|Circle|Cir|Highway|Hwy|Parkway|Pkwy|Trail|Trl|Square|Sq|Alley|Pike|Loop|Row|Crescent)"
)
_STATE_ABBR = (
    r"(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM"
    r"|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC)"
)
_AGE_WORD = r"(?:ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:one|a) hundred)"
_HOLIDAYS = (
    r"(?:christmas|xmas)(?:\s+(?:eve|day))?|new\s+year'?s\s+(?:eve|day)|nye|halloween|valentine'?s(?:\s+day)?"
    r"|thanksgiving|(?:fourth|4th)\s+of\s+july|independence\s+day|juneteenth|easter(?:\s+sunday)?"
    r"|mother'?s\s+day|father'?s\s+day|memorial\s+day|labou?r\s+day|veterans'?\s+day|mlk\s+day"
    r"|presidents'?\s+day|eid(?:\s+al-(?:fitr|adha))?|diwali|rosh\s+hashanah|yom\s+kippur"
)

_I = re.IGNORECASE

_PLATFORMS = tuple(
    _set(
        """snap snapchat insta instagram ig tiktok discord roblox xbox psn steam twitch twitter reddit
        facebook fb kik telegram whatsapp fortnite minecraft threads bereal grindr tinder hinge bumble venmo
        cashapp"""
    )
)
"""Platforms after which a word "as"/"user" introduces is a username (also the regex's hints)."""

_PLATFORM_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(_PLATFORMS)) + r")\b", re.IGNORECASE)


_Check = Callable[[re.Match[str], str], "tuple[int, int] | None"]

_PERSON_SUBJECTS = _set("""she he they who grandma grandpa client pt patient""")

_NOT_STREET_NAMES = _set(
    """the a an down up on to of in my her his their from across over by at near blocks block miles mile
    minutes min mins hours hrs more other different minute hour hr mi km sec day days week weeks long short
    hard easy test each one no that this w with"""
)
"""Words that show "12 blocks down the road" is a distance, not "1423 maple ave"."""

_ORDINARY_ROADS = _NOT_STREET_NAMES | _set(
    """same other next different busy quiet wrong right own whole back side dark open country dirt gravel
    toll one-way dead-end big little old new local nearby bumpy"""
)
"""Words before "road", "street", "drive" that make an ordinary road ("on the same street")."""

_STREET_PLACE_NOUNS = _set(
    """station shelter haven store shop bridge corner apartment apartments apts house motel hotel church park
    library clinic center centre plant bar diner cafe café restaurant school office building market mall
    plaza lot garage laundromat pharmacy bank gym salon stop apt"""
)
"""Nouns after which "on 5th", "on gallatin" is a street ("the gas station on 8th and broad")."""

_STREET_NAME_WORDS = _set(
    """main broad market church park high state front water union center central maple oak elm pine cedar
    walnut chestnut spruce birch willow cherry hickory magnolia dogwood poplar sycamore locust lake hill
    river ridge sunset highland forest meadow spring mill college commerce division grand broadway"""
)
"""Ordinary words that are common street names: after "<a place> on" they are the street ("first
baptist on maple"), when nothing follows that makes them an ordinary word."""

_STREET_CUE_BEFORE = re.compile(r"\b(?:on|off|corner\s+of)\s+(?:the\s+)?$", _I)
"""What comes before a place that makes it a street, so "and X" after it can be a cross street."""

_LIVES = _set("""lives lived live living stays stayed staying""")
"""Verbs after which "on/off 5th" is where someone lives: a street."""

_NOT_A_STREET_AFTER = re.compile(r"\s+(?:floor|fl|grade|gr|period|place|row|time|street)\b", _I)
"""What makes "on 5th" a floor, a grade or an order rather than a street ("lives on 5th floor")."""

_CARE_AT = _set(
    """hospitalized hospitalised inpatient detox detoxed detoxing rehab admitted committed stabilized icu
    nicu picu housed incarcerated jailed imprisoned locked"""
)
"""Words before "at X" that make X a hospital, a treatment centre or a prison ("hospitalized at
centennial", "in ICU at skyline", "housed at bledsoe")."""

_NOT_CARE_PLACES = _set(
    """least most age home night times once twice birth school work first intake end start time risk
    baseline term midnight noon bedtime dinner lunch breakfast present moment night nights"""
)

_STORE_TAIL = re.compile(r"\s+(?:station|store|stop|truck\s+stop|warehouse|pharmacy|plant)\b", _I)
"""What may follow a brand that is one store ("near the greyhound station"): part of the place."""

_AT_STORE = _set("""at near behind outside""")
"""Words before a brand ("at/near the Hy-Vee") that make it one store, so a place."""

_SAINT_AND_FORT = _set("""st saint ft fort""")
"""Lower-case words before a found name that make it a place ("st. francis", "fort campbell")."""

_COMPASS = _set("""north south east west northeast northwest southeast southwest""")

_VIEWS = _set(
    """ocean bay lake river mountain park sea valley hill harbor harbour pleasant grand sunny forest garden
    meadow prairie bel mar vista lakeside bayside"""
)
"""What a "view" that names a neighbourhood looks at ("ocean view", "lake view")."""

_NEIGHBOURHOOD_TAILS = _set(
    """view heights hills springs gardens estates acres meadows village terrace woods creek valley ridge
    grove point landing crossing harbor harbour shores lakes falls park"""
)
"""Last words of a lower-case neighbourhood after "lives in" ("lives w/ her daughter in ocean view")."""


@dataclass(frozen=True)
class _Pattern:
    """One regular expression for one kind; ``group`` says which group is the identifier."""

    kind: str
    regex: re.Pattern[str]
    priority: int
    group: int = 0
    check: str = ""
    """Name of an extra validation in :meth:`Deidentifier._valid`, for what a regex cannot say."""
    hints: tuple[str, ...] = ()
    """Lower-case strings one of which a text must contain for the regex to be tried (for speed);
    ``"0"`` stands for any digit."""


def _p(
    kind: str,
    pattern: str,
    priority: int,
    *,
    flags: int = 0,
    group: int = 0,
    check: str = "",
    hints: tuple[str, ...] = (),
) -> _Pattern:
    return _Pattern(kind, re.compile(pattern, flags), priority, group, check, hints)


_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_SPOKEN_DIGITS = rf"\b{_DIGIT_WORD}(?:[\s,-]+{_DIGIT_WORD}){{6,15}}\b"
"""Seven or more digits said one by one ("five five five two one eight..."): dictated notes spell
phone numbers and record numbers out; no sentence of prose strings seven digit words together."""

_DIGIT_VALUES = ("zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_DIGIT_HINTS = ("zero", " oh ", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")

_ORDINAL_WORD = (
    r"(?:(?:twenty|thirty)[- ])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth"
    r"|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth"
    r"|twentieth|thirtieth"
)
"""A day of the month said as a word ("the fifteenth", "twenty-first")."""

_ORDINAL_HINTS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "teenth",
    "twentieth",
    "thirtieth",
)
"""Strings one of which a text holds when it says a day as a word (for speed)."""

_SPOKEN_NUMBER = (
    r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    rf"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty"
    rf"|ninety|hundred|thousand|{_ORDINAL_WORD})"
)

_DIRECTION = r"(?:(?<![\w'’])(?:[NS][EW]?|[EW])\.?\s+)"
"""A compass point before a numbered street ("NW 7th Avenue", "E. 55th", "n. 35th st")."""

_PATTERNS: tuple[_Pattern, ...] = (
    _p(
        "PLACE",
        rf"\b\d{{1,3}}(?:st|nd|rd|th)\s+{_STREET}\b\.?(?:\s+[NSEW](?![\w/'’])\.?)?",
        101,
        flags=_I,
        hints=("0",),
    ),
    _p("PLACE", rf"{_DIRECTION}\d{{1,3}}(?:st|nd|rd|th)\s+{_STREET}\b\.?", 101, flags=_I, hints=("0",)),
    # "friends on E. 55th": a compass point makes a bare ordinal a street, never a date
    _p(
        "PLACE",
        rf"\b(?:on|off)\s+({_DIRECTION}\d{{1,3}}(?:st|nd|rd|th))\b",
        100,
        flags=_I,
        group=1,
        hints=("0",),
    ),
    # "the 19th Precinct": a police precinct is a place
    _p("PLACE", r"\b\d{1,3}(?:st|nd|rd|th)\s+precinct\b", 102, flags=_I, hints=("precinct",)),
    # dictated numbers: "phone number is five five five two one eight nine nine zero three"
    # (seven, ten or eleven digits are a phone number, other counts a record number: see _structured)
    _p("PHONE", _SPOKEN_DIGITS, 92, flags=_I, check="spoken_digits", hints=_DIGIT_HINTS),
    # a dictated email: "tuan dot le eighty eight at gmail dot com"
    _p(
        "EMAIL",
        r"\be-?mail(?:\s+address)?(?:\s+is)?\s*:?\s+((?:[a-z0-9]+\s+){0,8}?[a-z0-9]+\s+at\s+[a-z0-9]+"
        r"(?:\s+dot\s+[a-z0-9]+)*\s+dot\s+(?:com|org|net|edu|gov|us|io))\b",
        99,
        flags=_I,
        group=1,
        hints=(" dot ",),
    ),
    _p(
        "EMAIL",
        r"\b[a-z0-9]+(?:\s+(?:dot|underscore)\s+[a-z0-9]+)*\s+at\s+[a-z0-9]+(?:\s+dot\s+[a-z0-9]+)*"
        r"\s+dot\s+(?:com|org|net|edu|gov|us|io)\b",
        98,
        flags=_I,
        hints=(" dot ",),
    ),
    # a dictated birth date: "date of birth seven twelve nineteen ninety five"
    _p(
        "DATE",
        rf"\b(?:date\s+of\s+birth|dob|d\.o\.b\.?|born\s+on|birthday\s+is)\s*(?:is\s+)?:?\s*"
        rf"({_SPOKEN_NUMBER}(?:[\s,-]+(?:{_SPOKEN_NUMBER}|of|{_MONTH})){{1,7}})\b",
        89,
        flags=_I,
        group=1,
        hints=("birth", "dob", "d.o.b", "born"),
    ),
    # days said as words: "March nineteenth", "the ninth of August", "on the fifteenth"
    _p(
        "DATE",
        rf"\b{_MONTH}\s+(?:the\s+)?(?:{_ORDINAL_WORD})\b",
        88,
        flags=_I,
        check="month_word_day",
        hints=_ORDINAL_HINTS,
    ),
    _p("DATE", rf"\b(?:the\s+)?(?:{_ORDINAL_WORD})\s+of\s+{_MONTH}", 88, flags=_I, hints=_ORDINAL_HINTS),
    _p(
        "DATE",
        rf"\b(?:on|by|since|until|till|from|before|after|due|through|thru)\s+(the\s+(?:{_ORDINAL_WORD}))\b"
        r"(?=\s*(?:[.,;!?)]|$)|\s+(?:to|and|or|at|so|but|when|he|she|they|i|we|for|is|was)\b)",
        85,
        flags=_I,
        group=1,
        hints=_ORDINAL_HINTS,
    ),
    # a name spelled out in a dictated note: "Duc Pham P H A M"
    _p("NAME", r"(?<![\w.'’-])[A-Z](?: [A-Z]){2,}(?![\w.'’-])", 61, check="spelled_name"),
    # a state university after a school word: "goes to Tennessee State", "a junior at Ohio State"
    _p(
        "PLACE",
        r"\b(?:at|attends?|attended|attending|goes\s+to|go\s+to|going\s+to|transferred\s+to|enrolled\s+(?:at|in)"
        r"|graduated\s+from|grad\s+of|accepted\s+(?:to|at|into))\s+((?:[A-Z][a-z]+\s+){1,2}(?:State|Tech)"
        r"(?:\s+(?:University|College))?)\b",
        70,
        group=1,
        hints=("state", "tech"),
    ),
    # Spanish-named shelters, clinics and churches: "Casa de Paz", "Centro de la Familia"
    _p(
        "PLACE",
        r"\b(?:Casa|Centro|Cl[ií]nica|Iglesia|Hogar|Escuela)\s+(?:de\s+(?:la\s+|los\s+|las\s+)?|del\s+)?"
        r"[A-Z][\w'’-]+",
        70,
        hints=("casa", "centro", "clinica", "clínica", "iglesia", "hogar", "escuela"),
    ),
    # the corner of two streets: "at the corner of Michigan and Schaefer", "corner of MLK and 12th"
    _p(
        "PLACE",
        r"\bcorner\s+of\s+((?:(?!and\b)[\w'’.-]+\s+){1,3}(?:and|&)\s+[\w'’-]+"
        r"(?:\s+(?:st|street|ave|avenue|rd|road|blvd|dr|drive)\b\.?)?)",
        73,
        flags=_I,
        group=1,
        check="corner",
        hints=("corner",),
    ),
    _p("URL", r"(?:https?://|www\.)[^\s<>\"'|]+", 100, flags=_I, check="url"),
    _p("EMAIL", r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", 99),
    _p(
        "URL",
        r"(?<![@\w.-])(?:[A-Za-z0-9-]+\.)+(?:com|org|net|edu|gov|io|co|us|me|ly|app|info|biz|health|ca"
        r"|uk|au|de|tv|gg|link|page|site|online)\b(?:/[^\s<>\"'|]*)?",
        98,
        flags=_I,
        check="url",
    ),
    _p("URL", r"(?<![@\w.-])(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}/[^\s<>\"'|]+", 97, check="url"),
    _p("HANDLE", r"<@[A-Z0-9]+(?:\|[^>]*)?>", 97),
    _p(
        "HANDLE",
        r"(?<![\w@./])@(?!(?:here|channel|everyone)\b)[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?",
        96,
    ),
    # a handle without "@" after a platform: "added her on snap as kenzie22", "discord w/ user xxwolfxx"
    _p(
        "HANDLE",
        r"\b(?:as|user(?:name)?|handle|acct|account|gamertag|tag|called)\s*[:=]?\s*([A-Za-z0-9][A-Za-z0-9_.]*"
        r"[A-Za-z0-9_])(?![\w@'’-])",
        96,
        flags=_I,
        group=1,
        check="platform_handle",
        hints=_PLATFORMS,
    ),
    # a Cash App $cashtag ("venmo'd me from $jmoney4040"); "$20" is money and stays
    _p("HANDLE", r"(?<![\w$])\$[A-Za-z_][A-Za-z0-9_]{2,19}\b", 96),
    _p(
        "IP",
        r"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\d|\.\d)",
        95,
    ),
    _p(
        "IP",
        r"(?<![\w:])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}|(?:[0-9A-Fa-f]{1,4}:){1,6}:"
        r"(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,5})?)(?![\w:])",
        94,
        check="ipv6",
    ),
    _p("ID", r"(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])", 93),
    _p(
        "PHONE",
        r"(?<![\w+])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-]?)\d{3}[\s.-]?\d{4}"
        r"(?:\s*(?:x|ext\.?|extension)\s*\d{1,5})?(?!\w)",
        92,
        flags=_I,
    ),
    _p("PHONE", r"(?<![\w+])\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}(?!\w)", 91, check="intl_phone"),
    _p("PHONE", r"(?<![\w.-])\d{3}[-.]\d{4}(?![\w-]|\.\d)", 90),
    # dates
    _p(
        "DATE",
        r"(?<![\d/.-])(?:\d{1,2}[/-]\d{1,2}[/-](?:\d{4}|\d{2})|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
        r"|\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2}))(?![\d/-]|\.\d)",
        89,
        check="numeric_date",
    ),
    _p(
        "DATE",
        rf"\b(?:mid-|early[- ]|late[- ])?{_MONTH}\s*(?:the\s+)?{_DAY}{_ORD}?(?!\d)(?!\s*{_UNITS}\b)"
        rf"(?:,?\s*{_YEAR}\b)?",
        88,
        flags=_I,
        check="month_day",
    ),
    _p(
        "DATE",
        rf"\b(?:the\s+)?{_DAY}({_ORD})?\s+(of\s+)?{_MONTH}(?:,?\s*{_YEAR}\b)?",
        87,
        flags=_I,
        check="day_month",
    ),
    _p("DATE", rf"\b(?:mid-)?{_MONTH},?\s+(?:of\s+)?(?:{_YEAR}|'\d\d)\b", 86, flags=_I, check="month_year"),
    _p(
        "DATE",
        rf"\b(?:on|by|since|until|till|til|'til|before|after|from|around|starting|through|thru|due|as\s+of|{_WEEKDAYS})"
        rf"\s+((?:the\s+)?{_DAY}{_ORD})\b(?!\s+(?:session|sessions|time|times|visit|appointment|appt|week"
        r"|grade|floor|day|month|year|attempt|try|one|place|ward|period|percentile|step|page|chapter|date"
        r"|birthday|round|cycle|dose|module)\b)",
        85,
        flags=_I,
        group=1,
    ),
    _p("DATE", rf"\b(?:the\s+)?{_DAY}{_ORD}\s+of\s+(?:this|next|last|the)\s+month\b", 84, flags=_I),
    # "court date is the 22nd.", "the hearing was the 3rd, so": a day said alone, closed off
    _p(
        "DATE",
        rf"\b(?:is|was|date|for)\s+(the\s+{_DAY}{_ORD})(?=\s*(?:[.,;!?)]|$)|\s+(?:at|so|but|@)\b)",
        84,
        flags=_I,
        group=1,
        hints=("0",),
    ),
    _p(
        "PLACE",
        r"\b(?:on|off)\s+(\d{1,3}(?:st|nd|rd|th)(?:\s+(?:and|&)\s+(?:\d{1,3}(?:st|nd|rd|th)|[a-z]+)"
        r"|\s+(?:st|street|ave|avenue|rd|road|blvd)\b\.?)?)(?![\w/])",
        86,
        flags=_I,
        group=1,
        check="ordinal_street",
        hints=("0",),
    ),
    _p(
        "DATE",
        r"(?<![\w/.-])(\d{1,2})/(\d{1,2})(?![\w/]|\.\d)",
        83,
        check="slash_date",
    ),
    _p(
        "DATE",
        r"\b(?:on|since|dob|d\.o\.b\.?|by|until|dated?)\s*:?\s*(\d{1,2}-\d{1,2})\b",
        82,
        flags=_I,
        group=1,
    ),
    _p("DATE", rf"\b(?:{_HOLIDAYS})(?:\s+(?:weekend|morning|night))?\b", 81, flags=_I),
    _p("DATE", rf"(?<![\d/.-])(?:0?[1-9]|1[0-2])/{_YEAR}(?![\d/])", 81),
    _p("DATE", rf"\b(?:mid-)?{_MONTH}", 80, flags=_I, check="month_alone"),
    # ages over 89
    _p(
        "AGE",
        rf"(?<![\d.$])(9\d|1[01]\d|{_AGE_WORD})(?=\s*-?\s*(?:years?|yrs?|yo\b|y/o|y\.o\.|yr\b))",
        79,
        flags=_I,
        group=1,
    ),
    _p("AGE", r"(?<![\d.$])(9\d|1[01]\d)(?=[MF]\b)", 78, group=1),
    _p(
        "AGE",
        rf"\b(aged?|age:|turned|turns|turning|she's|he's|they're|who's|i'm|im|is|was|now|both)\s+"
        rf"(?:now\s+|almost\s+|nearly\s+|about\s+|like\s+|over\s+|just\s+)?((?>9\d|1[01]\d|{_AGE_WORD}))\b"
        rf"(?!\d|[.,]\d|[%/]|\s*{_UNITS}\b|\s*(?:lbs?|pounds|kg|dollars|bpm|degrees|mph|out|of|or|to|-)\b"
        r"|\s*(?:minute|hour|second|mile|day|week|month|year|point|page|pound|dollar)\b)",
        77,
        flags=_I,
        group=2,
        check="age_after_verb",
    ),
    _p(
        "AGE",
        r"\bin\s+(?:her|his|their|my)\s+(?:early\s+|mid\s+|late\s+|mid-|late-|early-)?((?:19)?90'?s|nineties)\b",
        76,
        flags=_I,
        group=1,
    ),
    _p("AGE", r"(?<=[A-Za-z\].]),\s+(9\d|1[01]\d)(?=\s*[,;)]|\s+(?:and|who|with|w/)\b)", 75, group=1),
    _p(
        "AGE",
        rf"\(\s*(9\d|1[01]\d|{_AGE_WORD})\s*(?:y/?o|yrs?|F|M)?\s*[!?.]*\s*\)",
        75,
        flags=_I,
        group=1,
    ),
    _p("AGE", r"\b((?:9\d|1[01]\d)(?:st|nd|rd|th))\s+birthday", 75, flags=_I, group=1),
    # places that a pattern can see
    _p("PLACE", r"\bP\.?\s?O\.?\s*Box\s+\d+\b", 75, flags=_I),
    _p(
        "PLACE",
        r"(?:\b(?:in|on|from|near|to|around|of|off)\s+the\s+|\b(?:on|off)\s+(?=\w+\s+end\b)|(?<=\w['’]s\s))"
        r"((?:(?:upper|lower|far)\s+)?(?:north|south|east|west)(?:east|west)?\s*[- ]?\s*(?:end|side))\b"
        r"(?!\s+of\s+(?:her|his|my|their|your|the|its|our)\b)",
        75,
        flags=_I,
        group=1,
    ),
    _p(
        "PLACE",
        r"\b(?:(?i:rte?|route|hwy|highway|exit|interstate|state\s+route|county\s+road)\.?\s?#?"
        r"|I-|i-(?=\d\d)|US[- ]|SR[- ])"
        r"\d{1,3}[A-Za-z]?\b(?!\s*(?:%|mg|min|mins|minutes|hours?|hrs?|times|x)\b)",
        75,
    ),
    _p(
        "PLACE",
        rf"(?<![\w-])\d{{1,6}}[A-Za-z]?\s+(?:[NSEW]\.?\s+|(?:North|South|East|West)\s+)?(?:[A-Z0-9][\w'’.-]*\s+)"
        rf"{{0,3}}{_STREET}\b\.?",
        74,
    ),
    _p(
        "PLACE",
        r"(?<![\w-])\d{1,6}\s+(?:[a-z][\w'-]*\s+){1,2}(?:street|st|avenue|ave|road|rd|blvd|boulevard|lane|ln"
        r"|hwy|highway|drive|dr|pike|way|circle|cir|trail|trl|parkway|pkwy|terrace|ter)\b\.?",
        73,
        check="lower_address",
    ),
    _p(
        "PLACE",
        r"\b(?:[A-Z][\w'’-]*\s+){1,3}(?:Street|Avenue|Road|Boulevard|Lane|Drive|Highway|Parkway|Court"
        r"|Terrace|Circle|(?:St|Ave|Rd|Blvd|Ln|Hwy|Pkwy)\b\.?)(?![\w'])(?!\s*[A-Z][a-z])",
        72,
        check="named_street",
    ),
    _p(
        "PLACE",
        r"\b(?:on|off|at|near|under|behind|past|along|across)\s+(?:the\s+)?([A-Za-z][\w'-]*\s+(?:[a-z][\w'-]*\s+)?"
        r"(?:street|st|avenue|ave|road|rd|blvd|boulevard|lane|ln|pike|row|drive|dr|parkway|pkwy|circle|cir|trail"
        r"|trl|terrace|ter|pl|hwy|highway)\b(?:\s+(?:overpass|underpass|exit))?)",
        71,
        group=1,
        check="lower_street",
    ),
    _p("PLACE", r"\b(?:apt|apartment|unit|suite|ste)\.?\s*#?\s*\d+[A-Za-z]?\b", 70, flags=_I),
    _p(
        "PLACE",
        rf"\b(?:at|from|to|in|attends?|attended|attending|near|of|with)\s+(?:the\s+)?({_DEDICATIONS})\b",
        70,
        flags=_I,
        group=1,
        hints=_DEDICATION_HINTS,
    ),
    _p(
        "PLACE",
        rf"(?:\b(?:zip(?:\s*code)?|postal\s*code)\b[\s:#]*(?:is\s+)?|\b{_STATE_ABBR},?\s+)(\d{{5}}(?:-\d{{4}})?)\b",
        69,
        flags=0,
        group=1,
    ),
    _p("PLACE", r"\b(?:zip(?:\s*code)?)\b[\s:#]*(?:is\s+)?(\d{5}(?:-\d{4})?)\b", 68, flags=_I, group=1),
    # identifying numbers
    _p(
        "ID",
        r"\b(?:mrn|medical\s+record(?:\s+number)?|record|chart|case|claim|account|acct|policy|member|subscriber"
        r"|plan|group|license|licence|lic|permit|passport|dl|id|identifier|ref|reference|confirmation|conf"
        r"|invoice|ticket|badge|employee|student|inmate|booking|docket|file|ssn|social(?:\s+security)?|npi"
        r"|dea|vin|plate|serial|medicaid|medicare|insurance|voucher|ebt|card|prescription|rx|auth"
        r"|authorization)\b[\s:#.]*(?:(?:number|no|num|nbr|id|#)\b\.?[\s:#]*)*(?:is\s+|was\s+|=\s*)?"
        r"([A-Za-z0-9]*\d[A-Za-z0-9-]*\d[A-Za-z0-9-]*|[A-Za-z0-9]*\d)\b",
        67,
        flags=_I,
        group=1,
        check="cued_id",
    ),
    _p("ID", r"#\s?(\d{3,}[A-Za-z0-9-]*)", 66, group=1),
    _p("ID", r"(?<![\w$.,/-])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?![\w-]|[.,]\d)", 10, check="long_number"),
)

_NUMBER_THEN_UNIT = re.compile(rf"\s+\d{{1,4}}\s*(?:am|pm|x|wks?|mos?|{_UNITS})(?!\w)", _I)
"""A number after a place that is a time or a quantity ("county jail 2 wks"), not its number."""

_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,5}s")
"""An acronym with a plural "s" ("UAs", "SSRIs"), which otherwise looks like a capitalised word."""

_NEEDS_DIGIT = frozenset({"IP", "ID", "PHONE"})
"""Kinds whose patterns cannot match a text without a digit (skipped there, for speed)."""

_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*")
_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.\s?){1,3}(?=[\s,;:!?)]|$)")
_INITIALS_NOT_NAMES = frozenset({"U.S.", "U.K.", "D.C.", "A.M.", "P.M.", "E.R.", "P.S.", "N.B.", "I.", "A."})
_LOWER_INITIALS = re.compile(r"(?<![\w.@/])[a-z]\.[a-z]\.(?:[a-z]\.)?(?=[\s,;:!?)'’]|$)")
"""Lower-case initials with their periods ("j.r. talked", "saw a.j. today")."""
_LOWER_INITIALS_NOT_NAMES = _set(
    """e.g. i.e. a.m. p.m. p.s. n.b. u.s. u.k. d.c. e.r. o.k. o.d. r.n. b.s. m.d. p.t. o.t. c.c. v.s. a.k.a.
    b.i.d. t.i.d. q.i.d. p.r.n. q.h.s. q.d. p.o. h.s. a.c. p.c. d.o.b. w.r.t. f.y.i. r.i.p. e.t.a. t.b.d.
    a.s.a.p. s.o. b.f. g.f. p.d. i.v. i.m. s.a. d.v. c.p.s. a.a. n.a."""
)
"""Lower-case dotted abbreviations that are not initials (Latin shorthand, dosing, roles)."""
_SENTENCE_END = ".!?:;\n"
_OPENERS = " \t\"'“‘([{*_-•>"
_ABBREV_BEFORE_PERIOD = _set(
    """dr mr mrs ms mx prof st mt ft jr sr vs etc e.g i.e approx appt dept no fr rev sgt lt capt det col cpl
    pvt maj sra srta"""
)


def _fold(word: str) -> str:
    """Lower-case, straight apostrophes, accents removed: "Tomás" and "tomas" are one name."""
    word = word.replace("’", "'").lower()
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _lower(word: str) -> str:
    """Lower-case with straight apostrophes but accents kept: "Jesús" is a name, "Jesus" is not."""
    return word.replace("’", "'").lower()


def _entries(text: str) -> Iterator[str]:
    """The entries of a list file: white-space separated, ``#`` comments, ``_`` for a space."""
    for line in text.splitlines():
        body = line.split("#", 1)[0] if not line.lstrip().startswith("#") else ""
        for entry in body.split():
            yield entry.replace("_", " ")


def _read(name: str) -> str:
    """A packaged list file (importlib.resources, so it works from a wheel or a zip too)."""
    return resources.files(_DATA_PACKAGE).joinpath("data").joinpath(name).read_text(encoding="utf-8")


@dataclass(frozen=True)
class Lexicon:
    """The word lists the de-identifier consults, folded (see :func:`_fold`) into sets.

    Loaded once per process: building the sets is the only slow part (tens of milliseconds).
    """

    first_names: frozenset[str]
    surnames: frozenset[str]
    words: frozenset[str]
    """Ordinary English and clinical/chat words: a capitalised one at a sentence start is no name."""
    keep: frozenset[str]
    """Capitalised single words that are never identifiers (CBT, Monday, Christian, Zoloft...)."""
    regions: frozenset[str]
    """States, countries, continents: at least as large as a state, so kept."""
    brands: frozenset[str]
    """Apps and big employers: kept when mentioned, a PLACE when someone works there."""
    phrases: tuple[str, ...] = field(default=())
    """Multi-word keep terms ("New York"), longest first (for one alternation regex)."""
    brand_phrases: tuple[str, ...] = field(default=())
    """Multi-word brands ("Home Depot"): kept, or a PLACE after an employment cue."""
    cities: frozenset[str] = field(default=frozenset())
    """One-word towns and cities ("tucson", "durham"), folded: a PLACE in lower-case writing too."""
    city_phrases: frozenset[str] = field(default=frozenset())
    """Multi-word towns and cities, words joined by one space ("baton rouge", "st louis")."""
    major_cities: frozenset[str] = field(default=frozenset())
    """Big one-word cities, a PLACE even with no "in"/"from" before them ("chicago winters")."""

    @classmethod
    def load(cls) -> Lexicon:
        """Read every list from the package data (works from a source tree and an installed wheel)."""
        fold = _fold
        first = {fold(e) for e in _entries(_read("first_names.txt"))}
        first |= {fold(e) for e in _entries(_read("names_extra.txt"))}
        last = {fold(e) for e in _entries(_read("surnames.txt"))}
        last |= {fold(e) for e in _entries(_read("surnames_extra.txt"))}
        words = set(_entries(_read("english_words.txt")))
        words |= {fold(e) for e in _entries(_read("chat_words.txt"))}
        words -= {fold(e) for e in _entries(_read("name_words.txt"))}
        keep_all = [_lower(e) for e in _entries(_read("keep_terms.txt"))]
        brands_all = [_lower(e) for e in _entries(_read("brands.txt"))]
        regions = {_lower(e) for e in _entries(_read("regions.txt"))}
        cities = set(_entries(_read("cities.txt")))  # generated already folded, one space between words
        cities -= {fold(e) for e in keep_all} | {fold(e) for e in regions} | {fold(e) for e in brands_all}
        return cls(
            first_names=frozenset(first),
            surnames=frozenset(last),
            words=frozenset(words),
            keep=frozenset(e for e in keep_all if " " not in e),
            regions=frozenset(regions),
            brands=frozenset(e for e in brands_all if " " not in e),
            phrases=tuple(sorted({e for e in keep_all if " " in e}, key=len, reverse=True)),
            brand_phrases=tuple(sorted({e for e in brands_all if " " in e}, key=len, reverse=True)),
            cities=frozenset(c for c in cities if " " not in c),
            city_phrases=frozenset(c for c in cities if " " in c),
            major_cities=frozenset(fold(e) for e in _entries(_read("cities_major.txt"))),
        )


class _Token:
    """One word of the text, with what the classifier needs to know about it."""

    __slots__ = ("cap", "caps", "end", "low", "lower", "possessive", "sent_start", "start", "taken", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.possessive = (
            len(text) > 2 and text[-2:] in ("'s", "’s") and text[:-2].lower() not in _NOT_POSSESSIVE
        )
        if self.possessive:
            text, end = text[:-2], end - 2
        self.text = text
        self.start = start
        self.end = end
        self.lower = text.replace("’", "'").lower()
        self.low = _fold(text) if not self.lower.isascii() else self.lower
        self.caps = len(text) >= 2 and text.isupper()
        self.cap = text[0].isupper() and not self.caps
        self.sent_start = False
        self.taken = False


@dataclass(frozen=True)
class _Context:
    """A word and what surrounds it, computed once for the classifier's rules."""

    tok: _Token
    prev: _Token | None
    nxt: _Token | None
    plow: str
    p2low: str
    p3low: str
    is_word: bool
    nameish: bool
    first_name: bool
    person_cue: bool
    """The word before is a person word ("client", "her son") and not possessive."""
    employer: bool
    """The words before say someone works here ("works at", "a shift at the")."""


@dataclass
class _Span:
    start: int
    end: int
    kind: str
    priority: int


class Deidentifier:
    """Replaces identifiers in free text with typed placeholders.

    Build it once (it loads its word lists) and call :meth:`deidentify` as often as needed: it keeps
    no state between calls and is safe to share between threads.
    """

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        """Use ``lexicon`` (tests may pass a small one) or load the packaged lists."""
        self._lex = lexicon or Lexicon.load()
        self._phrase_re = _alternation(self._lex.phrases)
        self._brand_re = _alternation(self._lex.brand_phrases)
        self._word_cache: dict[str, bool] = {}
        self._near_cache: dict[str, bool] = {}
        self._city_pairs = frozenset(" ".join(p.split(" ", 2)[:2]) for p in self._lex.city_phrases)

    # ------------------------------------------------------------------ public

    def deidentify(self, text: str) -> DeidentifiedText:
        """Return ``text`` with every identifier replaced, and the list of replacements.

        Offsets in the returned redactions point into the returned text, so a caller can highlight
        the placeholders without searching for them.
        """
        if not text:
            return DeidentifiedText(text=text)
        spans = self._structured(text)
        spans += self._names_and_places(text, spans)
        return self._render(text, self._resolve(spans))

    # ------------------------------------------------------------------ structured identifiers

    def _structured(self, text: str) -> list[_Span]:
        spans: list[_Span] = []
        has_digit = any(c.isdigit() for c in text)
        lowered = text.lower()
        for pattern in _PATTERNS:
            if not has_digit and pattern.kind in _NEEDS_DIGIT and pattern.hints is not _DIGIT_HINTS:
                continue  # numbers said as words need no digit
            if pattern.hints and not any(
                has_digit if hint == "0" else hint in lowered for hint in pattern.hints
            ):
                continue
            for match in pattern.regex.finditer(text):
                start, end = match.span(pattern.group)
                if start < 0 or start == end:
                    continue
                if pattern.check:
                    checked = self._valid(pattern.check, match, text)
                    if checked is None:
                        continue
                    start, end = checked
                kind = pattern.kind
                if pattern.check == "spoken_digits" and self._spoken_digit_count(match) not in (7, 10, 11):
                    kind = "ID"  # digits said one by one that are no phone number: a record number
                spans.append(_Span(start, end, kind, pattern.priority))
        for match in _INITIALS.finditer(text):
            initials = match.group().strip()
            if initials in _INITIALS_NOT_NAMES:
                continue
            spans.append(_Span(match.start(), match.start() + len(initials), "NAME", 60))
        if "." in text:
            for match in _LOWER_INITIALS.finditer(text):
                if match.group() not in _LOWER_INITIALS_NOT_NAMES or _after_person_bracket(text, match):
                    spans.append(_Span(match.start(), match.end(), "NAME", 60))
        return _non_overlapping(spans)

    def _valid(self, check: str, match: re.Match[str], text: str) -> tuple[int, int] | None:
        """Checks a regex cannot express; returns the (possibly trimmed) span, or None to drop it."""
        method: _Check = getattr(self, f"_check_{check}")
        return method(match, text)

    def _check_url(self, match: re.Match[str], text: str) -> tuple[int, int] | None:
        value = match.group().rstrip(".,;:!?)]}'\"")
        if not value or value.lower() in self._lex.brands:
            return None
        return match.start(), match.start() + len(value)

    def _check_ipv6(self, match: re.Match[str], text: str) -> tuple[int, int] | None:
        value = match.group()
        return match.span() if value.count(":") >= 3 and any(c.isalpha() for c in value) else None

    def _check_intl_phone(self, match: re.Match[str], text: str) -> tuple[int, int] | None:
        return match.span() if 8 <= sum(c.isdigit() for c in match.group()) <= 15 else None

    def _check_numeric_date(self, match: re.Match[str], text: str) -> tuple[int, int] | None:
        pieces = re.split(r"[/.-]", match.group())
        numbers = [int(p) for p in pieces]
        month, day = (numbers[1], numbers[2]) if len(pieces[0]) == 4 else (numbers[0], numbers[1])
        return match.span() if _plausible(month, day) or _plausible(day, month) else None

    def _check_slash_date(self, match: re.Match[str], text: str) -> tuple[int, int] | None:
        first, second = int(match.group(1)), int(match.group(2))
        if not (_plausible(first, second) or _plausible(second, first)) or match.group() == "24/7":
            return None
        before = text[max(0, match.start() - 24) : match.start()].lower()
        cued = re.search(
            r"(?:\bon|\bsince|\bdob|\bby|\buntil|\bdate[d:]?|\bfrom|\bborn|\bthru)\s*:?\s*$", before
        )
        if cued:
            return match.span()
        if second in (5, 10) and first <= second:
            return None  # a rating ("SUDS 7/10", "4/5 days"), not a date
        after = text[match.end() : match.end() + 12].lower()
        if re.match(r"\s*(?:of|hours?|hrs?|cups?|miles?|tabs?|pills?|days|sessions)\b", after):
            return None  # a fraction
        return match.span()

    def _check_month_day(self, match: re.Match[str], text: str) -> tuple[int, int] | None:
        value = match.group()
        lead = re.match(r"(?:mid-|early[- ]|late[- ])?([a-z]+)", value, _I)
        word = lead.group(1) if lead else ""
        ambiguous = word in ("may", "mar", "march") and not re.search(rf"{_ORD}|\d{{4}}", value, _I)
        before = text[max(0, match.start() - 24) : match.start()].lower()
        cue = r"\b(?:on|since|by|until|till?|due|is|was|bday|birthday|dob|thru)\s*:?\s*$"
        if ambiguous and word.islower() and not re.search(cue, before):
            return None  # lower-case "may 5" or "mar 3" reads as a verb; "bday is march 3" is a date
        return match.span()

    def _check_day_month(self, match: re.Match[str], text: str) -> tuple[int, int] | None:
        if match.group(1) or match.group(2):  # an ordinal or "of": "14th March", "3 of May"
            return match.span()
        month = re.search(_MONTH, match.group(), _I)
        word = month.group() if month else ""
        if word.rstrip(".") in ("may", "mar", "march"):
            return None  # "all 5 may drop out"
        return match.span()

    def _check_month_year(self, match: re.Match[str], text: str) -> tuple[int, int] | None:
        lead = re.match(r"(?:mid-)?([a-z]+)", match.group(), _I)
        return None if lead and lead.group(1) == "may" else match.span()

    def _check_age_after_verb(self, match: re.Match[str], text: str) -> tuple[int, int] | None:
        if match.group(1).lower() in ("is", "was", "now"):
            # "is 94" is an age only when a person is the subject ("grandma is 94", not "score is 94")
            before = text[max(0, match.start() - 80) : match.start()]
            before = re.sub(r"\([^()]*\)\s*$", "", before)  # "Buddy (what he goes by) is 93"
            subject = re.search(r"(?:([\w'’]+)\s+)?([\w'’]+)\s+$", before)
            word = subject.group(2) if subject else ""
            cue = _fold(subject.group(1) or "") if subject else ""
            personal = _fold(word) in _PERSON_SUBJECTS or _fold(word) in _RELATION_CUES
            named = word[:1].isupper() and _lower(word) not in self._lex.keep
            introduced = (
                cue in _RELATION_CUES
                and word.isalpha()
                and (self._first_name(_fold(word)) or not self._is_word(_fold(word)))
            )  # "pt faith is 91", "her mom rose was 94", but "pt score is 95"
            if not (personal or named or introduced):
                return None
        return match.span(2)

    def _check_platform_handle(self, match: re.Match[str], text: str) -> tuple[int, int] | None:
        """A username after a platform: no English word or kept term, and a letter in it."""
        value = match.group(1)
        if not _PLATFORM_BEFORE.search(text, max(0, match.start() - 60), match.start()):
            return None
        low = _fold(value)
        if len(value) < 4 or not any(ch.isalpha() for ch in value) or low in _FUNCTION_WORDS:
            return None
        marked = any(ch.isdigit() or ch in "_." for ch in value)
        if not marked and (self._is_word(low) or self._kept(_lower(value)) or self._misspelt(low)):
            return None  # "on snap as well", "user on tiktok as usual"
        return match.span(1)

    def _check_cued_id(self, match: re.Match[str], text: str) -> tuple[int, int] | None:
        ident = match.group(1)
        if (
            sum(c.isdigit() for c in ident) < 3
            or re.fullmatch(_YEAR, ident)
            or _lower(ident) in self._lex.keep
            or ident == "504"  # "plan: 504 mtg": Section 504, a school accommodation plan, not a number
        ):
            return None
        return match.span(1)

    def _check_long_number(self, match: re.Match[str], text: str) -> tuple[int, int] | None:
        value = match.group()
        if sum(c.isdigit() for c in value) < 5 or re.fullmatch(rf"{_YEAR}-(?:{_YEAR}|\d\d)", value):
            return None
        return match.span()

    @staticmethod
    def _spoken_digit_count(match: re.Match[str]) -> int:
        """How many digits a run of digit words says; 0 for counting aloud ("one two three four...")."""
        values = [_DIGIT_VALUES.index(w.lower()) for w in re.findall(_DIGIT_WORD, match.group(), _I)]
        values = [max(0, v - 1) for v in values]  # "zero" and "oh" are both 0
        counting = all(b - a == 1 for a, b in itertools.pairwise(values))
        return 0 if counting else len(values)

    def _check_spoken_digits(self, match: re.Match[str], text: str) -> tuple[int, int] | None:
        """Seven or more digits said one by one, unless it is counting aloud."""
        return match.span() if self._spoken_digit_count(match) else None

    def _check_month_word_day(self, match: re.Match[str], text: str) -> tuple[int, int] | None:
        """ "March nineteenth" is a date; lower-case "may first" is a verb unless a date cue precedes."""
        word = match.group().split()[0].lower().rstrip(".")
        if word in ("may", "mar", "march") and match.group()[0].islower():
            before = text[max(0, match.start() - 24) : match.start()].lower()
            if not re.search(
                r"\b(?:on|since|by|until|till?|due|is|was|bday|birthday|dob|thru)\s*:?\s*$", before
            ):
                return None
        return match.span()

    def _check_spelled_name(self, match: re.Match[str], text: str) -> tuple[int, int] | None:
        """Capitals spelled one by one ("P H A M") that spell a word of the same text, or follow
        "spelled": a dictated name's spelling is the name. "A B C" (a sequence) is not."""
        letters = match.group().replace(" ", "")
        if all(ord(b) - ord(a) == 1 for a, b in itertools.pairwise(letters)):
            return None
        spelled = re.search(
            r"\bspell(?:ed|s|ing)?\s*:?\s*$", text[max(0, match.start() - 16) : match.start()], _I
        )
        said = re.search(rf"(?<!\w){letters}(?!\w)", text, _I)
        return match.span() if spelled or said else None

    def _check_corner(self, match: re.Match[str], text: str) -> tuple[int, int] | None:
        """ "corner of X and Y" names two streets, unless X is "the room", "her eye" or Y a small word."""
        words = match.group(1).split()
        first, last = words[0].lower(), words[-1].lower().rstrip(".")
        if words[-1].lower().rstrip(".") in (
            "st",
            "street",
            "ave",
            "avenue",
            "rd",
            "road",
            "blvd",
            "dr",
            "drive",
        ):
            last = words[-2].lower()
        if first in _FUNCTION_WORDS or first in _DETERMINERS or first.endswith(("'s", "’s")):
            return None
        if last in _FUNCTION_WORDS or last in _DETERMINERS or last in _NOT_STREET_NAMES:
            return None
        return match.span(1)

    def _check_lower_address(self, match: re.Match[str], text: str) -> tuple[int, int] | None:
        inner = match.group().split()[1:-1]
        return None if any(w.lower() in _NOT_STREET_NAMES for w in inner) else match.span()

    def _check_named_street(self, match: re.Match[str], text: str) -> tuple[int, int] | None:
        start, end = match.span()
        words = match.group().split()
        while words and (_fold(words[0]) in _FUNCTION_WORDS or _lower(words[0]) in self._lex.keep):
            start = text.index(words[0], start) + len(words[0])  # drop "On" from "On Elm Street"
            while start < end and text[start].isspace():
                start += 1
            words = words[1:]
        return (start, end) if len(words) >= 2 else None

    def _check_lower_street(self, match: re.Match[str], text: str) -> tuple[int, int] | None:
        """A lower-case street of one or two words ("on harding pike", "on lick creek rd").

        A two-word name whose first word makes an ordinary road ("on the old mill rd") keeps only
        its last word and the street word ("mill rd"), as the one-word rule always did.
        """
        words = match.group(1).lower().split()
        two = len(words) >= 3 and words[2] not in ("overpass", "underpass", "exit")
        start, end = match.span(1)
        if two:
            head = words[0]
            if head in _FUNCTION_WORDS or head in _DETERMINERS or head in _ORDINARY_ROADS:
                start = match.start(1) + match.group(1).index(match.group(1).split()[1], len(head))
                words = words[1:]
            elif words[1] in _FUNCTION_WORDS or words[1] in _DETERMINERS:
                return None  # "at least an hr drive"
        first_word, street = words[0], words[1]
        if first_word in _FUNCTION_WORDS or first_word in _DETERMINERS or first_word in _ORDINARY_ROADS:
            return None  # "on the road", "on my street", "on the same street"
        if first_word.endswith(("'s", "’s")) or first_word in _RELATION_CUES:
            return None  # "near her mom's street"
        if street == "row" and first_word == "death":
            return None  # "on death row"
        if street in ("hwy", "highway") and first_word in _set(
            "main interstate state county federal divided"
        ):
            return None  # "on the main highway"
        if street in ("dr", "drive"):
            after = re.match(r"\.?\s+([A-Za-z']+)", text[match.end(1) :])
            if street == "drive" and first_word in _NOT_STREET_NAMES | _set("test car long short"):
                return None  # "a test drive"
            named = after is not None and (
                self._nameish(_fold(after.group(1))) or not self._is_word(_fold(after.group(1)))
            )
            if named and after is not None and after.group(1).lower() not in _FUNCTION_WORDS:
                return None  # "at clinic dr. jones": a doctor, not a drive
        while tail := re.match(r"\s+([a-z]+)\b", text[end : end + 20]):
            if tail.group(1) not in _PLACE_TAILS and tail.group(1) not in _INSTITUTION_WORDS:
                break
            end += tail.end()  # "at the pine street shelter"
        return start, end

    def _check_ordinal_street(self, match: re.Match[str], text: str) -> tuple[int, int] | None:
        before = re.search(r"([\w'’]+)\s+$", text[max(0, match.start() - 30) : match.start()])
        if before is None:
            return None
        head = before.group(1).lower().replace("’", "'").removesuffix("'s")
        lex = self._lex
        if head in _STREET_PLACE_NOUNS or head in _INSTITUTION_WORDS or head in lex.brands:
            return match.span(1)  # "the gas station on 8th", "walmart on 5th"
        if head in _LIVES and not _NOT_A_STREET_AFTER.match(text, match.end(1)):
            return match.span(1)  # "still lives off 5th and elm", but "lives on 5th floor"
        return None

    def _check_month_alone(self, match: re.Match[str], text: str) -> tuple[int, int] | None:
        return self._month_alone(match, text)

    def _month_alone(self, match: re.Match[str], text: str) -> tuple[int, int] | None:
        """A month with no day: a date element under Safe Harbor, but only when it is a month.

        January, July... are always months. March, May, April, June, August (and abbreviations)
        are also names or verbs, so they count as dates only after "in/since/last/...", or, for a
        capitalised March, anywhere. The name logic still catches "April said".
        """
        value = match.group()
        word = value.lower().removeprefix("mid-").rstrip(".")
        if value.lower().startswith("mid-"):
            return match.span()
        prev = re.search(r"([A-Za-z]+)\W{0,2}$", text[max(0, match.start() - 20) : match.start()])
        prev_word = prev.group(1).lower() if prev else ""
        cued = prev_word in _DATE_PREPS or re.search(
            r"(?:end|beginning|start|middle)\s+of\s+$", text[max(0, match.start() - 20) : match.start()], _I
        )
        if word in _MONTHS_UNAMBIGUOUS:
            return match.span()
        if word in ("sept", "oct", "nov", "feb", "aug") and value[0].isupper():
            return match.span()
        if word == "march" and value[0].isupper():
            return match.span()
        if word in ("may", "march", "april", "june", "august", "jan", "dec", "apr", "jun", "jul", "mar"):
            if not cued:
                return None
            if (
                word in ("may", "march", "mar")
                and value.islower()
                and prev_word
                not in (
                    "in",
                    "since",
                    "until",
                    "till",
                    "last",
                    "next",
                    "early",
                    "mid",
                    "late",
                    "of",
                    "through",
                )
            ):
                return None
            after = text[match.end() : match.end() + 12]
            if re.match(r"\s+(?:" + "|".join(sorted(_SPEECH_VERBS)) + r")\b", after):
                return None  # "...since April said" is a person
            return match.span()
        return match.span() if cued else None

    # ------------------------------------------------------------------ names and places

    def _is_word(self, low: str) -> bool:
        """Whether a folded word is ordinary vocabulary (directly, by inflection, or hyphenated)."""
        cached = self._word_cache.get(low)
        if cached is not None:
            return cached
        words = self._lex.words
        result = low in words
        if not result and "'" in low:
            head, _, tail = low.partition("'")
            result = tail in _CONTRACTION_TAILS and (
                head in words or head in _FUNCTION_WORDS or head + "n" in words
            )
            if not result and tail == "t" and head.endswith("n"):
                stem = head[:-1]  # "doesn't", "isn't", "hadn't": the list has "does", not "doesn"
                result = stem in words or stem in _FUNCTION_WORDS
        if not result and "-" in low:
            result = all(part in words or not part for part in low.split("-"))
        if not result:
            for suffix, repl in (
                ("'s", ""),
                ("s", ""),
                ("es", ""),
                ("ed", ""),
                ("ed", "e"),
                ("d", ""),
                ("ing", ""),
                ("ing", "e"),
                ("ly", ""),
                ("er", ""),
                ("ers", ""),
                ("ness", ""),
                ("ment", ""),
                ("ful", ""),
            ):
                if low.endswith(suffix) and len(low) - len(suffix) >= 3:
                    stem = low[: -len(suffix)] + repl
                    if stem in words or (len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in words):
                        result = True
                        break
        if len(self._word_cache) < 50_000:
            self._word_cache[low] = result
        return result

    def _nameish(self, low: str) -> bool:
        lex = self._lex
        if low in lex.first_names or low in lex.surnames:
            return True
        if "-" not in low:
            return False
        return all(p in lex.first_names or p in lex.surnames for p in low.split("-"))

    def _first_name(self, low: str) -> bool:
        """A listed first name, or a hyphenated one made of names ("mary-kate", "jean-luc").

        Double first names are common (Irish, French, Korean, Vietnamese, Latinx) and no list can
        hold every pairing, so a pair counts when both halves are names and one is a first name.
        """
        first = self._lex.first_names
        if low in first:
            return True
        if "-" not in low:
            return False
        parts = low.split("-")
        surnames = self._lex.surnames
        return any(p in first for p in parts) and all(p in first or p in surnames for p in parts)

    def _kept(self, low: str) -> bool:
        lex = self._lex
        if low in lex.keep or low in lex.regions or low in lex.brands:
            return True
        if "-" not in low:
            return False
        # "Korean-speaking", "Muslim-majority": a kept term joined to ordinary, non-name words
        parts = low.split("-")
        kept = [p in lex.keep or p in lex.regions for p in parts]
        return any(kept) and all(
            k or (self._is_word(_fold(p)) and not self._nameish(_fold(p)))
            for p, k in zip(parts, kept, strict=True)
        )

    def _particle_surname(self, tok: _Token) -> bool:
        """Whether "al-Hashimi"-style word is a surname: a capitalised or unknown part after the prefix."""
        tail = tok.text.split("-", 1)[1]
        return len(tail) >= 3 and tail.isalpha() and (tail[0].isupper() or not self._is_word(_fold(tail)))

    def _names_and_places(self, text: str, taken: list[_Span]) -> list[_Span]:
        tokens = [_Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
        if not tokens:
            return []
        protected, employers = self._phrases(text)
        _mark_taken(tokens, taken + employers)
        _mark_sentence_starts(tokens, text)
        initials_ends = {s.end for s in taken if s.kind == "NAME"}

        kinds: list[str | None] = [None] * len(tokens)
        for i, tok in enumerate(tokens):
            if tok.taken or tok.start in protected:
                continue
            kinds[i] = self._classify(tokens, i, text, initials_ends)

        self._cities(tokens, kinds, text, protected)
        self._neighbourhoods(tokens, kinds, text, protected)
        self._lower_institutions(tokens, kinds, text, protected)
        place_spans = {s.end: s.start for s in taken if s.kind == "PLACE"}
        self._streets_after_places(tokens, kinds, text, protected, place_spans)
        self._named_venues(tokens, kinds, text, protected)
        self._extend_runs(tokens, kinds, text, protected)
        self._nicknames(tokens, kinds, text, protected)
        self._propagate(tokens, kinds, protected, text)
        return employers + self._token_spans(tokens, kinds, text)

    def _cities(self, tokens: list[_Token], kinds: list[str | None], text: str, protected: set[int]) -> None:
        """Towns and cities from the gazetteer, which matter most where writing is lower-case.

        A multi-word city is a PLACE when one of its words is not ordinary English ("daly city"),
        when it is capitalised mid-sentence ("in Garden Grove"), or after "in/from/near..." ("in
        baton rouge"). A one-word city is a PLACE in lower case when it is not an English word or a
        first name and a location word precedes it ("in durham"), or when it is a big city
        ("chicago's"); capitalised, an English-word city counts only after such a word ("in Bend").
        """
        lex = self._lex
        pairs = self._city_pairs
        cities = lex.cities
        n = len(tokens)
        i = 0
        while i < n:
            tok = tokens[i]
            low = tok.low
            in_heads = i + 1 < n and f"{low} {tokens[i + 1].low}" in pairs
            if not in_heads and (kinds[i] is not None or low not in cities):
                i += 1
                continue
            if tok.taken or tok.start in protected:
                i += 1
                continue
            prev = tokens[i - 1] if i > 0 and _adjacent(text, tokens[i - 1], tok) else None
            if prev is not None and prev.low in _COMPASS and prev.text.islower() and i > 1:
                prev = tokens[i - 2] if _adjacent(text, tokens[i - 2], prev) else None  # "in south memphis"
            if prev is not None and prev.low == "of" and prev.text.islower() and i > 1:
                # "the farm outside of cookeville": "outside of" is a location word as "outside" is
                side = tokens[i - 2] if _adjacent(text, tokens[i - 2], prev) else None
                prev = side if side is not None and side.low in _OUTSIDE_OF else None
            cued = prev is not None and prev.low in _CITY_CUES and not prev.possessive
            matched = self._city_phrase(tokens, i, text, protected, cued) if in_heads else 0
            if matched:
                for k in range(i, i + matched):
                    kinds[k] = "PLACE"
                i += matched
                continue
            if kinds[i] is None and len(low) >= 4 and low in lex.cities and not self._kept(tok.lower):
                if tok.text.islower():
                    plain = not self._is_word(low) and not self._first_name(low)
                    if plain and (cued or tok.possessive or low in lex.major_cities):
                        kinds[i] = "PLACE"  # "in durham", "chicago's south side", "tucson"
                    elif (
                        cued
                        and prev is not None
                        and prev.low in _LOWER_PLACE_CUES
                        and low in lex.major_cities
                        and self._first_name(low)
                    ):
                        kinds[i] = "PLACE"  # "flew in from phoenix": a big city that is a name and a word
                elif (
                    tok.cap
                    and not tok.sent_start
                    and cued
                    and prev is not None
                    and prev.text.islower()
                    and prev.low != "to"
                    and low not in _GENERIC_PLACE_WORDS
                    and low not in _CITY_PHRASES_NOT_PLACES
                ):
                    kinds[i] = "PLACE"  # "her sister in Bend"
            i += 1

    def _neighbourhoods(
        self, tokens: list[_Token], kinds: list[str | None], text: str, protected: set[int]
    ) -> None:
        """Lower-case neighbourhoods the gazetteer lacks, after "in/from/near...": "in little saigon"
        ("little" and a country, a city or a word that is no English word), and, after someone
        lives or grew up somewhere, two words ending in a word like "view" or "heights" ("lives w/
        her daughter in ocean view")."""
        lex = self._lex
        for i in range(1, len(tokens) - 1):
            prev, tok, nxt = tokens[i - 1], tokens[i], tokens[i + 1]
            if kinds[i] is not None or prev.low not in _CITY_CUES or prev.possessive:
                continue
            if tok.taken or nxt.taken or tok.start in protected or nxt.start in protected:
                continue
            if not (tok.text.islower() and nxt.text.islower()) or tok.possessive:
                continue
            if not (_adjacent(text, prev, tok) and _adjacent(text, tok, nxt)):
                continue
            if tok.low == "little":
                foreign = not self._is_word(nxt.low) and not self._first_name(nxt.low)
                named = nxt.low in lex.regions or nxt.low in lex.cities or nxt.lower in lex.keep
                named = named or nxt.low in ("village", "italy")  # "in little village", "little italy"
                if len(nxt.low) >= 4 and nxt.low not in _FUNCTION_WORDS and (named or foreign):
                    kinds[i] = kinds[i + 1] = "PLACE"  # "in little saigon", "from little havana"
                continue
            if nxt.low not in _NEIGHBOURHOOD_TAILS or kinds[i + 1] not in (None, "PLACE"):
                continue
            if nxt.low == "view" and tok.low not in _VIEWS:
                continue  # "ocean view", but "in plain view"
            if tok.low in _FUNCTION_WORDS or tok.low in _DETERMINERS or tok.low in _ORDINARY_ROADS:
                continue
            if tok.low in _GENERIC_PLACE_WORDS or tok.low in _RELATION_CUES:
                continue
            if any(t.low in _PLACE_VERBS for t in tokens[max(0, i - 6) : i - 1]):
                kinds[i] = kinds[i + 1] = "PLACE"

    def _streets_after_places(
        self,
        tokens: list[_Token],
        kinds: list[str | None],
        text: str,
        protected: set[int],
        place_spans: dict[int, int],
    ) -> None:
        """The street a found place is on: "the kroger on gallatin", "first baptist on maple".

        After a place (or a noun like "station", "shelter") and "on", a word that is no English
        word, a town's name, a capitalised word, or a common street name ("maple", "main") followed
        by nothing that makes it an ordinary word is the street. The same holds for the second
        street of a corner ("on west end and broadway"). A brand with a street ("the cvs on harding
        pl", "the mapco on charlotte") is one store, so a place itself.
        """
        lex = self._lex
        n = len(tokens)
        place_starts = set(place_spans.values())
        for i in range(2, n):
            on, tok, head = tokens[i - 1], tokens[i], tokens[i - 2]
            if on.low not in ("on", "off", "and") or tok.start in protected or tok.possessive:
                continue
            if not (_adjacent(text, head, on) and _adjacent(text, on, tok)):
                continue
            corner = on.low == "and"
            brand = (
                not corner
                and kinds[i - 2] is None
                and not head.taken
                and (head.lower in lex.brands or (head.possessive and head.lower + "'s" in lex.brands))
            )
            if corner:
                placed = self._street_ends_at(tokens, kinds, i - 2, text, place_spans)
            else:
                placed = (
                    brand
                    or kinds[i - 2] == "PLACE"
                    or head.end in place_spans
                    or head.end + 2 in place_spans
                    or head.low in _STREET_PLACE_NOUNS
                )
            if not placed:
                continue
            if tok.taken or kinds[i] is not None:
                if brand and (kinds[i] == "PLACE" or tok.start in place_starts):
                    kinds[i - 2] = "PLACE"  # "cvs on [harding pl]"
                elif brand and kinds[i] == "NAME" and tok.cap and not tok.sent_start:
                    kinds[i - 2] = kinds[i] = "PLACE"  # "H-E-B on Nolana": what a store is on is a street
                continue
            low = tok.low
            if len(low) < 3 or low in _FUNCTION_WORDS or low in _DETERMINERS:
                continue
            if self._kept(tok.lower) or re.match(_WEEKDAYS, low) or re.match(_MONTH, low):
                continue
            nxt = tokens[i + 1] if i + 1 < n else None
            ends = (
                nxt is None
                or not _adjacent(text, tok, nxt)
                or nxt.low in _FUNCTION_WORDS
                or nxt.low in _PLACE_TAILS
            )
            if tok.cap and not tok.sent_start:
                street = True
            elif tok.text.islower():
                # a town's name is a street after a place, not after a brand ("target on sale")
                town = low in lex.cities and not brand
                street = (not self._is_word(low) and not self._misspelt(low)) or town
                street = street or (low in _STREET_NAME_WORDS and ends)
            else:
                street = False
            if street:
                kinds[i] = "PLACE"
                if brand:
                    kinds[i - 2] = "PLACE"

    def _street_ends_at(
        self, tokens: list[_Token], kinds: list[str | None], k: int, text: str, place_spans: dict[int, int]
    ) -> bool:
        """Whether word ``k`` ends a place that is a street ("on west end", "off 8th"): a place
        right after "on", "off" or "corner of", so that "and <word>" after it is the cross street."""
        head = tokens[k]
        if head.end in place_spans:
            start = place_spans[head.end]
        elif kinds[k] == "PLACE":
            first = k
            while first > 0 and kinds[first - 1] == "PLACE":
                first -= 1
            start = tokens[first].start
        else:
            return False
        return _STREET_CUE_BEFORE.search(text, max(0, start - 16), start) is not None

    def _city_phrase(self, tokens: list[_Token], i: int, text: str, protected: set[int], cued: bool) -> int:
        """How many words of a multi-word city start at word ``i`` (0 when none counts).

        A city made only of English words ("garden grove", "cross country") needs a location word
        before it that cannot start a verb phrase: "in", "from", "near"..., or "to" after a verb of
        moving ("moved to cedar rapids", not "wants to cut off contact").
        """
        for size in (3, 2):
            if i + size > len(tokens):
                continue
            run = tokens[i : i + size]
            key = " ".join(t.low for t in run)
            if key not in self._lex.city_phrases:
                continue
            if any(t.taken or t.start in protected or t.caps for t in run[1:]) or any(
                t.possessive for t in run[:-1]
            ):
                continue
            if not all(_adjacent(text, a, b, allow_dot=True) for a, b in itertools.pairwise(run)):
                continue
            distinctive = any(not self._is_word(t.low) and t.low not in _FUNCTION_WORDS for t in run)
            titled = all(t.cap for t in run) and not run[0].sent_start
            if distinctive or titled:
                return size
            if cued and run[0].low != "the" and key not in _CITY_PHRASES_NOT_PLACES:
                prev, before = tokens[i - 1].low, tokens[i - 2].low if i > 1 else ""
                if prev not in ("to", "into", "toward", "towards", "via") or before in _MOVED:
                    return size
        return 0

    def _lower_institutions(
        self, tokens: list[_Token], kinds: list[str | None], text: str, protected: set[int]
    ) -> None:
        """Lower-case schools, clinics, churches, cafés and apartments: "at oak ridge elementary".

        Capitalised ones are found word by word; in lower case a name is made of ordinary words,
        so it counts when it closes with an institution word, follows "at/from/to/in (the)", and
        has a word before the institution word that is not generic ("the community center" stays).
        A saint's name after such a word is a church or school too ("AA at st. mark's").
        """
        n = len(tokens)
        for s in range(1, n):
            tok = tokens[s]
            low = tok.low
            weak = low in _WEAK_INSTITUTION_WORDS
            if low not in _INSTITUTION_WORDS and not weak and low not in ("st", "saint"):
                continue
            if not tok.text.islower() or tok.taken or tok.start in protected:
                continue
            if low in ("st", "saint") and s + 1 < n:
                after = tokens[s + 1]
                prev = tokens[s - 1]
                if (
                    _adjacent(text, prev, tok)
                    and prev.low in _INSTITUTION_CUES
                    and _adjacent(text, tok, after, allow_dot=True)
                    and after.text.islower()
                    and (after.possessive or self._first_name(after.low))
                ):
                    kinds[s] = kinds[s + 1] = "PLACE"  # "at st. mark's", "to st jude"
                continue
            if tok.low not in _INSTITUTION_WORDS and not weak:
                continue
            first = s
            while first - 1 >= 0 and s - first < 3:
                m = tokens[first - 1]
                if not (m.text.islower() and _adjacent(text, m, tokens[first])) or m.taken or m.possessive:
                    break
                if m.start in protected or m.low in _FUNCTION_WORDS or m.low in _DETERMINERS:
                    break
                if m.low in _RELATION_CUES or m.low in _INSTITUTION_CUES:
                    break
                first -= 1
            if first == s or first == 0:
                continue
            before = tokens[first - 1]
            if not _adjacent(text, before, tokens[first]) or before.possessive:
                continue
            cued = before.low in _INSTITUTION_CUES or (
                before.low == "the"
                and first >= 2
                and tokens[first - 2].low in _INSTITUTION_CUES
                and _adjacent(text, tokens[first - 2], before)
            )
            if not cued and not text[: tokens[first].start].endswith("("):
                continue
            modifiers = tokens[first:s]
            if all(m.low in _GENERIC_PLACE_WORDS or m.low in _PLACE_SUFFIXES for m in modifiers):
                continue  # "at the community center", "in high school"
            if weak and all(self._is_word(m.low) for m in modifiers):
                continue  # "at the book club", "near the bus station"
            if (
                before.low == "to"
                and len(modifiers) == 1
                and self._is_word(modifiers[0].low)
                and not self._nameish(modifiers[0].low)
                and modifiers[0].low not in self._lex.cities
            ):
                continue  # "urge to use high", "wants to feel central": "to" before a verb
            for k in range(first, s + 1):
                kinds[k] = "PLACE"

    def _phrases(self, text: str) -> tuple[set[int], list[_Span]]:
        """Multi-word terms: words inside kept phrases ("New York"), and brands that are employers.

        Returns the start offsets of protected words, and PLACE spans for brand names that follow
        an employment or location cue ("works at Home Depot").
        """
        starts: set[int] = set()
        employers: list[_Span] = []
        for regex, brand in ((self._phrase_re, False), (self._brand_re, True)):
            if regex is None:
                continue
            for match in regex.finditer(text):
                if brand:
                    before = re.findall(
                        r"[a-z'’-]+", text[max(0, match.start() - 30) : match.start()].lower()
                    )
                    last = before[-1] if before else ""
                    second = before[-2] if len(before) > 1 else ""
                    cue_before = second in _EMPLOYER_VERBS or second in _AT_STORE
                    if (
                        last in _AT_STORE
                        or last in _EMPLOYER_VERBS
                        or (last in ("the", "for", "from") and cue_before)
                    ):  # "works at Home Depot", "jumped behind the dollar general"
                        tail = _STORE_TAIL.match(text, match.end())
                        end = tail.end() if tail else match.end()
                        employers.append(_Span(match.start(), end, "PLACE", 55))
                        continue
                for word in _TOKEN.finditer(match.group()):
                    starts.add(match.start() + word.start())
        return starts, employers

    def _classify(self, tokens: list[_Token], i: int, text: str, initials_ends: set[int]) -> str | None:
        """NAME, PLACE or None for one word, from the word itself and its neighbours."""
        c = self._context(tokens, i, text)
        tok, low, lex = c.tok, c.tok.low, self._lex
        titled = (
            c.prev is not None and c.plow in _TITLES and (c.plow != "miss" or c.prev.cap) and not c.prev.taken
        )  # "ridgecrest dr near": a street's "dr" is no title
        verb_after_role = c.plow in _ROLE_TITLES and (low in _SPEECH_VERBS or (c.is_word and not c.nameish))
        if c.prev is not None and c.prev.text.islower() and text[c.prev.end : tok.start] == " ":
            # "the dr office", "dr appt": an undotted lower-case title before an ordinary word
            verb_after_role = verb_after_role or (c.is_word and not c.nameish and len(low) >= 3)
        if (
            titled
            and low not in _FUNCTION_WORDS
            and low not in _TITLES
            and not tok.caps
            and not verb_after_role
        ):
            return "NAME"  # "Dr. Okafor", "Ms. Brown", "mr nguyen" ("lt. col. ramirez": the name)
        if low in _FUNCTION_WORDS:
            person = c.first_name and low not in _PRONOUNS
            if person and low in ("will", "may") and c.plow in _NOUN_PREPS:
                ends = c.nxt is None or c.nxt.low in _FUNCTION_WORDS or tok.possessive
                if ends:
                    return "NAME"  # "worried about will.": after "about" a modal cannot stand
            if person and not tok.cap and _PERSON_PAREN.match(text, tok.end):
                return "NAME"  # "will (15) came in"
            if person and not tok.cap and self._bracketed_after_cue(tokens, i, text):
                return "NAME"  # "son (will)"
            if person and not tok.cap and self._set_off_person(tokens, i, text):
                return "NAME"  # "wife's bf from college, will, keeps showing up"
            if not (person and tok.cap and (tok.possessive or self._person_follows(tokens, i, text))):
                return None  # "She said" is a pronoun; "Will's mom", "May said" are people
        after_initial = tok.start in initials_ends or any(tok.start - e in (1, 2) for e in initials_ends)
        if after_initial and tok.cap and not self._kept(tok.lower) and (not c.is_word or c.nameish):
            return "NAME"  # "J. Smith"
        naming = c.prev is not None and (c.plow in _NAMING_CUES or (c.p2low, c.plow) in _NAMING_PAIRS)
        if c.plow == "pronounced" and c.prev is not None and text[: c.prev.start].rstrip().endswith("("):
            return "NAME"  # "Aisling (pronounced ash-ling)": the sound of a name is the name
        plausible = tok.cap or not c.is_word or c.first_name  # not "her name is important"
        quoted = (
            i > 0
            and tokens[i - 1].low in _QUOTED_NAME_CUES
            and text[tokens[i - 1].end : tok.start] in (" '", ' "', " ‘", " “")
            and text[tok.end : tok.end + 1] in ("'", '"', "’", "”")
        )
        naming = naming or quoted  # "(prefers 'oki')", "calls herself \"Lu\""
        if naming and plausible and low not in _RELATION_CUES and (c.first_name or not self._kept(tok.lower)):
            return "NAME"  # "named Jaxon", "goes by Emeka", "aka Bart", "a guy named tito"
        if tok.caps or (len(tok.text) == 1 and tok.text.isupper()):
            return self._classify_acronym(tokens, i, text, c)
        if _PLURAL_ACRONYM.fullmatch(tok.text) and not c.person_cue:
            return None  # "weekly UAs", "two IEPs": an acronym's plural, not a name
        if tok.possessive and tok.lower + "'s" in lex.brands:
            return "PLACE" if c.employer or self._at_store(c) else None  # "at chili's", "a shift at denny's"
        if tok.cap and c.first_name and self._appositive_name(tokens, i, text):
            return "NAME"  # "came in with her RA, Jordan.": a first name set off after "her <role>"
        if self._kept(tok.lower):
            if (
                self._workplace_cue(c)
                and tok.lower in lex.keep
                and not c.is_word
                and not re.match(_WEEKDAYS, low)
                and not re.match(_MONTH, low)
            ):
                return "PLACE"  # "a nurse at vanderbilt": a measure's namesake is a hospital too
            if tok.lower in lex.brands and (c.employer or self._at_store(c)):
                return "PLACE"  # "works at Walmart", "parks at the Safeway": one store, one place
            if tok.lower in lex.regions and c.first_name and self._person_follows(tokens, i, text):
                return "NAME"  # "Georgia said", "Virginia's mom"
            return None
        if tok.cap:
            return self._classify_capitalised(tokens, i, text, c)
        return self._classify_lower(tokens, i, text, c)

    @staticmethod
    def _workplace_cue(c: _Context) -> bool:
        """Whether the words before say where someone studies or works: "a nurse at", "coworkers
        from" (where one's coworkers are from is one's work)."""
        studies = c.plow == "at" and c.p2low in _AT_ROLES
        return studies or (c.plow in ("at", "from") and c.p2low in _WORKMATES)

    @staticmethod
    def _at_store(c: _Context) -> bool:
        """Whether a brand follows "at/near (the)": one store, so a place ("near to the Hy-Vee")."""
        return c.plow in _AT_STORE or (c.plow == "the" and (c.p2low in _AT_STORE or c.p3low == "near"))

    def _context(self, tokens: list[_Token], i: int, text: str) -> _Context:
        tok = tokens[i]
        prev = tokens[i - 1] if i > 0 and _adjacent(text, tokens[i - 1], tok, allow_dot=True) else None
        prev2 = tokens[i - 2] if prev is not None and i > 1 and _adjacent(text, tokens[i - 2], prev) else None
        prev3 = tokens[i - 3].low if prev2 is not None and i > 2 else ""
        nxt = tokens[i + 1] if i + 1 < len(tokens) and _adjacent(text, tok, tokens[i + 1]) else None
        plow = prev.low if prev else ""
        p2low = prev2.low if prev2 else ""
        employer = plow in _EMPLOYER_VERBS or (
            plow in ("at", "for", "from", "the") and p2low in _EMPLOYER_VERBS
        )
        employer = employer or (plow == "the" and p2low == "at" and prev3 in _EMPLOYER_VERBS)
        return _Context(
            tok=tok,
            prev=prev,
            nxt=nxt,
            plow=plow,
            p2low=p2low,
            p3low=prev3,
            is_word=self._is_word(tok.low),
            nameish=self._nameish(tok.low),
            first_name=self._first_name(tok.low),
            person_cue=(prev is not None and plow in _RELATION_CUES and not prev.possessive)
            or (text[tok.end : tok.end + 1] == ")" and self._bracketed_after_cue(tokens, i, text)),
            employer=employer,
        )

    @staticmethod
    def _appositive_name(tokens: list[_Token], i: int, text: str) -> bool:
        """Whether word ``i`` follows "her/his/their <person word>," ("her RA, Jordan"): the name of
        that person even when it is also a country or a word ("his sponsor, Hope")."""
        if i < 2 or text[tokens[i - 1].end : tokens[i].start] != ", ":
            return False
        role, owner = tokens[i - 1], tokens[i - 2]
        return (
            role.low in _APPOSITIVE_ROLES
            and not role.possessive
            and owner.low in _POSSESSIVE_PRONOUNS
            and _adjacent(text, owner, role)
        )

    def _bracketed_after_cue(self, tokens: list[_Token], i: int, text: str) -> bool:
        """A word alone in brackets right after a person word: "clt (MK)", "her son (Deshawn)"."""
        if i == 0 or text[tokens[i].end : tokens[i].end + 1] != ")":
            return False
        prev = tokens[i - 1]
        return (
            text[prev.end : tokens[i].start] in ("(", " (")
            and prev.low in _RELATION_CUES
            and not prev.possessive
            and not tokens[i].possessive
        )

    def _classify_acronym(self, tokens: list[_Token], i: int, text: str, c: _Context) -> str | None:
        """Short all-caps words and single letters are acronyms, unless a cue says otherwise."""
        tok = c.tok
        if tok.lower in self._lex.keep or tok.text in ("I", "A"):
            return None
        if c.person_cue and len(tok.text) <= 3:
            return "NAME"  # "client JR", "pt M"
        if tok.caps and len(tok.text) <= 3 and _ACRONYM_PERSON_PAREN.match(text, tok.end):
            return "NAME"  # "DW (8th grader at hillcrest)", "JT (15yo) said"
        nxt = c.nxt
        initials = (tok.caps or len(tok.text) == 1) and len(tok.text) <= 3 and nxt is not None
        if (
            initials
            and nxt is not None
            and (nxt.low in _INITIALS_VERBS or (tok.possessive and nxt.low in _RELATION_CUES))
        ):
            return "NAME"  # "MK cancelled", "JT's mom"
        if tok.caps and len(tok.text) >= 3 and c.first_name and tok.lower not in self._lex.regions:
            if not c.is_word and len(tok.text) >= 4:
                return "NAME"  # "ADWOA", "KWAME": shouted names are not acronyms
            if self._person_follows(tokens, i, text):
                return "NAME"  # "JOY missed again"
            pair = nxt is not None and nxt.caps and self._nameish(nxt.low) and not self._kept(nxt.lower)
            if pair and not c.is_word:
                return "NAME"  # "AMY LEE"
        place_verb = c.plow in ("to", "in", "from") and c.p2low in _PLACE_VERBS
        at_place = c.plow in ("at", "attends", "attended", "into") or (c.plow, c.p2low) == ("the", "at")
        if tok.caps and (at_place or place_verb):
            return "PLACE"  # "a student at UCLA", "moved to NYC"
        return None

    def _classify_lower(self, tokens: list[_Token], i: int, text: str, c: _Context) -> str | None:
        """Lower-case words: names only from the name lists or a strong cue ("pt jose", "cl grace asked")."""
        low = c.tok.low
        if (
            c.person_cue
            and not c.is_word
            and len(low) >= 2
            and low not in _TITLES
            and (c.nameish or not self._misspelt(low))
        ):
            return "NAME"  # "pt jaxon", but not "called supervisor immediatly" or "mom sra. gómez"
        if low.startswith(_HYPHEN_PARTICLES) and self._particle_surname(c.tok):
            return "NAME"  # "al-Hashimi", "el-sayed"
        if low.startswith("o'") and len(low) >= 5 and low[2:].isalpha() and low != "o'clock":
            return "NAME"  # "o'sullivan", "o'hara": an Irish surname, lower-case in a quick note
        if (
            c.person_cue
            and c.first_name
            and low not in _RELATION_CUES
            and low not in _DETERMINERS
            and low not in _FUNCTION_WORDS
            and _INITIAL_AFTER.match(text, c.tok.end)
        ):
            return "NAME"  # "pt hunter d. relapsed": a word-name with a surname's initial after a person word
        if len(low) == 1:
            return "NAME" if self._lower_initial(tokens, i, text, c) else None
        ordinary = low in _RELATION_CUES or low in _DETERMINERS
        if c.first_name and not ordinary:
            if self._bracketed_after_cue(tokens, i, text):
                return "NAME"  # "wife (joy)", "son (jaylen)": alone in brackets after a person word
            client = c.prev is not None and c.plow in _CLIENT_CUES and not c.prev.possessive
            if client and _NAME_THEN_BREAK.match(text, c.tok.end):
                return "NAME"  # "clt hope - SI passive": a label after "clt" is the client's name
            if c.person_cue and (_IS_A_ROLE.match(text, c.tok.end) or _IS_THE_ROLE.match(text, c.tok.end)):
                return "NAME"  # "grandson art is the main caregiver"
            if self._set_off_person(tokens, i, text):
                return "NAME"  # "his oldest, rich, hasnt talked to him"
        if (
            c.plow == "the"
            and len(low) >= 5
            and low.endswith("s")
            and low[:-1] in self._lex.surnames
            and low not in self._lex.surnames
            and not c.is_word
            and not self._is_word(low[:-1])
        ):
            return "NAME"  # "sessions w/ the nguyens": a family by its surname
        if (
            c.first_name
            and low not in _RELATION_CUES
            and low not in _DETERMINERS
            and _PERSON_PAREN.match(text, c.tok.end)
        ):
            return "NAME"  # "bill (72)", "pat (they/them)", "mercy (new intake)"
        if c.person_cue and c.first_name and self._person_follows(tokens, i, text):
            return "NAME"
        if not c.is_word and len(low) >= 3 and self._person_bracket(c.tok, text) and not self._misspelt(low):
            return "NAME"  # "okwudili (prefers 'oki')", "zainab (17) says": a name the lists lack
        if (
            c.person_cue
            and c.first_name
            and c.plow in _KIN
            and c.nxt is not None
            and c.nxt.low in _BE_VERBS
            and not ordinary
        ):
            return "NAME"  # "foster mom sherry is supportive", "his wife faith was there"
        if c.first_name and not c.is_word and len(low) >= 3:
            return "NAME"
        subject = c.prev is None or c.tok.sent_start or c.plow in _CLAUSE_OPENERS
        speaks = c.nxt is not None and c.nxt.low in _SPEECH_VERBS and c.nxt.low not in _BE_VERBS
        if c.first_name and speaks and subject:
            return "NAME"  # "then amber said", "crystal told me"
        if c.first_name and subject and not ordinary and self._and_person(tokens, i, text):
            return "NAME"  # "grace and her wife came in", "mark & i did a chain analysis"
        if c.first_name and subject and not ordinary and _IS_A_ROLE.match(text, c.tok.end):
            return "NAME"  # "faith is a youth pastor": only a person is a pastor
        kin = (
            c.tok.possessive and c.nxt is not None and (c.nxt.low in _RELATION_CUES or c.nxt.low in _PERSONAL)
        )
        if c.first_name and kin and not ordinary:
            return "NAME"  # "hope's mom called", "frank's appt": only a person has a mom or an appt
        if c.first_name and not ordinary and _AGE_AFTER_NAME.match(text, c.tok.end):
            return "NAME"  # "grace, 34, came in": an age set off after a word marks a person
        told = c.plow in _TELL_VERBS and c.prev is not None and not c.tok.possessive
        if c.first_name and told and not ordinary and len(low) >= 3 and _OBJECT_ENDS.match(text, c.tok.end):
            return "NAME"  # "told frank i was worried", "texted grace abt the time change"
        if (
            c.first_name
            and (len(low) >= 3 or not c.is_word)
            and low not in _RELATION_CUES
            and low not in _DETERMINERS
            and _MET_WITH.search(text, max(0, c.tok.start - 30), c.tok.start)
        ):
            return "NAME"  # "session w/ grace today": who a session is with is a person
        if (c.tok.lower in self._lex.brands or not c.is_word) and c.employer:
            return "PLACE"  # "works at target"
        if self._workplace_cue(c) and not c.is_word and len(low) >= 3:
            return "PLACE"  # "a sophomore at ucla", "a nurse at kaiser", "coworkers from vandy"
        if (
            c.plow == "at"
            and c.p2low in _CARE_AT
            and len(low) >= 3
            and not c.tok.possessive
            and low not in _FUNCTION_WORDS
            and low not in _DETERMINERS
            and low not in _GENERIC_PLACE_WORDS
            and low not in _NOT_CARE_PLACES
            and low not in _RELATION_CUES
        ):
            return "PLACE"  # "hospitalized at centennial": where one is hospitalized is a hospital
        if c.plow in ("called", "named") and c.p2low in _PLACE_KINDS and not c.is_word:
            return "PLACE"  # "a small town called cedarburg"
        if (
            c.plow == "the"
            and c.nxt is not None
            and c.nxt.low in _AREA_WORDS
            and not c.is_word
            and len(low) >= 4
            and not self._misspelt(low)
            and not c.tok.possessive
        ):
            return "PLACE"  # "from the mcgavock area": an unlisted word that names an area
        moved = c.p2low in _PLACE_VERBS or (c.p2low in ("back", "up", "out") and c.p3low in _PLACE_VERBS)
        if not c.is_word and c.plow in ("to", "in", "from") and moved:
            return "PLACE"  # "moved back to fresno"
        if (
            c.plow in ("in", "near", "outside")
            and (c.p2low in _STREET_PLACE_NOUNS or c.p2low in _INSTITUTION_WORDS)
            and len(low) >= 4
            and (c.nxt is None or c.nxt.low in _FUNCTION_WORDS or c.nxt.low in _CLAUSE_OPENERS)
            and (
                (low in self._lex.cities and low not in _CITY_PHRASES_NOT_PLACES and low not in _SEASONS)
                or (
                    not c.is_word
                    and not c.first_name
                    and not low.endswith(_DRUG_ENDINGS)
                    and not self._misspelt(low)
                )
            )
        ):
            return "PLACE"  # "the clinic in hohenwald", "the library in waverly": the town it is in
        institution = c.nxt is not None and c.nxt.low in _PLACE_SUFFIXES and len(low) >= 3
        if institution and not c.is_word and c.plow not in _DETERMINERS:
            return "PLACE"  # "lincoln high"
        if (
            c.plow in _LOWER_PLACE_CUES
            and not c.is_word
            and len(low) >= 4
            and c.prev is not None
            and not c.prev.possessive
            and not low.endswith(_DRUG_ENDINGS)
            and ("-" in low or low.endswith(_TOPONYM_ENDINGS) or low in self._lex.surnames)
            and not self._misspelt(low)
        ):
            return "PLACE"  # "like 800 ppl in millbrook", "the one in bed-stuy", "a sophomore at georgetown"
        return None

    @staticmethod
    def _person_bracket(tok: _Token, text: str) -> bool:
        """Whether a bracket after an unlisted word says it is a person: pronouns, a client note, an
        age with "yo" or "f", a grade, or a bare number followed by a verb of speech ("(17) says");
        a bare number alone is as often a score ("moca (24)")."""
        match = _PERSON_PAREN.match(text, tok.end)
        if match is None:
            return False
        if not _BARE_NUMBER_PAREN.fullmatch(match.group()):
            return True
        after = re.match(r"\s*([\w'’-]+)", text[match.end() : match.end() + 20])
        return after is not None and after.group(1).lower() in _SPEECH_VERBS

    def _set_off_person(self, tokens: list[_Token], i: int, text: str) -> bool:
        """A word set off by commas after a person word and before a verb: "his oldest, rich, hasnt
        called", "her bf from college, will, keeps texting"."""
        tok = tokens[i]
        if i == 0 or i + 1 >= len(tokens) or "," not in text[tokens[i - 1].end : tok.start]:
            return False
        nxt = tokens[i + 1]
        if text[tok.end : nxt.start].strip() != "," or nxt.low not in _SPEECH_VERBS or tok.possessive:
            return False
        return any(t.low in _RELATION_CUES for t in tokens[max(0, i - 4) : i])

    def _lower_initial(self, tokens: list[_Token], i: int, text: str, c: _Context) -> bool:
        """A lone lower-case letter with a period where a person stands: "k. (clt) told me",
        "termination w/ t. went ok", "pt r. said"."""
        tok = tokens[i]
        if tok.low in ("i", "a") or text[tok.end : tok.end + 1] != "." or tok.possessive:
            return False
        if text[tok.end + 1 : tok.end + 2].isalnum() or (tok.start and text[tok.start - 1] in "./"):
            return False  # "e.g", "w/"
        after = text[tok.end + 1 :]
        if re.match(r"\s*\((?:clt|cl|pt|client|patient)\)", after, _I) or _bracketed_person(
            text, tok.start, tok.end + 1
        ):
            return True  # "k. (clt) told me", "clt (j.) said"
        if c.person_cue or _MET_WITH.search(text, max(0, tok.start - 30), tok.start):
            return True
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            nxt is not None
            and text[tok.end : nxt.start] == ". "
            and nxt.text.islower()
            and nxt.low in self._lex.surnames
            and not self._is_word(nxt.low)
        ):
            return True  # "pt (m. abernathy)": an initial before a surname
        subject = c.prev is None or tok.sent_start or c.plow in _CLAUSE_OPENERS
        return (
            subject
            and tok.low != "k"  # "k." is "ok"
            and nxt is not None
            and text[tok.end : nxt.start] == ". "
            and nxt.low in _SPEECH_VERBS
            and nxt.low not in _VERB_ADVERBS
        )

    def _misspelt(self, low: str) -> bool:
        """Whether a word that is not in the lists is one typing slip from one that is ("sesion").

        Trainees type fast; a slip must not turn a word into a name or a place. A slip is one letter
        dropped, added, changed or two swapped; words under five letters are too short to tell.
        """
        cached = self._near_cache.get(low)
        if cached is not None:
            return cached
        words = self._lex.words
        result = False
        if len(low) >= 5 and low.isalpha():
            letters = "abcdefghijklmnopqrstuvwxyz"
            splits = [(low[:k], low[k:]) for k in range(len(low) + 1)]
            candidates = itertools.chain(
                (a + b[1:] for a, b in splits if b),
                (a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1),
                (a + c + b[1:] for a, b in splits if b for c in letters),
                (a + c + b for a, b in splits for c in letters),
            )
            result = any(w != low and len(w) >= 4 and w in words for w in candidates)
        if len(self._near_cache) < 20_000:
            self._near_cache[low] = result
        return result

    def _classify_capitalised(self, tokens: list[_Token], i: int, text: str, c: _Context) -> str | None:
        """Capitalised words: mid-sentence a capital is evidence; at a sentence start it is not."""
        tok, is_word, nameish = c.tok, c.is_word, c.nameish
        plow, p2low = c.plow, c.p2low
        place_context = plow in _LOCATION_PREPS or (
            plow == "to" and (p2low in _PLACE_VERBS or p2low in ("back", "referred", "transferred", "into"))
        )
        suffix_follows = self._next_is_suffix(tokens, i)
        if tok.sent_start:
            if is_word and not nameish:
                return "PLACE" if suffix_follows else None
            if is_word:
                return "NAME" if self._person_follows(tokens, i, text) else None
            if len(tok.low) < 2:
                return None
            return "PLACE" if suffix_follows else "NAME"
        if c.person_cue:
            return "NAME"
        if plow == "the" and p2low in ("at", "from", "near") and not nameish:
            return "PLACE"  # "at the Salvation Army shelter"
        if is_word and plow in _DETERMINERS and not self._person_follows(tokens, i, text):
            return None  # "this Summer", "a Grace period"
        if plow == "at" and (not is_word or nameish or suffix_follows or len(tok.low) > 2):
            return "PLACE"  # "at Mercy General", "at Central Piedmont"
        if place_context and (not is_word or p2low in _PLACE_VERBS):
            return "PLACE" if not c.first_name or p2low in _PLACE_VERBS else "NAME"
        if suffix_follows:
            return "PLACE"
        located = place_context or plow in ("over", "around", "to")
        if (
            located
            and "-" in tok.text
            and not nameish
            and all(part[:1].isupper() for part in tok.text.split("-"))
        ):
            return "PLACE"  # "over in Fox-Chase", "moved to Spring-Garden"
        if tok.low.startswith(_HYPHEN_PARTICLES) and self._particle_surname(tok):
            return "NAME"  # "Al-Amin"
        if is_word and not nameish:
            return None  # emphasis: "my Safety Plan"
        return "NAME"

    def _next_is_suffix(self, tokens: list[_Token], i: int) -> bool:
        """Whether the next word(s) close an institution or street name ("Lincoln High")."""
        for j in (i + 1, i + 2):
            if j >= len(tokens):
                return False
            nxt = tokens[j]
            if not (nxt.cap or nxt.caps):
                return False
            if nxt.low in _PLACE_SUFFIXES and not (
                nxt.low in ("home", "house", "way", "place") and j == i + 1
            ):
                return True
            generic = tokens[i].low in _GENERIC_PLACE_WORDS or tokens[i].low in _VENUE_GENERIC
            if nxt.cap and nxt.low in _VENUE_WORDS and not generic:
                return True  # "Golden Spoon Diner", not "the Sports Bar"
        return False

    def _person_follows(self, tokens: list[_Token], i: int, text: str) -> bool:
        """Whether what comes right after word ``i`` makes it a person ("Hope said", "Will's")."""
        tok = tokens[i]
        if tok.possessive:
            return True
        if _PAREN_AGE.match(text, tok.end):
            return True  # "hope (17) said": an age in brackets follows a person
        if i + 1 >= len(tokens):
            return False
        nxt = tokens[i + 1]
        gap = text[tok.end : nxt.start]
        if gap.strip() not in ("", ",", "(", "-", "—", "&"):
            return False
        if gap.strip() == "(":
            return True  # "River (they/them)"
        nlow = nxt.low
        if self._and_person(tokens, i, text):
            return True  # "Mark and I did a chain analysis", "Mercy and her sister"
        if gap.strip() == "&":
            return False
        if nlow == "from" and self._first_name(tok.low) and _FROM_GROUP.match(text, nxt.end):
            return True  # "Ray from the Thurs group"
        if nlow in _SPEECH_VERBS:
            return True
        if nlow in _BE_VERBS and i + 2 < len(tokens):
            after = tokens[i + 2]
            alow = after.low
            verb_form = alow.endswith(("ing", "ed")) and alow not in _ING_NOUNS
            if verb_form or alow in ("been", "being", "still", "not", "never", "always"):
                return True
            if re.match(r"\s+\d", text[nxt.end : nxt.end + 3]):
                return True  # "Joy is 34"
        if nlow == "and" and i + 2 < len(tokens):
            other = tokens[i + 2]
            if other.cap and other.low in self._lex.first_names and not self._kept(other.lower):
                return True
        if nxt.cap and not self._kept(nxt.lower) and not gap.strip():
            return (nlow in self._lex.surnames or not self._is_word(nlow)) and nlow not in _PLACE_SUFFIXES
        return False

    def _and_person(self, tokens: list[_Token], i: int, text: str) -> bool:
        """Whether word ``i`` is followed by "and I" or "and her <relative>" ("& his dad")."""
        if i + 2 >= len(tokens):
            return False
        gap = text[tokens[i].end : tokens[i + 1].start].strip()
        if gap == "&":
            k = i + 1
        elif not gap and tokens[i + 1].low == "and":
            k = i + 2
        else:
            return False
        other = tokens[k]
        if other.low in ("i", "me") and other.start - tokens[k - 1].end <= 2:
            return True
        return other.low in _AND_PERSON and k + 1 < len(tokens) and tokens[k + 1].low in _RELATION_CUES

    def _adjective_kept(self, tok: _Token) -> bool:
        """A kept capitalised word that can stand inside an institution's name: a nationality, a
        faith, a people or a state ("Korean", "Christian", "Navajo", "Tennessee"), not a title, a
        role, a weekday or a month ("Dr", "Client", "Friday")."""
        low = tok.low
        if low in _TITLES or low in _RELATION_CUES or re.match(_WEEKDAYS, low) or re.match(_MONTH, low):
            return False
        return not self._is_word(low)

    def _kept_before_institution(self, tokens: list[_Token], j: int, text: str) -> bool:
        """Whether kept word ``j`` (and at most one more capitalised word) is followed by an
        institution's last word, so that it is inside the name ("Hmong American Clinic")."""
        if not self._adjective_kept(tokens[j]):
            return False
        for k in (j + 1, j + 2):
            if k >= len(tokens) or not _adjacent(text, tokens[k - 1], tokens[k]) or not tokens[k].cap:
                return False
            if _closes_institution(tokens[k]):
                return True
        return False

    def _named_venues(
        self, tokens: list[_Token], kinds: list[str | None], text: str, protected: set[int]
    ) -> None:
        """Capitalised words before a venue or programme word name it: "the Tin Cup bar", "the
        Golden Dragon restaurant", "Flanagan's Pub", "the Willow Creek IOP".

        The words may be ordinary English ("Tin", "Cup", "Willow"): mid-sentence capitals before
        "bar" or "IOP" are a name, where a client drinks or is treated. Runs made only of generic
        or kept words stay ("the Sports Bar", "the Irish pub", "the Adult IOP").
        """
        for v in range(1, len(tokens)):
            head = tokens[v]
            if head.low not in _VENUE_WORDS and head.low not in _PROGRAM_WORDS:
                continue
            if head.low in _PROGRAM_WORDS and not head.caps:
                continue
            k = v - 1
            while k >= 0 and v - k <= 3:
                t = tokens[k]
                if not t.cap or t.taken or t.start in protected or t.low in _FUNCTION_WORDS:
                    break
                if not _adjacent(text, t, tokens[k + 1]) or (t.possessive and k != v - 1):
                    break
                if kinds[k] not in (None, "NAME", "PLACE"):
                    break
                k -= 1
            run = tokens[k + 1 : v]
            if not run or (len(run) == 1 and run[0].sent_start):
                continue
            after = tokens[v + 1] if v + 1 < len(tokens) and _adjacent(text, head, tokens[v + 1]) else None
            if (
                after is not None
                and after.text.islower()
                and after.low not in _FUNCTION_WORDS
                and after.low not in _VENUE_FOLLOWERS
                and after.low not in _SPEECH_VERBS
            ):
                continue  # "her Safety Plan bar chart": the venue word is part of another noun
            if not any(
                not self._kept(t.lower) and t.low not in _GENERIC_PLACE_WORDS and t.low not in _VENUE_GENERIC
                for t in run
            ):
                continue
            for x in range(k + 1, v):
                kinds[x] = "PLACE"
            if head.cap and not self._kept(head.lower) and not head.taken and head.start not in protected:
                kinds[v] = "PLACE"

    def _nicknames(
        self, tokens: list[_Token], kinds: list[str | None], text: str, protected: set[int]
    ) -> None:
        """A first name alone in brackets right after a found name is a nickname: "patrick (paddy)
        o'sullivan", "Santiago (Santi) Morales"."""
        for i in range(1, len(tokens)):
            tok, prev = tokens[i], tokens[i - 1]
            if kinds[i] is not None or kinds[i - 1] != "NAME" or tok.taken or tok.start in protected:
                continue
            if text[prev.end : tok.start] != " (" or text[tok.end : tok.end + 1] != ")" or tok.possessive:
                continue
            if self._first_name(tok.low) and not self._kept(tok.lower) and tok.low not in _FUNCTION_WORDS:
                kinds[i] = "NAME"

    def _extend_runs(
        self, tokens: list[_Token], kinds: list[str | None], text: str, protected: set[int]
    ) -> None:
        """Grow each found name or place over its neighbours ("Maria Gonzalez", "UC Davis", "Lincoln High").

        A run becomes a PLACE when it ends in an institution or street word.
        """
        n = len(tokens)
        i = 0
        while i < n:
            if kinds[i] is None:
                i += 1
                continue
            start = i
            end = i
            # extend right
            j = i + 1
            while (
                j < n
                and _adjacent(text, tokens[j - 1], tokens[j], allow_dot=True)
                and (not tokens[j - 1].possessive or _institution(tokens[j]))
            ):
                tok = tokens[j]
                if tok.taken or tok.start in protected:
                    break
                low = tok.low
                if kinds[j] is not None:
                    end = j
                elif ((tok.cap or tok.caps) and low in _PLACE_SUFFIXES) or (tok.cap and low in _VENUE_WORDS):
                    end = j
                    kinds[start] = "PLACE"
                elif tokens[j - 1].possessive and tok.text.islower() and low in _VENUE_WORDS:
                    end = j  # "murphy's tap": a found name's bar is a place
                    kinds[start] = "PLACE"
                elif (
                    tok.cap
                    and kinds[i] == "PLACE"
                    and self._kept(tok.lower)
                    and self._kept_before_institution(tokens, j, text)
                ):
                    end = j  # "[Hmong] American Clinic", "[Redeemed] Christian Church"
                elif (
                    (tok.cap and low in _NAME_SUFFIXES)
                    or (tok.cap and low.rstrip(".") in _NAME_SUFFIXES)
                    or (
                        tok.cap
                        and not self._kept(tok.lower)
                        and (self._nameish(low) or not self._is_word(low))
                    )
                ):
                    end = j
                elif (
                    tok.cap
                    and not self._kept(tok.lower)
                    and kinds[i] == "PLACE"
                    and not tok.sent_start
                    and low not in _RELATION_CUES
                ):
                    end = j  # "Long Beach", "Salt Lake City", but not "in Joplin Sponsor is named"
                elif kinds[i] == "PLACE" and tok.text.islower() and low in _PLACE_TAILS:
                    end = j  # "bernal heights", "westfield middle", "riverside clinic"
                elif (
                    not tok.cap
                    and not tok.caps
                    and not tokens[j - 1].cap
                    and low in self._lex.surnames
                    and not self._is_word(low)
                ):
                    end = j  # "maria gonzalez"
                elif (
                    kinds[i] == "NAME"
                    and len(tok.text) == 1
                    and tok.text.islower()
                    and tok.text != "i"
                    and text[tok.end : tok.end + 1] == "."
                    and text[tokens[j - 1].end : tok.start] == " "
                ):
                    end = j  # "ahmad k.": a surname's initial after a found name
                elif low in _NAME_PARTICLES and kinds[i] == "NAME":
                    m = j
                    while (
                        m + 1 < n
                        and tokens[m].low in _NAME_PARTICLES
                        and _adjacent(text, tokens[m], tokens[m + 1])
                    ):
                        m += 1
                    head = tokens[m]
                    if m == j or tokens[m - 1].end + 3 < head.start or head.low in _NAME_PARTICLES:
                        break
                    if not (head.cap or head.caps) or self._kept(head.lower):
                        break
                    end = m  # "Pieter van der Berg", "Jose dela Cruz", "Ana dos Santos"
                    j = m
                elif (
                    tok.caps
                    and tokens[j - 1].caps
                    and kinds[i] == "NAME"
                    and self._nameish(low)
                    and not self._kept(tok.lower)
                    and low not in _FUNCTION_WORDS
                    and (low in self._lex.surnames or not self._is_word(low))
                ):
                    end = j  # "ADWOA ASANTE", "PRIYA SHAH"
                elif low.startswith(_HYPHEN_PARTICLES) and kinds[i] == "NAME" and self._particle_surname(tok):
                    end = j  # "Yusuf al-Hashimi"
                elif (
                    low == "of"
                    and kinds[i] == "PLACE"
                    and j + 1 < n
                    and tokens[j + 1].cap
                    and not self._kept(tokens[j + 1].lower)
                    and _adjacent(text, tok, tokens[j + 1])
                ):
                    end = j + 1  # "Sunrise of Fairfax"
                    j += 1
                else:
                    break
                j += 1
            # extend left over capitalised words that are part of the same name
            k = start - 1
            while (
                k >= 0
                and _adjacent(text, tokens[k], tokens[k + 1], allow_dot=True)
                and not tokens[k].possessive
            ):
                tok = tokens[k]
                if tok.taken or tok.start in protected or kinds[k] is not None:
                    break
                low = tok.low
                if tok.caps and tok.lower not in self._lex.keep and len(tok.text) <= 4:
                    start = k  # "UC Davis"
                elif (
                    tok.cap
                    and low
                    in (
                        "st",
                        "saint",
                        "mt",
                        "fort",
                        "port",
                        "lake",
                        "san",
                        "santa",
                        "los",
                        "las",
                    )
                ) or (tok.cap and not self._kept(tok.lower) and self._nameish(low) and not tok.sent_start):
                    start = k
                elif tok.cap and tok.sent_start and self._nameish(low) and not self._kept(tok.lower):
                    start = k  # "Hope Adeyemi is new"
                elif (
                    tok.cap
                    and kinds[start] == "PLACE"
                    and self._kept(tok.lower)
                    and any(_closes_institution(tokens[x]) for x in range(start, end + 1))
                    and self._adjective_kept(tok)
                ):
                    start = k  # "Korean [Presbyterian Church]", "Tennessee [State University]"
                elif tok.text.islower() and low in _SAINT_AND_FORT and kinds[start] in ("NAME", "PLACE"):
                    start = k  # "out of st. francis", "from fort campbell": a saint's or a fort's place
                    kinds[k] = "PLACE"
                elif (
                    tok.text.islower()
                    and low in _COMPASS
                    and (kinds[start] == "PLACE" or (k > 0 and tokens[k - 1].low in _CITY_CUES))
                ):
                    start = k  # "in east nashville", "lives in south memphis"
                    kinds[k] = "PLACE"
                elif (
                    not tok.cap
                    and not tok.caps
                    and not tokens[start].cap
                    and kinds[start] == "NAME"
                    and low not in _FUNCTION_WORDS
                    and self._nameish(low)
                    and not self._is_word(low)
                ):
                    start = k  # "li wei": a lower-case given name before a found one
                else:
                    break
                k -= 1
            kind = "PLACE" if "PLACE" in (kinds[x] for x in range(start, end + 1)) else kinds[i]
            for x in range(start, end + 1):
                kinds[x] = kind
            i = end + 1

    def _propagate(
        self, tokens: list[_Token], kinds: list[str | None], protected: set[int], text: str
    ) -> None:
        """Replace every other mention of a found name too, so the story stays consistent.

        A name that is also a word ("Hope") spreads only to capitalised mentions that are not
        followed by a word that makes them ordinary ("Hope this helps").
        """
        found: dict[str, str] = {}
        lower_found: set[str] = set()
        for tok, kind in zip(tokens, kinds, strict=True):
            if kind is not None and len(tok.low) >= 2:
                found.setdefault(tok.low, kind)
                if kind == "NAME" and tok.text.islower():
                    lower_found.add(tok.low)
        if not found:
            return
        for i, tok in enumerate(tokens):
            if kinds[i] is not None or tok.taken or tok.start in protected:
                continue
            kind = found.get(tok.low)
            if kind is None or tok.caps:
                continue
            if self._kept(tok.lower) and not self._person_follows(tokens, i, text):
                continue  # "Georgia said she moved to Georgia": the state stays
            if self._is_word(tok.low):
                if not tok.cap:
                    seen = i > 0 and tokens[i - 1].low in _SEE_VERBS and _adjacent(text, tokens[i - 1], tok)
                    nxt_tok = tokens[i + 1] if i + 1 < len(tokens) else None
                    acts = (
                        nxt_tok is not None
                        and nxt_tok.low in _SPEECH_VERBS
                        and nxt_tok.low not in _VERB_ADVERBS
                        and tok.low not in _FUNCTION_WORDS
                        and not tok.possessive
                        and _adjacent(text, tok, nxt_tok)
                    )
                    prev_tok = tokens[i - 1] if i > 0 else None
                    cued = (
                        prev_tok is not None
                        and prev_tok.low in _RELATION_CUES
                        and not prev_tok.possessive
                        and _adjacent(text, prev_tok, tok)
                        and tok.low not in _FUNCTION_WORDS
                    )
                    if tok.text.islower() and tok.low in lower_found and (seen or acts or cued):
                        kinds[i] = kind  # "grace and her wife ... i only see grace", "his wife dawn ... dawn"
                    continue
                nxt = tokens[i + 1].low if i + 1 < len(tokens) else ""
                if nxt in _FUNCTION_WORDS and nxt not in _SPEECH_VERBS and nxt not in ("and", "is", "was"):
                    continue
            kinds[i] = kind

    def _token_spans(self, tokens: list[_Token], kinds: list[str | None], text: str) -> list[_Span]:
        spans: list[_Span] = []
        i = 0
        n = len(tokens)
        while i < n:
            kind = kinds[i]
            if kind is None:
                i += 1
                continue
            j = i
            while (
                j + 1 < n
                and kinds[j + 1] == kind
                and (not tokens[j].possessive or _institution(tokens[j + 1]))
                and _adjacent(text, tokens[j], tokens[j + 1], allow_dot=True)
            ):
                j += 1
            start, end = tokens[i].start, tokens[j].end
            if kind == "PLACE":
                number = re.match(r"\s+\d{1,4}\b", text[end:])
                if number and not _NUMBER_THEN_UNIT.match(text, end):
                    end += number.end()  # "Gallery 37"
            if text[start:end].lower() in ("st", "st."):
                i = j + 1
                continue
            spans.append(_Span(start, end, kind, 50))
            i = j + 1
        return spans

    # ------------------------------------------------------------------ output

    def _resolve(self, spans: list[_Span]) -> list[_Span]:
        return sorted(_non_overlapping(spans), key=lambda s: s.start)

    def _render(self, text: str, spans: list[_Span]) -> DeidentifiedText:
        numbers: dict[str, dict[str, int]] = {kind: {} for kind in KINDS}
        parts: list[str] = []
        redactions: list[Redaction] = []
        position = 0
        length = 0
        for span in spans:
            original = text[span.start : span.end]
            number = self._number_for(numbers[span.kind], span.kind, original)
            placeholder = f"[{span.kind}-{number}]"
            between = text[position : span.start]
            parts.append(between)
            length += len(between)
            parts.append(placeholder)
            redactions.append(Redaction(span.kind, placeholder, original, length, length + len(placeholder)))
            length += len(placeholder)
            position = span.end
        parts.append(text[position:])
        return DeidentifiedText(text="".join(parts), redactions=tuple(redactions))

    def _number_for(self, seen: dict[str, int], kind: str, original: str) -> int:
        """The placeholder number for ``original``: reused for the same thing said again."""
        key = _key(kind, original)
        if key in seen:
            return seen[key]
        number = seen.get(key)
        if kind in ("NAME", "PLACE"):
            parts = [p for p in key.split() if _shared_part(p)]
            for part in parts:
                if part in seen:
                    number = seen[part]
                    break
        if number is None:
            number = 1 + len(set(seen.values()))
        seen[key] = number
        if kind in ("NAME", "PLACE"):
            for part in key.split():
                if _shared_part(part):
                    seen.setdefault(part, number)
        return number


# ----------------------------------------------------------------------------- helpers


def _shared_part(part: str) -> bool:
    """Whether a word of a name or place makes another mention with it the same one ("Maria
    Gonzalez" ... "Maria"); titles, particles and small words like "and" or "of" do not ("the
    corner of Michigan and Schaefer" is not "Martin Luther King and 12th")."""
    return (
        part not in _TITLES and part not in _NAME_PARTICLES and part not in _FUNCTION_WORDS and len(part) > 1
    )


def _alternation(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """One case-insensitive regex matching any of ``phrases`` as whole words."""
    if not phrases:
        return None
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
    return re.compile(rf"(?<![\w'])(?:{body})(?![\w'])", _I)


def _after_person_bracket(text: str, match: re.Match[str]) -> bool:
    """Whether a match stands alone in brackets after a person word: "clt (a.m.) says"."""
    return _bracketed_person(text, match.start(), match.end())


def _bracketed_person(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands alone in brackets after a person word ("clt (j.)")."""
    before = re.search(r"([\w'-]+)\s*\(\s*$", text[max(0, start - 24) : start])
    return before is not None and before.group(1).lower() in _RELATION_CUES and text[end : end + 1] == ")"


def _institution(tok: _Token) -> bool:
    """Whether a word after a possessive ends an institution's name ("St. Mary's Hospital", "st.
    ann's church", "Flanagan's Pub", "murphy's tap"): capitalised, or lower-case and no word like
    "house" ("grace's house" stays)."""
    if tok.low in _VENUE_WORDS:
        return tok.cap or tok.text.islower()
    return (tok.cap and tok.low in _PLACE_SUFFIXES) or (tok.text.islower() and tok.low in _PLACE_TAILS)


def _closes_institution(tok: _Token) -> bool:
    """Whether a capitalised word is the last word of an institution's name ("University")."""
    return tok.cap and tok.low in _PLACE_SUFFIXES and tok.low not in ("home", "house", "way", "place")


def _plausible(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= 31


def _key(kind: str, original: str) -> str:
    """What counts as "the same identifier" for placeholder numbering."""
    if kind == "PHONE":
        digits = re.sub(r"\D", "", original)
        return digits[1:] if len(digits) == 11 and digits.startswith("1") else digits
    folded = _fold(original)
    if kind in ("NAME", "PLACE"):
        folded = re.sub(r"'s\b", "", folded)
        folded = re.sub(r"[^\w\s'-]", " ", folded)
    return " ".join(folded.split())


def _non_overlapping(spans: list[_Span]) -> list[_Span]:
    """Keep the highest-priority span where spans overlap (then the longer, then the earlier)."""
    chosen: list[_Span] = []
    for span in sorted(spans, key=lambda s: (-s.priority, -(s.end - s.start), s.start)):
        if all(span.end <= c.start or span.start >= c.end for c in chosen):
            chosen.append(span)
    return chosen


def _mark_taken(tokens: list[_Token], spans: list[_Span]) -> None:
    if not spans:
        return
    ordered = sorted(spans, key=lambda s: s.start)
    k = 0
    for tok in tokens:
        while k < len(ordered) and ordered[k].end <= tok.start:
            k += 1
        if k < len(ordered) and ordered[k].start < tok.end + (2 if tok.possessive else 0):
            tok.taken = True


def _mark_sentence_starts(tokens: list[_Token], text: str) -> None:
    """A word starts a sentence after ``.!?:;``, a line break or the start of the text.

    A period after a title or an initial ("Dr. Okafor", "J. Smith") does not end a sentence.
    """
    prev: _Token | None = None
    for tok in tokens:
        k = tok.start - 1
        while k >= 0 and (text[k] in _OPENERS or not text[k].isprintable() or _is_symbol(text[k])):
            if text[k] == "\n":
                break
            k -= 1
        if k < 0 or (prev is None and k < tok.start and not text[: tok.start].strip(_OPENERS)):
            tok.sent_start = True
        elif text[k] in _SENTENCE_END:
            after_abbrev = (
                text[k] == "."
                and prev is not None
                and prev.end == k
                and (prev.low in _ABBREV_BEFORE_PERIOD or len(prev.text) == 1)
            )
            tok.sent_start = not after_abbrev
        elif prev is None:
            tok.sent_start = True
        prev = tok


def _is_symbol(char: str) -> bool:
    return unicodedata.category(char) in ("So", "Sk", "Sm")


def _adjacent(text: str, left: _Token, right: _Token, *, allow_dot: bool = False) -> bool:
    """Whether two words are neighbours in a phrase (only spaces, or a title's period, between)."""
    gap = text[left.end + (2 if left.possessive else 0) : right.start]
    if gap == " " or gap == "":
        return True
    if allow_dot and gap in (". ", "."):
        return left.low in _ABBREV_BEFORE_PERIOD or len(left.text) == 1
    return gap.isspace() and "\n" not in gap and len(gap) <= 3


# ----------------------------------------------------------------------------- module API


@functools.cache
def default_deidentifier() -> Deidentifier:
    """The process-wide de-identifier: the word lists are read once, on first use."""
    return Deidentifier()


def deidentify_stream(lines: Iterable[str], *, jsonl: bool) -> Iterator[str]:
    """The ``supervision-bot deidentify`` command as a pure function over lines.

    Plain mode reads all of ``lines`` as one text and yields its de-identified version once (a
    reflection's line breaks belong to it). With ``jsonl`` each non-blank line must be a JSON object
    with a string ``"text"``; each yields one line ``{"text": ..., "redactions": [{"kind",
    "placeholder"}]}``. Other input keys are dropped because they could carry identifiers too. A
    malformed line yields ``{"error": ...}`` (never echoing the input) so output lines stay aligned
    with input lines.
    """
    deidentifier = default_deidentifier()
    if not jsonl:
        yield deidentifier.deidentify("".join(lines)).text
        return
    for line in lines:
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield json.dumps({"error": f"not valid JSON (column {exc.colno})"})
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield json.dumps({"error": 'expected an object with a string "text"'})
            continue
        cleaned = deidentifier.deidentify(record["text"])
        yield json.dumps(
            {
                "text": cleaned.text,
                "redactions": [{"kind": r.kind, "placeholder": r.placeholder} for r in cleaned.redactions],
            },
            ensure_ascii=False,
        )
