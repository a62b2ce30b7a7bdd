"""Map a trainee's free-text dilemma to the boundary taxonomy, and flag imminent risk first.

Trainees type fast and indirectly ("pt sent me a frend request on insta", "she asked if we could
grab coffee after we finish our work together"), so the classifier combines two views that fail
differently:

* weighted phrase patterns per category (``patterns`` in ``data/classifier_training.yml``), which a
  clinician can read and which carry the indirect phrasings a small training set cannot;
* a multinomial naive Bayes model over word, word-pair and character n-gram features, trained at
  import from the phrasings in the same file, which picks up wording no pattern anticipated.

Typos are handled twice: unknown words within one edit of a known word are corrected before either
view sees them, and character n-grams give the statistical view partial credit for the rest.
Everything is standard library plus PyYAML and takes about a millisecond per text, with no
I/O after import, so it can sit inside Slack's three-second acknowledgement.

The safety check (:mod:`commands.safety`) runs on every text and, when it fires, puts
``safety_crisis`` first regardless of the ranking, because urgent steps come before reflection.
"""

from __future__ import annotations

import math
import re
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any, NamedTuple

import yaml

from commands.regex_screen import RegexScreen
from commands.safety import SafetyKind, check_normalized, normalize, within_one_edit

CATEGORY_IDS: tuple[str, ...] = (
    "gifts",
    "self_disclosure",
    "multiple_relationships",
    "social_media",
    "romantic_sexual",
    "physical_touch",
    "between_session_contact",
    "friends_and_family",
    "public_encounters",
    "money_and_bartering",
    "confidentiality",
    "termination_and_referral",
    "countertransference",
    "competence_and_scope",
    "supervision_relationship",
    "safety_crisis",
)
"""The taxonomy ids of ``shared/taxonomy.md``, in its order: a stable interface."""

FALLBACK_CATEGORY = "multiple_relationships"
"""Answer for a text that matches nothing: the general boundary guidance fits most such questions."""


@dataclass(frozen=True)
class Classification:
    """The ranking of one text over the taxonomy.

    Attributes:
        category: The best id; ``safety_crisis`` whenever ``safety`` is true.
        ranked: All 16 ids, best first, each with a score in [0, 1] (a softmax over the combined
            evidence, so scores compare within one text, not across texts).
        safety: Whether the imminent-risk check fired.
        safety_reason: Why it fired (kind and what was recognised), for the reply and for review.
        safety_kind: The kind of risk, which selects the urgent steps; None when ``safety`` is false.
    """

    category: str
    ranked: tuple[tuple[str, float], ...]
    safety: bool
    safety_reason: str | None
    safety_kind: SafetyKind | None = None


# ------------------------------------------------------------------------------------ text features


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOPWORDS = _word_set(
    """
    a an the to of and or i me my we our you your is am are was were be been being it its this
    that these those in on at for with so just about do does did have has had what how should
    would could can will shall may might must there their them they he she him her his hers as
    by from if then than also really very some any more most much many too still even get got
    gets getting like one ok okay um uh lol omg tbh ngl hey hi hello guys all everyone question
    quick q wondering thoughts advice help anyone someone know think feel felt thing things kind
    sort
    """
)
_WORD_RE = re.compile(r"[a-z][a-z0-9]*")
# Whole words spelled out in a pattern ("gift" in "\\b(?:gift|gifts)\\b", not "suicid" in "suicid\\w*"),
# so the speller can correct towards the words the patterns look for.
_PATTERN_WORD = re.compile(r"(?<![a-z#])([a-z]{4,})(?=[ |)]|$)")


def _pattern_words(regex: str) -> list[str]:
    return _PATTERN_WORD.findall(re.sub(r"\\[a-zA-Z]", "#", regex.replace("\\b", " ")))


