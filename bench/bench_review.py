"""How fast the review screen (``r``) is at 2,000 claims.

Run it with the project's interpreter::

    .venv/bin/python bench/bench_review.py [--runs N]

It writes the book of ``bench_tui.py`` (2,000 paragraphs, 2,000 claims, 500
links) in a temporary folder and opens it headless with Textual's Pilot at
120×36. For each key it measures the CPU time of the process from the press to
the refreshed screen (``pilot.press`` then ``pilot.pause``; Pilot's idle waits
sleep and cost no CPU), less the CPU time of a key bound to nothing:

- ``r``: open the review, its 2,000 rows and the contradictions view built;
- ``x``: only contradicted claims (a few hundred rows), and ``x`` again: all
  2,000 rows back (the worst case of every filter);
- ``3``: sort 2,000 rows by verdict;
- a character typed in the search field (the rows that match);
- ``t``: the contradictions view, each pair's quotes wrapped side by side.

Two yardsticks, measured in the same run, interleaved (bare, book, short, bare,
…), medians compared:

- opening the review on the 20-paragraph article of the same book: a new screen
  costs Textual the same whatever it shows, so the 2,000 claims must add little;
- a bare app with one ``DataTable`` whose key clears it and adds the same 2,000
  rows of 7 ``Text`` cells: what refilling a DataTable would cost on each filter.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any, ClassVar

from bench_tui import SIZE, generate
from rich.text import Text
from textual.app import App, ComposeResult  # noqa: TID251 (the bare yardstick)
from textual.binding import Binding  # noqa: TID251
from textual.pilot import Pilot  # noqa: TID251
from textual.widgets import DataTable  # noqa: TID251

from factmark.article import Article
from factmark.tui.app import FactmarkApp
from factmark.tui.screens.review import ReviewScreen

OPEN_MAX = 1.5
"""Opening the review at 2,000 claims: at most this many times opening it at 20 paragraphs
(a new screen costs Textual the same whatever it shows; the claims must not add much)."""
KEY_VS_BARE_MAX = 0.5
"""A filter, a sort or a search at 2,000 claims: at most half the bare table's fill."""
KEY_MAX_MS = 100.0
"""A key of the review at 2,000 claims, in CPU milliseconds: it must feel immediate."""
OPEN_MAX_MS = 400.0
"""Opening the review, and its contradictions view: a new screen may take a moment more."""
NULL_KEY = "f12"


