"""Slash-command acknowledgement latency under concurrent signed requests, against a bare Bolt app.

Every app runs in one process, under the same WSGI server (waitress) with the same thread count,
on loopback, so the ratio isolates what our listeners add to Bolt's own cost. A third app, bare
Bolt acknowledging with a fixed guidance answer (the same blocks ours sends, built once), shows
what carrying an answer of that size costs Bolt itself: the rest is our work (risk check,
classification, rendering). The burst is repeated over several rounds, the apps taking turns, and
the latencies are pooled: a single burst's p99 swings by a factor of two on a shared machine. After
the bursts, each app also answers requests one at a time, the
way a supervision group uses it: there the latency is the answer's own cost, with no queue. Each app is
first warmed with 600 dilemmas, then measured on dilemmas it has not seen (a running server's
caches are warm with everyday words, never with the next person's sentence). Besides latency the
table gives each server's CPU time per request, read from ``/proc``: under a burst the latency
ratio follows the CPU ratio. Run: ``python benchmarks/bench_http.py [--requests 200] [--rounds 5]``.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.slack.deferral import ANSWER_FOLLOWS  # noqa: E402
from tests.fakes import payloads  # noqa: E402
from tests.fakes.signing import signed_headers  # noqa: E402
from tests.fakes.slack_web_api import FakeSlackWebAPI  # noqa: E402

SECRET = "bench-signing-secret"
WARM_UP = 600
SERIAL = 200
"""Requests sent one after another after the burst: what a single person sees."""
ROUNDS = 5
"""Bursts per app, interleaved: one burst's p99 is its second-slowest request, which moves by a
factor of two from one burst to the next on a shared machine; pooled over rounds it settles."""


CORPORA = ("boundary_eval", "safety_heldout", "safety_negatives", "deid_corpus")


def dilemmas() -> list[str]:
    """Distinct trainee-style messages (the project's evaluation sets), so no answer is warm.

    Repeating a handful of texts would flatter the answering app: every per-word cache would be
    hot after the first round.
    """
    texts: dict[str, None] = {}
    for name in CORPORA:
        with (ROOT / "tests" / "data" / f"{name}.jsonl").open(encoding="utf-8") as rows:
            texts.update((json.loads(row)["text"], None) for row in rows)
    return [text for text in texts if len(text) <= 1500]


TEXTS = dilemmas()


BARE_APP = textwrap.dedent(
    """
    import sys
    from slack_bolt import App
    from waitress import serve
    from bot.http import build_wsgi_app
    from bot.slack.delivery import build_web_client
    app = App(signing_secret=sys.argv[2], token="xoxb-bench", token_verification_enabled=False,
              client=build_web_client(base_url=sys.argv[3], token="xoxb-bench"))
    if len(sys.argv) > 4:  # a fixed answer: the keyword arguments of one guidance reply
        import json
        with open(sys.argv[4], encoding="utf-8") as answer:
            message = json.load(answer)
        app.command("/boundary")(lambda ack: ack(response_type="ephemeral", **message))
    else:
        app.command("/boundary")(lambda ack: ack(text="ok", response_type="ephemeral"))
    serve(build_wsgi_app(app, health=lambda: True), host="127.0.0.1", port=int(sys.argv[1]), threads=16)
    """
)

OURS, BARE, FIXED = "supervision-bot", "bare Bolt (ack only)", "bare Bolt (fixed guidance)"


def fixed_guidance(path: Path) -> Path:
    """One guidance answer as ``ack`` keyword arguments, written to ``path`` for the fixed-answer app."""
    from bot.slack.render import render_message
    from commands.boundary import BoundaryCommand
    from commands.classify import classify

    command = BoundaryCommand(log=None, agenda=None, deidentifier=None)  # type: ignore[arg-type]
    reply = command.guidance_reply(classify(TEXTS[0]), dilemma=TEXTS[0])
    path.write_text(json.dumps(render_message(reply)), encoding="utf-8")
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=1):
                return
        except OSError:
            if process.poll() is not None:
                raise RuntimeError("server exited during start-up") from None
            time.sleep(0.2)
    raise RuntimeError("server did not become healthy")


@dataclass
class Burst:
    """One burst's acknowledgement latencies, and when each request was sent (monotonic, s)."""

    latencies: list[float]
    sent: list[float]
    deferred: list[bool]
    """Whether the acknowledgement said the answer follows (through the response_url)."""


def fire(base: str, count: int, concurrency: int, *, first: int = 0, answers: str = "") -> Burst:
    """Send ``count`` signed /boundary commands, ``concurrency`` at a time; latencies in ms.

    The dilemmas are ``TEXTS[first:]`` in order, wrapping around if ``count`` needs more. Each
    request's response_url is ``answers`` with ``?request=<index>``, so that an answer delivered
    after the acknowledgement can be matched to the request it answers.
    """

    def one(index: int) -> tuple[float, float, bool]:
        text = TEXTS[(first + index) % len(TEXTS)]
        url = f"{answers or 'http://127.0.0.1:9/response_url'}?request={first + index}"
        body = payloads.slash_command("/boundary", text, user=f"U{index:07d}", response_url=url)
        headers = signed_headers(body, SECRET, content_type="application/x-www-form-urlencoded")
        request = urllib.request.Request(
            base + "/slack/events", data=body.encode(), headers=headers, method="POST"
        )
        sent = time.monotonic()
        started = time.perf_counter()
        with urllib.request.urlopen(request, timeout=30) as response:
            content = response.read()
            if response.status != 200:
                raise RuntimeError(f"status {response.status}")
        latency = (time.perf_counter() - started) * 1000
        return latency, sent, json.loads(content).get("text") == ANSWER_FOLLOWS

    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        rows = list(pool.map(one, range(count)))
    return Burst([row[0] for row in rows], [row[1] for row in rows], [row[2] for row in rows])


def answered_after(fake: FakeSlackWebAPI, burst: Burst, first: int, timeout: float = 60) -> list[float]:
    """Wait until every deferred request's answer reached the fake; ms from sending to the answer.

    The next app's burst starts only after this: answers still being computed would take the
    machine's CPU from it.
    """
    wanted = {first + index for index, deferred in enumerate(burst.deferred) if deferred}
    deadline = time.monotonic() + timeout
    while True:
        calls = fake.calls_to("response_url")
        arrived = {int(c.params["request"]): c.at for c in calls if "request" in c.params}
        if wanted <= arrived.keys():
            break
        if time.monotonic() > deadline:
            raise RuntimeError(f"{len(wanted - arrived.keys())} deferred answers never arrived")
        time.sleep(0.01)
    return [
        (arrived[first + index] - sent) * 1000 if deferred else latency
        for index, (latency, sent, deferred) in enumerate(
            zip(burst.latencies, burst.sent, burst.deferred, strict=True)
        )
    ]


def cpu_seconds(pid: int) -> float:
    """User plus system CPU a process has used so far (Linux ``/proc``), in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(requests: int = 200, concurrency: int = 200, rounds: int = ROUNDS) -> list[tuple[str, str]]:
    fake = FakeSlackWebAPI().start()
    answers = fake.response_url
    results: dict[str, list[float]] = {}
    delivered: dict[str, list[float]] = {}
    round_p99: dict[str, list[float]] = {}
    alone: dict[str, list[float]] = {}
    cpu: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("SLACK_")},
            "SLACK_BOT_TOKEN": "xoxb-bench",
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": fake.base_url,
            "DATA_DIR": tmp,
            "LOG_LEVEL": "WARNING",
            "SCHEDULER_ENABLED": "false",
            "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{tmp}/bench.db"),
        }
        ports = {OURS: free_port(), BARE: free_port(), FIXED: free_port()}
        answer = fixed_guidance(Path(tmp) / "answer.json")
        script = Path(sys.executable).with_name("supervision-bot")
        bare_app = [sys.executable, "-c", BARE_APP]
        commands = {
            OURS: [str(script), "serve", "--port", str(ports[OURS])],
            BARE: [*bare_app, str(ports[BARE]), SECRET, fake.base_url],
            FIXED: [*bare_app, str(ports[FIXED]), SECRET, fake.base_url, str(answer)],
        }
        servers = {
            name: subprocess.Popen(
                command,
                env=env,
                cwd=tmp if name == OURS else ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for name, command in commands.items()
        }
        bases = {name: f"http://127.0.0.1:{ports[name]}" for name in servers}
        try:
            for name, process in servers.items():
                wait_healthy(bases[name], process)
                warm = len(TEXTS) - WARM_UP  # warm-up, texts not used below
                answered_after(fake, fire(bases[name], WARM_UP, 10, first=warm, answers=answers), warm)
                results[name], delivered[name], round_p99[name], cpu[name] = [], [], [], 0.0
            names = list(servers)
            for index in range(rounds):
                # every app gets the round's (new) dilemmas, in a rotating order, so a noisy
                # moment of the machine falls on each app in turn rather than on one
                for name in names[index % len(names) :] + names[: index % len(names)]:
                    before = cpu_seconds(servers[name].pid)
                    first = index * requests
                    burst = fire(bases[name], requests, concurrency, first=first, answers=answers)
                    delivered[name].extend(answered_after(fake, burst, first))
                    cpu[name] += cpu_seconds(servers[name].pid) - before  # answers after the ack too
                    results[name].extend(burst.latencies)
                    round_p99[name].append(percentile(burst.latencies, 0.99))
                    time.sleep(0.2)  # let the previous app's connections close
            for name in names:  # one person at a time, new dilemmas
                first = rounds * requests
                serial = fire(bases[name], SERIAL, 1, first=first, answers=answers)
                alone[name] = answered_after(fake, serial, first)
        finally:
            for process in servers.values():
                process.terminate()
                process.wait(timeout=10)
            fake.stop()
    return _rows(requests, concurrency, rounds, results, delivered, round_p99, cpu, alone)


def _rows(
    requests: int,
    concurrency: int,
    rounds: int,
    results: dict[str, list[float]],
    delivered: dict[str, list[float]],
    round_p99: dict[str, list[float]],
    cpu: dict[str, float],
    alone: dict[str, list[float]],
) -> list[tuple[str, str]]:
    ours, bare, fixed = results[OURS], results[BARE], results[FIXED]
    rows = [("requests / concurrency x rounds", f"{requests} / {concurrency} x {rounds}")]
    for name, values in results.items():
        rows.append((f"{name} p50 ms", f"{statistics.median(values):.1f}"))
        rows.append((f"{name} p99 ms", f"{percentile(values, 0.99):.1f}"))
        rows.append((f"{name} server CPU ms / request", f"{cpu[name] / len(values) * 1000:.2f}"))
    rows.append(("p99 ratio ours / bare", f"{percentile(ours, 0.99) / percentile(bare, 0.99):.2f}"))
    rows.append(("p50 ratio ours / bare", f"{statistics.median(ours) / statistics.median(bare):.2f}"))
    per_round = sorted(o / b for o, b in zip(round_p99[OURS], round_p99[BARE], strict=True))
    rows.append(("p99 ratio ours / bare, by round (min-max)", f"{per_round[0]:.2f}-{per_round[-1]:.2f}"))
    rows.append(
        ("p99 ratio fixed guidance / bare", f"{percentile(fixed, 0.99) / percentile(bare, 0.99):.2f}")
    )
    our_work = (cpu[OURS] / len(ours) - cpu[FIXED] / len(fixed)) * 1000
    rows.append(("server CPU ours - fixed guidance (our work) ms", f"{our_work:.2f}"))
    answered = delivered[OURS]
    late = sum(a > r + 0.05 for a, r in zip(answered, ours, strict=True))
    rows.append(("ours: answers after the acknowledgement (burst)", f"{late} / {len(answered)}"))
    rows.append(
        (
            "ours: answer in the user's hands p50 / p99 ms (burst)",
            f"{statistics.median(answered):.1f} / {percentile(answered, 0.99):.1f}",
        )
    )
    rows.append(
        (
            "bare Bolt (fixed guidance): answer p50 / p99 ms (burst)",
            f"{statistics.median(fixed):.1f} / {percentile(fixed, 0.99):.1f}",
        )
    )
    for name, values in alone.items():
        rows.append(
            (
                f"one at a time: {name} p50 / p99 ms",
                f"{statistics.median(values):.1f} / {percentile(values, 0.99):.1f}",
            )
        )
    return rows


def run() -> list[tuple[str, str]]:
    """Rows for the aggregated benchmark table."""
    return measure()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    args = parser.parse_args()
    for label, value in measure(args.requests, args.concurrency, args.rounds):
        print(f"| {label:<32} | {value:>12} |")


if __name__ == "__main__":
    main()
