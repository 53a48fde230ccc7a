"""Where the article holds a document's claims, and what the editor looks up of it.

A session pairs every document it holds (the current one, and each one undo and
redo can give back) with a :class:`Located`: the anchors found for that document's
claims. Undo and redo swap the two together, so the editor never sees one
document's claims where another's were found. No Textual here.
"""

from __future__ import annotations

from dataclasses import dataclass

from factmark import resolving
from factmark.anchor import ORPHAN, Anchor, attach, locate_all, paragraph_moves
from factmark.article import Article
from factmark.model import AnnotationFile, Claim
from factmark.resolving import Unresolved


@dataclass(frozen=True)
class Located:
    """Where each claim of one document was found (never changed: a change makes another)."""

    anchors: dict[str, Anchor]
    moves: dict[int, int]
    """Old paragraph number -> new, as the claims found exactly showed it when the file
    was read (their hints are refreshed since; an orphan's are not)."""

    @classmethod
    def read(cls, document: AnnotationFile, article: Article) -> tuple[AnnotationFile, Located]:
        """Find the claims of a document as read; returns it with fresh hints for the
        claims found exactly (the others untouched until the editor decides), and where
        each was found."""
        anchors = locate_all(document, article, fuzzy=True)
        located = cls(anchors, paragraph_moves(document.claims, anchors))
        claims = [
            attach(claim, article, anchors[claim.id]) if anchors[claim.id].state.trusted else claim
            for claim in document.claims
        ]
        if claims != document.claims:
            document = document.model_copy(update={"claims": claims})
        return document, located

    def anchor(self, claim_id: str) -> Anchor:
        return self.anchors.get(claim_id, ORPHAN)

    def with_anchors(self, anchors: dict[str, Anchor]) -> Located:
        """These claims found anew, the others where they were."""
        return Located({**self.anchors, **anchors}, self.moves)


@dataclass(frozen=True)
class Index:
    """What the editor looks up on every key, computed once per document and anchors."""

    document: AnnotationFile
    """The document indexed (compared by identity: documents are immutable)."""
    located: Located
    """Where its claims were found (compared by identity too)."""
    by_id: dict[str, Claim]
    by_paragraph: dict[int, list[Claim]]
    trusted: list[Claim]
    unresolved: list[Claim]
    contradicted: set[str]
    count_contradictions: int
    placements: dict[str, Unresolved]
    shown: dict[int, list[Claim]]

    @classmethod
    def build(cls, document: AnnotationFile, located: Located, paragraphs: int) -> Index:
        anchors = located.anchors
        by_paragraph: dict[int, list[Claim]] = {}
        trusted, unresolved = [], []
        for claim in document.claims:
            anchor = anchors.get(claim.id)
            if anchor is not None and anchor.state.trusted and claim.paragraph is not None:
                trusted.append(claim)
                by_paragraph.setdefault(claim.paragraph, []).append(claim)
            else:
                unresolved.append(claim)
        for claims in by_paragraph.values():
            claims.sort(key=lambda c: (c.start or 0, -len(c.quote)))
        by_id = {claim.id: claim for claim in document.claims}
        placements = resolving.unresolved(document.claims, anchors, located.moves, paragraphs)
        shown = resolving.by_paragraph(document.claims, anchors, placements)
        return cls(
            document, located, by_id, by_paragraph, trusted, unresolved,
            document.contradicted(), len(document.contradiction_links()), placements, shown,
        )  # fmt: skip

    def current(self, document: AnnotationFile, located: Located) -> bool:
        """Whether this index is of that document, its claims found there."""
        return self.document is document and self.located is located
