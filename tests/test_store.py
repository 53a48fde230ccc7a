"""Reading and writing annotation files (docs/design.md §4, §6, §8)."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builders import claim, document, link
from factmark.model import FORMAT, ID_PATTERN, AnnotationFile, Claim, Dismissal, Link, Source
from factmark.paths import (
    annotation_files_in,
    annotation_path_for,
    annotations_folder_files,
    in_annotations_folder,
    relative_article,
)
from factmark.store import atomic, loading, writer
from factmark.store.problems import ChangedOnDiskError, StoreError
from factmark.vocabulary import CONFIDENCES, LINK_KINDS, STANCES, VERDICTS, RecordedState, Stance

DATA = Path(__file__).parent / "data"
BAD = DATA / "bad"

# The characters docs/format.md wants escaped, written out from it (not from the code).
HIDDEN = [
    *(chr(c) for c in range(0x00, 0x20) if chr(c) not in "\t\n"),
    "\x7f",
    *(chr(c) for c in range(0x80, 0xA0)),
    *(chr(c) for c in range(0x200B, 0x2010)),
    *(chr(c) for c in range(0x202A, 0x202F)),
    *(chr(c) for c in range(0x2066, 0x206A)),
    "\ufeff",
]
HIDDEN_PATTERN = re.compile("[" + re.escape("".join(HIDDEN)) + "]")


def full_claim() -> Claim:
    return Claim(
        id="aaaa11",
        quote="1,200 bodies",
        prefix="reportedly transferred ",
        suffix=" of deceased",
        paragraph=3,
        start=50,
        verdict="disputed",
        confidence="medium",
        note="Interfax cites an unnamed source.\nKSHPW confirmed 1,200.",
        tags=["casualties", "figures"],
        author="A. Editor",
        created=datetime(2026, 11, 27, 10, 2, 11, tzinfo=UTC),
        updated=datetime(2026, 11, 27, 10, 5, 40, tzinfo=UTC),
        state="changed",
        sources=[
            # Keyword order differs from the file's key order on purpose.
            Source(stance="supports", citation="Interfax, citing an unnamed source, 13 June"),
            Source(
                accessed=date(2026, 6, 14),
                quote="1,200 bodies",
                title="KSHPW statement",
                url="https://example.org/kshpw",
                citation="KSHPW",
                stance="supports",
            ),
        ],
    )


def sample_claims() -> list[Claim]:
    return [
        claim("eeee55", "no hints"),
        claim("bbbb22", "1,212 bodies", paragraph=5, start=10),
        claim("cccc33", "same place", paragraph=3, start=50),
        full_claim(),
        claim("dddd44", "earlier", paragraph=3, start=7),
    ]


def sample_links() -> list[Link]:
    return [
        link("cccc33", "aaaa11", "supports"),
        link("aaaa11", "bbbb22", "qualifies"),
        link("aaaa11", "dddd44", "duplicates", "the same figure"),
        link("aaaa11", "bbbb22", "contradicts", "1,200 here; Medinsky says 1,212"),
    ]


def sample_document() -> AnnotationFile:
    return AnnotationFile(
        article="../seeds/a.txt",
        article_sha256="0f" * 32,
        claims=sample_claims(),
        links=sample_links(),
    )


SAMPLE_TEXT = '''\
format = "factmark/1"
article = "../seeds/a.txt"
article_sha256 = "0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f"

[[claims]]
id = "dddd44"
quote = "earlier"
paragraph = 3
start = 7
verdict = "pending"
confidence = "unrated"

[[claims]]
id = "aaaa11"
quote = "1,200 bodies"
prefix = "reportedly transferred "
suffix = " of deceased"
paragraph = 3
start = 50
verdict = "disputed"
confidence = "medium"
note = """
Interfax cites an unnamed source.
KSHPW confirmed 1,200."""
tags = [
    "casualties",
    "figures",
]
author = "A. Editor"
created = 2026-11-27T10:02:11Z
updated = 2026-11-27T10:05:40Z
state = "changed"

[[claims.sources]]
citation = "Interfax, citing an unnamed source, 13 June"
stance = "supports"

[[claims.sources]]
url = "https://example.org/kshpw"
citation = "KSHPW"
title = "KSHPW statement"
quote = "1,200 bodies"
accessed = 2026-06-14
stance = "supports"

[[claims]]
id = "cccc33"
quote = "same place"
paragraph = 3
start = 50
verdict = "pending"
confidence = "unrated"

[[claims]]
id = "bbbb22"
quote = "1,212 bodies"
paragraph = 5
start = 10
verdict = "pending"
confidence = "unrated"

[[claims]]
id = "eeee55"
quote = "no hints"
verdict = "pending"
confidence = "unrated"

[[links]]
from = "aaaa11"
to = "bbbb22"
kind = "contradicts"
note = "1,200 here; Medinsky says 1,212"

[[links]]
from = "aaaa11"
to = "bbbb22"
kind = "qualifies"

[[links]]
from = "aaaa11"
to = "dddd44"
kind = "duplicates"
note = "the same figure"

[[links]]
from = "cccc33"
to = "aaaa11"
kind = "supports"
'''


# --- (a) canonical serialisation ---------------------------------------------------


def test_canonical_text_key_order_claim_order_link_order_and_tables() -> None:
    """Header keys, then claims by (paragraph, start, id), each with its sources, then links
    by (from, to, kind); every entry its own table, a blank line between tables."""
    assert writer.dumps(sample_document()) == SAMPLE_TEXT


def test_canonical_text_does_not_depend_on_input_order() -> None:
    claims, links = sample_claims(), sample_links()
    orders = [
        (claims, links),
        (claims[::-1], links[::-1]),
        (claims[2:] + claims[:2], links[1:] + links[:1]),
        (sorted(claims, key=lambda c: c.quote), sorted(links, key=lambda lk: lk.kind)),
    ]
    for claim_order, link_order in orders:
        doc = AnnotationFile(
            article="../seeds/a.txt", article_sha256="0f" * 32, claims=claim_order, links=link_order
        )
        assert writer.dumps(doc) == SAMPLE_TEXT


def test_sorted_document_is_in_canonical_order() -> None:
    doc = sample_document().sorted()
    assert [c.id for c in doc.claims] == ["dddd44", "aaaa11", "cccc33", "bbbb22", "eeee55"]
    assert [(lk.source, lk.target, lk.kind) for lk in doc.links] == [
        ("aaaa11", "bbbb22", "contradicts"),
        ("aaaa11", "bbbb22", "qualifies"),
        ("aaaa11", "dddd44", "duplicates"),
        ("cccc33", "aaaa11", "supports"),
    ]


def test_empty_optional_fields_are_left_out() -> None:
    doc = AnnotationFile(
        article="a.txt",
        claims=[claim("aaaa11", sources=[Source(url="https://example.org/")])],
        links=[],
    )
    assert writer.dumps(doc) == (
        'format = "factmark/1"\n'
        'article = "a.txt"\n'
        "\n"
        "[[claims]]\n"
        'id = "aaaa11"\n'
        'quote = "1,200 bodies"\n'
        'verdict = "pending"\n'
        'confidence = "unrated"\n'
        "\n"
        "[[claims.sources]]\n"
        'url = "https://example.org/"\n'
    )


def test_document_without_claims_is_the_header_alone() -> None:
    assert (
        writer.dumps(AnnotationFile(article="a.txt"))
        == 'format = "factmark/1"\narticle = "a.txt"\n'
    )


def test_start_zero_is_written() -> None:
    text = writer.dumps(document(claim("aaaa11", paragraph=1, start=0)))
    assert "\nparagraph = 1\nstart = 0\n" in text


def test_short_entries_are_tables_never_inline() -> None:
    doc = document(
        claim("aaaa11", paragraph=1, start=0, sources=[Source(citation="a"), Source(citation="b")]),
        claim("bbbb22", paragraph=1, start=9),
        links=[link("aaaa11", "bbbb22", "supports")],
    )
    text = writer.dumps(doc)
    assert "{" not in text
    assert text.count("\n[[claims]]\n") == 2
    assert text.count("\n[[claims.sources]]\n") == 2
    assert text.count("\n[[links]]\n") == 1
    blocks = text.split("\n\n")
    assert [block.split("\n", 1)[0] for block in blocks[1:]] == [
        "[[claims]]",
        "[[claims.sources]]",
        "[[claims.sources]]",
        "[[claims]]",
        "[[links]]",
    ]
    assert "\n\n\n" not in text
    assert text.endswith('kind = "supports"\n')


def test_datetimes_are_written_as_utc_with_z() -> None:
    local = datetime(2026, 11, 27, 11, 2, 11, 500, tzinfo=timezone(timedelta(hours=1)))
    text = writer.dumps(document(claim("aaaa11", created=local)))
    assert "\ncreated = 2026-11-27T10:02:11Z\n" in text


def test_datetime_before_year_1000_is_written_with_four_digits() -> None:
    early = datetime(999, 1, 2, 3, 4, 5, tzinfo=UTC)
    doc = document(claim("aaaa11", created=early), claim("bbbb22", updated=early))
    text = writer.dumps(doc)
    assert "\ncreated = 0999-01-02T03:04:05Z\n" in text
    assert loading.parse(text) == doc.sorted()


def test_accessed_is_written_as_a_local_date() -> None:
    doc = document(claim("aaaa11", sources=[Source(citation="c", accessed=date(2026, 6, 14))]))
    assert "\naccessed = 2026-06-14\n" in writer.dumps(doc)


def _escape(char: str) -> str:
    """How the canonical text writes a hidden character: TOML's short escapes for
    backspace, form feed and carriage return, else ``\\uXXXX``."""
    short = {"\b": "\\b", "\f": "\\f", "\r": "\\r"}
    if char in short:
        return short[char]
    if ord(char) < 0x80:  # C0 and DEL, as tomli-w writes them (lower-case hex)
        return f"\\u{ord(char):04x}"
    return f"\\u{ord(char):04X}"


@pytest.mark.parametrize("char", HIDDEN, ids=lambda c: f"U+{ord(c):04X}")
def test_hidden_character_is_written_as_an_escape_and_read_back(char: str) -> None:
    quote = f"1,200{char}bodies"
    doc = document(claim("aaaa11", quote, note=f"line{char}\nnext{char}", tags=[f"t{char}"]))
    text = writer.dumps(doc)
    assert HIDDEN_PATTERN.search(text) is None
    assert f'\nquote = "1,200{_escape(char)}bodies"\n' in text
    assert f'\nnote = """\nline{_escape(char)}\nnext{_escape(char)}"""\n' in text
    assert f'\n    "t{_escape(char)}",\n' in text
    assert loading.parse(text) == doc


def test_hidden_characters_are_escaped_in_every_field() -> None:
    hidden = "\u202e\x1b\u200b"
    doc = AnnotationFile(
        article=f"a{hidden}.txt",
        claims=[
            claim(
                "aaaa11",
                f"q{hidden}",
                prefix=hidden,
                suffix=hidden,
                author=hidden,
                sources=[
                    Source(
                        url=f"https://example.org/{hidden}",
                        citation=hidden,
                        title=hidden,
                        quote=hidden,
                    )
                ],
            ),
            claim("bbbb22"),
        ],
        links=[link("aaaa11", "bbbb22", "supports", hidden)],
    )
    text = writer.dumps(doc)
    assert HIDDEN_PATTERN.search(text) is None
    assert text.count("\\u202E\\u001b\\u200B") == 10
    assert loading.parse(text) == doc


def test_tab_newline_and_visible_unicode_are_written_raw() -> None:
    note = "tab\there\nemoji 😀, Cyrillic Мединский, nbsp\u00a0, ellipsis …"
    text = writer.dumps(document(claim("aaaa11", note=note)))
    assert f'note = """\n{note}"""\n' in text


def test_carriage_returns_in_a_multiline_note_survive() -> None:
    """TOML turns a raw CRLF in a multi-line string into LF; the CR must be an escape."""
    note = "line one\r\nline two\r\n\rend\r"
    doc = document(claim("aaaa11", note=note, tags=["a\r\nb"]))
    text = writer.dumps(doc)
    assert "\r" not in text
    assert '\nnote = """\nline one\\r\nline two\\r\n\\rend\\r"""\n' in text
    assert loading.parse(text).claims[0].note == note
    assert loading.parse(text) == doc


def test_quotes_and_backslashes_at_the_end_of_a_multiline_string_survive() -> None:
    for note in ('a\n"', 'a\n""', 'a\n"""', 'a\n""""', "a\n\\", "a\n\\\\", "\n", "\n\n", 'a\n"\\'):
        doc = document(claim("aaaa11", note=note, quote=note.replace("\n", "x") + "q"))
        assert loading.parse(writer.dumps(doc)) == doc, repr(note)


def test_two_saves_of_the_same_data_give_identical_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "first.toml", tmp_path / "second.toml"
    writer.save(sample_document(), first)
    writer.save(loading.load(first).document, second)
    assert first.read_bytes() == second.read_bytes() == SAMPLE_TEXT.encode("utf-8")
    writer.save(sample_document(), first)
    assert first.read_bytes() == second.read_bytes()


def test_hand_written_file_is_not_canonical_until_saved(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text(
        'article = "a.txt"\nformat = "factmark/1"\n'
        'claims = [{id = "aaaa11", quote = "q", confidence = "low"}]\n',
        encoding="utf-8",
    )
    loaded = loading.load(path)
    assert not writer.is_canonical(path.read_bytes(), loaded.document)
    writer.save(loaded.document, path)
    assert writer.is_canonical(path.read_bytes(), loading.load(path).document)


def test_byte_order_mark_is_dropped_on_reading() -> None:
    assert (
        loading.parse(b"\xef\xbb\xbf" + SAMPLE_TEXT.encode("utf-8")) == sample_document().sorted()
    )


def test_good_fixture_loads() -> None:
    loaded = loading.load(DATA / "good.toml")
    assert [c.id for c in loaded.document.claims] == ["aaaa11", "bbbb22"]
    assert loaded.article_path == DATA / "articles" / "seed.txt"


# --- (b) property: any valid document round-trips ------------------------------------

SPECIAL_PIECES = [
    '"""',
    '"',
    "'''",
    "\\",
    "\\n",
    "\\u0041",
    "\r\n",
    "\r",
    "\n",
    "\t",
    "\x00",
    "\x1b]2;title\x07",
    "\x7f",
    "\x85",
    "\u200b",
    "\u202e",
    "\u2066",
    "\u2028",
    "\ufeff",
    "😀",
    "👩‍👩‍👧",
    "[[claims]]",
    "# not a comment",
    "x" * 3000,
]
piece = st.text(st.characters(codec="utf-8"), max_size=8) | st.sampled_from(SPECIAL_PIECES)
texts = st.lists(piece, max_size=4).map("".join)
"""Arbitrary Unicode but lone surrogates, leaning towards what is hard to write in TOML."""
non_blank = texts.map(lambda s: s if s.strip() else s + "q")
claim_ids = st.from_regex(ID_PATTERN, fullmatch=True)
utc_offsets = st.timedeltas(
    min_value=-timedelta(hours=23, minutes=59), max_value=timedelta(hours=23, minutes=59)
).map(timezone)
timestamps = st.none() | st.datetimes(
    min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=utc_offsets
)
urls = st.builds(
    lambda scheme, host, path: f"{scheme}://{host}/{path}",
    st.sampled_from(["http", "https"]),
    st.from_regex(r"[a-z0-9]([a-z0-9.-]{0,20}[a-z0-9])?", fullmatch=True),
    texts.map(lambda s: "".join(c for c in s if not c.isspace())),
)


