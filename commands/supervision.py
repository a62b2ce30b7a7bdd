"""``/supervision``: set up and run a supervision group (supervisors only change it).

Subcommands: ``setup`` (a form), ``status``, ``members add|remove @user ...``, ``schedule``
(show, or ``schedule checkin MON 09:00`` / ``digest FRI 16:00`` / ``tz Europe/London`` /
``reminders 0-2`` / ``reminder-hours N``), ``pause [until DATE]``, ``resume``, ``leave``,
``snooze @user 2w|until DATE``, ``holiday add DATE [note] | list | remove DATE``, ``digest``
(an ephemeral preview) and ``help``. With several groups, name one with ``group:NAME``.

Groups are looked up inside the actor's workspace only, so another workspace never sees them;
a non-supervisor gets a polite refusal, never a group's settings.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from commands.digest import Digest
from commands.groups import ROLE_MEMBER, ROLE_SUPERVISOR, GroupExists, GroupInfo, HolidayInfo, NewGroup
from commands.schedule import (
    WEEKDAYS,
    ScheduleError,
    WeeklyTime,
    format_local,
    next_occurrence,
    parse_date,
    parse_until,
    parse_weekly,
    parse_zone,
)
from commands.types import (
    ActionRequest,
    Actor,
    Block,
    BulletList,
    CommandRequest,
    Fields,
    Form,
    Header,
    Input,
    Notice,
    Option,
    Paragraph,
    Reply,
)

_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>|\b([UW][A-Z0-9]{2,})\b")
_GROUP_TOKEN = re.compile(r"\bgroup:(\S+)")
SETUP_FORM = "supervision.setup"
REFUSAL = "Only this group's supervisors can do that. Ask one of them, or see /supervision help."


@dataclass(frozen=True)
class FailedDelivery:
    """A delivery that has not gone out, by error code (never message text)."""

    user_id: str
    kind: str
    error: str
    attempts: int


@dataclass(frozen=True)
class GroupStatus:
    """This week's state of a group."""

    period: str
    opened: bool
    sent: int
    answered: int
    away: int
    digest_sent: bool
    failed: tuple[FailedDelivery, ...] = ()
    skipped_reason: str | None = None


class SupervisionDesk(Protocol):
    """What ``/supervision`` needs: group storage, status, digest preview, zones, and a rebuild hook."""

    def groups_of(self, actor: Actor) -> list[GroupInfo]:
        """The actor's groups (any role) in the actor's workspace."""
        ...

    def create(self, new: NewGroup) -> GroupInfo:
        """Create a group (raises GroupExists)."""
        ...

    def add_people(self, group_id: int, user_ids: Sequence[str], *, role: str) -> int:
        """Add people to a role."""
        ...

    def remove_people(self, group_id: int, user_ids: Sequence[str], *, role: str | None) -> int:
        """Remove people from a role (every role when None)."""
        ...

    def set_schedule(self, group_id: int, **changes: object) -> GroupInfo:
        """Change schedule or policy settings."""
        ...

    def set_paused(self, group_id: int, *, paused: bool, until: dt.date | None) -> GroupInfo:
        """Pause or resume the group."""
        ...

    def snooze_member(self, group_id: int, user_id: str, until: dt.date | None) -> bool:
        """Snooze (None: resume) a member; False when not a member."""
        ...

    def holidays(self, group_id: int) -> list[HolidayInfo]:
        """The group's holidays."""
        ...

    def add_holiday(self, group_id: int, day: dt.date, note: str) -> bool:
        """Add a holiday."""
        ...

    def remove_holiday(self, group_id: int, day: dt.date) -> bool:
        """Remove a holiday."""
        ...

    def status(self, group: GroupInfo) -> GroupStatus:
        """This week's cycle, answers and failed deliveries."""
        ...

    def preview(self, group: GroupInfo) -> Digest:
        """The digest as it would read now."""
        ...

    def user_tz(self, actor: Actor) -> str | None:
        """The actor's IANA zone (``users.info``), if known."""
        ...

    def changed(self) -> None:
        """A group's schedule or membership changed: rebuild derived scheduler jobs."""
        ...


