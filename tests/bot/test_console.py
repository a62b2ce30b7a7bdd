"""The console renders the same replies as Slack, as text, and drives buttons and forms."""

from __future__ import annotations

from collections.abc import Iterator

from bot.console import Console, parse_line, render_text, reply_to_dict
from bot.wiring import Services
from commands.types import CommandRequest


def scripted(lines: list[str]) -> tuple[Iterator[str], list[str]]:
    return iter(lines), []


def run_console(services: Services, lines: list[str]) -> str:
    feed = iter(lines)
    out: list[str] = []

    def read(_prompt: str) -> str:
        try:
            return next(feed)
        except StopIteration:
            raise EOFError from None

    Console(services.router, read=read, write=out.append).run()
    return "\n".join(out)


def test_boundary_in_the_console_shows_guidance_and_codes(services: Services) -> None:
    output = run_console(services, ["/boundary a client gave me a scarf she knitted"])
    assert "GIFTS" in output.upper()
    assert "ACA" in output and "AAMFT" in output
    assert "[!1]" in output


def test_a_reflection_written_in_the_console_is_stored_deidentified(services: Services) -> None:
    output = run_console(
        services,
        ["/reflect trust", "!1", "Priya told me she trusts me more since March 3rd", "", "/reflect history"],
    )
    assert "Saved to your private journal" in output
    history = output.rsplit("most recent reflections", 1)[-1]
    assert "Priya" not in history and "March 3rd" not in history
    assert "trusts me more" in history


def test_text_and_json_renderings_come_from_the_same_reply(services: Services) -> None:
    from bot.console import CONSOLE_WORKSPACE
    from commands.types import Actor

    reply = services.router.handle(
        CommandRequest(command="boundary", text="", actor=Actor(workspace_id=CONSOLE_WORKSPACE, user_id="U1"))
    )
    text, _ = render_text(reply)
    data = reply_to_dict(reply)
    assert data["blocks"][0]["type"] == "header"
    assert data["blocks"][0]["text"].upper() in text


def test_parse_line() -> None:
    assert parse_line("/boundary  a b ") == ("boundary", "a b")
    assert parse_line("hello") is None
