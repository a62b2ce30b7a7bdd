"""Slack payload -> typed requests: the only place that reads Slack's payload keys.

Every function validates what it needs and raises :class:`PayloadError` when a field is missing,
so a malformed payload becomes a clear 4xx-style outcome, not a KeyError deep in a command.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.slack.render import ACTION_SEPARATOR
from commands.types import ActionRequest, Actor, CommandRequest


class PayloadError(ValueError):
    """Slack sent something this app cannot read."""


def _text(value: object, name: str) -> str:
    if not isinstance(value, str) or not value:
        raise PayloadError(f"missing {name}")
    return value


def workspace_of(body: Mapping[str, Any], context: Mapping[str, Any] | None = None) -> str:
    """The workspace (team) id; for org-wide installs, the enterprise id."""
    if context:
        for key in ("team_id", "enterprise_id"):
            if isinstance(context.get(key), str) and context[key]:
                return str(context[key])
    team = body.get("team_id") or _nested_id(body.get("team"))
    if not team:
        team = body.get("enterprise_id") or _nested_id(body.get("enterprise"))
    return _text(team, "team id")


def _nested_id(value: object) -> object:
    return value.get("id") if isinstance(value, Mapping) else None


def to_command_request(body: Mapping[str, Any], context: Mapping[str, Any] | None = None) -> CommandRequest:
    """A slash command's form body -> CommandRequest."""
    command = _text(body.get("command"), "command").lstrip("/")
    actor = Actor(workspace_id=workspace_of(body, context), user_id=_text(body.get("user_id"), "user_id"))
    text = body.get("text") or ""
    if not isinstance(text, str):
        raise PayloadError("text must be a string")
    return CommandRequest(command=command, text=text.strip(), actor=actor, channel_id=body.get("channel_id"))


def _user_id(body: Mapping[str, Any]) -> str:
    user = body.get("user")
    if not isinstance(user, Mapping):
        raise PayloadError("missing user")
    return _text(user.get("id"), "user id")


def to_action_request(body: Mapping[str, Any], context: Mapping[str, Any] | None = None) -> ActionRequest:
    """A ``block_actions`` payload (first action) -> ActionRequest."""
    actions = body.get("actions")
    if not isinstance(actions, list) or not actions or not isinstance(actions[0], Mapping):
        raise PayloadError("missing actions")
    action = actions[0]
    action_id = _text(action.get("action_id"), "action_id").split(ACTION_SEPARATOR, 1)[0]
    view = body.get("view") if isinstance(body.get("view"), Mapping) else {}
    channel = body.get("channel") if isinstance(body.get("channel"), Mapping) else {}
    return ActionRequest(
        action_id=action_id,
        actor=Actor(workspace_id=workspace_of(body, context), user_id=_user_id(body)),
        value=str(action.get("value") or ""),
        metadata=str((view or {}).get("private_metadata") or ""),
        channel_id=(channel or {}).get("id"),
    )


def to_form_request(body: Mapping[str, Any], context: Mapping[str, Any] | None = None) -> ActionRequest:
    """A ``view_submission`` payload -> ActionRequest with the form's values."""
    view = body.get("view")
    if not isinstance(view, Mapping):
        raise PayloadError("missing view")
    state = view.get("state") or {}
    values = state.get("values") if isinstance(state, Mapping) else None
    return ActionRequest(
        action_id=_text(view.get("callback_id"), "callback_id"),
        actor=Actor(workspace_id=workspace_of(body, context), user_id=_user_id(body)),
        values=form_values(values if isinstance(values, Mapping) else {}),
        metadata=str(view.get("private_metadata") or ""),
    )


def form_values(values: Mapping[str, Any]) -> dict[str, str]:
    """Flatten Slack's ``state.values`` into ``{input_id: "value"}`` (multi-values comma-joined)."""
    flat: dict[str, str] = {}
    for block_id, actions in values.items():
        if not isinstance(actions, Mapping):
            continue
        for element in actions.values():
            if isinstance(element, Mapping):
                flat[str(block_id)] = _element_value(element)
    return flat


def _element_value(element: Mapping[str, Any]) -> str:
    kind = element.get("type")
    if kind in ("plain_text_input", "number_input", "email_text_input", "url_text_input"):
        return str(element.get("value") or "")
    if kind == "static_select":
        option = element.get("selected_option") or {}
        return str(option.get("value") or "")
    if kind in ("multi_static_select", "checkboxes"):
        return ",".join(str(o.get("value")) for o in element.get("selected_options") or [])
    if kind == "users_select":
        return str(element.get("selected_user") or "")
    if kind == "multi_users_select":
        return ",".join(element.get("selected_users") or [])
    if kind == "conversations_select" or kind == "channels_select":
        return str(element.get("selected_conversation") or element.get("selected_channel") or "")
    if kind == "timepicker":
        return str(element.get("selected_time") or "")
    if kind == "datepicker":
        return str(element.get("selected_date") or "")
    return str(element.get("value") or "")


def to_home_actor(body: Mapping[str, Any], context: Mapping[str, Any] | None = None) -> Actor | None:
    """An ``app_home_opened`` event -> the Actor whose Home tab to publish.

    None when the person opened the Messages tab instead: Slack sends the same event for it, and
    publishing a Home view nobody is looking at would be a wasted call.
    """
    event = body.get("event")
    if not isinstance(event, Mapping):
        raise PayloadError("missing event")
    if event.get("tab", "home") != "home":
        return None
    return Actor(workspace_id=workspace_of(body, context), user_id=_text(event.get("user"), "user"))


def is_home_action(body: Mapping[str, Any]) -> bool:
    """Whether a button was pressed on the App Home tab (no response_url; the view is refreshed)."""
    view = body.get("view")
    return isinstance(view, Mapping) and view.get("type") == "home"
