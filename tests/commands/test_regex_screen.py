"""The literal screen in front of the risk and category patterns: it may over-select, never under-select.

The decisive property is that screening changes no answer: every test below compares against the
patterns run one by one, on the project's corpora and on generated trainee-like text.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commands import classify as classify_module
from commands import safety
from commands.classify import classify
from commands.regex_screen import RegexScreen, ScreenedSubstitutions, required_atoms, whole_text_condition

DATA = Path(__file__).resolve().parents[1] / "data"
CORPORA = ("boundary_eval", "safety_negatives", "safety_heldout", "deid_corpus")


def corpus() -> list[str]:
    texts: list[str] = []
    for name in CORPORA:
        with (DATA / f"{name}.jsonl").open(encoding="utf-8") as lines:
            texts.extend(json.loads(line)["text"] for line in lines)
    return texts


def project_patterns() -> list[re.Pattern[str]]:
    """Every pattern the screens stand in front of."""
    rules = [rule.pattern for rule in safety._COMPILED]
    factors = [pattern for _, pattern in safety._FACTORS]
    categories = [pattern.regex for _, pattern in classify_module._MODEL.flat_patterns]
    substitutions = [pattern for pattern, _ in safety._SPECIAL_FORMS] + list(safety._IDIOMS)
    return rules + factors + list(safety._WARNING_SIGNS) + categories + substitutions


PATTERNS = project_patterns()
SCREEN = RegexScreen(PATTERNS)


def views(text: str) -> Iterator[str]:
    """The text as typed and as each pattern family reads it."""
    normalized = safety.normalize(text)
    yield text
    yield normalized
    yield from safety._sentences(safety._strip_idioms(normalized))
    yield f" {classify_module._MODEL.prepare(text).text} "


def missed(screen: RegexScreen, patterns: Sequence[re.Pattern[str]], text: str) -> list[str]:
    chosen = set(screen.candidates(text))
    return [p.pattern for i, p in enumerate(patterns) if i not in chosen and p.search(text)]


def test_nearly_every_project_pattern_has_literals_to_screen_on() -> None:
    """A pattern without them is tried on every text: correct, only slower."""
    assert len(SCREEN.always) <= 0.03 * len(PATTERNS)


def test_the_screen_never_drops_a_pattern_that_matches_the_corpora() -> None:
    failures = [
        (text[:60], miss)
        for text in corpus()
        for view in views(text)
        for miss in missed(SCREEN, PATTERNS, view)
    ]
    assert failures == []


def test_the_screen_actually_screens() -> None:
    """Over-selection is allowed, but a screen naming most patterns would save nothing."""
    texts = corpus()
    chosen = sum(len(SCREEN.candidates(safety.normalize(t))) for t in texts) / len(texts)
    assert chosen < 0.05 * len(PATTERNS)


VOCABULARY = sorted(
    {word for p in PATTERNS for word in re.findall(r"[a-z]{2,}", p.pattern)}
    | {"client", "she", "he", "tonight", "not", "never", "said", "i", "my", "pt", "wants", "to"}
)
TRAINEE_TEXT = st.lists(
    st.one_of(
        st.sampled_from(VOCABULARY),
        st.sampled_from([".", ",", "!", "?", "'s", "n't", "...", "-", "/", "2", "30", "$40", "\n", "\t"]),
    ),
    max_size=40,
).map(" ".join)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(TRAINEE_TEXT)
def test_generated_text_from_the_patterns_own_words_is_never_under_screened(text: str) -> None:
    for view in (text, *views(text)):
        assert missed(SCREEN, PATTERNS, view) == []


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(TRAINEE_TEXT)
def test_screening_changes_no_classification_or_risk_answer(text: str) -> None:
    screened = (classify(text), safety.check(text))
    with unscreened():
        assert (classify(text), safety.check(text)) == screened


def test_corpus_answers_are_the_same_with_and_without_the_screen() -> None:
    texts = corpus()
    screened = [(classify(t), safety.check_patterns(t)) for t in texts]
    with unscreened():
        assert [(classify(t), safety.check_patterns(t)) for t in texts] == screened


class unscreened:  # noqa: N801 - used as a context manager, like a function
    """Every screen in the risk check and the classifier answers "all of them" while active."""

    def __enter__(self) -> None:
        self._patch = pytest.MonkeyPatch()
        for screen in (safety._LIVE_SCREEN, classify_module._MODEL.screen):
            count = len(screen)
            self._patch.setattr(screen, "candidates", lambda _text, n=count: range(n))
        for subs in (safety._SPECIAL_FORM_SUBS, safety._IDIOM_SUBS):
            count = len(subs._substitutions)
            self._patch.setattr(subs._screen, "candidates", lambda _text, n=count: range(n))

    def __exit__(self, *exc: object) -> None:
        self._patch.undo()


# ------------------------------------------------------------------ the literals of one pattern


@pytest.mark.parametrize(
    ("pattern", "atoms"),
    [
        (r"\bkill(?:ed|s)? (?:her|him)self\b", {"kill herself", "kill himself", "killed herself",
            "killed himself", "kills herself", "kills himself"}),
        (r"(?<!not )\bwants? to (?:die|end it)\b(?! lol)", {"want to die", "want to end it",
            "wants to die", "wants to end it"}),
        (r"gifts?|presents?", {"gift", "present"}),  # "gifts" holds "gift": the shorter is enough
        (r"\b\w+ (?:on|at) the bridge", {" on the bridge", " at the bridge"}),
        (r"x{2,}yyy[ab]", {"yyya", "yyyb"}),
        (r"\bover ?dos(?:e|ed|ing)\b", {"overdose", "overdosing", "over dose", "over dosing"}),
        (r"\d+ mg", {" mg"}),
    ],
)  # fmt: skip
def test_atoms_are_strings_every_match_contains(pattern: str, atoms: set[str]) -> None:
    assert required_atoms(re.compile(pattern)) == atoms


@pytest.mark.parametrize(
    "pattern",
    [r"\bpt\b", r"(?:a|b)c", r"\d+ m", r"(?:kill|x)?yz", r"(\w+) \1", r"(?i)bridge", r"(?:end it)?"],
)
def test_patterns_without_a_literal_in_every_match_have_no_atoms(pattern: str) -> None:
    assert required_atoms(re.compile(pattern)) is None


def test_the_screen_rules_out_patterns_whose_literals_are_absent() -> None:
    screen = RegexScreen([re.compile(r"\bkill\b"), re.compile(r"\boverdose\b"), re.compile(r"\bpt\b")])
    assert screen.always == (2,)
    assert screen.candidates("she took an overdose") == [1, 2]
    assert screen.candidates("a gift of a scarf") == [2]
    assert screen.candidates("") == [2]


def test_text_outside_ascii_is_screened_like_any_other() -> None:
    screen = RegexScreen([re.compile(r"\bcafé\b"), re.compile(r"\bkill\b")])
    assert screen.candidates("meet at the café") == [0]
    assert screen.candidates("on se voit au cafe") == []


def test_substitutions_see_what_an_earlier_substitution_created() -> None:
    subs = [
        (re.compile(r"\bpt\b"), "client"),
        (re.compile(r"\bclient (?:says|said)\b"), "client reported"),
        (re.compile(r"\breported\b"), "REPORTED"),
        (re.compile(r"zzz"), "never"),
    ]
    text = "my pt said she is fine"
    expected = text
    for pattern, replacement in subs:
        expected = pattern.sub(replacement, expected)
    assert ScreenedSubstitutions(subs).apply(text) == expected == "my client REPORTED she is fine"
    assert ScreenedSubstitutions(subs).apply("nothing to do") == "nothing to do"


# ------------------------------------------------------------------ whole-text conditions


@pytest.mark.parametrize(
    ("pattern", "whole"),
    [
        (r"(?=.*\bchild\b)(?=.*\bdad\b)", True),
        (r"(?=.*\b(?:kid|teen)\b)", True),
        (r"(?=.*\b18 year old\b|.*\badult man\b)", True),  # every alternative reads ahead
        (r"(?=.*\bchild\b)dad", False),  # consumes: where it matches matters
        (r"(?=child)", False),  # no .*: holds only where "child" starts
        (r"(?=.*\bchild\b|dad)", False),  # one alternative does not read ahead
        (r"(?=.+\bchild\b)", False),
        (r"(?!.*\bchild\b)", False),  # a negative lookahead holds at the end of any text
        (r".*\bchild\b", False),
        (r"", False),
    ],
)
def test_whole_text_conditions_are_recognised_exactly(pattern: str, whole: bool) -> None:
    assert whole_text_condition(re.compile(pattern)) is whole


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.text(alphabet="ab c.", max_size=30))
def test_a_whole_text_condition_holds_somewhere_exactly_when_it_holds_at_the_start(text: str) -> None:
    for source in (r"(?=.*\bab\b)(?=.*c)", r"(?=.*a b|.*\bc\b)"):
        pattern = re.compile(source)
        assert whole_text_condition(pattern)
        assert bool(pattern.search(text)) == bool(pattern.match(text))


def test_risk_conditions_read_from_the_start_give_the_same_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    rewritten = [
        (i, rule)
        for i, rule in enumerate(safety._COMPILED)
        if rule.requires is not None and rule.requires.pattern.startswith(r"\A(?:")
    ]
    assert rewritten, "no rule condition is read from the start: the rewrite no longer applies"
    texts = corpus()
    answers = [safety.check_patterns(t) for t in texts]
    originals = list(safety._COMPILED)
    for i, rule in rewritten:
        assert rule.requires is not None
        source = rule.requires.pattern[len(r"\A(?:") : -1]
        originals[i] = dataclasses.replace(rule, requires=re.compile(source))
    monkeypatch.setattr(safety, "_COMPILED", originals)
    assert [safety.check_patterns(t) for t in texts] == answers
