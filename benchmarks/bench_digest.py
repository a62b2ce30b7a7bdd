"""Digest build and chart render for a group of 50 members with 52 weeks of history.

The history is seeded into a temporary SQLite database through the repositories (the same write
paths the bot uses: answers are de-identified and encrypted, deliveries claimed and recorded), so
the reads measured here hit the same rows, indexes and decryption as a real digest. Measured: the
whole :meth:`bot.jobs.CheckinJobs.build_digest` (snapshot query, decryption, 8-week trend, assembly)
and the trend chart's PNG rendering, each repeated, as p50 and p99. Run:
``python benchmarks/bench_digest.py``.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import struct
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.charts import render_trend_png  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.jobs import Runtime, build_runtime  # noqa: E402
from commands.checkin import AnswerInput  # noqa: E402
from commands.groups import GroupInfo, NewGroup  # noqa: E402
from commands.schedule import occurrence_on, parse_weekly  # noqa: E402
from commands.types import Actor  # noqa: E402
from storage.agenda import AgendaRepository  # noqa: E402
from storage.boundary_log import BoundaryLogRepository  # noqa: E402
from storage.checkins import KIND_CHECKIN, reminder_kind  # noqa: E402
from storage.crypto import Cipher, Pseudonymizer, new_key  # noqa: E402
from storage.deidentify import Deidentifier, default_deidentifier  # noqa: E402
from storage.reflections import ReflectionRepository  # noqa: E402

MEMBERS = 50
WEEKS = 52
SECONDS = 3.0
MIN_RUNS = 50
THEMES = ("rupture", "attachment", "countertransference", "boundaries", "self-care")
TEXTS = (
    "I noticed a pull to rescue when the session ran over.",
    "We talked about the missed appointment and what it meant.",
    "Hard week; I felt unsure about how to hold the silence.",
    "A good repair after last week's misunderstanding.",
)
CATEGORIES = ("gifts", "social_media", "dual_relationships", "self_disclosure", "touch")


def _seed(
    rt: Runtime, *, cipher: Cipher, pseudonyms: Pseudonymizer, deid: Deidentifier
) -> tuple[GroupInfo, int]:
    """52 weeks of cycles, deliveries, answers and digests; this week's items; returns the answer count."""
    users = [f"U{n:07d}" for n in range(1, MEMBERS + 1)]
    group = rt.groups.create(
        NewGroup(
            workspace_id="T0BENCH01",
            name="Benchmark group",
            members=tuple(users),
            supervisors=("U9999999",),
            checkin=parse_weekly("MON 09:00"),
            digest=parse_weekly("FRI 16:00"),
            timezone="Europe/London",
            created_by="bench",
            allow_named=True,
        )
    )
    rng = random.Random(52)
    # the newest week's check-in was at least three days ago, so all its answers are in by now
    anchor = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(days=3)
    first_monday = anchor.date() - dt.timedelta(days=anchor.weekday() + 7 * (WEEKS - 1))
    answers = 0
    for week in range(WEEKS):
        occ = occurrence_on(group.schedule, first_monday + dt.timedelta(weeks=week))
        cycle = rt.checkins.ensure_cycle(
            group_id=group.id, period=occ.period, due_at=occ.due_utc, prompt_id="p", now=occ.due_utc
        )
        rt.checkins.ensure_deliveries(cycle_id=cycle.id, targets=users, kind=KIND_CHECKIN)
        answering = rng.sample(users, rng.randint(30, 46))
        quiet = [u for u in users if u not in answering][:3]
        rt.checkins.ensure_deliveries(cycle_id=cycle.id, targets=quiet, kind=reminder_kind(1))
        for user in answering:
            rt.checkins.save_answer(
                cycle_id=cycle.id,
                author=rt.jobs.pseudonyms.author(group.workspace_id, user),
                answer=AnswerInput(
                    bond=rng.randint(2, 5),
                    goals=rng.randint(1, 5),
                    tasks=rng.randint(2, 5),
                    theme=rng.choice(THEMES),
                    text=rng.choice(TEXTS),
                    agenda="Bring the late-cancellation policy to the group" if rng.random() < 0.1 else "",
                    wants_individual_time=rng.random() < 0.1,
                    named_user_id=user if rng.random() < 0.03 else None,
                ),
                now=occ.due_utc + dt.timedelta(hours=rng.randint(1, 48)),
            )
            answers += 1
        if week < WEEKS - 1:
            rt.checkins.claim_digest(cycle.id, now=occ.due_utc + dt.timedelta(days=4, hours=7))
    journal = ReflectionRepository(db=rt.db, cipher=cipher, pseudonyms=pseudonyms, deidentifier=deid)
    agenda = AgendaRepository(db=rt.db, cipher=cipher, pseudonyms=pseudonyms, deidentifier=deid)
    asks = BoundaryLogRepository(db=rt.db)
    for n, user in enumerate(users[:30]):
        actor = Actor(workspace_id=group.workspace_id, user_id=user)
        journal.save(actor=actor, text=TEXTS[n % len(TEXTS)], theme=THEMES[n % len(THEMES)], prompt_id=None)
        asks.record_ask(actor=actor, category=CATEGORIES[n % len(CATEGORIES)])
        if n % 3 == 0:
            agenda.add(
                actor=actor, text="Ending with a client who keeps extending", source="boundary", category=None
            )
    return rt.groups.by_id(group.id), answers


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return statistics.median(ordered), p99


