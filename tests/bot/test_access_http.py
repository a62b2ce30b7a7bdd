"""Who may see what, over signed HTTP: members never see digests or settings; workspaces never mix."""

from __future__ import annotations

import datetime as dt
import json

from tests.bot.test_checkin_http import SUPERVISOR, runtime, setup_group, submit
from tests.bot.test_home_http import HOME_VIEW
from tests.bot.test_slack_http import visible_text
from tests.conftest import RunningApp
from tests.fakes import payloads
from tests.fakes.slack_web_api import FakeSlackWebAPI

OTHER = "T0OTHER1"


def ask(app: RunningApp, text: str, *, user: str, team: str | None = None) -> str:
    body = payloads.slash_command("/supervision", text, user=user, **({"team": team} if team else {}))
    status, answer = app.post(body)
    assert status == 200
    return visible_text(answer)


def test_a_member_sees_neither_the_digest_nor_the_groups_settings(
    running_app: RunningApp, fake_slack: FakeSlackWebAPI
) -> None:
    _group, cycle_id = setup_group(running_app)
    for user in ("U0000001", "U0000002", "U0000003"):
        submit(running_app, cycle_id, user=user, agenda="A private item about fees")
    assert "Answered" in ask(running_app, "digest", user=SUPERVISOR), "the supervisor's preview works"
    for words in ("digest", "schedule", "schedule retention 7", "snooze <@U0000002> 2w", "holiday list"):
        text = ask(running_app, words, user="U0000001")
        assert "Only this group's supervisors" in text, words
        for secret in ("Retention", "Bond", "fees", "Answered:", "Reminders"):
            assert secret not in text, (words, secret)
    status_text = ask(running_app, "status", user="U0000001")
    assert "failed deliveries" not in status_text.lower(), "delivery failures name people: supervisors only"
    assert fake_slack.dm_counts().get("U0000001", 0) == 1, "only the check-in DM, no digest"


def test_one_workspace_never_sees_anothers_groups_answers_or_switches(
    running_app: RunningApp, fake_slack: FakeSlackWebAPI
) -> None:
    group, cycle_id = setup_group(running_app)
    submit(running_app, cycle_id, user="U0000001")
    # the same user ids, in another workspace
    for words in ("status", "digest", "schedule", "members remove <@U0000001>"):
        text = ask(running_app, words, user=SUPERVISOR, team=OTHER)
        assert "not in a supervision group" in text and "Tuesday group" not in text, words
    _, body = running_app.post(payloads.slash_command("/checkin", "", user="U0000001", team=OTHER))
    assert "not a member" in visible_text(body)
    _, reply = submit_elsewhere(running_app, cycle_id)
    assert "not yours" in json.dumps(reply), "a cycle id from another workspace is refused"
    status, _ = running_app.post(
        payloads.block_action("checkin.snooze", "2w", user="U0000001", team=OTHER, view=HOME_VIEW)
    )
    assert status == 200
    fake_slack.wait_for("views.publish", 1)
    info = runtime(running_app).groups.by_id(group.id)
    assert info.member("U0000001").snoozed_until is None  # type: ignore[union-attr]
    assert len(info.members) == 3
    runtime(running_app).jobs.clock = lambda: dt.datetime(2026, 11, 24, 12, 0)
    assert "1 of 3" in ask(running_app, "status", user=SUPERVISOR), "this workspace still sees its own"


def submit_elsewhere(app: RunningApp, cycle_id: int) -> tuple[int, dict[str, object]]:
    values = {
        "bond": {"type": "static_select", "selected_option": {"value": "3"}},
        "goals": {"type": "static_select", "selected_option": {"value": "3"}},
        "tasks": {"type": "static_select", "selected_option": {"value": "3"}},
    }
    status, body = app.post(
        payloads.view_submission(
            "checkin.submit", values, metadata=str(cycle_id), user="U0000002", team=OTHER
        )
    )
    return status, json.loads(body) if body else {}
