"""What the held-out /boundary tests share: reading a set, the training file's phrasings, and top-k.

Each ``test_classify_heldout*.py`` keeps its own floors and history and ranks its own way (the third
set reads the ranking without ``safety_crisis`` when the safety check put it first).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from commands.safety import normalize

DATA = Path(__file__).resolve().parents[1] / "data"


def read_jsonl(name: str) -> list[dict[str, Any]]:
    """The rows of ``tests/data/<name>``."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def training_examples() -> set[str]:
    """Every example phrasing of the training file, normalized, to check for leaks."""
    source = resources.files("commands").joinpath("data/classifier_training.yml").read_text(encoding="utf-8")
    training = yaml.safe_load(source)
    return {normalize(text) for spec in training["categories"].values() for text in spec.get("examples", [])}


def top_k(rows: Sequence[dict[str, Any]], ranking: Callable[[str], list[str]]) -> tuple[int, int, list[str]]:
    """(top-1 hits, top-3 hits, one line per top-1 miss) of ``ranking`` over labelled rows."""
    top1 = top3 = 0
    misses: list[str] = []
    for row in rows:
        ids = ranking(row["text"])
        top1 += ids[0] == row["category"]
        top3 += row["category"] in ids[:3]
        if ids[0] != row["category"]:
            misses.append(f"{row['category']}: {row['text']!r} -> {ids[:3]}")
    return top1, top3, misses
