"""How fast ``factmark annotate`` is at book length.

Run it with the project's interpreter::

    .venv/bin/python bench/bench_tui.py [--rounds N] [--runs N] [--keep DIR]

In a temporary folder it writes a 2,000-paragraph (~1 MB) article with an
annotation file of 2,000 claims and 500 links (built with ``factmark.model``
and written by ``factmark.store``: every quote is taken from the article and
its hints are right), the first 1,000 and the first 20 paragraphs of the same
article with their share of the claims, and a copy of the seed article. Then,
in one run, candidates interleaved, the median of several runs each:

(a) first paint, as an editor meets it: tmux (a 120×40 pane, TERM=xterm-256color)
    launches the program, from the process's start, and ``capture-pane`` is
    polled every ~5 ms until the expected content is on screen: a bare Textual
    app (a ``Static`` and a ``Footer``; ``python bare_app.py``, same interpreter)
    until its text and footer show, and ``factmark annotate`` (the installed
    console script) on the book and on the seed article until both the first
    words of the article and the ``¶ 1/N`` header show. Bytecode is cached for
    both, as for an installed program (round 0 compiles it and is dropped); an
    editable install run with PYTHONDONTWRITEBYTECODE compiles factmark's own
    modules at every start instead: the seed is also started that way
    ("uncached": no cache folder, PYTHONDONTWRITEBYTECODE=1; the compiled
    modules of an installed factmark are read as usual), for information.
    Reported as the ratio of medians to the bare app's (the verdict), candidates
    interleaved, and, for information, as the median of each round's ratio.
(d) keys from outside, in the same pane and runs as (a), on the book: ``G``
    sent the moment the first frame shows (the annotations still loading),
    timed until ``¶ 2000/2000`` is on screen; then, the claims shown, ``g`` and
    40 ``j`` sent at once, timed until the last step's ``¶ 41/2000`` is on
    screen and divided by 40 (a step, terminal round trip included).
(b) key latency in app time, with Textual's Pilot at 120×36: CPU time of the
    process from a key press to the refreshed screen (``pilot.press`` then
    ``pilot.pause``; Pilot's idle waits sleep and so cost no CPU), less the CPU
    time of a key bound to nothing (Pilot's own bookkeeping), for ``j`` (~50
    presses), ``G`` and ``g``; the 20-paragraph article is the yardstick, and a
    bare app whose ``j`` updates a ``Static`` is shown for reference.
(c) memory: peak RSS (``VmHWM``; ``getrusage`` is also recorded) of a child that
    opens the app headless and steps through it, for 20, 1,000 and 2,000
    paragraphs: the RSS added per byte of input; and whether the RSS it holds at
    the end (``VmRSS``) grows linearly (the peak of a short article is start-up's,
    which hides what the first 1,000 paragraphs add).

Each measurement of (b) and (c) runs in a fresh child process (this script
with ``--child``), one at a time, so that none disturbs another.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factmark.anchor import context, locate_all
from factmark.article import Article
from factmark.model import AnnotationFile, Claim, Link, Source, new_claim_id
from factmark.paths import relative_article
from factmark.store import loading, writer
from factmark.vocabulary import LINK_KINDS, VERDICTS, AnchorState

ROOT = Path(__file__).resolve().parents[1]
SEED = "000_207cb1c8ae6ad8ea"
FACTMARK = Path(sys.executable).parent / "factmark"
TMUX = shutil.which("tmux") or "/usr/bin/tmux"
SIZE = (120, 36)
"""Pilot's screen for (b) and (c)."""
TERMINAL = (120, 40)
"""The tmux pane of (a) and (d): the size the program was first measured at by hand."""

# Targets.
PAINT_BOOK_MAX = 1.5
PAINT_SEED_MAX = 1.3
JUMP_MAX_S = 0.15
"""``G`` on the book: from the key sent to ``¶ 2000/2000`` on screen."""
STEP_MAX_MS = 10.0
"""One ``j`` on the book, terminal round trip included."""
STEPS = 40
"""``j`` presses sent to the terminal at once for (d)."""
KEY_MAX_MS = 16.0
BOOK_VS_SHORT_MAX = 1.2
"""'No slower than at 20 paragraphs', with 20 % for measurement noise."""
RSS_PER_BYTE_MAX = 20.0
"""RSS added per byte of input (article + annotations), book over the 20-paragraph case."""
RSS_LINEARITY_MAX = 1.25
"""Growth from 1,000 to 2,000 paragraphs over what linear growth predicts."""

