"""The journal's write path: raw text never reaches a table; authors are pseudonyms."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from bot.wiring import Services
from commands.types import Actor

ALICE = Actor(workspace_id="T0TEST001", user_id="U0ALICE01")
BOB = Actor(workspace_id="T0TEST001", user_id="U0BOB0001")
RAW = "Maria Gonzalez called me on 3/14 from 555-201-3344 and I felt protective of her"


def raw_database_dump(services: Services) -> str:
    """Every value of every table, as text (what someone copying the database would see)."""
    chunks: list[str] = []
    with services.db.engine.connect() as connection:
        tables = [
            row[0]
            for row in connection.execute(
                text(
                    "SELECT name FROM sqlite_master WHERE type='table'"
                    if services.db.url.startswith("sqlite")
                    else "SELECT tablename FROM pg_tables WHERE schemaname='public'"
                )
            )
        ]
        for table in tables:
            for row in connection.execute(text(f'SELECT * FROM "{table}"')):
                chunks.append(" ".join(str(v) for v in row))
    return "\n".join(chunks)


def test_stored_text_is_deidentified_encrypted_and_pseudonymous(services: Services) -> None:
    entry = services.journal.save(actor=ALICE, text=RAW, theme="countertransference", prompt_id=None)
    assert "Maria" not in entry.text and "3/14" not in entry.text and "555-201-3344" not in entry.text
    assert "protective" in entry.text
    dump = raw_database_dump(services)
    for secret in ("Maria", "Gonzalez", "555-201-3344", "protective", ALICE.user_id):
        assert secret not in dump


def test_history_and_delete_only_touch_the_callers_entries(services: Services) -> None:
    services.journal.save(actor=ALICE, text="I noticed I rushed the ending today", theme=None, prompt_id=None)
    services.journal.save(actor=BOB, text="I felt bored and then guilty about it", theme=None, prompt_id=None)
    assert [e.text for e in services.journal.history(actor=ALICE, limit=10)] == [
        "I noticed I rushed the ending today"
    ]
    assert services.journal.delete_all(actor=ALICE) == 1
    assert services.journal.history(actor=ALICE, limit=10) == []
    assert len(services.journal.history(actor=BOB, limit=10)) == 1


@pytest.mark.parametrize("bad", ["", "   ", "x" * 3001])
def test_empty_or_too_long_is_refused(services: Services, bad: str) -> None:
    with pytest.raises(ValueError):
        services.journal.save(actor=ALICE, text=bad, theme=None, prompt_id=None)


def test_the_database_file_itself_holds_no_plaintext(services: Services) -> None:
    if not services.db.url.startswith("sqlite"):
        pytest.skip("reads the SQLite file directly")
    services.journal.save(
        actor=ALICE, text="I felt protective and anxious with Maria", theme=None, prompt_id=None
    )
    path = services.db.url.split("///", 1)[1]
    raw = b""
    for suffix in ("", "-wal"):
        try:
            with open(path + suffix, "rb") as handle:
                raw += handle.read()
        except FileNotFoundError:
            pass
    assert raw, "the database file exists"
    for secret in (b"protective", b"anxious", b"Maria", ALICE.user_id.encode()):
        assert secret not in raw