@st.composite
def sources(draw: st.DrawFn) -> Source:
    url: str | None = draw(st.none() | urls)
    citation = draw(texts)
    if url is None and not citation.strip():
        citation += "c"
    stance: Stance | None = draw(st.sampled_from([None, *STANCES]))
    return Source(
        url=url,
        citation=citation,
        title=draw(texts),
        quote=draw(texts),
        accessed=draw(st.none() | st.dates()),
        stance=stance,
    )


@st.composite
def claims(draw: st.DrawFn, claim_id: str) -> Claim:
    state: RecordedState | None = draw(st.sampled_from([None, "changed", "orphan"]))
    signed = draw(timestamps)
    return Claim(
        signed_by=draw(non_blank) if signed is not None else "",
        signed=signed,
        id=claim_id,
        quote=draw(non_blank),
        prefix=draw(texts.map(lambda s: s[:32])),
        suffix=draw(texts.map(lambda s: s[-32:])),
        paragraph=draw(st.none() | st.integers(1, 2**40)),
        start=draw(st.none() | st.integers(0, 2**40)),
        verdict=draw(st.sampled_from(VERDICTS)),
        confidence=draw(st.sampled_from(CONFIDENCES)),
        note=draw(texts),
        tags=draw(st.lists(non_blank, max_size=3, unique=True)),
        author=draw(texts),
        created=draw(timestamps),
        updated=draw(timestamps),
        state=state,
        sources=draw(st.lists(sources(), max_size=2)),
    )


