"""Migrations: ``upgrade head`` on an empty database yields exactly the models' schema."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from storage import db as db_module
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


def _locked() -> OperationalError:
    return OperationalError("BEGIN IMMEDIATE", {}, sqlite3.OperationalError("database is locked"))


def test_a_sqlite_file_locked_by_another_starting_process_is_migrated_on_a_later_try(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    real = db_module._upgrade_once
    failures = iter([_locked(), _locked()])

    def flaky(engine: Engine, config: Config) -> None:
        failure = next(failures, None)
        if failure is not None:
            raise failure
        real(engine, config)

    monkeypatch.setattr(db_module, "_upgrade_once", flaky)
    monkeypatch.setattr(db_module.time, "sleep", lambda _seconds: None)
    with caplog.at_level(logging.WARNING):
        db_module.upgrade(url)
    assert sum("trying again" in r.getMessage() for r in caplog.records) == 2
    database = Database(url)
    with database.engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() is not None
    database.dispose()


def test_a_file_that_stays_locked_or_another_error_is_not_hidden(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    calls: list[str] = []

    def always_locked(_engine: Engine, _config: Config) -> None:
        calls.append("try")
        raise _locked()

    monkeypatch.setattr(db_module, "_upgrade_once", always_locked)
    monkeypatch.setattr(db_module.time, "sleep", lambda _seconds: None)
    with pytest.raises(OperationalError):
        db_module.upgrade(url)
    assert len(calls) == db_module.SQLITE_MIGRATION_ATTEMPTS

    def broken(_engine: Engine, _config: Config) -> None:
        calls.append("broken")
        raise OperationalError("CREATE TABLE", {}, sqlite3.OperationalError("disk I/O error"))

    monkeypatch.setattr(db_module, "_upgrade_once", broken)
    with pytest.raises(OperationalError):
        db_module.upgrade(url)
    assert calls.count("broken") == 1  # only a lock is worth waiting out
