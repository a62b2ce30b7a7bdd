"""Pure time maths for weekly check-ins: parsing schedules, finding cycles, showing times.

Schedules are wall-clock times in a named IANA zone ("MON 09:00" in Europe/London); everything
stored is naive UTC. Keeping the conversion in one pure module means daylight saving, half-hour
zones and the date line are handled (and tested) once, not in every caller.

A *period* is the ISO week of the check-in's local date (``2026-W48``): a group has at most one
cycle per period, which is what makes a cycle row unique and a re-fire harmless.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from commands.types import UserError

WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
"""Weekday names as APScheduler's ``day_of_week`` takes them (names, never numbers)."""

_DAY_NAMES = {
    **{day: day for day in WEEKDAYS},
    "monday": "mon",
    "tuesday": "tue",
    "tues": "tue",
    "wednesday": "wed",
    "thursday": "thu",
    "thur": "thu",
    "thurs": "thu",
    "friday": "fri",
    "saturday": "sat",
    "sunday": "sun",
}
_WEEKLY = re.compile(r"^\s*([A-Za-z]+)\s+([0-9]{1,2}):([0-9]{2})\s*$")
_DURATION = re.compile(r"^\s*([0-9]{1,3})\s*([dw])\s*$", re.IGNORECASE)


class ScheduleError(UserError):
    """A schedule, zone or date a person typed cannot be understood; the message says how to fix it."""


@dataclass(frozen=True)
class WeeklyTime:
    """A weekday and a wall-clock time, e.g. Monday 09:00."""

    weekday: str
    """One of :data:`WEEKDAYS`."""
    hour: int
    minute: int

    @property
    def label(self) -> str:
        """The form the CLI takes and shows: ``MON 09:00``."""
        return f"{self.weekday.upper()} {self.hour:02d}:{self.minute:02d}"

    @property
    def clock(self) -> str:
        """``HH:MM`` as stored in the groups table."""
        return f"{self.hour:02d}:{self.minute:02d}"

    @property
    def index(self) -> int:
        """Monday = 0, as :meth:`datetime.date.weekday` counts."""
        return WEEKDAYS.index(self.weekday)


@dataclass(frozen=True)
class Schedule:
    """A group's weekly rhythm: check-in and digest times in one zone."""

    zone: str
    checkin: WeeklyTime
    digest: WeeklyTime

    @property
    def tz(self) -> ZoneInfo:
        """The zone as a tzinfo (validated when the schedule was made)."""
        return ZoneInfo(self.zone)


@dataclass(frozen=True)
class Occurrence:
    """One check-in occurrence: its period, its local date and its instant in UTC (naive)."""

    period: str
    local_date: dt.date
    due_utc: dt.datetime


def parse_weekly(text: str) -> WeeklyTime:
    """Parse ``"MON 09:00"`` (any case, full day names too); reject anything ambiguous like ``9am``.

    Raises:
        ScheduleError: With an example of the expected form.
    """
    match = _WEEKLY.match(text or "")
    if not match:
        raise ScheduleError(
            f'"{text}" is not a weekly time: use a weekday and 24-hour time, e.g. "MON 09:00"'
        )
    day = _DAY_NAMES.get(match.group(1).lower())
    hour, minute = int(match.group(2)), int(match.group(3))
    if day is None:
        raise ScheduleError(f'"{match.group(1)}" is not a weekday: use MON, TUE, WED, THU, FRI, SAT or SUN')
    if hour > 23 or minute > 59:
        raise ScheduleError(f'"{text}" is not a valid time of day: use 00:00 to 23:59')
    return WeeklyTime(weekday=day, hour=hour, minute=minute)


def weekly_from_columns(weekday: str, clock: str) -> WeeklyTime:
    """The stored form (``"mon"``, ``"09:00"``) back to a :class:`WeeklyTime`."""
    return parse_weekly(f"{weekday} {clock}")


def parse_zone(name: str) -> ZoneInfo:
    """An IANA zone by name; ``UTC`` offsets and abbreviations like ``EST`` are refused.

    Raises:
        ScheduleError: When the name is not an IANA zone.
    """
    cleaned = (name or "").strip()
    if not cleaned or ("/" not in cleaned and cleaned not in ("UTC", "Etc/UTC")):
        raise ScheduleError(f'"{name}" is not a time zone name: use an IANA name such as Europe/London')
    try:
        return ZoneInfo(cleaned)
    except (ZoneInfoNotFoundError, ValueError):
        raise ScheduleError(
            f'"{name}" is not a known time zone: use an IANA name such as America/New_York'
        ) from None


def parse_date(text: str) -> dt.date:
    """``YYYY-MM-DD``.

    Raises:
        ScheduleError: For anything else.
    """
    try:
        return dt.date.fromisoformat((text or "").strip())
    except ValueError:
        raise ScheduleError(f'"{text}" is not a date: use YYYY-MM-DD, e.g. 2026-12-31') from None


