"""Registers every Slack listener on an App: ack first, parse, run the command, render.

Quick replies go back in the acknowledgement itself (the HTTP response to Slack's request), so the
user sees them at once and nothing is posted where others could read it. Forms open with
``views.open``; files go to the user's DM. The App Home tab is published with ``views.publish``
when opened and again after a button on it was pressed. Listeners log ids and outcomes, never text.

The app runs listeners on the request's own thread (Bolt's ``process_before_response``): the
answer is computed where the request arrived, and Slack's request is answered when the listener
returns, with no hand-over to another thread and no polling for the acknowledgement (Bolt's
default checks every 10 ms). Whatever follows an acknowledgement (opening a form, a response_url
message, a DM, the Home tab) is handed to :class:`AfterAck`, so that it never delays the answer.
While requests overlap, a /boundary dilemma is acknowledged with a notice and answered right
after through its response_url (:mod:`bot.slack.deferral`), so a burst never holds up Slack's
acknowledgements.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import re
from collections.abc import Callable
from concurrent.futures import Executor
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.slack import fanout, parse, render
from bot.slack.deferral import ANSWER_FOLLOWS, Deferral
from bot.slack.delivery import send_files_to_dm
from commands import COMMANDS
from commands.home import HomeSource, build_home
from commands.router import Router
from commands.types import ActionRequest, Actor, Block, CommandRequest, Paragraph, Reply, StoreUnavailable

logger = logging.getLogger(__name__)

DEFERRED_UNDER_LOAD = frozenset({"boundary"})
"""Commands whose answer is computed (the risk check and the classifier) rather than read from
the database: the ones worth answering after the acknowledgement when requests overlap."""

ACTION_PATTERN = re.compile(r"^(" + "|".join(re.escape(name) for name in COMMANDS) + r")\.")


HOME_UNAVAILABLE = (
    "Your Home tab is unavailable right now (the database did not answer). Please come back soon."
)


class AfterAck:
    """Runs what follows an acknowledgement on a pool, off the thread that answers Slack.

    A failure is logged by its type and the kind of request, never with the payload, as Bolt's
    error handler does for the listeners themselves.
    """

    def __init__(self, executor: Executor) -> None:
        self._executor = executor

    def __call__(self, kind: str, work: Callable[[], object]) -> None:
        """Start ``work`` for a request of ``kind`` (for the log)."""
        self._executor.submit(self._run, kind, work)

    @staticmethod
    def _run(kind: str, work: Callable[[], object]) -> None:
        try:
            work()
        except Exception as exc:
            logger.error("unhandled %s after acknowledging a %s request", type(exc).__name__, kind)


def register(
    app: App,
    *,
    router: Router,
    after: AfterAck,
    home: HomeSource | None = None,
    deferral: Deferral | None = None,
) -> None:
    """Attach every listener. No global app: the caller builds one and hands it in.

    The app must process before responding (see the module docstring); ``after`` runs the rest.
    Without ``deferral`` every command is answered in its acknowledgement.
    """
    app.command(re.compile(r"^/.+"))(_command_listener(router, after, deferral))
    app.action(ACTION_PATTERN)(_action_listener(router, home, after))
    app.view_submission(ACTION_PATTERN)(_form_listener(router, after))
    app.view_closed(ACTION_PATTERN)(lambda ack: ack())
    if home is not None:
        app.event("app_home_opened")(_home_listener(home, after))
    # Uninstalls are recorded by the lifecycle middleware (bot.slack.lifecycle). In OAuth mode
    # Bolt's revocation listeners were registered first and answer these events (removing the
    # tokens); in token mode nothing else would, and an unanswered event is retried by Slack.
    app.event("app_uninstalled")(_nothing_more)
    app.event("tokens_revoked")(_nothing_more)
    app.error(_error_handler)


def _nothing_more() -> None:
    """An event fully handled by middleware; Bolt acknowledges events itself."""


def _command_listener(router: Router, after: AfterAck, deferral: Deferral | None) -> Callable[..., None]:
    def on_command(ack: Ack, body: dict[str, Any], context: dict[str, Any], client: WebClient) -> None:
        try:
            request = parse.to_command_request(body, context)
        except parse.PayloadError as exc:
            ack(text=f"Sorry, I could not read that request ({exc}).", response_type="ephemeral")
            return
        response_url = body.get("response_url")
        if deferral is not None and isinstance(response_url, str) and _defer(request, deferral):
            ack(text=ANSWER_FOLLOWS, response_type="ephemeral")
            deferral.answers.submit(
                kind=request.command,
                user_id=request.actor.user_id,
                response_url=response_url,
                answer=functools.partial(_deferred_message, router, request),
            )
            user = request.actor.user_id
            logger.info("command /%s acknowledged for user %s, answer follows", request.command, user)
            return
        reply = router.handle(request)
        logger.info("command /%s answered for user %s", request.command, request.actor.user_id)
        if reply.form is not None:
            ack()
            view = render.render_view(reply.form)
            trigger = body.get("trigger_id", "")
            after("slash_command", functools.partial(client.views_open, trigger_id=trigger, view=view))
        else:
            ack(response_type="ephemeral", **render.render_message(reply))  # type: ignore[arg-type]
        if reply.files:
            user = request.actor.user_id
            after(
                "slash_command", functools.partial(send_files_to_dm, client, user_id=user, files=reply.files)
            )

    return on_command


def _defer(request: CommandRequest, deferral: Deferral) -> bool:
    """A dilemma to answer (not a request for help) while requests overlap and the backlog has room."""
    if request.command not in DEFERRED_UNDER_LOAD or not request.text:
        return False
    return deferral.gauge.busy() and deferral.answers.has_room()


def _deferred_message(router: Router, request: CommandRequest) -> dict[str, object]:
    """The command's answer as a message, computed on the deferral worker."""
    return render.render_message(router.handle(request))


