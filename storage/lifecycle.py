"""A workspace's data lifecycle: an uninstall schedules deletion; a reinstall within the grace cancels it.

Slack tells us a workspace left with ``app_uninstalled`` (or ``tokens_revoked`` for the bot
token). Tokens go at once (Bolt's revocation listeners); everything else the workspace left behind
goes after a grace period, so an accidental uninstall can be undone by reinstalling. The pending
deletion is a row, not a timer: a restart or another replica still purges on time, and the purge
job can be re-run safely.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Table, delete, or_, select, update
from sqlalchemy.orm import Session

from storage.db import Database
from storage.models import (
    SLACK_BOTS_TABLE,
    SLACK_INSTALLATIONS_TABLE,
    AgendaItem,
    Base,
    BoundaryAsk,
    CheckinAnswer,
    Cycle,
    Delivery,
    Group,
    GroupMember,
    Holiday,
    PromptView,
    Reflection,
    WorkspaceLifecycle,
)

EVENT_UNINSTALLED = "app_uninstalled"
EVENT_TOKENS_REVOKED = "tokens_revoked"


@dataclass(frozen=True)
class PendingDeletion:
    """A workspace whose data will be deleted once ``purge_after`` has passed."""

    workspace_id: str
    event: str
    uninstalled_at: dt.datetime
    purge_after: dt.datetime
    purged_at: dt.datetime | None = None


class WorkspaceLifecycleRepository:
    """Records uninstalls, cancels them on reinstall, and deletes a workspace's data for good."""

    def __init__(self, *, db: Database) -> None:
        self._db = db

    def record_uninstall(
        self, *, workspace_id: str, event: str, now: dt.datetime, grace: dt.timedelta
    ) -> PendingDeletion:
        """Schedule the workspace's data for deletion at ``now + grace``.

        Slack may send ``app_uninstalled`` and ``tokens_revoked`` for one uninstall, and retries
        events: a second record keeps the first (earlier) deadline, so nothing postpones a
        deletion. A workspace purged before and uninstalled again gets a fresh deadline.
        """
        with self._db.session() as session:
            row = session.get(WorkspaceLifecycle, workspace_id)
            if row is None:
                row = WorkspaceLifecycle(
                    workspace_id=workspace_id, event=event, uninstalled_at=now, purge_after=now + grace
                )
                session.add(row)
            elif row.purged_at is not None:
                row.event, row.uninstalled_at, row.purge_after, row.purged_at = event, now, now + grace, None
            session.flush()
            return _pending(row)

    def cancel(self, *, workspace_id: str) -> bool:
        """The workspace reinstalled: forget a pending deletion. Returns whether one was pending."""
        with self._db.session() as session:
            result = session.execute(
                delete(WorkspaceLifecycle).where(
                    WorkspaceLifecycle.workspace_id == workspace_id, WorkspaceLifecycle.purged_at.is_(None)
                )
            )
            return int(getattr(result, "rowcount", 0) or 0) > 0

    def pending(self, *, workspace_id: str) -> PendingDeletion | None:
        """The workspace's lifecycle row (pending or already purged), if any."""
        with self._db.session() as session:
            row = session.get(WorkspaceLifecycle, workspace_id)
            return _pending(row) if row else None

    def due(self, *, now: dt.datetime) -> list[PendingDeletion]:
        """Deletions whose grace has passed and which have not run yet."""
        with self._db.session() as session:
            rows = session.scalars(
                select(WorkspaceLifecycle)
                .where(WorkspaceLifecycle.purge_after <= now, WorkspaceLifecycle.purged_at.is_(None))
                .order_by(WorkspaceLifecycle.purge_after)
            ).all()
            return [_pending(row) for row in rows]

    def purge_workspace(self, *, workspace_id: str, now: dt.datetime) -> int:
        """Delete everything the workspace left behind, in one transaction; returns rows removed.

        Groups with their members, holidays, cycles, deliveries and answers; reflections, agenda
        items and boundary counts filed under the workspace (with or without a group); the prompt
        history of the workspace's authors; any token rows still stored. The lifecycle row stays,
        marked purged, as the record that it happened (it holds no personal data).
        """
        removed = 0
        with self._db.session() as session:
            group_ids = list(session.scalars(select(Group.id).where(Group.workspace_id == workspace_id)))
            cycle_ids = select(Cycle.id).where(Cycle.group_id.in_(group_ids))
            authors = _authors(session, workspace_id, group_ids)
            statements = [
                delete(PromptView).where(
                    or_(PromptView.workspace_id == workspace_id, PromptView.author.in_(authors))
                ),
                delete(CheckinAnswer).where(CheckinAnswer.cycle_id.in_(cycle_ids)),
                delete(Delivery).where(Delivery.cycle_id.in_(cycle_ids)),
                delete(Cycle).where(Cycle.group_id.in_(group_ids)),
                delete(Reflection).where(
                    or_(Reflection.workspace_id == workspace_id, Reflection.group_id.in_(group_ids))
                ),
                delete(AgendaItem).where(
                    or_(AgendaItem.workspace_id == workspace_id, AgendaItem.group_id.in_(group_ids))
                ),
                delete(BoundaryAsk).where(
                    or_(BoundaryAsk.workspace_id == workspace_id, BoundaryAsk.group_id.in_(group_ids))
                ),
                delete(Holiday).where(Holiday.group_id.in_(group_ids)),
                delete(GroupMember).where(GroupMember.group_id.in_(group_ids)),
                delete(Group).where(Group.id.in_(group_ids)),
            ]
            for name in (SLACK_INSTALLATIONS_TABLE, SLACK_BOTS_TABLE):
                table: Table = Base.metadata.tables[name]
                statements.append(
                    delete(table).where(
                        or_(table.c.team_id == workspace_id, table.c.enterprise_id == workspace_id)
                    )
                )
            for statement in statements:
                removed += int(getattr(session.execute(statement), "rowcount", 0) or 0)
            session.execute(
                update(WorkspaceLifecycle)
                .where(WorkspaceLifecycle.workspace_id == workspace_id)
                .values(purged_at=now)
            )
        return removed


def _authors(session: Session, workspace_id: str, group_ids: list[int]) -> list[str]:
    """Every pseudonym seen in the workspace: prompt views written before 0002 have no workspace."""
    found: set[str] = set()
    found.update(session.scalars(select(Reflection.author).where(Reflection.workspace_id == workspace_id)))
    found.update(session.scalars(select(AgendaItem.author).where(AgendaItem.workspace_id == workspace_id)))
    found.update(
        session.scalars(
            select(CheckinAnswer.author)
            .join(Cycle, Cycle.id == CheckinAnswer.cycle_id)
            .where(Cycle.group_id.in_(group_ids))
        )
    )
    return sorted(found)


def _pending(row: WorkspaceLifecycle) -> PendingDeletion:
    return PendingDeletion(
        workspace_id=row.workspace_id,
        event=row.event,
        uninstalled_at=row.uninstalled_at,
        purge_after=row.purge_after,
        purged_at=row.purged_at,
    )
