"""Counts of /boundary use for digests and content review: categories only, never text or authors."""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import insert, select

from commands.types import Actor, StoreUnavailable
from storage.db import Database
from storage.membership import member_group, member_groups
from storage.models import BoundaryAsk, GuidanceFeedback, utcnow

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Ask:
    """One /boundary question waiting to be counted (who asked is used to find the group, not stored)."""

    workspace_id: str
    user_id: str
    category: str
    asked_at: dt.datetime


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

    def record_asks(self, asks: Sequence[Ask]) -> None:
        """Count many questions in one transaction: one group lookup and one insert per batch.

        A burst of 200 questions used to cost 200 group lookups and 200 ORM objects; the batch
        is written in the background, but its CPU is taken from the same process that answers.
        """
        if not asks:
            return
        with self._db.session() as session:
            groups: dict[tuple[str, str], int] = {}
            for workspace_id in {ask.workspace_id for ask in asks}:
                users = {ask.user_id for ask in asks if ask.workspace_id == workspace_id}
                groups.update(
                    ((workspace_id, user_id), group_id)
                    for user_id, group_id in member_groups(session, workspace_id=workspace_id, user_ids=users)
                )
            session.execute(
                insert(BoundaryAsk),
                [
                    {
                        "workspace_id": ask.workspace_id,
                        "group_id": groups.get((ask.workspace_id, ask.user_id)),
                        "category": ask.category,
                        "asked_at": ask.asked_at,
                    }
                    for ask in asks
                ],
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


class BufferedBoundaryLog:
    """The :class:`commands.ports.BoundaryLog` port with the question counts written in batches.

    A count used to be one write transaction inside the /boundary acknowledgement: on SQLite
    every such transaction is serialized and synced to disk, so 200 people asking at once waited
    for 200 commits in a row (p99 1.3 s against 0.07 s for a bare Bolt app). Counts are only
    aggregates for digests, so they are queued here and a background thread writes whatever has
    gathered every ``flush_seconds`` in one transaction. The price: a crash loses at most the last
    ``flush_seconds`` of counts, never anything a person wrote. Feedback votes (a button press,
    rare) are written at once.
    """

    def __init__(
        self, repository: BoundaryLogRepository, *, flush_seconds: float = 0.25, max_pending: int = 10_000
    ) -> None:
        self._repository = repository
        self._flush_seconds = flush_seconds
        self._pending: deque[Ask] = deque(maxlen=max_pending)
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stopped = threading.Event()
        self._thread: threading.Thread | None = None
        self._failing = False

    def record_ask(self, *, actor: Actor, category: str) -> None:
        """Queue one count; returns at once."""
        ask = Ask(actor.workspace_id, actor.user_id, category, asked_at=utcnow())
        with self._lock:
            self._pending.append(ask)
            if self._thread is None and not self._stopped.is_set():
                self._thread = threading.Thread(target=self._run, name="boundary-counts", daemon=True)
                self._thread.start()

    def record_feedback(self, *, category: str, helpful: bool) -> None:
        """Written at once (see the class docstring)."""
        self._repository.record_feedback(category=category, helpful=helpful)

    def flush(self) -> int:
        """Write everything queued so far; returns how many. Kept queued if the database is down."""
        with self._lock:
            batch = list(self._pending)
            self._pending.clear()
        if not batch:
            return 0
        try:
            self._repository.record_asks(batch)
        except StoreUnavailable:
            with self._lock:  # back in front, in order; the oldest go first if the queue is full
                self._pending.extendleft(reversed(batch))
            if not self._failing:
                logger.warning("%d /boundary count(s) wait for the database", len(batch))
            self._failing = True
            return 0
        self._failing = False
        return len(batch)

    def _run(self) -> None:
        while not self._stopped.is_set():
            self._wake.wait(self._flush_seconds * (20 if self._failing else 1))
            try:
                self.flush()
            except Exception:  # a background writer must outlive any one bad batch
                logger.exception("writing /boundary counts failed")

    def close(self) -> None:
        """Stop the writer and write what is left (at shutdown)."""
        self._stopped.set()
        self._wake.set()
        thread = self._thread
        if thread is not None:
            thread.join(timeout=5)
        self.flush()
