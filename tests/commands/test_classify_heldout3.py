"""The /boundary classifier on a third held-out set, written the way trainees type in Slack.

``boundary_heldout3_dev.jsonl`` and ``boundary_heldout3_test.jsonl`` hold 240 dilemmas (16 per
non-safety category: 8 in dev, 8 in test), written independently of the training file and of the
earlier held-out sets: lower case, abbreviations (pt, clt, sesh, w/, tmrw), typos, indirect
phrasing, school, hospital, rural, telehealth, family and couples settings, some with a second,
minor issue.

The dev half was looked at: its misses guided the examples and patterns added to
``commands/data/classifier_training.yml``, each written for a family of messages rather than for
the dev sentence. One dev miss was left alone as debatable (a supervisor telling the trainee to
waive copays, ranked ``supervision_relationship``). The test half was measured once, at the end,
and never used to choose an addition. When the safety check fires the ranking is read without
``safety_crisis`` (its place first is the safety check's business, tested elsewhere). Figures when
the floors were set (2026-12-04):

* dev: top-1 119/120 (0.992), top-3 120/120 (1.000); before the additions 102/120 and 118/120;
* test: top-1 92/120 (0.767), top-3 108/120 (0.900) after the additions, and the same 92/120 with
  the training file from before them (measured afterwards, to know): the dev fixes did not carry
  over to the test half's phrasings;
* then the naive Bayes settings were chosen by a grid search (smoothing, temperature, character
  n-gram weight) on the dev halves of this set and of ``boundary_heldout_dev.jsonl``, ties broken
  by the in-sample eval: smoothing 1.0 -> 0.5 and n-gram weight 0.3 -> 0.5 (dev 0.975 -> 0.979).
  The grid printed the test figures too, so they are not untouched; the two configurations tied
  on dev score the same on test. Test after: top-1 95/120 (0.792), top-3 112/120 (0.933);
* then 374 training phrasings from another independent author, written without reading the
  training file or any test set, added as examples (not chosen by this set): test top-1 99/120
  (0.825), top-3 114/120 (0.950); dev unchanged; then 372 short, indirect phrasings from a third
  author: test top-1 102/120 (0.850); 449 from a fourth author across professions and settings:
  103/120 (0.858), top-3 116/120.

The floors sit a little below those figures, so a regression fails here. The held-out phrasings are
kept out of the training file (checked below), or these figures would stop measuring anything.
"""

from __future__ import annotations

import pytest

from tests.commands.classify_heldout import (
    assert_covers_every_non_safety_category,
    assert_halves_disjoint,
    assert_not_in_training,
    assert_top_k_floors,
)

FLOORS: dict[str, tuple[float, float]] = {
    "boundary_heldout3_dev.jsonl": (0.975, 0.99),
    "boundary_heldout3_test.jsonl": (0.8, 0.935),
}
"""Per file: (top-1, top-3) accuracy floors."""

OTHER_SETS = ("boundary_eval.jsonl", "boundary_heldout_dev.jsonl", "boundary_heldout_test.jsonl")
"""Earlier evaluation files, which these must not repeat."""


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_heldout3_file_covers_every_non_safety_category(name: str) -> None:
    assert_covers_every_non_safety_category(name)


def test_heldout3_halves_do_not_overlap_each_other_or_earlier_sets() -> None:
    assert_halves_disjoint("boundary_heldout3_dev.jsonl", "boundary_heldout3_test.jsonl", OTHER_SETS)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_heldout3_phrasings_are_not_in_the_training_file(name: str) -> None:
    assert_not_in_training(name)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_heldout3_top1_and_top3_accuracy_floors(name: str) -> None:
    assert_top_k_floors(name, *FLOORS[name])
