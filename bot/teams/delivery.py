"""Teams messages through stored conversation references: replies in private, and proactive sends.

Teams lets a bot write to someone only inside a conversation it knows. The adapter stores a
reference on every contact (:class:`storage.teams.TeamsConversationRepository`); this module
continues such a conversation with the SDK's ``continue_conversation``, or, when it only knows
the person from a channel, opens the 1:1 chat with ``create_conversation`` and stores that.

:class:`TeamsMessenger` is the :class:`bot.messenger.Messenger` the check-in jobs use: the same
delivery rows, claims and retry rules as Slack, with Teams' failures turned into error codes
(``ratelimited``, ``http_503``, ``conversation_not_found`` ...). Its sends run on a private event
loop in one thread, so the scheduler's threads, the CLI and request handlers can all call it
without sharing the web server's loop. Message text never reaches a log line or an outcome.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

import aiohttp
from microsoft_agents.activity import (
    Activity,
    ActivityTypes,
    Attachment,
    ConversationParameters,
    ConversationReference,
)
from microsoft_agents.hosting.aiohttp import CloudAdapter
from microsoft_agents.hosting.core import (
    AgentAuthConfiguration,
    AnonymousTokenProvider,
    ChannelServiceAdapter,
    ConnectionManager,
    Connections,
    TurnContext,
)
from microsoft_agents.hosting.core.security import OutboundHostValidator

from bot.config import Settings
from bot.messenger import SendResult
from bot.teams import ids, render
from commands.types import FileAttachment, Reply
from storage.teams import (
    KIND_CHANNEL,
    KIND_CONTACT,
    KIND_PERSONAL,
    ConversationRef,
    TeamsConversationRepository,
)

if TYPE_CHECKING:
    from storage.db import Database

logger = logging.getLogger(__name__)

CHANNEL = "msteams"
SEND_TIMEOUT_SECONDS = 120.0
"""One send, with its 429 retries: well under the delivery claim's ten minutes."""
RATE_LIMIT_TRIES = 3
MAX_RETRY_AFTER_SECONDS = 20.0
PERMANENT_ERRORS = frozenset(
    {"unauthorized", "forbidden", "conversation_not_found", "bad_request", "too_large", "no_reference"}
)
"""Errors another try cannot fix (the bot was blocked or removed, the chat is gone)."""
_STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "conversation_not_found",
    413: "too_large",
    429: "ratelimited",
}
T = TypeVar("T")


@dataclass(frozen=True)
class TeamsOutcome(SendResult):
    """One Teams send's result: the conversation key and activity id, or an error code."""

    PERMANENT: ClassVar[frozenset[str]] = PERMANENT_ERRORS


# ------------------------------------------------------------------------------------------ SDK setup


def sdk_configuration(settings: Settings) -> dict[str, Any]:
    """The SDK's configuration dictionary, built from :class:`Settings` (never from os.environ)."""
    connection: dict[str, Any] = {"AUTHTYPE": settings.teams_auth_type}
    if settings.teams_app_id:
        connection["CLIENTID"] = settings.teams_app_id
    if settings.teams_app_password:
        connection["CLIENTSECRET"] = settings.teams_app_password.get_secret_value()
    if settings.teams_tenant_id:
        connection["TENANTID"] = settings.teams_tenant_id
    return {"CONNECTIONS": {"SERVICE_CONNECTION": {"SETTINGS": connection}}}


class LocalTokenProvider(AnonymousTokenProvider):
    """The local testing mode's tokens: a placeholder, never a request to Entra.

    The SDK's anonymous provider returns an empty token, which its proactive paths
    (``continue_conversation``, ``create_conversation``) refuse; a local emulator or the tests'
    fake connector accepts any bearer.
    """

    async def get_access_token(
        self, resource_url: str, scopes: list[str], force_refresh: bool = False
    ) -> str:
        """A placeholder bearer for a local service URL."""
        return "local-testing"


def build_connections(settings: Settings) -> Connections:
    """MSAL-backed connections; placeholder ones in the local testing mode (no Entra app)."""
    if settings.teams_allow_anonymous and not settings.teams_app_id:
        return ConnectionManager(
            provider_factory=lambda _config: LocalTokenProvider(),
            connections_configurations={"SERVICE_CONNECTION": AgentAuthConfiguration(anonymous_allowed=True)},
        )
    from microsoft_agents.authentication.msal import MsalConnectionManager

    return MsalConnectionManager(**sdk_configuration(settings))


def auth_configuration(settings: Settings, connections: Connections) -> AgentAuthConfiguration:
    """What the SDK's JWT middleware validates incoming tokens against."""
    config = connections.get_default_connection_configuration()
    if settings.teams_allow_anonymous:
        config.ANONYMOUS_ALLOWED = True
    return config


