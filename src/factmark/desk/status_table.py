"""``factmark status`` for the terminal, with Rich: a table where it fits, else a list."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from factmark.desk.status import ArticleStatus, needs_work_first
from factmark.model import format_timestamp
from factmark.visible import counted, one_line

TABLE_WIDTH = 110
"""Below this many columns each article is two lines of a list instead of a table row."""


def state_text(status: ArticleStatus) -> str:
    if status.problem is not None:
        return "✗ unreadable"
    if status.annotations is None:
        return "· not started"
    if status.ready:
        return "✓ ready"
    return f"… {status.open_items} open"


def _signed(status: ArticleStatus) -> str:
    return f"{status.signed}" + (f" ({status.self_signed} self)" if status.self_signed else "")


def _updated(status: ArticleStatus) -> str:
    if status.updated is None:
        return ""
    return f"{format_timestamp(status.updated)[:10]} {one_line(status.by)}".strip()


COLUMNS = ("article", "state", "claims", "pending", "no source", "contra.", "unresolved",
           "signed", "updated")  # fmt: skip
"""The status table's columns, in order (the terminal's table and the desk screen)."""


def cells(status: ArticleStatus, here: Path) -> list[str]:
    """An article's row of the status table, one plain string per column of COLUMNS."""
    counts = (status.claims, status.pending, status.unsourced, status.contradictions,
              status.unresolved)  # fmt: skip
    return [
        one_line(os.path.relpath(status.article, here)),
        state_text(status),
        *(str(count) for count in counts),
        _signed(status),
        _updated(status),
    ]


def sort_key(status: ArticleStatus, column: str) -> tuple[Any, ...]:
    """Ordering by one column of COLUMNS; "state" is the desk's own order (most work first)."""
    numbers = {"claims": status.claims, "pending": status.pending, "no source": status.unsourced,
               "contra.": status.contradictions, "unresolved": status.unresolved,
               "signed": status.signed}  # fmt: skip
    if column in numbers:
        return (numbers[column], str(status.article))
    if column == "updated":
        return (status.updated is not None, status.updated or datetime.min, str(status.article))
    if column == "article":
        return (str(status.article).casefold(),)
    return needs_work_first(status)


def print_status(statuses: Sequence[ArticleStatus], here: Path) -> None:
    """The articles that need work first; plain when piped or with NO_COLOR."""
    console = Console(no_color=bool(os.environ.get("NO_COLOR")), highlight=False)
    title = f"Desk · {counted(len(statuses), 'article')}"
    if console.width >= TABLE_WIDTH:
        console.print(_table(statuses, here, title))
    else:
        console.print(Text(title, style="bold"))
        for status in statuses:
            console.print(_entry(status, here))
    for status in statuses:
        if status.problem is not None:
            console.print(Text(f"✗ {one_line(status.problem)}"))


def _table(statuses: Sequence[ArticleStatus], here: Path, title: str) -> Table:
    table = Table(title=Text(title), box=box.SIMPLE_HEAD, expand=False)
    table.add_column(COLUMNS[0], overflow="fold", ratio=3, min_width=20)
    table.add_column(COLUMNS[1], no_wrap=True)
    for name in COLUMNS[2:-1]:
        table.add_column(name, justify="right", no_wrap=True)
    table.add_column(COLUMNS[-1], overflow="fold", ratio=2, min_width=10)
    for status in statuses:
        table.add_row(*(Text(cell) for cell in cells(status, here)))
    return table


def _entry(status: ArticleStatus, here: Path) -> RenderableType:
    """An article as two lines of a list: its state and name, then its counts, indented."""
    name = Text(f"{state_text(status)}  {one_line(os.path.relpath(status.article, here))}")
    if status.annotations is None or status.problem is not None:
        return name
    facts = [
        counted(status.claims, "claim"),
        f"{status.pending} pending",
        f"{status.unsourced} unsourced",
        counted(status.contradictions, "contradiction"),
        f"{status.unresolved} unresolved",
        f"{_signed(status)} signed",
    ]
    if status.updated is not None:
        facts.append(_updated(status))
    return Group(name, Padding(Text(", ".join(facts), style="dim"), (0, 0, 0, 4)))
