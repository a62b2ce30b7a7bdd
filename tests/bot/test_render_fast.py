"""The direct dict renderer (used for every message) and slack_sdk's Block Kit models (the reference,
used for modals) must produce the same JSON for every block a command can return."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from slack_sdk.errors import SlackObjectFormationError

from bot.slack import render
from commands import types as t

TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=3200)
SHORT = st.text(st.characters(exclude_categories=["Cs"]), max_size=90)
BUTTON = st.builds(
    t.Button,
    label=SHORT,
    action_id=st.sampled_from(["boundary.bring", "reflect.next", "checkin.start", "x"]),
    value=st.text(max_size=2100),
    style=st.sampled_from(["default", "primary", "danger"]),
)
BLOCK = st.one_of(
    st.builds(t.Header, TEXT),
    st.builds(t.Paragraph, TEXT),
    st.builds(t.BulletList, SHORT, st.lists(SHORT, max_size=6).map(tuple), st.booleans()),
    st.builds(t.Fields, st.lists(st.tuples(SHORT, SHORT), max_size=5).map(tuple)),
    st.builds(t.Actions, st.lists(BUTTON, min_size=1, max_size=5).map(tuple)),
    st.builds(t.Notice, TEXT),
    st.just(t.Divider()),
)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(blocks=st.lists(BLOCK, max_size=55).map(tuple))
def test_direct_rendering_matches_slack_sdk(blocks: tuple[t.Block, ...]) -> None:
    try:
        reference = [block.to_dict() for block in render.render_blocks(blocks)]
    except SlackObjectFormationError:
        return  # slack_sdk refuses it (say, an empty header): nothing to compare with
    assert render.render_block_dicts(blocks) == reference


def test_a_guidance_answer_renders_the_same_both_ways() -> None:
    from commands.boundary import BoundaryCommand
    from commands.classify import classify

    command = BoundaryCommand(log=None, agenda=None, deidentifier=None)  # type: ignore[arg-type]
    for text in ("a client gave me a scarf she knitted", "my client said she wants to end it all tonight"):
        reply = command.guidance_reply(classify(text), dilemma=text)
        assert render.render_block_dicts(reply.blocks) == [
            b.to_dict() for b in render.render_blocks(reply.blocks)
        ]


def test_a_guidance_entry_is_rendered_once_and_reused() -> None:
    from commands.boundary import BoundaryCommand
    from commands.classify import classify

    command = BoundaryCommand(log=None, agenda=None, deidentifier=None)  # type: ignore[arg-type]
    first = command.guidance_reply(classify("a client gave me a scarf"), dilemma="a scarf")
    second = command.guidance_reply(classify("my client knitted me a scarf"), dilemma="knitted")
    assert first.blocks[0] is second.blocks[0]  # the command keeps an entry's blocks
    one, two = render.render_block_dicts(first.blocks), render.render_block_dicts(second.blocks)
    assert one[0] is two[0] and one[2] is two[2]  # ... and they are rendered once
    actions = [i for i, b in enumerate(one) if b["type"] == "actions"]
    assert actions and all(one[i] is not two[i] for i in actions)  # buttons carry each dilemma


def test_a_block_made_for_one_reply_is_not_kept_after_it() -> None:
    import gc

    secret = t.Paragraph("Dana told me on Tuesday that she is scared of her brother")
    rendered = render.render_block_dicts((secret,))
    assert rendered[0]["text"]["text"].startswith("Dana")  # type: ignore[index]
    del secret
    gc.collect()
    kept = [reference() for reference, _ in list(render._RENDERED.values())]
    assert not any(isinstance(block, t.Paragraph) and "Dana" in block.text for block in kept)
    assert all(block is not None for block in kept)  # no entry outlives its block


def test_a_block_holding_a_list_still_renders() -> None:
    items: tuple[str, ...] = ["one", "two"]  # type: ignore[assignment]  # a caller's slip
    block = t.BulletList("Steps", items, numbered=True)
    assert render.render_block_dicts((block,))[0]["text"]["text"] == "*Steps*\n1. one\n2. two"  # type: ignore[index]
    items.append("three")  # type: ignore[attr-defined]  # so it could change: never served stale
    assert render.render_block_dicts((block,))[0]["text"]["text"].endswith("3. three")  # type: ignore[index]