def build_adapter(settings: Settings, connections: Connections) -> CloudAdapter:
    """A CloudAdapter that accepts service URLs on Microsoft's hosts only (unless testing locally)."""
    validator = OutboundHostValidator(enabled=not settings.teams_allow_anonymous)
    adapter = CloudAdapter(connection_manager=connections, host_validator=validator)

    async def on_turn_error(context: TurnContext, error: Exception) -> None:
        # the SDK's default sends the exception text to the user and prints a traceback
        logger.error("unhandled %s in a Teams turn", type(error).__name__)
        await context.send_activity("Sorry, something went wrong. Please try again.")

    adapter.on_turn_error = on_turn_error
    return adapter


# ------------------------------------------------------------------------------------------ activities


def card_activity(card: dict[str, Any], *, summary: str = "") -> Activity:
    """A message carrying one Adaptive Card."""
    activity = Activity(
        type=ActivityTypes.message,
        attachments=[Attachment(content_type=render.CARD_CONTENT_TYPE, content=card)],
    )
    if summary:
        activity.summary = summary[:200]
    return activity


def file_activity(attachment: FileAttachment) -> Activity:
    """A message carrying a file the way Teams can show it (see :func:`render.file_attachment`)."""
    raw = render.file_attachment(attachment)
    return Activity(
        type=ActivityTypes.message,
        attachments=[
            Attachment(
                content_type=raw["contentType"],
                content=raw.get("content"),
                content_url=raw.get("contentUrl"),
                name=raw.get("name"),
            )
        ],
        summary=attachment.title[:200],
    )


def reply_activities(reply: Reply) -> list[Activity]:
    """A reply's card and its files, in order (forms are rendered by the caller, who tracks them)."""
    out: list[Activity] = []
    if reply.blocks or reply.text:
        out.append(card_activity(render.render_card(reply), summary=reply.text))
    out.extend(file_activity(f) for f in reply.files)
    return out


def stored_reference(activity: Activity) -> dict[str, Any]:
    """The activity's conversation reference as JSON, ids only (display names are dropped).

    A channel's conversation id loses its ``;messageid=`` thread suffix, so a later post starts a
    new thread instead of answering an old one.
    """
    reference = activity.get_conversation_reference()
    data: dict[str, Any] = reference.model_dump(mode="json", by_alias=True, exclude_none=True)
    for transient in ("activityId", "locale", "requestId"):  # per message: would rewrite the row each time
        data.pop(transient, None)
    for key in ("user", "bot", "conversation"):
        part = data.get(key)
        if isinstance(part, dict):
            part.pop("name", None)
    conversation = data.get("conversation")
    if (
        isinstance(conversation, dict)
        and isinstance(conversation.get("id"), str)
        and conversation.get("conversationType") == "channel"
    ):
        conversation["id"] = ids.base_conversation_id(conversation["id"])
    return data


def _reference(data: dict[str, Any]) -> ConversationReference:
    return ConversationReference.model_validate(data, strict=False)


def _continuation(reference: ConversationReference) -> Activity:
    activity = reference.get_continuation_activity()
    activity.id = None  # no replyToId: a new message, not an answer to a made-up activity
    return activity


class _Captured:
    """Failures inside a proactive turn, re-raised after it.

    The adapter hands exceptions from a turn to its error handler, which would swallow a 429 or a
    403 (and try to apologise to the person); a send must report them to the delivery row instead.
    """

    def __init__(self) -> None:
        self.error: BaseException | None = None

    def wrap(
        self, body: Callable[[TurnContext], Awaitable[None]]
    ) -> Callable[[TurnContext], Awaitable[None]]:
        async def callback(context: TurnContext) -> None:
            try:
                await body(context)
            except Exception as exc:
                self.error = exc

        return callback

    def raise_if_failed(self) -> None:
        if self.error is not None:
            raise self.error


async def send_to_reference(
    adapter: ChannelServiceAdapter, app_id: str, reference: dict[str, Any], activities: list[Activity]
) -> list[str]:
    """Continue a stored conversation and send the activities; returns their ids."""
    sent: list[str] = []
    captured = _Captured()

    async def body(context: TurnContext) -> None:
        for activity in activities:
            response = await context.send_activity(activity)
            sent.append(str(getattr(response, "id", "") or ""))

    await adapter.continue_conversation(app_id, _continuation(_reference(reference)), captured.wrap(body))
    captured.raise_if_failed()
    return sent


