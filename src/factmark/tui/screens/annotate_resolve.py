"""Resolving claims a copy edit changed or orphaned, from the annotate screen: accept
the new text, re-attach the claim to a selection, or delete it (key c)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factmark.model import Claim
    from factmark.tui.screens.annotate import AnnotateScreen


class ResolveFlow:
    """The list of unresolved claims and what the editor chose there."""

    def __init__(self, screen: AnnotateScreen) -> None:
        self.screen = screen
        self.reattaching: Claim | None = None
        """The claim (as the resolution dialog showed it) a selection will re-attach,
        instead of making a new claim."""

    def show(self, start: str | None = None) -> None:
        """The changed and orphaned claims, each to accept, re-attach or delete."""
        from factmark.tui.screens.unresolved import Resolution, UnresolvedScreen, placements

        screen = self.screen
        session = screen.editing
        claims = session.unresolved()
        if not claims:
            screen.notify("Every claim is found in the article as it is.", timeout=3)
            return
        if start is None and screen.selected is not None and session.placement(screen.selected):
            start = screen.selected  # the changed or orphaned claim selected in the panel

        shown = {claim.id: claim for claim in claims}

        def done(resolution: Resolution | None) -> None:
            if resolution is not None:
                self._resolve(shown[resolution.claim_id], resolution.action)

        screen.app.push_screen(UnresolvedScreen(claims, placements(session, claims), start), done)

    def _resolve(self, base: Claim, action: str) -> None:
        """Accept, re-attach or delete a claim as the resolution dialog showed it."""
        from factmark.tui.screens.conflicts import claim_name

        screen = self.screen
        session = screen.editing
        if action == "reattach":
            if not screen.claims.deleted_meanwhile(base):
                self._begin_reattaching(base)
            return
        heading = f"{claim_name(base)} changed after you opened the list. Choose what to keep:"
        if action == "delete":

            def deleted() -> None:
                if base.id in {c.id for c in session.document.claims}:
                    screen.notify("Kept the claim as it is now.", timeout=3)
                    return
                screen.selected = None
                screen.notify("Deleted the claim. Press u to undo.", timeout=3)

            screen.claims.write_asking(
                lambda c: session.delete_as_shown(base, c), heading, done=deleted
            )
            return

        def accepted() -> None:
            claim = next((c for c in session.document.claims if c.id == base.id), None)
            if claim is None:  # deleted meanwhile, and left so
                return
            screen.go_to(claim.paragraph or screen.current, base.id)
            screen.notify("Accepted the new text. Press u to undo.", timeout=3)

        keep = action == "accept-keep"
        try:
            screen.claims.write_asking(
                lambda c: session.accept_as_shown(base, keep_verdict=keep, choices=c),
                heading,
                done=accepted,
            )
        except ValueError:  # resolved meanwhile (re-attached on disk): nothing to accept
            screen.notify(f"{claim_name(base)} was resolved meanwhile.", markup=False, timeout=4)

    def _begin_reattaching(self, base: Claim) -> None:
        """Select text to re-attach a claim to, starting on its likeliest new text."""
        from factmark.resolving import candidate
        from factmark.textrange import TextRange

        screen = self.screen
        placed = screen.editing.placement(base.id)
        target = candidate(base, screen.article, placed) if placed is not None else None
        self.reattaching = base
        if target is None:
            screen.view.begin_selection(screen.current, None)
        else:
            paragraph, start, end = target
            screen.go_to(paragraph, base.id)  # the claim stays the one in the panel
            screen.view.selection = TextRange(paragraph, start, end)
            screen.view.scroll_to_offset(paragraph, start)
        screen.selecting = True
        screen.notify(
            "Starts on the closest text. Adjust with shift+arrows, j / k for another "
            "paragraph; enter attaches it, escape cancels.",
            timeout=6,
        )  # fmt: skip

    def move(self, step: int) -> None:
        """Move a re-attach selection to the first sentence of another paragraph."""
        screen = self.screen
        screen.go_to(screen.current + step)
        screen.view.begin_selection(screen.current, None)

    def reattach(self, paragraph: int, start: int, end: int) -> None:
        """Re-attach the claim being re-attached, as the resolution dialog showed it, to
        the selected text.

        Text other than the quote checked asks, as accepting does, whether the
        verdict goes back to pending or is kept.
        """
        from factmark.tui.screens.conflicts import claim_name
        from factmark.tui.screens.unresolved import ask_verdict

        screen = self.screen
        base, self.reattaching = self.reattaching, None
        if base is None:
            return

        def reattached() -> None:
            if base.id in {claim.id for claim in screen.editing.document.claims}:
                screen.selected = base.id
                screen.notify("Re-attached. Press u to undo.", timeout=3)

        def write(keep: bool) -> None:
            screen.claims.write_asking(
                lambda c: screen.editing.reattach_as_shown(
                    base, paragraph, start, end, c, keep_verdict=keep
                ),
                f"{claim_name(base)} changed after you opened the list. Choose what to keep:",
                done=reattached,
            )

        ask_verdict(screen.app, base, screen.article.paragraph(paragraph).text[start:end], write)
