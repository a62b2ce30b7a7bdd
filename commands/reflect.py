"""``/reflect``: a fresh reflection prompt, and a private journal the writer alone can read.

The writer always sees exactly what will be stored (identifiers replaced, the replacements marked)
and can edit it before saving. Nothing here posts to a channel.
"""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from commands.ports import Deidentifier, Journal, JournalEntry
from commands.prompts import Prompt, PromptLibrary
from commands.types import (
    ActionRequest,
    Actions,
    Actor,
    Block,
    BulletList,
    Button,
    CommandRequest,
    DeidentifiedText,
    FileAttachment,
    Form,
    Header,
    Input,
    Notice,
    Paragraph,
    Reply,
    StoreUnavailable,
)

MAX_LENGTH = 3000
RECENT_WINDOW = 30
HISTORY_LIMIT = 10
PRIVACY_NOTE = (
    "Private: only you can read your journal. Names, places, dates and other identifiers are "
    "replaced before anything is stored, and entries are encrypted and filed under a pseudonym."
)
THEME_TEXT_LIMIT = 200
NOT_SAVED = "Not saved: the database is unavailable right now. Your text is still here; please try again."


class ReflectCommand:
    """Answers ``/reflect`` and its buttons and forms."""

    name = "reflect"

    def __init__(
        self,
        *,
        journal: Journal,
        deidentifier: Deidentifier,
        library: PromptLibrary | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self._journal = journal
        self._deidentifier = deidentifier
        self._library = library or PromptLibrary.load()
        self._rng = rng or random.Random()

    # ------------------------------------------------------------------ slash command

    def handle(self, request: CommandRequest) -> Reply:
        """Route ``/reflect [theme | themes | history | export | delete | help]``."""
        word = request.text.strip().lower()
        if word in ("help", "?", "--help"):
            return self._usage()
        if word == "themes":
            return self._themes()
        if word in ("history", "journal", "list"):
            return self._history(request.actor)
        if word == "export":
            return self._export(request.actor)
        if word == "delete":
            return self._confirm_delete()
        theme_id: str | None = None
        if word:
            # a theme is a word or three: a long paste is answered with the list, without matching it
            theme = self._library.match_theme(word) if len(word) <= THEME_TEXT_LIMIT else None
            if theme is None:
                names = ", ".join(t.id for t in self._library.themes)
                typed = request.text.strip()
                typed = typed if len(typed) <= 60 else typed[:57] + "..."
                return Reply.simple(f"I don't know the theme '{typed}'. Themes: {names}.")
            theme_id = theme.id
        return self._prompt_reply(request.actor, theme_id)

    def _prompt_reply(self, actor: Actor, theme_id: str | None) -> Reply:
        try:
            seen = self._journal.recently_seen_prompts(actor=actor, limit=RECENT_WINDOW)
        except StoreUnavailable:
            seen = []
        prompt = self._library.pick(theme=theme_id, recently_seen=seen, rng=self._rng)
        try:
            self._journal.mark_prompt_seen(actor=actor, prompt_id=prompt.id)
        except StoreUnavailable:
            pass  # the prompt is still worth showing
        return Reply(
            text=f"Reflection prompt ({self._theme_title(prompt)}): {prompt.question}",
            blocks=self._prompt_blocks(prompt),
        )

    def _prompt_blocks(self, prompt: Prompt) -> tuple[Block, ...]:
        blocks: list[Block] = [
            Header(f"Reflect: {self._theme_title(prompt)}"),
            Paragraph(f"*{prompt.question}*"),
        ]
        if prompt.follow_up:
            blocks.append(Paragraph(f"_Then:_ {prompt.follow_up}"))
        blocks.append(Notice(f"Rests on: {prompt.concept} ({prompt.source})"))
        blocks.append(
            Actions(
                (
                    Button("Write a reflection", "reflect.write", prompt.id, "primary"),
                    Button("Another prompt", "reflect.next", prompt.theme),
                    Button("Any theme", "reflect.next", ""),
                )
            )
        )
        blocks.append(Notice(PRIVACY_NOTE))
        return tuple(blocks)

    def _theme_title(self, prompt: Prompt) -> str:
        return self._library.theme(prompt.theme).title

    def _usage(self) -> Reply:
        return Reply(
            text="How to use /reflect",
            blocks=(
                Header("/reflect: prompts and your private journal"),
                BulletList(
                    "Commands",
                    (
                        "/reflect: a prompt you have not seen recently",
                        "/reflect <theme>: a prompt on a theme, e.g. /reflect rupture",
                        "/reflect themes: the list of themes",
                        "/reflect history: your own recent entries",
                        "/reflect export: your entries as a file in your DM",
                        "/reflect delete: delete all your entries (asks first)",
                    ),
                ),
                Notice(PRIVACY_NOTE),
            ),
        )

    def _themes(self) -> Reply:
        items = tuple(f"{t.id}: {t.title}. {t.description}" for t in self._library.themes)
        return Reply(
            text="Reflection themes",
            blocks=(BulletList("Reflection themes", items), Notice("Ask for one with /reflect <theme>.")),
        )

    def _history(self, actor: Actor) -> Reply:
        try:
            entries = self._journal.history(actor=actor, limit=HISTORY_LIMIT)
        except StoreUnavailable:
            return Reply.simple("Your journal is unavailable right now. Please try again in a minute.")
        if not entries:
            return Reply(
                text="Your journal is empty",
                blocks=(
                    Paragraph("Your journal is empty. Try /reflect and press *Write a reflection*."),
                    Notice(PRIVACY_NOTE),
                ),
            )
        items = tuple(
            f"{_local_date(e.created_at, actor.tz)} [{e.theme or 'free'}] {_shorten(e.text, 280)}"
            for e in entries
        )
        return Reply(
            text="Your recent reflections",
            blocks=(
                BulletList(f"Your {len(entries)} most recent reflections", items),
                Notice("Only you can see this. /reflect export sends all of them to your DM."),
            ),
        )

    def _export(self, actor: Actor) -> Reply:
        try:
            entries = self._journal.history(actor=actor, limit=100_000)
        except StoreUnavailable:
            return Reply.simple("Your journal is unavailable right now. Please try again in a minute.")
        if not entries:
            return Reply.simple("Your journal is empty: there is nothing to export.")
        body = "\n\n".join(_export_entry(e, actor.tz) for e in reversed(entries))
        attachment = FileAttachment(
            filename="reflection-journal.txt",
            title="Your reflection journal",
            content=(f"Reflection journal ({len(entries)} entries)\n\n" + body + "\n").encode(),
        )
        return Reply(
            text=f"I sent your {len(entries)} entries to our DM as a file.",
            blocks=(Paragraph(f"I sent your {len(entries)} entries to our direct messages as a file."),),
            files=(attachment,),
        )

    @staticmethod
    def _confirm_delete() -> Reply:
        return Reply(
            text="Delete your journal?",
            blocks=(
                Paragraph("This deletes *all* your reflections for good. It cannot be undone."),
                Actions(
                    (
                        Button("Delete all my entries", "reflect.delete", "confirm", "danger"),
                        Button("Keep them", "reflect.keep", ""),
                    )
                ),
            ),
        )

    # ------------------------------------------------------------------ actions and forms

    def act(self, request: ActionRequest) -> Reply:
        """Buttons (write, next, delete) and the compose/confirm forms."""
        action = request.action_id
        if action == "reflect.next":
            theme = request.value if request.value in {t.id for t in self._library.themes} else None
            return self._prompt_reply(request.actor, theme)
        if action == "reflect.write":
            return Reply(text="Write a reflection", form=self._compose_form(request.value, ""))
        if action == "reflect.compose":
            return self._preview(request)
        if action == "reflect.confirm":
            return self._save(request)
        if action == "reflect.delete" and request.value == "confirm":
            try:
                removed = self._journal.delete_all(actor=request.actor)
            except StoreUnavailable:
                return Reply.simple("Nothing was deleted: the database is unavailable. Please try again.")
            return Reply.simple(
                f"Deleted {removed} entr{'y' if removed == 1 else 'ies'}. Your journal is empty."
            )
        if action == "reflect.export":  # the App Home tab's button
            return self._export(request.actor)
        if action == "reflect.delete":  # from the App Home tab: ask first, delete on the confirm button
            return self._confirm_delete()
        if action == "reflect.keep":
            return Reply.simple("Kept. Nothing was deleted.")
        return Reply.simple("That button has expired. Please run /reflect again.")

    def _compose_form(self, prompt_id: str, initial: str) -> Form:
        prompt = self._prompt_or_none(prompt_id)
        blocks: tuple[Block, ...] = (
            (Paragraph(f"*{prompt.question}*"),) if prompt else (Paragraph("Write freely."),)
        ) + (Notice("Please refer to clients without names. " + PRIVACY_NOTE),)
        return Form(
            form_id="reflect.compose",
            title="Write a reflection",
            submit_label="Preview",
            blocks=blocks,
            inputs=(
                Input("text", "Your reflection", kind="multiline", initial=initial, max_length=MAX_LENGTH),
            ),
            metadata=prompt_id,
        )

    def _validate(self, text: str) -> str | None:
        if not text.strip():
            return "Please write something before saving."
        if len(text) > MAX_LENGTH:
            return f"Please keep it under {MAX_LENGTH} characters (you have {len(text)})."
        return None

    def _preview(self, request: ActionRequest) -> Reply:
        text = request.values.get("text", "")
        problem = self._validate(text)
        if problem:
            return Reply(text="", form_errors={"text": problem})
        cleaned = self._deidentifier.deidentify(text)
        return Reply(text="Check before saving", next_form=self._confirm_form(request.metadata, cleaned))

    def _confirm_form(self, prompt_id: str, cleaned: DeidentifiedText) -> Form:
        if cleaned.redactions:
            removed = tuple(
                f"{r.placeholder} replaced “{r.original}” ({r.kind.lower()})"
                for r in _unique_redactions(cleaned)
            )
            intro: tuple[Block, ...] = (
                Paragraph("This is exactly what will be stored. Replaced parts are in *bold*:"),
                Paragraph(_mark(cleaned)),
                BulletList("What was replaced (shown only to you, never stored)", removed),
            )
        else:
            intro = (
                Paragraph("Nothing identifying was found. This is exactly what will be stored:"),
                Paragraph(cleaned.text),
            )
        return Form(
            form_id="reflect.confirm",
            title="Check and save",
            submit_label="Save",
            blocks=(*intro, Notice("Edit below if anything is wrong, then Save.")),
            inputs=(
                Input("text", "Text to store", kind="multiline", initial=cleaned.text, max_length=MAX_LENGTH),
            ),
            metadata=prompt_id,
        )

    def _save(self, request: ActionRequest) -> Reply:
        text = request.values.get("text", "")
        problem = self._validate(text)
        if problem:
            return Reply(text="", form_errors={"text": problem})
        cleaned = self._deidentifier.deidentify(text)
        if cleaned.redactions and cleaned.text != text:
            # the edit added something identifying: show the new stored version before saving
            return Reply(text="Check before saving", next_form=self._confirm_form(request.metadata, cleaned))
        prompt = self._prompt_or_none(request.metadata)
        try:
            entry = self._journal.save(
                actor=request.actor,
                text=text,
                theme=prompt.theme if prompt else None,
                prompt_id=prompt.id if prompt else None,
            )
        except StoreUnavailable:
            return Reply(text="", form_errors={"text": NOT_SAVED})
        return Reply(
            text="Reflection saved",
            blocks=(
                Paragraph("Saved to your private journal."),
                Paragraph(entry.text),
                Notice("See your entries with /reflect history."),
            ),
        )

    def _prompt_or_none(self, prompt_id: str) -> Prompt | None:
        try:
            return self._library.prompt(prompt_id) if prompt_id else None
        except KeyError:
            return None


def _unique_redactions(cleaned: DeidentifiedText) -> list[_Seen]:
    seen: dict[str, _Seen] = {}
    for r in cleaned.redactions:
        seen.setdefault(r.placeholder, _Seen(r.placeholder, r.original, r.kind))
    return list(seen.values())


class _Seen:
    """One placeholder and the first original it replaced."""

    def __init__(self, placeholder: str, original: str, kind: str) -> None:
        self.placeholder = placeholder
        self.original = original
        self.kind = kind


def _mark(cleaned: DeidentifiedText) -> str:
    """The stored text with each placeholder in bold."""
    out: list[str] = []
    position = 0
    for r in sorted(cleaned.redactions, key=lambda r: r.start):
        out.append(cleaned.text[position : r.start])
        out.append(f"*{cleaned.text[r.start : r.end]}*")
        position = r.end
    out.append(cleaned.text[position:])
    return "".join(out)


def _local_date(moment: dt.datetime, tz: str | None) -> str:
    aware = moment.replace(tzinfo=dt.UTC)
    try:
        zone = ZoneInfo(tz) if tz else ZoneInfo("UTC")
    except ZoneInfoNotFoundError:
        zone = ZoneInfo("UTC")
    return aware.astimezone(zone).strftime("%Y-%m-%d")


def _shorten(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _export_entry(entry: JournalEntry, tz: str | None) -> str:
    return f"## {_local_date(entry.created_at, tz)} ({entry.theme or 'free reflection'})\n{entry.text}"
