"""Private delivery to one user's DM: messages and files (exports, charts).

Clients passed in here carry slack_sdk's retry handlers (see :func:`build_web_client`), so a 429
with Retry-After, a 5xx or a dropped connection is retried by the SDK rather than by hand.
"""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

from commands.types import FileAttachment


def build_web_client(*, base_url: str, token: str | None = None, timeout: int = 15) -> WebClient:
    """A WebClient for ``base_url`` that honours Retry-After and retries 5xx and connection errors."""
    client = WebClient(token=token, base_url=base_url, timeout=timeout)
    client.retry_handlers.extend(
        [
            RateLimitErrorRetryHandler(max_retry_count=5),
            ServerErrorRetryHandler(max_retry_count=3),
            ConnectionErrorRetryHandler(max_retry_count=3),
        ]
    )
    return client


def open_dm(client: WebClient, *, user_id: str) -> str:
    """The id of the bot's DM channel with a user."""
    response = client.conversations_open(users=user_id)
    channel: str = response["channel"]["id"]
    return channel


def send_files_to_dm(client: WebClient, *, user_id: str, files: tuple[FileAttachment, ...]) -> None:
    """Upload files into the user's DM, where only they can see them."""
    channel = open_dm(client, user_id=user_id)
    for attachment in files:
        client.files_upload_v2(
            channel=channel,
            filename=attachment.filename,
            title=attachment.title,
            content=attachment.content,
        )
