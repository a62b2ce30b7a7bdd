"""What follows an acknowledgement never delays it, and its failures are logged without payloads.

The app answers on the request's own thread (Bolt's ``process_before_response``): Slack's request
is answered when the listener returns. Opening a modal, publishing the Home tab and the rest run
after it (``bot.slack.listeners.AfterAck``); if they ran inline, a slow Slack would hold the
acknowledgement past Slack's three seconds and the person would see an error.
"""

from __future__ import annotations

import json
import logging
import time

import pytest

from tests.conftest import RunningApp
from tests.fakes import payloads
from tests.fakes.slack_web_api import FakeSlackWebAPI

SLOW = 2.0
"""How long the fake Web API takes to answer the slowed method (seconds)."""
DILEMMA = "Dmitri brought me a watch for my birthday, can I keep it"


def write_button(app: RunningApp) -> dict[str, str]:
    """The "write a reflection" button of a /reflect answer."""
    status, body = app.post(payloads.slash_command("/reflect", ""))
    assert status == 200
    return next(
        element
        for block in json.loads(body)["blocks"]
        if block["type"] == "actions"
        for element in block["elements"]
        if element["action_id"].startswith("reflect.write")
    )


def test_a_slow_views_open_does_not_hold_the_button_acknowledgement(
    running_app: RunningApp, fake_slack: FakeSlackWebAPI
) -> None:
    button = write_button(running_app)
    fake_slack.slow_down(SLOW, "views.open")
    started = time.monotonic()
    status, _ = running_app.post(
        payloads.block_action(button["action_id"], button["value"], response_url=fake_slack.response_url)
    )
    answered = time.monotonic() - started
    assert status == 200
    assert answered < SLOW / 2, f"acknowledged after {answered:.2f} s, behind views.open"
    modal = fake_slack.wait_for("views.open", 1, timeout=SLOW + 10)[-1].params["view"]
    assert modal["type"] == "modal"  # ... and the form still opened, after the acknowledgement


def test_a_slow_home_tab_does_not_hold_the_event_acknowledgement(
    running_app: RunningApp, fake_slack: FakeSlackWebAPI
) -> None:
    fake_slack.slow_down(SLOW, "views.publish")
    started = time.monotonic()
    status, _ = running_app.post(
        payloads.event({"type": "app_home_opened", "user": "U0000001", "channel": "D0HOME", "tab": "home"}),
        content_type="application/json",
    )
    answered = time.monotonic() - started
    assert status == 200
    assert answered < SLOW / 2, f"acknowledged after {answered:.2f} s, behind views.publish"
    assert fake_slack.wait_for("views.publish", 1, timeout=SLOW + 10)[-1].params["user_id"] == "U0000001"


def test_a_failure_after_the_acknowledgement_is_logged_by_type_without_the_payload(
    running_app: RunningApp, fake_slack: FakeSlackWebAPI, caplog: pytest.LogCaptureFixture
) -> None:
    status, body = running_app.post(payloads.slash_command("/boundary", DILEMMA))
    assert status == 200
    bring = next(
        element
        for block in json.loads(body)["blocks"]
        if block["type"] == "actions"
        for element in block["elements"]
        if element["action_id"].startswith("boundary.bring")
    )
    assert "Dmitri" in bring["value"]  # the button carries the dilemma to the form
    fake_slack.answer_error("views.open", "invalid_trigger")
    with caplog.at_level(logging.DEBUG):
        status, _ = running_app.post(
            payloads.block_action(bring["action_id"], bring["value"], response_url=fake_slack.response_url)
        )
        assert status == 200
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not any(
            "after acknowledging" in r.getMessage() for r in caplog.records
        ):
            time.sleep(0.05)
    failures = [r.getMessage() for r in caplog.records if "after acknowledging" in r.getMessage()]
    assert failures == ["unhandled SlackApiError after acknowledging a block_actions request"]
    assert not any("Dmitri" in r.getMessage() for r in caplog.records)
