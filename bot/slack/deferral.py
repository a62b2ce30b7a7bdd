"""Under a burst, a /boundary dilemma is acknowledged at once and answered through its response_url.

Slack gives an app 3 seconds to acknowledge a command. One answer costs about 1.5 ms of CPU
(the risk check and the classifier), so one person at a time gets the guidance inside the
acknowledgement itself, which is the quickest and plainest reply. When requests overlap, a queue
forms behind those answers, and under a large enough burst it would use up Slack's 3 seconds.
While requests overlap, the app therefore acknowledges with a one-line notice and writes the
answer afterwards through the command's response_url, which replaces the notice. The worker
waits until no request has arrived for a short while, so acknowledgements keep the CPU. It
never waits longer than ``max_wait`` seconds, because a dilemma must not wait behind steady
traffic, and a safety override must not either.

Only the identifiers go into the log (the command name, the user id, the outcome), never the
text. On shutdown the queue is drained before the process exits, so an acknowledged dilemma
still gets its answer.

The backlog is bounded (``max_pending``): under sustained overload the worker cannot catch up, so
beyond that many unanswered dilemmas the app answers in the acknowledgement again. That keeps
memory flat and lets the HTTP server's own queue slow the callers down, instead of answers
arriving ever later.
"""

from __future__ import annotations

import concurrent.futures
import logging
import queue
import threading
import time
import weakref
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.webhook import WebhookClient

logger = logging.getLogger(__name__)

ANSWER_FOLLOWS = "Reading your dilemma… the guidance follows in a moment, here, visible only to you."

Clock = Callable[[], float]
Message = Mapping[str, Any]
"""The keyword arguments of one ephemeral message (``text``, ``blocks``), as render builds them."""


class LoadGauge:
    """Counts the requests inside the app and remembers when two of them last overlapped.

    Overlap is the signal, not the rate: one person pressing a command again and again never
    overlaps with themselves. A burst does, from its second request on. Python runs one request's
    answer at a time, so a burst's other requests are mostly still waiting in the HTTP server,
    not yet inside the app: ``backlog`` (see :meth:`watch`) is how many the server holds besides
    the one being answered.
    """

    def __init__(self, *, overlap_memory: float = 0.1, clock: Clock = time.monotonic) -> None:
        self._overlap_memory = overlap_memory
        self._clock = clock
        self._backlog: Callable[[], int] = lambda: 0
        self._in_flight = 0
        self._last_overlap = float("-inf")
        self._last_arrival = float("-inf")
        self._changed = threading.Condition()

    def watch(self, backlog: Callable[[], int]) -> None:
        """Also count the requests the HTTP server holds besides the current one."""
        self._backlog = backlog

    @contextmanager
    def request(self) -> Iterator[None]:
        """Hold for as long as one HTTP request is being handled."""
        waiting = self._backlog()
        with self._changed:
            now = self._clock()
            # two others: the thread that has just answered someone can still count as busy
            if self._in_flight or waiting >= 2:
                self._last_overlap = now
            self._in_flight += 1
            self._last_arrival = now
        try:
            yield
        finally:
            with self._changed:
                self._in_flight -= 1
                self._changed.notify_all()

    def wake(self) -> None:
        """Make waiters look again (after setting their ``stop``)."""
        with self._changed:
            self._changed.notify_all()

    def busy(self) -> bool:
        """Whether requests have overlapped within the last ``overlap_memory`` seconds."""
        return self._clock() - self._last_overlap < self._overlap_memory

    def wait_quiet(self, quiet: float, *, until: float, stop: threading.Event | None = None) -> None:
        """Return once no request is in flight and none arrived for ``quiet`` s, at ``until``, or
        as soon as ``stop`` is set (see :meth:`wake`)."""
        with self._changed:
            while True:
                now = self._clock()
                if now >= until or (stop is not None and stop.is_set()):
                    return
                if self._in_flight == 0 and now - self._last_arrival >= quiet:
                    return
                wait = until - now if self._in_flight else min(until - now, quiet)
                self._changed.wait(timeout=max(wait, 0.001))


def webhook_sender(url: str, message: Message) -> int:
    """Post ``message`` to a response_url, replacing the notice; retries 429s, 5xx and resets."""
    client = WebhookClient(
        url,
        timeout=15,
        retry_handlers=[
            RateLimitErrorRetryHandler(max_retry_count=5),
            ServerErrorRetryHandler(max_retry_count=3),
            ConnectionErrorRetryHandler(max_retry_count=3),
        ],
    )
    response = client.send(response_type="ephemeral", replace_original=True, **message)
    return int(response.status_code)


