"""Every command keeps the shared contract (zulip's DefaultTests idea), and commands/ stays pure."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from bot.wiring import Services
from commands import COMMANDS
from commands.types import Actor, CommandRequest, Reply

COMMANDS_DIR = Path(__file__).resolve().parents[2] / "commands"
FORBIDDEN = {"slack_bolt", "slack_sdk", "sqlalchemy", "os", "storage", "bot", "microsoft_agents", "requests"}
ACTOR = Actor(workspace_id="T0TEST001", user_id="U0CONTRACT")


@pytest.mark.parametrize("name", sorted(COMMANDS))
@pytest.mark.parametrize("text", ["", "help"])
def test_every_command_answers_empty_and_help(services: Services, name: str, text: str) -> None:
    reply = services.router.handle(CommandRequest(command=name, text=text, actor=ACTOR))
    assert isinstance(reply, Reply)
    assert reply.text or reply.blocks or reply.form


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_a_usage_hint_and_description(name: str) -> None:
    assert COMMANDS[name].usage_hint and COMMANDS[name].description


@pytest.mark.parametrize("path", sorted(COMMANDS_DIR.glob("*.py")), ids=lambda p: p.name)
def test_commands_import_no_platform_database_or_environment(path: Path) -> None:
    tree = ast.parse(path.read_text())
    imported: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            imported.add(node.module.split(".")[0])
    assert not imported & FORBIDDEN, f"{path.name} imports {sorted(imported & FORBIDDEN)}"


def test_unknown_command_is_answered_kindly(services: Services) -> None:
    reply = services.router.handle(CommandRequest(command="nope", text="", actor=ACTOR))
    assert "/boundary" in reply.text
