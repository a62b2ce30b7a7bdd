"""Operator subcommands (groups, check-ins, digests, skips) for single-workspace token mode.

The flags are a contract scripts rely on; keep them exactly as written:

    supervision-bot group create --name NAME --members U1,U2 --supervisors U9 --checkin "MON 09:00"
                                 --tz Europe/London [--digest "FRI 16:00"] [--channel C123]
                                 [--reminder-hours 24] [--retention-days 365]
    supervision-bot group list | group show NAME
    supervision-bot checkin open --group NAME
    supervision-bot digest send --group NAME
    supervision-bot member snooze --group G --user U --until YYYY-MM-DD | member resume --group G --user U
    supervision-bot holiday add --group G --date YYYY-MM-DD [--note TEXT] | holiday list --group G

The workspace is the one ``SLACK_BOT_TOKEN`` belongs to (``auth.test`` against ``SLACK_API_URL``,
cached in the data folder). Bad input exits with code 2 and one line saying what to fix.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from typing import Any

from bot.config import Settings

EXIT_USAGE = 2
DEFAULT_DIGEST = "FRI 16:00"


def _say(line: str) -> None:
    """One line of output for the operator (stdout)."""
    sys.stdout.write(line + "\n")


def _err(line: str) -> None:
    """One line saying what went wrong (stderr)."""
    sys.stderr.write(line + "\n")


class AdminError(Exception):
    """A problem with the operator's input; printed as one line, exit code 2."""


def add_admin_commands(sub: Any) -> None:
    """Register the operator subcommands on the top-level parser's subparsers."""

    def group_parser(name: str, help_text: str) -> Any:
        parser = sub.add_parser(name, help=help_text, description=help_text)
        parser.set_defaults(handler=lambda *_: EXIT_USAGE)
        return parser.add_subparsers(dest=f"{name}_command", required=True, metavar="ACTION")

    def action(
        parent: Any, name: str, handler: Callable[[argparse.Namespace, Settings], int], text: str
    ) -> Any:
        parser = parent.add_parser(name, help=text, description=text)
        parser.set_defaults(handler=_guarded(handler))
        return parser

    group = group_parser("group", "Supervision groups")
    create = action(group, "create", _group_create, "Create a supervision group")
    create.add_argument("--name", required=True, help="the group's name (unique in the workspace)")
    create.add_argument("--members", required=True, help="member user ids, comma-separated: U1,U2")
    create.add_argument("--supervisors", required=True, help="supervisor user ids, comma-separated: U9")
    create.add_argument("--checkin", required=True, help='weekday and 24-hour time, e.g. "MON 09:00"')
    create.add_argument("--tz", required=True, help="IANA time zone, e.g. Europe/London")
    create.add_argument(
        "--digest", default=DEFAULT_DIGEST, help=f'digest weekday and time (default "{DEFAULT_DIGEST}")'
    )
    create.add_argument(
        "--channel", default=None, help="channel id for a content-free 'check-in is open' post"
    )
    create.add_argument(
        "--reminder-hours", type=int, default=24, help="hours after the check-in to remind (default 24)"
    )
    create.add_argument(
        "--reminders", type=int, default=1, choices=(0, 1, 2), help="number of reminders (default 1)"
    )
    create.add_argument("--retention-days", type=int, default=365, help="days to keep answers (default 365)")
    create.add_argument(
        "--allow-named", action="store_true", help="members may choose to be named to supervisors"
    )
    action(group, "list", _group_list, "List the workspace's groups")
    show = action(group, "show", _group_show, "Show one group's schedule, members and this week's status")
    show.add_argument("name", help="the group's name")

    checkin = group_parser("checkin", "Weekly check-ins")
    open_ = action(checkin, "open", _checkin_open, "Open the current cycle now and send its DMs (idempotent)")
    open_.add_argument("--group", required=True, help="the group's name")

    digest = group_parser("digest", "Supervisor digests")
    send = action(
        digest, "send", _digest_send, "Send this period's digest to the supervisors (once per period)"
    )
    send.add_argument("--group", required=True, help="the group's name")

    member = group_parser("member", "A member's snooze")
    snooze = action(member, "snooze", _member_snooze, "Snooze a member until a date (inclusive)")
    snooze.add_argument("--group", required=True)
    snooze.add_argument("--user", required=True)
    snooze.add_argument("--until", required=True, help="YYYY-MM-DD, the last day of the snooze")
    resume = action(member, "resume", _member_resume, "End a member's snooze")
    resume.add_argument("--group", required=True)
    resume.add_argument("--user", required=True)

    holiday = group_parser("holiday", "Group holidays: no check-in on these dates")
    add = action(holiday, "add", _holiday_add, "Add a holiday")
    add.add_argument("--group", required=True)
    add.add_argument("--date", required=True, help="YYYY-MM-DD")
    add.add_argument("--note", default="", help="a short note, e.g. 'office closed'")
    listing = action(holiday, "list", _holiday_list, "List a group's holidays")
    listing.add_argument("--group", required=True)
    remove = action(holiday, "remove", _holiday_remove, "Remove a holiday")
    remove.add_argument("--group", required=True)
    remove.add_argument("--date", required=True, help="YYYY-MM-DD")


