"""A fake Bot Connector (the Teams service URL) on 127.0.0.1: records what the bot sends.

The SDK's connector client posts replies, proactive messages, card updates and new 1:1 chats to
the service URL of the conversation; pointing the test activities' ``serviceUrl`` here lets the
real SDK path run end to end without a network. Failures can be queued per call to exercise the
retry rules (e.g. a 429 with Retry-After, then success).
"""

from __future__ import annotations

import asyncio
import itertools
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web


@dataclass
class Sent:
    """One call the bot made."""

    method: str
    conversation_id: str
    activity: dict[str, Any]
    activity_id: str | None = None


@dataclass
class FakeBotConnector:
    """Serve ``/v3/conversations...`` in a background thread; ``url`` is the service URL."""

    sent: list[Sent] = field(default_factory=list)
    created: list[dict[str, Any]] = field(default_factory=list)
    failures: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    """Statuses (with headers) to answer the next sends with, in order, before succeeding."""
    url: str = ""
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(1700000000001))
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _loop: asyncio.AbstractEventLoop | None = None
    _thread: threading.Thread | None = None
    _runner: web.AppRunner | None = None

    def start(self) -> FakeBotConnector:
        """Start serving on a free loopback port."""
        self._loop = asyncio.new_event_loop()
        ready = threading.Event()

        def run() -> None:
            assert self._loop is not None
            asyncio.set_event_loop(self._loop)
            self._loop.run_until_complete(self._serve())
            ready.set()
            self._loop.run_forever()

        self._thread = threading.Thread(target=run, name="fake-bot-connector", daemon=True)
        self._thread.start()
        if not ready.wait(10):
            raise RuntimeError("the fake Bot Connector did not start")
        return self

    async def _serve(self) -> None:
        app = web.Application()
        app.router.add_post("/v3/conversations", self._create)
        app.router.add_post("/v3/conversations/{cid}/activities", self._send)
        app.router.add_post("/v3/conversations/{cid}/activities/{aid}", self._send)
        app.router.add_put("/v3/conversations/{cid}/activities/{aid}", self._update)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}/"

    def stop(self) -> None:
        """Stop serving."""
        if self._loop is None:
            return
        if self._runner is not None:
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(10)

    def _failure(self) -> web.Response | None:
        with self._lock:
            if not self.failures:
                return None
            status, headers = self.failures.pop(0)
        return web.json_response({"error": {"code": "Failure"}}, status=status, headers=headers)

    async def _create(self, request: web.Request) -> web.Response:
        failure = self._failure()
        if failure is not None:
            return failure
        body = await request.json()
        with self._lock:
            self.created.append(body)
            number = len(self.created)
        return web.json_response({"id": f"a:personal-chat-{number}", "activityId": str(next(self._ids))})

    async def _send(self, request: web.Request) -> web.Response:
        failure = self._failure()
        if failure is not None:
            return failure
        body = await request.json()
        activity_id = str(next(self._ids))
        with self._lock:
            self.sent.append(Sent("send", request.match_info["cid"], body, activity_id))
        return web.json_response({"id": activity_id})

    async def _update(self, request: web.Request) -> web.Response:
        body = await request.json()
        with self._lock:
            self.sent.append(Sent("update", request.match_info["cid"], body, request.match_info["aid"]))
        return web.json_response({"id": request.match_info["aid"]})

    def messages(self, conversation_id: str | None = None) -> list[Sent]:
        """Sends (not updates), optionally to one conversation."""
        with self._lock:
            return [
                s
                for s in self.sent
                if s.method == "send" and (conversation_id is None or s.conversation_id == conversation_id)
            ]

    def updates(self) -> list[Sent]:
        """Card updates."""
        with self._lock:
            return [s for s in self.sent if s.method == "update"]


def cards(sent: Sent) -> list[dict[str, Any]]:
    """The Adaptive Cards an activity carried."""
    return [
        a["content"]
        for a in sent.activity.get("attachments") or []
        if a.get("contentType") == "application/vnd.microsoft.card.adaptive"
    ]


def card_text(card: dict[str, Any]) -> str:
    """Every text a card shows (TextBlocks, facts, choices, labels, button titles), joined."""
    out: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key in ("text", "title", "value", "label", "placeholder"):
                if isinstance(node.get(key), str):
                    out.append(node[key])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(card.get("body"))
    walk(card.get("actions"))
    return "\n".join(out)
