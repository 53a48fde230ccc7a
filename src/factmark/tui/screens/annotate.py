"""The main screen: the article, the side panel, and every editing key."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import events, on
from textual.actions import parse
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Input

from factmark.article import Article
from factmark.tui.checked_before import CheckedBefore
from factmark.tui.cross_quotes import OtherFiles
from factmark.tui.screens.annotate_assist import ASSIST_BINDINGS, AssistFlow
from factmark.tui.screens.annotate_claims import ClaimFlow
from factmark.tui.screens.annotate_links import LinkFlow
from factmark.tui.screens.annotate_resolve import ResolveFlow
from factmark.tui.screens.annotate_search import SearchFlow
from factmark.tui.widgets.article_view import ArticleView
from factmark.tui.widgets.claim_panel import ClaimPanel
from factmark.tui.widgets.status_bar import Status, StatusBar

# The dialogs, the model and the session are imported where they are used: the
# article is painted first, and pydantic loads in the worker that opens the session.
if TYPE_CHECKING:
    from factmark.model import Claim
    from factmark.session import Session

EDITING_ACTIONS = {
    "add", "edit", "enter", "link", "unlink", "delete", "undo", "redo", "unresolved", "sign_off",
    "before",
}  # fmt: skip
"""Actions a read-only session refuses (``enter`` edits the selected claim)."""
READING_ACTIONS = {"move", "first", "last", "search", "next_hit", "toggle_panel", "help", "quit",
                   "escape"}  # fmt: skip
"""What works while the annotations are still being opened (other keys wait for them)."""
READ_ONLY_QUIET = 3.0
"""Seconds without an editing key before a read-only session says again why it ignores one."""
SESSION_WORK = "session"
"""The group of the workers that change the session off the event loop (reloading,
merging, re-locating claims): keys that edit wait for them."""
WIDE = 100
"""From this many columns the side panel stands beside the article, else under it."""


class AnnotateScreen(Screen[None]):
    """Walk the article paragraph by paragraph and annotate its claims."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE, "-wide")]

    BINDINGS = [
        Binding("j,down", "move(1)", "Next paragraph", show=False, id="next-paragraph"),
        Binding("k,up", "move(-1)", "Previous paragraph", show=False, id="previous-paragraph"),
        Binding("g,home", "first", "First paragraph", show=False, id="first-paragraph"),
        Binding("G,end", "last", "Last paragraph", show=False, id="last-paragraph"),
        Binding("tab", "next_claim(1)", "Next claim", show=False, id="next-claim"),
        Binding("shift+tab", "next_claim(-1)", "Previous claim", show=False, id="previous-claim"),
        Binding("a", "add", "Add", tooltip="Add a claim in this paragraph", id="add"),
        Binding("enter", "enter", "Edit / confirm", show=False, id="enter"),
        Binding("e", "edit", "Edit", tooltip="Edit the selected claim", id="edit"),
        Binding("l", "link", "Link", tooltip="Link the selected claim to another", id="link"),
        Binding("x", "unlink", "Remove a link of the selected claim", show=False, id="unlink"),
        Binding("d", "delete", "Delete", tooltip="Delete the selected claim", id="delete"),
        Binding("S", "sign_off", "Sign off the selected claim", show=False, id="sign-off"),
        Binding("b", "before('copy')", "Copy sources checked before", show=False, id="copy-before"),
        Binding("B", "before('link')", "Link the one checked before", show=False, id="link-before"),
        Binding("u,ctrl+z", "undo", "Undo", tooltip="Undo the last edit", id="undo"),
        Binding("ctrl+y", "redo", "Redo", show=False, id="redo"),
        Binding("slash", "search", "Search", tooltip="Search the article and claims", id="search"),
        Binding("n", "next_hit(1)", "Next match", show=False, id="next-match"),
        Binding("N", "next_hit(-1)", "Previous match", show=False, id="previous-match"),
        Binding("p", "toggle_panel", "Show or hide the side panel", show=False, id="panel"),
        Binding("c", "unresolved", "Changed and orphaned claims", show=False, id="unresolved"),
        Binding("v", "details", "Details", tooltip="Show the selected claim whole", id="details"),
        Binding("r", "review", "Review", tooltip="Review every claim in a table", id="review"),
        *ASSIST_BINDINGS,
        Binding("question_mark", "help", "Help", tooltip="Every key and what it does", id="help"),
        Binding("escape", "escape", "Cancel, or back to the desk", show=False, id="cancel"),
        Binding("q", "quit", "Quit", tooltip="Save and quit", id="quit"),
    ]

    @dataclass
    class DocumentChanged(Message):
        """The session's document changed (an edit, undo or redo): it is to be saved."""

    @dataclass
    class Left(Message):
        """Escape with nothing to cancel: the desk, where there is one, takes the article back."""

    selecting: reactive[bool] = reactive(False, bindings=True)
    """Whether the editor is choosing text for a new claim."""

    def __init__(self, article: Article, *, suggest: bool = True) -> None:
        super().__init__()
        self.article = article
        self.session: Session | None = None
        """None until the worker has opened the annotations."""
        self.selected: str | None = None
        self.claims = ClaimFlow(self)
        self.links = LinkFlow(self)
        self.resolving = ResolveFlow(self)
        self.searching = SearchFlow(self)
        self.assist = AssistFlow(self, enabled=suggest)
        self.checked = CheckedBefore(self)
        self.read_only_said = -READ_ONLY_QUIET
        """When an editing key was last pressed in a read-only session (monotonic seconds)."""
        self.save_error: str | None = None
        """Why the last save failed (shown in the status bar), None once one succeeds."""

    @property
    def editing(self) -> Session:
        """The open session (the editing actions run only once there is one)."""
        if self.session is None:
            raise RuntimeError("the annotations are not open yet")
        return self.session

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    def compose(self) -> ComposeResult:
        # The breakpoint classes are applied on the first resize, after the first
        # frame: set them now so that the article is wrapped once, at its real width.
        wide = self.app.size.width >= WIDE
        self.set_class(wide, "-wide")
        self.set_class(not wide, "-narrow")
        yield StatusBar(id="status")
        with Horizontal(id="main"):
            yield ArticleView(self.article, id="article")
            yield ClaimPanel(id="panel")
        yield Input(placeholder="search the article and the claims", id="search")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#search").display = False
        self.refresh_status()
        self.set_focus(self.view)

    def on_unmount(self) -> None:
        self.assist.stop()

    def attach(self, session: Session) -> None:
        """The annotations are open: show the claims and allow editing."""
        self.session = session
        self.assist.start()  # scored now: after the first paint and the annotations' loading
        panel = self.query_one(ClaimPanel)
        panel.links_removable = not session.read_only
        panel.quote_of = OtherFiles(self.app, session.path, self.refresh_panel).quote
        panel.checked_before = self.checked.section
        self.refresh_all()
        self.refresh_bindings()

    # --- showing -------------------------------------------------------------

    @property
    def current(self) -> int:
        return self.view.current

    def refresh_all(self) -> None:
        """Push the session's state into the widgets (attributes down)."""
        session = self.session
        if session is None:
            return
        changed = [
            (claim, anchor)
            for claim in session.unresolved()
            if (anchor := session.anchor(claim.id)).found is not None
        ]
        self.view.show_claims(session.trusted(), session.contradicted(), changed)
        self.assist.refresh()
        self.refresh_panel()
        self.refresh_status()

    def refresh_panel(self) -> None:
        session = self.session
        if session is None:
            return
        claims = session.shown_in(self.current)
        if self.selected not in {c.id for c in claims}:
            self.selected = claims[0].id if claims else None
        self.view.selected_claim = self.selected
        selected = session.claim(self.selected) if self.selected else None
        placed = {c.id: p for c in claims if (p := session.placement(c.id)) is not None}
        self.query_one(ClaimPanel).show(
            self.current, claims, selected, session.document, session.contradicted(), placed
        )
        self.assist.show_in_panel()

    def refresh_status(self) -> None:
        session = self.session
        bar = self.query_one(StatusBar)
        name = self.article.path.name if self.article.path else "article"
        paragraphs = len(self.article.paragraphs)
        if session is None:
            bar.show_opening(name, self.current, paragraphs)
            return
        bar.show(
            Status(
                article=name,
                paragraph=self.current,
                paragraphs=paragraphs,
                claims=len(session.document.claims),
                contradictions=session.count_contradictions(),
                changed=session.count_changed(),
                unresolved=len(session.unresolved()),
                saved=not session.dirty,
                read_only=session.read_only,
                saving_error=self.save_error,
            )
        )

    def go_to(self, paragraph: int, claim_id: str | None = None) -> None:
        """Make a paragraph current (and a claim in it selected)."""
        paragraph = max(1, min(len(self.article.paragraphs), paragraph))
        self.assist.leave(paragraph)
        self.view.current = paragraph
        ids = [c.id for c in self.session.shown_in(paragraph)] if self.session else []
        self.selected = claim_id if claim_id in ids else (ids[0] if ids else None)
        self.view.scroll_to_paragraph(paragraph)
        self.refresh_status()
        self.refresh_panel()

    # --- keys ----------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.session is None:
            return True if action in READING_ACTIONS else None
        if self.selecting:
            if action == "move" and self.resolving.reattaching is not None:
                return True  # to re-attach in another paragraph
            return action in {"enter", "escape", "quit", "help"}
        if action == "escape":
            return True
        if action in EDITING_ACTIONS and self.editing.read_only:
            return None  # shown greyed out: a read-only session cannot edit
        return True

    def waits_for_session(self, key: str, busy: bool = False) -> bool:
        """Whether a key typed now must wait until the annotations are open (or, if
        ``busy``, until a worker changing them is done).

        It must if it would run an action of this screen or the app other than
        reading the article (Textual would drop it as disabled, or run it on
        nothing); a key bound to nothing, or to the article view's own keys,
        runs now.
        """
        if self.session is not None and not busy:
            return False
        active = self.active_bindings.get(key)
        if active is None or active.node not in (self, self.app):
            return False
        return parse(active.binding.action)[1] not in READING_ACTIONS

    def on_key(self, event: events.Key) -> None:
        """An editing key a read-only session ignores: say why, once per burst of them."""
        session = self.session
        bound = self.active_bindings.get(event.key)
        if (
            session is None
            or not session.read_only
            or bound is None
            or bound.node is not self
            or parse(bound.binding.action)[1] not in EDITING_ACTIONS
        ):
            return
        now = time.monotonic()
        if now - self.read_only_said >= READ_ONLY_QUIET:
            self.notify(f"Read-only: {session.read_only}.", severity="warning", markup=False)
        self.read_only_said = now

    def action_move(self, step: int) -> None:
        if self.selecting:
            self.resolving.move(step)
            return
        self.go_to(self.current + step)

    def action_first(self) -> None:
        self.go_to(1)

    def action_last(self) -> None:
        self.go_to(len(self.article.paragraphs))

    def action_next_claim(self, step: int) -> None:
        claims = self.editing.shown_in(self.current)
        if not claims:
            return
        ids = [c.id for c in claims]
        index = ids.index(self.selected) + step if self.selected in ids else 0
        self.selected = ids[index % len(ids)]
        self.refresh_panel()

    def action_add(self) -> None:
        self.claims.add()

    def action_enter(self) -> None:
        if self.selecting:
            if self.view.selection is not None:
                self.claims.confirm(self.view.selection)
        else:
            self.claims.edit()

    def action_escape(self) -> None:
        search = self.query_one("#search", Input)
        if search.display:
            search.display = False
            self.set_focus(self.view)
        elif self.selecting:
            self.end_selection()
            self.resolving.reattaching = None
        elif self.view.selection is not None:  # a suggested sentence (])
            self.assist.unselect()
        elif not self.searching.clear():
            self.post_message(self.Left())

    def end_selection(self) -> None:
        self.view.selection = None
        self.selecting = False

    def action_edit(self) -> None:
        self.claims.edit()

    def action_link(self) -> None:
        self.links.link()

    def action_unlink(self) -> None:
        self.links.unlink()

    def action_delete(self) -> None:
        self.claims.delete()

    def action_sign_off(self) -> None:
        self.claims.sign_off()

    def action_before(self, what: str) -> None:
        getattr(self.checked, what)()

    def action_undo(self) -> None:
        self.claims.undo()

    def action_redo(self) -> None:
        self.claims.redo()

    def action_unresolved(self, start: str | None = None) -> None:
        self.resolving.show(start)

    def action_assist(self, key: str) -> None:
        self.assist.run(key)

    # --- what the dialogs share ------------------------------------------------

    def selected_claim(self) -> Claim | None:
        """The selected claim, or None saying that none is."""
        if self.selected is None:
            self.notify("No claim selected here: press a to add one.", severity="warning")
            return None
        return self.editing.claim(self.selected)

    def edited(self) -> None:
        """The document changed: redraw, and say so (the app has it saved shortly)."""
        self.refresh_all()
        self.post_message(self.DocumentChanged())

    # --- search --------------------------------------------------------------

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = True
        self.set_focus(search)  # now, so the keys typed right after "/" go in

    @on(Input.Submitted, "#search")
    def run_search(self, event: Input.Submitted) -> None:
        event.input.display = False
        self.set_focus(self.view)
        self.searching.run(event.value)

    def action_next_hit(self, step: int) -> None:
        self.searching.step(step)

    # --- other ---------------------------------------------------------------

    def action_review(self) -> None:
        """Every claim in one table; enter there comes back to a claim."""
        from factmark.tui.screens.annotate_review import open_review

        open_review(self)

    def action_details(self) -> None:
        """The selected claim's details on a screen of their own (read-only)."""
        session = self.session
        if session is None or self.selected is None:
            self.notify("No claim selected here.", severity="warning", timeout=3)
            return
        from factmark.tui.screens.claim_details import ClaimDetailsScreen

        claim = session.claim(self.selected)
        self.app.push_screen(
            ClaimDetailsScreen(
                claim,
                session.document,
                session.placement(claim.id),
                self.query_one(ClaimPanel).quote_of,
            )
        )

    def action_toggle_panel(self) -> None:
        panel = self.query_one(ClaimPanel)
        panel.display = not panel.display

    def action_help(self) -> None:
        from factmark.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        if self.selecting:  # q ends the selection first, as escape does; q again quits
            self.action_escape()
            return
        await self.app.run_action("quit")  # the app's: it saves first

    # --- mouse ---------------------------------------------------------------

    def on_article_view_paragraph_clicked(self, message: ArticleView.ParagraphClicked) -> None:
        if message.number != self.current:
            self.go_to(message.number)

    def on_article_view_claim_clicked(self, message: ArticleView.ClaimClicked) -> None:
        self.selected = message.claim_id
        self.refresh_panel()

    def on_claim_panel_claim_picked(self, message: ClaimPanel.ClaimPicked) -> None:
        self.selected = message.claim_id
        self.refresh_panel()

    def on_claim_panel_link_picked(self, message: ClaimPanel.LinkPicked) -> None:
        if self.selected is None or self.editing.read_only:
            return
        self.links.remove_asking(message.index, self.editing.claim(self.selected))
