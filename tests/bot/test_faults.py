"""Faults a clinic's IT team would inject: the database going away, a misbehaving Web API, replayed
requests, and people asking for what is not theirs. Everything over signed HTTP or through the
real job bodies; only 127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.config import Settings
from bot.jobs import Runtime, build_runtime
from bot.wiring import Services, build_services
from commands.groups import GroupInfo, NewGroup
from commands.schedule import parse_weekly
from storage.checkins import KIND_CHECKIN, STATUS_SENT
from storage.models import AgendaItem, CheckinAnswer, Reflection
from tests.bot.test_checkin_http import select_value
from tests.conftest import RunningApp, start_http
from tests.fakes import payloads
from tests.fakes.outage import Outage, fail_mid_transaction, outage_for
from tests.fakes.slack_web_api import TEAM_ID, FakeSlackWebAPI

MEMBERS = ("U0000001", "U0000002", "U0000003", "U0000004", "U0000005", "U0000006")
SUPERVISOR = "U0000009"
OTHER_TEAM = "T0OTHER99"
DUE = dt.datetime(2026, 11, 23, 9, 0)  # MON 09:00 Europe/London


class Clock:
    """The jobs' clock, moved by the test."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def outage(database_url: str) -> Iterator[Outage]:
    """The test database, switchable off and on."""
    switch = outage_for(database_url)
    yield switch
    switch.close()


@pytest.fixture
def fragile_app(settings: Settings, outage: Outage) -> Iterator[RunningApp]:
    """The app over HTTP, reaching its database through the outage switch."""
    fragile = settings.model_copy(update={"database_url": outage.url})
    services = build_services(fragile)
    base_url, _thread, server = start_http(fragile, services)
    yield RunningApp(base_url=base_url, services=services)
    server.close()  # type: ignore[attr-defined]
    services.close()


def runtime_of(app: RunningApp, clock: Clock) -> Runtime:
    runtime = app.services.runtime
    assert runtime is not None
    runtime.jobs.clock = clock
    return runtime


def make_group(
    rt: Runtime, members: tuple[str, ...] = MEMBERS, *, due: dt.datetime | None = None
) -> GroupInfo:
    """A group due MON 09:00 London, or (``due``, UTC) at that instant's weekday and time."""
    checkin, digest, zone = "MON 09:00", "FRI 16:00", "Europe/London"
    if due is not None:
        checkin, digest, zone = weekly(due), weekly(due + dt.timedelta(days=1)), "UTC"
    return rt.groups.create(
        NewGroup(
            workspace_id=TEAM_ID,
            name="Thursday group",
            members=members,
            supervisors=(SUPERVISOR,),
            checkin=parse_weekly(checkin),
            digest=parse_weekly(digest),
            timezone=zone,
            created_by="test",
        )
    )


def weekly(moment: dt.datetime) -> str:
    return f"{('MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN')[moment.weekday()]} {moment:%H:%M}"


def open_cycle(rt: Runtime, group: GroupInfo) -> int:
    result = rt.jobs.open_cycle(group)
    assert result.status == "opened"
    cycle = rt.checkins.cycle(group_id=group.id, period=result.period)
    assert cycle is not None
    return cycle.id


def checkin_body(cycle_id: int, *, user: str, text: str = "", agenda: str = "", team: str = TEAM_ID) -> str:
    values: dict[str, Any] = {
        "bond": select_value("4"),
        "goals": select_value("3"),
        "tasks": select_value("5"),
        "reflection": text,
        "agenda": agenda,
        "extras": {"type": "checkboxes", "selected_options": []},
    }
    return payloads.view_submission("checkin.submit", values, metadata=str(cycle_id), user=user, team=team)


def count(services: Services, model: type[Any]) -> int:
    with services.db.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


# ---------------------------------------------------------------------------------- the database


