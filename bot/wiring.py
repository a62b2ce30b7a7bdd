"""Factories that assemble the app from settings: no module-level app, no hidden globals.

``build_services`` makes everything platform-independent (database, keys, repositories, commands);
``build_slack_app`` puts a Bolt app around them. Tests and the CLI call the same two functions.
"""

from __future__ import annotations

import datetime as dt
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from slack_bolt import App
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore

from bot.config import Settings
from bot.home import HomeDesk
from bot.jobs import Runtime, SlackCheckinDesk, SlackSupervisionDesk, build_runtime
from bot.slack import listeners
from bot.slack.deferral import Deferral
from bot.slack.delivery import build_web_client
from bot.slack.lifecycle import LifecycleInstallationStore, lifecycle_middleware
from commands.boundary import BoundaryCommand
from commands.checkin import CheckinCommand
from commands.reflect import ReflectCommand
from commands.router import Command, Router
from commands.supervision import SupervisionCommand
from storage.agenda import AgendaRepository
from storage.boundary_log import BoundaryLogRepository, BufferedBoundaryLog
from storage.crypto import Cipher, Pseudonymizer, build_cipher, build_pseudonymizer
from storage.db import Database
from storage.deidentify import Deidentifier, default_deidentifier
from storage.home import HomeRepository
from storage.models import SLACK_BOTS_TABLE, SLACK_INSTALLATIONS_TABLE, SLACK_OAUTH_STATES_TABLE
from storage.reflections import ReflectionRepository

logger = logging.getLogger(__name__)


@dataclass
class Services:
    """Everything a platform adapter needs, built once per process."""

    settings: Settings
    db: Database
    cipher: Cipher
    pseudonyms: Pseudonymizer
    deidentifier: Deidentifier
    journal: ReflectionRepository
    boundary_log: BoundaryLogRepository
    agenda: AgendaRepository
    router: Router
    runtime: Runtime | None = None
    """Groups, check-ins and digests (jobs shared by commands, CLI and scheduler)."""
    supervision_desk: SlackSupervisionDesk | None = None
    """The scheduler subscribes here to rebuild its jobs when a group changes."""
    home: HomeDesk | None = None
    """Gathers the App Home tab's snapshot."""
    boundary_counts: BufferedBoundaryLog | None = None
    """/boundary's question counts, written in batches off the acknowledgement's path."""

    def close(self) -> None:
        """Write the queued counts, then release database connections."""
        if self.boundary_counts is not None:
            self.boundary_counts.close()
        self.db.dispose()


