"""The claim editor: verdict, confidence, sources, note and tags of one claim."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from factmark.model import Source
from factmark.tui.checked_before import Found, LookUp, before_text
from factmark.tui.screens.choice import ChoiceScreen
from factmark.tui.screens.source_editor import SourceEditor
from factmark.tui.text import excerpt, hidden_characters, plain
from factmark.tui.widgets.picker import Choice, Picker
from factmark.vocabulary import CONFIDENCES, VERDICTS, Confidence, Verdict

VERDICT_KEYS = dict(zip(VERDICTS, "pamdliu", strict=True))
"""One key per verdict: pending, accurate, mostly-accurate, disputed, misleading (l), …"""
CONFIDENCE_KEYS = dict(zip(CONFIDENCES, "0123", strict=True))
ADD_SOURCE_KEY = "n"
"""Adds a source wherever the focus is, outside the text fields (no verdict's key)."""
ADDING = f"Add a source ({ADD_SOURCE_KEY} outside the text fields)"


@dataclass
class ClaimDraft:
    """What the editor holds for a claim until it is saved."""

    quote: str
    verdict: Verdict = "pending"
    confidence: Confidence = "unrated"
    note: str = ""
    tags: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    link_to: str = ""
    """A claim of another file to link this new one to as a duplicate, once it is saved."""

    def changes(self) -> dict[str, Any]:
        """The claim fields this draft sets."""
        return {
            "verdict": self.verdict,
            "confidence": self.confidence,
            "note": self.note,
            "tags": self.tags,
            "sources": self.sources,
        }


def parse_tags(text: str) -> list[str]:
    """Tags typed as a comma-separated list, blanks and repeats dropped."""
    return list(dict.fromkeys(tag.strip() for tag in text.split(",") if tag.strip()))


class SourceList(OptionList):
    """The claim's sources; enter edits, delete removes, n adds."""

    BINDINGS = [
        Binding(
            "delete,x",
            "screen.remove_source",
            "Remove source",
            tooltip="Remove the highlighted source",
            id="editor-remove-source",
        )
    ]


class ClaimEditor(ModalScreen[ClaimDraft | None]):
    """Edit one claim; ctrl+s keeps the changes, escape drops them (asking first)."""

    BINDINGS = [
        Binding(
            "ctrl+s",
            "save",
            "Save claim",
            tooltip="Keep the changes to the claim",
            priority=True,
            id="editor-save",
        ),
        Binding(
            "escape",
            "cancel",
            "Cancel",
            tooltip="Drop the changes (asking first)",
            id="editor-cancel",
        ),
        Binding(
            "ctrl+n",
            "add_source",
            "Add source",
            tooltip=ADDING,
            id="editor-add-source",
        ),
        # Outside the text fields (they take the letters typed), one key sets a verdict
        # or a confidence, or adds a source (no verdict has that key).
        Binding(ADD_SOURCE_KEY, "add_source", "Add source", show=False, tooltip=ADDING,
                id="editor-n-source"),
        Binding("ctrl+b", "copy_before", "Copy the sources of the claim checked before",
                show=False, id="editor-copy-before"),
        Binding("ctrl+l", "link_before", "Link the claim checked before, once saved",
                show=False, id="editor-link-before"),
        *[
            Binding(key, f"verdict('{verdict}')", f"Verdict: {verdict}", show=False,
                    id=f"editor-verdict-{verdict}")
            for verdict, key in VERDICT_KEYS.items()
        ],
        *[
            Binding(key, f"confidence('{confidence}')", f"Confidence: {confidence}",
                    show=False, id=f"editor-confidence-{confidence}")
            for confidence, key in CONFIDENCE_KEYS.items()
        ],
    ]  # fmt: skip

    def __init__(
        self, draft: ClaimDraft, *, new: bool, warning: str = "", before: LookUp | None = None
    ) -> None:
        super().__init__()
        self.draft = draft
        self.before = before
        """Looks up the claims checked before that look like the quote (a new claim)."""
        self.found: list[Found] = []
        self.original = ClaimDraft(
            **{**draft.__dict__, "tags": list(draft.tags), "sources": list(draft.sources)}
        )
        self.new = new
        self.warning = warning

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog editor"):
            title = Text("New claim" if self.new else "Edit claim", style="bold", end="")
            yield Static(title, classes="dialog-question")
            quote = Text("“", end="")
            quote.append(plain(self.draft.quote))
            quote.append("”")
            yield Static(quote, id="editor-quote")
            warnings = []
            hidden = hidden_characters(self.draft.quote)
            if hidden:
                warnings.append(f"⚠ hidden characters in the quote: {', '.join(hidden)}")
            if self.warning:
                warnings.append(f"⚠ {self.warning}")
            if warnings:
                yield Static(Text("\n".join(warnings), style="bold"), id="editor-warning")
            yield Static(id="editor-checked-before")
            with VerticalScroll(id="editor-fields"):
                yield Label("Verdict (one key)")
                yield Picker(
                    [Choice(VERDICT_KEYS[v], v, v) for v in VERDICTS],
                    self.draft.verdict,
                    id="verdict",
                )
                yield Label("Confidence (one key)")
                yield Picker(
                    [Choice(CONFIDENCE_KEYS[c], c, c) for c in CONFIDENCES],
                    self.draft.confidence,
                    id="confidence",
                )
                yield Label("Sources (n add · enter edit · x remove)")
                yield SourceList(id="sources")
                with Horizontal(classes="buttons"):
                    yield Button("Add source", id="add-source")
                    yield Button("Remove", id="remove-source")
                yield Label("Note")
                yield TextArea(self.draft.note, id="note", soft_wrap=True, show_line_numbers=False)
                yield Label("Tags (comma-separated)")
                yield Input(", ".join(self.draft.tags), id="tags")
            yield Static(
                Text("ctrl+s save claim · escape cancel · tab next field", style="dim"),
                classes="dialog-help",
            )
        yield Footer()  # this dialog's own keys, not the screen's beneath it

    def on_mount(self) -> None:
        self._show_sources()
        self.query_one("#verdict").focus()
        self.query_one("#editor-checked-before").display = False
        if self.before is not None and self.new:
            self.before(self.draft.quote, self._checked_before)

    def _checked_before(self, found: list[Found]) -> None:
        """Show the claim checked before that looks most like this one, if one does."""
        if not self.query("#editor-checked-before"):
            return  # the editor was closed before the archive answered
        self.found = found
        shown = self.query_one("#editor-checked-before", Static)
        shown.display = bool(found)
        if found:
            shown.update(before_text(found, self.draft.link_to))

    def action_copy_before(self) -> None:
        """Add the sources of the claim checked before that this one has not got."""
        found = self.found[0].claim if self.found else None
        if found is None:
            self.notify("Nothing checked before looks like this claim.", timeout=3)
            return
        new = [source for source in found.sources if source not in self.draft.sources]
        self.draft.sources = [*self.draft.sources, *new]
        self._show_sources(len(self.draft.sources) - 1)
        self.notify(f"Copied {len(new)} source{'s' * (len(new) != 1)}.", timeout=3)

    def action_link_before(self) -> None:
        """Link this claim, once saved, to the claim checked before (or not, again)."""
        if not self.found:
            self.notify("Nothing checked before looks like this claim.", timeout=3)
            return
        ref = self.found[0].ref
        self.draft.link_to = "" if self.draft.link_to == ref else ref
        self._checked_before(self.found)

    def _show_sources(self, highlight: int | None = None) -> None:
        sources = self.query_one(SourceList)
        sources.clear_options()
        if not self.draft.sources:
            sources.add_option(
                Option(
                    Text("no sources yet: press n to add one", style="dim"),
                    id="none",
                    disabled=True,
                )
            )
            return
        for index, source in enumerate(self.draft.sources):
            label = Text(f"[{source.stance or 'no stance'}] ", style="italic", end="")
            label.append(excerpt(source.label, 56))
            sources.add_option(Option(label, id=str(index)))
        # a source is always highlighted, so that enter edits it and x removes it at once
        sources.highlighted = min(highlight or 0, len(self.draft.sources) - 1)

    def action_verdict(self, verdict: str) -> None:
        self.query_one("#verdict", Picker).value = verdict

    def action_confidence(self, confidence: str) -> None:
        self.query_one("#confidence", Picker).value = confidence

    def _collect(self) -> None:
        self.draft.verdict = self.query_one("#verdict", Picker).value  # type: ignore[assignment]
        self.draft.confidence = self.query_one("#confidence", Picker).value  # type: ignore[assignment]
        self.draft.note = self.query_one("#note", TextArea).text
        self.draft.tags = parse_tags(self.query_one("#tags", Input).value)

    def action_save(self) -> None:
        self._collect()
        self.dismiss(self.draft)

    def action_cancel(self) -> None:
        self._collect()
        if self.draft == self.original:
            self.dismiss(None)
            return

        def answer(choice: str | None) -> None:
            if choice == "discard":
                self.dismiss(None)

        self.app.push_screen(
            ChoiceScreen(
                "Discard the changes to this claim?",
                [("keep", "Keep editing"), ("discard", "Discard changes")],
            ),
            answer,
        )

    def action_add_source(self) -> None:
        self.app.push_screen(SourceEditor(None), self._source_added)

    def _source_added(self, source: Source | None) -> None:
        if source is not None:
            self.draft.sources = [*self.draft.sources, source]
            self._show_sources(len(self.draft.sources) - 1)

    def action_remove_source(self) -> None:
        sources = self.query_one(SourceList)
        if sources.highlighted is None or not self.draft.sources:
            return
        index = sources.highlighted
        self.draft.sources = [s for i, s in enumerate(self.draft.sources) if i != index]
        self._show_sources(index)

    @on(OptionList.OptionSelected, "#sources")
    def edit_source(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id in (None, "none"):
            return
        index = int(event.option.id)

        def edited(source: Source | None) -> None:
            if source is not None:
                sources = list(self.draft.sources)
                sources[index] = source
                self.draft.sources = sources
                self._show_sources(index)

        self.app.push_screen(SourceEditor(self.draft.sources[index]), edited)

    @on(Button.Pressed, "#add-source")
    def _add_pressed(self) -> None:
        self.action_add_source()

    @on(Button.Pressed, "#remove-source")
    def _remove_pressed(self) -> None:
        self.action_remove_source()
