"""What the App Home tab reads that no other repository answers: a member's weeks and the last digest.

Counts and dates only: nothing here decrypts or returns anyone's words, and a member's weeks are
found by their own pseudonym and user id, so the Home tab cannot show one person another's state.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select

from commands.home import CheckinWeek
from storage.checkins import KIND_CHECKIN, KIND_DIGEST, STATUS_SENT
from storage.db import Database
from storage.models import CheckinAnswer, Cycle, Delivery

STREAK_WEEKS = 104
"""Two years of weeks is plenty for a streak, and bounds the query."""


class HomeRepository:
    """Reads the App Home's per-person figures."""

    def __init__(self, *, db: Database) -> None:
        self._db = db

    def checkin_weeks(
        self, *, group_ids: Sequence[int], user_id: str, author: str, limit: int = STREAK_WEEKS
    ) -> list[CheckinWeek]:
        """The member's recent weeks in these groups, newest first: asked, answered, closed.

        "Asked" means the check-in DM reached them; a snoozed, removed or unreachable member was
        not asked, so that week cannot break their streak.
        """
        if not group_ids:
            return []
        with self._db.session() as session:
            cycles = session.execute(
                select(Cycle.id, Cycle.period, Cycle.digest_sent_at)
                .where(Cycle.group_id.in_(list(group_ids)))
                .order_by(Cycle.period.desc())
                .limit(limit * len(group_ids))
            ).all()
            ids = [cycle_id for cycle_id, _, _ in cycles]
            if not ids:
                return []
            invited = set(
                session.scalars(
                    select(Delivery.cycle_id).where(
                        Delivery.cycle_id.in_(ids),
                        Delivery.user_id == user_id,
                        Delivery.kind == KIND_CHECKIN,
                        Delivery.status == STATUS_SENT,
                    )
                )
            )
            answered = set(
                session.scalars(
                    select(CheckinAnswer.cycle_id).where(
                        CheckinAnswer.cycle_id.in_(ids), CheckinAnswer.author == author
                    )
                )
            )
        return [
            CheckinWeek(
                period=period,
                invited=cycle_id in invited,
                answered=cycle_id in answered,
                closed=digest_sent_at is not None,
            )
            for cycle_id, period, digest_sent_at in cycles
        ]

    def last_digest(self, *, group_id: int) -> tuple[str, dt.datetime] | None:
        """(period, when delivered) of the group's most recently delivered digest, or None."""
        with self._db.session() as session:
            row = session.execute(
                select(Cycle.period, Delivery.sent_at)
                .join(Delivery, Delivery.cycle_id == Cycle.id)
                .where(
                    Cycle.group_id == group_id,
                    Delivery.kind == KIND_DIGEST,
                    Delivery.status == STATUS_SENT,
                    Delivery.sent_at.is_not(None),
                )
                .order_by(Delivery.sent_at.desc())
                .limit(1)
            ).first()
        if row is None or row[1] is None:
            return None
        return str(row[0]), row[1]
