"""Accuracy, safety recall and speed of the /boundary classifier on the evaluation files.

Accuracy is measured on ``tests/data/boundary_eval.jsonl`` (phrasings kept out of the training
file) and the safety figures on its ``safety_crisis`` rows and ``tests/data/safety_negatives.jsonl``.
Import and load times are measured in a fresh interpreter, because inside this process the modules
are already loaded and the figure would mean nothing. Run: ``python benchmarks/bench_classify.py``.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from commands.classify import classify  # noqa: E402
from commands.safety import BACKSTOP_REASON, check, check_patterns  # noqa: E402

DATA = ROOT / "tests" / "data"

_FRESH_IMPORT = """
import time
started = time.perf_counter()
import commands.classify
classify_import = time.perf_counter() - started
started = time.perf_counter()
from commands.guidance import GuidanceBook
GuidanceBook.load()
guidance_load = time.perf_counter() - started
print(classify_import, guidance_load)
"""


def _jsonl(name: str) -> list[dict[str, Any]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _fresh_import_times(repeats: int = 3) -> tuple[float, float]:
    """Best of a few cold starts, so a busy machine does not inflate the figure."""
    best = (float("inf"), float("inf"))
    for _ in range(repeats):
        out = subprocess.run(
            [sys.executable, "-c", _FRESH_IMPORT], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.split()
        best = (min(best[0], float(out[0])), min(best[1], float(out[1])))
    return best


def _backstop_fired(text: str) -> bool:
    signal = check(text)
    return signal is not None and signal.reason == BACKSTOP_REASON


def run() -> list[tuple[str, str]]:
    """Measure and return ``(figure, value)`` rows for the aggregate benchmark table."""
    rows = _jsonl("boundary_eval.jsonl")
    negatives = [row["text"] for row in _jsonl("safety_negatives.jsonl")]
    positives = [row["text"] for row in rows if row["category"] == "safety_crisis"]

    top1 = top3 = 0
    for row in rows:
        acceptable = {row["category"], *row.get("also", [])}
        ids = [category for category, _ in classify(row["text"]).ranked]
        top1 += ids[0] in acceptable
        top3 += bool(acceptable & set(ids[:3]))
    recall = sum(classify(text).safety for text in positives) / len(positives)
    false_alarms = sum(classify(text).safety for text in negatives) / len(negatives)

    # the learned backstop (commands/safety_model.py): it is trained on the positives and negatives
    # above, so those figures are in-sample; the non-safety eval rows are kept out of its training.
    # Its held-out figures come from benchmarks/train_safety_model.py --rounds.
    pattern_recall = sum(check_patterns(text) is not None for text in positives) / len(positives)
    ordinary = [row["text"] for row in rows if row["category"] != "safety_crisis"]
    backstop_ordinary = sum(_backstop_fired(text) for text in ordinary)
    backstop_negatives = sum(_backstop_fired(text) for text in negatives)

    texts = [row["text"] for row in rows] + negatives
    timings: list[float] = []
    for _ in range(5):
        for text in texts:
            started = time.perf_counter()
            classify(text + " ")
            timings.append(time.perf_counter() - started)
    cuts = statistics.quantiles(timings, n=100)
    import_time, load_time = _fresh_import_times()

    return [
        ("eval texts (categories)", f"{len(rows)} ({len({row['category'] for row in rows})})"),
        ("top-1 accuracy", f"{top1 / len(rows):.3f}"),
        ("top-3 accuracy", f"{top3 / len(rows):.3f}"),
        ("safety recall", f"{recall:.3f} ({len(positives)} positives)"),
        ("safety false-alarm rate", f"{false_alarms:.3f} ({len(negatives)} negatives)"),
        ("safety recall, patterns alone", f"{pattern_recall:.3f}"),
        ("backstop-only alarms on negatives (in-sample)", f"{backstop_negatives}/{len(negatives)}"),
        ("backstop-only alarms on ordinary eval rows (held out)", f"{backstop_ordinary}/{len(ordinary)}"),
        ("classify p50", f"{cuts[49] * 1000:.2f} ms"),
        ("classify p99", f"{cuts[98] * 1000:.2f} ms"),
        ("import commands.classify (cold, incl. training)", f"{import_time * 1000:.0f} ms"),
        ("GuidanceBook.load() (cold)", f"{load_time * 1000:.0f} ms"),
    ]


def main() -> None:
    """Print the figures as a Markdown table."""
    figures = run()
    width = max(len(label) for label, _ in figures)
    print(f"| {'figure'.ljust(width)} | value |")
    print(f"|{'-' * (width + 2)}|-------|")
    for label, value in figures:
        print(f"| {label.ljust(width)} | {value} |")


if __name__ == "__main__":
    main()
