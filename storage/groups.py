"""Supervision groups: members, supervisors, schedules, pauses, snoozes and holidays.

The groups table is the source of truth for scheduling: the scheduler derives its jobs from what
this repository returns, so every change here is followed by a rebuild (see ``bot.scheduler``).
Every lookup is scoped to a workspace, so one workspace never sees another's groups.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from commands.groups import (
    ROLE_MEMBER,
    ROLE_SUPERVISOR,
    GroupExists,
    GroupInfo,
    HolidayInfo,
    MemberInfo,
    NewGroup,
    UnknownGroup,
)
from commands.schedule import WeeklyTime
from storage.db import Database
from storage.models import Group, GroupMember, Holiday


class GroupRepository:
    """Creates, reads and changes groups; returns :class:`GroupInfo`, never rows."""

    def __init__(self, *, db: Database) -> None:
        self._db = db

    # ------------------------------------------------------------------ reading

    def by_name(self, *, workspace_id: str, name: str) -> GroupInfo:
        """The group of that name in the workspace.

        Raises:
            UnknownGroup: When there is none.
        """
        with self._db.session() as session:
            row = session.scalar(select(Group).where(Group.workspace_id == workspace_id, Group.name == name))
            if row is None:
                raise UnknownGroup(name)
            return _info(session, row)

    def by_id(self, group_id: int) -> GroupInfo:
        """The group with this id (scheduler jobs carry ids only).

        Raises:
            UnknownGroup: When it was deleted meanwhile.
        """
        with self._db.session() as session:
            row = session.get(Group, group_id)
            if row is None:
                raise UnknownGroup(str(group_id))
            return _info(session, row)

    def list_groups(self, *, workspace_id: str | None = None) -> list[GroupInfo]:
        """Every group (of one workspace, or all for the scheduler), by name."""
        with self._db.session() as session:
            query = select(Group).order_by(Group.workspace_id, Group.name)
            if workspace_id is not None:
                query = query.where(Group.workspace_id == workspace_id)
            return [_info(session, row) for row in session.scalars(query).all()]

    def of_user(self, *, workspace_id: str, user_id: str, role: str | None = None) -> list[GroupInfo]:
        """The groups in which the user has a role (any role when ``role`` is None)."""
        with self._db.session() as session:
            query = (
                select(Group)
                .join(GroupMember, GroupMember.group_id == Group.id)
                .where(Group.workspace_id == workspace_id, GroupMember.user_id == user_id)
                .order_by(Group.id)
            )
            if role is not None:
                query = query.where(GroupMember.role == role)
            rows = list(dict.fromkeys(session.scalars(query).all()))
            return [_info(session, row) for row in rows]

    def holidays(self, group_id: int) -> list[HolidayInfo]:
        """The group's holidays, by date."""
        with self._db.session() as session:
            rows = session.scalars(select(Holiday).where(Holiday.group_id == group_id).order_by(Holiday.day))
            return [HolidayInfo(day=row.day, note=row.note) for row in rows]

    def holiday_on(self, group_id: int, day: dt.date) -> HolidayInfo | None:
        """The holiday on a date, if any."""
        with self._db.session() as session:
            row = session.scalar(select(Holiday).where(Holiday.group_id == group_id, Holiday.day == day))
            return HolidayInfo(day=row.day, note=row.note) if row else None

    # ------------------------------------------------------------------ changing

    def create(self, new: NewGroup) -> GroupInfo:
        """Insert a group with its members and supervisors.

        Raises:
            GroupExists: When the workspace already has a group of that name.
        """
        try:
            with self._db.session() as session:
                if session.scalar(
                    select(Group.id).where(Group.workspace_id == new.workspace_id, Group.name == new.name)
                ):
                    raise GroupExists(new.name)
                row = Group(
                    workspace_id=new.workspace_id,
                    name=new.name,
                    channel_id=new.channel_id,
                    timezone=new.timezone,
                    checkin_weekday=new.checkin.weekday,
                    checkin_time=new.checkin.clock,
                    digest_weekday=new.digest.weekday,
                    digest_time=new.digest.clock,
                    reminder_delay_hours=new.reminder_delay_hours,
                    reminder_count=new.reminder_count,
                    retention_days=new.retention_days,
                    allow_named=new.allow_named,
                    paused=False,
                    created_by=new.created_by,
                )
                session.add(row)
                session.flush()
                _add_people(session, row.id, new.members, ROLE_MEMBER)
                _add_people(session, row.id, new.supervisors, ROLE_SUPERVISOR)
                session.flush()
                return _info(session, row)
        except IntegrityError:
            raise GroupExists(new.name) from None

    def add_people(self, group_id: int, user_ids: Iterable[str], *, role: str) -> int:
        """Add members or supervisors (existing ones are left alone); returns how many were new."""
        with self._db.session() as session:
            return _add_people(session, group_id, user_ids, role)

    def remove_people(self, group_id: int, user_ids: Iterable[str], *, role: str | None = None) -> int:
        """Remove people from a role (or every role); they stop receiving check-ins at once."""
        ids = list(user_ids)
        with self._db.session() as session:
            query = delete(GroupMember).where(GroupMember.group_id == group_id, GroupMember.user_id.in_(ids))
            if role is not None:
                query = query.where(GroupMember.role == role)
            return int(getattr(session.execute(query), "rowcount", 0) or 0)

    def set_schedule(
        self,
        group_id: int,
        *,
        checkin: WeeklyTime | None = None,
        digest: WeeklyTime | None = None,
        timezone: str | None = None,
        reminder_delay_hours: int | None = None,
        reminder_count: int | None = None,
        retention_days: int | None = None,
        channel_id: str | None = None,
        allow_named: bool | None = None,
    ) -> GroupInfo:
        """Change any of the schedule and policy settings; the others stay."""
        with self._db.session() as session:
            row = _row(session, group_id)
            if checkin is not None:
                row.checkin_weekday, row.checkin_time = checkin.weekday, checkin.clock
            if digest is not None:
                row.digest_weekday, row.digest_time = digest.weekday, digest.clock
            if timezone is not None:
                row.timezone = timezone
            if reminder_delay_hours is not None:
                row.reminder_delay_hours = reminder_delay_hours
            if reminder_count is not None:
                row.reminder_count = reminder_count
            if retention_days is not None:
                row.retention_days = retention_days
            if channel_id is not None:
                row.channel_id = channel_id or None
            if allow_named is not None:
                row.allow_named = allow_named
            session.flush()
            return _info(session, row)

    def set_paused(self, group_id: int, *, paused: bool, until: dt.date | None = None) -> GroupInfo:
        """Pause (optionally until a date, inclusive) or resume the whole group."""
        with self._db.session() as session:
            row = _row(session, group_id)
            row.paused = paused
            row.paused_until = until if paused else None
            session.flush()
            return _info(session, row)

    def set_member(
        self,
        group_id: int,
        user_id: str,
        *,
        snoozed_until: dt.date | bool | None = False,
        reminders_enabled: bool | None = None,
        named_opt_in: bool | None = None,
        timezone: str | None = None,
    ) -> bool:
        """Change one member's own settings; ``snoozed_until=None`` ends a snooze.

        Returns:
            Whether the user is a member of the group.
        """
        values: dict[str, object] = {}
        if snoozed_until is not False:
            values["snoozed_until"] = snoozed_until
        if reminders_enabled is not None:
            values["reminders_enabled"] = reminders_enabled
        if named_opt_in is not None:
            values["named_opt_in"] = named_opt_in
        if timezone is not None:
            values["timezone"] = timezone
        with self._db.session() as session:
            query = update(GroupMember).where(
                GroupMember.group_id == group_id,
                GroupMember.user_id == user_id,
                GroupMember.role == ROLE_MEMBER,
            )
            if not values:
                return bool(
                    session.scalar(
                        select(GroupMember.id).where(
                            GroupMember.group_id == group_id,
                            GroupMember.user_id == user_id,
                            GroupMember.role == ROLE_MEMBER,
                        )
                    )
                )
            result = session.execute(query.values(**values))
            return int(getattr(result, "rowcount", 0) or 0) > 0

    def add_holiday(self, group_id: int, day: dt.date, note: str = "") -> bool:
        """Add a holiday; returns False when the date was already one."""
        with self._db.session() as session:
            _row(session, group_id)
            if session.scalar(select(Holiday.id).where(Holiday.group_id == group_id, Holiday.day == day)):
                return False
            session.add(Holiday(group_id=group_id, day=day, note=note[:120]))
            return True

    def remove_holiday(self, group_id: int, day: dt.date) -> bool:
        """Remove a holiday; returns whether there was one."""
        with self._db.session() as session:
            result = session.execute(delete(Holiday).where(Holiday.group_id == group_id, Holiday.day == day))
            return int(getattr(result, "rowcount", 0) or 0) > 0

    def delete(self, group_id: int) -> None:
        """Delete a group and (by cascade) everything filed under it."""
        with self._db.session() as session:
            session.execute(delete(GroupMember).where(GroupMember.group_id == group_id))
            session.execute(delete(Holiday).where(Holiday.group_id == group_id))
            session.execute(delete(Group).where(Group.id == group_id))


