"""Teams activity -> typed requests: the only place that reads Teams' activity fields.

* A message whose first word is a command (``boundary ...``, ``reflect``, ``checkin``,
  ``supervision ...``, with or without a leading slash) becomes a :class:`CommandRequest`. In a
  channel the bot only hears messages that @mention it; the mention is removed first, and other
  people's mentions become ``<@id>`` tokens, the form ``/supervision members add`` understands.
* A card's ``Action.Submit`` (a message carrying ``value``) or ``Action.Execute`` (an
  ``adaptiveCard/action`` invoke) becomes an :class:`ActionRequest`: a button's action id and
  value, or a form's id, metadata and input values.

People are identified by their Entra object id and tenants by their tenant id, both encoded to
fit the tables (:mod:`bot.teams.ids`). Nothing here logs, and nothing here keeps text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from microsoft_agents.activity import Activity, ChannelAccount

from bot.teams import ids
from bot.teams.render import CONTROL
from commands import COMMANDS
from commands.types import ActionRequest, Actor, CommandRequest

PERSONAL = "personal"
EXECUTE_INVOKE = "adaptiveCard/action"
_TAG = re.compile(r"<(?!@)[^>]+>")
"""Markup Teams leaves in text; the ``<@id>`` tokens this module writes are kept."""


class PayloadError(ValueError):
    """Teams sent something this app cannot read (no tenant, no user)."""


@dataclass(frozen=True)
class CardAction:
    """A parsed card action: the request, and the token of the form it came from (if any)."""

    request: ActionRequest
    form_token: str = ""
    is_form: bool = False


def tenant_of(activity: Activity) -> str:
    """The tenant id: on the conversation, else in Teams' channel data."""
    conversation = activity.conversation
    tenant = getattr(conversation, "tenant_id", None) if conversation else None
    if not tenant:
        data = activity.channel_data
        raw = data if isinstance(data, Mapping) else getattr(data, "__dict__", {})
        tenant_info = raw.get("tenant") if isinstance(raw, Mapping) else None
        if isinstance(tenant_info, Mapping):
            tenant = tenant_info.get("id")
        elif tenant_info is not None:
            tenant = getattr(tenant_info, "id", None)
    if not isinstance(tenant, str) or not tenant:
        raise PayloadError("missing tenant id")
    return tenant


def user_of(account: ChannelAccount | None) -> str:
    """The bot's user id for a Teams account."""
    if account is None or not account.id:
        raise PayloadError("missing user")
    return ids.user_id(account.aad_object_id, account.id)


def timezone_of(activity: Activity) -> str | None:
    """The sender's IANA zone: the activity's own field, else Teams' ``clientInfo`` entity."""
    if activity.local_timezone:
        return str(activity.local_timezone)
    for entity in activity.entities or []:
        if getattr(entity, "type", "") == "clientInfo":
            zone = getattr(entity, "timezone", None)
            if isinstance(zone, str) and zone:
                return zone
    return None


def actor_of(activity: Activity) -> Actor:
    """Who is asking: tenant, person and zone."""
    return Actor(
        workspace_id=ids.workspace_id(tenant_of(activity)),
        user_id=user_of(activity.from_property),
        tz=timezone_of(activity),
    )


def is_personal(activity: Activity) -> bool:
    """A 1:1 chat with the bot (replies there are private)."""
    conversation = activity.conversation
    kind = getattr(conversation, "conversation_type", None) if conversation else None
    return kind in (None, PERSONAL)


def conversation_key(activity: Activity) -> str | None:
    """The channel or group chat's key; None in a 1:1 chat."""
    if is_personal(activity) or activity.conversation is None:
        return None
    return ids.channel_key(activity.conversation.id)


# ------------------------------------------------------------------------------------------ text


def command_text(activity: Activity, *, resolved: Mapping[str, str] | None = None) -> str:
    """The message text with the bot's mention removed and other mentions as ``<@id>`` tokens.

    ``resolved`` maps a mentioned account's channel id to its Entra object id, for mentions that
    did not carry one (the app looks those up in the conversation's roster).
    """
    text = activity.text or ""
    recipient = activity.recipient.id if activity.recipient else None
    for entity in activity.entities or []:
        if getattr(entity, "type", "") != "mention":
            continue
        mentioned = getattr(entity, "mentioned", None)
        marker = getattr(entity, "text", None) or (
            f"<at>{mentioned.name}</at>" if mentioned is not None and mentioned.name else None
        )
        if mentioned is None or not marker:
            continue
        if mentioned.id == recipient:
            replacement = ""
        else:
            aad = mentioned.aad_object_id or (resolved or {}).get(mentioned.id or "")
            person = _person(aad)
            replacement = f"<@{person}>" if person else (mentioned.name or "")
        text = text.replace(marker, replacement)
    text = html.unescape(_TAG.sub("", text))
    return " ".join(text.split())


