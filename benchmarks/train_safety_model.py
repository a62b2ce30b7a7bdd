"""Train the learned safety backstop and measure, honestly, whether it generalises.

Writes ``commands/data/safety_model.json`` (read by :mod:`commands.safety_model`). Standard
library only, so the model can be rebuilt anywhere the project runs.

Training data, all from the repository:

* positives: the ``safety_crisis`` rows of ``tests/data/boundary_eval.jsonl`` and the
  ``safety_crisis`` examples of ``commands/data/classifier_training.yml``;
* negatives: ``tests/data/safety_negatives.jsonl`` and every other category's examples in the
  training file (ordinary boundary questions);
* both: the independent authors' safety sets (``ROUND_FILES``: ``safety_heldout.jsonl`` and the
  ``safety_round*`` files), each a batch of risks and hard negatives written without reading the
  patterns.

The non-safety rows of ``boundary_eval.jsonl`` are kept out of training on purpose: they stay a
held-out check that the backstop is quiet on ordinary questions.

Evaluation (``--rounds DIR``): the eval and negatives files grew in rounds; ``DIR`` holds each
round's texts as ``rN_pos.txt`` / ``rN_neg.txt``. For each round k the backstop is trained without
round k's texts (removed from the repository files by exact match) and its threshold is chosen by
an inner, round-grouped cross-validation to keep false alarms at or below ``--max-fa`` on held-out
negatives; it is then scored on round k. With ``safety.orig.py`` (the patterns before any round)
and later snapshots in ``DIR``, it also reports patterns that never saw round k, alone and OR the
backstop. The shipped threshold is chosen from the outer out-of-fold scores of all rounds.

``--repo-rounds`` runs the same leave-one-round-out evaluation with the authors' sets in the
repository as the rounds (one round per author; both halves of a dev/test pair together), so the
figures can be reproduced from a clean checkout.

Run: ``python benchmarks/train_safety_model.py --repo-rounds`` (or ``--rounds DIR``). The shipped model used
the default budget of 1% false alarms on the held-out authors' hard negatives, which also keeps the
backstop under 1% on the ordinary questions it never trains on. (With the ninth author's set, whose
hard negatives are jokes and assessed denials in the positives' own words, a 0.5% budget pushed the
inner threshold to 0.93 and leave-one-author-out recall to 0.70 for a realised false-alarm rate of
0.8%; at 1% recall is 0.82 at 0.9%.)
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import random
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from commands import safety  # noqa: E402
from commands.safety_model import KINDS, features  # noqa: E402

DATA = ROOT / "tests" / "data"
OUT = ROOT / "commands" / "data" / "safety_model.json"

ROUND_FILES: tuple[tuple[str, ...], ...] = (
    ("safety_heldout",),
    ("safety_round3",),
    ("safety_round4_dev", "safety_round4_test"),
    ("safety_round5_dev", "safety_round5_test"),
    ("safety_round6_dev", "safety_round6_test"),
    ("safety_round7_dev", "safety_round7_test"),
    ("safety_round8_dev", "safety_round8_test"),
    ("safety_round9_dev", "safety_round9_test"),
)
"""The independent authors' sets, one round each, in the order they were written."""

EPOCHS = 12
L2 = 1e-4
LEARNING_RATE = 0.5
MIN_DF = 2
KIND_ALPHA = 0.3


@dataclass(frozen=True)
class Example:
    text: str
    label: int  # 1 imminent risk, 0 not
    source: str  # "eval", "neg", "yml"


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_examples() -> tuple[list[Example], list[str]]:
    """The training examples, and the held-out ordinary questions (non-safety eval rows)."""
    examples: list[Example] = []
    held_out: list[str] = []
    for row in _jsonl(DATA / "boundary_eval.jsonl"):
        if row["category"] == "safety_crisis":
            examples.append(Example(row["text"], 1, "eval"))
        else:
            held_out.append(row["text"])
    examples.extend(Example(row["text"], 0, "neg") for row in _jsonl(DATA / "safety_negatives.jsonl"))
    training = yaml.safe_load((ROOT / "commands" / "data" / "classifier_training.yml").read_text("utf-8"))
    for category, spec in training["categories"].items():
        label = int(category == "safety_crisis")
        examples.extend(Example(text, label, "yml") for text in spec.get("examples", []))
    seen = {e.text for e in examples}
    for pos, neg in repo_rounds().values():
        examples.extend(Example(text, 1, "round") for text in pos if text not in seen)
        examples.extend(Example(text, 0, "round") for text in neg if text not in seen)
    return examples, held_out


