"""Fixtures for the Teams adapter: the fake Bot Connector, Teams settings, the app over real HTTP.

The app runs in-process on 127.0.0.1 with ``teams_allow_anonymous`` (the SDK's JWT check lets a
request without a token through, and no Entra token is fetched for replies); every activity's
``serviceUrl`` is the fake Bot Connector, so the SDK's real reply path runs without a network.
Tests that need the SDK skip, with the reason, when the ``[teams]`` extra is not installed.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pytest

from bot.config import Settings
from bot.teams import ids
from bot.wiring import Services, build_services

if TYPE_CHECKING:
    from tests.fakes.bot_connector import FakeBotConnector

SDK_MISSING = "needs the [teams] extra: pip install -e '.[teams]'"
TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"
WORKSPACE = ids.workspace_id(TENANT)
BOT = "28:supervision-bot"
PEOPLE = {
    "alex": ("29:alex", "00000000-0000-4000-8000-00000000000a"),
    "bea": ("29:bea", "00000000-0000-4000-8000-00000000000b"),
    "sam": ("29:sam", "00000000-0000-4000-8000-00000000000c"),
}
TEAMS_ENV = ("CONNECTIONS__", "MICROSOFTAPP", "TEAMS_")


def user(name: str) -> str:
    """The bot's user id for a test person."""
    return ids.user_id(PEOPLE[name][1])


def personal_conversation(name: str) -> str:
    """The 1:1 chat id of a test person."""
    return f"a:1on1-{name}"


@pytest.fixture(autouse=True)
def clean_teams_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's real Entra app must never reach a test."""
    for name in list(os.environ):
        if name.upper().startswith(TEAMS_ENV):
            monkeypatch.delenv(name, raising=False)


@pytest.fixture
def connector() -> Iterator[FakeBotConnector]:
    """The fake Bot Connector on a free loopback port."""
    pytest.importorskip("aiohttp", reason=SDK_MISSING)
    from tests.fakes.bot_connector import FakeBotConnector

    fake = FakeBotConnector().start()
    yield fake
    fake.stop()


@pytest.fixture
def teams_settings(settings: Settings) -> Settings:
    """The shared test settings, plus Teams in its local anonymous mode."""
    return settings.model_copy(update={"teams_allow_anonymous": True})


@pytest.fixture
def teams_services(teams_settings: Settings) -> Iterator[Services]:
    """Services whose jobs can send to Teams (the messenger routes Teams workspaces there)."""
    built = build_services(teams_settings)
    yield built
    assert built.runtime is not None
    closer = getattr(built.runtime.jobs.messenger, "close", None)
    if callable(closer):
        closer()
    built.close()


@dataclass
class TeamsApp:
    """The Teams app serving HTTP on 127.0.0.1, and helpers to talk to it as Teams does."""

    base_url: str
    services: Services
    connector: FakeBotConnector
    _ids: Any = field(default_factory=lambda: itertools.count(1))

    def activity(
        self,
        *,
        who: str = "alex",
        text: str | None = None,
        value: dict[str, Any] | None = None,
        kind: str = "message",
        scope: str = "personal",
        **extra: Any,
    ) -> dict[str, Any]:
        """An activity as Teams sends it: from a test person, in their 1:1 chat or a channel."""
        channel_user, aad = PEOPLE[who]
        conversation: dict[str, Any]
        if scope == "personal":
            conversation = {
                "id": personal_conversation(who),
                "conversationType": "personal",
                "tenantId": TENANT,
            }
        else:
            conversation = {
                "id": "19:general@thread.tacv2;messageid=1700000000000",
                "conversationType": "channel",
                "tenantId": TENANT,
                "isGroup": True,
            }
        body: dict[str, Any] = {
            "type": kind,
            "id": f"incoming-{next(self._ids)}",
            "channelId": "msteams",
            "serviceUrl": self.connector.url,
            "from": {"id": channel_user, "aadObjectId": aad, "name": who.title()},
            "recipient": {"id": BOT, "name": "Supervision"},
            "conversation": conversation,
            "channelData": {"tenant": {"id": TENANT}},
            "localTimezone": "America/New_York",
            "locale": "en-US",
        }
        if text is not None:
            body["text"] = text
        if value is not None:
            body["value"] = value
        body.update(extra)
        return body

    def post(self, activity: dict[str, Any], *, headers: dict[str, str] | None = None) -> tuple[int, str]:
        """POST an activity to /api/messages; returns (status, body)."""
        request = urllib.request.Request(
            self.base_url + "/api/messages",
            data=json.dumps(activity).encode(),
            headers={"Content-Type": "application/json", **(headers or {})},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def say(self, text: str, **kwargs: Any) -> tuple[int, str]:
        """A person types a message."""
        return self.post(self.activity(text=text, **kwargs))


def _serve(web_app: Any) -> tuple[str, asyncio.AbstractEventLoop, threading.Thread, Any]:
    from aiohttp import web

    loop = asyncio.new_event_loop()
    started = threading.Event()
    holder: dict[str, Any] = {}

    async def start() -> None:
        runner = web.AppRunner(web_app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        holder["runner"] = runner
        holder["port"] = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    def run() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(start())
        started.set()
        loop.run_forever()

    thread = threading.Thread(target=run, name="teams-app", daemon=True)
    thread.start()
    if not started.wait(10):
        raise RuntimeError("the Teams app did not start")
    return f"http://127.0.0.1:{holder['port']}", loop, thread, holder["runner"]


@pytest.fixture
def teams_app(
    teams_settings: Settings, teams_services: Services, connector: FakeBotConnector
) -> Iterator[TeamsApp]:
    """The real Teams app (AgentApplication, JWT decorator, aiohttp) over HTTP."""
    pytest.importorskip("microsoft_agents.hosting.core", reason=SDK_MISSING)
    from bot.teams.app import build_teams_bot, build_web_app

    bot = build_teams_bot(teams_settings, router=teams_services.router, db=teams_services.db)
    base_url, loop, thread, runner = _serve(build_web_app(bot, health=teams_services.db.ping))
    yield TeamsApp(base_url=base_url, services=teams_services, connector=connector)
    asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(10)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(10)
