"""The header line: the article's name, where the editor is, and the counts."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Static

from factmark.tui.text import sanitize
from factmark.visible import counted
from factmark.vocabulary import AnchorState


@dataclass(frozen=True)
class Status:
    article: str
    paragraph: int
    paragraphs: int
    claims: int
    contradictions: int
    changed: int
    """Claims found only by a close match: the text there now differs."""
    unresolved: int
    """Changed plus orphaned claims."""
    saved: bool
    read_only: str | None = None
    saving_error: str | None = None


class StatusBar(Static):
    """One line at the top: ``¶ N/M  claims · contradictions · orphans · saved  name``.

    The article's name comes last, so a narrow terminal cuts it rather than the counts.
    """

    def show(self, status: Status) -> None:
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        text.append(" factmark ", "bold reverse")
        text.append(f" ¶ {status.paragraph}/{status.paragraphs}", "bold")
        text.append(f"  {counted(status.claims, 'claim')}")
        text.append(f" · {counted(status.contradictions, 'contradiction')}")
        orphans = status.unresolved - status.changed
        if status.changed:
            text.append(f" · {status.changed} changed", "bold")
        text.append(f" · {counted(orphans, AnchorState.ORPHAN)}", "bold" if orphans else "")
        if status.read_only:
            text.append(" · read-only", "bold reverse")
        elif status.saving_error:
            text.append(" · NOT SAVED", "bold reverse")
        else:
            text.append(
                " · saved" if status.saved else " · unsaved", "" if status.saved else "bold"
            )
        text.append("   ")
        text.append(sanitize(status.article), "bold")
        self.update(text, layout=False)

    def show_opening(self, article: str, paragraph: int, paragraphs: int) -> None:
        """The line while the annotations are still being opened."""
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        text.append(" factmark ", "bold reverse")
        text.append(f" ¶ {paragraph}/{paragraphs}", "bold")
        text.append("  opening the annotations…", "dim")
        text.append("   ")
        text.append(sanitize(article), "bold")
        self.update(text, layout=False)