def build_services(settings: Settings, *, migrate: bool = True) -> Services:
    """Open the database (migrating it), load keys and content, and build the commands."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    db = Database(settings.resolved_database_url)
    if migrate:
        db.upgrade()
    cipher = build_cipher(
        configured=settings.encryption_keys.get_secret_value() if settings.encryption_keys else None,
        data_dir=settings.data_dir,
    )
    pseudonyms = build_pseudonymizer(
        configured=settings.pseudonym_key.get_secret_value() if settings.pseudonym_key else None,
        data_dir=settings.data_dir,
    )
    deidentifier = default_deidentifier()
    journal = ReflectionRepository(db=db, cipher=cipher, pseudonyms=pseudonyms, deidentifier=deidentifier)
    boundary_log = BoundaryLogRepository(db=db)
    boundary_counts = BufferedBoundaryLog(boundary_log)
    agenda = AgendaRepository(db=db, cipher=cipher, pseudonyms=pseudonyms, deidentifier=deidentifier)
    runtime = build_runtime(settings, db=db, cipher=cipher, pseudonyms=pseudonyms, deidentifier=deidentifier)
    supervision_desk = SlackSupervisionDesk(jobs=runtime.jobs)
    commands: list[Command] = [
        BoundaryCommand(log=boundary_counts, agenda=agenda, deidentifier=deidentifier),
        ReflectCommand(journal=journal, deidentifier=deidentifier),
        CheckinCommand(
            desk=SlackCheckinDesk(jobs=runtime.jobs),
            library=runtime.jobs.library,
            clock=lambda: runtime.jobs.clock(),
        ),
        SupervisionCommand(desk=supervision_desk, clock=lambda: runtime.jobs.clock()),
    ]
    return Services(
        settings=settings,
        db=db,
        cipher=cipher,
        pseudonyms=pseudonyms,
        deidentifier=deidentifier,
        journal=journal,
        boundary_log=boundary_log,
        agenda=agenda,
        router=Router(commands),
        runtime=runtime,
        supervision_desk=supervision_desk,
        home=HomeDesk(jobs=runtime.jobs, journal=journal, home=HomeRepository(db=db)),
        boundary_counts=boundary_counts,
    )


def build_slack_app(settings: Settings, services: Services, *, deferral: Deferral | None = None) -> App:
    """A Bolt app in token mode (one workspace) or OAuth mode (many), with every listener.

    With ``deferral``, dilemmas that arrive during a burst are answered after their acknowledgement.
    """
    settings.require_slack()
    signing_secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else ""
    executor = ThreadPoolExecutor(max_workers=settings.listener_threads, thread_name_prefix="listener")
    if settings.oauth_enabled:
        assert settings.slack_client_id and settings.slack_client_secret
        engine = services.db.engine
        lifecycle = services.runtime.lifecycle if services.runtime else None
        installation_store = LifecycleInstallationStore(
            on_install=(lambda workspace: lifecycle.cancel(workspace_id=workspace))
            if lifecycle
            else (lambda _workspace: None),
            client_id=settings.slack_client_id,
            engine=engine,
            bots_table_name=SLACK_BOTS_TABLE,
            installations_table_name=SLACK_INSTALLATIONS_TABLE,
        )
        state_store = SQLAlchemyOAuthStateStore(
            expiration_seconds=600, engine=engine, table_name=SLACK_OAUTH_STATES_TABLE
        )
        oauth_settings = OAuthSettings(
            client_id=settings.slack_client_id,
            client_secret=settings.slack_client_secret.get_secret_value(),
            scopes=[scope.strip() for scope in settings.slack_scopes.split(",") if scope.strip()],
            installation_store=installation_store,
            state_store=state_store,
            redirect_uri=settings.slack_install_redirect_url,
        )
        from slack_bolt.oauth import OAuthFlow

        app = App(
            signing_secret=signing_secret,
            client=build_web_client(base_url=settings.slack_api_url),
            installation_store=installation_store,
            oauth_flow=OAuthFlow(
                client=build_web_client(base_url=settings.slack_api_url), settings=oauth_settings
            ),
            listener_executor=executor,
            process_before_response=True,  # see bot.slack.listeners: answers on the request's thread
            request_verification_enabled=bool(signing_secret),
        )
        app.enable_token_revocation_listeners()
    else:
        assert settings.slack_bot_token is not None
        token = settings.slack_bot_token.get_secret_value()
        app = App(
            signing_secret=signing_secret,
            token=token,
            client=build_web_client(base_url=settings.slack_api_url, token=token),
            listener_executor=executor,
            process_before_response=True,  # see bot.slack.listeners: answers on the request's thread
            token_verification_enabled=False,
            request_verification_enabled=bool(signing_secret),
        )
    runtime = services.runtime
    if runtime is not None and runtime.lifecycle is not None:
        # before the listeners run, in both modes: an uninstall schedules the workspace's deletion
        app.use(
            lifecycle_middleware(
                runtime.lifecycle,
                grace=dt.timedelta(days=settings.uninstall_grace_days),
                clock=lambda: runtime.jobs.clock(),
            )
        )
    listeners.register(
        app,
        router=services.router,
        home=services.home,
        after=listeners.AfterAck(executor),
        deferral=deferral,
    )
    return app
