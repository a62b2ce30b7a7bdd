"""Logging set-up, called from ``cli.main`` only: ids and outcomes, never message text.

Bolt and slack_sdk log request and response bodies at DEBUG (which would include what a trainee
typed about a client). Their loggers are held at INFO and a filter drops any record that still
carries a payload, whatever level the operator asks for.
"""

from __future__ import annotations

import logging
import sys

CHATTY_LIBRARIES = ("slack_bolt", "slack_sdk", "urllib3", "waitress.queue", "apscheduler.executors")
QUIET_LIBRARIES = ("alembic",)
"""Start-up noise that says nothing an operator needs at INFO."""
PAYLOAD_MARKERS = ("body_params", "'text':", '"text":', "'blocks'", '"blocks"', "query_params", "view=")


class PayloadRedactingFilter(logging.Filter):
    """Drops records that quote a request or response payload."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return False
        return not any(marker in message for marker in PAYLOAD_MARKERS)


def configure_logging(level: str = "INFO") -> None:
    """Log to stderr at ``level``; libraries that log payloads are capped at INFO."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(PayloadRedactingFilter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in CHATTY_LIBRARIES:
        logging.getLogger(name).setLevel(max(logging.INFO, logging.getLevelName(level)))
    for name in QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(max(logging.WARNING, logging.getLevelName(level)))
