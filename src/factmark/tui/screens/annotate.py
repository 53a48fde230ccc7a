"""The main screen: the article, the side panel, and every editing key."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import events, on
from textual.actions import parse
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Input

from factmark.article import Article
from factmark.tui.text import excerpt
from factmark.tui.widgets.article_view import ArticleView
from factmark.tui.widgets.claim_panel import ClaimPanel
from factmark.tui.widgets.status_bar import Status, StatusBar

# The dialogs, the model and the session are imported where they are used: the
# article is painted first, and pydantic loads in the worker that opens the session.
if TYPE_CHECKING:
    from collections.abc import Callable

    from factmark.model import Claim
    from factmark.search import Match
    from factmark.session import Session
    from factmark.tui.app import FactmarkApp
    from factmark.tui.screens.claim_editor import ClaimDraft
    from factmark.tui.screens.conflicts import Write
    from factmark.vocabulary import LinkKind

EDITING_ACTIONS = {
    "add", "edit", "enter", "link", "unlink", "delete", "undo", "redo", "unresolved",
}  # fmt: skip
"""Actions a read-only session refuses (``enter`` edits the selected claim)."""
READING_ACTIONS = {"move", "first", "last", "search", "next_hit", "toggle_panel", "help", "quit",
                   "escape"}  # fmt: skip
"""What works while the annotations are still being opened (other keys wait for them)."""
READ_ONLY_QUIET = 3.0
"""Seconds without an editing key before a read-only session says again why it ignores one."""
WIDE = 100
"""From this many columns the side panel stands beside the article, else under it."""
KIND_LABELS: dict[str, str] = {
    "contradicts": "contradicts: they cannot both be true",
    "supports": "supports: this claim backs the other",
    "duplicates": "duplicates: the same claim made twice",
    "qualifies": "qualifies: this claim limits or explains the other",
}


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
        Binding("u,ctrl+z", "undo", "Undo", id="undo"),
        Binding("ctrl+y", "redo", "Redo", show=False, id="redo"),
        Binding("slash", "search", "Search", tooltip="Search the article and claims", id="search"),
        Binding("n", "next_hit(1)", "Next match", show=False, id="next-match"),
        Binding("N", "next_hit(-1)", "Previous match", show=False, id="previous-match"),
        Binding("p", "toggle_panel", "Show or hide the side panel", show=False, id="panel"),
        Binding("c", "unresolved", "Changed and orphaned claims", show=False, id="unresolved"),
        Binding("v", "details", "Details", tooltip="Show the selected claim whole", id="details"),
        Binding("r", "review", "Review", tooltip="Review every claim in a table", id="review"),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("escape", "escape", "Cancel", show=False, id="cancel"),
        Binding("q", "quit", "Quit", tooltip="Save and quit", id="quit"),
    ]

    selecting: reactive[bool] = reactive(False, bindings=True)
    """Whether the editor is choosing text for a new claim."""

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.article = article
        self.session: Session | None = None
        """None until the worker has opened the annotations."""
        self.selected: str | None = None
        self.hits: list[Match] = []
        self.hit_index: int | None = None
        self.reattaching: Claim | None = None
        """The claim (as the resolution dialog showed it) a selection will re-attach,
        instead of making a new claim."""
        self.read_only_said = -READ_ONLY_QUIET
        """When an editing key was last pressed in a read-only session (monotonic seconds)."""

    @property
    def fm_app(self) -> FactmarkApp:
        from factmark.tui.app import FactmarkApp

        return cast(FactmarkApp, self.app)

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

    def attach(self, session: Session) -> None:
        """The annotations are open: show the claims and allow editing."""
        self.session = session
        self.query_one(ClaimPanel).links_removable = not session.read_only
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
                contradictions=session.contradictions(),
                changed=session.count_changed(),
                unresolved=len(session.unresolved()),
                saved=not session.dirty,
                read_only=session.read_only,
                saving_error=self.fm_app.save_error,
            )
        )

    def go_to(self, paragraph: int, claim_id: str | None = None) -> None:
        """Make a paragraph current (and a claim in it selected)."""
        paragraph = max(1, min(len(self.article.paragraphs), paragraph))
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
            if action == "move" and self.reattaching is not None:
                return True  # to re-attach in another paragraph
            return action in {"enter", "escape", "quit", "help"}
        if action == "escape":
            return True
        if action in EDITING_ACTIONS and self.editing.read_only:
            return None  # shown greyed out: a read-only session cannot edit
        return True

    def waits_for_session(self, key: str) -> bool:
        """Whether a key typed now must wait until the annotations are open.

        It must if it would run an action of this screen or the app other than
        reading the article (Textual would drop it as disabled, or run it on
        nothing); a key bound to nothing, or to the article view's own keys,
        runs now.
        """
        if self.session is not None:
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
            self._move_reattaching(step)
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
        around = None
        if self.selected is not None:
            placed = self.editing.placement(self.selected)  # a changed claim's new text
            around = placed.anchor.start if placed else self.editing.claim(self.selected).start
        self.view.begin_selection(self.current, around)
        self.selecting = True
        self.notify(
            "Adjust with shift+arrows or the mouse; enter to continue, escape to cancel.",
            title="Select the claim",
            timeout=4,
        )

    def action_enter(self) -> None:
        if self.selecting:
            self._confirm_selection()
        else:
            self.action_edit()

    def action_escape(self) -> None:
        search = self.query_one("#search", Input)
        if search.display:
            search.display = False
            self.set_focus(self.view)
        elif self.selecting:
            self.view.selection = None
            self.selecting = False
            self.reattaching = None
        elif self.hits:
            self.hits = []
            self.view.set_search("")

    def _confirm_selection(self) -> None:
        selection = self.view.selection
        if selection is None:
            return
        from factmark.editing import overlapping, trimmed

        text = self.article.paragraph(selection.paragraph).text
        start, end = trimmed(text, *selection.span)
        if start == end:
            self.notify("Select some text first.", severity="warning")
            return
        if self.reattaching is not None:
            base, self.reattaching = self.reattaching, None
            self.view.selection = None
            self.selecting = False
            self._reattach(base, selection.paragraph, start, end)
            return
        overlaps = overlapping(self.editing.claims_in(selection.paragraph), start, end)
        warning = ""
        if overlaps:
            names = ", ".join(f"“{excerpt(c.quote, 30)}”" for c in overlaps[:3])
            warning = f"this overlaps {len(overlaps)} existing claim(s): {names}"
        paragraph = selection.paragraph

        def done(draft: ClaimDraft | None) -> None:
            self.view.selection = None
            self.selecting = False
            if draft is None:
                return
            claim = self.editing.add_claim(paragraph, start, end, **draft.changes())
            self.selected = claim.id
            self.edited()

        from factmark.tui.screens.claim_editor import ClaimDraft, ClaimEditor

        self.app.clear_notifications()  # the "select the claim" hint is done with
        self.app.push_screen(
            ClaimEditor(ClaimDraft(text[start:end]), new=True, warning=warning), done
        )

    def _begin_reattaching(self, base: Claim) -> None:
        """Select text to re-attach a claim to, starting on its likeliest new text."""
        from factmark.resolving import candidate
        from factmark.tui.widgets.article_view import Selection

        placed = self.editing.placement(base.id)
        target = candidate(base, self.article, placed) if placed is not None else None
        self.reattaching = base
        if target is None:
            self.view.begin_selection(self.current, None)
        else:
            paragraph, start, end = target
            self.go_to(paragraph, base.id)  # the claim stays the one in the panel
            self.view.selection = Selection(paragraph, start, end)
            self.view.scroll_to_offset(paragraph, start)
        self.selecting = True
        self.notify(
            "Starts on the closest text. Adjust with shift+arrows, j / k for another "
            "paragraph; enter attaches it, escape cancels.",
            timeout=6,
        )  # fmt: skip

    def _move_reattaching(self, step: int) -> None:
        """Move a re-attach selection to the first sentence of another paragraph."""
        self.go_to(self.current + step)
        self.view.begin_selection(self.current, None)

    def _reattach(self, base: Claim, paragraph: int, start: int, end: int) -> None:
        """Re-attach a claim, as the resolution dialog showed it, to the selected text.

        Text other than the quote checked asks, as accepting does, whether the
        verdict goes back to pending or is kept.
        """
        from factmark.tui.screens.conflicts import claim_name

        def reattached() -> None:
            if base.id in {claim.id for claim in self.editing.document.claims}:
                self.selected = base.id
                self.notify("Re-attached. Press u to undo.", timeout=3)

        def write(keep: bool) -> None:
            self._write_asking(
                lambda c: self.editing.reattach_as_shown(
                    base, paragraph, start, end, c, keep_verdict=keep
                ),
                f"{claim_name(base)} changed after you opened the list. Choose what to keep:",
                done=reattached,
            )

        from factmark.tui.screens.unresolved import ask_verdict

        ask_verdict(self.app, base, self.article.paragraph(paragraph).text[start:end], write)

    def _selected_claim(self) -> Claim | None:
        if self.selected is None:
            self.notify("No claim selected here: press a to add one.", severity="warning")
            return None
        return self.editing.claim(self.selected)

    def action_edit(self) -> None:
        from factmark.tui.screens.claim_editor import ClaimDraft

        claim = self._selected_claim()
        if claim is None:
            return
        draft = ClaimDraft(
            claim.quote,
            claim.verdict,
            claim.confidence,
            claim.note,
            list(claim.tags),
            list(claim.sources),
        )
        self._edit(claim, draft)

    def _edit(self, base: Claim, draft: ClaimDraft) -> None:
        """Open the editor on ``draft``; its save applies onto the claim as it is by then."""
        from factmark.tui.screens.claim_editor import ClaimEditor
        from factmark.tui.screens.conflicts import claim_name

        def done(result: ClaimDraft | None) -> None:
            if result is None:
                return
            self._write_asking(
                lambda choices: self.editing.apply_dialog_edit(
                    base.id, base, result.changes(), choices
                ),
                f"{claim_name(base)} changed while you edited it. Choose what to keep:",
                later=lambda: self._edit(base, result),
                later_text="back to the editor",
                done=lambda: setattr(self, "selected", base.id),
            )

        self.app.push_screen(ClaimEditor(draft, new=False), done)

    def _write_asking(
        self,
        write: Write,
        heading: str,
        *,
        later: Callable[[], None] | None = None,
        later_text: str = "leave it as it is now",
        done: Callable[[], None] | None = None,
    ) -> None:
        """A dialog's write, asking about what changed meanwhile (see conflicts.write_asking)."""
        from factmark.tui.screens.conflicts import write_asking

        def written() -> None:
            if done is not None:
                done()
            self.edited()

        def nothing() -> None:
            self.notify("Nothing changed.", timeout=3)

        def claims() -> dict[str, Claim]:
            return {claim.id: claim for claim in self.editing.document.claims}

        write_asking(self.app, write, heading, claims, written, later or nothing, later_text)

    def action_link(self) -> None:
        claim = self._selected_claim()
        if claim is None:
            return
        from factmark.editing import nearest_first

        others = nearest_first(claim, self.editing.document.claims)
        if not others:
            self.notify("There is no other claim to link to yet.", severity="warning")
            return
        from factmark.tui.screens.link_picker import LinkPicker

        self.app.push_screen(
            LinkPicker(claim, others), lambda target: self._pick_kind(claim, target, others)
        )

    def _pick_kind(self, claim: Claim, target: str | None, shown: list[Claim]) -> None:
        from factmark.tui.screens.conflicts import claim_name

        other = next((c for c in shown if c.id == target), None)
        if other is None or self._deleted_meanwhile(claim, other):
            return
        question = Text("“", end="")
        question.append(excerpt(claim.quote, 40))
        question.append("” … “")
        question.append(excerpt(other.quote, 40))
        question.append("”")

        def done(kind: str | None) -> None:
            if kind is None or self._deleted_meanwhile(claim, other):
                return
            try:
                self.editing.add_link(claim.id, other.id, cast("LinkKind", kind))
            except ValueError as error:  # already so linked (perhaps meanwhile, on disk)
                names = f"{claim_name(claim)} and {claim_name(other)}"
                self.notify(f"Not linked: {names}: {error}.", severity="warning", markup=False)
                return
            self.edited()
            self.notify(f"Linked: {kind}.", timeout=2)

        from factmark.tui.screens.choice import ChoiceScreen
        from factmark.vocabulary import LINK_KINDS

        self.app.push_screen(
            ChoiceScreen(question, [(kind, KIND_LABELS[kind]) for kind in LINK_KINDS]), done
        )

    def _deleted_meanwhile(self, *claims: Claim) -> bool:
        """Whether one of these claims a dialog showed was deleted since (saying so)."""
        from factmark.tui.screens.conflicts import claim_name

        ids = {c.id for c in self.editing.document.claims}
        gone = [claim for claim in claims if claim.id not in ids]
        if gone:
            self.notify(
                f"{claim_name(gone[0])} was deleted meanwhile (the file changed on disk).",
                severity="warning",
                markup=False,
            )
        return bool(gone)

    def action_unlink(self) -> None:
        claim = self._selected_claim()
        if claim is None:
            return
        links = [
            (i, link)
            for i, link in enumerate(self.editing.document.links)
            if link.touches(claim.id)
        ]
        if not links:
            self.notify("The selected claim has no links.", severity="warning")
            return
        self.remove_link_asking(links[0][0] if len(links) == 1 else None, claim)

    def remove_link_asking(self, index: int | None, claim: Claim) -> None:
        """Ask which link of a claim to remove (or confirm the one given)."""
        document = self.editing.document
        options = []
        for i, link in enumerate(document.links):
            if not link.touches(claim.id) or (index is not None and i != index):
                continue
            label = Text(f"remove: {link.kind} ", end="")
            label.append(excerpt(document.claim(link.other(claim.id)).quote, 50))
            options.append((str(i), label))
        options.append(("keep", Text("keep the links")))

        def done(choice: str | None) -> None:
            if choice is None or choice == "keep":
                return
            self.editing.remove_link(document.links[int(choice)])
            self.edited()

        from factmark.tui.screens.choice import ChoiceScreen

        self.app.push_screen(ChoiceScreen("Remove a link", options), done)

    def action_delete(self) -> None:
        claim = self._selected_claim()
        if claim is None:
            return
        links = len(self.editing.document.links_of(claim.id))
        self.editing.delete_claim(claim.id)
        self.selected = None
        self.edited()
        with_links = f" and its {links} link{'s' * (links != 1)}" if links else ""
        self.notify(f"Deleted the claim{with_links}. Press u to undo.", timeout=4)

    def action_undo(self) -> None:
        edit = self.editing.undo()
        if edit is None:
            self.notify("Nothing to undo.", timeout=2)
            return
        self._after_history(edit.selected_undone, f"Undone: {edit.description}.")

    def action_redo(self) -> None:
        edit = self.editing.redo()
        if edit is None:
            self.notify("Nothing to redo.", timeout=2)
            return
        self._after_history(edit.selected, f"Redone: {edit.description}.")

    def _after_history(self, selected: str | None, message: str) -> None:
        self.editing.relocate()
        if selected is not None and selected in {c.id for c in self.editing.document.claims}:
            claim = self.editing.claim(selected)
            if claim.paragraph is not None:
                self.view.current = claim.paragraph
                self.view.scroll_to_paragraph(claim.paragraph)
            self.selected = selected
        self.edited()
        self.notify(message, timeout=2)

    def edited(self) -> None:
        """The document changed: redraw, and have it saved shortly."""
        self.refresh_all()
        self.fm_app.schedule_save()

    # --- search --------------------------------------------------------------

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = True
        self.set_focus(search)  # now, so the keys typed right after "/" go in

    @on(Input.Submitted, "#search")
    def run_search(self, event: Input.Submitted) -> None:
        from factmark.editing import searched
        from factmark.search import find

        query = searched(event.value)
        event.input.display = False
        self.set_focus(self.view)
        claims = self.session.trusted() if self.session is not None else []
        self.hits = find(self.article, claims, query)
        self.hit_index = None
        self.view.set_search(query)
        if not self.hits:
            self.notify("No match.", severity="warning", timeout=2)
            return
        self.action_next_hit(1)

    def action_next_hit(self, step: int) -> None:
        """Go to the next (or previous) match, saying which of how many and what matched."""
        from factmark.search import describe

        if not self.hits:
            return
        if self.hit_index is None:  # a new search: the first match from here on
            ahead = (i for i, hit in enumerate(self.hits) if hit.paragraph >= self.current)
            self.hit_index = next(ahead, 0)
        else:
            self.hit_index = (self.hit_index + step) % len(self.hits)
        hit = self.hits[self.hit_index]
        self.go_to(hit.paragraph, hit.claim or None)
        self.view.scroll_to_offset(hit.paragraph, hit.offset)
        self.app.clear_notifications()  # the step before's
        self.notify(describe(self.hit_index, self.hits), timeout=3, markup=False)

    # --- other ---------------------------------------------------------------

    def action_unresolved(self, start: str | None = None) -> None:
        """The changed and orphaned claims, each to accept, re-attach or delete."""
        from factmark.tui.screens.unresolved import Resolution, UnresolvedScreen, placements

        session = self.editing
        claims = session.unresolved()
        if not claims:
            self.notify("Every claim is found in the article as it is.", timeout=3)
            return
        if start is None and self.selected is not None and session.placement(self.selected):
            start = self.selected  # the changed or orphaned claim selected in the panel

        shown = {claim.id: claim for claim in claims}

        def done(resolution: Resolution | None) -> None:
            if resolution is not None:
                self._resolve(shown[resolution.claim_id], resolution.action)

        self.app.push_screen(UnresolvedScreen(claims, placements(session, claims), start), done)

    def _resolve(self, base: Claim, action: str) -> None:
        """Accept, re-attach or delete a claim as the resolution dialog showed it."""
        from factmark.tui.screens.conflicts import claim_name

        session = self.editing
        if action == "reattach":
            if not self._deleted_meanwhile(base):
                self._begin_reattaching(base)
            return
        heading = f"{claim_name(base)} changed after you opened the list. Choose what to keep:"
        if action == "delete":

            def deleted() -> None:
                if base.id in {c.id for c in session.document.claims}:
                    self.notify("Kept the claim as it is now.", timeout=3)
                    return
                self.selected = None
                self.notify("Deleted the claim. Press u to undo.", timeout=3)

            self._write_asking(lambda c: session.delete_as_shown(base, c), heading, done=deleted)
            return

        def accepted() -> None:
            claim = next((c for c in session.document.claims if c.id == base.id), None)
            if claim is None:  # deleted meanwhile, and left so
                return
            self.go_to(claim.paragraph or self.current, base.id)
            self.notify("Accepted the new text. Press u to undo.", timeout=3)

        keep = action == "accept-keep"
        try:
            self._write_asking(
                lambda c: session.accept_as_shown(base, keep_verdict=keep, choices=c),
                heading,
                done=accepted,
            )
        except ValueError:  # resolved meanwhile (re-attached on disk): nothing to accept
            self.notify(f"{claim_name(base)} was resolved meanwhile.", markup=False, timeout=4)

    def action_review(self) -> None:
        """Every claim in one table; enter there comes back to a claim."""
        from factmark.tui.screens.review import ReviewScreen

        session = self.editing

        def done(claim_id: str | None) -> None:
            if claim_id is None or claim_id not in {c.id for c in session.document.claims}:
                return
            anchor = session.anchor(claim_id)
            if anchor.paragraph is None:
                return
            if not anchor.state.trusted:  # changed: show where, and what to do about it
                self.go_to(anchor.paragraph)
                self.view.scroll_to_offset(anchor.paragraph, anchor.start or 0)
                if session.read_only:
                    self.notify("This claim's text has changed; the file is open read-only.")
                else:
                    self.action_unresolved(start=claim_id)
                return
            self.go_to(anchor.paragraph, claim_id)
            self.view.scroll_to_offset(anchor.paragraph, anchor.start or 0)

        self.app.clear_notifications()  # they speak of this screen's keys
        self.app.push_screen(ReviewScreen(session, self.selected), done)

    def action_details(self) -> None:
        """The selected claim's details on a screen of their own (read-only)."""
        session = self.session
        if session is None or self.selected is None:
            self.notify("No claim selected here.", severity="warning", timeout=3)
            return
        from factmark.tui.screens.claim_details import ClaimDetailsScreen

        claim = session.claim(self.selected)
        self.app.push_screen(
            ClaimDetailsScreen(claim, session.document, session.placement(claim.id))
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
        await self.fm_app.save_and_quit()

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
        self.remove_link_asking(message.index, self.editing.claim(self.selected))
