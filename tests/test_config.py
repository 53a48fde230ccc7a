"""The user's settings file: where it is, reading it, remembering a theme, and the
``--theme`` option of ``factmark annotate``. Every test's settings live in tmp_path."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

import pytest

from builders import python
from factmark.cli import main
from factmark.config import (
    ConfigError,
    Settings,
    config_path,
    read,
    remember_theme,
    startup_theme,
)
from factmark.themes import DEFAULT_THEME, THEMES

ROOT = Path(__file__).parents[1]
ARTICLE = ROOT / "tests" / "data" / "seed" / "seeds" / "000_207cb1c8ae6ad8ea.txt"


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The settings file under a temporary XDG_CONFIG_HOME (not there yet)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "factmark" / "config.toml"


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


# --- where ---------------------------------------------------------------------


def test_the_file_is_under_xdg_config_home_or_dot_config(tmp_path: Path) -> None:
    xdg = {"XDG_CONFIG_HOME": str(tmp_path)}
    assert config_path(xdg) == tmp_path / "factmark" / "config.toml"
    home = Path.home() / ".config" / "factmark" / "config.toml"
    assert config_path({}) == home
    assert config_path({"XDG_CONFIG_HOME": ""}) == home
    assert config_path({"XDG_CONFIG_HOME": "relative/path"}) == home  # XDG: only absolute


def test_the_fixture_points_the_settings_at_tmp_path(settings: Path, tmp_path: Path) -> None:
    assert config_path() == settings
    assert settings.is_relative_to(tmp_path)


# --- reading -------------------------------------------------------------------


def test_no_file_means_no_settings(settings: Path) -> None:
    assert read(settings) == Settings()
    assert startup_theme(None, settings) == (DEFAULT_THEME, None)


def test_the_theme_remembered_is_the_one_to_start_in(settings: Path) -> None:
    write(settings, 'theme = "textual-light"\n')
    assert read(settings).theme == "textual-light"
    assert startup_theme(None, settings) == ("textual-light", None)
    assert startup_theme("nord", settings) == ("nord", None)  # asked for: it wins


@pytest.mark.parametrize(
    ("content", "what"),
    [
        ('theme = "textual-light', "not valid TOML"),
        (b"theme = '\xff'", "not UTF-8"),
        ("theme = 42\n", "theme 42 is not one of factmark's themes"),
        ('theme = "no-such-theme"\n', "'no-such-theme' is not one of"),
        ('[theme]\nname = "x"\n', "is not one of"),
    ],
)
def test_an_unusable_file_is_ignored_with_a_one_line_warning(
    settings: Path, content: str | bytes, what: str
) -> None:
    write(settings, content)
    with pytest.raises(ConfigError, match=what):
        read(settings)
    theme, warning = startup_theme(None, settings)
    assert theme == DEFAULT_THEME
    assert warning is not None and "\n" not in warning
    assert warning.startswith(f"{settings}: ") and warning.endswith("; ignored")


def test_an_unreadable_file_is_ignored(settings: Path) -> None:
    settings.mkdir(parents=True)  # a folder where the file should be
    theme, warning = startup_theme(None, settings)
    assert theme == DEFAULT_THEME
    assert warning is not None and warning.startswith(f"{settings}: ")


# --- remembering ------------------------------------------------------------------


def test_a_theme_is_remembered_in_a_new_folder(settings: Path) -> None:
    assert remember_theme(settings, "textual-light")
    assert settings.read_text(encoding="utf-8") == 'theme = "textual-light"\n'
    assert startup_theme(None, settings) == ("textual-light", None)
    assert not [p for p in settings.parent.iterdir() if p != settings], "no temporaries left"


def test_remembering_keeps_the_other_settings_and_writes_only_a_change(settings: Path) -> None:
    write(settings, '# mine\ntheme = "nord"\nother = 1\n')
    assert not remember_theme(settings, "nord")
    assert settings.read_text(encoding="utf-8") == '# mine\ntheme = "nord"\nother = 1\n'
    assert remember_theme(settings, "textual-light")
    import tomllib

    assert tomllib.loads(settings.read_text(encoding="utf-8")) == {
        "theme": "textual-light",
        "other": 1,
    }


def test_the_default_theme_creates_no_file(settings: Path) -> None:
    assert not remember_theme(settings, DEFAULT_THEME)
    assert not settings.parent.exists()


def test_a_broken_file_is_never_written_over(settings: Path) -> None:
    write(settings, 'theme = "nord\n')
    with pytest.raises(ConfigError, match="not valid TOML"):
        remember_theme(settings, "textual-light")
    assert settings.read_text(encoding="utf-8") == 'theme = "nord\n'


def test_a_folder_that_cannot_be_made_is_a_config_error(tmp_path: Path) -> None:
    blocker = write(tmp_path / "xdg", "a file, not a folder")
    with pytest.raises(ConfigError) as caught:
        remember_theme(blocker / "factmark" / "config.toml", "textual-light")
    assert "\n" not in str(caught.value)


# --- the names ----------------------------------------------------------------------


def test_the_themes_are_textuals_own() -> None:
    """config.py spells them out to keep Textual out of start-up; they must agree."""
    from textual import constants
    from textual.theme import BUILTIN_THEMES

    assert set(THEMES) == set(BUILTIN_THEMES)
    assert THEMES[0] == DEFAULT_THEME == constants.DEFAULT_THEME


def test_the_settings_module_does_not_import_textual() -> None:
    code = (
        "import sys\nfrom pathlib import Path\nimport factmark.config as c\n"
        "c.startup_theme(None, Path('/nonexistent/config.toml'))\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'textual']"
    )
    result = python(code)
    assert result.returncode == 0, result.stderr


# --- the command line -------------------------------------------------------------


def test_help_lists_the_themes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["annotate", "--help"])
    assert caught.value.code == 0
    help_text = " ".join(capsys.readouterr().out.split())
    assert "--theme NAME" in help_text
    for name in ("textual-dark", "textual-light", "atom-one-dark"):
        assert name in help_text  # whole: not broken at its hyphen


@pytest.mark.parametrize("argv", [["annotate", str(ARTICLE)], [str(ARTICLE)]])
def test_an_unknown_theme_is_a_one_line_usage_error(
    argv: list[str], capsys: pytest.CaptureFixture[str], settings: Path
) -> None:
    with pytest.raises(SystemExit) as caught:
        main([*argv, "--theme", "no-such-theme"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert err.startswith("factmark: annotate: ") and "'no-such-theme'" in err
    assert not settings.exists()


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Launched:
    """What ``factmark annotate`` started the app with (the app itself does not run)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.kwargs: dict[str, Any] = {}
        self.monkeypatch = monkeypatch

    def main(self, argv: list[str]) -> int:
        """``main`` as if in a terminal (set here: pytest's capture resets sys.stdout
        between a fixture and its test)."""
        self.monkeypatch.setattr(sys, "stdin", Terminal())
        self.monkeypatch.setattr(sys, "stdout", Terminal())
        return main(argv)


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> Launched:
    from factmark.tui import app as tui_app

    seen = Launched(monkeypatch)

    class NotRun(tui_app.FactmarkApp):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            seen.kwargs = kwargs
            super().__init__(*args, **kwargs)

        def run(self, *args: Any, **kwargs: Any) -> None:
            return None

    monkeypatch.setattr(tui_app, "FactmarkApp", NotRun)
    return seen


