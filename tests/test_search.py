"""Searching an article and its claims: one match per place, in article order, saying
what matched (``factmark.search``); and what a claim matches (``review.mention``)."""

from __future__ import annotations

from builders import claim
from factmark.article import Article
from factmark.model import Source
from factmark.review import mention, mentions
from factmark.search import ARTICLE_TEXT, Match, describe, find

TEXT = "Russia sent 1,200 bodies.\n\nUkraine counted 1,212 bodies, not 1,200."


def test_mention_names_the_first_field_that_holds_the_text() -> None:
    sourced = claim("abc123", "sent 1,200", 1, 7, note="see 1,200",
                    sources=[Source(citation="Interfax, 1,200")])  # fmt: skip
    assert mention(sourced, "1,200") == "quote"
    assert mention(sourced, "INTERFAX") == "sources"
    assert mention(sourced, "see") == "note"
    assert mention(sourced, "abc1") == "id"
    assert mention(sourced, "1,212") is None
    assert mentions(sourced, "interfax") and not mentions(sourced, "1,212")


def test_a_match_in_a_quote_is_one_match_selecting_the_claim() -> None:
    article = Article(TEXT)
    quoted = claim("q00001", "sent 1,200 bodies", 1, 7, note="1,200 per Interfax")
    noted = claim("n00001", "Ukraine counted 1,212 bodies", 2, 0, note="vs 1,200")
    found = find(article, [noted, quoted], "1,200")
    assert found == [
        Match(1, 12, "q00001", "quote"),  # its note too, but one place: the quote
        Match(2, 0, "n00001", "note"),
        Match(2, 34, "", ARTICLE_TEXT),
    ]
    assert describe(1, found).startswith("2/3 · ¶2 · a claim's note")
    assert describe(2, found).startswith("3/3 · ¶2 · the article text")


def test_nothing_to_find() -> None:
    assert find(Article(TEXT), [], "") == []
    assert find(Article(TEXT), [], "1,300") == []
