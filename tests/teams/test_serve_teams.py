"""`supervision-bot serve --platform teams` as a real process, logging at DEBUG without user text."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip(
    "microsoft_agents.hosting.core", reason="needs the [teams] extra: pip install -e '.[teams]'"
)

from bot.cli import build_parser
from bot.config import ConfigError, Settings
from bot.serve import serve
from storage.crypto import new_key
from tests.bot.test_serve_process import free_port
from tests.fakes.bot_connector import FakeBotConnector, card_text, cards
from tests.teams.conftest import BOT, PEOPLE, TEAMS_ENV, TENANT, personal_conversation

SECRET_WORDS = ("Oluwaseun", "scarf she knitted", "Springfield")


def test_the_platform_flag_defaults_to_slack() -> None:
    assert build_parser().parse_args(["serve"]).platform == "slack"
    assert build_parser().parse_args(["serve", "--platform", "teams"]).platform == "teams"


def test_teams_settings_are_read_under_the_sdks_and_the_bot_frameworks_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CONNECTIONS__SERVICE_CONNECTION__SETTINGS__CLIENTID", "app-id")
    monkeypatch.setenv("MicrosoftAppPassword", "pa55-w0rd-xyz")
    monkeypatch.setenv("MicrosoftAppTenantId", TENANT)
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.teams_app_id == "app-id" and settings.teams_tenant_id == TENANT
    assert settings.teams_app_password is not None and "pa55-w0rd-xyz" not in repr(settings)
    settings.require_teams()


def test_serving_teams_without_credentials_names_the_missing_variables(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, data_dir=tmp_path / "data")  # type: ignore[call-arg]
    with pytest.raises(ConfigError, match="CONNECTIONS__SERVICE_CONNECTION__SETTINGS__CLIENTID"):
        serve(settings, host="127.0.0.1", port=0, platform="teams")
    assert not (tmp_path / "data").exists(), "nothing starts before the configuration is checked"


@pytest.fixture
def teams_process(tmp_path: Path, database_url: str) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    port = free_port()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.upper().startswith((*TEAMS_ENV, "SLACK_", "DATABASE_URL", "ENCRYPTION"))
    }
    env.update(
        {
            "TEAMS_ALLOW_ANONYMOUS": "true",
            "DATABASE_URL": database_url,
            "ENCRYPTION_KEYS": new_key(),
            "LOG_LEVEL": "DEBUG",
            "DATA_DIR": str(tmp_path / "data"),
            "SCHEDULER_ENABLED": "false",
        }
    )
    script = Path(sys.executable).with_name("supervision-bot")
    process = subprocess.Popen(
        [str(script), "serve", "--platform", "teams", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=1) as response:
                if response.status == 200:
                    break
        except OSError:
            if process.poll() is not None:
                raise AssertionError(process.stdout.read() if process.stdout else "serve exited") from None
            time.sleep(0.2)
    yield base, process
    if process.poll() is None:
        process.kill()
        process.wait(timeout=10)


def test_serve_teams_answers_over_http_and_logs_no_user_text(
    teams_process: tuple[str, subprocess.Popen[str]], connector: FakeBotConnector
) -> None:
    base, process = teams_process
    channel_user, aad = PEOPLE["alex"]
    activity = {
        "type": "message",
        "id": "m1",
        "channelId": "msteams",
        "serviceUrl": connector.url,
        "from": {"id": channel_user, "aadObjectId": aad, "name": "Alex"},
        "recipient": {"id": BOT},
        "conversation": {
            "id": personal_conversation("alex"),
            "conversationType": "personal",
            "tenantId": TENANT,
        },
        "text": "boundary Oluwaseun from Springfield gave me a scarf she knitted",
    }
    request = urllib.request.Request(
        base + "/api/messages",
        data=json.dumps(activity).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 202
    (sent,) = connector.messages(personal_conversation("alex"))
    assert "gift" in card_text(cards(sent)[0]).lower()

    process.send_signal(signal.SIGTERM)
    output, _ = process.communicate(timeout=20)
    assert "answered for user" in output, "the process logged its outcome"
    for word in SECRET_WORDS:
        assert word not in output, f"{word!r} leaked into the logs"
