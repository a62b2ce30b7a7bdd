"""Exactly-once building blocks: unique cycles, claimed deliveries, the lease; on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import threading

from commands.groups import NewGroup
from commands.schedule import parse_weekly
from storage.checkins import CheckinRepository
from storage.crypto import Cipher, new_key
from storage.db import Database
from storage.groups import GroupRepository
from storage.leases import LeaseRepository

NOW = dt.datetime(2026, 11, 23, 9, 0)
HOLD = dt.timedelta(minutes=10)


def make_group(db: Database) -> int:
    group = GroupRepository(db=db).create(
        NewGroup(
            workspace_id="T1",
            name="g",
            members=("U1", "U2", "U3"),
            supervisors=("U9",),
            checkin=parse_weekly("MON 09:00"),
            digest=parse_weekly("FRI 16:00"),
            timezone="Europe/London",
            created_by="test",
        )
    )
    return group.id


def test_a_cycle_is_inserted_once_and_everyone_gets_the_same_row(db: Database) -> None:
    repo = CheckinRepository(db=db, cipher=Cipher([new_key().encode()]))
    group_id = make_group(db)
    rows = []

    def opener() -> None:
        rows.append(
            repo.ensure_cycle(group_id=group_id, period="2026-W48", due_at=NOW, prompt_id="p", now=NOW)
        )

    threads = [threading.Thread(target=opener) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({row.id for row in rows}) == 1
    assert len(repo.cycles(group_id=group_id)) == 1


def test_exactly_one_claimant_wins_each_delivery(db: Database) -> None:
    repo = CheckinRepository(db=db, cipher=Cipher([new_key().encode()]))
    cycle = repo.ensure_cycle(group_id=make_group(db), period="2026-W48", due_at=NOW, prompt_id=None, now=NOW)
    repo.ensure_deliveries(cycle_id=cycle.id, targets=["U1", "U2", "U3"], kind="checkin")
    repo.ensure_deliveries(cycle_id=cycle.id, targets=["U1", "U2", "U3"], kind="checkin")
    deliveries = repo.deliveries(cycle_id=cycle.id)
    assert len(deliveries) == 3
    wins: list[int] = []
    lock = threading.Lock()

    def claimant() -> None:
        for delivery in deliveries:
            if repo.claim(delivery.id, now=NOW, hold=HOLD):
                with lock:
                    wins.append(delivery.id)

    threads = [threading.Thread(target=claimant) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(wins) == sorted(d.id for d in deliveries)


def test_claim_rules_sent_failed_and_expired(db: Database) -> None:
    repo = CheckinRepository(db=db, cipher=Cipher([new_key().encode()]))
    cycle = repo.ensure_cycle(group_id=make_group(db), period="2026-W48", due_at=NOW, prompt_id=None, now=NOW)
    repo.ensure_deliveries(cycle_id=cycle.id, targets=["U1", "U2", "U3"], kind="checkin")
    sent, failed, dead = repo.deliveries(cycle_id=cycle.id)
    assert repo.claim(sent.id, now=NOW, hold=HOLD)
    assert not repo.claim(sent.id, now=NOW, hold=HOLD), "a live claim blocks others"
    repo.mark_sent(sent.id, channel="D1", message_ts="1.0", now=NOW)
    assert not repo.claim(sent.id, now=NOW + dt.timedelta(days=1), hold=HOLD), "sent is final"

    assert repo.claim(failed.id, now=NOW, hold=HOLD)
    repo.mark_failed(failed.id, error="ratelimited", retry_at=NOW + dt.timedelta(minutes=4))
    assert not repo.claim(failed.id, now=NOW + dt.timedelta(minutes=3), hold=HOLD), "not due yet"
    assert repo.claim(failed.id, now=NOW + dt.timedelta(minutes=4), hold=HOLD)
    assert not repo.claim(failed.id, now=NOW + dt.timedelta(minutes=5), hold=HOLD)
    assert repo.claim(failed.id, now=NOW + dt.timedelta(minutes=20), hold=HOLD), (
        "an expired claim is taken over"
    )
    assert repo.delivery(failed.id).attempts == 3  # type: ignore[union-attr]

    assert repo.claim(dead.id, now=NOW, hold=HOLD)
    repo.mark_failed(dead.id, error="user_disabled", retry_at=None)
    assert not repo.claim(dead.id, now=NOW + dt.timedelta(days=30), hold=HOLD)
    info = repo.delivery(dead.id)
    assert info is not None and info.status == "gave_up" and info.last_error == "user_disabled"
    retry = repo.retryable(now=NOW + dt.timedelta(hours=1), stale_pending=dt.timedelta(minutes=15))
    assert [d.id for d in retry] == [failed.id]


def test_only_one_process_holds_the_lease_until_it_expires_or_is_released(db: Database) -> None:
    leases = LeaseRepository(db=db)
    ttl = dt.timedelta(seconds=90)
    assert leases.acquire("scheduler", holder="a", now=NOW, ttl=ttl)
    assert not leases.acquire("scheduler", holder="b", now=NOW + dt.timedelta(seconds=30), ttl=ttl)
    assert leases.acquire("scheduler", holder="a", now=NOW + dt.timedelta(seconds=30), ttl=ttl), "renewal"
    assert not leases.acquire("scheduler", holder="b", now=NOW + dt.timedelta(seconds=100), ttl=ttl)
    assert leases.acquire("scheduler", holder="b", now=NOW + dt.timedelta(seconds=121), ttl=ttl), "expired"
    leases.release("scheduler", holder="b")
    assert leases.acquire("scheduler", holder="a", now=NOW + dt.timedelta(seconds=122), ttl=ttl)
    holder = leases.holder("scheduler")
    assert holder is not None and holder[0] == "a"
