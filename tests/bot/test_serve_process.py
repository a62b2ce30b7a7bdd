"""`supervision-bot serve` as a real process: signed requests over HTTP, and logs at DEBUG that
never contain what users wrote."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
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


def test_a_burst_then_sigterm_still_answers_every_acknowledged_dilemma(
    serve_process: ServeProcess, fake_slack: FakeSlackWebAPI
) -> None:
    """The answers that follow an acknowledgement are delivered before the process exits."""
    from concurrent.futures import ThreadPoolExecutor

    from bot.slack.deferral import ANSWER_FOLLOWS

    app = serve_process.app
    process = serve_process.process
    assert process.stdout is not None
    lines: list[str] = []
    # at DEBUG a burst logs more than a pipe holds: read it as it comes, or the server blocks
    reader = threading.Thread(target=lambda: lines.extend(process.stdout), daemon=True)  # type: ignore[arg-type]
    reader.start()

    def ask(index: int) -> dict[str, object]:
        body = payloads.slash_command(
            "/boundary",
            f"Oluwaseun gave me a scarf she knitted, number {index}",
            user=f"U{index:07d}",
            response_url=f"{fake_slack.response_url}?request={index}",
        )
        status, answer = app.post(body)
        assert status == 200
        reply: dict[str, object] = json.loads(answer)
        return reply

    with ThreadPoolExecutor(max_workers=80) as pool:
        acks = list(pool.map(ask, range(80)))
    process.send_signal(signal.SIGTERM)  # at once: some answers are still queued
    process.wait(timeout=30)
    reader.join(timeout=10)
    output = "".join(lines)
    deferred = {str(i) for i, ack in enumerate(acks) if ack.get("text") == ANSWER_FOLLOWS}
    assert deferred, "80 concurrent commands never overlapped"
    delivered = [str(c.params.get("request")) for c in fake_slack.calls_to("response_url")]
    assert sorted(delivered) == sorted(deferred)  # each once, none lost
    assert "answer follows" in output
    for word in SECRET_WORDS:
        assert word not in output, f"{word!r} leaked into the logs"
