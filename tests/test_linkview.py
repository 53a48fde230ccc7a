"""A link read from either of its claims: direction, wording, the other claim."""

from __future__ import annotations

import pytest

from builders import claim, document, link
from factmark import review
from factmark.export import table
from factmark.gitio.render import render
from factmark.linkview import LinkView, links_seen_from
from factmark.vocabulary import LINK_KINDS, SYMMETRIC_KINDS

PASSIVES = {
    "contradicts": "contradicted by",
    "supports": "supported by",
    "duplicates": "duplicated by",
    "qualifies": "qualified by",
}


def test_a_one_way_link_reads_forwards_from_its_source_and_in_the_passive_from_its_target() -> None:
    supports = link("aaaaaa", "bbbbbb", "supports")

    forwards, backwards = LinkView(supports, "aaaaaa"), LinkView(supports, "bbbbbb")

    assert (forwards.other, forwards.outgoing, forwards.direction) == ("bbbbbb", True, "out")
    assert (forwards.arrow, forwards.verb, forwards.kind_by) == ("→", "supports", "supports")
    assert (forwards.short, backwards.short) == ("→ supports", "← supports")
    assert (backwards.other, backwards.outgoing, backwards.direction) == ("aaaaaa", False, "in")
    assert (backwards.arrow, backwards.verb) == ("←", "supported by")
    assert backwards.kind_by == "supports by"


@pytest.mark.parametrize("kind", sorted(SYMMETRIC_KINDS))
def test_a_symmetric_link_reads_the_same_from_both_ends(kind: str) -> None:
    symmetric = link("aaaaaa", "bbbbbb", kind)

    for end, other in (("aaaaaa", "bbbbbb"), ("bbbbbb", "aaaaaa")):
        view = LinkView(symmetric, end)
        assert (view.other, view.direction, view.arrow) == (other, "out", "→")
        assert view.verb == view.kind_by == kind


@pytest.mark.parametrize("kind", sorted(set(LINK_KINDS) - SYMMETRIC_KINDS))
def test_every_one_way_kind_has_a_passive(kind: str) -> None:
    assert LinkView(link("aaaaaa", "bbbbbb", kind), "bbbbbb").verb == PASSIVES[kind]


def test_the_other_claims_quote_or_none_when_the_document_lacks_it() -> None:
    supports = link("aaaaaa", "bbbbbb")
    both = document(claim("aaaaaa", "first"), claim("bbbbbb", "second"), links=[supports])
    one = document(claim("aaaaaa", "first"))

    assert LinkView(supports, "aaaaaa").other_quote(both) == "second"
    assert LinkView(supports, "bbbbbb").other_quote(both) == "first"
    assert LinkView(supports, "aaaaaa").other_quote(one) is None


def test_links_seen_from_a_claim_are_its_links_in_document_order() -> None:
    first, second = link("aaaaaa", "bbbbbb"), link("cccccc", "aaaaaa", "qualifies")
    elsewhere = link("bbbbbb", "cccccc", "contradicts")
    claims = (claim("aaaaaa", "a"), claim("bbbbbb", "b"), claim("cccccc", "c"))
    doc = document(*claims, links=[first, elsewhere, second])

    views = links_seen_from(doc, "aaaaaa")

    assert [(view.link, view.seen_from) for view in views] == [
        (first, "aaaaaa"),
        (second, "aaaaaa"),
    ]
    assert [view.verb for view in views] == ["supports", "qualified by"]


def test_the_views_word_an_incoming_link_as_the_view_does() -> None:
    doc = document(
        claim("aaaaaa", "the first claim", paragraph=1),
        claim("bbbbbb", "the second claim", paragraph=2),
        links=[link("aaaaaa", "bbbbbb", "qualifies")],
    )

    assert 'link: qualified by aaaaaa "the first claim"' in render(doc)
    assert 'link: qualifies bbbbbb "the second claim"' in render(doc)
    markdown = review.as_markdown(doc, doc.claims, "t")
    assert "  - → qualifies “the second claim”" in markdown
    assert "  - ← qualifies “the first claim”" in markdown
    data = review.as_data(doc, doc.claims)
    assert [row["links"][0]["direction"] for row in data["claims"]] == ["out", "in"]
    rows = table.export(doc).splitlines()
    assert "qualifies bbbbbb" in rows[1]
    assert "qualifies by aaaaaa" in rows[2]
