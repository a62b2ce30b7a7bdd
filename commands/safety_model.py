"""A learned backstop for the imminent-risk check: fires on risk wording no pattern anticipated.

The patterns in :mod:`commands.safety` are explainable but brittle: on each fresh batch of
trainee-style messages they missed risks phrased in ways nobody had written a pattern for. This
module scores a message with a small logistic regression over word unigrams, word pairs and
character 3-5-grams of the text as :func:`commands.safety.normalize` leaves it, and guesses the kind
of risk with a multinomial naive Bayes model over the same features.

Nothing is trained at import: the weights and the decision threshold are read from
``data/safety_model.json``, which ``benchmarks/train_safety_model.py`` writes (and which also
reports the held-out evaluation that chose the threshold). Standard library only; scoring a
message takes well under a millisecond.

This module takes already-normalized text, so it does not import :mod:`commands.safety` (which
imports it).
"""

from __future__ import annotations

import json
import math
import re
from array import array
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from itertools import pairwise, repeat
from typing import Any, Literal, cast

Kind = Literal["suicide", "homicide", "abuse", "medical"]
KINDS: tuple[Kind, ...] = ("suicide", "homicide", "abuse", "medical")

_WORD_RE = re.compile(r"[a-z0-9]+")
KIND_MARGIN = 30.0
"""Log-odds by which homicide, abuse or medical must beat suicide, the default urgent steps."""


def features(normalized: str, grams: Callable[[str], tuple[str, ...]] | None = None) -> list[str]:
    """The distinct features of a normalized text: words, word pairs and in-word character n-grams.

    Args:
        normalized: Text as :func:`commands.safety.normalize` returns it.
        grams: Where a word's character n-grams come from (a model passes its own memo of the
            words it knows); computed afresh when not given.

    Returns:
        Feature names, each once, in first-seen order.
    """
    words = _WORD_RE.findall(normalized)
    gram_of = grams or char_grams
    out = dict.fromkeys([f"w:{word}" for word in words])
    out.update(zip([f"b:{first}_{second}" for first, second in pairwise(words)], repeat(None)))
    for word in words:
        out.update(zip(gram_of(word), repeat(None)))
    return list(out)


def char_grams(word: str) -> tuple[str, ...]:
    """A word's character 3-, 4- and 5-grams with ``<`` and ``>`` marking its ends, as features."""
    padded = f"<{word}>"
    return tuple(f"c:{padded[i : i + size]}" for size in (3, 4, 5) for i in range(len(padded) - size + 1))


@dataclass(frozen=True)
class Backstop:
    """Trained weights: a risk score with its threshold, and a kind guesser."""

    bias: float
    weights: Mapping[str, float]
    threshold: float
    kind_prior: Sequence[float]
    kind_loglik: Mapping[str, Sequence[float]]
    _known_grams: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)
    """Character n-grams of the words the model has weights for, worked out once each: everyday
    words recur in every message. Other words (names, typos) are never kept."""

    def __post_init__(self) -> None:
        for key in (*self.weights, *self.kind_loglik):
            if key.startswith("w:"):
                self._known_grams.setdefault(key[2:], ())

    def _grams(self, word: str) -> tuple[str, ...]:
        grams = self._known_grams.get(word)
        if grams is None:
            return char_grams(word)
        if not grams:  # known, not worked out yet (every word has at least one n-gram)
            grams = self._known_grams[word] = char_grams(word)
        return grams

    def features(self, normalized: str) -> list[str]:
        """:func:`features` of a text, with this model's memo of known words' n-grams."""
        return features(normalized, self._grams)

    def score(self, normalized: str) -> float:
        """Probability-like risk score in (0, 1) for a normalized text."""
        feats = self.features(normalized)
        if not feats:
            return 0.0
        total = sum(map(self.weights.get, feats, repeat(0.0))) / math.sqrt(len(feats))
        z = self.bias + total
        return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0

    def fires(self, normalized: str) -> bool:
        """Whether the score reaches the threshold chosen on held-out negatives."""
        return self.score(normalized) >= self.threshold

    def kind(self, normalized: str) -> Kind:
        """The most likely kind of risk; ``suicide`` unless another kind is clearly more likely."""
        logits = list(self.kind_prior)
        for feature in self.features(normalized):
            row = self.kind_loglik.get(feature)
            if row is not None:
                for i, value in enumerate(row):
                    logits[i] += value
        best = max(range(len(KINDS)), key=lambda i: (logits[i], -i))
        # naive Bayes over overlapping n-grams is overconfident; another kind must win clearly
        return KINDS[best] if logits[best] - logits[0] >= KIND_MARGIN else "suicide"

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Backstop:
        """Build from the dictionary that ``benchmarks/train_safety_model.py`` writes."""
        return cls(
            bias=float(data["bias"]),
            weights={str(k): float(v) for k, v in cast("Mapping[str, float]", data["weights"]).items()},
            threshold=float(data["threshold"]),
            kind_prior=[float(v) for v in data["kind_prior"]],
            # packed doubles: a list of float objects per feature took twice the memory
            kind_loglik={
                str(k): array("d", (float(x) for x in v))
                for k, v in cast("Mapping[str, Sequence[float]]", data["kind_loglik"]).items()
            },
        )


def load() -> Backstop:
    """Read the trained backstop shipped in ``commands/data/safety_model.json``."""
    source = resources.files("commands").joinpath("data/safety_model.json").read_text(encoding="utf-8")
    return Backstop.from_json(json.loads(source))
