"""The bodies of check-in work: open a cycle, remind, send a digest, retry, purge, catch up.

The CLI, the scheduler and the slash commands all call these, so "exactly once" is implemented
once. Every method takes ids or :class:`GroupInfo` values and looks everything else up when it
runs: a scheduler job holds a group id, never a token or a client.

Each send follows the same steps: make sure the delivery row exists (unique on cycle, user and
kind), claim it with one conditional UPDATE, send, then record ``sent`` or the error code with the
time of the next try. A second process, a re-run or a re-fired job finds the row claimed or sent
and sends nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import zlib
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any

from bot.charts import render_trend_png
from bot.config import Settings
from bot.messenger import Messenger, Outcome, build_messenger
from bot.slack import fanout
from bot.slack.lifecycle import purge_uninstalled
from commands.checkin import (
    AnswerInput,
    CurrentCheckin,
    SavedAnswer,
    channel_notice,
    checkin_message,
    reminder_message,
)
from commands.digest import Digest, build_digest
from commands.groups import GroupInfo, HolidayInfo, NewGroup, UnknownGroup
from commands.ports import Deidentifier
from commands.prompts import Prompt, PromptLibrary
from commands.schedule import (
    Occurrence,
    current_occurrence,
    digest_due,
    format_local,
    latest_occurrence,
    next_occurrence,
    occurrence_of_period,
    reminder_due,
)
from commands.supervision import FailedDelivery, GroupStatus
from commands.types import Actor, FileAttachment, Reply
from storage.checkins import (
    KIND_CHANNEL,
    KIND_CHART,
    KIND_CHECKIN,
    KIND_DIGEST,
    STATUS_FAILED,
    STATUS_GAVE_UP,
    STATUS_SENT,
    CheckinRepository,
    CycleInfo,
    DeliveryInfo,
    reminder_kind,
)
from storage.crypto import Cipher, Pseudonymizer, build_cipher, build_pseudonymizer
from storage.db import Database
from storage.digests import DigestRepository
from storage.groups import GroupRepository
from storage.lifecycle import WorkspaceLifecycleRepository

logger = logging.getLogger(__name__)

CLAIM_HOLD = dt.timedelta(minutes=10)
"""Longer than one send with every SDK retry; a claim older than this belongs to a dead process."""
AMBIGUOUS_ERRORS = frozenset({"timeout", "connection", "interrupted"})
"""Failures after which the message may still have reached Slack: look before sending again.
``interrupted`` marks a send whose claimer died and whose lookup could not be done yet."""
MARKED_KINDS = (KIND_CHECKIN, KIND_DIGEST)
"""DM kinds (with ``reminder-N``) that carry a marker, so an interrupted send can be found."""
LOOKBACK = dt.timedelta(minutes=5)
MAX_ATTEMPTS = 8
STALE_PENDING = dt.timedelta(minutes=15)
CATCH_UP_DIGEST_GRACE = dt.timedelta(hours=24)


SENDERS = 4
"""Messages of one fan-out in flight at once (``FANOUT_SENDERS``): enough to keep sending while
one sender waits on a rate limit or a slow answer, few enough not to provoke a storm of 429s."""


def utcnow() -> dt.datetime:
    """Naive UTC, as stored."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def backoff(attempts: int) -> dt.timedelta:
    """Wait before try ``attempts + 1``: 2, 4, 8 ... minutes, at most six hours."""
    return dt.timedelta(minutes=min(2**attempts, 360))


@dataclass(frozen=True)
class SendTally:
    """How one fan-out went."""

    sent: int = 0
    already: int = 0
    failed: int = 0
    skipped: int = 0
    errors: tuple[str, ...] = ()


@dataclass(frozen=True)
class OpenResult:
    """What opening a cycle did."""

    group: str
    period: str
    status: str
    """``opened``, ``holiday``, ``paused`` or ``closed`` (the period's digest already went out)."""
    due: dt.datetime | None = None
    tally: SendTally = field(default_factory=SendTally)
    away: int = 0
    note: str = ""


@dataclass(frozen=True)
class DigestResult:
    """What sending a digest did."""

    group: str
    period: str
    status: str
    """``sent`` or ``paused`` / ``holiday`` (nothing sent)."""
    tally: SendTally = field(default_factory=SendTally)
    charts: int = 0


