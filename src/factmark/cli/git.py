"""The git commands: ``textconv``, ``git-setup``, ``diff`` and ``merge-driver``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from factmark.cli import EXIT_FINDINGS, EXIT_OK, fail, json_text, one_line

if TYPE_CHECKING:
    from factmark.cli import Commands


def register_textconv(commands: Commands) -> None:
    textconv = commands.add_parser(
        "textconv",
        help="print an annotation file as claim blocks (what git diff compares)",
        description="Print an annotation file as one block per claim, in article order, for "
        "git's textconv (git diff, git log -p, git show). Never fails: a file that cannot be "
        "read as annotations is printed raw under a one-line warning, exit 0.",
    )
    textconv.add_argument("file", metavar="FILE", help="an annotation file")
    textconv.set_defaults(run=run_textconv)


def register_git_setup(commands: Commands) -> None:
    git_setup = commands.add_parser(
        "git-setup",
        help="make git diff and merge annotation files by claim",
        description="Add '**/annotations/*.toml diff=factmark merge=factmark' to the repository's "
        ".gitattributes (once) and register the textconv and merge drivers in the repository's "
        "git config (--global: the user's), with factmark named by absolute path. The driver "
        "commands are never read from a committed file: a repository must not choose commands "
        "to run on a clone, so each clone (or user) runs git-setup itself.",
    )
    git_setup.add_argument(
        "--global",
        dest="use_global",
        action="store_true",
        help="write the drivers to your global git config rather than this repository's",
    )
    git_setup.add_argument(
        "--disable",
        action="store_true",
        help="remove the driver config and the .gitattributes line",
    )
    git_setup.set_defaults(run=run_git_setup)


def register_diff(commands: Commands) -> None:
    diff = commands.add_parser(
        "diff",
        help="claim-level changes between annotation files or git revisions",
        usage="factmark diff [-h] [--format {text,json}] [--exit-code] [A [B]] [PATH ...]",
        description="Claim-level changes: added, removed, and changed claims field by field "
        "(old → new), sources, tags and links. factmark diff OLD NEW compares two files; "
        "factmark diff REV [REV] [PATH...] compares git revisions of annotation files (one "
        "revision: against the working tree); factmark diff [PATH...] compares the working "
        "tree against HEAD. Without files, every changed annotations/*.toml in the repository "
        "(new untracked ones as added).",
        epilog='--format json prints {"files": [{"path", "old", "new", "status", '
        '"header", "claims": {"added", "removed", "changed"}, "links": '
        '{"added", "removed", "changed"}}]}; a changed claim is {"id", "paragraph", '
        '"quote", "fields": {NAME: {"old", "new"}}, "sources": {"added", '
        '"removed"}, "tags": {"added", "removed"}}.',
    )
    diff.add_argument(
        "arguments",
        nargs="*",
        metavar="ARGUMENT",
        help="two files (A B); or up to two revisions, then paths (files or folders)",
    )
    diff.add_argument(
        "--format", choices=("text", "json"), default="text", help="json: the shape below"
    )
    diff.add_argument(
        "--exit-code", action="store_true", help="exit 1 when there are differences, 0 when none"
    )
    diff.set_defaults(run=run_diff)


def register_merge_driver(commands: Commands) -> None:
    driver = commands.add_parser(
        "merge-driver",
        help="what git runs to merge annotation files (set up by git-setup)",
        description="Three-way merge of annotation files by claim and field, as git's merge "
        "driver: factmark merge-driver %O %A %B %L %P. Writes the result to %A; exit 0 "
        "when clean, 1 when conflicted claims are left between markers.",
    )
    driver.add_argument("base", metavar="BASE", help="the common ancestor (%%O)")
    driver.add_argument("ours", metavar="OURS", help="our version, which receives the result (%%A)")
    driver.add_argument("theirs", metavar="THEIRS", help="their version (%%B)")
    driver.add_argument("marker_size", metavar="MARKER_SIZE", nargs="?", type=int, default=7)
    driver.add_argument("path", metavar="PATH", nargs="?", default="", help="the file's name (%%P)")
    driver.set_defaults(run=run_merge_driver)


def run_textconv(args: argparse.Namespace) -> int:
    from factmark.gitio.render import textconv

    # Never an error exit: a failing textconv makes git abort the whole diff.
    output = textconv(Path(args.file))
    sys.stdout.flush()
    sys.stdout.buffer.write(output)
    sys.stdout.buffer.flush()
    return EXIT_OK


def run_git_setup(args: argparse.Namespace) -> int:
    from factmark.gitio.setup import disable, setup

    cwd = Path.cwd()
    report = disable(cwd, args.use_global) if args.disable else setup(cwd, args.use_global)
    for line in report.done:
        print(one_line(line))
    print("to undo:" if not args.disable else "to set it up again:")
    for line in report.undo:
        print(f"  {one_line(line)}")
    return EXIT_OK


def run_diff(args: argparse.Namespace) -> int:
    import os

    from factmark.gitio.diff_render import to_json, to_text, use_colour
    from factmark.gitio.diff_sources import collect

    diffs = collect(args.arguments)
    differences = any(not diff.empty for diff in diffs)
    if args.format == "json":
        sys.stdout.write(json_text(to_json(diffs)))
    else:
        sys.stdout.write(to_text(diffs, use_colour(sys.stdout.isatty(), os.environ)))
    return EXIT_FINDINGS if args.exit_code and differences else EXIT_OK


def run_merge_driver(args: argparse.Namespace) -> int:
    from factmark.gitio.merge_driver import merge_files

    outcome = merge_files(Path(args.base), Path(args.ours), Path(args.theirs), args.marker_size)
    if outcome.message:
        fail(f"{args.path or args.ours}: {outcome.message}")
    return outcome.exit_code
