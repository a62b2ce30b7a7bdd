"""The App Home tab: a person's own state at a glance, built from a plain snapshot.

For a supervisee: their next check-in (in their own zone, named), how many reflections they wrote,
their weekly check-in streak, snooze and reminder switches, journal export/delete, and a
plain-language account of what is stored and who can see it. For a supervisor: each group's next
check-in, this week's participation and when the last digest went out. A person can be both.

No I/O here: the adapter gathers a :class:`HomeSnapshot` (the bot layer reads storage and Slack's
``users.info``), this module turns it into platform-neutral blocks, and each adapter renders them
(Slack: a ``home`` view published with ``views.publish``). The buttons reuse the action ids of
``/checkin`` and ``/reflect``, so pressing one on the Home tab runs the same code as the command.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from commands.schedule import format_local, zone_or_utc
from commands.types import (
    Actions,
    Actor,
    Block,
    BulletList,
    Button,
    Divider,
    Fields,
    Header,
    Notice,
    Paragraph,
)

SNOOZE_BUTTON_VALUE = "2w"
"""The Home tab's one-press snooze; other lengths are a /checkin snooze away."""

HEADER_CHECKINS = "Your check-ins"
HEADER_JOURNAL = "Your reflection journal"
HEADER_SUPERVISED = "Groups you supervise"
HEADER_PRIVACY = "Your privacy"


@dataclass(frozen=True)
class CheckinWeek:
    """One week of one member's check-ins, as the streak needs it (no content)."""

    period: str
    invited: bool
    """A check-in was sent to the member that week (not snoozed, not removed)."""
    answered: bool
    closed: bool
    """The week's digest went out, so an unanswered week can no longer be answered on time."""


def weekly_streak(weeks: Sequence[CheckinWeek]) -> int:
    """Consecutive weeks answered, counting back from the newest.

    Weeks count by period across the member's groups. A week the member was not asked (away,
    holiday, not yet a member) neither adds nor breaks the streak, and neither does the current
    week while it is still open: a snooze is a break people are encouraged to take, not a failure.
    """
    by_period: dict[str, CheckinWeek] = {}
    for week in weeks:
        seen = by_period.get(week.period)
        if seen is None:
            by_period[week.period] = week
        else:
            by_period[week.period] = CheckinWeek(
                period=week.period,
                invited=seen.invited or week.invited,
                answered=seen.answered or week.answered,
                closed=seen.closed and week.closed,
            )
    streak = 0
    for period in sorted(by_period, reverse=True):
        week = by_period[period]
        if week.answered:
            streak += 1
        elif not week.invited or not week.closed:
            continue
        else:
            break
    return streak


@dataclass(frozen=True)
class MemberGroupHome:
    """A group in which the person is a member (they get its check-ins)."""

    name: str
    next_checkin: dt.datetime | None
    """UTC; None while the group is paused with no end date."""
    paused: bool = False
    paused_until: dt.date | None = None
    snoozed_until: dt.date | None = None
    """Only a snooze still in effect today."""
    reminders_enabled: bool = True
    retention_days: int = 365


@dataclass(frozen=True)
class SupervisedGroupHome:
    """A group the person supervises, with this week's participation (counts only)."""

    name: str
    next_checkin: dt.datetime | None
    period: str
    members: int
    answered: int = 0
    away: int = 0
    opened: bool = False
    skipped_reason: str | None = None
    paused: bool = False
    last_digest_at: dt.datetime | None = None
    """UTC; when the last digest was delivered."""
    last_digest_period: str | None = None


@dataclass(frozen=True)
class HomeSnapshot:
    """Everything the Home tab shows for one person, gathered by the adapter."""

    tz: str | None
    """The person's IANA zone (``users.info``); times are shown in it, with its name."""
    member_groups: tuple[MemberGroupHome, ...] = ()
    supervised_groups: tuple[SupervisedGroupHome, ...] = ()
    reflections: int = 0
    streak: int = 0


class HomeSource(Protocol):
    """Gathers a person's snapshot (storage and platform look-ups live behind this)."""

    def snapshot(self, actor: Actor) -> HomeSnapshot:
        """The Home tab's data for ``actor`` (``actor.tz`` already filled in when known)."""
        ...


def _day(day: dt.date) -> str:
    return f"{day.strftime('%a')} {day.day} {day.strftime('%b %Y')}"


def _next(moment: dt.datetime | None, tz: str | None) -> str:
    return format_local(moment, tz) if moment is not None else "none while the group is paused"


def build_home(snapshot: HomeSnapshot) -> tuple[Block, ...]:
    """The Home tab's blocks: the supervisee part, the supervisor part, then the privacy notice."""
    zone = zone_or_utc(snapshot.tz).key
    blocks: list[Block] = [
        Header("Supervision at a glance"),
        Notice(f"Times are shown in your time zone, {zone}."),
    ]
    if snapshot.member_groups:
        blocks += _member_section(snapshot)
    elif not snapshot.supervised_groups:
        blocks.append(
            Paragraph(
                "You are not in a supervision group yet. A supervisor can add you with "
                "/supervision members add, or start a group with /supervision setup."
            )
        )
    blocks += _journal_section(snapshot)
    if snapshot.supervised_groups:
        blocks += _supervisor_section(snapshot)
    blocks += _privacy_section(snapshot)
    return tuple(blocks)


