"""/supervision against the real repositories (no Slack): refusals, mentions, leave, holidays."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.jobs import SlackSupervisionDesk
from bot.wiring import Services
from commands.groups import NewGroup
from commands.schedule import parse_weekly
from commands.supervision import SupervisionCommand, _mentions
from commands.types import Actor, CommandRequest, Reply


@pytest.fixture
def command(services: Services) -> SupervisionCommand:
    assert services.runtime is not None
    services.runtime.groups.create(
        NewGroup(
            workspace_id="T1", name="g", members=("U1", "U2"), supervisors=("U9",),
            checkin=parse_weekly("MON 09:00"), digest=parse_weekly("FRI 16:00"), timezone="Europe/London",
            created_by="U9",
        )
    )  # fmt: skip
    desk = SlackSupervisionDesk(jobs=services.runtime.jobs)
    return SupervisionCommand(desk=desk, clock=lambda: dt.datetime(2026, 11, 24, 12, 0))


def ask(command: SupervisionCommand, text: str, user: str = "U9", workspace: str = "T1") -> Reply:
    return command.handle(CommandRequest(command="supervision", text=text, actor=Actor(workspace, user)))


def test_mentions_are_parsed_from_slack_syntax_and_bare_ids() -> None:
    assert _mentions("add <@U123ABC|ann> <@W999> U777 hello") == ("U123ABC", "W999", "U777")


def test_non_supervisors_are_refused_politely(command: SupervisionCommand) -> None:
    for words in (
        "members add U5",
        "schedule checkin TUE 10:00",
        "pause",
        "resume",
        "digest",
        "snooze U1 2w",
    ):
        assert "Only this group's supervisors" in ask(command, words, user="U1").text, words
    assert "Answered" in str(ask(command, "status", user="U1").blocks)
    assert "Failed deliveries" not in str(ask(command, "status", user="U1").blocks)


def test_other_workspaces_and_strangers_see_no_group(command: SupervisionCommand) -> None:
    assert "not in a supervision group" in ask(command, "status", workspace="T2").text
    assert "not in a supervision group" in ask(command, "status", user="U5").text
    assert "not in a group named other" in ask(command, "status group:other").text


def test_supervisor_snoozes_a_member_and_manages_holidays(command: SupervisionCommand) -> None:
    assert "snoozed until 2026-12-07" in ask(command, "snooze <@U1> 2w").text
    assert "not a member" in ask(command, "snooze U0000055 2w").text
    assert "now a holiday" in ask(command, "holiday add 2026-12-25 office closed").text
    assert "2026-12-25 office closed" in str(ask(command, "holiday list").blocks)
    assert "removed" in ask(command, "holiday remove 2026-12-25").text
    assert "not a date" in ask(command, "holiday add 25/12").text


def test_leave_keeps_at_least_one_supervisor(command: SupervisionCommand) -> None:
    assert "only supervisor" in ask(command, "leave").text
    assert "You left g" in ask(command, "leave", user="U2").text
    assert "not in a supervision group" in ask(command, "status", user="U2").text


def test_pause_until_and_resume(command: SupervisionCommand) -> None:
    assert "paused until 2026-12-31" in ask(command, "pause until 2026-12-31").text
    assert "(paused)" in str(ask(command, "status").blocks)
    assert "running again" in ask(command, "resume").text
