"""The App Home tab over signed HTTP and the fake Web API: sections per role, buttons, workspaces."""

from __future__ import annotations

import datetime as dt
import json
import time
from typing import Any

from bot.jobs import Runtime
from commands.groups import NewGroup
from commands.schedule import parse_weekly
from commands.types import Actor
from tests.bot.test_checkin_http import MEMBERS, SUPERVISOR, runtime, setup_group, submit
from tests.conftest import RunningApp
from tests.fakes import payloads
from tests.fakes.slack_web_api import TEAM_ID, FakeSlackWebAPI

HOME_VIEW = {"id": "VHOME0001", "type": "home", "private_metadata": ""}


def open_home(
    app: RunningApp, fake: FakeSlackWebAPI, user: str, *, team: str = TEAM_ID, tab: str = "home"
) -> dict[str, Any]:
    """Open the Home tab as ``user`` and return the view published for them."""
    before = len(fake.calls_to("views.publish"))
    status, _ = app.post(
        payloads.event({"type": "app_home_opened", "user": user, "channel": "D0HOME", "tab": tab}, team=team),
        content_type="application/json",
    )
    assert status == 200
    call = fake.wait_for("views.publish", before + 1)[-1]
    assert call.params["user_id"] == user
    view: dict[str, Any] = call.params["view"]
    return view


def headers(view: dict[str, Any]) -> list[str]:
    return [b["text"]["text"] for b in view["blocks"] if b["type"] == "header"]


def action_ids(view: dict[str, Any]) -> list[str]:
    return [
        e["action_id"].split("#")[0] for b in view["blocks"] if b["type"] == "actions" for e in b["elements"]
    ]


def button(view: dict[str, Any], action_id: str) -> dict[str, Any]:
    return next(
        e
        for b in view["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"].split("#")[0] == action_id
    )


def press_on_home(app: RunningApp, element: dict[str, Any], user: str) -> None:
    status, _ = app.post(
        payloads.block_action(element["action_id"], element.get("value", ""), user=user, view=HOME_VIEW)
    )
    assert status == 200


def test_a_member_sees_their_check_ins_journal_and_privacy_not_the_group_figures(
    running_app: RunningApp, fake_slack: FakeSlackWebAPI
) -> None:
    setup_group(running_app)
    view = open_home(running_app, fake_slack, "U0000001")
    assert view["type"] == "home"
    assert headers(view) == [
        "Supervision at a glance",
        "Your check-ins",
        "Your reflection journal",
        "Your privacy",
    ]
    text = json.dumps(view)
    # next check-in: MON 09:00 London = 04:00 in the member's own zone from users.info, named
    assert "Mon 30 Nov 04:00 (America/New_York)" in text
    assert "Times are shown in your time zone, America/New_York" in text
    assert "*Reminders:* on" in text and "*You:* active" in text
    assert "0 weeks in a row" in text and "no reflections yet" in text
    assert action_ids(view) == ["checkin.snooze", "checkin.reminders", "reflect.next"]
    for words in ("pseudonym", "encrypted", "fewer than 3", "Tuesday group: 365 days", "identifiers"):
        assert words in text, words
    assert "Groups you supervise" not in text and "answered" not in text.replace("people answered", "")


def test_a_supervisor_sees_participation_and_the_last_digest(
    running_app: RunningApp, fake_slack: FakeSlackWebAPI
) -> None:
    group, cycle_id = setup_group(running_app)
    running_app.services.runtime.groups.set_member(  # type: ignore[union-attr]
        group.id, "U0000003", snoozed_until=dt.date(2026, 12, 31)
    )
    submit(running_app, cycle_id, user="U0000001")
    view = open_home(running_app, fake_slack, SUPERVISOR)
    assert headers(view) == [
        "Supervision at a glance",
        "Your reflection journal",
        "Groups you supervise",
        "Your privacy",
    ]
    text = json.dumps(view)
    assert "*This week (2026-W48):* 1 of 3 answered, 1 away" in text
    assert "*Next check-in:* Mon 30 Nov 04:00 (America/New_York)" in text
    assert "*Last digest:* none sent yet" in text
    assert "checkin.snooze" not in action_ids(view), "an observer gets no check-in switches"

    rt = runtime(running_app)
    rt.jobs.clock = lambda: dt.datetime(2026, 11, 27, 16, 0)
    assert rt.jobs.send_digest(rt.groups.by_id(group.id)).status == "sent"
    view = open_home(running_app, fake_slack, SUPERVISOR)
    assert "*Last digest:* Fri 27 Nov 11:00 (America/New_York), week 2026-W48" in json.dumps(view)


