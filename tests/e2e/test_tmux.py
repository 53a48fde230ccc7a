"""The installed ``factmark annotate`` in a real terminal, driven through tmux.

Opens the seed article in a 100×30 tmux pane and, the moment its first line
shows (while the annotations are still opening), types at once the keys that add
a claim (verdict inaccurate) to a paragraph without claims; then links it to the
proposed claim as a contradiction with ``l enter enter``, quits with ``q``, and
reads the TOML back. A second run, at 80×24 in the light theme, resolves a copy
edit: a paragraph inserted on top and a figure corrected. A third starts at the
desk (``factmark`` with no argument), opens the seed, signs off a claim and comes
back to the desk with its row read again. A fourth, on the seed without
annotations, waits for the sentences worth checking to be marked and claims the
first with ``] a enter``. Every wait polls the
screen with a deadline; there is no fixed sleep.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import systemtools
from factmark.store import loading

ROOT = Path(__file__).resolve().parents[2]
SEED = "000_207cb1c8ae6ad8ea"
FACTMARK = Path(sys.executable).parent / "factmark"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not FACTMARK.exists(), reason="factmark is not installed in this venv"),
]

EXIT_MARKER = re.compile(r"EXIT=(\d+)")


class Terminal:
    """One tmux server on a private socket, with one pane running one command."""

    def __init__(self, tmux: str, width: int, height: int) -> None:
        self.program = tmux
        self.socket = f"factmark-e2e-{uuid.uuid4().hex[:12]}"
        self.width = width
        self.height = height
        self.screen = ""
        self.socket_path: str | None = None

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            [self.program, "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
        return result.stdout

    def start(self, command: str, cwd: Path) -> None:
        self.tmux(
            "new-session",
            "-d",
            "-s",
            "main",
            "-x",
            str(self.width),
            "-y",
            str(self.height),
            "-c",
            str(cwd),
            "-e",
            "TERM=xterm-256color",
            # COLUMNS and LINES may be in the environment without os.environ knowing
            # (GNU readline exports them at C level under pytest): they would
            # override the pane's real size, so they go.
            f"env -u COLUMNS -u LINES TERM=xterm-256color sh -c {shlex.quote(command)}",
        )
        self.socket_path = self.tmux("display-message", "-p", "#{socket_path}").strip()

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "main", *keys)

    def capture(self) -> str:
        self.screen = self.tmux("capture-pane", "-p", "-t", "main")
        return self.screen

    def wait_until(self, check: Callable[[str], bool], what: str, timeout: float = 10.0) -> str:
        """Poll the screen (short waits) until ``check`` holds; fail with the screen."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.capture()
            if check(screen):
                return screen
            if time.monotonic() > deadline:
                pytest.fail(f"timed out waiting for {what}; the screen:\n{screen}")
            time.sleep(0.02)

    def wait_for(self, *texts: str, timeout: float = 10.0) -> str:
        return self.wait_until(
            lambda screen: all(text in screen for text in texts),
            " and ".join(repr(text) for text in texts),
            timeout,
        )

    def kill(self) -> None:
        subprocess.run(
            [self.program, "-L", self.socket, "kill-server"],
            capture_output=True,
            timeout=10,
            check=False,
        )
        if self.socket_path:  # tmux 3.3 leaves the socket file behind
            Path(self.socket_path).unlink(missing_ok=True)


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    term = Terminal(systemtools.tmux(), 100, 30)
    try:
        yield term
    finally:
        term.kill()


@pytest.fixture
def small_terminal() -> Iterator[Terminal]:
    term = Terminal(systemtools.tmux(), 80, 24)
    try:
        yield term
    finally:
        term.kill()


def launch(terminal: Terminal, folder: Path, arguments: str) -> None:
    """Run factmark in ``folder`` with these arguments. The pane stays alive after the
    program, so its exit code can be read; its settings go to a temporary folder, not
    the user's."""
    settings = shlex.quote(str(folder / "xdg"))
    command = (
        f"XDG_CONFIG_HOME={settings} {shlex.quote(str(FACTMARK))} {arguments}; "
        'echo "EXIT=$?"; exec sleep 120'
    )
    terminal.start(command, folder)