def repo_rounds() -> dict[int, tuple[list[str], list[str]]]:
    """The authors' sets of ``ROUND_FILES`` as rounds: (risks, not risks) per author."""
    rounds: dict[int, tuple[list[str], list[str]]] = {}
    for k, names in enumerate(ROUND_FILES, start=1):
        pos: list[str] = []
        neg: list[str] = []
        for name in names:
            for row in _jsonl(DATA / f"{name}.jsonl"):
                (pos if row.get("risk", row.get("safety")) else neg).append(row["text"])
        rounds[k] = (pos, neg)
    return rounds


# ------------------------------------------------------------------------------------ logistic regression


@dataclass
class Model:
    bias: float
    weights: dict[str, float]

    def score(self, feats: Sequence[str]) -> float:
        if not feats:
            return 0.0
        z = self.bias + sum(self.weights.get(f, 0.0) for f in feats) / math.sqrt(len(feats))
        return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0


def train(docs: Sequence[Sequence[str]], labels: Sequence[int], seed: int = 13) -> Model:
    """Class-balanced logistic regression by AdaGrad over binary features scaled by 1/sqrt(n)."""
    df: Counter[str] = Counter()
    for feats in docs:
        df.update(feats)
    index = {f: i for i, f in enumerate(sorted(f for f, n in df.items() if n >= MIN_DF))}
    rows = [([index[f] for f in feats if f in index], 1.0 / math.sqrt(max(1, len(feats)))) for feats in docs]
    n_pos = sum(labels)
    n_neg = len(labels) - n_pos
    class_weight = {1: len(labels) / (2 * n_pos), 0: len(labels) / (2 * n_neg)}
    w = [0.0] * len(index)
    g2 = [1e-8] * len(index)
    bias, bias_g2 = 0.0, 1e-8
    order = list(range(len(docs)))
    rng = random.Random(seed)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for j in order:
            ids, scale = rows[j]
            z = bias + scale * sum(w[i] for i in ids)
            p = 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0
            err = (p - labels[j]) * class_weight[labels[j]]
            bias_g2 += err * err
            bias -= LEARNING_RATE * err / math.sqrt(bias_g2)
            g = err * scale
            for i in ids:
                grad = g + L2 * w[i]
                g2[i] += grad * grad
                w[i] -= LEARNING_RATE * grad / math.sqrt(g2[i])
    names = sorted(index, key=index.__getitem__)
    return Model(bias, {names[i]: w[i] for i in range(len(w)) if abs(w[i]) > 1e-4})


def train_kinds(
    docs: Sequence[Sequence[str]], kinds: Sequence[int]
) -> tuple[list[float], dict[str, list[float]]]:
    """Multinomial naive Bayes over the positives' features, labelled with the pattern kinds."""
    counts = [Counter[str]() for _ in KINDS]
    for feats, kind in zip(docs, kinds, strict=True):
        counts[kind].update(feats)
    vocabulary = sorted({f for c in counts for f, n in c.items() if n >= MIN_DF})
    totals = [sum(c[f] for f in vocabulary) for c in counts]
    size = len(vocabulary)
    n = Counter(kinds)
    prior = [math.log((n[i] + 1) / (len(kinds) + len(KINDS))) for i in range(len(KINDS))]
    loglik = {
        f: [
            round(math.log((counts[i][f] + KIND_ALPHA) / (totals[i] + KIND_ALPHA * size)), 3)
            for i in range(len(KINDS))
        ]
        for f in vocabulary
    }
    # only the differences between kinds matter; drop features that barely discriminate
    loglik = {f: row for f, row in loglik.items() if max(row) - min(row) > 0.5}
    return prior, loglik


