"""APScheduler jobs derived from the groups table, run only by the process holding the lease.

* The groups table is the truth. :meth:`GroupScheduler.rebuild` turns it into one ``CronTrigger``
  per group and kind (check-in, digest) in the group's zone, with weekday *names*, a generous
  ``misfire_grace_time`` and ``coalesce``; it runs on start, whenever a command changes a group
  (in-process callback), and when a periodic check notices another process changed one.
* Jobs carry ids only (``"checkin", group_id``); the bot token is looked up when the job runs.
* Every job body first checks the lease (:class:`storage.leases.LeaseRepository`): with several
  processes on one database only the holder works, and the unique delivery rows keep sends
  exactly-once even if two ever overlap.
* On start (and whenever this process becomes the holder) a catch-up pass opens cycles that fell
  due while nobody was running, until their digest time.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable
from typing import Any

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.config import Settings
from bot.jobs import CheckinJobs, Runtime, build_runtime
from commands.groups import GroupInfo, UnknownGroup
from storage.leases import LeaseRepository

logger = logging.getLogger(__name__)

LEASE_NAME = "scheduler"
LEASE_TTL = dt.timedelta(seconds=90)
LEASE_RENEW_SECONDS = 30
MISFIRE_GRACE_SECONDS = 6 * 3600
"""A job that could not run on time (process busy, clock jump) still runs within six hours."""
RETRY_MINUTES = 2
REMINDER_MINUTES = 5
RESYNC_SECONDS = 60


class GroupScheduler:
    """A BackgroundScheduler whose group jobs mirror the groups table."""

    def __init__(
        self,
        *,
        jobs: CheckinJobs,
        leases: LeaseRepository,
        scheduler: BackgroundScheduler | None = None,
        holder: str | None = None,
        lease_ttl: dt.timedelta = LEASE_TTL,
        renew_seconds: float = LEASE_RENEW_SECONDS,
        retry_seconds: float = RETRY_MINUTES * 60,
    ) -> None:
        """``lease_ttl`` bounds how long a dead leader's work waits for a standby; the leader
        renews every ``renew_seconds`` (shorter, so a live leader never loses the lease)."""
        self.lease_ttl = lease_ttl
        self.renew_seconds = renew_seconds
        self.retry_seconds = retry_seconds
        self.jobs = jobs
        self.leases = leases
        self.scheduler = scheduler or BackgroundScheduler(
            timezone="UTC",
            job_defaults={"coalesce": True, "misfire_grace_time": MISFIRE_GRACE_SECONDS, "max_instances": 1},
        )
        self.holder = holder or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._leader = False
        self._lock = threading.RLock()
        self._signature: tuple[object, ...] = ()

    # ------------------------------------------------------------------ lease

    def renew_lease(self) -> bool:
        """Take or renew the lease; on becoming the holder, run the catch-up pass."""
        now = self.jobs.clock()
        held = self.leases.acquire(LEASE_NAME, holder=self.holder, now=now, ttl=self.lease_ttl)
        became = held and not self._leader
        self._leader = held
        if became:
            logger.info("this process holds the scheduler lease")
            self._safely("catch-up", self.jobs.catch_up)
        return held

    @property
    def is_leader(self) -> bool:
        """Whether this process runs job bodies (checked again before each job)."""
        return self._leader

    # ------------------------------------------------------------------ jobs

    @staticmethod
    def job_id(kind: str, group_id: int) -> str:
        """Stable job ids: a rebuild replaces jobs rather than adding duplicates."""
        return f"{kind}:{group_id}"

    def rebuild(self) -> list[str]:
        """Derive the group jobs from the table; returns the ids now scheduled."""
        with self._lock:
            groups = self.jobs.groups.list_groups()
            self._signature = _signature(groups)
            wanted: dict[str, tuple[str, GroupInfo]] = {}
            for group in groups:
                wanted[self.job_id("checkin", group.id)] = ("checkin", group)
                wanted[self.job_id("digest", group.id)] = ("digest", group)
            for job in self.scheduler.get_jobs():
                if job.id.split(":", 1)[0] in ("checkin", "digest") and job.id not in wanted:
                    job.remove()
            for job_id, (kind, group) in wanted.items():
                at = group.checkin if kind == "checkin" else group.digest
                trigger = CronTrigger(
                    day_of_week=at.weekday, hour=at.hour, minute=at.minute, timezone=group.timezone
                )
                self.scheduler.add_job(
                    self.run_group_job,
                    trigger=trigger,
                    args=[kind, group.id],
                    id=job_id,
                    name=f"{kind} for group {group.id}",
                    replace_existing=True,
                    misfire_grace_time=MISFIRE_GRACE_SECONDS,
                    coalesce=True,
                )
            return sorted(wanted)

    def resync(self) -> None:
        """Rebuild when another process (the CLI, another replica) changed a group's schedule."""
        if _signature(self.jobs.groups.list_groups()) != self._signature:
            self.rebuild()

    def run_group_job(self, kind: str, group_id: int) -> None:
        """A cron job's body: look the group up now, and work only while holding the lease."""
        if not self.renew_lease():
            return
        try:
            group = self.jobs.groups.by_id(group_id)
        except UnknownGroup:
            return
        if kind == "checkin":
            self._safely(f"check-in of group {group_id}", lambda: self.jobs.open_cycle(group))
        elif kind == "digest":
            self._safely(f"digest of group {group_id}", lambda: self.jobs.send_digest(group))

    def run_periodic(self, kind: str) -> None:
        """Retries, reminders and purge: lease holder only."""
        if not self._leader:
            return
        bodies: dict[str, Callable[[], object]] = {
            "retry": self.jobs.retry_failed,
            "reminders": self.jobs.remind_due,
            "purge": self.jobs.purge,
            "resync": self.resync,
        }
        self._safely(kind, bodies[kind])

    @staticmethod
    def _safely(what: str, body: Callable[[], object]) -> None:
        try:
            body()
        except Exception:
            logger.exception("scheduled %s failed", what)

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> GroupScheduler:
        """Build the jobs, take the lease if free (catching up), and start the scheduler thread."""
        self.rebuild()
        add = self.scheduler.add_job
        add(self.renew_lease, IntervalTrigger(seconds=self.renew_seconds), id="lease", replace_existing=True)
        for kind, trigger in (
            ("retry", IntervalTrigger(seconds=self.retry_seconds)),
            ("reminders", IntervalTrigger(minutes=REMINDER_MINUTES)),
            ("resync", IntervalTrigger(seconds=RESYNC_SECONDS)),
            ("purge", CronTrigger(hour=3, minute=30, timezone="UTC")),
        ):
            add(self.run_periodic, trigger, args=[kind], id=kind, replace_existing=True)
        self.scheduler.start()
        # the first lease check (and catch-up) runs in the scheduler's thread, not the caller's
        add(self.renew_lease, id="lease-now", replace_existing=True)
        return self

    def stop(self) -> None:
        """Stop the scheduler and give the lease up so another process can take over at once."""
        try:
            self.scheduler.shutdown(wait=False)
        except Exception:  # already stopped
            logger.debug("scheduler was not running")
        if self._leader:
            self.leases.release(LEASE_NAME, holder=self.holder)
            self._leader = False


def _signature(groups: list[GroupInfo]) -> tuple[object, ...]:
    return tuple(
        (g.id, g.timezone, g.checkin_weekday, g.checkin_time, g.digest_weekday, g.digest_time) for g in groups
    )


def start_scheduler(settings: Settings, services: Any) -> GroupScheduler:
    """Start the scheduler beside the request handlers (called by ``serve``)."""
    runtime: Runtime | None = getattr(services, "runtime", None)
    if runtime is None:
        runtime = build_runtime(
            settings,
            db=services.db,
            cipher=services.cipher,
            pseudonyms=services.pseudonyms,
            deidentifier=services.deidentifier,
        )
    scheduler = GroupScheduler(
        jobs=runtime.jobs,
        leases=LeaseRepository(db=runtime.db),
        lease_ttl=dt.timedelta(seconds=settings.scheduler_lease_seconds),
        renew_seconds=settings.scheduler_renew_seconds,
        retry_seconds=settings.delivery_retry_seconds,
    )
    desk = getattr(services, "supervision_desk", None)
    if desk is not None:
        desk.subscribe(scheduler.rebuild)
    return scheduler.start()
