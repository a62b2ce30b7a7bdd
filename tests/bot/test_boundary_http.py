"""/boundary over signed HTTP: guidance in the ack, safety first, and its buttons."""

from __future__ import annotations

import json
import time

from sqlalchemy import select

from storage.models import AgendaItem, BoundaryAsk, GuidanceFeedback
from tests.bot.test_slack_http import visible_text
from tests.conftest import RunningApp
from tests.fakes import payloads
from tests.fakes.slack_web_api import FakeSlackWebAPI


def buttons_of(body: str) -> list[dict[str, str]]:
    return [e for b in json.loads(body)["blocks"] if b["type"] == "actions" for e in b["elements"]]


def test_guidance_answers_within_a_second_with_codes_and_notice(running_app: RunningApp) -> None:
    started = time.perf_counter()
    status, body = running_app.post(
        payloads.slash_command("/boundary", "my client found my Instagram and sent a follow request")
    )
    elapsed = time.perf_counter() - started
    assert status == 200 and elapsed < 1.0
    text = visible_text(body)
    for code in ("ACA", "APA", "NASW", "AAMFT"):
        assert code in text
    assert "supervision" in json.loads(body)["blocks"][-1]["elements"][0]["text"].lower()


def test_imminent_risk_puts_urgent_steps_before_anything_else(running_app: RunningApp) -> None:
    _, body = running_app.post(
        payloads.slash_command("/boundary", "client told me tonight she will take all her pills")
    )
    blocks = json.loads(body)["blocks"]
    first_section = next(b for b in blocks if b["type"] == "section")["text"]["text"]
    assert "988" in visible_text(body)
    header = blocks[0]["text"]["text"].lower()
    assert "imminent risk" in header
    assert "supervisor" in (first_section + json.dumps(blocks[:4])).lower()


def test_each_ask_is_counted_without_text(running_app: RunningApp) -> None:
    running_app.post(payloads.slash_command("/boundary", "a client gave me a scarf she knitted"))
    assert running_app.services.boundary_counts is not None
    running_app.services.boundary_counts.flush()  # counts are written in batches, off the ack's path
    with running_app.services.db.session() as session:
        asks = session.scalars(select(BoundaryAsk)).all()
        assert [a.category for a in asks] == ["gifts"]


def test_bring_to_supervision_opens_a_deidentified_form_and_saves_it(
    running_app: RunningApp, fake_slack: FakeSlackWebAPI
) -> None:
    _, body = running_app.post(
        payloads.slash_command("/boundary", "Keisha invited me to her wedding in Dayton")
    )
    bring = next(b for b in buttons_of(body) if b["action_id"].startswith("boundary.bring"))
    running_app.post(
        payloads.block_action(bring["action_id"], bring["value"], response_url=fake_slack.response_url)
    )
    view = fake_slack.wait_for("views.open", 1)[0].params["view"]
    initial = view["blocks"][-1]["element"]["initial_value"]
    assert "Keisha" not in initial and "Dayton" not in initial and "wedding" in initial
    status, answer = running_app.post(
        payloads.view_submission("boundary.agenda", {"item": initial}, metadata=view["private_metadata"])
    )
    assert status == 200 and json.loads(answer)["response_action"] == "update"
    with running_app.services.db.session() as session:
        item = session.scalars(select(AgendaItem)).one()
        stored = running_app.services.cipher.decrypt(item.body_enc)
        assert item.author != "U0000001"
    assert "Keisha" not in stored and "wedding" in stored


def test_feedback_is_counted_per_category(running_app: RunningApp, fake_slack: FakeSlackWebAPI) -> None:
    _, body = running_app.post(payloads.slash_command("/boundary", "a client gave me a scarf she knitted"))
    helpful = next(b for b in buttons_of(body) if b["value"].endswith("|yes"))
    running_app.post(
        payloads.block_action(helpful["action_id"], helpful["value"], response_url=fake_slack.response_url)
    )
    fake_slack.wait_for("response_url", 1)
    with running_app.services.db.session() as session:
        row = session.scalars(select(GuidanceFeedback)).one()
        assert (row.category, row.helpful, row.not_helpful) == ("gifts", 1, 0)