async def update_in_reference(
    adapter: ChannelServiceAdapter,
    app_id: str,
    reference: dict[str, Any],
    activity_id: str,
    activity: Activity,
) -> None:
    """Replace a message the bot sent earlier in a stored conversation."""

    captured = _Captured()

    async def body(context: TurnContext) -> None:
        replacement = activity.model_copy(deep=True)
        replacement.id = activity_id
        replacement.conversation = context.activity.conversation
        await context.update_activity(replacement)

    await adapter.continue_conversation(app_id, _continuation(_reference(reference)), captured.wrap(body))
    captured.raise_if_failed()


async def open_personal_chat(
    adapter: ChannelServiceAdapter,
    app_id: str,
    reference: dict[str, Any],
    activities: list[Activity],
    *,
    audience: str = "https://api.botframework.com",
) -> tuple[dict[str, Any], list[str]]:
    """Create the 1:1 chat with the person a reference names, send there, and return its reference.

    Teams allows this for people in a team or chat where the bot is installed; the new chat's
    reference is returned so the caller can store it as ``personal``.
    """
    known = _reference(reference)
    if known.user is None or not known.user.id or not known.service_url:
        raise LookupError("the reference names no person")
    tenant = known.conversation.tenant_id if known.conversation else None
    # "bot" is the field's alias; Teams wants the tenant both as a field and in channel data
    fields: dict[str, Any] = {"isGroup": False, "members": [{"id": known.user.id}]}
    if known.agent is not None:
        fields["bot"] = known.agent.model_dump(mode="json", by_alias=True, exclude_none=True)
    if tenant:
        fields["tenantId"] = tenant
        fields["channelData"] = {"tenant": {"id": tenant}}
    parameters = ConversationParameters.model_validate(fields)
    sent: list[str] = []
    created: dict[str, Any] = {}
    captured = _Captured()

    async def body(context: TurnContext) -> None:
        for activity in activities:
            response = await context.send_activity(activity)
            sent.append(str(getattr(response, "id", "") or ""))
        new = dict(reference)
        conversation: dict[str, Any] = {
            "id": context.activity.conversation.id,
            "conversationType": "personal",
        }
        if tenant:
            conversation["tenantId"] = tenant
        new["conversation"] = conversation
        created.update(new)

    await adapter.create_conversation(
        app_id, CHANNEL, known.service_url, audience, parameters, captured.wrap(body)
    )
    captured.raise_if_failed()
    return created, sent


def error_code(exc: BaseException) -> str:
    """A failure as an error code for the delivery row (never the response body)."""
    if isinstance(exc, aiohttp.ClientResponseError):
        if exc.status >= 500:
            return f"http_{exc.status}"
        return _STATUS_CODES.get(exc.status, f"http_{exc.status}")
    if isinstance(exc, TimeoutError | asyncio.TimeoutError | concurrent.futures.TimeoutError):
        return "timeout"
    if isinstance(exc, aiohttp.ClientError | OSError):
        return "connection"
    return type(exc).__name__[:64]


def _retry_after(exc: aiohttp.ClientResponseError) -> float:
    raw = exc.headers.get("Retry-After") if exc.headers else None
    try:
        return min(max(float(raw or 1.0), 0.0), MAX_RETRY_AFTER_SECONDS)
    except ValueError:
        return 1.0


async def with_rate_limit_retries(run: Callable[[], Awaitable[T]]) -> T:
    """Run a send, waiting out Teams' 429s (Retry-After, bounded) a few times before giving up."""
    for attempt in range(1, RATE_LIMIT_TRIES + 1):
        try:
            return await run()
        except aiohttp.ClientResponseError as exc:
            if exc.status != 429 or attempt == RATE_LIMIT_TRIES:
                raise
            await asyncio.sleep(_retry_after(exc))
    raise AssertionError("unreachable")  # pragma: no cover


# ------------------------------------------------------------------------------------------ the messenger


