"""The Teams app end to end: activities in over HTTP, Adaptive Cards out through the fake connector."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

pytest.importorskip(
    "microsoft_agents.hosting.core", reason="needs the [teams] extra: pip install -e '.[teams]'"
)

from bot.config import Settings
from bot.jobs import Runtime
from bot.teams.render import CONTROL, WITHHELD_HINT
from commands.groups import GroupInfo, NewGroup
from commands.schedule import parse_weekly
from storage.teams import KIND_CHANNEL, KIND_PERSONAL, TeamsConversationRepository
from tests.fakes.bot_connector import Sent, card_text, cards
from tests.teams.conftest import BOT, WORKSPACE, TeamsApp, personal_conversation, user

DUE = dt.datetime(2026, 11, 23, 9, 0)  # MON 09:00 in Europe/London


def runtime(app: TeamsApp) -> Runtime:
    assert app.services.runtime is not None
    return app.services.runtime


def only_card(sent: Sent) -> dict[str, Any]:
    (card,) = cards(sent)
    assert card["type"] == "AdaptiveCard" and card["version"] == "1.5"
    return card


def last_card(app: TeamsApp, who: str = "alex") -> dict[str, Any]:
    return only_card(app.connector.messages(personal_conversation(who))[-1])


def submit_action(card: dict[str, Any]) -> dict[str, Any]:
    """The data of the card's first Action.Submit (a form's submit, or the first button)."""
    for action in card.get("actions") or []:
        return dict(action["data"])
    for element in card["body"]:
        if element["type"] == "ActionSet":
            return dict(element["actions"][0]["data"])
    raise AssertionError("the card has no action")


def inputs(card: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in card["body"] if e["type"].startswith("Input.")}


# ------------------------------------------------------------------------------ each command's card


def test_boundary_answers_with_guidance_in_a_card(teams_app: TeamsApp) -> None:
    status, _ = teams_app.say("boundary a client gave me a gift card")
    assert status == 202
    (sent,) = teams_app.connector.messages(personal_conversation("alex"))
    text = card_text(only_card(sent)).lower()
    assert "gift" in text
    assert sent.activity["from"]["id"] == BOT and sent.activity["conversation"][
        "id"
    ] == personal_conversation("alex")


def test_reflect_offers_a_prompt_with_buttons(teams_app: TeamsApp) -> None:
    teams_app.say("reflect")
    card = last_card(teams_app)
    buttons = [a for e in card["body"] if e["type"] == "ActionSet" for a in e["actions"]]
    assert any(b["title"] == "Write a reflection" for b in buttons)
    assert all(b["type"] == "Action.Submit" and CONTROL in b["data"] for b in buttons)


def test_checkin_without_a_group_says_so(teams_app: TeamsApp) -> None:
    teams_app.say("/checkin")
    assert "not a member of a supervision group" in card_text(last_card(teams_app))


def test_supervision_help_and_the_setup_form_with_a_people_picker(teams_app: TeamsApp) -> None:
    teams_app.say("supervision help")
    assert "/supervision: run a supervision group" in card_text(last_card(teams_app))
    teams_app.say("supervision setup")
    form = last_card(teams_app)
    fields = inputs(form)
    assert fields["members"]["choices.data"]["dataset"] == "graph.microsoft.com/users"
    assert fields["supervisors"]["value"] == "00000000-0000-4000-8000-00000000000a", "the asker, pre-filled"
    assert fields["tz"]["value"] == "America/New_York", "the zone Teams reported"
    assert submit_action(form)[CONTROL]["f"] == "supervision.setup"


def test_a_message_that_is_not_a_command_gets_the_command_list(teams_app: TeamsApp) -> None:
    teams_app.say("hello there")
    text = card_text(last_card(teams_app))
    assert all(name in text for name in ("boundary", "reflect", "checkin", "supervision"))


def test_setup_form_submission_creates_the_group_from_picked_people(teams_app: TeamsApp) -> None:
    teams_app.say("supervision setup")
    form = last_card(teams_app)
    data = submit_action(form)
    data.update(
        {
            "name": "Tuesday group",
            "members": "00000000-0000-4000-8000-00000000000b,00000000-0000-4000-8000-00000000000c",
            "supervisors": "00000000-0000-4000-8000-00000000000a",
            "checkin_day": "mon",
            "checkin_time": "09:00",
            "digest_day": "fri",
            "digest_time": "16:00",
            "tz": "Europe/London",
            "reminder_hours": "24",
            "retention_days": "365",
            "options": "",
        }
    )
    form_id = teams_app.connector.messages(personal_conversation("alex"))[-1].activity_id
    teams_app.post(teams_app.activity(value=data, replyToId=form_id))
    (update,) = teams_app.connector.updates()
    assert update.activity_id == form_id, "the form card is replaced by the result, as a modal would be"
    assert "Tuesday group is set up" in card_text(only_card(update))
    (group,) = runtime(teams_app).groups.of_user(workspace_id=WORKSPACE, user_id=user("alex"))
    assert {m.user_id for m in group.members} == {user("bea"), user("sam")} and group.supervisors == (
        user("alex"),
    )


# ------------------------------------------------------------------------------ channels are private


def test_a_channel_mention_is_answered_privately_with_a_note_in_the_channel(teams_app: TeamsApp) -> None:
    mention = {
        "type": "mention",
        "text": "<at>Supervision</at>",
        "mentioned": {"id": BOT, "name": "Supervision"},
    }
    activity = teams_app.activity(text="<at>Supervision</at> reflect", scope="channel", entities=[mention])
    status, _ = teams_app.post(activity)
    assert status == 202
    (created,) = teams_app.connector.created
    assert created["members"] == [{"id": "29:alex"}] and created["tenantId"]
    private = teams_app.connector.messages("a:personal-chat-1")
    assert private and "Write a reflection" in card_text(only_card(private[0]))
    (note,) = teams_app.connector.messages("19:general@thread.tacv2;messageid=1700000000000")
    assert "1:1 chat" in card_text(only_card(note)) and "Write a reflection" not in json.dumps(note.activity)

    conversations = TeamsConversationRepository(db=teams_app.services.db)
    stored = conversations.get(WORKSPACE, user("alex"))
    assert stored is not None and stored.kind == KIND_PERSONAL
    assert "name" not in stored.reference.get("user", {}), "display names are not stored"
    channels = [conversations.get(WORKSPACE, key) for key in _channel_keys()]
    assert any(c is not None and c.kind == KIND_CHANNEL for c in channels)

    teams_app.post(
        teams_app.activity(text="<at>Supervision</at> checkin", scope="channel", entities=[mention])
    )
    assert len(teams_app.connector.created) == 1, "the stored 1:1 chat is reused"
    assert "requestId" not in stored.reference, "nothing per-message is stored"


def _channel_keys() -> list[str]:
    from bot.teams import ids

    return [ids.channel_key("19:general@thread.tacv2")]


def test_other_mentions_become_member_ids_for_supervision(
    teams_app: TeamsApp, teams_settings: Settings
) -> None:
    group = make_group(teams_app, members=(user("bea"),), supervisors=(user("alex"),))
    mention = {
        "type": "mention",
        "text": "<at>Sam</at>",
        "mentioned": {"id": "29:sam", "name": "Sam", "aadObjectId": "00000000-0000-4000-8000-00000000000c"},
    }
    teams_app.post(teams_app.activity(text="supervision members add <at>Sam</at>", entities=[mention]))
    assert "Added 1 member(s)" in card_text(last_card(teams_app))
    refreshed = runtime(teams_app).groups.by_id(group.id)
    assert user("sam") in {m.user_id for m in refreshed.members}


# ------------------------------------------------------------------------------ the check-in


def make_group(app: TeamsApp, *, members: tuple[str, ...], supervisors: tuple[str, ...]) -> GroupInfo:
    rt = runtime(app)
    rt.jobs.clock = lambda: DUE + dt.timedelta(hours=1)
    return rt.groups.create(
        NewGroup(
            workspace_id=WORKSPACE,
            name="Tuesday group",
            members=members,
            supervisors=supervisors,
            checkin=parse_weekly("MON 09:00"),
            digest=parse_weekly("FRI 16:00"),
            timezone="Europe/London",
            created_by="test",
        )
    )


def open_checkin(app: TeamsApp) -> tuple[GroupInfo, int]:
    app.say("hi")  # first contact: the 1:1 chat's reference is stored
    group = make_group(app, members=(user("alex"), user("bea")), supervisors=(user("sam"),))
    result = runtime(app).jobs.open_cycle(group)
    assert result.status == "opened"
    cycle = runtime(app).checkins.cycle(group_id=group.id, period=result.period)
    assert cycle is not None
    return group, cycle.id


def test_checkin_form_is_stored_de_identified(teams_app: TeamsApp) -> None:
    _group, cycle_id = open_checkin(teams_app)
    dm = teams_app.connector.messages(personal_conversation("alex"))[-1]
    assert "Start check-in" in card_text(only_card(dm))

    teams_app.post(teams_app.activity(value=submit_action(only_card(dm))))
    form = last_card(teams_app)
    assert list(inputs(form)) == ["bond", "goals", "tasks", "reflection", "agenda", "extras"]
    assert submit_action(form)[CONTROL]["m"] == str(cycle_id)

    raw = "Dmitri told me he felt unheard; call him at 555-201-3344."
    data = submit_action(form) | {
        "bond": "4",
        "goals": "3",
        "tasks": "5",
        "reflection": raw,
        "agenda": "",
        "extras": "individual",
    }
    form_id = teams_app.connector.messages(personal_conversation("alex"))[-1].activity_id
    status, _ = teams_app.post(teams_app.activity(value=data, replyToId=form_id))
    assert status == 202

    replaced = next(u for u in teams_app.connector.updates() if u.activity_id == form_id)
    shown = card_text(only_card(replaced))
    assert "Check-in saved" in shown and "[NAME-1]" in shown and "Dmitri" not in shown
    assert "555-201-3344" not in shown
    edited = next(u for u in teams_app.connector.updates() if u.activity_id == dm.activity_id)
    assert "Edit my check-in" in card_text(only_card(edited)), "the check-in DM turns into Edit"

    rt = runtime(teams_app)
    author = rt.jobs.pseudonyms.author(WORKSPACE, user("alex"))
    stored = rt.checkins.answer(cycle_id=cycle_id, author=author)
    assert stored is not None and (stored.bond, stored.goals, stored.tasks) == (4, 3, 5)
    assert stored.wants_individual_time is True
    assert "[NAME-1]" in stored.text and "Dmitri" not in stored.text and "555-201-3344" not in stored.text


def test_a_form_with_problems_comes_back_with_messages_and_without_the_text(teams_app: TeamsApp) -> None:
    _group, _cycle_id = open_checkin(teams_app)
    teams_app.say("checkin")
    form = last_card(teams_app)
    data = submit_action(form) | {"bond": "", "goals": "3", "tasks": "5", "reflection": "Dmitri again"}
    teams_app.post(teams_app.activity(value=data, replyToId="1"))
    again = last_card(teams_app)
    text = json.dumps(again)
    assert "Please choose 1 to 5." in text and "Please check the marked fields." in text
    assert inputs(again)["goals"]["value"] == "3" and "Dmitri" not in text and WITHHELD_HINT in text
    assert not teams_app.connector.updates(), "the card with the person's typing stays as it was"


def test_action_execute_answers_with_the_replacing_card(teams_app: TeamsApp) -> None:
    teams_app.say("reflect")
    button = submit_action(last_card(teams_app))
    invoke = teams_app.activity(
        kind="invoke",
        name="adaptiveCard/action",
        value={
            "action": {"type": "Action.Execute", "verb": "supervisionBot", "data": button},
            "trigger": "manual",
        },
    )
    status, body = teams_app.post(invoke)
    assert status == 200
    response = json.loads(body)
    assert response["statusCode"] == 200 and response["type"] == "application/vnd.microsoft.card.adaptive"
    assert response["value"]["type"] == "AdaptiveCard" and response["value"]["body"]


# ------------------------------------------------------------------------------ the front door


def test_without_the_local_mode_a_request_without_a_token_is_refused(
    teams_settings: Settings, teams_app: TeamsApp
) -> None:
    from bot.teams.app import build_teams_bot, build_web_app
    from tests.teams.conftest import _serve

    secured = teams_settings.model_copy(
        update={"teams_allow_anonymous": False, "teams_app_id": "11111111-2222-3333-4444-555555555555"}
    )
    bot = build_teams_bot(secured, router=teams_app.services.router, db=teams_app.services.db)
    base_url, loop, thread, runner = _serve(build_web_app(bot, health=lambda: True))
    try:
        guarded = TeamsApp(base_url=base_url, services=teams_app.services, connector=teams_app.connector)
        status, _ = guarded.say("boundary a gift")
        assert status == 401
        status, _ = guarded.say("boundary a gift", headers={"Authorization": "Bearer not-a-jwt"})
        assert status == 401
        assert not teams_app.connector.sent
    finally:
        import asyncio

        asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)


def test_healthz_needs_no_token(teams_app: TeamsApp) -> None:
    import urllib.request

    with urllib.request.urlopen(teams_app.base_url + "/healthz", timeout=10) as response:
        assert response.status == 200
