"""The guidance book: complete content for every category, the right code sections, safe wording.

``EXPECTED_SECTIONS`` restates the table in ``shared/domain.md`` so that an edit to ``boundary.yml``
that drops or invents a section fails here, and ``SILENT`` lists where that table says a code is
silent, so the content cannot quietly turn silence into permission.
"""

from __future__ import annotations

import copy
import re
from importlib import resources
from typing import Any

import pytest
import yaml

from commands.classify import CATEGORY_IDS
from commands.guidance import CODES, CrisisResource, GuidanceBook, GuidanceError

EXPECTED_SECTIONS: dict[str, dict[str, list[str]]] = {
    "gifts": {"ACA": ["A.10.f"], "APA": ["3.05", "3.06"], "NASW": ["1.06(a)–(c)"], "AAMFT": ["3.9"]},
    "self_disclosure": {
        "ACA": ["A.4", "A.6.b"],
        "APA": ["3.04", "3.05"],
        "NASW": ["1.06(f)–(g)"],
        "AAMFT": ["1.3"],
    },
    "multiple_relationships": {
        "ACA": ["A.6.a–e"],
        "APA": ["3.05", "3.06", "3.08"],
        "NASW": ["1.06(c)"],
        "AAMFT": ["1.3"],
    },
    "social_media": {
        "ACA": ["A.5.e", "H.6.a–d"],
        "APA": ["3.05", "4.01"],
        "NASW": ["1.06(e)–(h)", "1.03(i)"],
        "AAMFT": ["1.3", "Standard VI"],
    },
    "romantic_sexual": {
        "ACA": ["A.5.a–c"],
        "APA": ["10.05", "10.06", "10.08"],
        "NASW": ["1.09(a)–(c)", "1.11"],
        "AAMFT": ["1.4", "1.5"],
    },
    "physical_touch": {
        "ACA": ["A.4", "A.6.b–c"],
        "APA": ["3.04", "3.05"],
        "NASW": ["1.10"],
        "AAMFT": ["1.3", "1.7"],
    },
    "between_session_contact": {
        "ACA": ["H.2.a", "H.4.b"],
        "APA": ["4.02(c)", "10.01"],
        "NASW": ["1.03(e)–(g)", "1.06(e)", "1.15"],
        "AAMFT": ["1.2", "Standard VI"],
    },
    "friends_and_family": {"ACA": ["A.5.d", "A.6.a"], "APA": ["3.05"], "NASW": ["1.06(c)"], "AAMFT": ["1.3"]},
    "public_encounters": {
        "ACA": ["A.6.b–c", "B.1.c"],
        "APA": ["3.05", "4.01"],
        "NASW": ["1.06(c)", "1.07(i)"],
        "AAMFT": ["1.3", "Standard II"],
    },
    "money_and_bartering": {
        "ACA": ["A.10.c", "A.10.e"],
        "APA": ["6.04", "6.05"],
        "NASW": ["1.13(a)–(b)"],
        "AAMFT": ["Standard VIII", "8.5"],
    },
    "confidentiality": {
        "ACA": ["B.1.c–d", "B.2.a", "B.2.e", "B.7"],
        "APA": ["4.01", "4.02", "4.04–4.06"],
        "NASW": ["1.07", "1.07(c)"],
        "AAMFT": ["2.1", "2.2"],
    },
    "termination_and_referral": {
        "ACA": ["A.11", "A.12"],
        "APA": ["10.09", "10.10"],
        "NASW": ["1.15", "1.16", "1.17"],
        "AAMFT": ["1.9", "1.10", "1.11"],
    },
    "countertransference": {"ACA": ["C.2.g", "A.4"], "APA": ["2.06"], "NASW": ["4.05"], "AAMFT": ["3.3"]},
    "competence_and_scope": {
        "ACA": ["C.2.a", "A.11"],
        "APA": ["2.01", "2.02"],
        "NASW": ["1.04", "1.05"],
        "AAMFT": ["3.1"],
    },
    "supervision_relationship": {
        "ACA": ["F.1.c", "F.3", "F.6.c"],
        "APA": ["7.04", "7.07", "3.08"],
        "NASW": ["2.06(a)", "3.01", "3.02(c)–(d)"],
        "AAMFT": ["4.2", "4.3"],
    },
    "safety_crisis": {
        "ACA": ["B.2.a", "H.2.a"],
        "APA": ["4.05(b)", "2.02"],
        "NASW": ["1.02", "1.07(c)"],
        "AAMFT": ["2.1", "2.2"],
    },
}

