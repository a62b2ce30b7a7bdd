"""A fourth author's safety set (2026-12-03), written before reading the patterns or earlier sets.

182 texts in two halves of the same mix (about 45 suicide, 15 homicide, 20 abuse and 10 medical
positives; 92 negatives: ordinary dilemmas, resolved pasts, negated ideation, coursework, figures
of speech, the clinician's own feelings, risk words in other senses).

Only the dev half was looked at while changing the patterns. Before: recall 45/46 (38 by the
patterns alone), false alarms 1/46. Its misses and false alarm led to general fixes (a diabetic
emergency and dangerous withdrawal from their signs, patterned injuries an "accident" does not
explain, a stockpile referred to as "them", regret at surviving an attempt, putting affairs in
order, a persecutory belief with intent to act, a routine screen reported negative, and "kill
another ..." read as a threat to others). After: recall 46/46, all by the patterns, 0/46 false
alarms; those dev lines are in-sample now.

The test half was measured once, at the end, and not looked at before: recall 41/44 (34 by the
patterns alone), false alarms 3/46, the same as before the changes. Floors sit slightly below those
figures so that a regression fails.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from commands import safety
from tests.commands.safety_rounds import DATA, KINDS, Row, false_alarms, read_half, recall


def rows(half: str) -> list[Row]:
    return read_half("round4", half)


# half: (positives, negatives, least caught, least caught by patterns alone, most false alarms)
FLOORS = {"dev": (46, 46, 45, 44, 1), "test": (44, 46, 40, 33, 4)}


@pytest.mark.parametrize("half", sorted(FLOORS))
def test_round4_recall_floor(half: str) -> None:
    n_pos, _, least, least_patterns, _ = FLOORS[half]
    counted = recall(rows(half))
    assert counted.positives == n_pos and counted.kinds == KINDS
    assert counted.caught >= least, counted.missed
    assert counted.by_patterns >= least_patterns


@pytest.mark.parametrize("half", sorted(FLOORS))
def test_round4_false_alarm_ceiling(half: str) -> None:
    _, n_neg, _, _, most = FLOORS[half]
    negatives, alarms = false_alarms(rows(half))
    assert negatives == n_neg
    assert len(alarms) <= most, alarms


def test_round4_texts_are_not_in_any_other_data_file() -> None:
    """No line duplicates, as exact text, a line of another data file or the training file."""
    root = Path(__file__).resolve().parents[2]
    others = {
        line.strip().lstrip("- ").strip("'\"")
        for line in (root / "commands" / "data" / "classifier_training.yml").read_text().splitlines()
    }
    for path in DATA.glob("*.jsonl"):
        if not path.name.startswith("safety_round4_"):
            for line in path.read_text().splitlines():
                row = json.loads(line) if line.strip() else {}
                if isinstance(row, dict) and isinstance(row.get("text"), str):
                    others.add(row["text"])
    leaked = [str(r["text"]) for half in FLOORS for r in rows(half) if str(r["text"]) in others]
    assert leaked == []


# The general fixes, on wordings of their own (not lines of the data set).
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("clt type 1 diabetic, shaky and confused in session, not making sense", "medical"),
        ("diabetic pt is sweaty and shaky and pale right now", "medical"),
        ("clt quit drinking cold turkey 3 days ago and is seeing things and shaking all over", "medical"),
        ("teen has finger marks around her neck", "abuse"),
        ("elderly client has grab marks on both arms from her aide", "abuse"),
        ("9 yo has cigarette burns, mom says it was an accident", "abuse"),
        ("client said he's mad he survived the overdose", "suicide"),
        ("he's upset they found him in time and says next time he'll use more pills", "suicide"),
        ("her oxy is in the bathroom drawer and she admitted she's been stockpiling them", "suicide"),
        ("she said she sold all her stuff and wrote letters to her kids", "suicide"),
        ("pt believes his neighbor is spying on him and says he'll teach him a lesson", "homicide"),
        ("client threatened to kill another resident at the shelter", "homicide"),
    ],
)
def test_round4_general_fixes_fire(text: str, kind: str) -> None:
    signal = safety.check_patterns(text)
    assert signal is not None and signal.kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "client is diabetic and asked if she can eat snacks in session",
        "my diabetic client got sweaty during a hard conversation about her dad",
        "client doing a digital detox this month, wants to skip texting reminders",
        "my 6yo made a handprint turkey for me, can i keep it",
        "she regrets waking up so early for our 8am session lol",
        "my client thinks her boss is out to get her and wants to confront him about it in a meeting",
        "pt paid off her credit cards and is finally debt free, brought me cookies to celebrate",
        "client sold his truck to pay for grad school",
        "screened for SI as usual, came back negative, client asked about my vacation dates",
    ],
)
def test_round4_general_fixes_stay_quiet(text: str) -> None:
    assert safety.check_patterns(text) is None
