"""factmark review, and the Markdown export that shares it."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from builders import python
from factmark.cli import main
from factmark.model import AnnotationFile, Claim, Link
from factmark.review import (
    COLUMNS,
    Selection,
    arrange,
    as_data,
    as_markdown,
    contradiction_pairs,
    differing_facts,
    fact_pieces,
    mentions,
    rows,
    selected,
    summarize,
)
from factmark.store import loading
from factmark.vocabulary import VERDICTS, AnchorState

ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = ROOT / "tests" / "data" / "seed" / "seeds" / "000_207cb1c8ae6ad8ea.txt"
SEED_ANNOTATIONS = ROOT / "tests" / "data" / "seed" / "annotations" / "000_207cb1c8ae6ad8ea.toml"


def edited_seed(tmp_path: Path, *edits: tuple[str, str]) -> Path:
    """A copy of the seed and its fact-check, the article's text edited; the article's path."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "annotations").mkdir()
    article = tmp_path / "seeds" / SEED_ARTICLE.name
    text = SEED_ARTICLE.read_text("utf-8")
    for old, new in edits:
        text = text.replace(old, new, 1)
    article.write_text(text, "utf-8")
    (tmp_path / "annotations" / SEED_ANNOTATIONS.name).write_bytes(SEED_ANNOTATIONS.read_bytes())
    return article


