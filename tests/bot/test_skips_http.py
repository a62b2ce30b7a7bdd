"""Issue 11 end to end: skips, holidays, edits, late answers and quiet reminders.

Every person-facing step goes through signed HTTP (slash commands, the check-in form) and every
message is read back from the fake Web API; the scheduler's job bodies run with a controlled
clock, as the cron triggers would run them. The digest is checked number by number.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import func, select

from bot.jobs import Runtime
from commands.groups import GroupInfo, NewGroup
from commands.schedule import parse_weekly
from storage.models import CheckinAnswer
from tests.bot.test_checkin_http import runtime, submit
from tests.bot.test_slack_http import visible_text
from tests.conftest import RunningApp
from tests.fakes import payloads
from tests.fakes.slack_web_api import TEAM_ID, FakeSlackWebAPI

MEMBERS = ("U0000001", "U0000002", "U0000003", "U0000004", "U0000005", "U0000006")
SUPERVISOR = "U0000009"
CHANNEL = "C0000123"
SNOOZER, QUIET, SILENT = "U0000003", "U0000004", "U0000006"
"""Snoozes before the first cycle; turns reminders off; never answers (and is reminded)."""


def at(rt: Runtime, *when: int) -> None:
    moment = dt.datetime(*when)  # type: ignore[arg-type]
    rt.jobs.clock = lambda: moment


def make_group(app: RunningApp) -> GroupInfo:
    rt = runtime(app)
    at(rt, 2026, 11, 22, 12, 0)  # Sunday, the day before the first check-in
    return rt.groups.create(
        NewGroup(
            workspace_id=TEAM_ID,
            name="Tuesday group",
            members=MEMBERS,
            supervisors=(SUPERVISOR,),
            checkin=parse_weekly("MON 09:00"),
            digest=parse_weekly("FRI 16:00"),
            timezone="Europe/London",
            created_by="test",
            channel_id=CHANNEL,
        )
    )


def command(app: RunningApp, name: str, text: str, user: str) -> str:
    status, body = app.post(payloads.slash_command(name, text, user=user))
    assert status == 200
    return visible_text(body)


def messages_to(fake: FakeSlackWebAPI, target: str) -> list[str]:
    channel = "D" + target[1:] if target.startswith("U") else target
    return [json.dumps(c.params) for c in fake.calls_to("chat.postMessage") if fake.dm_channel(c) == channel]


def checkins_to(fake: FakeSlackWebAPI, user: str) -> int:
    return sum("This week's check-in is open" in m for m in messages_to(fake, user))


def reminders_to(fake: FakeSlackWebAPI, user: str) -> int:
    return sum("A reminder" in m for m in messages_to(fake, user))


def digests_to(fake: FakeSlackWebAPI, user: str) -> list[str]:
    return [m for m in messages_to(fake, user) if "Supervision digest" in m]


def current_cycle(rt: Runtime, group: GroupInfo) -> int:
    return rt.checkins.cycles(group_id=group.id, limit=1)[0].id


def first_week(app: RunningApp, fake: FakeSlackWebAPI) -> tuple[GroupInfo, int]:
    """W48: one member snoozes, one turns reminders off, three answer (one edits), one is reminded."""
    group = make_group(app)
    rt = runtime(app)
    assert "Snoozed until 2026-12-05" in command(app, "/checkin", "snooze 2w", SNOOZER)
    assert "Reminders are off" in command(app, "/checkin", "reminders off", QUIET)
    at(rt, 2026, 11, 23, 9, 0)
    assert rt.jobs.open_cycle(rt.groups.by_id(group.id)).status == "opened"
    cycle_id = current_cycle(rt, group)
    at(rt, 2026, 11, 23, 12, 0)
    submit(app, cycle_id, user="U0000001", ratings=("4", "3", "5"), agenda="Dmitri and the missed fee")
    submit(app, cycle_id, user="U0000002", ratings=("1", "1", "1"), extras=("individual",))
    _, edited = submit(app, cycle_id, user="U0000002", ratings=("5", "5", "4"), extras=("individual",))
    assert "updated" in json.dumps(edited)
    submit(app, cycle_id, user="U0000005", ratings=("3", "3", "3"))
    at(rt, 2026, 11, 24, 9, 0)  # the reminder delay (24 h) has passed
    assert rt.jobs.remind_due().sent == 1
    return group, cycle_id


def test_snooze_reminders_off_edit_and_the_digest_number_by_number(
    running_app: RunningApp, fake_slack: FakeSlackWebAPI
) -> None:
    group, _cycle = first_week(running_app, fake_slack)
    assert checkins_to(fake_slack, SNOOZER) == 0, "snoozed before the cycle: no DM"
    assert [checkins_to(fake_slack, u) for u in MEMBERS if u != SNOOZER] == [1] * 5
    assert len(messages_to(fake_slack, CHANNEL)) == 1
    assert {u: reminders_to(fake_slack, u) for u in MEMBERS} == {u: int(u == SILENT) for u in MEMBERS}
    with running_app.services.db.session() as session:
        assert session.scalar(select(func.count()).select_from(CheckinAnswer)) == 3, "the edit replaced"

    rt = runtime(running_app)
    at(rt, 2026, 11, 27, 16, 0)
    assert rt.jobs.send_digest(rt.groups.by_id(group.id)).status == "sent"
    (digest,) = digests_to(fake_slack, SUPERVISOR)
    for figure in (
        "*Answered:* 3 of 6",
        "*Away (snoozed):* 1",
        "*Not answered:* 2",
        "*Reminders sent:* 1",
        "*Failed deliveries:* 0",
        "*Bond (avg, 1-5):* 4.0",  # (4 + 5 + 3) / 3, with the edited 5, not the first 1
        "*Goals (avg, 1-5):* 3.7",  # (3 + 5 + 3) / 3
        "*Tasks (avg, 1-5):* 4.0",  # (5 + 4 + 3) / 3
        "2026-W48: bond 4.0, goals 3.7, tasks 4.0 (3 answers)",
        "1 member(s) asked for individual time.",
    ):
        assert figure in digest, figure
    assert "[NAME-1] and the missed fee" in digest and "Dmitri" not in digest
    assert "U0000002" not in digest, "not named without the member's choice"
    assert all(digests_to(fake_slack, u) == [] for u in MEMBERS), "members never get the digest"
    assert rt.jobs.remind_due().sent == 0, "no reminder after the digest"


def test_a_late_answer_counts_once_in_the_next_digest_and_a_snooze_end_rejoins_the_next_cycle(
    running_app: RunningApp, fake_slack: FakeSlackWebAPI
) -> None:
    group, w48 = first_week(running_app, fake_slack)
    rt = runtime(running_app)
    at(rt, 2026, 11, 27, 16, 0)
    rt.jobs.send_digest(rt.groups.by_id(group.id))
    at(rt, 2026, 11, 28, 10, 0)
    _, late = submit(running_app, w48, user=QUIET, ratings=("2", "2", "2"))
    assert "late answer" in json.dumps(late)
    _, again = submit(running_app, w48, user=QUIET, ratings=("1", "1", "1"))
    assert "nothing was changed" in json.dumps(again)

    at(rt, 2026, 11, 30, 9, 0)  # W49: the snooze runs until 5 Dec, inclusive
    rt.jobs.open_cycle(rt.groups.by_id(group.id))
    assert checkins_to(fake_slack, SNOOZER) == 0
    at(rt, 2026, 12, 4, 16, 0)
    rt.jobs.send_digest(rt.groups.by_id(group.id))
    w49 = digests_to(fake_slack, SUPERVISOR)[1]
    assert "2026-W48: 1 late answer" in w49
    assert "*Answered:* 0 of 6" in w49 and "*Away (snoozed):* 1" in w49 and "*Not answered:* 5" in w49
    assert "[NAME-1]" not in w49, "last week's items are not shown again"

    at(rt, 2026, 12, 7, 9, 0)  # W50: the snooze ended on the 5th
    rt.jobs.open_cycle(rt.groups.by_id(group.id))
    assert checkins_to(fake_slack, SNOOZER) == 1, "included again from the next cycle"
    at(rt, 2026, 12, 11, 16, 0)
    rt.jobs.send_digest(rt.groups.by_id(group.id))
    w50 = digests_to(fake_slack, SUPERVISOR)[2]
    assert "late answer" not in w50, "a late answer appears once"
    assert "*Away (snoozed):* 0" in w50 and "*Not answered:* 6" in w50
    with running_app.services.db.session() as session:
        late_rows = session.scalars(select(CheckinAnswer).where(CheckinAnswer.late.is_(True))).all()
        assert [(r.cycle_id, r.bond) for r in late_rows] == [(w48, 2)]


def test_a_holiday_opens_no_cycle_and_pings_no_channel(
    running_app: RunningApp, fake_slack: FakeSlackWebAPI
) -> None:
    group = make_group(running_app)
    rt = runtime(running_app)
    text = command(running_app, "/supervision", "holiday add 2026-11-23 Thanksgiving week", SUPERVISOR)
    assert "now a holiday" in text
    assert "2026-11-23 Thanksgiving week" in command(running_app, "/supervision", "holiday list", SUPERVISOR)
    at(rt, 2026, 11, 23, 9, 0)
    result = rt.jobs.open_cycle(rt.groups.by_id(group.id))
    assert result.status == "holiday" and "Thanksgiving week" in result.note
    assert rt.checkins.cycles(group_id=group.id) == [], "no cycle row"
    assert fake_slack.calls_to("chat.postMessage") == [], "no DM, no channel post"
    assert "not opened: holiday" in command(running_app, "/supervision", "status", SUPERVISOR)
    at(rt, 2026, 11, 24, 9, 0)
    assert rt.jobs.remind_due().sent == 0
    at(rt, 2026, 11, 30, 9, 0)  # the next week is an ordinary one
    assert rt.jobs.open_cycle(rt.groups.by_id(group.id)).status == "opened"
    assert [checkins_to(fake_slack, u) for u in MEMBERS] == [1] * 6
    assert len(messages_to(fake_slack, CHANNEL)) == 1


def test_a_removed_member_stops_receiving_check_ins_at_once(
    running_app: RunningApp, fake_slack: FakeSlackWebAPI
) -> None:
    group = make_group(running_app)
    rt = runtime(running_app)
    at(rt, 2026, 11, 23, 9, 0)
    rt.jobs.open_cycle(rt.groups.by_id(group.id))
    assert "Removed 1 member(s)" in command(
        running_app, "/supervision", "members remove <@U0000002>", SUPERVISOR
    )
    at(rt, 2026, 11, 24, 9, 0)
    assert rt.jobs.remind_due().sent == 5
    assert reminders_to(fake_slack, "U0000002") == 0, "no reminder the day after the removal"
    assert "not a member" in command(running_app, "/checkin", "", "U0000002")
    at(rt, 2026, 11, 30, 9, 0)
    rt.jobs.open_cycle(rt.groups.by_id(group.id))
    assert checkins_to(fake_slack, "U0000002") == 1, "only the check-in sent before the removal"
    assert checkins_to(fake_slack, "U0000001") == 2
