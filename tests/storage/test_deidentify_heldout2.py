"""De-identification on a second held-out set, centred on names, written by a new author.

The first held-out set had been tuned on twice, so it no longer told us how the rules meet new
writing. These 192 texts were written before the rules or word lists were read: Slack-style
reflections, check-in answers and "bring to sup" items with names in every position, lower-case
and ALL-CAPS, nicknames, initials, names that are ordinary words (Joy, Will, Bill, Pat, Grace),
names from many cultures, surnames with particles and double surnames; 40 texts carry no
identifier but traps that must survive (SI, ED, PE, "Korean-speaking", "Catholic", Zoom, "Will" as
a verb). A bare month tied to an event is labelled DATE on the month alone ("March").

* ``deid_heldout2_dev.jsonl`` was looked at: its misses guided general rule and word-list changes.
* ``deid_heldout2_test.jsonl`` was measured once, at the end, without tuning on it. Its floors
  are the honest estimate on new writing; tuning on its misses would spend it.

Floors sit slightly below the measured figures. The named examples below are not corpus texts:
each is a general weakness the dev half showed, and each failed on the code before the change.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from storage.deidentify import KINDS, default_deidentifier
from tests.storage.deid_scoring import labels_not_in_text, read_rows, score, survives, texts_of_other_sets

DATA = Path(__file__).resolve().parents[1] / "data"
FILES = {"dev": DATA / "deid_heldout2_dev.jsonl", "test": DATA / "deid_heldout2_test.jsonl"}
"""Words of a label that may survive under the strict count ("Sunrise of Fairfax" -> "of")."""

# Measured after the change: dev NAME 97/98, all 118/119, strict 118/119, kept 150/150;
# test (once) NAME 101/106, all 127/134, strict 124/134, kept 147/148.
# Before it: dev NAME 88/98, all 108/119; test NAME 97/106, all 123/134.
FLOORS: dict[str, dict[str, float]] = {
    "dev": {"NAME": 0.97, "all": 0.97, "strict": 0.96, "keep": 0.98},
    "test": {"NAME": 0.93, "all": 0.93, "strict": 0.90, "keep": 0.97},
}


@cache
def rows(name: str) -> list[dict[str, Any]]:
    return read_rows(FILES[name])


@cache
def scores(name: str) -> tuple[Counter[str], Counter[str], int, int, int]:
    """(caught per kind, total per kind, strictly caught, kept, must-keep total) for one file."""
    counted = score(rows(name), default_deidentifier())
    return counted.caught, counted.total, counted.strict, counted.kept, counted.keep_total


@pytest.mark.parametrize("name", sorted(FILES))
def test_heldout2_file_is_well_formed(name: str) -> None:
    data = rows(name)
    assert len(data) >= 70
    assert sum(1 for r in data if not r["identifiers"]) >= 15
    kinds = Counter(i["kind"] for r in data for i in r["identifiers"])
    assert set(kinds) <= set(KINDS)
    assert kinds["NAME"] >= 80
    assert not labels_not_in_text(data)


def test_heldout2_shares_no_text_with_earlier_sets() -> None:
    earlier = texts_of_other_sets(DATA, "heldout2")
    dev = {r["text"] for r in rows("dev")}
    test = {r["text"] for r in rows("test")}
    assert not dev & test
    assert not (dev | test) & earlier


@pytest.mark.parametrize("name", sorted(FILES))
def test_heldout2_name_recall(name: str) -> None:
    caught, total, _, _, _ = scores(name)
    assert caught["NAME"] / total["NAME"] >= FLOORS[name]["NAME"], f"{caught['NAME']}/{total['NAME']}"


@pytest.mark.parametrize("name", sorted(FILES))
def test_heldout2_overall_recall(name: str) -> None:
    caught, total, strict, _, _ = scores(name)
    got, out_of = sum(caught.values()), sum(total.values())
    assert got / out_of >= FLOORS[name]["all"], f"{name}: {got}/{out_of}"
    assert strict / out_of >= FLOORS[name]["strict"], f"{name} strict: {strict}/{out_of}"


@pytest.mark.parametrize("name", sorted(FILES))
def test_heldout2_must_keep_survival(name: str) -> None:
    _, _, _, kept, keep_total = scores(name)
    assert kept / keep_total >= FLOORS[name]["keep"], f"{name}: {kept}/{keep_total}"


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        # a lower-case name that is also a word, known as a person only by the bracket after it
        ("bill (72) came in late again", ["bill"]),
        ("pat (they/them) was quiet today", ["pat"]),
        ("grace (new intake) left early", ["grace"]),
        # a word-name opening a sentence, then "and I" / "and her <relative>"
        ("Mark and I made a safety plan", ["Mark"]),
        ("Faith and her mom argued in session", ["Faith"]),
        ("Rose & her husband came together", ["Rose"]),
        # capital initials and shouted names
        ("MK cancelled again", ["MK"]),
        ("TJ's mom called twice", ["TJ"]),
        ("JOY missed group again", ["JOY"]),
        ("PRIYA SHAH - intake done", ["PRIYA", "SHAH"]),
        # surnames with particles, chained or hyphenated, removed whole
        ("Yusuf al-Hashimi called the front desk", ["al-Hashimi"]),
        ("Pieter van der Berg cancelled", ["van", "der", "Berg"]),
        ("Jose dela Cruz missed group", ["dela", "Cruz"]),
        # both parts of a lower-case Chinese name; a Cantonese surname that is also a word
        ("li wei said the meds help", ["li", "wei"]),
        ("Mei Ling Chow said she is sleeping better", ["Chow"]),
        # "will" where a modal cannot stand; an age after a bracketed aside; "X from group"
        ("worried about will. he seemed flat", ["will"]),
        ("Buddy (his nickname) is 93 and lives alone", ["93"]),
        ("Ray from the Tues group texted me", ["Ray"]),
        # a neighbourhood made of two capitalised ordinary words
        ("she lives over in Mill-Creek", ["Mill-Creek"]),
    ],
)
def test_general_fix_removes(text: str, gone: list[str]) -> None:
    out = default_deidentifier().deidentify(text).text
    assert not [w for w in gone if survives(w, out)], out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Korean-speaking parents asked for handouts", "Korean-speaking"),
        ("a Spanish-speaking interpreter joined", "Spanish-speaking"),
        ("his PO called about the curfew", "PO"),
        ("she talked about will power", "will"),
    ],
)
def test_general_fix_keeps(text: str, kept: str) -> None:
    assert survives(kept, default_deidentifier().deidentify(text).text)
