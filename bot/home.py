"""Gathers the App Home snapshot of one person from the repositories (the pure layout is commands.home).

Only the person's own groups, in their own workspace, are read: ``of_user`` is scoped by workspace
and user, so the Home tab of one workspace never shows another's groups, and a member sees their
own switches and streak, never anyone else's.
"""

from __future__ import annotations

import datetime as dt
import logging

from bot.jobs import CheckinJobs, group_status, occurrence_day
from commands.groups import GroupInfo
from commands.home import HomeSnapshot, MemberGroupHome, SupervisedGroupHome, weekly_streak
from commands.ports import Journal
from commands.schedule import Occurrence, next_occurrence, occurrence_on
from commands.types import Actor
from storage.home import HomeRepository

logger = logging.getLogger(__name__)

LOOKAHEAD_WEEKS = 60
"""How far to look for the next check-in past pauses, holidays and snoozes."""


class HomeDesk:
    """The :class:`commands.home.HomeSource` port over the repositories."""

    def __init__(self, *, jobs: CheckinJobs, journal: Journal, home: HomeRepository) -> None:
        self._jobs = jobs
        self._journal = journal
        self._home = home

    def snapshot(self, actor: Actor) -> HomeSnapshot:
        """The person's Home tab data, as of the jobs' clock."""
        now = self._jobs.clock()
        groups = self._jobs.groups.of_user(workspace_id=actor.workspace_id, user_id=actor.user_id)
        member_of = [g for g in groups if g.member(actor.user_id) is not None]
        supervised = [g for g in groups if g.is_supervisor(actor.user_id)]
        self._remember_zone(actor, member_of)
        tz = actor.tz or next(
            (m.timezone for g in member_of if (m := g.member(actor.user_id)) and m.timezone), None
        )
        author = self._jobs.pseudonyms.author(actor.workspace_id, actor.user_id)
        weeks = self._home.checkin_weeks(
            group_ids=[g.id for g in member_of], user_id=actor.user_id, author=author
        )
        return HomeSnapshot(
            tz=tz,
            member_groups=tuple(self._member(g, actor.user_id, now) for g in member_of),
            supervised_groups=tuple(self._supervised(g, now) for g in supervised),
            reflections=self._journal.count(actor=actor),
            streak=weekly_streak(weeks),
        )

    def _remember_zone(self, actor: Actor, member_of: list[GroupInfo]) -> None:
        """Keep the zone the platform just gave (``users.info``) for the next check-in's times.

        A member's zone is stored the first time a check-in needs it and not asked again per
        message; someone who moved would otherwise get times in their old zone forever. Opening
        the Home tab already asks the platform, so the stored zone is corrected then, at no cost.
        """
        if not actor.tz:
            return
        for group in member_of:
            member = group.member(actor.user_id)
            if member is not None and member.timezone != actor.tz:
                self._jobs.groups.set_member(group.id, actor.user_id, timezone=actor.tz)
                logger.info("member %s of group %s: time zone updated", actor.user_id, group.id)

    def _member(self, group: GroupInfo, user_id: str, now: dt.datetime) -> MemberGroupHome:
        member = group.member(user_id)
        assert member is not None
        today = occurrence_day(group, now)
        upcoming = self._next_checkin(group, now, snoozed_until=member.snoozed_until)
        return MemberGroupHome(
            name=group.name,
            next_checkin=upcoming.due_utc if upcoming else None,
            paused=group.paused_on(today),
            paused_until=group.paused_until,
            snoozed_until=member.snoozed_until if member.away_on(today) else None,
            reminders_enabled=member.reminders_enabled,
            retention_days=group.retention_days,
        )

    def _supervised(self, group: GroupInfo, now: dt.datetime) -> SupervisedGroupHome:
        status = group_status(self._jobs, group)
        upcoming = self._next_checkin(group, now, snoozed_until=None)
        last = self._home.last_digest(group_id=group.id)
        return SupervisedGroupHome(
            name=group.name,
            next_checkin=upcoming.due_utc if upcoming else None,
            period=status.period,
            members=len(group.members),
            answered=status.answered,
            away=status.away,
            opened=status.opened and status.skipped_reason is None,
            skipped_reason=status.skipped_reason,
            paused=group.paused_on(occurrence_day(group, now)),
            last_digest_at=last[1] if last else None,
            last_digest_period=last[0] if last else None,
        )

    def _next_checkin(
        self, group: GroupInfo, now: dt.datetime, *, snoozed_until: dt.date | None
    ) -> Occurrence | None:
        """The first future check-in that will really reach the person: not paused, a holiday or snoozed."""
        holidays = {h.day for h in self._jobs.groups.holidays(group.id)}
        occurrence = next_occurrence(group.schedule, now)
        for _ in range(LOOKAHEAD_WEEKS):
            day = occurrence.local_date
            skipped = (
                group.paused_on(day)
                or day in holidays
                or (snoozed_until is not None and day <= snoozed_until)
            )
            if not skipped:
                return occurrence
            occurrence = occurrence_on(group.schedule, day + dt.timedelta(days=7))
        return None
