"""Migrations: ``upgrade head`` on an empty database yields exactly the models' schema."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from storage.db import Database
from storage.models import Base


def test_upgrade_head_matches_the_models(database_url: str) -> None:
    db = Database(database_url)
    db.upgrade()
    with db.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    db.dispose()
    assert diff == []


def test_upgrade_is_idempotent(database_url: str) -> None:
    db = Database(database_url)
    db.upgrade()
    db.upgrade()
    assert db.ping()
    db.dispose()