def test_someone_who_is_both_sees_both_parts(running_app: RunningApp, fake_slack: FakeSlackWebAPI) -> None:
    setup_group(running_app)
    rt = runtime(running_app)
    rt.groups.create(
        NewGroup(
            workspace_id=TEAM_ID,
            name="Peer group",
            members=("U0000001", SUPERVISOR),
            supervisors=("U0000001",),
            checkin=parse_weekly("WED 12:00"),
            digest=parse_weekly("FRI 12:00"),
            timezone="America/New_York",
            created_by="test",
        )
    )
    view = open_home(running_app, fake_slack, "U0000001")
    assert headers(view) == [
        "Supervision at a glance",
        "Your check-ins",
        "Your reflection journal",
        "Groups you supervise",
        "Your privacy",
    ]
    text = json.dumps(view)
    assert "*Group:* Tuesday group" in text and "*Group:* Peer group" in text
    assert "Wed 25 Nov 12:00 (America/New_York)" in text


def test_the_messages_tab_publishes_nothing_and_nobody_in_a_group_still_gets_a_home(
    running_app: RunningApp, fake_slack: FakeSlackWebAPI
) -> None:
    status, _ = running_app.post(
        payloads.event({"type": "app_home_opened", "user": "U0000001", "tab": "messages"}),
        content_type="application/json",
    )
    assert status == 200
    view = open_home(running_app, fake_slack, "U0NOGROUP")
    assert len(fake_slack.calls_to("views.publish")) == 1, "only the Home tab is published"
    assert headers(view) == ["Supervision at a glance", "Your reflection journal", "Your privacy"]
    assert "not in a supervision group yet" in json.dumps(view)


def test_another_workspace_sees_none_of_this_ones_groups(
    running_app: RunningApp, fake_slack: FakeSlackWebAPI
) -> None:
    _group, cycle_id = setup_group(running_app)
    submit(running_app, cycle_id, user="U0000001")
    for user in ("U0000001", SUPERVISOR):
        view = open_home(running_app, fake_slack, user, team="T0OTHER1")
        text = json.dumps(view)
        assert "Tuesday group" not in text and "answered" not in text.replace("people answered", "")
        assert "not in a supervision group yet" in text, user


def test_snooze_and_reminder_buttons_change_state_and_refresh_the_tab(
    running_app: RunningApp, fake_slack: FakeSlackWebAPI
) -> None:
    group, _cycle = setup_group(running_app)
    view = open_home(running_app, fake_slack, "U0000002")
    press_on_home(running_app, button(view, "checkin.snooze"), "U0000002")
    view = fake_slack.wait_for("views.publish", 2)[-1].params["view"]
    text = json.dumps(view)
    assert "snoozed until Sun 6 Dec 2026 (inclusive)" in text
    assert "Resume check-ins" in text and "checkin.resume" in action_ids(view)
    assert "Mon 7 Dec 04:00 (America/New_York)" in text, "the next check-in skips the snoozed weeks"
    confirmation = fake_slack.wait_for("chat.postMessage", len(MEMBERS) + 1)[-1]
    assert fake_slack.dm_channel(confirmation) == "D0000002" and "Snoozed until 2026-12-06" in json.dumps(
        confirmation.params
    )
    rt: Runtime = runtime(running_app)
    assert rt.groups.by_id(group.id).member("U0000002").snoozed_until == dt.date(2026, 12, 6)  # type: ignore[union-attr]

    press_on_home(running_app, button(view, "checkin.reminders"), "U0000002")
    view = fake_slack.wait_for("views.publish", 3)[-1].params["view"]
    assert "*Reminders:* off" in json.dumps(view) and "Turn reminders on" in json.dumps(view)
    assert rt.groups.by_id(group.id).member("U0000002").reminders_enabled is False  # type: ignore[union-attr]

    press_on_home(running_app, button(view, "checkin.resume"), "U0000002")
    view = fake_slack.wait_for("views.publish", 4)[-1].params["view"]
    assert "*You:* active" in json.dumps(view) and "Mon 30 Nov 04:00" in json.dumps(view)
    assert rt.groups.by_id(group.id).member("U0000002").snoozed_until is None  # type: ignore[union-attr]


