"""Property-based fuzzing over real signed HTTP: whatever a (validly signed) request carries, the app
answers below 500, never crashes a listener, and keeps serving.

Inputs are shaped like Slack's envelopes (so they get past the signature and reach our code) with
arbitrary contents: any Unicode including control characters, huge texts, unknown and known ids,
wrong value types inside form elements, and metadata that is not what the app wrote. A small group
with an open cycle exists, so ids that hit real rows reach the deep paths too.

Bounded for the suite (``deadline=None``, a fixed number of examples, derandomized so CI sees the
same cases every run); ``HYPOTHESIS_PROFILE=explore`` runs many more, randomly.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import time
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commands.groups import NewGroup
from commands.schedule import parse_weekly
from tests.conftest import RunningApp
from tests.fakes import payloads
from tests.fakes.slack_web_api import TEAM_ID, FakeSlackWebAPI

settings.register_profile(
    "suite",
    max_examples=120,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile(
    "explore",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "suite")

MEMBERS = ("U0000001", "U0000002", "U0000003")
SUPERVISOR = "U0000009"
ACK_SECONDS = 3.0
"""Slack gives up on an acknowledgement after three seconds."""

CHARS = st.characters(exclude_categories=["Cs"])  # lone surrogates cannot be sent as UTF-8 at all
WORDS = (
    "help", "history", "themes", "export", "delete", "setup", "status", "digest", "snooze 2w", "resume",
    "reminders off", "members add <@U0000002>", "schedule checkin TUE 10:00", "pause",
    "holiday add 2026-12-25", "group:other status", "snooze <@U0000001> 99999w",
    "a client gave me a gift", "I want to end it all",
)  # fmt: skip
TEXT = st.one_of(
    st.text(CHARS, max_size=200),
    st.text(CHARS, max_size=4000),
    st.text(st.characters(min_codepoint=0, max_codepoint=0x1F), max_size=300),  # control characters
    st.builds(
        lambda chunk, n: (chunk * n)[:150_000],
        st.text(CHARS, min_size=1, max_size=12),
        st.integers(1, 40_000),
    ),
    st.sampled_from(WORDS),
)
USERS = st.one_of(
    st.sampled_from((*MEMBERS, SUPERVISOR, "U0STRANGER")),
    st.from_regex(r"[UW][A-Z0-9]{1,20}", fullmatch=True),
    st.text(CHARS, min_size=1, max_size=30),
)
TEAMS = st.one_of(st.just(TEAM_ID), st.just("T0OTHER99"), st.text(CHARS, min_size=1, max_size=20))
SMALL_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(CHARS, max_size=40),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(CHARS, max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)

FORMS: dict[str, tuple[str, ...]] = {
    "reflect.compose": ("text",),
    "reflect.confirm": ("text",),
    "boundary.agenda": ("item",),
    "checkin.submit": ("bond", "goals", "tasks", "reflection", "agenda", "extras"),
    "supervision.setup": (
        "name", "members", "supervisors", "checkin_day", "checkin_time", "digest_day", "digest_time", "tz",
        "reminder_hours", "retention_days", "options",
    ),
}  # fmt: skip
ACTIONS = (
    "boundary.show", "boundary.bring", "boundary.feedback", "reflect.next", "reflect.write",
    "reflect.keep", "reflect.export", "reflect.delete", "reflect.compose", "reflect.confirm",
    "checkin.start", "checkin.submit", "checkin.snooze", "checkin.resume", "checkin.reminders",
    "supervision.setup", "boundary.agenda",
)  # fmt: skip


def element(value_text: st.SearchStrategy[str]) -> st.SearchStrategy[dict[str, Any]]:
    """A Slack input element's state, of any kind the app renders, with arbitrary contents."""
    return st.one_of(
        st.builds(lambda v: {"type": "plain_text_input", "value": v}, value_text | st.none()),
        st.builds(lambda v: {"type": "number_input", "value": v}, value_text),
        st.builds(
            lambda v: {"type": "static_select", "selected_option": {"value": v} if v is not None else None},
            value_text | st.none(),
        ),
        st.builds(
            lambda vs: {"type": "checkboxes", "selected_options": [{"value": v} for v in vs]},
            st.lists(value_text, max_size=3),
        ),
        st.builds(
            lambda vs: {"type": "multi_users_select", "selected_users": vs}, st.lists(USERS, max_size=4)
        ),
        st.builds(lambda v: {"type": "users_select", "selected_user": v}, USERS | st.none()),
        st.builds(lambda v: {"type": "timepicker", "selected_time": v}, value_text),
        st.builds(lambda v: {"type": "datepicker", "selected_date": v}, value_text),
        st.builds(lambda kind, junk: {"type": kind, **junk}, st.text(CHARS, max_size=20), st.dictionaries(
            st.sampled_from(["value", "selected_option", "selected_options", "selected_users"]),
            SMALL_JSON, max_size=3,
        )),
    )  # fmt: skip


