"""``supervision-bot``: the one entry point. Settings and logging are set up here and nowhere else."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence

from bot.config import ConfigError, Settings, load_settings
from bot.logging import configure_logging
from storage.crypto import KeyConfigError

Handler = Callable[[argparse.Namespace, Settings], int]


def _run(args: argparse.Namespace, settings: Settings) -> int:
    """`make run`: Slack when credentials are set, otherwise the console playground."""
    if settings.slack_configured:
        return _serve(args, settings)
    print("No Slack credentials set (SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET): opening the local console.")
    print("See README.md to connect Slack.\n")
    return _console(args, settings)


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    from bot.serve import serve

    host = getattr(args, "host", None) or settings.host
    port = getattr(args, "port", None)
    platform = getattr(args, "platform", None) or "slack"
    return serve(settings, host=host, port=settings.port if port is None else port, platform=platform)


def _console(_args: argparse.Namespace, settings: Settings) -> int:
    from bot.console import Console
    from bot.wiring import build_services

    services = build_services(settings)
    try:
        Console(services.router).run()
    finally:
        services.close()
    return 0


def _ask(args: argparse.Namespace, settings: Settings) -> int:
    from bot.console import CONSOLE_WORKSPACE, parse_line, render_text, reply_to_json
    from bot.wiring import build_services
    from commands.types import Actor, CommandRequest

    parsed = parse_line(args.command_line)
    if parsed is None:
        print(
            'ask takes a slash command, e.g. supervision-bot ask "/boundary a client hugged me"',
            file=sys.stderr,
        )
        return 2
    services = build_services(settings)
    try:
        actor = Actor(workspace_id=CONSOLE_WORKSPACE, user_id=args.user)
        reply = services.router.handle(CommandRequest(command=parsed[0], text=parsed[1], actor=actor))
    finally:
        services.close()
    print(reply_to_json(reply) if args.json else render_text(reply)[0])
    return 0


def _classify(args: argparse.Namespace, _settings: Settings) -> int:
    from commands.classify import classify

    if not args.jsonl:
        result = classify(sys.stdin.read())
        print(
            json.dumps(
                {
                    "category": result.category,
                    "ranked": [c for c, _ in result.ranked],
                    "safety": result.safety,
                }
            )
        )
        return 0
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            text = json.loads(line)["text"]
            if not isinstance(text, str):
                raise TypeError
        except (ValueError, KeyError, TypeError):
            print(json.dumps({"error": 'each line must be a JSON object with a "text" string'}), flush=True)
            continue
        result = classify(text)
        ranked = [category for category, _score in result.ranked]
        scores = {category: round(score, 4) for category, score in result.ranked}
        print(
            json.dumps(
                {"category": result.category, "ranked": ranked, "safety": result.safety, "scores": scores}
            )
        )
    return 0


def _deidentify(args: argparse.Namespace, _settings: Settings) -> int:
    from storage.deidentify import deidentify_stream

    for out in deidentify_stream(sys.stdin, jsonl=args.jsonl):
        sys.stdout.write(out if out.endswith("\n") else out + "\n")
    sys.stdout.flush()
    return 0


def _db_upgrade(_args: argparse.Namespace, settings: Settings) -> int:
    from storage.db import Database

    db = Database(settings.resolved_database_url)
    db.upgrade()
    db.dispose()
    print("database is up to date")
    return 0


def _key_new(_args: argparse.Namespace, _settings: Settings) -> int:
    from storage.crypto import new_key

    print(new_key())
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface; each subcommand has its own ``--help``."""
    parser = argparse.ArgumentParser(
        prog="supervision-bot", description="A Slack bot for clinical supervision groups."
    )
    sub = parser.add_subparsers(dest="subcommand", required=True, metavar="COMMAND")

    def add(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help_text, description=help_text)
        command.set_defaults(handler=handler)
        return command

    add("run", _run, "Serve Slack when credentials are set, otherwise open the local console")
    serve = add("serve", _serve, "Run the bot: Socket Mode when SLACK_APP_TOKEN is set, HTTP otherwise")
    serve.add_argument("--host", help="address to listen on (env HOST; default 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port to listen on (env PORT; default 3000)")
    serve.add_argument(
        "--platform",
        choices=["slack", "teams"],
        default="slack",
        help="chat platform (default slack); teams serves /api/messages and needs the [teams] extra",
    )
    add("console", _console, "Local playground: the same commands, replies as text, no network")
    ask = add("ask", _ask, 'Run one command and print the reply, e.g. ask "/boundary a client hugged me"')
    ask.add_argument("command_line", metavar="COMMAND", help='a slash command in quotes: "/boundary ..."')
    ask.add_argument("--json", action="store_true", help="print the reply as JSON")
    ask.add_argument("--user", default="UCONSOLE", help="user id to ask as (default UCONSOLE)")
    classify = add("classify", _classify, "Classify dilemmas: text on stdin -> category, ranked, safety")
    classify.add_argument(
        "--jsonl", action="store_true", help='read and write one {"text": ...} JSON per line'
    )
    deid = add("deidentify", _deidentify, "Remove identifiers: text on stdin -> de-identified text on stdout")
    deid.add_argument("--jsonl", action="store_true", help='read and write one {"text": ...} JSON per line')
    db = add("db", lambda *_: 2, "Database maintenance")
    db_sub = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    upgrade = db_sub.add_parser(
        "upgrade", help="apply migrations", description="Apply every pending migration"
    )
    upgrade.set_defaults(handler=_db_upgrade)
    key = add("key", lambda *_: 2, "Key management")
    key_sub = key.add_subparsers(dest="key_command", required=True, metavar="ACTION")
    new = key_sub.add_parser("new", help="print a fresh ENCRYPTION_KEYS key", description="Print a fresh key")
    new.set_defaults(handler=_key_new)
    from bot.admin import add_admin_commands

    add_admin_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments, read settings once, configure logging, run the subcommand."""
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(f"supervision-bot: {exc}", file=sys.stderr)
        return 2
    configure_logging(settings.log_level)
    try:
        code: int = args.handler(args, settings)
    except (ConfigError, KeyConfigError) as exc:
        print(f"supervision-bot: {exc}", file=sys.stderr)
        return 2
    return code


if __name__ == "__main__":
    sys.exit(main())
