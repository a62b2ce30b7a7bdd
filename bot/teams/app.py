"""The Teams front door: an AgentApplication on aiohttp, ``POST /api/messages``, token checks by the SDK.

Every activity is handled the same way the Slack listeners handle theirs: parse, run the command
(in a worker thread: commands and storage are synchronous), render, send. Differences Teams
forces, each for a reason:

* Privacy: Teams has no ephemeral messages, so whatever the bot answers to a message in a channel
  or group chat goes to the person's 1:1 chat with the bot, and the channel only hears a
  content-free "I answered you privately".
* Forms are cards. A submitted form's card is replaced in place by the next form or the result,
  as Slack updates a modal; a form with problems comes back as a new card with the messages.
* Proactive messages need a conversation reference, so one is stored (or refreshed) on every
  contact, before anything else happens.

Incoming tokens are validated by the SDK's JWT decorator against the bot's Entra app; the local
testing mode (``TEAMS_ALLOW_ANONYMOUS``) accepts requests without one. Handlers log ids and
outcomes, never text.
"""

from __future__ import annotations

import asyncio
import logging
import re
import secrets
import threading
import time
import warnings
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from microsoft_agents.activity import (
    Activity,
    ActivityTypes,
    AdaptiveCardInvokeResponse,
    ConversationUpdateTypes,
)
from microsoft_agents.hosting.aiohttp import CloudAdapter, jwt_authorization_decorator, start_agent_process
from microsoft_agents.hosting.core import (
    AgentApplication,
    AgentAuthConfiguration,
    Connections,
    MemoryStorage,
    RouteRank,
    TurnContext,
    TurnState,
)
from microsoft_agents.hosting.msteams import TeamsAgentExtension

from bot.config import Settings
from bot.teams import delivery, ids, parse, render
from commands import COMMANDS
from commands.router import Router
from commands.types import (
    ActionRequest,
    BulletList,
    Form,
    Header,
    Notice,
    Paragraph,
    Reply,
    StoreUnavailable,
)
from storage.teams import KIND_CHANNEL, KIND_CONTACT, KIND_PERSONAL, TeamsConversationRepository

logger = logging.getLogger(__name__)

MESSAGES_PATH = "/api/messages"
MAX_BODY_BYTES = 1_000_000
FORM_TTL_SECONDS = 30 * 60
FORM_CACHE_SIZE = 1000
PRIVATE_NOTE = "I answered you in our 1:1 chat, so only you can see it."


class FormCache:
    """Forms recently sent, by token, so a form with problems can be shown again with messages.

    Memory only, bounded and short-lived: a form may show what de-identification removed (for the
    writer's review), and that must never be written anywhere. A miss (restart, another replica)
    falls back to listing the problems.
    """

    def __init__(self, *, ttl: float = FORM_TTL_SECONDS, size: int = FORM_CACHE_SIZE) -> None:
        self._ttl = ttl
        self._size = size
        self._forms: OrderedDict[str, tuple[float, Form]] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, form: Form) -> str:
        """Remember a form; returns the token its submit button carries."""
        token = secrets.token_urlsafe(12)
        now = time.monotonic()
        with self._lock:
            self._forms[token] = (now, form)
            while len(self._forms) > self._size:
                self._forms.popitem(last=False)
        return token

    def get(self, token: str) -> Form | None:
        """The form sent with this token, if still remembered."""
        now = time.monotonic()
        with self._lock:
            entry = self._forms.get(token)
            if entry is None or now - entry[0] > self._ttl:
                self._forms.pop(token, None)
                return None
            return entry[1]


def help_reply() -> Reply:
    """What the bot says to a message that is not one of its commands."""
    items = tuple(f"{spec.name} {spec.usage_hint}: {spec.description}" for spec in COMMANDS.values())
    return Reply(
        text="How to talk to the supervision bot",
        blocks=(
            Header("Supervision bot"),
            BulletList("Type one of these", items),
            Notice("In a channel, @mention me first; I answer privately, in our 1:1 chat."),
        ),
    )


@dataclass
class Outgoing:
    """What to send for a reply: cards in order, and whether the first replaces the submitted card."""

    activities: list[Activity]
    replace_submitted: bool = False


