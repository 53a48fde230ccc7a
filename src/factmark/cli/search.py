"""``factmark search``: claims across every annotation file of the repository."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from factmark.cli import EXIT_FINDINGS, EXIT_OK, UsageError, json_text
from factmark.vocabulary import VERDICTS

if TYPE_CHECKING:
    from factmark.cli import Commands
    from factmark.desk.matches import Match

TOP = 10


def register(commands: Commands) -> None:
    search = commands.add_parser(
        "search",
        help="find claims across every annotation file of the repository",
        description="Find claims across the archive: every annotations/*.toml of the work "
        "tree (or of this folder outside git). QUERY finds the claims that hold all its words "
        "and figures (in the quote, note, tags or sources; 1,212 and 1212 are one figure; a "
        "source's address works too), best first. --like TEXT ranks the claims by how likely "
        "each already checks what TEXT says. Exit 0 when something is found, 1 when nothing is.",
        epilog='--format json prints {"results": [{"annotations", "article", "id", "quote", '
        '"verdict", "paragraph", "score", "author", "updated"}]}, best first; paths are '
        "relative to the current folder. The index is a cache in git's folder: safe to delete.",
    )
    search.add_argument("query", nargs="?", metavar="QUERY", help="words, figures or an address")
    search.add_argument("--like", metavar="TEXT", help="a statement: the claims that check it")
    search.add_argument("--verdict", choices=VERDICTS, help="only claims with this verdict")
    search.add_argument("--tag", help="only claims with this tag")
    search.add_argument(
        "--top", type=_count, default=None, metavar="N",
        help=f"at most N claims (default: all for QUERY, {TOP} for --like)",
    )  # fmt: skip
    search.add_argument("--format", choices=("text", "json"), default="text")
    search.set_defaults(run=run_search)


def _count(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"not a number of claims: {value!r}")
    return int(value)


def run_search(args: argparse.Namespace) -> int:
    from factmark.desk.archive import archive_root

    if args.like is not None and args.query is not None:
        raise UsageError("search: give QUERY or --like TEXT, not both")
    if args.like is not None and not args.like.strip():
        raise UsageError("search: --like needs a statement")
    if args.like is None and args.query is None and args.verdict is None and args.tag is None:
        raise UsageError("search: give QUERY, --like TEXT, --verdict or --tag")
    here = Path.cwd()
    root = archive_root(here)
    if args.like is not None:
        from factmark.desk.likeness import checked_before

        matches = checked_before(args.like, root, top=args.top or TOP)
    else:
        from factmark.desk.search import find

        matches = find(args.query or "", root, verdict=args.verdict, tag=args.tag, top=args.top)
    _print(matches, here, args.format)
    return EXIT_OK if matches else EXIT_FINDINGS


def _print(matches: list[Match], here: Path, form: str) -> None:
    from factmark.desk import matches as report

    if form == "json":
        sys.stdout.write(json_text(report.as_data(matches, here)))
        return
    import shutil

    width = shutil.get_terminal_size().columns if sys.stdout.isatty() else 10_000
    for line in report.lines(matches, here, width):
        print(line)
    if not matches and sys.stdout.isatty():  # piped, nothing found is exit 1, as for grep
        print("No claim matches.", file=sys.stderr)
