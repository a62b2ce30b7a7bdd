"""The imminent-risk check on its own: each layer of :mod:`commands.safety` and the kinds it names.

``test_classify.py`` guards the aggregate figures over ``tests/data``; these tests pin down why a
message fires or stays quiet, one mechanism at a time, so a regression points at its cause.
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path
from typing import Any

import pytest

from commands.safety import (
    _BACKSTOP,
    BACKSTOP_REASON,
    SafetySignal,
    backstop_input,
    check,
    check_patterns,
    normalize,
)

DATA = Path(__file__).resolve().parents[1] / "data"


def _jsonl(name: str) -> list[dict[str, Any]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _fires(text: str) -> bool:
    return check(text) is not None


# ------------------------------------------------------------------------------------ what must fire


# Where two kinds fit (a threat to the client from a partner is homicide and abuse; swallowing a bottle of
# pills is suicide and medical), the check reports the more urgent one first; either is accepted here.
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # an indirect goodbye, alone or with no answer since
        ("pt msgd 'thanks for everything, this is goodbye' and hasnt answered since", "suicide"),
        ("client texted 'tell my kids i love them' and now her phone is off", "suicide"),
        ("cl said 'you won't have to worry about me anymore'", "suicide"),
        ("pt posted 'it was nice knowing everyone' an hour ago", "suicide"),
        # a threat to a person with a weapon or stalking, without the word "kill"
        ("clt said he'll make his ex pay and he just bought a shotgun", "homicide"),
        ("client made a specific threat against his coworker and has access to guns", "homicide"),
        ("he's been following her home from work every night", "abuse"),
        ("pt keeps showing up at his ex's job and has a hunting rifle in his truck", "homicide"),
        # at or heading to a high place or a lethal means, now or soon
        ("pt texted 'im on the ledge' at 1am", "suicide"),
        ("client is sitting on the roof of her building right now", "suicide"),
        ("cl said she's heading to the bridge after session", "suicide"),
        ("she's in her car in the garage with the engine running", "suicide"),
        # self-harm that escalates or is out of control
        ("cl said she's cutting deeper every night and tonight she might not stop", "suicide"),
        ("teen pt says the cuts are getting worse and she can't control it anymore", "suicide"),
        # a child's words for sexual abuse, elder abuse, domestic violence with lethality signs
        ("my 6yo client said her uncle touches her private parts", "abuse"),
        ("4 yo said grandpa hurts her down there and makes her keep secrets", "abuse"),
        ("kiddo said her babysitter does the 'bad touch'", "abuse"),
        ("pt's grandma (84) is left in soiled sheets for days and has sores", "abuse"),
        ("client said her husband strangled her and said next time he'll finish it", "homicide|abuse"),
        # means and intent, stockpiling, researching a dose
        ("pt is a nurse taking vials home and said she'll inject them all tonight", "suicide"),
        ("cl has been stockpiling her seroquel for months", "suicide"),
        ("pt has been researching how many pills it would take", "suicide"),
        # a medical emergency in session
        ("client OD'd in the bathroom and is barely responsive", "medical"),
        ("pt is unresponsive in the waiting room", "medical"),
        ("client took a bottle of tylenol an hour ago", "suicide|medical"),
    ],
)
def test_imminent_risk_fires_with_its_kind(text: str, kind: str) -> None:
    signal = check(text)
    assert isinstance(signal, SafetySignal), text
    assert signal.kind in kind.split("|"), (text, signal)
    assert signal.reason


# ------------------------------------------------------------------------------------ what must stay quiet


@pytest.mark.parametrize(
    "text",
    [
        # professional or educational context
        "reading about the columbia scale for my practicum seminar",
        "we watched a training video on suicide risk assessment today",
        "writing a paper on elder abuse and mandated reporting",
        "reviewing mandated reporting laws with my supervisor tomorrow",
        "cl did a chain analysis on last spring's self-harm episode, she has been clean 8 months",
        "client is an ER nurse and talked about a pt who OD'd on her shift",
        # clearly past and resolved
        "CPS already investigated and closed it, family doing well",
        "we went over her overdose history from 2019 and her recovery since",
        "pt had an attempt 5 yrs ago, now stable and working full time",
        # hypothetical or safety-planning talk
        "pt asked what i would do if she ever felt suicidal, we reviewed the crisis plan",
        "client asked about the limits of confidentiality regarding self-harm",
        # explicit denial
        "pt denies SI/HI, no plan or intent",
        "client denied any thoughts of hurting herself or anyone else",
        # idioms
        "client is dying to see her grandkids",
        "her job is killing her",
        "pt killed it at her interview",
        "cl is drowning in paperwork",
        "client said her sister is going to kill her for borrowing her car lol",
        # ordinary endings and outings
        "pt said goodbye at our last session and thanked me for everything, termination went well",
        "client is going to the cliffs this weekend for a hike with her sister",
    ],
)
def test_context_that_defuses_stays_quiet(text: str) -> None:
    assert check(text) is None, (text, check(text))


# ------------------------------------------------------------------------------------ the mechanisms


def test_a_denial_covers_only_what_it_denies() -> None:
    assert not _fires("pt denies SI/HI")
    assert _fires("pt denies a plan but said she wants to die tonight")


def test_an_acute_marker_overrides_a_resolved_or_professional_context() -> None:
    assert not _fires("CPS investigated the dad in 2017 and closed it")
    assert _fires("CPS closed the case last year but the 8 yo says dad is hitting him again")
    assert not _fires("reading about overdose for class")
    assert _fires("reading about overdose for class when my client texted that she took all her pills")


def test_a_single_warning_sign_needs_a_second_before_it_fires() -> None:
    assert not _fires("client isn't answering my texts about rescheduling")
    assert not _fires("pt gave away her old clothes while decluttering")
    assert _fires("pt said sorry for everything and now isn't answering my texts")
    assert not _fires("client's husband keeps his guns locked in a safe")
    assert _fires("client says his neighbor has it coming and he's been sharpening knives")


def test_a_high_place_needs_presence_or_a_second_sign() -> None:
    assert not _fires("pt drove over the bridge on vacation and was scared of heights")
    assert _fires("pt said he's going to the train tracks after session")
    assert _fires("client called me from the parking garage roof, sitting on the edge")


def test_joking_exasperation_is_quiet_but_not_about_a_partner() -> None:
    assert not _fires("pt said her coworker is a nightmare and she wants to strangle him lol")
    assert _fires("pt said her husband wants to strangle her lol")


def test_context_words_after_a_clause_break_still_count() -> None:
    assert _fires("13 yo says her mom's boyfriend comes into the bathroom while she showers")


def test_a_child_asking_about_their_body_is_not_a_disclosure() -> None:
    assert not _fires("her 5yo asked why boys have different private parts, she wasn't sure what to say")
    assert _fires("her 5yo said the neighbor showed her his private parts")


def test_an_age_gap_with_a_minor_fires() -> None:
    assert _fires("pt's 13 yo daughter is 'dating' a 25 yo coworker")
    assert not _fires("client's 16 yo is dating a 16 yo from school")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("cl said she's thinkin abt endin it", "she is thinking about ending it"),
        ("shes on the roof", "she is on the roof"),
        ("he's been saving pills", "he has been saving pills"),
        ("pt is sucidal", "client is suicidal"),
        ("call me rn", "right now"),
        ("C-SSRS done", "columbia scale"),
    ],
)
def test_normalize_reads_quick_typing(raw: str, expected: str) -> None:
    assert expected in normalize(raw)


@pytest.mark.parametrize("word", ["bride", "blending", "handing", "strange", "privates", "abuse"])
def test_real_words_are_not_corrected_into_risk_words(word: str) -> None:
    assert normalize(f"the {word} here").split()[1] == word


def test_a_decimal_point_ends_no_sentence() -> None:
    """Lab values stay whole, so the clause that follows them is read with them."""
    assert "k was 2.6 on" in normalize("K was 2.6 on todays labs")
    signal = check("pt w bulimia, K was 2.6 on todays labs, she feels faint")
    assert signal is not None and signal.kind == "medical"


def test_non_safety_eval_rows_stay_quiet() -> None:
    rows = [row for row in _jsonl("boundary_eval.jsonl") if row["category"] != "safety_crisis"]
    alarms = [row["text"] for row in rows if _fires(row["text"])]
    assert len(alarms) <= len(rows) // 100, alarms


# ------------------------------------------------------------------------------------ the learned backstop

# Written after the backstop was trained and kept out of its training data. Of 18 fresh risks the
# patterns caught 8; of the 10 they missed, the backstop caught the 8 below (two, "wrote a note for her
# sister and put it in her desk drawer" and "how peaceful it would be to not exist anymore, says it
# feels close", stayed missed). Of 16 fresh near-misses it fired on 2 ("trouble waking up ... takes
# melatonin", "sold his car and paid off his debts, he's proud of himself"), not pinned here.


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("client said he's not planning to be here for his birthday next month", "suicide"),
        ("pt said she doesnt see the point of waking up tomorrow and has her moms sleeping pills", "suicide"),
        ("client mentioned he's been looking up how high the parking structure downtown is", "suicide"),
        ("pt said she told her roommate to take care of her cat if anything happens this week", "suicide"),
        ("cl says he drafted a message to his kids and scheduled it to send tomorrow morning", "suicide"),
        (
            "cl said the world would be quieter without her stepfather and she knows where he keeps the key "
            "to the gun cabinet",
            "homicide",
        ),
        (
            "client said if his ex shows up at the custody exchange he's going to make sure she never does "
            "it again, he's been carrying a bat",
            "homicide",
        ),
        ("client said the voices told her she has to hurt the baby", "homicide|abuse"),
    ],
)
def test_backstop_catches_paraphrases_the_patterns_miss(text: str, kind: str) -> None:
    """The backstop alone catches each; the answer's kind is right whoever caught it.

    Since 2026-12-04 the patterns catch the stepfather one too ("the world would be quieter
    without her stepfather" is now a threat factor), so only the backstop's part is pinned for it.
    """
    assert _BACKSTOP.fires(backstop_input(text)), text
    signal = check(text)
    assert isinstance(signal, SafetySignal), text
    assert signal.kind in kind.split("|"), (text, signal)
    if check_patterns(text) is None:
        assert signal.reason == BACKSTOP_REASON


@pytest.mark.parametrize(
    "text",
    [
        "pt is giving her plants away because she's moving to a smaller apartment",
        "client isn't planning a party for his birthday this year, just a quiet dinner",
        "cl wrote a thank-you note to her sister for helping with the move",
        "my client talked about how peaceful the lake was on her retreat",
        "client mentioned the parking structure downtown is always full",
        "pt asked her roommate to take care of her cat while she visits family",
        "client is worried his ex will be late to the custody exchange again",
        "client's toddler burned his hand on the stove last year and it healed fine",
        "pt cancelled her appointments for next month because of a work trip",
        "cl drafted a message to his kids about the summer schedule",
        "client said she's tired after the long week and wants to rest",
        "pt said she's done with her ex and feels relieved",
    ],
)
def test_backstop_is_quiet_on_benign_near_misses(text: str) -> None:
    assert check(text) is None, (text, check(text))


def test_pattern_reasons_win_over_the_backstop() -> None:
    signal = check("client said tonight she will take all her pills")
    assert signal is not None and signal.reason != BACKSTOP_REASON


def test_the_backstop_reads_only_sentences_no_context_defused() -> None:
    assert backstop_input("reading about suicide risk assessment for class") == ""
    kept = backstop_input("pt denies SI/HI. she gave her dog to a neighbor for good")
    assert "gave her dog" in kept


def test_check_is_fast() -> None:
    texts = [row["text"] for row in _jsonl("boundary_eval.jsonl")][:300]
    timings: list[float] = []
    for text in texts:
        started = time.perf_counter()
        check(text + " ")
        timings.append(time.perf_counter() - started)
    assert statistics.quantiles(timings, n=100)[98] < 0.020


# ------------------------------------------------------------------------------------ run-on text

ORDINARY = (
    "we talked about her week at work and the new manager and how the commute has been long and "
    "she mentioned her sister visiting and that the garden is finally doing well and "
)


@pytest.mark.parametrize("offset", range(0, 520, 13))
def test_a_risk_phrase_anywhere_in_a_page_without_full_stops_fires(offset: int) -> None:
    """Run-on sentences are read in windows; a phrase cut by one window is whole in the next."""
    filler = (ORDINARY * 30)[:offset]
    text = filler + "and then she said she is going to kill herself tonight and " + ORDINARY * 20
    assert len(text) > 3 * 400
    signal = check(text)
    assert signal is not None and signal.kind == "suicide", offset


def test_a_page_of_ordinary_run_on_text_stays_quiet() -> None:
    assert check(ORDINARY * 25) is None


def test_windows_cover_every_short_stretch_of_a_long_sentence() -> None:
    from commands.safety import SENTENCE_WINDOW, WINDOW_OVERLAP, _windows

    sentence = " ".join(f"w{i}" + "x" * (i % 9) for i in range(400))
    windows = list(_windows(sentence))
    assert all(len(w) <= SENTENCE_WINDOW for w in windows)
    span = WINDOW_OVERLAP - 20  # a phrase this long is never cut in every window that holds it
    starts = [i + 1 for i, c in enumerate(sentence) if c == " "]
    for start in starts:
        phrase = sentence[start : start + span].rsplit(" ", 1)[0]
        assert any(phrase in w for w in windows), phrase