def parse_until(text: str, *, today: dt.date) -> dt.date:
    """``2w``, ``10d``, ``until 2026-12-31`` or a bare date -> the last day of the snooze.

    Raises:
        ScheduleError: When the text is neither a duration nor a date, or lies in the past.
    """
    cleaned = (text or "").strip().lower()
    if cleaned.startswith("until "):
        cleaned = cleaned[len("until ") :].strip()
    match = _DURATION.match(cleaned)
    if match:
        amount = int(match.group(1))
        days = amount * 7 if match.group(2).lower() == "w" else amount
        if days < 1:
            raise ScheduleError("Please give at least one day, e.g. 2w or 10d.")
        return today + dt.timedelta(days=days - 1)
    day = parse_date(cleaned)
    if day < today:
        raise ScheduleError(f"{day.isoformat()} is in the past.")
    return day


def period_of(day: dt.date) -> str:
    """The ISO week of a date, ``2026-W48``; the cycle key."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def local_instant(zone: ZoneInfo, day: dt.date, at: WeeklyTime) -> dt.datetime:
    """The aware instant of a wall-clock time on a date.

    A time that does not exist (the spring-forward gap) moves forward by the gap, as a person's
    clock would show it; a repeated time (fall back) is its first occurrence.
    """
    naive = dt.datetime(day.year, day.month, day.day, at.hour, at.minute)
    first = naive.replace(tzinfo=zone, fold=0)
    # a round trip through UTC normalises a time inside the gap to the wall time after it
    return first.astimezone(dt.UTC).astimezone(zone)


def to_utc(moment: dt.datetime) -> dt.datetime:
    """An aware datetime as naive UTC, the stored form."""
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


def from_utc(moment: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """A stored naive-UTC datetime in a zone."""
    return moment.replace(tzinfo=dt.UTC).astimezone(zone)


def _week_day(day: dt.date, weekday_index: int) -> dt.date:
    """The date in ``day``'s ISO week that falls on the given weekday."""
    return day + dt.timedelta(days=weekday_index - day.weekday())


def occurrence_on(schedule: Schedule, day: dt.date) -> Occurrence:
    """The check-in occurrence of the ISO week containing ``day``."""
    local_date = _week_day(day, schedule.checkin.index)
    due = local_instant(schedule.tz, local_date, schedule.checkin)
    return Occurrence(period=period_of(local_date), local_date=local_date, due_utc=to_utc(due))


def current_occurrence(schedule: Schedule, now_utc: dt.datetime) -> Occurrence:
    """This week's check-in in the group's zone (it may still lie ahead: an operator may open early)."""
    return occurrence_on(schedule, from_utc(now_utc, schedule.tz).date())


def latest_occurrence(schedule: Schedule, now_utc: dt.datetime) -> Occurrence:
    """The most recent check-in due at or before ``now_utc``."""
    this_week = current_occurrence(schedule, now_utc)
    if this_week.due_utc <= now_utc:
        return this_week
    return occurrence_on(schedule, this_week.local_date - dt.timedelta(days=7))


def next_occurrence(schedule: Schedule, now_utc: dt.datetime) -> Occurrence:
    """The first check-in due strictly after ``now_utc``."""
    this_week = current_occurrence(schedule, now_utc)
    if this_week.due_utc > now_utc:
        return this_week
    return occurrence_on(schedule, this_week.local_date + dt.timedelta(days=7))


def occurrence_of_period(schedule: Schedule, period: str) -> Occurrence:
    """The check-in occurrence of a period key.

    Raises:
        ScheduleError: When the key is not ``YYYY-Www``.
    """
    match = re.match(r"^([0-9]{4})-W([0-9]{2})$", period)
    if not match:
        raise ScheduleError(f'"{period}" is not a period key like 2026-W48')
    monday = dt.date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
    return occurrence_on(schedule, monday)


def digest_due(schedule: Schedule, checkin_due_utc: dt.datetime) -> dt.datetime:
    """When the digest of a cycle goes out: the first digest time strictly after the check-in.

    A digest set for the same weekday and time as the check-in goes out a week later, so members
    always have time to answer.
    """
    zone = schedule.tz
    start = from_utc(checkin_due_utc, zone)
    for offset in range(8):
        day = start.date() + dt.timedelta(days=offset)
        if day.weekday() != schedule.digest.index:
            continue
        candidate = local_instant(zone, day, schedule.digest)
        if candidate > start:
            return to_utc(candidate)
    raise AssertionError("a weekday recurs within eight days")  # pragma: no cover


def digest_occurrence(schedule: Schedule, now_utc: dt.datetime) -> Occurrence:
    """The cycle a digest sent at ``now_utc`` reports on: the latest check-in at or before it."""
    return latest_occurrence(schedule, now_utc)


def reminder_due(checkin_due_utc: dt.datetime, *, delay_hours: int, number: int) -> dt.datetime:
    """When reminder ``number`` (1 or 2) of a cycle is due."""
    return checkin_due_utc + dt.timedelta(hours=delay_hours * number)


def zone_or_utc(name: str | None) -> ZoneInfo:
    """A person's zone, or UTC when unknown or invalid (a display must never fail)."""
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return ZoneInfo("UTC")


def format_local(moment_utc: dt.datetime, tz: str | None) -> str:
    """A stored UTC time as a person reads it, with the zone's name: ``Mon 24 Nov 09:00 (Europe/London)``."""
    zone = zone_or_utc(tz)
    local = from_utc(moment_utc, zone)
    return f"{local.strftime('%a')} {local.day} {local.strftime('%b %H:%M')} ({zone.key})"
