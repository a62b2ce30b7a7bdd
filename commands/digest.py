"""The supervisor digest, assembled from a plain snapshot: no I/O, so every figure is testable.

Supervisors see aggregates only. With fewer than :data:`K_ANONYMITY` answers the digest shows
participation and nothing else, so no answer can be traced to a person; members on leave are
"away", never "not answered"; agenda items come in random order without authors.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from commands.prompts import PromptLibrary
from commands.types import Block, BulletList, Divider, Fields, Header, Notice, Paragraph, Reply

K_ANONYMITY = 3
"""Fewer answers than this and no breakdown is shown."""
TREND_WEEKS = 8
DISCUSSION_PROMPTS = 3
SCALES = ("bond", "goals", "tasks")

Rating = tuple[int | None, int | None, int | None]
"""One answer's (bond, goals, tasks), each 1-5 or missing."""


@dataclass(frozen=True)
class WeekRatings:
    """The alliance self-ratings of one period."""

    period: str
    ratings: tuple[Rating, ...] = ()


@dataclass(frozen=True)
class LateAnswers:
    """Answers that arrived after an earlier period's digest."""

    period: str
    count: int


@dataclass(frozen=True)
class DigestData:
    """Everything a digest shows, as counts and de-identified texts; built by the storage layer."""

    group_name: str
    period: str
    members: int
    """Members of the group (supervisors who are not members are observers, not counted)."""
    answered: int
    """Answers to this period's check-in that arrived before the digest."""
    away: int
    """Members snoozed for this cycle who did not answer."""
    reminders_sent: int = 0
    failed_deliveries: int = 0
    opened: bool = True
    """Whether this period's check-in was opened at all."""
    paused: bool = False
    history: tuple[WeekRatings, ...] = ()
    """Up to :data:`TREND_WEEKS` periods, oldest first, ending with this one."""
    reflection_themes: tuple[tuple[str, int], ...] = ()
    boundary_categories: tuple[tuple[str, int], ...] = ()
    agenda_items: tuple[str, ...] = ()
    individual_time: int = 0
    individual_named: tuple[str, ...] = ()
    """User ids of members who asked for individual time and chose to be named (group allowing)."""
    late: tuple[LateAnswers, ...] = ()
    digest_time: str = ""
    """When the digest is (or was) sent, already formatted for the reader."""


@dataclass(frozen=True)
class TrendPoint:
    """One week of the trend: averages, or None where fewer than k answered."""

    period: str
    answers: int
    bond: float | None
    goals: float | None
    tasks: float | None


@dataclass(frozen=True)
class Digest:
    """The assembled digest: a reply for the DM and, when allowed, the trend for a chart."""

    reply: Reply
    trend: tuple[TrendPoint, ...] = ()
    withheld: bool = False
    """True when k-anonymity held everything but participation back."""
    figures: dict[str, object] = field(default_factory=dict)
    """The headline numbers, for logs-free checks and the App Home summary."""


def averages(ratings: Sequence[Rating]) -> tuple[float | None, float | None, float | None]:
    """Mean bond, goals and tasks over the answers that gave each, rounded to one decimal."""
    out: list[float | None] = []
    for index in range(3):
        values = [r[index] for r in ratings if r[index] is not None]
        out.append(round(sum(v for v in values if v is not None) / len(values), 1) if values else None)
    return out[0], out[1], out[2]


def trend(history: Sequence[WeekRatings]) -> tuple[TrendPoint, ...]:
    """The last :data:`TREND_WEEKS` weeks; a week with fewer than k answers shows no averages."""
    points = []
    for week in list(history)[-TREND_WEEKS:]:
        n = len(week.ratings)
        bond, goals, tasks = averages(week.ratings) if n >= K_ANONYMITY else (None, None, None)
        points.append(TrendPoint(period=week.period, answers=n, bond=bond, goals=goals, tasks=tasks))
    return tuple(points)


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f}"


def _counts(pairs: Sequence[tuple[str, int]]) -> tuple[str, ...]:
    return tuple(f"{name}: {count}" for name, count in sorted(pairs, key=lambda p: (-p[1], p[0])))