# ------------------------------------------------------------------------------------ evaluation


def threshold_for(neg_scores: Sequence[float], max_fa: float) -> float:
    """The lowest threshold whose false-alarm rate on these negatives is at most ``max_fa``."""
    ranked = sorted(neg_scores, reverse=True)
    allowed = math.floor(max_fa * len(ranked))
    # fire on score >= t: put t just above the (allowed+1)-th highest negative score
    return ranked[allowed] + 1e-9 if allowed < len(ranked) else 0.0


def read_rounds(directory: Path) -> dict[int, tuple[list[str], list[str]]]:
    if str(directory) == REPO_ROUNDS:
        return repo_rounds()
    rounds: dict[int, tuple[list[str], list[str]]] = {}
    k = 1
    while (directory / f"r{k}_pos.txt").exists():
        pos = [t.strip() for t in (directory / f"r{k}_pos.txt").read_text("utf-8").splitlines() if t.strip()]
        neg = [t.strip() for t in (directory / f"r{k}_neg.txt").read_text("utf-8").splitlines() if t.strip()]
        rounds[k] = (pos, neg)
        k += 1
    return rounds


REPO_ROUNDS = "<repository>"
"""Stands for ``repo_rounds()`` where a rounds directory is expected."""

_FEATS: dict[str, list[str]] = {}


def feats_of(text: str) -> list[str]:
    if text not in _FEATS:
        _FEATS[text] = features(safety.backstop_input(text))
    return _FEATS[text]


def fit_excluding(examples: Sequence[Example], excluded: set[str]) -> Model:
    kept = [e for e in examples if e.text not in excluded]
    return train([feats_of(e.text) for e in kept], [e.label for e in kept])


def inner_threshold(
    examples: Sequence[Example],
    rounds: dict[int, tuple[list[str], list[str]]],
    ks: Sequence[int],
    max_fa: float,
) -> float:
    """Choose a threshold from out-of-fold scores of the hard negatives of rounds ``ks`` (4 groups)."""
    groups = [list(ks[i::4]) for i in range(4)]
    outer_excluded = {t for k in rounds if k not in ks for t in rounds[k][0] + rounds[k][1]}
    neg_scores: list[float] = []
    for group in groups:
        held = {t for k in group for t in rounds[k][0] + rounds[k][1]}
        model = fit_excluding(examples, outer_excluded | held)
        neg_scores.extend(model.score(feats_of(t)) for k in group for t in rounds[k][1])
    return threshold_for(neg_scores, max_fa)


def _load_patterns(path: Path) -> Callable[[str], bool] | None:
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location(f"old_{path.stem.replace('.', '_')}", path)
    assert spec is not None and spec.loader is not None
    module: ModuleType = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return lambda text: module.check(text) is not None


def _fold(args: tuple[int, float, str]) -> dict[str, Any]:
    k, max_fa, directory = args
    examples, _ = load_examples()
    rounds = read_rounds(Path(directory))
    pos, neg = rounds[k]
    others = [j for j in rounds if j != k]
    threshold = inner_threshold(examples, rounds, others, max_fa)
    model = fit_excluding(examples, set(pos) | set(neg))
    return {
        "k": k,
        "threshold": threshold,
        "pos_scores": [model.score(feats_of(t)) for t in pos],
        "neg_scores": [model.score(feats_of(t)) for t in neg],
    }


