"""Scheduler and job bodies with a controlled clock: catch-up, lease, retries, reminders, digests, purge."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy import func, select

from bot.config import Settings
from bot.jobs import Runtime, build_runtime
from bot.scheduler import GroupScheduler
from bot.wiring import Services
from commands.checkin import AnswerInput
from commands.groups import GroupInfo, NewGroup
from commands.schedule import parse_weekly
from storage.leases import LeaseRepository
from storage.models import AgendaItem, BoundaryAsk, CheckinAnswer, Reflection
from tests.fakes.slack_web_api import TEAM_ID, FakeSlackWebAPI

MEMBERS = ("U0000001", "U0000002", "U0000003", "U0000004", "U0000005", "U0000006")
MONDAY_DUE = dt.datetime(2026, 11, 23, 9, 0)  # MON 09:00 Europe/London (GMT) = 09:00 UTC


@dataclass
class Clock:
    now: dt.datetime

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(MONDAY_DUE + dt.timedelta(hours=2))


@pytest.fixture
def rt(settings: Settings, services: Services, clock: Clock) -> Iterator[Runtime]:
    yield build_runtime(
        settings,
        db=services.db,
        cipher=services.cipher,
        pseudonyms=services.pseudonyms,
        deidentifier=services.deidentifier,
        clock=clock,
    )


def make_group(rt: Runtime, **changes: object) -> GroupInfo:
    values: dict[str, object] = {
        "workspace_id": TEAM_ID,
        "name": "g1",
        "members": MEMBERS,
        "supervisors": ("U0000009", "U0000008"),
        "checkin": parse_weekly("MON 09:00"),
        "digest": parse_weekly("FRI 16:00"),
        "timezone": "Europe/London",
        "created_by": "test",
    }
    values.update(changes)
    return rt.groups.create(NewGroup(**values))  # type: ignore[arg-type]


def answer(rt: Runtime, group: GroupInfo, user: str, ratings: tuple[int, int, int], **extra: object) -> str:
    cycle = rt.checkins.cycles(group_id=group.id, limit=1)[0]
    values: dict[str, object] = {
        "bond": ratings[0],
        "goals": ratings[1],
        "tasks": ratings[2],
        "theme": "rupture",
        "text": "I noticed a pull to rescue.",
        "agenda": "",
        "wants_individual_time": False,
        "named_user_id": None,
    }
    values.update(extra)
    author = rt.jobs.pseudonyms.author(group.workspace_id, user)
    saved = rt.checkins.save_answer(
        cycle_id=cycle.id,
        author=author,
        answer=AnswerInput(**values),  # type: ignore[arg-type]
        now=rt.jobs.clock(),
    )
    return saved.outcome


def dms(fake: FakeSlackWebAPI, users: tuple[str, ...] = MEMBERS) -> dict[str, int]:
    counts = fake.dm_counts()
    return {u: counts.get(u, 0) for u in users}


def texts_to(fake: FakeSlackWebAPI, user: str) -> list[str]:
    channel = "D" + user[1:]
    return [json.dumps(c.params) for c in fake.calls_to("chat.postMessage") if fake.dm_channel(c) == channel]


def test_restart_catch_up_opens_a_missed_cycle_exactly_once(
    rt: Runtime, fake_slack: FakeSlackWebAPI, clock: Clock
) -> None:
    make_group(rt)
    leases = LeaseRepository(db=rt.db)
    clock.now = MONDAY_DUE - dt.timedelta(hours=1)  # before the due time: nothing to catch up
    first = GroupScheduler(jobs=rt.jobs, leases=leases, holder="a")
    assert first.renew_lease()
    assert sum(dms(fake_slack).values()) == 0
    first.stop()  # down over the due time
    clock.now = MONDAY_DUE + dt.timedelta(hours=5)
    second = GroupScheduler(jobs=rt.jobs, leases=leases, holder="b")
    assert second.renew_lease()
    assert dms(fake_slack) == dict.fromkeys(MEMBERS, 1)
    second.stop()
    third = GroupScheduler(jobs=rt.jobs, leases=leases, holder="c")
    assert third.renew_lease()
    third.run_group_job("checkin", 1)  # a late cron fire as well
    assert dms(fake_slack) == dict.fromkeys(MEMBERS, 1)


def test_catch_up_stops_at_the_digest_time(rt: Runtime, fake_slack: FakeSlackWebAPI, clock: Clock) -> None:
    make_group(rt)
    clock.now = dt.datetime(2026, 11, 27, 17, 0)  # Friday 17:00, after the 16:00 digest
    GroupScheduler(jobs=rt.jobs, leases=LeaseRepository(db=rt.db), holder="a").renew_lease()
    assert sum(dms(fake_slack).values()) == 0


def test_only_the_lease_holder_runs_job_bodies(
    rt: Runtime, fake_slack: FakeSlackWebAPI, clock: Clock
) -> None:
    clock.now = MONDAY_DUE - dt.timedelta(seconds=30)  # the lease (90 s) is still held at the due time
    group = make_group(rt)
    leases = LeaseRepository(db=rt.db)
    a = GroupScheduler(jobs=rt.jobs, leases=leases, holder="a")
    b = GroupScheduler(jobs=rt.jobs, leases=leases, holder="b")
    assert a.renew_lease() and not b.renew_lease()
    clock.now = MONDAY_DUE
    b.run_group_job("checkin", group.id)
    assert sum(dms(fake_slack).values()) == 0
    a.run_group_job("checkin", group.id)
    b.run_group_job("checkin", group.id)
    assert dms(fake_slack) == dict.fromkeys(MEMBERS, 1)


def test_rebuild_derives_cron_jobs_in_each_groups_zone(rt: Runtime, clock: Clock) -> None:
    ny = make_group(rt, name="ny", timezone="America/New_York", checkin=parse_weekly("MON 09:00"))
    kol = make_group(rt, name="kol", timezone="Asia/Kolkata", digest=parse_weekly("THU 17:30"))
    scheduler = GroupScheduler(
        jobs=rt.jobs, leases=LeaseRepository(db=rt.db), scheduler=BackgroundScheduler()
    )
    scheduler.scheduler.start(paused=True)  # a real job store, but nothing runs
    ids = scheduler.rebuild()
    assert ids == [f"checkin:{ny.id}", f"checkin:{kol.id}", f"digest:{ny.id}", f"digest:{kol.id}"]
    job = scheduler.scheduler.get_job(f"checkin:{ny.id}")
    assert (job is not None and job.args == ("checkin", ny.id)) or job.args == ["checkin", ny.id]
    assert "day_of_week='mon'" in str(job.trigger)
    assert job.misfire_grace_time >= 3600 and job.coalesce
    saturday_before_dst = dt.datetime(2026, 3, 7, 12, 0, tzinfo=dt.UTC)
    fire = job.trigger.get_next_fire_time(None, saturday_before_dst)
    assert fire.astimezone(dt.UTC).replace(tzinfo=None) == dt.datetime(2026, 3, 9, 13, 0)
    digest = scheduler.scheduler.get_job(f"digest:{kol.id}")
    fire = digest.trigger.get_next_fire_time(None, dt.datetime(2026, 11, 23, tzinfo=dt.UTC))
    assert fire.astimezone(dt.UTC).replace(tzinfo=None) == dt.datetime(2026, 11, 26, 12, 0)
    rt.groups.set_schedule(ny.id, checkin=parse_weekly("TUE 10:00"))
    scheduler.resync()
    assert "day_of_week='tue'" in str(scheduler.scheduler.get_job(f"checkin:{ny.id}").trigger)
    rt.groups.delete(kol.id)
    assert scheduler.rebuild() == [f"checkin:{ny.id}", f"digest:{ny.id}"]
    assert scheduler.scheduler.get_job(f"checkin:{kol.id}") is None
    scheduler.scheduler.shutdown(wait=False)


def test_jobs_carry_ids_only(rt: Runtime) -> None:
    group = make_group(rt)
    scheduler = GroupScheduler(
        jobs=rt.jobs, leases=LeaseRepository(db=rt.db), scheduler=BackgroundScheduler()
    )
    scheduler.rebuild()
    for job in scheduler.scheduler.get_jobs():
        assert all(isinstance(arg, str | int) for arg in job.args)
        assert "xoxb" not in repr(job.args) + repr(job.kwargs)
    assert scheduler.scheduler.get_job(f"digest:{group.id}") is not None


def test_failed_deliveries_are_retried_with_backoff(
    rt: Runtime, fake_slack: FakeSlackWebAPI, clock: Clock
) -> None:
    group = make_group(rt)
    fake_slack.fail_next("chat.postMessage", 500, 500, 500, 500, to="U0000001")  # > the SDK's 3 retries
    result = rt.jobs.open_cycle(group)
    assert result.tally.sent == 5 and result.tally.failed == 1 and result.tally.errors == ("http_500",)
    assert sum(dms(fake_slack).values()) == 5
    assert rt.jobs.retry_failed().sent == 0, "not due yet"
    clock.now += dt.timedelta(minutes=5)
    assert rt.jobs.retry_failed().sent == 1
    assert dms(fake_slack) == dict.fromkeys(MEMBERS, 1)
    assert rt.jobs.retry_failed().sent == 0


def test_reminders_skip_answered_snoozed_and_opted_out_members(
    rt: Runtime, fake_slack: FakeSlackWebAPI, clock: Clock
) -> None:
    group = make_group(rt)
    rt.groups.set_member(group.id, "U0000002", snoozed_until=dt.date(2026, 12, 31))
    rt.groups.set_member(group.id, "U0000003", reminders_enabled=False)
    rt.jobs.open_cycle(rt.groups.by_id(group.id))
    assert answer(rt, group, "U0000001", (4, 4, 4)) == "created"
    group = rt.groups.by_id(group.id)
    assert rt.jobs.remind_due().sent == 0, "not due before the delay"
    clock.now = MONDAY_DUE + dt.timedelta(hours=25)
    tally = rt.jobs.remind_due()
    assert tally.sent == 3
    reminded = {u for u in MEMBERS if any("reminder" in t for t in texts_to(fake_slack, u))}
    assert reminded == {"U0000004", "U0000005", "U0000006"}
    assert rt.jobs.remind_due().sent == 0, "one reminder per member"
    assert dms(fake_slack)["U0000002"] == 0


def test_no_reminder_after_the_digest(rt: Runtime, fake_slack: FakeSlackWebAPI, clock: Clock) -> None:
    group = make_group(rt)
    rt.jobs.open_cycle(group)
    clock.now = dt.datetime(2026, 11, 27, 16, 1)
    rt.jobs.send_digest(group)
    assert rt.jobs.remind_due().sent == 0


def test_digest_from_seeded_data_with_chart_and_late_answer(
    rt: Runtime, fake_slack: FakeSlackWebAPI, clock: Clock
) -> None:
    group = make_group(rt, allow_named=True)
    rt.groups.set_member(group.id, "U0000006", snoozed_until=dt.date(2026, 12, 31))
    group = rt.groups.by_id(group.id)
    rt.jobs.open_cycle(group)
    assert answer(rt, group, "U0000001", (4, 3, 5), agenda="Talk about Dmitri's case") == "created"
    assert (
        answer(rt, group, "U0000002", (5, 4, 4), wants_individual_time=True, named_user_id="U0000002")
        == "created"
    )
    assert answer(rt, group, "U0000003", (3, 3, 3), wants_individual_time=True) == "created"
    assert answer(rt, group, "U0000003", (3, 3, 2), wants_individual_time=True) == "replaced"
    with rt.db.session() as session:
        assert session.scalar(select(func.count()).select_from(CheckinAnswer)) == 3, (
            "an edit replaces the row"
        )
        session.add(
            BoundaryAsk(workspace_id=TEAM_ID, group_id=group.id, category="gifts", asked_at=clock.now)
        )
        session.add(
            BoundaryAsk(workspace_id=TEAM_ID, group_id=group.id, category="gifts", asked_at=clock.now)
        )
        session.add(
            BoundaryAsk(
                workspace_id=TEAM_ID,
                group_id=group.id,
                category="old",
                asked_at=clock.now - dt.timedelta(days=9),
            )
        )
        session.add(
            Reflection(
                workspace_id=TEAM_ID,
                author="x",
                group_id=group.id,
                theme="attachment",
                body_enc=b"x",
                created_at=clock.now,
            )
        )
    clock.now = dt.datetime(2026, 11, 27, 16, 0)
    result = rt.jobs.send_digest(group)
    assert result.status == "sent" and result.tally.sent == 2 and result.charts == 2
    text = texts_to(fake_slack, "U0000009")[0]
    assert "*Answered:* 3 of 6" in text and "*Away (snoozed):* 1" in text and "*Not answered:* 2" in text
    assert "*Reminders sent:* 0" in text and "*Failed deliveries:* 0" in text
    assert "bond 4.0, goals 3.3, tasks 3.7 (3 answers)" in text
    assert "gifts: 2" in text and "old" not in text
    assert "attachment: 1" in text and "rupture: 3" in text
    assert "[NAME-1]" in text and "Dmitri" not in text
    assert "2 member(s) asked for individual time" in text and "U0000002" in text
    for member in MEMBERS:
        assert (
            texts_to(fake_slack, member) == [] or "Supervision digest" not in texts_to(fake_slack, member)[-1]
        )
    uploads = fake_slack.calls_to("files.completeUploadExternal")
    assert len(uploads) == 2
    assert all(body.startswith(b"\x89PNG") or b"\x89PNG" in body for body in fake_slack.uploads)
    again = rt.jobs.send_digest(group)
    assert again.tally.sent == 0 and len(fake_slack.calls_to("files.completeUploadExternal")) == 2

    # an answer after the digest: stored as late, shown once in the next digest
    clock.now = dt.datetime(2026, 11, 28, 10, 0)
    assert answer(rt, group, "U0000004", (2, 2, 2)) == "late"
    assert answer(rt, group, "U0000004", (1, 1, 1)) == "closed"
    clock.now = dt.datetime(2026, 11, 30, 10, 0)
    rt.jobs.open_cycle(group)
    clock.now = dt.datetime(2026, 12, 4, 16, 0)
    rt.jobs.send_digest(group)
    second = texts_to(fake_slack, "U0000009")[1]
    assert "2026-W48: 1 late answer" in second and "Talk about" not in second
    clock.now = dt.datetime(2026, 12, 11, 16, 0)
    rt.jobs.send_digest(group)
    third = texts_to(fake_slack, "U0000009")[2]
    assert "late answer" not in third


def test_purge_removes_exactly_what_is_past_retention(rt: Runtime, clock: Clock) -> None:
    group = make_group(rt, retention_days=30)
    rt.jobs.open_cycle(group)
    answer(rt, group, "U0000001", (4, 4, 4), agenda="old item")
    clock.now += dt.timedelta(days=14)
    rt.jobs.open_cycle(group)
    answer(rt, group, "U0000001", (4, 4, 4), agenda="newer item")
    clock.now += dt.timedelta(days=20)  # first cycle 34 days old, second 20
    removed = rt.jobs.purge()
    assert removed > 0
    with rt.db.session() as session:
        assert session.scalar(select(func.count()).select_from(CheckinAnswer)) == 1
        assert session.scalar(select(func.count()).select_from(AgendaItem)) == 1
    assert [c.period for c in rt.checkins.cycles(group_id=group.id)] == ["2026-W50"]


def test_paused_group_opens_nothing_and_gets_no_digest(
    rt: Runtime, fake_slack: FakeSlackWebAPI, clock: Clock
) -> None:
    group = make_group(rt, channel_id="C0000123")
    group = rt.groups.set_paused(group.id, paused=True, until=dt.date(2026, 11, 29))
    assert rt.jobs.open_cycle(group).status == "paused"
    clock.now = dt.datetime(2026, 11, 27, 16, 0)
    assert rt.jobs.send_digest(group).status == "paused"
    assert fake_slack.calls_to("chat.postMessage") == []
    clock.now = dt.datetime(2026, 12, 1, 10, 0)  # the pause ended on the 29th (inclusive)
    assert rt.jobs.open_cycle(group).status == "opened"
    assert dms(fake_slack) == dict.fromkeys(MEMBERS, 1)


def test_a_snooze_ending_includes_the_member_from_the_next_cycle(
    rt: Runtime, fake_slack: FakeSlackWebAPI, clock: Clock
) -> None:
    group = make_group(rt)
    rt.groups.set_member(group.id, "U0000001", snoozed_until=dt.date(2026, 11, 29))
    rt.jobs.open_cycle(rt.groups.by_id(group.id))
    assert dms(fake_slack)["U0000001"] == 0
    clock.now = dt.datetime(2026, 11, 30, 9, 5)
    rt.jobs.open_cycle(rt.groups.by_id(group.id))
    assert dms(fake_slack) == {u: 1 if u == "U0000001" else 2 for u in MEMBERS}


def test_a_member_removed_after_the_rows_were_made_gets_nothing(
    rt: Runtime, fake_slack: FakeSlackWebAPI, clock: Clock
) -> None:
    group = make_group(rt)
    fake_slack.fail_next("chat.postMessage", 500, 500, 500, 500, to="U0000001")
    rt.jobs.open_cycle(group)  # the first member's DM failed and waits for a retry
    rt.groups.remove_people(group.id, ["U0000001"], role="member")
    clock.now += dt.timedelta(minutes=10)
    tally = rt.jobs.retry_failed()
    assert tally.sent == 0 and tally.skipped == 1
    assert dms(fake_slack)["U0000001"] == 0


def test_auckland_cycle_opens_on_local_monday_which_is_sunday_in_utc(
    rt: Runtime, fake_slack: FakeSlackWebAPI, clock: Clock
) -> None:
    make_group(rt, timezone="Pacific/Auckland")
    clock.now = dt.datetime(2026, 11, 22, 19, 55)  # Monday 08:55 in Auckland
    GroupScheduler(jobs=rt.jobs, leases=LeaseRepository(db=rt.db), holder="a").renew_lease()
    assert sum(dms(fake_slack).values()) == 0
    clock.now = dt.datetime(2026, 11, 22, 20, 5)  # Monday 09:05 there
    GroupScheduler(jobs=rt.jobs, leases=LeaseRepository(db=rt.db), holder="b").run_group_job("checkin", 1)
    assert dms(fake_slack) == dict.fromkeys(MEMBERS, 1)
    assert [c.period for c in rt.checkins.cycles(group_id=1)] == ["2026-W48"]


def test_kolkata_reminder_follows_the_half_hour_offset(
    rt: Runtime, fake_slack: FakeSlackWebAPI, clock: Clock
) -> None:
    group = make_group(rt, timezone="Asia/Kolkata")
    clock.now = dt.datetime(2026, 11, 23, 3, 30)  # MON 09:00 IST
    rt.jobs.open_cycle(group)
    assert rt.checkins.cycles(group_id=group.id)[0].due_at == dt.datetime(2026, 11, 23, 3, 30)
    clock.now = dt.datetime(2026, 11, 24, 3, 29)
    assert rt.jobs.remind_due().sent == 0
    clock.now = dt.datetime(2026, 11, 24, 3, 30)
    assert rt.jobs.remind_due().sent == len(MEMBERS)
