"""The reflection prompt library: its content, theme matching, picking and validation."""

from __future__ import annotations

import ast
import copy
import random
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from commands.prompts import MIN_PROMPTS_PER_THEME, Prompt, PromptLibrary, PromptLibraryError

REQUIRED_THEMES = (
    "trust",
    "empathy",
    "collaboration",
    "support",
    "bond",
    "goals",
    "tasks",
    "rupture_and_repair",
    "attachment",
    "transference",
    "countertransference",
    "boundaries",
    "modeling_healthy_relationships",
    "feedback",
    "motivation_and_engagement",
    "restoring_hope",
    "cultural_humility",
    "self_care",
    "celebrating_milestones",
)
REQUIRED_SOURCES = (
    "Bordin 1979",
    "Safran & Muran 2000",
    "Bowlby 1988",
    "Ainsworth et al. 1978",
    "Rogers 1957",
    "Gibbs 1988",
    "Kolb 1984",
    "Schön 1983",
    "Bernard 1979",
    "Stoltenberg & McNeill 2010",
    "Hook et al. 2013",
    "Flückiger et al. 2018",
    "Gutheil & Gabbard 1998",
    "Barnett 2017",
)
MODULE = Path(__file__).resolve().parents[2] / "commands" / "prompts.py"


@pytest.fixture(scope="module")
def library() -> PromptLibrary:
    return PromptLibrary.load()


# ------------------------------------------------------------------------------------ content


def test_library_is_large_enough(library: PromptLibrary) -> None:
    assert len(library.prompts) >= 96


@pytest.mark.parametrize("theme_id", REQUIRED_THEMES)
def test_every_required_theme_is_present_with_enough_prompts(library: PromptLibrary, theme_id: str) -> None:
    assert library.theme(theme_id).id == theme_id
    assert len(library.prompts_for(theme_id)) >= MIN_PROMPTS_PER_THEME


def test_themes_keep_the_file_order(library: PromptLibrary) -> None:
    assert tuple(t.id for t in library.themes) == REQUIRED_THEMES


@pytest.mark.parametrize("key", REQUIRED_SOURCES)
def test_named_sources_are_listed_with_a_citation(library: PromptLibrary, key: str) -> None:
    assert library.source(key).citation


def test_every_prompt_rests_on_a_listed_source_and_a_concept(library: PromptLibrary) -> None:
    for prompt in library.prompts:
        assert library.source(prompt.source).key == prompt.source
        assert prompt.concept
        assert prompt.question.endswith("?")


def test_every_source_is_used(library: PromptLibrary) -> None:
    used = {p.source for p in library.prompts}
    assert [s.key for s in library.sources if s.key not in used] == []


def test_library_awaits_review_and_reminds_writers_not_to_name_clients(library: PromptLibrary) -> None:
    assert library.reviewed_by == "pending clinical review"
    assert "without names" in library.writing_tip


@pytest.mark.parametrize("style", ["secure", "anxious", "avoidant", "disorganized"])
def test_attachment_prompts_cover_each_style(library: PromptLibrary, style: str) -> None:
    texts = [f"{p.question} {p.concept}".lower() for p in library.prompts_for("attachment")]
    assert any(style in text for text in texts)


def test_load_is_cached(library: PromptLibrary) -> None:
    assert PromptLibrary.load() is library


def test_prompt_lookup(library: PromptLibrary) -> None:
    assert library.prompt("trust-01").theme == "trust"
    with pytest.raises(KeyError, match="nope-99"):
        library.prompt("nope-99")


def test_module_is_pure() -> None:
    imported: set[str] = set()
    for node in ast.walk(ast.parse(MODULE.read_text())):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    assert imported & {"os", "slack_bolt", "slack_sdk", "sqlalchemy", "storage", "bot"} == set()