class TeamsBot:
    """The AgentApplication with every route, over the platform-neutral router."""

    def __init__(
        self,
        *,
        settings: Settings,
        router: Router,
        conversations: TeamsConversationRepository,
        connections: Connections,
        adapter: CloudAdapter,
        forms: FormCache | None = None,
    ) -> None:
        self.settings = settings
        self.router = router
        self.conversations = conversations
        self.adapter = adapter
        self.auth_configuration: AgentAuthConfiguration = delivery.auth_configuration(settings, connections)
        self.forms = forms or FormCache()
        self.app_id = settings.teams_app_id or ""
        self.agent = AgentApplication[TurnState](
            storage=MemoryStorage(),
            connection_manager=connections,
            start_typing_timer=False,
            remove_recipient_mention=True,
        )
        self.teams = TeamsAgentExtension[TurnState](self.agent)
        self._register()

    # ---------------------------------------------------------------- routes

    def _register(self) -> None:
        self.teams.activity(ActivityTypes.message)(self._on_message)
        self.teams.conversation_update(ConversationUpdateTypes.MEMBERS_ADDED)(self._on_members_added)
        self.teams.installation_update()(self._on_installation_update)
        self.agent.adaptive_card.action_execute(re.compile(r".*"))(self._on_execute)
        # matched last: otherwise the SDK logs unmatched activities, text included
        self.agent.add_route(lambda _context: True, self._ignore, rank=RouteRank.LAST)

    async def _ignore(self, _context: TurnContext, _state: TurnState) -> None:
        return None

    async def _on_message(self, context: TurnContext, _state: TurnState) -> None:
        activity = context.activity
        try:
            actor = parse.actor_of(activity)
        except parse.PayloadError as exc:
            logger.warning("ignored a Teams message: %s", exc)
            return
        await self._remember(activity)
        if parse.is_card_action(activity):
            await self._on_card(context)
            return
        resolved = await self._resolve_mentions(context)
        request = parse.to_command_request(activity, resolved=resolved)
        if request is None:
            await self._send(context, self._outgoing(help_reply()))
            return
        reply = await asyncio.to_thread(self.router.handle, request)
        logger.info("command /%s answered for user %s", request.command, actor.user_id)
        await self._send(context, self._outgoing(reply))

    async def _on_card(self, context: TurnContext) -> None:
        action = parse.to_card_action(context.activity)
        request = action.request
        reply = await asyncio.to_thread(self.router.act, request)
        if action.is_form:
            logger.info("form %s submitted by user %s", request.action_id, request.actor.user_id)
            await self._send(context, self._after_submit(reply, action))
        else:
            logger.info("action %s handled for user %s", request.action_id, request.actor.user_id)
            await self._send(context, self._outgoing(reply))

    async def _on_execute(
        self, context: TurnContext, _state: TurnState, data: Any
    ) -> AdaptiveCardInvokeResponse:
        """Action.Execute: the answer is the card that replaces the one pressed."""
        try:
            action = parse.to_card_action(context.activity)
        except parse.PayloadError:
            return AdaptiveCardInvokeResponse(
                status_code=400, type="application/vnd.microsoft.error", value={}
            )
        await self._remember(context.activity)
        request = action.request
        reply = await asyncio.to_thread(self.router.act, request)
        logger.info("card action %s executed for user %s", request.action_id, request.actor.user_id)
        outgoing = self._after_submit(reply, action) if action.is_form else self._outgoing(reply)
        card = _first_card(outgoing.activities) or render.render_card(Reply.simple("Done."))
        return AdaptiveCardInvokeResponse(status_code=200, type=render.CARD_CONTENT_TYPE, value=card)

    async def _on_members_added(self, context: TurnContext, _state: TurnState) -> None:
        activity = context.activity
        await self._remember(activity)
        bot_id = activity.recipient.id if activity.recipient else None
        added_bot = any(member.id == bot_id for member in activity.members_added or [])
        if added_bot and parse.is_personal(activity):
            await context.send_activity(delivery.card_activity(render.render_card(help_reply())))

    async def _on_installation_update(self, context: TurnContext, _state: TurnState) -> None:
        activity = context.activity
        if (activity.action or "").startswith("remove"):
            await asyncio.to_thread(self._forget, activity)
        else:
            await self._remember(activity)

    # ---------------------------------------------------------------- replies

    def _form_activity(
        self, form: Form, *, errors: dict[str, str] | None = None, values: dict[str, str] | None = None
    ) -> Activity:
        card = render.render_form(form, token=self.forms.put(form), errors=errors, values=values)
        return delivery.card_activity(card, summary=form.title)

    def _outgoing(self, reply: Reply) -> Outgoing:
        """A command's or button's reply: the form it opens, or its card; then its files."""
        activities: list[Activity] = []
        form = reply.form or reply.next_form
        if form is not None:
            activities.append(self._form_activity(form))
        elif reply.blocks or reply.text:
            activities.append(delivery.card_activity(render.render_card(reply), summary=reply.text))
        activities.extend(delivery.file_activity(f) for f in reply.files)
        return Outgoing(activities)

    def _after_submit(self, reply: Reply, action: parse.CardAction) -> Outgoing:
        """A form's answer: errors as a new card; otherwise the submitted card is replaced."""
        request = action.request
        if reply.form_errors:
            errors = dict(reply.form_errors)
            form = self.forms.get(action.form_token) if action.form_token else None
            if form is not None:
                return Outgoing([self._form_activity(form, errors=errors, values=dict(request.values))])
            return Outgoing([delivery.card_activity(render.render_card(_problems(request, errors)))])
        files = [delivery.file_activity(f) for f in reply.files]
        if reply.next_form is not None or reply.form is not None:
            form = reply.next_form or reply.form
            assert form is not None
            return Outgoing(
                [self._form_activity(form), *files], replace_submitted=reply.next_form is not None
            )
        shown = reply if (reply.blocks or reply.text) else Reply.simple("Done.")
        card = delivery.card_activity(render.render_card(shown), summary=shown.text)
        return Outgoing([card, *files], replace_submitted=True)

    async def _send(self, context: TurnContext, outgoing: Outgoing) -> None:
        """Send in a 1:1 chat; from a channel or group chat, privately, with a note in the channel."""
        activities = list(outgoing.activities)
        if not activities:
            return
        activity = context.activity
        if not parse.is_personal(activity):
            await self._send_privately(context, activities)
            await context.send_activity(
                delivery.card_activity(render.render_card(Reply.simple(PRIVATE_NOTE)))
            )
            return
        if outgoing.replace_submitted and activity.reply_to_id:
            first = activities.pop(0).model_copy(deep=True)
            first.id = activity.reply_to_id
            first.conversation = activity.conversation
            try:
                await context.update_activity(first)
            except Exception as exc:  # an old card may no longer be editable: send it anew
                logger.info("could not replace a submitted card (%s); sending a new one", type(exc).__name__)
                activities.insert(0, first)
        for item in activities:
            await context.send_activity(item)

    async def _send_privately(self, context: TurnContext, activities: list[Activity]) -> None:
        activity = context.activity
        workspace = ids.workspace_id(parse.tenant_of(activity))
        user = parse.user_of(activity.from_property)
        known = await asyncio.to_thread(self.conversations.get, workspace, user)
        if known is not None and known.kind == KIND_PERSONAL:
            await delivery.send_to_reference(self.adapter, self.app_id, known.reference, activities)
            return
        contact = delivery.stored_reference(activity)
        created, _sent = await delivery.open_personal_chat(self.adapter, self.app_id, contact, activities)
        if created:
            await asyncio.to_thread(
                self.conversations.remember,
                workspace_id=workspace,
                target_id=user,
                kind=KIND_PERSONAL,
                reference=created,
            )

    # ---------------------------------------------------------------- references and mentions

    async def _remember(self, activity: Activity) -> None:
        """Store or refresh where this person (and channel) can be reached later."""
        try:
            workspace = ids.workspace_id(parse.tenant_of(activity))
            user = parse.user_of(activity.from_property)
        except parse.PayloadError:
            return
        reference = delivery.stored_reference(activity)
        zone = parse.timezone_of(activity)
        personal = parse.is_personal(activity)

        def write() -> None:
            self.conversations.remember(
                workspace_id=workspace,
                target_id=user,
                kind=KIND_PERSONAL if personal else KIND_CONTACT,
                reference=reference,
                timezone=zone,
            )
            key = parse.conversation_key(activity)
            if key is not None:
                channel = {k: v for k, v in reference.items() if k != "user"}
                self.conversations.remember(
                    workspace_id=workspace, target_id=key, kind=KIND_CHANNEL, reference=channel
                )

        try:
            await asyncio.to_thread(write)
        except StoreUnavailable:
            logger.warning("could not store a Teams conversation reference: database unavailable")

    def _forget(self, activity: Activity) -> None:
        try:
            workspace = ids.workspace_id(parse.tenant_of(activity))
            target = parse.conversation_key(activity) or parse.user_of(activity.from_property)
        except parse.PayloadError:
            return
        self.conversations.forget(workspace, target)

    async def _resolve_mentions(self, context: TurnContext) -> dict[str, str]:
        """Entra object ids of mentioned people whose mention did not carry one (roster lookup)."""
        wanted = parse.mentioned_accounts(context.activity)
        if not wanted or context.activity.conversation is None:
            return {}
        found: dict[str, str] = {}
        try:
            members = self.teams.get_teams_api_client(context).conversations.members(
                context.activity.conversation.id
            )
            for account_id in wanted:
                member = await members.get(account_id)
                aad = getattr(member, "aad_object_id", None)
                if isinstance(aad, str) and aad:
                    found[account_id] = aad
        except Exception as exc:  # a failed lookup leaves the mention unresolved, never fails the command
            logger.info("could not resolve mentions: %s", type(exc).__name__)
        return found

    # ---------------------------------------------------------------- HTTP

    async def handle(self, request: web.Request) -> web.StreamResponse:
        """``POST /api/messages`` (after the SDK's JWT check)."""
        response = await start_agent_process(request, self.agent, self.adapter)
        return response if response is not None else web.Response(status=202)


