"""The app over real HTTP on 127.0.0.1 with correctly signed requests, against the fake Web API."""

from __future__ import annotations

import json
import time
import urllib.parse

from tests.conftest import RunningApp
from tests.fakes import payloads
from tests.fakes.slack_web_api import FakeSlackWebAPI


def visible_text(body: str) -> str:
    """Every "text" string in a JSON reply: what the user reads."""
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "text" and isinstance(value, str):
                    found.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(body))
    return " ".join(found)


def test_signed_boundary_is_answered_in_the_ack_ephemerally(running_app: RunningApp) -> None:
    status, body = running_app.post(
        payloads.slash_command("/boundary", "my client sent me a friend request on IG")
    )
    assert status == 200
    reply = json.loads(body)
    assert reply["response_type"] == "ephemeral"
    text = visible_text(body)
    assert "ACA" in text and "NASW" in text
    assert "does not replace" in text.lower() or "not a substitute" in text.lower()


def test_forged_signature_is_rejected(running_app: RunningApp, fake_slack: FakeSlackWebAPI) -> None:
    status, _ = running_app.post(payloads.slash_command("/boundary", "x"), signature="v0=" + "0" * 64)
    assert status == 401
    assert fake_slack.calls == []


def test_stale_timestamp_is_rejected(running_app: RunningApp) -> None:
    status, _ = running_app.post(
        payloads.slash_command("/boundary", "x"), timestamp=int(time.time()) - 6 * 60
    )
    assert status == 401


def test_malformed_bodies_get_4xx_and_the_server_keeps_serving(running_app: RunningApp) -> None:
    for body, ctype in (
        ("payload=%7Bnot-json", "application/x-www-form-urlencoded"),
        ("{not json", "application/json"),
        ("", "application/x-www-form-urlencoded"),
        (
            "payload=" + urllib.parse.quote(json.dumps({"type": "block_actions"})),
            "application/x-www-form-urlencoded",
        ),
    ):
        status, _ = running_app.post(body, content_type=ctype)
        assert 400 <= status < 500, (body, status)
    status, _ = running_app.post(payloads.slash_command("/reflect", ""))
    assert status == 200


def test_unknown_command_gets_a_friendly_answer(running_app: RunningApp) -> None:
    status, body = running_app.post(payloads.slash_command("/bogus", "hello"))
    assert status == 200
    assert "/boundary" in visible_text(body)


def test_empty_boundary_shows_usage_with_examples(running_app: RunningApp) -> None:
    status, body = running_app.post(payloads.slash_command("/boundary", ""))
    assert status == 200
    assert "/boundary my client" in visible_text(body)


def test_health_check(running_app: RunningApp) -> None:
    assert running_app.get("/healthz") == (200, "ok\n")


def test_unknown_path_is_404(running_app: RunningApp) -> None:
    status, _ = running_app.get("/nope")
    assert status == 404
