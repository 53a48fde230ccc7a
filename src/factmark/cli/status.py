"""``factmark status``: where every fact-check of the desk stands."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from factmark.cli import EXIT_OK, UsageError, json_text

if TYPE_CHECKING:
    from factmark.cli import Commands


def register(commands: Commands) -> None:
    status = commands.add_parser(
        "status",
        help="every article's fact-check: claims, pending, sources, sign-offs, ready",
        description="List every article that has an annotation file, and every article "
        "under seeds/ (or in the folders given) that has none yet, with its claims, "
        "pending verdicts, claims without a source, contradictions, claims changed or "
        "orphaned, sign-offs, whether it is ready to publish, and its last update. The "
        "articles that need work come first. json is a stable shape (docs/desk.md).",
    )
    status.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="folders to look in (default: the repository, or this folder outside git)",
    )
    status.add_argument("--format", choices=("text", "json"), default="text")
    status.set_defaults(run=run_status)


def run_status(args: argparse.Namespace) -> int:
    from factmark.desk.status import default_folders, desk_status

    folders = [Path(p) for p in args.paths] or default_folders(Path.cwd())
    for folder in folders:
        if not folder.is_dir():
            raise UsageError(f"{folder}: not a folder")
    statuses = desk_status(folders)
    if args.format == "json":
        here = Path.cwd()
        sys.stdout.write(json_text({"articles": [s.as_data(here) for s in statuses]}))
        return EXIT_OK
    if not statuses:
        where = ", ".join("this folder" if str(f) == "." else str(f) for f in folders)
        print(f"No articles and no annotation files in {where}.")
        return EXIT_OK
    from factmark.desk.status_table import print_status

    print_status(statuses, Path.cwd())
    return EXIT_OK