def _stem(word: str) -> str:
    """Fold common English endings so "hugged", "hugs" and "hugging" share a feature."""
    for suffix, minimum in (("ing", 6), ("ies", 5), ("ied", 5), ("ed", 5), ("es", 5), ("ly", 6), ("s", 4)):
        if len(word) >= minimum and word.endswith(suffix) and not word.endswith("ss"):
            stem = word[: -len(suffix)]
            if suffix in ("ies", "ied"):
                stem += "y"
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                stem = stem[:-1]
            return stem
    return word


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class _Speller:
    """Corrects a word within one edit of the known vocabulary ("frend" -> "friend").

    Words shorter than four letters are never corrected and four-letter words only for a swap of
    two letters, because short words sit within one edit of too many others; a symmetric-delete
    index keeps the lookup to a few dictionary probes.
    """

    def __init__(self, vocabulary: Mapping[str, int]) -> None:
        self._known = dict(vocabulary)
        self._index: dict[str, list[str]] = {}
        for word in self._known:
            if len(word) >= 4:
                for deleted in _deletes(word) | {word}:
                    self._index.setdefault(deleted, []).append(word)

    @lru_cache(maxsize=8192)  # noqa: B019 - one speller per process; the cache is the point
    def correct(self, word: str) -> str:
        """Return the known word one typo away, or ``word`` itself when unsure.

        Typists rarely get the first letter wrong, and an unknown inflection of a known word
        ("shaming", "staring") is not a typo, so neither is ever "corrected"; substitutions are
        only trusted in long words, where they cannot turn one real word into another.
        """
        if word in self._known or len(word) < 4 or not word.isalpha() or self._inflection_of_known(word):
            return word
        candidates: set[str] = set()
        for probe in _deletes(word) | {word}:
            candidates.update(self._index.get(probe, ()))
        best = [
            c
            for c in candidates
            if c[0] == word[0]
            and within_one_edit(word, c)
            and (len(c) != len(word) or sorted(c) == sorted(word) or len(word) >= 8)
        ]
        if len(word) == 4:
            best = [c for c in best if len(c) == 4 and sorted(c) == sorted(word)]
        if not best:
            return word
        return max(best, key=lambda c: (self._known[c], c))

    def _inflection_of_known(self, word: str) -> bool:
        for suffix in ("s", "es", "ed", "d", "ing", "er", "ers", "ly", "y", "ies", "ied"):
            if word.endswith(suffix):
                stem = word[: -len(suffix)]
                variants = {stem, stem + "e", stem + "y"}
                if len(stem) > 2 and stem[-1] == stem[-2]:
                    variants.add(stem[:-1])
                if variants & self._known.keys():
                    return True
        return any(word + tail in self._known for tail in ("s", "d", "ed", "e"))


@dataclass(frozen=True)
class _Prepared:
    """A text as both views read it."""

    text: str
    """Normalized, spell-corrected words joined by spaces (what the patterns match)."""
    features: tuple[str, ...]


def _words(normalized: str) -> list[str]:
    return _WORD_RE.findall(normalized)


class _WordParts(NamedTuple):
    """What one word contributes to the features, whatever its neighbours."""

    stem: str
    content: bool
    """Not a stop word."""
    features: tuple[str, ...]
    """Its stem and, for a content word of five letters or more, its character 4-grams."""


def _word_parts(word: str) -> _WordParts:
    stem = _stem(word)
    if word in _STOPWORDS:
        return _WordParts(stem, False, ())
    features = [f"w:{stem}"]
    if len(word) >= 5:
        padded = f"<{word}>"
        features.extend(f"c:{padded[i : i + 4]}" for i in range(len(padded) - 3))
    return _WordParts(stem, True, tuple(features))


def _features(words: Sequence[str], parts: Callable[[str], _WordParts] = _word_parts) -> tuple[str, ...]:
    """Word stems, stem pairs (stop words kept, so "after we finish" survives) and character 4-grams.

    ``parts``: where each word's own share comes from (the model passes its memo of known words).
    """
    pieces = [parts(word) for word in words]
    out: set[str] = set()
    for piece in pieces:
        out.update(piece.features)
    out.update(
        f"b:{first.stem}_{second.stem}"
        for first, second in pairwise(pieces)
        if first.content or second.content
    )
    return tuple(sorted(out))


# ------------------------------------------------------------------------------------ the model


@dataclass(frozen=True)
class _Pattern:
    regex: re.Pattern[str]
    weight: float


