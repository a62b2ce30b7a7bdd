"""``/checkin`` and the weekly check-in itself: the DM, the form, the confirmation, snoozes.

A member answers three alliance self-ratings (bond, goals, tasks; Bordin 1979), the week's
reflection prompt, an optional "bring to supervision" item and "I'd like individual time". The
storage port de-identifies and encrypts on the way in; the member then sees exactly what was
stored, with replaced parts marked, and until when they can still edit it, in their own zone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from commands.prompts import Prompt, PromptLibrary
from commands.schedule import ScheduleError, format_local, parse_until, zone_or_utc
from commands.types import (
    ActionRequest,
    Actions,
    Actor,
    Block,
    BulletList,
    Button,
    CommandRequest,
    DeidentifiedText,
    Fields,
    Form,
    Header,
    Input,
    Notice,
    Option,
    Paragraph,
    Reply,
    StoreUnavailable,
)

MAX_TEXT = 3000
FORM_ID = "checkin.submit"
SCALE_LABELS = {
    "bond": "Bond: how connected did you feel with your clients this week?",
    "goals": "Goals: how much did you and your clients agree on what you are working towards?",
    "tasks": "Tasks: how much did you agree on how you work together in sessions?",
}
SCALE_OPTIONS = (
    Option("1 - not at all", "1"),
    Option("2 - a little", "2"),
    Option("3 - somewhat", "3"),
    Option("4 - mostly", "4"),
    Option("5 - completely", "5"),
)
PRIVACY = (
    "Names, places, dates and other identifiers are replaced before anything is stored. Your answer "
    "is filed under a pseudonym; supervisors see only group totals."
)
NOT_SAVED = "Not saved: the database is unavailable right now. Please try again in a minute."


@dataclass(frozen=True)
class AnswerInput:
    """A member's submitted check-in, before de-identification."""

    bond: int | None
    goals: int | None
    tasks: int | None
    theme: str | None
    text: str
    agenda: str
    wants_individual_time: bool
    named_user_id: str | None


@dataclass(frozen=True)
class AnswerInfo:
    """A stored answer as its author may see it (decrypted, already de-identified)."""

    cycle_id: int
    bond: int | None
    goals: int | None
    tasks: int | None
    theme: str | None
    text: str
    agenda: str
    wants_individual_time: bool
    named: bool
    late: bool
    submitted_at: dt.datetime


@dataclass(frozen=True)
class SavedAnswer:
    """What the store kept."""

    outcome: str
    """``created``, ``replaced``, ``late`` or ``closed`` (late and already answered: nothing stored)."""
    text: DeidentifiedText
    agenda: DeidentifiedText


@dataclass(frozen=True)
class CurrentCheckin:
    """The check-in a member can answer now, with what they need to see about it."""

    cycle_id: int
    group_name: str
    period: str
    prompt_id: str | None
    digest_due: dt.datetime
    """UTC (naive)."""
    digest_sent: bool
    allow_named: bool
    member_tz: str | None
    answer: AnswerInfo | None = None


class CheckinDesk(Protocol):
    """What ``/checkin`` needs from storage and the platform."""

    def current(self, actor: Actor, *, now: dt.datetime) -> CurrentCheckin | None:
        """The newest opened check-in of the actor's group, or None."""
        ...

    def for_cycle(self, actor: Actor, cycle_id: int) -> CurrentCheckin | None:
        """A specific cycle, only when the actor is a member of its group."""
        ...

    def save(self, actor: Actor, cycle_id: int, answer: AnswerInput, *, now: dt.datetime) -> SavedAnswer:
        """Store (or replace) the actor's answer, de-identified and under their pseudonym."""
        ...

    def snooze(self, actor: Actor, until: dt.date | None) -> list[str]:
        """Snooze (None: resume) the actor in every group they are a member of; returns group names."""
        ...

    def set_reminders(self, actor: Actor, enabled: bool) -> list[str]:
        """Turn the actor's reminders on or off; returns group names."""
        ...

    def next_checkin(self, actor: Actor, *, now: dt.datetime) -> tuple[str, dt.datetime, str | None] | None:
        """(group name, next check-in UTC, actor's zone) for the actor's first group, or None."""
        ...


