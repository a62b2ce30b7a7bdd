"""Routes requests to commands by name and actions by their ``<command>.`` prefix.

Failures a person can act on become replies here, once for every platform (Slack, Teams, the
console and the CLI): a :class:`UserError` shows its message, an unavailable database says that
nothing was saved. Anything else propagates to the platform's own error handler.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from commands.types import ActionRequest, CommandRequest, Reply, StoreUnavailable, UserError

NOT_SAVED = "The database is unavailable right now, so nothing was saved. Please try again in a minute."


class Command(Protocol):
    """One slash command: answers its own requests and the actions its replies carry."""

    @property
    def name(self) -> str:
        """The command name without a slash; action ids start with ``name + '.'``."""
        ...

    def handle(self, request: CommandRequest) -> Reply:
        """Answer the slash command."""
        ...

    def act(self, request: ActionRequest) -> Reply:
        """Answer a button press or form submission this command created."""
        ...


class Router:
    """Finds the command for a request; unknown names get a friendly answer instead of an error."""

    def __init__(self, commands: Iterable[Command]) -> None:
        self._commands = {command.name: command for command in commands}

    @property
    def names(self) -> list[str]:
        """Every routed command name."""
        return sorted(self._commands)

    def handle(self, request: CommandRequest) -> Reply:
        """Run the named command."""
        command = self._commands.get(request.command.lstrip("/").lower())
        if command is None:
            known = ", ".join(f"/{name}" for name in self.names)
            return Reply.simple(f"I don't know /{request.command.lstrip('/')}. Try one of: {known}.")
        return _safely(lambda: command.handle(request))

    def act(self, request: ActionRequest) -> Reply:
        """Run the command that owns the action id."""
        owner = request.action_id.split(".", 1)[0]
        command = self._commands.get(owner)
        if command is None:
            return Reply.simple("That button has expired. Please run the command again.")
        return _safely(lambda: command.act(request))


def _safely(run: Callable[[], Reply]) -> Reply:
    try:
        return run()
    except UserError as exc:
        return Reply.simple(str(exc))
    except StoreUnavailable:
        return Reply.simple(NOT_SAVED)
