"""The reflection prompt library behind ``/reflect`` and the supervisor digest.

The prompts live in ``data/prompts.yml`` so a clinician can review and edit them without reading
Python: every prompt names the concept it rests on and a source from the file's own list. This
module loads that file once (through :mod:`importlib.resources`, so it works from an installed
wheel as well as a checkout), refuses a library that a reviewer could not trust (duplicate ids,
dangling themes or sources, thin themes), and then answers three questions without any I/O:

* which theme did the user mean (:meth:`PromptLibrary.match_theme`), forgivingly, because people
  type ``/reflect counter-transference``, ``/reflect selfcare`` or ``/reflect atachment``;
* which prompt to show next (:meth:`PromptLibrary.pick`), avoiding what the user saw recently,
  because a repeated prompt reads as a bot that is not listening;
* which prompts to suggest to a supervisor for the week's themes
  (:meth:`PromptLibrary.suggest_for_themes`).

Randomness always comes from a caller's :class:`random.Random`, so tests and replays are
deterministic.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

MIN_PROMPTS_PER_THEME = 4
"""A theme with fewer prompts repeats itself within a couple of weeks of use."""

_DATA_PACKAGE = "commands"
_DATA_FILE = ("data", "prompts.yml")

_ID_PATTERN = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
_STOPWORDS = frozenset({"a", "an", "and", "the", "of", "on", "about", "my", "with", "in", "for", "to"})
_MIN_PREFIX = 4
"""Shorter prefixes of a theme's id or title ("tra", "emp") are too often the start of something else."""
_MIN_ALIAS_PREFIX = 6
"""Aliases are everyday words, so their prefixes need to be longer ("home" must not mean "homework")."""
_MIN_FUZZY = 5
"""Below this length one edit turns most words into another word ("hope" -> "rope")."""
_MIN_FUZZY_TWO = 9
"""From this length two edits still leave the word recognisable ("colaberation")."""

_THEME_FIELDS = frozenset({"id", "title", "description", "aliases"})
_PROMPT_FIELDS = frozenset({"id", "theme", "question", "follow_up", "concept", "source"})
_SOURCE_FIELDS = frozenset({"key", "citation", "note"})


class PromptLibraryError(ValueError):
    """The prompt library is malformed; ``problems`` lists every problem found, one per line.

    All problems are collected before raising, so a reviewer fixing the YAML sees the whole list
    at once instead of one error per run.
    """

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems: tuple[str, ...] = tuple(problems)
        super().__init__("invalid prompt library:\n  " + "\n  ".join(self.problems))


@dataclass(frozen=True)
class Source:
    """A published source a prompt rests on.

    Attributes:
        key: The short author-year key prompts refer to, e.g. ``"Bordin 1979"``; short enough to
            show next to a prompt.
        citation: The full reference, for the reviewer and for anyone who wants to read further.
        note: Optional reviewer note (e.g. what the source is used for).
    """

    key: str
    citation: str
    note: str = ""


@dataclass(frozen=True)
class Theme:
    """A reflection theme.

    Attributes:
        id: Stable identifier stored with journal entries and used in buttons.
        title: Human title shown to the user.
        description: One line saying what the theme is about.
        aliases: Other words people use for it; :meth:`PromptLibrary.match_theme` accepts them.
    """

    id: str
    title: str
    description: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Prompt:
    """One reflection question.

    Attributes:
        id: Stable identifier (``trust-01``); journal entries and "recently seen" lists refer to
            it, so it must never be reused for a different question.
        theme: The id of the prompt's :class:`Theme`.
        question: The question itself, answerable in a few minutes.
        concept: The clinical idea the question rests on, shown so the user knows why it is asked.
        source: Key of a :class:`Source` in the same library.
        follow_up: An optional second question for someone who wants to go further.
    """

    id: str
    theme: str
    question: str
    concept: str
    source: str
    follow_up: str | None = None


