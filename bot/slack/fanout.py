"""Sending scheduled messages to many people through Slack, one outcome per call.

Each function returns a :class:`SendOutcome` instead of raising, so the caller can record the
result on the delivery row: ``ok`` with where it went, or an error *code* (Slack's ``error``
string, ``http_500``, ``timeout``) and whether trying again can help. Message text never appears
in an outcome or a log line.

Clients come from :class:`ClientFactory`, which looks the bot token up when a job runs (token
mode: settings; OAuth mode: the installation store), so scheduler jobs carry ids only.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackRequestError
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore

from bot.config import Settings
from bot.messenger import SendResult
from bot.slack import render
from bot.slack.delivery import build_web_client
from commands.types import FileAttachment, Reply
from storage.models import SLACK_BOTS_TABLE, SLACK_INSTALLATIONS_TABLE

logger = logging.getLogger(__name__)

PERMANENT_ERRORS = frozenset(
    {
        "user_disabled",
        "user_not_found",
        "users_not_found",
        "account_inactive",
        "cannot_dm_bot",
        "cannot_dm",
        "messages_tab_disabled",
        "not_in_channel",
        "channel_not_found",
        "is_archived",
        "invalid_auth",
        "not_authed",
        "token_revoked",
        "missing_scope",
        "no_token",
    }
)
"""Errors that another try cannot fix: recorded and shown, never retried."""


@dataclass(frozen=True)
class SendOutcome(SendResult):
    """The result of one Slack send: where it went, or why not."""

    PERMANENT: ClassVar[frozenset[str]] = PERMANENT_ERRORS


class NoToken(LookupError):
    """No bot token is known for a workspace (not installed, or uninstalled)."""


class ClientFactory:
    """WebClients per workspace, with the SDK's retry handlers; tokens looked up at call time."""

    def __init__(self, settings: Settings, *, engine: Any = None) -> None:
        self._settings = settings
        self._engine = engine
        self._lock = threading.Lock()
        self._clients: dict[str, WebClient] = {}

    def for_workspace(self, workspace_id: str) -> WebClient:
        """A client for the workspace's bot.

        Raises:
            NoToken: When the workspace has no installation (OAuth mode).
        """
        token = self._token(workspace_id)
        with self._lock:
            client = self._clients.get(token)
            if client is None:
                client = build_web_client(
                    base_url=self._settings.slack_api_url,
                    token=token,
                    timeout=self._settings.slack_api_timeout,
                )
                self._clients[token] = client
            return client

    def _token(self, workspace_id: str) -> str:
        if self._settings.slack_bot_token is not None and not self._settings.oauth_enabled:
            return self._settings.slack_bot_token.get_secret_value()
        if self._settings.oauth_enabled and self._engine is not None:
            store = SQLAlchemyInstallationStore(
                client_id=self._settings.slack_client_id or "",
                engine=self._engine,
                bots_table_name=SLACK_BOTS_TABLE,
                installations_table_name=SLACK_INSTALLATIONS_TABLE,
            )
            bot = store.find_bot(enterprise_id=None, team_id=workspace_id)
            if bot is None:
                bot = store.find_bot(enterprise_id=workspace_id, team_id=None, is_enterprise_install=True)
            if bot is not None and bot.bot_token:
                return bot.bot_token
        if self._settings.slack_bot_token is not None:
            return self._settings.slack_bot_token.get_secret_value()
        raise NoToken(workspace_id)


def token_workspace_id(settings: Settings) -> str:
    """The workspace id of ``SLACK_BOT_TOKEN`` (``auth.test``), cached in the data folder.

    Operators run the CLI in single-workspace token mode; the cache keeps each run from asking
    Slack again. The cache is keyed by a hash of the token, never the token itself.
    """
    if settings.slack_bot_token is None:
        raise NoToken("SLACK_BOT_TOKEN is not set")
    token = settings.slack_bot_token.get_secret_value()
    key = hashlib.sha256(f"{settings.slack_api_url}\x1f{token}".encode()).hexdigest()[:24]
    cache = Path(settings.data_dir) / "workspace-cache.json"
    try:
        known = json.loads(cache.read_text())
    except (OSError, ValueError):
        known = {}
    if isinstance(known, dict) and isinstance(known.get(key), str):
        return str(known[key])
    client = build_web_client(base_url=settings.slack_api_url, token=token)
    response = client.auth_test()
    team = response.get("enterprise_id") if response.get("is_enterprise_install") else response.get("team_id")
    if not isinstance(team, str) or not team:
        raise NoToken("auth.test returned no team id")
    known = known if isinstance(known, dict) else {}
    known[key] = team
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{threading.get_ident()}.tmp")
        tmp.write_text(json.dumps(known))
        tmp.replace(cache)
    except OSError:
        logger.warning("could not cache the workspace id in %s", cache)
    return team


def _error_code(exc: Exception) -> str:
    if isinstance(exc, SlackApiError):
        status = getattr(exc.response, "status_code", 200)
        data = getattr(exc.response, "data", None)
        error = data.get("error") if isinstance(data, dict) else None
        if status == 429:
            return "ratelimited"
        if status >= 500:
            return f"http_{status}"
        return str(error or f"http_{status}")
    if isinstance(exc, SlackRequestError):
        return "request_error"
    if isinstance(exc, TimeoutError):
        return "timeout"
    if isinstance(exc, OSError):
        return "connection"
    return type(exc).__name__[:64]


