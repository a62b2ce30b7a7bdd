"""De-identification on a sixth held-out set: case summaries, dictated notes, many people and places.

The first five held-out sets had been tuned on, so they no longer said how the rules meet new
writing. These 200 texts came from a new, independent author in four registers: capitalised
multi-sentence case summaries ("Met with Bogdan Kowalczyk (52) on 2/9 at the Lakeview office"),
rushed lower-case Slack notes ("ugh pt ... relapsed, used at murphy's tap on canal st fri"), dictated
notes without punctuation, where numbers and names are said or spelled out ("phone number is five
five five ...", "Duc Pham P H A M", "date of birth seven twelve nineteen ninety five"), and notes that
name several people and places at once, with names from many cultures. Organisations are labelled
``ORG``; the de-identifier redacts them as ``PLACE``. IDs are labelled without their prefix, titled
surnames without the title, and a few identifiers sit inside a longer labelled one ("Santi" inside
"Santiago 'Santi' Morales").

* ``deid_heldout6_dev.jsonl`` was looked at: its misses and lost keeps guided general rule and
  word-list changes: digits said one by one (seven, ten or eleven a phone number, otherwise a record
  number; counting aloud stays), a dictated birth date, a dictated email ("... at gmail dot com"),
  a name spelled out in capitals, days said as words ("the fifteenth", "the ninth of August",
  "March nineteenth"); bars, pubs, diners, motels and programmes named by the capitalised words
  before them ("the Tin Cup bar", "Flanagan's Pub", "the Willow Creek IOP", lower-case "el rodeo
  bar", "murphy's tap"); nationality, faith and state words inside an institution's name ("Hmong
  American Clinic", "Korean Presbyterian Church", "Navajo Technical University"); "<Name> State"
  after a school word; Spanish-named institutions ("Casa de Paz"); police precincts; compass points
  on numbered streets ("NW 7th Avenue", "E. 55th"), "hwy", "apt on 4th & vine", the corner of two
  named streets; a brand's street when capitalised ("H-E-B on Nolana"); school and hospital
  abbreviations ("elem", "hs", "hosp") and "Healthcare"; more church dedications ("new life",
  "greater mt zion"); Spanish titles ("sra."); a first name set off after "her <role>," even when it
  is a country ("her RA, Jordan"); a word-name before a surname's initial ("pt hunter d."); lower-case
  "o'<surname>"; a nickname in brackets after a found name. For precision: more medications and
  named measures kept ("Invega", "Zarit", "Columbia screen"), "IHS", "504", "ninety one days" is no
  age, a role word does not extend a town ("in Joplin Sponsor is"), "neuro" is clinical shorthand, and
  placeholders no longer share a number through "and" or "of".
* ``deid_heldout6_test.jsonl`` was measured with the code as it was before the change (totals only)
  and once at the end, without tuning on it. Most of the dev gain did not carry over (all 460->466,
  names 198->199), which is what the dev figures alone would have hidden.

Labels the project treats differently, left as misses rather than tuned away: national charities and
agencies ("Catholic Charities", "Lutheran Social Services"), lower-case venues and parts of town made
of everyday words ("the brass rail", "the shamrock", "new directions", "golden dragon", "the
ironbound", "in flushing"), and the words of a labelled name the rules leave beside a caught part
("Window [NAME]", "[NAME] Chapter", "[NAME] Central", "[PLACE] AME", "[PLACE] d'Haiti", "[NAME]
Nails", "[PLACE] & Girls Club", "[NAME] ms"). Strict recall also counts "2/9" as a leak when its "9"
survives in "PHQ-9", and "the second to the ninth of August" when its "to" does: scoring artefacts.

Floors sit slightly below the measured figures. The named examples below are not corpus texts:
each is a general weakness the dev half showed, and each failed on the code before the change; the
kept examples guard the new rules' precision.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from storage.deidentify import default_deidentifier
from tests.storage.deid_heldout import (
    HALVES,
    LABEL_KINDS,
    assert_must_keep_survival,
    assert_name_recall,
    assert_overall_recall,
    assert_place_recall,
    assert_shares_no_text,
    rows,
)
from tests.storage.deid_scoring import labels_not_in_text, survives

SET = "heldout6"

# Measured after the change: dev NAME 213/213, places (PLACE+ORG) 217/226, all 489/498, strict 474/498,
# kept 434/434; test (once) NAME 199/208, places 225/242, all 466/494, strict 432/494, kept 438/440.
# Before it: dev NAME 209/213, places 209/226, all 473/498, strict 435/498, kept 426/434;
# test NAME 198/208, places 222/242, all 460/494, strict 422/494, kept 437/440.
FLOORS: dict[str, dict[str, float]] = {
    "dev": {"NAME": 0.99, "places": 0.95, "all": 0.97, "strict": 0.94, "keep": 0.99},
    "test": {"NAME": 0.95, "places": 0.92, "all": 0.93, "strict": 0.86, "keep": 0.99},
}


@pytest.mark.parametrize("name", HALVES)
def test_heldout6_file_is_well_formed(name: str) -> None:
    data = rows(SET, name)
    assert len(data) >= 90
    kinds = Counter(i["kind"] for r in data for i in r["identifiers"])
    assert set(kinds) <= LABEL_KINDS
    assert kinds["NAME"] >= 150
    assert kinds["PLACE"] + kinds["ORG"] >= 150
    assert sum(len(r["keep"]) for r in data) >= 300
    assert not labels_not_in_text(data)


def test_heldout6_shares_no_text_with_earlier_sets() -> None:
    assert_shares_no_text(SET)


@pytest.mark.parametrize("name", HALVES)
def test_heldout6_name_recall(name: str) -> None:
    assert_name_recall(SET, name, FLOORS[name]["NAME"])


@pytest.mark.parametrize("name", HALVES)
def test_heldout6_place_recall(name: str) -> None:
    assert_place_recall(SET, name, FLOORS[name]["places"])


@pytest.mark.parametrize("name", HALVES)
def test_heldout6_overall_recall(name: str) -> None:
    assert_overall_recall(SET, name, FLOORS[name]["all"], FLOORS[name]["strict"])


@pytest.mark.parametrize("name", HALVES)
def test_heldout6_must_keep_survival(name: str) -> None:
    assert_must_keep_survival(SET, name, FLOORS[name]["keep"])


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        # numbers, dates and emails said aloud in a dictated note; a spelled-out name
        (
            "his cell is six one five five five five two two one nine",
            ["six one five five five five two two one nine"],
        ),
        (
            "medicaid number is four four one two zero nine eight eight",
            ["four four one two zero nine eight eight"],
        ),
        ("dob is three four two thousand one per mom", ["three four two thousand one"]),
        ("her email is maya underscore reyes at yahoo dot com", ["maya", "reyes", "yahoo"]),
        ("last name is Nguyen N G U Y E N", ["N G U Y E N"]),
        ("court is on the twenty-third, she is scared", ["twenty-third"]),
        ("discharged June fourth after a week", ["fourth"]),
        ("the eleventh of March was the anniversary", ["eleventh"]),
        # bars, diners and programmes named by capitalised words; a lower-case Spanish-named bar
        ("he bartends at the Rusty Anchor pub on weekends", ["Rusty", "Anchor"]),
        ("she waitresses at the Silver Spoon Diner", ["Silver", "Spoon"]),
        ("works at the Tin Roof bar downtown", ["Roof"]),
        ("drinks every night at Doyle's Tavern", ["Tavern"]),
        ("used behind el toro bar again", ["toro"]),
        ("she completed the Sunrise Ridge IOP", ["Sunrise", "Ridge"]),
        ("referred to the Harbor Point PHP", ["Harbor", "Point"]),
        # nationality, faith and state words inside an institution's name; state universities
        ("sees a doctor at Vietnamese American Clinic", ["Vietnamese", "American"]),
        ("he went to Navajo Prep School", ["Navajo"]),
        ("a freshman who goes to Ohio State", ["Ohio State"]),
        ("she stays at Casa de Esperanza now", ["Casa"]),
        ("she works for Pinnacle Healthcare now", ["Healthcare"]),
        ("the school nurse at lincoln elem called", ["elem"]),
        ("a fight at the mercy hosp er", ["hosp"]),
        ("she sings at abundant life assembly", ["abundant", "life"]),
        ("funeral at greater mt olive baptist", ["olive"]),
        ("the detective at the 5th Precinct called", ["5th Precinct"]),
        # streets: compass points, "hwy", "&" corners, the corner of two named streets, a brand's street
        ("his friends hang out on W. 63rd", ["63rd"]),
        ("the crash was on SE 14th Street", ["SE"]),
        ("lives in an apt on 8th & elm", ["elm"]),
        ("lives off old mill hwy", ["mill"]),
        ("shot at the corner of Chestnut and Division", ["Chestnut", "Division"]),
        ("Her employer, CVS on Hargrove, let her go", ["CVS"]),
        ("grew up in little village", ["little village"]),
        # names: Spanish titles, a first name after "her <role>,", a word-name before an initial,
        # Irish surnames in lower case, a nickname in brackets
        ("his mom sra. delgado picks him up", ["delgado"]),
        ("she came with her RA, Israel.", ["Israel"]),
        ("pt dawn r. relapsed again", ["dawn"]),
        ("the o'malley kids were there again", ["o'malley"]),
        ("clt patrick (paddy) kane came in", ["paddy"]),
    ],
)
def test_general_fix_removes(text: str, gone: list[str]) -> None:
    out = default_deidentifier().deidentify(text).text
    assert not [w for w in gone if survives(w, out)], out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # ordinal words, counting and numbers that are no date, phone or age
        ("on the first day of group she cried", "first day"),
        ("by the third session she was calmer", "third session"),
        ("she may first need a med review", "may first"),
        ("counted one two three four five six seven out loud", "one two three four five six seven"),
        ("he is ninety one days sober", "ninety one days"),
        ("plan: 504 mtg next week", "504"),
        ("we meet at 5 o'clock", "o'clock"),
        # venues that are no names
        ("he likes the Irish pub by work", "Irish pub"),
        ("she eats at the Mexican restaurant", "Mexican restaurant"),
        ("we drew her Safety Plan bar chart", "Safety Plan"),
        ("met at the hotel bar", "hotel bar"),
        ("the corner of her eye and nose", "corner of her eye"),
        ("she sat in the corner of the room and cried", "corner of the room"),
        # medications, measures, agencies and clinical shorthand
        ("she is on Invega now", "Invega"),
        ("the Zarit score was high", "Zarit"),
        ("Columbia screen was negative", "Columbia screen"),
        ("seen at the IHS clinic", "IHS"),
        ("referred to the neuro clinic", "neuro clinic"),
        # a role word after a town is no part of it
        ("goes to AA in Tulsa Sponsor is very involved", "Sponsor"),
    ],
)
def test_general_fix_keeps(text: str, kept: str) -> None:
    assert survives(kept, default_deidentifier().deidentify(text).text)


def test_streets_joined_by_and_keep_their_own_placeholders() -> None:
    """Two corners in one note are two places: "and" makes no two streets the same one."""
    out = (
        default_deidentifier()
        .deidentify("at the corner of Elm and Pine, then the corner of Oak and Vine")
        .text
    )
    assert len(set(re.findall(r"\[PLACE-\d+\]", out))) == 2, out
