"""Groups: creation, workspace isolation, members and roles, snoozes, pauses and holidays."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from commands.groups import GroupExists, NewGroup, UnknownGroup
from commands.schedule import parse_weekly
from storage.db import Database
from storage.groups import GroupRepository


@pytest.fixture
def repo(database_url: str) -> Iterator[GroupRepository]:
    db = Database(database_url)
    db.upgrade()
    yield GroupRepository(db=db)
    db.dispose()


def new(workspace: str = "T1", name: str = "g", members: tuple[str, ...] = ("U1", "U2")) -> NewGroup:
    return NewGroup(
        workspace_id=workspace,
        name=name,
        members=members,
        supervisors=("U9",),
        checkin=parse_weekly("MON 09:00"),
        digest=parse_weekly("FRI 16:00"),
        timezone="Europe/London",
        created_by="U9",
    )


def test_create_and_read_back(repo: GroupRepository) -> None:
    group = repo.create(new())
    assert (group.checkin.label, group.digest.label, group.timezone) == (
        "MON 09:00",
        "FRI 16:00",
        "Europe/London",
    )
    assert [m.user_id for m in group.members] == ["U1", "U2"] and group.supervisors == ("U9",)
    assert repo.by_name(workspace_id="T1", name="g").id == group.id
    with pytest.raises(GroupExists):
        repo.create(new())


def test_another_workspace_never_sees_a_group(repo: GroupRepository) -> None:
    repo.create(new("T1"))
    other = repo.create(new("T2"))
    with pytest.raises(UnknownGroup):
        repo.by_name(workspace_id="T3", name="g")
    assert [g.id for g in repo.list_groups(workspace_id="T2")] == [other.id]
    assert repo.of_user(workspace_id="T3", user_id="U1") == []
    assert len(repo.list_groups()) == 2


def test_members_roles_and_removal(repo: GroupRepository) -> None:
    group = repo.create(new())
    assert repo.add_people(group.id, ["U2", "U3", "U3"], role="member") == 1
    assert repo.add_people(group.id, ["U2"], role="supervisor") == 1
    assert [g.id for g in repo.of_user(workspace_id="T1", user_id="U2", role="supervisor")] == [group.id]
    assert repo.remove_people(group.id, ["U2"], role=None) == 2
    info = repo.by_id(group.id)
    assert [m.user_id for m in info.members] == ["U1", "U3"] and info.supervisors == ("U9",)


def test_snooze_reminders_pause_and_holidays(repo: GroupRepository) -> None:
    group = repo.create(new())
    assert repo.set_member(group.id, "U1", snoozed_until=dt.date(2026, 12, 31), reminders_enabled=False)
    assert not repo.set_member(group.id, "U9", snoozed_until=dt.date(2026, 12, 31)), (
        "supervisors are not members"
    )
    member = repo.by_id(group.id).member("U1")
    assert (
        member is not None
        and member.away_on(dt.date(2026, 12, 31))
        and not member.away_on(dt.date(2027, 1, 1))
    )
    assert not member.reminders_enabled
    assert repo.set_member(group.id, "U1", snoozed_until=None)
    assert repo.by_id(group.id).member("U1").snoozed_until is None  # type: ignore[union-attr]
    paused = repo.set_paused(group.id, paused=True, until=dt.date(2026, 12, 1))
    assert paused.paused_on(dt.date(2026, 12, 1)) and not paused.paused_on(dt.date(2026, 12, 2))
    assert repo.add_holiday(group.id, dt.date(2026, 12, 25), "closed")
    assert not repo.add_holiday(group.id, dt.date(2026, 12, 25))
    assert [h.day for h in repo.holidays(group.id)] == [dt.date(2026, 12, 25)]
    assert repo.remove_holiday(group.id, dt.date(2026, 12, 25))
    assert repo.holiday_on(group.id, dt.date(2026, 12, 25)) is None
