"""De-identification on a third held-out set: lower-case trainee notes, places and organisations.

The first two held-out sets had been tuned on, so they no longer told us how the rules meet new
writing. These 200 texts came from a new, independent author, in the register trainees actually
type: mostly lower-case, shorthand ("clt", "w/", "abt"), names that are words ("faith", "grace",
"frank"), initials ("j.r.", "MK", "T"), towns and neighbourhoods in lower case ("in durham",
"bed-stuy", "baton rouge"), schools, clinics, churches and employers ("at mercy general", "oak ridge
elementary"), streets, routes and exits, dates in trainee formats; 15 texts per half carry no
identifier but traps that must survive (PHQ-9, CBT-I, "i may be overidentifying", "hope is a theme").
Organisations are labelled ``ORG``; the de-identifier redacts them as ``PLACE`` (employers, schools
and clinics are places under Safe Harbor), and recall does not depend on the placeholder's kind.

* ``deid_heldout3_dev.jsonl`` was looked at: its misses guided general rule and word-list changes
  (a town gazetteer, lower-case institutions and neighbourhoods, lower-case initials, names that
  are words known by "and her wife", "is a youth pastor", "ran into", "told X i...").
* ``deid_heldout3_test.jsonl`` was measured once, at the end, without tuning on it. Its floors
  are the honest estimate on new writing; tuning on its misses would spend it.

Labels the project treats differently, left as misses rather than tuned away: gig apps with no site
("drives for uber"), titles ("dr. [NAME-1]" keeps "dr."), weekdays ("tues [DATE-1]"), landmarks made
of generic words ("the old mill"), and a bare month that must survive ("december is always hard";
a month alone is a date element here, so it goes).

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

SET = "heldout3"

# Measured after the change: dev NAME 46/46, places (PLACE+ORG) 40/44, all 119/123, strict 113/123,
# kept 195/196; test (once) NAME 38/44, places 30/44, all 95/117, strict 82/117, kept 159/160.
# Before it: dev NAME 38/46, places 20/44, all 90/123, strict 75/123, kept 195/196;
# test NAME 37/44, places 19/44, all 83/117, strict 67/117, kept 159/160.
FLOORS: dict[str, dict[str, float]] = {
    "dev": {"NAME": 0.97, "places": 0.88, "all": 0.95, "strict": 0.90, "keep": 0.98},
    "test": {"NAME": 0.84, "places": 0.65, "all": 0.79, "strict": 0.68, "keep": 0.98},
}


@pytest.mark.parametrize("name", HALVES)
def test_heldout3_file_is_well_formed(name: str) -> None:
    data = rows(SET, name)
    assert len(data) >= 90
    assert sum(1 for r in data if not r["identifiers"]) >= 10
    kinds = Counter(i["kind"] for r in data for i in r["identifiers"])
    assert set(kinds) <= LABEL_KINDS
    assert kinds["NAME"] >= 40
    assert kinds["PLACE"] + kinds["ORG"] >= 40
    assert not labels_not_in_text(data)


def test_heldout3_shares_no_text_with_earlier_sets() -> None:
    assert_shares_no_text(SET)


@pytest.mark.parametrize("name", HALVES)
def test_heldout3_name_recall(name: str) -> None:
    assert_name_recall(SET, name, FLOORS[name]["NAME"])


@pytest.mark.parametrize("name", HALVES)
def test_heldout3_place_recall(name: str) -> None:
    assert_place_recall(SET, name, FLOORS[name]["places"])


@pytest.mark.parametrize("name", HALVES)
def test_heldout3_overall_recall(name: str) -> None:
    assert_overall_recall(SET, name, FLOORS[name]["all"], FLOORS[name]["strict"])


@pytest.mark.parametrize("name", HALVES)
def test_heldout3_must_keep_survival(name: str) -> None:
    assert_must_keep_survival(SET, name, FLOORS[name]["keep"])


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        # lower-case and single-letter initials, a bracketed acronym after a person word
        ("c.j. said the voices are back", ["c.j."]),
        ("R no-showed for the third time", ["R"]),
        ("pt (JT) cancelled again", ["JT"]),
        ("rosa m. said her landlord is threatening her", ["m."]),
        # lower-case names that are words, known only by what surrounds them
        ("joy and her husband argued in session", ["joy"]),
        ("faith is a 19 yo sophomore with panic attacks", ["faith"]),
        ("ran into grace at target and she looked upset", ["grace"]),
        ("told frank i was worried about his drinking", ["frank"]),
        ("grace, 34, came in for intake", ["grace"]),
        ("talked w/ dawn abt her sleep", ["dawn"]),
        ("bill (pronounced bee-yay) is new to the clinic", ["bill", "bee-yay"]),
        # an age over 89 spelt out in brackets
        ("grandpa (ninety-three!) still drives", ["ninety-three"]),
        # towns in lower case, one word or several, and a capitalised one that is a word
        ("clt says his brother in tulsa stopped calling", ["tulsa"]),
        ("her ex is in el paso now which helps", ["el", "paso"]),
        ("pt moved here from fresno last spring", ["fresno"]),
        ("her ex moved to cedar rapids in the fall", ["cedar", "rapids"]),
        ("her sister in Bend is sick", ["Bend"]),
        ("pt is from a small town called cedarburg", ["cedarburg"]),
        ("they stayed at a motel in the east end for a week", ["east end"]),
        # lower-case schools, shelters, hospitals, universities
        ("the kids go to washington elementary down the street", ["washington", "elementary"]),
        ("she volunteers at the pine street shelter on weekends", ["pine", "shelter"]),
        ("pt works at riverside memorial as a CNA", ["riverside", "memorial"]),
        ("she's a freshman at villanova and homesick", ["villanova"]),
        ("she goes to school at ucla and hates it", ["ucla"]),
        # routes, highways, a holiday with its day
        ("off route 30 near the old factory", ["route 30"]),
        ("she lives off highway 9 in a trailer", ["highway 9"]),
        ("she dreads xmas day w/ her in-laws", ["xmas", "day"]),
    ],
)
def test_general_fix_removes(text: str, gone: list[str]) -> None:
    out = default_deidentifier().deidentify(text).text
    assert not [w for w in gone if survives(w, out)], out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # city names that are everyday phrases, generic institutions, compass words on a body
        ("she is in cross country and loves it", "cross country"),
        ("wants to cut off contact w/ mom", "cut off"),
        ("at the community mental health center they do walk-ins", "community mental health center"),
        ("in middle school things got worse", "middle school"),
        ("pain on the west side of her head", "west side"),
        # medications, typing slips, chat words, dosing and Latin shorthand, insurers
        ("switched from vilazodone to trintellix", "vilazodone"),
        ("called supervisor immediatly after", "immediatly"),
        ("she's at uni now and lonely", "uni"),
        ("he is in juvie again", "juvie"),
        ("take it b.i.d. with food", "b.i.d."),
        ("e.g. she says this often", "e.g."),
        ("her Aetna plan denied the claim", "Aetna"),
        # word-names used as words
        ("told hope is key to recovery", "hope"),
        ("hope is a theme for her", "hope"),
    ],
)
def test_general_fix_keeps(text: str, kept: str) -> None:
    assert survives(kept, default_deidentifier().deidentify(text).text)