@dataclass(frozen=True)
class PromptLibrary:
    """The validated set of sources, themes and prompts, with matching and picking.

    Construct it with :meth:`load` (the packaged YAML, cached) or :meth:`from_mapping` (any
    mapping of the same shape, e.g. in tests). Direct construction validates too, so an invalid
    library cannot exist.
    """

    version: str
    reviewed_by: str
    writing_tip: str
    sources: tuple[Source, ...]
    themes: tuple[Theme, ...]
    """In the file's order, which is the order users see them in."""
    prompts: tuple[Prompt, ...]
    _prompts_by_id: dict[str, Prompt] = field(init=False, repr=False, compare=False)
    _themes_by_id: dict[str, Theme] = field(init=False, repr=False, compare=False)
    _sources_by_key: dict[str, Source] = field(init=False, repr=False, compare=False)
    _by_theme: dict[str, tuple[Prompt, ...]] = field(init=False, repr=False, compare=False)
    _names: dict[str, str] = field(init=False, repr=False, compare=False)
    """Every normalised spelling of a theme's id, title and aliases -> theme id."""
    _primary_names: frozenset[str] = field(init=False, repr=False, compare=False)
    """The spellings that come from ids and titles rather than aliases."""

    def __post_init__(self) -> None:
        problems = _check(self.sources, self.themes, self.prompts)
        names, clashes = _theme_names(self.themes)
        problems.extend(clashes)
        if problems:
            raise PromptLibraryError(problems)
        by_theme = {t.id: tuple(p for p in self.prompts if p.theme == t.id) for t in self.themes}
        object.__setattr__(self, "_prompts_by_id", {p.id: p for p in self.prompts})
        object.__setattr__(self, "_themes_by_id", {t.id: t for t in self.themes})
        object.__setattr__(self, "_sources_by_key", {s.key: s for s in self.sources})
        object.__setattr__(self, "_by_theme", by_theme)
        object.__setattr__(self, "_names", names)
        primary = {_compact(s) for t in self.themes for s in (t.id, t.title)}
        object.__setattr__(self, "_primary_names", frozenset(primary))

    # ------------------------------------------------------------------------------- construction

    @classmethod
    def load(cls) -> PromptLibrary:
        """The packaged library, read and validated once per process.

        Cached because every ``/reflect`` needs it and the file cannot change while the process
        runs; the first call happens at wiring time, so a broken file stops the bot at start-up
        rather than at a user's first command.
        """
        return _packaged_library()

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> PromptLibrary:
        """Build a library from parsed YAML (or any mapping of the same shape).

        Args:
            data: A mapping with ``version``, ``reviewed_by``, optional ``writing_tip``, and lists
                ``sources``, ``themes`` and ``prompts`` as in ``data/prompts.yml``.

        Raises:
            PromptLibraryError: Listing every problem, each naming the prompt, theme or source
                it concerns, so a reviewer can find it in the file.
        """
        if not isinstance(data, Mapping):
            raise PromptLibraryError([f"the library must be a mapping, not {type(data).__name__}"])
        problems: list[str] = []
        version = data.get("version")
        if not isinstance(version, str | int | float) or isinstance(version, bool) or not str(version):
            problems.append("library: 'version' is missing")
        reviewed_by = data.get("reviewed_by")
        if not isinstance(reviewed_by, str) or not reviewed_by.strip():
            problems.append("library: 'reviewed_by' is missing (say 'pending clinical review' until it is)")
        writing_tip = data.get("writing_tip", "")
        if not isinstance(writing_tip, str):
            problems.append("library: 'writing_tip' must be text")
            writing_tip = ""
        sources = [_parse_source(i, e, problems) for i, e in enumerate(_entries(data, "sources", problems))]
        themes = [_parse_theme(i, e, problems) for i, e in enumerate(_entries(data, "themes", problems))]
        prompts = [_parse_prompt(i, e, problems) for i, e in enumerate(_entries(data, "prompts", problems))]
        if problems:
            raise PromptLibraryError(problems)
        return cls(
            version=str(version),
            reviewed_by=str(reviewed_by),
            writing_tip=writing_tip.strip(),
            sources=tuple(s for s in sources if s is not None),
            themes=tuple(t for t in themes if t is not None),
            prompts=tuple(p for p in prompts if p is not None),
        )

    # ------------------------------------------------------------------------------------ lookups

    def prompt(self, prompt_id: str) -> Prompt:
        """The prompt with this id.

        Raises:
            KeyError: When no prompt has the id (e.g. an old button after a prompt was retired).
        """
        try:
            return self._prompts_by_id[prompt_id]
        except KeyError:
            raise KeyError(f"no prompt with id {prompt_id!r}") from None

    def theme(self, theme_id: str) -> Theme:
        """The theme with this exact id.

        Raises:
            KeyError: When no theme has the id.
        """
        try:
            return self._themes_by_id[theme_id]
        except KeyError:
            raise KeyError(f"no theme with id {theme_id!r}") from None

    def source(self, key: str) -> Source:
        """The source with this key (every prompt's ``source`` is guaranteed to have one).

        Raises:
            KeyError: When no source has the key.
        """
        try:
            return self._sources_by_key[key]
        except KeyError:
            raise KeyError(f"no source with key {key!r}") from None

    def prompts_for(self, theme_id: str) -> tuple[Prompt, ...]:
        """The prompts of one theme, in file order.

        Raises:
            KeyError: When no theme has the id.
        """
        self.theme(theme_id)
        return self._by_theme[theme_id]

    # ----------------------------------------------------------------------------------- matching

    def match_theme(self, text: str) -> Theme | None:
        """The theme a user meant, or None when nothing fits well enough.

        Users type themes from memory, so this accepts any case; hyphens, spaces and underscores
        in any mix; singular or plural; the theme's title or any alias ("CT", "burnout",
        "alliance"); a clear prefix ("attach", "counter"); a typo of one edit in words of five
        letters or more and two edits from nine ("atachment", "colaberation"); and a longer
        phrase containing one theme's words ("trust issues"). It prefers None to a guess: an
        ambiguous input matches nothing, so the user is shown the list rather than a wrong theme.

        Args:
            text: What the user typed after the command.

        Returns:
            The matching theme, or None.
        """
        tokens = _tokens(text)
        if not tokens:
            return None
        raw, singular = "".join(tokens), "".join(_singular(t) for t in tokens)
        found = (  # cheapest and surest first; each later step runs only if the earlier ones fail
            self._exact(raw, singular)
            or self._prefix(raw)
            or self._fuzzy(raw, singular)
            or self._within(tokens)
        )
        return self._themes_by_id[found] if found else None

    def _exact(self, raw: str, singular: str) -> str | None:
        return self._names.get(raw) or self._names.get(singular)

    def _prefix(self, raw: str) -> str | None:
        if len(raw) < _MIN_PREFIX:
            return None
        found = {
            theme_id
            for name, theme_id in self._names.items()
            if name.startswith(raw) and (len(raw) >= _MIN_ALIAS_PREFIX or name in self._primary_names)
        }
        return found.pop() if len(found) == 1 else None

    def _fuzzy(self, raw: str, singular: str) -> str | None:
        allowed = 2 if len(raw) >= _MIN_FUZZY_TWO else 1 if len(raw) >= _MIN_FUZZY else 0
        if not allowed:
            return None
        best: dict[str, int] = {}
        for name, theme_id in self._names.items():
            if len(name) < _MIN_FUZZY:
                continue
            distance = min(_edit_distance(raw, name, allowed), _edit_distance(singular, name, allowed))
            if distance <= allowed and distance < best.get(theme_id, allowed + 1):
                best[theme_id] = distance
        if not best:
            return None
        closest = min(best.values())
        winners = [theme_id for theme_id, distance in best.items() if distance == closest]
        return winners[0] if len(winners) == 1 else None

    def _within(self, tokens: Sequence[str]) -> str | None:
        """A theme named by some run of words inside a longer phrase, longest runs first.

        Only runs that could spell a name are tried (a singular drops at most two letters a
        word), so a long paste costs time linear in its length, not cubic: 3,000 characters took
        seven seconds before, past Slack's three-second wait for the answer.
        """
        longest = max((len(name) for name in self._names), default=0)
        used = [False] * len(tokens)
        found: set[str] = set()
        for size in range(min(len(tokens) - 1, longest), 0, -1):
            for start in range(len(tokens) - size + 1):
                words = tokens[start : start + size]
                if sum(len(w) for w in words) - 2 * size > longest:
                    continue
                span = range(start, start + size)
                if any(used[i] for i in span):
                    continue
                theme_id = self._exact("".join(words), "".join(_singular(w) for w in words))
                if theme_id is not None:
                    found.add(theme_id)
                    for i in span:
                        used[i] = True
        return found.pop() if len(found) == 1 else None

    # ------------------------------------------------------------------------------------ picking

    def pick(
        self,
        *,
        theme: str | None = None,
        recently_seen: Sequence[str] = (),
        rng: random.Random,
    ) -> Prompt:
        """Choose the next prompt for one user.

        A prompt the user saw recently reads as the bot not listening, so: from the theme if one
        is given (otherwise from the whole library), choose at random among prompts not in
        ``recently_seen``. Without a theme, first choose among the themes the user has seen least
        recently (never-seen themes first), so consecutive prompts wander across the library
        rather than clustering. When every candidate was seen, return the one seen longest ago.

        Args:
            theme: A theme id (an alias or typo is accepted too), or None for any theme.
            recently_seen: Prompt ids the user was shown, newest first; unknown ids are ignored.
            rng: The source of randomness, so callers and tests control determinism.

        Raises:
            KeyError: When ``theme`` names no theme.
        """
        last_seen = _recency(recently_seen)
        candidates = self.prompts if theme is None else self._by_theme[self._resolve(theme).id]
        fresh = [p for p in candidates if p.id not in last_seen]
        if not fresh:
            return max(candidates, key=lambda p: last_seen[p.id])
        if theme is not None:
            return rng.choice(fresh)
        theme_seen: dict[str, int] = {}
        for prompt_id, position in last_seen.items():
            seen_prompt = self._prompts_by_id.get(prompt_id)
            if seen_prompt is not None:
                theme_seen[seen_prompt.theme] = min(position, theme_seen.get(seen_prompt.theme, position))
        never = len(last_seen) + 1
        fresh_themes = [t.id for t in self.themes if any(p.theme == t.id for p in fresh)]
        oldest = max(theme_seen.get(t, never) for t in fresh_themes)
        chosen_theme = rng.choice([t for t in fresh_themes if theme_seen.get(t, never) == oldest])
        return rng.choice([p for p in fresh if p.theme == chosen_theme])

    def suggest_for_themes(self, theme_ids: Sequence[str], k: int, rng: random.Random) -> list[Prompt]:
        """Up to ``k`` distinct discussion prompts for a supervisor's digest.

        Takes one prompt per theme in the order given (callers pass the week's themes, most
        frequent first), then a second round, and so on, so the group's agenda covers the breadth
        of the week before going deeper into any one theme. Unknown theme ids are skipped rather
        than failing a scheduled digest; when none is known, prompts come from across the whole
        library so a quiet week still gets something to discuss.

        Args:
            theme_ids: Theme ids (aliases accepted), in order of priority; duplicates are ignored.
            k: How many prompts at most.
            rng: The source of randomness.

        Returns:
            At most ``k`` prompts, no two alike.
        """
        if k <= 0:
            return []
        chosen: list[str] = []
        for text in theme_ids:
            found = self._themes_by_id.get(text) or self.match_theme(text)
            if found is not None and found.id not in chosen:
                chosen.append(found.id)
        if not chosen:
            chosen = [t.id for t in self.themes]
            rng.shuffle(chosen)
        pools = [rng.sample(self._by_theme[t], len(self._by_theme[t])) for t in chosen]
        out: list[Prompt] = []
        while len(out) < k and any(pools):
            for pool in pools:
                if pool and len(out) < k:
                    out.append(pool.pop(0))
        return out

    def _resolve(self, theme: str) -> Theme:
        found = self._themes_by_id.get(theme) or self.match_theme(theme)
        if found is None:
            raise KeyError(f"no theme matches {theme!r}")
        return found