def _first_card(activities: list[Activity]) -> dict[str, Any] | None:
    for activity in activities:
        for attachment in activity.attachments or []:
            if attachment.content_type == render.CARD_CONTENT_TYPE and isinstance(attachment.content, dict):
                return attachment.content
    return None


def _problems(request: ActionRequest, errors: dict[str, str]) -> Reply:
    """Errors without the form (it is no longer remembered): fix them in the card above."""
    items = tuple(f"{name}: {message}" for name, message in errors.items())
    return Reply(
        text="Please check your answers",
        blocks=(
            Paragraph("Please fix these in the card above and press its button again:"),
            BulletList("", items),
        ),
    )


def build_teams_bot(settings: Settings, *, router: Router, db: Any) -> TeamsBot:
    """The bot over the app's router and database, with connections and adapter from settings."""
    connections = delivery.build_connections(settings)
    return TeamsBot(
        settings=settings,
        router=router,
        conversations=TeamsConversationRepository(db=db),
        connections=connections,
        adapter=delivery.build_adapter(settings, connections),
    )


def build_web_app(bot: TeamsBot, *, health: Callable[[], bool]) -> web.Application:
    """``POST /api/messages`` behind the SDK's token validation, and an open ``GET /healthz``."""
    app = web.Application(client_max_size=MAX_BODY_BYTES)
    with warnings.catch_warnings():
        # the SDK's JWT check reads this exact string key, so it cannot be an aiohttp AppKey
        warnings.simplefilter("ignore", web.NotAppKeyWarning)
        app["agent_configuration"] = bot.auth_configuration

    @jwt_authorization_decorator
    async def messages(request: web.Request) -> web.StreamResponse:
        return await bot.handle(request)

    async def healthz(_request: web.Request) -> web.Response:
        ok = await asyncio.to_thread(health)
        return web.Response(status=200 if ok else 503, text="ok\n" if ok else "database unavailable\n")

    app.router.add_post(MESSAGES_PATH, messages)
    app.router.add_get("/healthz", healthz)
    return app


def serve_teams(
    settings: Settings, bot: TeamsBot, *, host: str, port: int, health: Callable[[], bool]
) -> None:
    """Serve until SIGINT/SIGTERM (aiohttp handles both)."""
    logger.info("listening on http://%s:%s%s", host, port, MESSAGES_PATH)
    # no access log, as on the Slack side: request lines add nothing the handlers do not log
    web.run_app(build_web_app(bot, health=health), host=host, port=port, print=None, access_log=None)