def test_add_link_review_quit_in_a_real_terminal(tmp_path: Path, terminal: Terminal) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "annotations").mkdir()
    article = tmp_path / "seeds" / f"{SEED}.txt"
    annotations = tmp_path / "annotations" / f"{SEED}.toml"
    shutil.copyfile(ROOT / "tests" / "data" / "seed" / "seeds" / f"{SEED}.txt", article)
    shutil.copyfile(ROOT / "tests" / "data" / "seed" / "annotations" / f"{SEED}.toml", annotations)
    article_bytes = article.read_bytes()
    before = loading.load(annotations).document
    old_ids = {c.id for c in before.claims}
    assert not [c for c in before.claims if c.paragraph == 4], "the test needs ¶4 without claims"

    launch(terminal, tmp_path, f"annotate seeds/{SEED}.txt")
    # The first line of the article: typing starts now, before the annotations are open.
    terminal.wait_for("Behind Closed Doors", timeout=15)

    # To ¶4, which has no claim yet; a: select its first sentence; enter: the claim
    # editor; i: inaccurate (the verdict picker has the focus); ctrl+s: keep the claim.
    terminal.keys("j", "j", "j", "a", "Enter", "i", "C-s")
    terminal.wait_until(
        lambda s: "New claim" not in s and "¶ 4 · 1 claim" in s and "✗ inaccurate" in s,
        "the new claim in the panel",
    )
    # The header (with the article's name: the app sees all 100 columns) and the footer.
    terminal.wait_for("¶ 4/24", f"{SEED}.txt", "q Quit", "21 claims", "· saved")
    saved = loading.load(annotations).document
    assert [(c.paragraph, c.verdict) for c in saved.claims if c.id not in old_ids] == [
        (4, "inaccurate")
    ]

    # l enter enter: link it to the proposed (nearest) claim as a contradiction.
    terminal.keys("l")
    terminal.wait_for("type to search the claims")
    terminal.keys("Enter")
    terminal.wait_for("contradicts: they cannot both be true")
    terminal.keys("Enter")
    terminal.wait_until(
        lambda s: "→ contradicts" in s and "contradicts: they cannot" not in s,
        "the link in the panel",
    )

    # r: the review lists it, contradicted; a search finds it; enter jumps back to it.
    terminal.keys("r")
    terminal.wait_for("21 claims", "Contradictions")
    terminal.keys("/")
    terminal.keys("-l", "This development")  # at once: every key typed after / goes in
    terminal.wait_for("showing 1 of 21", "≠ inaccurate")
    terminal.keys("Enter")
    terminal.wait_for("¶ 4/24", "¶ 4 · 1 claim")

    terminal.keys("q")
    screen = terminal.wait_until(lambda s: EXIT_MARKER.search(s) is not None, "the exit code")
    match = EXIT_MARKER.search(screen)
    assert match is not None
    assert match.group(1) == "0", screen

    after = loading.load(annotations).document
    assert len(after.claims) == len(before.claims) + 1
    (new,) = [c for c in after.claims if c.id not in old_ids]
    assert new.paragraph == 4
    assert new.start == 0
    assert new.quote.startswith("This development marks a significant")
    assert new.verdict == "inaccurate"
    assert new.author.strip()
    assert new.created is not None and new.updated is not None

    new_links = [link for link in after.links if link not in before.links]
    assert len(new_links) == 1
    (link,) = new_links
    assert link.kind == "contradicts"
    assert link.source == new.id
    assert link.target in old_ids
    # Nothing else changed: the old claims and links are all still there.
    assert {c.id for c in after.claims} - {new.id} == old_ids
    assert len(after.links) == len(before.links) + 1

    assert article.read_bytes() == article_bytes, "the article must never be written"
    leftovers = [p.name for p in annotations.parent.iterdir() if p != annotations]
    assert leftovers == [], f"temporary files left behind: {leftovers}"


def test_a_copy_edit_resolved_at_80x24_in_the_light_theme(
    tmp_path: Path, small_terminal: Terminal
) -> None:
    terminal = small_terminal
    (tmp_path / "seeds").mkdir()
    (tmp_path / "annotations").mkdir()
    article = tmp_path / "seeds" / f"{SEED}.txt"
    annotations = tmp_path / "annotations" / f"{SEED}.toml"
    text = (ROOT / "tests" / "data" / "seed" / "seeds" / f"{SEED}.txt").read_text("utf-8")
    edited = "Editor's note: a figure was corrected.\n\n" + text.replace(
        "1,212 bodies", "1,213 bodies"
    )
    article.write_text(edited, encoding="utf-8")
    shutil.copyfile(ROOT / "tests" / "data" / "seed" / "annotations" / f"{SEED}.toml", annotations)
    (claim,) = [c for c in loading.load(annotations).document.claims if "1,212 bodies" in c.quote]
    assert (claim.paragraph, claim.verdict) == (7, "inaccurate")

    settings = tmp_path / "xdg"
    command = (
        f"XDG_CONFIG_HOME={shlex.quote(str(settings))} {shlex.quote(str(FACTMARK))} "
        f"seeds/{SEED}.txt --theme textual-light; "
        'echo "EXIT=$?"; exec sleep 120'
    )
    terminal.start(command, tmp_path)
    terminal.wait_for("Editor's note", timeout=15)
    # Seven paragraphs down is the old ¶7, now ¶8; two tabs select the changed claim.
    terminal.keys("j", "j", "j", "j", "j", "j", "j", "Tab", "Tab")
    terminal.wait_for("¶ 8/25", "1 changed", "¶ 8 · 4 claims · 1 changed", "✗ inaccurate")
    terminal.wait_until(
        lambda s: (
            any(line.lstrip().startswith("8") for line in s.splitlines())
            and "~ Medinsky claimed" in s
        ),
        "the changed claim marked ~ where its new text is",
    )
    # c: the list opens on it; r: re-attach, starting on its new text; enter: attach it;
    # the verdict question, whose first answer is back to pending.
    terminal.keys("c")
    terminal.wait_for("Claims not found as they were", "now (¶8)")
    terminal.keys("r")
    terminal.wait_for("Starts on the closest text")
    terminal.keys("Enter")
    terminal.wait_for("verdict back to pending", "keep the verdict (inaccurate")
    terminal.keys("Enter")
    terminal.wait_until(lambda s: "1 changed" not in s and "· saved" in s, "the claim resolved")
    # v: the claim whole, at 80×24; escape, q.
    terminal.keys("v")
    terminal.wait_for("Claim details", "○ pending")
    # Escape alone: an escape byte followed at once by q reads as alt+q in any terminal.
    terminal.keys("Escape")
    terminal.wait_until(lambda s: "Claim details" not in s, "the details closed")
    terminal.keys("q")
    screen = terminal.wait_until(lambda s: EXIT_MARKER.search(s) is not None, "the exit code")
    match = EXIT_MARKER.search(screen)
    assert match is not None and match.group(1) == "0", screen

    resolved = loading.load(annotations).document.claim(claim.id)
    assert resolved.quote == claim.quote.replace("1,212", "1,213")
    assert (resolved.paragraph, resolved.verdict, resolved.state) == (8, "pending", None)
    assert resolved.sources == claim.sources and resolved.note == claim.note
    assert (settings / "factmark" / "config.toml").read_text("utf-8") == 'theme = "textual-light"\n'
    assert article.read_text("utf-8") == edited, "the article must never be written"


