"""The desk screen (``factmark`` with no argument): the articles of the repository as
``factmark status`` lists them, filtered and sorted; enter opens one, escape comes back
with its row read again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import AUTHOR, NARROW, WIDE, Workspace, opened, wait_for_screen, wait_until
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from builders import factmark, in_process
from factmark.desk.status_table import COLUMNS
from factmark.store import loading
from factmark.tui.desk_app import DeskApp
from factmark.tui.screens.annotate import AnnotateScreen
from factmark.tui.screens.desk import DeskScreen

SEED = "000_207cb1c8ae6ad8ea"


@pytest.fixture
def desk(workspace: Workspace) -> Path:
    """The seed's fact-check and two articles not started yet, in one repository."""
    root = workspace.root
    (root / ".git").mkdir()
    (root / "seeds" / "harbour.txt").write_text("The harbour reopened on Monday.\n", "utf-8")
    (root / "seeds" / "budget.txt").write_text("The budget grew by 4 per cent.\n", "utf-8")
    return root


def desk_app(root: Path) -> DeskApp:
    return DeskApp([root], root, author=AUTHOR, save_delay=0.1, watch_interval=0.2)


def rows(screen: DeskScreen) -> list[list[str]]:
    table: DataTable[Any] = screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def row_of(screen: DeskScreen, name: str) -> dict[str, str]:
    row = next(row for row in rows(screen) if row[0].endswith(name))
    return dict(zip(COLUMNS, row, strict=True))


async def desk_read(pilot: Pilot[Any]) -> DeskScreen:
    screen = await wait_for_screen(pilot, DeskScreen)
    await wait_until(pilot, lambda: screen.statuses is not None, what="the desk to be read")
    await pilot.pause()
    return screen


async def test_the_desk_lists_the_articles_filters_and_sorts(desk: Path) -> None:
    app = desk_app(desk)
    async with app.run_test(size=WIDE) as pilot:
        screen = await desk_read(pilot)
        names = [row[0] for row in rows(screen)]
        assert names == ["seeds/budget.txt", "seeds/harbour.txt", f"seeds/{SEED}.txt"]
        seed = row_of(screen, f"{SEED}.txt")
        assert seed["claims"] == "20" and seed["signed"] == "0"
        assert row_of(screen, "harbour.txt")["state"] == "· not started"

        await pilot.press("slash", *"harb")
        await pilot.pause()
        assert [row[0] for row in rows(screen)] == ["seeds/harbour.txt"]
        await pilot.press("escape")  # clears the filter
        await pilot.pause()
        assert len(rows(screen)) == 3 and not screen.query_one("#desk-filter", Input).value

        await pilot.press("3")  # by claims, fewest first
        await pilot.pause()
        assert rows(screen)[-1][0] == f"seeds/{SEED}.txt"
        await pilot.press("3")  # again: the other way round
        await pilot.pause()
        assert rows(screen)[0][0] == f"seeds/{SEED}.txt"


async def test_enter_opens_the_article_and_escape_comes_back_with_its_row_read_again(
    desk: Path, workspace: Workspace
) -> None:
    app = desk_app(desk)
    async with app.run_test(size=WIDE) as pilot:
        screen = await desk_read(pilot)
        assert row_of(screen, f"{SEED}.txt")["signed"] == "0"
        await pilot.press("slash", *SEED[:6], "enter")  # the filter, then the table
        await pilot.press("enter")
        annotate, session = await opened(pilot)
        assert annotate.article.path is not None and annotate.article.path.name == f"{SEED}.txt"
        annotate.go_to(3)
        await pilot.pause()
        claim_id = annotate.selected
        assert claim_id is not None
        await pilot.press("S")
        await pilot.pause()
        assert session.claim(claim_id).signed_off

        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is screen, what="back to the desk")
        assert app.session is None and session.lock is None  # the article is let go
        saved = loading.load(workspace.annotation_path).document
        assert saved.claim(claim_id).signed_by == AUTHOR
        await wait_until(
            pilot,
            lambda: row_of(screen, f"{SEED}.txt")["signed"] == "1",
            what="the row read again",
        )
        assert row_of(screen, f"{SEED}.txt")["updated"].endswith(AUTHOR)

        await pilot.press("enter")  # the same article again, its sign-off kept
        annotate, session = await opened(pilot)
        assert session.claim(claim_id).signed_off
        assert isinstance(app.screen, AnnotateScreen)


async def test_an_article_not_started_opens_and_escape_writes_nothing(desk: Path) -> None:
    app = desk_app(desk)
    async with app.run_test(size=WIDE) as pilot:
        screen = await desk_read(pilot)
        await pilot.press("enter")  # budget.txt, first: not started
        annotate, _session = await opened(pilot)
        assert annotate.article.path is not None and annotate.article.path.name == "budget.txt"
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is screen, what="back to the desk")
        assert not (desk / "annotations" / "budget.toml").exists()
        assert row_of(screen, "budget.txt")["state"] == "· not started"


def test_the_desk_at_80_columns(desk: Path, snap_compare: Any) -> None:
    async def read(pilot: Pilot[Any]) -> None:
        await desk_read(pilot)

    assert snap_compare(desk_app(desk), terminal_size=NARROW, run_before=read)


def test_factmark_alone_in_a_repository_needs_a_terminal(desk: Path) -> None:
    ran = factmark(cwd=desk)
    assert ran.returncode == 2
    assert ran.stderr == f"factmark: {desk}: the desk needs a terminal (stdin and stdout a TTY)\n"
    assert ran.stdout == ""


def test_factmark_article_is_as_before(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ran = in_process([str(desk / "seeds" / "harbour.txt")], capsys)
    assert ran.code == 2 and "annotate needs a terminal" in ran.err