def checkin_message(
    *, group_name: str, cycle_id: int, prompt: Prompt | None, closes: str, edit: bool = False
) -> Reply:
    """The DM that opens a check-in (``edit=True``: the version after the member answered)."""
    blocks: list[Block] = [
        Header("This week's check-in is open"),
        Paragraph(
            f"Your supervision group *{group_name}* checks in this week: three quick ratings, one "
            "reflection and anything you want to bring to supervision. About five minutes."
        ),
    ]
    if prompt is not None:
        blocks.append(Paragraph(f"This week's reflection: _{prompt.question}_"))
    if edit:
        blocks.append(Paragraph("Thank you, your answer is saved. You can still change it until the digest."))
        button = Button("Edit my check-in", "checkin.start", str(cycle_id))
    else:
        button = Button("Start check-in", "checkin.start", str(cycle_id), "primary")
    blocks.append(Actions((button,)))
    blocks.append(Notice(f"Answers go into the digest on {closes}. {PRIVACY}"))
    text = "This week's check-in is open" if not edit else "Your check-in is saved"
    return Reply(text=text, blocks=tuple(blocks), visibility="dm")


def reminder_message(*, group_name: str, cycle_id: int, closes: str) -> Reply:
    """A gentle reminder to someone who has not answered yet."""
    return Reply(
        text="A reminder: this week's check-in is still open",
        blocks=(
            Paragraph(
                f"A gentle reminder: *{group_name}*'s check-in is still open until {closes}. "
                "Skip it if this week is not the week."
            ),
            Actions((Button("Start check-in", "checkin.start", str(cycle_id), "primary"),)),
            Notice(
                "Turn reminders off with /checkin reminders off, or take a break with /checkin snooze 2w."
            ),
        ),
        visibility="dm",
    )


def channel_notice(*, group_name: str) -> Reply:
    """The content-free channel post: nobody's words ever go to a channel."""
    text = f"This week's check-in for {group_name} is open: look for it in your DMs with me."
    return Reply(text=text, blocks=(Paragraph(text),))


MAX_ROW_ID = 2**31 - 1
"""Ids are 32-bit integers in both databases; a bigger number would fail in the driver, not here."""


def row_id(text: str) -> int | None:
    """A row id carried by a button or a form, or None when it cannot be one.

    Only ASCII digits within the column's range: ``int()`` alone accepts "٧" and numbers
    no database column holds, and a forged or garbled payload must end in "expired", not an error.
    """
    text = text.strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 10:
        return None
    value = int(text)
    return value if 0 < value <= MAX_ROW_ID else None


