"""Digest assembly, figure by figure: participation, averages, the 8-week trend, k-anonymity, chart."""

from __future__ import annotations

import dataclasses
import json
import random
import struct

from bot.charts import render_trend_png
from commands.digest import DigestData, LateAnswers, WeekRatings, averages, build_digest, trend
from commands.prompts import PromptLibrary
from commands.types import BulletList, Fields, Paragraph

THIS_WEEK = ((4, 3, 5), (5, 4, 4), (3, 3, 3), (4, None, 4))


def history() -> tuple[WeekRatings, ...]:
    weeks = [WeekRatings(f"2026-W{n:02d}", ((3, 3, 3), (4, 4, 4), (5, 5, 5))) for n in range(39, 47)]
    weeks[-1] = WeekRatings("2026-W46", ((1, 1, 1), (2, 2, 2)))  # only two answers: no averages
    return (*weeks, WeekRatings("2026-W47", THIS_WEEK))


def data(**changes: object) -> DigestData:
    base = DigestData(
        group_name="Tuesday group",
        period="2026-W47",
        members=6,
        answered=4,
        away=1,
        reminders_sent=2,
        failed_deliveries=1,
        history=history(),
        reflection_themes=(("rupture", 2), ("attachment", 3)),
        boundary_categories=(("gifts", 1), ("social_media", 2)),
        agenda_items=("Item A about [NAME-1]", "Item B", "Item C"),
        individual_time=2,
        individual_named=("U0000004",),
        late=(LateAnswers("2026-W46", 1),),
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def text_of(blocks: tuple[object, ...]) -> str:
    return json.dumps([block.__dict__ for block in blocks], default=str)


def test_averages_skip_missing_values_and_round() -> None:
    assert averages(THIS_WEEK) == (4.0, 3.3, 4.0)
    assert averages(()) == (None, None, None)


def test_trend_is_the_last_eight_weeks_with_small_weeks_withheld() -> None:
    points = trend(history())
    assert [p.period for p in points] == [f"2026-W{n:02d}" for n in range(40, 48)]
    assert (points[0].bond, points[0].goals, points[0].tasks, points[0].answers) == (4.0, 4.0, 4.0, 3)
    assert points[-2].answers == 2 and points[-2].bond is None
    assert (points[-1].bond, points[-1].goals, points[-1].tasks) == (4.0, 3.3, 4.0)


def test_full_digest_figures() -> None:
    digest = build_digest(data(), library=PromptLibrary.load(), rng=random.Random(1))
    assert digest.figures == {
        "members": 6,
        "answered": 4,
        "away": 1,
        "not_answered": 1,
        "reminders_sent": 2,
        "failed_deliveries": 1,
        "bond": 4.0,
        "goals": 3.3,
        "tasks": 4.0,
        "individual_time": 2,
    }
    fields = [b for b in digest.reply.blocks if isinstance(b, Fields)]
    assert fields[0].pairs == (
        ("Answered", "4 of 6"),
        ("Away (snoozed)", "1"),
        ("Not answered", "1"),
        ("Reminders sent", "2"),
        ("Failed deliveries", "1"),
    )
    assert fields[1].pairs == (
        ("Bond (avg, 1-5)", "4.0"),
        ("Goals (avg, 1-5)", "3.3"),
        ("Tasks (avg, 1-5)", "4.0"),
    )
    lists = {b.title: b.items for b in digest.reply.blocks if isinstance(b, BulletList)}
    assert lists["Reflection themes this week"] == ("attachment: 3", "rupture: 2")
    assert lists["/boundary questions this week"] == ("social_media: 2", "gifts: 1")
    assert sorted(lists["Brought to supervision (de-identified, no authors)"]) == [
        "Item A about [NAME-1]",
        "Item B",
        "Item C",
    ]
    assert lists["Late answers since the last digest"] == ("2026-W46: 1 late answer",)
    trend_lines = lists["Alliance trend, last 8 week(s)"]
    assert trend_lines[-1] == "2026-W47: bond 4.0, goals 3.3, tasks 4.0 (4 answers)"
    assert trend_lines[-2] == "2026-W46: fewer than 3 answers"
    assert 2 <= len(lists["Questions for the group"]) <= 3
    paragraphs = " ".join(b.text for b in digest.reply.blocks if isinstance(b, Paragraph))
    assert "2 member(s) asked for individual time" in paragraphs and "U0000004" in paragraphs
    assert len(digest.trend) == 8 and not digest.withheld


def test_agenda_order_is_random_but_stable_per_seed() -> None:
    orders = set()
    for seed in range(12):
        blocks = build_digest(data(), library=None, rng=random.Random(seed)).reply.blocks
        items = next(b.items for b in blocks if isinstance(b, BulletList) and b.title.startswith("Brought"))
        orders.add(items)
    assert len(orders) > 1
    again = build_digest(data(), library=None, rng=random.Random(3)).reply
    assert again == build_digest(data(), library=None, rng=random.Random(3)).reply


def test_fewer_than_three_answers_shows_participation_only() -> None:
    digest = build_digest(data(answered=2), library=PromptLibrary.load(), rng=random.Random(1))
    text = text_of(digest.reply.blocks)
    assert digest.withheld and digest.trend == ()
    assert "2 of 6" in text and "Fewer than 3 answers" in text
    for secret in ("Item A", "Bond", "rupture", "social_media", "U0000004", "individual time", "Questions"):
        assert secret not in text
    assert "bond" not in digest.figures


def test_a_quiet_week_still_says_so() -> None:
    quiet = data(
        answered=0,
        away=0,
        reflection_themes=(),
        boundary_categories=(),
        agenda_items=(),
        late=(),
        individual_named=(),
    )
    digest = build_digest(quiet, library=None, rng=random.Random(1))
    assert "No activity this week" in text_of(digest.reply.blocks)
    assert digest.figures["not_answered"] == 6


def test_away_members_are_never_counted_as_not_answered() -> None:
    digest = build_digest(data(answered=3, away=3), library=None, rng=random.Random(1))
    assert digest.figures["not_answered"] == 0


def test_chart_is_a_png_of_the_expected_size() -> None:
    png = render_trend_png(trend(history()), title="Tuesday group")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (800, 400)
