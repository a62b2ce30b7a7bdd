"""How de-identification is scored on a labelled file: one rule for the tests and the benchmark.

A row is ``{"text", "identifiers": [{"text", "kind"}], "keep": [...]}``. An identifier is caught
when its text no longer stands as a whole word in the output, and strictly caught when no word of
it does (a surname left beside a removed first name is a leak). A must-keep string survives when it
is still in the output. Every figure the tests hold floors on and the benchmark prints is counted
here, so the two cannot drift apart.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storage.deidentify import Deidentifier

CONNECTIVES = frozenset({"of", "the", "in", "at", "on", "and"})
"""Words of a multi-word identifier that may stay ("Church [PLACE-1] the Nazarene" leaks nothing)."""


def survives(original: str, output: str) -> bool:
    """Whether ``original`` still stands as a whole word in ``output``."""
    return re.search(r"(?<!\w)" + re.escape(original) + r"(?!\w)", output) is not None


def strictly_caught(original: str, output: str) -> bool:
    """No word of the identifier survives: "[NAME-1] al-Hashimi" is a leak, not a catch."""
    words = [w.strip(".'") for w in re.findall(r"[\w'.-]+", original)]
    return not any(survives(w, output) for w in words if w and w.lower() not in CONNECTIVES)


def read_rows(path: Path) -> list[dict[str, Any]]:
    """The labelled rows of a JSONL file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@dataclass(frozen=True)
class Scores:
    """Counts over a labelled file."""

    caught: Counter[str]
    """Identifiers caught, by kind."""
    total: Counter[str]
    """Identifiers, by kind."""
    strict: int
    """Identifiers strictly caught (all kinds)."""
    kept: int
    """Must-keep strings that survived."""
    keep_total: int


def score(rows: Iterable[Mapping[str, Any]], deid: Deidentifier) -> Scores:
    """De-identify every row's text and count what was caught and what was kept."""
    caught: Counter[str] = Counter()
    total: Counter[str] = Counter()
    strict = kept = keep_total = 0
    for row in rows:
        out = deid.deidentify(str(row["text"])).text
        for ident in row["identifiers"]:
            total[ident["kind"]] += 1
            caught[ident["kind"]] += not survives(ident["text"], out)
            strict += strictly_caught(ident["text"], out)
        for word in row["keep"]:
            keep_total += 1
            kept += word in out
    return Scores(caught=caught, total=total, strict=strict, kept=kept, keep_total=keep_total)


def labels_not_in_text(rows: Iterable[Mapping[str, Any]]) -> list[tuple[str, str]]:
    """(label, text) for every identifier or must-keep string that is not a substring of its text."""
    return [
        (label, row["text"])
        for row in rows
        for label in [*(ident["text"] for ident in row["identifiers"]), *row["keep"]]
        if label not in row["text"]
    ]


def texts_of_other_sets(data: Path, marker: str) -> set[str]:
    """The texts of every ``deid_*.jsonl`` in ``data`` whose name does not contain ``marker``."""
    return {
        row["text"]
        for path in data.glob("deid_*.jsonl")
        if marker not in path.name
        for row in read_rows(path)
    }
