"""How a conflict is put to the editor: claims by quote and ¶, never by id; values as typed."""

from __future__ import annotations

from builders import claim
from factmark.merge import Conflict
from factmark.model import Source
from factmark.tui.screens.conflicts import VALUE_LINES, claim_name, question, shown

LONG = claim("aaaa01", "Russia reportedly transferred 1,200 bodies of deceased soldiers", 3, 0)
SHORT = claim("bbbb02", "On Friday, June 13", 4, 0)
CLAIMS = {c.id: c for c in (LONG, SHORT)}


def test_a_claim_is_named_by_the_start_of_its_quote_and_its_paragraph() -> None:
    assert claim_name(LONG) == "“Russia reportedly transferred 1,200…” (¶3)"
    assert claim_name(SHORT) == "“On Friday, June 13” (¶4)"
    assert claim_name(None) == "a claim"


def test_a_field_conflict_shows_both_values_and_a_list_offers_both() -> None:
    note = question(Conflict("aaaa01", "note", "[bold]mine[/]", "theirs\x1b"), CLAIMS)
    assert note.subject == f"{claim_name(LONG)}: its note"
    assert (note.mine.plain, note.theirs.plain) == ("[bold]mine[/]", "theirs␛")
    assert [c.value for c in note.choices] == ["mine", "theirs"]
    sources = [Source(citation="Interfax", stance="supports")]
    listed = question(Conflict("bbbb02", "sources", sources, [], sources), CLAIMS)
    assert listed.mine.plain == "• Interfax (supports)" and listed.theirs.plain == "(empty)"
    assert [c.value for c in listed.choices] == ["mine", "theirs", "both"]


def test_links_and_the_header_are_worded_by_the_claims_quotes_and_the_kind() -> None:
    key = ("aaaa01", "bbbb02", "contradicts")
    note = question(Conflict(None, "link aaaa01->bbbb02 contradicts", "a", "b", link=key), CLAIMS)
    assert note.subject == (
        f"the “contradicts” link from {claim_name(LONG)} to {claim_name(SHORT)}: its note"
    )
    whole = question(Conflict(None, "link", "linked", "claim deleted", link=key), CLAIMS)
    assert whole.subject.endswith(claim_name(SHORT))
    assert (whole.mine.plain, whole.theirs.plain) == ("linked them", "deleted one of the claims")
    header = question(Conflict(None, "article", "../a.txt", "../b.txt"), CLAIMS)
    assert header.subject == "the file's article path"
    for asked in (note, whole, header):
        assert "aaaa01" not in asked.subject and "bbbb02" not in asked.subject


def test_a_long_note_keeps_its_first_lines_and_says_how_many_more() -> None:
    note = "\n".join(f"line {n} " + "x" * 400 for n in range(VALUE_LINES + 3))
    lines = shown(note).plain.split("\n")
    assert len(lines) == VALUE_LINES + 1
    assert lines[0].startswith("line 0 ") and lines[0].endswith("…") and len(lines[0]) < 300
    assert lines[-1] == "… (3 more lines)"