# -------------------------------------------------------------------------------------- loading


@cache
def _packaged_library() -> PromptLibrary:
    resource = resources.files(_DATA_PACKAGE)
    for part in _DATA_FILE:
        resource = resource / part
    data = yaml.safe_load(resource.read_text(encoding="utf-8"))
    if not isinstance(data, Mapping):
        raise PromptLibraryError([f"{'/'.join(_DATA_FILE)} must hold a mapping at the top level"])
    return PromptLibrary.from_mapping(data)


def _entries(data: Mapping[str, Any], key: str, problems: list[str]) -> list[object]:
    value = data.get(key)
    if not isinstance(value, list) or not value:
        problems.append(f"library: '{key}' must be a non-empty list")
        return []
    return value


def _label(kind: str, index: int, entry: object, key: str) -> str:
    """How a problem names an entry: by its id when it has one, else by position."""
    if isinstance(entry, Mapping) and isinstance(entry.get(key), str) and entry[key]:
        return f"{kind} {entry[key]!r}"
    return f"{kind} #{index + 1} (no {key})"


def _text_fields(
    kind: str,
    index: int,
    entry: object,
    *,
    key: str,
    required: Sequence[str],
    allowed: frozenset[str],
    problems: list[str],
) -> dict[str, str] | None:
    """The entry's text fields, or None after recording why it is unusable."""
    label = _label(kind, index, entry, key)
    if not isinstance(entry, Mapping):
        problems.append(f"{label}: must be a mapping")
        return None
    values: dict[str, str] = {}
    ok = True
    for name in sorted(set(entry) - allowed, key=str):
        problems.append(f"{label}: unknown field {name!r} (allowed: {', '.join(sorted(allowed))})")
        ok = False
    for name in required:
        value = entry.get(name)
        if not isinstance(value, str) or not value.strip():
            problems.append(f"{label}: missing or empty field {name!r}")
            ok = False
        else:
            values[name] = " ".join(value.split())
    return values if ok else None


