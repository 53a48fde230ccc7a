"""Editing one source of a claim: URL or citation, title, stance, what it says."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import ValidationError
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, Static, TextArea

from factmark.model import Source
from factmark.tui.widgets.picker import Choice, Picker

STANCE_CHOICES = [
    Choice("s", "supports", "supports"),
    Choice("c", "contradicts", "contradicts"),
    Choice("x", "context", "context"),
    Choice("-", "", "no stance"),
]


class SourceEditor(ModalScreen[Source | None]):
    """A form for one source; ctrl+s keeps it once it has a URL or a citation."""

    BINDINGS = [
        Binding(
            "ctrl+s",
            "save",
            "Keep source",
            tooltip="Keep the source in the claim",
            priority=True,
            id="source-save",
        ),
        Binding(
            "escape",
            "cancel",
            "Cancel",
            tooltip="Drop the changes to the source",
            id="source-cancel",
        ),
    ]

    def __init__(self, source: Source | None) -> None:
        super().__init__()
        self.source = source

    def compose(self) -> ComposeResult:
        source = self.source
        with VerticalScroll(classes="dialog editor"):
            yield Static(Text("Source", style="bold"), classes="dialog-question")
            yield Label("URL (http or https)")
            yield Input((source.url or "") if source else "", id="url", placeholder="https://…")
            yield Label("Citation (who said it, where, when)")
            yield Input(source.citation if source else "", id="citation")
            yield Label("Title")
            yield Input(source.title if source else "", id="title")
            yield Label("Stance toward the claim (one key)")
            yield Picker(
                STANCE_CHOICES, (source.stance or "") if source else "supports", id="stance"
            )
            yield Label("What the source says")
            yield TextArea(source.quote if source else "", id="source-quote", soft_wrap=True)
            yield Label("Accessed (YYYY-MM-DD)")
            accessed = source.accessed.isoformat() if source and source.accessed else ""
            yield Input(accessed, id="accessed", placeholder=date.today().isoformat())
            yield Static("", id="source-error")
            yield Static(Text("ctrl+s keep · escape cancel", style="dim"), classes="dialog-help")
        yield Footer()  # this dialog's own keys, not the screen's beneath it

    def on_mount(self) -> None:
        self.query_one("#url").focus()

    def _value(self, selector: str) -> str:
        return self.query_one(selector, Input).value.strip()

    def action_save(self) -> None:
        values: dict[str, Any] = {
            "url": self._value("#url") or None,
            "citation": self._value("#citation"),
            "title": self._value("#title"),
            "quote": self.query_one("#source-quote", TextArea).text,
            "stance": self.query_one("#stance", Picker).value or None,
        }
        accessed = self._value("#accessed")
        try:
            if accessed:
                values["accessed"] = date.fromisoformat(accessed)
            source = Source.model_validate(values)
        except ValueError as error:
            self._show_error(error)
            return
        self.dismiss(source)

    def _show_error(self, error: ValueError) -> None:
        if isinstance(error, ValidationError):
            message = "; ".join(
                f"{'.'.join(str(p) for p in e['loc']) or 'source'}: {e['msg']}"
                for e in error.errors()
            )
        else:
            message = f"accessed: {error}"
        self.query_one("#source-error", Static).update(Text(f"⚠ {message}", style="bold"))

    def action_cancel(self) -> None:
        self.dismiss(None)