def _guarded(
    handler: Callable[[argparse.Namespace, Settings], int],
) -> Callable[[argparse.Namespace, Settings], int]:
    """Turn expected problems into one line on stderr and exit code 2 (1 for an unreachable store)."""

    def run(args: argparse.Namespace, settings: Settings) -> int:
        from bot.slack.fanout import NoToken
        from commands.groups import GroupExists, UnknownGroup
        from commands.types import StoreUnavailable, UserError

        try:
            return handler(args, settings)
        except (AdminError, UserError) as exc:
            _err(f"supervision-bot: {exc}")
            return EXIT_USAGE
        except UnknownGroup as exc:
            _err(f"supervision-bot: no group named {exc.args[0]!r} in this workspace")
            return EXIT_USAGE
        except GroupExists as exc:
            _err(f"supervision-bot: a group named {exc.args[0]!r} already exists")
            return EXIT_USAGE
        except NoToken as exc:
            _err(f"supervision-bot: no Slack token: {exc} (set SLACK_BOT_TOKEN)")
            return EXIT_USAGE
        except StoreUnavailable:
            _err("supervision-bot: the database is unavailable; nothing was changed")
            return 1

    return run


# ---------------------------------------------------------------------------------- plumbing


def _runtime(settings: Settings) -> Any:
    from bot.jobs import build_runtime

    return build_runtime(settings)


def _workspace(settings: Settings) -> str:
    from bot.slack.fanout import NoToken, token_workspace_id

    if settings.slack_bot_token is None:
        raise NoToken("SLACK_BOT_TOKEN is not set")
    try:
        return token_workspace_id(settings)
    except NoToken:
        raise
    except Exception as exc:  # auth.test unreachable or refused: say which, not a traceback
        raise AdminError(
            f"auth.test against {settings.slack_api_url} failed ({type(exc).__name__})"
        ) from None


def _users(text: str, flag: str) -> tuple[str, ...]:
    users = tuple(dict.fromkeys(u.strip() for u in text.split(",") if u.strip()))
    bad = [u for u in users if not u.isalnum() or not u[0].isalpha()]
    if bad:
        raise AdminError(f"{flag}: {', '.join(bad)} is not a Slack user id (like U0123ABCD)")
    return users


