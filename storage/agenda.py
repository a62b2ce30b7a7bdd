"""'Bring to supervision' items: de-identified on the way in, encrypted, authors pseudonymized."""

from __future__ import annotations

from commands.ports import Deidentifier
from commands.types import Actor
from storage.crypto import Cipher, Pseudonymizer
from storage.db import Database
from storage.membership import member_group
from storage.models import AgendaItem

MAX_AGENDA_LENGTH = 1500


class AgendaRepository:
    """Stores agenda items for the actor's group; the digest shows them without authors."""

    def __init__(
        self, *, db: Database, cipher: Cipher, pseudonyms: Pseudonymizer, deidentifier: Deidentifier
    ) -> None:
        self._db = db
        self._cipher = cipher
        self._pseudonyms = pseudonyms
        self._deidentifier = deidentifier

    def add(self, *, actor: Actor, text: str, source: str, category: str | None) -> str | None:
        """De-identify and store; returns the group's name (None: kept for the actor's next group)."""
        if not text.strip():
            raise ValueError("an agenda item cannot be empty")
        if len(text) > MAX_AGENDA_LENGTH:
            raise ValueError(f"an agenda item is at most {MAX_AGENDA_LENGTH} characters")
        stored = self._deidentifier.deidentify(text).text
        with self._db.session() as session:
            group = member_group(session, workspace_id=actor.workspace_id, user_id=actor.user_id)
            session.add(
                AgendaItem(
                    workspace_id=actor.workspace_id,
                    group_id=group.id if group else None,
                    author=self._pseudonyms.author(actor.workspace_id, actor.user_id),
                    source=source,
                    category=category,
                    body_enc=self._cipher.encrypt(stored),
                )
            )
            return group.name if group else None