def _parse_source(index: int, entry: object, problems: list[str]) -> Source | None:
    fields = _text_fields(
        "source",
        index,
        entry,
        key="key",
        required=("key", "citation"),
        allowed=_SOURCE_FIELDS,
        problems=problems,
    )
    if fields is None or not isinstance(entry, Mapping):
        return None
    note = entry.get("note", "")
    if not isinstance(note, str):
        problems.append(f"source {fields['key']!r}: 'note' must be text")
        return None
    return Source(key=fields["key"], citation=fields["citation"], note=" ".join(note.split()))


def _parse_theme(index: int, entry: object, problems: list[str]) -> Theme | None:
    fields = _text_fields(
        "theme",
        index,
        entry,
        key="id",
        required=("id", "title", "description"),
        allowed=_THEME_FIELDS,
        problems=problems,
    )
    if fields is None or not isinstance(entry, Mapping):
        return None
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        problems.append(f"theme {fields['id']!r}: 'aliases' must be a list of non-empty texts")
        return None
    return Theme(
        id=fields["id"],
        title=fields["title"],
        description=fields["description"],
        aliases=tuple(a.strip() for a in aliases),
    )


def _parse_prompt(index: int, entry: object, problems: list[str]) -> Prompt | None:
    fields = _text_fields(
        "prompt",
        index,
        entry,
        key="id",
        required=("id", "theme", "question", "concept", "source"),
        allowed=_PROMPT_FIELDS,
        problems=problems,
    )
    if fields is None or not isinstance(entry, Mapping):
        return None
    follow_up = entry.get("follow_up")
    if follow_up is not None and (not isinstance(follow_up, str) or not follow_up.strip()):
        problems.append(f"prompt {fields['id']!r}: 'follow_up' must be non-empty text when present")
        return None
    return Prompt(
        id=fields["id"],
        theme=fields["theme"],
        question=fields["question"],
        concept=fields["concept"],
        source=fields["source"],
        follow_up=" ".join(follow_up.split()) if isinstance(follow_up, str) else None,
    )


