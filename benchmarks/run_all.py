"""Runs every benchmark, prints one table, and writes it to docs/benchmarks.md.

Each ``bench_*.py`` module exposes ``run() -> list[tuple[str, str]]``. Figures are measured in one
run on one machine; compare ratios measured together, not absolute times across machines. Each
module runs in a fresh interpreter: a latency benchmark's client threads must not share a heap
(and its garbage collections) with the word lists and models an earlier benchmark loaded.
"""

from __future__ import annotations

import datetime as dt
import json
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

MODULES = ("bench_classify", "bench_deidentify", "bench_digest", "bench_fanout", "bench_http", "bench_memory")


RUNNER = """
import json, sys
sys.path.insert(0, sys.argv[1]); sys.path.insert(0, sys.argv[1] + "/benchmarks")
rows = __import__(sys.argv[2]).run()
print("ROWS " + json.dumps([[str(a), str(b)] for a, b in rows]))
"""


def run_isolated(name: str) -> list[tuple[str, str]]:
    """``name.run()`` in a fresh interpreter; its own output passes through to stderr."""
    done = subprocess.run(
        [sys.executable, "-c", RUNNER, str(ROOT), name],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    line = next(x for x in reversed(done.stdout.splitlines()) if x.startswith("ROWS "))
    return [(label, value) for label, value in json.loads(line[len("ROWS ") :])]


def main() -> None:
    sections: list[str] = [
        "# Benchmarks",
        "",
        f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, "
        f"Python {platform.python_version()}, by `python benchmarks/run_all.py`.",
        "",
    ]
    for name in MODULES:
        if not (ROOT / "benchmarks" / f"{name}.py").exists():
            continue
        started = time.perf_counter()
        print(f"== {name} ...", file=sys.stderr, flush=True)
        rows = run_isolated(name)
        took = time.perf_counter() - started
        table = [f"## {name} ({took:.1f} s)", "", "| figure | value |", "|---|---|"]
        table += [f"| {label} | {value} |" for label, value in rows]
        print("\n".join(table) + "\n", flush=True)
        sections += [*table, ""]
    out = ROOT / "docs" / "benchmarks.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text("\n".join(sections))
    print(f"wrote {out.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
