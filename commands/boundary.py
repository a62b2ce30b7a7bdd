"""``/boundary <dilemma>``: classify the dilemma and answer with reviewed guidance, safety first.

The guidance itself lives in ``commands/data/boundary.yml`` (see :mod:`commands.guidance`); this
module decides what to show, in which order, and which buttons to offer.
"""

from __future__ import annotations

from commands.classify import Classification, classify
from commands.guidance import GuidanceBook, GuidanceEntry
from commands.ports import Agenda, BoundaryLog, Deidentifier
from commands.types import (
    ActionRequest,
    Actions,
    Block,
    BulletList,
    Button,
    CommandRequest,
    Divider,
    Fields,
    Form,
    Header,
    Input,
    Notice,
    Paragraph,
    Reply,
    StoreUnavailable,
)

CLOSE_MARGIN = 0.15
"""When the runner-up scores within this of the best match, offer it (and the next) as buttons."""
BUTTON_VALUE_LIMIT = 1900
AGENDA_LIMIT = 1500
DILEMMA_LIMIT = 4000
"""Longest dilemma /boundary reads (about a page). The risk check reads run-on text in windows, so
its cost now grows with the length (about 0.1 s at 4,000 characters of run-on text with risk words
in it, against Slack's three seconds); a longer text is returned for shortening, never cut (a cut
could drop the very sentence the risk check needed)."""

RISK_BADGES = {
    "bright_line": "BRIGHT LINE",
    "high": "High risk",
    "depends": "Depends on context",
}

EXAMPLES = (
    "/boundary my client found my Instagram and sent a follow request",
    "/boundary a client brought me a homemade scarf at our last session",
    "/boundary I ran into my pt at the grocery store with her kids",
    "/boundary client keeps texting me late at night between sessions",
)


