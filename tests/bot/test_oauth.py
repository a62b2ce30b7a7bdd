"""Multi-workspace installs: the OAuth state round-trips through the database and tokens are stored."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from pydantic import SecretStr
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore

from bot.config import Settings
from bot.wiring import build_services
from storage.models import SLACK_BOTS_TABLE, SLACK_INSTALLATIONS_TABLE
from tests.conftest import RunningApp, start_http
from tests.fakes import payloads
from tests.fakes.slack_web_api import FakeSlackWebAPI


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


def test_install_round_trips_state_through_the_database(
    oauth_app: RunningApp, fake_slack: FakeSlackWebAPI
) -> None:
    status, page = oauth_app.get("/slack/install")
    assert status == 200
    state = re.search(r"state=([\w-]+)", page)
    assert state, "the install page links to Slack with a state parameter"
    status, _ = oauth_app.get(
        f"/slack/oauth_redirect?code=the-code&state={state.group(1)}",
        headers={"Cookie": f"slack-app-oauth-state={state.group(1)}"},
    )
    assert status == 200
    assert len(fake_slack.calls_to("oauth.v2.access")) == 1
    store = SQLAlchemyInstallationStore(
        client_id="111.222",
        engine=oauth_app.services.db.engine,
        bots_table_name=SLACK_BOTS_TABLE,
        installations_table_name=SLACK_INSTALLATIONS_TABLE,
    )
    bot = store.find_bot(enterprise_id=None, team_id="T0OAUTH01")
    assert bot is not None and bot.bot_token == "xoxb-installed-token"


def test_a_reused_state_is_refused(oauth_app: RunningApp, fake_slack: FakeSlackWebAPI) -> None:
    _, page = oauth_app.get("/slack/install")
    state = re.search(r"state=([\w-]+)", page).group(1)  # type: ignore[union-attr]
    cookie = {"Cookie": f"slack-app-oauth-state={state}"}
    assert oauth_app.get(f"/slack/oauth_redirect?code=c&state={state}", headers=cookie)[0] == 200
    status, _ = oauth_app.get(f"/slack/oauth_redirect?code=c&state={state}", headers=cookie)
    assert status >= 400
    assert len(fake_slack.calls_to("oauth.v2.access")) == 1


def test_installed_workspace_commands_are_authorized_from_the_store(
    oauth_app: RunningApp, fake_slack: FakeSlackWebAPI
) -> None:
    _, page = oauth_app.get("/slack/install")
    state = re.search(r"state=([\w-]+)", page).group(1)  # type: ignore[union-attr]
    oauth_app.get(
        f"/slack/oauth_redirect?code=c&state={state}", headers={"Cookie": f"slack-app-oauth-state={state}"}
    )
    status, body = oauth_app.post(
        payloads.slash_command("/boundary", "a client gave me a gift", team="T0OAUTH01")
    )
    assert status == 200 and "ACA" in body


def test_uninstall_deletes_the_stored_tokens(oauth_app: RunningApp, fake_slack: FakeSlackWebAPI) -> None:
    _, page = oauth_app.get("/slack/install")
    state = re.search(r"state=([\w-]+)", page).group(1)  # type: ignore[union-attr]
    oauth_app.get(
        f"/slack/oauth_redirect?code=c&state={state}", headers={"Cookie": f"slack-app-oauth-state={state}"}
    )
    status, _ = oauth_app.post(
        payloads.event({"type": "app_uninstalled"}, team="T0OAUTH01"), content_type="application/json"
    )
    assert status == 200
    store = SQLAlchemyInstallationStore(
        client_id="111.222",
        engine=oauth_app.services.db.engine,
        bots_table_name=SLACK_BOTS_TABLE,
        installations_table_name=SLACK_INSTALLATIONS_TABLE,
    )
    import time

    deadline = time.monotonic() + 5
    while store.find_bot(enterprise_id=None, team_id="T0OAUTH01") is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert store.find_bot(enterprise_id=None, team_id="T0OAUTH01") is None