class _Model:
    """Naive Bayes log-likelihoods plus the hand-weighted patterns, built once at import."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        categories: Mapping[str, Any] = data["categories"]
        unknown = set(categories) - set(CATEGORY_IDS)
        missing = set(CATEGORY_IDS) - set(categories)
        if unknown or missing:
            raise ValueError(
                f"classifier_training.yml: unknown ids {sorted(unknown)}, missing {sorted(missing)}"
            )
        settings: Mapping[str, Any] = data.get("settings", {})
        self.alpha = float(settings.get("smoothing", 0.2))
        self.temperature = float(settings.get("nb_temperature", 0.35))
        self.char_weight = float(settings.get("char_ngram_weight", 0.35))
        bias: Mapping[str, float] = settings.get("class_bias", {})
        self.bias = tuple(float(bias.get(category, 0.0)) for category in CATEGORY_IDS)
        vocabulary: Counter[str] = Counter()
        for word in data.get("known_words", "").split():
            vocabulary[word] += 1
        examples: dict[str, list[str]] = {}
        self.patterns: dict[str, tuple[_Pattern, ...]] = {}
        for category in CATEGORY_IDS:
            spec: Mapping[str, Any] = categories[category]
            normalized = [normalize(text) for text in spec.get("examples", [])]
            examples[category] = normalized
            for text in normalized:
                vocabulary.update(_words(text))
            compiled: list[_Pattern] = []
            for entry in spec.get("patterns", []):
                regex, weight = str(entry[0]), float(entry[1])
                compiled.append(_Pattern(re.compile(regex), weight))
                vocabulary.update(_pattern_words(regex))
            self.patterns[category] = tuple(compiled)
        self.flat_patterns = tuple(
            (i, pattern) for i, category in enumerate(CATEGORY_IDS) for pattern in self.patterns[category]
        )
        self.screen = RegexScreen([p.regex for _, p in self.flat_patterns])
        self.speller = _Speller(vocabulary)
        self._known_parts: dict[str, _WordParts | None] = dict.fromkeys(vocabulary)
        """Feature parts of the vocabulary's words, worked out once each (everyday words recur in
        every message); any other word is worked out every time and never kept."""
        self._train(examples)

    def _train(self, examples: Mapping[str, Sequence[str]]) -> None:
        counts: dict[str, Counter[str]] = {c: Counter() for c in CATEGORY_IDS}
        for category, texts in examples.items():
            for text in texts:
                counts[category].update(self.prepare(text, normalized=True).features)
        vocabulary = set().union(*(set(c) for c in counts.values()))
        size = len(vocabulary)
        totals = [sum(counts[c].values()) for c in CATEGORY_IDS]
        denominators = [total + self.alpha * size for total in totals]
        self.weighted: dict[str, array[float]] = {}
        """Each feature's log-likelihoods times its view's weight (character n-grams count less). Only
        these are kept (the plain log-likelihoods were a second copy), each row a packed array of
        doubles: a tuple of float objects took three times the memory for the same values."""
        for feature in vocabulary:
            # the same float operations as before, in the same order, so every score is unchanged
            weight = self.char_weight if feature.startswith("c:") else 1.0
            self.weighted[feature] = array(
                "d",
                (
                    weight * math.log((counts[c][feature] + self.alpha) / denominator)
                    for c, denominator in zip(CATEGORY_IDS, denominators, strict=True)
                ),
            )

    def prepare(self, text: str, *, normalized: bool = False) -> _Prepared:
        words = _words(text if normalized else normalize(text))
        corrected = [self.speller.correct(w) for w in words]
        return _Prepared(text=" ".join(corrected), features=_features(corrected, self._parts))

    def _parts(self, word: str) -> _WordParts:
        if word not in self._known_parts:
            return _word_parts(word)
        parts = self._known_parts[word]
        if parts is None:
            parts = self._known_parts[word] = _word_parts(word)
        return parts

    def scores(self, prepared: _Prepared) -> list[float]:
        """Per-category logits: tempered naive Bayes evidence plus pattern weights."""
        rows = [row for row in map(self.weighted.get, prepared.features) if row is not None]
        # column sums in the features' order: the sum the per-feature loop made, added up in C
        nb = [sum(column) for column in zip(*rows, strict=True)] if rows else [0.0] * len(CATEGORY_IDS)
        top = max(nb)
        logits = [(value - top) * self.temperature + b for value, b in zip(nb, self.bias, strict=True)]
        padded = f" {prepared.text} "
        matched = [0.0] * len(CATEGORY_IDS)
        for index in self.screen.candidates(padded):  # only patterns that could match are run
            category_index, pattern = self.flat_patterns[index]
            if pattern.regex.search(padded):
                matched[category_index] += pattern.weight
        return [logit + extra for logit, extra in zip(logits, matched, strict=True)]


def _load_training() -> Mapping[str, Any]:
    source = resources.files("commands").joinpath("data/classifier_training.yml").read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data: Mapping[str, Any] = yaml.load(source, Loader=loader)  # noqa: S506 - a safe loader, C or Python
    return data


_MODEL = _Model(_load_training())


def _softmax(logits: Iterable[float]) -> list[float]:
    values = list(logits)
    top = max(values)
    exps = [math.exp(v - top) for v in values]
    total = sum(exps)
    return [e / total for e in exps]


def classify(text: str) -> Classification:
    """Rank every taxonomy id for a trainee's message and run the imminent-risk check.

    Args:
        text: The message as typed; any case, abbreviations and typos are expected.

    Returns:
        The ranking; ``safety_crisis`` is first whenever the risk check fired. An empty or
        unrecognisable text falls back to :data:`FALLBACK_CATEGORY` with low, flat scores.
    """
    normalized = normalize(text)  # once, for both the risk check and the model
    signal = check_normalized(normalized)
    prepared = _MODEL.prepare(normalized, normalized=True)
    if prepared.features:
        probabilities = _softmax(_MODEL.scores(prepared))
    else:
        probabilities = [1.0 / len(CATEGORY_IDS)] * len(CATEGORY_IDS)
        probabilities[CATEGORY_IDS.index(FALLBACK_CATEGORY)] += 1e-6
    scored = dict(zip(CATEGORY_IDS, probabilities, strict=True))
    if signal is not None:
        scored["safety_crisis"] = 1.0
    order = {category: i for i, category in enumerate(CATEGORY_IDS)}
    ranked = tuple(
        (category, round(min(1.0, max(0.0, score)), 6))
        for category, score in sorted(scored.items(), key=lambda item: (-item[1], order[item[0]]))
    )
    return Classification(
        category=ranked[0][0],
        ranked=ranked,
        safety=signal is not None,
        safety_reason=f"{signal.kind}: {signal.reason}" if signal else None,
        safety_kind=signal.kind if signal else None,
    )