def _forward(args: tuple[int, float, str]) -> dict[str, Any]:
    """Train only on what existed before round k (original data and rounds < k)."""
    k, max_fa, directory = args
    examples, _ = load_examples()
    rounds = read_rounds(Path(directory))
    later = {t for j in rounds if j >= k for t in rounds[j][0] + rounds[j][1]}
    earlier = [j for j in rounds if j < k]
    # inner threshold over the earlier rounds only: exclude later rounds from every inner fit
    groups = [earlier[i::4] for i in range(4)]
    neg_scores: list[float] = []
    for group in groups:
        held = {t for j in group for t in rounds[j][0] + rounds[j][1]}
        inner = fit_excluding(examples, later | held)
        neg_scores.extend(inner.score(feats_of(t)) for j in group for t in rounds[j][1])
    model = fit_excluding(examples, later)
    pos, neg = rounds[k]
    return {
        "k": k,
        "threshold": threshold_for(neg_scores, max_fa),
        "pos_scores": [model.score(feats_of(t)) for t in pos],
        "neg_scores": [model.score(feats_of(t)) for t in neg],
    }


def evaluate(directory: Path, max_fa: float, workers: int) -> float:
    """Print the leave-one-round-out table; return the threshold the out-of-fold scores support."""
    rounds = read_rounds(directory)
    orig = _load_patterns(directory / "safety.orig.py")
    with ProcessPoolExecutor(max_workers=workers) as pool:
        folds = sorted(pool.map(_fold, [(k, max_fa, str(directory)) for k in rounds]), key=lambda f: f["k"])
        snapshots = {10: "safety.prewrap.py", 11: "safety.pre_thanks.py", 12: "safety.pre_thanks.py"}
        forward_ks = [k for k in snapshots if k in rounds and (directory / snapshots[k]).exists()]
        forward = {f["k"]: f for f in pool.map(_forward, [(k, max_fa, str(directory)) for k in forward_ks])}

    def rate(flags: Sequence[bool]) -> float:
        return sum(flags) / len(flags) if flags else 0.0

    print(f"Leave-one-round-out, threshold chosen by inner CV for false alarms <= {max_fa}")
    print(
        "| round | pos/neg | patterns now R/FA | thr | backstop R/FA | orig patterns R/FA "
        "| orig-missed caught by backstop | orig OR backstop R/FA |"
    )
    print("|---|---|---|---|---|---|---|---|")
    totals: Counter[str] = Counter()
    for fold in folds:
        k = fold["k"]
        pos, neg = rounds[k]
        thr = fold["threshold"]
        now_p = [safety.check_patterns(t) is not None for t in pos]
        now_n = [safety.check_patterns(t) is not None for t in neg]
        bs_p = [s >= thr for s in fold["pos_scores"]]
        bs_n = [s >= thr for s in fold["neg_scores"]]
        row = f"| r{k} | {len(pos)}/{len(neg)} | {rate(now_p):.2f}/{rate(now_n):.2f} | {thr:.3f} | "
        row += f"{rate(bs_p):.2f}/{rate(bs_n):.2f} | "
        totals.update(
            pos=len(pos), neg=len(neg), bs_p=sum(bs_p), bs_n=sum(bs_n), now_p=sum(now_p), now_n=sum(now_n)
        )
        if orig is not None:
            op = [orig(t) for t in pos]
            on = [orig(t) for t in neg]
            missed = [b for o, b in zip(op, bs_p, strict=True) if not o]
            both_p = [o or b for o, b in zip(op, bs_p, strict=True)]
            both_n = [o or b for o, b in zip(on, bs_n, strict=True)]
            row += f"{rate(op):.2f}/{rate(on):.2f} | {sum(missed)}/{len(missed)} | "
            row += f"{rate(both_p):.2f}/{rate(both_n):.2f} |"
            totals.update(
                o_p=sum(op),
                o_n=sum(on),
                miss=len(missed),
                caught=sum(missed),
                both_p=sum(both_p),
                both_n=sum(both_n),
            )
        print(row)
    t = totals
    print(
        f"| all | {t['pos']}/{t['neg']} | {t['now_p'] / t['pos']:.2f}/{t['now_n'] / t['neg']:.2f} | - | "
        f"{t['bs_p'] / t['pos']:.2f}/{t['bs_n'] / t['neg']:.3f} | "
        + (
            f"{t['o_p'] / t['pos']:.2f}/{t['o_n'] / t['neg']:.2f} | {t['caught']}/{t['miss']} | "
            f"{t['both_p'] / t['pos']:.2f}/{t['both_n'] / t['neg']:.2f} |"
            if orig is not None
            else ""
        )
    )

    if forward:
        print(
            "\nForward in time: patterns snapshot that never saw round k, backstop trained on rounds < k only"
        )
        print("| round | snapshot | snapshot R/FA | thr | backstop R/FA | snapshot-missed caught | OR R/FA |")
        print("|---|---|---|---|---|---|---|")
        for k in forward_ks:
            snap = _load_patterns(directory / snapshots[k])
            assert snap is not None
            pos, neg = rounds[k]
            f = forward[k]
            thr = f["threshold"]
            sp = [snap(x) for x in pos]
            sn = [snap(x) for x in neg]
            bp = [s >= thr for s in f["pos_scores"]]
            bn = [s >= thr for s in f["neg_scores"]]
            missed = [b for o, b in zip(sp, bp, strict=True) if not o]
            print(
                f"| r{k} | {snapshots[k]} | {rate(sp):.2f}/{rate(sn):.2f} | {thr:.3f} | "
                f"{rate(bp):.2f}/{rate(bn):.2f} | {sum(missed)}/{len(missed)} | "
                f"{rate([a or b for a, b in zip(sp, bp, strict=True)]):.2f}/"
                f"{rate([a or b for a, b in zip(sn, bn, strict=True)]):.2f} |"
            )

    all_neg = [s for fold in folds for s in fold["neg_scores"]]
    return threshold_for(all_neg, max_fa)


