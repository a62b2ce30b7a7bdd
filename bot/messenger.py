"""Proactive delivery, whatever the platform: the port :class:`bot.jobs.CheckinJobs` sends through.

The job bodies own "exactly once" (claim the delivery row, send, record ``sent`` or the error with
the next try); a messenger only sends one message and reports how it went. Slack's sends through
a bot token (:mod:`bot.slack.messenger`), Teams' through a stored conversation reference
(:mod:`bot.teams.delivery`). :class:`PlatformMessenger` picks one per workspace, so one scheduler
and one set of delivery rows serve groups on both platforms.

Every method returns an outcome instead of raising for send failures; a messenger may raise
:class:`bot.slack.fanout.NoToken` when it has no credentials at all for the workspace, which the
jobs record as ``no_token``. Message text never appears in an outcome or a log line.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Protocol

from bot.config import Settings
from commands.types import FileAttachment, Reply

if TYPE_CHECKING:
    from bot.slack.fanout import ClientFactory
    from storage.db import Database

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SendResult:
    """An :class:`Outcome` as a value; each platform names the errors another try cannot fix."""

    ok: bool
    channel: str | None = None
    ts: str | None = None
    error: str | None = None

    PERMANENT: ClassVar[frozenset[str]] = frozenset()

    @property
    def retryable(self) -> bool:
        """Rate limits, 5xx and timeouts may succeed later; the platform's permanent errors never."""
        return not self.ok and (self.error or "") not in self.PERMANENT


class Outcome(Protocol):
    """The result of one send: where it went (to update it later), or an error code."""

    @property
    def ok(self) -> bool:
        """Whether the message went out."""
        ...

    @property
    def channel(self) -> str | None:
        """Where it went (a Slack channel, a Teams conversation key), when it did."""
        ...

    @property
    def ts(self) -> str | None:
        """The platform's message id, to update the message later."""
        ...

    @property
    def error(self) -> str | None:
        """An error code (never message text) when it did not go out."""
        ...

    @property
    def retryable(self) -> bool:
        """Whether another try later may succeed."""
        ...


class Messenger(Protocol):
    """Sends one message to one person or channel of a workspace."""

    def send_dm(self, workspace_id: str, user_id: str, reply: Reply, *, kind: str = "dm") -> Outcome:
        """A private message to a person."""
        ...

    def post_to_channel(self, workspace_id: str, channel_id: str, reply: Reply) -> Outcome:
        """A content-free post to a channel."""
        ...

    def update_message(self, workspace_id: str, channel: str, ts: str, reply: Reply) -> Outcome:
        """Replace a message sent earlier (``channel`` and ``ts`` as an outcome reported them)."""
        ...

    def upload_to_dm(self, workspace_id: str, user_id: str, attachment: FileAttachment) -> Outcome:
        """A file (the digest's chart) to a person."""
        ...

    def user_timezone(self, workspace_id: str, user_id: str) -> str | None:
        """A person's IANA zone, when the platform knows it."""
        ...


@dataclass(frozen=True)
class Unavailable:
    """The outcome when a workspace's platform cannot be reached from this process at all."""

    error: str
    ok: bool = False
    channel: str | None = None
    ts: str | None = None
    retryable: bool = False


class UnavailableMessenger:
    """Stands in for a platform this install cannot send to (extra missing, not configured)."""

    def __init__(self, error: str) -> None:
        self._error = error

    def send_dm(self, workspace_id: str, user_id: str, reply: Reply, *, kind: str = "dm") -> Outcome:
        """Nothing is sent; the row records why."""
        return Unavailable(self._error)

    def post_to_channel(self, workspace_id: str, channel_id: str, reply: Reply) -> Outcome:
        """Nothing is sent; the row records why."""
        return Unavailable(self._error)

    def update_message(self, workspace_id: str, channel: str, ts: str, reply: Reply) -> Outcome:
        """Nothing is sent; the row records why."""
        return Unavailable(self._error)

    def upload_to_dm(self, workspace_id: str, user_id: str, attachment: FileAttachment) -> Outcome:
        """Nothing is sent; the row records why."""
        return Unavailable(self._error)

    def user_timezone(self, workspace_id: str, user_id: str) -> str | None:
        """Unknown."""
        return None


