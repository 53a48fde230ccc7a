"""The review screen opened from the annotate screen, and the claim it comes back to."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factmark.tui.screens.annotate import AnnotateScreen


def open_review(screen: AnnotateScreen) -> None:
    """Every claim in one table; enter there comes back to a claim (a changed one: to
    where it is now, and what to do about it)."""
    from factmark.tui.screens.review import ReviewScreen

    session = screen.editing

    def done(claim_id: str | None) -> None:
        if claim_id is None or claim_id not in {c.id for c in session.document.claims}:
            return
        anchor = session.anchor(claim_id)
        if anchor.paragraph is None:
            return
        if not anchor.state.trusted:  # changed: show where, and what to do about it
            screen.go_to(anchor.paragraph)
            screen.view.scroll_to_offset(anchor.paragraph, anchor.start or 0)
            if session.read_only:
                screen.notify("This claim's text has changed; the file is open read-only.")
            else:
                screen.resolving.show(start=claim_id)
            return
        screen.go_to(anchor.paragraph, claim_id)
        screen.view.scroll_to_offset(anchor.paragraph, anchor.start or 0)

    screen.app.clear_notifications()  # they speak of this screen's keys
    screen.app.push_screen(ReviewScreen(session, screen.selected), done)
