"""The help is read from the bindings: every key of every screen and widget, nothing else."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from conftest import opened, region_lines, wait_for_screen
from textual.binding import Binding
from textual.dom import DOMNode

import factmark.tui
from factmark.tui.app import FactmarkApp
from factmark.tui.commands import key_names, meaning
from factmark.tui.screens.help import HelpScreen, help_sections

TALL = (100, 240)


def bound_classes() -> list[type[DOMNode]]:
    """Every app, screen and widget class of factmark's TUI that declares bindings."""
    found: dict[str, type[DOMNode]] = {}
    for info in pkgutil.walk_packages(factmark.tui.__path__, "factmark.tui."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if not (issubclass(cls, DOMNode) and cls.__module__ == module.__name__):
                continue
            if "BINDINGS" in vars(cls):
                found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return list(found.values())


def declared() -> set[tuple[str, str]]:
    """Each binding that has a description or is shown: its keys' names and its meaning."""
    return {
        (key_names(binding), meaning(binding))
        for cls in bound_classes()
        for binding in cls.BINDINGS
        if isinstance(binding, Binding) and (binding.show or binding.description)
    }


def listed() -> set[tuple[str, str]]:
    """What the help lists: each of a row's keys (a key with all its names) and its meaning."""
    return {
        (names, what)
        for _, rows in help_sections()
        for keys, what in rows
        for names in keys.split(", ")
    }


def test_every_binding_has_an_id_and_a_description_and_a_shown_one_a_tooltip() -> None:
    classes = bound_classes()
    assert len(classes) >= 14  # the app, the screens, the widgets with keys of their own
    for cls in classes:
        for binding in cls.BINDINGS:
            assert isinstance(binding, Binding), cls
            assert binding.id and binding.description, (cls, binding)


def test_the_help_lists_every_binding_and_nothing_else() -> None:
    assert listed() == declared()


def test_each_key_is_listed_once_with_all_its_names() -> None:
    for _, rows in help_sections():
        keys = [name for row_keys, _ in rows for name in row_keys.split(", ")]
        assert len(keys) == len(set(keys))
    article = dict(help_sections()[0][1])
    assert article["j / down"] == "Next paragraph"
    assert article["u / ctrl+z"] == "Undo the last edit"


async def test_the_help_screen_shows_every_row(app: FactmarkApp) -> None:
    async with app.run_test(size=TALL) as pilot:  # all of the help at once
        await opened(pilot)
        await pilot.press("question_mark")
        help_screen = await wait_for_screen(pilot, HelpScreen)
        for number, (title, rows) in enumerate(help_sections()):
            shown = region_lines(app, help_screen.query_one(f"#help-{number}"), content=True)
            assert title in shown[0]
            for keys, what in rows:
                assert any(keys in line and what[:30] in line for line in shown), (keys, what)
