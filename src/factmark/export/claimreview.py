"""schema.org ClaimReview (JSON-LD): one fact-check review per rated claim.

What the consumers ask for, and where it is written down:

- Google, "Fact check (ClaimReview) structured data"
  (developers.google.com/search/docs/appearance/structured-data/factcheck).
  Required: ``claimReviewed`` (a short summary of the claim; "try to keep this
  less than 75 characters", without the rating in it), ``reviewRating`` (a
  Rating whose ``alternateName``, the verdict in words, is required and is the
  only part shown; ``ratingValue``, ``bestRating``, ``worstRating`` are
  recommended numbers, and a numeric scale must be documented as a number to
  text mapping) and ``url`` (the page of the fact check; its domain must be the
  page's own or a subdomain of it; the Fact Check Tools API allows only the
  page URL plus an anchor). Recommended: ``author`` (Organization or Person with
  ``name``, ideally ``url``), ``itemReviewed`` (a Claim: ``author``,
  ``datePublished``, ``appearance`` / ``firstAppearance`` as a CreativeWork
  with ``url``) and ``datePublished``. Since 2021 only a page with a single
  ClaimReview is eligible for the single fact-check result, and since June 2025
  Google Search no longer shows ClaimReview rich results; the Fact Check
  Explorer and other readers still use the markup.
- schema.org/ClaimReview, /Claim, /Rating: ``Rating.ratingExplanation`` is "a
  short explanation ... that led to the conclusion expressed in the rating"
  (it carries the claim's note); ``Claim.text`` holds the claim in full, so
  nothing is lost when ``claimReviewed`` is shortened; ``Claim.appearance`` is
  a CreativeWork where the claim appears.

The rating scale (bestRating 5, worstRating 1): accurate 5, mostly-accurate 4,
misleading 2, inaccurate 1. Three is left unused on purpose: no verdict means
"half true", and the scale stays symmetric. ``disputed`` (credible sources
disagree) and ``unverifiable`` (the evidence cannot settle it) say nothing about
where the claim sits between true and false, so they get a text-only rating:
``alternateName`` and no numbers, which Google allows. ``pending`` claims are
not reviews yet and are left out.

What the annotation file does not know is left out rather than guessed: the
claim's own author (``Claim.author`` is the editor; a source's stance says
whether it backs the claim, not who made it) and the date the claim was made.
The review's author is the publisher given, else the editor who made the claim
entry, as a Person. Text is passed through as is; ``json.dumps`` encodes
control characters. Embedding the JSON in an HTML ``<script>`` is the page
writer's job (escape ``<`` there).
"""

from __future__ import annotations

from datetime import date
from typing import Any, Final, NamedTuple
from urllib.parse import urlsplit

from factmark.article import Article
from factmark.errors import FactmarkError
from factmark.model import AnnotationFile, Claim, utc_now
from factmark.vocabulary import Verdict

CONTEXT: Final = "https://schema.org"
CLAIM_REVIEWED_LIMIT: Final = 75
"""claimReviewed is kept under this many characters (Google's advice)."""
BEST_RATING: Final = 5
WORST_RATING: Final = 1


class Rating(NamedTuple):
    """A verdict as a schema.org Rating: words, and a number where one means something."""

    name: str
    value: int | None


RATINGS: Final[dict[Verdict, Rating]] = {
    "accurate": Rating("Accurate", 5),
    "mostly-accurate": Rating("Mostly accurate", 4),
    "disputed": Rating("Disputed", None),
    "misleading": Rating("Misleading", 2),
    "inaccurate": Rating("Inaccurate", 1),
    "unverifiable": Rating("Unverifiable", None),
}
"""Every verdict but ``pending``; ``None``: not a point on the truth scale."""

GOOGLE_REQUIRED: Final = ("claimReviewed", "reviewRating.alternateName", "url", "author")
"""What :func:`missing_for_google` looks for. Google requires the first three;
it recommends ``author``, which is included because a fact check without one
is anonymous."""


class ClaimReviewError(FactmarkError):
    """An option the ClaimReview export cannot use; ``str()`` is the one-line report."""


def shorten(text: str, limit: int = CLAIM_REVIEWED_LIMIT) -> str:
    """``text`` with white space collapsed, under ``limit`` characters.

    Cut at the last word boundary that leaves room for "…", or hard inside a
    word longer than that room.
    """
    if limit < 2:
        raise ValueError(f"limit must be at least 2, not {limit}")
    collapsed = " ".join(text.split())
    if len(collapsed) < limit:
        return collapsed
    room = limit - 2  # the kept text and the ellipsis stay under the limit
    head = collapsed[:room]
    if collapsed[room] != " " and " " in head:
        head = head[: head.rindex(" ")]
    return head.rstrip() + "…"


