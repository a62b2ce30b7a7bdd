"""The /boundary classifier and the imminent-risk check, on the acceptance phrases and the eval set.

The floors over ``tests/data`` are regression guards: they fail as soon as the classifier or the
safety check gets worse. The eval phrasings are kept out of the training file (checked below), so
the figures measure wording the model never saw.
"""

from __future__ import annotations

import json
import statistics
import time
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from commands import safety
from commands.classify import CATEGORY_IDS, Classification, classify
from commands.safety import SafetySignal, check, normalize

DATA = Path(__file__).resolve().parents[1] / "data"


def _jsonl(name: str) -> list[dict[str, Any]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


EVAL = _jsonl("boundary_eval.jsonl")
NEGATIVES = [row["text"] for row in _jsonl("safety_negatives.jsonl")]
POSITIVES = [row["text"] for row in EVAL if row["category"] == "safety_crisis"]


def _acceptable(row: dict[str, Any]) -> set[str]:
    return {row["category"], *row.get("also", [])}


# ------------------------------------------------------------------------------------ acceptance phrases


@pytest.mark.parametrize(
    ("text", "top_k", "expected", "safety"),
    [
        ("a client gave me a scarf she knitted", 1, {"gifts"}, False),
        ("client said tonight she will take all her pills", 1, {"safety_crisis"}, True),
        ("a client hugged me after the session", 1, {"physical_touch"}, False),
        ("my client sent me a friend request on facebook", 1, {"social_media"}, False),
        ("pt sent me a frend request on instagarm", 1, {"social_media"}, False),
        ("clt keeps txting me late at night", 1, {"between_session_contact"}, False),
        (
            "she asked if we could grab coffee after we finish our work together",
            1,
            {"multiple_relationships"},
            False,
        ),
        ("I ran into my pt at the grocery store", 1, {"public_encounters"}, False),
    ],
)
def test_acceptance_phrases(text: str, top_k: int, expected: set[str], safety: bool) -> None:
    result = classify(text)
    top = {category for category, _ in result.ranked[:top_k]}
    assert expected & top, f"{text!r} ranked {result.ranked[:3]}"
    assert result.safety is safety


def test_supervisee_on_instagram_is_social_media_or_supervision() -> None:
    result = classify("my supervisee wants to be friends on instagram")
    ids = [category for category, _ in result.ranked]
    assert ids[0] == "social_media" or "supervision_relationship" in ids[:2], ids[:3]
    assert "social_media" in ids[:2]
    assert result.safety is False


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("my client hugged me and then handed me a gift card", "physical_touch", "gifts"),
        (
            "client keeps texting me at night and now wants to follow me on instagram",
            "between_session_contact",
            "social_media",
        ),
        ("my supervisor asked me out on a date", "supervision_relationship", "romantic_sexual"),
        (
            "client offered to fix my car instead of paying her copay",
            "money_and_bartering",
            "multiple_relationships",
        ),
    ],
)
def test_two_issues_both_rank_high(text: str, first: str, second: str) -> None:
    top3 = [category for category, _ in classify(text).ranked[:3]]
    assert first in top3 and second in top3, f"{text!r} ranked {top3}"


# ------------------------------------------------------------------------------------ the contract


@pytest.mark.parametrize(
    "text", ["", "   ", "???", "a client gave me a scarf she knitted", "kms", "x" * 5000]
)
def test_ranking_covers_every_id_once_best_first(text: str) -> None:
    result = classify(text)
    assert isinstance(result, Classification)
    ids = [category for category, _ in result.ranked]
    scores = [score for _, score in result.ranked]
    assert sorted(ids) == sorted(CATEGORY_IDS)
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= score <= 1.0 for score in scores)
    assert result.category == ids[0]
    assert (result.safety_reason is not None) is result.safety


def test_category_ids_match_the_taxonomy() -> None:
    taxonomy = Path(__file__).resolve().parents[3] / "shared" / "taxonomy.md"
    if not taxonomy.exists():
        pytest.skip("shared/taxonomy.md is not beside the project")
    text = taxonomy.read_text(encoding="utf-8")
    ids = [
        line.split("|")[1].strip() for line in text.splitlines() if line.startswith("| ") and "|" in line[2:]
    ]
    assert tuple(i for i in ids if i not in ("id", "---")) == CATEGORY_IDS


@pytest.mark.parametrize("text", [*POSITIVES, *NEGATIVES, *(row["text"] for row in EVAL)])
def test_safety_crisis_is_first_whenever_safety_fires(text: str) -> None:
    result = classify(text)
    if result.safety:
        assert result.category == "safety_crisis"
        assert result.safety_kind in ("suicide", "homicide", "abuse", "medical")


