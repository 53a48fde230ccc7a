"""Untrusted text made safe for the HTML page: escaped, hidden characters visible."""

from __future__ import annotations

from datetime import datetime
from html import escape
from urllib.parse import quote as percent_encode
from urllib.parse import urlsplit

from factmark.model import format_timestamp
from factmark.visible import INVISIBLE, placeholder

EXCERPT = 70
"""Code points of a linked claim's quote shown in a link."""


def attr(value: str) -> str:
    """A value for inside a double-quoted attribute, hidden characters spelt U+XXXX."""
    return escape(INVISIBLE.sub(lambda m: f"U+{ord(m.group()):04X}", value), quote=True)


def text(value: str) -> str:
    """Untrusted text as HTML: escaped, every hidden character a visible placeholder."""
    out: list[str] = []
    cursor = 0
    for match in INVISIBLE.finditer(value):
        out.append(escape(value[cursor : match.start()], quote=True))
        char = match.group()
        out.append(
            f'<span class="hidden-char" title="U+{ord(char):04X}">{placeholder(char)}</span>'
        )
        cursor = match.end()
    out.append(escape(value[cursor:], quote=True))
    return "".join(out)


def plain(value: str) -> str:
    """Untrusted text where no tag can go (``<title>``): escaped, placeholders bare."""
    return escape(INVISIBLE.sub(lambda m: placeholder(m.group()), value), quote=True)


def excerpt(value: str, limit: int = EXCERPT) -> str:
    flat = " ".join(value.split())
    if len(flat) <= limit:
        return text(flat)
    return text(flat[: limit - 1].rstrip()) + "…"


def time_element(value: datetime) -> str:
    stamp = format_timestamp(value)
    return f'<time datetime="{stamp}">{stamp[:10]} {stamp[11:16]} UTC</time>'


def safe_url(url: str) -> str | None:
    """The URL with hidden characters percent-encoded, if it is http or https."""
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        return None
    return INVISIBLE.sub(lambda m: percent_encode(m.group()), url)