SILENT: set[tuple[str, str]] = {
    ("gifts", "APA"),
    ("gifts", "NASW"),
    ("self_disclosure", "ACA"),
    ("self_disclosure", "APA"),
    ("self_disclosure", "NASW"),
    ("self_disclosure", "AAMFT"),
    ("social_media", "APA"),
    ("social_media", "AAMFT"),
    ("physical_touch", "ACA"),
    ("physical_touch", "APA"),
    ("physical_touch", "AAMFT"),
}

CONTEXT_DEPENDENT = ("gifts", "physical_touch", "public_encounters", "self_disclosure")
FORBIDDEN_WORDING = re.compile(
    r"\b(?:allowed after|permitted after|the codes? allows?|ok after)\b", re.IGNORECASE
)


@pytest.fixture(scope="module")
def book() -> GuidanceBook:
    return GuidanceBook.load()


def _raw() -> dict[str, Any]:
    text = resources.files("commands").joinpath("data/boundary.yml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _all_text(book: GuidanceBook) -> list[str]:
    out = [book.notice, book.safety.intro, *book.safety.steps]
    for entry in book.entries.values():
        out += [entry.title, entry.summary, entry.risk.why, *entry.considerations, *entry.questions]
        out += [*entry.steps, *entry.bright_lines, *(c.says for c in entry.citations())]
    return out


# ------------------------------------------------------------------------------------ content


def test_categories_are_the_taxonomy_in_order(book: GuidanceBook) -> None:
    assert book.categories == CATEGORY_IDS


@pytest.mark.parametrize("category", CATEGORY_IDS)
def test_every_category_has_complete_content(book: GuidanceBook, category: str) -> None:
    entry = book.entry(category)
    assert entry.id == category
    assert entry.title and len(entry.summary) > 200
    assert entry.risk.level in ("bright_line", "high", "depends") and entry.risk.why
    assert len(entry.considerations) >= 4
    assert len(entry.questions) >= 4
    assert all(question.endswith("?") for question in entry.questions)
    assert len(entry.steps) >= 4
    assert entry.sources
    assert set(entry.codes) == set(CODES)
    assert all(entry.codes[code] for code in CODES)


@pytest.mark.parametrize("category", CATEGORY_IDS)
def test_code_sections_match_the_domain_table(book: GuidanceBook, category: str) -> None:
    entry = book.entry(category)
    actual = {code: [citation.section for citation in entry.codes[code]] for code in CODES}
    assert actual == EXPECTED_SECTIONS[category]


@pytest.mark.parametrize("category", CATEGORY_IDS)
@pytest.mark.parametrize("code", CODES)
def test_silent_codes_say_so_and_others_do_not(book: GuidanceBook, category: str, code: str) -> None:
    for citation in book.entry(category).codes[code]:  # type: ignore[index]
        assert citation.silent is ((category, code) in SILENT), citation
        if citation.silent:
            assert citation.says.startswith("Silent on")


def test_unverified_sections_are_marked(book: GuidanceBook) -> None:
    unverified = {(c.code, c.section) for e in book.entries.values() for c in e.citations() if not c.verified}
    assert unverified == {("ACA", "F.3"), ("ACA", "F.6.c")}


def test_notice_says_it_supports_supervision_and_is_not_a_crisis_service(book: GuidanceBook) -> None:
    notice = book.notice.lower()
    assert "supports" in notice and "does not replace" in notice and "supervision" in notice
    assert "not a crisis service" in notice


def test_romantic_bright_lines_state_each_codes_former_client_rule(book: GuidanceBook) -> None:
    lines = book.entry("romantic_sexual").bright_lines
    joined = " ".join(lines).lower()
    assert "current client" in joined
    aca = next(line for line in lines if "A.5.c" in line).lower()
    assert "five years" in aca and "documented forethought" in aca
    apa = next(line for line in lines if "10.08" in line).lower()
    assert "at least two years" in apa and "most unusual circumstances" in apa and "burden" in apa
    nasw = next(line for line in lines if "1.09(c)" in line).lower()
    assert "no waiting period" in nasw and "full burden" in nasw
    aamft = next(line for line in lines if "AAMFT 1.5" in line).lower()
    assert "prohibited" in aamft and "no time limit" in aamft


def test_content_never_turns_time_or_silence_into_permission(book: GuidanceBook) -> None:
    offending = [text for text in _all_text(book) if FORBIDDEN_WORDING.search(text)]
    assert not offending


@pytest.mark.parametrize("category", CONTEXT_DEPENDENT)
def test_context_dependent_crossings_are_not_presented_as_forbidden(
    book: GuidanceBook, category: str
) -> None:
    entry = book.entry(category)
    assert entry.risk.level == "depends"
    for line in entry.bright_lines:
        assert "sexual" in line.lower(), line


@pytest.mark.parametrize(
    ("category", "phrase"),
    [
        ("social_media", "A.5.e"),
        ("social_media", "1.06(h)"),
        ("supervision_relationship", "7.07"),
        ("supervision_relationship", "4.2"),
        ("romantic_sexual", "10.07"),
    ],
)
def test_other_bright_lines_are_stated(book: GuidanceBook, category: str, phrase: str) -> None:
    assert any(phrase in line for line in book.entry(category).bright_lines)


# ------------------------------------------------------------------------------------ safety


def test_safety_protocol_puts_urgent_steps_first(book: GuidanceBook) -> None:
    steps = " ".join(book.safety.steps)
    for needle in (
        "911",
        "supervisor",
        "on-call",
        "988",
        "988lifeline.org",
        "HOME to 741741",
        "crisis protocol",
    ):
        assert needle in steps, needle
    assert "report" in steps and "duty to warn or protect" in steps
    assert "Document" in steps
    contacts = {resource.contact for resource in book.safety.resources}
    assert {"911", "988", "741741"} <= contacts
    assert "not a crisis service" in book.safety.disclaimer


@pytest.mark.parametrize("kind", ["suicide", "homicide", "abuse", "medical"])
def test_safety_steps_for_each_kind_extend_the_general_steps(book: GuidanceBook, kind: str) -> None:
    steps = book.safety.steps_for(kind)
    assert steps[: len(book.safety.steps)] == book.safety.steps
    assert len(steps) > len(book.safety.steps)


def test_a_workspace_can_replace_the_crisis_numbers(book: GuidanceBook) -> None:
    local = (CrisisResource(name="Samaritans", contact="116 123", how="Call 116 123, free, any time."),)
    protocol = book.safety.with_resources(local, region="UK")
    assert protocol.resources == local and protocol.region == "UK"
    assert book.safety.region == "US"
    with pytest.raises(GuidanceError):
        book.safety.with_resources((), region="UK")


# ------------------------------------------------------------------------------------ loading and validation


def test_load_is_cached() -> None:
    assert GuidanceBook.load() is GuidanceBook.load()


def test_unknown_category_raises_key_error(book: GuidanceBook) -> None:
    with pytest.raises(KeyError, match="no_such_category"):
        book.entry("no_such_category")


def _drop_category(data: dict[str, Any]) -> None:
    data["entries"] = [e for e in data["entries"] if e["id"] != "gifts"]


def _short_considerations(data: dict[str, Any]) -> None:
    data["entries"][1]["considerations"] = data["entries"][1]["considerations"][:3]


def _missing_code(data: dict[str, Any]) -> None:
    del data["entries"][2]["codes"]["NASW"]


def _unknown_id(data: dict[str, Any]) -> None:
    data["entries"][3]["id"] = "hugs"


def _unmarked_silence(data: dict[str, Any]) -> None:
    data["entries"][0]["codes"]["APA"][0]["silent"] = False


def _permission_wording(data: dict[str, Any]) -> None:
    data["entries"][4]["bright_lines"].append("Dating a former client is allowed after two years.")


def _bad_risk(data: dict[str, Any]) -> None:
    data["entries"][5]["risk"]["level"] = "forbidden"


def _no_notice(data: dict[str, Any]) -> None:
    data["notice"] = ""


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (_drop_category, "missing category gifts"),
        (_short_considerations, "entry 'self_disclosure': field 'considerations' needs at least 4"),
        (_missing_code, "entry 'multiple_relationships', codes.NASW: missing code NASW"),
        (_unknown_id, "unknown category id 'hugs'"),
        (_unmarked_silence, "mark the citation 'silent: true'"),
        (_permission_wording, "entry 'romantic_sexual'"),
        (_bad_risk, "entry 'physical_touch': field 'risk.level'"),
        (_no_notice, "field 'notice'"),
    ],
)
def test_validation_names_the_entry_and_field(mutate: Any, expected: str) -> None:
    data = copy.deepcopy(_raw())
    mutate(data)
    with pytest.raises(GuidanceError, match=re.escape(expected)):
        GuidanceBook.from_yaml(yaml.safe_dump(data, allow_unicode=True))


def test_guidance_ships_inside_the_package() -> None:
    assert resources.files("commands").joinpath("data/boundary.yml").is_file()
    assert resources.files("commands").joinpath("data/classifier_training.yml").is_file()
