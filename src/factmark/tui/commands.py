"""The command palette's entries for a screen's keys, named and keyed from its bindings."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.keys import format_key


def sort_bindings(columns: Sequence[str], id_prefix: str = "") -> list[Binding]:
    """A number key per column of a table (1 for the first) that sorts by it."""
    return [
        Binding(str(n), f"sort('{column}')", f"Sort by {column}", show=False,
                id=f"{id_prefix}sort-{column.replace(' ', '-').rstrip('.')}")
        for n, column in enumerate(columns, start=1)
    ]  # fmt: skip


def sorted_by(column: str, current: tuple[str, bool]) -> tuple[str, bool]:
    """The table's order after its sort key for ``column``: that column ascending, or the
    other way round when it already sorts by it."""
    shown, descending = current
    return (column, not descending) if column == shown else (column, False)


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
