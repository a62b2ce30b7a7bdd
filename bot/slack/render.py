"""Reply -> Block Kit, and Form -> modal View: the only module that builds Slack layouts.

Slack's limits are applied here (section text 3,000 characters, header 150, 50 blocks, modal
title 24), so commands can write for people and not for Block Kit.
"""

from __future__ import annotations

import functools
import weakref

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    CheckboxesElement,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    InputBlock,
    MarkdownTextObject,
    NumberInputElement,
    Option,
    PlainTextInputElement,
    PlainTextObject,
    SectionBlock,
    StaticMultiSelectElement,
    StaticSelectElement,
    UserMultiSelectElement,
    UserSelectElement,
)
from slack_sdk.models.views import View

from commands import types as t

SECTION_LIMIT = 3000
HEADER_LIMIT = 150
MAX_BLOCKS = 50
ACTION_SEPARATOR = "#"


def escape(text: str) -> str:
    """Escape the three characters Slack's mrkdwn treats as control characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _section(text: str) -> SectionBlock:
    return SectionBlock(text=MarkdownTextObject(text=_clip(text, SECTION_LIMIT)))


def render_blocks(blocks: tuple[t.Block, ...]) -> list[Block]:
    """Translate neutral blocks into Block Kit, within Slack's limits."""
    out: list[Block] = []
    for block in blocks:
        out.extend(_render_block(block))
    if len(out) > MAX_BLOCKS:
        out = [*out[: MAX_BLOCKS - 1], ContextBlock(elements=[MarkdownTextObject(text="(shortened)")])]
    return out


def _render_block(block: t.Block) -> list[Block]:
    if isinstance(block, t.Header):
        return [HeaderBlock(text=PlainTextObject(text=_clip(block.text, HEADER_LIMIT)))]
    if isinstance(block, t.Paragraph):
        return [_section(escape(block.text))]
    if isinstance(block, t.BulletList):
        marker = (lambda i: f"{i}.") if block.numbered else (lambda _i: "•")
        lines = [f"{marker(i)} {escape(item)}" for i, item in enumerate(block.items, start=1)]
        title = f"*{escape(block.title)}*\n" if block.title else ""
        return [_section(title + "\n".join(lines))]
    if isinstance(block, t.Fields):
        text = "\n".join(f"*{escape(label)}:* {escape(value)}" for label, value in block.pairs)
        return [_section(text)]
    if isinstance(block, t.Actions):
        return [ActionsBlock(elements=[_button(b, i) for i, b in enumerate(block.buttons)])]
    if isinstance(block, t.Notice):
        return [ContextBlock(elements=[MarkdownTextObject(text=_clip(escape(block.text), SECTION_LIMIT))])]
    return [DividerBlock()]


def render_block_dicts(blocks: tuple[t.Block, ...]) -> list[dict[str, object]]:
    """What ``[b.to_dict() for b in render_blocks(blocks)]`` gives, built directly.

    slack_sdk's ``to_dict`` re-validates every object through ``dir()`` on each call: for a
    guidance answer that was a millisecond of the acknowledgement, a third of its cost under a
    burst. The limits are the same ones :func:`render_blocks` applies; ``tests/bot/test_render_fast.py``
    holds the two paths to identical output.
    """
    out: list[dict[str, object]] = []
    for block in blocks:
        out.append(_rendered(block))
    if len(out) > MAX_BLOCKS:
        out = [*out[: MAX_BLOCKS - 1], {"type": "context", "elements": [_mrkdwn("(shortened)")]}]
    return out


_RENDERED: dict[int, tuple[weakref.ref[t.Block], dict[str, object]]] = {}
"""Rendered blocks by the identity of the block object, each with a weak reference to it."""


def _rendered(block: t.Block) -> dict[str, object]:
    """A block's Block Kit dictionary, remembered for as long as the block object lives.

    Guidance entries are the same blocks in every /boundary answer (the command keeps them), so
    each is rendered once; a block made for one reply is forgotten with that reply, so nobody's
    words outlive their answer here. Blocks are found by identity, not equality: hashing a block
    hashes all its text, which made a hit cost as much as rendering. Callers only read the
    dictionaries.
    """
    if isinstance(block, t.Actions):  # buttons carry this reply's own values: never reused
        return _block_dict(block)
    key = id(block)
    entry = _RENDERED.get(key)
    if entry is not None and entry[0]() is block:
        return entry[1]
    rendered = _block_dict(block)
    try:
        hash(block)  # a list where a tuple was meant could change later: rendered every time
        reference: weakref.ref[t.Block] = weakref.ref(block, functools.partial(_forget, key))
    except TypeError:
        return rendered
    _RENDERED[key] = (reference, rendered)
    return rendered


def _forget(key: int, dead: weakref.ref[t.Block]) -> None:
    """Drop a block's rendering when the block is gone (unless its id already went to a new block)."""
    entry = _RENDERED.get(key)
    if entry is not None and entry[0] is dead:
        _RENDERED.pop(key, None)


def _kept(**fields: object) -> dict[str, object]:
    """Like slack_sdk: a key whose value is None or empty ("" or []) is left out."""
    return {k: v for k, v in fields.items() if v is not None and not (isinstance(v, str | list) and not v)}


def _mrkdwn(text: str) -> dict[str, object]:
    return _kept(type="mrkdwn", text=text)


def _section_dict(text: str) -> dict[str, object]:
    return _kept(type="section", text=_mrkdwn(_clip(text, SECTION_LIMIT)))


