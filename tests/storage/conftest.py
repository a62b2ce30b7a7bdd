"""Fixtures for the repository tests: a migrated database (SQLite, or PostgreSQL in CI)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from storage.db import Database


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    """The test's database, migrated to the newest schema."""
    database = Database(database_url)
    database.upgrade()
    yield database
    database.dispose()
