"""The rules of editing claims, without a terminal (``factmark.editing``)."""

from __future__ import annotations

from builders import claim
from factmark.editing import link_candidates, nearest_first, overlapping, searched, trimmed
from factmark.model import Source

TEXT = "  Russia sent 1,200 bodies. \n"


def test_a_selection_loses_the_whitespace_at_its_ends() -> None:
    assert trimmed(TEXT, 0, len(TEXT)) == (2, 27)
    assert TEXT[slice(*trimmed(TEXT, 0, len(TEXT)))] == "Russia sent 1,200 bodies."
    assert trimmed(TEXT, 9, 13) == (9, 13)  # "sent": nothing to trim


def test_a_selection_of_whitespace_only_is_empty() -> None:
    start, end = trimmed(TEXT, 27, len(TEXT))
    assert start == end


def test_the_claims_a_selection_overlaps_share_some_text_with_it() -> None:
    sent = claim("a00001", "sent 1,200", 1, 9)  # 9-19
    bodies = claim("b00001", "bodies", 1, 20)  # 20-26
    assert overlapping([sent, bodies], 0, 9) == []  # ends where "sent" starts
    assert overlapping([sent, bodies], 18, 21) == [sent, bodies]
    assert overlapping([sent, bodies], 19, 20) == []  # the space between them
    assert overlapping([sent, bodies], 25, 40) == [bodies]


def test_link_targets_are_the_other_claims_nearest_first() -> None:
    here = claim("h00001", "here", 3, 10)
    before = claim("b00001", "before", 2, 10)
    same = claim("s00001", "same", 3, 40)
    far = claim("f00001", "far", 9, 0)
    assert nearest_first(here, [far, here, same, before]) == [same, before, far]


def test_link_candidates_quoting_the_text_come_first() -> None:
    noted = claim("n00001", "Ukraine counted", 1, 0, note="1,200 per Interfax")
    quoted = claim("q00001", "sent 1,200", 2, 0)
    sourced = claim("s00001", "other", 3, 0, sources=[Source(citation="Interfax")])
    shown = [noted, quoted, sourced]
    assert link_candidates(shown, "1,200") == [quoted, noted]
    assert link_candidates(shown, "INTERFAX") == [noted, sourced]
    assert link_candidates(shown, "1,212") == []
    assert link_candidates(shown, "") == shown


def test_a_search_ignores_the_spaces_at_the_ends_of_what_is_typed() -> None:
    # The link picker filtered on the spaces typed (a blank filter hid every claim
    # without two spaces in it); the article's and the review's searches did not.
    quoted = claim("q00001", "sent 1,200", 2, 0)
    other = claim("o00001", "Ukraine", 1, 0)
    assert searched("  1,200 ") == "1,200"
    assert link_candidates([other, quoted], "1,200 ") == [quoted]
    assert link_candidates([other, quoted], "   ") == [other, quoted]
