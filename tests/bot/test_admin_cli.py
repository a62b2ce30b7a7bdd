"""The operator CLI, in-process and as racing processes, against the fake Web API on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from commands.schedule import Schedule, current_occurrence, parse_weekly
from storage.crypto import new_key
from tests.fakes.slack_web_api import FakeSlackWebAPI

MEMBERS = ["U0000001", "U0000002", "U0000003", "U0000004", "U0000005", "U0000006"]
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def env(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_slack: FakeSlackWebAPI, database_url: str
) -> dict[str, str]:
    """The environment an operator would have: token mode against the fake, a scratch database."""
    values = {
        "SLACK_BOT_TOKEN": "xoxb-cli-test",
        "SLACK_SIGNING_SECRET": "cli-secret",
        "SLACK_API_URL": fake_slack.base_url,
        "DATABASE_URL": database_url,
        "DATA_DIR": str(tmp_path / "data"),
        "ENCRYPTION_KEYS": new_key(),
        "PSEUDONYM_KEY": "a-cli-test-pseudonym-key-long-enough",
    }
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(tmp_path)
    return values


def cli(*args: str) -> int:
    return main(list(args))


def create(name: str = "g1", members: list[str] = MEMBERS, zone: str = "Europe/London", *extra: str) -> None:
    code = cli(
        "group", "create", "--name", name, "--members", ",".join(members), "--supervisors", "U0000009",
        "--checkin", "MON 09:00", "--tz", zone, *extra,
    )  # fmt: skip
    assert code == 0


def per_member(fake: FakeSlackWebAPI) -> dict[str, int]:
    return {user: fake.dm_counts().get(user, 0) for user in MEMBERS}


def test_create_list_show(
    env: dict[str, str], capsys: pytest.CaptureFixture[str], fake_slack: FakeSlackWebAPI
) -> None:
    create("g1", MEMBERS, "Europe/London", "--digest", "THU 15:00", "--channel", "C0000123")
    assert cli("group", "list") == 0
    out = capsys.readouterr().out
    assert "created group g1" in out and "g1\t6 members\tMON 09:00 / digest THU 15:00\tEurope/London" in out
    assert cli("group", "show", "g1") == 0
    out = capsys.readouterr().out
    assert "C0000123" in out and "U0000006" in out and "supervisors:  U0000009" in out
    cli("group", "list")
    assert len(fake_slack.calls_to("auth.test")) == 1, "the workspace id is cached after the first auth.test"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--checkin", "MON 9am", "--tz", "Europe/London"], "24-hour"),
        (["--checkin", "MON 09:00", "--tz", "Mars/Base"], "time zone"),
        (["--checkin", "MON 09:00", "--tz", "Europe/London", "--digest", "someday"], "weekly time"),
    ],
)
def test_bad_input_exits_2_with_one_clear_line(
    env: dict[str, str], capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code = cli("group", "create", "--name", "g", "--members", "U1", "--supervisors", "U9", *args)
    assert code == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_unknown_group_duplicate_and_bad_dates_exit_2(
    env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli("checkin", "open", "--group", "nope") == 2
    assert "no group named 'nope'" in capsys.readouterr().err
    create("g1")
    assert cli("group", "create", "--name", "g1", "--members", "U1", "--supervisors", "U9",
               "--checkin", "MON 09:00", "--tz", "Europe/London") == 2  # fmt: skip
    assert "already exists" in capsys.readouterr().err
    assert cli("holiday", "add", "--group", "g1", "--date", "25/12/2026") == 2
    assert cli("member", "snooze", "--group", "g1", "--user", "U0NOTAMEMBER", "--until", "2026-12-31") == 2
    assert "not a member" in capsys.readouterr().err


def test_open_twice_with_rate_limits_sends_exactly_one_dm_each(
    env: dict[str, str], fake_slack: FakeSlackWebAPI, capsys: pytest.CaptureFixture[str]
) -> None:
    create("g1")
    fake_slack.fail_every("chat.postMessage", 4, 429)
    assert cli("checkin", "open", "--group", "g1") == 0
    assert cli("checkin", "open", "--group", "g1") == 0
    assert per_member(fake_slack) == dict.fromkeys(MEMBERS, 1)
    assert any(c.status == 429 for c in fake_slack.calls_to("chat.postMessage", delivered_only=False))
    out = capsys.readouterr().out
    assert "6 sent now" in out and "0 sent now, 6 already sent" in out
    assert fake_slack.dm_counts().get("U0000009", 0) == 0, "supervisors get no check-in"


def test_a_check_in_is_one_web_api_call_per_member(env: dict[str, str], fake_slack: FakeSlackWebAPI) -> None:
    """Posted to the user id, so no ``conversations.open`` (Tier 3, ~50 a minute) paces the fan-out."""
    create("g1")
    assert cli("checkin", "open", "--group", "g1") == 0
    posts = fake_slack.calls_to("chat.postMessage")
    assert sorted(c.params["channel"] for c in posts) == sorted(MEMBERS)
    assert fake_slack.calls_to("conversations.open", delivered_only=False) == []


def test_server_errors_are_retried_and_still_one_dm_each(
    env: dict[str, str], fake_slack: FakeSlackWebAPI
) -> None:
    create("g1")
    fake_slack.fail_next("chat.postMessage", 500, 503, 500)
    assert cli("checkin", "open", "--group", "g1") == 0
    assert per_member(fake_slack) == dict.fromkeys(MEMBERS, 1)


@pytest.mark.parametrize(
    "now",
    [
        dt.datetime(2026, 12, 7, 1, 0),  # Monday 01:00 London, eight hours before the 09:00 check-in
        dt.datetime(2026, 12, 7, 8, 59),
        dt.datetime(2026, 12, 9, 12, 0),  # Wednesday, after it
    ],
)
def test_group_show_reports_the_week_an_operator_just_opened(
    env: dict[str, str],
    fake_slack: FakeSlackWebAPI,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    now: dt.datetime,
) -> None:
    """Opening early on a Monday opens this ISO week; ``group show`` used to look only at the latest
    week already due, so it said last week was "not opened" right after the check-ins went out."""
    monkeypatch.setattr("bot.jobs.utcnow", lambda: now)
    create("g1")
    assert cli("checkin", "open", "--group", "g1") == 0
    assert per_member(fake_slack) == dict.fromkeys(MEMBERS, 1)
    capsys.readouterr()
    assert cli("group", "show", "g1") == 0
    assert "this week:    2026-W50: 6 check-in(s) sent, digest not sent" in capsys.readouterr().out


def test_a_deactivated_member_does_not_block_the_others(
    env: dict[str, str], fake_slack: FakeSlackWebAPI, capsys: pytest.CaptureFixture[str]
) -> None:
    create("g1")
    fake_slack.deactivated_users.add("U0000003")
    assert cli("checkin", "open", "--group", "g1") == 0
    counts = per_member(fake_slack)
    assert counts.pop("U0000003") == 0
    assert set(counts.values()) == {1}
    assert "1 failed (user_disabled" in capsys.readouterr().out
    assert cli("group", "show", "g1") == 0
    assert (
        "failed:       checkin to U0000003: user_disabled (1 attempt(s), gave_up)" in capsys.readouterr().out
    )
    assert cli("checkin", "open", "--group", "g1") == 0
    assert len(fake_slack.calls_to("chat.postMessage")) == 5, "a dead delivery is not retried"


def test_snoozed_member_gets_nothing_and_counts_as_away(
    env: dict[str, str], fake_slack: FakeSlackWebAPI, capsys: pytest.CaptureFixture[str]
) -> None:
    create("g1")
    until = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    assert cli("member", "snooze", "--group", "g1", "--user", "U0000002", "--until", until) == 0
    assert cli("checkin", "open", "--group", "g1") == 0
    assert per_member(fake_slack)["U0000002"] == 0
    assert sum(per_member(fake_slack).values()) == 5
    assert "1 away" in capsys.readouterr().out
    assert cli("member", "resume", "--group", "g1", "--user", "U0000002") == 0


def test_holiday_on_the_current_cycle_sends_nothing_and_says_why(
    env: dict[str, str], fake_slack: FakeSlackWebAPI, capsys: pytest.CaptureFixture[str]
) -> None:
    create("g1", MEMBERS, "Europe/London", "--channel", "C0000123")
    schedule = Schedule(
        zone="Europe/London", checkin=parse_weekly("MON 09:00"), digest=parse_weekly("FRI 16:00")
    )
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    day = current_occurrence(schedule, now).local_date.isoformat()
    assert cli("holiday", "add", "--group", "g1", "--date", day, "--note", "closed") == 0
    assert cli("holiday", "list", "--group", "g1") == 0
    assert cli("checkin", "open", "--group", "g1") == 0
    out = capsys.readouterr().out
    assert f"{day}\tclosed" in out
    assert f"nothing sent: {day} is a holiday (closed)" in out
    assert fake_slack.calls_to("chat.postMessage") == [], "no DM and no channel post"


def test_channel_gets_one_content_free_post(env: dict[str, str], fake_slack: FakeSlackWebAPI) -> None:
    create("g1", MEMBERS, "Europe/London", "--channel", "C0000123")
    cli("checkin", "open", "--group", "g1")
    cli("checkin", "open", "--group", "g1")
    posts = [c for c in fake_slack.calls_to("chat.postMessage") if c.params.get("channel") == "C0000123"]
    assert len(posts) == 1
    assert "check-in for g1 is open" in str(posts[0].params.get("text"))


def test_digest_send_twice_reaches_each_supervisor_once_and_no_member(
    env: dict[str, str], fake_slack: FakeSlackWebAPI, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli(
        "group", "create", "--name", "g2", "--members", "U0000001,U0000002",
        "--supervisors", "U0000009,U0000008", "--checkin", "MON 09:00", "--tz", "America/New_York",
    )  # fmt: skip
    assert code == 0
    assert cli("digest", "send", "--group", "g2") == 0
    assert cli("digest", "send", "--group", "g2") == 0
    counts = fake_slack.dm_counts()
    assert counts.get("U0000009") == 1 and counts.get("U0000008") == 1
    assert counts.get("U0000001", 0) == 0 and counts.get("U0000002", 0) == 0
    assert len(fake_slack.calls_to("files.completeUploadExternal")) == 0, "no trend to chart yet"
    assert "No activity this week" in fake_slack.all_text()
    out = capsys.readouterr().out
    assert "digest 2 sent now" in out and "digest 0 sent now, 2 already sent" in out


def test_two_processes_racing_to_open_send_exactly_one_dm_each(
    env: dict[str, str], fake_slack: FakeSlackWebAPI
) -> None:
    create("g1")
    fake_slack.fail_every("chat.postMessage", 4, 429)
    child_env = {
        **os.environ,
        **env,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    command = [sys.executable, "-m", "bot.cli", "checkin", "open", "--group", "g1"]
    procs = [
        subprocess.Popen(command, env=child_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    outs = [p.communicate(timeout=90) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1].decode()[-500:] for o in outs]
    assert per_member(fake_slack) == dict.fromkeys(MEMBERS, 1)
    sent = sum(int(o[0].decode().split(" sent now")[0].rsplit(" ", 1)[-1]) for o in outs)
    assert sent == 6, "between them the two processes sent each DM once"
