"""What commands need from the outside world, as Protocols the adapters' wiring satisfies.

Commands receive these as keyword-only constructor arguments, so a command can be tested with a
real SQLite-backed repository or a small in-memory one, and never imports ``storage`` itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from commands.types import Actor, DeidentifiedText


@dataclass(frozen=True)
class JournalEntry:
    """One of the user's own stored reflections, as they may see it (already de-identified)."""

    entry_id: int
    created_at: dt.datetime
    """UTC."""
    theme: str | None
    text: str


class Deidentifier(Protocol):
    """Removes identifiers from free text before anyone stores or shows it to others."""

    def deidentify(self, text: str) -> DeidentifiedText:
        """Return the de-identified text and what was removed."""
        ...


class Journal(Protocol):
    """The private reflection journal; every write de-identifies and encrypts."""

    def save(self, *, actor: Actor, text: str, theme: str | None, prompt_id: str | None) -> JournalEntry:
        """Store a reflection (de-identified on the way in) and return the stored version."""
        ...

    def history(self, *, actor: Actor, limit: int) -> list[JournalEntry]:
        """The actor's own entries, newest first."""
        ...

    def count(self, *, actor: Actor) -> int:
        """How many entries the actor has."""
        ...

    def delete_all(self, *, actor: Actor) -> int:
        """Delete the actor's entries; returns how many were removed."""
        ...

    def recently_seen_prompts(self, *, actor: Actor, limit: int) -> list[str]:
        """Prompt ids the actor was shown, newest first."""
        ...

    def mark_prompt_seen(self, *, actor: Actor, prompt_id: str) -> None:
        """Remember that the actor was shown a prompt."""
        ...


class BoundaryLog(Protocol):
    """Counts for digests and content review: categories asked and feedback, no text."""

    def record_ask(self, *, actor: Actor, category: str) -> None:
        """Count one /boundary question in the actor's group (if any)."""
        ...

    def record_feedback(self, *, category: str, helpful: bool) -> None:
        """Count one helpful / not helpful vote."""
        ...


class Agenda(Protocol):
    """ "Bring to supervision" items, de-identified, filed for the actor's group."""

    def add(self, *, actor: Actor, text: str, source: str, category: str | None) -> str | None:
        """Store an item; returns the group's name, or None when the actor has no group."""
        ...