def _check(sources: Sequence[Source], themes: Sequence[Theme], prompts: Sequence[Prompt]) -> list[str]:
    """Cross-reference checks: what a reviewer could not see by reading one entry alone."""
    problems: list[str] = []
    problems += _duplicates("source", [s.key for s in sources])
    problems += _duplicates("theme", [t.id for t in themes])
    problems += _duplicates("prompt", [p.id for p in prompts])
    source_keys = {s.key for s in sources}
    theme_ids = {t.id for t in themes}
    for theme in themes:
        if not _ID_PATTERN.match(theme.id):
            problems.append(f"theme {theme.id!r}: id must be lower-case letters, digits, '-' or '_'")
    for prompt in prompts:
        if not _ID_PATTERN.match(prompt.id):
            problems.append(f"prompt {prompt.id!r}: id must be lower-case letters, digits, '-' or '_'")
        if prompt.theme not in theme_ids:
            problems.append(f"prompt {prompt.id!r}: theme {prompt.theme!r} is not defined under 'themes'")
        if prompt.source not in source_keys:
            problems.append(f"prompt {prompt.id!r}: source {prompt.source!r} is not defined under 'sources'")
        if not prompt.question.rstrip().endswith("?"):
            problems.append(f"prompt {prompt.id!r}: the question should end with '?'")
    for theme in themes:
        count = sum(1 for p in prompts if p.theme == theme.id)
        if count < MIN_PROMPTS_PER_THEME:
            problems.append(
                f"theme {theme.id!r}: has {count} prompt(s), needs at least {MIN_PROMPTS_PER_THEME}"
            )
    return problems