class CheckinCommand:
    """Answers ``/checkin``, the "Start check-in" button and the check-in form."""

    name = "checkin"

    def __init__(
        self,
        *,
        desk: CheckinDesk,
        library: PromptLibrary | None = None,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        self._desk = desk
        self._library = library or PromptLibrary.load()
        self._clock = clock or (lambda: dt.datetime.now(dt.UTC).replace(tzinfo=None))

    # ------------------------------------------------------------------ slash command

    def handle(self, request: CommandRequest) -> Reply:
        """``/checkin [snooze 2w | snooze until DATE | resume | reminders on|off | help]``."""
        words = request.text.strip().lower().split()
        if words and words[0] in ("help", "?", "--help"):
            return self._usage()
        if words and words[0] == "snooze":
            return self._snooze(request.actor, " ".join(words[1:]))
        if words and words[0] == "resume":
            groups = self._desk.snooze(request.actor, None)
            return self._groups_reply(groups, "Welcome back: you will get the next check-in.")
        if words and words[0] == "reminders":
            if len(words) != 2 or words[1] not in ("on", "off"):
                return Reply.simple("Use /checkin reminders on or /checkin reminders off.")
            groups = self._desk.set_reminders(request.actor, words[1] == "on")
            message = (
                "Reminders are on." if words[1] == "on" else "Reminders are off: you get the check-in only."
            )
            return self._groups_reply(groups, message)
        if words:
            return self._usage()
        current = self._desk.current(request.actor, now=self._clock())
        if current is None:
            return self._nothing_open(request.actor)
        return self._form_reply(current)

    def _snooze(self, actor: Actor, rest: str) -> Reply:
        if not rest:
            return Reply.simple("Use /checkin snooze 2w, or /checkin snooze until 2026-12-31.")
        try:
            until = parse_until(rest, today=self._clock().date())
        except ScheduleError as exc:
            return Reply.simple(str(exc))
        groups = self._desk.snooze(actor, until)
        return self._groups_reply(
            groups,
            f"Snoozed until {until.isoformat()} (inclusive): no check-ins or reminders, and you count as "
            "away, not missing. /checkin resume ends it early.",
        )

    @staticmethod
    def _groups_reply(groups: list[str], message: str) -> Reply:
        if not groups:
            return Reply.simple("You are not a member of a supervision group yet.")
        return Reply.simple(f"{message} ({', '.join(groups)})")

    def _nothing_open(self, actor: Actor) -> Reply:
        upcoming = self._desk.next_checkin(actor, now=self._clock())
        if upcoming is None:
            return Reply.simple("You are not a member of a supervision group yet.")
        group, due, tz = upcoming
        return Reply.simple(f"No check-in is open right now. {group}'s next one: {format_local(due, tz)}.")

    def _usage(self) -> Reply:
        return Reply(
            text="How to use /checkin",
            blocks=(
                Header("/checkin: your weekly check-in"),
                BulletList(
                    "Commands",
                    (
                        "/checkin: open this week's check-in (or edit your answer)",
                        "/checkin snooze 2w, or /checkin snooze until 2026-12-31: take a break",
                        "/checkin resume: end a snooze",
                        "/checkin reminders off (or on)",
                    ),
                ),
                Notice(PRIVACY),
            ),
        )

    # ------------------------------------------------------------------ actions

    def act(self, request: ActionRequest) -> Reply:
        """The DM's button and the form submission."""
        if request.action_id == "checkin.start":
            cycle_id = row_id(request.value)
            if cycle_id is None:
                return Reply.simple("That button has expired. Please use /checkin.")
            current = self._desk.for_cycle(request.actor, cycle_id)
            if current is None:
                return Reply.simple("That check-in is not yours or no longer exists. Please use /checkin.")
            return self._form_reply(current)
        if request.action_id == FORM_ID:
            return self._submit(request)
        # the App Home tab's switches: the same effect as the slash command's words
        if request.action_id == "checkin.snooze":
            return self._snooze(request.actor, request.value or "2w")
        if request.action_id == "checkin.resume":
            return self.handle(CommandRequest("checkin", "resume", request.actor))
        if request.action_id == "checkin.reminders" and request.value in ("on", "off"):
            return self.handle(CommandRequest("checkin", f"reminders {request.value}", request.actor))
        return Reply.simple("That button has expired. Please use /checkin.")

    def _prompt(self, prompt_id: str | None) -> Prompt | None:
        if not prompt_id:
            return None
        try:
            return self._library.prompt(prompt_id)
        except KeyError:
            return None

    def _form_reply(self, current: CurrentCheckin) -> Reply:
        if current.digest_sent and current.answer is not None:
            return Reply.simple(
                "You already answered this week's check-in and the digest has gone out, so it can no "
                "longer be changed. See you next week."
            )
        return Reply(text="This week's check-in", form=self.form(current))

    def form(self, current: CurrentCheckin) -> Form:
        """The check-in form, pre-filled with the member's answer when they edit it."""
        prompt = self._prompt(current.prompt_id)
        answer = current.answer
        closes = format_local(current.digest_due, current.member_tz)
        intro: list[Block] = []
        if current.digest_sent:
            intro.append(
                Paragraph(
                    "The digest for this week has already gone out. Your answer will still be stored and "
                    "shown to your supervisor once, as a late answer, in the next digest."
                )
            )
        elif answer is not None:
            intro.append(Paragraph(f"You are editing your answer. You can change it until {closes}."))
        else:
            intro.append(Paragraph(f"Answers go into {current.group_name}'s digest on {closes}."))
        intro.append(Notice(PRIVACY))
        inputs: list[Input] = [
            Input(
                name,
                SCALE_LABELS[name],
                kind="select",
                options=SCALE_OPTIONS,
                initial=str(getattr(answer, name)) if answer and getattr(answer, name) else "",
            )
            for name in ("bond", "goals", "tasks")
        ]
        inputs.append(
            Input(
                "reflection",
                prompt.question if prompt else "Anything on your mind from this week's work?",
                kind="multiline",
                optional=True,
                max_length=MAX_TEXT,
                initial=answer.text if answer else "",
                hint="Refer to clients without names; identifiers are replaced before storage.",
            )
        )
        inputs.append(
            Input(
                "agenda",
                "Bring to supervision (optional)",
                kind="multiline",
                optional=True,
                max_length=MAX_TEXT,
                initial=answer.agenda if answer else "",
                hint="Shown to your supervisor without your name, in random order with others.",
            )
        )
        options = [Option("I'd like individual time with my supervisor", "individual")]
        initial = ["individual"] if answer and answer.wants_individual_time else []
        if current.allow_named:
            options.append(Option("My supervisor may see that this request is mine", "named"))
            if answer and answer.named:
                initial.append("named")
        inputs.append(
            Input(
                "extras",
                "Individual time",
                kind="checkbox",
                options=tuple(options),
                optional=True,
                initial=",".join(initial),
            )
        )
        return Form(
            form_id=FORM_ID,
            title="Weekly check-in",
            submit_label="Save",
            blocks=tuple(intro),
            inputs=tuple(inputs),
            metadata=str(current.cycle_id),
        )

    def _submit(self, request: ActionRequest) -> Reply:
        cycle_id = row_id(request.metadata)
        if cycle_id is None:
            return Reply.simple("This form has expired. Please use /checkin.")
        try:
            current = self._desk.for_cycle(request.actor, cycle_id)
        except StoreUnavailable:
            # keep the form (and what the member typed) open rather than replacing it with a notice
            return Reply(text="", form_errors={"bond": NOT_SAVED})
        if current is None:
            return Reply.simple("That check-in is not yours or no longer exists.")
        errors: dict[str, str] = {}
        ratings: dict[str, int] = {}
        for name in ("bond", "goals", "tasks"):
            raw = request.values.get(name, "").strip()
            if raw not in {"1", "2", "3", "4", "5"}:
                errors[name] = "Please choose 1 to 5."
            else:
                ratings[name] = int(raw)
        text = request.values.get("reflection", "")
        agenda = request.values.get("agenda", "")
        for name, value in (("reflection", text), ("agenda", agenda)):
            if len(value) > MAX_TEXT:
                errors[name] = f"Please keep it under {MAX_TEXT} characters."
        if errors:
            return Reply(text="", form_errors=errors)
        extras = set(request.values.get("extras", "").split(","))
        prompt = self._prompt(current.prompt_id)
        wants = "individual" in extras
        answer = AnswerInput(
            bond=ratings["bond"],
            goals=ratings["goals"],
            tasks=ratings["tasks"],
            theme=prompt.theme if prompt else None,
            text=text.strip(),
            agenda=agenda.strip(),
            wants_individual_time=wants,
            named_user_id=request.actor.user_id
            if wants and current.allow_named and "named" in extras
            else None,
        )
        try:
            saved = self._desk.save(request.actor, cycle_id, answer, now=self._clock())
        except StoreUnavailable:
            return Reply(text="", form_errors={"bond": NOT_SAVED})
        return self.confirmation(current, answer, saved)

    def confirmation(self, current: CurrentCheckin, answer: AnswerInput, saved: SavedAnswer) -> Reply:
        """What the member sees after saving: exactly what was stored, and until when it can change."""
        closes = format_local(current.digest_due, current.member_tz)
        if saved.outcome == "closed":
            return Reply(
                text="Not changed",
                blocks=(
                    Paragraph(
                        "The digest for this week has gone out and you had already answered, so nothing "
                        "was changed."
                    ),
                ),
            )
        if saved.outcome == "late":
            when = (
                "The digest for this week had already gone out: your answer is stored and your supervisor "
                "will see it once, as a late answer, in the next digest."
            )
        else:
            verb = "updated" if saved.outcome == "replaced" else "saved"
            when = f"Your answer is {verb}. You can edit it until the digest goes out on {closes}."
        blocks: list[Block] = [
            Header("Check-in saved"),
            Paragraph(when),
            Fields(
                (
                    ("Bond", str(answer.bond)),
                    ("Goals", str(answer.goals)),
                    ("Tasks", str(answer.tasks)),
                    ("Individual time", "yes" if answer.wants_individual_time else "no"),
                )
            ),
        ]
        for title, stored in (
            ("Your reflection, as stored", saved.text),
            ("For supervision, as stored", saved.agenda),
        ):
            if stored.text:
                blocks.append(Paragraph(f"*{title}:*\n{mark_placeholders(stored)}"))
        if saved.text.redactions or saved.agenda.redactions:
            blocks.append(
                Notice("Parts in *bold* replaced names or other identifiers; the originals were not stored.")
            )
        blocks.append(Notice(f"Times are shown in {zone_or_utc(current.member_tz).key}. {PRIVACY}"))
        return Reply(text="Check-in saved", blocks=tuple(blocks))


def mark_placeholders(cleaned: DeidentifiedText) -> str:
    """The stored text with each placeholder in bold, so the writer sees what was replaced."""
    out: list[str] = []
    position = 0
    for r in sorted(cleaned.redactions, key=lambda r: r.start):
        if r.start < position:
            continue
        out.append(cleaned.text[position : r.start])
        out.append(f"*{cleaned.text[r.start : r.end]}*")
        position = r.end
    out.append(cleaned.text[position:])
    return "".join(out)
