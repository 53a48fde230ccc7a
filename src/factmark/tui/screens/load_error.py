"""Shown instead of the editor when the annotation file cannot be used."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from factmark.tui.text import plain


class LoadErrorScreen(Screen[None]):
    """The file's problems, one a line; nothing can be edited or written."""

    BINDINGS = [
        Binding(
            "q", "app.exit_unusable", "Quit", tooltip="Quit, writing nothing", id="load-error-quit"
        ),
        Binding(
            "escape",
            "app.exit_unusable",
            "Quit",
            tooltip="Quit, writing nothing",
            show=False,
            id="load-error-escape",
        ),
    ]

    def __init__(self, problems: list[str]) -> None:
        super().__init__()
        self.problems = problems

    def compose(self) -> ComposeResult:
        text = Text(
            "This annotation file cannot be used, so factmark opened nothing for "
            "writing. The file is left exactly as it is.\n\n",
            end="",
        )
        for problem in self.problems:
            text.append("• ")
            text.append(plain(problem))
            text.append("\n")
        text.append(
            "\nFix the file (or run factmark check on it), then open the article again.",
            style="dim",
        )
        with Vertical(id="load-error"):
            yield Static(
                Text("Cannot open the annotations", style="bold"), classes="dialog-question"
            )
            yield Static(text)
        yield Footer()
