"""/reflect over signed HTTP: prompt in the ack, modal via views.open, preview, save, history,
export and delete, each only for the caller."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from storage.models import Reflection
from tests.bot.test_slack_http import visible_text
from tests.conftest import RunningApp
from tests.fakes import payloads
from tests.fakes.outage import fail_mid_transaction
from tests.fakes.slack_web_api import TEAM_ID, FakeSlackWebAPI

RAW = "Dmitri told me on 4/2 that he lives on Elm Street. I felt a pull to rescue him."


def write_reflection(app: RunningApp, fake: FakeSlackWebAPI, *, user: str, text: str) -> dict[str, Any]:
    """Slash command -> button -> modal -> preview -> confirm, as a user would click through."""
    status, body = app.post(payloads.slash_command("/reflect", "", user=user))
    assert status == 200
    buttons = [
        element
        for block in json.loads(body)["blocks"]
        if block["type"] == "actions"
        for element in block["elements"]
    ]
    write = next(b for b in buttons if b["action_id"].startswith("reflect.write"))
    opened = len(fake.calls_to("views.open"))
    status, _ = app.post(
        payloads.block_action(write["action_id"], write["value"], user=user, response_url=fake.response_url)
    )
    assert status == 200
    modal = fake.wait_for("views.open", opened + 1)[-1].params["view"]
    status, preview = app.post(
        payloads.view_submission(
            "reflect.compose", {"text": text}, user=user, metadata=modal["private_metadata"]
        )
    )
    assert status == 200
    update = json.loads(preview)
    assert update["response_action"] == "update"
    stored_version = update["view"]["blocks"][-1]["element"]["initial_value"]
    status, saved = app.post(
        payloads.view_submission(
            "reflect.confirm",
            {"text": stored_version},
            user=user,
            metadata=update["view"]["private_metadata"],
        )
    )
    assert status == 200
    return {"modal": modal, "preview": update, "saved": json.loads(saved)}


def test_prompt_is_ephemeral_and_in_the_ack(running_app: RunningApp) -> None:
    status, body = running_app.post(payloads.slash_command("/reflect", "attachment"))
    assert status == 200
    reply = json.loads(body)
    assert reply["response_type"] == "ephemeral"
    assert "attach" in visible_text(body).lower()


def test_prompts_vary_for_one_user(running_app: RunningApp) -> None:
    seen = {
        visible_text(running_app.post(payloads.slash_command("/reflect", "", user="U0VARY"))[1])
        for _ in range(6)
    }
    assert len(seen) == 6


def test_full_write_flow_stores_one_deidentified_pseudonymous_row(
    running_app: RunningApp, fake_slack: FakeSlackWebAPI
) -> None:
    flow = write_reflection(running_app, fake_slack, user="U0WRITER1", text=RAW)
    modal_text = json.dumps(flow["modal"])
    assert "Write a reflection" in modal_text
    preview_text = json.dumps(flow["preview"])
    assert "[NAME-1]" in preview_text and "replaced" in preview_text
    assert flow["saved"]["response_action"] == "update"
    with running_app.services.db.session() as session:
        rows = session.scalars(select(Reflection)).all()
        assert len(rows) == 1
        row = rows[0]
        assert row.author != "U0WRITER1" and "U0WRITER1" not in row.author
        assert b"Dmitri" not in row.body_enc and b"rescue" not in row.body_enc
        body = running_app.services.cipher.decrypt(row.body_enc)
    assert "Dmitri" not in body and "4/2" not in body and "Elm Street" not in body
    assert "rescue" in body
    assert "rescue" not in fake_slack.all_text(), "nothing the user wrote is posted anywhere"


def test_empty_and_too_long_come_back_inside_the_modal(running_app: RunningApp) -> None:
    for written in ("   ", "x" * 3001):
        status, body = running_app.post(payloads.view_submission("reflect.compose", {"text": written}))
        assert status == 200
        answer = json.loads(body)
        assert answer["response_action"] == "errors" and "text" in answer["errors"]


def test_history_export_and_delete_only_for_the_caller(
    running_app: RunningApp, fake_slack: FakeSlackWebAPI
) -> None:
    write_reflection(running_app, fake_slack, user="U0OWNER01", text="I noticed my own impatience today")
    write_reflection(running_app, fake_slack, user="U0OTHER01", text="I felt hopeful after the repair")

    _, history = running_app.post(payloads.slash_command("/reflect", "history", user="U0OWNER01"))
    assert "impatience" in history and "hopeful" not in history

    status, _ = running_app.post(payloads.slash_command("/reflect", "export", user="U0OWNER01"))
    assert status == 200
    fake_slack.wait_for("files.completeUploadExternal", 1)
    uploads = b"".join(fake_slack.uploads)
    assert b"impatience" in uploads and b"hopeful" not in uploads
    assert fake_slack.calls_to("conversations.open")[-1].params["users"] == "U0OWNER01"

    _, confirm = running_app.post(payloads.slash_command("/reflect", "delete", user="U0OWNER01"))
    assert "cannot be undone" in confirm
    status, _ = running_app.post(
        payloads.block_action(
            "reflect.delete#0", "confirm", user="U0OWNER01", response_url=fake_slack.response_url
        )
    )
    assert status == 200
    fake_slack.wait_for("response_url", 1)
    _, history = running_app.post(payloads.slash_command("/reflect", "history", user="U0OWNER01"))
    assert "empty" in history
    _, other = running_app.post(payloads.slash_command("/reflect", "history", user="U0OTHER01"))
    assert "hopeful" in other


def test_another_workspace_cannot_read_the_journal(
    running_app: RunningApp, fake_slack: FakeSlackWebAPI
) -> None:
    write_reflection(running_app, fake_slack, user="U0SAMEID1", text="I was moved by the session")
    _, history = running_app.post(
        payloads.slash_command("/reflect", "history", user="U0SAMEID1", team="T0OTHER99")
    )
    assert "moved" not in history
    assert TEAM_ID != "T0OTHER99"


def test_a_database_failure_keeps_the_text_in_the_modal(running_app: RunningApp) -> None:
    # the driver's OperationalError at the write, on SQLite and PostgreSQL alike (a dropped table
    # was SQLite-only: PostgreSQL reports it as a programming error, which is not an outage)
    with fail_mid_transaction(running_app.services.db.engine, "reflections"):
        status, body = running_app.post(
            payloads.view_submission("reflect.confirm", {"text": "I felt unsure about the silence"})
        )
    assert status == 200
    answer = json.loads(body)
    assert answer["response_action"] == "errors"
    assert "Not saved" in answer["errors"]["text"]