class CheckinJobs:
    """Opens cycles and sends check-ins, reminders and digests, exactly once each."""

    def __init__(
        self,
        *,
        groups: GroupRepository,
        checkins: CheckinRepository,
        digests: DigestRepository,
        pseudonyms: Pseudonymizer,
        clients: fanout.ClientFactory,
        library: PromptLibrary,
        clock: Callable[[], dt.datetime] | None = None,
        lifecycle: WorkspaceLifecycleRepository | None = None,
        messenger: Messenger | None = None,
        claim_hold: dt.timedelta = CLAIM_HOLD,
        senders: int = SENDERS,
    ) -> None:
        """``messenger`` sends to Slack and/or Teams; without one, Slack through ``clients``.

        ``claim_hold`` (``DELIVERY_CLAIM_SECONDS``) is how long a claimed send belongs to its
        claimer; after that another process may finish it (looking first whether it went out).
        """
        self.claim_hold = claim_hold
        self.senders = senders
        if messenger is None:
            from bot.slack.messenger import SlackMessenger

            messenger = SlackMessenger(clients)
        self.messenger = messenger
        self.lifecycle = lifecycle
        self.groups = groups
        self.checkins = checkins
        self.digests = digests
        self.pseudonyms = pseudonyms
        self.clients = clients
        self.library = library
        # resolved when built, not when imported: a clock patched on the module reaches every job
        self.clock = clock or utcnow

    # ------------------------------------------------------------------ opening

    def open_cycle(self, group: GroupInfo, *, occurrence: Occurrence | None = None) -> OpenResult:
        """Open a cycle (this week's by default) and send its DMs; safe to run any number of times."""
        now = self.clock()
        occ = occurrence or current_occurrence(group.schedule, now)
        holiday = self.groups.holiday_on(group.id, occ.local_date)
        if holiday is not None:
            note = f" ({holiday.note})" if holiday.note else ""
            return OpenResult(
                group.name, occ.period, "holiday", occ.due_utc, note=f"{occ.local_date} is a holiday{note}"
            )
        if group.paused_on(occ.local_date):
            until = f" until {group.paused_until}" if group.paused_until else ""
            return OpenResult(
                group.name, occ.period, "paused", occ.due_utc, note=f"the group is paused{until}"
            )
        existing = self.checkins.cycle(group_id=group.id, period=occ.period)
        if existing is not None and existing.digest_sent_at is not None:
            return OpenResult(
                group.name, occ.period, "closed", occ.due_utc, note="this week's digest already went out"
            )
        cycle = existing or self.checkins.ensure_cycle(
            group_id=group.id,
            period=occ.period,
            due_at=occ.due_utc,
            prompt_id=self._pick_prompt(group, occ.period).id,
            now=now,
        )
        active = [m.user_id for m in group.members if not m.away_on(occ.local_date)]
        self.checkins.ensure_deliveries(cycle_id=cycle.id, targets=active, kind=KIND_CHECKIN)
        if group.channel_id:
            self.checkins.ensure_deliveries(cycle_id=cycle.id, targets=[group.channel_id], kind=KIND_CHANNEL)
        tally = self._fan_out(group, cycle, kinds=(KIND_CHECKIN, KIND_CHANNEL))
        away = len(group.members) - len(active)
        logger.info(
            "group %s cycle %s: %d sent, %d already, %d failed",
            group.id,
            cycle.period,
            tally.sent,
            tally.already,
            tally.failed,
        )
        return OpenResult(group.name, cycle.period, "opened", cycle.due_at, tally=tally, away=away)

    def _pick_prompt(self, group: GroupInfo, period: str) -> Prompt:
        """The week's prompt: deterministic per (group, period), so every opener picks the same."""
        seed = zlib.crc32(f"{group.id}:{period}".encode())
        return self.library.pick(rng=random.Random(seed))

    # ------------------------------------------------------------------ reminders

    def send_reminders(self, group: GroupInfo, *, number: int = 1) -> SendTally:
        """Remind members who have not answered: never snoozed ones, never after the digest."""
        if number < 1 or number > group.reminder_count:
            return SendTally()
        now = self.clock()
        occ = latest_occurrence(group.schedule, now)
        cycle = self.checkins.cycle(group_id=group.id, period=occ.period)
        if cycle is None or cycle.digest_sent_at is not None or cycle.skipped_reason:
            return SendTally()
        if now < reminder_due(cycle.due_at, delay_hours=group.reminder_delay_hours, number=number):
            return SendTally()
        if now >= digest_due(group.schedule, cycle.due_at):
            return SendTally()
        targets = self._reminder_targets(group, cycle, now)
        kind = reminder_kind(number)
        self.checkins.ensure_deliveries(cycle_id=cycle.id, targets=targets, kind=kind)
        return self._fan_out(group, cycle, kinds=(kind,))

    def _reminder_targets(self, group: GroupInfo, cycle: CycleInfo, now: dt.datetime) -> list[str]:
        answered = self.checkins.answered_authors(cycle_id=cycle.id)
        received = {
            d.user_id
            for d in self.checkins.deliveries(cycle_id=cycle.id, kind=KIND_CHECKIN)
            if d.status == STATUS_SENT
        }
        today = occurrence_day(group, now)
        return [
            m.user_id
            for m in group.members
            if m.user_id in received
            and m.reminders_enabled
            and not m.away_on(today)
            and self.pseudonyms.author(group.workspace_id, m.user_id) not in answered
        ]

    def remind_due(self) -> SendTally:
        """The periodic reminder pass over every group (cheap when nothing is due)."""
        total = SendTally()
        for group in self.groups.list_groups():
            for number in range(1, group.reminder_count + 1):
                total = _add(total, self.send_reminders(group, number=number))
        return total

    # ------------------------------------------------------------------ digests

    def send_digest(self, group: GroupInfo, *, occurrence: Occurrence | None = None) -> DigestResult:
        """Freeze and send the period's digest to each supervisor, exactly once per period."""
        now = self.clock()
        occ = occurrence or latest_occurrence(group.schedule, now)
        if group.paused_on(occ.local_date):
            return DigestResult(group.name, occ.period, "paused")
        if self.groups.holiday_on(group.id, occ.local_date) is not None:
            return DigestResult(group.name, occ.period, "holiday")
        cycle = self.checkins.cycle(group_id=group.id, period=occ.period) or self.checkins.ensure_cycle(
            group_id=group.id,
            period=occ.period,
            due_at=occ.due_utc,
            prompt_id=None,
            now=now,
        )
        self.checkins.claim_digest(cycle.id, now=now)
        self.checkins.ensure_deliveries(cycle_id=cycle.id, targets=group.supervisors, kind=KIND_DIGEST)
        tally = self._fan_out(group, cycle, kinds=(KIND_DIGEST,))
        self._fan_out(group, cycle, kinds=(KIND_CHART,))
        charts = sum(
            1 for d in self.checkins.deliveries(cycle_id=cycle.id, kind=KIND_CHART) if d.status == STATUS_SENT
        )
        return DigestResult(group.name, cycle.period, "sent", tally=tally, charts=charts)

    def build_digest(
        self, group: GroupInfo, cycle: CycleInfo | None, period: str, *, as_of: dt.datetime
    ) -> Digest:
        """The digest of a period as of an instant (the freeze instant, or now for a preview)."""
        since = self.checkins.previous_digest_at(group_id=group.id, before=as_of)
        data = self.digests.snapshot(group=group, period=period, cycle=cycle, as_of=as_of, since=since)
        seed = zlib.crc32(f"digest:{group.id}:{period}".encode())
        return build_digest(data, library=self.library, rng=random.Random(seed))

    def preview_digest(self, group: GroupInfo) -> Digest:
        """The current week's digest as it would read now, without sending or freezing anything."""
        now = self.clock()
        occ = latest_occurrence(group.schedule, now)
        cycle = self.checkins.cycle(group_id=group.id, period=occ.period)
        as_of = cycle.digest_sent_at if cycle and cycle.digest_sent_at else now
        return self.build_digest(group, cycle, occ.period, as_of=as_of)

    def digest_due_now(self) -> list[DigestResult]:
        """Catch-up for digests: a cycle whose digest time passed recently and was not sent."""
        now = self.clock()
        results = []
        for group in self.groups.list_groups():
            for cycle in self.checkins.cycles(group_id=group.id, limit=2):
                due = digest_due(group.schedule, cycle.due_at)
                if cycle.digest_sent_at is None and due <= now <= due + CATCH_UP_DIGEST_GRACE:
                    occ = occurrence_of_period(group.schedule, cycle.period)
                    results.append(self.send_digest(group, occurrence=occ))
        return results

    # ------------------------------------------------------------------ catch-up, retries, purge

    def catch_up(self) -> list[OpenResult]:
        """On start: open any cycle that fell due while the bot was down, until its digest time."""
        now = self.clock()
        results = []
        for group in self.groups.list_groups():
            occ = latest_occurrence(group.schedule, now)
            if now < digest_due(group.schedule, occ.due_utc):
                results.append(self.open_cycle(group, occurrence=occ))
        self.digest_due_now()
        return results

    def retry_failed(self) -> SendTally:
        """Try failed deliveries that are due again, expired claims and stale pending rows."""
        total = SendTally()
        now = self.clock()
        by_cycle: dict[int, list[DeliveryInfo]] = {}
        for delivery in self.checkins.retryable(now=now, stale_pending=STALE_PENDING):
            by_cycle.setdefault(delivery.cycle_id, []).append(delivery)
        for cycle_id, deliveries in by_cycle.items():
            cycle = self.checkins.cycle_by_id(cycle_id)
            if cycle is None:
                continue
            try:
                group = self.groups.by_id(cycle.group_id)
            except UnknownGroup:
                continue
            kinds = tuple(dict.fromkeys(d.kind for d in deliveries))
            total = _add(total, self._fan_out(group, cycle, kinds=kinds))
        return total

    def purge(self) -> int:
        """Delete each group's entries past its retention period, then uninstalled workspaces' data."""
        now = self.clock()
        removed = 0
        if self.lifecycle is not None:
            removed += purge_uninstalled(self.lifecycle, clients=self.clients, now=now)
        for group in self.groups.list_groups():
            removed += self.checkins.purge(
                group_id=group.id, before=now - dt.timedelta(days=group.retention_days)
            )
        return removed

    # ------------------------------------------------------------------ the fan-out

    def _fan_out(self, group: GroupInfo, cycle: CycleInfo, *, kinds: tuple[str, ...]) -> SendTally:
        sent = already = failed = skipped = 0
        errors: list[str] = []
        digest_cache: dict[str, Digest] = {}
        for kind in kinds:
            pending: list[DeliveryInfo] = []
            for delivery in self.checkins.deliveries(cycle_id=cycle.id, kind=kind):
                if delivery.status == STATUS_SENT:
                    already += 1
                elif delivery.status == STATUS_GAVE_UP:
                    failed += 1
                else:
                    pending.append(delivery)
            outcomes = self._deliver_all(group, cycle, pending, digest_cache, parallel=kind != KIND_DIGEST)
            for outcome in outcomes:
                if outcome is None:
                    already += 1
                elif outcome == "skipped":
                    skipped += 1
                elif outcome == "sent":
                    sent += 1
                elif outcome == "found":
                    already += 1
                else:
                    failed += 1
                    errors.append(outcome)
            if kind == KIND_DIGEST:
                self._ensure_charts(group, cycle, digest_cache)
        return SendTally(sent=sent, already=already, failed=failed, skipped=skipped, errors=tuple(errors))

    def _deliver_all(
        self,
        group: GroupInfo,
        cycle: CycleInfo,
        deliveries: list[DeliveryInfo],
        cache: dict[str, Digest],
        *,
        parallel: bool,
    ) -> list[str | None]:
        """Deliver each row, ``senders`` at a time (digests, few and sharing a cache, one by one).

        One sender spent most of a large check-in waiting: on its own database writes, on each
        message's round trip, and on every 429's Retry-After while nothing else moved. Rows are
        claimed atomically, so parallel senders can never send one row twice.
        """
        if not parallel or self.senders <= 1 or len(deliveries) <= 1:
            return [self._deliver(group, cycle, delivery, cache) for delivery in deliveries]
        workers = min(self.senders, len(deliveries))
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="fan-out") as pool:
            return list(pool.map(lambda delivery: self._deliver(group, cycle, delivery, cache), deliveries))

    def _ensure_charts(self, group: GroupInfo, cycle: CycleInfo, cache: dict[str, Digest]) -> None:
        """One chart per supervisor whose digest went out, when the digest has a trend to draw."""
        digest = cache.get("digest") or self._frozen_digest(group, cycle)
        cache["digest"] = digest
        if not digest.trend:
            return
        delivered = [
            d.user_id
            for d in self.checkins.deliveries(cycle_id=cycle.id, kind=KIND_DIGEST)
            if d.status == STATUS_SENT
        ]
        self.checkins.ensure_deliveries(cycle_id=cycle.id, targets=delivered, kind=KIND_CHART)

    def _frozen_digest(self, group: GroupInfo, cycle: CycleInfo) -> Digest:
        fresh = self.checkins.cycle_by_id(cycle.id) or cycle
        as_of = fresh.digest_sent_at or self.clock()
        return self.build_digest(group, fresh, fresh.period, as_of=as_of)

    def _deliver(
        self, group: GroupInfo, cycle: CycleInfo, delivery: DeliveryInfo, cache: dict[str, Digest]
    ) -> str | None:
        """Claim, send, record. Returns None when someone else holds or finished the row."""
        now = self.clock()
        claim = self.checkins.claim_send(delivery.id, now=now, hold=self.claim_hold)
        if claim is None:
            return None
        if delivery.kind == KIND_CHECKIN or delivery.kind.startswith("reminder-"):
            member = group.member(delivery.user_id)
            closed = cycle.digest_sent_at is not None
            if closed or member is None or member.away_on(occurrence_day(group, now)):
                # removed, snoozed or past the digest since the row was made: nothing to send, nothing failed
                self.checkins.mark_failed(delivery.id, error="skipped", retry_at=None)
                return "skipped"
        try:
            if claim == "expired" or delivery.last_error in AMBIGUOUS_ERRORS:
                earlier = self._find_earlier_send(group, cycle, delivery)
                if earlier is not None and earlier.ok:
                    self.checkins.mark_sent(
                        delivery.id, channel=earlier.channel, message_ts=earlier.ts, now=self.clock()
                    )
                    logger.info(
                        "delivery %s had gone out before it was interrupted: not sent again", delivery.id
                    )
                    return "found"
                if earlier is not None:  # could not look now: stay ambiguous, so the next try looks again
                    ambiguous = (
                        delivery.last_error if delivery.last_error in AMBIGUOUS_ERRORS else "interrupted"
                    )
                    gave_up = delivery.attempts + 1 >= MAX_ATTEMPTS
                    self.checkins.mark_failed(
                        delivery.id,
                        error=ambiguous or "interrupted",
                        retry_at=None if gave_up else now + backoff(delivery.attempts + 1),
                    )
                    logger.warning(
                        "delivery %s: could not check for an earlier send (%s)", delivery.id, earlier.error
                    )
                    return earlier.error or "unknown"
            outcome = self._send(group, cycle, delivery, cache)
        except fanout.NoToken:
            self.checkins.mark_failed(delivery.id, error="no_token", retry_at=None)
            return "no_token"
        if outcome.ok:
            self.checkins.mark_sent(
                delivery.id, channel=outcome.channel, message_ts=outcome.ts, now=self.clock()
            )
            return "sent"
        error = outcome.error or "unknown"
        retry_at = (
            now + backoff(delivery.attempts + 1)
            if outcome.retryable and delivery.attempts + 1 < MAX_ATTEMPTS
            else None
        )
        self.checkins.mark_failed(delivery.id, error=error, retry_at=retry_at)
        logger.warning(
            "delivery %s (%s) for group %s failed: %s", delivery.id, delivery.kind, group.id, error
        )
        return error

    def _send(
        self,
        group: GroupInfo,
        cycle: CycleInfo,
        delivery: DeliveryInfo,
        cache: dict[str, Digest],
    ) -> Outcome:
        kind = delivery.kind
        workspace = group.workspace_id
        if kind == KIND_CHANNEL:
            return self.messenger.post_to_channel(
                workspace, delivery.user_id, channel_notice(group_name=group.name)
            )
        if kind in (KIND_DIGEST, KIND_CHART):
            digest = cache.get("digest") or self._frozen_digest(group, cycle)
            cache["digest"] = digest
            if kind == KIND_DIGEST:
                marked = replace(digest.reply, marker=delivery_marker(cycle, delivery))
                return self.messenger.send_dm(workspace, delivery.user_id, marked, kind=kind)
            png = render_trend_png(digest.trend, title=f"{group.name}: alliance trend")
            attachment = FileAttachment(
                filename=f"alliance-trend-{cycle.period}.png",
                title=f"{group.name}: alliance trend to {cycle.period}",
                content=png,
                mime_type="image/png",
            )
            return self.messenger.upload_to_dm(workspace, delivery.user_id, attachment)
        tz = self._member_tz(group, delivery.user_id)
        closes = format_local(digest_due(group.schedule, cycle.due_at), tz)
        reply: Reply
        if kind == KIND_CHECKIN:
            prompt = None
            if cycle.prompt_id:
                try:
                    prompt = self.library.prompt(cycle.prompt_id)
                except KeyError:
                    prompt = None
            reply = checkin_message(group_name=group.name, cycle_id=cycle.id, prompt=prompt, closes=closes)
        else:
            reply = reminder_message(group_name=group.name, cycle_id=cycle.id, closes=closes)
        reply = replace(reply, marker=delivery_marker(cycle, delivery))
        return self.messenger.send_dm(workspace, delivery.user_id, reply, kind=kind)

    def _find_earlier_send(
        self, group: GroupInfo, cycle: CycleInfo, delivery: DeliveryInfo
    ) -> Outcome | None:
        """Before sending again after an interruption: did the earlier attempt reach the person?

        A process killed between Slack's accepting a DM and recording ``sent``, or a call that
        timed out after Slack took it, would otherwise make the next try a duplicate. Only DMs
        carry a marker; for other kinds, and on platforms that cannot look, this answers None
        (send again: a duplicate notice beats a lost one).
        """
        if delivery.kind not in MARKED_KINDS and not delivery.kind.startswith("reminder-"):
            return None
        finder = getattr(self.messenger, "find_marked", None)
        if not callable(finder):
            return None
        since = (cycle.opened_at - LOOKBACK).replace(tzinfo=dt.UTC).timestamp()
        found: Outcome | None = finder(
            group.workspace_id, delivery.user_id, delivery_marker(cycle, delivery), since=since
        )
        return found

    def _member_tz(self, group: GroupInfo, user_id: str) -> str | None:
        """The member's zone: stored, or asked of the platform once and stored."""
        member = group.member(user_id)
        if member is not None and member.timezone:
            return member.timezone
        tz = self.messenger.user_timezone(group.workspace_id, user_id)
        if tz:
            self.groups.set_member(group.id, user_id, timezone=tz)
        return tz