def _block_dict(block: t.Block) -> dict[str, object]:
    if isinstance(block, t.Header):
        return _kept(type="header", text=_kept(type="plain_text", text=_clip(block.text, HEADER_LIMIT)))
    if isinstance(block, t.Paragraph):
        return _section_dict(escape(block.text))
    if isinstance(block, t.BulletList):
        marker = (lambda i: f"{i}.") if block.numbered else (lambda _i: "•")
        lines = [f"{marker(i)} {escape(item)}" for i, item in enumerate(block.items, start=1)]
        title = f"*{escape(block.title)}*\n" if block.title else ""
        return _section_dict(title + "\n".join(lines))
    if isinstance(block, t.Fields):
        return _section_dict("\n".join(f"*{escape(label)}:* {escape(value)}" for label, value in block.pairs))
    if isinstance(block, t.Actions):
        return _kept(type="actions", elements=[_button_dict(b, i) for i, b in enumerate(block.buttons)])
    if isinstance(block, t.Notice):
        return _kept(type="context", elements=[_mrkdwn(_clip(escape(block.text), SECTION_LIMIT))])
    return {"type": "divider"}


def _button_dict(button: t.Button, index: int) -> dict[str, object]:
    # built directly (a reply's buttons are rendered every time): what _kept would leave
    label = _clip(button.label, 75)
    out: dict[str, object] = {
        "type": "button",
        "text": {"type": "plain_text", "text": label} if label else {"type": "plain_text"},
        "action_id": f"{button.action_id}{ACTION_SEPARATOR}{index}",
    }
    if button.value:
        out["value"] = button.value[:2000]
    if button.style and button.style != "default":
        out["style"] = button.style
    return out


def _button(button: t.Button, index: int) -> ButtonElement:
    # action ids must be unique within a block; the suffix is stripped again in parse.py
    style = None if button.style == "default" else button.style
    return ButtonElement(
        text=PlainTextObject(text=_clip(button.label, 75)),
        action_id=f"{button.action_id}{ACTION_SEPARATOR}{index}",
        value=button.value[:2000] if button.value else None,
        style=style,
    )


MARKER_EVENT_TYPE = "supervision_bot_delivery"
"""The message-metadata event type that carries a :attr:`Reply.marker` (see ``fanout.find_marked_dm``)."""


def render_message(reply: t.Reply) -> dict[str, object]:
    """Keyword arguments for ``ack``/``respond``/``chat.postMessage`` carrying this reply."""
    message: dict[str, object] = {
        "text": _clip(reply.text, 3000),
        "blocks": render_block_dicts(reply.blocks),
    }
    if reply.marker:
        message["metadata"] = {"event_type": MARKER_EVENT_TYPE, "event_payload": {"marker": reply.marker}}
    return message


def render_view(form: t.Form) -> View:
    """A modal for a form; the form id travels as the callback id."""
    blocks: list[Block] = render_blocks(form.blocks)
    blocks.extend(_input(item) for item in form.inputs)
    return View(
        type="modal",
        callback_id=form.form_id,
        title=PlainTextObject(text=_clip(form.title, 24)),
        submit=PlainTextObject(text=_clip(form.submit_label, 24)) if form.inputs else None,
        close=PlainTextObject(text="Cancel" if form.inputs else "Close"),
        private_metadata=form.metadata[:3000],
        blocks=blocks[:MAX_BLOCKS],
    )


def render_notice_view(reply: t.Reply, *, title: str = "Done") -> View:
    """A modal with no inputs: the private confirmation after a form was submitted."""
    return View(
        type="modal",
        title=PlainTextObject(text=_clip(title, 24)),
        close=PlainTextObject(text="Close"),
        blocks=render_blocks(reply.blocks or (t.Paragraph(reply.text),)),
    )


def render_home(blocks: tuple[t.Block, ...]) -> View:
    """The App Home tab (``views.publish``): the same blocks as a message, in a ``home`` view."""
    return View(type="home", blocks=render_blocks(blocks))


def _input(item: t.Input) -> InputBlock:
    element: object
    if item.kind in ("text", "multiline"):
        element = PlainTextInputElement(
            action_id=item.input_id,
            multiline=item.kind == "multiline",
            initial_value=item.initial or None,
            placeholder=item.placeholder or None,
            max_length=item.max_length,
        )
    elif item.kind == "number":
        element = NumberInputElement(
            action_id=item.input_id, is_decimal_allowed=False, initial_value=item.initial or None
        )
    elif item.kind == "users":
        initial = [u for u in item.initial.split(",") if u]
        if item.multiple:
            element = UserMultiSelectElement(action_id=item.input_id, initial_users=initial or None)
        else:
            element = UserSelectElement(action_id=item.input_id, initial_user=initial[0] if initial else None)
    elif item.kind == "checkbox":
        options = [Option(text=PlainTextObject(text=o.label), value=o.value) for o in item.options]
        chosen = [o for o in options if o.value in item.initial.split(",")]
        element = CheckboxesElement(action_id=item.input_id, options=options, initial_options=chosen or None)
    else:
        options = [Option(text=PlainTextObject(text=_clip(o.label, 75)), value=o.value) for o in item.options]
        chosen_options = [o for o in options if o.value in item.initial.split(",")]
        if item.multiple:
            element = StaticMultiSelectElement(
                action_id=item.input_id, options=options, initial_options=chosen_options or None
            )
        else:
            element = StaticSelectElement(
                action_id=item.input_id,
                options=options,
                initial_option=chosen_options[0] if chosen_options else None,
            )
    return InputBlock(
        block_id=item.input_id,
        label=PlainTextObject(text=_clip(item.label, 2000)),
        element=element,
        optional=item.optional,
        hint=PlainTextObject(text=item.hint) if item.hint else None,
    )
