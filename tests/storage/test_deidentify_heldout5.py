"""De-identification on a fifth held-out set: rural and institutional notes, stores by their street.

The first four held-out sets had been tuned on, so they no longer said how the rules meet new
writing. These 200 texts came from a new, independent author, across school, hospice, jail and
prison, veterans', refugee, rural, addiction and couples notes, mostly lower-case shorthand: names
after relation words and in brackets ("foster mom sherry", "librarian (deb)", "okwudili (prefers
'oki')", "DW (8th grader at ...)", "pt (m. abernathy)"), word-names ("dawn", "frank", "sunny",
"august"), ages over 89 beside initials ("(e.m., 93)", "pt faith is 91"), usernames without an "@"
("on snap as kenzieluvsu2"), stores, prisons and hospitals in lower case ("the mapco on charlotte
ave", "behind the dollar general", "housed at bledsoe", "in ICU at skyline", "centennial medical",
"rutherford county jail", "st. francis"), two-word lower-case streets ("lick creek rd", "harding
pl", "12th ave s", "west end and broadway"), and small towns ("outside of cookeville", "the clinic in
hohenwald"). Organisations are labelled ``ORG``; the de-identifier redacts them as ``PLACE``.

* ``deid_heldout5_dev.jsonl`` was looked at: its misses guided general rule and word-list changes
  (a bracketed age after initials; "<relation word> <name> is 9x"; "clt" notes, grades and pronouns
  in brackets after initials or unlisted names; quoted names after "prefers"; an initial before a
  surname; word-names after a family word and "is", after "1:1 w/", and found elsewhere after a
  relation word; more role words before a name; usernames after a platform; one- or two-word
  lower-case streets, "pl", a direction after a numbered street, where someone lives, the cross
  street of a corner; a brand with a street, or behind/outside it; gas-station and bus chains;
  "medical", "jail", "central", "fellowship" and, after an unlisted word, "club" institutions; saints
  and forts before a found name; "outside of <town>", the town a clinic is in, "the <x> area";
  ICU/housed/coworkers before "at"/"from"; lower-case interstates; plural acronyms, "sep", "DCS"
  and "st. john's wort" kept).
* ``deid_heldout5_test.jsonl`` was measured once with the code as it was before the change (totals
  only) and once at the end, without tuning on it. Its floors are the honest estimate on new
  writing; most of the gain on dev did not carry over to it (places 74->76, names unchanged), which is
  what the dev figures alone would have hidden.

Labels the project treats differently, left as misses rather than tuned away: ages up to 89 (Safe
Harbor removes only ages over 89; the author labels every age), titles ("ms. [NAME-1]" keeps "ms."),
a state or country ("garden city ks" keeps "ks", "lives in lebanon"), national agencies and charities
("the va", "catholic charities"), venues made of generic words ("room in the inn", "the gold rush",
"oxford house", "lot 14 of shady acres", "the loves truck stop"), a foreign battle site ("fallujah
'04"), and towns that are everyday words or names where nothing marks them as places ("drives from
linden", "best buy in hermitage"). Strict recall also counts "6/1" as a leak when its "1" survives in
"[DATE-1]", and "rutherford county jail" when "jail" is said again elsewhere: scoring artefacts.

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

SET = "heldout5"

# Measured after the change: dev NAME 85/85, places (PLACE+ORG) 90/103, all 235/260, strict 229/260,
# kept 334/334; test (once) NAME 63/70, places 76/98, all 176/222, strict 166/222, kept 316/319.
# Before it: dev NAME 73/85, places 70/103, all 199/260, strict 186/260, kept 331/334;
# test NAME 63/70, places 74/98, all 172/222, strict 161/222, kept 316/319.
FLOORS: dict[str, dict[str, float]] = {
    "dev": {"NAME": 0.97, "places": 0.85, "all": 0.88, "strict": 0.86, "keep": 0.99},
    "test": {"NAME": 0.88, "places": 0.75, "all": 0.77, "strict": 0.72, "keep": 0.98},
}


@pytest.mark.parametrize("name", HALVES)
def test_heldout5_file_is_well_formed(name: str) -> None:
    data = rows(SET, name)
    assert len(data) >= 90
    assert sum(1 for r in data if not r["identifiers"]) >= 10
    kinds = Counter(i["kind"] for r in data for i in r["identifiers"])
    assert set(kinds) <= LABEL_KINDS
    assert kinds["NAME"] >= 40
    assert kinds["PLACE"] + kinds["ORG"] >= 40
    assert sum(len(r["keep"]) for r in data) >= 200
    assert not labels_not_in_text(data)


def test_heldout5_shares_no_text_with_earlier_sets() -> None:
    assert_shares_no_text(SET)


@pytest.mark.parametrize("name", HALVES)
def test_heldout5_name_recall(name: str) -> None:
    assert_name_recall(SET, name, FLOORS[name]["NAME"])


@pytest.mark.parametrize("name", HALVES)
def test_heldout5_place_recall(name: str) -> None:
    assert_place_recall(SET, name, FLOORS[name]["places"])


@pytest.mark.parametrize("name", HALVES)
def test_heldout5_overall_recall(name: str) -> None:
    assert_overall_recall(SET, name, FLOORS[name]["all"], FLOORS[name]["strict"])


@pytest.mark.parametrize("name", HALVES)
def test_heldout5_must_keep_survival(name: str) -> None:
    assert_must_keep_survival(SET, name, FLOORS[name]["keep"])


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        # ages over 89: after initials in brackets, after a relation word and a name
        ("dad (r.j., 94) wants to go home", ["94"]),
        ("hospice: pt rose is 93 and tired", ["93"]),
        # names: client notes and grades in brackets, unlisted names before a person's bracket,
        # quoted names, an initial before a surname
        ("august (clt goes by augie) is late", ["august"]),
        ("RJ (7th grader at the middle school) got suspended", ["RJ"]),
        ("ngozika (16) says she wants to move out", ["ngozika"]),
        ("he prefers 'zeeb' now", ["zeeb"]),
        ("aunt (k. castellanos) picked him up", ["k.", "castellanos"]),
        # word-names after a family word and "is", found elsewhere after a relation word, visiting,
        # in a 1:1, after a role; initials used as a name
        ("his wife joy is supportive of tx", ["joy"]),
        ("her husband frank in too. frank wants to leave", ["frank"]),
        ("nephew frank visits on sundays", ["frank"]),
        ("1:1 w/ hope, skills review", ["hope"]),
        ("librarian (pat) let her use the office", ["pat"]),
        ("family sesh w/ aj and his mom", ["aj"]),
        # usernames after a platform
        ("she found him on insta as lilbabyk99", ["lilbabyk99"]),
        ("plays roblox w/ user shadowfang", ["shadowfang"]),
        # streets: two lower-case words, "pl", a direction, where someone lives, a corner, an interstate
        ("lives out on turkey creek rd", ["turkey", "creek"]),
        ("met him on lindell pl", ["lindell", "pl"]),
        ("moved into a place on 21st ave n", ["n"]),
        ("her ex still lives off 9th and pine", ["9th", "pine"]),
        ("waited at the bus stop on 5th ave and broadway", ["broadway"]),
        ("lives right off i-40", ["i-40"]),
        # a brand is one store when it has a street or something is behind or outside it
        ("says the walgreens on dickerson wont fill it", ["walgreens", "dickerson"]),
        ("sleeps behind the dollar tree most nights", ["dollar", "tree"]),
        ("got dropped off at the greyhound station", ["greyhound", "station"]),
        ("car broke down outside the sheetz", ["sheetz"]),
        # institutions: saints and forts, jails, fellowships, clubs, "medical", "central"
        ("just got out of st. joseph psych unit", ["st.", "joseph"]),
        ("her husband just got back to fort campbell", ["fort", "campbell"]),
        ("did 30 days at wilson county jail", ["wilson", "county", "jail"]),
        ("she sings at hope fellowship on sundays", ["hope", "fellowship"]),
        ("he goes to meetings at the kiwanis club", ["kiwanis"]),
        ("she was at summit medical all night", ["summit", "medical"]),
        ("her son is at oak central now", ["oak", "central"]),
        # hospitals, prisons and employers by what happens there
        ("in the icu at summit since friday", ["summit"]),
        ("drinks with colleagues from vanderbilt", ["vanderbilt"]),
        # towns and parts of town
        ("grew up on a farm outside of smyrna", ["smyrna"]),
        ("they moved from phoenix last year", ["phoenix"]),
        ("works at the clinic in ooltewah now", ["ooltewah"]),
        ("stays at the shelter in mobile", ["mobile"]),
        ("grew up in the donelson area", ["donelson"]),
    ],
)
def test_general_fix_removes(text: str, gone: list[str]) -> None:
    out = default_deidentifier().deidentify(text).text
    assert not [w for w in gone if survives(w, out)], out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # numbers, plural acronyms and shorthand that are not identifiers
        ("pt score is 95 on the scale", "95"),
        ("weekly UAs are clean", "UAs"),
        ("trial sep since the fall", "sep"),
        ("DCS called twice", "DCS"),
        ("moca (24) today", "moca"),
        ("PCL (52) again", "PCL"),
        ("stayed at mercy general 3 days", "3 days"),
        ("filled out the i-9 at work", "i-9"),
        ("took st. john's wort for a month", "john's wort"),
        # word-names and role words used as words
        ("student art is on the wall", "art"),
        ("the nanny cam caught it", "cam"),
        ("she prefers 'therapy' to meds", "therapy"),
        ("he is on snap as well", "as well"),
        ("vitamin d. she takes it daily", "d."),
        ("rising like a phoenix", "phoenix"),
        # what follows "to", "on", "at", "in" or "the" that is no place
        ("urge to use high after work", "use high"),
        ("lives on 5th floor now", "5th floor"),
        ("got shoes from target on sale", "sale"),
        ("near her mom's street", "mom's street"),
        ("at least one dr visit", "dr visit"),
        ("lives on a dirt road", "dirt road"),
        ("at the book club", "book club"),
        ("near the bus station", "bus station"),
        ("at county jail", "county jail"),
        ("in icu at midnight", "midnight"),
        ("coworkers from work came", "work"),
        ("pain in the pelvic area", "pelvic area"),
        ("outside of therapy she is calm", "therapy"),
        ("the school in covid times", "covid"),
        ("the school in spring", "spring"),
    ],
)
def test_general_fix_keeps(text: str, kept: str) -> None:
    assert survives(kept, default_deidentifier().deidentify(text).text)
