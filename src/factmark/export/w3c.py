"""The W3C Web Annotation Data Model: one annotation per claim, one per link.

Each claim becomes an annotation with motivation ``assessing`` whose target is
the article, selected by a TextQuoteSelector (exact, prefix, suffix) and a
TextPositionSelector (code points of the article's normalised text, end
exclusive). Its bodies carry the verdict and confidence (purpose
``assessing``), the note (``commenting``), the tags (``tagging``) and the
sources (``linking``). Each link becomes an annotation with motivation
``linking`` from one claim's annotation to the other's, its kind as a
``classifying`` body. Everything is collected in an AnnotationCollection.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import quote

from factmark.anchor import offset_at_hint
from factmark.article import Article
from factmark.model import AnnotationFile, Claim, Link, Source, format_timestamp

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
GENERATOR = {"id": "https://pypi.org/project/factmark/", "type": "Software", "name": "factmark"}


def _time(value: datetime | None) -> str | None:
    return format_timestamp(value) if value is not None else None


def annotation_id(article_uri: str, claim_id: str) -> str:
    return f"{article_uri}#factmark-claim-{claim_id}"


def _source_body(source: Source) -> dict[str, Any]:
    parts = (source.stance or "", source.title, source.citation)
    label = " · ".join(part for part in parts if part)
    if source.url:
        resource: dict[str, Any] = {"id": source.url}
        if label:
            resource["title"] = label
        body: dict[str, Any] = {
            "type": "SpecificResource",
            "source": resource,
            "purpose": "linking",
        }
    else:
        body = {"type": "TextualBody", "value": label, "format": "text/plain", "purpose": "linking"}
    return body


def _claim_annotation(claim: Claim, article: Article | None, article_uri: str) -> dict[str, Any]:
    bodies: list[dict[str, Any]] = [
        {"type": "TextualBody", "value": claim.verdict, "format": "text/plain",
         "purpose": "assessing"},
        {"type": "TextualBody", "value": f"confidence: {claim.confidence}",
         "format": "text/plain", "purpose": "assessing"},
    ]  # fmt: skip
    if claim.note:
        bodies.append(
            {"type": "TextualBody", "value": claim.note, "format": "text/plain",
             "purpose": "commenting"}
        )  # fmt: skip
    bodies += [{"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in claim.tags]
    bodies += [_source_body(source) for source in claim.sources]
    selectors: list[dict[str, Any]] = [{"type": "TextQuoteSelector", "exact": claim.quote}]
    if claim.prefix:
        selectors[0]["prefix"] = claim.prefix
    if claim.suffix:
        selectors[0]["suffix"] = claim.suffix
    start = offset_at_hint(claim, article) if article is not None else None
    if start is not None:
        selectors.append(
            {"type": "TextPositionSelector", "start": start, "end": start + len(claim.quote)}
        )
    annotation: dict[str, Any] = {
        "@context": CONTEXT,
        "id": annotation_id(article_uri, claim.id),
        "type": "Annotation",
        "motivation": "assessing",
        "body": bodies,
        "target": {"source": article_uri, "selector": selectors},
        "generator": GENERATOR,
    }
    if claim.author:
        annotation["creator"] = {"type": "Person", "name": claim.author}
    if claim.created:
        annotation["created"] = _time(claim.created)
    if claim.updated:
        annotation["modified"] = _time(claim.updated)
    return annotation


def _link_annotation(link: Link, article_uri: str) -> dict[str, Any]:
    other: dict[str, Any] = (
        {"type": "TextualBody", "value": link.target, "purpose": "linking"}  # another article
        if link.cross_file
        else {"id": annotation_id(article_uri, link.target)}
    )
    bodies: list[dict[str, Any]] = [
        other,
        {"type": "TextualBody", "value": link.kind, "purpose": "classifying"},
    ]
    if link.note:
        bodies.append({"type": "TextualBody", "value": link.note, "purpose": "commenting"})
    target = quote(link.target, safe="")  # a claim of another file: its path and # escaped
    return {
        "@context": CONTEXT,
        "id": f"{article_uri}#factmark-link-{link.source}-{link.kind}-{target}",
        "type": "Annotation",
        "motivation": "linking",
        "body": bodies,
        "target": annotation_id(article_uri, link.source),
        "generator": GENERATOR,
    }


def export(document: AnnotationFile, article: Article | None, article_uri: str) -> dict[str, Any]:
    """An AnnotationCollection of every claim and link of the document."""
    document = document.sorted()
    items = [_claim_annotation(claim, article, article_uri) for claim in document.claims]
    items += [_link_annotation(link, article_uri) for link in document.links]
    for item in items:
        del item["@context"]  # the collection's context covers its items
    return {
        "@context": CONTEXT,
        "id": f"{article_uri}#factmark",
        "type": "AnnotationCollection",
        "label": f"factmark fact-check of {article_uri}",
        "total": len(items),
        "first": {
            "id": f"{article_uri}#factmark-page-1",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    }
