"""Stored Teams conversation references: where the bot can reach a person or a channel later.

Teams lets a bot message someone proactively only through a conversation it learned on an earlier
contact (the conversation id and the service URL of the tenant's region). The Teams adapter stores
one row per (workspace, target) here on every contact, and the proactive sender reads it back.

Kinds, from most to least useful:

* ``personal``: the bot's 1:1 chat with the person; a proactive message continues it.
* ``contact``: only a channel or group-chat conversation where the person talked to the bot; a
  1:1 chat can be created from it (Teams' ``createConversation``), after which it is ``personal``.
* ``channel``: a channel, for the content-free "the check-in is open" post.

A ``contact`` never replaces a ``personal`` row: seeing someone in a channel must not make the bot
forget their 1:1 chat. The reference is the SDK's JSON, with display names removed by the caller;
this module never sees message text.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.checkins import insert_ignore
from storage.db import Database
from storage.models import TeamsConversation, utcnow

KIND_PERSONAL = "personal"
KIND_CONTACT = "contact"
KIND_CHANNEL = "channel"
_RANK = {KIND_CONTACT: 0, KIND_CHANNEL: 1, KIND_PERSONAL: 2}


@dataclass(frozen=True)
class ConversationRef:
    """One stored reference, as plain data."""

    workspace_id: str
    target_id: str
    kind: str
    reference: dict[str, Any]
    timezone: str | None = None


class TeamsConversationRepository:
    """Remember, look up and forget conversation references."""

    def __init__(self, *, db: Database) -> None:
        self._db = db

    def remember(
        self,
        *,
        workspace_id: str,
        target_id: str,
        kind: str,
        reference: dict[str, Any],
        timezone: str | None = None,
        now: dt.datetime | None = None,
    ) -> bool:
        """Store or refresh a reference; True when something changed.

        Called on every contact, so it writes only when the reference, kind or zone differs (a
        service URL can move; a zone changes with travel). A lower kind never replaces a higher
        one, but a known zone is still refreshed.
        """
        if kind not in _RANK:
            raise ValueError(f"unknown conversation kind {kind!r}")
        stamp = now or utcnow()
        encoded = json.dumps(reference, sort_keys=True, separators=(",", ":"))
        with self._db.session() as session:
            row = self._row(session, workspace_id, target_id)
            if row is None:
                # two first contacts may race: the unique index decides, the loser updates below
                insert_ignore(
                    session,
                    TeamsConversation,
                    [
                        {
                            "workspace_id": workspace_id,
                            "target_id": target_id,
                            "kind": kind,
                            "reference": encoded,
                            "timezone": timezone,
                            "created_at": stamp,
                            "updated_at": stamp,
                        }
                    ],
                    ("workspace_id", "target_id"),
                )
                row = self._row(session, workspace_id, target_id)
                if row is None:  # pragma: no cover - the insert above or a racing one made it
                    return False
                if row.kind == kind and row.reference == encoded:
                    return True
            changed = False
            if _RANK[kind] >= _RANK.get(row.kind, 0) and (row.kind != kind or row.reference != encoded):
                row.kind = kind
                row.reference = encoded
                changed = True
            if timezone and row.timezone != timezone:
                row.timezone = timezone
                changed = True
            if changed:
                row.updated_at = stamp
            return changed

    @staticmethod
    def _row(session: Session, workspace_id: str, target_id: str) -> TeamsConversation | None:
        return session.scalars(
            select(TeamsConversation).where(
                TeamsConversation.workspace_id == workspace_id, TeamsConversation.target_id == target_id
            )
        ).first()

    def get(self, workspace_id: str, target_id: str) -> ConversationRef | None:
        """The stored reference for a person or channel, or None when the bot never met them."""
        with self._db.session() as session:
            row = self._row(session, workspace_id, target_id)
            if row is None:
                return None
            return ConversationRef(
                workspace_id=row.workspace_id,
                target_id=row.target_id,
                kind=row.kind,
                reference=_decode(row.reference),
                timezone=row.timezone,
            )

    def forget(self, workspace_id: str, target_id: str) -> bool:
        """Drop a reference (the app was uninstalled from that chat or channel)."""
        with self._db.session() as session:
            result = session.execute(
                delete(TeamsConversation).where(
                    TeamsConversation.workspace_id == workspace_id, TeamsConversation.target_id == target_id
                )
            )
            return int(getattr(result, "rowcount", 0) or 0) > 0


def _decode(raw: str) -> dict[str, Any]:
    try:
        value = json.loads(raw)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
