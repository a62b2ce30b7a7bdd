"""De-identification on a fourth held-out set: relatives' names, initials, venues and streets.

The first three held-out sets had been tuned on, so they no longer said how the rules meet new
writing. These 200 texts came from a new, independent author, across school, hospice, addiction,
couples, child, college-counselling and ESL notes: mostly lower-case shorthand, names after relation
words ("her bf drew", "mil patricia", "son (jaylen)", "his oldest, rich,"), names that are words
("grace (8th)", "clt hope -", "art", "joy", "king cx'd"), initials ("ms. p", "t.", "k. (clt)",
"clt (a.m.)", "lt. col. ramirez"), lower-case venues, landmarks and neighbourhoods ("holy cross",
"the tyson plant", "east nashville", "little saigon", "ocean view"), a place's street ("the kroger on
gallatin", "the gas station on 8th and broad"), and dates like "the 22nd" and "easter weekend"; 14
texts per half carry no identifier but traps that must survive ("hope she comes back", "may need",
"will ask", "mondays are hard", "tennessee", "vanderbilt rating scale").
Organisations are labelled ``ORG``; the de-identifier redacts them as ``PLACE`` (employers, schools,
churches and clinics are places under Safe Harbor), and recall does not depend on the placeholder.

* ``deid_heldout4_dev.jsonl`` was looked at: its misses guided general rule and word-list changes
  (names set off by brackets, commas or a label after relation and client words; grades as a sign of
  a child; lone lower-case initials; families by surname, "the nguyens"; chained titles; a place's
  street; church dedications; "park"/"plant"/"pediatrics" institutions; compass-prefixed and
  "little X" neighbourhoods; "hospitalized at X"; holiday weekends; "is the 22nd"; "both 92").
* ``deid_heldout4_test.jsonl`` was measured once with the code as it was before the change (totals
  only) and once at the end, without tuning on it. Its floors are the honest estimate on new
  writing; tuning on its misses would spend it.

Labels the project treats differently, left as misses rather than tuned away: titles ("ms. [NAME-1]"
keeps "ms.", "officer", "coach"), weekdays ("tues [DATE-1]"), landmarks made of generic words ("the
old mill", "the water tower", "the bottoms", "the gulch", "the mission"), a brand inside a venue's
description ("hotel marriott downtown"), and generic words inside a labelled place ("parking garage
on [PLACE-1]", "safe haven on [PLACE-1]"). Strict recall also counts "5/1" as a leak when its "1"
survives inside "[DATE-1]", a scoring artefact.

Floors sit slightly below the measured figures. The named examples below are not corpus texts:
each is a general weakness the dev half showed, and each failed on the code before the change; the
kept examples guard the new rules' precision.
"""

from __future__ import annotations

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

SET = "heldout4"

# Measured after the change: dev NAME 58/58, places (PLACE+ORG) 47/52, all 145/150, strict 123/150,
# kept 276/276; test (once) NAME 40/46, places 35/49, all 108/129, strict 81/129, kept 236/237.
# Before it: dev NAME 42/58, places 35/52, all 116/150, strict 86/150, kept 275/276;
# test NAME 36/46, places 33/49, all 102/129, strict 74/129, kept 235/237.
FLOORS: dict[str, dict[str, float]] = {
    "dev": {"NAME": 0.97, "places": 0.88, "all": 0.95, "strict": 0.80, "keep": 0.99},
    "test": {"NAME": 0.85, "places": 0.69, "all": 0.82, "strict": 0.60, "keep": 0.98},
}


@pytest.mark.parametrize("name", HALVES)
def test_heldout4_file_is_well_formed(name: str) -> None:
    data = rows(SET, name)
    assert len(data) >= 90
    assert sum(1 for r in data if not r["identifiers"]) >= 10
    kinds = Counter(i["kind"] for r in data for i in r["identifiers"])
    assert set(kinds) <= LABEL_KINDS
    assert kinds["NAME"] >= 40
    assert kinds["PLACE"] + kinds["ORG"] >= 40
    assert not labels_not_in_text(data)


def test_heldout4_shares_no_text_with_earlier_sets() -> None:
    assert_shares_no_text(SET)


@pytest.mark.parametrize("name", HALVES)
def test_heldout4_name_recall(name: str) -> None:
    assert_name_recall(SET, name, FLOORS[name]["NAME"])


@pytest.mark.parametrize("name", HALVES)
def test_heldout4_place_recall(name: str) -> None:
    assert_place_recall(SET, name, FLOORS[name]["places"])


@pytest.mark.parametrize("name", HALVES)
def test_heldout4_overall_recall(name: str) -> None:
    assert_overall_recall(SET, name, FLOORS[name]["all"], FLOORS[name]["strict"])