def delivery_marker(cycle: CycleInfo, delivery: DeliveryInfo) -> str:
    """The unseen id a DM carries: its delivery row, cycle and kind (never a person or a text)."""
    return f"d{delivery.id}-c{cycle.id}-{delivery.kind}"


def occurrence_day(group: GroupInfo, now: dt.datetime) -> dt.date:
    """Today's date in the group's zone (snoozes and pauses are dates)."""
    return now.replace(tzinfo=dt.UTC).astimezone(group.schedule.tz).date()


def _add(a: SendTally, b: SendTally) -> SendTally:
    return SendTally(
        sent=a.sent + b.sent,
        already=a.already + b.already,
        failed=a.failed + b.failed,
        skipped=a.skipped + b.skipped,
        errors=a.errors + b.errors,
    )


class SlackCheckinDesk:
    """The :class:`commands.checkin.CheckinDesk` port over the repositories and the Slack client."""

    def __init__(self, *, jobs: CheckinJobs) -> None:
        self._jobs = jobs

    def _member_groups(self, actor: Actor) -> list[GroupInfo]:
        return self._jobs.groups.of_user(
            workspace_id=actor.workspace_id, user_id=actor.user_id, role="member"
        )

    def _tz(self, group: GroupInfo, actor: Actor) -> str | None:
        if actor.tz:
            return actor.tz
        return self._jobs._member_tz(group, actor.user_id)

    def _current(self, actor: Actor, group: GroupInfo, cycle: CycleInfo) -> CurrentCheckin:
        author = self._jobs.pseudonyms.author(actor.workspace_id, actor.user_id)
        return CurrentCheckin(
            cycle_id=cycle.id,
            group_name=group.name,
            period=cycle.period,
            prompt_id=cycle.prompt_id,
            digest_due=digest_due(group.schedule, cycle.due_at),
            digest_sent=cycle.digest_sent_at is not None,
            allow_named=group.allow_named,
            member_tz=self._tz(group, actor),
            answer=self._jobs.checkins.answer(cycle_id=cycle.id, author=author),
        )

    def current(self, actor: Actor, *, now: dt.datetime) -> CurrentCheckin | None:
        """The newest opened check-in across the actor's groups."""
        best: tuple[GroupInfo, CycleInfo] | None = None
        for group in self._member_groups(actor):
            for cycle in self._jobs.checkins.cycles(group_id=group.id, limit=1):
                opened = cycle.prompt_id is not None and cycle.skipped_reason is None
                if opened and (best is None or cycle.due_at > best[1].due_at):
                    best = (group, cycle)
        return self._current(actor, *best) if best else None

    def for_cycle(self, actor: Actor, cycle_id: int) -> CurrentCheckin | None:
        """A cycle of one of the actor's groups."""
        cycle = self._jobs.checkins.cycle_by_id(cycle_id)
        if cycle is None:
            return None
        for group in self._member_groups(actor):
            if group.id == cycle.group_id:
                return self._current(actor, group, cycle)
        return None

    def save(self, actor: Actor, cycle_id: int, answer: AnswerInput, *, now: dt.datetime) -> SavedAnswer:
        """Store the answer, then turn the DM's button into "Edit my check-in"."""
        author = self._jobs.pseudonyms.author(actor.workspace_id, actor.user_id)
        saved = self._jobs.checkins.save_answer(cycle_id=cycle_id, author=author, answer=answer, now=now)
        if saved.outcome in ("created", "replaced"):
            self._mark_dm_answered(actor, cycle_id)
        return saved

    def _mark_dm_answered(self, actor: Actor, cycle_id: int) -> None:
        cycle = self._jobs.checkins.cycle_by_id(cycle_id)
        if cycle is None:
            return
        delivery = next(
            (
                d
                for d in self._jobs.checkins.deliveries(cycle_id=cycle_id, kind=KIND_CHECKIN)
                if d.user_id == actor.user_id
            ),
            None,
        )
        if delivery is None or not delivery.channel or not delivery.message_ts:
            return
        try:
            group = self._jobs.groups.by_id(cycle.group_id)
        except UnknownGroup:
            return
        prompt = None
        if cycle.prompt_id:
            try:
                prompt = self._jobs.library.prompt(cycle.prompt_id)
            except KeyError:
                prompt = None
        closes = format_local(digest_due(group.schedule, cycle.due_at), self._tz(group, actor))
        reply = checkin_message(
            group_name=group.name, cycle_id=cycle.id, prompt=prompt, closes=closes, edit=True
        )
        try:
            self._jobs.messenger.update_message(
                group.workspace_id, delivery.channel, delivery.message_ts, reply
            )
        except fanout.NoToken:
            return

    def snooze(self, actor: Actor, until: dt.date | None) -> list[str]:
        """Snooze or resume in every group the actor is a member of."""
        groups = self._member_groups(actor)
        for group in groups:
            self._jobs.groups.set_member(group.id, actor.user_id, snoozed_until=until)
        return [g.name for g in groups]

    def set_reminders(self, actor: Actor, enabled: bool) -> list[str]:
        """Reminders on or off in every group the actor is a member of."""
        groups = self._member_groups(actor)
        for group in groups:
            self._jobs.groups.set_member(group.id, actor.user_id, reminders_enabled=enabled)
        return [g.name for g in groups]

    def next_checkin(self, actor: Actor, *, now: dt.datetime) -> tuple[str, dt.datetime, str | None] | None:
        """The actor's first group's next check-in."""
        groups = self._member_groups(actor)
        if not groups:
            return None
        group = groups[0]
        return group.name, next_occurrence(group.schedule, now).due_utc, self._tz(group, actor)


