"""The ``factmark`` command line.

One module per command family registers its commands' arguments and runs
them. Only ``annotate`` imports Textual, and only when it runs: every other
command starts fast and works without a terminal.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NoReturn

from factmark import __version__
from factmark.errors import FactmarkError

if TYPE_CHECKING:
    Commands = argparse._SubParsersAction["Parser"]

# The commands import what they use when they run: `factmark annotate` paints
# its first screen before pydantic is even loaded, and `--help` is instant.

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2
EXPORT_FORMATS = ("w3c", "claimreview", "brat", "markdown", "html", "csv")

Command = Callable[[argparse.Namespace], int]


class UsageError(FactmarkError):
    """Input a command cannot use: printed as one line, exit 2."""


# Messages quote paths and the file's own values: untrusted text that may hold a
# newline (a second line) or an escape sequence (which the terminal would obey).


def one_line(text: str) -> str:
    """Text as one printable line: control and invisible characters as escapes."""
    from factmark.visible import one_line as printable

    return printable(text)


def json_text(data: object) -> str:
    """What a command writes as JSON: indented, non-ASCII characters as they are, a newline."""
    import json  # only for --format json: --help and plain output start without it

    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def fail(message: str) -> None:
    print(f"factmark: {one_line(message)}", file=sys.stderr)


class Parser(argparse.ArgumentParser):
    """factmark's parsers: usage errors are one line, exit 2, like every other error."""

    def error(self, message: str) -> NoReturn:
        command = self.prog.removeprefix("factmark").strip()  # "" for factmark itself
        where = f"{command}: " if command else ""
        fail(f"{where}{message} (see {self.prog} --help)")
        raise SystemExit(EXIT_UNUSABLE)


COMMANDS: dict[str, tuple[str, str]] = {
    "annotate": ("annotate", "register"),
    "check": ("check", "register_check"),
    "reanchor": ("reanchor", "register"),
    "fmt": ("check", "register_fmt"),
    "textconv": ("git", "register_textconv"),
    "git-setup": ("git", "register_git_setup"),
    "diff": ("git", "register_diff"),
    "review": ("review", "register"),
    "suggest": ("suggest", "register"),
    "status": ("status", "register"),
    "export": ("export", "register"),
    "search": ("search", "register"),
    "merge-driver": ("git", "register_merge_driver"),
}
"""Each command, in the order --help lists them: the module of factmark.cli that registers
its arguments, and the function that does."""


def build_parser(only: str | None = None) -> Parser:
    """The command line; with ``only``, just that command registered (the one being run:
    the others' modules are not even imported)."""
    import importlib

    parser = Parser(
        prog="factmark",
        description="Fact-check annotation for editors: mark an article's claims, "
        "record sources and verdicts, keep them in git.",
        epilog="factmark ARTICLE is short for factmark annotate ARTICLE.",
    )
    parser.add_argument("--version", action="version", version=f"factmark {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module, function) in COMMANDS.items():
        if only is None or name == only:
            register = getattr(importlib.import_module(f"factmark.cli.{module}"), function)
            register(commands)
    return parser


def _with_default_command(argv: Sequence[str]) -> list[str]:
    """``factmark ARTICLE`` means ``factmark annotate ARTICLE``."""
    argv = list(argv)
    if argv and not argv[0].startswith("-") and argv[0] not in COMMANDS:
        return ["annotate", *argv]
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    arguments = _with_default_command(sys.argv[1:] if argv is None else argv)
    parser = build_parser(only=arguments[0] if arguments and arguments[0] in COMMANDS else None)
    args = parser.parse_args(arguments)
    run: Command | None = getattr(args, "run", None)
    if run is None:  # no command, no article: the desk
        from factmark.cli.annotate import run_desk

        run = run_desk
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
