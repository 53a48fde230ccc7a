"""The article as a column of paragraphs, drawn a line at a time.

A Line API widget (``ScrollView`` + ``render_line``): only the lines on
screen are drawn, so a book-length article scrolls and steps as fast as a
short one. Claims are marked inline by verdict (colour and underline) with a
verdict symbol in the gutter, so colour is never the only sign. A claim whose
text a copy edit changed is marked where its new text is, in its own style,
with :data:`CHANGED_SYMBOL` in the gutter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from factmark.article import Article, sentence_at
from factmark.textrange import TextRange, by_sentence, by_word
from factmark.tui.layout import Layout
from factmark.tui.text import sanitize, unsafe_offsets
from factmark.tui.widgets import gutter
from factmark.tui.widgets.gutter import CHANGED_SYMBOL as CHANGED_SYMBOL

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from factmark.anchor import Anchor
    from factmark.model import Claim
    from factmark.vocabulary import Verdict

GUTTER = 7
"""Cells before the text: paragraph number (5), a symbol column, a space."""


@dataclass(frozen=True, slots=True)
class ClaimSpan:
    """Where a claim stands in its paragraph, and how to mark it."""

    claim_id: str
    start: int
    end: int
    verdict: Verdict
    contradicted: bool
    changed: bool = False
    """Its text differs now from the quote that was checked (to resolve with ``c``)."""


class ArticleView(ScrollView, can_focus=True, inherit_bindings=False):
    """The article, its current paragraph highlighted and its claims marked.

    The scroll bindings are not inherited: up, down, home and end move between
    paragraphs (the screen's keys), they do not just scroll the view.
    """

    COMPONENT_CLASSES = {
        "article-view--gutter",
        "article-view--gutter-current",
        "article-view--current",
        "article-view--selection",
        "article-view--selected-claim",
        "article-view--search",
        "article-view--placeholder",
        "article-view--accurate",
        "article-view--mostly-accurate",
        "article-view--pending",
        "article-view--disputed",
        "article-view--misleading",
        "article-view--inaccurate",
        "article-view--unverifiable",
        "article-view--contradicted",
        "article-view--changed",
    }

    # fmt: off
    BINDINGS = [
        Binding("pageup", "page_up", "Page up", show=False, id="article-page-up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="article-page-down"),
        Binding("shift+right", "extend(1)", "Extend the selection", show=False, id="select-extend"),
        Binding("shift+left", "extend(-1)", "Shrink the selection", show=False, id="select-shrink"),
        Binding("ctrl+shift+right", "extend_word(1)", "Extend by a word", show=False,
                id="select-extend-word"),
        Binding("ctrl+shift+left", "extend_word(-1)", "Shrink by a word", show=False,
                id="select-shrink-word"),
        Binding("shift+home", "extend_sentence(-1)", "To the sentence start", show=False,
                id="select-sentence-start"),
        Binding("shift+end", "extend_sentence(1)", "To the sentence end", show=False,
                id="select-sentence-end"),
        Binding("o", "swap_ends", "Move the other end", show=False, id="select-other-end"),
    ]
    # fmt: on

    current: reactive[int] = reactive(1, layout=False)
    """The current paragraph (from 1)."""
    selected_claim: reactive[str | None] = reactive(None)
    """The claim shown in the side panel, marked in the text."""
    selection: reactive[TextRange | None] = reactive(None, bindings=True)
    """The span being chosen for a new claim, while adding one."""

    @dataclass
    class ParagraphClicked(Message):
        number: int

    @dataclass
    class ClaimClicked(Message):
        claim_id: str

    def __init__(self, article: Article, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article = article
        self._display = [sanitize(p.text) for p in article.paragraphs]
        self._placeholders: dict[int, set[int]] = {}
        """Offsets of placeholder characters, by paragraph: found when first drawn."""
        self._layout: Layout | None = None
        self._spans: dict[int, list[ClaimSpan]] = {}
        self._search: str = ""
        self._strips: dict[int, Strip] = {}
        """Drawn lines by line index; dropped for the paragraphs a change touches."""
        self._styles: dict[str, Style] = {}
        self._claim_paragraph: dict[str, int] = {}
        self._suggested: Callable[[int], list[tuple[int, int]]] | None = None
        """A paragraph's unclaimed suggested sentences, marked in the gutter."""

    # --- data in -------------------------------------------------------------

    def show_claims(
        self,
        claims: list[Claim],
        contradicted: set[str],
        changed: Sequence[tuple[Claim, Anchor]] = (),
    ) -> None:
        """Mark these claims (each with trusted hints) in the text, and the changed
        ones where their anchors found their new text."""
        spans: dict[int, list[ClaimSpan]] = {}
        for claim in claims:
            if claim.paragraph is None or claim.start is None:
                continue
            spans.setdefault(claim.paragraph, []).append(
                ClaimSpan(
                    claim.id,
                    claim.start,
                    claim.start + len(claim.quote),
                    claim.verdict,
                    claim.id in contradicted,
                )
            )
        for claim, anchor in changed:
            if anchor.paragraph is None or anchor.start is None or anchor.end is None:
                continue
            spans.setdefault(anchor.paragraph, []).append(
                ClaimSpan(
                    claim.id,
                    anchor.start,
                    anchor.end,
                    claim.verdict,
                    claim.id in contradicted,
                    changed=True,
                )
            )
        for paragraph_spans in spans.values():
            paragraph_spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
        self._spans = spans
        self._claim_paragraph = {
            span.claim_id: number for number, found in spans.items() for span in found
        }
        self._redraw()

    def show_suggestions(self, spans_in: Callable[[int], list[tuple[int, int]]] | None) -> None:
        """Mark the sentences ``spans_in`` gives for a paragraph in the gutter (asked when a
        line is drawn); None: no marks."""
        self._suggested = spans_in
        self._redraw()

    def spans_in(self, paragraph: int) -> list[ClaimSpan]:
        return self._spans.get(paragraph, [])

    def set_search(self, query: str) -> None:
        self._search = query.casefold()
        self._redraw()

    # --- layout --------------------------------------------------------------

    @property
    def layout_lines(self) -> Layout:
        if self._layout is None:
            self._relayout()
        assert self._layout is not None
        return self._layout

    def _text_width(self) -> int:
        return max(10, self.scrollable_content_region.width - GUTTER)

    def _relayout(self) -> None:
        width = self._text_width()
        if self._layout is None or self._layout.width != width:
            self._layout = Layout(self._display, width)
            self.virtual_size = Size(width + GUTTER, len(self._layout))
            self._strips.clear()

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()
        self.scroll_to_paragraph(self.current, animate=False)

    def _redraw(self) -> None:
        self._strips.clear()
        self.refresh()

    def _redraw_paragraphs(self, *numbers: int | None) -> None:
        """Draw again only the lines of these paragraphs (a key touches one or two)."""
        if self._layout is None:
            return
        for number in numbers:
            if number is None or not 1 <= number <= len(self.article.paragraphs):
                continue
            lines = self._layout.paragraph_lines(number)
            for index in lines:
                self._strips.pop(index, None)
            self.refresh_lines(lines.start, len(lines))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()  # a theme change: every line is drawn anew
        self._strips.clear()

    def watch_current(self, old: int, new: int) -> None:
        self._redraw_paragraphs(old, new)

    def watch_selected_claim(self, old: str | None, new: str | None) -> None:
        self._redraw_paragraphs(
            *(self._claim_paragraph.get(claim_id) for claim_id in (old, new) if claim_id)
        )

    def watch_selection(self, old: TextRange | None, new: TextRange | None) -> None:
        self._redraw_paragraphs(*(s.paragraph for s in (old, new) if s is not None))

    def scroll_to_paragraph(self, number: int, *, animate: bool = False) -> None:
        """Bring a paragraph into view (its first lines, with a little context above)."""
        if not self.article.paragraphs:
            return
        layout = self.layout_lines
        lines = layout.paragraph_lines(number)
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        if lines.start < top + 1 or lines.stop > top + height:
            target = (
                lines.start - 1
                if len(lines) >= height
                else lines.start - max(1, (height - len(lines)) // 3)
            )
            self.scroll_to(y=max(0, target), animate=animate, immediate=True)

    def scroll_to_offset(self, number: int, offset: int) -> None:
        """Bring the line holding an offset of a paragraph into view."""
        index = self.layout_lines.line_of(number, offset)
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        if not top <= index < top + height:
            self.scroll_to(y=max(0, index - height // 3), animate=False, immediate=True)

    # --- drawing -------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        strip = self._strips.get(index)
        if strip is None:
            strip = self._draw(index)
            self._strips[index] = strip
        return strip.crop(self.scroll_offset.x, self.scroll_offset.x + self.size.width)

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            if name == "base":
                style = self.rich_style
            else:
                style = self.get_component_rich_style(f"article-view--{name}", partial=True)
            self._styles[name] = style
        return style

    def _draw(self, index: int) -> Strip:
        layout = self.layout_lines
        width = self.size.width
        base = self._style("base")
        if index >= len(layout):
            return Strip.blank(width, base)
        line = layout.lines[index]
        if line.paragraph == 0:
            return Strip.blank(width, base)
        number = line.paragraph
        current = number == self.current
        text_style = base + self._style("current") if current else base
        gutter_style = base + self._style("gutter-current" if current else "gutter")
        spans = [s for s in self.spans_in(number) if s.start < line.end and s.end > line.start]
        first = index == layout.first_lines[number - 1]
        suggested = self._suggested(number) if self._suggested is not None else ()
        marked = any(s < line.end and e > line.start for s, e in suggested)
        label = gutter.label(number, first, marked)
        symbol = gutter.symbol(spans)
        segments = [Segment(label, gutter_style), Segment(f"{symbol} ", gutter_style)]
        text = Text(self._display[number - 1][line.start : line.end], end="")
        text.stylize(text_style)  # as a span: Text.render drops a lone base style
        self._mark(text, number, line.start, line.end, spans)
        segments.extend(text.render(self.app.console))
        strip = Strip(segments).extend_cell_length(width, text_style)
        return strip.simplify()

    def _mark(self, text: Text, number: int, start: int, end: int, spans: list[ClaimSpan]) -> None:
        """Style claims, the selection, search hits and placeholders on one line."""

        def stylize(style: Style, span_start: int, span_end: int) -> None:
            low, high = max(span_start, start), min(span_end, end)
            if low < high:
                text.stylize(style, low - start, high - start)

        for span in spans:
            stylize(self._style("changed" if span.changed else span.verdict), span.start, span.end)
            if span.contradicted and not span.changed:
                stylize(self._style("contradicted"), span.start, span.end)
            if span.claim_id == self.selected_claim:
                stylize(self._style("selected-claim"), span.start, span.end)
        if self._search:
            haystack = self._display[number - 1].casefold()
            position = haystack.find(self._search, max(0, start - len(self._search)))
            while 0 <= position < end:
                stylize(self._style("search"), position, position + len(self._search))
                position = haystack.find(self._search, position + 1)
        for offset in self._placeholders_in(number):
            if start <= offset < end:
                stylize(self._style("placeholder"), offset, offset + 1)
        if self.selection is not None and self.selection.paragraph == number:
            stylize(self._style("selection"), *self.selection.span)

    def _placeholders_in(self, number: int) -> set[int]:
        found = self._placeholders.get(number)
        if found is None:
            text = self.article.paragraphs[number - 1].text
            found = self._placeholders[number] = set(unsafe_offsets(text))
        return found

    # --- mouse ---------------------------------------------------------------

    def offset_at(self, x: int, y: int) -> tuple[int, int] | None:
        """The (paragraph, offset) under a point of the widget, if it is text."""
        index = y + self.scroll_offset.y
        layout = self.layout_lines
        if not 0 <= index < len(layout):
            return None
        line = layout.lines[index]
        if line.paragraph == 0:
            return None
        column = x + self.scroll_offset.x - GUTTER
        text = self._display[line.paragraph - 1]
        used = 0
        for offset in range(line.start, line.end):
            used += Text(text[offset]).cell_len
            if used > column:
                return line.paragraph, offset
        return line.paragraph, max(line.start, line.end - 1) if column >= 0 else line.start

    def on_mouse_down(self, event: events.MouseDown) -> None:
        hit = self.offset_at(event.x, event.y)
        if hit is None:
            return
        number, offset = hit
        if self.selection is not None:
            if number == self.selection.paragraph:
                self.selection = TextRange(number, offset, offset + 1)
                self.capture_mouse()
            return
        self.post_message(self.ParagraphClicked(number))
        under = [s for s in self.spans_in(number) if s.start <= offset < s.end]
        if under:  # the innermost claim under the pointer
            innermost = min(under, key=lambda s: s.end - s.start)
            self.post_message(self.ClaimClicked(innermost.claim_id))

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self.selection is None or not event.button:
            return
        hit = self.offset_at(event.x, event.y)
        if hit is not None and hit[0] == self.selection.paragraph:
            cursor = hit[1] + 1 if hit[1] >= self.selection.anchor else hit[1]
            self.selection = self.selection.moved_to(cursor)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        self.release_mouse()

    # --- selecting a new claim ----------------------------------------------

    def begin_selection(self, paragraph: int, around: int | None = None) -> None:
        """Open a paragraph for selection, its sentence at ``around`` preselected."""
        text = self.article.paragraph(paragraph).text
        start, end = sentence_at(text, around or 0)
        self.selection = TextRange(paragraph, start, end)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"extend", "extend_word", "extend_sentence", "swap_ends"}:
            return self.selection is not None
        return True

    def _move_cursor(self, cursor: int) -> None:
        selection = self.selection
        if selection is None:
            return
        length = len(self.article.paragraph(selection.paragraph).text)
        cursor = max(0, min(length, cursor))
        if cursor == selection.anchor:  # never an empty selection
            return
        self.selection = selection.moved_to(cursor)
        self.scroll_to_offset(selection.paragraph, min(cursor, length - 1))

    def action_extend(self, step: int) -> None:
        if self.selection is not None:
            self._move_cursor(self.selection.cursor + step)

    def action_extend_word(self, step: int) -> None:
        if self.selection is not None:
            text = self.article.paragraph(self.selection.paragraph).text
            self._move_cursor(by_word(text, self.selection.cursor, step))

    def action_extend_sentence(self, step: int) -> None:
        if self.selection is not None:
            text = self.article.paragraph(self.selection.paragraph).text
            self._move_cursor(by_sentence(text, self.selection.cursor, step))

    def action_swap_ends(self) -> None:
        if self.selection is not None:
            self.selection = self.selection.swapped()
