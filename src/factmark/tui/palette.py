"""Colours that read well in any theme: the theme's own, moved just far enough.

A theme's success green or warning orange may sit too close to its background
to read (textual-light's orange on light grey is 1.5:1). ``theme_colours``
derives, from the theme's variables, the colours the stylesheet writes text
in: each is the theme's colour, blended towards black (on a light theme) or
white (on a dark one) only as far as it takes to reach WCAG AA, 4.5:1, on
every background factmark draws it on. app.tcss uses them as ``$fm-…``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.color import BLACK, WHITE, Color, ColorParseError

AA = 4.5
"""WCAG's least contrast for normal text (level AA)."""
CURSOR_TEXT = 8.0
"""The contrast the list cursor keeps with the text on it (a step above AA, so the
verdict colours, moved to AA on it, stay close to the theme's own)."""
STEPS = 20
"""How finely a colour is moved (in twentieths of the way to black or white)."""

THEME_COLOURS = {
    "fm-accurate": "success",
    "fm-doubtful": "warning",
    "fm-wrong": "error",
    "fm-unknown": "secondary",
    "fm-accent": "accent",
    "fm-key": "footer-key-foreground",
}
"""Each derived colour and the theme colour it starts from (fm-key is drawn on the
footer's background, the others on the backgrounds of the views and the cursor)."""


def luminance(colour: Color) -> float:
    """The relative luminance of an sRGB colour (WCAG 2)."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in colour.rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: Color, two: Color) -> float:
    """The WCAG contrast ratio of two colours, from 1 to 21."""
    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def least_contrast(colour: Color, backgrounds: Sequence[Color]) -> float:
    return min(contrast(colour, background) for background in backgrounds)


def readable(colour: Color, backgrounds: Sequence[Color], ratio: float = AA) -> Color:
    """The colour, moved towards the first background's opposite until it reaches
    ``ratio`` on every background (black or white if nothing less will do)."""
    target = BLACK if contrast(backgrounds[0], BLACK) > contrast(backgrounds[0], WHITE) else WHITE
    for step in range(STEPS + 1):
        moved = colour.blend(target, step / STEPS)
        if least_contrast(moved, backgrounds) >= ratio:
            return moved
    return target


def cursor(background: Color, primary: Color, text: Color) -> Color:
    """The list cursor's background: as much of the primary colour as the text on it
    allows while it keeps CURSOR_TEXT contrast (or AA, where the theme's own text on
    its background has less than CURSOR_TEXT to give)."""
    wanted = max(AA, min(CURSOR_TEXT, 0.75 * contrast(text, background)))
    for step in range(STEPS, 0, -1):
        shade = background.blend(primary, step / STEPS)
        if contrast(text, shade) >= wanted:
            return shade
    return background


def _colour(variables: Mapping[str, str], name: str, over: Color | None) -> Color | None:
    """A variable's colour (None for an ANSI or automatic one), made opaque over ``over``."""
    try:
        colour = Color.parse(variables[name])
    except (KeyError, ColorParseError):
        return None
    if colour.ansi is not None:
        return None
    if colour.a < 1 and over is not None:
        return over.blend(colour.with_alpha(1), colour.a)
    return colour


def theme_colours(variables: Mapping[str, str]) -> dict[str, str]:
    """factmark's colours for a theme's variables, each readable where it is drawn.

    A theme of ANSI colours leaves the terminal to choose: its colours are taken as
    they are.
    """
    background = _colour(variables, "background", None)
    if background is None:
        sources = THEME_COLOURS | {
            "fm-cursor": "block-cursor-background",
            "fm-cursor-blurred": "block-cursor-blurred-background",
            "fm-muted": "text-muted",
        }
        return {name: variables.get(source, "ansi_default") for name, source in sources.items()}
    grounds = {
        name: _colour(variables, name, background) or background
        for name in ("surface", "panel", "primary", "foreground")
    }
    text = grounds["foreground"]
    focused = cursor(background, grounds["primary"], text)
    blurred = focused.blend(background, 0.5)
    behind = [background, grounds["surface"], grounds["panel"], focused, blurred]
    colours = {
        "fm-cursor": focused,
        "fm-cursor-blurred": blurred,
        "fm-muted": readable(background.blend(text, 0.6), behind),
    }
    footer = _colour(variables, "footer-background", background) or grounds["panel"]
    for name, source in THEME_COLOURS.items():
        start = _colour(variables, source, background) or text
        colours[name] = readable(start, [footer] if name == "fm-key" else behind)
    return {name: colour.hex for name, colour in colours.items()}


def textual_colours(colours: Mapping[str, str]) -> dict[str, str]:
    """Textual's own variables that factmark's colours replace, so that its widgets (the
    footer's keys, an option list's highlighted line) read as well as factmark's."""
    return {
        "footer-key-foreground": colours["fm-key"],
        "block-cursor-background": colours["fm-cursor"],
        "block-cursor-blurred-background": colours["fm-cursor-blurred"],
    }
