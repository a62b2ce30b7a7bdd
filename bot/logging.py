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
from collections.abc import Callable, MutableMapping
from typing import Any

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


class RepeatLimitedLog(logging.LoggerAdapter[logging.Logger]):
    """A logger that writes one record per ``seconds`` and counts the calls it held back.

    waitress warns "Task queue depth is N" for every request that has to wait for a thread: a
    burst of a thousand questions wrote a thousand lines. One line per interval, with the count,
    tells an operator the same. The check is made before a record exists: building a record (and
    finding its caller) for each held-back call took 7% of the answers' CPU under a burst, even when
    a filter then dropped it.
    """

    def __init__(
        self, logger: logging.Logger, seconds: float = 10.0, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(logger, {})
        self._seconds = seconds
        self._clock = clock
        self._next = float("-inf")
        self._held = 0
        self._passing = 0
        self._lock = threading.Lock()

    def isEnabledFor(self, level: int) -> bool:  # noqa: N802 - the logging API's name
        """Enabled for the first call of each interval only."""
        if not self.logger.isEnabledFor(level):
            return False
        now = self._clock()
        with self._lock:
            if now < self._next:
                self._held += 1
                return False
            self._passing, self._held, self._next = self._held, 0, now + self._seconds
        return True

    def process(self, msg: Any, kwargs: MutableMapping[str, Any]) -> tuple[Any, MutableMapping[str, Any]]:
        """Say how many calls were held back since the last line."""
        with self._lock:
            held, self._passing = self._passing, 0
        return (f"{msg} (and {held} more like it)" if held else msg), kwargs


def install_waitress_queue_log() -> None:
    """Give waitress's task dispatcher a :class:`RepeatLimitedLog` for its queue-depth warnings.

    waitress reads the logger from the ``queue_logger`` attribute of its dispatcher class, which
    is there to be replaced; the records still go to the ``waitress.queue`` logger and its handlers.
    """
    from waitress.task import ThreadedTaskDispatcher

    if not isinstance(ThreadedTaskDispatcher.queue_logger, RepeatLimitedLog):
        # typed as a Logger in waitress's stubs; it only calls ``warning``, which an adapter has
        ThreadedTaskDispatcher.queue_logger = RepeatLimitedLog(  # type: ignore[assignment]
            logging.getLogger("waitress.queue")
        )


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
