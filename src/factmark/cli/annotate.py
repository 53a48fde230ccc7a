"""``factmark annotate`` (and ``factmark ARTICLE``): the terminal editor."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from factmark.cli import UsageError, fail
from factmark.themes import DEFAULT_THEME, THEMES

if TYPE_CHECKING:
    from factmark.cli import Commands


class _Help(argparse.HelpFormatter):
    """Help that breaks lines at spaces only: a theme's name stays on one line."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        import textwrap

        return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False)


def register(commands: Commands) -> None:
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


def run_desk(args: argparse.Namespace) -> int:
    """``factmark`` with no argument: the desk screen, in a repository or a folder that has
    annotations/ or seeds/ (docs/desk.md); elsewhere one line, exit 2."""
    from factmark.desk.status import SEEDS_DIR, default_folders
    from factmark.paths import ANNOTATIONS_DIR, git_root

    here = Path.cwd()
    if git_root(here) is None and not any(
        (here / d).is_dir() for d in (ANNOTATIONS_DIR, SEEDS_DIR)
    ):
        raise UsageError(
            f"{here}: no repository and no articles here: name one (factmark ARTICLE), "
            "or see factmark --help"
        )
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        raise UsageError(f"{here}: the desk needs a terminal (stdin and stdout a TTY)")
    from factmark import config

    settings = config.config_path()
    theme, warning = config.startup_theme(None, settings)
    if warning:
        fail(warning)
    from factmark.tui.desk_app import DeskApp  # Textual is loaded only for the TUI

    app = DeskApp(
        default_folders(here), here, freeze_heap=True, theme=theme, settings=settings, suggest=True
    )
    app.run()
    return app.return_code or 0


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

    app = FactmarkApp(article, path, freeze_heap=True, theme=theme, settings=settings, suggest=True)
    app.run()
    return app.return_code or 0
