"""Zip the Teams app package: ``manifest.json`` and both icons at the root of ``dist/teams-app.zip``.

``make teams-package BOT_ID=<the bot's Entra app id>`` fills the manifest's ``${{BOT_ID}}``
placeholder; without it the placeholder stays and Teams will refuse the upload, which is said
loudly. Standard library only, so packaging needs no virtual environment.
"""

from __future__ import annotations

import argparse
import json
import sys
import uuid
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PLACEHOLDER = "${{BOT_ID}}"
FILES = ("manifest.json", "color.png", "outline.png")


def build(out: Path, bot_id: str | None) -> Path:
    """Write the zip; returns its path."""
    manifest = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
    if bot_id:
        uuid.UUID(bot_id)  # Teams wants the Entra app (client) id, a GUID
        for bot in manifest.get("bots", []):
            if bot.get("botId") == PLACEHOLDER:
                bot["botId"] = bot_id
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
        for name in FILES[1:]:
            archive.write(HERE / name, arcname=name)
    return out


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python teams/package.py [--bot-id GUID] [--out dist/teams-app.zip]``."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bot-id", default="", help="the bot's Entra app (client) id")
    parser.add_argument("--out", default=str(HERE.parent / "dist" / "teams-app.zip"))
    args = parser.parse_args(argv)
    try:
        path = build(Path(args.out), args.bot_id or None)
    except ValueError:
        sys.stderr.write("teams-package: BOT_ID must be a GUID (the bot's Entra app id)\n")
        return 2
    sys.stdout.write(f"wrote {path}\n")
    if not args.bot_id:
        sys.stderr.write(
            "teams-package: no BOT_ID given, the manifest keeps ${{BOT_ID}}: set it before uploading\n"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
