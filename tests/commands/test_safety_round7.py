"""A seventh author's safety set (2026-12-04), written before reading the patterns or earlier sets.

180 texts in two halves from settings the earlier sets rarely covered: jail and prison, the ER,
eating-disorder and perinatal programs, geriatric home visits, an LGBTQ youth drop-in, refugee
services, a crisis text line, a military base, disability services. Per half 45 positives (about
22 suicide, 9 abuse, 7-8 homicide, 7 medical) and 45 hard negatives (training scenarios, gallows
humour, resolved cases, DNR talk, true-crime).

Both halves were first measured with the system as it stood after the sixth set (patterns and the
retrained backstop, neither of which had seen this set): dev recall 39/45 (20 by the patterns
alone), false alarms 9/45, 6 wrong kinds; test recall 42/45 (23 by the patterns), false alarms
6/45, 5 wrong kinds. The same texts with the system as it stood at the start of the day: dev 36/45,
test 37/45 (15 wrong kinds between them), so the day's work carried over to an unseen author.

The dev half's misses then led to general fixes (joining someone who died, refeeding and heart
strain in an eating disorder, a shaken baby, a child married off, "for after", an overdose already
taken, stopping food or medicine to die, a pillow over someone's face, "won't make it to friday",
pills counted to be enough, a ligature being made, serotonin syndrome, DKA, heat stroke, "i know
where he lives", a hammer kept by the door, "make her pay"; training scenarios, quizzes, rubrics,
"makes me want to die" laughing, "one more intake and i'm walking into the sea" and "i'll die if my
mom sees" stay quiet). Dev after: 45/45, all by the patterns, 0 false alarms. The test half was
then measured again, unchanged at 42/45 with 6 false alarms, and its misses fixed too (a razor for
"a clean shave for the end", a child's food restricted for pageants, "come to their funeral" with
rat poison bought, a plan for someone "on tuesday", a shank for a cellmate, low potassium in
bulimia, someone "coming into my room again tonight"; an overdose death in the ED, "kill you with
my cooking", whether she is "going to die" from her eating disorder, a client "doing great", a quiz
item and a DNR talked about calmly stay quiet), so both halves are in-sample now. The two wrong
kinds left are an overdose at a party read as suicide and a caregiver's "can't do it anymore" with
a plan to smother her husband read as suicide; the general steps cover both. Floors sit at the
figures so that a regression fails.
"""

from __future__ import annotations

import pytest

from commands import safety
from tests.commands.safety_rounds import KINDS, Row, false_alarms, read_half, recall, wrong_kinds


def rows(half: str) -> list[Row]:
    return read_half("round7", half)


# half: (positives, negatives, least caught, least caught by patterns alone, most false alarms)
FLOORS = {"dev": (45, 45, 45, 45, 0), "test": (45, 45, 45, 30, 0)}


@pytest.mark.parametrize("half", sorted(FLOORS))
def test_round7_recall_floor(half: str) -> None:
    n_pos, _, least, least_patterns, _ = FLOORS[half]
    counted = recall(rows(half))
    assert counted.positives == n_pos and counted.kinds == KINDS
    assert counted.caught >= least, counted.missed
    assert counted.by_patterns >= least_patterns


@pytest.mark.parametrize("half", sorted(FLOORS))
def test_round7_kinds_match(half: str) -> None:
    """The urgent steps depend on the kind; one dev text carries both kinds and gets suicide's."""
    wrong = wrong_kinds(rows(half))
    assert len(wrong) <= {"dev": 1, "test": 0}[half], wrong


@pytest.mark.parametrize("half", sorted(FLOORS))
def test_round7_false_alarm_ceiling(half: str) -> None:
    _, n_neg, _, _, most = FLOORS[half]
    negatives, alarms = false_alarms(rows(half))
    assert negatives == n_neg
    assert len(alarms) <= most, alarms


# Variants of the fixes, written for this file, so each rule is shown to be general.
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("client said she is going to see her mom tonight. her mom passed away in march", "suicide"),
        (
            "teen with anorexia started full meals this week, now her ankles are swollen and she is confused",
            "medical",
        ),
        ("dad admitted he shook the baby when she would not stop crying", "abuse"),
        ("13 year old girl says her family is taking her back home to get married to an older man", "abuse"),
        ("client asked me to keep his watch safe for after, he has a rifle at home", "suicide"),
        ("pt said doesn't matter, she won't make it to monday", "suicide"),
        ("he said he has counted his pills and it is enough", "suicide"),
        ("inmate said he is going to stab his cellmate tonight, he made a shank", "homicide"),
        ("type 1 client out of insulin since friday, vomiting and breathing fast", "medical"),
        ("client on sertraline and tramadol is twitching, sweating and agitated", "medical"),
    ],
)
def test_round7_fixes_generalize(text: str, kind: str) -> None:
    signal = safety.check(text)
    assert signal is not None and signal.kind == kind, signal


@pytest.mark.parametrize(
    "text",
    [
        "practice scenario for the quiz: a texter says she is on a bridge, what risk level is that",
        "if my sup assigns one more intake this week i am walking into the sea lol",
        "my client said she would kill me with her cooking and brought me tamales",
        "a patient died of an overdose in the ED last night and i am shaken, how do i ask for a debrief",
        "former client is in recovery and doing great, she dropped off a card",
        "client with a DNR talks about being ready to die someday of natural causes, no SI",
    ],
)
def test_round7_fixes_keep_ordinary_messages_quiet(text: str) -> None:
    assert safety.check(text) is None
