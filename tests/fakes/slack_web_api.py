"""A fake Slack Web API on 127.0.0.1 (port 0) that records every call with its parameters.

Like bolt-python's ``tests/mock_web_api_server`` but it keeps bodies, binds a free port, and can be
scripted to answer 429 (with Retry-After) or 5xx for chosen methods, so tests can prove that
nothing is lost or sent twice.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

TEAM_ID = "T0TEST001"


@dataclass
class Call:
    """One request the fake received."""

    method: str
    params: dict[str, Any]
    token: str | None
    status: int


@dataclass
class Script:
    """Failures to inject: per method, a queue of statuses to answer before answering normally."""

    failures: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    every: dict[str, tuple[int, int]] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    errors: dict[str, str] = field(default_factory=dict)
    """method -> Slack error string answered with ok=false (HTTP 200)."""


class FakeSlackWebAPI:
    """Start with ``start()``; ``base_url`` is what SLACK_API_URL should be."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.script = Script()
        self.users: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.uploads: list[bytes] = []
        self.deactivated_users: set[str] = set()

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> FakeSlackWebAPI:
        """Bind 127.0.0.1 on a free port and serve in a daemon thread."""
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_args: Any) -> None:
                pass

            def do_GET(self) -> None:
                fake._serve(self)

            def do_POST(self) -> None:
                fake._serve(self)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Shut the server down."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    @property
    def port(self) -> int:
        assert self._server is not None
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    @property
    def response_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/response_url"

    # ------------------------------------------------------------------ scripting

    def fail_next(self, method: str, *statuses: int) -> None:
        """Answer the next calls of ``method`` with these HTTP statuses (429 carries Retry-After: 1)."""
        with self._lock:
            self.script.failures[method].extend(statuses)

    def fail_every(self, method: str, every: int, status: int = 429) -> None:
        """Answer every ``every``-th call of ``method`` with ``status``."""
        self.script.every[method] = (every, status)

    def answer_error(self, method: str, error: str) -> None:
        """Answer ``method`` with ``{"ok": false, "error": error}``."""
        self.script.errors[method] = error

    # ------------------------------------------------------------------ assertions

    def calls_to(self, method: str, *, delivered_only: bool = True) -> list[Call]:
        """Recorded calls of one method (by default only those answered 200)."""
        with self._lock:
            return [c for c in self.calls if c.method == method and (not delivered_only or c.status == 200)]

    def wait_for(self, method: str, count: int, *, timeout: float = 10.0) -> list[Call]:
        """Wait until ``count`` delivered calls of ``method`` arrived (listeners finish after the ack)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            calls = self.calls_to(method)
            if len(calls) >= count:
                return calls
            time.sleep(0.02)
        raise AssertionError(f"expected {count} call(s) to {method}, got {len(self.calls_to(method))}")

    def dm_counts(self, method: str = "chat.postMessage") -> dict[str, int]:
        """Delivered messages per user, resolving DM channel ids back to user ids."""
        counts: dict[str, int] = defaultdict(int)
        for call in self.calls_to(method):
            channel = str(call.params.get("channel", ""))
            user = "U" + channel[1:] if channel.startswith("D") else channel
            counts[user] += 1
        return dict(counts)

    def all_text(self) -> str:
        """Every parameter the fake ever received, as one string (for privacy assertions)."""
        with self._lock:
            return json.dumps([c.params for c in self.calls])

    # ------------------------------------------------------------------ serving

    def _serve(self, handler: BaseHTTPRequestHandler) -> None:
        parsed = urllib.parse.urlparse(handler.path)
        method = parsed.path.rstrip("/").split("/")[-1]
        length = int(handler.headers.get("content-length") or 0)
        raw = handler.rfile.read(length) if length else b""
        params = self._params(raw, handler.headers.get("content-type", ""), parsed.query)
        auth = handler.headers.get("authorization", "")
        token = auth.split()[-1] if auth else params.get("token")
        if parsed.path == "/upload":
            with self._lock:
                self.uploads.append(raw)
            self._send(handler, 200, {"ok": True})
            return
        status = self._scripted_status(method)
        with self._lock:
            self.calls.append(Call(method=method, params=params, token=token, status=status))
        if status != 200:
            headers = {"Retry-After": "1"} if status == 429 else {}
            self._send(
                handler,
                status,
                {"ok": False, "error": "ratelimited" if status == 429 else "fatal_error"},
                headers,
            )
            return
        self._send(handler, 200, self._answer(method, params))

    def _scripted_status(self, method: str) -> int:
        with self._lock:
            queue = self.script.failures.get(method)
            if queue:
                return queue.pop(0)
            if method in self.script.every:
                every, status = self.script.every[method]
                self.script.counters[method] += 1
                if self.script.counters[method] % every == 0:
                    return status
        return 200

    @staticmethod
    def _params(raw: bytes, content_type: str, query: str) -> dict[str, Any]:
        params: dict[str, Any] = {}
        if raw and "json" in content_type:
            try:
                params = json.loads(raw)
            except ValueError:
                params = {"_raw": raw.decode("utf-8", "replace")}
        elif raw and "multipart" not in content_type:
            params = {k: v[0] for k, v in urllib.parse.parse_qs(raw.decode("utf-8", "replace")).items()}
        params.update({k: v[0] for k, v in urllib.parse.parse_qs(query).items()})
        for key in ("view", "blocks"):
            if isinstance(params.get(key), str):
                try:
                    params[key] = json.loads(params[key])
                except ValueError:
                    pass
        return params

    def _answer(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        if method in self.script.errors:
            return {"ok": False, "error": self.script.errors[method]}
        answers: dict[str, Callable[[], dict[str, Any]]] = {
            "auth.test": lambda: {
                "ok": True,
                "url": "https://test.example/",
                "team": "Test",
                "user": "bot",
                "team_id": TEAM_ID,
                "user_id": "UBOT0001",
                "bot_id": "BBOT0001",
                "is_enterprise_install": False,
            },
            "conversations.open": lambda: self._open(params),
            "users.info": lambda: self._user(str(params.get("user", ""))),
            "conversations.members": lambda: {
                "ok": True,
                "members": ["U0000001", "U0000002", "U0000003"],
                "response_metadata": {"next_cursor": ""},
            },
            "files.getUploadURLExternal": lambda: {
                "ok": True,
                "upload_url": f"http://127.0.0.1:{self.port}/upload",
                "file_id": "F0000001",
            },
            "files.completeUploadExternal": lambda: {
                "ok": True,
                "files": [{"id": "F0000001", "title": "file"}],
            },
            "oauth.v2.access": lambda: {
                "ok": True,
                "app_id": "A0TEST001",
                "authed_user": {"id": "U0INSTALL"},
                "scope": "commands,chat:write",
                "token_type": "bot",
                "access_token": "xoxb-installed-token",
                "bot_user_id": "UBOT0001",
                "team": {"id": "T0OAUTH01", "name": "OAuth Team"},
                "enterprise": None,
                "is_enterprise_install": False,
            },
        }
        if method in answers:
            return answers[method]()
        if method in ("chat.postMessage", "chat.postEphemeral", "chat.update"):
            return {"ok": True, "channel": params.get("channel"), "ts": f"{time.time():.6f}"}
        if method.startswith("views."):
            view = params.get("view") if isinstance(params.get("view"), dict) else {}
            return {"ok": True, "view": {"id": "V0000001", **(view or {})}}
        return {"ok": True}

    def _open(self, params: dict[str, Any]) -> dict[str, Any]:
        user = str(params.get("users", "U0")).split(",")[0]
        if user in self.deactivated_users:
            return {"ok": False, "error": "user_disabled"}
        return {"ok": True, "channel": {"id": "D" + user[1:]}}

    def _user(self, user: str) -> dict[str, Any]:
        profile = {
            "id": user,
            "name": user.lower(),
            "tz": "America/New_York",
            "deleted": user in self.deactivated_users,
            "is_bot": False,
            "team_id": TEAM_ID,
        }
        profile.update(self.users.get(user, {}))
        return {"ok": True, "user": profile}

    @staticmethod
    def _send(
        handler: BaseHTTPRequestHandler,
        status: int,
        body: dict[str, Any],
        headers: dict[str, str] | None = None,
    ) -> None:
        data = json.dumps(body).encode()
        handler.send_response(status)
        handler.send_header("content-type", "application/json")
        handler.send_header("content-length", str(len(data)))
        for key, value in (headers or {}).items():
            handler.send_header(key, value)
        handler.end_headers()
        handler.wfile.write(data)
