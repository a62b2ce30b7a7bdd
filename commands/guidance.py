"""The boundary guidance book: ``data/boundary.yml`` loaded and checked once per process.

The guidance is clinical content that clinicians review as a file, so it lives in YAML rather than
in code. Because a half-written entry would reach a trainee as thin or misleading advice, the file
is validated completely on first load and any gap (a missing category, too few considerations, an
ethics code left out, a silent code not marked as silent) stops the bot with an error that names
the entry and the field, instead of surfacing later in a reply.

The file is read with :mod:`importlib.resources`, so it works the same from a source checkout and
from an installed wheel.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any, Literal

import yaml

from commands.classify import CATEGORY_IDS

RiskLevelName = Literal["bright_line", "high", "depends"]
CodeName = Literal["ACA", "APA", "NASW", "AAMFT"]

CODES: tuple[CodeName, ...] = ("ACA", "APA", "NASW", "AAMFT")
"""The four ethics codes every entry must cite, in display order."""

MIN_ITEMS = 4
"""Considerations, questions and steps each need at least this many items to be worth showing."""

SAFETY_KINDS: tuple[str, ...] = ("suicide", "homicide", "abuse", "medical")

# Phrasings the content must never use: a code's silence makes nothing ethical, and no code makes a
# relationship with a former client acceptable after a waiting period.
_FORBIDDEN = re.compile(
    r"\b(?:the codes? (?:allows?|permits?)|codes? allows?|allowed after|permitted after|okay after|"
    r"ok after)\b",
    re.IGNORECASE,
)
_RISK_LEVELS: frozenset[str] = frozenset({"bright_line", "high", "depends"})


class GuidanceError(ValueError):
    """``boundary.yml`` is incomplete or malformed; the message names the entry and the field."""


@dataclass(frozen=True)
class RiskLevel:
    """How firm the line is, and why.

    Attributes:
        level: ``bright_line`` (prohibited by the codes), ``high`` (usually avoid, consult first) or
            ``depends`` (a context-dependent crossing to weigh).
        why: One or two sentences explaining the level.
    """

    level: RiskLevelName
    why: str


@dataclass(frozen=True)
class CodeCitation:
    """One section of one ethics code, paraphrased.

    Attributes:
        code: Which code (ACA, APA, NASW, AAMFT).
        section: The section number as the code numbers it, e.g. ``A.10.f`` or ``1.06(c)``.
        says: A one-line paraphrase in our own words.
        silent: True when the code has no standard on the topic and this is the nearest one; the
            paraphrase then says so, because silence neither permits nor forbids anything.
        verified: False when the section number still awaits a check against the code's text.
    """

    code: CodeName
    section: str
    says: str
    silent: bool = False
    verified: bool = True


@dataclass(frozen=True)
class GuidanceEntry:
    """The guidance for one taxonomy category."""

    id: str
    title: str
    summary: str
    risk: RiskLevel
    considerations: tuple[str, ...]
    questions: tuple[str, ...]
    steps: tuple[str, ...]
    codes: Mapping[CodeName, tuple[CodeCitation, ...]]
    bright_lines: tuple[str, ...]
    sources: tuple[str, ...]

    def citations(self) -> tuple[CodeCitation, ...]:
        """Every citation, in code display order."""
        return tuple(citation for code in CODES for citation in self.codes[code])


@dataclass(frozen=True)
class CrisisResource:
    """A crisis line or emergency number; the defaults are US and a workspace may replace them."""

    name: str
    contact: str
    how: str


@dataclass(frozen=True)
class SafetyProtocol:
    """The urgent steps shown before anything else when the imminent-risk check fires."""

    title: str
    intro: str
    steps: tuple[str, ...]
    by_kind: Mapping[str, tuple[str, ...]]
    resources: tuple[CrisisResource, ...]
    region: str
    region_note: str
    disclaimer: str

    def steps_for(self, kind: str | None) -> tuple[str, ...]:
        """The general urgent steps followed by those specific to the kind of risk, if known."""
        return self.steps + self.by_kind.get(kind or "", ())

    def with_resources(self, resources: Sequence[CrisisResource], *, region: str) -> SafetyProtocol:
        """A copy with a workspace's own emergency and crisis numbers (e.g. outside the US)."""
        if not resources:
            raise GuidanceError("safety: a workspace must keep at least one crisis resource")
        return replace(self, resources=tuple(resources), region=region)


