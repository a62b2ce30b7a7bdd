"""De-identifier quality and speed: recall per identifier kind, must-keep survival, texts/s, load time.

Quality is measured on the labelled corpus ``tests/data/deid_corpus.jsonl`` (an identifier counts as
caught when none of its original text survives), and on the two held-out trainee-style files beside
it, which keep the corpus honest. Speed is measured on one core, in this process, on texts of about
40 words (four corpus texts joined), which is what a Slack reflection looks like.
Load time is measured in a fresh interpreter so that nothing is already cached. Run:
``python benchmarks/bench_deidentify.py``.
"""

from __future__ import annotations

import subprocess
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from storage.deidentify import KINDS, Deidentifier, Lexicon  # noqa: E402
from tests.storage.deid_scoring import read_rows, score  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "deid_corpus.jsonl"
HELDOUT = {
    "held-out dev": ROOT / "tests" / "data" / "deid_heldout_dev.jsonl",
    "held-out test": ROOT / "tests" / "data" / "deid_heldout_test.jsonl",
    "held-out 2 dev": ROOT / "tests" / "data" / "deid_heldout2_dev.jsonl",
    "held-out 2 test": ROOT / "tests" / "data" / "deid_heldout2_test.jsonl",
    "held-out 3 dev": ROOT / "tests" / "data" / "deid_heldout3_dev.jsonl",
    "held-out 3 test": ROOT / "tests" / "data" / "deid_heldout3_test.jsonl",
    "held-out 4 dev": ROOT / "tests" / "data" / "deid_heldout4_dev.jsonl",
    "held-out 4 test": ROOT / "tests" / "data" / "deid_heldout4_test.jsonl",
    "held-out 5 dev": ROOT / "tests" / "data" / "deid_heldout5_dev.jsonl",
    "held-out 5 test": ROOT / "tests" / "data" / "deid_heldout5_test.jsonl",
    "held-out 6 dev": ROOT / "tests" / "data" / "deid_heldout6_dev.jsonl",
    "held-out 6 test": ROOT / "tests" / "data" / "deid_heldout6_test.jsonl",
}
"""Trainee-style texts written without looking at the rules: the dev half guided changes, the
test half was measured once (see tests/storage/test_deidentify_heldout.py and, for the second,
name-centred set, test_deidentify_heldout2.py; the third, with organisations and lower-case
places, test_deidentify_heldout3.py; the fourth and fifth, test_deidentify_heldout4.py and
test_deidentify_heldout5.py; the sixth, with case summaries and dictated notes,
test_deidentify_heldout6.py). Quality only."""
SECONDS = 3.0

LOAD_SCRIPT = """
import sys, time
sys.path.insert(0, sys.argv[1])
started = time.perf_counter()
from storage.deidentify import default_deidentifier
default_deidentifier().deidentify("warm up")
print(time.perf_counter() - started)
"""


def _quality(deid: Deidentifier, rows: list[dict[str, Any]]) -> list[tuple[str, str]]:
    scores = score(rows, deid)
    caught, total, kept, keep_total = scores.caught, scores.total, scores.kept, scores.keep_total
    figures = [
        (f"recall {kind}", f"{caught[kind] / total[kind]:.3f} ({caught[kind]}/{total[kind]})")
        for kind in KINDS
        if total[kind]
    ]
    all_caught, all_total = sum(caught.values()), sum(total.values())
    figures.append(("recall, all identifiers", f"{all_caught / all_total:.3f} ({all_caught}/{all_total})"))
    figures.append(("must-keep survival", f"{kept / keep_total:.3f} ({kept}/{keep_total})"))
    return figures


def _throughput(deid: Deidentifier, rows: list[dict[str, Any]]) -> tuple[float, float]:
    texts = [str(row["text"]) for row in rows]
    long_texts = [" ".join(texts[i : i + 4]) for i in range(0, len(texts) - 3, 4)]
    words = sum(len(t.split()) for t in long_texts) / len(long_texts)
    for text in long_texts:
        deid.deidentify(text)
    done = 0
    started = time.perf_counter()
    while time.perf_counter() - started < SECONDS:
        for text in long_texts:
            deid.deidentify(text)
        done += len(long_texts)
    return done / (time.perf_counter() - started), words


def run() -> list[tuple[str, str]]:
    """Measure everything once and return the table rows (label, value)."""
    rows = read_rows(CORPUS)
    cold = subprocess.run(
        [sys.executable, "-c", LOAD_SCRIPT, str(ROOT)], capture_output=True, text=True, check=True
    ).stdout
    started = time.perf_counter()
    deid = Deidentifier(Lexicon.load())
    load = time.perf_counter() - started
    tracemalloc.start()
    held = Lexicon.load()
    memory = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del held
    per_second, words = _throughput(deid, rows)
    heldout: list[tuple[str, str]] = []
    for name, path in HELDOUT.items():
        if path.exists():
            extra = read_rows(path)
            heldout.append((f"{name} texts", str(len(extra))))
            heldout += [(f"{name}: {label}", value) for label, value in _quality(deid, extra)]
    return [
        ("corpus texts", str(len(rows))),
        *_quality(deid, rows),
        *heldout,
        (f"texts/s, one core (~{words:.0f} words each)", f"{per_second:,.0f}"),
        ("load time, fresh process (import + word lists)", f"{float(cold):.3f} s"),
        ("load time, word lists only", f"{load:.3f} s"),
        ("memory held by the word lists", f"{memory / 1e6:.1f} MB"),
    ]


def main() -> None:
    figures = run()
    width = max(len(label) for label, _ in figures)
    print(f"{'figure':<{width}}  value")
    for label, value in figures:
        print(f"{label:<{width}}  {value}")


if __name__ == "__main__":
    main()
