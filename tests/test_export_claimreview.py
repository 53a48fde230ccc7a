"""The schema.org ClaimReview export against Google's fact-check requirements."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import builders
from factmark.article import Article
from factmark.errors import FactmarkError
from factmark.export import claimreview
from factmark.export.claimreview import export, missing_for_google, shorten
from factmark.model import AnnotationFile, Claim
from factmark.store import loading
from factmark.vocabulary import VERDICTS

ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = ROOT / "tests" / "data" / "seed" / "seeds" / "000_207cb1c8ae6ad8ea.txt"
SEED_ANNOTATIONS = ROOT / "tests" / "data" / "seed" / "annotations" / "000_207cb1c8ae6ad8ea.toml"
PUBLISHER = "Example Fact Desk"
PUBLISHER_URL = "https://factcheck.example.org/"
URL_BASE = "https://factcheck.example.org/checks/000_207cb1c8ae6ad8ea"
ARTICLE_URL = "https://news.example.com/2025/06/behind-closed-doors"
TODAY = date(2026, 12, 1)

Review = dict[str, Any]


def seed() -> tuple[AnnotationFile, Article]:
    return loading.load(SEED_ANNOTATIONS).document, Article.read(SEED_ARTICLE)


def seed_export(**options: Any) -> list[Review]:
    document, article = seed()
    return export(document, article, today=TODAY, **options)


def full_options() -> dict[str, Any]:
    return {"publisher": PUBLISHER, "publisher_url": PUBLISHER_URL, "url_base": URL_BASE,
            "article_url": ARTICLE_URL}  # fmt: skip


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _rating_in_range(rating: dict[str, Any]) -> bool:
    """Text only, or all three numbers with worstRating <= ratingValue <= bestRating."""
    numbers: list[Any] = [rating.get(key) for key in ("worstRating", "ratingValue", "bestRating")]
    if all(number is None for number in numbers):
        return True
    worst, value, best = numbers
    return all(_number(number) for number in numbers) and bool(worst <= value <= best)


def _http_url(value: object) -> bool:
    return isinstance(value, str) and re.fullmatch(r"https?://[^\s/?#]+\S*", value) is not None


def _iso_date(value: object) -> bool:
    try:
        return isinstance(value, str) and date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


# Google, "Fact check (ClaimReview) structured data": the required properties, and
# the recommended ones factcheck fills when it is given the options.
GOOGLE_RULES: list[tuple[str, Callable[[Review], bool]]] = [
    ("@context is schema.org", lambda r: r.get("@context") == "https://schema.org"),
    ("@type is ClaimReview", lambda r: r.get("@type") == "ClaimReview"),
    ("claimReviewed: a non-empty string under 75 characters",
     lambda r: isinstance(r.get("claimReviewed"), str) and 0 < len(r["claimReviewed"]) < 75),
    ("reviewRating is a Rating", lambda r: r.get("reviewRating", {}).get("@type") == "Rating"),
    ("reviewRating.alternateName: a non-empty string",
     lambda r: isinstance(r["reviewRating"].get("alternateName"), str)
     and bool(r["reviewRating"]["alternateName"])),
    ("reviewRating numbers: all or none, worstRating <= ratingValue <= bestRating",
     lambda r: _rating_in_range(r["reviewRating"])),
    ("url: an absolute http(s) URL", lambda r: _http_url(r.get("url"))),
    ("author: an Organization or Person with a name",
     lambda r: r.get("author", {}).get("@type") in ("Organization", "Person")
     and isinstance(r["author"].get("name"), str) and bool(r["author"]["name"])),
    ("itemReviewed is a Claim", lambda r: r.get("itemReviewed", {}).get("@type") == "Claim"),
    ("itemReviewed.appearance: a CreativeWork with an http(s) url",
     lambda r: r["itemReviewed"].get("appearance", {}).get("@type") == "CreativeWork"
     and _http_url(r["itemReviewed"]["appearance"].get("url"))),
    ("datePublished: an ISO 8601 date", lambda r: _iso_date(r.get("datePublished"))),
]  # fmt: skip


def broken_rules(review: Review) -> list[str]:
    broken = []
    for name, holds in GOOGLE_RULES:
        try:
            ok = holds(review)
        except (KeyError, TypeError, AttributeError):
            ok = False
        if not ok:
            broken.append(name)
    return broken


def claim(claim_id: str, verdict: str = "accurate", **fields: Any) -> Claim:
    values = {"quote": f"Claim {claim_id} says something.", "verdict": verdict,
              "paragraph": 1, "start": 0, **fields}  # fmt: skip
    return builders.claim(claim_id, **values)


def document_of(*claims: Claim) -> AnnotationFile:
    return builders.document(*claims, article="a.txt")


# 1. Google's requirements


def test_every_review_of_the_seed_meets_googles_requirements() -> None:
    reviews = seed_export(**full_options())
    assert reviews
    for review in reviews:
        assert broken_rules(review) == [], review["url"]
        assert missing_for_google(review) == []


def test_the_rules_can_fail() -> None:
    review = seed_export(**full_options())[0]
    bad = {**review, "claimReviewed": "x" * 80, "url": "ftp://example.org/x",
           "reviewRating": {**review["reviewRating"], "ratingValue": 9}}  # fmt: skip
    del bad["author"]
    assert len(broken_rules(bad)) == 4


def test_missing_for_google_names_url_and_author_without_the_options() -> None:
    document, article = seed()
    anonymous = document.model_copy(
        update={"claims": [c.model_copy(update={"author": ""}) for c in document.claims]}
    )
    reviews = export(anonymous, article, today=TODAY)
    assert reviews
    assert {tuple(missing_for_google(review)) for review in reviews} == {("url", "author")}
    # the editor who made the claim entry stands in for a missing publisher
    assert {tuple(missing_for_google(review)) for review in seed_export()} == {("url",)}
    assert seed_export()[0]["author"] == {"@type": "Person", "name": "Fact desk"}


def test_missing_for_google_on_an_empty_review() -> None:
    assert missing_for_google({}) == list(claimreview.GOOGLE_REQUIRED)
    assert missing_for_google({"reviewRating": {"alternateName": ""}})[1] == (
        "reviewRating.alternateName"
    )


# 2. One review per rated claim


def test_one_review_per_rated_claim_in_article_order() -> None:
    document = document_of(
        claim("bbbb", "inaccurate", paragraph=2),
        claim("pend", "pending"),
        claim("aaaa", "accurate", paragraph=1, start=5),
    )
    reviews = export(document, None, url_base="https://example.org/fc", today=TODAY)
    assert [r["url"] for r in reviews] == [
        "https://example.org/fc#claim-aaaa",
        "https://example.org/fc#claim-bbbb",
    ]


def test_the_seed_gives_one_review_per_claim_that_is_not_pending() -> None:
    document, _ = seed()
    rated = [c for c in document.sorted().claims if c.verdict != "pending"]
    reviews = seed_export(**full_options())
    assert [r["url"].rsplit("-", 1)[1] for r in reviews] == [c.id for c in rated]
    assert [r["itemReviewed"]["text"] for r in reviews] == [c.quote for c in rated]


# 3. Verdicts and ratings

EXPECTED_RATINGS = {
    "accurate": ("Accurate", 5),
    "mostly-accurate": ("Mostly accurate", 4),
    "disputed": ("Disputed", None),
    "misleading": ("Misleading", 2),
    "inaccurate": ("Inaccurate", 1),
    "unverifiable": ("Unverifiable", None),
}


@pytest.mark.parametrize("verdict", [v for v in VERDICTS if v != "pending"])
def test_every_verdict_maps_to_a_rating(verdict: str) -> None:
    name, value = EXPECTED_RATINGS[verdict]  # a new verdict fails here until it is mapped
    [review] = export(document_of(claim("abcd", verdict)), None, today=TODAY)
    rating = review["reviewRating"]
    assert rating["alternateName"] == name
    if value is None:
        assert set(rating) == {"@type", "alternateName"}
    else:
        assert (rating["worstRating"], rating["ratingValue"], rating["bestRating"]) == (1, value, 5)


def test_the_note_is_the_rating_explanation() -> None:
    note = "Line one.\nLine two [1] </script>"
    [review] = export(document_of(claim("abcd", "misleading", note=note)), None, today=TODAY)
    assert review["reviewRating"]["ratingExplanation"] == note


# 4. shorten


WORDY = st.text(alphabet=st.sampled_from("ab’ \n\t"), max_size=150)


@given(st.one_of(st.text(), WORDY), st.integers(min_value=2, max_value=120))
def test_shorten(text: str, limit: int) -> None:
    collapsed = " ".join(text.split())
    short = shorten(text, limit)
    assert len(short) < limit
    if len(collapsed) < limit:
        assert short == collapsed
    else:
        assert short.endswith("…")
        kept = short[:-1]
        assert collapsed.startswith(kept)
        room = collapsed[: limit - 2]
        if " " in room:  # ends at a word boundary
            assert kept == "" or collapsed[len(kept)] == " "
            assert not kept.endswith(" ")
        else:  # one word longer than the room: cut hard
            assert kept == room


def test_shorten_examples() -> None:
    assert shorten("  Russia   reportedly\ntransferred ") == "Russia reportedly transferred"
    assert shorten("one two three", 9) == "one two…"
    assert shorten("one two three", 8) == "one…"
    assert shorten("abcdefghij", 6) == "abcd…"
    with pytest.raises(ValueError):
        shorten("text", 1)


def test_claim_reviewed_is_shortened_but_the_claim_text_is_whole() -> None:
    document, _ = seed()
    long = max(document.claims, key=lambda c: len(c.quote))
    [review] = [r for r in seed_export(**full_options()) if r["url"].endswith(long.id)]
    assert len(long.quote) >= 75
    assert review["claimReviewed"].endswith("…") and len(review["claimReviewed"]) < 75
    assert review["itemReviewed"]["text"] == long.quote


# 5. JSON


def test_json_round_trip_keeps_non_ascii() -> None:
    reviews = seed_export(**full_options())
    for ensure_ascii in (True, False):
        assert json.loads(json.dumps(reviews, ensure_ascii=ensure_ascii)) == reviews
    text = json.dumps(reviews, ensure_ascii=False)
    assert "Russia’s Transfer" in text
    assert any("’" in review["claimReviewed"] for review in reviews)


def test_output_is_deterministic() -> None:
    first = json.dumps(seed_export(**full_options()))
    assert json.dumps(seed_export(**full_options())) == first


def test_control_characters_survive_json() -> None:
    quote = "Tab\there, escape \x1b[31m and bidi \u202e end"
    [review] = export(document_of(claim("abcd", quote=quote)), None, today=TODAY)
    again = json.loads(json.dumps(review))
    assert again["itemReviewed"]["text"] == quote
    assert again["claimReviewed"] == " ".join(quote.split())


# Options


def test_dates_come_from_the_claim_else_today() -> None:
    stamped = claim("aaaa", created=datetime(2026, 1, 2, 23, 30, tzinfo=UTC),
                    updated=datetime(2026, 3, 4, 5, 6, tzinfo=UTC))  # fmt: skip
    created = claim("bbbb", paragraph=2, created=datetime(2026, 1, 2, tzinfo=UTC))
    bare = claim("cccc", paragraph=3)
    reviews = export(document_of(stamped, created, bare), None, today=TODAY)
    assert [r["datePublished"] for r in reviews] == ["2026-03-04", "2026-01-02", "2026-12-01"]


def test_url_falls_back_to_the_article_url() -> None:
    reviews = seed_export(article_url=ARTICLE_URL + "#top")
    assert reviews[0]["url"].startswith(ARTICLE_URL + "#claim-")
    assert reviews[0]["itemReviewed"]["appearance"]["url"] == ARTICLE_URL + "#top"
    assert "url" not in seed_export()[0]


def test_no_appearance_where_the_article_no_longer_holds_the_quote() -> None:
    document = document_of(claim("abcd", quote="Not in the article"))
    article = Article("Something else entirely.\n")
    [review] = export(document, article, article_url=ARTICLE_URL, today=TODAY)
    assert "appearance" not in review["itemReviewed"]
    [review] = export(document, None, article_url=ARTICLE_URL, today=TODAY)
    assert review["itemReviewed"]["appearance"]["url"] == ARTICLE_URL


def test_publisher_is_the_author() -> None:
    review = seed_export(publisher=PUBLISHER)[0]
    assert review["author"] == {"@type": "Organization", "name": PUBLISHER}
    review = seed_export(publisher=PUBLISHER, publisher_url=PUBLISHER_URL)[0]
    assert review["author"]["url"] == PUBLISHER_URL


@pytest.mark.parametrize(
    "options",
    [
        {"url_base": "ftp://example.org/fc"},
        {"url_base": "example.org/fc"},
        {"url_base": "https://example.org/fc#top"},
        {"url_base": "https://example.org/f c"},
        {"article_url": "javascript:alert(1)"},
        {"article_url": "http://[::1/claim"},
        {"article_url": "https://example.org/\x1b[2J"},
        {"publisher": PUBLISHER, "publisher_url": "mailto:desk@example.org"},
        {"publisher_url": PUBLISHER_URL},
    ],
)
def test_bad_options_are_one_line_factmark_errors(options: dict[str, Any]) -> None:
    document, article = seed()
    with pytest.raises(FactmarkError) as raised:
        export(document, article, **options)
    message = str(raised.value)
    assert message.startswith("claimreview: ") and "\n" not in message and "\x1b" not in message