@dataclass(frozen=True)
class _Deferred:
    kind: str
    """For the log: the command's name."""
    user_id: str
    response_url: str
    answer: Callable[[], Message]
    arrived: float = field(default=0.0)


class DeferredAnswers:
    """One worker thread answering deferred commands in the order they arrived."""

    def __init__(
        self,
        gauge: LoadGauge,
        *,
        quiet: float = 0.02,
        max_wait: float = 1.0,
        max_pending: int = 256,
        send: Callable[[str, Message], int] = webhook_sender,
        poster: Executor | None = None,
        clock: Clock = time.monotonic,
    ) -> None:
        self._gauge = gauge
        self._max_pending = max_pending
        self._outstanding = 0
        """Accepted and not yet posted (queued, being computed, or being sent)."""
        self._count_lock = threading.Lock()
        self._poster = poster or ThreadPoolExecutor(max_workers=8, thread_name_prefix="deferred-post")
        self._quiet = quiet
        self._max_wait = max_wait
        self._send = send
        self._clock = clock
        self._queue: queue.Queue[_Deferred | None] = queue.Queue()
        self._closing = threading.Event()
        self._posts: weakref.WeakSet[Future[None]] = weakref.WeakSet()
        """Posts still under way, for the drain at shutdown."""
        self._worker = threading.Thread(target=self._run, name="deferred-answers", daemon=True)
        self._worker.start()

    def submit(self, *, kind: str, user_id: str, response_url: str, answer: Callable[[], Message]) -> None:
        """Queue ``answer`` (run later, on the worker) for delivery to ``response_url``."""
        if self._closing.is_set():
            raise RuntimeError("deferred answers are closed")
        with self._count_lock:
            self._outstanding += 1
        self._queue.put(_Deferred(kind, user_id, response_url, answer, self._clock()))

    def pending(self) -> int:
        """Answers accepted and not yet delivered (queued, being computed or being sent)."""
        return self._outstanding

    def has_room(self) -> bool:
        """Whether one more answer may wait; if not, answer it in the acknowledgement."""
        return self._outstanding < self._max_pending

    def _done(self) -> None:
        with self._count_lock:
            self._outstanding -= 1

    def close(self, timeout: float = 30.0) -> None:
        """Answer everything queued at once, then stop the worker."""
        self._closing.set()
        self._gauge.wake()
        self._queue.put(None)
        self._worker.join(timeout=timeout)
        if self._worker.is_alive():
            logger.error("shutdown: %d deferred answers were not delivered", self._queue.qsize())
        concurrent.futures.wait(list(self._posts), timeout=timeout)

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            if not self._closing.is_set():
                self._gauge.wait_quiet(self._quiet, until=item.arrived + self._max_wait, stop=self._closing)
            self._deliver(item)

    def _deliver(self, item: _Deferred) -> None:
        """Compute here, in order; post on the pool, so the next answer need not wait for Slack."""
        try:
            message = item.answer()
        except Exception as exc:
            self._done()
            logger.error("deferred /%s for user %s failed: %s", item.kind, item.user_id, type(exc).__name__)
            return
        self._posts.add(self._poster.submit(self._post, item, message))

    def _post(self, item: _Deferred, message: Message) -> None:
        try:
            status = self._send(item.response_url, message)
        except Exception as exc:
            failure = type(exc).__name__
            logger.error("deferred /%s answer for user %s failed: %s", item.kind, item.user_id, failure)
            return
        finally:
            self._done()
        if status != 200:
            logger.error("deferred /%s answer for user %s refused: HTTP %s", item.kind, item.user_id, status)
        else:
            waited = (self._clock() - item.arrived) * 1000
            logger.info("deferred /%s answered for user %s after %.0f ms", item.kind, item.user_id, waited)


@dataclass(frozen=True)
class Deferral:
    """The gauge the HTTP front door feeds and the worker the command listener hands answers to."""

    gauge: LoadGauge
    answers: DeferredAnswers

    @classmethod
    def start(
        cls,
        *,
        send: Callable[[str, Message], int] = webhook_sender,
        max_wait: float = 1.0,
        max_pending: int = 256,
    ) -> Deferral:
        """A gauge and a running worker."""
        gauge = LoadGauge()
        answers = DeferredAnswers(gauge, send=send, max_wait=max_wait, max_pending=max_pending)
        return cls(gauge=gauge, answers=answers)

    def close(self) -> None:
        """Deliver what is queued, then stop."""
        self.answers.close()
