"""Which of many regular expressions could match a text, found before Python's ``re`` runs them.

The risk check and the classifier each hold hundreds of hand-written patterns and used to try every
one on every sentence: most of a /boundary answer's CPU, and under a burst of questions that CPU is
the acknowledgement's latency. Almost every pattern needs some literal text to match: "kill(?:ed|s)?
(?:her|him)self" cannot match a text without "kill" and "self" in it. :func:`required_atoms` reads a
pattern (with the standard library's own parser of ``re`` syntax) and lists strings one of which
every match must contain; :class:`RegexScreen` puts all those strings in one Aho-Corasick automaton
(pyahocorasick, in C) and finds, in one pass over a text, which of them it contains. Patterns whose
strings are absent are skipped; the rest, and any pattern without such strings, are run with ``re``
as before, so every decision is still made by the original pattern and its context checks. The
screen may name a pattern that then fails, never omit one that would match.

Earlier versions screened with RE2 sets (RE2 builds its automaton lazily for each new wording,
releases Python's lock on every scan, which is costly under concurrent requests, and grows with
use), then with a hand-written index of three-character pieces (about 50 µs a screen on a short
message: every piece of the text sliced out, every candidate string searched for again). The
automaton reads the text once, never releases the lock, and is 6-8x faster on the same texts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from re import _constants as sre  # type: ignore[attr-defined]  # the stdlib's parser of re syntax
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import ahocorasick


class Unsupported(ValueError):
    """A construct the atom reader does not follow (back-references, conditionals)."""


MIN_ATOM = 3
"""Shortest literal worth screening on: shorter ones ("a", "to") are in nearly every text."""
MAX_EXACT = 64
"""Most alternative strings tracked for one part of a pattern before giving up on exactness."""


@dataclass(frozen=True)
class _Info:
    """What any match of a part of a pattern must look like.

    ``exact``: every string the part can match, when few enough to list (``None`` otherwise);
    ``needs``: strings one of which every match contains (``None`` when nothing is known).
    """

    exact: frozenset[str] | None
    needs: frozenset[str] | None


_ZERO_WIDTH = _Info(frozenset({""}), None)
_UNKNOWN = _Info(None, None)


def required_atoms(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Literal strings at least one of which occurs in every match of ``pattern``, or None.

    The idea of RE2's FilteredRE2, in miniature. None when some alternative of the pattern
    offers no literal of :data:`MIN_ATOM` characters (the pattern is then always tried).
    """
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        info = _info_sequence(sre_parse.parse(pattern.pattern, pattern.flags))
    except Unsupported:
        return None
    needs = info.needs
    if info.exact is not None:
        needs = _better(needs, info.exact)
    if not needs or min(len(atom) for atom in needs) < MIN_ATOM:
        return None
    # an atom containing another adds nothing: the text holds the shorter one whenever the longer
    return frozenset(atom for atom in needs if not any(other in atom for other in needs if other != atom))


def _quality(atoms: frozenset[str] | None) -> tuple[int, int]:
    if not atoms:
        return (0, 0)
    return (min(len(atom) for atom in atoms), -len(atoms))


