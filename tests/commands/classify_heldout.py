"""What the held-out /boundary tests share: reading a set, the training file's phrasings, and top-k.

Each ``test_classify_heldout*.py`` keeps its own floors and history and ranks its own way (the third
set reads the ranking without ``safety_crisis`` when the safety check put it first).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from commands.classify import CATEGORY_IDS, classify
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


def ranking_without_safety(text: str) -> list[str]:
    """The ids best first, without ``safety_crisis`` when the safety check put it there.

    Its place first is the safety check's business, tested elsewhere; these sets hold no risks.
    """
    result = classify(text)
    ids = [category for category, _ in result.ranked]
    return [category for category in ids if category != "safety_crisis"] if result.safety else ids


def assert_covers_every_non_safety_category(name: str, least: int = 8) -> None:
    counts = Counter(row["category"] for row in read_jsonl(name))
    assert set(counts) == set(CATEGORY_IDS) - {"safety_crisis"}, counts
    assert min(counts.values()) >= least, counts


def assert_halves_disjoint(dev: str, test: str, others: Sequence[str]) -> None:
    """The two halves share no text, and neither repeats an earlier evaluation file."""
    dev_texts = {normalize(row["text"]) for row in read_jsonl(dev)}
    test_texts = {normalize(row["text"]) for row in read_jsonl(test)}
    assert not dev_texts & test_texts
    earlier = {normalize(row["text"]) for name in others for row in read_jsonl(name)}
    assert not (dev_texts | test_texts) & earlier


def assert_not_in_training(name: str) -> None:
    seen = training_examples()
    leaked = [row["text"] for row in read_jsonl(name) if normalize(row["text"]) in seen]
    assert not leaked, leaked


def assert_top_k_floors(name: str, floor1: float, floor3: float) -> None:
    rows = read_jsonl(name)
    top1, top3, misses = top_k(rows, ranking_without_safety)
    assert top1 / len(rows) >= floor1, f"top-1 {top1}/{len(rows)}\n" + "\n".join(misses)
    assert top3 / len(rows) >= floor3, f"top-3 {top3}/{len(rows)}\n" + "\n".join(misses)
