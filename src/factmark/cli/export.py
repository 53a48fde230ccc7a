"""``factmark export``: the annotations in a standard format."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factmark.cli import EXIT_OK, EXPORT_FORMATS, UsageError, fail, json_text
from factmark.cli.review import TARGET_HELP, found_states, load_target

if TYPE_CHECKING:
    from datetime import date

    from factmark.article import Article
    from factmark.cli import Commands
    from factmark.model import AnnotationFile


def register(commands: Commands) -> None:
    export = commands.add_parser(
        "export",
        help="the annotations in a standard format (W3C, ClaimReview, brat, Markdown, HTML, CSV)",
        description="Write an article's annotations in a standard format, to stdout or to "
        "FILE (written whole or not at all). w3c: a W3C Web Annotation AnnotationCollection, "
        "one annotation per claim (motivation assessing, TextQuoteSelector and "
        "TextPositionSelector in code points) and one per link (motivation linking). "
        "claimreview: a JSON array of schema.org ClaimReview, one per claim with a verdict "
        "(see docs/claimreview.md). brat: a standoff .ann over the article's normalised "
        "text. markdown: the review as a document. html: one self-contained page, the "
        "article with its claims highlighted. csv: one row per claim.",
    )
    export.add_argument("target", nargs="?", metavar="ARTICLE", help=TARGET_HELP)
    export.add_argument(
        "--format", required=True, metavar="FORMAT", help=f"one of: {', '.join(EXPORT_FORMATS)}"
    )
    export.add_argument(
        "-o", "--output", metavar="FILE", help="write here instead of stdout (- is stdout)"
    )
    export.add_argument(
        "--article-uri",
        metavar="IRI",
        help="the article's IRI (w3c: default its file: IRI; claimreview: where the claims "
        "appear, http(s))",
    )
    export.add_argument("--annotations", metavar="FILE", help="use this annotation file")
    export.add_argument(
        "--signed-only",
        action="store_true",
        help="only the claims a second reader signed off (and the links between them): what "
        "may be published",
    )
    claimreview = export.add_argument_group("claimreview")
    claimreview.add_argument("--publisher", metavar="NAME", help="the fact-check's publisher")
    claimreview.add_argument("--publisher-url", metavar="URL", help="the publisher's home page")
    claimreview.add_argument(
        "--url-base",
        metavar="URL",
        help="the page publishing the fact-check (each claim: #claim-ID)",
    )
    export.set_defaults(run=run_export)


def run_export(args: argparse.Namespace) -> int:
    from factmark.store import atomic

    if args.format not in EXPORT_FORMATS:
        raise UsageError(f"unknown format {args.format!r} (one of: {', '.join(EXPORT_FORMATS)})")
    if args.output == "":
        raise UsageError("-o: an empty path (leave -o out to write to stdout)")
    loaded, article, article_path = load_target(args.target, args.annotations)
    document = loaded.document
    if args.signed_only:
        document = document.signed_only()
    text = _exported(args, document, article, article_path)
    if args.output in (None, "-", "/dev/stdout"):  # our own stdout, where the shell sent it
        sys.stdout.write(text)
    else:
        atomic.write_atomic(Path(args.output), text.encode("utf-8"))
    return EXIT_OK


def _exported(
    args: argparse.Namespace, document: AnnotationFile, article: Article, article_path: Path
) -> str:
    """The document in the format asked for, as the text to write."""
    from factmark.export import brat, table

    if args.format == "w3c":
        from factmark.export import w3c

        uri = args.article_uri or Path(article_path).resolve().as_uri()
        return json_text(w3c.export(document, article, uri))
    if args.format == "claimreview":
        from factmark.export import claimreview

        reviews = claimreview.export(
            document, article, publisher=args.publisher, publisher_url=args.publisher_url,
            url_base=args.url_base, article_url=args.article_uri, today=_build_date(),
        )  # fmt: skip
        _warn_for_google(reviews)
        return json_text(reviews)
    if args.format == "brat":
        exported = brat.standoff(document, article)
        if exported.left_out:
            fail(f"brat: {exported.left_out} of {len(document.claims)} claims are not where "
                 "their hints say in the article and were left out (factmark reanchor finds "
                 "them)")  # fmt: skip
        return exported.text
    if args.format == "html":
        from factmark.export import html

        return html.export(document, article, article_path.name)
    if args.format == "markdown":
        from factmark.review import Selection, as_markdown, selected

        states = found_states(document, article)
        claims = selected(document, Selection(), states)
        return as_markdown(document, claims, article_path.name, states)
    return table.export(document)


def _build_date() -> date | None:
    """The date SOURCE_DATE_EPOCH fixes (reproducible output), else None (today)."""
    import os
    from datetime import UTC, datetime

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return None
    try:
        return datetime.fromtimestamp(int(epoch), UTC).date()
    except (ValueError, OverflowError, OSError):
        raise UsageError(f"SOURCE_DATE_EPOCH {epoch!r} is not a count of seconds") from None


def _warn_for_google(reviews: list[dict[str, Any]]) -> None:
    """Say on stderr what Google's fact-check markup requires and the reviews lack."""
    from factmark.export.claimreview import missing_for_google

    hints = {"url": "give --url-base", "author": "give --publisher"}
    missing: dict[str, int] = {}
    for review in reviews:
        for name in missing_for_google(review):
            missing[name] = missing.get(name, 0) + 1
    for name, count in missing.items():
        hint = f" ({hints[name]})" if name in hints else ""
        fail(f"claimreview: {count} of {len(reviews)} reviews lack {name}{hint}")
