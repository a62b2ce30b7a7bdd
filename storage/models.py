"""The schema, as typed SQLAlchemy 2.x models. Rows never leave the ``storage`` package.

Privacy by construction: content columns hold ciphertext (``*_enc``), authors are keyed
pseudonyms (``author``), and no content table has a user id column. Tables that need user ids
(membership, deliveries) hold no content.
"""

from __future__ import annotations

import datetime as dt

from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

SLACK_INSTALLATIONS_TABLE = "slack_installations"
SLACK_BOTS_TABLE = "slack_bots"
SLACK_OAUTH_STATES_TABLE = "slack_oauth_states"

PSEUDONYM_LENGTH = 64


def utcnow() -> dt.datetime:
    """Naive UTC, the one form every backend stores the same way."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    """Declarative base with stable constraint names (Alembic can then alter them)."""

    metadata = MetaData(naming_convention=NAMING)


# slack_sdk's own OAuth tables live in our metadata so that Alembic creates and migrates them.
SQLAlchemyInstallationStore.build_installations_table(Base.metadata, SLACK_INSTALLATIONS_TABLE)
SQLAlchemyInstallationStore.build_bots_table(Base.metadata, SLACK_BOTS_TABLE)
SQLAlchemyOAuthStateStore.build_oauth_states_table(Base.metadata, SLACK_OAUTH_STATES_TABLE)


class Group(Base):
    """A supervision group: its schedule (wall-clock times in a named zone) and its policies."""

    __tablename__ = "groups"
    __table_args__ = (UniqueConstraint("workspace_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[str] = mapped_column(String(32), index=True)
    name: Mapped[str] = mapped_column(String(80))
    channel_id: Mapped[str | None] = mapped_column(String(32))
    timezone: Mapped[str] = mapped_column(String(64))
    checkin_weekday: Mapped[str] = mapped_column(String(3))
    checkin_time: Mapped[str] = mapped_column(String(5))
    reminder_delay_hours: Mapped[int] = mapped_column(Integer, default=24)
    reminder_count: Mapped[int] = mapped_column(Integer, default=1)
    digest_weekday: Mapped[str] = mapped_column(String(3))
    digest_time: Mapped[str] = mapped_column(String(5))
    retention_days: Mapped[int] = mapped_column(Integer, default=365)
    allow_named: Mapped[bool] = mapped_column(Boolean, default=False)
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    paused_until: Mapped[dt.date | None] = mapped_column(Date)
    created_by: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class GroupMember(Base):
    """A person's role in a group. Holds ids and preferences, never content."""

    __tablename__ = "group_members"
    __table_args__ = (UniqueConstraint("group_id", "user_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[str] = mapped_column(String(32), index=True)
    role: Mapped[str] = mapped_column(String(16))  # "member" | "supervisor"
    timezone: Mapped[str | None] = mapped_column(String(64))
    reminders_enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    named_opt_in: Mapped[bool] = mapped_column(Boolean, default=False)
    snoozed_until: Mapped[dt.date | None] = mapped_column(Date)
    joined_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Holiday(Base):
    """A date on which a group's check-in is not opened."""

    __tablename__ = "holidays"
    __table_args__ = (UniqueConstraint("group_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    day: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(120), default="")


class Cycle(Base):
    """One weekly check-in of one group. Unique on (group, period): whoever inserts it opens it."""

    __tablename__ = "cycles"
    __table_args__ = (UniqueConstraint("group_id", "period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    period: Mapped[str] = mapped_column(String(16))  # ISO week of the due date, e.g. "2026-W48"
    due_at: Mapped[dt.datetime] = mapped_column(DateTime)
    opened_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    prompt_id: Mapped[str | None] = mapped_column(String(40))
    skipped_reason: Mapped[str | None] = mapped_column(String(40))
    digest_sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class Delivery(Base):
    """One message owed to one person for one cycle. Unique on (cycle, user, kind): sent once."""

    __tablename__ = "deliveries"
    __table_args__ = (UniqueConstraint("cycle_id", "user_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("cycles.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16))  # checkin | reminder-1 | reminder-2 | digest | channel
    status: Mapped[str] = mapped_column(String(12), default="pending")  # pending|sending|sent|failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(String(64))
    next_attempt_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    claimed_until: Mapped[dt.datetime | None] = mapped_column(DateTime)
    channel: Mapped[str | None] = mapped_column(String(32))
    message_ts: Mapped[str | None] = mapped_column(String(32))
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class CheckinAnswer(Base):
    """A member's answer to a cycle, under their pseudonym; free text encrypted."""

    __tablename__ = "checkin_answers"
    __table_args__ = (UniqueConstraint("cycle_id", "author"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("cycles.id", ondelete="CASCADE"), index=True)
    author: Mapped[str] = mapped_column(String(PSEUDONYM_LENGTH), index=True)
    bond: Mapped[int | None] = mapped_column(Integer)
    goals: Mapped[int | None] = mapped_column(Integer)
    tasks: Mapped[int | None] = mapped_column(Integer)
    theme: Mapped[str | None] = mapped_column(String(40))
    answer_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    wants_individual_time: Mapped[bool] = mapped_column(Boolean, default=False)
    named_user_id: Mapped[str | None] = mapped_column(String(32))
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    submitted_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Reflection(Base):
    """A private journal entry: de-identified, encrypted, filed under a pseudonym."""

    __tablename__ = "reflections"

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[str] = mapped_column(String(32), index=True)
    author: Mapped[str] = mapped_column(String(PSEUDONYM_LENGTH), index=True)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id", ondelete="SET NULL"), index=True)
    theme: Mapped[str | None] = mapped_column(String(40))
    prompt_id: Mapped[str | None] = mapped_column(String(40))
    body_enc: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)


class PromptView(Base):
    """Which prompt a pseudonymous author was shown when, so the next one is fresh."""

    __tablename__ = "prompt_views"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Nullable: rows written before migration 0002 have none. Lets an uninstall purge find them.
    workspace_id: Mapped[str | None] = mapped_column(String(32), index=True)
    author: Mapped[str] = mapped_column(String(PSEUDONYM_LENGTH), index=True)
    prompt_id: Mapped[str] = mapped_column(String(40))
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class AgendaItem(Base):
    """A de-identified "bring to supervision" item; shown to supervisors without an author."""

    __tablename__ = "agenda_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[str] = mapped_column(String(32), index=True)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    author: Mapped[str] = mapped_column(String(PSEUDONYM_LENGTH), index=True)
    source: Mapped[str] = mapped_column(String(16))  # boundary | checkin
    category: Mapped[str | None] = mapped_column(String(40))
    body_enc: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)


class BoundaryAsk(Base):
    """That someone in a group asked about a category: a count for digests, no text, no author."""

    __tablename__ = "boundary_asks"

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[str] = mapped_column(String(32), index=True)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    category: Mapped[str] = mapped_column(String(40))
    asked_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)


class GuidanceFeedback(Base):
    """Helpful / not helpful counts per category: no text, no author."""

    __tablename__ = "guidance_feedback"

    category: Mapped[str] = mapped_column(String(40), primary_key=True)
    helpful: Mapped[int] = mapped_column(Integer, default=0)
    not_helpful: Mapped[int] = mapped_column(Integer, default=0)


class Lease(Base):
    """A named lease: the process holding ``scheduler`` runs the scheduler."""

    __tablename__ = "leases"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    holder: Mapped[str] = mapped_column(String(80))
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)


class WorkspaceLifecycle(Base):
    """A workspace that uninstalled the app (or revoked its tokens): its data goes after a grace.

    A row, not a timer, so that a restart or a second replica still purges on time; a reinstall
    within the grace deletes the row and nothing is lost. ``purged_at`` records that it happened.
    """

    __tablename__ = "workspace_lifecycle"

    workspace_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    event: Mapped[str] = mapped_column(String(32))  # app_uninstalled | tokens_revoked
    uninstalled_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    purge_after: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    purged_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class TeamsConversation(Base):
    """Where the bot can reach a Teams person or channel later: a stored conversation reference.

    Teams lets a bot message someone proactively only through a conversation (id and service URL)
    it learned on an earlier contact, so check-ins, reminders and digests need these rows. Ids
    only: display names are dropped before storing, and no message text is ever kept here.
    """

    __tablename__ = "teams_conversations"
    __table_args__ = (UniqueConstraint("workspace_id", "target_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[str] = mapped_column(String(32))
    target_id: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16))  # personal | contact | channel
    reference: Mapped[str] = mapped_column(String())
    """The SDK's ConversationReference as JSON (ids and the service URL)."""
    timezone: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
