"""The :class:`bot.messenger.Messenger` port over Slack: fanout's functions with a token per workspace.

Behaviour is exactly fanout's (SDK retry handlers, error codes, permanent errors); this class only
looks the client up for the workspace when a send runs, so scheduler jobs still carry ids only.
"""

from __future__ import annotations

from bot.slack import fanout
from commands.types import FileAttachment, Reply


class SlackMessenger:
    """Sends through the workspace's bot token (raises :class:`fanout.NoToken` when there is none)."""

    def __init__(self, clients: fanout.ClientFactory) -> None:
        self.clients = clients

    def send_dm(
        self, workspace_id: str, user_id: str, reply: Reply, *, kind: str = "dm"
    ) -> fanout.SendOutcome:
        """Open the DM and post there."""
        client = self.clients.for_workspace(workspace_id)
        return fanout.send_dm(client, user_id=user_id, reply=reply, kind=kind)

    def post_to_channel(self, workspace_id: str, channel_id: str, reply: Reply) -> fanout.SendOutcome:
        """Post a content-free notice to a channel."""
        client = self.clients.for_workspace(workspace_id)
        return fanout.post_to_channel(client, channel_id=channel_id, reply=reply)

    def update_message(self, workspace_id: str, channel: str, ts: str, reply: Reply) -> fanout.SendOutcome:
        """``chat.update`` of a message the bot sent."""
        client = self.clients.for_workspace(workspace_id)
        return fanout.update_message(client, channel=channel, ts=ts, reply=reply)

    def upload_to_dm(self, workspace_id: str, user_id: str, attachment: FileAttachment) -> fanout.SendOutcome:
        """Upload a file into the DM."""
        client = self.clients.for_workspace(workspace_id)
        return fanout.upload_to_dm(client, user_id=user_id, attachment=attachment)

    def find_marked(
        self, workspace_id: str, user_id: str, marker: str, *, since: float
    ) -> fanout.SendOutcome | None:
        """A DM carrying ``marker`` that already went out (see :func:`fanout.find_marked_dm`)."""
        client = self.clients.for_workspace(workspace_id)
        return fanout.find_marked_dm(client, user_id=user_id, marker=marker, since=since)

    def user_timezone(self, workspace_id: str, user_id: str) -> str | None:
        """``users.info``'s zone; None when the workspace has no token."""
        try:
            client = self.clients.for_workspace(workspace_id)
        except fanout.NoToken:
            return None
        return fanout.user_timezone(client, user_id=user_id)
