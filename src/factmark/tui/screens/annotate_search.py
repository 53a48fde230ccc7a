"""Searching from the annotate screen: ``/`` finds, n and N step through the matches."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factmark.search import Match
    from factmark.tui.screens.annotate import AnnotateScreen


class SearchFlow:
    """The matches of the last search, and the one the screen is at."""

    def __init__(self, screen: AnnotateScreen) -> None:
        self.screen = screen
        self.hits: list[Match] = []
        self.hit_index: int | None = None
        """The match gone to last; None until the first step of a search."""

    def run(self, typed: str) -> None:
        """Search the article and the claims found in it; go to the first match from here on."""
        from factmark.editing import searched
        from factmark.search import find

        screen = self.screen
        query = searched(typed)
        claims = screen.session.trusted() if screen.session is not None else []
        self.hits = find(screen.article, claims, query)
        self.hit_index = None
        screen.view.set_search(query)
        if not self.hits:
            screen.notify("No match.", severity="warning", timeout=2)
            return
        self.step(1)

    def step(self, step: int) -> None:
        """Go to the next (or previous) match, saying which of how many and what matched."""
        from factmark.search import describe

        screen = self.screen
        if not self.hits:
            return
        if self.hit_index is None:  # a new search: the first match from here on
            ahead = (i for i, hit in enumerate(self.hits) if hit.paragraph >= screen.current)
            self.hit_index = next(ahead, 0)
        else:
            self.hit_index = (self.hit_index + step) % len(self.hits)
        hit = self.hits[self.hit_index]
        screen.go_to(hit.paragraph, hit.claim or None)
        screen.view.scroll_to_offset(hit.paragraph, hit.offset)
        screen.app.clear_notifications()  # the step before's
        screen.notify(describe(self.hit_index, self.hits), timeout=3, markup=False)

    def clear(self) -> bool:
        """Forget the matches and unmark them (whether there were any)."""
        if not self.hits:
            return False
        self.hits = []
        self.screen.view.set_search("")
        return True
