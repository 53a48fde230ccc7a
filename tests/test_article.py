"""The article (docs/design.md §3): decoding, paragraphs, code-point offsets, sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factmark.article import (
    Article,
    ArticleError,
    Paragraph,
    decode,
    normalise,
    sentence_at,
    sentence_spans,
    sha256_of,
)

DATA = Path(__file__).parent / "data" / "articles"
SEED = Path(__file__).parents[1] / "seeds" / "000_207cb1c8ae6ad8ea.txt"


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def texts(article: Article) -> list[str]:
    return [paragraph.text for paragraph in article.paragraphs]


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


# --- decoding ----------------------------------------------------------------


def test_a_leading_bom_is_dropped() -> None:
    assert decode("\ufeffHello.".encode()) == "Hello."


def test_a_bom_inside_the_text_is_kept() -> None:
    # Only the leading BOM is a BOM; elsewhere U+FEFF is text a fact-checker may need to see.
    assert decode("\ufeffa\ufeffb".encode()) == "a\ufeffb"


def test_an_article_with_a_bom_counts_offsets_from_the_first_letter(tmp_path: Path) -> None:
    article = Article.read(write(tmp_path, "bom.txt", "\ufeffFirst.\n\nSecond.".encode()))
    assert article.text == "First.\n\nSecond."
    assert [(p.offset, p.text) for p in article.paragraphs] == [(0, "First."), (8, "Second.")]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"a\r\nb", "a\nb"),
        (b"a\rb", "a\nb"),
        (b"a\r\n\r\nb", "a\n\nb"),
        (b"a\r\rb", "a\n\nb"),
        (b"a\r\r\nb", "a\n\nb"),  # a lone CR, then a CRLF: two line breaks
        (b"a\n\rb", "a\n\nb"),
        (b"\xef\xbb\xbfa\r\nb\r", "a\nb\n"),
    ],
)
def test_crlf_and_cr_become_lf(raw: bytes, expected: str) -> None:
    assert decode(raw) == expected
    assert normalise(raw.decode("utf-8")) == expected


def test_crlf_paragraphs_split_and_count_offsets_in_the_normalised_text(tmp_path: Path) -> None:
    path = write(tmp_path, "crlf.txt", b"One line\r\nwrapped.\r\n\r\nTwo.\rStill two.\r\rThree.")
    article = Article.read(path)
    assert article.text == "One line\nwrapped.\n\nTwo.\nStill two.\n\nThree."
    assert texts(article) == ["One line\nwrapped.", "Two.\nStill two.", "Three."]
    for paragraph in article.paragraphs:
        assert article.text[paragraph.offset : paragraph.end] == paragraph.text


def test_the_hash_is_of_the_normalised_text(tmp_path: Path) -> None:
    unix = Article.read(write(tmp_path, "lf.txt", b"A.\n\nB.\n"))
    windows = Article.read(write(tmp_path, "crlf.txt", b"\xef\xbb\xbfA.\r\n\r\nB.\r\n"))
    assert unix.sha256 == windows.sha256 == sha256_of("A.\n\nB.\n")
    assert len(unix.sha256) == 64


# --- paragraphs --------------------------------------------------------------


def test_paragraphs_are_runs_of_non_blank_lines_numbered_from_one() -> None:
    text = "\n\nOne.\nStill one.\n\nTwo.\n \t \nThree.\n\n\n\nFour.\n\n"
    article = Article(text)
    assert texts(article) == ["One.\nStill one.", "Two.", "Three.", "Four."]
    assert [p.number for p in article.paragraphs] == [1, 2, 3, 4]
    assert article.paragraph(1).text == "One.\nStill one."
    assert article.paragraph(4).text == "Four."


def test_a_whitespace_only_line_separates_paragraphs() -> None:
    article = Article("Alpha.\n   \nBeta.\n\t\nGamma.\n\u00a0\nDelta.")
    assert texts(article) == ["Alpha.", "Beta.", "Gamma.", "Delta."]


def test_paragraph_numbers_outside_the_article_raise_index_error() -> None:
    article = Article("One.\n\nTwo.")
    for number in (0, -1, 3):
        with pytest.raises(IndexError):
            article.paragraph(number)


def test_a_soft_newline_is_kept_in_the_text_and_shown_as_a_space() -> None:
    article = Article("Medinsky claimed that Ukraine\nhad handed over 1,212 bodies.")
    (paragraph,) = article.paragraphs
    assert paragraph.text == "Medinsky claimed that Ukraine\nhad handed over 1,212 bodies."
    assert paragraph.display_text == "Medinsky claimed that Ukraine had handed over 1,212 bodies."
    assert len(paragraph.display_text) == len(paragraph.text)  # same offsets either way
    start = paragraph.text.index("had")
    assert article.text[paragraph.offset + start :].startswith("had handed")


def test_offsets_count_code_points_with_emoji_and_combining_characters() -> None:
    # 👍🏽 is two code points (four UTF-16 units, eight UTF-8 bytes); é here is e + U+0301.
    text = "Intro 👍🏽.\n\nCafe\u0301 owner 🇺🇦 said: 1,200 bodies.\n\n日本語 then 1,212."
    article = Article(text)
    second = article.paragraph(2)
    assert second.offset == len("Intro 👍🏽.\n\n") == 11
    start = second.text.index("1,200")
    assert start == len("Cafe\u0301 owner 🇺🇦 said: ") == 21
    assert article.text[second.offset + start : second.offset + start + 5] == "1,200"
    third = article.paragraph(3)
    start = third.text.index("1,212")
    assert article.text[third.offset + start : third.offset + start + 5] == "1,212"
    assert third.offset + start == text.index("1,212")


def test_the_seed_article_has_24_paragraphs_each_an_exact_slice() -> None:
    article = Article.read(SEED)
    assert len(article.paragraphs) == 24
    assert article.paragraph(1).text.startswith("Behind Closed Doors: Russia’s Transfer")
    assert article.paragraph(2).text.startswith("Behind Closed Doors: Russia's Transfer")
    assert article.paragraph(3).text.startswith("On Friday, June 13, Russia reportedly")
    for paragraph in article.paragraphs:
        assert article.text[paragraph.offset : paragraph.end] == paragraph.text
    third = article.paragraph(3)
    start = third.text.index("1,200")
    assert start == 50
    assert article.text[third.offset + start : third.offset + start + 12] == "1,200 bodies"


def test_paragraph_at_finds_the_paragraph_under_an_offset() -> None:
    text = "\nOne.\nWrapped.\n\n\nTwo."
    article = Article(text)
    one, two = article.paragraphs
    assert article.paragraph_at(one.offset) == one
    assert article.paragraph_at(text.index("Wrapped")) == one  # after a soft newline
    assert article.paragraph_at(one.end - 1) == one
    assert article.paragraph_at(one.end) is None  # the blank lines belong to no paragraph
    assert article.paragraph_at(two.offset - 1) is None
    assert article.paragraph_at(two.offset) == two
    assert article.paragraph_at(len(text) - 1) == two
    assert article.paragraph_at(0) is None  # the leading newline
    assert article.paragraph_at(-1) is None
    assert article.paragraph_at(len(text)) is None
    assert article.paragraph_at(len(text) + 100) is None


def test_a_long_whitespace_only_line_is_split_quickly() -> None:
    # Once quadratic in the length of the line: 400,000 spaces took minutes.
    article = Article("First.\n\n" + " " * 400_000 + "\n\nSecond.")
    assert texts(article) == ["First.", "Second."]


# --- errors ------------------------------------------------------------------


def assert_article_error(path: Path, *words: str) -> ArticleError:
    with pytest.raises(ArticleError) as caught:
        Article.read(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    assert caught.value.path == path
    for word in words:
        assert word in caught.value.message
    return caught.value


def test_not_utf8_is_an_error_naming_the_file_and_byte() -> None:
    assert_article_error(DATA / "latin1.txt", "not UTF-8", "0xe9", "offset 3")


def test_nul_bytes_are_an_error_naming_the_file() -> None:
    assert_article_error(DATA / "binary.txt", "binary", "NUL")


def test_utf16_is_binary_not_text(tmp_path: Path) -> None:
    assert_article_error(write(tmp_path, "utf16.txt", "Hello.".encode("utf-16")), "binary")


@pytest.mark.parametrize("name", ["empty.txt", "blank.txt"])
def test_an_empty_or_whitespace_only_article_is_an_error(name: str) -> None:
    assert_article_error(DATA / name, "empty")


def test_a_bom_alone_is_an_empty_article(tmp_path: Path) -> None:
    assert_article_error(write(tmp_path, "bom.txt", b"\xef\xbb\xbf\r\n \r\n"), "empty")


def test_a_missing_article_is_an_error_naming_the_file() -> None:
    assert_article_error(DATA / "missing.txt", "no such file")


def test_a_directory_is_not_an_article() -> None:
    assert_article_error(DATA, "directory")


def test_reading_an_article_never_writes(tmp_path: Path) -> None:
    path = write(tmp_path, "latin1.txt", (DATA / "latin1.txt").read_bytes())
    before = path.read_bytes()
    with pytest.raises(ArticleError):
        Article.read(path)
    assert path.read_bytes() == before
    assert sorted(tmp_path.iterdir()) == [path]


# --- sentences ---------------------------------------------------------------


def test_mr_does_not_end_a_sentence() -> None:
    text = "Mr. Medinsky said Ukraine had returned 27 bodies. Kyiv did not comment."
    assert sentences(text) == [
        "Mr. Medinsky said Ukraine had returned 27 bodies.",
        "Kyiv did not comment.",
    ]


def test_us_does_not_end_a_sentence() -> None:
    text = "The U.S. State Department declined to comment. Interfax did not name its source."
    assert sentences(text) == [
        "The U.S. State Department declined to comment.",
        "Interfax did not name its source.",
    ]


def test_a_figure_with_a_comma_ends_a_sentence_only_at_its_full_stop() -> None:
    text = "Russia said it transferred 1,200. Ukraine confirmed 1,200 bodies. It cost $1.5 million."
    assert sentences(text) == [
        "Russia said it transferred 1,200.",
        "Ukraine confirmed 1,200 bodies.",
        "It cost $1.5 million.",
    ]


def test_the_seed_article_sentences() -> None:
    article = Article.read(SEED)
    third = article.paragraph(3).text
    assert sentences(third) == [third]  # one sentence holding "1,200 bodies"
    assert sentences(article.paragraph(7).text) == [
        "The announcement came two days after Vladimir Medinsky, Russia’s presidential "
        "assistant, declared that the repatriation of fallen soldiers would begin under the "
        "terms of the ‘Istanbul agreements.’",
        "Medinsky claimed that Ukraine had already handed over 1,212 bodies of Ukrainian "
        "servicemen, while Ukraine itself had returned 27 bodies of deceased Russian soldiers.",
    ]
    twelfth = sentences(article.paragraph(12).text)
    assert len(twelfth) == 2
    assert twelfth[0].endswith("described as ‘6,000 for 6,000.’")
    assert twelfth[1].startswith("While this framework suggests")
    assert article.sentences(7) == sentence_spans(article.paragraph(7).text)


def test_sentence_spans_index_the_seed_paragraphs_exactly() -> None:
    for paragraph in Article.read(SEED).paragraphs:
        spans = sentence_spans(paragraph.text)
        assert spans
        assert " ".join(paragraph.text[start:end] for start, end in spans) == paragraph.text


def test_sentence_spans_index_a_paragraph_with_soft_newlines() -> None:
    text = (
        "Mr. Medinsky said\nUkraine had returned 27 bodies.  Interfax,\nciting a source, said none."
    )
    spans = sentence_spans(text)
    assert [text[start:end] for start, end in spans] == [
        "Mr. Medinsky said\nUkraine had returned 27 bodies.",
        "Interfax,\nciting a source, said none.",
    ]
    assert spans == [(0, 49), (51, len(text))]


def test_sentence_spans_exclude_surrounding_space() -> None:
    text = "  First one.   Second one.  "
    spans = sentence_spans(text)
    assert [text[start:end] for start, end in spans] == ["First one.", "Second one."]
    assert spans[0][0] == 2


@pytest.mark.parametrize(
    "text",
    [
        "See Annex A\u00a0. Then go on.",  # a no-break space before a full stop
        "Plan B\u2028. Next.",
        "Exhibit A \u00a0. Then.",
        "U.S. A \u2028.",
    ],
)
def test_unusual_spaces_before_a_full_stop_do_not_crash_the_segmenter(text: str) -> None:
    # sentencex, given these, panicked with a BaseException that no handler would catch.
    spans = sentence_spans(text)
    assert spans
    for start, end in spans:
        assert text[start:end] == text[start:end].strip()


def test_sentence_at_picks_the_sentence_under_an_offset() -> None:
    text = "Mr. Medinsky said 1,212. Interfax said 1,200. KSHPW confirmed it."
    first, second, third = sentence_spans(text)
    assert sentence_at(text, 0) == first
    assert sentence_at(text, text.index("1,212")) == first
    assert sentence_at(text, first[1] - 1) == first  # on the full stop
    assert sentence_at(text, text.index("Interfax")) == second
    assert sentence_at(text, text.index("1,200.") + 5) == second
    assert sentence_at(text, text.index("KSHPW")) == third
    assert sentence_at(text, len(text)) == third  # past the end: the last sentence
    assert sentence_at(text, len(text) + 50) == third


def test_sentence_at_on_the_space_between_sentences_picks_the_next() -> None:
    text = "One. Two."
    assert sentence_at(text, 4) == (5, 9)


def test_sentence_at_in_a_text_without_sentences_is_the_whole_text() -> None:
    assert sentence_at("", 0) == (0, 0)
    assert sentence_at("   ", 1) == (0, 3)


# --- properties --------------------------------------------------------------

# Line breaks, white space of several kinds, and ordinary text, so that blank
# lines, soft wraps and whitespace-only lines all turn up often.
article_text = st.lists(
    st.sampled_from(["\n", "\r", "\r\n", " ", "\t", "\u00a0", "\u3000", "a", "é", "👍", ". "])
    | st.characters(exclude_categories=["Cs"]),
    max_size=200,
).map("".join)


def assert_paragraphs_tile(article: Article) -> None:
    text = article.text
    cursor = 0
    previous: Paragraph | None = None
    for number, paragraph in enumerate(article.paragraphs, start=1):
        assert paragraph.number == number
        assert paragraph.offset >= cursor
        assert text[paragraph.offset : paragraph.end] == paragraph.text
        assert paragraph.offset == 0 or text[paragraph.offset - 1] == "\n"
        assert paragraph.end == len(text) or text[paragraph.end] == "\n"
        for line in paragraph.text.split("\n"):
            assert line.strip(), f"blank line inside paragraph {number}: {paragraph.text!r}"
        gap = text[cursor : paragraph.offset]
        assert not gap.strip()
        if previous is not None:
            assert gap.count("\n") >= 2  # a blank line separates two paragraphs
        previous, cursor = paragraph, paragraph.end
    assert not text[cursor:].strip()


@given(article_text)
def test_paragraphs_are_exact_ordered_slices_of_the_normalised_text(raw: str) -> None:
    text = normalise(raw)
    assert "\r" not in text
    assert_paragraphs_tile(Article(text))


@given(article_text)
def test_decoding_then_splitting_gives_exact_slices(raw: str) -> None:
    data = raw.encode("utf-8")
    if b"\0" in data:
        with pytest.raises(ArticleError):
            decode(data)
        return
    article = Article(decode(data))
    assert article.text == normalise(raw)
    assert_paragraphs_tile(article)


@given(article_text)
def test_sentence_spans_are_ordered_trimmed_and_cover_every_visible_character(
    text: str,
) -> None:
    spans = sentence_spans(text)
    covered: set[int] = set()
    cursor = 0
    for start, end in spans:
        assert cursor <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip()
        covered.update(range(start, end))
        cursor = end
    assert all(char.isspace() for index, char in enumerate(text) if index not in covered)


def test_the_segmenter_gets_exactly_the_white_space_of_str_isspace_as_spaces() -> None:
    # One regular expression substitution (not a loop over characters): the same set.
    from factmark.article import _SPACE

    differ = [
        code for code in range(0x110000) if bool(_SPACE.match(chr(code))) != chr(code).isspace()
    ]
    assert differ == []
    assert sentence_spans("One\u2003two.\u00a0Three\u2029four.") == [(0, 8), (9, 20)]
