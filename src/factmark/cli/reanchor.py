"""``factmark reanchor``: every claim found again in the article as it is now."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from factmark.cli import EXIT_FINDINGS, EXIT_OK, UsageError, json_text, one_line

if TYPE_CHECKING:
    from factmark.cli import Commands


def register(commands: Commands) -> None:
    reanchor = commands.add_parser(
        "reanchor",
        help="find every claim again in the article as it is now, and save fresh hints",
        description="Re-anchor every claim of the article's annotation file against the "
        "article as it is now: anchored (where the hints say), moved (the exact quote "
        "elsewhere), changed (only a fuzzy match: the text there differs), or orphan. "
        "Without --dry-run, saves fresh hints for anchored and moved claims and records the "
        "state of changed and orphaned ones (every claim is kept). Exit 0 when every claim is "
        "anchored or moved, 1 when any is changed or orphaned, 2 on unusable input.",
        epilog='--format json prints {"claims": [{"id", "state", "paragraph", "start", '
        '"quote", "found"}]}; paragraph, start and found are null for an orphan.',
    )
    reanchor.add_argument(
        "article", metavar="ARTICLE", help="the article as it is now, or its annotation file"
    )
    reanchor.add_argument("--annotations", metavar="FILE", help="use this annotation file")
    reanchor.add_argument("--dry-run", action="store_true", help="report only; write nothing")
    reanchor.add_argument("--format", choices=("text", "json"), default="text")
    reanchor.set_defaults(run=run_reanchor)


def run_reanchor(args: argparse.Namespace) -> int:
    from factmark import targets
    from factmark.anchor import refresh
    from factmark.reanchoring import ReanchorReport
    from factmark.store import loading, writer

    found = targets.resolve(Path(args.article), args.annotations)
    article, path = found.article, found.annotation_path
    if path.is_dir():
        raise UsageError(f"{path}: is a directory, not an annotation file")
    if not path.exists():
        raise UsageError(f"{path}: no annotation file for {args.article}")
    document = (found.loaded or loading.load(path)).document
    report = ReanchorReport.of(document, article)
    if args.format == "json":
        sys.stdout.write(json_text(report.as_data()))
    else:
        for line in report.lines():
            print(one_line(line))
    if not args.dry_run:
        writer.save(refresh(document, article, report.anchors), path)
    verb = "would save" if args.dry_run else "saved"
    print(f"{report.summary()} ({verb} {one_line(str(path))})", file=sys.stderr)
    return EXIT_FINDINGS if report.untrusted else EXIT_OK