class BareTable(App[None]):
    """One DataTable; ``f`` clears it and adds 2,000 rows of 7 Text cells."""

    BINDINGS: ClassVar = [Binding("f", "fill", "Fill")]

    def __init__(self, rows: list[list[Text]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield DataTable(cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for name in ("¶", "Claim", "Verdict", "Conf.", "Src", "Links", "Anchor"):
            table.add_column(name)
        table.focus()

    def action_fill(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        table.add_rows(self.rows)


async def _cpu(pilot: Pilot[Any], *keys: str) -> float:
    started = time.process_time()
    await pilot.press(*keys)
    await pilot.pause()
    return time.process_time() - started


async def _null(pilot: Pilot[Any]) -> float:
    return statistics.median([await _cpu(pilot, NULL_KEY) for _ in range(10)])


async def bare_run(rows: list[list[Text]]) -> dict[str, float]:
    app = BareTable(rows)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        null = await _null(pilot)
        fill = await _cpu(pilot, "f")
        assert app.query_one(DataTable).row_count == len(rows)
        again = await _cpu(pilot, "f")
    return {"fill": min(fill, again) - null}


async def review_run(article: Path, annotations: Path, claims: int) -> dict[str, float]:
    app = FactmarkApp(
        Article.read(article), annotations, lock=False, watch_interval=3600, freeze_heap=True
    )  # as factmark annotate runs it
    async with app.run_test(size=SIZE) as pilot:
        while app.session is None or app.annotate_screen is None:
            await pilot.pause(0.01)
        await pilot.pause(0.2)
        null = await _null(pilot)
        figures: dict[str, float] = {}

        async def measure(name: str, *keys: str, check: Callable[[ReviewScreen], bool]) -> None:
            figures[name] = await _cpu(pilot, *keys) - null
            screen = app.screen
            assert isinstance(screen, ReviewScreen) and check(screen), name

        await measure("open", "r", check=lambda s: len(s.shown) == claims)
        await measure("only contradicted", "x", check=lambda s: s.selection.contradictions)
        await measure("all back", "x", check=lambda s: len(s.shown) == claims)
        await measure("sort", "3", check=lambda s: s.column == "verdict")
        await pilot.press("slash")
        await pilot.pause()
        await measure("search", "z", check=lambda s: s.selection.query == "z")
        await pilot.press("down", "0")  # from the search to the table, then no filter
        await pilot.pause()
        await measure("contradictions view", "t", check=_contradictions_shown)
    return figures


def _contradictions_shown(screen: ReviewScreen) -> bool:
    from factmark.tui.widgets.contradiction_list import ContradictionList

    view = screen.query_one(ContradictionList)
    return view.has_focus and view.virtual_size.height >= view.item_count()


def rows_like_the_review(annotations: Path, article: Path) -> list[list[Text]]:
    """2,000 rows as the review shows them, for the bare table."""
    from factmark.store import loading

    document = loading.load(annotations).document.sorted()
    return [
        [Text(str(c.paragraph)), Text(" ".join(c.quote.split())[:60]), Text(c.verdict),
         Text(c.confidence), Text(str(len(c.sources))), Text("1"), Text("anchored")]
        for c in document.claims
    ]  # fmt: skip


async def main_async(runs: int) -> int:
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="factmark-bench-review-") as folder:
        cases = generate(Path(folder))
        book, short = cases["book"], cases["short"]
        rows = rows_like_the_review(book.annotations, book.article)
        bare: list[dict[str, float]] = []
        review: list[dict[str, float]] = []
        small: list[dict[str, float]] = []
        for run in range(runs):
            bare.append(await bare_run(rows))
            review.append(await review_run(book.article, book.annotations, book.claims))
            small.append(await review_run(short.article, short.annotations, short.claims))
            print(f"  run {run + 1}/{runs} done", file=sys.stderr)

    def median(results: list[dict[str, float]], key: str) -> float:
        return statistics.median(result[key] for result in results)

    fill = median(bare, "fill")
    print(f"\nReview screen at {book.claims:,} claims and {book.links} links (the book) and at "
          f"{short.claims} claims (20 paragraphs), 120×36,\nmedian of {runs} runs, CPU ms "
          "less a null key\n")  # fmt: skip
    print(
        f"  yardstick: bare DataTable, clear and add {book.claims:,} rows: {fill * 1000:.1f} ms\n"
    )
    failed = False
    keys = ("open", "only contradicted", "all back", "sort", "search", "contradictions view")
    for key in keys:
        value, base = median(review, key), median(small, key)
        opening = key in ("open", "contradictions view")
        most = OPEN_MAX_MS if opening else KEY_MAX_MS
        limit: float | None = None if opening else KEY_VS_BARE_MAX
        ratio, against = value / fill, "bare"
        if key == "open":
            ratio, limit, against = value / base, OPEN_MAX, "20 ¶"
        ok = value * 1000 <= most and (limit is None or ratio <= limit)
        failed |= not ok
        target = f"≤ {limit:.1f}× and " if limit is not None else ""
        print(f"  {key:<20} {value * 1000:7.1f} ms (20 ¶: {base * 1000:5.1f})   "
              f"{ratio:4.2f}× {against:<5} target {target}≤ {most:.0f} ms   "
              f"{'ok' if ok else 'MISSED'}")  # fmt: skip
    print(f"\n  total {time.perf_counter() - began:.0f} s")
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    run: Awaitable[int] = main_async(args.runs)
    return asyncio.run(run)  # type: ignore[arg-type]


if __name__ == "__main__":
    sys.exit(main())
