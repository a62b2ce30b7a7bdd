"""Several `serve` processes on one database: migrations, the scheduler lease, and a leader killed
with SIGKILL in the middle of a check-in fan-out.

The kill test needs PostgreSQL (the production multi-replica set-up; ``.ci/run`` provides one as
``TEST_DATABASE_URL``). Three replicas start together, all with the scheduler on; the one that
takes the lease runs the catch-up pass for a cycle that fell due two minutes ago, sending 60 DMs
through a fake Web API slowed to take seconds. The test kills that leader mid-way, then checks
that a standby takes the lease, finishes the fan-out and settles the send that was in flight,
and that every member got exactly one check-in DM. Lease and claim times are shortened through
their settings, nothing else.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pytest

from bot.cli import main
from bot.jobs import SENDERS
from storage.checkins import KIND_CHECKIN, STATUS_SENDING, STATUS_SENT, CheckinRepository
from storage.crypto import build_cipher, new_key
from storage.db import Database
from storage.groups import GroupRepository
from storage.leases import LeaseRepository
from tests.bot.test_serve_process import free_port
from tests.conftest import SIGNING_SECRET, RunningApp
from tests.fakes import payloads
from tests.fakes.slack_web_api import FakeSlackWebAPI

MEMBERS = tuple(f"U1{n:06d}" for n in range(60))
SUPERVISOR = "U9000001"
WEEKDAYS = ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")
LEASE_SECONDS = 3
RENEW_SECONDS = 1
CLAIM_SECONDS = 4
RETRY_SECONDS = 1
DELAYS = {"users.info": 0.02, "conversations.open": 0.02, "chat.postMessage": 0.1}
"""Seconds per Web API call: with a DB write or three per member, the fan-out of 60 takes ~10 s."""
KILL_AFTER = 15

needs_postgres = pytest.mark.skipif(
    not os.environ.get("TEST_DATABASE_URL"),
    reason="several replicas share one PostgreSQL in production; set TEST_DATABASE_URL (.ci/run does)",
)


@dataclass
class Replica:
    """One `supervision-bot serve` process."""

    process: subprocess.Popen[bytes]
    app: RunningApp
    log: Path
    out: IO[bytes] = field(repr=False)

    def output(self) -> str:
        """What the process logged so far."""
        self.out.flush()
        return self.log.read_text(errors="replace")


def weekly(moment: dt.datetime) -> str:
    """``"MON 09:00"`` for a UTC instant."""
    return f"{WEEKDAYS[moment.weekday()]} {moment:%H:%M}"


@pytest.fixture
def replica_env(tmp_path: Path, fake_slack: FakeSlackWebAPI, database_url: str) -> dict[str, str]:
    """What an operator sets on every replica: the same keys, the same database, short leases."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE_URL", "ENCRYPTION"))}
    env.update(
        {
            "SLACK_BOT_TOKEN": "xoxb-replicas",
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": fake_slack.base_url,
            "DATABASE_URL": database_url,
            "ENCRYPTION_KEYS": new_key(),
            "PSEUDONYM_KEY": "a-replica-pseudonym-key-long-enough",
            "LOG_LEVEL": "INFO",
            "SCHEDULER_ENABLED": "true",
            "SCHEDULER_LEASE_SECONDS": str(LEASE_SECONDS),
            "SCHEDULER_RENEW_SECONDS": str(RENEW_SECONDS),
            "DELIVERY_CLAIM_SECONDS": str(CLAIM_SECONDS),
            "DELIVERY_RETRY_SECONDS": str(RETRY_SECONDS),
            "DATA_DIR": str(tmp_path / "cli-data"),
        }
    )
    return env


@pytest.fixture
def replicas(tmp_path: Path) -> Iterator[list[Replica]]:
    """Started by the test (so it decides when); every survivor is stopped with SIGTERM after."""
    started: list[Replica] = []
    yield started
    for replica in started:
        if replica.process.poll() is None:
            replica.process.send_signal(signal.SIGTERM)
    for replica in started:
        try:
            replica.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            replica.process.kill()
            replica.process.wait(timeout=5)
        replica.out.close()


def start_replica(env: dict[str, str], tmp_path: Path, name: str) -> Replica:
    """``supervision-bot serve`` on a free loopback port, with its own data folder and log file."""
    port = free_port()
    home = tmp_path / name
    home.mkdir()
    log = home / "serve.log"
    out = log.open("wb")
    script = Path(sys.executable).with_name("supervision-bot")
    process = subprocess.Popen(
        [str(script), "serve", "--host", "127.0.0.1", "--port", str(port)],
        env={**env, "DATA_DIR": str(home / "data")},
        cwd=home,
        stdout=out,
        stderr=subprocess.STDOUT,
    )
    app = RunningApp(base_url=f"http://127.0.0.1:{port}", services=None)  # type: ignore[arg-type]
    return Replica(process=process, app=app, log=log, out=out)


