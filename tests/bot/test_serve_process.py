"""`supervision-bot serve` as a real process: signed requests over HTTP, and logs at DEBUG that
never contain what users wrote."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from storage.crypto import new_key
from tests.conftest import SIGNING_SECRET, RunningApp
from tests.fakes import payloads
from tests.fakes.slack_web_api import FakeSlackWebAPI

SECRET_WORDS = ("Oluwaseun", "scarf she knitted", "Springfield", "ruminating about the rupture")


@dataclass
class ServeProcess:
    app: RunningApp
    process: subprocess.Popen[str]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def serve_process(tmp_path: Path, fake_slack: FakeSlackWebAPI, database_url: str) -> Iterator[ServeProcess]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE_URL", "ENCRYPTION"))}
    env.update(
        {
            "SLACK_BOT_TOKEN": "xoxb-process",
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": fake_slack.base_url,
            "DATABASE_URL": database_url,
            "ENCRYPTION_KEYS": new_key(),
            "LOG_LEVEL": "DEBUG",
            "DATA_DIR": str(tmp_path / "data"),
            "SCHEDULER_ENABLED": "false",
        }
    )
    script = Path(sys.executable).with_name("supervision-bot")
    process = subprocess.Popen(
        [str(script), "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=1) as response:
                if response.status == 200:
                    break
        except OSError:
            if process.poll() is not None:
                raise AssertionError(process.stdout.read() if process.stdout else "serve exited") from None
            time.sleep(0.2)
    yield ServeProcess(app=RunningApp(base_url=base, services=None), process=process)  # type: ignore[arg-type]
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def test_serve_answers_signed_commands_and_logs_no_user_text(
    serve_process: ServeProcess, fake_slack: FakeSlackWebAPI
) -> None:
    app = serve_process.app
    started = time.perf_counter()
    status, body = app.post(payloads.slash_command("/boundary", "Oluwaseun gave me a scarf she knitted"))
    assert status == 200 and "ACA" in body
    assert time.perf_counter() - started < 3
    status, _ = app.post(payloads.slash_command("/reflect", "rupture"))
    assert status == 200
    submit = payloads.view_submission(
        "reflect.compose", {"text": "I keep ruminating about the rupture with my client from Springfield"}
    )
    status, preview = app.post(submit)
    assert status == 200 and json.loads(preview)["response_action"] == "update"
    stored = json.loads(preview)["view"]["blocks"][-1]["element"]["initial_value"]
    status, saved = app.post(payloads.view_submission("reflect.confirm", {"text": stored}))
    assert status == 200 and "Saved" in saved
    assert app.post(payloads.slash_command("/boundary", "x"), signature="v0=" + "0" * 64)[0] == 401

    serve_process.process.send_signal(signal.SIGTERM)
    output, _ = serve_process.process.communicate(timeout=15)
    assert "answered for user" in output, "the process logged its outcomes"
    for word in SECRET_WORDS:
        assert word not in output, f"{word!r} leaked into the logs"
