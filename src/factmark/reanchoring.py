"""What ``factmark reanchor`` finds: each claim located in the article as it is now."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from factmark.anchor import Anchor, locate_all
from factmark.article import Article
from factmark.model import AnnotationFile
from factmark.visible import counted
from factmark.vocabulary import AnchorState


@dataclass(frozen=True)
class ReanchorReport:
    """Where each claim of a document is found in the article, by claim id."""

    document: AnnotationFile
    anchors: dict[str, Anchor]

    @classmethod
    def of(cls, document: AnnotationFile, article: Article) -> ReanchorReport:
        return cls(document, locate_all(document, article, fuzzy=True))

    @property
    def untrusted(self) -> int:
        """How many claims were changed or orphaned (their exact quote not found)."""
        return sum(not anchor.state.trusted for anchor in self.anchors.values())

    def rows(self) -> list[dict[str, Any]]:
        """One row per claim, in the file's order; paragraph, start and found are None
        for an orphan."""
        rows = []
        for claim in self.document.claims:
            anchor = self.anchors[claim.id]
            rows.append(
                {
                    "id": claim.id,
                    "state": str(anchor.state),
                    "paragraph": anchor.paragraph,
                    "start": anchor.start,
                    "quote": claim.quote,
                    "found": anchor.found,
                }
            )
        return rows

    def as_data(self) -> dict[str, Any]:
        """The report as ``reanchor --format json`` prints it."""
        return {"claims": self.rows()}

    def lines(self) -> list[str]:
        """One line per claim: id, state, where (¶paragraph:start), the quote, and what
        the article says there now when it changed. Quotes are repr()s, but may still
        hold invisible characters: escape them before printing."""
        lines = []
        for row in self.rows():
            where = f"¶{row['paragraph']}:{row['start']}" if row["paragraph"] is not None else "-"
            line = f"{row['id']}  {row['state']:<8}  {where}  {row['quote']!r}"
            if row["state"] == AnchorState.CHANGED:
                line += f" -> {row['found']!r}"
            lines.append(line)
        return lines

    def summary(self) -> str:
        """``20 claims: 18 anchored, 1 moved, 1 changed, 0 orphan``."""
        counts = dict.fromkeys(AnchorState, 0)
        for anchor in self.anchors.values():
            counts[anchor.state] += 1
        states = ", ".join(f"{counts[state]} {state}" for state in AnchorState)
        return f"{counted(len(self.anchors), 'claim')}: {states}"