def wait_healthy(replica: Replica, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(replica.app.base_url + "/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            if replica.process.poll() is not None:
                raise AssertionError(f"serve exited during start-up:\n{replica.output()[-3000:]}") from None
            time.sleep(0.1)
    raise AssertionError(f"serve did not become healthy:\n{replica.output()[-3000:]}")


def wait_for(predicate: object, timeout: float, what: str, step: float = 0.05) -> float:
    """Poll ``predicate`` until true; returns the seconds it took."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if predicate():  # type: ignore[operator]
            return time.monotonic() - started
        time.sleep(step)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def delivered(fake: FakeSlackWebAPI) -> int:
    counts = fake.dm_counts()
    return sum(counts.get(member, 0) for member in MEMBERS)


def test_replicas_starting_together_migrate_an_empty_database_once(
    replica_env: dict[str, str], tmp_path: Path
) -> None:
    """A rolling deploy onto a fresh database: every replica comes up (PostgreSQL: advisory lock)."""
    script = Path(sys.executable).with_name("supervision-bot")
    procs = [
        subprocess.Popen(
            [str(script), "db", "upgrade"],
            env={**replica_env, "DATA_DIR": str(tmp_path / f"m{n}")},
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        for n in range(4)
    ]
    outputs = [p.communicate(timeout=120)[0].decode(errors="replace") for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], [o[-800:] for o in outputs]


@needs_postgres
def test_a_standby_finishes_the_fan_out_of_a_leader_killed_mid_way(
    replica_env: dict[str, str],
    replicas: list[Replica],
    fake_slack: FakeSlackWebAPI,
    database_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # a group whose check-in fell due two minutes ago, while no replica was running
    due = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=2)
    for name, value in replica_env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(tmp_path)
    code = main(
        [
            "group", "create", "--name", "big", "--members", ",".join(MEMBERS),
            "--supervisors", SUPERVISOR, "--checkin", weekly(due),
            "--digest", weekly(due + dt.timedelta(days=1)), "--tz", "UTC",
        ]
    )  # fmt: skip
    assert code == 0
    capsys.readouterr()
    for method, seconds in DELAYS.items():
        fake_slack.slow_down(seconds, method)

    # three replicas start together; whichever takes the lease catches the cycle up
    replicas.extend(start_replica(replica_env, tmp_path, f"r{n}") for n in range(3))
    for replica in replicas:
        wait_healthy(replica)
    db = Database(database_url)
    try:
        leases = LeaseRepository(db=db)
        # kill while a chat.postMessage is in flight: Slack takes it, the leader never hears back
        wait_for(
            lambda: fake_slack.received["chat.postMessage"] > KILL_AFTER,
            60,
            "the leader's fan-out to get going",
            step=0.002,
        )
        holder = leases.holder("scheduler")
        assert holder is not None
        leader_pid = int(holder[0].split(":")[1])
        by_pid = {r.process.pid: r for r in replicas}
        assert leader_pid in by_pid, "the lease is held by one of the replicas"
        leader = by_pid.pop(leader_pid)
        standbys = list(by_pid.values())

        os.kill(leader_pid, signal.SIGKILL)
        killed_at = time.monotonic()
        leader.process.wait(timeout=10)
        at_kill = fake_slack.received["chat.postMessage"]
        assert at_kill < len(MEMBERS), "the leader died in the middle of its fan-out"

        # the standbys keep answering Slack while the lease is in limbo
        for standby in standbys:
            status, body = standby.app.post(payloads.slash_command("/boundary", "a client sent me a gift"))
            assert status == 200 and body

        takeover = wait_for(
            lambda: (held := leases.holder("scheduler")) is not None and held[0] != holder[0],
            LEASE_SECONDS + 10,
            "a standby to take the lease",
        )
        new_pid = int((leases.holder("scheduler") or ("", ""))[0].split(":")[1])
        assert new_pid in by_pid

        group = GroupRepository(db=db).list_groups()[0]
        checkins = CheckinRepository(db=db, cipher=build_cipher(configured=new_key(), data_dir=tmp_path))
        cycle = checkins.cycles(group_id=group.id, limit=1)[0]

        def all_sent() -> bool:
            rows = checkins.deliveries(cycle_id=cycle.id, kind=KIND_CHECKIN)
            return len(rows) == len(MEMBERS) and all(r.status == STATUS_SENT for r in rows)

        wait_for(all_sent, 60, "every delivery row to be sent", step=0.2)
        finished = time.monotonic() - killed_at
        rows = checkins.deliveries(cycle_id=cycle.id, kind=KIND_CHECKIN)
    finally:
        db.dispose()

    counts = fake_slack.dm_counts()
    assert {m: counts.get(m, 0) for m in MEMBERS} == dict.fromkeys(MEMBERS, 1), "exactly one DM each"
    assert counts.get(SUPERVISOR, 0) == 0
    assert {r.user_id for r in rows} == set(MEMBERS) and not [r for r in rows if r.status == STATUS_SENDING]
    interrupted = [r for r in rows if r.attempts > 1]
    looked = len(fake_slack.calls_to("conversations.history"))
    survivor_logs = "".join(s.output() for s in standbys)
    # the leader had up to FANOUT_SENDERS sends in flight: each was looked up, none sent again
    assert 1 <= len(interrupted) <= SENDERS and looked >= len(interrupted), (len(interrupted), looked)
    assert "had gone out before it was interrupted" in survivor_logs
    assert "Traceback" not in survivor_logs
    with capsys.disabled():
        sys.stderr.write(
            f"\n[scale-out] {len(MEMBERS)} members, Web API delays {DELAYS}; leader killed with "
            f"DM {at_kill} in flight; lease taken over {takeover:.2f} s after SIGKILL "
            f"(lease {LEASE_SECONDS} s, renew {RENEW_SECONDS} s); fan-out finished {finished:.2f} s "
            f"after SIGKILL; {len(interrupted)} interrupted send(s) settled after "
            f"{looked} history lookup(s)\n"
        )


def test_a_lease_renewed_less_often_than_it_lasts_is_refused_at_start() -> None:
    from pydantic import ValidationError

    from bot.config import Settings

    with pytest.raises(ValidationError, match="SCHEDULER_RENEW_SECONDS"):
        Settings(_env_file=None, scheduler_lease_seconds=30, scheduler_renew_seconds=30)  # type: ignore[call-arg]