class PlatformMessenger:
    """Routes each call to Slack or Teams by the workspace id's shape (see :mod:`bot.teams.ids`).

    The Teams messenger is built on first use, so a Slack-only process never imports the SDK.
    """

    def __init__(self, *, slack: Messenger, teams: Callable[[], Messenger]) -> None:
        self._slack = slack
        self._teams_factory = teams
        self._teams: Messenger | None = None
        self._lock = threading.Lock()

    @property
    def slack(self) -> Messenger:
        """The Slack messenger."""
        return self._slack

    def teams(self) -> Messenger:
        """The Teams messenger, built once."""
        with self._lock:
            if self._teams is None:
                self._teams = self._teams_factory()
            return self._teams

    def _for(self, workspace_id: str) -> Messenger:
        from bot.teams.ids import is_teams_workspace

        return self.teams() if is_teams_workspace(workspace_id) else self._slack

    def send_dm(self, workspace_id: str, user_id: str, reply: Reply, *, kind: str = "dm") -> Outcome:
        """See :class:`Messenger`."""
        return self._for(workspace_id).send_dm(workspace_id, user_id, reply, kind=kind)

    def post_to_channel(self, workspace_id: str, channel_id: str, reply: Reply) -> Outcome:
        """See :class:`Messenger`."""
        return self._for(workspace_id).post_to_channel(workspace_id, channel_id, reply)

    def update_message(self, workspace_id: str, channel: str, ts: str, reply: Reply) -> Outcome:
        """See :class:`Messenger`."""
        return self._for(workspace_id).update_message(workspace_id, channel, ts, reply)

    def upload_to_dm(self, workspace_id: str, user_id: str, attachment: FileAttachment) -> Outcome:
        """See :class:`Messenger`."""
        return self._for(workspace_id).upload_to_dm(workspace_id, user_id, attachment)

    def user_timezone(self, workspace_id: str, user_id: str) -> str | None:
        """See :class:`Messenger`."""
        return self._for(workspace_id).user_timezone(workspace_id, user_id)

    def find_marked(self, workspace_id: str, user_id: str, marker: str, *, since: float) -> Outcome | None:
        """A DM carrying ``marker`` that already went out, where the platform can tell (Slack).

        Optional for a messenger: one that cannot look answers None, and the caller sends again.
        """
        finder = getattr(self._for(workspace_id), "find_marked", None)
        if not callable(finder):
            return None
        found: Outcome | None = finder(workspace_id, user_id, marker, since=since)
        return found

    def close(self) -> None:
        """Stop the Teams sender's event loop, if one was started."""
        with self._lock:
            closer = getattr(self._teams, "close", None)
        if callable(closer):
            closer()


def build_messenger(
    settings: Settings, *, db: Database, clients: ClientFactory | None = None
) -> PlatformMessenger:
    """Slack always; Teams when it is configured and the ``[teams]`` extra is installed."""
    from bot.slack.fanout import ClientFactory
    from bot.slack.messenger import SlackMessenger

    def teams() -> Messenger:
        if not settings.teams_configured:
            return UnavailableMessenger("teams_not_configured")
        try:
            from bot.teams.delivery import TeamsMessenger
        except ImportError:
            logger.warning("a Teams workspace has deliveries but the [teams] extra is not installed")
            return UnavailableMessenger("teams_not_installed")
        return TeamsMessenger.from_settings(settings, db=db)

    slack = SlackMessenger(clients or ClientFactory(settings, engine=db.engine))
    return PlatformMessenger(slack=slack, teams=teams)
