"""The HTML export: one self-contained page, every claim highlighted, nothing run or loaded."""

from __future__ import annotations

import re
import struct
import subprocess
import zlib
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

import systemtools
from factmark.article import Article
from factmark.export import html
from factmark.model import AnnotationFile, Claim, Link, Source
from factmark.store import loading
from factmark.visible import VERDICT_SYMBOLS

ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = ROOT / "tests" / "data" / "seed" / "seeds" / "000_207cb1c8ae6ad8ea.txt"
SEED_ANNOTATIONS = ROOT / "tests" / "data" / "seed" / "annotations" / "000_207cb1c8ae6ad8ea.toml"

NASTY = '<script>alert(1)</script> &amp; "><img src=x onerror=alert(1)> \x1b[31m red \u202eevil'
"""Markup, an entity, an attribute break-out, an ANSI escape and a right-to-left override."""
NASTY_SHOWN = NASTY.replace("\x1b", "␛").replace("\u202e", "◇")
"""How the page must show it: as text, the hidden characters as placeholders."""

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}  # fmt: skip


class Node:
    """An element of the parsed page."""

    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children: list[Node | str] = []

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.walk()

    def find(self, test: Callable[[Node], bool]) -> list[Node]:
        return [node for node in self.walk() if test(node)]

    def ancestors(self) -> Iterator[Node]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class TreeBuilder(HTMLParser):
    """The page as a tree of Nodes, with the stdlib parser (entities decoded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.current = self.root
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in _VOID:
            self.current = node

    def handle_endtag(self, tag: str) -> None:
        assert self.current.tag == tag, f"</{tag}> closes <{self.current.tag}>"
        assert self.current.parent is not None
        self.current = self.current.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse(page: str) -> TreeBuilder:
    builder = TreeBuilder()
    builder.feed(page)
    builder.close()
    assert builder.current is builder.root, "an element is left open"
    return builder


def seed() -> tuple[AnnotationFile, Article]:
    return loading.load(SEED_ANNOTATIONS).document, Article.read(SEED_ARTICLE)


def hint_holds(claim: Claim, article: Article) -> bool:
    assert claim.paragraph is not None and claim.start is not None
    text = article.paragraph(claim.paragraph).text
    return text[claim.start : claim.start + len(claim.quote)] == claim.quote


def hrefs(node: Node) -> set[str]:
    return {n.attrs["href"] for n in node.walk() if "href" in n.attrs}


def marks_of(root: Node, claim_id: str) -> list[Node]:
    return root.find(lambda n: n.tag == "mark" and n.attrs.get("data-claim") == claim_id)


def by_id(root: Node, element_id: str) -> Node:
    (node,) = root.find(lambda n: n.attrs.get("id") == element_id)
    return node


def nasty_document() -> tuple[AnnotationFile, Article]:
    """Untrusted text in every place the page shows it."""
    article = Article(f"Title\n\nBefore {NASTY} after.\n")
    claim = Claim(
        id="nasty1", quote=NASTY, paragraph=2, start=7, note=NASTY, tags=[NASTY], author=NASTY,
        verdict="inaccurate",
        sources=[Source(url="https://example.org/a?b=1&c=%22x%22", title=NASTY, citation=NASTY,
                        quote=NASTY, stance="contradicts")],
    )  # fmt: skip
    other = Claim(id="nasty2", quote="after", paragraph=2, start=8 + len(NASTY))
    link = Link.model_validate({"from": "nasty1", "to": "nasty2", "kind": "supports",
                                "note": NASTY})  # fmt: skip
    document = AnnotationFile(article=NASTY, claims=[claim, other], links=[link])
    assert hint_holds(claim, article) and hint_holds(other, article)
    return document, article


# 1. The seed ------------------------------------------------------------------------


def test_every_claim_of_the_seed_is_a_mark_holding_its_quote_exactly() -> None:
    document, article = seed()
    root = parse(html.export(document, article, "seed")).root
    found = [claim for claim in document.claims if hint_holds(claim, article)]
    assert found, "the frozen seed's hints hold"
    split = []
    for claim in found:
        marks = marks_of(root, claim.id)
        assert marks[0] is by_id(root, f"claim-{claim.id}")
        # A claim that crosses another (starts inside it, ends after it) is in two
        # pieces, the first inside the other claim's mark; nested claims are whole.
        assert "".join(mark.text for mark in marks) == claim.quote
        if len(marks) == 1:
            assert marks[0].text == claim.quote
        else:
            split.append(claim.quote)
        for mark in marks:
            assert f"v-{claim.verdict}" in mark.classes
            assert claim.verdict in mark.attrs["title"]
    assert split == ["Vladimir Medinsky, Russia’s presidential assistant"]  # crosses ¶7's first


def test_the_seed_has_one_side_list_entry_per_claim_linked_both_ways() -> None:
    document, article = seed()
    root = parse(html.export(document, article, "seed")).root
    (aside,) = root.find(lambda n: n.tag == "aside")
    entries = aside.find(lambda n: "entry" in n.classes)
    assert [e.attrs["id"] for e in entries] == [f"entry-{c.id}" for c in document.sorted().claims]
    for entry in entries:
        claim = document.claim(entry.attrs["id"].removeprefix("entry-"))
        assert f"#claim-{claim.id}" in hrefs(entry)
        mark_links = by_id(root, f"claim-{claim.id}").find(lambda n: n.tag == "a")
        assert mark_links and mark_links[0].attrs["href"] == f"#entry-{claim.id}"
        links = entry.find(lambda n: "link" in n.classes)
        assert set().union(*(hrefs(item) for item in links)) == {
            f"#claim-{link.other(claim.id)}" for link in document.links_of(claim.id)
        }


def test_the_summary_counts_verdicts_and_contradictions() -> None:
    document, article = seed()
    root = parse(html.export(document, article, "seed")).root
    (summary,) = root.find(lambda n: "summary" in n.classes)
    counts = {
        " ".join(node.text.split()[1:]): int(node.text.split()[0])
        for node in summary.find(lambda n: "count" in n.classes)
    }
    for verdict in ("accurate", "misleading", "inaccurate", "pending"):
        symbol = VERDICT_SYMBOLS[verdict]
        assert counts[f"{symbol} {verdict}"] == sum(c.verdict == verdict for c in document.claims)
    (flag,) = summary.find(lambda n: "flag-contradictions" in n.classes)
    assert flag.text.split()[0] == str(len(document.contradiction_links()))


def test_each_contradiction_shows_both_quotes_with_the_differing_figures_marked() -> None:
    document, article = seed()
    root = parse(html.export(document, article, "seed")).root
    items = root.find(lambda n: "contradiction" in n.classes)
    assert len(items) == len(document.contradiction_links())
    pairs = []
    for item in items:
        quotes = [q.text for q in item.find(lambda n: n.tag == "blockquote")]
        differs = {
            s.text for s in item.find(lambda n: n.tag == "strong" and "differs" in n.classes)
        }
        pairs.append((quotes, differs))
    bodies = [
        differs
        for quotes, differs in pairs
        if any("1,200" in q for q in quotes) and any("1,212" in q for q in quotes)
    ]
    assert bodies and {"1,200", "1,212"} <= bodies[0]
    for link in document.contradiction_links():  # each pair, the earlier claim first
        ends = sorted((document.claim(link.source), document.claim(link.target)),
                      key=lambda claim: claim.position)  # fmt: skip
        assert [claim.quote for claim in ends] in [q for q, _ in pairs]


def test_the_same_input_gives_the_same_bytes() -> None:
    document, article = seed()
    assert html.export(document, article, "seed") == html.export(*seed(), "seed")


# 2. Escaping ------------------------------------------------------------------------


def test_untrusted_text_is_shown_as_text_never_as_markup() -> None:
    document, article = nasty_document()
    page = html.export(document, article, NASTY)
    builder = parse(page)
    root = builder.root
    assert "script" not in builder.tags and "img" not in builder.tags
    assert not root.find(lambda n: any(name.startswith("on") for name in n.attrs))
    assert "\x1b" not in page and "\u202e" not in page
    (title,) = root.find(lambda n: n.tag == "title")
    assert title.children == [f"Fact-check: {NASTY_SHOWN}"]  # <title> holds text only
    assert root.find(lambda n: n.tag == "h1")[0].text == f"Fact-check: {NASTY_SHOWN}"
    assert by_id(root, "claim-nasty1").text == NASTY_SHOWN
    entry = by_id(root, "entry-nasty1")
    shown = {
        "quote": entry.find(lambda n: n.tag == "blockquote")[0].text,
        "note": entry.find(lambda n: "note" in n.classes)[0].text,
        "tag": entry.find(lambda n: "tag" in n.classes)[0].text,
        "source title": entry.find(lambda n: "source-link" in n.classes)[0].text,
        "citation": entry.find(lambda n: "citation" in n.classes)[0].text,
        "source quote": entry.find(lambda n: "source-quote" in n.classes)[0].text,
        "author": entry.find(lambda n: "author" in n.classes)[0].text,
        "link note": entry.find(lambda n: "link-note" in n.classes)[0].text,
    }
    assert shown == dict.fromkeys(shown, NASTY_SHOWN) | {"link note": f"— {NASTY_SHOWN}"}
    assert entry.find(lambda n: "source-link" in n.classes)[0].attrs["href"] == (
        "https://example.org/a?b=1&c=%22x%22"
    )
    placeholders = root.find(lambda n: "hidden-char" in n.classes)
    assert {(p.attrs["title"], p.text) for p in placeholders} == {
        ("U+001B", "␛"),
        ("U+202E", "◇"),
    }
    assert "&amp;amp;" in page  # the literal "&amp;" survives as text


def test_a_url_with_hidden_characters_is_percent_encoded() -> None:
    source = Source(url="https://example.org/\u202egpj.exe\x1b", stance="supports")
    claim = Claim(id="url001", quote="Before", paragraph=1, start=0, sources=[source])
    page = html.export(AnnotationFile(article="a.txt", claims=[claim]), Article("Before.\n"), "a")
    (link,) = parse(page).root.find(lambda n: "source-link" in n.classes)
    assert link.attrs["href"] == "https://example.org/%E2%80%AEgpj.exe%1B"
    assert "\u202e" not in page and "\x1b" not in page


# 3. Overlapping and nested claims ---------------------------------------------------


def test_overlapping_and_nested_claims_are_all_highlighted() -> None:
    article = Article("Alpha beta gamma delta epsilon.\n")
    claims = [
        Claim(id="outer1", quote="Alpha beta gamma", paragraph=1, start=0, verdict="accurate"),
        Claim(id="inner1", quote="beta", paragraph=1, start=6, verdict="inaccurate"),
        Claim(id="cross1", quote="gamma delta", paragraph=1, start=11, verdict="disputed"),
    ]
    page = html.export(AnnotationFile(article="a.txt", claims=claims), article, "a")
    root = parse(page).root
    for claim in claims:
        assert "".join(m.text for m in marks_of(root, claim.id)) == claim.quote
        assert by_id(root, f"claim-{claim.id}").tag == "mark"

    def claims_around(word: str) -> set[str]:
        (anchor,) = root.find(lambda n: n.tag == "a" and n.text == word)
        return {n.attrs["data-claim"] for n in anchor.ancestors() if n.tag == "mark"}

    assert claims_around("beta") == {"outer1", "inner1"}
    assert claims_around("gamma") == {"outer1", "cross1"}
    assert claims_around(" delta") == {"cross1"}
    (paragraph,) = root.find(lambda n: n.attrs.get("id") == "p-1")
    assert paragraph.text == "¶1" + article.text.strip()


def test_claims_whose_hints_do_not_hold_are_listed_not_highlighted() -> None:
    article = Article("The figure was 1,212.\n")
    claims = [
        Claim(id="here01", quote="The figure", paragraph=1, start=0),
        Claim(id="gone01", quote="1,200", paragraph=1, start=15, state="changed"),
        Claim(id="gone02", quote="no such words", paragraph=4, start=0, state="orphan"),
    ]
    root = parse(html.export(AnnotationFile(article="a.txt", claims=claims), article, "a")).root
    assert (
        marks_of(root, "here01") and not marks_of(root, "gone01") and not marks_of(root, "gone02")
    )
    (heading,) = root.find(lambda n: "not-found" in n.classes)
    assert heading.text == "Not found in the article"
    (aside,) = root.find(lambda n: n.tag == "aside")
    *_, last = aside.find(lambda n: n.tag == "ol")
    assert [e.attrs["id"] for e in last.find(lambda n: "entry" in n.classes)] == [
        "entry-gone01",
        "entry-gone02",
    ]


# 4. Nothing loaded ------------------------------------------------------------------


def test_the_page_loads_nothing_and_runs_nothing() -> None:
    document, article = nasty_document()
    for page in (html.export(*seed(), "seed"), html.export(document, article, "a")):
        builder = parse(page)
        root = builder.root
        assert page.startswith('<!doctype html>\n<html lang="en">')
        assert not {"script", "link", "iframe", "object", "embed", "img", "base"} & set(
            builder.tags
        )
        for node in root.walk():
            assert "src" not in node.attrs and "srcset" not in node.attrs
            href = node.attrs.get("href")
            if href is not None and not href.startswith("#"):
                assert node.tag == "a" and "source-link" in node.classes, node.attrs
                assert href.startswith("https://")
        (csp,) = root.find(lambda n: n.attrs.get("http-equiv") == "Content-Security-Policy")
        assert csp.attrs["content"] == (
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
        )
        (style,) = root.find(lambda n: n.tag == "style")
        assert "@import" not in style.text
        assert all(u.startswith("data:") for u in re.findall(r"url\(\s*['\"]?([^)]*)", style.text))
        assert not root.find(lambda n: n.tag == "meta" and n.attrs.get("charset") != "utf-8"
                             and "charset" in n.attrs)  # fmt: skip


# 5. A real browser ------------------------------------------------------------------


def chromium(tmp_path: Path, *args: str) -> str:
    browser = systemtools.chromium()
    flags = [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]  # fmt: skip
    result = subprocess.run(
        [browser, *flags, *args], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG, after checking that its image data inflates whole."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    idat, offset = b"", 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        if kind == b"IDAT":
            idat += data[offset + 8 : offset + 8 + length]
        offset += length + 12
    channels = {2: 3, 6: 4}[colour]
    raw = zlib.decompress(idat)
    assert depth == 8 and len(raw) == height * (1 + width * channels)
    assert len(set(raw[:: max(1, len(raw) // 100_000)])) > 16, "a blank image"
    return width, height


@pytest.mark.slow
def test_chromium_renders_and_prints_the_page(tmp_path: Path) -> None:
    page = tmp_path / "seed.html"
    page.write_text(html.export(*seed(), "seed"), "utf-8")
    shot, pdf = tmp_path / "seed.png", tmp_path / "seed.pdf"
    chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,2000", page.as_uri())
    assert png_size(shot.read_bytes()) == (1280, 2000)
    chromium(tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri())
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and len(data) > 10_000
    assert len(re.findall(rb"/Type\s*/Page(?![s\w])", data)) >= 2  # article and claims


@pytest.mark.slow
def test_chromium_keeps_the_malicious_note_as_text(tmp_path: Path) -> None:
    page = tmp_path / "nasty.html"
    page.write_text(html.export(*nasty_document(), NASTY), "utf-8")
    dom = chromium(tmp_path, "--dump-dom", page.as_uri())
    builder = parse(dom.replace("<!DOCTYPE html>", "", 1))
    assert "script" not in builder.tags and "img" not in builder.tags
    note = by_id(builder.root, "entry-nasty1").find(lambda n: "note" in n.classes)[0]
    assert note.text == NASTY_SHOWN