def test_database_down_every_write_says_not_saved_keeps_the_text_and_the_server_serves(
    fragile_app: RunningApp, outage: Outage
) -> None:
    rt = runtime_of(fragile_app, Clock(DUE + dt.timedelta(hours=1)))
    cycle_id = open_cycle(rt, make_group(rt))
    outage.cut()

    status, _ = fragile_app.get("/healthz")
    assert status == 503, "the load balancer is told"

    status, body = fragile_app.post(
        payloads.view_submission("reflect.confirm", {"text": "I felt unsure about the silence"})
    )
    assert status == 200
    answer = json.loads(body)
    assert answer["response_action"] == "errors" and "Not saved" in answer["errors"]["text"]

    status, body = fragile_app.post(
        payloads.view_submission("boundary.agenda", {"item": "gifts from a family I work with"})
    )
    assert status == 200
    answer = json.loads(body)
    assert answer["response_action"] == "errors" and "Not saved" in answer["errors"]["item"]

    status, body = fragile_app.post(checkin_body(cycle_id, user="U0000001", text="I rushed the ending"))
    assert status == 200
    answer = json.loads(body)
    assert answer["response_action"] == "errors", "the form stays open with what the member typed"
    assert "Not saved" in json.dumps(answer["errors"])

    status, body = fragile_app.post(payloads.slash_command("/boundary", "a client sent me a gift card"))
    assert status == 200 and "ACA" in body, "guidance does not depend on the database"
    for command, text in (("/reflect", "history"), ("/checkin", ""), ("/supervision", "status")):
        status, body = fragile_app.post(payloads.slash_command(command, text, user=SUPERVISOR))
        assert status == 200 and body, command

    outage.restore()
    assert fragile_app.get("/healthz")[0] == 200
    services = fragile_app.services
    assert (count(services, Reflection), count(services, AgendaItem), count(services, CheckinAnswer)) == (
        0,
        0,
        0,
    )
    status, body = fragile_app.post(checkin_body(cycle_id, user="U0000001", text="I rushed the ending"))
    assert status == 200 and json.loads(body)["response_action"] == "update", "once it is back, it saves"
    assert count(services, CheckinAnswer) == 1


def test_a_write_cut_off_half_way_leaves_nothing_half_written(
    fragile_app: RunningApp, outage: Outage
) -> None:
    """A check-in answer and its agenda item are one transaction: the line dies between the two."""
    rt = runtime_of(fragile_app, Clock(DUE + dt.timedelta(hours=1)))
    cycle_id = open_cycle(rt, make_group(rt))
    body = checkin_body(cycle_id, user="U0000002", text="I noticed I wanted to rescue", agenda="fees")
    engine = fragile_app.services.db.engine
    with fail_mid_transaction(engine, "agenda_items", outage) as seen:
        status, reply = fragile_app.post(body)
    assert any(s.upper().startswith("INSERT INTO CHECKIN_ANSWERS") for s in seen), "the answer went first"
    assert status == 200
    answer = json.loads(reply)
    assert answer["response_action"] == "errors" and "Not saved" in json.dumps(answer["errors"])
    services = fragile_app.services
    assert count(services, CheckinAnswer) == 0 and count(services, AgendaItem) == 0, "all or nothing"

    status, reply = fragile_app.post(body)
    assert status == 200 and json.loads(reply)["response_action"] == "update"
    assert count(services, CheckinAnswer) == 1 and count(services, AgendaItem) == 1


# ---------------------------------------------------------------------------------- the Web API


@pytest.fixture
def quick_runtime(settings: Settings, services: Services) -> Iterator[tuple[Runtime, Clock]]:
    """Jobs with a one-second Web API timeout and a clock the test moves, starting at the real time
    (Slack's message timestamps, which the history lookup compares with, are real times)."""
    clock = Clock(dt.datetime.now(dt.UTC).replace(tzinfo=None, second=0, microsecond=0))
    quick = settings.model_copy(update={"slack_api_timeout": 1})
    yield (
        build_runtime(
            quick,
            db=services.db,
            cipher=services.cipher,
            pseudonyms=services.pseudonyms,
            deidentifier=services.deidentifier,
            clock=clock,
        ),
        clock,
    )


