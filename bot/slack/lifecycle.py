"""Slack's side of a workspace's data lifecycle: notice uninstalls and reinstalls, purge after the grace.

* ``app_uninstalled`` (and ``tokens_revoked`` naming the bot token) are recorded as a pending
  deletion by a global middleware, so it happens whichever listener then answers the event: in
  OAuth mode Bolt's own revocation listeners delete the stored tokens; in token mode there is no
  installation store, and the record is all that happens at once.
* A reinstall through the OAuth flow saves an installation; :class:`LifecycleInstallationStore`
  cancels the pending deletion right then.
* The daily purge deletes a workspace's data once its grace has passed, but first asks Slack
  whether the workspace has a working bot token again (``auth.test``): in token mode a reinstall
  is only visible that way, and deleting a workspace that came back would be the worst mistake.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping
from typing import Any

from slack_sdk.errors import SlackApiError, SlackRequestError
from slack_sdk.oauth.installation_store import Installation
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore

from bot.slack import fanout, parse
from storage.lifecycle import EVENT_TOKENS_REVOKED, EVENT_UNINSTALLED, WorkspaceLifecycleRepository

logger = logging.getLogger(__name__)

LIFECYCLE_EVENTS = (EVENT_UNINSTALLED, EVENT_TOKENS_REVOKED)


def uninstall_event(body: Mapping[str, Any]) -> str | None:
    """The lifecycle event a request carries, if it means the bot lost the workspace.

    ``tokens_revoked`` that names only user tokens leaves the bot installed, so it is not one.
    """
    if body.get("type") != "event_callback":
        return None
    event = body.get("event")
    if not isinstance(event, Mapping):
        return None
    kind = event.get("type")
    if kind == EVENT_UNINSTALLED:
        return EVENT_UNINSTALLED
    if kind == EVENT_TOKENS_REVOKED:
        tokens = event.get("tokens")
        bots = tokens.get("bot") if isinstance(tokens, Mapping) else None
        return EVENT_TOKENS_REVOKED if bots else None
    return None


def lifecycle_middleware(
    lifecycle: WorkspaceLifecycleRepository, *, grace: dt.timedelta, clock: Callable[[], dt.datetime]
) -> Callable[..., None]:
    """A Bolt global middleware recording uninstalls; every request passes on to the listeners."""

    def record_uninstall(body: dict[str, Any], context: dict[str, Any], next: Callable[[], None]) -> None:
        # Bolt injects middleware arguments by name, so the continuation must be called ``next``.
        event = uninstall_event(body)
        if event is not None:
            try:
                workspace = parse.workspace_of(body, context)
                pending = lifecycle.record_uninstall(
                    workspace_id=workspace, event=event, now=clock(), grace=grace
                )
                logger.info("workspace %s: %s, data deleted after %s", workspace, event, pending.purge_after)
            except Exception:  # the event must still reach Bolt's token removal
                logger.exception("could not record %s", event)
        next()

    return record_uninstall


class LifecycleInstallationStore(SQLAlchemyInstallationStore):
    """The SQLAlchemy installation store, telling the lifecycle when a workspace (re)installs."""

    def __init__(self, *, on_install: Callable[[str], object], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._on_install = on_install

    def save(self, installation: Installation) -> None:
        """Store the installation, then cancel any pending deletion of its workspace."""
        super().save(installation)
        workspace = (
            installation.enterprise_id
            if installation.is_enterprise_install and installation.enterprise_id
            else installation.team_id
        )
        if workspace:
            self._on_install(workspace)


def bot_token_works(clients: fanout.ClientFactory, workspace_id: str) -> bool | None:
    """Whether the workspace has a working bot token: True, False, or None when Slack can't say now."""
    try:
        client = clients.for_workspace(workspace_id)
    except fanout.NoToken:
        return False
    try:
        response = client.auth_test()
    except SlackApiError as exc:
        status = getattr(exc.response, "status_code", 200)
        if status == 429 or status >= 500:
            return None
        data = getattr(exc.response, "data", None)
        error = data.get("error") if isinstance(data, dict) else None
        return None if error in (None, "ratelimited", "fatal_error", "internal_error") else False
    except (SlackRequestError, OSError):
        return None
    return workspace_id in (response.get("team_id"), response.get("enterprise_id"))


def purge_uninstalled(
    lifecycle: WorkspaceLifecycleRepository, *, clients: fanout.ClientFactory, now: dt.datetime
) -> int:
    """Delete the data of every workspace whose grace has passed and that did not come back.

    Returns the number of rows removed. A workspace with a working token again is a reinstall:
    its pending deletion is cancelled. When Slack cannot answer, the workspace waits for the next
    run rather than being deleted on a guess.
    """
    removed = 0
    for pending in lifecycle.due(now=now):
        works = bot_token_works(clients, pending.workspace_id)
        if works is None:
            logger.warning("workspace %s: could not check its token; purge postponed", pending.workspace_id)
            continue
        if works:
            lifecycle.cancel(workspace_id=pending.workspace_id)
            logger.info("workspace %s is installed again; deletion cancelled", pending.workspace_id)
            continue
        count = lifecycle.purge_workspace(workspace_id=pending.workspace_id, now=now)
        logger.info("workspace %s: %d rows deleted after the uninstall grace", pending.workspace_id, count)
        removed += count
    return removed
