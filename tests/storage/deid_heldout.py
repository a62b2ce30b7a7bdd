"""What every held-out de-identification test file checks the same way, for one set's two halves.

A set is ``tests/data/deid_<tag>_{dev,test}.jsonl``. Each ``test_deidentify_heldoutN.py`` keeps its
own history, floors, well-formedness thresholds and general-fix examples, and counts through these,
so the recall and keep checks cannot drift apart between sets.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from storage.deidentify import KINDS, default_deidentifier
from tests.storage.deid_scoring import Scores, read_rows, score, texts_of_other_sets

DATA = Path(__file__).resolve().parents[1] / "data"
HALVES = ("dev", "test")
LABEL_KINDS = {*KINDS, "ORG"}
"""The authors' kinds: ours plus ORG (redacted as PLACE)."""


@cache
def rows(tag: str, half: str) -> list[dict[str, Any]]:
    """The labelled rows of one half of a set."""
    return read_rows(DATA / f"deid_{tag}_{half}.jsonl")


@cache
def scores(tag: str, half: str) -> Scores:
    """The default de-identifier's counts on one half (computed once per test session)."""
    return score(rows(tag, half), default_deidentifier())


def assert_shares_no_text(tag: str) -> None:
    """The halves share no text with each other or with any other labelled set."""
    earlier = texts_of_other_sets(DATA, tag)
    dev = {r["text"] for r in rows(tag, "dev")}
    test = {r["text"] for r in rows(tag, "test")}
    assert not dev & test
    assert not (dev | test) & earlier


def assert_name_recall(tag: str, half: str, floor: float) -> None:
    counted = scores(tag, half)
    caught, total = counted.caught, counted.total
    assert caught["NAME"] / total["NAME"] >= floor, f"{caught['NAME']}/{total['NAME']}"


def assert_place_recall(tag: str, half: str, floor: float) -> None:
    """Places and organisations together (both are redacted as PLACE)."""
    counted = scores(tag, half)
    caught, total = counted.caught, counted.total
    got, out_of = caught["PLACE"] + caught["ORG"], total["PLACE"] + total["ORG"]
    assert got / out_of >= floor, f"{half}: {got}/{out_of}"


def assert_overall_recall(tag: str, half: str, floor: float, strict_floor: float) -> None:
    counted = scores(tag, half)
    got, out_of = sum(counted.caught.values()), sum(counted.total.values())
    assert got / out_of >= floor, f"{half}: {got}/{out_of}"
    assert counted.strict / out_of >= strict_floor, f"{half} strict: {counted.strict}/{out_of}"


def assert_must_keep_survival(tag: str, half: str, floor: float) -> None:
    counted = scores(tag, half)
    assert counted.kept / counted.keep_total >= floor, f"{half}: {counted.kept}/{counted.keep_total}"
