"""Uninstall, grace, purge and reinstall, over signed HTTP in token and OAuth mode, plus retention."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterator

import pytest
from pydantic import SecretStr
from sqlalchemy import func, select

from bot.config import Settings
from bot.wiring import Services, build_services
from commands.checkin import AnswerInput
from commands.groups import NewGroup
from commands.schedule import parse_weekly
from commands.types import Actor
from storage.lifecycle import WorkspaceLifecycleRepository
from storage.models import (
    AgendaItem,
    BoundaryAsk,
    CheckinAnswer,
    Cycle,
    Delivery,
    Group,
    GroupMember,
    Holiday,
    PromptView,
    Reflection,
)
from tests.bot.test_checkin_http import runtime, setup_group, submit
from tests.conftest import RunningApp, start_http
from tests.fakes import payloads
from tests.fakes.slack_web_api import TEAM_ID, FakeSlackWebAPI

OTHER = "T0OTHER1"
OAUTH_TEAM = "T0OAUTH01"
CONTENT = (Group, GroupMember, Holiday, Cycle, Delivery, CheckinAnswer, Reflection, AgendaItem, BoundaryAsk)


def lifecycle(services: Services) -> WorkspaceLifecycleRepository:
    assert services.runtime is not None and services.runtime.lifecycle is not None
    return services.runtime.lifecycle


def seed_workspace(services: Services, workspace: str, *, group: str) -> None:
    """A group with a holiday, and every kind of content a member leaves behind."""
    rt = services.runtime
    assert rt is not None
    rt.groups.create(
        NewGroup(
            workspace_id=workspace,
            name=group,
            members=("U0000001", "U0000002"),
            supervisors=("U0000009",),
            checkin=parse_weekly("MON 09:00"),
            digest=parse_weekly("FRI 16:00"),
            timezone="Europe/London",
            created_by="test",
        )
    )
    info = rt.groups.by_name(workspace_id=workspace, name=group)
    rt.groups.add_holiday(info.id, dt.date(2026, 12, 25), "closed")
    actor = Actor(workspace_id=workspace, user_id="U0000001")
    services.journal.save(actor=actor, text="A reflection about a rupture.", theme="rupture", prompt_id=None)
    services.journal.mark_prompt_seen(actor=actor, prompt_id="rupture-1")
    services.agenda.add(actor=actor, text="An item for supervision.", source="boundary", category="gifts")
    services.boundary_log.record_ask(actor=actor, category="gifts")


def counts(services: Services, workspace: str) -> dict[str, int]:
    """Rows belonging to one workspace, by table."""
    with services.db.session() as session:
        groups = list(session.scalars(select(Group.id).where(Group.workspace_id == workspace)))
        cycles = list(session.scalars(select(Cycle.id).where(Cycle.group_id.in_(groups))))
        found = {
            "groups": len(groups),
            "members": session.scalar(
                select(func.count()).select_from(GroupMember).where(GroupMember.group_id.in_(groups))
            ),
            "holidays": session.scalar(
                select(func.count()).select_from(Holiday).where(Holiday.group_id.in_(groups))
            ),
            "cycles": len(cycles),
            "deliveries": session.scalar(
                select(func.count()).select_from(Delivery).where(Delivery.cycle_id.in_(cycles))
            ),
            "answers": session.scalar(
                select(func.count()).select_from(CheckinAnswer).where(CheckinAnswer.cycle_id.in_(cycles))
            ),
            "reflections": session.scalar(
                select(func.count()).select_from(Reflection).where(Reflection.workspace_id == workspace)
            ),
            "agenda": session.scalar(
                select(func.count()).select_from(AgendaItem).where(AgendaItem.workspace_id == workspace)
            ),
            "boundary": session.scalar(
                select(func.count()).select_from(BoundaryAsk).where(BoundaryAsk.workspace_id == workspace)
            ),
            "prompt_views": session.scalar(
                select(func.count()).select_from(PromptView).where(PromptView.workspace_id == workspace)
            ),
        }
    return {name: int(value or 0) for name, value in found.items()}


def post_event(app: RunningApp, event: dict[str, object], *, team: str = TEAM_ID) -> None:
    status, _ = app.post(payloads.event(event, team=team), content_type="application/json")
    assert status == 200


def wait_pending(services: Services, workspace: str) -> None:
    deadline = time.monotonic() + 5
    while lifecycle(services).pending(workspace_id=workspace) is None and time.monotonic() < deadline:
        time.sleep(0.02)


def test_token_mode_uninstall_keeps_data_for_the_grace_then_purges_only_that_workspace(
    running_app: RunningApp, fake_slack: FakeSlackWebAPI
) -> None:
    services = running_app.services
    _group, cycle_id = setup_group(running_app)  # a cycle, deliveries and an answer in TEAM_ID
    submit(running_app, cycle_id, user="U0000001", agenda="Talk about fees")
    seed_workspace(services, TEAM_ID, group="Second group")
    seed_workspace(services, OTHER, group="Elsewhere")
    rt = runtime(running_app)
    elsewhere = rt.groups.by_name(workspace_id=OTHER, name="Elsewhere")
    rt.jobs.open_cycle(elsewhere)
    other_cycle = rt.checkins.cycles(group_id=elsewhere.id, limit=1)[0]
    rt.checkins.save_answer(
        cycle_id=other_cycle.id,
        author=services.pseudonyms.author(OTHER, "U0000001"),
        answer=AnswerInput(4, 4, 4, None, "Fine.", "", False, None),
        now=rt.jobs.clock(),
    )
    before, other_before = counts(services, TEAM_ID), counts(services, OTHER)
    assert all(before.values()) and all(other_before.values())

    uninstalled_at = rt.jobs.clock()
    post_event(running_app, {"type": "app_uninstalled"})
    wait_pending(services, TEAM_ID)
    pending = lifecycle(services).pending(workspace_id=TEAM_ID)
    assert pending is not None and pending.event == "app_uninstalled"
    assert pending.purge_after == uninstalled_at + dt.timedelta(days=30), (
        "UNINSTALL_GRACE_DAYS defaults to 30"
    )

    fake_slack.answer_error("auth.test", "invalid_auth")  # Slack revoked the token with the uninstall
    rt.jobs.clock = lambda: uninstalled_at + dt.timedelta(days=29, hours=23)
    rt.jobs.purge()
    assert counts(services, TEAM_ID) == before, "nothing goes during the grace"

    rt.jobs.clock = lambda: uninstalled_at + dt.timedelta(days=30, minutes=1)
    rt.jobs.purge()
    assert counts(services, TEAM_ID) == dict.fromkeys(before, 0)
    assert counts(services, OTHER) == other_before, "another workspace is untouched"
    with services.db.session() as session:
        assert session.scalar(select(func.count()).select_from(PromptView)) == 1, "only OTHER's view is left"
    done = lifecycle(services).pending(workspace_id=TEAM_ID)
    assert done is not None and done.purged_at is not None
    assert rt.jobs.purge() == 0, "a second run finds nothing to do"


def test_token_mode_reinstall_within_the_grace_cancels_the_deletion(
    running_app: RunningApp, fake_slack: FakeSlackWebAPI
) -> None:
    services = running_app.services
    seed_workspace(services, TEAM_ID, group="Kept group")
    before = counts(services, TEAM_ID)
    rt = runtime(running_app)
    post_event(running_app, {"type": "app_uninstalled"})
    wait_pending(services, TEAM_ID)
    fake_slack.fail_next("auth.test", 500, 500, 500, 500)  # Slack can't say: wait, don't guess
    rt.jobs.clock = lambda: dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(days=31)
    rt.jobs.purge()
    assert counts(services, TEAM_ID) == before
    assert lifecycle(services).pending(workspace_id=TEAM_ID) is not None
    rt.jobs.purge()  # the token works again (the operator reinstalled and restarted with it)
    assert counts(services, TEAM_ID) == before
    assert lifecycle(services).pending(workspace_id=TEAM_ID) is None


def test_tokens_revoked_counts_only_for_the_bot_token(running_app: RunningApp) -> None:
    services = running_app.services
    post_event(running_app, {"type": "tokens_revoked", "tokens": {"oauth": ["U0000001"], "bot": []}})
    post_event(running_app, {"type": "app_home_opened", "user": "U0000001", "tab": "home"})
    time.sleep(0.3)
    assert lifecycle(services).pending(workspace_id=TEAM_ID) is None
    post_event(running_app, {"type": "tokens_revoked", "tokens": {"oauth": [], "bot": ["UBOT0001"]}})
    wait_pending(services, TEAM_ID)
    first = lifecycle(services).pending(workspace_id=TEAM_ID)
    assert first is not None and first.event == "tokens_revoked"
    runtime(running_app).jobs.clock = lambda: first.uninstalled_at + dt.timedelta(days=3)
    post_event(running_app, {"type": "app_uninstalled"})
    time.sleep(0.3)
    assert lifecycle(services).pending(workspace_id=TEAM_ID) == first, "a later event never postpones"


def test_the_grace_period_comes_from_settings(settings: Settings, fake_slack: FakeSlackWebAPI) -> None:
    short = settings.model_copy(update={"uninstall_grace_days": 7})
    services = build_services(short)
    base_url, _thread, server = start_http(short, services)
    try:
        app = RunningApp(base_url=base_url, services=services)
        post_event(app, {"type": "app_uninstalled"})
        wait_pending(services, TEAM_ID)
        pending = lifecycle(services).pending(workspace_id=TEAM_ID)
        assert pending is not None and pending.purge_after - pending.uninstalled_at == dt.timedelta(days=7)
    finally:
        server.close()  # type: ignore[attr-defined]
        services.close()


@pytest.fixture
def oauth_app(settings: Settings) -> Iterator[RunningApp]:
    oauth_settings = settings.model_copy(
        update={
            "slack_bot_token": None,
            "slack_client_id": "111.222",
            "slack_client_secret": SecretStr("client-secret"),
        }
    )
    services = build_services(oauth_settings)
    base_url, _thread, server = start_http(oauth_settings, services)
    yield RunningApp(base_url=base_url, services=services)
    server.close()  # type: ignore[attr-defined]
    services.close()


def install(app: RunningApp) -> None:
    _, page = app.get("/slack/install")
    state = re.search(r"state=([\w-]+)", page).group(1)  # type: ignore[union-attr]
    status, _ = app.get(
        f"/slack/oauth_redirect?code=c&state={state}", headers={"Cookie": f"slack-app-oauth-state={state}"}
    )
    assert status == 200


def test_oauth_uninstall_removes_tokens_now_and_data_later_and_a_reinstall_cancels(
    oauth_app: RunningApp, fake_slack: FakeSlackWebAPI
) -> None:
    services = oauth_app.services
    install(oauth_app)
    seed_workspace(services, OAUTH_TEAM, group="OAuth group")
    before = counts(services, OAUTH_TEAM)
    post_event(oauth_app, {"type": "app_uninstalled"}, team=OAUTH_TEAM)
    wait_pending(services, OAUTH_TEAM)
    assert lifecycle(services).pending(workspace_id=OAUTH_TEAM) is not None
    assert services.runtime is not None
    clients = services.runtime.jobs.clients
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            clients.for_workspace(OAUTH_TEAM)
        except LookupError:
            break
        time.sleep(0.05)
    with pytest.raises(LookupError):
        clients.for_workspace(OAUTH_TEAM)  # Bolt's revocation listener deleted the tokens

    install(oauth_app)  # reinstalled within the grace
    assert lifecycle(services).pending(workspace_id=OAUTH_TEAM) is None
    services.runtime.jobs.clock = lambda: dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(days=40)
    services.runtime.jobs.purge()
    assert counts(services, OAUTH_TEAM) == before

    post_event(oauth_app, {"type": "app_uninstalled"}, team=OAUTH_TEAM)  # and gone for good this time
    wait_pending(services, OAUTH_TEAM)
    services.runtime.jobs.clock = lambda: dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(days=80)
    services.runtime.jobs.purge()
    assert counts(services, OAUTH_TEAM) == dict.fromkeys(before, 0)
