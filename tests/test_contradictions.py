"""Contradiction candidates inside one article (docs/design.md, "Assist")."""

from __future__ import annotations

from pathlib import Path

from factmark.article import Article
from factmark.assist.contradictions import Candidate, candidates

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_207cb1c8ae6ad8ea.txt"


def _article(text: str) -> Article:
    return Article(text)


def _reasons(text: str) -> list[str]:
    return [candidate.reason for candidate in candidates(_article(text))]


def _pairs(found: list[Candidate]) -> list[tuple[str, str]]:
    return [(candidate.a.text, candidate.b.text) for candidate in found]


def test_the_seed_articles_two_contradictions_are_in_the_top_five_of_at_most_eight() -> None:
    found = candidates(Article.read(SEED))
    assert 2 <= len(found) <= 8
    top = found[:5]
    bodies = [c for c in top if "1,200" in c.a.text and "1,212" in c.b.text]
    zero = [
        c
        for c in top
        if "has not returned a single body" in c.a.text and "had returned 27 bodies" in c.b.text
    ]
    assert bodies and bodies[0].reason == "1,200 vs 1,212 bodies"
    assert zero and zero[0].reason == "not a single body vs 27 bodies"


def test_a_candidate_holds_two_whole_sentences_in_article_order_with_their_offsets() -> None:
    article = Article.read(SEED)
    for candidate in candidates(article):
        for span in (candidate.a, candidate.b):
            paragraph = article.paragraph(span.paragraph)
            assert (span.start, span.end) in article.sentences(span.paragraph)
            assert paragraph.text[span.start : span.end] == span.text
        assert (candidate.a.paragraph, candidate.a.start) < (
            candidate.b.paragraph,
            candidate.b.start,
        )
        assert 0.0 <= candidate.score <= 1.0
        data = candidate.to_json()
        assert set(data) == {"a", "b", "reason", "score"}
        assert set(data["a"]) == {"paragraph", "start", "end", "text"}