BARE_APP = '''\
"""A bare Textual app: a Static and a Footer (the yardstick)."""
import sys

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Static

READY = "Bare Textual app: ready"


class BareApp(App[None]):
    BINDINGS = [
        Binding("j", "step(1)", "Next"),
        Binding("g", "first", "First"),
        Binding("G", "last", "Last"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, count: int = 2000) -> None:
        super().__init__()
        self.count = count
        self.position = 1

    def compose(self) -> ComposeResult:
        yield Static(READY, id="text")
        yield Footer()

    def _show(self) -> None:
        self.query_one("#text", Static).update(f"{READY}  ¶ {self.position}/{self.count}")

    def action_step(self, step: int) -> None:
        self.position = max(1, min(self.count, self.position + step))
        self._show()

    def action_first(self) -> None:
        self.position = 1
        self._show()

    def action_last(self) -> None:
        self.position = self.count
        self._show()


if __name__ == "__main__":
    BareApp().run()
'''
BARE_READY = "Bare Textual app: ready"


# --- the articles ---------------------------------------------------------------

WORDS = (
    "the",
    "ministry",
    "said",
    "report",
    "figures",
    "army",
    "border",
    "talks",
    "bodies",
    "soldiers",
    "transfer",
    "agreement",
    "officials",
    "according",
    "source",
    "confirmed",
    "denied",
    "numbers",
    "week",
    "month",
    "since",
    "before",
    "after",
    "minister",
    "spokesman",
    "statement",
    "council",
    "region",
    "city",
    "village",
    "hospital",
    "families",
    "remains",
    "exchange",
    "prisoners",
    "negotiations",
    "delegation",
    "reported",
    "unnamed",
    "independent",
    "analysts",
    "estimate",
    "thousand",
    "hundred",
    "returned",
    "received",
    "handed",
    "over",
    "claimed",
    "agency",
    "interview",
    "documents",
    "evidence",
    "satellite",
    "images",
    "video",
    "footage",
    "verified",
    "disputed",
    "record",
    "census",
    "budget",
    "percent",
    "growth",
    "decline",
    "increase",
    "election",
    "vote",
    "parliament",
    "committee",
    "inquiry",
)
NAMES = ("Medinsky", "Interfax", "Kyiv", "Istanbul", "Zelensky", "Reuters", "Ankara")
FANCY = ("“", "”", "’", "é", "—")


@dataclass(frozen=True)
class Case:
    name: str
    article: Path
    annotations: Path
    paragraphs: int
    claims: int
    links: int
    first_words: str
    """The start of the first paragraph, short enough for the first display line."""
    article_bytes: int
    annotation_bytes: int

    @property
    def input_bytes(self) -> int:
        return self.article_bytes + self.annotation_bytes


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 22))]
    if rng.random() < 0.5:
        words[rng.randrange(len(words))] = rng.choice(NAMES)
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), f"{rng.randint(2, 9999):,}")
    if rng.random() < 0.1:
        index = rng.randrange(len(words))
        words[index] = f"{FANCY[0]}{words[index]}{FANCY[1]}"
    if rng.random() < 0.05:
        words.append(f"caf{FANCY[3]}")
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random, number: int) -> tuple[str, list[tuple[int, int]]]:
    """A paragraph of 3 to 6 sentences (~500 characters) and its sentences' spans."""
    sentences = [_sentence(rng) for _ in range(rng.randint(3, 6))]
    sentences[0] = f"Paragraph {number}: {sentences[0]}"
    spans, text = [], ""
    for sentence in sentences:
        if text:
            text += " "
        spans.append((len(text), len(text) + len(sentence)))
        text += sentence
    return text, spans


