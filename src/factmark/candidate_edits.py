"""A session's edits of contradiction candidates: accepting one (its two claims and a
``contradicts`` link) and dismissing one (remembered in the file), each one undoable
step (docs/design.md §10).

The candidates come from factmark.assist; here they are only two sentences and a
reason, so the session needs none of the assist layer.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Protocol

from factmark.anchor import Anchor, attach
from factmark.editing import overlapping, trimmed
from factmark.model import AnnotationFile, Claim, Dismissal, Link, new_claim_id, utc_now
from factmark.vocabulary import AnchorState

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from factmark.article import Article
    from factmark.located import Located

_WORD = re.compile(r"[\w,.]*\w")
"""A word or a figure (\"1,212\", \"2.5\") of a reason or a quote."""


class Sentence(Protocol):
    """A sentence where it stands: its paragraph (from 1) and offsets inside it."""

    @property
    def paragraph(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...


def placed_claim(
    article: Article, paragraph: int, start: int, end: int, taken: Iterable[str], author: str,
    **fields: Any,
) -> tuple[Claim, Anchor]:  # fmt: skip
    """A new claim quoting ``[start, end)`` of a paragraph (its id not among ``taken``), and
    where it stands."""
    text = article.paragraph(paragraph).text
    if not 0 <= start < end <= len(text):
        raise ValueError(f"no text at {start}..{end} of paragraph {paragraph}")
    now = utc_now()
    quote = text[start:end]
    claim = Claim(id=new_claim_id(taken), quote=quote, author=author, created=now, updated=now,
                  **fields)  # fmt: skip
    anchor = Anchor(AnchorState.ANCHORED, paragraph, start, end, quote)
    return attach(claim, article, anchor), anchor


def ordered(a: Sentence, b: Sentence) -> tuple[Sentence, Sentence]:
    """The two sentences in article order."""
    return (a, b) if (a.paragraph, a.start) <= (b.paragraph, b.start) else (b, a)


class CandidateEdits:
    """Accepting and dismissing contradiction candidates (a part of factmark.session.Session)."""

    if TYPE_CHECKING:
        article: Article
        document: AnnotationFile
        located: Located
        author: str

        claims_in: Callable[[int], list[Claim]]
        _apply: Callable[..., None]
        """Session._apply: make a document the session's, undoably."""

    def accept_candidate(self, a: Sentence, b: Sentence, reason: str) -> Link:
        """Link the claims on two sentences as contradicting each other, the reason as the
        link's note; a sentence no claim overlaps gets a claim quoting it. One undoable step.

        ValueError if one claim covers both sentences or the two are so linked already.
        """
        claims = list(self.document.claims)
        anchors: dict[str, Anchor] = {}
        ids = []
        for sentence in ordered(a, b):
            claim = self._claim_over(sentence, reason)
            if claim is None:
                text = self.article.paragraph(sentence.paragraph).text
                start, end = trimmed(text, sentence.start, sentence.end)
                taken = [c.id for c in claims]
                claim, anchor = placed_claim(
                    self.article, sentence.paragraph, start, end, taken, self.author
                )
                claims.append(claim)
                anchors[claim.id] = anchor
            ids.append(claim.id)
        first, second = ids
        if first == second:
            raise ValueError("one claim covers both sentences")
        note = {"from": first, "to": second, "kind": "contradicts", "note": reason}
        link = Link.model_validate(note)
        if any(existing.key == link.key for existing in self.document.links):
            raise ValueError("their claims are already linked as contradicts")
        after = self.document.model_copy(
            update={"claims": claims, "links": [*self.document.links, link]}
        )
        located = self.located.with_anchors(anchors)
        self._apply(after, "accept contradiction candidate", first, located=located)
        return link

    def _claim_over(self, sentence: Sentence, reason: str) -> Claim | None:
        """The claim over a sentence that best carries the candidate: the one quoting most
        of the reason's words and figures, then the one sharing most text with it."""
        found = overlapping(self.claims_in(sentence.paragraph), sentence.start, sentence.end)
        words = set(_WORD.findall(reason.casefold())) - {"vs"}

        def fit(claim: Claim) -> tuple[int, int]:
            start = claim.start or 0
            shared = min(start + len(claim.quote), sentence.end) - max(start, sentence.start)
            return len(words & set(_WORD.findall(claim.quote.casefold()))), shared

        return max(found, key=fit, default=None)

    def candidate_accepted(self, a: Sentence, b: Sentence, reason: str) -> bool:
        """Whether the claims accepting a candidate would link are so linked already."""
        first, second = (self._claim_over(sentence, reason) for sentence in ordered(a, b))
        if first is None or second is None or first.id == second.id:
            return False
        key = Link.model_validate({"from": first.id, "to": second.id, "kind": "contradicts"}).key
        return any(existing.key == key for existing in self.document.links)

    def dismiss_candidate(self, a: Sentence, b: Sentence, reason: str) -> Dismissal:
        """Remember a candidate as dismissed (the two sentences in article order, the reason,
        who and when), so it is not proposed again. One undoable step.

        ValueError if it is dismissed already.
        """
        first, second = ordered(a, b)
        dismissal = Dismissal(
            quotes=[first.text, second.text], reason=reason, author=self.author, created=utc_now()
        )
        if any(existing.key == dismissal.key for existing in self.document.dismissed):
            raise ValueError("this candidate is dismissed already")
        dismissed = [*self.document.dismissed, dismissal]
        after = self.document.model_copy(update={"dismissed": dismissed})
        self._apply(after, "dismiss contradiction candidate", None)
        return dismissal
