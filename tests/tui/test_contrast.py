"""Every view reads well in the dark and the light theme, measured cell by cell.

Per screen and theme: no run of text under 3:1 against its own background, and at
least 95 % of the text's characters at WCAG AA (4.5:1). How a cell's colours are
resolved (reverse, dim, the terminal's defaults) is in contrast.py.
"""

from __future__ import annotations

from typing import Any

import pytest
from conftest import WIDE, _render, opened, settled, wait_for_screen
from contrast import Run, Terminal, measure, ratio
from rich.style import Style
from textual.color import BLACK, Color
from textual.pilot import Pilot
from textual.screen import Screen
from textual.theme import BUILTIN_THEMES

from factmark.tui.app import FactmarkApp
from factmark.tui.palette import STEPS, contrast, readable, theme_colours
from factmark.tui.screens.annotate import AnnotateScreen
from factmark.tui.screens.claim_editor import ClaimEditor
from factmark.tui.screens.help import HelpScreen
from factmark.tui.screens.link_picker import LinkPicker
from factmark.tui.screens.review import ReviewScreen
from factmark.tui.widgets.claims_table import ClaimsTable

THEMES = ("textual-dark", "textual-light")
VIEWS: dict[str, tuple[tuple[str, ...], type[Screen[Any]]]] = {
    "article": ((), AnnotateScreen),
    "review": (("r",), ReviewScreen),
    "contradictions": (("r", "t"), ReviewScreen),
    "claim editor": (("e",), ClaimEditor),
    "help": (("question_mark",), HelpScreen),
    "link picker": (("l",), LinkPicker),
}
"""Each view and the keys that open it from ¶3: its first claim selected, the next one
contradicted (the review's cursor starts on the selected claim)."""


async def show(pilot: Pilot[Any], view: str) -> None:
    await opened(pilot)
    await pilot.press("j", "j")
    await settled(pilot)
    keys, screen = VIEWS[view]
    await pilot.press(*keys)
    await wait_for_screen(pilot, screen)


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("theme", THEMES)
async def test_text_reads_well(app: FactmarkApp, theme: str, view: str) -> None:
    async with app.run_test(size=WIDE) as pilot:
        app.theme = theme
        await show(pilot, view)
        measured = measure(app, _render(app))
        assert measured.characters > 200, "the view is drawn"
        problems = measured.problems()
        assert not problems, f"{view} in {theme}:\n" + "\n".join(problems)


@pytest.mark.parametrize("theme", THEMES)
async def test_the_review_cursor_keeps_every_verdict_readable(app: FactmarkApp, theme: str) -> None:
    """The cursor on each row in turn (the seed has every verdict but pending)."""
    async with app.run_test(size=WIDE) as pilot:
        app.theme = theme
        await show(pilot, "review")
        table = app.screen.query_one(ClaimsTable)
        assert table.has_focus
        for index in range(table.item_count()):
            table.cursor = index
            await pilot.pause()
            row = table.region.y + index - table.scroll_offset.y
            measured = measure(app, _render(app))
            on_row = [run for run in measured.runs if run.y == row]
            assert on_row, f"row {index} is drawn"
            problems = measured.problems()
            assert not problems, f"cursor on row {index} in {theme}:\n" + "\n".join(problems)


# --- the measure itself ----------------------------------------------------------


def test_contrast_is_wcag_2() -> None:
    """Known ratios: the extremes, and the grey that just passes AA on white."""
    assert ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert ratio((255, 255, 255), (255, 255, 255)) == pytest.approx(1.0)
    assert ratio((0x76, 0x76, 0x76), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)
    assert ratio((0x77, 0x77, 0x77), (255, 255, 255)) < 4.5
    assert ratio((255, 0, 0), (255, 255, 255)) == pytest.approx(4.0, abs=0.01)


async def test_reverse_dim_and_defaults_are_resolved_as_a_terminal_would(
    app: FactmarkApp,
) -> None:
    async with app.run_test(size=WIDE):
        app.theme = "textual-light"
        terminal = Terminal(app)
        assert terminal.resolve(None) == ((0x1F, 0x1F, 0x1F), (0xE0, 0xE0, 0xE0))
        red_on_white = Style(color="#ff0000", bgcolor="#ffffff")
        assert terminal.resolve(red_on_white + Style(reverse=True)) == (
            (255, 255, 255),
            (255, 0, 0),
        )
        dimmed = terminal.resolve(Style(color="#000000", bgcolor="#ffffff", dim=True))
        assert dimmed == ((128, 128, 128), (255, 255, 255))
        assert terminal.resolve(Style(color="red"))[0] != (0x1F, 0x1F, 0x1F)  # ANSI red


def test_lines_and_blanks_are_not_text() -> None:
    run = Run(0, 0, "│ ▁▂ a", (0, 0, 0), (0, 0, 0))
    assert run.characters == 1
    assert Run(0, 0, " \t", (0, 0, 0), (0, 0, 0)).characters == 0


def test_readable_moves_a_colour_only_as_far_as_it_must() -> None:
    light, orange = Color.parse("#e0e0e0"), Color.parse("#fea62b")
    moved = readable(orange, [light])
    steps = [orange.blend(BLACK, step / STEPS) for step in range(STEPS + 1)]
    assert moved in steps[1:], "towards black, on a light background"
    assert contrast(moved, light) >= 4.5
    assert contrast(steps[steps.index(moved) - 1], light) < 4.5
    green = Color.parse("#4ebf71")
    assert readable(green, [Color.parse("#121212")]) == green  # readable already


@pytest.mark.parametrize("name", sorted(set(BUILTIN_THEMES) - {"ansi-dark", "ansi-light"}))
def test_every_themes_text_colours_reach_aa_where_they_are_drawn(name: str) -> None:
    """Not only the two themes measured on screen: every truecolor theme Textual ships."""
    theme = BUILTIN_THEMES[name]
    variables = {**theme.to_color_system().generate(), **theme.variables}
    colours = {key: Color.parse(value) for key, value in theme_colours(variables).items()}
    backgrounds = [Color.parse(variables[key]) for key in ("background", "surface", "panel")]
    backgrounds += [colours["fm-cursor"], colours["fm-cursor-blurred"]]
    for key in ("fm-accurate", "fm-doubtful", "fm-wrong", "fm-unknown", "fm-accent", "fm-muted"):
        worst = min(contrast(colours[key], background) for background in backgrounds)
        assert worst >= 4.5, f"{key} in {name}: {worst:.2f}:1"


def test_an_ansi_theme_keeps_its_own_colours() -> None:
    theme = BUILTIN_THEMES["ansi-dark"]
    variables = {**theme.to_color_system().generate(), **theme.variables}
    colours = theme_colours(variables)
    assert colours["fm-wrong"] == variables["error"]
    assert colours["fm-cursor"] == variables["block-cursor-background"]