def _checked_url(option: str, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        parts = urlsplit(value)
    except ValueError:  # e.g. an unclosed IPv6 bracket
        parts = urlsplit("")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ClaimReviewError(f"claimreview: {option} {value!r} is not an http(s) URL")
    if any(char.isspace() or not char.isprintable() for char in value):
        raise ClaimReviewError(
            f"claimreview: {option} {value!r} has white space or control characters in it"
        )
    return value


def _without_fragment(url: str) -> str:
    return url.split("#", 1)[0]


def _rating(claim: Claim) -> dict[str, Any]:
    rating = RATINGS[claim.verdict]
    data: dict[str, Any] = {"@type": "Rating", "alternateName": rating.name}
    if rating.value is not None:
        data |= {"ratingValue": rating.value, "bestRating": BEST_RATING,
                 "worstRating": WORST_RATING}  # fmt: skip
    if claim.note:
        data["ratingExplanation"] = claim.note
    return data


def _item_reviewed(
    claim: Claim, article: Article | None, article_url: str | None
) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "Claim", "text": claim.quote}
    # An article at hand that no longer holds the quote is not where it appears.
    if article_url is not None and (article is None or claim.quote in article.text):
        item["appearance"] = {"@type": "CreativeWork", "url": article_url}
    return item


def _author(
    claim: Claim, publisher: str | None, publisher_url: str | None
) -> dict[str, Any] | None:
    if publisher:
        author: dict[str, Any] = {"@type": "Organization", "name": publisher}
        if publisher_url:
            author["url"] = publisher_url
        return author
    if claim.author:
        return {"@type": "Person", "name": claim.author}
    return None


def _review(
    claim: Claim,
    article: Article | None,
    *,
    publisher: str | None,
    publisher_url: str | None,
    page_url: str | None,
    article_url: str | None,
    today: date,
) -> dict[str, Any]:
    review: dict[str, Any] = {"@context": CONTEXT, "@type": "ClaimReview"}
    if page_url is not None:
        review["url"] = f"{page_url}#claim-{claim.id}"
    review["claimReviewed"] = shorten(claim.quote)
    review["reviewRating"] = _rating(claim)
    review["itemReviewed"] = _item_reviewed(claim, article, article_url)
    author = _author(claim, publisher, publisher_url)
    if author is not None:
        review["author"] = author
    stamp = claim.updated or claim.created
    review["datePublished"] = (stamp.date() if stamp else today).isoformat()
    return review


def export(
    document: AnnotationFile,
    article: Article | None,
    *,
    publisher: str | None = None,
    publisher_url: str | None = None,
    url_base: str | None = None,
    article_url: str | None = None,
    today: date | None = None,
) -> list[dict[str, Any]]:
    """A ClaimReview for each claim with a verdict, in article order.

    ``url`` is ``url_base#claim-<id>`` (the page that publishes the fact check),
    else ``article_url#claim-<id>`` (the fact check published with the article),
    else left out. ``datePublished`` is the claim's last change, else its
    creation, else ``today`` (UTC today when not given). ClaimReviewError for a
    URL that is not http(s), a URL base with a fragment, or a publisher URL
    without a publisher.
    """
    url_base = _checked_url("url base", url_base)
    if url_base is not None and "#" in url_base:
        raise ClaimReviewError(
            f"claimreview: url base {url_base!r} has a #fragment (each review adds #claim-<id>)"
        )
    article_url = _checked_url("article URL", article_url)
    publisher_url = _checked_url("publisher URL", publisher_url)
    if publisher_url is not None and not publisher:
        raise ClaimReviewError("claimreview: a publisher URL needs a publisher name")
    page_url = url_base or (_without_fragment(article_url) if article_url else None)
    fallback_date = today or utc_now().date()
    return [
        _review(
            claim,
            article,
            publisher=publisher,
            publisher_url=publisher_url,
            page_url=page_url,
            article_url=article_url,
            today=fallback_date,
        )
        for claim in document.sorted().claims
        if claim.verdict != "pending"
    ]


def missing_for_google(review: dict[str, Any]) -> list[str]:
    """The names in GOOGLE_REQUIRED that ``review`` lacks or leaves empty, in that order."""
    missing = []
    for name in GOOGLE_REQUIRED:
        value: Any = review
        for key in name.split("."):
            value = value.get(key) if isinstance(value, dict) else None
        if not value:
            missing.append(name)
    return missing
