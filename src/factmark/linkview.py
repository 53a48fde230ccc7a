"""A link as seen from one of its claims: its direction, its wording and the other claim.

Every place that shows a claim's links (the side panel and the claim details,
the review, the diff and textconv, the HTML and CSV exports) reads them
through :class:`LinkView`, so a link points and reads the same way in each.
A symmetric kind (``contradicts``, ``duplicates``) reads the same from both
ends; a one-way kind reads forwards from the claim it goes from
(``supports``) and in the passive from the claim it points to
(``supported by``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from factmark.vocabulary import SYMMETRIC_KINDS, LinkKind

if TYPE_CHECKING:
    from factmark.model import AnnotationFile, Link

PASSIVE: Mapping[LinkKind, str] = {
    "contradicts": "contradicted by",
    "supports": "supported by",
    "duplicates": "duplicated by",
    "qualifies": "qualified by",
}
"""How a one-way link reads from the claim it points to."""

MEANINGS: Mapping[LinkKind, str] = {
    "contradicts": "they cannot both be true",
    "supports": "this claim backs the other",
    "duplicates": "the same claim made twice",
    "qualifies": "this claim limits or explains the other",
}
"""What each kind says of the two claims, for an editor choosing one."""

OUTGOING_ARROW = "→"
INCOMING_ARROW = "←"


@dataclass(frozen=True)
class LinkView:
    """``link`` as read from the claim ``seen_from``, one of its two ends."""

    link: Link
    seen_from: str

    @property
    def other(self) -> str:
        """The id of the claim at the other end."""
        return self.link.other(self.seen_from)

    @property
    def outgoing(self) -> bool:
        """Whether the link reads forwards from here: it goes from this claim, or is symmetric."""
        return self.link.source == self.seen_from or self.link.kind in SYMMETRIC_KINDS

    @property
    def direction(self) -> Literal["out", "in"]:
        return "out" if self.outgoing else "in"

    @property
    def arrow(self) -> str:
        """``→`` for an outgoing link, ``←`` for an incoming one."""
        return OUTGOING_ARROW if self.outgoing else INCOMING_ARROW

    @property
    def short(self) -> str:
        """The arrow and the kind (``→ supports``, ``← supports``): the short form of a list."""
        return f"{self.arrow} {self.link.kind}"

    @property
    def verb(self) -> str:
        """``contradicts``, ``supports``; in the passive when incoming (``supported by``)."""
        return self.link.kind if self.outgoing else PASSIVE[self.link.kind]

    @property
    def kind_by(self) -> str:
        """The kind itself, with ``by`` after it when incoming (``supports by``).

        The short form of a spreadsheet cell, where the kind stays the
        vocabulary's word so that a filter on it finds both ends.
        """
        return self.link.kind if self.outgoing else f"{self.link.kind} by"

    def other_quote(self, document: AnnotationFile) -> str | None:
        """The other claim's quote, or None if ``document`` has no such claim."""
        try:
            return document.claim(self.other).quote
        except KeyError:
            return None


def links_seen_from(document: AnnotationFile, claim_id: str) -> list[LinkView]:
    """Every link of the claim, in the document's order, as read from it."""
    return [LinkView(link, claim_id) for link in document.links_of(claim_id)]
