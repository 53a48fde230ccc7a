"""The command palette's entries for a screen's keys, named and keyed from its bindings."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.keys import format_key


def key_names(binding: Binding) -> str:
    """The binding's keys as the README writes them: ``G / end``, ``?``, ``u / ctrl+z``."""
    names = []
    for key in binding.key.split(","):
        key = key.strip()
        shown = format_key(key)  # question_mark is ?, slash is /
        names.append(shown if len(shown) == 1 and shown.isascii() else key)
    return " / ".join(names)


def meaning(binding: Binding) -> str:
    """What the key does: its tooltip, else its description."""
    return binding.tooltip or binding.description


def title(binding: Binding) -> str:
    """``Last paragraph — G / end``: what the key does, and its keys."""
    return f"{meaning(binding)} — {key_names(binding)}"


def commands(
    bindings: Iterable[BindingType], run: Callable[[str], None], *, leave: Iterable[str] = ()
) -> Iterator[SystemCommand]:
    """One command per binding (but those whose action is in ``leave``), running its action."""
    left = set(leave)
    for binding in bindings:
        if not isinstance(binding, Binding) or binding.action in left:
            continue

        def callback(action: str = binding.action) -> None:
            run(action)

        yield SystemCommand(title(binding), "", callback)