class SupervisionCommand:
    """Answers ``/supervision`` and its setup form."""

    name = "supervision"

    def __init__(self, *, desk: SupervisionDesk, clock: Callable[[], dt.datetime] | None = None) -> None:
        self._desk = desk
        self._clock = clock or (lambda: dt.datetime.now(dt.UTC).replace(tzinfo=None))

    # ------------------------------------------------------------------ routing

    def handle(self, request: CommandRequest) -> Reply:
        """Route the subcommand."""
        text = request.text.strip()
        wanted = _GROUP_TOKEN.search(text)
        text = _GROUP_TOKEN.sub("", text).strip()
        words = text.split()
        sub = words[0].lower() if words else "help"
        rest = text[len(words[0]) :].strip() if words else ""
        actor = request.actor
        try:
            if sub in ("help", "?", "--help"):
                return self._usage()
            if sub == "setup":
                return self._setup_form(actor)
            group = self._pick_group(actor, wanted.group(1) if wanted else None)
            if isinstance(group, Reply):
                return group
            if sub == "status":
                return self._status(actor, group)
            if sub == "leave":
                return self._leave(actor, group)
            if not group.is_supervisor(actor.user_id):
                return Reply.simple(REFUSAL)
            handlers: dict[str, Callable[[Actor, GroupInfo, str], Reply]] = {
                "members": self._members,
                "schedule": self._schedule,
                "pause": self._pause,
                "resume": self._resume,
                "holiday": self._holiday,
                "holidays": self._holiday,
                "snooze": self._snooze,
                "digest": self._digest,
            }
            handler = handlers.get(sub)
            if handler is None:
                return self._usage(f"I don't know /supervision {sub}.")
            return handler(actor, group, rest)
        except ScheduleError as exc:
            return Reply.simple(str(exc))

    def _pick_group(self, actor: Actor, name: str | None) -> GroupInfo | Reply:
        groups = self._desk.groups_of(actor)
        if name is not None:
            chosen = [g for g in groups if g.name.lower() == name.lower()]
            if not chosen:
                return Reply.simple(f"You are not in a group named {name}.")
            return chosen[0]
        if not groups:
            return Reply.simple(
                "You are not in a supervision group yet. A supervisor can start one with /supervision setup."
            )
        supervised = [g for g in groups if g.is_supervisor(actor.user_id)]
        pool = supervised or groups
        if len(pool) > 1:
            names = ", ".join(g.name for g in pool)
            return Reply.simple(f"You are in several groups ({names}). Add group:NAME to say which.")
        return pool[0]

    def _usage(self, lead: str = "") -> Reply:
        blocks: list[Block] = []
        if lead:
            blocks.append(Paragraph(lead))
        blocks += [
            Header("/supervision: run a supervision group"),
            BulletList(
                "For everyone in a group",
                (
                    "/supervision status: this week's check-in and participation",
                    "/supervision leave: leave the group",
                ),
            ),
            BulletList(
                "For supervisors",
                (
                    "/supervision setup: create a group",
                    "/supervision members add @a @b (or remove)",
                    "/supervision schedule [checkin MON 09:00 | digest FRI 16:00 | tz Europe/London]",
                    "/supervision schedule reminders 0-2 (or reminder-hours 24)",
                    "/supervision pause [until 2026-12-31], /supervision resume",
                    "/supervision snooze @member 2w (or until DATE, or resume)",
                    "/supervision holiday add 2026-12-25 [note] | holiday list | holiday remove 2026-12-25",
                    "/supervision digest: preview this week's digest (only you see it)",
                ),
            ),
            Notice("With several groups, add group:NAME to any command."),
        ]
        return Reply(text="How to use /supervision", blocks=tuple(blocks))

    # ------------------------------------------------------------------ setup

    def _setup_form(self, actor: Actor) -> Reply:
        tz = actor.tz or self._desk.user_tz(actor) or "UTC"
        days = tuple(Option(day.upper(), day) for day in WEEKDAYS)
        form = Form(
            form_id=SETUP_FORM,
            title="New supervision group",
            submit_label="Create",
            blocks=(Paragraph("Members get a weekly check-in by DM; supervisors get a weekly digest."),),
            inputs=(
                Input("name", "Group name", max_length=80),
                Input("members", "Members", kind="users", multiple=True),
                Input("supervisors", "Supervisors", kind="users", multiple=True, initial=actor.user_id),
                Input("checkin_day", "Check-in day", kind="select", options=days, initial="mon"),
                Input("checkin_time", "Check-in time (24h, HH:MM)", initial="09:00", max_length=5),
                Input("digest_day", "Digest day", kind="select", options=days, initial="fri"),
                Input("digest_time", "Digest time (24h, HH:MM)", initial="16:00", max_length=5),
                Input("tz", "Time zone (IANA name)", initial=tz, max_length=64),
                Input("reminder_hours", "Remind non-responders after (hours)", kind="number", initial="24"),
                Input("retention_days", "Keep answers for (days)", kind="number", initial="365"),
                Input(
                    "options",
                    "Options",
                    kind="checkbox",
                    optional=True,
                    options=(Option("Members may choose to be named to supervisors", "allow_named"),),
                ),
            ),
        )
        return Reply(text="Set up a supervision group", form=form)

    def act(self, request: ActionRequest) -> Reply:
        """The setup form's submission."""
        if request.action_id != SETUP_FORM:
            return Reply.simple("That button has expired. Please run /supervision again.")
        values = request.values
        errors: dict[str, str] = {}
        name = values.get("name", "").strip()
        if not name:
            errors["name"] = "Please give the group a name."
        members = tuple(u for u in values.get("members", "").split(",") if u)
        supervisors = tuple(u for u in values.get("supervisors", "").split(",") if u)
        if not members:
            errors["members"] = "Please choose at least one member."
        if not supervisors:
            errors["supervisors"] = "Please choose at least one supervisor."
        parsed: dict[str, WeeklyTime] = {}
        for key in ("checkin", "digest"):
            try:
                parsed[key] = parse_weekly(f"{values.get(key + '_day', '')} {values.get(key + '_time', '')}")
            except ScheduleError as exc:
                errors[f"{key}_time"] = str(exc)
        tz = values.get("tz", "").strip()
        try:
            parse_zone(tz)
        except ScheduleError as exc:
            errors["tz"] = str(exc)
        numbers: dict[str, int] = {}
        for key, low, high in (("reminder_hours", 1, 144), ("retention_days", 7, 3650)):
            try:
                numbers[key] = int(values.get(key, ""))
                if not low <= numbers[key] <= high:
                    raise ValueError
            except ValueError:
                errors[key] = f"Please give a whole number from {low} to {high}."
        if errors:
            return Reply(text="", form_errors=errors)
        new = NewGroup(
            workspace_id=request.actor.workspace_id,
            name=name,
            members=members,
            supervisors=supervisors,
            checkin=parsed["checkin"],
            digest=parsed["digest"],
            timezone=tz,
            created_by=request.actor.user_id,
            reminder_delay_hours=numbers["reminder_hours"],
            retention_days=numbers["retention_days"],
            allow_named="allow_named" in values.get("options", "").split(","),
        )
        try:
            group = self._desk.create(new)
        except GroupExists:
            return Reply(text="", form_errors={"name": "A group with this name already exists."})
        self._desk.changed()
        return Reply(
            text=f"Group {group.name} created",
            blocks=(
                Header(f"{group.name} is set up"),
                Paragraph(
                    f"{len(group.members)} member(s) get the check-in every {group.checkin.label} and "
                    f"supervisors get the digest every {group.digest.label} ({group.timezone})."
                ),
                Paragraph(f"First check-in: {self._next(group, request.actor)}."),
            ),
        )

    # ------------------------------------------------------------------ reading

    def _next(self, group: GroupInfo, actor: Actor) -> str:
        due = next_occurrence(group.schedule, self._clock()).due_utc
        return format_local(due, actor.tz or self._desk.user_tz(actor) or group.timezone)

    def _status(self, actor: Actor, group: GroupInfo) -> Reply:
        status = self._desk.status(group)
        state = "paused" if group.paused_on(self._clock().date()) else "active"
        pairs: list[tuple[str, str]] = [
            ("Group", f"{group.name} ({state})"),
            ("Next check-in", self._next(group, actor)),
            ("This week", status.period + ("" if status.opened else f" (not opened{_why(status)})")),
            ("Answered", f"{status.answered} of {len(group.members)} (away: {status.away})"),
            ("Digest", "sent" if status.digest_sent else "not sent yet"),
        ]
        blocks: list[Block] = [Fields(tuple(pairs))]
        if group.is_supervisor(actor.user_id):
            if status.failed:
                items = tuple(
                    f"{f.kind} to {f.user_id}: {f.error} ({f.attempts} attempt(s))" for f in status.failed
                )
                blocks.append(BulletList(f"Failed deliveries ({len(status.failed)})", items))
            else:
                blocks.append(Paragraph("No failed deliveries."))
        return Reply(text=f"Status of {group.name}", blocks=tuple(blocks))

    def _digest(self, _actor: Actor, group: GroupInfo, _rest: str) -> Reply:
        digest = self._desk.preview(group)
        blocks = (Notice("Preview: only you can see this."), *digest.reply.blocks)
        return Reply(text=digest.reply.text, blocks=blocks, visibility="ephemeral")

    # ------------------------------------------------------------------ changing

    def _members(self, _actor: Actor, group: GroupInfo, rest: str) -> Reply:
        words = rest.split()
        verb = words[0].lower() if words else ""
        users = _mentions(rest)
        if verb not in ("add", "remove") or not users:
            listing = ", ".join(m.user_id for m in group.members) or "none"
            return Reply.simple(
                f"Members of {group.name}: {listing}. Use /supervision members add|remove @user."
            )
        if verb == "add":
            count = self._desk.add_people(group.id, users, role=ROLE_MEMBER)
            message = f"Added {count} member(s) to {group.name}."
        else:
            count = self._desk.remove_people(group.id, users, role=ROLE_MEMBER)
            message = f"Removed {count} member(s) from {group.name}; they get no more check-ins."
        self._desk.changed()
        return Reply.simple(message)

    def _schedule(self, actor: Actor, group: GroupInfo, rest: str) -> Reply:
        words = rest.split()
        if not words:
            return Reply(
                text=f"Schedule of {group.name}",
                blocks=(
                    Fields(
                        (
                            ("Check-in", f"{group.checkin.label} ({group.timezone})"),
                            ("Digest", f"{group.digest.label} ({group.timezone})"),
                            ("Next check-in for you", self._next(group, actor)),
                            ("Reminders", f"{group.reminder_count}, {group.reminder_delay_hours} h apart"),
                            ("Retention", f"{group.retention_days} days"),
                        )
                    ),
                ),
            )
        key, value = words[0].lower(), " ".join(words[1:])
        changes: dict[str, object]
        if key == "checkin":
            changes = {"checkin": parse_weekly(value)}
        elif key == "digest":
            changes = {"digest": parse_weekly(value)}
        elif key in ("tz", "zone", "timezone"):
            parse_zone(value)
            changes = {"timezone": value.strip()}
        elif key == "reminders" and value in ("0", "1", "2"):
            changes = {"reminder_count": int(value)}
        elif key == "reminder-hours" and value.isdecimal() and 1 <= int(value) <= 144:
            changes = {"reminder_delay_hours": int(value)}
        else:
            return Reply.simple(
                "Use /supervision schedule checkin MON 09:00, digest FRI 16:00, tz Europe/London, "
                "reminders 0-2 or reminder-hours 1-144."
            )
        updated = self._desk.set_schedule(group.id, **changes)
        self._desk.changed()
        return Reply.simple(
            f"{updated.name}: check-in {updated.checkin.label}, digest {updated.digest.label} "
            f"({updated.timezone}); next check-in {self._next(updated, actor)}."
        )

    def _pause(self, _actor: Actor, group: GroupInfo, rest: str) -> Reply:
        until: dt.date | None = None
        if rest:
            until = parse_until(rest, today=self._clock().date())
        self._desk.set_paused(group.id, paused=True, until=until)
        self._desk.changed()
        end = f" until {until.isoformat()} (inclusive)" if until else " until you /supervision resume"
        return Reply.simple(f"{group.name} is paused{end}: no check-ins, reminders or digests.")

    def _resume(self, _actor: Actor, group: GroupInfo, _rest: str) -> Reply:
        self._desk.set_paused(group.id, paused=False, until=None)
        self._desk.changed()
        return Reply.simple(f"{group.name} is running again.")

    def _leave(self, actor: Actor, group: GroupInfo) -> Reply:
        if group.supervisors == (actor.user_id,):
            return Reply.simple("You are the group's only supervisor: add another supervisor before leaving.")
        self._desk.remove_people(group.id, [actor.user_id], role=None)
        self._desk.changed()
        return Reply.simple(f"You left {group.name}. You will get no more check-ins or digests from it.")

    def _snooze(self, _actor: Actor, group: GroupInfo, rest: str) -> Reply:
        users = _mentions(rest)
        remainder = _MENTION.sub("", rest).strip()
        if len(users) != 1 or not remainder:
            return Reply.simple("Use /supervision snooze @member 2w, until 2026-12-31, or resume.")
        until = None if remainder.lower() == "resume" else parse_until(remainder, today=self._clock().date())
        if not self._desk.snooze_member(group.id, users[0], until):
            return Reply.simple(f"{users[0]} is not a member of {group.name}.")
        what = f"snoozed until {until.isoformat()}" if until else "back from their snooze"
        return Reply.simple(f"{users[0]} is {what} in {group.name}.")

    def _holiday(self, _actor: Actor, group: GroupInfo, rest: str) -> Reply:
        words = rest.split()
        verb = words[0].lower() if words else "list"
        if verb == "list":
            days = self._desk.holidays(group.id)
            if not days:
                return Reply.simple(f"{group.name} has no holidays.")
            items = tuple(f"{h.day.isoformat()} {h.note}".strip() for h in days)
            return Reply(
                text=f"Holidays of {group.name}", blocks=(BulletList(f"Holidays of {group.name}", items),)
            )
        if verb in ("add", "remove") and len(words) >= 2:
            day = parse_date(words[1])
            if verb == "add":
                added = self._desk.add_holiday(group.id, day, " ".join(words[2:])[:120])
                return Reply.simple(
                    f"{day.isoformat()} is {'now' if added else 'already'} a holiday for {group.name}: "
                    "no check-in opens and the channel is not pinged."
                )
            removed = self._desk.remove_holiday(group.id, day)
            return Reply.simple(f"{day.isoformat()} {'removed' if removed else 'was not a holiday'}.")
        return Reply.simple(
            "Use /supervision holiday add 2026-12-25 [note], holiday list, or holiday remove DATE."
        )


def _mentions(text: str) -> tuple[str, ...]:
    """User ids from Slack mentions (``<@U123|name>``) or bare ids."""
    found = [a or b for a, b in _MENTION.findall(text)]
    return tuple(dict.fromkeys(found))


def _why(status: GroupStatus) -> str:
    return f": {status.skipped_reason}" if status.skipped_reason else ""


__all__ = ["ROLE_SUPERVISOR", "FailedDelivery", "GroupStatus", "SupervisionCommand", "SupervisionDesk"]
