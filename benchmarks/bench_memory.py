"""Resident memory of `supervision-bot serve` after warm-up (target: under 200 MB).

Starts the real process (HTTP, scheduler on, SQLite in a temporary folder, the fake Web API on
127.0.0.1), reads its resident set size from ``/proc/<pid>/status`` after start-up, then sends a
warm-up of signed requests touching every command and form (so the classifier, de-identifier,
guidance book, prompt library and Bolt's listeners are all loaded) plus every distinct dilemma of
the classifier's evaluation set (so the caches that grow with new wording are full), and reads it
again, with the
peak (``VmHWM``). The digest chart loads matplotlib only when the first chart is drawn (a scheduled
digest), so its cost is measured apart: one chart drawn in a fresh interpreter that has imported
what ``serve`` imports. Linux only. Run: ``python benchmarks/bench_memory.py``.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_http import TEXTS, free_port, wait_healthy  # noqa: E402

from storage.crypto import new_key  # noqa: E402
from tests.fakes import payloads  # noqa: E402
from tests.fakes.signing import signed_headers  # noqa: E402
from tests.fakes.slack_web_api import FakeSlackWebAPI  # noqa: E402

SECRET = "bench-signing-secret"
TARGET_MB = 200.0


def warm_up(response_url: str) -> tuple[str, ...]:
    """One of each kind of request; answers deferred under load go to ``response_url``."""
    return (
        *(
            payloads.slash_command(command, text, response_url=response_url)
            for command, text in WARM_UP_COMMANDS
        ),
        *WARM_UP_INTERACTIONS,
    )


WARM_UP_COMMANDS = (
    ("/boundary", "my client gave me a scarf she knitted"),
    ("/boundary", "a client keeps texting me late at night"),
    ("/reflect", ""),
    ("/reflect", "rupture"),
    ("/reflect", "history"),
    ("/checkin", ""),
    ("/supervision", "help"),
    ("/supervision", "setup"),
)
WARM_UP_INTERACTIONS = (
    payloads.view_submission(
        "reflect.compose", {"text": "Dana from Springfield cried when I mentioned the fee"}
    ),
    payloads.view_submission("reflect.confirm", {"text": "[NAME-1] cried when I mentioned the fee"}),
    payloads.view_submission("boundary.agenda", {"item": "gifts from a family I see"}),
    payloads.block_action("boundary.feedback", "boundary_gift"),
)


CHART_SCRIPT = """
import sys
sys.path.insert(0, sys.argv[1])
import bot.serve, bot.wiring, bot.jobs, bot.scheduler  # what `serve` has loaded before any chart
from pathlib import Path
def rss():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
before = rss()
from bot.charts import render_trend_png
from commands.digest import TrendPoint
points = [TrendPoint(f"2026-W{w:02d}", 5, 4.0, 3.5, 4.2) for w in range(1, 53)]
render_trend_png(points, title="bench")
print(rss() - before)
"""


def chart_mb() -> float:
    """Resident memory one digest chart adds (matplotlib and a figure), in a fresh interpreter."""
    out = subprocess.run(
        [sys.executable, "-c", CHART_SCRIPT, str(ROOT)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return float(out.stdout.strip().splitlines()[-1])


def rss_mb(pid: int) -> tuple[float, float]:
    """(VmRSS, VmHWM) of a process in MB."""
    values: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0]) / 1024
    return values["VmRSS"], values["VmHWM"]


def post(base: str, body: str) -> int:
    headers = signed_headers(body, SECRET, content_type="application/x-www-form-urlencoded")
    request = urllib.request.Request(
        base + "/slack/events", data=body.encode(), headers=headers, method="POST"
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        response.read()
        return int(response.status)


def measure(rounds: int = 25, concurrency: int = 16) -> list[tuple[str, str]]:
    fake = FakeSlackWebAPI().start()
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE_URL"))},
            "SLACK_BOT_TOKEN": "xoxb-bench",
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": fake.base_url,
            "DATA_DIR": tmp,
            "ENCRYPTION_KEYS": new_key(),
            "LOG_LEVEL": "WARNING",
            "SCHEDULER_ENABLED": "true",
        }
        port = free_port()
        script = Path(sys.executable).with_name("supervision-bot")
        process = subprocess.Popen(
            [str(script), "serve", "--port", str(port)],
            env=env,
            cwd=tmp,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(base, process)
            started_rss, _ = rss_mb(process.pid)
            # every distinct evaluation dilemma once: the risk screen's automata and the per-word
            # caches grow with new wording, so a long-running server holds them filled
            # answers deferred under load are posted to the fake's response_url, as Slack would take them
            dilemmas = [
                payloads.slash_command("/boundary", text, response_url=fake.response_url) for text in TEXTS
            ]
            bodies = list(warm_up(fake.response_url)) * rounds + dilemmas
            with ThreadPoolExecutor(max_workers=concurrency) as pool:
                statuses = list(pool.map(lambda body: post(base, body), bodies))
            time.sleep(1.0)  # listeners finish after their acks
            warm_rss, peak = rss_mb(process.pid)
        finally:
            stopping = time.perf_counter()
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=15)
            shutdown_s = time.perf_counter() - stopping
            deferred = len(fake.calls_to("response_url"))
            fake.stop()
    bad = sum(1 for s in statuses if s != 200)
    chart = chart_mb()
    worst = peak + chart
    return [
        ("RSS after start-up MB", f"{started_rss:.0f}"),
        (
            f"RSS after warm-up ({len(bodies)} requests, {len(dilemmas)} distinct dilemmas) MB",
            f"{warm_rss:.0f}",
        ),
        ("peak RSS (VmHWM) MB", f"{peak:.0f}"),
        ("first digest chart adds (matplotlib) MB", f"{chart:.0f}"),
        ("peak + chart MB", f"{worst:.0f}"),
        ("target MB", f"< {TARGET_MB:.0f} ({'met' if worst < TARGET_MB else 'NOT met'})"),
        ("non-200 answers during warm-up", str(bad)),
        ("answers posted to the response_url (deferred under load)", str(deferred)),
        ("shutdown after SIGTERM s (drains deferred answers)", f"{shutdown_s:.1f}"),
    ]


def run() -> list[tuple[str, str]]:
    """Rows for the aggregated benchmark table."""
    return measure()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=25, help="times the warm-up set is sent")
    args = parser.parse_args()
    for label, value in measure(args.rounds):
        print(f"| {label:<60} | {value:>12} |")


if __name__ == "__main__":
    main()
