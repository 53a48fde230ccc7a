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
from factmark.assist.spans import Span, spans

if TYPE_CHECKING:
    from factmark.article import Article
    from factmark.assist.alongside import Alongside
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
class Sentence(Span):
    """One sentence of the article, as reported: where it is, its score and reasons."""

    score: float
    reasons: tuple[str, ...]
    claimed: bool

    @property
    def suggested(self) -> bool:
        return self.score >= SUGGESTED

    def as_data(self) -> dict[str, Any]:
        return self.to_json() | {
            "score": self.score,
            "reasons": list(self.reasons),
            "suggested": self.suggested,
            "claimed": self.claimed,
        }


def speakers(article: Article) -> dict[int, str | None]:
    """Who says each paragraph, by number: the label a transcript's turn opens with."""
    return {paragraph.number: speaker_label(paragraph.text) for paragraph in article.paragraphs}


def _label_words(name: str) -> list[str]:
    return name.upper().replace(".", " ").split()


def moderators(cut: list[Span], said_by: dict[int, str | None]) -> set[str]:
    """The speakers who moderate: named so, or mostly asking (``said_by``: the speaker of
    each paragraph)."""
    said: Counter[str] = Counter()
    asked: Counter[str] = Counter()
    for span in cut:
        speaker = said_by.get(span.paragraph)
        if speaker is not None:
            said[speaker] += 1
            asked[speaker] += span.text.rstrip().endswith("?")
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
    article: Article,
    document: AnnotationFile | None = None,
    model: Model | None = None,
    cut: list[Span] | None = None,
    alongside: Alongside | None = None,
) -> list[Sentence]:
    """Every sentence of the article in order, scored, and whether a claim covers it
    (``cut``: the article's spans, when they are known already; ``alongside``: what
    helps score them, which knows them already)."""
    if model is None:
        from factmark.assist.checkworthy import shipped

        model = shipped()
    if alongside is not None:
        cut = alongside.cut
    read = spans(article) if cut is None else cut
    said_by = speakers(article)
    moderating = moderators(read, said_by)
    claimed = _claimed(article, document)
    # Scored last: where a second process helps (alongside), what is above is done while
    # it is still pairing, and the two then finish scoring together.
    if alongside is not None:
        scored = alongside.scores(model)
    else:
        scored = model.score_all(span.text for span in read)
    result = []
    for span, (score, reasons) in zip(read, scored, strict=True):
        if said_by.get(span.paragraph) in moderating:
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
    alongside: Alongside | None = None,
) -> dict[str, Any]:
    """The JSON report of docs/design.md §10 for an article (``path`` as the user named
    it); ``alongside``: what finds its candidates, when it was started already."""
    from factmark.assist.alongside import Alongside
    from factmark.assist.offered import is_dismissed

    if alongside is None:
        alongside = Alongside(article, spans(article))
    scored = [s.as_data() for s in sentences(article, document, model, alongside=alongside)]
    dismissed = document.dismissed if document is not None else []
    keys = {dismissal.key for dismissal in dismissed}
    contradictions = [
        c for c in alongside.candidates() if not is_dismissed(c["a"]["text"], c["b"]["text"], keys)
    ]
    return {"article": path, "sentences": scored, "contradictions": contradictions}
