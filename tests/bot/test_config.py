"""Settings: validated once, with errors that name the variable to fix."""

from __future__ import annotations

import pytest

from bot.config import ConfigError, Settings, load_settings


def test_defaults_give_an_embedded_sqlite_database(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.resolved_database_url.startswith("sqlite:///")
    assert settings.resolved_database_url.endswith("data/supervision-bot.db")
    assert settings.slack_api_url == "https://slack.com/api/"
    assert not settings.slack_configured


def test_environment_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "s")
    monkeypatch.setenv("SLACK_API_URL", "http://127.0.0.1:9/api")
    monkeypatch.setenv("PORT", "4000")
    settings = load_settings(_env_file=None)
    assert settings.slack_configured
    assert settings.slack_api_url == "http://127.0.0.1:9/api/"
    assert settings.port == 4000


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("PORT", "not-a-number"),
        ("SLACK_API_URL", "ftp://x"),
        ("LOG_LEVEL", "LOUD"),
        ("LISTENER_THREADS", "1"),
    ],
)
def test_bad_values_name_the_variable(monkeypatch: pytest.MonkeyPatch, name: str, value: str) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=name):
        load_settings(_env_file=None)


def test_require_slack_lists_what_is_missing() -> None:
    with pytest.raises(ConfigError, match="SLACK_BOT_TOKEN") as error:
        Settings(_env_file=None).require_slack()  # type: ignore[call-arg]
    assert "SLACK_SIGNING_SECRET" in str(error.value)


def test_app_token_must_be_an_app_level_token() -> None:
    settings = Settings(_env_file=None, slack_bot_token="xoxb-1", slack_app_token="xoxb-wrong")  # type: ignore[arg-type,call-arg]
    with pytest.raises(ConfigError, match="SLACK_APP_TOKEN"):
        settings.require_slack()
