"""Fixtures only (helpers live in tests/fakes): settings, services, the fake Slack, the running app."""

from __future__ import annotations

import logging
import os
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text
from waitress.server import create_server

from bot.config import Settings
from bot.http import build_wsgi_app, waitress_backlog
from bot.slack.deferral import Deferral
from bot.wiring import Services, build_services, build_slack_app
from storage.crypto import new_key
from tests.fakes.signing import signed_headers
from tests.fakes.slack_web_api import FakeSlackWebAPI

SIGNING_SECRET = "test-signing-secret"
BOT_TOKEN = "xoxb-test-token"
ENV_PREFIXES = (
    "SLACK_",
    "DATABASE_URL",
    "ENCRYPTION_KEYS",
    "PSEUDONYM_KEY",
    "HOST",
    "PORT",
    "DATA_DIR",
    "LOG_LEVEL",
)


@pytest.fixture(autouse=True)
def isolated_logging() -> Iterator[None]:
    """Put the root logger back as it was after each test.

    ``cli.main`` calls ``configure_logging``, which points the root logger at the stderr of the
    test that ran it; once pytest closes that stream, a record from a later test, or from work
    that finishes after its acknowledgement, was written to a closed file ("Logging error").
    """
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's real tokens must never reach a test (bolt-python's tests/utils.py idea)."""
    for name in list(os.environ):
        if name.startswith(ENV_PREFIXES) and name != "TEST_DATABASE_URL":
            monkeypatch.delenv(name, raising=False)


@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    """SQLite in a temp folder; PostgreSQL (emptied first) when TEST_DATABASE_URL is set."""
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        yield f"sqlite:///{tmp_path / 'bot.db'}"
        return
    from storage.db import make_engine

    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    yield url


@pytest.fixture
def fake_slack() -> Iterator[FakeSlackWebAPI]:
    """The fake Web API on 127.0.0.1, a free port."""
    fake = FakeSlackWebAPI().start()
    yield fake
    fake.stop()


@pytest.fixture
def settings(tmp_path: Path, database_url: str, fake_slack: FakeSlackWebAPI) -> Settings:
    """Single-workspace token mode against the fake Web API; keys generated per test."""
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        slack_bot_token=BOT_TOKEN,  # type: ignore[arg-type]
        slack_signing_secret=SIGNING_SECRET,  # type: ignore[arg-type]
        slack_api_url=fake_slack.base_url,
        database_url=database_url,
        data_dir=tmp_path / "data",
        encryption_keys=new_key(),  # type: ignore[arg-type]
        pseudonym_key="a-test-pseudonym-key-of-enough-length",  # type: ignore[arg-type]
        scheduler_enabled=False,
    )


@pytest.fixture
def services(settings: Settings) -> Iterator[Services]:
    """Everything behind the adapters, on a migrated database."""
    built = build_services(settings)
    yield built
    built.close()


@dataclass
class RunningApp:
    """The real app serving HTTP on 127.0.0.1, and a way to send it signed requests."""

    base_url: str
    services: Services
    secret: str = SIGNING_SECRET

    def post(
        self,
        body: str,
        *,
        content_type: str = "application/x-www-form-urlencoded",
        timestamp: int | None = None,
        signature: str | None = None,
        path: str = "/slack/events",
    ) -> tuple[int, str]:
        """POST a body signed as Slack signs it; returns (status, body text)."""
        headers = signed_headers(body, self.secret, timestamp=timestamp, content_type=content_type)
        if signature is not None:
            headers["x-slack-signature"] = signature
        request = urllib.request.Request(
            self.base_url + path, data=body.encode(), headers=headers, method="POST"
        )
        return self._open(request)

    def get(self, path: str, *, headers: dict[str, str] | None = None) -> tuple[int, str]:
        """GET a path."""
        return self._open(urllib.request.Request(self.base_url + path, headers=headers or {}))

    @staticmethod
    def _open(request: urllib.request.Request) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


def _run_until_closed(server: object) -> None:
    """Waitress's loop raises when its socket is closed under it at teardown; that is the stop."""
    try:
        server.run()  # type: ignore[attr-defined]
    except (OSError, ValueError):
        pass


def start_http(
    settings: Settings, services: Services, *, deferral: Deferral | None = None
) -> tuple[str, threading.Thread, object]:
    """Serve the Bolt app with waitress on a free loopback port in a thread.

    With ``deferral``, as ``serve`` runs it: the gauge watches waitress's backlog.
    """
    app = build_slack_app(settings, services, deferral=deferral)
    gauge = deferral.gauge if deferral is not None else None
    wsgi = build_wsgi_app(app, health=services.db.ping, gauge=gauge)
    server = create_server(wsgi, host="127.0.0.1", port=0, threads=8)
    if gauge is not None:
        gauge.watch(waitress_backlog(server))
    thread = threading.Thread(target=_run_until_closed, args=(server,), daemon=True)
    thread.start()
    return f"http://127.0.0.1:{server.effective_port}", thread, server  # type: ignore[union-attr]


@pytest.fixture
def running_app(settings: Settings, services: Services) -> Iterator[RunningApp]:
    """The app over real HTTP, against the fake Web API."""
    base_url, _thread, server = start_http(settings, services)
    yield RunningApp(base_url=base_url, services=services)
    server.close()  # type: ignore[attr-defined]
