"""Counts of /boundary use for digests and content review: categories only, never text or authors."""

from __future__ import annotations

from sqlalchemy import select

from commands.types import Actor
from storage.db import Database
from storage.membership import member_group
from storage.models import BoundaryAsk, GuidanceFeedback


class BoundaryLogRepository:
    """Records which categories a group asks about and how helpful the guidance was."""

    def __init__(self, *, db: Database) -> None:
        self._db = db

    def record_ask(self, *, actor: Actor, category: str) -> None:
        """Count one question under the actor's group (no user id is stored)."""
        with self._db.session() as session:
            group = member_group(session, workspace_id=actor.workspace_id, user_id=actor.user_id)
            session.add(
                BoundaryAsk(
                    workspace_id=actor.workspace_id, group_id=group.id if group else None, category=category
                )
            )

    def record_feedback(self, *, category: str, helpful: bool) -> None:
        """Add one vote to the category's counts."""
        with self._db.session() as session:
            row = session.scalar(select(GuidanceFeedback).where(GuidanceFeedback.category == category))
            if row is None:
                row = GuidanceFeedback(category=category, helpful=0, not_helpful=0)
                session.add(row)
            if helpful:
                row.helpful += 1
            else:
                row.not_helpful += 1

    def feedback_counts(self) -> dict[str, tuple[int, int]]:
        """Helpful and not-helpful counts by category."""
        with self._db.session() as session:
            rows = session.scalars(select(GuidanceFeedback)).all()
            return {row.category: (row.helpful, row.not_helpful) for row in rows}
