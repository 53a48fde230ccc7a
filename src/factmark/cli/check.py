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
    check.add_argument(
        "--ready",
        action="store_true",
        help="the publication gate: exit 1, one line per claim, unless every claim has a "
        "verdict, a source and a sign-off, and the article still holds its quote",
    )
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
    if args.ready:
        return run_gate(list(annotation_files(paths)), args.format)
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


def run_gate(files: list[Path], format: str) -> int:
    """``check --ready``: every claim that may not be published yet, and why."""
    from factmark.desk.status import annotation_status
    from factmark.gitio.render import shorten
    from factmark.visible import counted

    statuses = [annotation_status(path) for path in files]
    unreadable = [status for status in statuses if status.problem is not None]
    stopped = [item for status in statuses for item in status.not_ready]
    if format == "json":
        sys.stdout.write(json_text({
            "ready": not unreadable and not stopped,
            "not_ready": [
                {"annotations": str(item.annotations), "id": item.claim.id,
                 "quote": item.claim.quote, "reasons": item.reasons}
                for item in stopped
            ],
            "problems": [str(status.problem) for status in unreadable],
        }))  # fmt: skip
    else:
        for status in unreadable:
            print(one_line(f"{status.problem} (not ready: run factmark check)"))
        for item in stopped:
            quote = shorten(" ".join(item.claim.quote.split()), 40)
            print(one_line(f"{item.annotations}: claim {item.claim.id} “{quote}”: "
                           f"not ready: {', '.join(item.reasons)}"))  # fmt: skip
        claims = sum(status.claims for status in statuses)
        counts = f"{counted(len(statuses), 'file')}, {counted(claims, 'claim')}"
        verdict = f"{counted(len(stopped), 'claim')} not ready" if stopped else "all ready"
        print(f"{verdict} ({counts})" if not unreadable else f"not ready ({counts})")
    return EXIT_FINDINGS if unreadable or stopped else EXIT_OK
