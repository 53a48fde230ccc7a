"""Linking the selected claim on the annotate screen: the other claim, then the kind;
and removing one of its links."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text

from factmark.linkview import MEANINGS, LinkView
from factmark.tui.cross_quotes import other_end
from factmark.tui.text import excerpt
from factmark.tui.widgets.claim_panel import ClaimPanel

if TYPE_CHECKING:
    from factmark.model import Claim
    from factmark.tui.screens.annotate import AnnotateScreen
    from factmark.vocabulary import LinkKind


class LinkFlow:
    """The dialogs that make and remove the selected claim's links (keys l and x)."""

    def __init__(self, screen: AnnotateScreen) -> None:
        self.screen = screen

    def link(self) -> None:
        """Pick the other claim (nearest first), then the kind of link."""
        from factmark.editing import nearest_first
        from factmark.tui.screens.link_picker import LinkPicker

        screen = self.screen
        claim = screen.selected_claim()
        if claim is None:
            return
        others = nearest_first(claim, screen.editing.document.claims)
        if not others:
            screen.notify("There is no other claim to link to yet.", severity="warning")
            return
        screen.app.push_screen(
            LinkPicker(claim, others), lambda target: self._pick_kind(claim, target, others)
        )

    def _pick_kind(self, claim: Claim, target: str | None, shown: list[Claim]) -> None:
        from factmark.tui.screens.choice import ChoiceScreen
        from factmark.tui.screens.conflicts import claim_name
        from factmark.vocabulary import LINK_KINDS

        screen = self.screen
        other = next((c for c in shown if c.id == target), None)
        if other is None or screen.claims.deleted_meanwhile(claim, other):
            return
        question = Text("“", end="")
        question.append(excerpt(claim.quote, 40))
        question.append("” … “")
        question.append(excerpt(other.quote, 40))
        question.append("”")

        def done(kind: str | None) -> None:
            if kind is None or screen.claims.deleted_meanwhile(claim, other):
                return
            try:
                screen.editing.add_link(claim.id, other.id, cast("LinkKind", kind))
            except ValueError as error:  # already so linked (perhaps meanwhile, on disk)
                names = f"{claim_name(claim)} and {claim_name(other)}"
                screen.notify(f"Not linked: {names}: {error}.", severity="warning", markup=False)
                return
            screen.edited()
            screen.notify(f"Linked: {kind}.", timeout=2)

        screen.app.push_screen(
            ChoiceScreen(question, [(kind, f"{kind}: {MEANINGS[kind]}") for kind in LINK_KINDS]),
            done,
        )

    def unlink(self) -> None:
        """Remove a link of the selected claim (asking which, or confirming the one)."""
        screen = self.screen
        claim = screen.selected_claim()
        if claim is None:
            return
        links = [
            (i, link)
            for i, link in enumerate(screen.editing.document.links)
            if link.touches(claim.id)
        ]
        if not links:
            screen.notify("The selected claim has no links.", severity="warning")
            return
        self.remove_asking(links[0][0] if len(links) == 1 else None, claim)

    def remove_asking(self, index: int | None, claim: Claim) -> None:
        """Ask which link of a claim to remove (or confirm the one given)."""
        from factmark.tui.screens.choice import ChoiceScreen

        screen = self.screen
        document = screen.editing.document
        panel = screen.query_one(ClaimPanel)
        options = []
        for i, link in enumerate(document.links):
            if not link.touches(claim.id) or (index is not None and i != index):
                continue
            label = Text(f"remove: {link.kind} ", end="")
            other = other_end(LinkView(link, claim.id), document, panel.quote_of)
            label.append(excerpt(other, 60))
            options.append((str(i), label))
        options.append(("keep", Text("keep the links")))

        def done(choice: str | None) -> None:
            if choice is None or choice == "keep":
                return
            screen.editing.remove_link(document.links[int(choice)])
            screen.edited()

        screen.app.push_screen(ChoiceScreen("Remove a link", options), done)
