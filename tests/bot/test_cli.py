"""The ``supervision-bot`` entry point: help on every subcommand, ask --json, clear config errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import build_parser, main
from storage.crypto import new_key


def subcommands() -> list[list[str]]:
    return [["run"], ["serve"], ["console"], ["ask"], ["classify"], ["deidentify"], ["db"], ["db", "upgrade"]]


@pytest.mark.parametrize("words", subcommands())
def test_every_subcommand_has_help(words: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        build_parser().parse_args([*words, "--help"])
    assert done.value.code == 0
    assert "usage: supervision-bot" in capsys.readouterr().out


def test_ask_json_prints_a_full_reply(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ENCRYPTION_KEYS", new_key())
    assert main(["ask", "/boundary a client hugged me after the session", "--json"]) == 0
    reply = json.loads(capsys.readouterr().out)
    assert any(block["type"] == "header" for block in reply["blocks"])
    assert "ACA" in json.dumps(reply)


def test_a_bad_setting_stops_with_the_variable_named(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PORT", "eighty")
    assert main(["db", "upgrade"]) == 2
    assert "PORT" in capsys.readouterr().err


def test_serve_without_credentials_names_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["serve"]) == 2
    assert "SLACK_SIGNING_SECRET" in capsys.readouterr().err


def test_a_malformed_encryption_key_stops_start_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ENCRYPTION_KEYS", "definitely-not-a-fernet-key")
    assert main(["ask", "/reflect"]) == 2
    assert "ENCRYPTION_KEYS" in capsys.readouterr().err


def test_installed_console_script_runs(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("supervision-bot")
    done = subprocess.run([str(script), "--help"], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert done.returncode == 0 and "serve" in done.stdout
