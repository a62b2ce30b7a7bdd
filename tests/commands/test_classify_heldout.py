"""The /boundary classifier on a held-out set written the way trainees type in Slack.

``boundary_heldout_dev.jsonl`` and ``boundary_heldout_test.jsonl`` hold 225 dilemmas (15 per
non-safety category: 8 in dev, 7 in test), written fresh before the training file or the eval set
was read: lower case, abbreviations (pt, clt, sesh, w/), typos, indirect phrasing, school, hospital,
rural, telehealth, group and couples settings, some with a second, minor issue.

The dev half was looked at: its misses guided the examples and patterns added to
``commands/data/classifier_training.yml``. The test half was measured once, at the end, and never
used to choose an addition. Figures when the floors were set (2026-12-03):

* dev: top-1 113/120 (0.942), top-3 119/120 (0.992); before the additions 99/120 and 115/120;
* test: top-1 91/105 (0.867), top-3 103/105 (0.981); before the additions 87/105 and 102/105.

Later changes that were not chosen by looking at this test half (2026-12-04): the third set's
additions and naive Bayes settings left it at 92/105; 374 training phrasings from another
independent author (written without reading the training file or any test set) took it to 94/105,
top-3 104/105; 372 short, indirect phrasings from a third author: 93/105; 449 from a fourth,
across professions and settings: 94/105, top-3 105/105. (A batch of long messages was measured and
not kept: in-sample top-1 fell 351 -> 346/375.)

The floors sit a little below those figures, so a regression fails here. The held-out phrasings are
kept out of the training file (checked below), or these figures would stop measuring anything.
"""

from __future__ import annotations

from collections import Counter

import pytest

from commands.classify import CATEGORY_IDS, classify
from commands.safety import normalize
from tests.commands.classify_heldout import read_jsonl, top_k, training_examples

FLOORS: dict[str, tuple[float, float]] = {
    "boundary_heldout_dev.jsonl": (0.92, 0.975),
    "boundary_heldout_test.jsonl": (0.84, 0.96),
}
"""Per file: (top-1, top-3) accuracy floors."""


def _ids(text: str) -> list[str]:
    return [category for category, _ in classify(text).ranked]


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_heldout_file_covers_every_non_safety_category(name: str) -> None:
    rows = read_jsonl(name)
    counts = Counter(row["category"] for row in rows)
    assert set(counts) == set(CATEGORY_IDS) - {"safety_crisis"}, counts
    assert min(counts.values()) >= 7, counts


def test_heldout_halves_do_not_overlap() -> None:
    dev = {normalize(row["text"]) for row in read_jsonl("boundary_heldout_dev.jsonl")}
    test = {normalize(row["text"]) for row in read_jsonl("boundary_heldout_test.jsonl")}
    assert not dev & test


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_heldout_phrasings_are_not_in_the_training_file(name: str) -> None:
    seen = training_examples()
    leaked = [row["text"] for row in read_jsonl(name) if normalize(row["text"]) in seen]
    assert not leaked, leaked


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_heldout_top1_and_top3_accuracy_floors(name: str) -> None:
    rows = read_jsonl(name)
    top1, top3, misses = top_k(rows, _ids)
    floor1, floor3 = FLOORS[name]
    assert top1 / len(rows) >= floor1, f"top-1 {top1}/{len(rows)}\n" + "\n".join(misses)
    assert top3 / len(rows) >= floor3, f"top-3 {top3}/{len(rows)}\n" + "\n".join(misses)
