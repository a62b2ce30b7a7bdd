"""Runs every benchmark, prints one table, and writes it to docs/benchmarks.md.

Each ``bench_*.py`` module exposes ``run() -> list[tuple[str, str]]``. Figures are measured in one
run on one machine; compare ratios measured together, not absolute times across machines.
"""

from __future__ import annotations

import datetime as dt
import importlib
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

MODULES = ("bench_classify", "bench_deidentify", "bench_digest", "bench_fanout", "bench_http", "bench_memory")


def main() -> None:
    sections: list[str] = [
        "# Benchmarks",
        "",
        f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, "
        f"Python {platform.python_version()}, by `python benchmarks/run_all.py`.",
        "",
    ]
    for name in MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        started = time.perf_counter()
        print(f"== {name} ...", file=sys.stderr, flush=True)
        rows = module.run()
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
