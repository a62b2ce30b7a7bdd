"""Which of many regular expressions could match a text, found in one pass before Python's ``re`` runs.

The risk check and the classifier each hold hundreds of hand-written patterns and used to try every
one on every sentence: most of a /boundary answer's CPU, and under a burst of questions that CPU is
the acknowledgement's latency. :class:`RegexScreen` compiles *relaxed* copies of the patterns into
RE2 sets (google-re2: linear-time automata, one scan for all patterns) and tells the caller which
patterns might match; only those are then run with ``re``, so every decision is still made by the
original pattern and its context checks.

Relaxed means "never matches less": look-arounds, anchors and atomic or possessive constructs are
dropped, so the screen may name a pattern that then fails in ``re`` but never omits one that would
match. The screen answers only for ASCII text (where ``\\b``, ``\\w``, ``\\d`` and ``\\s`` mean the
same in both engines once ``\\s`` is spelled out); for anything else, for a pattern RE2 cannot take,
or if RE2 is not installed, every pattern is a candidate. A canary pattern that matches everything
is added to each set: a set that fails to scan (RE2 gives up when its automaton outgrows its
memory) reports no canary, and the screen then answers "all", never "none".
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from re import _constants as sre  # type: ignore[attr-defined]  # the stdlib's parser of re syntax
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

logger = logging.getLogger(__name__)

try:
    import re2
except ImportError:  # pragma: no cover - exercised by the tests with the import hidden
    re2 = None

SET_SIZE = 512
"""Patterns per RE2 set: in practice one set per screen. RE2 releases Python's lock while it scans,
and under concurrent requests every release is a wait to get it back: measured with 16 threads,
sets of 16 patterns cost 2.5 times the CPU of a single-threaded run, one set per screen 1.3 times."""
RE2_MAX_MEM = 8 << 20
"""Memory per set. RE2 builds each automaton lazily as new text arrives and flushes a full cache
rather than growing it, so this bounds what the screens can hold (measured: +14 MB resident after
2,075 distinct texts; 16 MB per set gave +20 MB and no speed). A set whose program does not fit
is split until it does."""
REPEAT_LIMIT = 1000
"""RE2 refuses counted repeats above 1,000; larger bounds are relaxed to ``*`` or ``+``."""
_SPACE = r"\t\n\x0b\x0c\r \x1c-\x1f"
"""What Python's ``\\s`` matches in ASCII text (RE2's ``\\s`` lacks ``\\v`` and ``\\x1c``-``\\x1f``)."""
_NOT_SPACE = r"\x00-\x08\x0e-\x1b!-\x{10FFFF}"


class Unsupported(ValueError):
    """A construct with no RE2 equivalent (back-references, conditionals)."""


def relax(pattern: re.Pattern[str]) -> str:
    """RE2 syntax matching everything ``pattern`` matches in ASCII text, and possibly more."""
    parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    prefix = "(?i)" if pattern.flags & re.IGNORECASE else ""
    prefix += "(?s)" if pattern.flags & re.DOTALL else ""
    return prefix + _sequence(parsed)


def _sequence(items: Any) -> str:
    return "".join(_item(op, av) for op, av in items)


def _literal(code: int) -> str:
    char = chr(code)
    return char if char.isascii() and char.isalnum() else f"\\x{{{code:x}}}"


def _category(name: Any) -> str:
    table = {
        sre.CATEGORY_DIGIT: "0-9",
        sre.CATEGORY_NOT_DIGIT: r"\x00-/:-\x{10FFFF}",
        sre.CATEGORY_WORD: "0-9A-Za-z_",
        sre.CATEGORY_NOT_WORD: r"\x00-/:-@\[-^`{-\x{10FFFF}",
        sre.CATEGORY_SPACE: _SPACE,
        sre.CATEGORY_NOT_SPACE: _NOT_SPACE,
    }
    if name not in table:
        raise Unsupported(f"category {name}")
    return table[name]


def _class(items: Any) -> str:
    negate = ""
    parts: list[str] = []
    for op, av in items:
        if op is sre.NEGATE:
            negate = "^"
        elif op is sre.LITERAL:
            parts.append(_literal(av))
        elif op is sre.RANGE:
            parts.append(f"{_literal(av[0])}-{_literal(av[1])}")
        elif op is sre.CATEGORY:
            parts.append(_category(av))
        else:
            raise Unsupported(f"{op} in a character class")
    return f"[{negate}{''.join(parts)}]"


def _repeat(low: int, high: Any, body: Any) -> str:
    inner = f"(?:{_sequence(body)})"
    if low > REPEAT_LIMIT:
        return inner + "+"
    if high is sre.MAXREPEAT or high > REPEAT_LIMIT:
        return inner + f"{{{low},}}"
    return inner + f"{{{low},{high}}}"


def _item(op: Any, av: Any) -> str:
    if op is sre.LITERAL:
        return _literal(av)
    if op is sre.NOT_LITERAL:
        return f"[^{_literal(av)}]"
    if op is sre.ANY:
        return "(?s:.)"
    if op is sre.IN:
        return _class(av)
    if op is sre.CATEGORY:
        return f"[{_category(av)}]"
    if op is sre.BRANCH:
        return "(?:" + "|".join(_sequence(branch) for branch in av[1]) + ")"
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, body = av
        flags = ("i" if add_flags & re.IGNORECASE else "") + ("s" if add_flags & re.DOTALL else "")
        off = "i" if del_flags & re.IGNORECASE else ""
        switch = f"{flags}-{off}" if off else flags
        return f"(?{switch}:{_sequence(body)})" if switch else f"(?:{_sequence(body)})"
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) or op is getattr(sre, "POSSESSIVE_REPEAT", None):
        low, high, body = av
        return _repeat(low, high, body)
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return f"(?:{_sequence(av)})"
    if op is sre.AT:
        if av is sre.AT_BOUNDARY:
            return r"\b"
        if av is sre.AT_NON_BOUNDARY:
            return r"\B"
        return ""  # ^ $ \A \Z: dropping an anchor only lets the screen match more
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return ""  # look-arounds: dropped, for the same reason
    raise Unsupported(str(op))


class RegexScreen:
    """Candidates among ``patterns`` for a text: indices, in the patterns' own order."""

    def __init__(self, patterns: Sequence[re.Pattern[str]], *, name: str = "patterns") -> None:
        self._count = len(patterns)
        self._all = tuple(range(self._count))
        self._always: list[int] = []
        self._sets: list[tuple[Any, list[int], int]] = []
        if re2 is None:
            logger.warning("google-re2 is not installed: %s are tried one by one", name)
            self._always = list(self._all)
            return
        screenable: list[tuple[int, str]] = []
        for index, pattern in enumerate(patterns):
            try:
                screenable.append((index, relax(pattern)))
            except Unsupported:
                self._always.append(index)
        for start in range(0, len(screenable), SET_SIZE):
            self._add_set(screenable[start : start + SET_SIZE])

    def _add_set(self, members: list[tuple[int, str]]) -> None:
        """Compile one set; a set too big for the memory budget is split in two and tried again."""
        assert re2 is not None
        options = re2.Options()
        options.max_mem = RE2_MAX_MEM
        compiled = re2.Set.SearchSet(options)
        indices: list[int] = []
        for index, source in members:
            try:
                compiled.Add(source)
            except re2.error:
                self._always.append(index)
                continue
            indices.append(index)
        canary = compiled.Add("")  # matches every text: its absence means the scan failed
        try:
            compiled.Compile()
        except re2.error:
            if len(members) == 1:
                self._always.append(members[0][0])
                return
            half = len(members) // 2
            self._add_set(members[:half])
            self._add_set(members[half:])
            return
        self._sets.append((compiled, indices, canary))

    def candidates(self, text: str) -> Sequence[int]:
        """Indices of the patterns that might match ``text`` (all of them when unsure)."""
        if not self._sets or not text.isascii():
            return self._all
        found = set(self._always)
        for compiled, indices, canary in self._sets:
            hits = compiled.Match(text) or ()
            if canary not in hits:
                return self._all
            found.update(indices[hit] for hit in hits if hit != canary)
        return sorted(found)


class ScreenedSubstitutions:
    """``re.sub`` of many patterns in turn, skipping the patterns the screen says cannot match.

    A substitution that changes the text can create a match for a later pattern, so the screen is
    asked again, for the patterns still to come, whenever the text changed: the result is always
    exactly that of running every substitution.
    """

    def __init__(self, substitutions: Sequence[tuple[re.Pattern[str], str]], *, name: str = "substitutions"):
        self._substitutions = tuple(substitutions)
        self._screen = RegexScreen([pattern for pattern, _ in self._substitutions], name=name)

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