def _action_listener(router: Router, home: HomeSource | None, after: AfterAck) -> Callable[..., None]:
    def on_action(
        ack: Ack, body: dict[str, Any], context: dict[str, Any], client: WebClient, respond: Respond
    ) -> None:
        ack()
        after("block_actions", lambda: _handle_action(router, home, body, context, client, respond))

    return on_action


def _handle_action(
    router: Router,
    home: HomeSource | None,
    body: dict[str, Any],
    context: dict[str, Any],
    client: WebClient,
    respond: Respond,
) -> None:
    """A button press, after its acknowledgement: run it, deliver the reply, refresh the Home tab."""
    request = parse.to_action_request(body, context)
    reply = router.act(request)
    logger.info("action %s handled for user %s", request.action_id, request.actor.user_id)
    _deliver_action_reply(reply, request=request, body=body, client=client, respond=respond)
    if home is not None and parse.is_home_action(body):
        # the tab shows state (snooze, reminders, counts): show it as it is now
        publish_home(client, home, request.actor)


def _home_listener(home: HomeSource, after: AfterAck) -> Callable[..., None]:
    def on_home_opened(body: dict[str, Any], context: dict[str, Any], client: WebClient) -> None:
        actor = parse.to_home_actor(body, context)
        if actor is None:
            return
        after("app_home_opened", functools.partial(publish_home, client, home, actor))

    return on_home_opened


def publish_home(client: WebClient, home: HomeSource, actor: Actor) -> None:
    """Build the person's Home tab in their own zone (``users.info``) and publish it."""
    tz = fanout.user_timezone(client, user_id=actor.user_id)
    blocks: tuple[Block, ...]
    try:
        blocks = build_home(home.snapshot(dataclasses.replace(actor, tz=tz)))
    except StoreUnavailable:
        blocks = (Paragraph(HOME_UNAVAILABLE),)
    client.views_publish(user_id=actor.user_id, view=render.render_home(blocks))
    logger.info("home tab published for user %s", actor.user_id)


def _deliver_action_reply(
    reply: Reply, *, request: ActionRequest, body: dict[str, Any], client: WebClient, respond: Respond
) -> None:
    in_modal = isinstance(body.get("view"), dict) and body["view"].get("type") == "modal"
    if reply.form is not None:
        view = render.render_view(reply.form)
        if in_modal:
            client.views_push(trigger_id=body.get("trigger_id", ""), view=view)
        else:
            client.views_open(trigger_id=body.get("trigger_id", ""), view=view)
    elif reply.blocks or reply.text:
        message = render.render_message(reply)
        if body.get("response_url"):
            respond(response_type="ephemeral", replace_original=False, **message)  # type: ignore[arg-type]
        else:
            client.chat_postMessage(channel=request.actor.user_id, **message)  # type: ignore[arg-type]
    if reply.files:
        send_files_to_dm(client, user_id=request.actor.user_id, files=reply.files)


def _form_listener(router: Router, after: AfterAck) -> Callable[..., None]:
    def on_submit(ack: Ack, body: dict[str, Any], context: dict[str, Any], client: WebClient) -> None:
        request = parse.to_form_request(body, context)
        reply = router.act(request)
        logger.info("form %s submitted by user %s", request.action_id, request.actor.user_id)
        if reply.form_errors:
            ack(response_action="errors", errors=dict(reply.form_errors))
        elif reply.next_form is not None:
            ack(response_action="update", view=render.render_view(reply.next_form))
        elif reply.close_form or not (reply.blocks or reply.text):
            ack(response_action="clear" if reply.close_form else None)
        else:
            ack(response_action="update", view=render.render_notice_view(reply))
        if reply.files:
            user = request.actor.user_id
            after(
                "view_submission",
                functools.partial(send_files_to_dm, client, user_id=user, files=reply.files),
            )

    return on_submit


def _error_handler(error: Exception, body: dict[str, Any], logger: logging.Logger) -> None:
    """Log the failure's type and where it happened, never the payload."""
    kind = body.get("type") or ("slash_command" if "command" in body else "unknown")
    logger.error("unhandled %s while handling a %s request", type(error).__name__, kind)