def _duplicates(kind: str, ids: Sequence[str]) -> list[str]:
    seen: set[str] = set()
    reported: list[str] = []
    for item in ids:
        if item in seen and item not in reported:
            reported.append(item)
        seen.add(item)
    return [f"{kind} {item!r}: defined more than once" for item in reported]


# ------------------------------------------------------------------------------------- matching


def _theme_names(themes: Sequence[Theme]) -> tuple[dict[str, str], list[str]]:
    """Every normalised spelling of each theme's id, title and aliases, and any clashes.

    A spelling that would name two themes is an error in the file, not something to resolve at
    match time: the reviewer should decide which theme "relationship" means.
    """
    names: dict[str, str] = {}
    clashes: list[str] = []
    for theme in themes:
        for spelling in (theme.id, theme.title, *theme.aliases):
            tokens = _tokens(spelling)
            for name in {"".join(tokens), "".join(_singular(t) for t in tokens)} - {""}:
                other = names.setdefault(name, theme.id)
                if other != theme.id:
                    clashes.append(f"theme {theme.id!r}: alias {spelling!r} also names theme {other!r}")
    return names, clashes


def _tokens(text: str) -> list[str]:
    """Lower-case ASCII words, accents and punctuation dropped, filler words removed."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").casefold()
    return [word for word in re.split(r"[^0-9a-z]+", plain) if word and word not in _STOPWORDS]


def _compact(text: str) -> str:
    """The text's words run together: "Self-care", "self care" and "self_care" all give "selfcare"."""
    return "".join(_tokens(text))


def _singular(word: str) -> str:
    """A rough singular, applied to both sides of a comparison so only consistency matters."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (a swap of neighbours counts as one), capped at limit + 1.

    The cap lets a length difference alone rule a pair out, which keeps matching cheap across a
    few hundred spellings.
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[len(b)], limit + 1)


def _recency(recently_seen: Sequence[str]) -> dict[str, int]:
    """Prompt id -> position of its newest view (0 = the last one shown)."""
    positions: dict[str, int] = {}
    for position, prompt_id in enumerate(recently_seen):
        positions.setdefault(prompt_id, position)
    return positions
