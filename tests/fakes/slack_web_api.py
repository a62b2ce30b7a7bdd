"""A fake Slack Web API on 127.0.0.1 (port 0) that records every call with its parameters.

Like bolt-python's ``tests/mock_web_api_server`` but it keeps bodies, binds a free port, and can be
scripted to answer 429 (with Retry-After) or 5xx for chosen methods, so tests can prove that
nothing is lost or sent twice. It can also be slow (a latency per call), hang past the client's
timeout after accepting a message (as Slack may), enforce Slack-like rate limits (a workspace-wide
sliding window per method, one message per second per channel), and it keeps the messages it
accepted per channel, with their metadata, for ``conversations.history``.
"""

from __future__ import annotations

import json
import math
import threading
import time
import urllib.parse
from collections import defaultdict, deque
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
    at: float = field(default_factory=time.monotonic)
    """When the call was answered (accepted or refused), for rate and timing checks."""
    ok: bool = True
    """False when answered 200 with ``"ok": false`` (say, a deactivated user's DM)."""


@dataclass
class Script:
    """Failures to inject: per method, a queue of statuses to answer before answering normally."""

    failures: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    every: dict[str, tuple[int, int]] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    errors: dict[str, str] = field(default_factory=dict)
    """method -> Slack error string answered with ok=false (HTTP 200)."""
    hangs: dict[str, list[tuple[float, bool]]] = field(default_factory=lambda: defaultdict(list))
    """method -> queue of (seconds, delivered) for calls that hang before answering."""
    limits: dict[str, tuple[int, float]] = field(default_factory=dict)
    """method -> (calls, seconds): the workspace-wide sliding window."""
    windows: dict[str, deque[float]] = field(default_factory=lambda: defaultdict(deque))
    per_channel: dict[str, float] = field(default_factory=dict)
    """method -> minimum seconds between two accepted calls to one channel."""
    last_in_channel: dict[tuple[str, str], float] = field(default_factory=dict)


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
        self.delay = 0.0
        """Seconds every call takes before it is processed (a slow Slack, or a long way to it)."""
        self.delays: dict[str, float] = {}
        """Per method, instead of ``delay``."""
        self.received: dict[str, int] = defaultdict(int)
        """Calls per method that arrived, including those still being processed."""
        self.messages: dict[str, list[dict[str, Any]]] = defaultdict(list)
        """Accepted messages per DM/channel id, oldest first (ts, metadata): what history shows."""
        self._last_ts = 0.0

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

    def fail_next(self, method: str, *statuses: int, to: str | None = None) -> None:
        """Answer the next calls of ``method`` with these HTTP statuses (429 carries Retry-After: 1).

        ``to`` (a user or channel id) limits the script to calls addressed there.
        """
        with self._lock:
            self.script.failures[self._key(method, to)].extend(statuses)

    def fail_every(self, method: str, every: int, status: int = 429) -> None:
        """Answer every ``every``-th call of ``method`` with ``status``."""
        self.script.every[method] = (every, status)

    def answer_error(self, method: str, error: str) -> None:
        """Answer ``method`` with ``{"ok": false, "error": error}``."""
        self.script.errors[method] = error

    def slow_down(self, seconds: float, method: str | None = None) -> None:
        """Make every call (of ``method``) take ``seconds`` before it is processed."""
        if method is None:
            self.delay = seconds
        else:
            self.delays[method] = seconds

    def hang_next(
        self, method: str, seconds: float, *, delivered: bool = True, times: int = 1, to: str | None = None
    ) -> None:
        """The next ``times`` calls of ``method`` answer only after ``seconds`` (past a client timeout).

        ``delivered=True`` is Slack taking the message and the answer getting lost: the call is
        recorded (and the message kept) at once. ``delivered=False`` is a request that never got
        processed: recorded with status 0, nothing kept. ``to`` as for :meth:`fail_next`.
        """
        with self._lock:
            self.script.hangs[self._key(method, to)].extend([(seconds, delivered)] * times)

    def _key(self, method: str, to: str | None) -> str:
        return f"{method}>{self._dm_id(to)}" if to else method

    def _target(self, params: dict[str, Any]) -> str:
        """Where a call is addressed: its channel, or the user a DM is opened with."""
        return self._dm_id(str(params.get("channel") or params.get("users") or params.get("user") or ""))

    def rate_limit(self, method: str, calls: int, per_seconds: float) -> None:
        """Workspace-wide: more than ``calls`` accepted calls of ``method`` in any ``per_seconds``
        window are answered 429 with Retry-After (whole seconds until the window has room)."""
        self.script.limits[method] = (calls, per_seconds)

    def limit_per_channel(self, method: str = "chat.postMessage", seconds: float = 1.0) -> None:
        """Slack's one message per second per channel: a faster second message is answered 429."""
        self.script.per_channel[method] = seconds

    # ------------------------------------------------------------------ assertions

    def calls_to(self, method: str, *, delivered_only: bool = True) -> list[Call]:
        """Recorded calls of one method (by default only those answered 200)."""
        with self._lock:
            calls = [c for c in self.calls if c.method == method]
        return [c for c in calls if not delivered_only or (c.status == 200 and c.ok)]

    def wait_for(self, method: str, count: int, *, timeout: float = 10.0) -> list[Call]:
        """Wait until ``count`` delivered calls of ``method`` arrived (listeners finish after the ack)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            calls = self.calls_to(method)
            if len(calls) >= count:
                return calls
            time.sleep(0.02)
        raise AssertionError(f"expected {count} call(s) to {method}, got {len(self.calls_to(method))}")

    def dm_channel(self, call: Call) -> str:
        """The channel a call reached: a message addressed to a user id lands in their DM."""
        return self._dm_id(str(call.params.get("channel", "")))

    def dm_counts(self, method: str = "chat.postMessage") -> dict[str, int]:
        """Delivered messages per user, resolving DM channel ids back to user ids."""
        counts: dict[str, int] = defaultdict(int)
        for call in self.calls_to(method):
            channel = self.dm_channel(call)
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
        with self._lock:
            self.received[method] += 1
        delay = self.delays.get(method, self.delay)
        if delay:
            time.sleep(delay)
        hang = self._scripted_hang(method, params)
        if hang is not None and not hang[1]:
            with self._lock:
                self.calls.append(Call(method=method, params=params, token=token, status=0))
            time.sleep(hang[0])
            self._send(handler, 200, {"ok": False, "error": "request_timeout"})
            return
        status, retry_after = self._scripted_status(method, params)
        call = Call(method=method, params=params, token=token, status=status)
        with self._lock:
            self.calls.append(call)
        if status != 200:
            headers = {"Retry-After": str(retry_after)} if status == 429 else {}
            self._send(
                handler,
                status,
                {"ok": False, "error": "ratelimited" if status == 429 else "fatal_error"},
                headers,
            )
            return
        answer = self._answer(method, params)
        if answer.get("ok") is False:
            call.ok = False
        if hang is not None:
            time.sleep(hang[0])
        self._send(handler, 200, answer)

    def _scripted_hang(self, method: str, params: dict[str, Any]) -> tuple[float, bool] | None:
        with self._lock:
            for key in (f"{method}>{self._target(params)}", method):
                queue = self.script.hangs.get(key)
                if queue:
                    return queue.pop(0)
            return None

    def _scripted_status(self, method: str, params: dict[str, Any]) -> tuple[int, int]:
        """(HTTP status, Retry-After seconds) for this call."""
        with self._lock:
            for key in (f"{method}>{self._target(params)}", method):
                queue = self.script.failures.get(key)
                if queue:
                    return queue.pop(0), 1
            if method in self.script.every:
                every, status = self.script.every[method]
                self.script.counters[method] += 1
                if self.script.counters[method] % every == 0:
                    return status, 1
            now = time.monotonic()
            channel = self._dm_id(str(params.get("channel", "")))
            gap = self.script.per_channel.get(method)
            if gap is not None and channel:
                last = self.script.last_in_channel.get((method, channel))
                if last is not None and now - last < gap:
                    return 429, max(1, math.ceil(last + gap - now))
            if method in self.script.limits:
                calls, per = self.script.limits[method]
                window = self.script.windows[method]
                while window and window[0] <= now - per:
                    window.popleft()
                if len(window) >= calls:
                    return 429, max(1, math.ceil(window[0] + per - now))
                window.append(now)
            if gap is not None and channel:
                self.script.last_in_channel[(method, channel)] = now
        return 200, 0

    @staticmethod
    def _dm_id(channel: str) -> str:
        """Slack posts a message addressed to a user id into the bot's DM with that user."""
        return "D" + channel[1:] if channel.startswith(("U", "W")) else channel

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
        if method == "chat.postMessage":
            return self._post(params)
        if method == "conversations.history":
            return self._history(params)
        if method in ("chat.postEphemeral", "chat.update"):
            return {"ok": True, "channel": params.get("channel"), "ts": f"{time.time():.6f}"}
        if method.startswith("views."):
            view = params.get("view") if isinstance(params.get("view"), dict) else {}
            return {"ok": True, "view": {"id": "V0000001", **(view or {})}}
        return {"ok": True}

    def _post(self, params: dict[str, Any]) -> dict[str, Any]:
        """Accept a message: keep its ts and metadata (never needed: its text) for history.

        Like Slack, a message addressed to a user id lands in the bot's DM with that user, and the
        answer names the DM's channel id; a deactivated user's DM cannot be posted to.
        """
        channel = self._dm_id(str(params.get("channel", "")))
        if "U" + channel[1:] in self.deactivated_users and channel.startswith("D"):
            return {"ok": False, "error": "user_disabled"}
        with self._lock:
            self._last_ts = max(time.time(), self._last_ts + 0.000001)
            ts = f"{self._last_ts:.6f}"
            message: dict[str, Any] = {"type": "message", "ts": ts, "bot_id": "BBOT0001"}
            if isinstance(params.get("metadata"), dict):
                message["metadata"] = params["metadata"]
            self.messages[channel].append(message)
        return {"ok": True, "channel": channel, "ts": ts}

    def _history(self, params: dict[str, Any]) -> dict[str, Any]:
        """Newest first, after ``oldest``, ``limit`` per page, an offset as the cursor."""
        channel = str(params.get("channel", ""))
        oldest = float(params.get("oldest") or 0)
        limit = max(1, min(int(params.get("limit") or 100), 999))
        offset = int(params.get("cursor") or 0)
        with_metadata = str(params.get("include_all_metadata", "")).lower() in ("1", "true")
        with self._lock:
            found = [m for m in reversed(self.messages.get(channel, [])) if float(m["ts"]) > oldest]
        page = found[offset : offset + limit]
        if not with_metadata:
            page = [{k: v for k, v in m.items() if k != "metadata"} for m in page]
        more = offset + limit < len(found)
        return {
            "ok": True,
            "messages": page,
            "has_more": more,
            "response_metadata": {"next_cursor": str(offset + limit) if more else ""},
        }

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
        try:
            handler.send_response(status)
            handler.send_header("content-type", "application/json")
            handler.send_header("content-length", str(len(data)))
            for key, value in (headers or {}).items():
                handler.send_header(key, value)
            handler.end_headers()
            handler.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the caller gave up (timed out, or was killed): Slack would not notice either
