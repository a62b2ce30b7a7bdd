"""Check-in fan-out to 1,000 members through the fake Web API enforcing Slack-like rate limits.

The real job bodies (``CheckinJobs.open_cycle``, then ``retry_failed`` passes until nothing is
left) send through slack_sdk clients with the bot's retry handlers, against the fake Web API on
127.0.0.1 which enforces, for ``chat.postMessage``:

* Slack's per-channel limit (one message per second per channel: each member's DM is its own
  channel, so this never binds for one check-in each, but a retry storm would trip it), and
* a workspace-wide tier limit: more than ``--rate`` calls in any ``--window``-second sliding window
  are answered 429 with Retry-After (whole seconds until the window has room).

Slack publishes only "several hundred per minute" for the workspace-wide ceiling; the default here
(50 per second) is time-compressed so the run takes tens of seconds, not minutes. The floor is the
least time any sender could take under that limit: the first window's burst is free, then one
window per ``rate`` messages. ``users.info`` is not throttled here, and DMs are addressed to user ids
(no ``conversations.open``): see the notes in the table. Senders: ``FANOUT_SENDERS`` (default 4).
Zero lost and zero duplicated are checked on what the fake accepted, and
every delivery row must end ``sent``. Run: ``python benchmarks/bench_fanout.py [--members 1000]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.config import Settings  # noqa: E402
from bot.jobs import build_runtime  # noqa: E402
from commands.groups import NewGroup  # noqa: E402
from commands.schedule import parse_weekly  # noqa: E402
from storage.checkins import KIND_CHECKIN, STATUS_SENT  # noqa: E402
from storage.crypto import new_key  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.deidentify import default_deidentifier  # noqa: E402
from tests.fakes.slack_web_api import TEAM_ID, FakeSlackWebAPI  # noqa: E402

WEEKDAYS = ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")


def floor_seconds(messages: int, rate: int, window: float) -> float:
    """The least time ``messages`` sends can take when at most ``rate`` fit in any ``window``."""
    return max(0, math.ceil(messages / rate) - 1) * window


def measure(members: int = 1000, rate: int = 50, window: float = 1.0) -> list[tuple[str, str]]:
    fake = FakeSlackWebAPI().start()
    fake.rate_limit("chat.postMessage", rate, window)
    fake.limit_per_channel("chat.postMessage", 1.0)
    users = [f"U{n:07d}" for n in range(1, members + 1)]
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None, second=0, microsecond=0)
    due = now - dt.timedelta(minutes=5)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            _env_file=None,  # type: ignore[call-arg]
            slack_bot_token="xoxb-bench",  # type: ignore[arg-type]
            slack_signing_secret="bench",  # type: ignore[arg-type]
            slack_api_url=fake.base_url,
            database_url=os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{tmp}/fanout.db",
            data_dir=Path(tmp),
            encryption_keys=new_key(),  # type: ignore[arg-type]
            pseudonym_key="a-bench-pseudonym-key-long-enough",  # type: ignore[arg-type]
            scheduler_enabled=False,
        )
        db = Database(settings.resolved_database_url)
        db.upgrade()
        clock = [now]
        rt = build_runtime(settings, db=db, deidentifier=default_deidentifier(), clock=lambda: clock[0])
        group = rt.groups.create(
            NewGroup(
                workspace_id=TEAM_ID,
                name=f"bench-{time.time_ns()}",
                members=tuple(users),
                supervisors=("U9999999",),
                checkin=parse_weekly(f"{WEEKDAYS[due.weekday()]} {due:%H:%M}"),
                digest=parse_weekly(f"{WEEKDAYS[(due.weekday() + 1) % 7]} {due:%H:%M}"),
                timezone="UTC",
                created_by="bench",
            )
        )
        started = time.perf_counter()
        result = rt.jobs.open_cycle(group)
        passes = 1
        cycle = rt.checkins.cycle(group_id=group.id, period=result.period)
        assert cycle is not None
        while True:
            rows = rt.checkins.deliveries(cycle_id=cycle.id, kind=KIND_CHECKIN)
            if all(r.status == STATUS_SENT for r in rows) or passes >= 20:
                break
            clock[0] += dt.timedelta(hours=7)  # past any backoff: what the retry job would find due
            rt.jobs.retry_failed()
            passes += 1
        wall = time.perf_counter() - started
        db.dispose()
    counts = fake.dm_counts()
    fake.stop()
    lost = sum(1 for u in users if counts.get(u, 0) == 0)
    duplicated = sum(1 for u in users if counts.get(u, 0) > 1)
    limited = len([c for c in fake.calls_to("chat.postMessage", delivered_only=False) if c.status == 429])
    floor = floor_seconds(members, rate, window)
    unsent = sum(1 for r in rows if r.status != STATUS_SENT)
    return [
        ("members", f"{members:,}"),
        ("modelled limit (chat.postMessage)", f"{rate} per {window:g} s sliding window, 1 per s per channel"),
        ("lost / duplicated / rows not sent", f"{lost} / {duplicated} / {unsent}"),
        ("429 answers honoured", f"{limited:,}"),
        ("passes (open + retries)", str(passes)),
        ("wall time s", f"{wall:.1f}"),
        ("rate-limit floor s", f"{floor:.1f}"),
        ("wall / floor", f"{wall / floor:.2f}" if floor else "n/a"),
        ("throughput DMs/s", f"{members / wall:.1f}"),
        (
            "not modelled",
            "users.info (Tier 4) runs unthrottled here; DMs go to user ids, so no conversations.open",
        ),
    ]


def run() -> list[tuple[str, str]]:
    """Rows for the aggregated benchmark table."""
    return measure()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--members", type=int, default=1000)
    parser.add_argument("--rate", type=int, default=50, help="calls allowed per window (workspace-wide)")
    parser.add_argument("--window", type=float, default=1.0, help="the sliding window in seconds")
    args = parser.parse_args()
    for label, value in measure(args.members, args.rate, args.window):
        print(f"| {label:<36} | {value:>20} |")


if __name__ == "__main__":
    main()
