"""``supervision-bot serve``: build the app, start the scheduler, then serve HTTP or Socket Mode."""

from __future__ import annotations

import gc
import logging
import signal
import sys
from types import FrameType
from typing import Protocol

from bot.config import ConfigError, Settings
from bot.http import build_wsgi_app
from bot.http import serve as serve_http
from bot.slack.deferral import Deferral
from bot.wiring import build_services, build_slack_app

logger = logging.getLogger(__name__)


def serve(settings: Settings, *, host: str, port: int, platform: str = "slack") -> int:
    """Run until SIGINT/SIGTERM. Returns the process exit code."""
    if platform == "teams":
        return serve_teams(settings, host=host, port=port)
    settings.require_slack()
    services = build_services(settings)
    deferral = Deferral.start()
    app = build_slack_app(settings, services, deferral=deferral)
    _freeze_startup_objects()
    background = _start_background(settings, services)

    def stop(signum: int, _frame: FrameType | None) -> None:
        logger.info("received signal %s, shutting down", signum)
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    try:
        if settings.slack_app_token is not None:
            from slack_bolt.adapter.socket_mode import SocketModeHandler

            logger.info("starting in Socket Mode")
            SocketModeHandler(app, settings.slack_app_token.get_secret_value()).start()
        else:
            logger.info("listening on http://%s:%s/slack/events", host, port)
            serve_http(
                build_wsgi_app(app, health=services.db.ping, gauge=deferral.gauge),
                host=host,
                port=port,
                threads=settings.http_threads,
                gauge=deferral.gauge,
            )
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        deferral.close()  # acknowledged dilemmas get their answers before the store closes
        if background is not None:
            background.stop()
        services.close()
    return 0


def serve_teams(settings: Settings, *, host: str, port: int) -> int:
    """Teams on ``/api/messages`` (aiohttp), with the same services and scheduler as Slack."""
    settings.require_teams()
    try:
        from bot.teams.app import build_teams_bot
        from bot.teams.app import serve_teams as run_teams
    except ImportError as exc:
        raise ConfigError(
            "Teams needs the optional SDK: pip install 'supervision-bot[teams]'"
            f" ({type(exc).__name__}: {exc.name or 'import failed'})"
        ) from None
    services = build_services(settings)
    bot = build_teams_bot(settings, router=services.router, db=services.db)
    _freeze_startup_objects()
    background = _start_background(settings, services)
    try:
        run_teams(settings, bot, host=host, port=port, health=services.db.ping)
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        if background is not None:
            background.stop()
        messenger = services.runtime.jobs.messenger if services.runtime is not None else None
        closer = getattr(messenger, "close", None)
        if callable(closer):
            closer()
        services.close()
    return 0


def _freeze_startup_objects() -> None:
    """Exclude everything built at start-up from the cyclic garbage collector's passes.

    The models, patterns and libraries are hundreds of thousands of objects that live as long as
    the process; every full collection walked them all again, and each answer allocates enough
    small objects to trigger collections. Frozen, they are left alone (they were never garbage).
    """
    gc.collect()
    gc.freeze()


class _Background(Protocol):
    """Whatever runs beside the request handlers (the scheduler); stopped on shutdown."""

    def stop(self) -> None:
        """Stop background work."""
        ...


def _start_background(settings: Settings, services: object) -> _Background | None:
    """Start the scheduler when enabled (see bot.scheduler)."""
    if not settings.scheduler_enabled:
        return None
    from bot.scheduler import start_scheduler

    return start_scheduler(settings, services)


if __name__ == "__main__":
    sys.exit(0)