def test_the_desk_opens_an_article_signs_a_claim_and_comes_back(
    tmp_path: Path, terminal: Terminal
) -> None:
    """``factmark`` with no argument in a repository: the desk, enter, S, escape, q."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "annotations").mkdir()
    data = ROOT / "tests" / "data" / "seed"
    shutil.copyfile(data / "seeds" / f"{SEED}.txt", tmp_path / "seeds" / f"{SEED}.txt")
    annotations = tmp_path / "annotations" / f"{SEED}.toml"
    shutil.copyfile(data / "annotations" / f"{SEED}.toml", annotations)
    (tmp_path / "seeds" / "harbour.txt").write_text("The harbour reopened.\n", encoding="utf-8")
    for args in (["init", "-q"], ["config", "user.name", "B. Reader"]):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    terminal.start(f'{shlex.quote(str(FACTMARK))}; echo "EXIT=$?"; exec sleep 120', tmp_path)
    terminal.wait_for("Desk · 2 articles", "seeds/harbour.txt", "… 20 open", timeout=15)
    terminal.keys("Down")  # the article not started comes first; the seed second
    terminal.keys("Enter")
    terminal.wait_for("¶ 1/24", "20 claims", timeout=15)
    terminal.keys("Tab")  # the headline's claim
    terminal.wait_for("▶ ! misleading")
    terminal.keys("S")
    terminal.wait_for("Signed off:")
    terminal.wait_until(lambda s: "· saved" in s, "the sign-off saved")
    terminal.keys("Escape")
    terminal.wait_for("Desk · 2 articles", "… 19 open")
    terminal.keys("q")
    screen = terminal.wait_until(lambda s: EXIT_MARKER.search(s) is not None, "the exit code")
    match = EXIT_MARKER.search(screen)
    assert match is not None and match.group(1) == "0", screen

    (signed,) = [c for c in loading.load(annotations).document.claims if c.signed_off]
    assert signed.signed_by == "B. Reader"
    assert annotations.read_text("utf-8").startswith('format = "factmark/2"\n')


def test_a_suggested_sentence_claimed_with_bracket_a_enter(
    tmp_path: Path, terminal: Terminal
) -> None:
    from factmark.article import Article
    from factmark.assist.suggest import sentences

    (tmp_path / "seeds").mkdir()
    (tmp_path / "annotations").mkdir()  # and no annotation file yet
    article = tmp_path / "seeds" / f"{SEED}.txt"
    annotations = tmp_path / "annotations" / f"{SEED}.toml"
    shutil.copyfile(ROOT / "tests" / "data" / "seed" / "seeds" / f"{SEED}.txt", article)
    first = next(s for s in sentences(Article.read(article)) if s.suggested)

    launch(terminal, tmp_path, f"seeds/{SEED}.txt")
    terminal.wait_for("Behind Closed Doors", timeout=15)
    # The sentences worth checking are marked » in the gutter once they are scored.
    terminal.wait_until(
        lambda s: any(line.startswith("»") for line in s.splitlines()), "the marks", timeout=30
    )
    terminal.keys("]")
    terminal.wait_for(f"¶ {first.paragraph}/24", "worth checking")
    terminal.keys("a", "Enter")
    terminal.wait_for("New claim")
    terminal.keys("C-s")
    terminal.wait_until(
        lambda s: "New claim" not in s and "1 claim" in s and "· saved" in s, "the claim saved"
    )
    terminal.keys("q")
    screen = terminal.wait_until(lambda s: EXIT_MARKER.search(s) is not None, "the exit code")
    match = EXIT_MARKER.search(screen)
    assert match is not None and match.group(1) == "0", screen

    (claim,) = loading.load(annotations).document.claims
    assert (claim.paragraph, claim.start, claim.quote) == (first.paragraph, first.start, first.text)
