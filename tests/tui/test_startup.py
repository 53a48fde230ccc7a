"""What the program does before its first frame."""

from __future__ import annotations

import gc

import pytest
from conftest import WIDE, Workspace, opened

from factmark.article import Article
from factmark.tui.app import FactmarkApp
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
