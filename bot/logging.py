"""Logging set-up, called from ``cli.main`` only: ids and outcomes, never message text.

Bolt and slack_sdk log request and response bodies at DEBUG (which would include what a trainee
typed about a client). Their loggers are held at INFO and a filter drops any record that still
carries a payload, whatever level the operator asks for.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable

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


class RepeatLimitFilter(logging.Filter):
    """Lets one record through per ``seconds``, then says how many it held back.

    waitress warns "Task queue depth is N" for every request that has to wait for a thread: a
    burst of a thousand questions wrote a thousand lines, and formatting them took CPU from the
    answers. One line per interval, with the count, tells an operator the same.
    """

    def __init__(self, seconds: float = 10.0, *, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self._seconds = seconds
        self._clock = clock
        self._next = float("-inf")
        self._held = 0
        self._lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        now = self._clock()
        with self._lock:
            if now < self._next:
                self._held += 1
                return False
            held, self._held, self._next = self._held, 0, now + self._seconds
        if held:
            record.msg = f"{record.msg} (and {held} more like it)"
        return True


def configure_logging(level: str = "INFO") -> None:
    """Log to stderr at ``level``; libraries that log payloads are capped at INFO."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(PayloadRedactingFilter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    queue = logging.getLogger("waitress.queue")
    if not any(isinstance(f, RepeatLimitFilter) for f in queue.filters):
        queue.addFilter(RepeatLimitFilter())
    for name in CHATTY_LIBRARIES:
        logging.getLogger(name).setLevel(max(logging.INFO, logging.getLevelName(level)))
    for name in QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(max(logging.WARNING, logging.getLevelName(level)))