# ----------------------------------------------------------------------------------- matching


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("trust", "trust"),
        ("TRUST", "trust"),
        ("  Trust  ", "trust"),
        ("safety", "trust"),
        ("empathy", "empathy"),
        ("empthy", "empathy"),
        ("empath", "empathy"),
        ("collaboration", "collaboration"),
        ("colaberation", "collaboration"),
        ("support", "support"),
        ("positive regard", "support"),
        ("bond", "bond"),
        ("alliance", "bond"),
        ("working alliance", "bond"),
        ("goal", "goals"),
        ("goals", "goals"),
        ("task", "tasks"),
        ("homework", "tasks"),
        ("rupture", "rupture_and_repair"),
        ("repair", "rupture_and_repair"),
        ("ruptures", "rupture_and_repair"),
        ("rupture & repair", "rupture_and_repair"),
        ("Rupture and Repair", "rupture_and_repair"),
        ("rupture-and-repair", "rupture_and_repair"),
        ("attachment", "attachment"),
        ("attach", "attachment"),
        ("atachment", "attachment"),
        ("attachments", "attachment"),
        ("avoidant", "attachment"),
        ("disorganised", "attachment"),
        ("transference", "transference"),
        ("transferance", "transference"),
        ("counter-transference", "countertransference"),
        ("countertransference", "countertransference"),
        ("counter transference", "countertransference"),
        ("Counter_Transference", "countertransference"),
        ("countertransferance", "countertransference"),
        ("CT", "countertransference"),
        ("parallel process", "countertransference"),
        ("boundary", "boundaries"),
        ("boundaries", "boundaries"),
        ("boundries", "boundaries"),
        ("modeling", "modeling_healthy_relationships"),
        ("modelling", "modeling_healthy_relationships"),
        ("feedback", "feedback"),
        ("motivation", "motivation_and_engagement"),
        ("engagement", "motivation_and_engagement"),
        ("ambivalence", "motivation_and_engagement"),
        ("hope", "restoring_hope"),
        ("hopelessness", "restoring_hope"),
        ("culture", "cultural_humility"),
        ("cultural humility", "cultural_humility"),
        ("self care", "self_care"),
        ("selfcare", "self_care"),
        ("self-care", "self_care"),
        ("SELF_CARE", "self_care"),
        ("burnout", "self_care"),
        ("vicarious trauma", "self_care"),
        ("milestones", "celebrating_milestones"),
        ("milestone", "celebrating_milestones"),
        ("celebrating milestones", "celebrating_milestones"),
        ("trust issues", "trust"),
        ("my burnout lately", "self_care"),
    ],
)
def test_match_theme_finds(library: PromptLibrary, text: str, expected: str) -> None:
    found = library.match_theme(text)
    assert found is not None, text
    assert found.id == expected


@pytest.mark.parametrize(
    "text",
    ["banana", "", "   ", "xyz", "pizza", "weather", "hello world", "home", "hop", "tra", "trust and hope"],
)
def test_match_theme_refuses(library: PromptLibrary, text: str) -> None:
    assert library.match_theme(text) is None


# ------------------------------------------------------------------------------------ picking


def _simulate(
    library: PromptLibrary, *, rounds: int, window: int, seed: int, theme: str | None = None
) -> list[Prompt]:
    """Pick ``rounds`` times, feeding back the last ``window`` ids newest first, as /reflect does."""
    rng = random.Random(seed)
    shown: list[Prompt] = []
    for _ in range(rounds):
        recent = [p.id for p in reversed(shown)][:window]
        shown.append(library.pick(theme=theme, recently_seen=recent, rng=rng))
    return shown


@pytest.mark.parametrize("window", [5, 30, 60])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_pick_never_repeats_within_the_window(library: PromptLibrary, window: int, seed: int) -> None:
    shown = _simulate(library, rounds=200, window=window, seed=seed)
    for i, prompt in enumerate(shown):
        assert prompt.id not in {p.id for p in shown[max(0, i - window) : i]}, (i, prompt.id)


def test_pick_without_theme_wanders_across_themes(library: PromptLibrary) -> None:
    shown = _simulate(library, rounds=len(library.themes), window=30, seed=7)
    assert len({p.theme for p in shown}) == len(library.themes)


@pytest.mark.parametrize("theme_id", REQUIRED_THEMES)
def test_pick_honours_the_theme_and_exhausts_it_before_repeating(
    library: PromptLibrary, theme_id: str
) -> None:
    size = len(library.prompts_for(theme_id))
    shown = _simulate(library, rounds=size * 2, window=30, seed=3, theme=theme_id)
    assert {p.theme for p in shown} == {theme_id}
    assert len({p.id for p in shown[:size]}) == size
    assert [p.id for p in shown[size:]] == [p.id for p in shown[:size]], "then the least recently seen"