VALUE_TEXT = st.one_of(
    st.sampled_from(["1", "3", "5", "0", "6", "-1", "mon", "fri", "09:00", "25:61", "UTC", "Europe/London",
                     "Mars/Olympus", "individual", "named", "allow_named", "24", "365", "9" * 40]),
    st.text(CHARS, max_size=80),
    st.text(CHARS, max_size=5000),
)  # fmt: skip


@pytest.fixture
def seeded(running_app: RunningApp) -> tuple[RunningApp, int]:
    """A group with an open cycle: real ids for the fuzzer to stumble on."""
    runtime = running_app.services.runtime
    assert runtime is not None
    runtime.jobs.clock = lambda: dt.datetime(2026, 11, 23, 10, 0)
    group = runtime.groups.create(
        NewGroup(
            workspace_id=TEAM_ID, name="Fuzz group", members=MEMBERS, supervisors=(SUPERVISOR,),
            checkin=parse_weekly("MON 09:00"), digest=parse_weekly("FRI 16:00"), timezone="Europe/London",
            created_by="test",
        )
    )  # fmt: skip
    result = runtime.jobs.open_cycle(group)
    cycle = runtime.checkins.cycle(group_id=group.id, period=result.period)
    assert cycle is not None
    return running_app, cycle.id


def post_timed(app: RunningApp, body: str) -> tuple[int, str]:
    """POST a signed body; an answer slower than Slack's ack window fails the property too."""
    started = time.perf_counter()
    status, text = app.post(body)
    took = time.perf_counter() - started
    assert took < ACK_SECONDS, f"answered in {took:.1f} s, after Slack would have given up"
    return status, text


def still_serving(app: RunningApp, caplog: pytest.LogCaptureFixture) -> None:
    """After the examples: healthy, answering, and no listener ever died with an exception."""
    time.sleep(0.5)  # listeners run on after their ack
    assert app.get("/healthz")[0] == 200
    status, body = app.post(payloads.slash_command("/boundary", "a client gave me a gift"))
    assert status == 200 and "ACA" in body
    crashes = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert crashes == [], crashes


@settings(settings.get_profile(PROFILE))
@given(
    command=st.sampled_from(["/boundary", "/reflect", "/checkin", "/supervision", "/bogus"]),
    text=TEXT,
    user=USERS,
    team=TEAMS,
)
def test_any_slash_command_text_gets_an_answer_below_500(
    seeded: tuple[RunningApp, int], command: str, text: str, user: str, team: str
) -> None:
    app, _cycle = seeded
    status, _body = post_timed(app, payloads.slash_command(command, text, user=user, team=team))
    assert status < 500, (command, text[:80])


