"""The /boundary classifier on a fifth held-out set, in the styles the earlier sets had least of.

``boundary_heldout5_dev.jsonl`` and ``boundary_heldout5_test.jsonl`` hold 240 dilemmas (16 per
non-safety category: 8 in dev, 8 in test) from a new author, four styles per category: terse Slack
fragments ("clt gift card $50?? keep or no"), long messages of 50-90 words with the question at the
end, writing by trainees whose first language is not English, and voice-to-text without punctuation.

Measured first with the classifier as it stood after the fourth set (2026-12-04): dev top-1 118/120;
test top-1 111/120. The same author's 390 training phrasings were then tried as examples: dev totals
over the four held-out sets unchanged (470), this set's dev 118 -> 116, so they were not kept (and
keeping them would have made this set's test half no longer an unseen author's). One dev miss led
to a pattern for a family of messages: a client in a class the trainee teaches, TAs or grades
(multiple relationships). Dev after: 119/120; left alone: an insurance authorization that ran out,
read as money rather than ending (either is defensible). The test half, measured once at the end:
top-1 111/120, top-3 119/120, no safety banner on any of the 240. Floors sit a little below.

``boundary_heldout5_wide.jsonl`` holds the same author's 390 phrasings that were not kept for
training (26 per category, the four styles): never looked at one by one, they are a wider held-out
sample. Measured after the change above: top-1 327/390 (0.838), top-3 375/390 (0.962); the most
frequent confusions are countertransference read as self-disclosure (5) and ending read as
confidentiality (3).
"""

from __future__ import annotations

import pytest

from commands.classify import classify
from commands.safety import normalize
from tests.commands.classify_heldout import (
    assert_covers_every_non_safety_category,
    assert_halves_disjoint,
    assert_not_in_training,
    assert_top_k_floors,
    ranking_without_safety,
    read_jsonl,
    top_k,
    training_examples,
)

FLOORS: dict[str, tuple[float, float]] = {
    "boundary_heldout5_dev.jsonl": (0.98, 0.99),
    "boundary_heldout5_test.jsonl": (0.91, 0.98),
}
"""Per file: (top-1, top-3) accuracy floors."""

SAFETY_BANNERS: dict[str, int] = {"boundary_heldout5_dev.jsonl": 0, "boundary_heldout5_test.jsonl": 0}
"""Most ordinary dilemmas per file that may raise the safety banner (none of these is a risk)."""

OTHER_SETS = (
    "boundary_eval.jsonl",
    "boundary_heldout_dev.jsonl",
    "boundary_heldout_test.jsonl",
    "boundary_heldout3_dev.jsonl",
    "boundary_heldout3_test.jsonl",
    "boundary_heldout4_dev.jsonl",
    "boundary_heldout4_test.jsonl",
)
"""Earlier evaluation files, which these must not repeat."""


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_heldout5_file_covers_every_non_safety_category(name: str) -> None:
    assert_covers_every_non_safety_category(name)


def test_heldout5_halves_do_not_overlap_each_other_or_earlier_sets() -> None:
    assert_halves_disjoint("boundary_heldout5_dev.jsonl", "boundary_heldout5_test.jsonl", OTHER_SETS)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_heldout5_phrasings_are_not_in_the_training_file(name: str) -> None:
    assert_not_in_training(name)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_heldout5_top1_and_top3_accuracy_floors(name: str) -> None:
    assert_top_k_floors(name, *FLOORS[name])


@pytest.mark.parametrize("name", sorted(SAFETY_BANNERS))
def test_heldout5_ordinary_dilemmas_rarely_raise_the_safety_banner(name: str) -> None:
    flagged = [row["text"] for row in read_jsonl(name) if classify(row["text"]).safety]
    assert len(flagged) <= SAFETY_BANNERS[name], flagged


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "just found out a client of mine is in the stats class i TA, i grade her homework",
            "multiple_relationships",
        ),
        ("one of my clients is enrolled in my section of intro psych", "multiple_relationships"),
    ],
)
def test_general_patterns_rank_their_family(text: str, category: str) -> None:
    assert ranking_without_safety(text)[0] == category, classify(text).ranked[:3]


def test_heldout5_wide_sample_accuracy_floor() -> None:
    rows = read_jsonl("boundary_heldout5_wide.jsonl")
    assert len(rows) == 390
    top1, top3, misses = top_k(rows, ranking_without_safety)
    assert top1 / len(rows) >= 0.82, f"top-1 {top1}/{len(rows)}\n" + "\n".join(misses)
    assert top3 / len(rows) >= 0.95, f"top-3 {top3}/{len(rows)}"


def test_heldout5_wide_sample_is_not_in_the_training_file_or_the_halves() -> None:
    wide = {normalize(row["text"]) for row in read_jsonl("boundary_heldout5_wide.jsonl")}
    assert not wide & training_examples()
    halves = {normalize(r["text"]) for n in FLOORS for r in read_jsonl(n)}
    assert not wide & halves