def _claims_for(
    article: Article, spans: Sequence[list[tuple[int, int]]], rng: random.Random
) -> list[Claim]:
    claims: list[Claim] = []
    taken: set[str] = set()
    for paragraph, sentence_spans in zip(article.paragraphs, spans, strict=True):
        start, end = rng.choice(sentence_spans)
        if rng.random() < 0.5:  # a clause rather than the whole sentence, now and then
            end = start + max(12, (end - start) // 2)
            while end > start + 1 and paragraph.text[end - 1] == " ":
                end -= 1
        prefix, suffix = context(paragraph, start, end)
        claim_id = new_claim_id(taken)
        taken.add(claim_id)
        sources = []
        if rng.random() < 0.5:
            sources.append(
                Source(
                    url=f"https://example.org/report/{paragraph.number}",
                    title=f"Report {paragraph.number}",
                    stance=rng.choice(("supports", "contradicts", "context")),
                )
            )
        claims.append(
            Claim(
                id=claim_id,
                quote=paragraph.text[start:end],
                prefix=prefix,
                suffix=suffix,
                paragraph=paragraph.number,
                start=start,
                verdict=rng.choice(VERDICTS),
                note=f"Checked against the record of paragraph {paragraph.number}.",
                tags=["bench"],
                author="bench",
                sources=sources,
            )
        )
    return claims


def _links_for(claims: list[Claim], count: int, rng: random.Random) -> list[Link]:
    links: list[Link] = []
    keys: set[tuple[str, str, str]] = set()
    if len(claims) < 2:
        return links
    while len(links) < count:
        source, target = rng.sample(claims, 2)
        kind = "contradicts" if rng.random() < 0.4 else rng.choice(LINK_KINDS)
        link = Link.model_validate({"from": source.id, "to": target.id, "kind": kind})
        if link.key in keys:
            continue
        keys.add(link.key)
        links.append(link)
    return links


def write_case(
    folder: Path, name: str, paragraphs: list[str], spans: list[list[tuple[int, int]]], links: int
) -> Case:
    rng = random.Random(f"{name}-{len(paragraphs)}")
    article_path = folder / "articles" / f"{name}.txt"
    annotation_path = folder / "annotations" / f"{name}.toml"
    article_path.parent.mkdir(parents=True, exist_ok=True)
    annotation_path.parent.mkdir(parents=True, exist_ok=True)
    article_path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    article = Article.read(article_path)
    assert len(article.paragraphs) == len(paragraphs)
    claims = _claims_for(article, spans, rng)
    document = AnnotationFile(
        article=relative_article(annotation_path, article_path),
        article_sha256=article.sha256,
        claims=claims,
        links=_links_for(claims, links, rng),
    )
    writer.save(document, annotation_path)
    loaded = loading.load(annotation_path).document  # what factmark will read
    anchors = locate_all(loaded, article)
    assert all(a.state is AnchorState.ANCHORED for a in anchors.values()), "hints must be right"
    return Case(
        name,
        article_path,
        annotation_path,
        len(paragraphs),
        len(loaded.claims),
        len(loaded.links),
        " ".join(paragraphs[0].split()[:4]),
        article_path.stat().st_size,
        annotation_path.stat().st_size,
    )


def generate(folder: Path) -> dict[str, Case]:
    rng = random.Random(2026)
    made = [_paragraph(rng, number) for number in range(1, 2001)]
    texts = [text for text, _ in made]
    spans = [s for _, s in made]
    cases = {
        "book": write_case(folder, "book", texts, spans, 500),
        "half": write_case(folder, "half", texts[:1000], spans[:1000], 250),
        "short": write_case(folder, "short", texts[:20], spans[:20], 5),
    }
    seed_article = folder / "seeds" / f"{SEED}.txt"
    seed_annotations = folder / "annotations" / f"{SEED}.toml"
    seed_article.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / "seeds" / f"{SEED}.txt", seed_article)
    shutil.copyfile(ROOT / "annotations" / f"{SEED}.toml", seed_annotations)
    seed = loading.load(seed_annotations).document
    cases["seed"] = Case(
        "seed",
        seed_article,
        seed_annotations,
        len(Article.read(seed_article).paragraphs),
        len(seed.claims),
        len(seed.links),
        "Behind Closed Doors:",
        seed_article.stat().st_size,
        seed_annotations.stat().st_size,
    )
    return cases


# --- (a) first paint in tmux ------------------------------------------------------


