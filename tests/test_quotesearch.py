"""Finding many quotes in one pass gives what str.find gives, and reads the text once."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factmark.anchor import Anchor, attach, locate_all
from factmark.article import Article
from factmark.model import AnnotationFile, Claim
from factmark.quotesearch import FEW, PROBE, QuoteSearch
from factmark.vocabulary import AnchorState


def occurrences(text: str, part: str) -> list[int]:
    """Every offset where ``part`` starts in ``text``, overlapping ones included."""
    found, position = [], text.find(part)
    while position >= 0:
        found.append(position)
        position = text.find(part, position + 1)
    return found


# Few letters: quotes recur and overlap; the rest are characters a regular
# expression would read as syntax, a newline and letters beyond ASCII.
ALPHABET = "ab a.*(|\n\\é“"
FILLERS = [f"filler quote number {n:03}" for n in range(FEW + 1)]
"""Enough long quotes that the single scan is used, not str.find."""


@given(
    text=st.text(ALPHABET, max_size=300),
    spans=st.lists(st.tuples(st.integers(0, 300), st.integers(1, 2 * PROBE)), max_size=12),
    strangers=st.lists(st.text(ALPHABET, min_size=1, max_size=2 * PROBE), max_size=4),
    scanned=st.booleans(),
)
def test_every_start_of_every_quote_is_what_str_find_gives(
    text: str, spans: list[tuple[int, int]], strangers: list[str], scanned: bool
) -> None:
    quotes = [text[start : start + length] for start, length in spans if text[start:]]
    quotes += strangers
    search = QuoteSearch(text, quotes + (FILLERS if scanned else []))
    for quote in [*quotes, "ab" * PROBE, *FILLERS[:2]]:  # and quotes it was not given
        assert list(search.starts(quote)) == occurrences(text, quote), quote


def test_overlapping_starts_of_a_repeated_quote_are_all_found() -> None:
    text = "a" * (3 * PROBE)
    quote = "a" * (PROBE + 2)
    search = QuoteSearch(text, [quote, *FILLERS])
    assert list(search.starts(quote)) == list(range(2 * PROBE - 1))


class ReadCounted(str):
    """Article text that counts the searches made in it."""

    finds = 0

    def find(self, *args: object) -> int:
        ReadCounted.finds += 1
        return super().find(*args)  # type: ignore[arg-type]


def test_claims_moved_by_a_new_first_paragraph_are_found_in_one_pass() -> None:
    paragraphs = [
        f"Paragraph {n}: the ministry said {n * 7} soldiers came home." for n in range(60)
    ]
    article = Article("\n\n".join(paragraphs) + "\n")
    claims = []
    for paragraph in article.paragraphs:
        start = paragraph.text.index("the ministry")
        quote = paragraph.text[start:]
        bare = Claim(id=f"c{paragraph.number:05}", quote=quote)
        end = start + len(quote)
        anchor = Anchor(AnchorState.ANCHORED, paragraph.number, start, end, quote)
        claims.append(attach(bare, article, anchor))
    document = AnnotationFile(article="article.txt", claims=claims)
    edited = Article(ReadCounted("A new first paragraph.\n\n" + article.text))
    ReadCounted.finds = 0
    anchors = locate_all(document, edited, fuzzy=True)
    assert ReadCounted.finds < len(claims) // 4
    assert [(a.state, a.paragraph) for a in anchors.values()] == [
        (AnchorState.MOVED, claim.paragraph + 1) for claim in claims if claim.paragraph
    ]
