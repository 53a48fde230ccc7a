"""Every claim's details reachable at 80×24: the folded panel keeps the selected claim's
verdict in view, and v shows the claim whole, read-only instance or not."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import (
    NARROW,
    AppFactory,
    Workspace,
    flowed,
    opened,
    region_lines,
    screen_lines,
    settled,
    wait_for_screen,
    wait_until,
)
from textual.binding import Binding
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Footer

from factmark.lock import ArticleLock
from factmark.tui.app import FactmarkApp
from factmark.tui.screens.annotate import AnnotateScreen
from factmark.tui.screens.claim_details import ClaimDetailsScreen
from factmark.tui.screens.help import help_sections
from factmark.tui.widgets.claim_panel import PanelBody

THIRD = "rp7nsu"
"""The third claim of ¶7: “Medinsky claimed … 1,212 bodies …”, inaccurate, high."""
VERDICT = "✗ inaccurate · confidence high"


async def third_of_paragraph_7(pilot: Pilot[Any], screen: AnnotateScreen) -> None:
    screen.go_to(7)
    await settled(pilot)
    while screen.selected != THIRD:
        await pilot.press("tab")
    await pilot.pause()


def panel_lines(app: FactmarkApp) -> list[str]:
    return region_lines(app, app.screen.query_one(PanelBody), content=True)


@pytest.mark.parametrize("size", [NARROW, (120, 40)])
async def test_the_panel_keeps_the_selected_claims_verdict_in_view(
    app: FactmarkApp, size: tuple[int, int]
) -> None:
    async with app.run_test(size=size) as pilot:
        screen, _session = await opened(pilot)
        await third_of_paragraph_7(pilot, screen)
        shown = panel_lines(app)
        assert any(VERDICT in line for line in shown), shown
        # Back to the first claim: the panel shows the claims from the top again.
        await pilot.press("shift+tab", "shift+tab")
        await pilot.pause()
        assert "The announcement came" in flowed(panel_lines(app)[:1])


async def test_a_claim_too_long_for_the_panel_scrolls_it_without_laying_out_the_screen(
    app: FactmarkApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stepping between a claim whose text overflows the panel and a paragraph whose
    text fits redraws the panel alone: its scroll bar is always there, so neither it nor
    the text's length asks for the whole screen to be laid out again."""
    asked: list[str] = []
    refresh = Widget.refresh

    def recording(widget: Widget, *regions: Any, **options: Any) -> Any:
        if options.get("layout"):
            asked.append(type(widget).__name__)
        return refresh(widget, *regions, **options)

    async with app.run_test(size=(120, 40)) as pilot:
        screen, _session = await opened(pilot)
        await third_of_paragraph_7(pilot, screen)
        body = screen.query_one(PanelBody)
        assert body.virtual_size.height > body.scrollable_content_region.height  # overflows
        monkeypatch.setattr(Widget, "refresh", recording)
        for _ in range(3):
            screen.go_to(4)  # no claims: the text fits
            await settled(pilot)
            assert body.virtual_size.height == body.scrollable_content_region.height
            await third_of_paragraph_7(pilot, screen)
            assert any(VERDICT in line for line in panel_lines(app)), panel_lines(app)
        assert asked == [], asked


async def test_v_shows_the_selected_claim_whole_in_a_read_only_instance(
    make_app: AppFactory, workspace: Workspace
) -> None:
    lock = ArticleLock(workspace.article_path)
    assert lock.acquire()  # another factmark has the article: this one is read-only
    try:
        app = make_app()
        async with app.run_test(size=NARROW) as pilot:
            screen, session = await opened(pilot)
            assert session.read_only
            await third_of_paragraph_7(pilot, screen)
            await pilot.press("v")
            details = await wait_for_screen(pilot, ClaimDetailsScreen)
            claim = session.claim(THIRD)
            for _ in range(40):  # scroll with j to the end
                await pilot.press("j")
            body = flowed([str(details.query_one("#claim-details-body").render())])
            assert VERDICT in body and claim.note.split(".")[0] in body
            assert f"Sources ({len(claim.sources)})" in body
            assert all((s.title or s.citation).split(",")[0] in body for s in claim.sources)
            assert "contradicts" in body  # its links
            await pilot.press("escape")
            await wait_until(pilot, lambda: app.screen is screen, what="back to the article")
    finally:
        lock.release()


async def test_the_details_key_is_in_the_help_and_the_footer(app: FactmarkApp) -> None:
    assert any(key == "v" for _, keys in help_sections() for key, _ in keys)
    async with app.run_test(size=NARROW) as pilot:
        screen, _session = await opened(pilot)
        assert "details" in {b.id for b in screen.BINDINGS if isinstance(b, Binding)}
        footer = region_lines(app, screen.query_one(Footer))
        assert "v Details" in flowed(footer), screen_lines(app)[-1]


async def test_the_panel_and_the_details_point_each_link_from_the_selected_claim(
    app: FactmarkApp,
) -> None:
    # rp7nsu is qualified by clzy8p (a one-way link into it) and contradicts ssae7t.
    async with app.run_test(size=(120, 40)) as pilot:
        screen, _session = await opened(pilot)
        await third_of_paragraph_7(pilot, screen)
        panel = flowed(panel_lines(app))
        assert "← qualifies The announcement came" in panel, panel
        assert "→ contradicts Russia reportedly transferred" in panel, panel
        await pilot.press("v")
        details = await wait_for_screen(pilot, ClaimDetailsScreen)
        body = str(details.query_one("#claim-details-body").render())
        assert "\n← qualifies The announcement came two days after Vladimir Medinsky" in body
        assert "\n→ contradicts Russia reportedly transferred 1,200 bodies" in body