def _date(text: str, flag: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise AdminError(f"{flag}: {text!r} is not a date: use YYYY-MM-DD") from None


def _close(runtime: Any) -> None:
    runtime.db.dispose()


# ---------------------------------------------------------------------------------- groups


def _group_create(args: argparse.Namespace, settings: Settings) -> int:
    from commands.groups import NewGroup
    from commands.schedule import parse_weekly, parse_zone

    checkin = parse_weekly(args.checkin)
    digest = parse_weekly(args.digest)
    parse_zone(args.tz)
    name = args.name.strip()
    if not name or len(name) > 80:
        raise AdminError("--name: give a name of 1 to 80 characters")
    members = _users(args.members, "--members")
    supervisors = _users(args.supervisors, "--supervisors")
    if not members:
        raise AdminError("--members: give at least one member")
    if not supervisors:
        raise AdminError("--supervisors: give at least one supervisor")
    if not 1 <= args.reminder_hours <= 144:
        raise AdminError("--reminder-hours: give 1 to 144 hours")
    if not 7 <= args.retention_days <= 3650:
        raise AdminError("--retention-days: give 7 to 3650 days")
    channel = args.channel.strip() if args.channel else None
    if channel and channel[0] not in "CG":
        raise AdminError("--channel: give a channel id like C0123ABCD")
    workspace = _workspace(settings)
    runtime = _runtime(settings)
    try:
        group = runtime.groups.create(
            NewGroup(
                workspace_id=workspace,
                name=name,
                members=members,
                supervisors=supervisors,
                checkin=checkin,
                digest=digest,
                timezone=args.tz.strip(),
                created_by="cli",
                channel_id=channel,
                reminder_delay_hours=args.reminder_hours,
                reminder_count=args.reminders,
                retention_days=args.retention_days,
                allow_named=args.allow_named,
            )
        )
    finally:
        _close(runtime)
    _say(
        f"created group {group.name}: {len(group.members)} member(s), "
        f"{len(group.supervisors)} supervisor(s); "
        f"check-in {group.checkin.label}, digest {group.digest.label} ({group.timezone})"
    )
    return 0


def _group_list(_args: argparse.Namespace, settings: Settings) -> int:
    workspace = _workspace(settings)
    runtime = _runtime(settings)
    try:
        groups = runtime.groups.list_groups(workspace_id=workspace)
    finally:
        _close(runtime)
    if not groups:
        _say("no groups yet: create one with `supervision-bot group create`")
    for group in groups:
        state = " (paused)" if group.paused else ""
        _say(
            f"{group.name}\t{len(group.members)} members\t{group.checkin.label} / digest {group.digest.label}"
            f"\t{group.timezone}{state}"
        )
    return 0


def _group_show(args: argparse.Namespace, settings: Settings) -> int:
    from bot.jobs import shown_week
    from commands.schedule import format_local, next_occurrence

    workspace = _workspace(settings)
    runtime = _runtime(settings)
    try:
        group = runtime.groups.by_name(workspace_id=workspace, name=args.name)
        now = runtime.jobs.clock()  # the clock `checkin open` uses, so both speak of the same week
        occ, cycle = shown_week(runtime.checkins, group, now)
        deliveries = runtime.checkins.deliveries(cycle_id=cycle.id) if cycle else []
        holidays = runtime.groups.holidays(group.id)
    finally:
        _close(runtime)
    today = now.date()
    _say(f"group:        {group.name}")
    _say(f"time zone:    {group.timezone}")
    _say(
        f"check-in:     {group.checkin.label}; "
        f"next {format_local(next_occurrence(group.schedule, now).due_utc, group.timezone)}"
    )
    _say(f"digest:       {group.digest.label}")
    _say(f"reminders:    {group.reminder_count} after {group.reminder_delay_hours} h")
    _say(f"retention:    {group.retention_days} days")
    _say(f"channel:      {group.channel_id or '-'}")
    until = f" until {group.paused_until}" if group.paused_until else ""
    _say(f"paused:       {'yes' + until if group.paused else 'no'}")
    _say(f"supervisors:  {', '.join(group.supervisors)}")
    for member in group.members:
        away = f" (snoozed until {member.snoozed_until})" if member.away_on(today) else ""
        quiet = " (reminders off)" if not member.reminders_enabled else ""
        _say(f"member:       {member.user_id}{away}{quiet}")
    for holiday in holidays:
        _say(f"holiday:      {holiday.day}{' ' + holiday.note if holiday.note else ''}")
    if cycle is None:
        _say(f"this week:    {occ.period} not opened")
    else:
        sent = sum(1 for d in deliveries if d.kind == "checkin" and d.status == "sent")
        failed = [d for d in deliveries if d.status in ("failed", "gave_up")]
        _say(
            f"this week:    {cycle.period}: {sent} check-in(s) sent, "
            f"digest {'sent' if cycle.digest_sent_at else 'not sent'}"
        )
        for d in failed:
            _say(
                f"failed:       {d.kind} to {d.user_id}: {d.last_error} ({d.attempts} attempt(s), {d.status})"
            )
    return 0


# ---------------------------------------------------------------------------------- check-ins and digests


def _checkin_open(args: argparse.Namespace, settings: Settings) -> int:
    workspace = _workspace(settings)
    runtime = _runtime(settings)
    try:
        group = runtime.groups.by_name(workspace_id=workspace, name=args.group)
        result = runtime.jobs.open_cycle(group)
    finally:
        _close(runtime)
    if result.status != "opened":
        _say(f"{result.group} {result.period}: nothing sent: {result.note}")
        return 0
    t = result.tally
    errors = f" ({', '.join(sorted(set(t.errors)))}; retried later)" if t.errors else ""
    _say(
        f"{result.group} {result.period}: opened; {t.sent} sent now, {t.already} already sent, "
        f"{t.failed} failed{errors}, "
        f"{result.away} away"
    )
    return 0


def _digest_send(args: argparse.Namespace, settings: Settings) -> int:
    workspace = _workspace(settings)
    runtime = _runtime(settings)
    try:
        group = runtime.groups.by_name(workspace_id=workspace, name=args.group)
        result = runtime.jobs.send_digest(group)
    finally:
        _close(runtime)
    if result.status != "sent":
        _say(f"{result.group} {result.period}: no digest: the group is {result.status} this week")
        return 0
    t = result.tally
    _say(
        f"{result.group} {result.period}: digest {t.sent} sent now, {t.already} already sent, "
        f"{t.failed} failed; {result.charts} chart(s) delivered"
    )
    return 0


# ---------------------------------------------------------------------------------- skips


def _member(settings: Settings, args: argparse.Namespace, **change: Any) -> int:
    workspace = _workspace(settings)
    runtime = _runtime(settings)
    try:
        group = runtime.groups.by_name(workspace_id=workspace, name=args.group)
        if not runtime.groups.set_member(group.id, args.user.strip(), **change):
            raise AdminError(f"{args.user} is not a member of {group.name}")
    finally:
        _close(runtime)
    return 0


def _member_snooze(args: argparse.Namespace, settings: Settings) -> int:
    until = _date(args.until, "--until")
    _member(settings, args, snoozed_until=until)
    _say(f"{args.user} snoozed in {args.group} until {until} (inclusive): no check-ins, counted away")
    return 0


def _member_resume(args: argparse.Namespace, settings: Settings) -> int:
    _member(settings, args, snoozed_until=None)
    _say(f"{args.user} resumed in {args.group}")
    return 0


def _holiday_add(args: argparse.Namespace, settings: Settings) -> int:
    day = _date(args.date, "--date")
    workspace = _workspace(settings)
    runtime = _runtime(settings)
    try:
        group = runtime.groups.by_name(workspace_id=workspace, name=args.group)
        added = runtime.groups.add_holiday(group.id, day, args.note.strip())
    finally:
        _close(runtime)
    _say(f"holiday {day} {'added to' if added else 'was already set for'} {group.name}")
    return 0


def _holiday_list(args: argparse.Namespace, settings: Settings) -> int:
    workspace = _workspace(settings)
    runtime = _runtime(settings)
    try:
        group = runtime.groups.by_name(workspace_id=workspace, name=args.group)
        holidays = runtime.groups.holidays(group.id)
    finally:
        _close(runtime)
    if not holidays:
        _say(f"{group.name} has no holidays")
    for holiday in holidays:
        _say(f"{holiday.day}\t{holiday.note}")
    return 0


def _holiday_remove(args: argparse.Namespace, settings: Settings) -> int:
    day = _date(args.date, "--date")
    workspace = _workspace(settings)
    runtime = _runtime(settings)
    try:
        group = runtime.groups.by_name(workspace_id=workspace, name=args.group)
        removed = runtime.groups.remove_holiday(group.id, day)
    finally:
        _close(runtime)
    _say(f"holiday {day} {'removed from' if removed else 'was not set for'} {group.name}")
    return 0