def test_journal_buttons_reuse_reflect_and_delete_asks_first(
    running_app: RunningApp, fake_slack: FakeSlackWebAPI
) -> None:
    journal = running_app.services.journal
    actor = payloads_actor("U0000001")
    for text in ("A first entry about a rupture.", "A second one."):
        journal.save(actor=actor, text=text, theme="rupture", prompt_id=None)
    view = open_home(running_app, fake_slack, "U0000001")
    assert "You have written 2 reflections" in json.dumps(view)
    assert action_ids(view) == ["reflect.next", "reflect.export", "reflect.delete"]

    press_on_home(running_app, button(view, "reflect.delete"), "U0000001")
    fake_slack.wait_for("views.publish", 2)
    ask = fake_slack.wait_for("chat.postMessage", 1)[-1]
    assert fake_slack.dm_channel(ask) == "D0000001" and "Delete all my entries" in json.dumps(ask.params)
    assert journal.count(actor=actor) == 2, "nothing is deleted before the confirmation"

    press_on_home(running_app, button(view, "reflect.export"), "U0000001")
    fake_slack.wait_for("files.completeUploadExternal", 1)
    assert any(b"A first entry" in body for body in fake_slack.uploads)

    confirm = next(
        e
        for b in ask.params["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e.get("value") == "confirm"
    )
    running_app.post(
        payloads.block_action(
            confirm["action_id"], "confirm", user="U0000001", response_url=fake_slack.response_url
        )
    )
    deadline = time.monotonic() + 5
    while journal.count(actor=actor) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert journal.count(actor=actor) == 0
    view = open_home(running_app, fake_slack, "U0000001")
    assert "no reflections yet" in json.dumps(view)


def test_streak_counts_answered_weeks_and_skips_away_ones(
    running_app: RunningApp, fake_slack: FakeSlackWebAPI
) -> None:
    group, cycle_id = setup_group(running_app)
    rt = runtime(running_app)
    submit(running_app, cycle_id, user="U0000001")  # W48 answered

    def week(monday: dt.datetime, *, snoozed: dt.date | None, answer: bool) -> None:
        rt.jobs.clock = lambda: monday
        rt.groups.set_member(group.id, "U0000001", snoozed_until=snoozed)
        assert rt.jobs.open_cycle(rt.groups.by_id(group.id)).status == "opened"
        if answer:
            submit(running_app, rt.checkins.cycles(group_id=group.id, limit=1)[0].id, user="U0000001")

    def digest(friday: dt.datetime) -> None:
        rt.jobs.clock = lambda: friday
        assert rt.jobs.send_digest(rt.groups.by_id(group.id)).status == "sent"

    digest(dt.datetime(2026, 11, 27, 16, 0))
    week(dt.datetime(2026, 11, 30, 10, 0), snoozed=None, answer=True)  # W49 answered
    digest(dt.datetime(2026, 12, 4, 16, 0))
    week(dt.datetime(2026, 12, 7, 10, 0), snoozed=dt.date(2026, 12, 7), answer=False)  # W50 away
    digest(dt.datetime(2026, 12, 11, 16, 0))
    week(dt.datetime(2026, 12, 14, 10, 0), snoozed=None, answer=False)  # W51 still open
    view = open_home(running_app, fake_slack, "U0000001")
    assert "2 weeks in a row" in json.dumps(view)
    view = open_home(running_app, fake_slack, "U0000002")
    assert "0 weeks in a row" in json.dumps(view), "asked every week, never answered"


def payloads_actor(user: str) -> Actor:
    return Actor(workspace_id=TEAM_ID, user_id=user)


def test_opening_home_corrects_a_stored_zone_for_the_next_check_ins(
    running_app: RunningApp, fake_slack: FakeSlackWebAPI
) -> None:
    group, _ = setup_group(running_app)  # the check-in stored each member's zone (New York)
    rt: Runtime = runtime(running_app)
    assert (member := rt.groups.by_id(group.id).member("U0000001")) and member.timezone == "America/New_York"
    fake_slack.users["U0000001"] = {"tz": "Asia/Tokyo"}  # the member moved
    view = open_home(running_app, fake_slack, "U0000001")
    assert "Times are shown in your time zone, Asia/Tokyo" in json.dumps(view)
    stored = rt.groups.by_id(group.id)
    assert (member := stored.member("U0000001")) and member.timezone == "Asia/Tokyo"
    assert (other := stored.member("U0000002")) and other.timezone == "America/New_York"
    assert rt.jobs._member_tz(stored, "U0000001") == "Asia/Tokyo"  # what the next DM's times use