def _row(session: Session, group_id: int) -> Group:
    row = session.get(Group, group_id)
    if row is None:
        raise UnknownGroup(str(group_id))
    return row


def _add_people(session: Session, group_id: int, user_ids: Iterable[str], role: str) -> int:
    existing = set(
        session.scalars(
            select(GroupMember.user_id).where(GroupMember.group_id == group_id, GroupMember.role == role)
        ).all()
    )
    added = 0
    for user_id in dict.fromkeys(u.strip() for u in user_ids if u.strip()):
        if user_id in existing:
            continue
        session.add(
            GroupMember(
                group_id=group_id,
                user_id=user_id,
                role=role,
                reminders_enabled=True,
                named_opt_in=False,
            )
        )
        added += 1
    return added


def _info(session: Session, row: Group) -> GroupInfo:
    people = session.scalars(
        select(GroupMember).where(GroupMember.group_id == row.id).order_by(GroupMember.id)
    ).all()
    members = tuple(
        MemberInfo(
            user_id=p.user_id,
            snoozed_until=p.snoozed_until,
            reminders_enabled=p.reminders_enabled,
            named_opt_in=p.named_opt_in,
            timezone=p.timezone,
        )
        for p in people
        if p.role == ROLE_MEMBER
    )
    supervisors = tuple(p.user_id for p in people if p.role == ROLE_SUPERVISOR)
    return GroupInfo(
        id=row.id,
        workspace_id=row.workspace_id,
        name=row.name,
        timezone=row.timezone,
        checkin_weekday=row.checkin_weekday,
        checkin_time=row.checkin_time,
        digest_weekday=row.digest_weekday,
        digest_time=row.digest_time,
        channel_id=row.channel_id,
        reminder_delay_hours=row.reminder_delay_hours,
        reminder_count=row.reminder_count,
        retention_days=row.retention_days,
        allow_named=row.allow_named,
        paused=row.paused,
        paused_until=row.paused_until,
        created_by=row.created_by,
        members=members,
        supervisors=supervisors,
    )