def review_json(*args: str, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    assert main(["review", str(SEED_ARTICLE), "--format", "json", *args]) == 0
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


def test_json_lists_claims_in_article_order_with_resolved_links(
    capsys: pytest.CaptureFixture[str],
) -> None:
    document = loading.load(SEED_ANNOTATIONS).document
    data = review_json(capsys=capsys)
    claims = data["claims"]
    assert isinstance(claims, list)
    assert [c["id"] for c in claims] == [c.id for c in document.sorted().claims]
    first_links = claims[0]["links"]
    assert first_links and all(
        {"kind", "direction", "claim", "quote"} <= set(x) for x in first_links
    )
    contradictions = data["contradictions"]
    assert isinstance(contradictions, list)
    assert len(contradictions) == len(document.contradiction_links())


def test_filters(capsys: pytest.CaptureFixture[str]) -> None:
    document = loading.load(SEED_ANNOTATIONS).document
    disputed = review_json("--verdict", "disputed", capsys=capsys)["claims"]
    assert isinstance(disputed, list)
    assert {c["verdict"] for c in disputed} == {"disputed"}
    contradicted = review_json("--contradictions", capsys=capsys)["claims"]
    assert isinstance(contradicted, list)
    ends = {end for link in document.contradiction_links() for end in (link.source, link.target)}
    assert {c["id"] for c in contradicted} == ends
    assert selected(document, Selection(missing_sources=True)) == []


def test_the_figures_that_differ_are_named() -> None:
    first, second = differing_facts(
        "Russia reportedly transferred 1,200 bodies", "Ukraine had already handed over 1,212 bodies"
    )
    assert "1,200" in first and "1,212" in second
    assert "bodies" not in first | second


def test_markdown_escapes_what_the_file_holds() -> None:
    claims = [
        Claim(id="mark01", quote="[bold]x[/bold] <script>alert(1)</script>", paragraph=1, start=0,
              note="*not emphasis* [link](http://evil)"),
        Claim(id="mark02", quote="1,200 bodies", paragraph=2, start=0),
        Claim(id="mark03", quote="1,212 bodies", paragraph=3, start=0),
    ]  # fmt: skip
    link = Link.model_validate({"from": "mark02", "to": "mark03", "kind": "contradicts"})
    document = AnnotationFile(article="a.txt", claims=claims, links=[link])
    text = as_markdown(document, selected(document, Selection()), "a.txt")
    assert "<script>" not in text and "\\<script\\>" in text
    assert "\\[bold\\]" in text and "\\*not emphasis\\*" in text
    assert "**1,200**" in text and "**1,212**" in text  # the contradiction's differing figures


def test_markdown_export_matches_review_markdown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "review.md"
    assert main(["export", str(SEED_ARTICLE), "--format", "markdown", "-o", str(out)]) == 0
    assert main(["review", str(SEED_ARTICLE), "--format", "markdown"]) == 0
    assert out.read_text("utf-8") == capsys.readouterr().out


def test_review_as_a_table_when_piped_is_plain_and_does_not_import_textual() -> None:
    script = (
        "import sys; from factmark.cli import main; code = main(['review', sys.argv[1]]); "
        "assert 'textual' not in sys.modules, 'textual imported'; sys.exit(code)"
    )
    result = python(script, str(SEED_ARTICLE))
    assert result.returncode == 0, result.stderr
    assert "\x1b[" not in result.stdout
    assert "contradictions" in result.stdout


def test_review_of_a_missing_target_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", "no/such/article.txt"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


# --- the review table (the TUI's review screen shows these) ---------------------


def seed_document() -> AnnotationFile:
    return loading.load(SEED_ANNOTATIONS).document


def test_rows_count_links_and_take_states_from_the_locator_else_the_file() -> None:
    document = seed_document()
    table = rows(document)
    assert [row.claim.id for row in table] == [c.id for c in document.sorted().claims]
    for row in table:
        assert row.links == len(document.links_of(row.claim.id))
        assert row.state == "anchored"
    first = table[0].claim.id
    assert rows(document, {first: AnchorState.ORPHAN})[0].state == "orphan"
    recorded = document.model_copy(
        update={"claims": [c.model_copy(update={"state": "changed"}) for c in document.claims]}
    )
    assert {row.state for row in rows(recorded)} == {"changed"}


@pytest.mark.parametrize("column", COLUMNS)
def test_every_column_sorts_both_ways_with_article_order_for_ties(column: str) -> None:
    table = rows(seed_document())
    up = arrange(table, Selection(), column)
    down = arrange(table, Selection(), column, descending=True)
    assert sorted(r.claim.id for r in up) == sorted(r.claim.id for r in table)
    keys = [row.sort_key(column) for row in up]
    assert keys == sorted(keys) and down == up[::-1]
    if column == "paragraph":
        assert up == table


def test_the_unresolved_filter_and_the_search_filter() -> None:
    document = seed_document()
    first, second = document.sorted().claims[:2]
    table = rows(document, {first.id: AnchorState.CHANGED, second.id: AnchorState.ORPHAN})
    assert [r.claim.id for r in arrange(table, Selection(unresolved=True))] == [
        first.id,
        second.id,
    ]
    found = arrange(table, Selection(query="MEDINSKY"))
    assert found and all(mentions(row.claim, "medinsky") for row in found)
    assert len(found) < len(table)
    by_source = next(c for c in document.claims if c.sources and c.sources[0].citation)
    assert mentions(by_source, by_source.sources[0].citation.upper())


def test_the_summary_counts() -> None:
    document = seed_document()
    first = document.sorted().claims[0]
    summary = summarize(document, rows(document, {first.id: AnchorState.ORPHAN}))
    assert summary.claims == len(document.claims)
    assert sum(summary.verdicts.values()) == len(document.claims)
    assert list(summary.verdicts) == [v for v in VERDICTS if v in summary.verdicts]
    assert summary.contradictions == len(document.contradiction_links())
    assert summary.without_source == sum(not c.sources for c in document.claims)
    assert (summary.changed, summary.orphaned) == (0, 1)


def test_markdown_marks_the_differing_facts_and_keeps_the_spaces() -> None:
    text = as_markdown(seed_document(), selected(seed_document(), Selection()), "seed")
    section = text.split("## Contradictions", 1)[1]
    assert "**1,200** bodies of deceased Ukrainian soldiers" in section
    assert "had returned **27** bodies" in section
    assert "(1,200 vs 1,212; none vs 27)." in text  # no needless escapes
    assert "\n\n## ¶ 2\n" in text  # a blank line before every heading


def test_contradictions_come_in_article_order_the_earlier_claim_first() -> None:
    document = seed_document()
    positions = {claim.id: claim.position for claim in document.claims}
    found = contradiction_pairs(document)
    assert len(found) == len(document.contradiction_links())
    assert all(positions[item["from"]] < positions[item["to"]] for item in found)
    keys = [(positions[item["from"]], positions[item["to"]]) for item in found]
    assert keys == sorted(keys)
    first = found[0]["from"]
    assert contradiction_pairs(document, {first}) == [
        i for i in found if first in (i["from"], i["to"])
    ]


def test_review_says_which_claims_the_article_no_longer_holds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = edited_seed(
        tmp_path,
        ("On Friday, June 13", "On Friday, 13 June"),
        ("even as it refuses to reciprocate", "as talks go on"),
    )
    assert main(["review", str(article), "--format", "json"]) == 0
    found = {
        claim["quote"]: claim["found"] for claim in json.loads(capsys.readouterr().out)["claims"]
    }
    assert found["On Friday, June 13"] == "changed"
    assert found["even as it refuses to reciprocate"] == "orphan"
    assert set(found.values()) <= {"anchored", "moved", "changed", "orphan"}
    assert main(["review", str(article), "--format", "markdown"]) == 0
    markdown = capsys.readouterr().out
    assert "⚠ changed" in markdown and "⚠ orphan" in markdown
    assert main(["review", str(article)]) == 0
    table = capsys.readouterr().out
    assert "⚠ changed" in table and "⚠ orphan" in table


def test_a_filter_says_how_many_it_shows_and_when_none_match(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["review", str(SEED_ARTICLE), "--verdict", "inaccurate"]) == 0
    out = capsys.readouterr().out
    assert "2 of 20 claims" in out
    assert main(["review", str(SEED_ARTICLE), "--missing-sources", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert "0 of 20 claims; 0 contradictions." in out and "No claims match." in out
    assert main(["review", str(SEED_ARTICLE), "--missing-sources"]) == 0
    assert "No claims match." in capsys.readouterr().out


def test_one_of_a_thing_is_singular_and_links_name_the_other_claims_quote(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "400")
    assert main(["review", str(SEED_ARTICLE), "--verdict", "accurate", "--contradictions"]) == 0
    out = capsys.readouterr().out
    assert "1 of 20 claims" in out and "\n1 contradiction\n" in out
    # ¶7 holds four claims: the link says which, by the start of its quote.
    assert "contradicts ¶7 “Medinsky claimed that U…”" in out
    assert "supported by ¶10 “The Ukrainian Coordinat…”" in out
    args = ["review", str(SEED_ARTICLE), "--verdict", "accurate", "--contradictions"]
    assert main([*args, "--format", "markdown"]) == 0
    assert "1 of 20 claims (1 accurate); 1 contradiction." in capsys.readouterr().out


@pytest.mark.parametrize(
    "args",
    [
        ["review", str(SEED_ARTICLE), "--verdict", "wrong"],
        ["review", str(SEED_ARTICLE), "--format", "xml"],
        ["export", str(SEED_ARTICLE)],
        ["export", str(SEED_ARTICLE), "--format"],
        ["check", "--format", "yaml"],
    ],
)
def test_a_usage_error_is_one_line_and_exit_2(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as raised:
        main(args)
    assert raised.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("factmark: ") and "--help" in err


def test_the_json_is_the_documented_shape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """docs/review.schema.json forbids unknown keys: a new field must be documented there."""
    from jsonschema import Draft202012Validator

    schema = json.loads((ROOT / "docs" / "review.schema.json").read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    assert main(["review", str(SEED_ARTICLE), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert not [error.message for error in validator.iter_errors(data)]
    # every key a claim, a source or a link can have, in one document
    claim = Claim.model_validate({
        "id": "abcd12", "quote": "x", "paragraph": 1, "start": 0, "state": "changed",
        "created": datetime(2026, 1, 1, tzinfo=UTC), "updated": datetime(2026, 1, 2, tzinfo=UTC),
        "sources": [{"url": "https://example.org", "accessed": date(2026, 1, 1),
                     "stance": "supports"}],
    })  # fmt: skip
    other = Claim(id="abcd13", quote="y")
    link = Link.model_validate({"from": "abcd12", "to": "abcd13", "kind": "contradicts"})
    document = AnnotationFile(article="a.txt", claims=[claim, other], links=[link])
    full = as_data(document, document.claims, {"abcd12": AnchorState.CHANGED})
    assert not [error.message for error in validator.iter_errors(full)]
    assert not validator.is_valid({**full, "extra": 1})


def test_a_source_url_cannot_open_html_in_the_markdown() -> None:
    claim = Claim.model_validate({
        "id": "url001", "quote": "x", "paragraph": 1, "start": 0,
        "sources": [{"url": "https://e.com/><svg/onload=alert(1)>", "title": "t"}],
    })  # fmt: skip
    document = AnnotationFile(article="a.txt", claims=[claim])
    text = as_markdown(document, [claim], "a.txt")
    assert "<svg" not in text and "%3Csvg" in text
    assert "<https://e.com/%3E%3Csvg/onload=alert(1)%3E>" in text


def test_the_unresolved_filter_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = edited_seed(tmp_path, ("even as it refuses to reciprocate", "as talks go on"))
    assert main(["review", str(article), "--unresolved", "--format", "json"]) == 0
    claims = json.loads(capsys.readouterr().out)["claims"]
    assert [(c["quote"], c["found"]) for c in claims] == [
        ("even as it refuses to reciprocate", "orphan")
    ]
    assert selected(seed_document(), Selection(unresolved=True)) == []  # all found as recorded


def test_a_contradiction_with_a_claim_never_placed_says_where_it_is_not(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["review", str(ROOT / "tests" / "data" / "good.toml")]) == 0
    out = capsys.readouterr().out
    assert "¶None" not in out and "¶?" in out


def test_fact_pieces_cover_the_text_and_mark_whole_tokens_only() -> None:
    text = "Russia sent 1,200 (not 1,212) bodies to Russians."
    pieces = list(fact_pieces(text, {"Russia", "1,212"}))
    assert "".join(piece for piece, _ in pieces) == text
    assert [piece for piece, differs in pieces if differs] == ["Russia", "1,212"]