def to_command_request(
    activity: Activity, *, resolved: Mapping[str, str] | None = None
) -> CommandRequest | None:
    """A typed command, or None when the message does not start with one of the bot's commands."""
    text = command_text(activity, resolved=resolved)
    name, _, rest = text.partition(" ")
    name = name.lstrip("/").lower()
    if name not in COMMANDS:
        return None
    return CommandRequest(
        command=name, text=rest.strip(), actor=actor_of(activity), channel_id=conversation_key(activity)
    )


def mentioned_accounts(activity: Activity) -> list[str]:
    """Channel ids of people mentioned without an Entra object id (to look up in the roster)."""
    recipient = activity.recipient.id if activity.recipient else None
    found: list[str] = []
    for entity in activity.entities or []:
        mentioned = getattr(entity, "mentioned", None) if getattr(entity, "type", "") == "mention" else None
        if (
            mentioned is not None
            and mentioned.id
            and mentioned.id != recipient
            and not mentioned.aad_object_id
        ):
            found.append(mentioned.id)
    return found


# ------------------------------------------------------------------------------------------ cards


def card_data(activity: Activity) -> dict[str, Any] | None:
    """The data of a card action: ``value`` of an Action.Submit message, or Action.Execute's data."""
    value = activity.value
    if activity.type == "invoke":
        if activity.name != EXECUTE_INVOKE or not isinstance(value, Mapping):
            return None
        action = value.get("action")
        data = action.get("data") if isinstance(action, Mapping) else None
        return dict(data) if isinstance(data, Mapping) and CONTROL in data else None
    if activity.type == "message" and isinstance(value, Mapping) and CONTROL in value:
        return dict(value)
    return None


def is_card_action(activity: Activity) -> bool:
    """Whether the activity is a press or a submit on one of this bot's cards."""
    return card_data(activity) is not None


def to_card_action(activity: Activity) -> CardAction:
    """A button press or form submission -> ActionRequest (form inputs as strings by input id)."""
    data = card_data(activity)
    if data is None:
        raise PayloadError("not a card action")
    control = data.get(CONTROL)
    if not isinstance(control, Mapping):
        raise PayloadError("malformed card data")
    actor = actor_of(activity)
    channel = conversation_key(activity)
    form_id = control.get("f")
    if isinstance(form_id, str) and form_id:
        people = {str(p) for p in control.get("u") or [] if isinstance(p, str)}
        values = {
            str(key): _people(_as_text(raw)) if key in people else _as_text(raw)
            for key, raw in data.items()
            if key != CONTROL and not str(key).startswith("msteams")
        }
        request = ActionRequest(
            action_id=form_id,
            actor=actor,
            values=values,
            metadata=_as_text(control.get("m")),
            channel_id=channel,
        )
        return CardAction(request=request, form_token=_as_text(control.get("t")), is_form=True)
    action_id = control.get("a")
    if not isinstance(action_id, str) or not action_id:
        raise PayloadError("card data names no action")
    request = ActionRequest(
        action_id=action_id, actor=actor, value=_as_text(control.get("v")), channel_id=channel
    )
    return CardAction(request=request)


def _as_text(raw: object) -> str:
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, list | tuple):
        return ",".join(_as_text(item) for item in raw)
    return str(raw)


def _person(aad_object_id: str | None) -> str | None:
    """The bot's user id for an Entra object id, or None when it is not one."""
    if not aad_object_id:
        return None
    encoded = ids.user_id(aad_object_id, aad_object_id)
    return encoded if ids.aad_object_id(encoded) is not None else None


def _people(raw: str) -> str:
    """The people picker's Entra object ids -> the bot's user ids (unknown entries dropped)."""
    found = [person for person in (_person(part.strip()) for part in raw.split(",")) if person]
    return ",".join(dict.fromkeys(found))
