"""The load gauge and the deferred-answer worker, on their own (the HTTP path is test_deferral_http)."""

from __future__ import annotations

import functools
import logging
import threading
import time

import pytest

from bot.slack.deferral import DeferredAnswers, LoadGauge, Message


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_one_request_at_a_time_is_never_busy() -> None:
    clock = Clock()
    gauge = LoadGauge(clock=clock)
    for _ in range(100):
        with gauge.request():
            clock.now += 0.002
        clock.now += 0.0005
        assert not gauge.busy()


def test_overlap_inside_the_app_makes_it_busy_for_a_while() -> None:
    clock = Clock()
    gauge = LoadGauge(overlap_memory=0.1, clock=clock)
    with gauge.request(), gauge.request():
        assert gauge.busy()
    clock.now += 0.09
    assert gauge.busy()
    clock.now += 0.02
    assert not gauge.busy()


def test_requests_waiting_in_the_server_count_as_overlap() -> None:
    clock = Clock()
    gauge = LoadGauge(clock=clock)
    waiting = [1]
    gauge.watch(lambda: waiting[0])
    with gauge.request():
        pass
    assert not gauge.busy()  # one other: the thread that has just answered someone
    waiting[0] = 2
    with gauge.request():
        pass
    assert gauge.busy()


def test_waiting_for_quiet_ends_at_the_deadline_under_steady_traffic() -> None:
    gauge = LoadGauge()
    stop = threading.Event()

    def traffic() -> None:
        while not stop.is_set():
            with gauge.request():
                time.sleep(0.002)

    thread = threading.Thread(target=traffic)
    thread.start()
    try:
        started = time.monotonic()
        gauge.wait_quiet(0.02, until=started + 0.3)
        waited = time.monotonic() - started
    finally:
        stop.set()
        thread.join()
    assert 0.29 <= waited < 1.0


def test_waiting_for_quiet_returns_soon_after_the_last_request() -> None:
    gauge = LoadGauge()
    with gauge.request():
        pass
    started = time.monotonic()
    gauge.wait_quiet(0.02, until=started + 5)
    assert time.monotonic() - started < 1.0


def test_answers_are_computed_in_arrival_order_and_each_sent_once() -> None:
    sent: list[tuple[str, Message]] = []
    lock = threading.Lock()

    def send(url: str, message: Message) -> int:
        with lock:
            sent.append((url, message))
        return 200

    computed: list[int] = []

    def answer(index: int) -> Message:
        computed.append(index)
        return {"text": f"answer {index}"}

    answers = DeferredAnswers(LoadGauge(), quiet=0.0, send=send)
    for index in range(20):
        answers.submit(
            kind="boundary",
            user_id=f"U{index}",
            response_url=f"http://127.0.0.1:9/r?{index}",
            answer=functools.partial(answer, index),
        )
    answers.close()
    assert computed == list(range(20))
    assert sorted(url for url, _ in sent) == sorted(f"http://127.0.0.1:9/r?{i}" for i in range(20))
    assert len(sent) == 20


def test_the_backlog_is_bounded_and_frees_up_as_answers_are_sent() -> None:
    gauge = LoadGauge()
    gauge.watch(lambda: 10)  # a burst that does not pass: the worker waits for max_wait
    release = threading.Event()
    sent: list[str] = []

    def send(url: str, _message: Message) -> int:
        release.wait(5)
        sent.append(url)
        return 200

    answers = DeferredAnswers(gauge, quiet=10.0, max_wait=0.05, max_pending=3, send=send)
    with gauge.request():
        for index in range(3):
            assert answers.has_room()
            answers.submit(
                kind="boundary", user_id="U1", response_url=f"u{index}", answer=lambda: {"text": "a"}
            )
        time.sleep(0.2)  # computed, but Slack has not taken them yet: they still count
        assert not answers.has_room() and answers.pending() == 3
        release.set()
        wait_until = time.monotonic() + 5
        while answers.pending() and time.monotonic() < wait_until:
            time.sleep(0.01)
        assert answers.has_room() and answers.pending() == 0
    answers.close()
    assert sorted(sent) == ["u0", "u1", "u2"]


def test_a_failed_answer_frees_its_place_in_the_backlog() -> None:
    def broken() -> Message:
        raise ValueError("no")

    def refused(_url: str, _message: Message) -> int:
        raise ConnectionError("down")

    answers = DeferredAnswers(LoadGauge(), quiet=0.0, max_pending=1, send=refused)
    answers.submit(kind="boundary", user_id="U1", response_url="u1", answer=broken)
    answers.submit(kind="boundary", user_id="U2", response_url="u2", answer=lambda: {"text": "a"})
    answers.close()
    assert answers.pending() == 0 and answers.has_room()


def test_closing_delivers_what_is_queued_without_waiting_for_quiet() -> None:
    gauge = LoadGauge()
    gauge.watch(lambda: 10)  # the server looks busy for ever
    sent: list[str] = []
    answers = DeferredAnswers(gauge, quiet=10.0, max_wait=60.0, send=lambda url, _m: sent.append(url) or 200)  # type: ignore[func-returns-value]
    with gauge.request():  # keeps a request "in flight" while the item is queued
        answers.submit(kind="boundary", user_id="U1", response_url="u1", answer=lambda: {"text": "a"})
        time.sleep(0.05)
        assert sent == []  # waiting for the burst to pass
        started = time.monotonic()
        answers.close()
    assert sent == ["u1"] and time.monotonic() - started < 2.0


def test_a_failure_is_logged_by_type_and_user_never_by_text(caplog: pytest.LogCaptureFixture) -> None:
    def send(_url: str, _message: Message) -> int:
        raise ConnectionResetError("the text was: my client Priya")

    def broken() -> Message:
        raise ValueError("my client Priya said")

    answers = DeferredAnswers(LoadGauge(), quiet=0.0, send=send)
    with caplog.at_level(logging.INFO, logger="bot.slack.deferral"):
        answers.submit(kind="boundary", user_id="U1", response_url="u", answer=lambda: {"text": "Priya"})
        answers.submit(kind="boundary", user_id="U2", response_url="u", answer=broken)
        answers.close()
    logged = [record.getMessage() for record in caplog.records]
    assert "deferred /boundary answer for user U1 failed: ConnectionResetError" in logged
    assert "deferred /boundary for user U2 failed: ValueError" in logged
    assert "Priya" not in "\n".join(logged)


def test_a_closed_worker_refuses_new_work() -> None:
    answers = DeferredAnswers(LoadGauge(), send=lambda _u, _m: 200)
    answers.close()
    with pytest.raises(RuntimeError):
        answers.submit(kind="boundary", user_id="U1", response_url="u", answer=lambda: {"text": "a"})
