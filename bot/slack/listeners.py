"""Registers every Slack listener on an App: ack first, parse, run the command, render.

Quick replies go back in the acknowledgement itself (the HTTP response to Slack's request), so the
user sees them at once and nothing is posted where others could read it. Forms open with
``views.open``; files go to the user's DM. Listeners log ids and outcomes, never text.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.slack import parse, render
from bot.slack.delivery import send_files_to_dm
from commands import COMMANDS
from commands.router import Router
from commands.types import ActionRequest, Reply, StoreUnavailable, UserError

logger = logging.getLogger(__name__)

ACTION_PATTERN = re.compile(r"^(" + "|".join(re.escape(name) for name in COMMANDS) + r")\.")
NOT_SAVED = "The database is unavailable right now, so nothing was saved. Please try again in a minute."


def register(app: App, *, router: Router) -> None:
    """Attach every listener. No global app: the caller builds one and hands it in."""
    app.command(re.compile(r"^/.+"))(_command_listener(router))
    app.action(ACTION_PATTERN)(_action_listener(router))
    app.view_submission(ACTION_PATTERN)(_form_listener(router))
    app.view_closed(ACTION_PATTERN)(lambda ack: ack())
    app.error(_error_handler)


def _safely(run: Callable[[], Reply]) -> Reply:
    """Turn known, user-fixable failures into replies; anything else reaches Bolt's error handler."""
    try:
        return run()
    except UserError as exc:
        return Reply.simple(str(exc))
    except StoreUnavailable:
        return Reply.simple(NOT_SAVED)


def _command_listener(router: Router) -> Callable[..., None]:
    def on_command(ack: Ack, body: dict[str, Any], context: dict[str, Any], client: WebClient) -> None:
        try:
            request = parse.to_command_request(body, context)
        except parse.PayloadError as exc:
            ack(text=f"Sorry, I could not read that request ({exc}).", response_type="ephemeral")
            return
        reply = _safely(lambda: router.handle(request))
        logger.info("command /%s answered for user %s", request.command, request.actor.user_id)
        if reply.form is not None:
            ack()
            client.views_open(trigger_id=body.get("trigger_id", ""), view=render.render_view(reply.form))
        else:
            ack(response_type="ephemeral", **render.render_message(reply))  # type: ignore[arg-type]
        if reply.files:
            send_files_to_dm(client, user_id=request.actor.user_id, files=reply.files)

    return on_command


def _action_listener(router: Router) -> Callable[..., None]:
    def on_action(
        ack: Ack, body: dict[str, Any], context: dict[str, Any], client: WebClient, respond: Respond
    ) -> None:
        ack()
        request = parse.to_action_request(body, context)
        reply = _safely(lambda: router.act(request))
        logger.info("action %s handled for user %s", request.action_id, request.actor.user_id)
        _deliver_action_reply(reply, request=request, body=body, client=client, respond=respond)

    return on_action


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
            channel = client.conversations_open(users=request.actor.user_id)["channel"]["id"]
            client.chat_postMessage(channel=channel, **message)  # type: ignore[arg-type]
    if reply.files:
        send_files_to_dm(client, user_id=request.actor.user_id, files=reply.files)


def _form_listener(router: Router) -> Callable[..., None]:
    def on_submit(ack: Ack, body: dict[str, Any], context: dict[str, Any], client: WebClient) -> None:
        request = parse.to_form_request(body, context)
        reply = _safely(lambda: router.act(request))
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
            send_files_to_dm(client, user_id=request.actor.user_id, files=reply.files)

    return on_submit


def _error_handler(error: Exception, body: dict[str, Any], logger: logging.Logger) -> None:
    """Log the failure's type and where it happened, never the payload."""
    kind = body.get("type") or ("slash_command" if "command" in body else "unknown")
    logger.error("unhandled %s while handling a %s request", type(error).__name__, kind)
