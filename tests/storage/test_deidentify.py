"""De-identification: identifiers go, what supervision needs stays, and the labelled corpus holds.

The corpus floors are the regression guard: a change to the rules or the word lists that lets more
names, dates or structured identifiers through, or eats more must-keep words, fails here.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commands.types import DeidentifiedText
from storage.deidentify import KINDS, Deidentifier, default_deidentifier, deidentify_stream
from tests.storage.deid_scoring import read_rows, score

CORPUS = Path(__file__).resolve().parents[1] / "data" / "deid_corpus.jsonl"
STRUCTURED = ("PHONE", "EMAIL", "ID", "URL", "IP", "HANDLE")


@pytest.fixture(scope="module")
def deid() -> Deidentifier:
    return default_deidentifier()


@cache
def corpus() -> list[dict[str, Any]]:
    return read_rows(CORPUS)


@cache
def corpus_scores() -> tuple[Counter[str], Counter[str], int, int]:
    """(caught per kind, total per kind, kept, must-keep total) over the whole corpus."""
    scores = score(corpus(), default_deidentifier())
    return scores.caught, scores.total, scores.kept, scores.keep_total


# ----------------------------------------------------------------------------- examples


def test_acceptance_example(deid: Deidentifier) -> None:
    result = deid.deidentify("Maria told me on 3/14 that she moved to Springfield")
    assert result.text == "[NAME-1] told me on [DATE-1] that she moved to [PLACE-1]"
    assert [(r.kind, r.original) for r in result.redactions] == [
        ("NAME", "Maria"),
        ("DATE", "3/14"),
        ("PLACE", "Springfield"),
    ]


def test_text_without_identifiers_is_unchanged(deid: Deidentifier) -> None:
    assert deid.deidentify("no identifiers here, just CBT") == DeidentifiedText(
        text="no identifiers here, just CBT", redactions=()
    )


@pytest.mark.parametrize(
    ("text", "removed", "kept"),
    [
        # names: every culture, nicknames, initials, titles, names that are words in a name's place
        ("Oluwaseun and Xiaoming both cancelled", ["Oluwaseun", "Xiaoming"], ["cancelled"]),
        ("Siobhan said Dmitri texted Priya", ["Siobhan", "Dmitri", "Priya"], ["said", "texted"]),
        ("my client Nguyen and her son Kwame", ["Nguyen", "Kwame"], ["my client", "her son"]),
        ("pt Aroha mentioned Mohammed", ["Aroha", "Mohammed"], ["pt", "mentioned"]),
        ("I keep thinking about J.R. and J.", ["J.R.", "J."], ["I keep thinking"]),
        ("Dr. Okafor and Mrs. Kowalczyk", ["Okafor", "Kowalczyk"], ["Dr.", "Mrs."]),
        ("Hope said she has lost all hope", ["Hope said"], ["lost all hope"]),
        ("Will's mom said I will need an ROI", ["Will's"], ["I will need", "ROI"]),
        ("cl Grace wants a grace period", ["Grace wants"], ["grace period"]),
        ("her son Hunter went hunting", ["Hunter"], ["hunting"]),
        ("she has a new bf named Jaxon", ["Jaxon"], ["new bf named"]),
        ("my client maria said she's done", ["maria"], ["my client", "said"]),
        ("Georgia said she moved to Georgia", ["Georgia said"], ["moved to Georgia"]),
        ("Bobby - real name Roberto - relapsed", ["Bobby", "Roberto"], ["real name", "relapsed"]),
        # lower-case names that are also words, when the context can only mean a person
        ("session w/ grace today, felt heavy", ["grace"], ["session w/", "today"]),
        ("my client hope (17) said she's done", ["hope"], ["my client", "(17)"]),
        ("hope's mom called the front desk", ["hope's"], ["mom called"]),
        ("mary-kate and ji-woo both cancelled", ["mary-kate", "ji-woo"], ["both cancelled"]),
        ("her husband doesn't know and her mom isn't sure", [], ["husband doesn't", "mom isn't"]),
        ("session with the family went ok, I hope", [], ["session with the family", "I hope"]),
        # places
        ("she parks at the Safeway so he won't see her car", ["Safeway"], ["parks at the", "car"]),
        ("ordered from Safeway", [], ["Safeway"]),
        (
            "he lives on Elm Street near 1423 Maple Ave, Apt 3B",
            ["Elm Street", "1423 Maple Ave", "Apt 3B"],
            [],
        ),
        ("at Lincoln High and St. Mary's Hospital", ["Lincoln", "Mary"], []),
        ("Fatima works at Walmart nights", ["Walmart"], ["works at", "nights"]),
        ("works at target part time", ["target"], ["part time"]),
        ("ZIP is 60614 for the sliding scale", ["60614"], ["sliding scale"]),
        ("moved from Dayton to Texas", ["Dayton"], ["Texas"]),
        ("moving from New York to Springfield", ["Springfield"], ["New York"]),
        # dates
        ("her bday is march 3 and she may 5-star the app", ["march 3"], ["may 5-star"]),
        ("on 3/14, 03/14/2025 and 14.03.2026", ["3/14", "03/14/2025", "14.03.2026"], []),
        ("2026-03-14, March 14th and the 14th of March", ["2026-03-14", "March 14th", "14th of March"], []),
        ("anniversary is on the 14th", ["14th"], ["anniversary"]),
        ("we started in March", ["March"], ["we started"]),
        ("her mom died on Christmas Eve", ["Christmas"], ["her mom died"]),
        (
            "last Tuesday, two weeks ago, next session, since 2019",
            [],
            ["last Tuesday", "two weeks ago", "2019"],
        ),
        # ages
        ("a 92-year-old widower, client aged 95, she's 91", ["92", "95", "91"], ["widower"]),
        ("grandma is 94 and in her 90s", ["94", "90s"], ["grandma"]),
        ("she's 89 and he is 45, a 67 y/o", [], ["89", "45", "67"]),
        # structured
        ("call (555) 201-3344 or 555.867.5309", ["555) 201-3344", "555.867.5309"], []),
        ("mail jess.t.rivera92@gmail.com", ["jess.t.rivera92@gmail.com", "gmail"], []),
        (
            "SSN 123-45-6789, MRN 00482913, claim CLM-88214537",
            ["123-45-6789", "00482913", "88214537"],
            ["MRN"],
        ),
        ("see https://gofundme.com/f/help-x and www.x.org", ["gofundme", "www.x.org"], []),
        ("she is @brii.luvs.art on insta", ["brii"], ["insta"]),
        ("login from 192.168.14.203", ["192.168"], []),
        # must keep
        (
            "CBT, DBT, EMDR, ACT, IFS, MI, PE and CPT",
            [],
            ["CBT", "DBT", "EMDR", "ACT", "IFS", "MI", "PE", "CPT"],
        ),
        (
            "PTSD, GAD, MDD, BPD, ADHD, OCD per DSM-5",
            [],
            ["PTSD", "GAD", "MDD", "BPD", "ADHD", "OCD", "DSM-5"],
        ),
        ("ACA vs APA vs NASW vs AAMFT on HIPAA", [], ["ACA", "APA", "NASW", "AAMFT", "HIPAA"]),
        ("PHQ-9 score of 14 after 3 sessions, GAD-7 of 9", [], ["PHQ-9 score of 14", "3 sessions", "GAD-7"]),
        (
            "I hope she will find grace. God, Monday was long",
            [],
            ["I hope", "she will", "grace", "God", "Monday"],
        ),
        ("Honestly the session was hard. Grace under pressure!", [], ["Honestly", "Grace under pressure"]),
        # a Cash App $cashtag is a handle; a dollar amount is not
        ("she paid the $20 copay from $jmoney4040", ["jmoney4040"], ["$20 copay"]),
    ],
)
def test_examples(deid: Deidentifier, text: str, removed: list[str], kept: list[str]) -> None:
    out = deid.deidentify(text).text
    for fragment in removed:
        assert fragment not in out, (fragment, out)
    for fragment in kept:
        assert fragment in out, (fragment, out)


# ----------------------------------------------------------------------------- placeholders and offsets


def test_same_original_same_placeholder_and_names_ignore_case(deid: Deidentifier) -> None:
    result = deid.deidentify("Keanu told me Makana had left. keanu later said Makana was back")
    assert result.text == "[NAME-1] told me [NAME-2] had left. [NAME-1] later said [NAME-2] was back"


def test_a_full_name_and_its_parts_share_a_placeholder(deid: Deidentifier) -> None:
    result = deid.deidentify("Maria Gonzalez called. Later Maria said sorry")
    assert result.text == "[NAME-1] called. Later [NAME-1] said sorry"


def test_numbering_is_per_kind_and_phone_formats_match(deid: Deidentifier) -> None:
    result = deid.deidentify("Ana called from 555-201-3344, then from (555) 201-3344, then from 555-999-0000")
    assert result.text == "[NAME-1] called from [PHONE-1], then from [PHONE-1], then from [PHONE-2]"


@pytest.mark.parametrize("row", corpus()[:80], ids=lambda row: str(row["text"])[:30])
def test_offsets_point_at_the_placeholders(deid: Deidentifier, row: dict[str, Any]) -> None:
    text = str(row["text"])
    result = deid.deidentify(text)
    previous_end = 0
    for redaction in result.redactions:
        assert redaction.kind in KINDS
        assert result.text[redaction.start : redaction.end] == redaction.placeholder
        assert redaction.placeholder == f"[{redaction.kind}-{redaction.placeholder.split('-')[-1]}"
        assert redaction.original in text and redaction.start >= previous_end
        previous_end = redaction.end
    # putting the originals back gives the input again
    rebuilt, position = [], 0
    for redaction in result.redactions:
        rebuilt += [result.text[position : redaction.start], redaction.original]
        position = redaction.end
    assert "".join([*rebuilt, result.text[position:]]) == text


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=200))
def test_any_text_is_handled_and_offsets_hold(text: str) -> None:
    result = default_deidentifier().deidentify(text)
    for redaction in result.redactions:
        assert result.text[redaction.start : redaction.end] == redaction.placeholder


def test_nothing_is_printed(deid: Deidentifier, capsys: pytest.CaptureFixture[str]) -> None:
    deid.deidentify("Maria told me on 3/14 that she moved to Springfield")
    assert capsys.readouterr() == ("", "")


def test_word_lists_are_package_data() -> None:
    data = resources.files("storage").joinpath("data")
    for name in ("first_names.txt", "surnames.txt", "english_words.txt", "keep_terms.txt", "regions.txt"):
        assert data.joinpath(name).is_file(), name


# ----------------------------------------------------------------------------- corpus floors


def test_corpus_is_large_varied_and_well_formed() -> None:
    rows = corpus()
    assert len(rows) >= 150
    without = sum(1 for row in rows if not row["identifiers"])
    assert len(rows) / 8 <= without <= len(rows) / 4
    for row in rows:
        assert set(row) == {"text", "identifiers", "keep"}
        for ident in row["identifiers"]:
            assert ident["kind"] in KINDS and ident["text"] in row["text"]
        for word in row["keep"]:
            assert word in row["text"]


def test_corpus_name_recall() -> None:
    caught, total, _, _ = corpus_scores()
    assert caught["NAME"] / total["NAME"] >= 0.97


def test_corpus_date_recall() -> None:
    caught, total, _, _ = corpus_scores()
    assert caught["DATE"] / total["DATE"] >= 0.98


@pytest.mark.parametrize("kind", STRUCTURED)
def test_corpus_structured_identifiers_all_caught(kind: str) -> None:
    caught, total, _, _ = corpus_scores()
    assert total[kind] > 0
    assert caught[kind] == total[kind]


def test_corpus_places_and_ages() -> None:
    caught, total, _, _ = corpus_scores()
    assert caught["PLACE"] / total["PLACE"] >= 0.95
    assert caught["AGE"] / total["AGE"] >= 0.95


def test_corpus_must_keep_survival() -> None:
    _, _, kept, keep_total = corpus_scores()
    assert kept / keep_total >= 0.90


def test_texts_without_identifiers_mostly_come_back_unchanged(deid: Deidentifier) -> None:
    clean = [str(row["text"]) for row in corpus() if not row["identifiers"]]
    unchanged = sum(deid.deidentify(text).text == text for text in clean)
    assert unchanged / len(clean) >= 0.9


# ----------------------------------------------------------------------------- the CLI contract


def test_stream_plain_mode_cleans_the_whole_input_as_one_text() -> None:
    out = list(deidentify_stream(["Maria told me\n", "that Maria moved to Springfield\n"], jsonl=False))
    assert out == ["[NAME-1] told me\nthat [NAME-1] moved to [PLACE-1]\n"]


def test_stream_jsonl_one_line_per_input_line_with_errors_aligned() -> None:
    lines = [
        json.dumps({"text": "Maria told me on 3/14", "user": "U123"}) + "\n",
        "\n",
        "{not json Maria\n",
        json.dumps(["Maria"]) + "\n",
        json.dumps({"text": 42}) + "\n",
        json.dumps({"text": "just CBT"}) + "\n",
    ]
    out = [json.loads(line) for line in deidentify_stream(lines, jsonl=True)]
    assert len(out) == 5
    assert out[0] == {
        "text": "[NAME-1] told me on [DATE-1]",
        "redactions": [
            {"kind": "NAME", "placeholder": "[NAME-1]"},
            {"kind": "DATE", "placeholder": "[DATE-1]"},
        ],
    }
    assert all(set(row) == {"error"} and "Maria" not in row["error"] for row in out[1:4])
    assert out[4] == {"text": "just CBT", "redactions": []}
