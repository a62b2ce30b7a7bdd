"""Pure command logic: typed requests in, platform-neutral replies out.

``COMMANDS`` names every slash command the bot answers, with its usage hint; adapters and the app
manifest are checked against it, so they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CommandSpec:
    """A command's public face: name, one-line description and usage hint."""

    name: str
    description: str
    usage_hint: str


COMMANDS: dict[str, CommandSpec] = {
    spec.name: spec
    for spec in (
        CommandSpec("boundary", "Guidance on a boundary dilemma, privately", "<describe the dilemma>"),
        CommandSpec("reflect", "A reflection prompt and your private journal", "[theme | themes | history]"),
        CommandSpec("checkin", "This week's check-in", "[snooze 2w | resume | reminders on|off]"),
        CommandSpec("supervision", "Set up and run a supervision group", "[setup | status | digest | help]"),
    )
}