def _better(first: frozenset[str] | None, second: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two requirements that both hold (either one alone is enough)."""
    if not second:
        return first
    if not first:
        return second
    return first if _quality(first) >= _quality(second) else second


def _info_sequence(items: Any) -> _Info:
    run: frozenset[str] = frozenset({""})  # the strings the current run of exact parts can be
    needs: frozenset[str] | None = None
    all_exact = True
    for op, av in items:
        part = _info_item(op, av)
        if part.exact is not None and len(run) * len(part.exact) <= MAX_EXACT:
            run = frozenset(a + b for a in run for b in part.exact)
            continue
        all_exact = False
        needs = _better(needs, _required(run))
        needs = _better(needs, _required(part.exact) if part.exact is not None else part.needs)
        run = frozenset({""})
    return _Info(run if all_exact else None, _better(needs, _required(run)))


def _required(strings: frozenset[str]) -> frozenset[str] | None:
    """Exact alternatives as a requirement: only if none of them is the empty string."""
    return strings if "" not in strings else None


def _info_item(op: Any, av: Any) -> _Info:
    if op is sre.LITERAL:
        return _Info(frozenset({chr(av)}), None)
    if op is sre.IN:
        chars = [chr(code) for kind, code in av if kind is sre.LITERAL]
        if len(chars) == len(av) and len(chars) <= 8:
            return _Info(frozenset(chars), None)
        return _UNKNOWN
    if op is sre.BRANCH:
        branches = [_info_sequence(branch) for branch in av[1]]
        exact: frozenset[str] | None = None
        if all(b.exact is not None for b in branches):
            exact = frozenset().union(*(b.exact for b in branches if b.exact is not None))
            if len(exact) > MAX_EXACT:
                exact = None
        each = [_better(b.needs, _required(b.exact)) if b.exact is not None else b.needs for b in branches]
        needs = None if any(n is None for n in each) else frozenset().union(*(n for n in each if n))
        return _Info(exact, needs)
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, body = av
        if add_flags & re.IGNORECASE:
            raise Unsupported("case-insensitive group")
        return _info_sequence(body)
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _info_sequence(av)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) or op is getattr(sre, "POSSESSIVE_REPEAT", None):
        low, high, body = av
        inner = _info_sequence(body)
        if low == 1 and high == 1:
            return inner
        if low == 0 and high == 1 and inner.exact is not None:
            return _Info(inner.exact | {""}, None)
        if low >= 1:
            return _Info(
                None, _better(inner.needs, _required(inner.exact) if inner.exact is not None else None)
            )
        return _UNKNOWN
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return _ZERO_WIDTH  # zero-width: the parts on either side are adjacent in the text
    if op in (sre.NOT_LITERAL, sre.ANY, sre.CATEGORY):
        return _UNKNOWN
    raise Unsupported(str(op))


def whole_text_condition(pattern: re.Pattern[str]) -> bool:
    """Whether ``pattern`` is only lookaheads that each read ahead with ``.*``, like
    ``(?=.*\\bchild\\b)(?=.*\\bdad\\b)``: a condition on the whole of a one-line text.

    Such a pattern holds somewhere in a text without newlines exactly when it holds at the start
    (whatever ``.*`` finds from a later position it also finds from the first), so it needs to be
    tried at the start only. ``search`` tries it at every position, each reading to the end: the
    cost grows with the square of the length, a sixth of a millisecond on one ordinary sentence.
    """
    try:
        items = list(sre_parse.parse(pattern.pattern, pattern.flags))
    except re.error:
        return False
    return bool(items) and all(op is sre.ASSERT and av[0] == 1 and _reads_ahead(av[1]) for op, av in items)


def _reads_ahead(body: Any) -> bool:
    """The lookahead's body starts with ``.*`` (in every alternative, if it is an alternation)."""
    items = list(body)
    if not items:
        return False
    op, av = items[0]
    if op is sre.BRANCH:
        return all(_reads_ahead(branch) for branch in av[1])
    return op is sre.MAX_REPEAT and av[0] == 0 and av[1] == sre.MAXREPEAT and list(av[2]) == [(sre.ANY, None)]


class RegexScreen:
    """Candidates among ``patterns`` for a text: indices, in the patterns' own order."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self._count = len(patterns)
        self._always: list[int] = []
        users: dict[str, list[int]] = {}
        for index, pattern in enumerate(patterns):
            atoms = required_atoms(pattern)
            if atoms is None:
                self._always.append(index)
            else:
                for atom in sorted(atoms):
                    users.setdefault(atom, []).append(index)
        # each string found in a text wakes every pattern that needs it
        self._automaton: Any = None
        if users:
            self._automaton = ahocorasick.Automaton()
            for atom, indices in users.items():
                self._automaton.add_word(atom, tuple(indices))
            self._automaton.make_automaton()

    def __len__(self) -> int:
        """How many patterns the screen stands in front of."""
        return self._count

    @property
    def always(self) -> tuple[int, ...]:
        """Patterns tried on every text (no literal every match must contain)."""
        return tuple(self._always)

    def candidates(self, text: str) -> Sequence[int]:
        """Indices of the patterns that might match ``text``."""
        found = set(self._always)
        if self._automaton is not None:
            for _end, indices in self._automaton.iter(text):
                found.update(indices)
        return sorted(found)


class ScreenedSubstitutions:
    """``re.sub`` of many patterns in turn, skipping the patterns the screen says cannot match.

    A substitution that changes the text can create a match for a later pattern, so the screen is
    asked again, for the patterns still to come, whenever the text changed: the result is always
    exactly that of running every substitution.
    """

    def __init__(self, substitutions: Sequence[tuple[re.Pattern[str], str]]) -> None:
        self._substitutions = tuple(substitutions)
        self._screen = RegexScreen([pattern for pattern, _ in self._substitutions])

    def apply(self, text: str) -> str:
        """``text`` after every substitution, in order."""
        start = 0
        while True:
            for index in self._screen.candidates(text):
                if index < start:
                    continue
                pattern, replacement = self._substitutions[index]
                changed = pattern.sub(replacement, text)
                if changed != text:
                    text, start = changed, index + 1
                    break
            else:
                return text