def test_5xx_429_and_timeouts_during_a_fan_out_lose_nothing_and_send_nothing_twice(
    quick_runtime: tuple[Runtime, Clock], fake_slack: FakeSlackWebAPI
) -> None:
    rt, clock = quick_runtime
    group = make_group(rt, due=clock.now - dt.timedelta(hours=1))
    fake_slack.fail_next("chat.postMessage", 429, to="U0000001")  # Retry-After honoured by the SDK
    fake_slack.fail_next("chat.postMessage", 503, 503, 503, 503, to="U0000002")  # past the SDK's retries
    fake_slack.hang_next("chat.postMessage", 2.0, delivered=True, to="U0000003")  # Slack took it
    fake_slack.hang_next("chat.postMessage", 2.0, delivered=False, to="U0000004")  # never processed

    first = rt.jobs.open_cycle(group).tally
    assert (first.sent, first.failed) == (3, 3)
    assert sorted(first.errors) == ["http_503", "timeout", "timeout"]
    assert rt.jobs.retry_failed().sent == 0, "nothing is due again yet"

    clock.now += dt.timedelta(minutes=5)
    again = rt.jobs.retry_failed()
    assert (again.sent, again.already, again.failed) == (2, 4, 0), "U0000003's DM was found, not re-sent"
    assert fake_slack.dm_counts() == dict.fromkeys(MEMBERS, 1)
    cycle = rt.checkins.cycles(group_id=group.id, limit=1)[0]
    rows = rt.checkins.deliveries(cycle_id=cycle.id, kind=KIND_CHECKIN)
    assert all(r.status == STATUS_SENT and r.message_ts for r in rows)
    looked = [c.params["channel"] for c in fake_slack.calls_to("conversations.history")]
    assert sorted(looked) == ["D0000003", "D0000004"], "only the timed-out sends were looked up"
    posted = [c for c in fake_slack.calls_to("chat.postMessage") if c.params.get("metadata")]
    assert len(posted) == len(MEMBERS) and all(
        c.params["metadata"]["event_payload"]["marker"].startswith("d") for c in posted
    ), "every check-in DM carries its unseen marker"
    assert rt.jobs.retry_failed() == type(again)(), "nothing left to do"


def test_when_the_history_cannot_be_read_a_timed_out_send_is_retried_later_or_sent_again(
    quick_runtime: tuple[Runtime, Clock], fake_slack: FakeSlackWebAPI
) -> None:
    rt, clock = quick_runtime
    group = make_group(rt, members=("U0000001", "U0000002"), due=clock.now - dt.timedelta(hours=1))
    fake_slack.hang_next("chat.postMessage", 2.0, delivered=False, to="U0000001")
    assert rt.jobs.open_cycle(group).tally.errors == ("timeout",)

    fake_slack.answer_error("conversations.history", "ratelimited")  # a passing problem: ask later
    clock.now += dt.timedelta(minutes=5)
    assert rt.jobs.retry_failed().sent == 0
    assert fake_slack.dm_counts() == {"U0000002": 1}, "not sent blind while the lookup can be retried"
    cycle = rt.checkins.cycles(group_id=group.id, limit=1)[0]
    waiting = [d for d in rt.checkins.deliveries(cycle_id=cycle.id) if d.user_id == "U0000001"]
    assert waiting[0].last_error == "timeout", "still ambiguous: the next try looks again first"

    fake_slack.answer_error("conversations.history", "missing_scope")  # installed without im:history
    clock.now += dt.timedelta(hours=1)
    assert rt.jobs.retry_failed().sent == 1, "without the scope, sending again beats losing it"
    assert fake_slack.dm_counts() == {"U0000001": 1, "U0000002": 1}


# ---------------------------------------------------------------------------------- replays


@pytest.mark.parametrize("skew", [-6 * 60, +6 * 60, -3600 * 24])
def test_replayed_or_post_dated_requests_are_refused(
    running_app: RunningApp, fake_slack: FakeSlackWebAPI, skew: int
) -> None:
    bodies = (
        payloads.slash_command("/boundary", "a client hugged me"),
        payloads.block_action("checkin.start", "1"),
        payloads.view_submission("reflect.confirm", {"text": "I felt stuck"}),
        payloads.event({"type": "app_home_opened", "user": "U0000001", "tab": "home"}),
    )
    for body in bodies:
        content_type = "application/json" if body.startswith("{") else "application/x-www-form-urlencoded"
        status, _ = running_app.post(body, timestamp=int(time.time()) + skew, content_type=content_type)
        assert status == 401, body[:40]
    assert count(running_app.services, Reflection) == 0
    assert fake_slack.calls == [], "a refused request reaches nothing"


