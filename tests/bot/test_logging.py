"""Log set-up: payloads never pass, and a flood of one warning becomes one line per interval."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest

from bot.logging import (
    PayloadRedactingFilter,
    RepeatLimitedLog,
    configure_logging,
    install_waitress_queue_log,
)


def record(message: str, *args: object) -> logging.LogRecord:
    return logging.LogRecord("waitress.queue", logging.WARNING, __file__, 1, message, args, None)


def test_payload_records_are_dropped_and_ordinary_ones_kept() -> None:
    keep = PayloadRedactingFilter()
    assert keep.filter(record("command /%s answered for user %s", "boundary", "U1"))
    assert not keep.filter(record("body: %s", {"text": "my client said"}))
    assert not keep.filter(record('sending {"blocks": []}'))


def test_one_record_per_interval_then_the_count_of_those_held_back(
    restored_logging: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    stream = io.StringIO()
    monkeypatch.setattr("sys.stderr", stream)
    configure_logging("INFO")
    now = [100.0]
    log = RepeatLimitedLog(logging.getLogger("waitress.queue"), 10.0, clock=lambda: now[0])
    for depth in range(5):
        log.warning("Task queue depth is %d", depth)
    now[0] += 10.0
    log.warning("Task queue depth is %d", 9)
    log.warning("Task queue depth is %d", 10)
    lines = [line for line in stream.getvalue().splitlines() if "Task queue depth" in line]
    assert [line.split(": ", 1)[1] for line in lines] == [
        "Task queue depth is 0",
        "Task queue depth is 9 (and 4 more like it)",
    ]


def test_held_back_calls_build_no_record(monkeypatch: pytest.MonkeyPatch) -> None:
    """The point of checking before the record: a burst costs a clock read per call, not a record."""
    made: list[str] = []
    logger = logging.getLogger("waitress.queue")
    original = logger.makeRecord

    def counting(*args: object, **kwargs: object) -> logging.LogRecord:
        made.append("record")
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(logger, "makeRecord", counting)
    monkeypatch.setattr(logger, "level", logging.INFO)
    log = RepeatLimitedLog(logger, 10.0, clock=lambda: 100.0)
    for depth in range(1000):
        log.warning("Task queue depth is %d", depth)
    assert len(made) == 1


@pytest.fixture
def restored_logging() -> Iterator[None]:
    root, queue = logging.getLogger(), logging.getLogger("waitress.queue")
    handlers, level, filters = root.handlers[:], root.level, queue.filters[:]
    yield
    root.handlers[:], queue.filters[:] = handlers, filters
    root.setLevel(level)


def test_a_burst_of_queue_warnings_through_waitress_writes_one_line(
    restored_logging: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from waitress.task import ThreadedTaskDispatcher

    stream = io.StringIO()
    monkeypatch.setattr("sys.stderr", stream)
    monkeypatch.setattr(ThreadedTaskDispatcher, "queue_logger", ThreadedTaskDispatcher.queue_logger)
    configure_logging("INFO")
    install_waitress_queue_log()
    install_waitress_queue_log()  # served twice in one process: still one adapter, not one inside another
    queue_log = ThreadedTaskDispatcher.queue_logger
    assert isinstance(queue_log, RepeatLimitedLog)
    assert queue_log.logger is logging.getLogger("waitress.queue")
    for depth in range(1, 1001):
        queue_log.warning("Task queue depth is %d", depth)
    assert stream.getvalue().count("Task queue depth") == 1
