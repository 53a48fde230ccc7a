"""Where each sentence of an article stands: the one record the assist's reports share.

The article is cut into sentences once (``Article.sentences``, sentencex): the
check-worthiness scores and the contradiction candidates are both read from the
same cut, and report the same spans.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factmark.article import Article


@dataclass(frozen=True, slots=True)
class Span:
    """A whole sentence: its paragraph (from 1) and code-point offsets inside it."""

    paragraph: int
    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }


def spans(article: Article) -> list[Span]:
    """Every sentence of the article, in order."""
    return [
        Span(paragraph.number, start, end, paragraph.text[start:end])
        for paragraph in article.paragraphs
        for start, end in article.sentences(paragraph.number)
    ]