def test_annotate_starts_in_the_theme_asked_for(
    launched: Launched, settings: Path, tmp_path: Path
) -> None:
    annotations = tmp_path / "a.toml"
    assert launched.main([str(ARTICLE), "--annotations", str(annotations), "--theme", "nord"]) == 0
    assert launched.kwargs["theme"] == "nord"
    assert launched.kwargs["settings"] == settings


def test_annotate_starts_in_the_remembered_theme(
    launched: Launched, settings: Path, tmp_path: Path
) -> None:
    write(settings, 'theme = "textual-light"\n')
    assert launched.main([str(ARTICLE), "--annotations", str(tmp_path / "a.toml")]) == 0
    assert launched.kwargs["theme"] == "textual-light"


def test_annotate_warns_in_one_line_of_a_broken_file_and_starts(
    launched: Launched, settings: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(settings, "theme = [")
    assert launched.main([str(ARTICLE), "--annotations", str(tmp_path / "a.toml")]) == 0
    assert launched.kwargs["theme"] == DEFAULT_THEME
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1
    assert err.startswith(f"factmark: {settings}: not valid TOML")


def test_a_file_naming_an_unknown_theme_is_not_written_over(settings: Path) -> None:
    write(settings, 'theme = "a-newer-factmarks-theme"\n')
    with pytest.raises(ConfigError, match="is not one of factmark's themes"):
        remember_theme(settings, DEFAULT_THEME)
    assert settings.read_text(encoding="utf-8") == 'theme = "a-newer-factmarks-theme"\n'
