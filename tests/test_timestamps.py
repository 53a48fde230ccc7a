"""One way to write a timestamp, in the file, the diff and every export."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from factmark.article import Article
from factmark.export import html, table, w3c
from factmark.model import AnnotationFile, Claim, format_timestamp
from factmark.store import writer

EARLY = datetime(5, 1, 2, 3, 4, 5, tzinfo=UTC)
WRITTEN = "0005-01-02T03:04:05Z"


def document() -> tuple[AnnotationFile, Article]:
    article = Article("A claim stands here.\n")
    claim = Claim(
        id="aaaa11", quote="A claim", paragraph=1, start=0, suffix=" stands here.",
        created=EARLY, updated=EARLY,
    )  # fmt: skip
    return AnnotationFile(article="a.txt", claims=[claim]), article


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (EARLY, WRITTEN),
        (datetime(2026, 11, 27, 10, 2, 11, tzinfo=UTC), "2026-11-27T10:02:11Z"),
        (datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC), "9999-12-31T23:59:59Z"),
    ],
)
def test_a_timestamp_is_written_with_four_digit_years(value: datetime, text: str) -> None:
    assert format_timestamp(value) == text


def test_the_file_and_every_export_pad_a_year_below_1000() -> None:
    doc, article = document()
    assert f"created = {WRITTEN}" in writer.dumps(doc)
    collection = w3c.export(doc, article, "file:///a.txt")
    (annotation,) = [a for a in collection["first"]["items"] if a["motivation"] == "assessing"]
    assert annotation["created"] == WRITTEN
    assert WRITTEN in table.export(doc)
    page = html.export(doc, article, "a.txt")
    assert f'<time datetime="{WRITTEN}">0005-01-02 03:04 UTC</time>' in page