def test_pick_returns_the_least_recently_seen_when_all_are_seen(library: PromptLibrary) -> None:
    ids = [p.id for p in library.prompts_for("restoring_hope")]
    newest_first = ids[::-1]
    picked = library.pick(theme="restoring_hope", recently_seen=newest_first, rng=random.Random(0))
    assert picked.id == ids[0]


@pytest.mark.parametrize("alias", ["hope", "Restoring Hope", "hopeles"])
def test_pick_accepts_a_theme_alias(library: PromptLibrary, alias: str) -> None:
    assert library.pick(theme=alias, recently_seen=[], rng=random.Random(0)).theme == "restoring_hope"


def test_pick_rejects_an_unknown_theme(library: PromptLibrary) -> None:
    with pytest.raises(KeyError, match="banana"):
        library.pick(theme="banana", recently_seen=[], rng=random.Random(0))


def test_pick_ignores_unknown_ids_in_history(library: PromptLibrary) -> None:
    picked = library.pick(theme="trust", recently_seen=["retired-01", "trust-01"], rng=random.Random(0))
    assert picked.theme == "trust" and picked.id != "trust-01"


@pytest.mark.parametrize("theme", [None, "attachment"])
def test_pick_is_deterministic_with_a_seeded_rng(library: PromptLibrary, theme: str | None) -> None:
    first = _simulate(library, rounds=40, window=30, seed=42, theme=theme)
    second = _simulate(library, rounds=40, window=30, seed=42, theme=theme)
    assert [p.id for p in first] == [p.id for p in second]


def test_different_seeds_give_different_sequences(library: PromptLibrary) -> None:
    sequences = {tuple(p.id for p in _simulate(library, rounds=10, window=30, seed=s)) for s in range(5)}
    assert len(sequences) > 1


# ---------------------------------------------------------------------------- digest suggestions


@pytest.mark.parametrize(
    ("themes", "k", "expected_themes"),
    [
        (["rupture_and_repair", "self_care"], 4, ["rupture_and_repair", "self_care"] * 2),
        (["burnout", "rupture", "self_care"], 3, ["self_care", "rupture_and_repair", "self_care"]),
        (["goals"], 3, ["goals"] * 3),
        (["banana", "hope"], 2, ["restoring_hope"] * 2),
        (["trust", "empathy", "bond"], 2, ["trust", "empathy"]),
    ],
)
def test_suggest_for_themes_round_robins_in_order(
    library: PromptLibrary, themes: list[str], k: int, expected_themes: list[str]
) -> None:
    suggested = library.suggest_for_themes(themes, k, random.Random(1))
    assert [p.theme for p in suggested] == expected_themes
    assert len({p.id for p in suggested}) == len(suggested)


def test_suggest_for_themes_stops_when_themes_run_out(library: PromptLibrary) -> None:
    suggested = library.suggest_for_themes(["goals"], 100, random.Random(1))
    assert sorted(p.id for p in suggested) == sorted(p.id for p in library.prompts_for("goals"))


@pytest.mark.parametrize("themes", [[], ["banana", "pizza"]])
def test_suggest_for_themes_falls_back_to_the_whole_library(
    library: PromptLibrary, themes: list[str]
) -> None:
    suggested = library.suggest_for_themes(themes, 5, random.Random(1))
    assert len(suggested) == 5
    assert len({p.theme for p in suggested}) == 5


@pytest.mark.parametrize("k", [0, -1])
def test_suggest_for_themes_with_nothing_wanted(library: PromptLibrary, k: int) -> None:
    assert library.suggest_for_themes(["trust"], k, random.Random(1)) == []


def test_suggest_for_themes_is_deterministic(library: PromptLibrary) -> None:
    runs = {
        tuple(p.id for p in library.suggest_for_themes(["trust", "hope"], 4, random.Random(9)))
        for _ in range(3)
    }
    assert len(runs) == 1


# ---------------------------------------------------------------------------------- validation


