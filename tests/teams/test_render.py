"""Reply and Form -> Adaptive Card 1.5 JSON: every block kind, every input kind, errors, limits."""

from __future__ import annotations

import json

from bot.teams import ids, render
from commands import types as t

AAD = "00000000-0000-4000-8000-00000000000a"


def test_every_block_kind_renders_to_card_elements() -> None:
    reply = t.Reply(
        text="fallback",
        blocks=(
            t.Header("A title"),
            t.Paragraph("Some *bold* and _italic_ text"),
            t.BulletList("Steps", ("one", "two"), numbered=True),
            t.Fields((("Bond", "4"), ("Goals", "3"))),
            t.Divider(),
            t.Actions((t.Button("Go", "reflect.next", "rupture", "primary"), t.Button("No", "reflect.keep"))),
            t.Notice("Small print"),
        ),
    )
    card = render.render_card(reply)
    assert card["type"] == "AdaptiveCard" and card["version"] == "1.5" and card["fallbackText"] == "fallback"
    kinds = [element["type"] for element in card["body"]]
    assert kinds == ["TextBlock", "TextBlock", "Container", "FactSet", "ActionSet", "TextBlock"]
    assert card["body"][0]["size"] == "Large"
    assert card["body"][1]["text"] == "Some **bold** and _italic_ text"
    assert card["body"][2]["items"][1]["text"] == "1. one\r2. two"
    assert card["body"][3]["facts"][0] == {"title": "Bond", "value": "4"}
    assert card["body"][4]["separator"] is True, "a divider separates the next element"
    go, no = card["body"][4]["actions"]
    assert go["type"] == "Action.Submit" and go["style"] == "positive" and "style" not in no
    assert go["data"] == {render.CONTROL: {"a": "reflect.next", "v": "rupture"}}
    assert card["body"][5]["isSubtle"] is True


def test_a_reply_without_blocks_shows_its_text_and_long_text_is_clipped() -> None:
    card = render.render_card(t.Reply(text="x" * 5000))
    assert len(card["body"][0]["text"]) == render.TEXT_LIMIT


def form() -> t.Form:
    return t.Form(
        form_id="checkin.submit",
        title="Weekly check-in",
        submit_label="Save",
        blocks=(t.Paragraph("Intro"),),
        inputs=(
            t.Input(
                "bond", "Bond", kind="select", options=(t.Option("1", "1"), t.Option("2", "2")), initial="2"
            ),
            t.Input(
                "reflection", "Reflection", kind="multiline", optional=True, max_length=3000, hint="No names"
            ),
            t.Input("name", "Name", max_length=80, placeholder="e.g. Tuesdays"),
            t.Input("hours", "Hours", kind="number", initial="24"),
            t.Input("members", "Members", kind="users", multiple=True, initial=ids.user_id(AAD)),
            t.Input(
                "extras",
                "Extras",
                kind="checkbox",
                optional=True,
                options=(t.Option("Individual", "individual"),),
            ),
            t.Input(
                "many",
                "Many",
                kind="checkbox",
                optional=True,
                options=(t.Option("A", "a"), t.Option("B", "b")),
                initial="b",
            ),
        ),
        metadata="42",
    )


def test_form_inputs_map_to_adaptive_card_inputs_with_the_form_id_and_metadata() -> None:
    card = render.render_form(form(), token="tok")
    inputs = {e["id"]: e for e in card["body"] if e["type"].startswith("Input.")}
    assert inputs["bond"]["type"] == "Input.ChoiceSet" and inputs["bond"]["value"] == "2"
    assert inputs["bond"]["isRequired"] is True and inputs["bond"]["style"] == "compact"
    assert inputs["reflection"]["isMultiline"] is True and inputs["reflection"]["maxLength"] == 3000
    assert inputs["reflection"]["isRequired"] is False
    assert inputs["name"]["type"] == "Input.Text" and inputs["name"]["placeholder"] == "e.g. Tuesdays"
    assert inputs["hours"] == {**inputs["hours"], "type": "Input.Number", "value": 24}
    people = inputs["members"]
    assert people["choices.data"] == {"type": "Data.Query", "dataset": "graph.microsoft.com/users"}
    assert people["value"] == AAD and people["isMultiSelect"] is True
    assert inputs["extras"]["type"] == "Input.Toggle" and inputs["extras"]["valueOn"] == "individual"
    assert inputs["many"]["style"] == "expanded" and inputs["many"]["value"] == "b"
    (submit,) = card["actions"]
    assert submit["type"] == "Action.Submit" and submit["title"] == "Save"
    assert submit["data"] == {
        render.CONTROL: {"f": "checkin.submit", "m": "42", "t": "tok", "u": ["members"]}
    }
    assert "No names" in json.dumps(card), "hints are shown"


def test_errors_show_under_their_inputs_and_free_text_is_not_repeated() -> None:
    values = {"bond": "1", "reflection": "Dmitri told me about his divorce", "name": "Tue"}
    card = render.render_form(form(), errors={"bond": "Please choose 1 to 5."}, values=values)
    text = json.dumps(card)
    assert "Please check the marked fields." in text and "Please choose 1 to 5." in text
    inputs = {e["id"]: e for e in card["body"] if e["type"].startswith("Input.")}
    assert inputs["bond"]["value"] == "1" and inputs["name"]["value"] == "Tue"
    assert "value" not in inputs["reflection"] and "Dmitri" not in text
    assert render.WITHHELD_HINT in text


def test_images_go_inline_and_text_files_become_a_card() -> None:
    image = render.file_attachment(t.FileAttachment("chart.png", "Trend", b"\x89PNG", mime_type="image/png"))
    assert image["contentType"] == "image/png" and image["contentUrl"].startswith("data:image/png;base64,")
    text = render.file_attachment(t.FileAttachment("journal.txt", "Your journal", b"x" * 30_000))
    assert text["contentType"] == render.CARD_CONTENT_TYPE
    assert "Shortened" in json.dumps(text)