@dataclass(frozen=True)
class GuidanceBook:
    """Every category's guidance, the safety protocol and the notice, validated as a whole."""

    version: str
    reviewed_by: str
    notice: str
    editions: Mapping[CodeName, str]
    safety: SafetyProtocol
    entries: Mapping[str, GuidanceEntry]

    @classmethod
    def load(cls) -> GuidanceBook:
        """The packaged guidance, parsed and validated on the first call and cached after it."""
        return _load_packaged()

    @classmethod
    def from_yaml(cls, text: str, *, source: str = "boundary.yml") -> GuidanceBook:
        """Parse and validate guidance text; used by :meth:`load` and by tests of broken files."""
        data = yaml.safe_load(text)
        if not isinstance(data, Mapping):
            raise GuidanceError(f"{source}: expected a mapping at the top level")
        return _Parser(source).book(data)

    @property
    def categories(self) -> tuple[str, ...]:
        """The taxonomy ids, in the taxonomy's order."""
        return tuple(self.entries)

    def entry(self, category_id: str) -> GuidanceEntry:
        """The guidance for one category.

        Raises:
            KeyError: ``category_id`` is not a taxonomy id.
        """
        try:
            return self.entries[category_id]
        except KeyError:
            raise KeyError(f"unknown boundary category {category_id!r}") from None


@functools.cache
def _load_packaged() -> GuidanceBook:
    text = resources.files("commands").joinpath("data/boundary.yml").read_text(encoding="utf-8")
    return GuidanceBook.from_yaml(text)


# ------------------------------------------------------------------------------------ validation


