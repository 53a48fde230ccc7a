"""Every key, on one screen."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

KEYS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Moving",
        [
            ("j / down, k / up", "next / previous paragraph"),
            ("g / home, G / end", "first / last paragraph"),
            ("tab / shift+tab", "next / previous claim in the paragraph"),
            ("v", "the selected claim's details in full, on their own screen"),
            ("click", "a paragraph makes it current; a claim selects it"),
        ],
    ),
    (
        "Claims",
        [
            ("a", "add a claim: the current sentence is preselected"),
            ("  shift+left / right", "shrink / extend the selection by a character"),
            ("  ctrl+shift+left / right", "… by a word"),
            ("  shift+home / end", "… to the sentence start / end"),
            ("  o", "move the other end of the selection"),
            ("  mouse drag", "select by hand"),
            ("  enter / escape, q", "open the claim editor / cancel (then q quits)"),
            ("e / enter", "edit the selected claim"),
            ("l", "link the selected claim to another (contradicts first)"),
            ("x", "remove a link of the selected claim"),
            ("d", "delete the selected claim and its links"),
            (
                "c",
                "claims changed or orphaned by edits to the article (~ and ⊘ in the panel): "
                "accept the new text, re-attach to a selection, or delete",
            ),
            ("  r in that list", "re-attach: starts on the closest text; j / k another ¶"),
            ("u / ctrl+z, ctrl+y", "undo, redo"),
        ],
    ),
    (
        "In the claim editor",
        [
            (
                "p a m d l i u",
                "verdict: pending, accurate, mostly-accurate, disputed, misleading, "
                "inaccurate, unverifiable (anywhere but in a text field)",
            ),
            ("0 1 2 3", "confidence: unrated, low, medium, high (likewise)"),
            ("n / ctrl+n", "add a source (n likewise outside the text fields)"),
            ("enter, x", "in the sources: edit, remove the highlighted source"),
            ("ctrl+s / escape", "save the claim / cancel"),
        ],
    ),
    (
        "In the review (r)",
        [
            ("up / down, enter", "choose a claim; enter jumps to it in the article"),
            (
                "/",
                "search quotes, notes, tags and sources as you type; enter jumps to the "
                "first match, down goes to the matches",
            ),
            ("v, c", "show one verdict, one confidence"),
            ("x, s, p, o", "only contradicted, without source, pending, changed/orphaned"),
            ("0", "clear the filters"),
            ("1 … 7, click a heading", "sort by that column (again: reverse)"),
            ("t", "the contradictions, side by side, the differing facts marked"),
            ("escape", "back to the article"),
        ],
    ),
    (
        "Other",
        [
            (
                "/",
                "search the article and the claims; n / N next / previous match, "
                "counted, saying what matched (a claim's quote, note, sources or the text)",
            ),
            ("r", "review: every claim in a table, to filter, sort and jump to"),
            ("p", "show or hide the side panel"),
            ("ctrl+s", "save now (changes are saved within a second anyway)"),
            ("ctrl+p", "command palette: every action by name and keys; Theme changes the colours"),
            ("?", "this help"),
            ("q", "save and quit"),
        ],
    ),
]


class HelpScreen(ModalScreen[None]):
    """The keys of factmark; any of escape, ? or q closes it."""

    BINDINGS = [Binding("escape,question_mark,q", "close", "Close")]

    def __init__(self, section: str | None = None) -> None:
        super().__init__()
        self.section = section
        """The section shown first (the screen's own keys), else the top."""

    def compose(self) -> ComposeResult:
        width = max(len(key) for _, keys in KEYS for key, _ in keys)
        with VerticalScroll(classes="dialog wide", id="help"):
            yield Static(Text("factmark keys", style="bold"), classes="dialog-question")
            for number, (section, keys) in enumerate(KEYS):
                table = Table.grid(padding=(0, 2))
                table.add_column(style="bold", no_wrap=True, width=width)
                table.add_column()
                table.add_row(Text(section, style="bold underline"), "")
                for key, action in keys:
                    table.add_row(key, action)
                yield Static(table, id=f"help-{number}", classes="help-section")
            yield Static(Text("escape, ? or q to close", style="dim"), classes="dialog-help")
        yield Footer()  # this dialog's own keys, not the screen's beneath it

    def on_mount(self) -> None:
        names = [section for section, _ in KEYS]
        if self.section in names:
            shown = self.query_one(f"#help-{names.index(self.section)}")
            scroller = self.query_one("#help", VerticalScroll)
            self.call_after_refresh(scroller.scroll_to_widget, shown, animate=False, top=True)

    def action_close(self) -> None:
        self.dismiss(None)
