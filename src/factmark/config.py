"""The user's settings: the editor's theme, remembered between launches.

One small TOML file, ``$XDG_CONFIG_HOME/factmark/config.toml`` (by default
``~/.config/factmark/config.toml``), with one setting::

    theme = "textual-light"

A file that cannot be read or is not valid is ignored with a one-line warning:
a setting is never worth refusing to start. It is written atomically, and a
file that could not be used is never written over. No Textual here: the theme
names are in ``factmark.themes``.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factmark.themes import DEFAULT_THEME, THEMES

FILE_NAME = "config.toml"


class ConfigError(Exception):
    """The settings file cannot be used (or written); ``str(error)`` is one line."""


@dataclass(frozen=True)
class Settings:
    theme: str | None = None
    """The theme last chosen, if any."""


def config_path(environ: Mapping[str, str] | None = None) -> Path:
    """Where the settings live (XDG: a relative ``XDG_CONFIG_HOME`` is ignored)."""
    environ = os.environ if environ is None else environ
    base = environ.get("XDG_CONFIG_HOME", "")
    folder = Path(base) if base and Path(base).is_absolute() else Path.home() / ".config"
    return folder / "factmark" / FILE_NAME


def _table(path: Path) -> dict[str, Any]:
    """The file's TOML table ({} when there is no file)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise ConfigError(f"{path}: {error.strerror or error}") from None
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML ({error})") from None


def _settings(table: Mapping[str, Any], path: Path) -> Settings:
    theme = table.get("theme")
    if theme is not None and (not isinstance(theme, str) or theme not in THEMES):
        raise ConfigError(f"{path}: theme {theme!r} is not one of factmark's themes")
    return Settings(theme=theme)


def read(path: Path) -> Settings:
    """The settings in the file; ConfigError if it cannot be used."""
    return _settings(_table(path), path)


def remember_theme(path: Path, theme: str) -> bool:
    """Write the theme into the file, keeping whatever else it holds; True if written.

    Nothing is written when the file says so already (or, with no file, when the
    theme is the default). ConfigError if the file cannot be used (it is not written
    over: it may be a typo to fix, or a newer factmark's) or cannot be written.
    """
    table = _table(path)
    if (_settings(table, path).theme or DEFAULT_THEME) == theme:
        return False
    table["theme"] = theme
    import tomli_w

    from factmark.store.atomic import write_atomic  # only when writing: cli imports this module

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, tomli_w.dumps(table).encode("utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: {error.strerror or error}") from None
    return True


def startup_theme(requested: str | None, path: Path) -> tuple[str, str | None]:
    """The theme to start in (the one asked for, else the one remembered, else the
    default), and a one-line warning if the settings file had to be ignored."""
    if requested is not None:
        return requested, None
    try:
        remembered = read(path).theme
    except ConfigError as error:
        return DEFAULT_THEME, f"{error}; ignored"
    return remembered or DEFAULT_THEME, None
