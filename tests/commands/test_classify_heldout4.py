"""The /boundary classifier on a fourth held-out set, from an author who had read none of the others.

``boundary_heldout4_dev.jsonl`` and ``boundary_heldout4_test.jsonl`` hold 240 dilemmas (16 per
non-safety category: 8 in dev, 8 in test), written the way trainees type in Slack (lower case,
pt/clt/sesh/sup, typos, questions like "is this ok??"), in schools, prisons, hospice, telehealth,
rural clinics, couples and family work, addiction treatment, college counselling, group homes, the
military and faith-based agencies, often without the category's own word.

Both halves were measured first with the classifier as it stood after the third set (2026-12-04):
dev top-1 110/120, top-3 118/120; test top-1 109/120, top-3 116/120, higher than any earlier set's
first measure (the third set's test half started at 92/120), so the earlier authors' phrasings carry
over to a new author's writing.

Then, in this order:

* 420 training phrasings from a fifth independent author, written on the edges where categories are
  easy to confuse (a gift of money against a late payment, a client's Instagram against a gym
  encounter, a supervisor's invitation against a client's), added as examples: dev 110 -> 112,
  in-sample 991 -> 990/1015, the first and third sets' dev halves 116 -> 117 and 119 -> 118;
* the dev half's misses led to patterns for families of messages: someone asking whether a person is
  "one of mine" (confidentiality), shifts or hours offered by a client (multiple relationships),
  whether touch "has a place" in therapy, knowing
  "basically nothing" about a client's culture or faith (competence), a parent who stopped covering
  the sessions (money), "text me when" (between-session contact), and a small negative weight on
  telling or asking one's supervisor, which is how trainees mention supervision in passing rather
  than a question about that relationship. Dev after: top-1 117/120, top-3 119/120. Left alone as
  debatable: "stay in touch once we're done, like coffee" (termination or a second relationship), a
  dream about a client (romantic or countertransference) and a Muslim client's faith at a Christian
  agency, ranked second.

The test half was measured once at the end: top-1 108/120, top-3 117/120 (109 and 116 before): the
dev fixes did not carry over to the test half's phrasings, as with every earlier set. The other
sets' test halves moved 94 -> 95/105 and 103 -> 105/120 with the same changes. Four test texts raise
the learned backstop's safety banner (side hugs with a teenager, a veteran patted on the back, an
elderly man holding a hand, a voicemail greeting); the classifier still ranks them below the banner.
Floors sit a little below the figures, so a regression fails here.
"""

from __future__ import annotations

import pytest

from commands.classify import classify
from tests.commands.classify_heldout import (
    assert_covers_every_non_safety_category,
    assert_halves_disjoint,
    assert_not_in_training,
    assert_top_k_floors,
    ranking_without_safety,
    read_jsonl,
)

FLOORS: dict[str, tuple[float, float]] = {
    "boundary_heldout4_dev.jsonl": (0.96, 0.99),
    "boundary_heldout4_test.jsonl": (0.89, 0.96),
}
"""Per file: (top-1, top-3) accuracy floors."""

SAFETY_BANNERS: dict[str, int] = {"boundary_heldout4_dev.jsonl": 0, "boundary_heldout4_test.jsonl": 4}
"""Most ordinary dilemmas per file that may raise the safety banner (none of these is a risk)."""

OTHER_SETS = (
    "boundary_eval.jsonl",
    "boundary_heldout_dev.jsonl",
    "boundary_heldout_test.jsonl",
    "boundary_heldout3_dev.jsonl",
    "boundary_heldout3_test.jsonl",
)
"""Earlier evaluation files, which these must not repeat."""


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_heldout4_file_covers_every_non_safety_category(name: str) -> None:
    assert_covers_every_non_safety_category(name)


def test_heldout4_halves_do_not_overlap_each_other_or_earlier_sets() -> None:
    assert_halves_disjoint("boundary_heldout4_dev.jsonl", "boundary_heldout4_test.jsonl", OTHER_SETS)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_heldout4_phrasings_are_not_in_the_training_file(name: str) -> None:
    assert_not_in_training(name)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_heldout4_top1_and_top3_accuracy_floors(name: str) -> None:
    assert_top_k_floors(name, *FLOORS[name])


@pytest.mark.parametrize("name", sorted(SAFETY_BANNERS))
def test_heldout4_ordinary_dilemmas_rarely_raise_the_safety_banner(name: str) -> None:
    flagged = [row["text"] for row in read_jsonl(name) if classify(row["text"]).safety]
    assert len(flagged) <= SAFETY_BANNERS[name], flagged


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "a neighbor asked me if the guy next door is one of mine",
            "confidentiality",
        ),
        ("clt offered me a few hours at his landscaping business this summer", "multiple_relationships"),
        ("is touch ever appropriate with adult clients or is it always a no", "physical_touch"),
        ("new client is deaf and i know pretty much nothing about deaf culture", "competence_and_scope"),
        ("her mom was paying for her sessions and stopped, she cant afford it alone", "money_and_bartering"),
        (
            "teen asked if she can text me when she feels like cutting, i said id think about it",
            "between_session_contact",
        ),
    ],
)
def test_general_patterns_rank_their_family(text: str, category: str) -> None:
    assert ranking_without_safety(text)[0] == category, classify(text).ranked[:3]