class Tmux:
    """A private tmux server with one pane that programs are launched into."""

    def __init__(self, width: int, height: int, pycache: Path) -> None:
        self.socket = f"factmark-bench-{uuid.uuid4().hex[:10]}"
        self.width, self.height = width, height
        self.pycache = pycache
        self.socket_path: str | None = None

    def run(self, *args: str) -> str:
        return subprocess.run(
            [TMUX, "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout

    def start(self) -> None:
        self.run(
            "new-session", "-d", "-s", "bench",
            "-x", str(self.width), "-y", str(self.height), "sleep 100000",
        )  # fmt: skip
        self.run("set-option", "-g", "remain-on-exit", "on")
        self.socket_path = self.run("display-message", "-p", "#{socket_path}").strip()

    def launch(self, command: str) -> float:
        """Start a program in the pane (replacing what ran there); the start time."""
        # COLUMNS/LINES may be exported at C level (GNU readline does): they would win
        # over the pane's real size, so they go. Bytecode is cached (in a folder of
        # our own) even where PYTHONDONTWRITEBYTECODE is set, as for an installed
        # program: otherwise factmark's own modules are compiled at every start.
        wrapped = (
            "env -u COLUMNS -u LINES -u PYTHONDONTWRITEBYTECODE "
            f"PYTHONPYCACHEPREFIX={shlex.quote(str(self.pycache))} "
            f"TERM=xterm-256color {command}"
        )
        started = time.perf_counter()
        self.run("respawn-pane", "-k", "-t", "bench", wrapped)
        return started

    def send(self, keys: str) -> float:
        """Type ``keys`` into the pane (literally, one key a character); the time sent."""
        started = time.perf_counter()
        self.run("send-keys", "-t", "bench", "-l", keys)
        return started

    def capture(self) -> str:
        return self.run("capture-pane", "-p", "-t", "bench")

    def wait_for(self, texts: Sequence[str], started: float, timeout: float = 60.0) -> float:
        """Seconds from ``started`` until every text is on screen (polled every ~5 ms)."""
        while True:
            polled = time.perf_counter()
            screen = self.capture()
            if all(text in screen for text in texts):
                return time.perf_counter() - started
            if polled - started > timeout:
                raise TimeoutError(f"{texts} never showed; the screen:\n{screen}")
            time.sleep(max(0.0, 0.005 - (time.perf_counter() - polled)))

    def dead(self) -> bool:
        return self.run("display-message", "-p", "-t", "bench", "#{pane_dead}").strip() == "1"

    def quit(self, timeout: float = 10.0) -> None:
        """Press q and wait for the program to end (killed if it does not)."""
        self.run("send-keys", "-t", "bench", "q")
        deadline = time.monotonic() + timeout
        while not self.dead():
            if time.monotonic() > deadline:
                print("  (the program did not quit on q; killed)", file=sys.stderr)
                self.run("respawn-pane", "-k", "-t", "bench", "true")
                return
            time.sleep(0.02)

    def kill(self) -> None:
        subprocess.run(
            [TMUX, "-L", self.socket, "kill-server"], capture_output=True, timeout=10, check=False
        )
        if self.socket_path:  # tmux 3.3 leaves the socket file behind
            Path(self.socket_path).unlink(missing_ok=True)


@dataclass(frozen=True)
class PaintCandidate:
    name: str
    command: str
    expect: tuple[str, ...]


def measure_first_paint(
    cases: dict[str, Case], bare_file: Path, rounds: int, pycache: Path
) -> dict[str, list[float]]:
    python = shlex.quote(sys.executable)
    factmark = shlex.quote(str(FACTMARK))

    def annotate(case: Case) -> str:
        return (
            f"{factmark} annotate {shlex.quote(str(case.article))} "
            f"--annotations {shlex.quote(str(case.annotations))}"
        )

    book, seed = cases["book"], cases["seed"]
    candidates = [
        PaintCandidate("bare", f"{python} {shlex.quote(str(bare_file))}", (BARE_READY, "Quit")),
        PaintCandidate("book", annotate(book), (book.first_words, f"¶ 1/{book.paragraphs}")),
        PaintCandidate("seed", annotate(seed), (seed.first_words, f"¶ 1/{seed.paragraphs}")),
        PaintCandidate(
            "seed, uncached",
            f"env -u PYTHONPYCACHEPREFIX PYTHONDONTWRITEBYTECODE=1 {annotate(seed)}",
            (seed.first_words, f"¶ 1/{seed.paragraphs}"),
        ),
    ]
    times: dict[str, list[float]] = {c.name: [] for c in candidates}
    times.update(jump=[], step=[])
    terminal = Tmux(*TERMINAL, pycache)
    terminal.start()
    try:
        for round_number in range(rounds + 1):  # round 0 warms the caches and is dropped
            order = candidates if round_number % 2 else candidates[::-1]
            for candidate in order:
                started = terminal.launch(candidate.command)
                elapsed = terminal.wait_for(candidate.expect, started)
                if candidate.name == "book":
                    jump, step = measure_keys(terminal, book)
                terminal.quit()
                if round_number:
                    times[candidate.name].append(elapsed)
                    if candidate.name == "book":
                        times["jump"].append(jump)
                        times["step"].append(step)
            if round_number:
                line = "  ".join(f"{n} {t[-1] * 1000:6.0f} ms" for n, t in times.items())
                print(f"  paint round {round_number}: {line}", file=sys.stderr)
    finally:
        terminal.kill()
    return times


def measure_keys(terminal: Tmux, book: Case) -> tuple[float, float]:
    """(d) ``G`` the moment the book is on screen, then ``j`` × STEPS once it is open.

    ``G`` is sent as soon as the first frame shows (the annotations are still
    loading, as when an editor jumps straight away): seconds until ``¶ 2000/2000``
    is on screen. Then, the claims shown, ``g`` and STEPS ``j`` sent at once:
    seconds per step until the last one's ``¶ N/2000`` is on screen.
    """
    count = book.paragraphs
    jump = terminal.wait_for((f"¶ {count}/{count}",), terminal.send("G"))
    terminal.wait_for((f"{book.claims} claims",), time.perf_counter(), timeout=120)
    terminal.wait_for((f"¶ 1/{count}",), terminal.send("g"))
    steps = terminal.wait_for((f"¶ {1 + STEPS}/{count}",), terminal.send("j" * STEPS))
    return jump, steps / STEPS


# --- (b) and (c): the child ---------------------------------------------------------


NULL_KEY = "z"
"""A key bound to nothing: what Pilot and Textual's key dispatch cost by themselves."""


async def _drive(
    app: Any,
    ready: Callable[[], bool],
    position: Callable[[], int],
    count: int,
    presses: int,
    jumps: int,
) -> dict[str, Any]:
    """Press keys through Pilot; the CPU time of each, from press to refreshed screen.

    ``pilot.press`` then ``pilot.pause``: the key is handled and the screen laid out
    and rendered (headless, the compositor still renders every changed line). Pilot
    waits by sleeping, which costs no CPU, so the process's CPU time is the app's
    time, plus Pilot's own bookkeeping, measured with a key bound to nothing.
    """
    from textual.screen import Screen  # noqa: TID251 (counting render passes)

    renders = 0
    compositor_refresh = Screen._compositor_refresh

    def counting_refresh(self: Any) -> None:
        nonlocal renders
        renders += 1
        compositor_refresh(self)

    Screen._compositor_refresh = counting_refresh  # type: ignore[method-assign]
    result: dict[str, Any] = {
        "j_cpu": [], "j_wall": [], "G_cpu": [], "g_cpu": [], "null_cpu": [], "j_renders": 0,
    }  # fmt: skip
    async with app.run_test(size=SIZE) as pilot:
        started = time.perf_counter()
        while not ready():
            if time.perf_counter() - started > 120:
                raise TimeoutError("the app never became ready")
            await pilot.pause(0.005)
        await pilot.pause()
        result["ready_s"] = time.perf_counter() - started

        async def key(name: str) -> tuple[float, float]:
            cpu, wall = time.process_time(), time.perf_counter()
            await pilot.press(name)
            await pilot.pause()
            return time.process_time() - cpu, time.perf_counter() - wall

        for _ in range(20):
            before = position()
            cpu, _wall = await key(NULL_KEY)
            assert position() == before
            result["null_cpu"].append(cpu)
        while len(result["j_cpu"]) < presses:
            if position() >= count:
                await key("g")  # back to the top (not counted)
            before = position()
            renders_before = renders
            cpu, wall = await key("j")
            assert position() == before + 1, (before, position())
            result["j_renders"] += renders - renders_before
            result["j_cpu"].append(cpu)
            result["j_wall"].append(wall)
        for _ in range(jumps):
            cpu, _wall = await key("G")
            assert position() == count, position()
            result["G_cpu"].append(cpu)
            cpu, _wall = await key("g")
            assert position() == 1, position()
            result["g_cpu"].append(cpu)
    result["j_renders"] /= presses
    return result


def child(kind: str, article: str, annotations: str, bare_file: str, presses: int) -> None:
    """Open one app headless, step through it, print the figures as JSON."""
    jumps = 10
    drawn = 0
    if kind == "bare":
        import runpy

        bare_app = runpy.run_path(bare_file)["BareApp"](count=2000)
        result = asyncio.run(
            _drive(
                bare_app,
                lambda: bare_app.is_running and bool(bare_app.screen.children),
                lambda: int(bare_app.position),
                2000,
                presses,
                jumps,
            )
        )
    else:
        from factmark.tui.app import FactmarkApp
        from factmark.tui.screens.annotate import AnnotateScreen
        from factmark.tui.widgets.article_view import ArticleView

        original = ArticleView._draw

        def counting_draw(self: ArticleView, index: int) -> Any:
            nonlocal drawn
            drawn += 1
            return original(self, index)

        ArticleView._draw = counting_draw  # type: ignore[method-assign]
        loaded = Article.read(article)
        # As the program runs it: the article is scored meanwhile, in a process of its own.
        app = FactmarkApp(loaded, Path(annotations), lock=False, freeze_heap=True, suggest=True)

        def screen() -> AnnotateScreen | None:
            return app.screen if isinstance(app.screen, AnnotateScreen) else None

        def ready() -> bool:
            found = screen()
            return found is not None and bool(found.query(ArticleView))

        def position() -> int:
            found = screen()
            assert found is not None
            return found.current

        result = asyncio.run(_drive(app, ready, position, len(loaded.paragraphs), presses, jumps))
    result["lines_drawn"] = drawn
    # ru_maxrss is what getrusage gives, but on Linux a child inherits its parent's
    # high-water mark across fork + exec (this script's parent holds the generated
    # book): VmHWM is this process's own peak, so it is the figure used.
    result["ru_maxrss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result["maxrss_kb"] = _status_kb("VmHWM") or result["ru_maxrss_kb"]
    result["rss_end_kb"] = _status_kb("VmRSS") or result["maxrss_kb"]
    print(json.dumps(result))


def _status_kb(field: str) -> int | None:
    """A size from this process's /proc status, in KiB: its peak resident set (``VmHWM``)
    or its resident set now (``VmRSS``), where /proc has them."""
    try:
        with Path("/proc/self/status").open(encoding="ascii") as status:
            for line in status:
                if line.startswith(f"{field}:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def run_child(kind: str, case: Case | None, bare_file: Path, presses: int) -> dict[str, Any]:
    command = [
        sys.executable,
        __file__,
        "--child",
        kind,
        str(case.article) if case else "",
        str(case.annotations) if case else "",
        str(bare_file),
        str(presses),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"child {kind} failed:\n{done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


# --- the report -----------------------------------------------------------------------


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def mb(kilobytes: float) -> str:
    return f"{kilobytes / 1024:.1f} MB"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=11, help="first-paint runs per candidate")
    parser.add_argument("--runs", type=int, default=3, help="child runs per case for (b), (c)")
    parser.add_argument("--presses", type=int, default=50, help="j presses per run")
    parser.add_argument("--keep", metavar="DIR", help="write the generated files here, keep them")
    parser.add_argument("--skip-paint", action="store_true", help="skip (a)")
    parser.add_argument("--child", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        kind, article, annotations, bare_file, presses = args.child
        child(kind, article, annotations, bare_file, int(presses))
        return 0

    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="factmark-bench-") as temporary:
        folder = Path(args.keep) if args.keep else Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        cases = generate(folder)
        bare_file = folder / "bare_app.py"
        bare_file.write_text(BARE_APP, encoding="utf-8")
        for case in cases.values():
            print(
                f"  {case.name}: {case.paragraphs} paragraphs, "
                f"{case.article_bytes / 1e6:.2f} MB of text, {case.claims} claims, "
                f"{case.links} links, {case.annotation_bytes / 1e6:.2f} MB of TOML",
                file=sys.stderr,
            )

        paint: dict[str, list[float]] = {}
        if not args.skip_paint:
            paint = measure_first_paint(cases, bare_file, args.rounds, folder / "pycache")

        runs: dict[str, list[dict[str, Any]]] = {"bare": [], "short": [], "half": [], "book": []}
        for run in range(args.runs):
            for kind in (["bare", "short", "half", "book"] if run % 2 == 0 else
                         ["book", "half", "short", "bare"]):  # fmt: skip
                runs[kind].append(
                    run_child(
                        "bare" if kind == "bare" else "app",
                        None if kind == "bare" else cases[kind],
                        bare_file,
                        args.presses,
                    )
                )
            print(f"  key/memory run {run + 1} done", file=sys.stderr)

    def cpu_s(kind: str, key: str) -> float:
        """Median over runs of the mean (j) or median (G, g, null) CPU seconds per key."""
        per_run = [
            statistics.fmean(r[f"{key}_cpu"]) if key == "j" else statistics.median(r[f"{key}_cpu"])
            for r in runs[kind]
        ]
        return statistics.median(per_run)

    def net_s(kind: str, key: str) -> float:
        return max(0.0, cpu_s(kind, key) - cpu_s(kind, "null"))

    def rss(kind: str, field: str = "maxrss_kb") -> float:
        return float(statistics.median(r[field] for r in runs[kind]))

    rows: list[tuple[str, str, str, str]] = []

    def paired(name: str) -> str:
        """The median of each round's ratio to that round's bare app (for information:
        load that drifts between rounds cancels out; the verdict is on the medians)."""
        ratios = [t / b for t, b in zip(paint[name], paint["bare"], strict=True)]
        return f"{statistics.median(ratios):.2f}×"

    if paint:
        bare = statistics.median(paint["bare"])
        book = statistics.median(paint["book"])
        seed = statistics.median(paint["seed"])
        rows += [
            ("(a) first paint, bare Textual app", ms(bare), "yardstick", ""),
            (
                "(a) first paint, book (2,000 ¶)",
                f"{ms(book)} = {book / bare:.2f}× (paired {paired('book')})",
                f"≤ {PAINT_BOOK_MAX}× bare",
                verdict(book / bare <= PAINT_BOOK_MAX),
            ),
            (
                "(a) first paint, seed article",
                f"{ms(seed)} = {seed / bare:.2f}× (paired {paired('seed')})",
                f"≤ {PAINT_SEED_MAX}× bare",
                verdict(seed / bare <= PAINT_SEED_MAX),
            ),
        ]
        uncached = statistics.median(paint["seed, uncached"])
        rows.append((
            "(a) first paint, seed, nothing compiled kept",
            f"{ms(uncached)} = {uncached / bare:.2f}× (paired {paired('seed, uncached')})",
            "info",
            "",
        ))  # fmt: skip
        jump, step = statistics.median(paint["jump"]), statistics.median(paint["step"])
        rows += [
            (
                "(d) G on the book, sent at first paint",
                f"{ms(jump)} to ¶ 2000/2000 on screen",
                f"≤ {JUMP_MAX_S} s",
                verdict(jump <= JUMP_MAX_S),
            ),
            (
                f"(d) j on the book, {STEPS} sent at once",
                f"{ms(step)} a step, terminal included",
                f"≤ {STEP_MAX_MS:.0f} ms",
                verdict(step * 1000 <= STEP_MAX_MS),
            ),
        ]
    kinds = ("bare", "short", "half", "book")
    labels = {"bare": "bare app", "short": "20 ¶", "half": "1,000 ¶", "book": "book (2,000 ¶)"}
    for kind in kinds:
        renders = statistics.median(r["j_renders"] for r in runs[kind])
        rows.append((
            f"(b) no-op key ({NULL_KEY}), {labels[kind]}",
            f"{ms(cpu_s(kind, 'null'))} (Pilot + dispatch; j: {renders:.1f} renders/key)",
            "subtracted below",
            "",
        ))  # fmt: skip
    for key in ("j", "G", "g"):
        for kind in kinds:
            net, raw = net_s(kind, key), cpu_s(kind, key)
            value = f"{ms(net)} (raw {ms(raw)})"
            target, result = f"≤ {KEY_MAX_MS:.0f} ms", verdict(net * 1000 <= KEY_MAX_MS)
            if kind == "bare":
                target, result = "reference", ""
            elif kind == "book":
                ratio = net / max(net_s("short", key), 1e-9)
                value += f" = {ratio:.2f}× 20 ¶"
                target += f", ≤ {BOOK_VS_SHORT_MAX}× 20 ¶"
                result = verdict(net * 1000 <= KEY_MAX_MS and ratio <= BOOK_VS_SHORT_MAX)
            rows.append((f"(b) {key}: {labels[kind]}", value, target, result))

    short_c, half_c, book_c = cases["short"], cases["half"], cases["book"]
    per_byte = (rss("book") - rss("short")) * 1024 / (book_c.input_bytes - short_c.input_bytes)
    predicted = (book_c.input_bytes - short_c.input_bytes) / (
        half_c.input_bytes - short_c.input_bytes
    )
    # Growth is read off the resident set once the app has opened and stepped, not off
    # the peak: the peak of a short article is start-up's, whatever the article, and it
    # hides what 1,000 paragraphs add.
    held = {kind: rss(kind, "rss_end_kb") for kind in ("short", "half", "book")}
    growth = (held["book"] - held["short"]) / max(1.0, held["half"] - held["short"])
    rows += [
        ("(c) peak RSS (VmHWM), bare app", mb(rss("bare")), "reference", ""),
        ("(c) peak RSS, 20 ¶", mb(rss("short")), "", ""),
        ("(c) peak RSS, 1,000 ¶", mb(rss("half")), "", ""),
        ("(c) peak RSS, book (2,000 ¶)", mb(rss("book")), "", ""),
        (
            "(c) RSS added per input byte",
            f"{per_byte:.1f} B/B (book − 20 ¶)",
            f"≤ {RSS_PER_BYTE_MAX:.0f} B/B",
            verdict(per_byte <= RSS_PER_BYTE_MAX),
        ),
        (
            "(c) growth 1,000 → 2,000 ¶, RSS held",
            f"{growth:.2f}× (linear: {predicted:.2f}×; {mb(held['short'])}, "
            f"{mb(held['half'])}, {mb(held['book'])})",
            f"≤ {RSS_LINEARITY_MAX}× linear",
            verdict(growth <= predicted * RSS_LINEARITY_MAX),
        ),
    ]
    drawn = statistics.median(r["lines_drawn"] for r in runs["book"])
    rows.append(("(b) article lines drawn, book run", f"{drawn:.0f}", "only what is seen", ""))
    ready = statistics.median(r["ready_s"] for r in runs["book"])
    rows.append(("(b) headless open, book", ms(ready), "info", ""))

    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    print()
    print(
        f"factmark TUI benchmark  (textual {_textual_version()}, python "
        f"{sys.version.split()[0]}, {os.cpu_count()} CPUs, pane {TERMINAL[0]}×{TERMINAL[1]}, "
        f"Pilot {SIZE[0]}×{SIZE[1]}, "
        f"{args.rounds} paint rounds, {args.runs} key runs × {args.presses} j)"
    )
    for figure, value, target, result in rows:
        print(f"  {figure:<{widths[0]}}  {value:<{widths[1]}}  {target:<{widths[2]}}  {result}")
    if paint:
        print(
            "  first paint, every run (ms): "
            + "; ".join(
                f"{name} " + " ".join(f"{t * 1000:.{1 if name == 'step' else 0}f}" for t in values)
                for name, values in paint.items()
            )
        )
    print(f"  total {time.perf_counter() - began:.0f} s")
    failed = [row for row in rows if row[3] == "FAIL"]
    return 1 if failed else 0


def _textual_version() -> str:
    from importlib.metadata import version

    return version("textual")


if __name__ == "__main__":
    sys.exit(main())
