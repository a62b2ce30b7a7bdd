"""/boundary counts written in batches: each filed under the asker's group, never the asker."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from commands.types import Actor
from storage.boundary_log import Ask, BoundaryLogRepository, BufferedBoundaryLog
from storage.db import Database
from storage.groups import GroupRepository
from storage.membership import LOOKUP_CHUNK, member_group
from storage.models import BoundaryAsk
from tests.storage.test_groups import new

NOW = dt.datetime(2026, 11, 23, 12, 0)


def stored(db: Database) -> list[tuple[str, int | None, str]]:
    with db.session() as session:
        rows = session.scalars(select(BoundaryAsk).order_by(BoundaryAsk.id)).all()
        return [(r.workspace_id, r.group_id, r.category) for r in rows]


def test_a_batch_files_each_ask_under_the_askers_oldest_group(db: Database) -> None:
    groups = GroupRepository(db=db)
    first = groups.create(new("T1", "first", members=("U1", "U2")))
    second = groups.create(new("T1", "second", members=("U2", "U3")))
    elsewhere = groups.create(new("T2", "first", members=("U1",)))
    asks = [
        Ask("T1", "U1", "gifts", NOW),
        Ask("T1", "U2", "dual_relationships", NOW),  # in both groups: the oldest, as member_group picks
        Ask("T1", "U3", "gifts", NOW),
        Ask("T1", "U9", "gifts", NOW),  # a supervisor, not a member: counted without a group
        Ask("T2", "U1", "touch", NOW),  # the same user id in another workspace is another person
        Ask("T1", "U1", "touch", NOW),
    ]
    BoundaryLogRepository(db=db).record_asks(asks)
    assert stored(db) == [
        ("T1", first.id, "gifts"),
        ("T1", first.id, "dual_relationships"),
        ("T1", second.id, "gifts"),
        ("T1", None, "gifts"),
        ("T2", elsewhere.id, "touch"),
        ("T1", first.id, "touch"),
    ]
    with db.session() as session:  # the batch agrees with the one-at-a-time lookup
        for ask, (_, group_id, _) in zip(asks, stored(db), strict=True):
            one = member_group(session, workspace_id=ask.workspace_id, user_id=ask.user_id)
            assert group_id == (one.id if one else None)


def test_a_batch_larger_than_one_lookup_is_looked_up_in_chunks(db: Database) -> None:
    members = tuple(f"U{i:05d}" for i in range(LOOKUP_CHUNK + 7))
    group = GroupRepository(db=db).create(new("T1", "big", members=members))
    asks = [Ask("T1", user, "gifts", NOW) for user in (*members, "UNOBODY")]
    BoundaryLogRepository(db=db).record_asks(asks)
    rows = stored(db)
    assert len(rows) == len(asks)
    assert [g for _, g, _ in rows] == [group.id] * len(members) + [None]


def test_the_buffer_writes_what_was_queued_in_one_flush(db: Database) -> None:
    group = GroupRepository(db=db).create(new("T1", "g", members=("U1",)))
    buffered = BufferedBoundaryLog(BoundaryLogRepository(db=db), flush_seconds=60)
    try:
        for category in ("gifts", "touch", "gifts"):
            buffered.record_ask(actor=Actor(workspace_id="T1", user_id="U1"), category=category)
        assert stored(db) == []
        assert buffered.flush() == 3
        assert stored(db) == [("T1", group.id, "gifts"), ("T1", group.id, "touch"), ("T1", group.id, "gifts")]
    finally:
        buffered.close()