def _member_section(snapshot: HomeSnapshot) -> list[Block]:
    blocks: list[Block] = [Divider(), Header(HEADER_CHECKINS)]
    for group in snapshot.member_groups:
        if group.snoozed_until is not None:
            state = f"snoozed until {_day(group.snoozed_until)} (inclusive)"
        elif group.paused:
            state = f"group paused until {_day(group.paused_until)}" if group.paused_until else "group paused"
        else:
            state = "active"
        blocks.append(
            Fields(
                (
                    ("Group", group.name),
                    ("Next check-in", _next(group.next_checkin, snapshot.tz)),
                    ("You", state),
                    ("Reminders", "on" if group.reminders_enabled else "off"),
                )
            )
        )
    weeks = "week" if snapshot.streak == 1 else "weeks"
    blocks.append(
        Paragraph(
            f"*Weekly streak:* {snapshot.streak} {weeks} in a row. Weeks you were away or on holiday "
            "don't break it."
        )
    )
    snoozed = any(g.snoozed_until is not None for g in snapshot.member_groups)
    reminders_on = all(g.reminders_enabled for g in snapshot.member_groups)
    snooze = (
        Button("Resume check-ins", "checkin.resume", "", "primary")
        if snoozed
        else Button("Snooze for 2 weeks", "checkin.snooze", SNOOZE_BUTTON_VALUE)
    )
    reminders = (
        Button("Turn reminders off", "checkin.reminders", "off")
        if reminders_on
        else Button("Turn reminders on", "checkin.reminders", "on")
    )
    blocks.append(Actions((snooze, reminders)))
    blocks.append(
        Notice(
            "While snoozed you get no check-ins or reminders and count as away, never as missing. "
            "Other lengths: /checkin snooze until 2026-12-31."
        )
    )
    return blocks


def _journal_section(snapshot: HomeSnapshot) -> list[Block]:
    count = snapshot.reflections
    written = "no reflections yet" if count == 0 else f"{count} reflection{'s' if count != 1 else ''}"
    buttons = [Button("Get a reflection prompt", "reflect.next", "")]
    if count:
        buttons += [
            Button("Export my journal", "reflect.export", ""),
            Button("Delete my journal", "reflect.delete", "ask", "danger"),
        ]
    return [
        Divider(),
        Header(HEADER_JOURNAL),
        Paragraph(f"You have written {written}. Only you can read them."),
        Actions(tuple(buttons)),
    ]


def _supervisor_section(snapshot: HomeSnapshot) -> list[Block]:
    blocks: list[Block] = [Divider(), Header(HEADER_SUPERVISED)]
    for group in snapshot.supervised_groups:
        if group.opened:
            week = f"{group.answered} of {group.members} answered, {group.away} away"
        elif group.skipped_reason:
            week = f"no check-in ({group.skipped_reason})"
        else:
            week = "not opened yet"
        if group.last_digest_at is not None:
            last = format_local(group.last_digest_at, snapshot.tz)
            if group.last_digest_period:
                last += f", week {group.last_digest_period}"
        else:
            last = "none sent yet"
        blocks.append(
            Fields(
                (
                    ("Group", group.name + (" (paused)" if group.paused else "")),
                    ("Next check-in", _next(group.next_checkin, snapshot.tz)),
                    (f"This week ({group.period})", week),
                    ("Last digest", last),
                )
            )
        )
    blocks.append(
        Notice(
            "/supervision digest shows this week's digest privately; /supervision status lists failed "
            "deliveries. Figures are counts only: who answered is never shown."
        )
    )
    return blocks


def _privacy_section(snapshot: HomeSnapshot) -> list[Block]:
    retention = sorted({(g.name, g.retention_days) for g in snapshot.member_groups})
    if retention:
        kept = "; ".join(f"{name}: {days} days" for name, days in retention)
        keep_line = (
            f"How long: check-in answers, reflections and agenda items are deleted after your group's "
            f"retention period ({kept}). You can delete your journal yourself at any time."
        )
    else:
        keep_line = "How long: you can delete your journal yourself at any time."
    return [
        Divider(),
        Header(HEADER_PRIVACY),
        BulletList(
            "What is stored and who can see it",
            (
                "What is stored: your check-in ratings and answers, anything you bring to supervision, "
                "your journal entries, and which prompts you were shown. Nothing you write is posted "
                "to a channel.",
                "De-identified first: names, places, dates, ages over 89, phone numbers, emails, ID "
                "numbers, links and other identifiers are replaced before anything is saved; you see "
                "the stored version and can correct it.",
                "Not linked to you: entries are filed under a keyed pseudonym instead of your Slack ID, "
                "and the text is encrypted.",
                "Who sees what: only you read your journal. Supervisors see group totals (participation, "
                "average ratings, counts of themes; only participation when fewer than 3 people "
                "answered) and agenda items without names, in random order. They learn that you asked "
                "for individual time only if you chose to be named.",
                keep_line,
            ),
        ),
    ]