class BoundaryCommand:
    """Answers ``/boundary`` and the buttons on its replies."""

    name = "boundary"

    def __init__(
        self,
        *,
        log: BoundaryLog,
        agenda: Agenda,
        deidentifier: Deidentifier,
        book: GuidanceBook | None = None,
    ) -> None:
        self._log = log
        self._agenda = agenda
        self._deidentifier = deidentifier
        self._book = book or GuidanceBook.load()
        self._entry_cache: dict[str, tuple[Block, ...]] = {}
        self._notice = Notice(self._book.notice)

    # ------------------------------------------------------------------ slash command

    def handle(self, request: CommandRequest) -> Reply:
        """Classify the text and answer with guidance (or with help when there is no text)."""
        text = request.text.strip()
        if not text or text.lower() in ("help", "?", "-h", "--help"):
            return self.usage()
        if len(text) > DILEMMA_LIMIT:
            return self.too_long(len(text))
        result = classify(text)
        try:
            self._log.record_ask(actor=request.actor, category=result.category)
        except StoreUnavailable:
            pass  # a lost count must never cost the user their guidance
        return self.guidance_reply(result, dilemma=text)

    def too_long(self, length: int) -> Reply:
        """Ask for a shorter description (with the notice, which says what to do if someone is in danger)."""
        return Reply(
            text="Please describe the dilemma more briefly",
            blocks=(
                Paragraph(
                    f"That is more than /boundary can read at once ({length:,} characters; the limit is "
                    f"{DILEMMA_LIMIT:,}). Please describe the situation in a few sentences, without names "
                    "or other details that could identify your client."
                ),
                self._notice,
            ),
        )

    def usage(self) -> Reply:
        """How to use the command, with examples."""
        blocks: tuple[Block, ...] = (
            Header("/boundary: guidance on a boundary dilemma"),
            Paragraph(
                "Describe the situation in a sentence or two, without names or other details that "
                "could identify your client. Only you will see the answer."
            ),
            BulletList("Examples", EXAMPLES),
            self._notice,
        )
        return Reply(text="How to use /boundary", blocks=blocks)

    def guidance_reply(self, result: Classification, *, dilemma: str) -> Reply:
        """Guidance for a classified dilemma; urgent steps first when the safety check fired."""
        blocks: list[Block] = []
        if result.safety:
            blocks.extend(self._safety_blocks(result))
            blocks.append(Divider())
            shown = self._next_non_safety(result)
            entry = self._book.entry(shown) if shown else self._book.entry("safety_crisis")
        else:
            entry = self._book.entry(result.category)
        blocks.extend(self._entry_blocks(entry))
        blocks.append(self._buttons(result, dilemma=dilemma, shown=entry.id))
        blocks.append(self._notice)
        fallback = (
            "Safety first: contact your supervisor now." if result.safety else f"Guidance: {entry.title}"
        )
        return Reply(text=fallback, blocks=tuple(blocks))

    # ------------------------------------------------------------------ actions

    def act(self, request: ActionRequest) -> Reply:
        """Buttons: another category, bring to supervision, helpful / not helpful."""
        action = request.action_id
        if action == "boundary.show":
            if request.value not in self._book.categories:
                return Reply.simple("That category is no longer available. Please ask again.")
            entry = self._book.entry(request.value)
            blocks = (*self._entry_blocks(entry), self._feedback_row(entry.id), self._notice)
            return Reply(text=f"Guidance: {entry.title}", blocks=blocks)
        if action == "boundary.feedback":
            category, _, verdict = request.value.partition("|")
            if category in self._book.categories and verdict in ("yes", "no"):
                self._log.record_feedback(category=category, helpful=verdict == "yes")
            return Reply.simple("Thank you, noted. Only the count is kept, never your text.")
        if action == "boundary.bring":
            return self._agenda_form(request.value)
        if action == "boundary.agenda":
            return self._save_agenda(request)
        return Reply.simple("That button has expired. Please run /boundary again.")

    def _agenda_form(self, value: str) -> Reply:
        category, _, dilemma = value.partition("|")
        cleaned = self._deidentifier.deidentify(dilemma)
        removed = len(cleaned.redactions)
        note = (
            f"We replaced {removed} possible identifier(s) with placeholders like [NAME-1]. "
            if removed
            else "We found nothing identifying, but please check. "
        ) + "Edit freely: this is exactly what will be stored, without your name, for your supervisor."
        form = Form(
            form_id="boundary.agenda",
            title="Bring to supervision",
            submit_label="Save item",
            blocks=(Paragraph(note),),
            inputs=(
                Input(
                    input_id="item",
                    label="What would you like to discuss?",
                    kind="multiline",
                    initial=cleaned.text[:AGENDA_LIMIT],
                    max_length=AGENDA_LIMIT,
                ),
            ),
            metadata=category,
        )
        return Reply(text="Bring to supervision", form=form)

    def _save_agenda(self, request: ActionRequest) -> Reply:
        text = request.values.get("item", "").strip()
        if not text:
            return Reply(text="", form_errors={"item": "Please write what you would like to bring."})
        if len(text) > AGENDA_LIMIT:
            return Reply(text="", form_errors={"item": f"Please keep it under {AGENDA_LIMIT} characters."})
        category = request.metadata if request.metadata in self._book.categories else None
        try:
            group = self._agenda.add(actor=request.actor, text=text, source="boundary", category=category)
        except StoreUnavailable:
            return Reply(
                text="", form_errors={"item": "Not saved: the database is unavailable. Please try again."}
            )
        where = (
            f"It will appear, without your name, in {group}'s next supervision digest."
            if group
            else "You are not in a supervision group yet; it will be kept for your group's digest."
        )
        return Reply(text="Saved for supervision", blocks=(Paragraph(f"Saved. {where}"),))

    # ------------------------------------------------------------------ building blocks

    def _safety_blocks(self, result: Classification) -> list[Block]:
        safety = self._book.safety
        resources = tuple(f"{r.name}: {r.contact} ({r.how})" for r in safety.resources)
        blocks: list[Block] = [
            Header(safety.title),
            Paragraph(safety.intro),
            BulletList("Do this now", safety.steps_for(result.safety_kind), numbered=True),
            BulletList(f"Crisis resources ({safety.region})", resources),
        ]
        if safety.region_note:
            blocks.append(Notice(safety.region_note))
        blocks.append(Notice(safety.disclaimer))
        return blocks

    def _entry_blocks(self, entry: GuidanceEntry) -> tuple[Block, ...]:
        """An entry's blocks, built once: the same objects in every answer (see render caching)."""
        blocks = self._entry_cache.get(entry.id)
        if blocks is None:
            blocks = self._entry_cache[entry.id] = tuple(self._build_entry_blocks(entry))
        return blocks

    def _build_entry_blocks(self, entry: GuidanceEntry) -> list[Block]:
        blocks: list[Block] = [
            Header(entry.title),
            Fields(
                pairs=(("Category", entry.id), ("Risk", RISK_BADGES.get(entry.risk.level, entry.risk.level)))
            ),
            Paragraph(entry.summary),
            Paragraph(f"*Why this risk level:* {entry.risk.why}"),
        ]
        if entry.bright_lines:
            blocks.append(BulletList("Bright lines (not judgement calls)", tuple(entry.bright_lines)))
        blocks.append(BulletList("What to weigh", tuple(entry.considerations)))
        blocks.append(BulletList("Questions to reflect on", tuple(entry.questions)))
        blocks.append(BulletList("Next steps", tuple(entry.steps), numbered=True))
        citations = [
            f"{c.code} {c.section}{'' if c.verified else ' (unverified)'}: {c.says}"
            for c in entry.citations()
        ]
        blocks.append(
            BulletList("Ethics codes (ACA 2014, APA 2017, NASW 2021, AAMFT 2015)", tuple(citations))
        )
        if entry.sources:
            blocks.append(Notice("Sources: " + "; ".join(entry.sources)))
        return blocks

    def _next_non_safety(self, result: Classification) -> str | None:
        for category, score in result.ranked:
            if category != "safety_crisis" and score > 0:
                return category
        return None

    def _buttons(self, result: Classification, *, dilemma: str, shown: str) -> Actions:
        buttons: list[Button] = []
        ranked = [(c, s) for c, s in result.ranked if c != shown]
        best = result.ranked[0][1] if result.ranked else 0.0
        close = [c for c, s in ranked[:2] if s > 0 and best - s <= CLOSE_MARGIN]
        if close:
            others = [c for c, s in ranked[:2] if s > 0]
            for category in others:
                buttons.append(Button(f"Also: {self._book.entry(category).title}", "boundary.show", category))
        buttons.append(
            Button(
                "Bring to supervision", "boundary.bring", f"{shown}|{dilemma[:BUTTON_VALUE_LIMIT]}", "primary"
            )
        )
        buttons.extend(self._feedback_row(shown).buttons)
        return Actions(tuple(buttons))

    @staticmethod
    def _feedback_row(category: str) -> Actions:
        return Actions(
            (
                Button("Helpful", "boundary.feedback", f"{category}|yes"),
                Button("Not helpful", "boundary.feedback", f"{category}|no"),
            )
        )
