"""De-identification on held-out trainee-style texts, a guard the main corpus cannot give.

The main corpus was written alongside the rules, so it flatters them. These two files were written
afterwards, before the rules or word lists were read, in the way trainees really type in Slack
(lower-case names, names that are also words, many cultures, initials, shorthand, dates like
"12.05.26"), with about a fifth of the texts carrying no identifier but traps that must be kept.

* ``deid_heldout_dev.jsonl`` was looked at: its misses guided general rule and word-list changes.
* ``deid_heldout_test.jsonl`` was measured once, at the end, without tuning on it. Its floors are
  therefore the honest estimate of recall on new writing; do not tune the rules on its misses, or
  it stops being one.

A bare month ("in March") is labelled DATE, not keep: design.md removes dates more precise than a
year, and the main corpus labels it the same way. Floors sit slightly below the measured figures,
so a change that loses one or two more identifiers of a kind group fails here.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from storage.deidentify import KINDS, default_deidentifier
from tests.storage.deid_scoring import read_rows, score

DATA = Path(__file__).resolve().parents[1] / "data"
FILES = {"dev": DATA / "deid_heldout_dev.jsonl", "test": DATA / "deid_heldout_test.jsonl"}
GROUPS = {
    "NAME": ("NAME",),
    "PLACE": ("PLACE",),
    "DATE+AGE": ("DATE", "AGE"),
    "structured": ("PHONE", "EMAIL", "ID", "URL", "HANDLE", "IP"),
}

# Measured after the change (dev 105/105 identifiers, 116/116 kept; test 92/98, 111/113).
FLOORS: dict[str, dict[str, float]] = {
    "dev": {"NAME": 0.95, "PLACE": 0.95, "DATE+AGE": 0.90, "structured": 0.95, "all": 0.97, "keep": 0.97},
    "test": {"NAME": 0.88, "PLACE": 0.90, "DATE+AGE": 0.90, "structured": 0.95, "all": 0.92, "keep": 0.96},
}


@cache
def rows(name: str) -> list[dict[str, Any]]:
    return read_rows(FILES[name])


@cache
def scores(name: str) -> tuple[Counter[str], Counter[str], int, int]:
    """(caught per kind, total per kind, kept, must-keep total) for one held-out file."""
    counted = score(rows(name), default_deidentifier())
    return counted.caught, counted.total, counted.kept, counted.keep_total


@pytest.mark.parametrize("name", sorted(FILES))
def test_heldout_file_is_well_formed_and_varied(name: str) -> None:
    data = rows(name)
    assert len(data) >= 60
    assert sum(1 for r in data if not r["identifiers"]) >= 12  # texts that must come out unchanged
    kinds = Counter(i["kind"] for r in data for i in r["identifiers"])
    assert set(kinds) <= set(KINDS)
    assert len(kinds) >= 8
    for row in data:
        for ident in row["identifiers"]:
            assert ident["text"] in row["text"], (ident, row["text"])
        for word in row["keep"]:
            assert word in row["text"], (word, row["text"])


def test_heldout_halves_share_no_text_with_each_other_or_the_corpus() -> None:
    corpus_path = DATA / "deid_corpus.jsonl"
    corpus = {
        json.loads(line)["text"] for line in corpus_path.read_text(encoding="utf-8").splitlines() if line
    }
    dev = {r["text"] for r in rows("dev")}
    test = {r["text"] for r in rows("test")}
    assert not dev & test
    assert not (dev | test) & corpus


@pytest.mark.parametrize("name", sorted(FILES))
@pytest.mark.parametrize("group", sorted(GROUPS))
def test_heldout_recall_per_kind_group(name: str, group: str) -> None:
    caught, total, _, _ = scores(name)
    got = sum(caught[k] for k in GROUPS[group])
    out_of = sum(total[k] for k in GROUPS[group])
    assert out_of > 0
    assert got / out_of >= FLOORS[name][group], f"{name} {group}: {got}/{out_of}"


@pytest.mark.parametrize("name", sorted(FILES))
def test_heldout_overall_recall(name: str) -> None:
    caught, total, _, _ = scores(name)
    got, out_of = sum(caught.values()), sum(total.values())
    assert got / out_of >= FLOORS[name]["all"], f"{name}: {got}/{out_of}"


@pytest.mark.parametrize("name", sorted(FILES))
def test_heldout_must_keep_survival(name: str) -> None:
    _, _, kept, keep_total = scores(name)
    assert kept / keep_total >= FLOORS[name]["keep"], f"{name}: {kept}/{keep_total}"
