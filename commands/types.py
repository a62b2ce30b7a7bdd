"""The platform-neutral contract between adapters and commands.

Adapters (Slack, Teams, console) turn a platform payload into one of the request types below and
render a :class:`Reply` back into their own format. Nothing in here knows about Slack or Teams, so
a new platform is a new adapter and never a change to a command.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Visibility = Literal["ephemeral", "dm"]
ButtonStyle = Literal["default", "primary", "danger"]
InputKind = Literal["text", "multiline", "select", "users", "checkbox", "number"]


@dataclass(frozen=True)
class Actor:
    """Who is asking: a user inside one workspace (Slack team or Teams tenant)."""

    workspace_id: str
    user_id: str
    tz: str | None = None
    """IANA time-zone name of the user, when the platform told us."""


@dataclass(frozen=True)
class CommandRequest:
    """A slash command (or its equivalent typed message) with the text after the command."""

    command: str
    """The command name without the slash, e.g. ``"boundary"``."""
    text: str
    actor: Actor
    channel_id: str | None = None


@dataclass(frozen=True)
class ActionRequest:
    """A button press or a form submission.

    ``values`` holds a submitted form's inputs by input id; a button has none. ``metadata`` is the
    opaque string a form or button carried, so a command can keep state without a server session.
    """

    action_id: str
    actor: Actor
    value: str = ""
    values: Mapping[str, str] = field(default_factory=dict)
    metadata: str = ""
    channel_id: str | None = None


# ----------------------------------------------------------------------------- reply building blocks


@dataclass(frozen=True)
class Header:
    """A title line."""

    text: str


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of lightly formatted text (``*bold*`` and ``_italic_`` as in Slack mrkdwn)."""

    text: str


@dataclass(frozen=True)
class BulletList:
    """A titled list of short items."""

    title: str
    items: tuple[str, ...]
    numbered: bool = False


@dataclass(frozen=True)
class Fields:
    """Label/value pairs shown side by side where the platform can."""

    pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Button:
    """A button: pressing it sends an :class:`ActionRequest` with ``action_id`` and ``value``."""

    label: str
    action_id: str
    value: str = ""
    style: ButtonStyle = "default"


@dataclass(frozen=True)
class Actions:
    """A row of buttons."""

    buttons: tuple[Button, ...]


@dataclass(frozen=True)
class Notice:
    """Small print: disclaimers, privacy notes, where a reply came from."""

    text: str


@dataclass(frozen=True)
class Divider:
    """A visual separator."""


Block = Header | Paragraph | BulletList | Fields | Actions | Notice | Divider


@dataclass(frozen=True)
class Option:
    """One choice of a select input."""

    label: str
    value: str


@dataclass(frozen=True)
class Input:
    """One input of a :class:`Form`."""

    input_id: str
    label: str
    kind: InputKind = "text"
    initial: str = ""
    placeholder: str = ""
    hint: str = ""
    optional: bool = False
    max_length: int | None = None
    options: tuple[Option, ...] = ()
    multiple: bool = False
    """For ``users`` and ``select``: whether several values may be chosen (joined by commas)."""


@dataclass(frozen=True)
class Form:
    """A form (Slack modal, Teams Adaptive Card with inputs, console prompts).

    Submitting it sends an :class:`ActionRequest` whose ``action_id`` is ``form_id`` and whose
    ``values`` hold the inputs; ``metadata`` comes back unchanged.
    """

    form_id: str
    title: str
    submit_label: str
    inputs: tuple[Input, ...] = ()
    blocks: tuple[Block, ...] = ()
    metadata: str = ""


@dataclass(frozen=True)
class FileAttachment:
    """A file delivered privately to the user (an export, a chart)."""

    filename: str
    title: str
    content: bytes
    mime_type: str = "text/plain"


@dataclass(frozen=True)
class Reply:
    """What a command answers with.

    ``blocks`` is shown to the asker only (ephemeral, or in their DM); ``text`` is the plain-text
    fallback for notifications and screen readers. ``form`` asks the adapter to open a form now;
    ``form_errors`` keeps the current form open with messages by input id; ``next_form`` replaces
    the open form with another (a preview step). ``files`` are sent to the user's DM.
    """

    text: str
    blocks: tuple[Block, ...] = ()
    visibility: Visibility = "ephemeral"
    form: Form | None = None
    form_errors: Mapping[str, str] | None = None
    next_form: Form | None = None
    close_form: bool = False
    files: tuple[FileAttachment, ...] = ()
    marker: str | None = None
    """An opaque id a platform may store, unseen, with a proactive message (Slack: message
    metadata), so that after a crash or a timeout the sender can tell whether it already went out."""

    @classmethod
    def simple(cls, text: str) -> Reply:
        """A one-paragraph reply."""
        return cls(text=text, blocks=(Paragraph(text),))


class UserError(Exception):
    """A problem the user can fix (bad input, missing permission); its message is shown to them."""


@dataclass(frozen=True)
class Redaction:
    """One identifier removed from a text: its kind and the placeholder that replaced it.

    The original is kept only in memory so the writer can review what was removed; it is never
    stored.
    """

    kind: str
    """One of: NAME, PLACE, DATE, AGE, PHONE, EMAIL, ID, URL, HANDLE, IP."""
    placeholder: str
    """The text that now stands in its place, e.g. ``[NAME-1]``."""
    original: str
    start: int
    """Offset of the placeholder in the de-identified text."""
    end: int


@dataclass(frozen=True)
class DeidentifiedText:
    """A text with its identifiers replaced, and the list of what was replaced."""

    text: str
    redactions: tuple[Redaction, ...] = ()


class StoreUnavailable(Exception):
    """The database could not be reached; nothing was written. Commands say "not saved, try again"."""
