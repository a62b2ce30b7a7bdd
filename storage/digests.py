"""The digest snapshot: counts, ratings and de-identified items for one group and period.

Everything a digest shows is read here in one transaction and handed to the pure assembly in
:mod:`commands.digest` as a :class:`commands.digest.DigestData`. No user id or author leaves this
module except the ids of members who chose to be named.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy import func, select

from commands.digest import TREND_WEEKS, DigestData, LateAnswers, WeekRatings
from commands.groups import GroupInfo
from storage.checkins import (
    KIND_CHECKIN,
    STATUS_FAILED,
    STATUS_GAVE_UP,
    STATUS_SENT,
    CycleInfo,
)
from storage.crypto import Cipher, Pseudonymizer
from storage.db import Database
from storage.models import AgendaItem, BoundaryAsk, CheckinAnswer, Cycle, Delivery, Reflection

WEEK = dt.timedelta(days=7)


class DigestRepository:
    """Reads what a digest needs, as of an instant (so a retried delivery reads the same)."""

    def __init__(self, *, db: Database, cipher: Cipher, pseudonyms: Pseudonymizer) -> None:
        self._db = db
        self._cipher = cipher
        self._pseudonyms = pseudonyms

    def snapshot(
        self,
        *,
        group: GroupInfo,
        period: str,
        cycle: CycleInfo | None,
        as_of: dt.datetime,
        since: dt.datetime | None,
    ) -> DigestData:
        """The digest figures of ``period`` as of ``as_of``.

        Args:
            group: The group, with its current members.
            period: The period reported on.
            cycle: Its cycle, or None when the check-in was never opened.
            as_of: Nothing later is counted (the digest's freeze instant, or now for a preview).
            since: When the previous digest was frozen: agenda items and late answers after it
                are new; None means "since the beginning".
        """
        with self._db.session() as session:
            answers = (
                session.scalars(
                    select(CheckinAnswer).where(
                        CheckinAnswer.cycle_id == cycle.id,
                        CheckinAnswer.late.is_(False),
                        CheckinAnswer.submitted_at <= as_of,
                    )
                ).all()
                if cycle
                else []
            )
            authors = {a.author for a in answers}
            local_day = cycle.due_at.date() if cycle else as_of.date()
            away = sum(
                1
                for m in group.members
                if m.away_on(local_day)
                and self._pseudonyms.author(group.workspace_id, m.user_id) not in authors
            )
            reminders = failed = 0
            if cycle is not None:
                rows = session.execute(
                    select(Delivery.kind, Delivery.status, func.count())
                    .where(Delivery.cycle_id == cycle.id)
                    .group_by(Delivery.kind, Delivery.status)
                ).all()
                for kind, status, count in rows:
                    if kind.startswith("reminder-") and status == STATUS_SENT:
                        reminders += int(count)
                    counted = kind == KIND_CHECKIN or kind.startswith("reminder-")
                    if counted and status in (STATUS_FAILED, STATUS_GAVE_UP):
                        failed += int(count)
            history = self._history(session, group_id=group.id, period=period, as_of=as_of)
            window_start = as_of - WEEK
            themes: Counter[str] = Counter(a.theme for a in answers if a.theme and a.answer_enc)
            themes.update(
                theme
                for theme in session.scalars(
                    select(Reflection.theme).where(
                        Reflection.group_id == group.id,
                        Reflection.created_at > window_start,
                        Reflection.created_at <= as_of,
                    )
                )
                if theme
            )
            categories: Counter[str] = Counter(
                session.scalars(
                    select(BoundaryAsk.category).where(
                        BoundaryAsk.group_id == group.id,
                        BoundaryAsk.asked_at > window_start,
                        BoundaryAsk.asked_at <= as_of,
                    )
                )
            )
            agenda_query = select(AgendaItem.body_enc).where(
                AgendaItem.group_id == group.id, AgendaItem.created_at <= as_of
            )
            if since is not None:
                agenda_query = agenda_query.where(AgendaItem.created_at > since)
            items = tuple(
                self._cipher.decrypt(body) for body in session.scalars(agenda_query.order_by(AgendaItem.id))
            )
            late_query = (
                select(Cycle.period, func.count())
                .join(CheckinAnswer, CheckinAnswer.cycle_id == Cycle.id)
                .where(
                    Cycle.group_id == group.id,
                    CheckinAnswer.late.is_(True),
                    CheckinAnswer.submitted_at <= as_of,
                )
                .group_by(Cycle.period)
                .order_by(Cycle.period)
            )
            if since is not None:
                late_query = late_query.where(CheckinAnswer.submitted_at > since)
            late = tuple(LateAnswers(period=p, count=int(n)) for p, n in session.execute(late_query).all())
            wanting = [a for a in answers if a.wants_individual_time]
            named = tuple(sorted(a.named_user_id for a in wanting if a.named_user_id and group.allow_named))
            return DigestData(
                group_name=group.name,
                period=period,
                members=len(group.members),
                answered=len(answers),
                away=away,
                reminders_sent=reminders,
                failed_deliveries=failed,
                opened=cycle is not None and cycle.skipped_reason is None,
                paused=group.paused_on(local_day),
                history=history,
                reflection_themes=tuple(themes.items()),
                boundary_categories=tuple(categories.items()),
                agenda_items=items,
                individual_time=len(wanting),
                individual_named=named,
                late=late,
            )

    def _history(
        self, session: object, *, group_id: int, period: str, as_of: dt.datetime
    ) -> tuple[WeekRatings, ...]:
        """Ratings of the last weeks up to ``period``, oldest first; late answers count in the trend."""
        from sqlalchemy.orm import Session

        assert isinstance(session, Session)
        cycles = session.execute(
            select(Cycle.id, Cycle.period)
            .where(Cycle.group_id == group_id, Cycle.period <= period)
            .order_by(Cycle.period.desc())
            .limit(TREND_WEEKS)
        ).all()
        if not any(p == period for _, p in cycles):
            cycles = [*cycles[: TREND_WEEKS - 1]]
        by_cycle: dict[int, list[tuple[int | None, int | None, int | None]]] = {cid: [] for cid, _ in cycles}
        if by_cycle:
            rows = session.execute(
                select(
                    CheckinAnswer.cycle_id, CheckinAnswer.bond, CheckinAnswer.goals, CheckinAnswer.tasks
                ).where(CheckinAnswer.cycle_id.in_(list(by_cycle)), CheckinAnswer.submitted_at <= as_of)
            ).all()
            for cycle_id, bond, goals, tasks in rows:
                by_cycle[cycle_id].append((bond, goals, tasks))
        weeks = [WeekRatings(period=p, ratings=tuple(by_cycle[cid])) for cid, p in reversed(cycles)]
        if not weeks or weeks[-1].period != period:
            weeks.append(WeekRatings(period=period))
        return tuple(weeks)
