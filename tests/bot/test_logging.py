"""Log set-up: payloads never pass, and a flood of one warning becomes one line per interval."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest

from bot.logging import PayloadRedactingFilter, RepeatLimitFilter, configure_logging


def record(message: str, *args: object) -> logging.LogRecord:
    return logging.LogRecord("waitress.queue", logging.WARNING, __file__, 1, message, args, None)


def test_payload_records_are_dropped_and_ordinary_ones_kept() -> None:
    keep = PayloadRedactingFilter()
    assert keep.filter(record("command /%s answered for user %s", "boundary", "U1"))
    assert not keep.filter(record("body: %s", {"text": "my client said"}))
    assert not keep.filter(record('sending {"blocks": []}'))


def test_one_record_per_interval_then_the_count_of_those_held_back() -> None:
    now = [100.0]
    limit = RepeatLimitFilter(10.0, clock=lambda: now[0])
    passed = [limit.filter(r) for r in (record("Task queue depth is %d", n) for n in range(5))]
    assert passed == [True, False, False, False, False]
    now[0] += 10.0
    later = record("Task queue depth is %d", 9)
    assert limit.filter(later)
    assert later.getMessage() == "Task queue depth is 9 (and 4 more like it)"
    assert not limit.filter(record("Task queue depth is %d", 10))


@pytest.fixture
def restored_logging() -> Iterator[None]:
    root, queue = logging.getLogger(), logging.getLogger("waitress.queue")
    handlers, level, filters = root.handlers[:], root.level, queue.filters[:]
    yield
    root.handlers[:], queue.filters[:] = handlers, filters
    root.setLevel(level)


def test_a_burst_of_queue_warnings_writes_one_line(
    restored_logging: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    stream = io.StringIO()
    monkeypatch.setattr("sys.stderr", stream)
    configure_logging("INFO")
    configure_logging("INFO")  # configured twice (CLI then serve): still one filter
    queue = logging.getLogger("waitress.queue")
    assert sum(isinstance(f, RepeatLimitFilter) for f in queue.filters) == 1
    for depth in range(1, 1001):
        queue.warning("Task queue depth is %d", depth)
    assert stream.getvalue().count("Task queue depth") == 1
