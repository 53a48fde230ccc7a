"""The ``factmark`` command line.

Only ``annotate`` imports Textual, and only when it runs: every other command
starts fast and works without a terminal.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from factmark import __version__
from factmark.config import DEFAULT_THEME, THEMES
from factmark.errors import FactmarkError

if TYPE_CHECKING:
    from datetime import date

    from factmark.article import Article
    from factmark.model import AnnotationFile, Claim
    from factmark.store.loading import Loaded

# The commands import what they use when they run: `factmark annotate` paints
# its first screen before pydantic is even loaded, and `--help` is instant.

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2
VERDICT_CHOICES = ("pending", "accurate", "mostly-accurate", "disputed", "misleading",
                   "inaccurate", "unverifiable")  # fmt: skip
CONFIDENCE_CHOICES = ("unrated", "low", "medium", "high")

Command = Callable[[argparse.Namespace], int]


class UsageError(FactmarkError):
    """Input a command cannot use: printed as one line, exit 2."""


# Messages quote paths and the file's own values: untrusted text that may hold a
# newline (a second line) or an escape sequence (which the terminal would obey).


def one_line(text: str) -> str:
    """Text as one printable line: control and invisible characters as escapes."""
    from factmark.visible import UNSAFE

    return UNSAFE.sub(lambda match: match.group().encode("unicode_escape").decode(), text)


def fail(message: str) -> None:
    print(f"factmark: {one_line(message)}", file=sys.stderr)


# --- check -----------------------------------------------------------------


def run_check(args: argparse.Namespace) -> int:
    from factmark.checking import annotation_files, check_file

    paths = [Path(p) for p in args.paths] or [Path()]
    reports = [check_file(path) for path in annotation_files(paths)]
    problems = [problem for report in reports for problem in report.problems]
    if args.format == "json":
        json.dump(
            {
                "files": [
                    {
                        "path": str(report.path),
                        "claims": report.claims,
                        "problems": [
                            {
                                "line": p.line,
                                "column": p.column,
                                "claim": p.claim,
                                "key": p.key,
                                "message": p.message,
                                "text": str(p),
                            }
                            for p in report.problems
                        ],
                    }
                    for report in reports
                ],
                "problems": len(problems),
            },
            sys.stdout,
            indent=2,
            ensure_ascii=False,
        )
        print()
    else:
        for problem in problems:
            print(one_line(str(problem)))
        files = len(reports)
        claims = sum(report.claims for report in reports)
        summary = f"{files} file{'s' * (files != 1)}, {claims} claim{'s' * (claims != 1)}"
        if problems:
            print(f"{len(problems)} problem{'s' * (len(problems) != 1)} ({summary})")
        else:
            print(f"all clean ({summary})")
    return EXIT_FINDINGS if problems else EXIT_OK


# --- fmt -------------------------------------------------------------------


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


# --- textconv, git-setup, diff (git) --------------------------------------


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

    from factmark.gitio.diff import collect, to_json, to_text, use_colour

    diffs = collect(args.arguments)
    differences = any(not diff.empty for diff in diffs)
    if args.format == "json":
        json.dump(to_json(diffs), sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        sys.stdout.write(to_text(diffs, use_colour(sys.stdout.isatty(), os.environ)))
    return EXIT_FINDINGS if args.exit_code and differences else EXIT_OK


# --- export ----------------------------------------------------------------

EXPORT_FORMATS = ("w3c", "claimreview", "brat", "markdown", "html", "csv")
TARGET_HELP = (
    "an article or its annotation file (default: the one here: the one article of this "
    "folder with annotations, or the one file of the nearest annotations/ folder)"
)


def _load_target(target: str | None, annotations: str | None) -> tuple[Loaded, Article, Path]:
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


def run_export(args: argparse.Namespace) -> int:
    from factmark.store import atomic

    if args.format not in EXPORT_FORMATS:
        raise UsageError(f"unknown format {args.format!r} (one of: {', '.join(EXPORT_FORMATS)})")
    if args.output == "":
        raise UsageError("-o: an empty path (leave -o out to write to stdout)")
    loaded, article, article_path = _load_target(args.target, args.annotations)
    text = _exported(args, loaded.document, article, article_path)
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
        return _json(w3c.export(document, article, uri))
    if args.format == "claimreview":
        from factmark.export import claimreview

        reviews = claimreview.export(
            document, article, publisher=args.publisher, publisher_url=args.publisher_url,
            url_base=args.url_base, article_url=args.article_uri, today=_build_date(),
        )  # fmt: skip
        _warn_for_google(reviews)
        return _json(reviews)
    if args.format == "brat":
        from factmark.anchor import offset_at_hint

        left_out = sum(offset_at_hint(claim, article) is None for claim in document.claims)
        if left_out:
            fail(f"brat: {left_out} of {len(document.claims)} claims are not where their hints "
                 "say in the article and were left out (factmark reanchor finds them)")  # fmt: skip
        return brat.export(document, article)
    if args.format == "html":
        from factmark.export import html

        return html.export(document, article, article_path.name)
    if args.format == "markdown":
        from factmark.review import Selection, as_markdown, selected

        states = _found(document, article)
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


def _json(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


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


# --- review ----------------------------------------------------------------


def run_review(args: argparse.Namespace) -> int:
    from factmark.review import Selection, as_data, as_markdown, selected

    loaded, article, article_path = _load_target(args.target, args.annotations)
    document = loaded.document
    states = _found(document, article)
    choice = Selection(
        frozenset(args.verdict or ()), frozenset(args.confidence or ()),
        args.contradictions, args.missing_sources, args.unresolved,
    )  # fmt: skip
    claims = selected(document, choice, states)
    if args.format == "json":
        print(json.dumps(as_data(document, claims, states), indent=2, ensure_ascii=False))
    elif args.format == "markdown":
        sys.stdout.write(as_markdown(document, claims, article_path.name, states))
    else:
        _review_table(document, claims, article_path.name, states)
    return EXIT_OK


def _found(document: AnnotationFile, article: Article) -> dict[str, str]:
    """Where each claim is found in the article as it is now (DESIGN §5's states)."""
    from factmark.anchor import locate_all

    anchors = locate_all(document, article, fuzzy=True)
    return {claim_id: anchor.state.value for claim_id, anchor in anchors.items()}


def _review_table(
    document: AnnotationFile, claims: list[Claim], title: str, states: dict[str, str]
) -> None:
    """Claims as a table fitted to the terminal; plain text when piped or with NO_COLOR."""
    import os

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from factmark.gitio.render import PASSIVE, shorten
    from factmark.review import contradicted, contradictions, counted, shown_of
    from factmark.visible import CONTRADICTED_SYMBOL, VERDICT_SYMBOLS

    console = Console(no_color=bool(os.environ.get("NO_COLOR")), highlight=False)
    shown = shown_of(len(claims), len(document.claims))
    table = Table(title=Text(f"Fact-check: {one_line(title)} · {shown}"), expand=False)
    table.add_column("¶", justify="right", no_wrap=True)
    table.add_column("verdict", no_wrap=True)
    table.add_column("conf.", no_wrap=True)
    table.add_column("quote", overflow="fold", ratio=3)
    table.add_column("src", justify="right", no_wrap=True)
    table.add_column("links", overflow="fold", ratio=1)
    ends = contradicted(document)
    paragraphs = {claim.id: claim.paragraph for claim in document.claims}
    quotes = {claim.id: claim.quote for claim in document.claims}
    for claim in claims:
        symbol = CONTRADICTED_SYMBOL if claim.id in ends else VERDICT_SYMBOLS[claim.verdict]
        verdict = Text(f"{symbol} {claim.verdict}")
        state = states.get(claim.id, "anchored")
        if state in ("changed", "orphan"):
            verdict.append(f"\n⚠ {state}", style="bold")
        links = []
        for link in document.links_of(claim.id):
            other = link.other(claim.id)
            verb = link.kind if link.symmetric or link.source == claim.id else PASSIVE[link.kind]
            links.append(f"{verb} ¶{paragraphs.get(other) or '?'} “{shorten(quotes[other], 24)}”")
        table.add_row(
            Text(str(claim.paragraph or "?")), verdict, Text(claim.confidence),
            Text(one_line(" ".join(claim.quote.split()))), Text(str(len(claim.sources))),
            Text("; ".join(links)),
        )  # fmt: skip
    console.print(table)
    if not claims:
        console.print(Text("No claims match.", style="italic"))
    found = contradictions(document, (claim.id for claim in claims))
    if found:
        console.print(Text(f"\n{counted(len(found), 'contradiction')}", style="bold"))
        for item in found:
            first, second = (paragraphs[item[end]] or "?" for end in ("from", "to"))
            line = Text(f"¶{first} “{one_line(item['from_quote'])}”")
            line.append(f"\n   ≠ ¶{second} “{one_line(item['to_quote'])}”")
            console.print(line)


# --- merge-driver ----------------------------------------------------------


def run_merge_driver(args: argparse.Namespace) -> int:
    from factmark.gitio.merge_driver import merge_files

    outcome = merge_files(Path(args.base), Path(args.ours), Path(args.theirs), args.marker_size)
    if outcome.message:
        fail(f"{args.path or args.ours}: {outcome.message}")
    return outcome.exit_code


# --- reanchor --------------------------------------------------------------


def run_reanchor(args: argparse.Namespace) -> int:
    from factmark import targets
    from factmark.anchor import AnchorState, locate_all, refresh
    from factmark.store import loading, writer

    found = targets.resolve(Path(args.article), args.annotations)
    article, path = found.article, found.annotation_path
    if path.is_dir():
        raise UsageError(f"{path}: is a directory, not an annotation file")
    if not path.exists():
        raise UsageError(f"{path}: no annotation file for {args.article}")
    document = (found.loaded or loading.load(path)).document
    anchors = locate_all(document, article, fuzzy=True)
    rows = []
    for claim in document.claims:
        anchor = anchors[claim.id]
        rows.append(
            {
                "id": claim.id,
                "state": str(anchor.state),
                "paragraph": anchor.paragraph,
                "start": anchor.start,
                "quote": claim.quote,
                "found": anchor.found,
            }
        )
    if args.format == "json":
        json.dump({"claims": rows}, sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        for row in rows:
            where = f"¶{row['paragraph']}:{row['start']}" if row["paragraph"] is not None else "-"
            line = f"{row['id']}  {row['state']:<8}  {where}  {row['quote']!r}"
            if row["state"] == AnchorState.CHANGED:
                line += f" -> {row['found']!r}"
            print(one_line(line))
    if not args.dry_run:
        writer.save(refresh(document, article, anchors), path)
    untrusted = sum(not anchor.state.trusted for anchor in anchors.values())
    counts = dict.fromkeys(AnchorState, 0)
    for anchor in anchors.values():
        counts[anchor.state] += 1
    summary = ", ".join(f"{counts[state]} {state}" for state in AnchorState)
    verb = "would save" if args.dry_run else "saved"
    print(f"{len(anchors)} claims: {summary} ({verb} {one_line(str(path))})", file=sys.stderr)
    return EXIT_FINDINGS if untrusted else EXIT_OK


# --- annotate --------------------------------------------------------------


def run_annotate(args: argparse.Namespace) -> int:
    from factmark import targets

    found = targets.resolve(Path(args.article), args.annotations)
    article, path = found.article, found.annotation_path
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        raise UsageError(f"{args.article}: annotate needs a terminal (stdin and stdout a TTY)")
    if path.is_dir():
        raise UsageError(f"{path}: is a directory, not an annotation file")
    from factmark import config

    settings = config.config_path()
    theme, warning = config.startup_theme(args.theme, settings)
    if warning:
        fail(warning)
    from factmark.tui.app import FactmarkApp  # Textual is loaded only for the TUI

    app = FactmarkApp(article, path, freeze_heap=True, theme=theme, settings=settings)
    app.run()
    return app.return_code or 0


# --- parser ----------------------------------------------------------------


class Parser(argparse.ArgumentParser):
    """factmark's parsers: usage errors are one line, exit 2, like every other error.

    The top-level parser also knows its command names, for ``factmark ARTICLE``.
    """

    command_names: frozenset[str] = frozenset()

    def error(self, message: str) -> NoReturn:
        fail(f"{self.prog.removeprefix('factmark ') or 'factmark'}: {message} "
             f"(see {self.prog} --help)")  # fmt: skip
        raise SystemExit(EXIT_UNUSABLE)


class _Help(argparse.HelpFormatter):
    """Help that breaks lines at spaces only: a theme's name stays on one line."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        import textwrap

        return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False)


def _add_paths(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="annotation files, folders, or articles (default: this folder)",
    )


def build_parser() -> Parser:
    parser = Parser(
        prog="factmark",
        description="Fact-check annotation for editors: mark an article's claims, "
        "record sources and verdicts, keep them in git.",
        epilog="factmark ARTICLE is short for factmark annotate ARTICLE.",
    )
    parser.add_argument("--version", action="version", version=f"factmark {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    annotate = commands.add_parser(
        "annotate",
        help="open an article in the terminal and annotate its claims",
        description="Open the article in factmark's terminal editor. The annotation file is "
        "found (annotations/<stem>.toml in the nearest folder that has one) or created on "
        "first save.",
        formatter_class=_Help,
    )
    annotate.add_argument(
        "article",
        metavar="ARTICLE",
        help="a plain-text or Markdown article, or its annotation file",
    )
    annotate.add_argument("--annotations", metavar="FILE", help="use this annotation file")
    annotate.add_argument(
        "--theme",
        metavar="NAME",
        choices=THEMES,
        help=f"colours: {', '.join(THEMES)} (default {DEFAULT_THEME}; ctrl+p in the editor "
        "changes it too; the last one chosen is remembered)",
    )
    annotate.set_defaults(run=run_annotate)

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

    textconv = commands.add_parser(
        "textconv",
        help="print an annotation file as claim blocks (what git diff compares)",
        description="Print an annotation file as one block per claim, in article order, for "
        "git's textconv (git diff, git log -p, git show). Never fails: a file that cannot be "
        "read as annotations is printed raw under a one-line warning, exit 0.",
    )
    textconv.add_argument("file", metavar="FILE", help="an annotation file")
    textconv.set_defaults(run=run_textconv)

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

    review = commands.add_parser(
        "review",
        help="print the saved annotations: claims, verdicts, sources, contradictions",
        description="Print an article's fact-check: claims in article order with verdict, "
        "confidence, sources and links, and its contradictions. json is a stable shape "
        "(docs/review.schema.json).",
    )
    review.add_argument("target", nargs="?", metavar="ARTICLE", help=TARGET_HELP)
    review.add_argument("--format", choices=("table", "markdown", "json"), default="table")
    review.add_argument("--verdict", action="append", choices=VERDICT_CHOICES)
    review.add_argument("--confidence", action="append", choices=CONFIDENCE_CHOICES)
    review.add_argument("--contradictions", action="store_true", help="only contradicted claims")
    review.add_argument(
        "--missing-sources", action="store_true", help="only claims without a source"
    )
    review.add_argument(
        "--unresolved", action="store_true", help="only claims changed or orphaned in the article"
    )
    review.add_argument("--annotations", metavar="FILE", help="use this annotation file")
    review.set_defaults(run=run_review)

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
    claimreview = export.add_argument_group("claimreview")
    claimreview.add_argument("--publisher", metavar="NAME", help="the fact-check's publisher")
    claimreview.add_argument("--publisher-url", metavar="URL", help="the publisher's home page")
    claimreview.add_argument(
        "--url-base",
        metavar="URL",
        help="the page publishing the fact-check (each claim: #claim-ID)",
    )
    export.set_defaults(run=run_export)

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

    parser.command_names = frozenset(commands.choices)
    return parser


def _with_default_command(argv: Sequence[str], parser: Parser) -> list[str]:
    """``factmark ARTICLE`` means ``factmark annotate ARTICLE``."""
    argv = list(argv)
    if argv and not argv[0].startswith("-") and argv[0] not in parser.command_names:
        return ["annotate", *argv]
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(_with_default_command(sys.argv[1:] if argv is None else argv, parser))
    run: Command | None = getattr(args, "run", None)
    if run is None:
        parser.print_help()
        return EXIT_UNUSABLE
    try:
        return run(args)
    except FactmarkError as error:
        fail(str(error))
        return EXIT_UNUSABLE
    except BrokenPipeError:
        return EXIT_OK
    except OSError as error:  # e.g. a folder that cannot be written to
        where = f"{error.filename}: " if error.filename else ""
        fail(f"{where}{error.strerror or error}")
        return EXIT_UNUSABLE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