def _valid() -> dict[str, Any]:
    """The smallest valid library: two themes of four prompts each, one source."""
    return {
        "version": 1,
        "reviewed_by": "pending clinical review",
        "writing_tip": "Refer to clients without names.",
        "sources": [{"key": "Bordin 1979", "citation": "Bordin, E. S. (1979)."}],
        "themes": [
            {"id": "alpha", "title": "Alpha", "description": "First.", "aliases": ["first"]},
            {"id": "beta", "title": "Beta", "description": "Second.", "aliases": ["second"]},
        ],
        "prompts": [
            {
                "id": f"{theme}-0{n}",
                "theme": theme,
                "question": f"Question {n} about {theme}?",
                "concept": "A concept",
                "source": "Bordin 1979",
            }
            for theme in ("alpha", "beta")
            for n in range(1, 5)
        ],
    }


def _set(path: tuple[str | int, ...], value: object) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return change


def _delete(path: tuple[str | int, ...]) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for step in path[:-1]:
            target = target[step]
        del target[path[-1]]

    return change


def _drop_prompt(index: int) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        del data["prompts"][index]

    return change


def test_the_minimal_library_is_valid() -> None:
    library = PromptLibrary.from_mapping(_valid())
    assert len(library.prompts) == 8
    assert library.match_theme("second") == library.theme("beta")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_set(("prompts", 1, "id"), "alpha-01"), "prompt 'alpha-01': defined more than once"),
        (_set(("prompts", 2, "theme"), "gamma"), "prompt 'alpha-03': theme 'gamma' is not defined"),
        (
            _set(("prompts", 3, "source"), "Nobody 2000"),
            "prompt 'alpha-04': source 'Nobody 2000' is not defined",
        ),
        (_delete(("prompts", 5, "question")), "prompt 'beta-02': missing or empty field 'question'"),
        (_set(("prompts", 6, "concept"), "  "), "prompt 'beta-03': missing or empty field 'concept'"),
        (_set(("prompts", 0, "question"), "Tell me about it."), "prompt 'alpha-01': the question should end"),
        (_set(("prompts", 0, "folow_up"), "typo?"), "prompt 'alpha-01': unknown field 'folow_up'"),
        (_set(("prompts", 4, "follow_up"), 3), "prompt 'beta-01': 'follow_up' must be non-empty text"),
        (_set(("prompts", 7, "id"), "Beta 04"), "prompt 'Beta 04': id must be lower-case"),
        (_delete(("prompts", 7, "id")), "prompt #8 (no id): missing or empty field 'id'"),
        (_drop_prompt(0), "theme 'alpha': has 3 prompt(s), needs at least 4"),
        (_set(("themes", 1, "aliases"), ["first"]), "theme 'beta': alias 'first' also names theme 'alpha'"),
        (_set(("themes", 1, "id"), "alpha"), "theme 'alpha': defined more than once"),
        (_set(("themes", 0, "aliases"), "first"), "theme 'alpha': 'aliases' must be a list"),
        (_delete(("sources", 0, "citation")), "source 'Bordin 1979': missing or empty field 'citation'"),
        (_set(("sources",), []), "library: 'sources' must be a non-empty list"),
        (_delete(("reviewed_by",)), "library: 'reviewed_by' is missing"),
        (_delete(("version",)), "library: 'version' is missing"),
    ],
)
def test_validation_names_what_is_wrong(change: Callable[[dict[str, Any]], None], expected: str) -> None:
    data = copy.deepcopy(_valid())
    change(data)
    with pytest.raises(PromptLibraryError) as caught:
        PromptLibrary.from_mapping(data)
    assert any(expected in problem for problem in caught.value.problems), caught.value.problems
    assert expected in str(caught.value)


def test_validation_reports_every_problem_at_once() -> None:
    data = copy.deepcopy(_valid())
    data["prompts"][0]["source"] = "Nobody 2000"
    data["prompts"][5]["theme"] = "gamma"
    with pytest.raises(PromptLibraryError) as caught:
        PromptLibrary.from_mapping(data)
    named = Counter(problem.split(":")[0] for problem in caught.value.problems)
    assert named["prompt 'alpha-01'"] == 1
    assert named["prompt 'beta-02'"] == 1


def test_direct_construction_is_validated_too() -> None:
    library = PromptLibrary.from_mapping(_valid())
    with pytest.raises(PromptLibraryError, match="alpha-01"):
        PromptLibrary(
            version="1",
            reviewed_by="x",
            writing_tip="",
            sources=library.sources,
            themes=library.themes,
            prompts=(*library.prompts, library.prompts[0]),
        )
