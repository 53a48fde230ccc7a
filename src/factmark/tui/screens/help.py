"""Every key, on one screen: read from the bindings of every screen and widget."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from factmark.tui.commands import key_names, meaning

Row = tuple[str, str]
"""A key's names (``j / down``) and what it does."""


def _sections() -> list[tuple[str, list[BindingType]]]:
    """Every screen's and widget's bindings, a section each, in the order an editor meets
    them (imported here: the help opens after them all)."""
    from factmark.tui.app import FactmarkApp
    from factmark.tui.screens.annotate import AnnotateScreen
    from factmark.tui.screens.candidates import CandidatesScreen
    from factmark.tui.screens.choice import ChoiceScreen
    from factmark.tui.screens.claim_details import ClaimDetailsScreen
    from factmark.tui.screens.claim_editor import ClaimEditor, SourceList
    from factmark.tui.screens.conflicts import ConflictScreen
    from factmark.tui.screens.desk import DeskScreen
    from factmark.tui.screens.link_picker import LinkPicker
    from factmark.tui.screens.load_error import LoadErrorScreen
    from factmark.tui.screens.review import ReviewScreen
    from factmark.tui.screens.source_editor import SourceEditor
    from factmark.tui.screens.unresolved import UnresolvedScreen
    from factmark.tui.widgets.article_view import ArticleView
    from factmark.tui.widgets.item_list import ItemList
    from factmark.tui.widgets.picker import Picker

    return [
        ("The article", [*AnnotateScreen.BINDINGS, *FactmarkApp.BINDINGS]),
        ("Selecting the text of a claim (a)", ArticleView.BINDINGS),
        ("In the claim editor", [*ClaimEditor.BINDINGS, *SourceList.BINDINGS, *Picker.BINDINGS]),
        ("In a source", SourceEditor.BINDINGS),
        ("Linking (l)", LinkPicker.BINDINGS),
        ("Changed and orphaned claims (c)", UnresolvedScreen.BINDINGS),
        ("In the review (r)", ReviewScreen.BINDINGS),
        ("Contradiction candidates (C)", CandidatesScreen.BINDINGS),
        ("The desk (factmark with no article)", DeskScreen.BINDINGS),
        ("In a list", ItemList.BINDINGS),
        ("A claim's details (v)", ClaimDetailsScreen.BINDINGS),
        ("The file changed on disk", ConflictScreen.BINDINGS),
        ("A question", ChoiceScreen.BINDINGS),
        ("A file that cannot be read", LoadErrorScreen.BINDINGS),
        ("This help", HelpScreen.BINDINGS),
    ]


def rows(bindings: Iterable[BindingType]) -> list[Row]:
    """One row per action: its keys, each shown once with all its names, and what it does."""
    keys: dict[str, list[str]] = {}
    meanings: dict[str, str] = {}
    for binding in bindings:
        if isinstance(binding, Binding) and (binding.show or binding.description):
            keys.setdefault(binding.action, []).append(key_names(binding))
            meanings.setdefault(binding.action, meaning(binding))
    return [(", ".join(dict.fromkeys(names)), meanings[action]) for action, names in keys.items()]


def help_sections() -> list[tuple[str, list[Row]]]:
    """The help's sections: a title and the rows of its keys."""
    return [(title, rows(bindings)) for title, bindings in _sections()]


class HelpScreen(ModalScreen[None]):
    """The keys of factmark; any of escape, ? or q closes it."""

    BINDINGS = [
        Binding(
            "escape,question_mark,q", "close", "Close", tooltip="Close the help", id="help-close"
        )
    ]

    def __init__(self, section: str | None = None) -> None:
        super().__init__()
        self.section = section
        """The section shown first (the screen's own keys), else the top."""
        self.sections = help_sections()

    def compose(self) -> ComposeResult:
        width = max(len(key) for _, keys in self.sections for key, _ in keys)
        with VerticalScroll(classes="dialog wide", id="help"):
            yield Static(Text("factmark keys", style="bold"), classes="dialog-question")
            for number, (section, keys) in enumerate(self.sections):
                table = Table.grid(padding=(0, 2))
                table.add_column(style="bold", no_wrap=True, width=width)
                table.add_column()
                for key, action in keys:
                    table.add_row(Text(key), Text(action))
                title = Text(section, style="bold underline")
                yield Static(Group(title, table), id=f"help-{number}", classes="help-section")
            yield Static(Text("escape, ? or q to close", style="dim"), classes="dialog-help")
        yield Footer()  # this dialog's own keys, not the screen's beneath it

    def on_mount(self) -> None:
        names = [section for section, _ in self.sections]
        if self.section in names:
            shown = self.query_one(f"#help-{names.index(self.section)}")
            scroller = self.query_one("#help", VerticalScroll)
            self.call_after_refresh(scroller.scroll_to_widget, shown, animate=False, top=True)

    def action_close(self) -> None:
        self.dismiss(None)
