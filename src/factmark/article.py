"""An article: its normalised text, its paragraphs and their sentences.

Offsets everywhere count Unicode code points of the normalised text (UTF-8
decoded, BOM dropped, CRLF and CR turned into LF), never bytes or UTF-16 units.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from factmark.errors import FactmarkError

# A paragraph is a run of lines holding something other than white space. Anchored
# at line starts: unanchored, a long white-space-only line took quadratic time.
_PARAGRAPH = re.compile(r"^[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*", re.MULTILINE)
_SPACE = re.compile(r"\s")
"""A white space character: for str patterns, exactly those of ``str.isspace``."""


class ArticleError(FactmarkError):
    """An article that cannot be used, with the reason in one line."""

    def __init__(self, path: Path | str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = Path(path)
        self.message = message


def normalise(text: str) -> str:
    """Drop a BOM and turn CRLF and CR into LF, before anything else."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes, path: Path | str = "<text>") -> str:
    """Decode an article's bytes as UTF-8, or say in one line why not."""
    if b"\0" in data:
        raise ArticleError(path, "binary file (NUL bytes), not a text article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ArticleError(
            path, f"not UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})"
        ) from None
    return normalise(text)


def sha256_of(text: str) -> str:
    """The hash recorded as ``article_sha256``: of the normalised text, as UTF-8."""
    import hashlib  # OpenSSL loads with it: not before the article is on screen

    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph: its number (from 1), where it starts in the article, its text."""

    number: int
    offset: int
    """Code-point offset of the paragraph's first character in the article."""
    text: str
    """The paragraph as it stands, soft line breaks kept as ``\\n``."""

    @property
    def end(self) -> int:
        return self.offset + len(self.text)

    @property
    def display_text(self) -> str:
        """The text as read: soft line breaks shown as spaces (same length)."""
        return self.text.replace("\n", " ")


@dataclass(frozen=True)
class Article:
    """The normalised text of an article, split into paragraphs."""

    text: str
    path: Path | None = None
    paragraphs: tuple[Paragraph, ...] = field(init=False)

    def __post_init__(self) -> None:
        paragraphs = tuple(
            Paragraph(number, match.start(), match.group())
            for number, match in enumerate(_PARAGRAPH.finditer(self.text), start=1)
        )
        object.__setattr__(self, "paragraphs", paragraphs)

    @classmethod
    def read(cls, path: Path | str) -> Article:
        """Read and normalise an article; ArticleError says why it cannot be used."""
        path = Path(path)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise ArticleError(path, "no such file") from None
        except IsADirectoryError:
            raise ArticleError(path, "is a directory, not an article") from None
        except PermissionError:
            raise ArticleError(path, "permission denied") from None
        except OSError as error:
            raise ArticleError(path, error.strerror or str(error)) from None
        article = cls(decode(data, path), path)
        if not article.paragraphs:
            raise ArticleError(path, "empty article (no text to annotate)")
        return article

    @cached_property
    def sha256(self) -> str:
        return sha256_of(self.text)

    @cached_property
    def _offsets(self) -> list[int]:
        return [paragraph.offset for paragraph in self.paragraphs]

    def paragraph(self, number: int) -> Paragraph:
        """Paragraph ``number``, counted from 1 (IndexError outside the article)."""
        if not 1 <= number <= len(self.paragraphs):
            raise IndexError(number)
        return self.paragraphs[number - 1]

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph holding the character at ``offset``, if any."""
        index = bisect_right(self._offsets, offset) - 1
        if index < 0:
            return None
        paragraph = self.paragraphs[index]
        return paragraph if offset < paragraph.end else None

    def sentences(self, number: int) -> list[tuple[int, int]]:
        """Sentence spans of paragraph ``number``, as offsets inside the paragraph."""
        return sentence_spans(self.paragraph(number).text)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of the sentences of a paragraph, trailing space excluded.

    Sentence boundaries come from sentencex (Wikimedia's segmenter), which
    knows abbreviations such as "Mr." and "U.S." and does not break "1,200."
    inside a figure.
    """
    import sentencex  # a compiled extension: load it only when sentences are asked for

    # Every white space character goes to sentencex as a plain space (one code point
    # for one, so offsets hold): it panics on some others before a full stop, such
    # as the no-break space in "Annex A\u00a0." (a BaseException, not an Exception).
    flat = _SPACE.sub(" ", text)
    spans: list[tuple[int, int]] = []
    cursor = 0
    for sentence in sentencex.segment("en", flat):
        stripped = sentence.strip()
        if not stripped:
            continue
        start = flat.find(stripped, cursor)
        if start < 0:  # the segmenter altered the text: keep our own offsets honest
            start = cursor + len(flat[cursor:]) - len(flat[cursor:].lstrip())
        end = min(start + len(stripped), len(text))
        spans.append((start, end))
        cursor = end
    return spans


def sentence_at(text: str, offset: int) -> tuple[int, int]:
    """The span of the sentence at ``offset`` (the last one before it, past the end)."""
    spans = sentence_spans(text)
    if not spans:
        return (0, len(text))
    for start, end in spans:
        if offset < end:
            return (start, end)
    return spans[-1]
