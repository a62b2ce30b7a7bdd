"""Proactive Teams messages through the same jobs, delivery rows and retry rules as Slack."""

from __future__ import annotations

import datetime as dt

import pytest

pytest.importorskip(
    "microsoft_agents.hosting.core", reason="needs the [teams] extra: pip install -e '.[teams]'"
)

from bot.jobs import Runtime, build_runtime
from bot.messenger import PlatformMessenger
from bot.teams.delivery import TeamsMessenger
from commands.groups import GroupInfo, NewGroup
from commands.schedule import parse_weekly
from storage.checkins import KIND_CHECKIN, KIND_DIGEST, STATUS_FAILED, STATUS_GAVE_UP, STATUS_SENT
from storage.teams import KIND_PERSONAL, TeamsConversationRepository
from tests.fakes.bot_connector import card_text, cards
from tests.teams.conftest import WORKSPACE, TeamsApp, personal_conversation, user

DUE = dt.datetime(2026, 11, 23, 9, 0)  # MON 09:00 Europe/London


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


def runtime(app: TeamsApp) -> Runtime:
    assert app.services.runtime is not None
    return app.services.runtime


def make_group(app: TeamsApp, members: tuple[str, ...], clock: Clock) -> GroupInfo:
    rt = runtime(app)
    rt.jobs.clock = clock
    return rt.groups.create(
        NewGroup(
            workspace_id=WORKSPACE,
            name="Tuesday group",
            members=members,
            supervisors=(user("sam"),),
            checkin=parse_weekly("MON 09:00"),
            digest=parse_weekly("FRI 16:00"),
            timezone="Europe/London",
            created_by="test",
        )
    )


def checkin_cards(app: TeamsApp, who: str) -> list[str]:
    return [
        card_text(card)
        for sent in app.connector.messages(personal_conversation(who))
        for card in cards(sent)
        if "Start check-in" in card_text(card)
    ]


def test_the_jobs_send_teams_workspaces_through_teams(teams_app: TeamsApp) -> None:
    messenger = runtime(teams_app).jobs.messenger
    assert isinstance(messenger, PlatformMessenger)
    assert isinstance(messenger.teams(), TeamsMessenger)


def test_a_proactive_checkin_is_delivered_exactly_once(teams_app: TeamsApp) -> None:
    teams_app.say("hi", who="alex")
    teams_app.say("hi", who="bea")
    clock = Clock(DUE + dt.timedelta(hours=1))
    group = make_group(teams_app, (user("alex"), user("bea")), clock)
    rt = runtime(teams_app)

    first = rt.jobs.open_cycle(group)
    second = rt.jobs.open_cycle(group)
    assert (first.tally.sent, second.tally.sent, second.tally.already) == (2, 0, 2)
    replica = build_runtime(
        teams_app.services.settings,
        db=teams_app.services.db,
        cipher=teams_app.services.cipher,
        pseudonyms=teams_app.services.pseudonyms,
        clock=clock,
    )
    try:
        assert replica.jobs.open_cycle(group).tally.sent == 0, "a second process sends nothing either"
    finally:
        replica.jobs.messenger.close()  # type: ignore[attr-defined]
    assert rt.jobs.retry_failed().sent == 0

    assert len(checkin_cards(teams_app, "alex")) == 1 and len(checkin_cards(teams_app, "bea")) == 1
    cycle = rt.checkins.cycles(group_id=group.id, limit=1)[0]
    rows = rt.checkins.deliveries(cycle_id=cycle.id, kind=KIND_CHECKIN)
    assert {r.status for r in rows} == {STATUS_SENT}
    alex = next(r for r in rows if r.user_id == user("alex"))
    sent = teams_app.connector.messages(personal_conversation("alex"))[-1]
    assert alex.channel == user("alex") and alex.message_ts == sent.activity_id


def test_someone_the_bot_never_met_is_retried_not_dropped(teams_app: TeamsApp) -> None:
    clock = Clock(DUE + dt.timedelta(hours=1))
    group = make_group(teams_app, (user("bea"),), clock)
    rt = runtime(teams_app)
    result = rt.jobs.open_cycle(group)
    assert result.tally.failed == 1
    (row,) = rt.checkins.deliveries(cycle_id=rt.checkins.cycles(group_id=group.id, limit=1)[0].id)
    assert (row.status, row.last_error) == (STATUS_FAILED, "no_conversation") and row.next_attempt_at

    teams_app.say("hi", who="bea")  # she opens the app: now the bot can reach her
    clock.now = row.next_attempt_at
    assert rt.jobs.retry_failed().sent == 1
    assert len(checkin_cards(teams_app, "bea")) == 1


def test_a_rate_limit_is_waited_out_within_the_send(teams_app: TeamsApp) -> None:
    teams_app.say("hi", who="alex")
    group = make_group(teams_app, (user("alex"),), Clock(DUE + dt.timedelta(hours=1)))
    teams_app.connector.failures.append((429, {"Retry-After": "0"}))
    assert runtime(teams_app).jobs.open_cycle(group).tally.sent == 1
    assert len(checkin_cards(teams_app, "alex")) == 1


def test_a_blocked_bot_is_a_permanent_failure(teams_app: TeamsApp) -> None:
    teams_app.say("hi", who="alex")
    group = make_group(teams_app, (user("alex"),), Clock(DUE + dt.timedelta(hours=1)))
    teams_app.connector.failures.append((403, {}))
    rt = runtime(teams_app)
    assert rt.jobs.open_cycle(group).tally.failed == 1
    (row,) = rt.checkins.deliveries(cycle_id=rt.checkins.cycles(group_id=group.id, limit=1)[0].id)
    assert (row.status, row.last_error, row.next_attempt_at) == (STATUS_GAVE_UP, "forbidden", None)


def test_someone_met_in_a_channel_gets_a_new_personal_chat(teams_app: TeamsApp) -> None:
    # the app is added to a team by Bea: the bot knows her from the channel only
    teams_app.post(teams_app.activity(kind="installationUpdate", action="add", who="bea", scope="channel"))
    created_before = len(teams_app.connector.created)
    group = make_group(teams_app, (user("bea"),), Clock(DUE + dt.timedelta(hours=1)))
    assert runtime(teams_app).jobs.open_cycle(group).tally.sent == 1
    assert len(teams_app.connector.created) == created_before + 1
    stored = TeamsConversationRepository(db=teams_app.services.db).get(WORKSPACE, user("bea"))
    assert stored is not None and stored.kind == KIND_PERSONAL


def test_the_digest_reaches_the_supervisor_in_teams(teams_app: TeamsApp) -> None:
    teams_app.say("hi", who="sam")
    clock = Clock(DUE + dt.timedelta(hours=1))
    group = make_group(teams_app, (user("alex"),), clock)
    rt = runtime(teams_app)
    rt.jobs.open_cycle(group)
    clock.now = DUE + dt.timedelta(days=4, hours=8)  # FRI 17:00
    result = rt.jobs.send_digest(group)
    assert result.status == "sent" and result.tally.sent == 1
    cycle = rt.checkins.cycles(group_id=group.id, limit=1)[0]
    (row,) = rt.checkins.deliveries(cycle_id=cycle.id, kind=KIND_DIGEST)
    assert row.status == STATUS_SENT
    assert any(
        "Tuesday group" in card_text(c)
        for s in teams_app.connector.messages(personal_conversation("sam"))
        for c in cards(s)
    )
