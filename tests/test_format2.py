"""Format factmark/2: sign-offs and dismissed candidates, and the lowest format that holds a file.

docs/format.md, "Format versions".
"""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from builders import SEED, SEED_NAME, claim, document, link
from documents import edited
from factmark.merge import merge
from factmark.model import SIGNED_FIELDS, AnnotationFile, Claim, Dismissal, Source
from factmark.store import loading, writer
from factmark.store.problems import StoreError

WHEN = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
LATER = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)
SEED_FILE = SEED / "annotations" / f"{SEED_NAME}.toml"


def signed(claim_id: str, by: str = "B. Reader", when: datetime = WHEN, **fields: Any) -> Claim:
    return claim(claim_id, signed_by=by, signed=when, author="A. Editor", **fields)


def dismissal(first: str = "1,200 bodies.", second: str = "1,212 bodies.") -> Dismissal:
    return Dismissal(
        quotes=[first, second], reason="1,200 vs 1,212 bodies", author="A", created=WHEN
    )


# --- which format a file is written in --------------------------------------------------


def test_a_file_without_sign_offs_or_dismissals_stays_factmark_1_byte_for_byte() -> None:
    data = SEED_FILE.read_bytes()
    assert writer.dumps(loading.parse(data)).encode() == data
    assert data.startswith(b'format = "factmark/1"\n')


def test_signing_off_a_claim_makes_the_file_factmark_2_and_withdrawing_it_makes_it_1_again() -> (
    None
):
    original = loading.parse(SEED_FILE.read_bytes())
    first = original.claims[0].id
    text = writer.dumps(edited(original, first, signed_by="B. Reader", signed=WHEN))
    assert text.startswith('format = "factmark/2"\n')
    assert 'signed_by = "B. Reader"\nsigned = 2026-11-30T09:00:00Z\n' in text
    again = loading.parse(text)
    assert again.claim(first).signed_by == "B. Reader"
    unsigned = edited(again, first, signed_by="", signed=None)
    assert writer.dumps(unsigned).encode() == SEED_FILE.read_bytes()


def test_the_sign_off_stands_after_updated_and_before_state() -> None:
    text = writer.dumps(document(signed("aaaa11", updated=LATER, state="changed")))
    keys = [line.split(" = ")[0] for line in text.splitlines() if " = " in line]
    assert keys[keys.index("updated") :][:4] == ["updated", "signed_by", "signed", "state"]


def test_dismissed_candidates_are_tables_after_the_links_in_order_and_make_factmark_2() -> None:
    doc = document(claim("aaaa11"), claim("bbbb22"), links=[link("aaaa11", "bbbb22")]).model_copy(
        update={"dismissed": [dismissal("b.", "c."), dismissal("a.", "z.")]}
    )
    text = writer.dumps(doc)
    assert text.startswith('format = "factmark/2"\n')
    assert text.index("[[links]]") < text.index("[[dismissed]]")
    assert text.endswith(
        '[[dismissed]]\nquotes = [\n    "a.",\n    "z.",\n]\nreason = "1,200 vs 1,212 bodies"\n'
        'author = "A"\ncreated = 2026-11-30T09:00:00Z\n\n'
        '[[dismissed]]\nquotes = [\n    "b.",\n    "c.",\n]\nreason = "1,200 vs 1,212 bodies"\n'
        'author = "A"\ncreated = 2026-11-30T09:00:00Z\n'
    )
    assert loading.parse(text) == doc.sorted().model_copy(update={"format": "factmark/2"})


# --- what is refused, and where -----------------------------------------------------------

HEADER = 'format = "factmark/2"\narticle = "a.txt"\n\n'


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (
            '[[claims]]\nid = "aaaa11"\nquote = "q"\nsigned = 2026-11-30T09:00:00Z\n',
            ":4: claim aaaa11: signed_by: a sign-off needs both signed_by and signed",
        ),
        (
            '[[claims]]\nid = "aaaa11"\nquote = "q"\nsigned_by = "B"\n',
            ":4: claim aaaa11: signed: a sign-off needs both signed_by and signed",
        ),
        (
            '[[dismissed]]\nquotes = ["only one"]\n',
            ":5: dismissed 1: quotes: needs at least 2 items, not 1",
        ),
        (
            '[[dismissed]]\nquotes = ["a", "b"]\nreasn = "A"\n',
            ":6: dismissed 1: reasn: unknown key (did you mean 'reason'?)",
        ),
        (
            '[[dismissed]]\nquotes = ["a", "b"]\n\n[[dismissed]]\nquotes = ["a", "b"]\n',
            ":8: dismissed 2: quotes: the same candidate is dismissed twice (1 and 2)",
        ),
    ],
)
def test_a_broken_sign_off_or_dismissal_is_named_by_line_table_and_key(
    table: str, expected: str
) -> None:
    with pytest.raises(StoreError) as error:
        loading.parse(HEADER + table, "x.toml")
    assert str(error.value.problems[0]).endswith(expected), str(error.value.problems[0])


def test_a_newer_format_than_2_is_refused_as_written_by_a_newer_factmark() -> None:
    with pytest.raises(StoreError) as error:
        loading.parse('format = "factmark/3"\narticle = "a.txt"\n', "x.toml")
    assert "written in factmark/3, newer than this factmark reads (factmark/2)" in str(
        error.value.problems[0]
    )


