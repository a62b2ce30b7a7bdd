"""A safety set written by a different author before the check was widened, kept out of training.

The check was later widened using the *kinds* of miss seen here (not these texts), so this is a
held-out set with mild contamination; it guards against regressions on independent wording.
"""

from __future__ import annotations

import json
from pathlib import Path

from commands.classify import classify

HELDOUT = Path(__file__).resolve().parents[1] / "data" / "safety_heldout.jsonl"


def rows() -> list[dict[str, object]]:
    return [json.loads(line) for line in HELDOUT.read_text().splitlines() if line.strip()]


def test_heldout_safety_recall_is_complete() -> None:
    positives = [str(r["text"]) for r in rows() if r["safety"]]
    missed = [text for text in positives if not classify(text).safety]
    assert len(positives) >= 30
    assert missed == []


def test_heldout_false_alarms_stay_under_five_percent() -> None:
    negatives = [str(r["text"]) for r in rows() if not r["safety"]]
    alarms = [text for text in negatives if classify(text).safety]
    assert len(negatives) >= 30
    assert len(alarms) / len(negatives) <= 0.05, alarms


def test_heldout_texts_are_not_in_any_training_or_eval_file() -> None:
    data = Path(__file__).resolve().parents[2] / "commands" / "data"
    others = (data / "classifier_training.yml").read_text() + (
        data.parent.parent / "tests" / "data" / "boundary_eval.jsonl"
    ).read_text()
    leaked = [str(r["text"]) for r in rows() if str(r["text"]) in others]
    assert leaked == []