@st.composite
def documents(draw: st.DrawFn) -> AnnotationFile:
    ids = draw(st.lists(claim_ids, max_size=4, unique=True))
    links: list[Link] = []
    if len(ids) >= 2:
        ends = st.sampled_from(ids)
        candidates = draw(
            st.lists(st.tuples(ends, ends, st.sampled_from(LINK_KINDS), texts), max_size=4)
        )
        taken: set[tuple[str, str, str]] = set()
        for source, target, kind, note in candidates:
            candidate = link(source, target, kind, note)
            if source != target and candidate.key not in taken:
                taken.add(candidate.key)
                links.append(candidate)
    dismissed = draw(
        st.lists(
            st.builds(
                Dismissal,
                quotes=st.lists(non_blank, min_size=2, max_size=2),
                reason=texts,
                author=texts,
                created=timestamps,
            ),
            max_size=3,
            unique_by=lambda dismissal: dismissal.key,
        )
    )
    document = AnnotationFile(
        format=FORMAT,
        article=draw(texts.filter(bool)),
        article_sha256=draw(st.just("") | st.from_regex(r"[0-9a-f]{64}", fullmatch=True)),
        claims=[draw(claims(claim_id)) for claim_id in ids],
        links=links,
        dismissed=dismissed,
    )
    return document.model_copy(update={"format": document.needed_format})


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_any_valid_document_survives_dumps_and_parse(doc: AnnotationFile) -> None:
    text = writer.dumps(doc)
    assert HIDDEN_PATTERN.search(text) is None
    parsed = loading.parse(text.encode("utf-8"))
    assert parsed == doc.sorted()
    assert writer.dumps(parsed) == text


