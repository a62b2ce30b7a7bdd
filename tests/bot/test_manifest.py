"""The manifest and the code cannot drift: every command in one is in the other."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.config import DEFAULT_SCOPES
from bot.wiring import Services
from commands import COMMANDS

MANIFEST = Path(__file__).resolve().parents[2] / "app-manifest.yml"


def manifest() -> dict[str, object]:
    data: dict[str, object] = yaml.safe_load(MANIFEST.read_text())
    return data


def test_every_manifest_command_has_a_handler_and_back(services: Services) -> None:
    listed = {c["command"].lstrip("/") for c in manifest()["features"]["slash_commands"]}  # type: ignore[index]
    assert listed == set(COMMANDS)
    assert set(services.router.names) == set(COMMANDS)


def test_usage_hints_match_the_registry() -> None:
    for command in manifest()["features"]["slash_commands"]:  # type: ignore[index]
        spec = COMMANDS[command["command"].lstrip("/")]
        assert command["usage_hint"] == spec.usage_hint
        assert command["description"] == spec.description


def test_scopes_are_the_minimal_set_the_code_asks_for() -> None:
    scopes = manifest()["oauth_config"]["scopes"]["bot"]  # type: ignore[index]
    assert sorted(scopes) == sorted(DEFAULT_SCOPES)


def test_handled_events_and_interactivity_are_declared() -> None:
    settings = manifest()["settings"]
    assert settings["interactivity"]["is_enabled"] is True  # type: ignore[index]
    assert {"app_home_opened", "app_uninstalled", "tokens_revoked"} <= set(
        settings["event_subscriptions"]["bot_events"]  # type: ignore[index]
    )
