"""Reply -> Adaptive Card 1.5, and Form -> a card with inputs: the only module that builds Teams layouts.

Plain dictionaries, so this module needs no SDK and its output is exactly the JSON Teams receives.
Teams' limits are applied here (a message stays well under Teams' 100 KB; text blocks are
clipped), so commands can write for people and not for Adaptive Cards.

Buttons and form submits are ``Action.Submit`` whose ``data`` carries one namespaced key
(:data:`CONTROL`), because Teams merges the card's input values into the same object: input ids can
never collide with it. A button carries its action id and value; a form carries its form id, its
metadata, a token for re-showing it with error messages, and which inputs are people pickers (their
Entra object ids are turned back into the bot's user ids by :mod:`bot.teams.parse`).
"""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping
from typing import Any

from bot.teams import ids
from commands import types as t

CARD_VERSION = "1.5"
CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
CONTROL = "supervisionBot"
"""The key under which a card action's own data travels (inputs are merged beside it)."""
TEXT_LIMIT = 3000
MAX_ELEMENTS = 60
FILE_TEXT_LIMIT = 20_000
"""Characters of a text file shown inline: Teams counts text as UTF-16 against ~100 KB."""
INLINE_IMAGE_LIMIT = 1_000_000
"""Bytes of an image sent inline as base64 (not counted against the message limit by Teams)."""
PEOPLE_DATASET = "graph.microsoft.com/users"
WITHHELD_HINT = (
    "Your text is not repeated here, so it is not kept in this chat: it is still in the card above."
)

_BOLD = re.compile(r"(?<![*\w])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![*\w])")
_STYLE = {"primary": "positive", "danger": "destructive"}