@settings(settings.get_profile(PROFILE))
@given(data=st.data())
def test_any_modal_submission_gets_an_answer_below_500(
    seeded: tuple[RunningApp, int], data: st.DataObject
) -> None:
    app, cycle_id = seeded
    form = data.draw(st.sampled_from(sorted(FORMS)), label="form")
    known = FORMS[form]
    names = data.draw(
        st.lists(st.sampled_from(known), max_size=len(known), unique=True) | st.just(list(known)),
        label="inputs",
    )
    extra = data.draw(st.lists(st.text(CHARS, min_size=1, max_size=12), max_size=2), label="extra inputs")
    values = {name: data.draw(element(VALUE_TEXT), label=name) for name in [*names, *extra]}
    metadata = data.draw(
        st.one_of(
            st.just(str(cycle_id)),
            st.integers(-(2**70), 2**70).map(str),
            st.sampled_from(["", "rupture", "boundary_gift", "0"]),
            st.text(CHARS, max_size=3000),
        ),
        label="metadata",
    )
    user = data.draw(USERS, label="user")
    team = data.draw(TEAMS, label="team")
    body = payloads.view_submission(form, values, metadata=metadata, user=user, team=team)
    status, answer = post_timed(app, body)
    assert status < 500, (form, values, metadata[:80])
    if status == 200 and answer:
        json.loads(answer)  # a form answer is JSON Slack can read


@settings(settings.get_profile(PROFILE))
@given(
    action=st.one_of(
        st.sampled_from(ACTIONS),
        st.builds(lambda a, s: f"{a}#{s}", st.sampled_from(ACTIONS), st.text(CHARS, max_size=10)),
        st.builds(lambda p, s: f"{p}.{s}", st.sampled_from(["boundary", "reflect", "checkin", "supervision"]),
                  st.text(CHARS, min_size=1, max_size=20)),
        st.text(CHARS, min_size=1, max_size=40),
    ),
    value=st.one_of(st.sampled_from(["1", "0", "confirm", "on", "off", "2w", "boundary_gift", "-5"]),
                    st.text(CHARS, max_size=2000)),
    container=st.sampled_from(["message", "modal", "home"]),
    metadata=st.text(CHARS, max_size=200),
    user=USERS,
    team=TEAMS,
)  # fmt: skip
def test_any_button_press_gets_an_answer_below_500(
    seeded: tuple[RunningApp, int],
    fake_slack: FakeSlackWebAPI,
    action: str,
    value: str,
    container: str,
    metadata: str,
    user: str,
    team: str,
) -> None:
    app, _cycle = seeded
    view = None
    if container != "message":
        view = {"id": "V0000001", "type": container, "callback_id": "x", "private_metadata": metadata}
    body = payloads.block_action(
        action, value, user=user, team=team, view=view,
        response_url=fake_slack.response_url if container == "message" else None,
    )  # fmt: skip
    status, _ = post_timed(app, body)
    assert status < 500, (action, value[:80], container)


def test_a_huge_dilemma_is_handed_back_for_shortening_at_once(running_app: RunningApp) -> None:
    status, body = post_timed(running_app, payloads.slash_command("/boundary", "my client " * 20_000))
    assert status == 200 and "more briefly" in body and "4,000" in body


@pytest.fixture(autouse=True)
def _check_after_all_examples(
    request: pytest.FixtureRequest, seeded: tuple[RunningApp, int], caplog: pytest.LogCaptureFixture
) -> Any:
    """Runs once per test function (after every example): the server is fine and nothing crashed."""
    yield
    still_serving(seeded[0], caplog)


def test_a_page_long_dilemma_is_answered_within_the_ack_window(running_app: RunningApp) -> None:
    """Up to the limit /boundary reads the whole text (here run-on, no full stop) and answers in time."""
    page = ("my client keeps giving me small gifts and then she said " * 80)[:3990]
    status, body = post_timed(running_app, payloads.slash_command("/boundary", page))
    assert status == 200 and "more briefly" not in body and "Gifts" in body