# ------------------------------------------------------------------------------------ the safety check


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("kms", "suicide"),
        ("pt says she wants to unalive herself", "suicide"),
        ("client plans an overdose tonight", "suicide"),
        ("she said goodbye and gave away her things", "suicide"),
        ("client has the pills saved up", "suicide"),
        ("said he's going to kill his boss", "homicide"),
        ("HI with a plan", "homicide"),
        ("her stepdad hits her", "abuse"),
        ("the kid said he's left alone for days", "abuse"),
        ("elderly mother is being hit by the aide", "abuse"),
        ("foster parents lock the 6yo in the closet when he acts up", "abuse"),
        ("dad locked the twins out of the house overnight", "abuse"),
        ("asked her sister to look after the dog when she is gone, and she paid off her debts", "suicide"),
        ("client collapsed in the lobby and is unresponsive", "medical"),
        ("client is sucidal and has a plan", "suicide"),
    ],
)
def test_safety_fires_with_the_right_kind(text: str, kind: str) -> None:
    signal = check(text)
    assert isinstance(signal, SafetySignal), text
    assert signal.kind == kind
    assert signal.reason


@pytest.mark.parametrize(
    "text",
    [
        "client had a suicide attempt 10 years ago and is stable",
        "we discussed her history of SI, denies current ideation",
        "reading about suicide risk assessment for class",
        "a client gave me a scarf",
        "client wants to be friends on instagram",
        "client said work is killing her",
        "killer headache",
        "denies SI/HI",
        "Hi all, a question about gifts",
        "insurance cap is hit, pt cant afford more. how to wrap up w/o abandoning him",
        "her deductible got hit in march so the copay changed",
        "we lock the meds in a box at the clinic",
        "she asked me to feed her cat after school while she is at camp",
        "i lock the door when the kids are in the room",
    ],
)
def test_safety_stays_quiet_on_past_negated_and_general_mentions(text: str) -> None:
    assert check(text) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Pt denies SI/HI", "client denies suicidal ideation"),
        ("clt sent a DM on IG", "client sent a direct message on instagram"),
        ("HI w/ plan", "homicidal ideation with plan"),
        ("my 15yo client", "15 year old"),
        ("hi, my client", "hi , my client"),
    ],
)
def test_normalize_expands_what_trainees_type(raw: str, expected: str) -> None:
    assert expected in normalize(raw)


# ------------------------------------------------------------------------------------ the eval data


def test_eval_file_covers_every_category_with_enough_phrasings() -> None:
    counts = Counter(row["category"] for row in EVAL)
    assert set(counts) == set(CATEGORY_IDS)
    assert min(counts.values()) >= 12, counts
    for row in EVAL:
        assert _acceptable(row) <= set(CATEGORY_IDS), row
    assert len(POSITIVES) >= 20
    assert len(NEGATIVES) >= 30


def test_eval_phrasings_are_not_in_the_training_file() -> None:
    source = resources.files("commands").joinpath("data/classifier_training.yml").read_text(encoding="utf-8")
    training = yaml.safe_load(source)
    seen = {normalize(text) for spec in training["categories"].values() for text in spec.get("examples", [])}
    leaked = [text for text in [*(row["text"] for row in EVAL), *NEGATIVES] if normalize(text) in seen]
    assert not leaked, leaked


def test_top1_and_top3_accuracy_floors() -> None:
    top1 = top3 = 0
    misses: list[str] = []
    for row in EVAL:
        ids = [category for category, _ in classify(row["text"]).ranked]
        ok = _acceptable(row)
        top1 += ids[0] in ok
        top3 += bool(ok & set(ids[:3]))
        if ids[0] not in ok:
            misses.append(f"{row['category']}: {row['text']!r} -> {ids[:3]}")
    assert top1 / len(EVAL) >= 0.85, "\n".join(misses)
    assert top3 / len(EVAL) >= 0.95, "\n".join(misses)


def test_safety_recall_is_complete() -> None:
    missed = [text for text in POSITIVES if not classify(text).safety]
    assert not missed


def test_safety_false_alarms_stay_rare() -> None:
    alarms = [text for text in NEGATIVES if classify(text).safety]
    assert len(alarms) / len(NEGATIVES) <= 0.05, alarms


def test_classification_is_fast() -> None:
    texts = [row["text"] for row in EVAL] + NEGATIVES
    for text in texts[:20]:
        classify(text)
    timings: list[float] = []
    for text in texts:
        started = time.perf_counter()
        classify(text + " ")  # defeat any per-text cache
        timings.append(time.perf_counter() - started)
    p99 = statistics.quantiles(timings, n=100)[98]
    assert p99 < 0.020, f"p99 {p99 * 1000:.1f} ms"


def test_an_unsaid_after_for_a_pet_is_asked_about() -> None:
    """A pet entrusted to someone "after", with nothing said about after what, fires the check.

    Until 2026-12-04 this was pinned as quiet. The fifth author's set then wrote the same sign as a
    risk ("make sure her cat goes to a good home 'after'"), and the backstop retrained on the
    authors' sets learned it; with the eighth set's retraining at a stricter threshold the backstop
    no longer caught the fourth author's "take care of her cat 'after'", so it is a pattern now. A
    supervisor would ask "after what?" too.
    """
    signal = safety.check_patterns("she made me promise to take care of her cat after")
    assert signal is not None and signal.kind == "suicide"
    assert safety.check_patterns("she asked me to take care of her cat after her surgery") is None