class SlackSupervisionDesk:
    """The :class:`commands.supervision.SupervisionDesk` port over the repositories and Slack."""

    def __init__(self, *, jobs: CheckinJobs, on_change: Callable[[], None] | None = None) -> None:
        self._jobs = jobs
        self._listeners: list[Callable[[], None]] = [on_change] if on_change else []

    def subscribe(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` after every change (the scheduler rebuilds its jobs)."""
        self._listeners.append(listener)

    def changed(self) -> None:
        """Tell every listener; a failing listener must not fail the user's command."""
        for listener in self._listeners:
            try:
                listener()
            except Exception:
                logger.exception("a group-change listener failed")

    def groups_of(self, actor: Actor) -> list[GroupInfo]:
        """The actor's groups in the actor's workspace only."""
        return self._jobs.groups.of_user(workspace_id=actor.workspace_id, user_id=actor.user_id)

    def create(self, new: NewGroup) -> GroupInfo:
        """Create a group."""
        return self._jobs.groups.create(new)

    def add_people(self, group_id: int, user_ids: Sequence[str], *, role: str) -> int:
        """Add people to a role."""
        return self._jobs.groups.add_people(group_id, user_ids, role=role)

    def remove_people(self, group_id: int, user_ids: Sequence[str], *, role: str | None) -> int:
        """Remove people from a role (every role when None)."""
        return self._jobs.groups.remove_people(group_id, user_ids, role=role)

    def set_schedule(self, group_id: int, **changes: Any) -> GroupInfo:
        """Change schedule or policy settings."""
        return self._jobs.groups.set_schedule(group_id, **changes)

    def set_paused(self, group_id: int, *, paused: bool, until: dt.date | None) -> GroupInfo:
        """Pause or resume the group."""
        return self._jobs.groups.set_paused(group_id, paused=paused, until=until)

    def snooze_member(self, group_id: int, user_id: str, until: dt.date | None) -> bool:
        """Snooze or resume one member."""
        return self._jobs.groups.set_member(group_id, user_id, snoozed_until=until)

    def holidays(self, group_id: int) -> list[HolidayInfo]:
        """The group's holidays."""
        return self._jobs.groups.holidays(group_id)

    def add_holiday(self, group_id: int, day: dt.date, note: str) -> bool:
        """Add a holiday."""
        return self._jobs.groups.add_holiday(group_id, day, note)

    def remove_holiday(self, group_id: int, day: dt.date) -> bool:
        """Remove a holiday."""
        return self._jobs.groups.remove_holiday(group_id, day)

    def status(self, group: GroupInfo) -> GroupStatus:
        """This week's cycle (or the latest due one), answers and failed deliveries."""
        return group_status(self._jobs, group)

    def preview(self, group: GroupInfo) -> Digest:
        """The digest as it would read now."""
        return self._jobs.preview_digest(group)

    def user_tz(self, actor: Actor) -> str | None:
        """The actor's zone from the platform (Slack's ``users.info``, Teams' last contact)."""
        return self._jobs.messenger.user_timezone(actor.workspace_id, actor.user_id)


def shown_week(
    checkins: CheckinRepository, group: GroupInfo, now: dt.datetime
) -> tuple[Occurrence, CycleInfo | None]:
    """The week a status view speaks of: this calendar week's cycle if it was opened (an operator
    may open it before its scheduled time, e.g. early on a Monday), else the latest one due.

    ``/supervision status`` and ``group show`` share it so they never disagree about "this week".
    """
    occ = current_occurrence(group.schedule, now)
    cycle = checkins.cycle(group_id=group.id, period=occ.period)
    if cycle is None:
        occ = latest_occurrence(group.schedule, now)
        cycle = checkins.cycle(group_id=group.id, period=occ.period)
    return occ, cycle


def group_status(jobs: CheckinJobs, group: GroupInfo) -> GroupStatus:
    """The status shown by ``/supervision status``."""
    now = jobs.clock()
    occ, cycle = shown_week(jobs.checkins, group, now)
    if cycle is None:
        reason = None
        if jobs.groups.holiday_on(group.id, occ.local_date) is not None:
            reason = "holiday"
        elif group.paused_on(occ.local_date):
            reason = "paused"
        return GroupStatus(
            period=occ.period,
            opened=False,
            sent=0,
            answered=0,
            away=0,
            digest_sent=False,
            skipped_reason=reason,
        )
    deliveries = jobs.checkins.deliveries(cycle_id=cycle.id)
    answered = jobs.checkins.answered_authors(cycle_id=cycle.id)
    day = occurrence_day(group, now)
    away = sum(
        1
        for m in group.members
        if m.away_on(day) and jobs.pseudonyms.author(group.workspace_id, m.user_id) not in answered
    )
    failed = tuple(
        FailedDelivery(user_id=d.user_id, kind=d.kind, error=d.last_error or "unknown", attempts=d.attempts)
        for d in deliveries
        if d.status in (STATUS_FAILED, STATUS_GAVE_UP) and d.last_error != "skipped"
    )
    return GroupStatus(
        period=cycle.period,
        opened=cycle.prompt_id is not None,
        sent=sum(1 for d in deliveries if d.kind == KIND_CHECKIN and d.status == STATUS_SENT),
        answered=len(answered),
        away=away,
        digest_sent=cycle.digest_sent_at is not None,
        failed=failed,
        skipped_reason=cycle.skipped_reason,
    )


@dataclass
class Runtime:
    """What the CLI and the scheduler need, without the Slack app or the other commands."""

    db: Database
    groups: GroupRepository
    checkins: CheckinRepository
    digests: DigestRepository
    jobs: CheckinJobs
    lifecycle: WorkspaceLifecycleRepository | None = None


def build_runtime(
    settings: Settings,
    *,
    db: Database | None = None,
    cipher: Cipher | None = None,
    pseudonyms: Pseudonymizer | None = None,
    deidentifier: Deidentifier | None = None,
    library: PromptLibrary | None = None,
    clock: Callable[[], dt.datetime] | None = None,
    messenger: Messenger | None = None,
) -> Runtime:
    """Repositories and jobs over a (migrated) database; reuses whatever the caller already built."""
    if db is None:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        db = Database(settings.resolved_database_url)
        db.upgrade()
    cipher = cipher or build_cipher(
        configured=settings.encryption_keys.get_secret_value() if settings.encryption_keys else None,
        data_dir=settings.data_dir,
    )
    pseudonyms = pseudonyms or build_pseudonymizer(
        configured=settings.pseudonym_key.get_secret_value() if settings.pseudonym_key else None,
        data_dir=settings.data_dir,
    )
    groups = GroupRepository(db=db)
    checkins = CheckinRepository(db=db, cipher=cipher, deidentifier=deidentifier)
    digests = DigestRepository(db=db, cipher=cipher, pseudonyms=pseudonyms)
    lifecycle = WorkspaceLifecycleRepository(db=db)
    clients = fanout.ClientFactory(settings, engine=db.engine)
    jobs = CheckinJobs(
        groups=groups,
        checkins=checkins,
        digests=digests,
        pseudonyms=pseudonyms,
        clients=clients,
        library=library or PromptLibrary.load(),
        clock=clock,
        lifecycle=lifecycle,
        messenger=messenger or build_messenger(settings, db=db, clients=clients),
        claim_hold=dt.timedelta(seconds=settings.delivery_claim_seconds),
        senders=settings.fanout_senders,
    )
    return Runtime(db=db, groups=groups, checkins=checkins, digests=digests, jobs=jobs, lifecycle=lifecycle)


__all__ = [
    "STATUS_FAILED",
    "CheckinJobs",
    "DigestResult",
    "OpenResult",
    "Runtime",
    "SendTally",
    "SlackCheckinDesk",
    "build_runtime",
]