# --- (c) load errors ---------------------------------------------------------------

VERDICT_LIST = (
    "'pending', 'accurate', 'mostly-accurate', 'disputed', 'misleading', 'inaccurate' "
    "or 'unverifiable'"
)
EXPECTED_ERRORS = {
    "malformed.toml": ":9:11: not valid TOML: invalid value",
    "unknown_key.toml": (":10: claim aaaa11: confidnce: unknown key (did you mean 'confidence'?)"),
    "wrong_type.toml": ":7: claim aaaa11: paragraph: input should be a valid integer, not str '3'",
    "duplicate_id.toml": ":13: claim aaaa11: id: id 'aaaa11' is used by claims 1 and 2",
    "missing_link_target.toml": ":19: link 1 (aaaa11 -> zzzz99): to: no claim has id 'zzzz99'",
    "symmetric_both_ways.toml": (
        ":23: link 2 (bbbb22 -> aaaa11): to: a contradicts link in both directions "
        "(contradicts is symmetric: keep one) (links 1 and 2)"
    ),
    "unknown_verdict.toml": f":9: claim aaaa11: verdict: 'false' is not one of {VERDICT_LIST}",
    "newer_format.toml": (
        ":1: format: written in factmark/3, newer than this factmark reads (factmark/2); "
        "upgrade factmark"
    ),
    "conflict_markers.toml": (
        ":9: unresolved git merge conflict (lines 9-13) in claim aaaa11; "
        "keep one version of each table between the markers"
    ),
}
LOADABLE_BAD = {"article_missing.toml"}
"""Bad for ``check`` (its article is missing), but not for the store."""