def _clip(text: str, limit: int = TEXT_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def markdown(text: str) -> str:
    """Commands write Slack-style ``*bold*``; Adaptive Cards' markdown wants ``**bold**``."""
    return _BOLD.sub(r"**\1**", text)


def _text_block(text: str, **style: Any) -> dict[str, Any]:
    return {"type": "TextBlock", "text": _clip(text), "wrap": True, **style}


def _card(
    body: list[dict[str, Any]], *, fallback: str, actions: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    if len(body) > MAX_ELEMENTS:
        body = [*body[: MAX_ELEMENTS - 1], _text_block("(shortened)", isSubtle=True, size="Small")]
    card: dict[str, Any] = {
        "type": "AdaptiveCard",
        "$schema": CARD_SCHEMA,
        "version": CARD_VERSION,
        "fallbackText": _clip(fallback, 500),
        "body": body,
        "msteams": {"width": "Full"},
    }
    if actions:
        card["actions"] = actions
    return card


# ------------------------------------------------------------------------------------------ blocks


def render_blocks(blocks: tuple[t.Block, ...]) -> list[dict[str, Any]]:
    """Neutral blocks -> card body elements (a Divider becomes the next element's separator)."""
    out: list[dict[str, Any]] = []
    separate = False
    for block in blocks:
        if isinstance(block, t.Divider):
            separate = True
            continue
        element = _render_block(block)
        if separate:
            element["separator"] = True
            element["spacing"] = "Medium"
            separate = False
        out.append(element)
    return out


def _render_block(block: t.Block) -> dict[str, Any]:
    if isinstance(block, t.Header):
        return _text_block(block.text, size="Large", weight="Bolder", style="heading")
    if isinstance(block, t.Paragraph):
        return _text_block(markdown(block.text))
    if isinstance(block, t.BulletList):
        lines = [
            f"{index}. {markdown(item)}" if block.numbered else f"- {markdown(item)}"
            for index, item in enumerate(block.items, start=1)
        ]
        items: list[dict[str, Any]] = []
        if block.title:
            items.append(_text_block(block.title, weight="Bolder"))
        items.append(_text_block("\r".join(lines), spacing="Small"))
        return {"type": "Container", "items": items}
    if isinstance(block, t.Fields):
        return {
            "type": "FactSet",
            "facts": [
                {"title": _clip(label, 200), "value": _clip(value, 1000)} for label, value in block.pairs
            ],
        }
    if isinstance(block, t.Actions):
        return {"type": "ActionSet", "actions": [_button(button) for button in block.buttons]}
    if isinstance(block, t.Notice):
        return _text_block(markdown(block.text), size="Small", isSubtle=True)
    return _text_block("")  # pragma: no cover - every Block kind is handled above


def _button(button: t.Button) -> dict[str, Any]:
    action: dict[str, Any] = {
        "type": "Action.Submit",
        "title": _clip(button.label, 75),
        "data": {CONTROL: {"a": button.action_id, "v": button.value[:2000]}},
    }
    if button.style in _STYLE:
        action["style"] = _STYLE[button.style]
    return action


def render_card(reply: t.Reply) -> dict[str, Any]:
    """A reply's blocks (or its text) as one card."""
    body = render_blocks(reply.blocks or (t.Paragraph(reply.text),))
    return _card(body, fallback=reply.text or "A message from the supervision bot")


# ------------------------------------------------------------------------------------------ forms


def render_form(
    form: t.Form,
    *,
    token: str = "",
    errors: Mapping[str, str] | None = None,
    values: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """A form as a card with inputs and one submit button.

    With ``errors`` (the form came back with problems), each message shows under its input and
    ``values`` re-fill the inputs, except free text: a bot message stays in the chat, and the
    writer's raw words must not be kept there (Teams keeps typed input only in the card itself).
    """
    body: list[dict[str, Any]] = [_text_block(form.title, size="Medium", weight="Bolder", style="heading")]
    if errors:
        body.append(_text_block("Please check the marked fields.", color="Attention", weight="Bolder"))
    body.extend(render_blocks(form.blocks))
    for item in form.inputs:
        shown = item
        withheld = False
        if values is not None:
            if item.kind == "multiline" and values.get(item.input_id):
                shown = _with_initial(item, "")
                withheld = True
            elif item.input_id in values:
                shown = _with_initial(item, values[item.input_id])
        body.append(_input(shown))
        if item.hint:
            body.append(_text_block(item.hint, size="Small", isSubtle=True, spacing="None"))
        if withheld:
            body.append(_text_block(WITHHELD_HINT, size="Small", isSubtle=True, spacing="None"))
        if errors and item.input_id in errors:
            body.append(_text_block(errors[item.input_id], size="Small", color="Attention", spacing="None"))
    if errors:
        known = {item.input_id for item in form.inputs}
        for input_id, message in errors.items():
            if input_id not in known:
                body.append(_text_block(message, color="Attention"))
    control: dict[str, Any] = {"f": form.form_id, "m": form.metadata[:3000]}
    if token:
        control["t"] = token
    people = [item.input_id for item in form.inputs if item.kind == "users"]
    if people:
        control["u"] = people
    actions = []
    if form.inputs:
        actions.append(
            {
                "type": "Action.Submit",
                "title": _clip(form.submit_label, 40),
                "style": "positive",
                "data": {CONTROL: control},
            }
        )
    return _card(body, fallback=form.title, actions=actions)


def _with_initial(item: t.Input, initial: str) -> t.Input:
    from dataclasses import replace

    return replace(item, initial=initial)


def _input(item: t.Input) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": item.input_id,
        "label": _clip(item.label, 500),
        "isRequired": not item.optional,
    }
    if not item.optional:
        base["errorMessage"] = "Required"
    if item.kind in ("text", "multiline"):
        element = {"type": "Input.Text", **base, "isMultiline": item.kind == "multiline"}
        if item.initial:
            element["value"] = item.initial
        if item.placeholder:
            element["placeholder"] = item.placeholder
        if item.max_length:
            element["maxLength"] = item.max_length
        return element
    if item.kind == "number":
        element = {"type": "Input.Number", **base}
        number = _number(item.initial)
        if number is not None:
            element["value"] = number
        return element
    if item.kind == "users":
        chosen = [aad for aad in (ids.aad_object_id(u) for u in item.initial.split(",") if u) if aad]
        element = {
            "type": "Input.ChoiceSet",
            **base,
            "isMultiSelect": item.multiple,
            "choices": [],
            "choices.data": {"type": "Data.Query", "dataset": PEOPLE_DATASET},
        }
        if chosen:
            element["value"] = ",".join(chosen if item.multiple else chosen[:1])
        return element
    if item.kind == "checkbox" and len(item.options) == 1:
        option = item.options[0]
        return {
            "type": "Input.Toggle",
            **base,
            "title": _clip(option.label, 200),
            "valueOn": option.value,
            "valueOff": "",
            "value": option.value if option.value in item.initial.split(",") else "",
        }
    chosen_values = [o.value for o in item.options if o.value in item.initial.split(",")]
    multiple = item.multiple or item.kind == "checkbox"
    element = {
        "type": "Input.ChoiceSet",
        **base,
        "style": "expanded" if item.kind == "checkbox" else "compact",
        "isMultiSelect": multiple,
        "choices": [{"title": _clip(o.label, 200), "value": o.value} for o in item.options],
    }
    if chosen_values:
        element["value"] = ",".join(chosen_values if multiple else chosen_values[:1])
    return element


def _number(text: str) -> int | float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return int(value) if value.is_integer() else value


# ------------------------------------------------------------------------------------------ files


def file_attachment(attachment: t.FileAttachment) -> dict[str, Any]:
    """A file as something Teams shows in a chat without a file-consent round trip.

    Images go inline as a base64 data URI (Teams' way for a picture that only exists in memory,
    like the digest's chart); anything else is shown as text in a card, clipped to what a message
    can carry, because a bot cannot attach arbitrary files to a chat without the user's consent.
    """
    if attachment.mime_type.startswith("image/") and len(attachment.content) <= INLINE_IMAGE_LIMIT:
        encoded = base64.b64encode(attachment.content).decode("ascii")
        return {
            "contentType": attachment.mime_type,
            "contentUrl": f"data:{attachment.mime_type};base64,{encoded}",
            "name": attachment.filename,
        }
    text = attachment.content.decode("utf-8", "replace")
    clipped = len(text) > FILE_TEXT_LIMIT
    body = [
        _text_block(attachment.title, weight="Bolder"),
        {"type": "TextBlock", "text": text[:FILE_TEXT_LIMIT], "wrap": True, "fontType": "Monospace"},
    ]
    if clipped:
        body.append(
            _text_block(
                f"Shortened: Teams messages cannot carry all of {attachment.filename}; "
                f"the first {FILE_TEXT_LIMIT:,} characters are shown.",
                size="Small",
                isSubtle=True,
            )
        )
    return {"contentType": CARD_CONTENT_TYPE, "content": _card(body, fallback=attachment.title)}


def card_attachment(card: dict[str, Any]) -> dict[str, Any]:
    """A card as an activity attachment."""
    return {"contentType": CARD_CONTENT_TYPE, "content": card}
