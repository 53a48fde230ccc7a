"""TOML as factmark reads it: ``tomllib``, held to the limits TOML 1.0 sets.

``tomllib`` recurses once per level of nesting, so a file nested a few
thousand arrays or inline tables deep exhausts Python's stack; and it reads
integers of any size, where TOML 1.0 integers are 64-bit. Both are refused
here as TOML that cannot be read, so that every reader of annotation files
gives its one-line error instead of a traceback.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from typing import Any

INT_MIN = -(2**63)
INT_MAX = 2**63 - 1

Location = tuple[str | int, ...]
"""Where a value stands in the parsed data: keys and array indices, as pydantic's ``loc``."""

# tomllib converts an integer with int(), which refuses more than 4,300 digits
# (sys.get_int_max_str_digits) with a bare ValueError, before any range is checked.
# Such a file is read again with a stand-in for each run of that many digits: a
# number int() converts and the range check then refuses, naming where it stands.
_LONG_INTEGER = re.compile(r"[0-9][0-9_]{4299,}")
_STAND_IN = 10**4000


class UnreadableTomlError(ValueError):
    """TOML that tomllib cannot read within its limits."""


def loads(text: str) -> dict[str, Any]:
    """Parse TOML text: TOMLDecodeError for bad syntax, UnreadableTomlError past the limits.

    Integers outside 64 bits are left to :func:`integers_out_of_range`, which
    knows where each stands.
    """
    try:
        return _loads(text)
    except (tomllib.TOMLDecodeError, UnreadableTomlError):
        raise
    except ValueError as error:
        if _LONG_INTEGER.search(text) is None:
            raise UnreadableTomlError(str(error)) from None
    return _loads(_LONG_INTEGER.sub(str(_STAND_IN), text))


def _loads(text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise UnreadableTomlError("arrays or inline tables nested too deeply to read") from None


def out_of_range_message(value: int) -> str:
    """What is wrong with an integer TOML 1.0 does not allow (long values shortened)."""
    if abs(value) == _STAND_IN:
        shown = "an integer thousands of digits long"
    elif abs(value) < 10**40:
        shown = f"integer {value}"
    else:
        shown = f"integer {str(value)[:20]}… ({len(str(abs(value)))} digits)"
    return f"{shown} is outside TOML's 64-bit range (-2^63 to 2^63-1)"


def integers_out_of_range(data: dict[str, Any]) -> list[tuple[Location, int]]:
    """Every integer outside [-2^63, 2^63-1] in parsed TOML, with where it stands.

    Walks with a stack of its own, not by recursion: the data may be nested as
    deep as tomllib could read. Only a table or an array gets its location built
    as it is entered (a 2,000-claim file holds some 60,000 values, and few tables).
    """
    found: list[tuple[Location, int]] = []
    stack: list[tuple[Location, Iterator[tuple[Any, Any]]]] = [((), iter(data.items()))]
    while stack:
        location, items = stack[-1]
        for key, value in items:
            if isinstance(value, dict):
                stack.append(((*location, key), iter(value.items())))
                break
            if isinstance(value, list):
                stack.append(((*location, key), enumerate(value)))
                break
            if isinstance(value, int) and not isinstance(value, bool) and not _in_range(value):
                found.append(((*location, key), value))
        else:
            stack.pop()
    return found


def _in_range(value: int) -> bool:
    return INT_MIN <= value <= INT_MAX