def test_every_bad_fixture_is_covered() -> None:
    assert {p.name for p in BAD.glob("*.toml")} == set(EXPECTED_ERRORS) | LOADABLE_BAD


@pytest.mark.parametrize("name", sorted(EXPECTED_ERRORS))
def test_bad_file_gives_one_line_naming_file_line_claim_and_key(name: str) -> None:
    path = BAD / name
    before = path.read_bytes()
    with pytest.raises(StoreError) as error:
        loading.load(path)
    message = str(error.value)
    assert message == f"{path}{EXPECTED_ERRORS[name]}"
    assert "\n" not in message
    assert error.value.path == path
    assert len(error.value.problems) == 1
    assert path.read_bytes() == before


def test_file_whose_article_is_missing_still_loads() -> None:
    loaded = loading.load(BAD / "article_missing.toml")
    assert not loaded.article_path.exists()


def test_several_problems_are_all_kept_and_counted_in_the_message() -> None:
    text = (
        'format = "factmark/1"\narticle = "a"\n\n'
        '[[claims]]\nid = "aaaa11"\nquote = "q"\nconfidnce = "low"\n\n'
        '[[claims]]\nid = "bbbb22"\nquote = "q"\nverdict = "true"\n\n'
        '[[claims.sources]]\nurl = "ftp://x"\n'
    )
    with pytest.raises(StoreError) as error:
        loading.parse(text, "x.toml")
    assert [str(p) for p in error.value.problems] == [
        "x.toml:7: claim aaaa11: confidnce: unknown key (did you mean 'confidence'?)",
        f"x.toml:12: claim bbbb22: verdict: 'true' is not one of {VERDICT_LIST}",
        "x.toml:15: claim bbbb22: sources[1].url: not an http(s) URL: 'ftp://x'",
    ]
    assert str(error.value) == (
        "x.toml:7: claim aaaa11: confidnce: unknown key (did you mean 'confidence'?) "
        "(and 2 more problems)"
    )


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(
            b'format = "factmark/1"\narticle = "a\xff"\n', "x.toml:2: not UTF-8", id="not-utf8"
        ),
        pytest.param(
            b'format = "factmark/1"\narticle = "a"\n[[claims]]\nid = "aaaa11"\n'
            b'quote = "\xed\xa0\x80"\n',
            "x.toml:5: not UTF-8",
            id="encoded-surrogate",
        ),
        pytest.param(
            b'format = "factmark/1"\narticle = "a"\n[[claims]]\nid = "aaaa11"\nquote = "\\ud800"\n',
            "x.toml:5:16: not valid TOML: escaped character is not a Unicode scalar value",
            id="escaped-surrogate",
        ),
        pytest.param(
            b'format = "factmark/1"\narticle = "a"\n[[claims]]\nid = "aaaa11"\nquote = "q"\n'
            b"created = 2026-11-27T10:02:11\n",
            "x.toml:6: claim aaaa11: created: needs a UTC offset, e.g. 2026-11-27T10:02:11Z",
            id="local-datetime",
        ),
        pytest.param(
            b'format = "factmark/1"\narticle = "a"\n[[claims]]\nid = "aaaa11"\nquote = "q"\n'
            b"created = 0001-01-01T00:30:00+01:00\n",
            "x.toml:6: claim aaaa11: created: out of range once converted to UTC",
            id="datetime-out-of-range",
        ),
    ],
)
def test_unreadable_text_gives_one_line(data: bytes, expected: str) -> None:
    with pytest.raises(StoreError) as error:
        loading.parse(data, "x.toml")
    assert str(error.value) == expected