def _time(body: object) -> list[float]:
    assert callable(body)
    samples: list[float] = []
    started = time.perf_counter()
    while len(samples) < MIN_RUNS or time.perf_counter() - started < SECONDS:
        t0 = time.perf_counter()
        body()
        samples.append((time.perf_counter() - t0) * 1000)
    return samples


def run() -> list[tuple[str, str]]:
    """Seed, measure, and return the table rows (label, value)."""
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(
            _env_file=None,  # type: ignore[call-arg]
            database_url=f"sqlite:///{Path(folder) / 'bench.db'}",
            data_dir=Path(folder),
            scheduler_enabled=False,
        )
        cipher = Cipher([new_key().encode()])
        pseudonyms = Pseudonymizer(b"a-benchmark-pseudonym-key-of-enough-length")
        deid = default_deidentifier()
        rt = build_runtime(settings, cipher=cipher, pseudonyms=pseudonyms, deidentifier=deid)
        started = time.perf_counter()
        group, answers = _seed(rt, cipher=cipher, pseudonyms=pseudonyms, deid=deid)
        seeded = time.perf_counter() - started
        cycle = rt.checkins.cycles(group_id=group.id, limit=1)[0]
        as_of = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        digest = rt.jobs.build_digest(group, cycle, cycle.period, as_of=as_of)
        assert digest.trend and not digest.withheld, "the benchmark digest must have a full breakdown"
        build = _time(lambda: rt.jobs.build_digest(group, cycle, cycle.period, as_of=as_of))
        png = render_trend_png(digest.trend, title=f"{group.name}: alliance trend")
        chart = _time(lambda: render_trend_png(digest.trend, title=f"{group.name}: alliance trend"))
        width, height = struct.unpack(">II", png[16:24])
        rt.db.dispose()
    build_p50, build_p99 = _percentiles(build)
    chart_p50, chart_p99 = _percentiles(chart)
    return [
        ("group", f"{MEMBERS} members, {WEEKS} weeks, {answers:,} answers"),
        ("seeding through the repositories", f"{seeded:.1f} s"),
        (f"digest build p50 ({len(build)} runs)", f"{build_p50:.1f} ms"),
        ("digest build p99", f"{build_p99:.1f} ms"),
        (f"chart render p50 ({len(chart)} runs)", f"{chart_p50:.1f} ms"),
        ("chart render p99", f"{chart_p99:.1f} ms"),
        ("chart", f"{width}x{height} PNG, {len(png) / 1024:.0f} KB"),
        ("digest size", f"{len(digest.reply.blocks)} blocks, {digest.figures['answered']} answered"),
    ]


def main() -> None:
    figures = run()
    width = max(len(label) for label, _ in figures)
    print(f"{'figure':<{width}}  value")
    for label, value in figures:
        print(f"{label:<{width}}  {value}")


if __name__ == "__main__":
    main()
