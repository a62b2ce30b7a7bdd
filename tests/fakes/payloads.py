"""Builders for the bodies Slack sends: slash commands, button presses, modal submissions."""

from __future__ import annotations

import json
import time
import urllib.parse
from collections.abc import Mapping
from typing import Any

from tests.fakes.slack_web_api import TEAM_ID


def slash_command(
    command: str,
    text: str = "",
    *,
    user: str = "U0000001",
    team: str = TEAM_ID,
    response_url: str = "http://127.0.0.1:9/response_url",
    channel: str = "C0000001",
) -> str:
    """A slash command's form-encoded body."""
    return urllib.parse.urlencode(
        {
            "token": "unused",
            "team_id": team,
            "team_domain": "test",
            "channel_id": channel,
            "channel_name": "general",
            "user_id": user,
            "user_name": user.lower(),
            "command": command,
            "text": text,
            "api_app_id": "A0TEST001",
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": f"{int(time.time())}.1.trig",
        }
    )


def block_action(
    action_id: str,
    value: str = "",
    *,
    user: str = "U0000001",
    team: str = TEAM_ID,
    response_url: str | None = None,
    view: Mapping[str, Any] | None = None,
) -> str:
    """A ``block_actions`` interaction, form-encoded as ``payload=<json>``."""
    payload: dict[str, Any] = {
        "type": "block_actions",
        "team": {"id": team, "domain": "test"},
        "user": {"id": user, "team_id": team},
        "api_app_id": "A0TEST001",
        "token": "unused",
        "trigger_id": f"{int(time.time())}.2.trig",
        "actions": [
            {
                "type": "button",
                "action_id": action_id,
                "block_id": "b1",
                "value": value,
                "action_ts": f"{time.time():.6f}",
            }
        ],
        "container": {"type": "message", "message_ts": "1.0", "channel_id": "C0000001", "is_ephemeral": True},
        "channel": {"id": "C0000001", "name": "general"},
    }
    if response_url:
        payload["response_url"] = response_url
    if view is not None:
        payload["view"] = dict(view)
        payload["container"] = {"type": "view", "view_id": "V0000001"}
        payload.pop("channel")
    return urllib.parse.urlencode({"payload": json.dumps(payload)})


def view_submission(
    callback_id: str,
    values: Mapping[str, Any],
    *,
    metadata: str = "",
    user: str = "U0000001",
    team: str = TEAM_ID,
) -> str:
    """A ``view_submission``; ``values`` maps input id -> str (plain text) or an element state dict."""
    state: dict[str, Any] = {}
    for input_id, value in values.items():
        element = value if isinstance(value, dict) else {"type": "plain_text_input", "value": value}
        state[input_id] = {input_id: element}
    payload = {
        "type": "view_submission",
        "team": {"id": team, "domain": "test"},
        "user": {"id": user, "team_id": team},
        "api_app_id": "A0TEST001",
        "token": "unused",
        "trigger_id": f"{int(time.time())}.3.trig",
        "view": {
            "id": "V0000001",
            "type": "modal",
            "callback_id": callback_id,
            "private_metadata": metadata,
            "state": {"values": state},
            "hash": "h1",
        },
    }
    return urllib.parse.urlencode({"payload": json.dumps(payload)})


def event(event_body: Mapping[str, Any], *, team: str = TEAM_ID) -> str:
    """An Events API ``event_callback`` JSON body."""
    return json.dumps(
        {
            "token": "unused",
            "team_id": team,
            "api_app_id": "A0TEST001",
            "event": dict(event_body),
            "type": "event_callback",
            "event_id": f"Ev{int(time.time() * 1000)}",
            "event_time": int(time.time()),
            "authorizations": [{"team_id": team, "user_id": "UBOT0001", "is_bot": True}],
        }
    )
