"""The command line's arguments, help texts and commands, as recorded in
tests/data/cli_shape.json: what every ``--help`` prints is built from these (argparse
lays them out), so moving code between the CLI's modules cannot change a word of it.

After a deliberate change to an argument or a help text, record the shape again:
``.venv/bin/python tests/test_cli_shape.py > tests/data/cli_shape.json``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pytest

from builders import factmark

ROOT = Path(__file__).resolve().parent.parent
RECORDED = ROOT / "tests" / "data" / "cli_shape.json"


def _action(action: argparse.Action) -> dict[str, Any]:
    return {
        "options": list(action.option_strings),
        "dest": action.dest,
        "kind": type(action).__name__,
        "nargs": action.nargs,
        "const": repr(action.const),
        "default": repr(action.default),
        "type": getattr(action.type, "__name__", repr(action.type)),
        "choices": None if action.choices is None else list(action.choices),
        "required": action.required,
        "help": action.help,
        "metavar": action.metavar,
    }


def shape(parser: argparse.ArgumentParser) -> dict[str, Any]:
    """Everything of a parser that its help and its parsing depend on, commands included."""
    groups, commands = [], {}
    for group in parser._action_groups:
        groups.append({"title": group.title, "actions": [_action(a) for a in group._group_actions]})
        for action in group._group_actions:
            if isinstance(action, argparse._SubParsersAction):
                helps = {choice.dest: choice.help for choice in action._choices_actions}
                for name, command in action.choices.items():
                    commands[name] = {"help": helps.get(name), **shape(command)}
    run = parser.get_default("run")
    return {
        "prog": parser.prog,
        "usage": parser.usage,
        "description": parser.description,
        "epilog": parser.epilog,
        "formatter": parser.formatter_class.__name__,  # type: ignore[attr-defined]
        "runs": getattr(run, "__name__", None),
        "groups": groups,
        "commands": commands,
    }


def current() -> dict[str, Any]:
    from factmark.cli import build_parser

    return shape(build_parser())


def test_the_parser_is_the_recorded_one() -> None:
    assert current() == json.loads(RECORDED.read_text("utf-8"))


COMMANDS = ("annotate", "check", "reanchor", "fmt", "textconv", "git-setup", "diff", "review",
            "suggest", "status", "export", "search", "merge-driver")  # fmt: skip


def test_the_commands_are_listed_in_their_order() -> None:
    from factmark import cli

    assert tuple(current()["commands"]) == COMMANDS == tuple(cli.COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_command_run_alone_has_the_arguments_it_has_among_all(command: str) -> None:
    from factmark.cli import build_parser

    alone = shape(build_parser(only=command))["commands"]
    assert alone == {command: current()["commands"][command]}


@pytest.mark.parametrize("command", [[], *([name] for name in COMMANDS)])
def test_each_help_prints_and_exits_0(command: list[str]) -> None:
    result = factmark(*command, "--help")
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith(f"usage: factmark {' '.join(command)}".rstrip())


if __name__ == "__main__":
    print(json.dumps(current(), indent=2, ensure_ascii=False))