def test_missing_file_and_folder_give_one_line(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"missing\.toml: no such file$"):
        loading.load(tmp_path / "missing.toml")
    with pytest.raises(StoreError, match=r"is a directory, not an annotation file$"):
        loading.load(tmp_path)


# --- (d) atomic saving -------------------------------------------------------------


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(atomic.TEMP_SUFFIX))


def make_temporary(target: Path, pid: int) -> Path:
    """A temporary named as a save by process ``pid`` names it."""
    descriptor, name = tempfile.mkstemp(
        prefix=f".{target.name}.{pid}.", suffix=atomic.TEMP_SUFFIX, dir=target.parent
    )
    os.write(descriptor, b'format = "factmark/1"\narticle = "half wr')
    os.close(descriptor)
    return Path(name)


@pytest.fixture
def live_process() -> Iterator[subprocess.Popen[bytes]]:
    """A process that stays alive until the test ends."""
    process = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE
    )
    try:
        yield process
    finally:
        assert process.stdin is not None
        process.stdin.close()
        process.wait(timeout=10)


def test_save_keeps_the_files_mode(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    writer.save(document(claim("aaaa11")), path)
    path.chmod(0o640)
    writer.save(document(claim("bbbb22")), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert loading.load(path).document.claims[0].id == "bbbb22"


def test_new_file_gets_the_umasks_mode_not_the_temporarys(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        writer.save(document(claim("aaaa11")), tmp_path / "a.toml")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.toml").stat().st_mode) == 0o644


def test_save_writes_through_a_symlink(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "annotations").mkdir()
    target = tmp_path / "real" / "a.toml"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    link_path = tmp_path / "annotations" / "a.toml"
    link_path.symlink_to(Path("..") / "real" / "a.toml")
    doc = document(claim("aaaa11"))
    writer.save(doc, link_path)
    assert link_path.is_symlink()
    assert link_path.readlink() == Path("..") / "real" / "a.toml"
    assert target.read_bytes() == writer.dumps(doc).encode("utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert temporaries(tmp_path / "real") == temporaries(tmp_path / "annotations") == []


def test_save_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    writer.save(document(claim("aaaa11")), path)
    writer.save(document(claim("bbbb22")), path)
    assert [p.name for p in tmp_path.iterdir()] == ["a.toml"]


def test_failed_save_keeps_the_old_bytes_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.toml"
    writer.save(sample_document(), path)
    before = path.read_bytes()

    def disk_full(_descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        writer.save(document(claim("aaaa11")), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["a.toml"]


def test_temporary_left_by_a_crashed_save_is_removed_on_the_next_save(tmp_path: Path) -> None:
    """A real crash: a child process dies between writing its temporary and renaming it."""
    path = tmp_path / "a.toml"
    writer.save(sample_document(), path)
    crash = (
        "import os, pathlib, sys\n"
        "from factmark import model\n"
        "from factmark.store import writer\n"
        "pathlib.Path.replace = lambda self, target: os._exit(3)\n"
        "writer.save(model.AnnotationFile(article='crash.txt'), sys.argv[1])\n"
    )
    child = subprocess.Popen([sys.executable, "-c", crash, str(path)])
    assert child.wait(timeout=60) == 3
    (stale,) = temporaries(tmp_path)
    assert stale.startswith(f".a.toml.{child.pid}.")
    assert path.read_bytes() == SAMPLE_TEXT.encode("utf-8")

    writer.save(sample_document(), path)
    assert temporaries(tmp_path) == []


def test_stale_temporary_of_a_dead_process_is_removed(tmp_path: Path) -> None:
    finished = subprocess.Popen([sys.executable, "-c", "pass"])
    finished.wait(timeout=10)
    path = tmp_path / "a.toml"
    stale = make_temporary(path, finished.pid)
    unrelated = tmp_path / f".b.toml.{finished.pid}.x{atomic.TEMP_SUFFIX}"
    unrelated.write_text("", encoding="utf-8")
    writer.save(document(claim("aaaa11")), path)
    assert not stale.exists()
    assert unrelated.exists(), "only the temporaries of the file being saved are cleaned"


def test_temporary_of_a_live_process_is_kept_unless_an_hour_old(
    tmp_path: Path, live_process: subprocess.Popen[bytes]
) -> None:
    path = tmp_path / "a.toml"
    fresh = make_temporary(path, live_process.pid)
    old = make_temporary(path, live_process.pid)
    two_hours_ago = time.time() - 7200
    os.utime(old, (two_hours_ago, two_hours_ago))
    writer.save(document(claim("aaaa11")), path)
    assert fresh.exists(), "another process may be saving right now"
    assert not old.exists()


def test_temporaries_are_never_taken_for_annotation_files(tmp_path: Path) -> None:
    annotations = tmp_path / "annotations"
    annotations.mkdir()
    path = annotations / "a.toml"
    writer.save(sample_document(), path)
    make_temporary(path, 999_999_999)
    (tmp_path / "elsewhere.toml").write_text(SAMPLE_TEXT, encoding="utf-8")
    make_temporary(tmp_path / "elsewhere.toml", 999_999_999)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert list(annotation_files_in(tmp_path)) == [tmp_path / "elsewhere.toml", path]


def test_one_rule_says_which_files_of_a_folder_are_annotation_files(tmp_path: Path) -> None:
    """check (a folder), the obvious target (annotations/ here) and diff (changed files) agree."""
    annotations = tmp_path / "annotations"
    annotations.mkdir()
    for name in ("a.toml", "b.txt", "c.toml.bak"):
        (annotations / name).write_text(SAMPLE_TEXT, encoding="utf-8")
    (annotations / "d.toml").mkdir()
    assert annotations_folder_files(tmp_path) == [annotations / "a.toml"]
    assert annotations_folder_files(annotations) == [annotations / "a.toml"]
    assert list(annotation_files_in(tmp_path)) == [annotations / "a.toml"]
    assert in_annotations_folder(PurePosixPath("docs/annotations/a.toml"))
    assert not in_annotations_folder(PurePosixPath("annotations.toml"))
    assert not in_annotations_folder(PurePosixPath("notes/a.toml"))


def test_save_unless_changed_refuses_when_the_file_changed_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    writer.save(sample_document(), path)
    loaded = loading.load(path)
    theirs = writer.dumps(document(claim("zzzz99"))).encode("utf-8")
    path.write_bytes(theirs)  # a git pull, another editor
    with pytest.raises(ChangedOnDiskError) as error:
        writer.save_unless_changed(document(claim("aaaa11")), path, loaded.fingerprint)
    assert str(error.value) == f"{path}: changed on disk since it was loaded; not overwritten"
    assert path.read_bytes() == theirs
    assert temporaries(tmp_path) == []


def test_save_unless_changed_refuses_a_same_size_change(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    writer.save(document(claim("aaaa11", verdict="accurate")), path)
    loaded = loading.load(path)
    theirs = path.read_bytes().replace(b"accurate", b"disputed")
    path.write_bytes(theirs)
    os.utime(path, ns=(loaded.fingerprint.mtime_ns, loaded.fingerprint.mtime_ns + 1_000_000_000))
    with pytest.raises(ChangedOnDiskError):
        writer.save_unless_changed(sample_document(), path, loaded.fingerprint)
    assert path.read_bytes() == theirs


def test_save_unless_changed_ignores_a_touch(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    writer.save(sample_document(), path)
    loaded = loading.load(path)
    later = loaded.fingerprint.mtime_ns + 5_000_000_000
    os.utime(path, ns=(later, later))
    assert path.stat().st_mtime_ns != loaded.fingerprint.mtime_ns
    mine = document(claim("aaaa11"))
    fingerprint = writer.save_unless_changed(mine, path, loaded.fingerprint)
    assert path.read_bytes() == writer.dumps(mine).encode("utf-8")
    assert fingerprint == atomic.fingerprint(path)


def test_save_unless_changed_ignores_a_rewrite_with_the_same_bytes(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    writer.save(sample_document(), path)
    loaded = loading.load(path)
    path.unlink()
    path.write_text(SAMPLE_TEXT, encoding="utf-8")  # git checkout of the same blob
    assert path.read_bytes() == writer.dumps(sample_document()).encode("utf-8")
    mine = document(claim("aaaa11"))
    fingerprint = writer.save_unless_changed(mine, path, loaded.fingerprint)
    assert path.read_bytes() == writer.dumps(mine).encode("utf-8")
    assert fingerprint == atomic.fingerprint(path)


def test_successive_saves_chain_their_fingerprints(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    fingerprint = writer.save_unless_changed(document(claim("aaaa11")), path, None)
    fingerprint = writer.save_unless_changed(document(claim("bbbb22")), path, fingerprint)
    writer.save_unless_changed(document(claim("cccc33")), path, fingerprint)
    assert loading.load(path).document.claims[0].id == "cccc33"


def test_save_unless_changed_refuses_a_file_created_or_deleted_since_load(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text(SAMPLE_TEXT, encoding="utf-8")
    with pytest.raises(ChangedOnDiskError):
        writer.save_unless_changed(document(claim("aaaa11")), path, None)
    assert path.read_text(encoding="utf-8") == SAMPLE_TEXT

    loaded = loading.load(path)
    path.unlink()
    with pytest.raises(ChangedOnDiskError):
        writer.save_unless_changed(document(claim("aaaa11")), path, loaded.fingerprint)
    assert not path.exists()


# --- (e) path resolution ---------------------------------------------------------


def touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("An article.\n", encoding="utf-8")
    return path


def test_annotations_folder_of_the_nearest_ancestor(tmp_path: Path) -> None:
    (tmp_path / "annotations").mkdir()
    article = touch(tmp_path / "seeds" / "deep" / "000_x.txt")
    assert annotation_path_for(article) == tmp_path / "annotations" / "000_x.toml"
    (tmp_path / "seeds" / "annotations").mkdir()
    assert annotation_path_for(article) == tmp_path / "seeds" / "annotations" / "000_x.toml"


def test_annotations_folder_wins_over_the_git_root(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "docs" / "annotations").mkdir(parents=True)
    article = touch(tmp_path / "docs" / "a.md")
    assert annotation_path_for(article) == tmp_path / "docs" / "annotations" / "a.toml"


@pytest.mark.parametrize("git", ["folder", "file"])
def test_git_work_tree_root_when_no_annotations_folder(tmp_path: Path, git: str) -> None:
    repo = tmp_path / "repo"
    if git == "folder":
        (repo / ".git").mkdir(parents=True)
    else:  # a linked work tree or a submodule
        repo.mkdir()
        (repo / ".git").write_text("gitdir: /elsewhere/.git/worktrees/repo\n", encoding="utf-8")
    article = touch(repo / "docs" / "deep" / "a.md")
    assert annotation_path_for(article) == repo / "annotations" / "a.toml"


def test_beside_the_article_otherwise(tmp_path: Path) -> None:
    article = touch(tmp_path / "plain" / "story.md")
    assert annotation_path_for(article) == tmp_path / "plain" / "story.toml"


def test_relative_article_path_gives_an_absolute_annotation_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "annotations").mkdir()
    touch(tmp_path / "seeds" / "a.txt")
    monkeypatch.chdir(tmp_path / "seeds")
    assert annotation_path_for("a.txt") == tmp_path / "annotations" / "a.toml"


def test_override_wins(tmp_path: Path) -> None:
    (tmp_path / "annotations").mkdir()
    article = touch(tmp_path / "a.txt")
    assert annotation_path_for(article, tmp_path / "x.toml") == tmp_path / "x.toml"


@pytest.mark.parametrize(
    ("article_rel", "annotations_rel", "expected"),
    [
        ("seeds/000_x.txt", "annotations/000_x.toml", "../seeds/000_x.txt"),
        ("plain/story.md", "plain/story.toml", "story.md"),
        ("a/b/c.txt", "annotations/c.toml", "../a/b/c.txt"),
        ("with space/é.txt", "annotations/é.toml", "../with space/é.txt"),
    ],
)
def test_article_path_round_trips_through_relative_article(
    tmp_path: Path, article_rel: str, annotations_rel: str, expected: str
) -> None:
    article = touch(tmp_path / article_rel)
    annotation_path = tmp_path / annotations_rel
    relative = relative_article(annotation_path, article)
    assert relative == expected
    doc = AnnotationFile(article=relative)
    assert loading.article_path_for(annotation_path, doc) == article
    annotation_path.parent.mkdir(parents=True, exist_ok=True)
    writer.save(doc, annotation_path)
    assert loading.load(annotation_path).article_path == article


def test_found_annotation_path_names_its_article(tmp_path: Path) -> None:
    (tmp_path / "annotations").mkdir()
    article = touch(tmp_path / "seeds" / "a.txt")
    annotation_path = annotation_path_for(article)
    doc = AnnotationFile(article=relative_article(annotation_path, article))
    assert doc.article == "../seeds/a.txt"
    assert loading.article_path_for(annotation_path, doc) == article


def test_a_note_holding_a_line_like_a_conflict_marker_still_loads() -> None:
    """Markers are looked for only in text that is not TOML: a note may hold ``=======``."""
    claim = Claim(id="abcd12", quote="q", note="before\n=======\n<<<<<<< not a marker\nafter")
    document = AnnotationFile(article="a.txt", claims=[claim])
    assert loading.parse(writer.dumps(document)) == document
