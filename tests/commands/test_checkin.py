"""The /checkin command against an in-memory desk: form, validation, confirmation, snoozes."""

from __future__ import annotations

import datetime as dt

from commands.checkin import AnswerInput, CheckinCommand, CurrentCheckin, SavedAnswer, mark_placeholders
from commands.types import ActionRequest, Actor, CommandRequest, DeidentifiedText, Paragraph, Redaction

ACTOR = Actor(workspace_id="T1", user_id="U1")
NOW = dt.datetime(2026, 11, 24, 12, 0)


class Desk:
    def __init__(self) -> None:
        self.saved: list[AnswerInput] = []
        self.snoozed: dt.date | None = None
        self.reminders: bool | None = None

    def current(self, actor: Actor, *, now: dt.datetime) -> CurrentCheckin | None:
        return self.for_cycle(actor, 7)

    def for_cycle(self, actor: Actor, cycle_id: int) -> CurrentCheckin | None:
        if actor.user_id != "U1" or cycle_id != 7:
            return None
        return CurrentCheckin(
            cycle_id=7, group_name="g", period="2026-W48", prompt_id=None,
            digest_due=dt.datetime(2026, 11, 27, 16, 0), digest_sent=False, allow_named=True,
            member_tz="Asia/Kolkata",
        )  # fmt: skip

    def save(self, actor: Actor, cycle_id: int, answer: AnswerInput, *, now: dt.datetime) -> SavedAnswer:
        self.saved.append(answer)
        text = DeidentifiedText("[NAME-1] felt unheard.", (Redaction("NAME", "[NAME-1]", "Ann", 0, 8),))
        return SavedAnswer(outcome="created", text=text, agenda=DeidentifiedText(""))

    def snooze(self, actor: Actor, until: dt.date | None) -> list[str]:
        self.snoozed = until
        return ["g"]

    def set_reminders(self, actor: Actor, enabled: bool) -> list[str]:
        self.reminders = enabled
        return ["g"]

    def next_checkin(self, actor: Actor, *, now: dt.datetime) -> tuple[str, dt.datetime, str | None] | None:
        return None


def command(desk: Desk) -> CheckinCommand:
    return CheckinCommand(desk=desk, clock=lambda: NOW)


def test_slash_checkin_opens_the_form_with_the_named_option() -> None:
    reply = command(Desk()).handle(CommandRequest(command="checkin", text="", actor=ACTOR))
    assert reply.form is not None and reply.form.metadata == "7"
    extras = next(i for i in reply.form.inputs if i.input_id == "extras")
    assert [o.value for o in extras.options] == ["individual", "named"]
    assert "Fri 27 Nov 21:30 (Asia/Kolkata)" in str(reply.form.blocks)


def test_missing_ratings_come_back_as_form_errors() -> None:
    desk = Desk()
    reply = command(desk).act(ActionRequest(action_id="checkin.submit", actor=ACTOR, metadata="7",
                                            values={"bond": "4", "goals": "", "tasks": "9"}))  # fmt: skip
    assert reply.form_errors == {"goals": "Please choose 1 to 5.", "tasks": "Please choose 1 to 5."}
    assert desk.saved == []


def test_submit_confirms_with_placeholders_marked_and_named_only_when_chosen() -> None:
    desk = Desk()
    values = {
        "bond": "4",
        "goals": "3",
        "tasks": "5",
        "reflection": "Ann felt unheard.",
        "extras": "individual,named",
    }
    reply = command(desk).act(
        ActionRequest(action_id="checkin.submit", actor=ACTOR, metadata="7", values=values)
    )
    assert desk.saved[0].named_user_id == "U1" and desk.saved[0].wants_individual_time
    text = " ".join(b.text for b in reply.blocks if isinstance(b, Paragraph))
    assert "*[NAME-1]* felt unheard." in text and "(Asia/Kolkata)" in text
    values["extras"] = "named"
    command(desk).act(ActionRequest(action_id="checkin.submit", actor=ACTOR, metadata="7", values=values))
    assert desk.saved[1].named_user_id is None, "no individual time asked: nothing to name"


def test_someone_elses_cycle_is_refused() -> None:
    reply = command(Desk()).act(ActionRequest(action_id="checkin.start", actor=Actor("T1", "U2"), value="7"))
    assert "not yours" in reply.text


def test_snooze_resume_and_reminder_words() -> None:
    desk = Desk()
    c = command(desk)
    assert "2026-12-07" in c.handle(CommandRequest(command="checkin", text="snooze 2w", actor=ACTOR)).text
    assert desk.snoozed == dt.date(2026, 12, 7)
    c.handle(CommandRequest(command="checkin", text="snooze until 2026-12-31", actor=ACTOR))
    assert desk.snoozed == dt.date(2026, 12, 31)
    c.handle(CommandRequest(command="checkin", text="resume", actor=ACTOR))
    assert desk.snoozed is None
    c.handle(CommandRequest(command="checkin", text="reminders off", actor=ACTOR))
    assert desk.reminders is False
    assert (
        "reminders on"
        in c.handle(CommandRequest(command="checkin", text="reminders maybe", actor=ACTOR)).text
    )


def test_mark_placeholders() -> None:
    redactions = (Redaction("NAME", "[NAME-1]", "x", 2, 10), Redaction("PLACE", "[PLACE-1]", "y", 13, 22))
    cleaned = DeidentifiedText("a [NAME-1] b [PLACE-1]", redactions)
    assert mark_placeholders(cleaned) == "a *[NAME-1]* b *[PLACE-1]*"