def test_a_signature_for_another_body_is_refused(running_app: RunningApp) -> None:
    from tests.fakes.signing import signed_headers

    original = payloads.slash_command("/boundary", "a client hugged me")
    tampered = payloads.slash_command("/supervision", "digest", user=SUPERVISOR)
    headers = signed_headers(original, running_app.secret, content_type="application/x-www-form-urlencoded")
    status, _ = running_app.post(tampered, signature=headers["x-slack-signature"])
    assert status == 401


# ---------------------------------------------------------------------------------- what is not yours


@pytest.fixture
def answered(running_app: RunningApp) -> tuple[RunningApp, int]:
    """A group where three members answered (enough for a breakdown), U0000001 with an agenda item."""
    rt = runtime_of(running_app, Clock(DUE + dt.timedelta(hours=1)))
    cycle_id = open_cycle(rt, make_group(rt))
    for user, agenda in (("U0000001", "the fee waiver"), ("U0000003", ""), ("U0000004", "")):
        status, body = running_app.post(
            checkin_body(cycle_id, user=user, text="I felt the pull to fix it", agenda=agenda)
        )
        assert status == 200 and json.loads(body)["response_action"] == "update"
    return running_app, cycle_id


def test_a_member_who_is_not_a_supervisor_reads_no_digest_and_no_one_elses_answer(
    answered: tuple[RunningApp, int], fake_slack: FakeSlackWebAPI
) -> None:
    app, cycle_id = answered
    status, body = app.post(payloads.slash_command("/supervision", "digest", user="U0000002"))
    assert status == 200 and "Only this group's supervisors" in body
    assert "fee waiver" not in body
    status, body = app.post(payloads.slash_command("/supervision", "status", user="U0000002"))
    assert status == 200 and "Failed deliveries" not in body and "U0000001" not in body

    status, _ = app.post(payloads.block_action("checkin.start", str(cycle_id), user="U0000002"))
    assert status == 200
    view = json.dumps(fake_slack.wait_for("views.open", 1)[-1].params["view"])
    assert "pull to fix" not in view and "fee waiver" not in view, "a member's form is their own"

    status, body = app.post(payloads.slash_command("/supervision", "digest", user=SUPERVISOR))
    assert status == 200 and "fee waiver" in body, "the supervisor does see the (de-identified) item"
    assert "U0000001" not in body, "…without who wrote it"


def test_people_of_another_workspace_or_group_get_nothing(
    answered: tuple[RunningApp, int], fake_slack: FakeSlackWebAPI
) -> None:
    app, cycle_id = answered
    for command, text in (("/supervision", "digest"), ("/supervision", "status"), ("/checkin", "")):
        status, body = app.post(payloads.slash_command(command, text, user=SUPERVISOR, team=OTHER_TEAM))
        assert status == 200 and "fee waiver" not in body and "Thursday group" not in body, command

    status, body = app.post(checkin_body(cycle_id, user="U0000001", team=OTHER_TEAM, text="spoofed"))
    assert status == 200 and "not yours" in body
    status, body = app.post(checkin_body(cycle_id, user="U0000777", text="a stranger's answer"))
    assert status == 200 and "not yours" in body
    assert count(app.services, CheckinAnswer) == 3, "only the members' own answers exist"

    views_before = len(fake_slack.calls_to("views.open"))
    for user, team in (("U0000777", TEAM_ID), ("U0000001", OTHER_TEAM)):
        status, _ = app.post(payloads.block_action("checkin.start", str(cycle_id), user=user, team=team))
        assert status == 200
    time.sleep(0.5)  # listeners finish after the ack
    assert len(fake_slack.calls_to("views.open")) == views_before, "no form of someone else's cycle"
