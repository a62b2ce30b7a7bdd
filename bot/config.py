"""Settings, read once from the environment (and an optional ``.env``) in :func:`bot.cli.main`.

Nothing else in the code base reads ``os.environ``: every module receives the values it needs, so
tests can pass settings explicitly and a developer's real tokens never leak into a test run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_SLACK_API_URL = "https://slack.com/api/"
DEFAULT_SCOPES = (
    "commands",
    "chat:write",
    "im:write",
    "users:read",
    "channels:read",
    "groups:read",
    "files:write",
    "im:history",
)
"""``im:history`` lets the bot read its own DMs' message metadata after an interrupted send, so the
retry does not send a check-in twice (``fanout.find_marked_dm``); only markers are compared, and
the messages it receives are neither kept nor logged."""


TEAMS_SDK_SETTINGS = "CONNECTIONS__SERVICE_CONNECTION__SETTINGS__"
"""Prefix of the Microsoft 365 Agents SDK's own variable names for the bot's Entra app."""


class ConfigError(Exception):
    """The configuration cannot start the bot; the message names the variable to fix."""


class Settings(BaseSettings):
    """Every setting the bot knows, with its environment variable name.

    Secrets are :class:`SecretStr` so they never show up in a repr or a log line.
    """

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    slack_bot_token: SecretStr | None = Field(default=None, description="xoxb- token (single workspace)")
    slack_signing_secret: SecretStr | None = Field(default=None, description="verifies Slack's requests")
    slack_app_token: SecretStr | None = Field(default=None, description="xapp- token: Socket Mode")
    slack_client_id: str | None = Field(default=None, description="OAuth: multi-workspace installs")
    slack_client_secret: SecretStr | None = None
    slack_scopes: str = ",".join(DEFAULT_SCOPES)
    slack_api_url: str = DEFAULT_SLACK_API_URL
    slack_install_redirect_url: str | None = None

    database_url: str | None = Field(default=None, description="default: SQLite file in DATA_DIR")
    data_dir: Path = Path("data")

    encryption_keys: SecretStr | None = Field(
        default=None, description="comma-separated Fernet keys, newest first (rotation)"
    )
    pseudonym_key: SecretStr | None = Field(default=None, description="HMAC key for author pseudonyms")

    # Microsoft Teams (the optional [teams] extra). Read under the Agents SDK's own names, and
    # under the Bot Framework names Azure Bot and Teams Toolkit templates still write.
    teams_app_id: str | None = Field(
        default=None,
        validation_alias=AliasChoices(
            TEAMS_SDK_SETTINGS + "CLIENTID", "MicrosoftAppId", "TEAMS_APP_ID", "teams_app_id"
        ),
        description="the bot's Entra app (client) id",
    )
    teams_app_password: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices(
            TEAMS_SDK_SETTINGS + "CLIENTSECRET",
            "MicrosoftAppPassword",
            "TEAMS_APP_PASSWORD",
            "teams_app_password",
        ),
        description="the app's client secret",
    )
    teams_tenant_id: str | None = Field(
        default=None,
        validation_alias=AliasChoices(
            TEAMS_SDK_SETTINGS + "TENANTID", "MicrosoftAppTenantId", "TEAMS_TENANT_ID", "teams_tenant_id"
        ),
        description="the app's home tenant (single-tenant bots)",
    )
    teams_auth_type: str = Field(
        default="ClientSecret",
        validation_alias=AliasChoices(TEAMS_SDK_SETTINGS + "AUTHTYPE", "TEAMS_AUTH_TYPE", "teams_auth_type"),
        description="the SDK's AuthTypes value, e.g. ClientSecret or UserManagedIdentity",
    )
    teams_allow_anonymous: bool = Field(
        default=False,
        description="local testing only: accept unauthenticated requests from any service URL",
    )

    host: str = "127.0.0.1"
    port: int = Field(default=3000, ge=0, le=65535)
    listener_threads: int = Field(default=32, ge=4, le=512)
    http_threads: int = Field(default=16, ge=2, le=256)
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    scheduler_enabled: bool = True
    scheduler_lease_seconds: int = Field(
        default=90, ge=2, le=3600, description="how long a dead leader keeps the scheduler lease"
    )
    scheduler_renew_seconds: int = Field(
        default=30, ge=1, le=1800, description="how often the leader renews (and a standby tries) the lease"
    )
    delivery_claim_seconds: int = Field(
        default=600, ge=1, le=86400, description="a send claim older than this belongs to a dead process"
    )
    fanout_senders: int = Field(
        default=4, ge=1, le=32, description="check-in and reminder messages in flight at once per fan-out"
    )
    delivery_retry_seconds: int = Field(
        default=120, ge=1, le=86400, description="how often failed and interrupted deliveries are retried"
    )
    slack_api_timeout: int = Field(default=15, ge=1, le=300, description="seconds per Web API call")
    uninstall_grace_days: int = Field(
        default=30, ge=0, le=3650, description="days after an uninstall before the workspace's data goes"
    )

    @field_validator("slack_api_url")
    @classmethod
    def _api_url_ends_with_slash(cls, value: str) -> str:
        """slack_sdk joins method names onto the base URL, so it must end with a slash."""
        if not value.startswith(("http://", "https://")):
            raise ValueError("must be an http(s) URL, e.g. https://slack.com/api/")
        return value if value.endswith("/") else value + "/"

    @model_validator(mode="after")
    def _renew_before_the_lease_runs_out(self) -> Settings:
        """A leader that renews less often than its lease lasts would lose it while alive."""
        if self.scheduler_renew_seconds >= self.scheduler_lease_seconds:
            raise ValueError("SCHEDULER_RENEW_SECONDS must be shorter than SCHEDULER_LEASE_SECONDS")
        return self

    @property
    def resolved_database_url(self) -> str:
        """The database URL, defaulting to an embedded SQLite file in the data folder."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'supervision-bot.db').resolve()}"

    @property
    def oauth_enabled(self) -> bool:
        """Multi-workspace mode: installs through Slack's OAuth flow, tokens in the database."""
        return bool(self.slack_client_id and self.slack_client_secret)

    @property
    def slack_configured(self) -> bool:
        """Whether enough is set to talk to Slack at all (otherwise `run` opens the console)."""
        return bool(self.slack_signing_secret or self.slack_app_token) and bool(
            self.slack_bot_token or self.oauth_enabled
        )

    def require_slack(self) -> None:
        """Fail with the names of the missing variables, before anything starts."""
        missing: list[str] = []
        if not (self.slack_bot_token or self.oauth_enabled):
            missing.append("SLACK_BOT_TOKEN (or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET for OAuth)")
        if not self.slack_signing_secret and not self.slack_app_token:
            missing.append("SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode)")
        if self.slack_client_id and not self.slack_client_secret:
            missing.append("SLACK_CLIENT_SECRET (SLACK_CLIENT_ID is set)")
        if self.slack_app_token and not self.slack_app_token.get_secret_value().startswith("xapp-"):
            raise ConfigError("SLACK_APP_TOKEN must be an app-level token starting with xapp-")
        if missing:
            raise ConfigError("missing setting(s): " + "; ".join(missing))

    @property
    def teams_configured(self) -> bool:
        """Whether Teams can be served or messaged (credentials, or the local anonymous mode)."""
        return bool(self.teams_app_id) or self.teams_allow_anonymous

    def require_teams(self) -> None:
        """Fail with the names of the missing Teams variables, before anything starts."""
        if self.teams_allow_anonymous:
            return
        missing: list[str] = []
        if not self.teams_app_id:
            missing.append(f"{TEAMS_SDK_SETTINGS}CLIENTID (or MicrosoftAppId)")
        if not self.teams_app_password and self.teams_auth_type == "ClientSecret":
            missing.append(f"{TEAMS_SDK_SETTINGS}CLIENTSECRET (or MicrosoftAppPassword)")
        if missing:
            raise ConfigError("missing Teams setting(s): " + "; ".join(missing))


def load_settings(**overrides: object) -> Settings:
    """Read and validate settings, turning pydantic's report into one line per bad variable."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            name = "_".join(str(part) for part in error["loc"]).upper() or "settings"
            problems.append(f"{name}: {error['msg']}")
        raise ConfigError("invalid configuration: " + "; ".join(problems)) from None
