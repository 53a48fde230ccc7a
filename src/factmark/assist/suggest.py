"""What ``factmark suggest`` reports: every sentence of an article, scored, and the
contradiction candidates (docs/design.md §10).

A transcript gives one paragraph to each turn, led by the speaker's name
("MODERATOR: …"). The name is not read as part of the sentence, and a
moderator's sentences count for half: a moderator asks, and the claims worth
checking are the speakers' answers. A moderator is named so ("MODERATOR",
"QUESTION", …) or is the speaker whose sentences are largely questions.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from factmark.assist.features import speaker_label

if TYPE_CHECKING:
    from factmark.article import Article
    from factmark.assist.checkworthy import Model
    from factmark.model import AnnotationFile

SUGGESTED = 0.5
"""A sentence is suggested when its score is at least this."""
MODERATOR_WEIGHT = 0.5
MODERATOR_LABELS = frozenset(
    {"MODERATOR", "MODERATORS", "QUESTION", "QUESTIONER", "AUDIENCE", "ANNOUNCER", "HOST",
     "INTERVIEWER", "PANELIST", "Q"}
)  # fmt: skip
QUESTIONS = 0.3
"""A speaker at least this share of whose sentences (of four or more) are questions moderates."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the article, as reported."""

    paragraph: int
    start: int
    end: int
    text: str
    score: float
    reasons: tuple[str, ...]
    claimed: bool

    @property
    def suggested(self) -> bool:
        return self.score >= SUGGESTED

    def as_data(self) -> dict[str, Any]:
        return {
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "score": self.score,
            "reasons": list(self.reasons),
            "suggested": self.suggested,
            "claimed": self.claimed,
        }


@dataclass(frozen=True, slots=True)
class Span:
    """A sentence where it stands, and who says it (in a transcript)."""

    paragraph: int
    start: int
    end: int
    text: str
    speaker: str | None


def spans(article: Article) -> list[Span]:
    """Every sentence of the article, in order, with its paragraph's speaker if any."""
    found = []
    for paragraph in article.paragraphs:
        speaker = speaker_label(paragraph.text)
        for start, end in article.sentences(paragraph.number):
            text = paragraph.text[start:end]
            found.append(Span(paragraph.number, start, end, text, speaker))
    return found


def _label_words(name: str) -> list[str]:
    return name.upper().replace(".", " ").split()


def moderators(spans: list[Span]) -> set[str]:
    """The speakers who moderate: named so, or mostly asking."""
    said: Counter[str] = Counter()
    asked: Counter[str] = Counter()
    for span in spans:
        if span.speaker is not None:
            said[span.speaker] += 1
            asked[span.speaker] += span.text.rstrip().endswith("?")
    named = {name for name in said if not MODERATOR_LABELS.isdisjoint(_label_words(name))}
    if len(said) < 2:
        return named
    asking = {name for name in said if said[name] >= 4 and asked[name] >= QUESTIONS * said[name]}
    return named | asking


def _claimed(article: Article, document: AnnotationFile | None) -> dict[int, list[tuple[int, int]]]:
    """Where the claims of the annotation file stand, by paragraph."""
    if document is None or not document.claims:
        return {}
    from factmark.anchor import locate_all

    where: dict[int, list[tuple[int, int]]] = {}
    for anchor in locate_all(document, article, fuzzy=True).values():
        if anchor.paragraph is not None and anchor.start is not None and anchor.end is not None:
            where.setdefault(anchor.paragraph, []).append((anchor.start, anchor.end))
    return where


def sentences(
    article: Article, document: AnnotationFile | None = None, model: Model | None = None
) -> list[Sentence]:
    """Every sentence of the article in order, scored, and whether a claim covers it."""
    if model is None:
        from factmark.assist.checkworthy import shipped

        model = shipped()
    read = spans(article)
    moderating = moderators(read)
    claimed = _claimed(article, document)
    result = []
    for span, (score, reasons) in zip(read, model.score_all(s.text for s in read), strict=True):
        if span.speaker in moderating:
            score = round(score * MODERATOR_WEIGHT, 4)
        covered = any(
            start < span.end and span.start < end for start, end in claimed.get(span.paragraph, ())
        )
        where = (span.paragraph, span.start, span.end, span.text)
        result.append(Sentence(*where, score, tuple(reasons), covered))
    return result


def report(
    article: Article,
    path: str,
    document: AnnotationFile | None = None,
    model: Model | None = None,
) -> dict[str, Any]:
    """The JSON report of docs/design.md §10 for an article (``path`` as the user named it)."""
    from factmark.assist.contradictions import candidates
    from factmark.assist.offered import open_candidates

    dismissed = document.dismissed if document is not None else []
    contradictions = [c.to_json() for c in open_candidates(candidates(article), dismissed)]
    return {
        "article": path,
        "sentences": [sentence.as_data() for sentence in sentences(article, document, model)],
        "contradictions": contradictions,
    }
