"""/boundary under a burst, over signed HTTP: acknowledged at once, answered through response_url.

One person at a time still gets the guidance in the acknowledgement; while requests overlap the
acknowledgement carries a notice and the same guidance follows through the command's
response_url, exactly once per dilemma, with nothing of the text in the log.
"""

from __future__ import annotations

import io
import json
import logging
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import pytest

from bot.config import Settings
from bot.logging import configure_logging
from bot.slack.deferral import ANSWER_FOLLOWS, Deferral
from bot.wiring import Services
from tests.bot.test_slack_http import visible_text
from tests.conftest import start_http
from tests.fakes import payloads
from tests.fakes.signing import signed_headers
from tests.fakes.slack_web_api import FakeSlackWebAPI

SECRET_DILEMMA = "Priya, my client, offered me a ride home after our session at the Maple St clinic"
DILEMMAS = (
    "my client found my Instagram and sent a follow request",
    "a client gave me a scarf she knitted",
    "client asked if I would come to her graduation party",
    "I saw my client at the gym and she wanted to chat",
    "client told me tonight she will take all her pills",
)


@dataclass
class DeferringApp:
    base_url: str
    deferral: Deferral
    signing_secret: str

    def boundary(self, text: str, *, response_url: str, user: str = "U0000001") -> dict[str, object]:
        body = payloads.slash_command("/boundary", text, user=user, response_url=response_url)
        headers = signed_headers(body, self.signing_secret, content_type="application/x-www-form-urlencoded")
        request = urllib.request.Request(
            self.base_url + "/slack/events", data=body.encode(), headers=headers, method="POST"
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 200
            answer: dict[str, object] = json.loads(response.read())
            return answer


@pytest.fixture
def deferring_app(
    settings: Settings, services: Services, request: pytest.FixtureRequest
) -> Iterator[DeferringApp]:
    max_pending = getattr(request, "param", 256)
    deferral = Deferral.start(max_pending=max_pending)
    base_url, _thread, server = start_http(settings, services, deferral=deferral)
    assert settings.slack_signing_secret is not None
    yield DeferringApp(base_url, deferral, settings.slack_signing_secret.get_secret_value())
    server.close()  # type: ignore[attr-defined]
    deferral.close()


def answers(fake: FakeSlackWebAPI, request: str) -> list[dict[str, Any]]:
    return [call.params for call in fake.calls_to("response_url") if call.params.get("request") == request]


def wait_for(predicate: object, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_one_person_gets_the_guidance_in_the_acknowledgement(
    deferring_app: DeferringApp, fake_slack: FakeSlackWebAPI
) -> None:
    for index, text in enumerate(DILEMMAS):
        reply = deferring_app.boundary(text, response_url=f"{fake_slack.response_url}?request={index}")
        assert reply.get("text") != ANSWER_FOLLOWS
        assert "supervision" in visible_text(json.dumps(reply)).lower()
    time.sleep(0.2)
    assert fake_slack.calls_to("response_url") == []


def test_a_burst_is_acknowledged_at_once_and_every_dilemma_answered_once(
    deferring_app: DeferringApp, fake_slack: FakeSlackWebAPI
) -> None:
    # what each dilemma gets when it is asked alone, to compare with what the burst delivers
    alone = {
        text: deferring_app.boundary(text, response_url=f"{fake_slack.response_url}?request=alone")
        for text in DILEMMAS
    }
    count = 60

    def ask(index: int) -> dict[str, object]:
        text = DILEMMAS[index % len(DILEMMAS)]
        url = f"{fake_slack.response_url}?request={index}"
        return deferring_app.boundary(text, response_url=url, user=f"U{index:07d}")

    with ThreadPoolExecutor(max_workers=count) as pool:
        acks = list(pool.map(ask, range(count)))
    deferred = [index for index, ack in enumerate(acks) if ack.get("text") == ANSWER_FOLLOWS]
    assert deferred, "a burst of 60 concurrent commands never overlapped"
    wait_for(lambda: all(answers(fake_slack, str(index)) for index in deferred))
    time.sleep(0.3)  # nothing more arrives: one answer per dilemma
    for index in range(count):
        delivered = answers(fake_slack, str(index))
        expected = alone[DILEMMAS[index % len(DILEMMAS)]]
        if index in deferred:
            assert len(delivered) == 1
            (message,) = delivered
            assert message["response_type"] == "ephemeral" and message["replace_original"] is True
            assert message["blocks"] == expected["blocks"]
            assert message["text"] == expected["text"]
        else:
            assert delivered == [] and acks[index]["blocks"] == expected["blocks"]


@pytest.mark.parametrize("deferring_app", [3], indirect=True)
def test_beyond_the_backlog_bound_dilemmas_are_answered_in_the_acknowledgement(
    deferring_app: DeferringApp, fake_slack: FakeSlackWebAPI
) -> None:
    count = 60

    def ask(index: int) -> dict[str, object]:
        url = f"{fake_slack.response_url}?request={index}"
        return deferring_app.boundary(DILEMMAS[index % 4], response_url=url, user=f"U{index:07d}")

    with ThreadPoolExecutor(max_workers=count) as pool:
        acks = list(pool.map(ask, range(count)))
    deferred = [index for index, ack in enumerate(acks) if ack.get("text") == ANSWER_FOLLOWS]
    # unbounded, nearly all 60 would wait; bounded at 3, a few more at most (the worker may post
    # some during the burst, and requests racing past the check)
    assert len(deferred) <= 12
    wait_for(lambda: all(answers(fake_slack, str(index)) for index in deferred))
    time.sleep(0.3)
    for index in range(count):
        if index in deferred:
            assert len(answers(fake_slack, str(index))) == 1
        else:
            assert answers(fake_slack, str(index)) == []
            assert "supervision" in visible_text(json.dumps(acks[index])).lower()


def test_imminent_risk_during_a_burst_still_leads_with_the_urgent_steps(
    deferring_app: DeferringApp, fake_slack: FakeSlackWebAPI
) -> None:
    deferring_app.deferral.gauge.watch(lambda: 5)  # the server holds five other requests
    ack = deferring_app.boundary(DILEMMAS[-1], response_url=f"{fake_slack.response_url}?request=risk")
    assert ack == {"text": ANSWER_FOLLOWS, "response_type": "ephemeral"}
    wait_for(lambda: answers(fake_slack, "risk"))
    (message,) = answers(fake_slack, "risk")
    assert "imminent risk" in json.dumps(message["blocks"][:1]).lower()
    assert "988" in visible_text(json.dumps(message))


def test_a_refused_answer_is_tried_again(deferring_app: DeferringApp, fake_slack: FakeSlackWebAPI) -> None:
    deferring_app.deferral.gauge.watch(lambda: 5)
    fake_slack.fail_next("response_url", 500, 503)
    deferring_app.boundary(DILEMMAS[0], response_url=f"{fake_slack.response_url}?request=retry")
    wait_for(lambda: answers(fake_slack, "retry"), timeout=20)
    assert len(answers(fake_slack, "retry")) == 1
    refused = [c for c in fake_slack.calls_to("response_url", delivered_only=False) if c.status != 200]
    assert len(refused) == 2


def test_help_is_never_deferred(deferring_app: DeferringApp, fake_slack: FakeSlackWebAPI) -> None:
    deferring_app.deferral.gauge.watch(lambda: 5)
    ack = deferring_app.boundary("", response_url=f"{fake_slack.response_url}?request=help")
    assert ack.get("text") != ANSWER_FOLLOWS and ack.get("blocks")


@pytest.fixture
def app_logging(monkeypatch: pytest.MonkeyPatch) -> Iterator[io.StringIO]:
    """The serve command's logging (stderr, payload filter), at DEBUG, captured; put back after."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    stream = io.StringIO()
    monkeypatch.setattr("sys.stderr", stream)
    configure_logging("DEBUG")
    yield stream
    root.handlers[:] = handlers
    root.setLevel(level)


def test_deferred_answers_log_ids_never_text(
    deferring_app: DeferringApp, fake_slack: FakeSlackWebAPI, app_logging: io.StringIO
) -> None:
    deferring_app.deferral.gauge.watch(lambda: 5)
    deferring_app.boundary(SECRET_DILEMMA, response_url=f"{fake_slack.response_url}?request=log")
    wait_for(lambda: answers(fake_slack, "log"))
    wait_for(lambda: "deferred /boundary answered for user U0000001" in app_logging.getvalue())
    logged = app_logging.getvalue()
    assert "acknowledged for user U0000001, answer follows" in logged
    for secret in ("Priya", "Maple", "ride home"):
        assert secret not in logged
