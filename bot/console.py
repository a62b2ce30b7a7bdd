"""The local playground: the same commands and database, replies rendered as plain text.

Like errbot's text backend or zulip's bot shell: no Slack, no network. Buttons are numbered and
pressed by typing ``!N``; forms ask for each input in turn.
"""

from __future__ import annotations

import dataclasses
import json
import re
import textwrap
from collections.abc import Callable
from typing import Any

from commands import types as t
from commands.router import Router

WIDTH = 88
CONSOLE_WORKSPACE = "TCONSOLE"
CONSOLE_USER = "UCONSOLE"


def plain(text: str) -> str:
    """Slack's *bold* and _italic_ markers read as noise in a terminal."""
    return re.sub(r"(?<![\w*])[*_]([^*_\n]+)[*_](?![\w*])", r"\1", text)


def render_text(reply: t.Reply) -> tuple[str, list[t.Button]]:
    """A reply as readable text, and the buttons in the order they were numbered."""
    lines: list[str] = []
    buttons: list[t.Button] = []
    for block in reply.blocks or (t.Paragraph(reply.text),):
        if isinstance(block, t.Header):
            lines += ["", block.text.upper(), "=" * min(len(block.text), WIDTH)]
        elif isinstance(block, t.Paragraph):
            lines += [textwrap.fill(plain(part), WIDTH) for part in block.text.split("\n")]
        elif isinstance(block, t.BulletList):
            if block.title:
                lines += ["", block.title]
            for index, item in enumerate(block.items, start=1):
                marker = f"{index}." if block.numbered else "-"
                lines.append(
                    textwrap.fill(item, WIDTH, initial_indent=f"  {marker} ", subsequent_indent="     ")
                )
        elif isinstance(block, t.Fields):
            lines += [f"{label}: {value}" for label, value in block.pairs]
        elif isinstance(block, t.Actions):
            labels = []
            for button in block.buttons:
                buttons.append(button)
                labels.append(f"[!{len(buttons)}] {button.label}")
            lines.append("  ".join(labels))
        elif isinstance(block, t.Notice):
            lines.append(textwrap.fill(block.text, WIDTH, initial_indent="  ", subsequent_indent="  "))
        else:
            lines.append("-" * 40)
    return "\n".join(lines).strip("\n"), buttons


def reply_to_dict(reply: t.Reply) -> dict[str, Any]:
    """A reply as JSON-ready data, each block tagged with its type (``ask --json``)."""

    def tag(value: Any) -> Any:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            data = {field.name: tag(getattr(value, field.name)) for field in dataclasses.fields(value)}
            return {"type": type(value).__name__.lower(), **data}
        if isinstance(value, tuple | list):
            return [tag(item) for item in value]
        if isinstance(value, bytes):
            return value.decode("utf-8", "replace")
        if isinstance(value, dict):
            return {key: tag(item) for key, item in value.items()}
        return value

    result: dict[str, Any] = tag(reply)
    return result


def reply_to_json(reply: t.Reply) -> str:
    """``reply_to_dict`` serialized."""
    return json.dumps(reply_to_dict(reply), ensure_ascii=False, indent=2)


def parse_line(line: str) -> tuple[str, str] | None:
    """``/boundary some text`` -> ("boundary", "some text"); None when it is not a command."""
    line = line.strip()
    if not line.startswith("/"):
        return None
    name, _, rest = line[1:].partition(" ")
    return name.lower(), rest.strip()


class Console:
    """A read-eval-print loop over the router, with the same replies Slack users get."""

    def __init__(
        self,
        router: Router,
        *,
        read: Callable[[str], str] = input,
        write: Callable[[str], None] = print,
        actor: t.Actor | None = None,
    ) -> None:
        self._router = router
        self._read = read
        self._write = write
        self._actor = actor or t.Actor(workspace_id=CONSOLE_WORKSPACE, user_id=CONSOLE_USER)
        self._buttons: list[t.Button] = []

    def run(self) -> None:
        """Loop until EOF or ``/quit``."""
        self._write(
            "Supervision bot console. Try: /boundary a client gave me a gift card | /reflect | "
            "/reflect themes | /quit\n"
        )
        while True:
            try:
                line = self._read("> ")
            except (EOFError, KeyboardInterrupt):
                self._write("")
                return
            if line.strip() in ("/quit", "/exit"):
                return
            self.handle_line(line)

    def handle_line(self, line: str) -> None:
        """Run one typed line: a command or a button press."""
        stripped = line.strip()
        if not stripped:
            return
        if stripped.startswith("!") and stripped[1:].isdigit():
            index = int(stripped[1:]) - 1
            if not 0 <= index < len(self._buttons):
                self._write("No such button.")
                return
            button = self._buttons[index]
            self._show(
                self._router.act(
                    t.ActionRequest(action_id=button.action_id, actor=self._actor, value=button.value)
                )
            )
            return
        parsed = parse_line(stripped)
        if parsed is None:
            self._write("Type a command such as /boundary <your dilemma>, or /quit.")
            return
        name, text = parsed
        self._show(self._router.handle(t.CommandRequest(command=name, text=text, actor=self._actor)))

    def _show(self, reply: t.Reply) -> None:
        text, buttons = render_text(reply)
        if text:
            self._write(text)
        self._buttons = buttons or self._buttons
        for attachment in reply.files:
            self._write(f"\n[file {attachment.filename}]\n{attachment.content.decode('utf-8', 'replace')}")
        form = reply.form or reply.next_form
        if form is not None:
            self._fill(form)

    def _fill(self, form: t.Form) -> None:
        self._write(f"\n== {form.title} ==")
        for block in form.blocks:
            self._write(render_text(t.Reply(text="", blocks=(block,)))[0])
        values: dict[str, str] = {}
        for item in form.inputs:
            hint = f" [{item.initial}]" if item.initial else ""
            if item.options:
                hint += " (" + ", ".join(o.value for o in item.options) + ")"
            try:
                answer = self._read(f"{item.label}{hint}: ")
            except (EOFError, KeyboardInterrupt):
                self._write("(form cancelled)")
                return
            values[item.input_id] = answer.strip() or item.initial
        reply = self._router.act(
            t.ActionRequest(action_id=form.form_id, actor=self._actor, values=values, metadata=form.metadata)
        )
        if reply.form_errors:
            for input_id, message in reply.form_errors.items():
                self._write(f"! {input_id}: {message}")
            self._fill(form)
            return
        self._show(reply)