@pytest.mark.parametrize("name", HALVES)
def test_heldout4_must_keep_survival(name: str) -> None:
    assert_must_keep_survival(SET, name, FLOORS[name]["keep"])


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        # names after relation and client words: set off by brackets, commas or a label, or acting
        ("her husband drew punched a hole in the wall", ["drew"]),
        ("his gf (amber) is pregnant again", ["amber"]),
        ("stepson (will) refuses to come to sessions", ["will"]),
        ("her uncle, rich, hasnt called since the funeral", ["rich"]),
        ("granddaughter joy is the main caregiver now", ["joy"]),
        ("clt grace - HI denied, SI denied", ["grace"]),
        ("dawn cx'd again, 2nd time this month", ["dawn"]),
        ("family session w/ the garcias went ok", ["garcias"]),
        # a grade marks a child, like an age
        ("sunny (4th) cried during the whole session", ["sunny"]),
        ("new referral (mercy, 3rd gr) from the school", ["mercy"]),
        # initials: lone lower-case letters, a dotted time in a person's brackets, titles in a row
        ("clt (j.) said she relapsed over the weekend", ["j."]),
        ("r. (pt) called the crisis line twice", ["r."]),
        ("check-in w/ d. went better than last time", ["d."]),
        ("pt (a.m.) said the voices are quieter", ["a.m."]),
        ("BK keeps missing group", ["BK"]),
        ("EMDR w/ maj. ortiz went ok", ["ortiz"]),
        ("worked w/ lt. col. okafor on the trauma narrative", ["okafor"]),
        # the street a place is on, lower-case streets, intersections
        ("he got jumped at the shell station on 12th and main", ["12th", "main"]),
        ("she works at the publix on nolensville", ["nolensville"]),
        ("her kid goes to the church on maple for daycare", ["maple"]),
        ("she lives off ridgecrest dr near the school", ["ridgecrest"]),
        ("pt lives on harding pike now", ["harding", "pike"]),
        ("he sleeps under the jefferson st bridge", ["jefferson", "bridge"]),
        # churches by dedication, institutions, hospitals, neighbourhoods
        ("funeral mass is at holy trinity", ["holy", "trinity"]),
        ("the chaplain from first presbyterian came by", ["first", "presbyterian"]),
        ("her daughter goes to sacred heart", ["sacred", "heart"]),
        ("dad works at the nissan plant on nights", ["nissan", "plant"]),
        ("a resident at vanderbilt, on nights", ["vanderbilt"]),
        ("he was hospitalized at summit for a week", ["summit"]),
        ("they grew up in little armenia", ["little", "armenia"]),
        ("lives w/ her son in bay view since the fall", ["bay", "view"]),
        ("grew up in south memphis, moved here at 20", ["south", "memphis"]),
        # dates and ages
        ("dad passed thanksgiving weekend", ["thanksgiving", "weekend"]),
        ("her court date is the 14th.", ["14th"]),
        ("parents are both 91 and live alone", ["91"]),
    ],
)
def test_general_fix_removes(text: str, gone: list[str]) -> None:
    out = default_deidentifier().deidentify(text).text
    assert not [w for w in gone if survives(w, out)], out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # word-names used as words next to the new cues
        ("her son will be fine, she said", "will"),
        ("her bf drew a picture of the house", "drew"),
        ("hope is the key for the client", "hope"),
        ("mom (angry) called twice", "angry"),
        # letters and dotted abbreviations that are not initials
        ("k. told her i would call back", "k."),
        ("vitamin d. she said it helps", "d."),
        ("session at 9 a.m. went well", "a.m."),
        # shorthand and role titles that are not names
        ("sil and mil both came to the meeting", "sil"),
        ("waitlist til next week", "til"),
        ("judge wants a progress report by fri", "wants"),
        ("supervisor mtg friday", "mtg"),
        ("at the dr office today", "office"),
        ("saw dr near the clinic", "near"),
        ("she lives off ridgecrest dr near the school", "near"),
        # ordinary places, roads and views
        ("she lives in plain view of her abuser", "plain view"),
        ("lives in the trailer park near the highway", "trailer park"),
        ("he works at the power plant", "power plant"),
        ("a 20 min drive to the clinic", "min drive"),
        ("she lives on death row", "death row"),
        ("on the same street as her abuser", "same street"),
        ("pain on west side of head", "west side"),
        ("in little ways she is improving", "little ways"),
        ("a good samaritan helped her", "good samaritan"),
        ("first gen student, very anxious", "first gen"),
        # what follows "on" or "at" that is not a street or a hospital
        ("works at kroger on weekends", "weekends"),
        ("at the clinic on zoom", "zoom"),
        ("hospitalized at age 15", "age"),
        ("admitted at intake she was calm", "intake"),
        ("teacher filled out the vanderbilt", "vanderbilt"),
        # numbers that are not dates or ages
        ("both 90 minute sessions", "90"),
        ("this is the 2nd time she came", "2nd"),
    ],
)
def test_general_fix_keeps(text: str, kept: str) -> None:
    assert survives(kept, default_deidentifier().deidentify(text).text)