# ------------------------------------------------------------------------------------ the shipped model


def build(threshold: float) -> dict[str, Any]:
    examples, held_out = load_examples()
    model = train([feats_of(e.text) for e in examples], [e.label for e in examples])
    positives = [e.text for e in examples if e.label == 1]
    kinds: list[int] = []
    kind_docs: list[list[str]] = []
    for text in positives:
        signal = safety.check_patterns(text)
        if signal is not None:
            kinds.append(KINDS.index(signal.kind))
            kind_docs.append(feats_of(text))
    prior, loglik = train_kinds(kind_docs, kinds)
    fired = sum(model.score(feats_of(t)) >= threshold for t in held_out)
    print(f"\nheld-out ordinary questions (non-safety eval rows): backstop fires on {fired}/{len(held_out)}")
    print(f"features kept: {len(model.weights)} weights, {len(loglik)} kind rows; threshold {threshold:.4f}")
    return {
        "about": "Written by benchmarks/train_safety_model.py; read by commands/safety_model.py.",
        "threshold": round(threshold, 6),
        "bias": round(model.bias, 6),
        "weights": {f: round(w, 4) for f, w in sorted(model.weights.items()) if abs(round(w, 4)) > 0},
        "kind_prior": [round(p, 4) for p in prior],
        "kind_loglik": dict(sorted(loglik.items())),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=Path, help="directory of rN_pos.txt / rN_neg.txt batches")
    parser.add_argument("--repo-rounds", action="store_true", help="the authors' sets in tests/data")
    parser.add_argument("--max-fa", type=float, default=0.01, help="false-alarm budget of the backstop")
    parser.add_argument("--threshold", type=float, help="use this threshold instead of evaluating")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    if args.threshold is not None:
        threshold = args.threshold
    elif args.repo_rounds:
        threshold = evaluate(Path(REPO_ROUNDS), args.max_fa, args.workers)
    elif args.rounds is not None:
        threshold = evaluate(args.rounds, args.max_fa, args.workers)
    else:
        parser.error("give --repo-rounds or --rounds to choose the threshold, or --threshold")
    data = build(threshold)
    if not args.no_write:
        OUT.write_text(json.dumps(data, separators=(",", ":"), sort_keys=False) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