def build_digest(data: DigestData, *, library: PromptLibrary | None, rng: random.Random) -> Digest:
    """Assemble the digest for one period.

    Args:
        data: The snapshot (counts, ratings and de-identified items).
        library: Prompt library for discussion suggestions (None: no suggestions).
        rng: Orders the agenda items and picks prompts; seed it per cycle so a retried delivery
            reads the same as the first.
    """
    not_answered = max(0, data.members - data.answered - data.away)
    figures: dict[str, object] = {
        "members": data.members,
        "answered": data.answered,
        "away": data.away,
        "not_answered": not_answered,
        "reminders_sent": data.reminders_sent,
        "failed_deliveries": data.failed_deliveries,
    }
    blocks: list[Block] = [Header(f"Supervision digest: {data.group_name}, week {data.period}")]
    if data.paused:
        blocks.append(Paragraph("The group is paused: no check-in went out this week."))
    elif not data.opened:
        blocks.append(Paragraph("No check-in was opened this week."))
    participation = (
        ("Answered", f"{data.answered} of {data.members}"),
        ("Away (snoozed)", str(data.away)),
        ("Not answered", str(not_answered)),
        ("Reminders sent", str(data.reminders_sent)),
        ("Failed deliveries", str(data.failed_deliveries)),
    )
    blocks.append(Fields(participation))
    quiet = (
        data.answered == 0
        and not data.agenda_items
        and not data.reflection_themes
        and not data.boundary_categories
        and not data.late
    )
    if quiet:
        blocks.append(Paragraph("No activity this week: no answers, reflections, questions or agenda items."))
    late_lines = tuple(
        f"{late.period}: {late.count} late answer{'s' if late.count != 1 else ''}" for late in data.late
    )
    if data.answered < K_ANONYMITY:
        if late_lines:
            blocks.append(BulletList("Late answers since the last digest", late_lines))
        if not quiet:
            blocks.append(
                Notice(
                    f"Fewer than {K_ANONYMITY} answers this week, so only participation is shown: "
                    "no one can be singled out."
                )
            )
        text = f"Digest for {data.group_name} ({data.period}): {data.answered} of {data.members} answered"
        return Digest(
            reply=Reply(text=text, blocks=tuple(blocks), visibility="dm"), withheld=True, figures=figures
        )

    this_week = data.history[-1].ratings if data.history else ()
    bond, goals, tasks = averages(this_week)
    figures.update({"bond": bond, "goals": goals, "tasks": tasks})
    blocks.append(Divider())
    blocks.append(
        Fields(
            (
                ("Bond (avg, 1-5)", _fmt(bond)),
                ("Goals (avg, 1-5)", _fmt(goals)),
                ("Tasks (avg, 1-5)", _fmt(tasks)),
            )
        )
    )
    points = trend(data.history)
    trend_lines = tuple(
        f"{p.period}: bond {_fmt(p.bond)}, goals {_fmt(p.goals)}, tasks {_fmt(p.tasks)} ({p.answers} answers)"
        if p.bond is not None or p.goals is not None or p.tasks is not None
        else f"{p.period}: fewer than {K_ANONYMITY} answers"
        for p in points
    )
    blocks.append(BulletList(f"Alliance trend, last {len(points)} week(s)", trend_lines))
    if data.reflection_themes:
        blocks.append(BulletList("Reflection themes this week", _counts(data.reflection_themes)))
    if data.boundary_categories:
        blocks.append(BulletList("/boundary questions this week", _counts(data.boundary_categories)))
    if data.agenda_items:
        items = list(data.agenda_items)
        rng.shuffle(items)
        blocks.append(BulletList("Brought to supervision (de-identified, no authors)", tuple(items)))
    individual = f"{data.individual_time} member(s) asked for individual time."
    if data.individual_named:
        individual += " Chose to be named: " + ", ".join(f"{u}" for u in data.individual_named) + "."
    blocks.append(Paragraph(individual))
    if late_lines:
        blocks.append(BulletList("Late answers since the last digest", late_lines))
    if library is not None:
        themes = [name for name, _ in sorted(data.reflection_themes, key=lambda p: (-p[1], p[0]))]
        prompts = library.suggest_for_themes(themes, DISCUSSION_PROMPTS, rng)
        if prompts:
            blocks.append(
                BulletList("Questions for the group", tuple(p.question for p in prompts), numbered=True)
            )
    blocks.append(Notice("Aggregates only: answers are de-identified and never shown with names."))
    figures["individual_time"] = data.individual_time
    text = (
        f"Digest for {data.group_name} ({data.period}): {data.answered} of {data.members} answered; "
        f"bond {_fmt(bond)}, goals {_fmt(goals)}, tasks {_fmt(tasks)}"
    )
    has_points = any(p.bond is not None or p.goals is not None or p.tasks is not None for p in points)
    return Digest(
        reply=Reply(text=text, blocks=tuple(blocks), visibility="dm"),
        trend=points if has_points else (),
        figures=figures,
    )
