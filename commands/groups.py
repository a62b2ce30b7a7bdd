"""Plain data about supervision groups, shared by commands, storage and the bot's jobs.

These are the shapes repositories return (rows never leave ``storage``), so a command can be
tested with an in-memory fake and the scheduler can hand a group around without a session.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from commands.schedule import Schedule, WeeklyTime, weekly_from_columns

ROLE_MEMBER = "member"
ROLE_SUPERVISOR = "supervisor"


@dataclass(frozen=True)
class MemberInfo:
    """One member of a group and their own preferences."""

    user_id: str
    snoozed_until: dt.date | None = None
    reminders_enabled: bool = True
    named_opt_in: bool = False
    timezone: str | None = None

    def away_on(self, day: dt.date) -> bool:
        """Whether the member's snooze covers ``day`` (the last snoozed day is inclusive)."""
        return self.snoozed_until is not None and day <= self.snoozed_until


@dataclass(frozen=True)
class GroupInfo:
    """A group with its schedule, policies, members and supervisors."""

    id: int
    workspace_id: str
    name: str
    timezone: str
    checkin_weekday: str
    checkin_time: str
    digest_weekday: str
    digest_time: str
    channel_id: str | None = None
    reminder_delay_hours: int = 24
    reminder_count: int = 1
    retention_days: int = 365
    allow_named: bool = False
    paused: bool = False
    paused_until: dt.date | None = None
    created_by: str = ""
    members: tuple[MemberInfo, ...] = ()
    supervisors: tuple[str, ...] = ()

    @property
    def checkin(self) -> WeeklyTime:
        """The check-in's weekday and wall-clock time."""
        return weekly_from_columns(self.checkin_weekday, self.checkin_time)

    @property
    def digest(self) -> WeeklyTime:
        """The digest's weekday and wall-clock time."""
        return weekly_from_columns(self.digest_weekday, self.digest_time)

    @property
    def schedule(self) -> Schedule:
        """Check-in and digest in the group's zone."""
        return Schedule(zone=self.timezone, checkin=self.checkin, digest=self.digest)

    def is_supervisor(self, user_id: str) -> bool:
        """Only supervisors change a group or see its digest."""
        return user_id in self.supervisors

    def member(self, user_id: str) -> MemberInfo | None:
        """The member entry of a user, if they are a member."""
        return next((m for m in self.members if m.user_id == user_id), None)

    def paused_on(self, day: dt.date) -> bool:
        """Whether the group is paused on a local date (``paused_until`` is inclusive)."""
        if not self.paused:
            return False
        return self.paused_until is None or day <= self.paused_until


@dataclass(frozen=True)
class HolidayInfo:
    """A date on which the group's check-in is not opened."""

    day: dt.date
    note: str = ""


@dataclass(frozen=True)
class NewGroup:
    """What creating a group needs; validated by the caller (CLI or setup form)."""

    workspace_id: str
    name: str
    members: tuple[str, ...]
    supervisors: tuple[str, ...]
    checkin: WeeklyTime
    digest: WeeklyTime
    timezone: str
    created_by: str
    channel_id: str | None = None
    reminder_delay_hours: int = 24
    reminder_count: int = 1
    retention_days: int = 365
    allow_named: bool = False


class GroupExists(ValueError):
    """A group of that name already exists in the workspace."""


class UnknownGroup(LookupError):
    """No group of that name (or id) in the workspace."""
