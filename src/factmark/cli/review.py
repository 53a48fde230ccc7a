"""``factmark review``, and finding the article and annotations a command works on."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from factmark.cli import EXIT_OK, UsageError, json_text
from factmark.vocabulary import CONFIDENCES, VERDICTS, AnchorState

if TYPE_CHECKING:
    from factmark.article import Article
    from factmark.cli import Commands
    from factmark.model import AnnotationFile
    from factmark.store.loading import Loaded

TARGET_HELP = (
    "an article or its annotation file (default: the one here: the one article of this "
    "folder with annotations, or the one file of the nearest annotations/ folder)"
)


def register(commands: Commands) -> None:
    review = commands.add_parser(
        "review",
        help="print the saved annotations: claims, verdicts, sources, contradictions",
        description="Print an article's fact-check: claims in article order with verdict, "
        "confidence, sources and links, and its contradictions. json is a stable shape "
        "(docs/review.schema.json).",
    )
    review.add_argument("target", nargs="?", metavar="ARTICLE", help=TARGET_HELP)
    review.add_argument("--format", choices=("table", "markdown", "json"), default="table")
    review.add_argument("--verdict", action="append", choices=VERDICTS)
    review.add_argument("--confidence", action="append", choices=CONFIDENCES)
    review.add_argument("--contradictions", action="store_true", help="only contradicted claims")
    review.add_argument(
        "--missing-sources", action="store_true", help="only claims without a source"
    )
    review.add_argument(
        "--unresolved", action="store_true", help="only claims changed or orphaned in the article"
    )
    review.add_argument(
        "--awaiting-sign-off", action="store_true", help="only claims not signed off yet"
    )
    review.add_argument("--annotations", metavar="FILE", help="use this annotation file")
    review.set_defaults(run=run_review)


def load_target(target: str | None, annotations: str | None) -> tuple[Loaded, Article, Path]:
    """An article or its annotation file (by default the obvious one here), loaded: the
    annotations, the article and its path."""
    from factmark import targets
    from factmark.store import loading

    found = targets.resolve(
        Path(target) if target is not None else targets.obvious(Path.cwd()), annotations
    )
    if found.loaded is not None:
        return found.loaded, found.article, found.article_path
    if not found.annotation_path.exists():
        raise UsageError(
            f"{found.article_path}: no annotation file (looked for {found.annotation_path})"
        )
    return loading.load(found.annotation_path), found.article, found.article_path


def found_states(document: AnnotationFile, article: Article) -> dict[str, AnchorState]:
    """Where each claim is found in the article as it is now: anchored, moved, changed
    or orphan."""
    from factmark.anchor import locate_all

    anchors = locate_all(document, article, fuzzy=True)
    return {claim_id: anchor.state for claim_id, anchor in anchors.items()}


def run_review(args: argparse.Namespace) -> int:
    from factmark.review import Selection, as_data, as_markdown, selected

    loaded, article, article_path = load_target(args.target, args.annotations)
    document = loaded.document
    states = found_states(document, article)
    choice = Selection(
        frozenset(args.verdict or ()), frozenset(args.confidence or ()),
        args.contradictions, args.missing_sources, args.unresolved, args.awaiting_sign_off,
    )  # fmt: skip
    claims = selected(document, choice, states)
    if args.format == "json":
        sys.stdout.write(json_text(as_data(document, claims, states)))
    elif args.format == "markdown":
        sys.stdout.write(as_markdown(document, claims, article_path.name, states))
    else:
        from factmark.review_table import print_table

        print_table(document, claims, article_path.name, states)
    return EXIT_OK