# --- a change to what was signed off withdraws the sign-off --------------------------------

CHANGES = {
    "quote": "1,212 bodies",
    "verdict": "inaccurate",
    "confidence": "high",
    "sources": [Source(citation="KSHPW, 13 June")],
}


@pytest.mark.parametrize("field", SIGNED_FIELDS)
def test_changing_a_signed_field_withdraws_the_sign_off(field: str) -> None:
    before = signed("aaaa11")
    after = before.model_copy(update={field: CHANGES[field]}).keeping_sign_off_from(before)
    assert (after.signed_by, after.signed) == ("", None)
    assert getattr(after, field) == CHANGES[field]


def test_changing_the_note_or_tags_keeps_the_sign_off() -> None:
    before = signed("aaaa11")
    after = before.model_copy(update={"note": "n", "tags": ["t"]}).keeping_sign_off_from(before)
    assert after.signed_by == "B. Reader"


def test_a_claim_signed_by_its_own_author_is_self_signed() -> None:
    assert signed("aaaa11", by="A. Editor").self_signed
    assert not signed("aaaa11").self_signed
    assert not claim("aaaa11", author="A. Editor").self_signed


# --- merging sign-offs and dismissals --------------------------------------------------------


def test_two_readers_signing_off_on_two_branches_merge_to_the_first_sign_off() -> None:
    base = document(claim("aaaa11", author="A. Editor"))
    ours = edited(base, "aaaa11", signed_by="C. Reader", signed=LATER)
    theirs = edited(base, "aaaa11", signed_by="B. Reader", signed=WHEN)
    result = merge(base, ours, theirs)
    assert result.clean
    kept = result.document.claim("aaaa11")
    assert (kept.signed_by, kept.signed) == ("B. Reader", WHEN)
    assert result.document.format == "factmark/2"


def test_a_sign_off_on_one_branch_and_a_new_verdict_on_the_other_merge_unsigned() -> None:
    base = document(claim("aaaa11", verdict="accurate"))
    ours = edited(base, "aaaa11", signed_by="B. Reader", signed=WHEN)
    theirs = edited(base, "aaaa11", verdict="inaccurate")
    for result in (merge(base, ours, theirs), merge(base, theirs, ours)):
        merged = result.document.claim("aaaa11")
        assert merged.verdict == "inaccurate"
        assert not merged.signed_off
        assert result.document.format == "factmark/1"


def test_a_sign_off_on_one_branch_and_a_note_on_the_other_merge_signed() -> None:
    base = document(claim("aaaa11"))
    ours = edited(base, "aaaa11", signed_by="B. Reader", signed=WHEN)
    theirs = edited(base, "aaaa11", note="checked with KSHPW")
    merged = merge(base, ours, theirs).document.claim("aaaa11")
    assert (merged.note, merged.signed_by) == ("checked with KSHPW", "B. Reader")


def test_dismissals_merge_as_a_set_and_one_undismissed_stays_undismissed() -> None:
    kept, undone = dismissal("a.", "b."), dismissal("c.", "d.")
    base = document(claim("aaaa11")).model_copy(update={"dismissed": [kept, undone]})
    ours = base.model_copy(update={"dismissed": [kept, dismissal("e.", "f.")]})
    theirs = base.model_copy(update={"dismissed": [kept, undone, dismissal("e.", "f.")]})
    result = merge(base, ours, theirs)
    assert [d.key for d in result.document.dismissed] == [("a.", "b."), ("e.", "f.")]


def _git(folder: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=folder, check=True, capture_output=True, text=True
    ).stdout


def test_the_merge_driver_keeps_a_sign_off_and_writes_factmark_2(tmp_path: Path) -> None:
    from factmark.gitio.merge_driver import merge_files

    base = loading.parse(SEED_FILE.read_bytes())
    first, last = base.claims[0].id, base.claims[-1].id
    ours = edited(base, first, signed_by="B. Reader", signed=WHEN)
    theirs = edited(base, last, note="read again").model_copy(update={"dismissed": [dismissal()]})
    paths = []
    for name, doc in (("base", base), ("ours", ours), ("theirs", theirs)):
        path = tmp_path / f"{name}.toml"
        path.write_text(writer.dumps(doc), encoding="utf-8")
        paths.append(path)
    outcome = merge_files(paths[0], paths[1], paths[2])
    assert outcome.exit_code == 0, outcome.message
    merged = loading.parse(paths[1].read_bytes())
    assert merged.format == "factmark/2"
    assert merged.claim(first).signed_by == "B. Reader"
    assert merged.claim(last).note == "read again"
    assert [d.key for d in merged.dismissed] == [dismissal().key]
    expected = merge(base, ours, theirs).document
    assert paths[1].read_text(encoding="utf-8") == writer.dumps(expected)


def test_a_document_holds_what_needs_the_newer_format() -> None:
    assert document(claim("aaaa11")).needed_format == "factmark/1"
    assert document(signed("aaaa11")).needed_format == "factmark/2"
    assert AnnotationFile(article="a.txt", dismissed=[dismissal()]).needed_format == "factmark/2"
