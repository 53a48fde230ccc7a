"""What the program does before its first frame."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from conftest import WIDE, Workspace, opened, screen_lines

from factmark.article import Article
from factmark.tui.app import FactmarkApp
from factmark.tui.text import unsafe_offsets
from factmark.tui.widgets import article_view
from factmark.tui.widgets.article_view import ArticleView


async def test_the_heap_start_up_loaded_is_frozen_before_the_first_frame(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A full collection walking every module Textual loaded cost more than drawing
    # the first frame; the program (freeze_heap) moves that heap out of its sight.
    drawn: list[int] = []
    frozen_after: list[int] = []
    draw = ArticleView._draw

    def counting_draw(view: ArticleView, index: int) -> object:
        drawn.append(index)
        return draw(view, index)

    monkeypatch.setattr(ArticleView, "_draw", counting_draw)
    monkeypatch.setattr(gc, "freeze", lambda: frozen_after.append(len(drawn)))  # not pytest's
    app = FactmarkApp(
        Article.read(workspace.article_path),
        workspace.annotation_path,
        lock=False,
        freeze_heap=True,
    )
    async with app.run_test(size=WIDE) as pilot:
        await opened(pilot)
    assert drawn, "the article was drawn"
    assert frozen_after and frozen_after[0] == 0, frozen_after


async def test_a_test_app_leaves_the_heap_alone(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    frozen: list[bool] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    app = FactmarkApp(Article.read(workspace.article_path), workspace.annotation_path, lock=False)
    async with app.run_test(size=WIDE) as pilot:
        await opened(pilot)
    assert not frozen


async def test_placeholders_are_found_only_in_the_paragraphs_drawn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A book's paragraphs are not all searched for control characters before the
    # first frame: only those drawn are, and their placeholders still show.
    searched: list[str] = []

    def counting(text: str) -> list[int]:
        searched.append(text)
        return unsafe_offsets(text)

    monkeypatch.setattr(article_view, "unsafe_offsets", counting)
    paragraphs = [f"Paragraph {n}: the ministry said so." for n in range(1, 301)]
    paragraphs[0] = "Paragraph 1: a bell\x07 rang."
    path = tmp_path / "book.txt"
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    app = FactmarkApp(Article.read(path), tmp_path / "book.toml", lock=False)
    async with app.run_test(size=WIDE) as pilot:
        await opened(pilot)
        lines = screen_lines(app)
    assert 0 < len(searched) < 40, len(searched)
    assert any("bell\u2407 rang" in line for line in lines), lines[:5]
