"""Engine and session factory: the only place that opens database sessions.

SQLite is the embedded default (WAL, a busy timeout, foreign keys on); PostgreSQL is chosen by the
URL. Schema changes are Alembic migrations applied by :func:`upgrade` at start.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from commands.types import StoreUnavailable

logger = logging.getLogger(__name__)


class Database:
    """An engine plus a session factory; repositories receive one of these."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back on any error.

        A lost connection surfaces as :class:`StoreUnavailable` (nothing was written), so callers
        can tell the user their words were not saved without knowing about SQLAlchemy.
        """
        try:
            with self._sessions.begin() as session:
                yield session
        except (OperationalError, DBAPIError) as exc:
            if (
                isinstance(exc, DBAPIError)
                and not exc.connection_invalidated
                and not isinstance(exc, OperationalError)
            ):
                raise
            raise StoreUnavailable("the database is unavailable") from exc

    def ping(self) -> bool:
        """Whether the database answers (for ``/healthz``)."""
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            return True
        except DBAPIError:
            return False

    def upgrade(self) -> None:
        """Apply every pending migration."""
        upgrade(self.url, engine=self.engine)

    def dispose(self) -> None:
        """Close pooled connections (at shutdown and between tests)."""
        self.engine.dispose()


def make_engine(url: str) -> Engine:
    """Create an engine with the settings each backend needs to be safe under concurrency."""
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 30},
            poolclass=NullPool,
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin_immediate)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL lets readers and one writer work at once; busy_timeout waits instead of failing."""
    dbapi_connection.isolation_level = None  # let SQLAlchemy's BEGIN below decide
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_begin_immediate(connection: Any) -> None:
    """Take the write lock at BEGIN, so two processes never deadlock upgrading a read lock."""
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def alembic_config(url: str) -> Config:
    """Alembic configuration built in code, so migrations run from an installed wheel too."""
    config = Config()
    script_location = resources.files("storage") / "migrations"
    config.set_main_option("script_location", str(script_location))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


MIGRATION_LOCK_KEY = 0x5375_7065_7276
"""PostgreSQL advisory lock held while migrating (any constant; it only has to be the same everywhere)."""


def upgrade(url: str, *, engine: Engine | None = None) -> None:
    """Bring the schema to the newest revision (idempotent; safe for several processes).

    Replicas started together on an empty PostgreSQL would otherwise all see "no schema" and race
    to create the same tables (the losers crash on a duplicate type). The first to take a
    transaction-scoped advisory lock migrates; the others wait, then find the schema at head. On
    SQLite the ``BEGIN IMMEDIATE`` of :func:`make_engine` already serializes migrators.
    """
    config = alembic_config(url)
    owned = engine is None
    engine = engine if engine is not None else make_engine(url)
    try:
        for attempt in range(1, SQLITE_MIGRATION_ATTEMPTS + 1):
            try:
                _upgrade_once(engine, config)
                return
            except OperationalError as exc:
                if engine.dialect.name != "sqlite" or "locked" not in str(exc.orig):
                    raise
                if attempt == SQLITE_MIGRATION_ATTEMPTS:
                    raise
                logger.warning("database file busy while migrating (attempt %d); trying again", attempt)
                time.sleep(0.25 * attempt)
    finally:
        if owned:
            engine.dispose()


SQLITE_MIGRATION_ATTEMPTS = 5
"""Tries at migrating one SQLite file that other processes are opening at the same moment.

Several processes starting together on a new file (a rolling start, the tests) usually queue on
``BEGIN IMMEDIATE``; rarely SQLite answers "database is locked" at once instead of waiting (seen
about once in ten runs of four at once, on a loaded machine). Each try is one transaction that
rolls back whole, and a later try finds the schema at whatever revision the winner left.
"""


def _upgrade_once(engine: Engine, config: Config) -> None:
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
