"""``factmark check`` and ``factmark fmt``: annotation files validated, and canonical."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from factmark.cli import EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, fail, json_text, one_line

if TYPE_CHECKING:
    from factmark.cli import Commands


def _add_paths(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="annotation files, folders, or articles (default: this folder)",
    )


def register_check(commands: Commands) -> None:
    check = commands.add_parser(
        "check",
        help="validate annotation files and the anchors of their claims",
        description="Validate annotation files and find each claim's quote in its article. "
        "Exit 0 when clean, 1 when problems were found (one per line), 2 when a path "
        "cannot be checked at all.",
    )
    _add_paths(check)
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.set_defaults(run=run_check)


def register_fmt(commands: Commands) -> None:
    fmt = commands.add_parser(
        "fmt",
        help="rewrite annotation files in canonical form",
        description="Rewrite annotation files in canonical form (the same data, the same "
        "bytes). With --check, write nothing: list the files that are not canonical and "
        "exit 1.",
    )
    _add_paths(fmt)
    fmt.add_argument("--check", action="store_true", help="only report; exit 1 if any would change")
    fmt.set_defaults(run=run_fmt)


def run_check(args: argparse.Namespace) -> int:
    from factmark.checking import CheckReport, annotation_files, check_file

    paths = [Path(p) for p in args.paths] or [Path()]
    report = CheckReport([check_file(path) for path in annotation_files(paths)])
    problems = report.problems
    if args.format == "json":
        sys.stdout.write(json_text(report.as_data()))
    else:
        for problem in problems:
            print(one_line(str(problem)))
        print(report.summary())
    return EXIT_FINDINGS if problems else EXIT_OK


def run_fmt(args: argparse.Namespace) -> int:
    from factmark.checking import annotation_files
    from factmark.store import atomic, loading, writer
    from factmark.store.problems import StoreError

    paths = [Path(p) for p in args.paths] or [Path()]
    changed, unchanged, failed = [], 0, False
    for path in annotation_files(paths):
        try:
            data, _ = atomic.read_bytes(path)
            document = loading.parse(data, path)
        except StoreError as error:
            fail(str(error))
            failed = True
            continue
        if writer.is_canonical(data, document):
            unchanged += 1
            continue
        changed.append(path)
        if args.check:
            print(f"would reformat: {one_line(str(path))}")
        else:
            writer.save(document, path)
    if failed:
        return EXIT_UNUSABLE  # the one-line error said it; a summary would be a second line
    verb = "would be reformatted" if args.check else "reformatted"
    done = len(changed)
    print(
        f"{done} file{'s' * (done != 1)} {verb}, {unchanged} file{'s' * (unchanged != 1)} "
        "already canonical",
        file=sys.stderr,
    )
    return EXIT_FINDINGS if args.check and changed else EXIT_OK
