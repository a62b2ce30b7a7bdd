"""Check-in cycles, deliveries and answers: the exactly-once machinery.

* A cycle row is unique on (group, period). Opening inserts it if missing (``INSERT ... ON
  CONFLICT DO NOTHING``) and then reads it back, so two openers end up with the same row.
* A delivery row is unique on (cycle, user, kind) and is *claimed* before anything is sent: one
  atomic ``UPDATE ... WHERE status IN (pending, failed-and-due, expired claim)``; only the caller
  whose update touched the row sends. The row then records ``sent`` or the error code (never
  message text) and when to try again.
* Answers are stored under the author's pseudonym, de-identified and encrypted on the way in, and
  replaced (never duplicated) until the digest of their period is sent; afterwards they are
  stored once, marked late.

On SQLite every transaction starts with ``BEGIN IMMEDIATE`` (see :mod:`storage.db`), so two
processes serialize; on PostgreSQL the conditional UPDATE and the unique indexes do the same.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.orm import Session

from commands.checkin import AnswerInfo, AnswerInput, SavedAnswer
from commands.ports import Deidentifier
from commands.types import DeidentifiedText
from storage.crypto import Cipher
from storage.db import Database
from storage.models import AgendaItem, BoundaryAsk, CheckinAnswer, Cycle, Delivery, Reflection

STATUS_PENDING = "pending"
STATUS_SENDING = "sending"
STATUS_SENT = "sent"
STATUS_FAILED = "failed"
"""Failed and due for another try at ``next_attempt_at``."""
STATUS_GAVE_UP = "gave_up"
"""Failed for good (user deactivated, DM closed): shown in status, never retried."""

KIND_CHECKIN = "checkin"
KIND_DIGEST = "digest"
KIND_CHART = "digest-chart"
KIND_CHANNEL = "channel"
MAX_ANSWER_LENGTH = 3000
AGENDA_SOURCE_CHECKIN = "checkin"


def reminder_kind(number: int) -> str:
    """The delivery kind of reminder 1 or 2."""
    return f"reminder-{number}"


@dataclass(frozen=True)
class CycleInfo:
    """One cycle of one group."""

    id: int
    group_id: int
    period: str
    due_at: dt.datetime
    opened_at: dt.datetime
    prompt_id: str | None
    skipped_reason: str | None
    digest_sent_at: dt.datetime | None


@dataclass(frozen=True)
class DeliveryInfo:
    """One message owed to one person (or channel) for one cycle."""

    id: int
    cycle_id: int
    user_id: str
    kind: str
    status: str
    attempts: int
    last_error: str | None
    next_attempt_at: dt.datetime | None
    channel: str | None
    message_ts: str | None


def insert_ignore(session: Session, model: Any, rows: Sequence[dict[str, Any]], keys: Sequence[str]) -> None:
    """``INSERT ... ON CONFLICT (keys) DO NOTHING`` on SQLite and PostgreSQL.

    The race of two openers is decided by the unique index, inside the database, instead of a
    read-then-write that both could pass.
    """
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        session.execute(pg_insert(model).values(list(rows)).on_conflict_do_nothing(index_elements=list(keys)))
        return
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    session.execute(sqlite_insert(model).values(list(rows)).on_conflict_do_nothing(index_elements=list(keys)))


class CheckinRepository:
    """Cycles, deliveries and answers; sessions open inside, plain dataclasses come out."""

    def __init__(self, *, db: Database, cipher: Cipher, deidentifier: Deidentifier | None = None) -> None:
        self._db = db
        self._cipher = cipher
        self._deidentifier = deidentifier

    # ------------------------------------------------------------------ cycles

    def ensure_cycle(
        self, *, group_id: int, period: str, due_at: dt.datetime, prompt_id: str | None, now: dt.datetime
    ) -> CycleInfo:
        """The cycle of (group, period), inserted by whoever comes first."""
        with self._db.session() as session:
            insert_ignore(
                session,
                Cycle,
                [
                    {
                        "group_id": group_id,
                        "period": period,
                        "due_at": due_at,
                        "opened_at": now,
                        "prompt_id": prompt_id,
                    }
                ],
                ("group_id", "period"),
            )
            row = session.scalar(select(Cycle).where(Cycle.group_id == group_id, Cycle.period == period))
            assert row is not None
            return _cycle(row)

    def cycle(self, *, group_id: int, period: str) -> CycleInfo | None:
        """The cycle of (group, period), if it was opened."""
        with self._db.session() as session:
            row = session.scalar(select(Cycle).where(Cycle.group_id == group_id, Cycle.period == period))
            return _cycle(row) if row else None

    def cycle_by_id(self, cycle_id: int) -> CycleInfo | None:
        """A cycle by id (buttons and jobs carry ids)."""
        with self._db.session() as session:
            row = session.get(Cycle, cycle_id)
            return _cycle(row) if row else None

    def cycles(self, *, group_id: int, limit: int = 60) -> list[CycleInfo]:
        """The group's cycles, newest period first."""
        with self._db.session() as session:
            rows = session.scalars(
                select(Cycle).where(Cycle.group_id == group_id).order_by(Cycle.period.desc()).limit(limit)
            ).all()
            return [_cycle(row) for row in rows]

    def set_skipped(self, cycle_id: int, reason: str | None) -> None:
        """Record why a cycle sent nothing (shown in status)."""
        with self._db.session() as session:
            session.execute(update(Cycle).where(Cycle.id == cycle_id).values(skipped_reason=reason))

    def claim_digest(self, cycle_id: int, *, now: dt.datetime) -> dt.datetime:
        """Freeze the cycle's digest: the first caller sets ``digest_sent_at``; everyone gets it back.

        Answers arriving after this instant are late, and every supervisor's digest (and any
        retry of it) is built as of this instant, so they all read the same figures.
        """
        with self._db.session() as session:
            session.execute(
                update(Cycle)
                .where(Cycle.id == cycle_id, Cycle.digest_sent_at.is_(None))
                .values(digest_sent_at=now)
            )
            value = session.scalar(select(Cycle.digest_sent_at).where(Cycle.id == cycle_id))
            assert value is not None
            return value

    def previous_digest_at(self, *, group_id: int, before: dt.datetime) -> dt.datetime | None:
        """When the group's previous digest was frozen (the start of the next digest's window)."""
        with self._db.session() as session:
            value = session.scalar(
                select(func.max(Cycle.digest_sent_at)).where(
                    Cycle.group_id == group_id, Cycle.digest_sent_at < before
                )
            )
            return value

    # ------------------------------------------------------------------ deliveries

    def ensure_deliveries(self, *, cycle_id: int, targets: Iterable[str], kind: str) -> None:
        """One pending delivery per target, unless it exists (a re-run adds nothing)."""
        rows = [
            {"cycle_id": cycle_id, "user_id": target, "kind": kind, "status": STATUS_PENDING, "attempts": 0}
            for target in dict.fromkeys(targets)
        ]
        with self._db.session() as session:
            insert_ignore(session, Delivery, rows, ("cycle_id", "user_id", "kind"))

    def deliveries(self, *, cycle_id: int, kind: str | None = None) -> list[DeliveryInfo]:
        """The cycle's deliveries (of one kind), in creation order."""
        with self._db.session() as session:
            query = select(Delivery).where(Delivery.cycle_id == cycle_id).order_by(Delivery.id)
            if kind is not None:
                query = query.where(Delivery.kind == kind)
            return [_delivery(row) for row in session.scalars(query).all()]

    def delivery(self, delivery_id: int) -> DeliveryInfo | None:
        """One delivery by id."""
        with self._db.session() as session:
            row = session.get(Delivery, delivery_id)
            return _delivery(row) if row else None

    def claim(self, delivery_id: int, *, now: dt.datetime, hold: dt.timedelta) -> bool:
        """Atomically take the right to send; True for exactly one caller.

        A row can be claimed while pending, when a failed try is due again, or when an earlier
        claim expired (its process died mid-send). ``hold`` must outlast one send with Slack's
        retries, or a slow sender could be overtaken.
        """
        return self.claim_send(delivery_id, now=now, hold=hold) is not None

    def claim_send(self, delivery_id: int, *, now: dt.datetime, hold: dt.timedelta) -> str | None:
        """Like :meth:`claim`, but says how: ``"fresh"``, ``"expired"`` or None (not ours).

        ``"expired"`` means the previous claimer died after claiming, perhaps after Slack had
        already accepted its message: the caller looks before sending again. Two conditional
        UPDATEs in one transaction, each atomic, so exactly one caller still wins.
        """
        claimed = {"status": STATUS_SENDING, "claimed_until": now + hold, "attempts": Delivery.attempts + 1}
        with self._db.session() as session:
            fresh = session.execute(
                update(Delivery)
                .where(
                    Delivery.id == delivery_id,
                    or_(
                        Delivery.status == STATUS_PENDING,
                        and_(Delivery.status == STATUS_FAILED, Delivery.next_attempt_at <= now),
                    ),
                )
                .values(**claimed)
            )
            if int(getattr(fresh, "rowcount", 0) or 0) == 1:
                return "fresh"
            expired = session.execute(
                update(Delivery)
                .where(
                    Delivery.id == delivery_id,
                    Delivery.status == STATUS_SENDING,
                    Delivery.claimed_until < now,
                )
                .values(**claimed)
            )
            return "expired" if int(getattr(expired, "rowcount", 0) or 0) == 1 else None

    def mark_sent(
        self, delivery_id: int, *, channel: str | None, message_ts: str | None, now: dt.datetime
    ) -> None:
        """Record a successful send (and where, so the message can be updated later)."""
        with self._db.session() as session:
            session.execute(
                update(Delivery)
                .where(Delivery.id == delivery_id)
                .values(
                    status=STATUS_SENT,
                    channel=channel,
                    message_ts=message_ts,
                    sent_at=now,
                    last_error=None,
                    next_attempt_at=None,
                    claimed_until=None,
                )
            )

    def mark_failed(self, delivery_id: int, *, error: str, retry_at: dt.datetime | None) -> None:
        """Record a failure by its error code; ``retry_at=None`` gives up for good."""
        with self._db.session() as session:
            session.execute(
                update(Delivery)
                .where(Delivery.id == delivery_id)
                .values(
                    status=STATUS_FAILED if retry_at is not None else STATUS_GAVE_UP,
                    last_error=error[:64],
                    next_attempt_at=retry_at,
                    claimed_until=None,
                )
            )

    def retryable(self, *, now: dt.datetime, stale_pending: dt.timedelta) -> list[DeliveryInfo]:
        """Deliveries the retry job should try: failed and due, expired claims, stale pendings."""
        with self._db.session() as session:
            rows = session.scalars(
                select(Delivery)
                .join(Cycle, Cycle.id == Delivery.cycle_id)
                .where(
                    or_(
                        and_(Delivery.status == STATUS_FAILED, Delivery.next_attempt_at <= now),
                        and_(Delivery.status == STATUS_SENDING, Delivery.claimed_until < now),
                        and_(Delivery.status == STATUS_PENDING, Cycle.opened_at <= now - stale_pending),
                    )
                )
                .order_by(Delivery.id)
            ).all()
            return [_delivery(row) for row in rows]

    def group_of_cycle(self, cycle_id: int) -> int | None:
        """The group id of a cycle."""
        with self._db.session() as session:
            return session.scalar(select(Cycle.group_id).where(Cycle.id == cycle_id))

    # ------------------------------------------------------------------ answers

    def save_answer(
        self, *, cycle_id: int, author: str, answer: AnswerInput, now: dt.datetime
    ) -> SavedAnswer:
        """De-identify, encrypt and store a member's answer; replace it until the digest is out.

        The cycle row is locked first (``FOR UPDATE`` on PostgreSQL; SQLite's ``BEGIN IMMEDIATE``
        already serializes), so an answer racing the digest is either in it or late, never lost.
        """
        if self._deidentifier is None:
            raise RuntimeError("CheckinRepository needs a deidentifier to store answers")
        if len(answer.text) > MAX_ANSWER_LENGTH or len(answer.agenda) > MAX_ANSWER_LENGTH:
            raise ValueError(f"an answer is at most {MAX_ANSWER_LENGTH} characters")
        text = self._deidentifier.deidentify(answer.text) if answer.text.strip() else DeidentifiedText("")
        agenda = (
            self._deidentifier.deidentify(answer.agenda) if answer.agenda.strip() else DeidentifiedText("")
        )
        with self._db.session() as session:
            cycle = session.scalar(select(Cycle).where(Cycle.id == cycle_id).with_for_update())
            if cycle is None:
                raise LookupError("no such cycle")
            existing = session.scalar(
                select(CheckinAnswer).where(
                    CheckinAnswer.cycle_id == cycle_id, CheckinAnswer.author == author
                )
            )
            late = cycle.digest_sent_at is not None
            if late and existing is not None:
                return SavedAnswer(outcome="closed", text=text, agenda=agenda)
            row = existing or CheckinAnswer(cycle_id=cycle_id, author=author, submitted_at=now)
            row.bond, row.goals, row.tasks = answer.bond, answer.goals, answer.tasks
            row.theme = answer.theme
            row.answer_enc = self._cipher.encrypt(text.text) if text.text else None
            row.wants_individual_time = answer.wants_individual_time
            row.named_user_id = answer.named_user_id
            row.late = late
            row.updated_at = now
            if existing is None:
                session.add(row)
            session.flush()
            tag = _agenda_tag(cycle_id)
            session.execute(
                delete(AgendaItem).where(
                    AgendaItem.author == author,
                    AgendaItem.source == AGENDA_SOURCE_CHECKIN,
                    AgendaItem.category == tag,
                )
            )
            if agenda.text:
                workspace = _workspace_of_cycle(session, cycle)
                session.add(
                    AgendaItem(
                        workspace_id=workspace,
                        group_id=cycle.group_id,
                        author=author,
                        source=AGENDA_SOURCE_CHECKIN,
                        category=tag,
                        body_enc=self._cipher.encrypt(agenda.text),
                        created_at=now,
                    )
                )
            outcome = "late" if late else ("replaced" if existing is not None else "created")
            return SavedAnswer(outcome=outcome, text=text, agenda=agenda)

    def answer(self, *, cycle_id: int, author: str) -> AnswerInfo | None:
        """The author's own answer to a cycle (for editing and for the confirmation)."""
        with self._db.session() as session:
            row = session.scalar(
                select(CheckinAnswer).where(
                    CheckinAnswer.cycle_id == cycle_id, CheckinAnswer.author == author
                )
            )
            if row is None:
                return None
            item = session.scalar(
                select(AgendaItem).where(
                    AgendaItem.author == author,
                    AgendaItem.source == AGENDA_SOURCE_CHECKIN,
                    AgendaItem.category == _agenda_tag(cycle_id),
                )
            )
            return AnswerInfo(
                cycle_id=cycle_id,
                bond=row.bond,
                goals=row.goals,
                tasks=row.tasks,
                theme=row.theme,
                text=self._cipher.decrypt(row.answer_enc) if row.answer_enc else "",
                agenda=self._cipher.decrypt(item.body_enc) if item else "",
                wants_individual_time=row.wants_individual_time,
                named=row.named_user_id is not None,
                late=row.late,
                submitted_at=row.submitted_at,
            )

    def answered_authors(self, *, cycle_id: int) -> set[str]:
        """Pseudonyms that answered a cycle (compared with members' pseudonyms for reminders)."""
        with self._db.session() as session:
            return set(
                session.scalars(select(CheckinAnswer.author).where(CheckinAnswer.cycle_id == cycle_id))
            )

    # ------------------------------------------------------------------ retention

    def purge(self, *, group_id: int, before: dt.datetime) -> int:
        """Delete everything of a group older than ``before``; returns the number of rows removed."""
        removed = 0
        with self._db.session() as session:
            for query in (
                delete(CheckinAnswer).where(
                    CheckinAnswer.cycle_id.in_(
                        select(Cycle.id).where(Cycle.group_id == group_id, Cycle.due_at < before)
                    )
                ),
                delete(Delivery).where(
                    Delivery.cycle_id.in_(
                        select(Cycle.id).where(Cycle.group_id == group_id, Cycle.due_at < before)
                    )
                ),
                delete(Cycle).where(Cycle.group_id == group_id, Cycle.due_at < before),
                delete(AgendaItem).where(AgendaItem.group_id == group_id, AgendaItem.created_at < before),
                delete(BoundaryAsk).where(BoundaryAsk.group_id == group_id, BoundaryAsk.asked_at < before),
                delete(Reflection).where(Reflection.group_id == group_id, Reflection.created_at < before),
            ):
                removed += int(getattr(session.execute(query), "rowcount", 0) or 0)
        return removed


def _agenda_tag(cycle_id: int) -> str:
    """Check-in agenda items carry their cycle in ``category``, so an edit replaces its own item."""
    return f"cycle:{cycle_id}"


def _workspace_of_cycle(session: Session, cycle: Cycle) -> str:
    from storage.models import Group

    workspace = session.scalar(select(Group.workspace_id).where(Group.id == cycle.group_id))
    return workspace or ""


def _cycle(row: Cycle) -> CycleInfo:
    return CycleInfo(
        id=row.id,
        group_id=row.group_id,
        period=row.period,
        due_at=row.due_at,
        opened_at=row.opened_at,
        prompt_id=row.prompt_id,
        skipped_reason=row.skipped_reason,
        digest_sent_at=row.digest_sent_at,
    )


def _delivery(row: Delivery) -> DeliveryInfo:
    return DeliveryInfo(
        id=row.id,
        cycle_id=row.cycle_id,
        user_id=row.user_id,
        kind=row.kind,
        status=row.status,
        attempts=row.attempts,
        last_error=row.last_error,
        next_attempt_at=row.next_attempt_at,
        channel=row.channel,
        message_ts=row.message_ts,
    )
