"""What is wrong with an annotation file, said as one line that names where.

:class:`Problem` names the file, the line, the claim and the key;
:class:`StoreError` carries them. Also here: finding the line of a table or key
in a file's text, and git's conflict markers left in a file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factmark.errors import FactmarkError


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an annotation file, as one line of text."""

    path: Path
    message: str
    line: int | None = None
    column: int | None = None
    claim: str | None = None
    """The claim's id (or ``#N`` for a claim without a usable id)."""
    key: str | None = None

    def __str__(self) -> str:
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        parts = [where]
        if self.claim is not None:
            parts.append(f"claim {self.claim}")
        if self.key is not None:
            parts.append(self.key)
        parts.append(self.message)
        return ": ".join(parts)


class StoreError(FactmarkError):
    """An annotation file that cannot be used; the first problem is the message."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        if not problems:
            raise ValueError("a StoreError needs at least one problem")
        self.problems = list(problems)
        more = len(self.problems) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        super().__init__(f"{self.problems[0]}{suffix}")

    @property
    def path(self) -> Path:
        return self.problems[0].path

    @classmethod
    def single(cls, path: Path, message: str, **where: Any) -> StoreError:
        return cls([Problem(path, message, **where)])


class ChangedOnDiskError(StoreError):
    """The file changed on disk since it was loaded: saving would lose that change."""


_CONFLICT_MARKER = re.compile(r"^(<{7,}|\|{7,}|={7,}|>{7,})(?: |$)", re.MULTILINE)
"""git's markers: seven characters by default, more with ``conflict-marker-size``."""


_ID_LINE = re.compile(r'^\s*id\s*=\s*"([a-z0-9]+)"', re.MULTILINE)
_HEADER = re.compile(r"^\s*\[\[\s*(claims|claims\.sources|links|dismissed)\s*\]\]\s*(?:#.*)?$")
_KEY_LINE = re.compile(r'^\s*(?:"([^"]+)"|([A-Za-z0-9_-]+))\s*=')


def conflict_problems(text: str, path: Path) -> list[Problem]:
    """Git conflict markers left in the file, naming the claims they cut through."""
    markers = [
        (text.count("\n", 0, m.start()) + 1, m.group(1)[0]) for m in _CONFLICT_MARKER.finditer(text)
    ]
    if not markers:
        return []
    lines = text.split("\n")
    problems = []
    start: int | None = None
    for line, kind in markers:
        if kind == "<":
            start = line
        elif kind == ">" and start is not None:
            claims = _claims_in_lines(lines, start, line)
            problems.append(
                Problem(
                    path,
                    f"unresolved git merge conflict (lines {start}-{line})"
                    + (
                        f" in claim{'s' if len(claims) > 1 else ''} {', '.join(claims)}"
                        if claims
                        else ""
                    )
                    + "; keep one version of each table between the markers",
                    line=start,
                )
            )
            start = None
    if not problems:
        problems.append(Problem(path, "git conflict marker left in the file", line=markers[0][0]))
    return problems


def _claims_in_lines(lines: list[str], first: int, last: int) -> list[str]:
    """Ids of the claims whose tables the lines first..last (1-based) cut through."""
    ids: list[str] = []
    opening = lines[first] if first < len(lines) else ""  # the line after <<<<<<<
    starts_a_table = opening.strip() in ("", "[[claims]]", "[[links]]") or bool(
        _CONFLICT_MARKER.match(opening)  # our side is empty: it deleted the claim
    )
    if not starts_a_table:  # the conflict begins inside a claim: name that claim
        for line in reversed(lines[: first - 1]):
            match = _ID_LINE.match(line)
            if match:
                ids.append(match.group(1))
                break
            if line.strip() in ("[[claims]]", "[[links]]"):
                break
    for line in lines[first - 1 : last]:
        match = _ID_LINE.match(line)
        if match and match.group(1) not in ids:
            ids.append(match.group(1))
    return ids


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


class LineIndex:
    """Where tables and keys stand in a file's text, as far as a plain scan can tell."""

    def __init__(self, text: str) -> None:
        self._keys: dict[tuple[Any, ...], dict[str, int]] = {(): {}}
        claim = source = link = dismissed = -1
        current: tuple[Any, ...] = ()
        for number, line in enumerate(text.split("\n"), start=1):
            header = _HEADER.match(line)
            if header:
                name = header.group(1)
                if name == "claims":
                    claim, source = claim + 1, -1
                    current = ("claims", claim)
                elif name == "claims.sources":
                    source += 1
                    current = ("claims", claim, "sources", source)
                elif name == "dismissed":
                    dismissed += 1
                    current = ("dismissed", dismissed)
                else:
                    link += 1
                    current = ("links", link)
                self._keys.setdefault(current, {})["[header]"] = number
                continue
            if line.lstrip().startswith("["):
                current = ("?",)
                continue
            key = _KEY_LINE.match(line)
            if key:
                self._keys.setdefault(current, {}).setdefault(key.group(1) or key.group(2), number)

    def find(self, table: tuple[Any, ...], key: str | None) -> int | None:
        keys = self._keys.get(table)
        if keys is None:
            return None
        if key is not None and key in keys:
            return keys[key]
        return keys.get("[header]")