class _Parser:
    """Turns the YAML mapping into frozen dataclasses, naming the entry and field of any fault."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, problem: str) -> GuidanceError:
        return GuidanceError(f"{self.source}: {where}: {problem}")

    def text(self, data: Mapping[str, Any], key: str, where: str) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, f"field {key!r} must be non-empty text")
        if _FORBIDDEN.search(value):
            raise self.fail(
                where, f"field {key!r} says a code allows something; say what it requires instead"
            )
        return " ".join(value.split())

    def texts(self, data: Mapping[str, Any], key: str, where: str, *, minimum: int) -> tuple[str, ...]:
        value = data.get(key)
        if value is None and minimum == 0:
            return ()
        if not isinstance(value, list):
            raise self.fail(where, f"field {key!r} must be a list")
        if len(value) < minimum:
            raise self.fail(where, f"field {key!r} needs at least {minimum} items (got {len(value)})")
        items = tuple(self.text({key: item}, key, f"{where}, {key}[{i}]") for i, item in enumerate(value))
        return items

    def book(self, data: Mapping[str, Any]) -> GuidanceBook:
        notice = self.text(data, "notice", "top level")
        if "supervision" not in notice.lower() or "crisis" not in notice.lower():
            raise self.fail(
                "top level", "field 'notice' must say it supports supervision and is not a crisis service"
            )
        editions_raw = data.get("editions")
        if not isinstance(editions_raw, Mapping):
            raise self.fail("top level", "field 'editions' must map each code to its edition")
        editions: dict[CodeName, str] = {}
        for code in CODES:
            editions[code] = self.text(editions_raw, code, "editions")
        raw_entries = data.get("entries")
        if not isinstance(raw_entries, list):
            raise self.fail("top level", "field 'entries' must be a list")
        entries: dict[str, GuidanceEntry] = {}
        for i, raw in enumerate(raw_entries):
            if not isinstance(raw, Mapping):
                raise self.fail(f"entries[{i}]", "must be a mapping")
            entry_id = raw.get("id")
            if entry_id not in CATEGORY_IDS:
                raise self.fail(f"entries[{i}]", f"unknown category id {entry_id!r}")
            if entry_id in entries:
                raise self.fail(f"entry {entry_id!r}", "appears twice")
            entries[str(entry_id)] = self.entry(raw, str(entry_id))
        missing = [c for c in CATEGORY_IDS if c not in entries]
        if missing:
            raise self.fail("entries", f"missing category {', '.join(missing)}")
        return GuidanceBook(
            version=str(data.get("version", "")) or "unversioned",
            reviewed_by=self.text(data, "reviewed_by", "top level"),
            notice=notice,
            editions=editions,
            safety=self.safety(data.get("safety")),
            entries={c: entries[c] for c in CATEGORY_IDS},
        )

    def entry(self, raw: Mapping[str, Any], entry_id: str) -> GuidanceEntry:
        where = f"entry {entry_id!r}"
        risk_raw = raw.get("risk")
        if not isinstance(risk_raw, Mapping):
            raise self.fail(where, "field 'risk' must have 'level' and 'why'")
        level = risk_raw.get("level")
        if level not in _RISK_LEVELS:
            raise self.fail(
                where, f"field 'risk.level' must be one of {sorted(_RISK_LEVELS)} (got {level!r})"
            )
        codes_raw = raw.get("codes")
        if not isinstance(codes_raw, Mapping):
            raise self.fail(where, "field 'codes' must map ACA, APA, NASW and AAMFT to citations")
        codes: dict[CodeName, tuple[CodeCitation, ...]] = {}
        for code in CODES:
            codes[code] = self.citations(codes_raw.get(code), code, f"{where}, codes.{code}")
        extra = set(codes_raw) - set(CODES)
        if extra:
            raise self.fail(where, f"field 'codes' has unknown codes {sorted(extra)}")
        return GuidanceEntry(
            id=entry_id,
            title=self.text(raw, "title", where),
            summary=self.text(raw, "summary", where),
            risk=RiskLevel(level=level, why=self.text(risk_raw, "why", f"{where}, risk")),
            considerations=self.texts(raw, "considerations", where, minimum=MIN_ITEMS),
            questions=self.texts(raw, "questions", where, minimum=MIN_ITEMS),
            steps=self.texts(raw, "steps", where, minimum=MIN_ITEMS),
            codes=codes,
            bright_lines=self.texts(raw, "bright_lines", where, minimum=0),
            sources=self.texts(raw, "sources", where, minimum=1),
        )

    def citations(self, raw: object, code: CodeName, where: str) -> tuple[CodeCitation, ...]:
        if not isinstance(raw, list) or not raw:
            raise self.fail(where, f"missing code {code}: cite at least one section")
        out: list[CodeCitation] = []
        for i, item in enumerate(raw):
            at = f"{where}[{i}]"
            if not isinstance(item, Mapping):
                raise self.fail(at, "must have 'section' and 'says'")
            section = item.get("section")
            if not isinstance(section, str | int | float) or not str(section).strip():
                raise self.fail(at, "field 'section' is missing")
            says = self.text(item, "says", at)
            silent = item.get("silent", False) is True
            if silent and not says.lower().startswith("silent on"):
                raise self.fail(at, "a silent code's paraphrase must start with 'Silent on'")
            if not silent and says.lower().startswith("silent"):
                raise self.fail(at, "mark the citation 'silent: true' when the code is silent")
            out.append(
                CodeCitation(
                    code=code,
                    section=str(section),
                    says=says,
                    silent=silent,
                    verified=item.get("verified", True) is not False,
                )
            )
        return tuple(out)

    def safety(self, raw: object) -> SafetyProtocol:
        where = "safety"
        if not isinstance(raw, Mapping):
            raise self.fail(where, "block is missing")
        by_kind_raw = raw.get("by_kind")
        if not isinstance(by_kind_raw, Mapping):
            raise self.fail(where, "field 'by_kind' must map each kind of risk to extra steps")
        by_kind = {
            kind: self.texts(by_kind_raw, kind, f"{where}, by_kind", minimum=1) for kind in SAFETY_KINDS
        }
        resources_raw = raw.get("resources")
        if not isinstance(resources_raw, list) or not resources_raw:
            raise self.fail(where, "field 'resources' must list at least one crisis resource")
        crisis: list[CrisisResource] = []
        for i, item in enumerate(resources_raw):
            at = f"{where}, resources[{i}]"
            if not isinstance(item, Mapping):
                raise self.fail(at, "must have 'name', 'contact' and 'how'")
            crisis.append(
                CrisisResource(
                    name=self.text(item, "name", at),
                    contact=self.text({"contact": str(item.get("contact", ""))}, "contact", at),
                    how=self.text(item, "how", at),
                )
            )
        return SafetyProtocol(
            title=self.text(raw, "title", where),
            intro=self.text(raw, "intro", where),
            steps=self.texts(raw, "steps", where, minimum=MIN_ITEMS),
            by_kind=by_kind,
            resources=tuple(crisis),
            region=self.text(raw, "region", where),
            region_note=self.text(raw, "region_note", where),
            disclaimer=self.text(raw, "disclaimer", where),
        )