class TeamsMessenger:
    """The :class:`bot.messenger.Messenger` over stored Teams conversation references."""

    def __init__(
        self,
        *,
        adapter: ChannelServiceAdapter,
        conversations: TeamsConversationRepository,
        app_id: str,
        timeout: float = SEND_TIMEOUT_SECONDS,
    ) -> None:
        self._adapter = adapter
        self._conversations = conversations
        self._app_id = app_id
        self._timeout = timeout
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings, *, db: Database) -> TeamsMessenger:
        """A messenger with its own adapter and connections, built from settings."""
        connections = build_connections(settings)
        return cls(
            adapter=build_adapter(settings, connections),
            conversations=TeamsConversationRepository(db=db),
            app_id=settings.teams_app_id or "",
        )

    # ---------------------------------------------------------------- the private loop

    def _run(self, make: Callable[[], Coroutine[Any, Any, T]]) -> T:
        with self._lock:
            if self._loop is None or self._thread is None or not self._thread.is_alive():
                loop = asyncio.new_event_loop()
                thread = threading.Thread(target=loop.run_forever, name="teams-sender", daemon=True)
                thread.start()
                self._loop, self._thread = loop, thread
            loop = self._loop
        return asyncio.run_coroutine_threadsafe(make(), loop).result(self._timeout)

    def close(self) -> None:
        """Stop the private loop (at shutdown)."""
        with self._lock:
            loop, thread = self._loop, self._thread
            self._loop = self._thread = None
        if loop is not None:
            loop.call_soon_threadsafe(loop.stop)
        if thread is not None:
            thread.join(timeout=5)
        if loop is not None and not loop.is_running():
            loop.close()

    def _guard(self, what: str, target: str, send: Callable[[], TeamsOutcome]) -> TeamsOutcome:
        try:
            return send()
        except Exception as exc:  # every failure becomes a recorded code, never a crashed job
            code = error_code(exc)
            logger.info("teams %s to %s failed: %s", what, target, code)
            return TeamsOutcome(ok=False, error=code)

    # ---------------------------------------------------------------- the port

    def send_dm(self, workspace_id: str, user_id: str, reply: Reply, *, kind: str = "dm") -> TeamsOutcome:
        """Continue the person's 1:1 chat, or open it from a channel contact."""
        return self._to_person(kind, workspace_id, user_id, reply_activities(reply))

    def upload_to_dm(self, workspace_id: str, user_id: str, attachment: FileAttachment) -> TeamsOutcome:
        """Send the file inline (images) or as text in a card (see :func:`render.file_attachment`)."""
        return self._to_person("file", workspace_id, user_id, [file_activity(attachment)])

    def _to_person(
        self, what: str, workspace_id: str, user_id: str, activities: list[Activity]
    ) -> TeamsOutcome:
        ref = self._conversations.get(workspace_id, user_id)
        if ref is None:
            # not met yet: they may open the app later, so the row is retried with backoff
            return TeamsOutcome(ok=False, error="no_conversation")
        if ref.kind == KIND_PERSONAL:
            return self._guard(what, user_id, lambda: self._continue(ref, activities))
        if ref.kind == KIND_CONTACT:
            return self._guard(what, user_id, lambda: self._open(ref, activities))
        return TeamsOutcome(ok=False, error="no_reference")

    def _continue(self, ref: ConversationRef, activities: list[Activity]) -> TeamsOutcome:
        sent = self._run(
            lambda: with_rate_limit_retries(
                lambda: send_to_reference(self._adapter, self._app_id, ref.reference, activities)
            )
        )
        return TeamsOutcome(ok=True, channel=ref.target_id, ts=_short(sent[0] if sent else ""))

    def _open(self, ref: ConversationRef, activities: list[Activity]) -> TeamsOutcome:
        created, sent = self._run(
            lambda: with_rate_limit_retries(
                lambda: open_personal_chat(self._adapter, self._app_id, ref.reference, activities)
            )
        )
        if created:
            self._conversations.remember(
                workspace_id=ref.workspace_id, target_id=ref.target_id, kind=KIND_PERSONAL, reference=created
            )
        return TeamsOutcome(ok=True, channel=ref.target_id, ts=_short(sent[0] if sent else ""))

    def post_to_channel(self, workspace_id: str, channel_id: str, reply: Reply) -> TeamsOutcome:
        """A content-free post to a channel the bot was added to."""
        ref = self._conversations.get(workspace_id, channel_id)
        if ref is None or ref.kind != KIND_CHANNEL:
            return TeamsOutcome(ok=False, error="no_reference")
        return self._guard("channel post", channel_id, lambda: self._continue(ref, reply_activities(reply)))

    def update_message(self, workspace_id: str, channel: str, ts: str, reply: Reply) -> TeamsOutcome:
        """Replace a message sent earlier (the check-in DM's button turns into "Edit")."""
        ref = self._conversations.get(workspace_id, channel)
        activities = reply_activities(reply)
        if ref is None or not activities:
            return TeamsOutcome(ok=False, error="no_reference")

        def update() -> TeamsOutcome:
            self._run(
                lambda: with_rate_limit_retries(
                    lambda: update_in_reference(self._adapter, self._app_id, ref.reference, ts, activities[0])
                )
            )
            return TeamsOutcome(ok=True, channel=channel, ts=ts)

        return self._guard("update", channel, update)

    def user_timezone(self, workspace_id: str, user_id: str) -> str | None:
        """The zone Teams reported on the person's last contact."""
        ref = self._conversations.get(workspace_id, user_id)
        return ref.timezone if ref else None


def _short(activity_id: str) -> str | None:
    """Activity ids are kept to update a message later; the column holds 32 characters."""
    return activity_id if activity_id and len(activity_id) <= 32 else None
