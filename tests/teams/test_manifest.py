"""The Teams app package: manifest fields Teams requires, commands == commands.COMMANDS, real icons."""

from __future__ import annotations

import json
import re
import uuid
import zipfile
from pathlib import Path
from typing import Any

from PIL import Image

from commands import COMMANDS

TEAMS = Path(__file__).resolve().parents[2] / "teams"


def manifest() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((TEAMS / "manifest.json").read_text(encoding="utf-8"))
    return data


def test_manifest_commands_are_the_bots_commands() -> None:
    (bot,) = manifest()["bots"]
    for command_list in bot["commandLists"]:
        titles = [c["title"] for c in command_list["commands"]]
        assert sorted(titles) == sorted(COMMANDS)
        for command in command_list["commands"]:
            spec = COMMANDS[command["title"]]
            assert (
                command["description"].startswith(spec.description)
                and spec.usage_hint in command["description"]
            )
            assert len(command["title"]) <= 32 and len(command["description"]) <= 128


def test_manifest_has_the_fields_teams_requires() -> None:
    data = manifest()
    assert data["$schema"].endswith("/v1.17/MicrosoftTeams.schema.json") and data["manifestVersion"] == "1.17"
    uuid.UUID(data["id"])
    assert re.fullmatch(r"\d+\.\d+\.\d+", data["version"])
    for key in ("websiteUrl", "privacyUrl", "termsOfUseUrl"):
        assert data["developer"][key].startswith("https://")
    assert len(data["name"]["short"]) <= 30 and len(data["name"]["full"]) <= 100
    assert len(data["description"]["short"]) <= 80 and len(data["description"]["full"]) <= 4000
    assert re.fullmatch(r"#[0-9A-Fa-f]{6}", data["accentColor"])
    (bot,) = data["bots"]
    assert bot["botId"] == "${{BOT_ID}}", "filled in by make teams-package BOT_ID=..."
    assert set(bot["scopes"]) == {"personal", "team", "groupChat"}


def test_icons_are_real_pngs_of_the_sizes_teams_wants() -> None:
    color = Image.open(TEAMS / manifest()["icons"]["color"])
    assert color.format == "PNG" and color.size == (192, 192)
    outline = Image.open(TEAMS / manifest()["icons"]["outline"]).convert("RGBA")
    assert outline.size == (32, 32)
    pixels: list[tuple[int, ...]] = []
    for x in range(32):
        for y in range(32):
            pixel = outline.getpixel((x, y))
            assert isinstance(pixel, tuple)
            pixels.append(pixel)
    assert {p[:3] for p in pixels if p[3] > 0} == {(255, 255, 255)}, "white only"
    assert any(p[3] == 0 for p in pixels), "on a transparent background"


def test_the_package_zips_manifest_and_icons_with_the_bot_id(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("teams_package", TEAMS / "package.py")
    assert spec is not None and spec.loader is not None
    package = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(package)
    bot_id = "11111111-2222-3333-4444-555555555555"
    out = package.build(tmp_path / "teams-app.zip", bot_id)
    with zipfile.ZipFile(out) as archive:
        assert sorted(archive.namelist()) == ["color.png", "manifest.json", "outline.png"]
        assert json.loads(archive.read("manifest.json"))["bots"][0]["botId"] == bot_id