def _guard(kind: str, user_id: str, run: Any) -> SendOutcome:
    try:
        outcome: SendOutcome = run()
        return outcome
    except (SlackApiError, SlackRequestError, OSError, ValueError) as exc:
        code = _error_code(exc)
        logger.info("%s to %s failed: %s", kind, user_id, code)
        return SendOutcome(ok=False, error=code)


def send_dm(client: WebClient, *, user_id: str, reply: Reply, kind: str = "dm") -> SendOutcome:
    """Post a reply into the bot's DM with a user.

    Addressed to the user id, Slack posts into the app's DM with that user and answers with the
    DM's channel id: one call per person instead of ``conversations.open`` first (Tier 3, about
    50 a minute, which would pace a large group's check-in more than the messages themselves).
    """

    def run() -> SendOutcome:
        response = client.chat_postMessage(channel=user_id, **render.render_message(reply))  # type: ignore[arg-type]
        channel = str(response.get("channel") or user_id)
        return SendOutcome(ok=True, channel=channel, ts=str(response.get("ts") or ""))

    return _guard(kind, user_id, run)


HISTORY_PAGE = 15
"""Messages per ``conversations.history`` page: the most Slack serves non-Marketplace apps per call."""
HISTORY_PAGES = 10


def find_marked_dm(client: WebClient, *, user_id: str, marker: str, since: float) -> SendOutcome | None:
    """Whether a DM carrying ``marker`` (see :attr:`Reply.marker`) already reached the user.

    Called only before re-sending a message whose earlier attempt may have landed: the sender
    died after claiming it, or the call timed out after Slack had perhaps accepted it. Reads the
    bot's DM history since ``since`` (Unix time) with message metadata and compares markers only;
    message text is never looked at, kept or logged.

    Returns an ``ok`` outcome (with channel and ts) when found, None when it is not there or the
    history cannot be read for good (e.g. ``missing_scope``: sending again is then the only way
    not to lose it), and a failed, retryable outcome when the lookup itself should be tried later.
    """

    def run() -> SendOutcome | None:
        channel = str(client.conversations_open(users=user_id)["channel"]["id"])
        cursor: str | None = None
        for _ in range(HISTORY_PAGES):
            page = client.conversations_history(
                channel=channel,
                oldest=f"{since:.6f}",
                limit=HISTORY_PAGE,
                include_all_metadata=True,
                cursor=cursor,
            )
            for message in page.get("messages") or []:
                metadata = message.get("metadata") if isinstance(message, dict) else None
                payload = metadata.get("event_payload") if isinstance(metadata, dict) else None
                if (
                    isinstance(payload, dict)
                    and metadata.get("event_type") == render.MARKER_EVENT_TYPE  # type: ignore[union-attr]
                    and payload.get("marker") == marker
                ):
                    return SendOutcome(ok=True, channel=channel, ts=str(message.get("ts") or ""))
            cursor = (page.get("response_metadata") or {}).get("next_cursor") or None
            if not cursor:
                break
        return None

    try:
        return run()
    except (SlackApiError, SlackRequestError, OSError, ValueError, KeyError, TypeError) as exc:
        code = _error_code(exc)
        outcome = SendOutcome(ok=False, error=code)
        if outcome.retryable:
            logger.info("looking for an earlier send to %s failed: %s", user_id, code)
            return outcome
        logger.warning("cannot look for an earlier send to %s (%s): sending again", user_id, code)
        return None


def post_to_channel(client: WebClient, *, channel_id: str, reply: Reply) -> SendOutcome:
    """Post a reply to a channel (only content-free notices are ever posted to channels)."""

    def run() -> SendOutcome:
        response = client.chat_postMessage(channel=channel_id, **render.render_message(reply))  # type: ignore[arg-type]
        return SendOutcome(ok=True, channel=channel_id, ts=str(response.get("ts") or ""))

    return _guard("channel post", channel_id, run)


def update_message(client: WebClient, *, channel: str, ts: str, reply: Reply) -> SendOutcome:
    """Replace a message the bot sent (the check-in DM's button turns into "Edit")."""

    def run() -> SendOutcome:
        client.chat_update(channel=channel, ts=ts, **render.render_message(reply))  # type: ignore[arg-type]
        return SendOutcome(ok=True, channel=channel, ts=ts)

    return _guard("update", channel, run)


def upload_to_dm(client: WebClient, *, user_id: str, attachment: FileAttachment) -> SendOutcome:
    """Upload one file into a user's DM (the digest's chart)."""

    def run() -> SendOutcome:
        channel = client.conversations_open(users=user_id)["channel"]["id"]
        client.files_upload_v2(
            channel=channel,
            filename=attachment.filename,
            title=attachment.title,
            content=attachment.content,
        )
        return SendOutcome(ok=True, channel=str(channel))

    return _guard("upload", user_id, run)


def user_timezone(client: WebClient, *, user_id: str) -> str | None:
    """A user's IANA zone from ``users.info``, or None when Slack does not say."""
    try:
        user = client.users_info(user=user_id).get("user") or {}
    except (SlackApiError, SlackRequestError, OSError):
        return None
    tz = user.get("tz") if isinstance(user, dict) else None
    return tz if isinstance(tz, str) and tz else None
