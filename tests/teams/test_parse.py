"""Teams activities -> typed requests: mentions, slash habits, card data, people pickers, tenants."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip(
    "microsoft_agents.hosting.core", reason="needs the [teams] extra: pip install -e '.[teams]'"
)

from microsoft_agents.activity import Activity

from bot.teams import ids, parse
from bot.teams.render import CONTROL

TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"
ALEX = "00000000-0000-4000-8000-00000000000a"
SAM = "00000000-0000-4000-8000-00000000000c"


def activity(**fields: Any) -> Activity:
    body: dict[str, Any] = {
        "type": "message",
        "channelId": "msteams",
        "serviceUrl": "https://smba.trafficmanager.net/emea/",
        "from": {"id": "29:alex", "aadObjectId": ALEX},
        "recipient": {"id": "28:bot"},
        "conversation": {"id": "a:1on1", "conversationType": "personal", "tenantId": TENANT},
    }
    body.update(fields)
    return Activity.model_validate(body)


def test_a_command_with_a_slash_habit_and_html_entities() -> None:
    request = parse.to_command_request(activity(text="/Boundary  a client&#39;s gift &amp; card"))
    assert request is not None and request.command == "boundary"
    assert request.text == "a client's gift & card"
    assert request.actor.workspace_id == ids.workspace_id(TENANT) and request.actor.user_id == ids.user_id(
        ALEX
    )
    assert request.channel_id is None, "a 1:1 chat has no channel"


def test_the_bots_mention_is_removed_and_other_mentions_become_ids() -> None:
    entities = [
        {"type": "mention", "text": "<at>Bot</at>", "mentioned": {"id": "28:bot", "name": "Bot"}},
        {
            "type": "mention",
            "text": "<at>Sam</at>",
            "mentioned": {"id": "29:sam", "name": "Sam", "aadObjectId": SAM},
        },
        {"type": "mention", "text": "<at>Kim</at>", "mentioned": {"id": "29:kim", "name": "Kim"}},
    ]
    channel = {"id": "19:x@thread.tacv2;messageid=1", "conversationType": "channel", "tenantId": TENANT}
    message = activity(
        text="<at>Bot</at> supervision members add <at>Sam</at> <at>Kim</at>",
        entities=entities,
        conversation=channel,
    )
    assert parse.mentioned_accounts(message) == ["29:kim"]
    request = parse.to_command_request(message, resolved={"29:kim": "00000000-0000-4000-8000-00000000000d"})
    assert request is not None
    kim = ids.user_id("00000000-0000-4000-8000-00000000000d")
    assert request.text == f"members add <@{ids.user_id(SAM)}> <@{kim}>"
    assert request.channel_id == ids.channel_key("19:x@thread.tacv2")


def test_chatter_is_not_a_command() -> None:
    assert parse.to_command_request(activity(text="thanks!")) is None


def test_a_form_submit_with_a_people_picker_and_numbers() -> None:
    value = {
        CONTROL: {"f": "supervision.setup", "m": "meta", "t": "tok", "u": ["members"]},
        "members": f"{SAM},not-a-guid",
        "reminder_hours": 24.0,
        "options": "allow_named",
    }
    action = parse.to_card_action(activity(value=value))
    assert action.is_form and action.form_token == "tok"
    assert action.request.action_id == "supervision.setup" and action.request.metadata == "meta"
    assert action.request.values == {
        "members": ids.user_id(SAM),
        "reminder_hours": "24",
        "options": "allow_named",
    }


def test_a_button_press_through_action_execute() -> None:
    invoke = activity(
        type="invoke",
        name="adaptiveCard/action",
        value={
            "action": {
                "type": "Action.Execute",
                "verb": "x",
                "data": {CONTROL: {"a": "checkin.start", "v": "7"}},
            }
        },
    )
    action = parse.to_card_action(invoke)
    assert not action.is_form and (action.request.action_id, action.request.value) == ("checkin.start", "7")


def test_someone_elses_card_data_is_not_ours() -> None:
    assert not parse.is_card_action(activity(value={"verb": "other"}))


def test_tenant_from_channel_data_and_zone_from_client_info() -> None:
    message = activity(
        conversation={"id": "a:1on1", "conversationType": "personal"},
        channelData={"tenant": {"id": TENANT}},
        entities=[{"type": "clientInfo", "timezone": "Europe/Oslo", "locale": "nb-NO"}],
        text="checkin",
    )
    actor = parse.actor_of(message)
    assert actor.workspace_id == ids.workspace_id(TENANT) and actor.tz == "Europe/Oslo"


def test_no_tenant_is_a_payload_error() -> None:
    with pytest.raises(parse.PayloadError):
        parse.actor_of(activity(conversation={"id": "a:1"}, text="checkin"))
