"""A named lease row: with several processes on one database, the holder runs scheduled jobs.

Taking or renewing the lease is one conditional UPDATE (``WHERE holder = me OR expires_at <
now``), so two processes can never both believe they hold it at the same instant; a holder that
dies simply stops renewing and another takes over once the lease expires.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import or_, select, update

from storage.checkins import insert_ignore
from storage.db import Database
from storage.models import Lease


class LeaseRepository:
    """Acquire, renew and release named leases."""

    def __init__(self, *, db: Database) -> None:
        self._db = db

    def acquire(self, name: str, *, holder: str, now: dt.datetime, ttl: dt.timedelta) -> bool:
        """Take or renew the lease; True when ``holder`` holds it until ``now + ttl``."""
        with self._db.session() as session:
            insert_ignore(
                session, Lease, [{"name": name, "holder": holder, "expires_at": now - ttl}], ("name",)
            )
            result = session.execute(
                update(Lease)
                .where(Lease.name == name, or_(Lease.holder == holder, Lease.expires_at < now))
                .values(holder=holder, expires_at=now + ttl)
            )
            return int(getattr(result, "rowcount", 0) or 0) == 1

    def release(self, name: str, *, holder: str) -> None:
        """Give the lease up at shutdown so another process can take over at once."""
        with self._db.session() as session:
            session.execute(
                update(Lease)
                .where(Lease.name == name, Lease.holder == holder)
                .values(expires_at=dt.datetime(2000, 1, 1))
            )

    def holder(self, name: str) -> tuple[str, dt.datetime] | None:
        """Who holds the lease and until when (for status and tests)."""
        with self._db.session() as session:
            row = session.scalar(select(Lease).where(Lease.name == name))
            return (row.holder, row.expires_at) if row else None
