"""The reflection journal: the only write path for reflections, so de-identification can't be skipped.

Shaped like slack_sdk's installation store: keyword-only methods, sessions opened inside, domain
objects (:class:`commands.ports.JournalEntry`) out, rows never.
"""

from __future__ import annotations

from sqlalchemy import delete, func, select

from commands.ports import Deidentifier, JournalEntry
from commands.types import Actor
from storage.crypto import Cipher, Pseudonymizer
from storage.db import Database
from storage.membership import member_group
from storage.models import PromptView, Reflection

MAX_REFLECTION_LENGTH = 3000


class ReflectionRepository:
    """Private journal entries: de-identified, encrypted and filed under a pseudonym."""

    def __init__(
        self, *, db: Database, cipher: Cipher, pseudonyms: Pseudonymizer, deidentifier: Deidentifier
    ) -> None:
        self._db = db
        self._cipher = cipher
        self._pseudonyms = pseudonyms
        self._deidentifier = deidentifier

    def save(self, *, actor: Actor, text: str, theme: str | None, prompt_id: str | None) -> JournalEntry:
        """De-identify, encrypt and store; the returned entry is exactly what was stored."""
        if not text.strip():
            raise ValueError("a reflection cannot be empty")
        if len(text) > MAX_REFLECTION_LENGTH:
            raise ValueError(f"a reflection is at most {MAX_REFLECTION_LENGTH} characters")
        stored_text = self._deidentifier.deidentify(text).text
        with self._db.session() as session:
            group = member_group(session, workspace_id=actor.workspace_id, user_id=actor.user_id)
            row = Reflection(
                workspace_id=actor.workspace_id,
                author=self._author(actor),
                group_id=group.id if group else None,
                theme=theme,
                prompt_id=prompt_id,
                body_enc=self._cipher.encrypt(stored_text),
            )
            session.add(row)
            session.flush()
            return JournalEntry(entry_id=row.id, created_at=row.created_at, theme=theme, text=stored_text)

    def history(self, *, actor: Actor, limit: int) -> list[JournalEntry]:
        """The actor's own entries, newest first (nobody else's pseudonym matches)."""
        with self._db.session() as session:
            rows = session.scalars(
                select(Reflection)
                .where(Reflection.author == self._author(actor))
                .order_by(Reflection.created_at.desc(), Reflection.id.desc())
                .limit(limit)
            ).all()
            return [
                JournalEntry(
                    entry_id=row.id,
                    created_at=row.created_at,
                    theme=row.theme,
                    text=self._cipher.decrypt(row.body_enc),
                )
                for row in rows
            ]

    def count(self, *, actor: Actor) -> int:
        """How many entries the actor has written."""
        with self._db.session() as session:
            total = session.scalar(
                select(func.count()).select_from(Reflection).where(Reflection.author == self._author(actor))
            )
            return int(total or 0)

    def delete_all(self, *, actor: Actor) -> int:
        """Delete every entry of the actor, and their prompt history with it."""
        author = self._author(actor)
        with self._db.session() as session:
            deleted = session.execute(delete(Reflection).where(Reflection.author == author))
            session.execute(delete(PromptView).where(PromptView.author == author))
            return int(getattr(deleted, "rowcount", 0) or 0)

    def recently_seen_prompts(self, *, actor: Actor, limit: int) -> list[str]:
        """Prompt ids shown to the actor, newest first."""
        with self._db.session() as session:
            return list(
                session.scalars(
                    select(PromptView.prompt_id)
                    .where(PromptView.author == self._author(actor))
                    .order_by(PromptView.seen_at.desc(), PromptView.id.desc())
                    .limit(limit)
                ).all()
            )

    def mark_prompt_seen(self, *, actor: Actor, prompt_id: str) -> None:
        """Remember a shown prompt under the actor's pseudonym."""
        with self._db.session() as session:
            session.add(
                PromptView(author=self._author(actor), workspace_id=actor.workspace_id, prompt_id=prompt_id)
            )

    def _author(self, actor: Actor) -> str:
        return self._pseudonyms.author(actor.workspace_id, actor.user_id)
