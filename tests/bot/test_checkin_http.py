"""Check-ins and /supervision over signed HTTP and the fake Web API: the path a person clicks through."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import func, select

from bot.jobs import Runtime
from commands.groups import GroupInfo, NewGroup
from commands.schedule import parse_weekly
from storage.models import CheckinAnswer, Group
from tests.bot.test_slack_http import visible_text
from tests.conftest import RunningApp
from tests.fakes import payloads
from tests.fakes.slack_web_api import TEAM_ID, FakeSlackWebAPI

MEMBERS = ("U0000001", "U0000002", "U0000003")
SUPERVISOR = "U0000009"
DUE = dt.datetime(2026, 11, 23, 9, 0)


def runtime(app: RunningApp) -> Runtime:
    assert app.services.runtime is not None
    return app.services.runtime


def setup_group(app: RunningApp, now: dt.datetime = DUE + dt.timedelta(hours=1)) -> tuple[GroupInfo, int]:
    rt = runtime(app)
    rt.jobs.clock = lambda: now
    group = rt.groups.create(
        NewGroup(
            workspace_id=TEAM_ID,
            name="Tuesday group",
            members=MEMBERS,
            supervisors=(SUPERVISOR,),
            checkin=parse_weekly("MON 09:00"),
            digest=parse_weekly("FRI 16:00"),
            timezone="Europe/London",
            created_by="test",
        )
    )
    result = rt.jobs.open_cycle(group)
    assert result.status == "opened"
    cycle = rt.checkins.cycle(group_id=group.id, period=result.period)
    assert cycle is not None
    return group, cycle.id


def select_value(value: str) -> dict[str, Any]:
    return {"type": "static_select", "selected_option": {"value": value}}


def submit(
    app: RunningApp, cycle_id: int, *, user: str = "U0000001",
    ratings: tuple[str, str, str] = ("4", "3", "5"), text: str = "", agenda: str = "",
    extras: tuple[str, ...] = (),
) -> tuple[int, dict[str, Any]]:  # fmt: skip
    values: dict[str, Any] = {
        "bond": select_value(ratings[0]),
        "goals": select_value(ratings[1]),
        "tasks": select_value(ratings[2]),
        "reflection": text,
        "agenda": agenda,
        "extras": {"type": "checkboxes", "selected_options": [{"value": v} for v in extras]},
    }
    status, body = app.post(
        payloads.view_submission("checkin.submit", values, metadata=str(cycle_id), user=user)
    )
    return status, json.loads(body) if body else {}


def test_dm_button_opens_the_form_and_submit_shows_what_was_stored(
    running_app: RunningApp, fake_slack: FakeSlackWebAPI
) -> None:
    _group, cycle_id = setup_group(running_app)
    dm = next(c for c in fake_slack.calls_to("chat.postMessage") if fake_slack.dm_channel(c) == "D0000001")
    button = next(e for b in dm.params["blocks"] if b["type"] == "actions" for e in b["elements"])
    assert button["value"] == str(cycle_id) and "Start check-in" in json.dumps(button)
    status, _ = running_app.post(payloads.block_action(button["action_id"], button["value"], user="U0000001"))
    assert status == 200
    view = fake_slack.wait_for("views.open", 1)[-1].params["view"]
    assert view["callback_id"] == "checkin.submit" and view["private_metadata"] == str(cycle_id)
    inputs = [b["block_id"] for b in view["blocks"] if b["type"] == "input"]
    assert inputs == ["bond", "goals", "tasks", "reflection", "agenda", "extras"]

    _, reply = submit(
        running_app, cycle_id, text="Dmitri told me he felt unheard.", agenda="Dmitri and the missed fee",
        extras=("individual",),
    )  # fmt: skip
    assert status == 200 and reply["response_action"] == "update"
    shown = json.dumps(reply["view"])
    assert "[NAME-1]" in shown and "Dmitri" not in shown
    assert "(America/New_York)" in shown, "the digest time is shown in the member's own zone"
    assert "Fri 27 Nov 11:00" in shown  # 16:00 London = 11:00 New York
    with running_app.services.db.session() as session:
        row = session.scalars(select(CheckinAnswer)).one()
        assert (row.bond, row.goals, row.tasks, row.wants_individual_time) == (4, 3, 5, True)
        assert "U0000001" not in row.author and row.answer_enc and b"Dmitri" not in row.answer_enc
    updates = fake_slack.wait_for("chat.update", 1)
    assert "Edit my check-in" in json.dumps(updates[-1].params)


def test_edit_before_the_digest_replaces_and_slash_checkin_prefills(
    running_app: RunningApp, fake_slack: FakeSlackWebAPI
) -> None:
    _group, cycle_id = setup_group(running_app)
    submit(running_app, cycle_id, ratings=("2", "2", "2"))
    _, reply = submit(running_app, cycle_id, ratings=("5", "4", "3"))
    assert "updated" in json.dumps(reply)
    with running_app.services.db.session() as session:
        assert session.scalar(select(func.count()).select_from(CheckinAnswer)) == 1
        row = session.scalars(select(CheckinAnswer)).one()
        assert (row.bond, row.goals, row.tasks) == (5, 4, 3)
    status, _ = running_app.post(payloads.slash_command("/checkin", "", user="U0000001"))
    assert status == 200
    view = fake_slack.wait_for("views.open", 1)[-1].params["view"]
    bond = next(b for b in view["blocks"] if b.get("block_id") == "bond")
    assert bond["element"]["initial_option"]["value"] == "5"
    assert "editing" in json.dumps(view)


def test_answer_after_the_digest_is_late_and_only_once(
    running_app: RunningApp, fake_slack: FakeSlackWebAPI
) -> None:
    group, cycle_id = setup_group(running_app)
    rt = runtime(running_app)
    rt.jobs.clock = lambda: dt.datetime(2026, 11, 27, 16, 5)
    rt.jobs.send_digest(group)
    _, reply = submit(running_app, cycle_id, user="U0000002")
    assert "late answer" in json.dumps(reply)
    _, reply = submit(running_app, cycle_id, user="U0000002", ratings=("1", "1", "1"))
    assert "nothing was changed" in json.dumps(reply)
    with running_app.services.db.session() as session:
        rows = session.scalars(select(CheckinAnswer)).all()
        assert [(r.late, r.bond) for r in rows] == [(True, 4)]


def test_a_non_member_cannot_open_or_submit_someone_elses_check_in(running_app: RunningApp) -> None:
    _group, cycle_id = setup_group(running_app)
    _, reply = submit(running_app, cycle_id, user="U0OUTSIDER")
    assert "not yours" in json.dumps(reply)
    _, body = running_app.post(payloads.slash_command("/checkin", "", user="U0OUTSIDER"))
    assert "not a member" in visible_text(body)


def test_snooze_and_reminders_commands(running_app: RunningApp) -> None:
    group, _cycle = setup_group(running_app)
    _, body = running_app.post(payloads.slash_command("/checkin", "snooze 2w", user="U0000003"))
    assert "Snoozed until 2026-12-06" in visible_text(body)
    _, body = running_app.post(payloads.slash_command("/checkin", "reminders off", user="U0000002"))
    assert "Reminders are off" in visible_text(body)
    info = runtime(running_app).groups.by_id(group.id)
    assert info.member("U0000003").snoozed_until == dt.date(2026, 12, 6)  # type: ignore[union-attr]
    assert info.member("U0000002").reminders_enabled is False  # type: ignore[union-attr]
    _, body = running_app.post(payloads.slash_command("/checkin", "snooze until 2020-01-01", user="U0000003"))
    assert "in the past" in visible_text(body)
    _, body = running_app.post(payloads.slash_command("/checkin", "resume", user="U0000003"))
    assert "Welcome back" in visible_text(body)
    assert runtime(running_app).groups.by_id(group.id).member("U0000003").snoozed_until is None  # type: ignore[union-attr]


def test_supervision_status_preview_and_refusals(
    running_app: RunningApp, fake_slack: FakeSlackWebAPI
) -> None:
    _group, cycle_id = setup_group(running_app)
    submit(running_app, cycle_id, user="U0000001")
    _, body = running_app.post(payloads.slash_command("/supervision", "status", user=SUPERVISOR))
    text = visible_text(body)
    assert "1 of 3" in text and "2026-W48" in text and "No failed deliveries" in text
    _, body = running_app.post(payloads.slash_command("/supervision", "digest", user=SUPERVISOR))
    reply = json.loads(body)
    assert reply["response_type"] == "ephemeral" and "Preview" in visible_text(body)
    assert "Fewer than 3 answers" in visible_text(body)
    for words in ("digest", "members add U0000077", "pause", "holiday add 2026-12-25"):
        _, body = running_app.post(payloads.slash_command("/supervision", words, user="U0000002"))
        assert "Only this group's supervisors" in visible_text(body), words
    _, body = running_app.post(
        payloads.slash_command("/supervision", "status", user=SUPERVISOR, team="T0OTHER1")
    )
    assert "not in a supervision group" in visible_text(body)
    assert fake_slack.dm_counts().get(SUPERVISOR, 0) == 0, "a preview sends nothing"


def test_supervision_changes_rebuild_the_schedule(running_app: RunningApp) -> None:
    group, _cycle = setup_group(running_app)
    calls: list[int] = []
    desk = running_app.services.supervision_desk
    assert desk is not None
    desk.subscribe(lambda: calls.append(1))
    for words in (
        "schedule checkin TUE 10:30",
        "members add <@U0000077|new>",
        "holiday add 2026-12-25 closed",
    ):
        status, body = running_app.post(payloads.slash_command("/supervision", words, user=SUPERVISOR))
        assert status == 200, words
    info = runtime(running_app).groups.by_id(group.id)
    assert info.checkin.label == "TUE 10:30" and info.member("U0000077") is not None
    assert runtime(running_app).groups.holiday_on(group.id, dt.date(2026, 12, 25)) is not None
    assert len(calls) == 2
    _, body = running_app.post(
        payloads.slash_command("/supervision", "schedule checkin MON 9am", user=SUPERVISOR)
    )
    assert "24-hour" in visible_text(body)


def test_setup_form_defaults_to_the_creators_zone_and_creates_the_group(
    running_app: RunningApp, fake_slack: FakeSlackWebAPI
) -> None:
    _, _ = running_app.post(payloads.slash_command("/supervision", "setup", user=SUPERVISOR))
    view = fake_slack.wait_for("views.open", 1)[-1].params["view"]
    tz = next(b for b in view["blocks"] if b.get("block_id") == "tz")
    assert tz["element"]["initial_value"] == "America/New_York"
    values: dict[str, Any] = {
        "name": "New group",
        "members": {"type": "multi_users_select", "selected_users": ["U0000001", "U0000002"]},
        "supervisors": {"type": "multi_users_select", "selected_users": [SUPERVISOR]},
        "checkin_day": select_value("wed"),
        "checkin_time": "10:00",
        "digest_day": select_value("fri"),
        "digest_time": "9am",
        "tz": "America/New_York",
        "reminder_hours": "24",
        "retention_days": "365",
        "options": {"type": "checkboxes", "selected_options": []},
    }
    _, body = running_app.post(payloads.view_submission("supervision.setup", values, user=SUPERVISOR))
    assert json.loads(body)["response_action"] == "errors" and "digest_time" in json.loads(body)["errors"]
    values["digest_time"] = "09:00"
    _, body = running_app.post(payloads.view_submission("supervision.setup", values, user=SUPERVISOR))
    assert "New group is set up" in body
    with running_app.services.db.session() as session:
        row = session.scalars(select(Group).where(Group.name == "New group")).one()
        assert (row.workspace_id, row.checkin_weekday, row.checkin_time, row.timezone) == (
            TEAM_ID, "wed", "10:00", "America/New_York",
        )  # fmt: skip
