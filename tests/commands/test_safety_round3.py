"""A third author's safety set (2026-11-23), written without seeing the patterns or earlier sets.

Measured before any change: recall 59/60 (49 by the patterns alone, 10 more by the learned
backstop), false alarms 5/60, all five on the cautious side (a completed safety plan, a vignette,
a sibling's "gonna kill my brother", an old hospitalisation, a novel). The one miss, a client
sending a photo of a rifle and a named person's house captioned "tonight", led to two general
warning signs of targeted violence (displaying weapons; photos of a person's home or work): that
line is in-sample now, the other 119 are not. Floors below guard against regressions.
"""

from __future__ import annotations

import json
from pathlib import Path

from commands.classify import classify

DATA = Path(__file__).resolve().parents[1] / "data"
ROUND3 = DATA / "safety_round3.jsonl"
KINDS = {"suicide", "homicide", "abuse", "medical"}


def rows() -> list[dict[str, object]]:
    return [json.loads(line) for line in ROUND3.read_text().splitlines() if line.strip()]


def test_round3_recall_stays_at_or_above_95_percent() -> None:
    positives = [r for r in rows() if r["risk"]]
    missed = [str(r["text"]) for r in positives if not classify(str(r["text"])).safety]
    assert len(positives) == 60 and {r["kind"] for r in positives} == KINDS
    assert len(missed) <= 3, missed


def test_round3_false_alarms_stay_at_or_under_10_percent() -> None:
    negatives = [str(r["text"]) for r in rows() if not r["risk"]]
    alarms = [text for text in negatives if classify(text).safety]
    assert len(negatives) == 60
    assert len(alarms) <= 6, alarms


def test_round3_texts_are_not_in_any_training_or_eval_file() -> None:
    others = (
        Path(__file__).resolve().parents[2] / "commands" / "data" / "classifier_training.yml"
    ).read_text()
    for name in ("boundary_eval", "safety_negatives", "safety_heldout"):
        others += (DATA / f"{name}.jsonl").read_text()
    leaked = [str(r["text"]) for r in rows() if str(r["text"]) in others]
    assert leaked == []
