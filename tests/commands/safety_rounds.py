"""The counts every authors'-set test of the risk check holds floors on, counted one way.

Each set is a ``safety_roundN_{dev,test}.jsonl`` pair of rows ``{"text", "risk", "kind"}``; the
per-round test files keep their own floors and history, and call these for the counting.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from commands import safety

DATA = Path(__file__).resolve().parents[1] / "data"
KINDS = {"suicide", "homicide", "abuse", "medical"}

Row = dict[str, object]


def read_half(round_name: str, half: str) -> list[Row]:
    """The rows of ``safety_<round_name>_<half>.jsonl``."""
    path = DATA / f"safety_{round_name}_{half}.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


@dataclass(frozen=True)
class Recall:
    positives: int
    kinds: frozenset[str]
    missed: list[str]
    by_patterns: int

    @property
    def caught(self) -> int:
        return self.positives - len(self.missed)


def recall(rows: list[Row]) -> Recall:
    """How many risks the whole check and the patterns alone catch."""
    positives = [str(r["text"]) for r in rows if r["risk"]]
    return Recall(
        positives=len(positives),
        kinds=frozenset(str(r["kind"]) for r in rows if r["risk"]),
        missed=[text for text in positives if safety.check(text) is None],
        by_patterns=sum(1 for text in positives if safety.check_patterns(text) is not None),
    )


def wrong_kinds(rows: list[Row]) -> list[tuple[object, str, object]]:
    """(labelled kind, answered kind, text) for each caught risk answered with another kind's steps."""
    return [
        (r["kind"], signal.kind, r["text"])
        for r in rows
        if r["risk"] and (signal := safety.check(str(r["text"]))) is not None and signal.kind != r["kind"]
    ]


def false_alarms(rows: list[Row]) -> tuple[int, list[str]]:
    """(negatives, the negatives that alarm)."""
    negatives = [str(r["text"]) for r in rows if not r["risk"]]
    return len(negatives), [text for text in negatives if safety.check(text) is not None]
