"""The HTTP front door: Bolt's WSGI adapter under waitress, plus a health check.

Slack's Events, interactivity and slash commands all POST to ``/slack/events``; the OAuth install
pages are GETs; ``/healthz`` answers load balancers and the acceptance harness.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.slack.deferral import LoadGauge

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIEnvironment

EVENTS_PATH = "/slack/events"
MAX_BODY_BYTES = 1_000_000


def build_wsgi_app(
    app: App, *, health: Callable[[], bool], gauge: LoadGauge | None = None
) -> Callable[..., Iterable[bytes]]:
    """A WSGI callable routing Slack's paths to Bolt and ``/healthz`` to ``health``.

    ``gauge`` sees every request Bolt handles, so that listeners can tell a burst from one person.
    """
    slack = SlackRequestHandler(app, path=EVENTS_PATH)
    load = gauge or LoadGauge()

    def wsgi(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == "/healthz":
            ok = health()
            body = b"ok\n" if ok else b"database unavailable\n"
            start_response("200 OK" if ok else "503 Service Unavailable", [("Content-Type", "text/plain")])
            return [body]
        length = _content_length(environ)
        if length is None or length > MAX_BODY_BYTES:
            start_response("413 Payload Too Large", [("Content-Type", "text/plain")])
            return [b"request body too large\n"]
        try:
            with load.request():
                return slack(environ, start_response)
        except ValueError:  # Bolt parses the body before it checks anything else
            start_response("400 Bad Request", [("Content-Type", "text/plain")])
            return [b"malformed request body\n"]

    return wsgi


def _content_length(environ: dict[str, Any] | WSGIEnvironment) -> int | None:
    raw = environ.get("CONTENT_LENGTH") or "0"
    try:
        return int(raw)
    except ValueError:
        return None


def serve(
    wsgi: Callable[..., Iterable[bytes]],
    *,
    host: str,
    port: int,
    threads: int,
    gauge: LoadGauge | None = None,
) -> None:
    """Serve until interrupted (waitress: pure Python, production-grade, no reverse proxy needed).

    ``gauge`` (the one given to :func:`build_wsgi_app`) is told how many requests waitress holds.
    """
    from waitress.server import create_server

    from bot.logging import install_waitress_queue_log

    install_waitress_queue_log()
    server = create_server(
        wsgi,
        host=host,
        port=port,
        threads=threads,
        ident="supervision-bot",
        clear_untrusted_proxy_headers=True,
    )
    if gauge is not None:
        gauge.watch(waitress_backlog(server))
    server.run()


def waitress_backlog(server: object) -> Callable[[], int]:
    """Requests a waitress server holds besides the one being answered: queued, or on a thread.

    Read without its lock: an estimate, which is all a load signal needs.
    """
    dispatcher = server.task_dispatcher  # type: ignore[attr-defined]

    def backlog() -> int:
        return max(0, int(dispatcher.active_count) - 1) + len(dispatcher.queue)

    return backlog
