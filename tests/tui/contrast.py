"""WCAG contrast of what a screen shows, measured on the cells the terminal receives.

Each run of text (a segment of a rendered line) is resolved as a truecolor terminal
draws it: ANSI colours through the app's terminal theme, the terminal's default
colours as the theme's foreground and background, ``reverse`` swaps the two, and
``dim`` blends the foreground halfway to the background. Its contrast ratio is
WCAG 2's: (L1 + 0.05) / (L2 + 0.05) of the two colours' relative luminances
(``factmark.tui.palette.contrast``).

Whitespace is not text. Nor are box-drawing and block characters (borders, the
scrollbar, rules): they are lines, not something to read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rich.color import Color as RichColor
from rich.color_triplet import ColorTriplet
from rich.segment import Segment
from rich.style import Style
from rich.terminal_theme import TerminalTheme
from textual.app import App
from textual.color import Color
from textual.screen import ModalScreen
from textual.strip import Strip

from factmark.tui.palette import AA, contrast

FLOOR = 3.0
"""The least contrast any run of text may have (WCAG AA for large text)."""
AA_SHARE = 0.95
"""The share of text characters that must reach AA."""
DIM_FACTOR = 0.5
"""How far ``dim`` moves the foreground towards the background (as Textual's DimFilter)."""

RGB = tuple[int, int, int]


def ratio(one: RGB, two: RGB) -> float:
    """The WCAG contrast ratio of two colours (the formula is tested in test_contrast.py)."""
    return contrast(Color(*one), Color(*two))


def _is_text(char: str) -> bool:
    return not char.isspace() and not "\u2500" <= char <= "\u259f"


@dataclass(frozen=True)
class Run:
    """One run of text on the screen, its resolved colours and their contrast."""

    y: int
    x: int
    text: str
    foreground: RGB
    background: RGB

    @property
    def ratio(self) -> float:
        return ratio(self.foreground, self.background)

    @property
    def characters(self) -> int:
        """How many of its characters are text."""
        return sum(_is_text(char) for char in self.text)

    def __str__(self) -> str:
        fg, bg = ("#{:02x}{:02x}{:02x}".format(*c) for c in (self.foreground, self.background))
        return f"{self.ratio:4.1f}:1 at ({self.x},{self.y}) {fg} on {bg}: {self.text.strip()!r}"


class Terminal:
    """How a truecolor terminal with the app's theme resolves a Rich style."""

    def __init__(self, app: App[Any]) -> None:
        variables = app.get_css_variables()
        self.foreground = _triplet(variables["foreground"])
        self.background = _triplet(variables["background"])
        dark = app.current_theme.dark
        self.theme: TerminalTheme = app.ansi_theme_dark if dark else app.ansi_theme_light

    def colour(self, colour: RichColor | None, default: RGB) -> RGB:
        if colour is None or colour.is_default:
            return default
        triplet: ColorTriplet = colour.get_truecolor(self.theme)
        return (triplet.red, triplet.green, triplet.blue)

    def resolve(self, style: Style | None) -> tuple[RGB, RGB]:
        """The foreground and background a cell of this style shows."""
        style = style or Style()
        foreground = self.colour(style.color, self.foreground)
        background = self.colour(style.bgcolor, self.background)
        if style.reverse:
            foreground, background = background, foreground
        if style.dim:
            foreground = _blend(background, foreground, DIM_FACTOR)
        return foreground, background


def _triplet(value: str) -> RGB:
    triplet = RichColor.parse(value).get_truecolor()
    return (triplet.red, triplet.green, triplet.blue)


def _blend(base: RGB, over: RGB, factor: float) -> RGB:
    red, green, blue = (round(b + (o - b) * factor) for b, o in zip(base, over, strict=True))
    return (red, green, blue)


def runs(strips: Iterable[Strip], terminal: Terminal) -> list[Run]:
    """Every run of text on these lines (runs of only whitespace or lines are left out)."""
    found = []
    for y, strip in enumerate(strips):
        x = 0
        for segment in strip:
            text, style, control = segment
            if not control:
                if any(_is_text(char) for char in text):
                    foreground, background = terminal.resolve(style)
                    found.append(Run(y, x, text, foreground, background))
                x += Segment.get_line_length([segment])
    return found


@dataclass(frozen=True)
class Measure:
    """How readable the text of one screen is."""

    runs: list[Run]

    @property
    def characters(self) -> int:
        return sum(run.characters for run in self.runs)

    @property
    def share_at_aa(self) -> float:
        """The share of text characters at AA or better."""
        good = sum(run.characters for run in self.runs if run.ratio >= AA)
        return good / self.characters if self.characters else 1.0

    def below(self, ratio: float) -> list[Run]:
        return [run for run in self.runs if run.ratio < ratio]

    def problems(self) -> list[str]:
        """What falls short of the goal, worst first (nothing when it is met)."""
        faint = sorted(self.below(FLOOR), key=lambda run: run.ratio)
        found = [f"under {FLOOR}:1: {run}" for run in faint]
        if self.share_at_aa < AA_SHARE:
            short = sorted(self.below(AA), key=lambda run: (-run.characters, run.ratio))
            found.append(
                f"{self.share_at_aa:.1%} of {self.characters} text characters at {AA}:1 "
                f"(want {AA_SHARE:.0%}); the largest runs under it:"
            )
            found.extend(f"  {run}" for run in short[:12])
        return found


def measure(app: App[Any], strips: list[Strip]) -> Measure:
    """The text of these lines of the app's active screen.

    Over a dialog, only the dialog's own widgets count: the screen beneath is
    dimmed on purpose, an inactive part of the interface (WCAG's exception).
    """
    screen = app.screen
    if not isinstance(screen, ModalScreen):
        return Measure(runs(strips, Terminal(app)))
    found: list[Run] = []
    for child in screen.children:
        region = child.region
        lines = [strip.crop(region.x, region.right) for strip in strips[region.y : region.bottom]]
        found.extend(
            Run(run.y + region.y, run.x + region.x, run.text, run.foreground, run.background)
            for run in runs(lines, Terminal(app))
        )
    return Measure(found)
