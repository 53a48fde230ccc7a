"""Three-way merge of annotation documents by claim id and field (docs/design.md §9)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import builders
from builders import document, link
from documents import edited as edit
from documents import without
from factmark.merge import (
    Conflict,
    MergeResult,
    merge,
    merge_sequences,
    merge_values,
)
from factmark.model import AnnotationFile, Claim, Dismissal, Link, Source
from factmark.settling import overwritten, resolve
from factmark.store import loading, writer
from factmark.vocabulary import LINK_KINDS, VERDICTS

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "data" / "seed" / "annotations" / "000_207cb1c8ae6ad8ea.toml"

T0 = datetime(2026, 11, 27, 10, 0, 0, tzinfo=UTC)
T1 = T0 + timedelta(minutes=5)
T2 = T0 + timedelta(minutes=9)


def claim(claim_id: str, paragraph: int = 1, start: int = 0, **fields: Any) -> Claim:
    """A claim in paragraph 1 at 0 made at T0, unless ``fields`` say otherwise."""
    values: dict[str, Any] = {"quote": f"quote of {claim_id}", "created": T0, "updated": T0}
    return builders.claim(claim_id, paragraph=paragraph, start=start, **{**values, **fields})


def with_claims(doc: AnnotationFile, *claims: Claim) -> AnnotationFile:
    return doc.model_copy(update={"claims": [*doc.claims, *claims]})


def with_links(doc: AnnotationFile, *links: Link) -> AnnotationFile:
    return doc.model_copy(update={"links": [*doc.links, *links]})


def links_without(doc: AnnotationFile, key: tuple[str, str, str]) -> AnnotationFile:
    return doc.model_copy(update={"links": [lk for lk in doc.links if lk.key != key]})


def assert_canonical(result: MergeResult) -> None:
    """The merged document is valid, sorted, and dumps to text that reads back the same."""
    merged = result.document
    AnnotationFile.model_validate(merged.model_dump(by_alias=True))
    assert merged == merged.sorted()
    text = writer.dumps(merged)
    again = loading.parse(text)
    assert again == merged
    assert writer.dumps(again) == text


@pytest.fixture
def base() -> AnnotationFile:
    return document(
        claim("aaaa01", 1, 0, verdict="accurate", note="first", tags=["dates"]),
        claim("bbbb02", 2, 0, verdict="disputed", tags=["figures", "casualties"]),
        claim("cccc03", 3, 5, confidence="low"),
        links=[link("aaaa01", "bbbb02", "supports", "same source")],
    )


# --- merge_values and merge_sequences ----------------------------------------------


def test_merge_values_takes_the_side_that_changed() -> None:
    assert merge_values(1, 1, 1) == (1, False)
    assert merge_values(1, 2, 1) == (2, False)
    assert merge_values(1, 1, 3) == (3, False)
    assert merge_values(1, 2, 2) == (2, False)
    assert merge_values(1, 2, 3) == (2, True)


def test_merge_sequences_as_ordered_sets() -> None:
    assert merge_sequences(["a"], ["a", "b"], ["a", "c"]) == ["a", "b", "c"]
    assert merge_sequences(["a", "b"], ["a"], ["a", "b", "c"]) == ["a", "c"]
    assert merge_sequences(["a", "b"], ["b", "a"], ["a", "b"]) == ["b", "a"]
    assert merge_sequences([], ["x"], ["x"]) == ["x"]


def test_merge_sequences_keeps_a_reordering_made_on_one_side() -> None:
    # A change made on one side only comes through, whichever side made it.
    assert merge_sequences(["a", "b", "c"], ["a", "b", "c"], ["c", "a", "b"]) == ["c", "a", "b"]


# --- claims -------------------------------------------------------------------------


def test_both_sides_add_different_claims(base: AnnotationFile) -> None:
    ours = with_claims(base, claim("dddd04", 4, 0))
    theirs = with_claims(base, claim("eeee05", 1, 9, verdict="inaccurate"))
    result = merge(base, ours, theirs)
    assert result.clean
    assert [c.id for c in result.document.claims] == [
        "aaaa01",
        "eeee05",
        "bbbb02",
        "cccc03",
        "dddd04",
    ]
    assert result.document.claim("eeee05").verdict == "inaccurate"
    assert_canonical(result)


@pytest.mark.parametrize("ours_later", [True, False])
def test_both_change_different_fields_of_one_claim(base: AnnotationFile, ours_later: bool) -> None:
    ours = edit(base, "aaaa01", verdict="misleading", updated=T2 if ours_later else T1)
    theirs = edit(base, "aaaa01", note="second look", updated=T1 if ours_later else T2)
    result = merge(base, ours, theirs)
    assert result.clean
    merged = result.document.claim("aaaa01")
    assert merged.verdict == "misleading"
    assert merged.note == "second look"
    assert merged.updated == T2
    assert result.document.claims[1:] == base.claims[1:]
    assert_canonical(result)


def test_a_change_on_one_side_keeps_its_own_updated(base: AnnotationFile) -> None:
    # `updated` is the later of two edits only when both sides edited; an edit
    # made on one side comes through as it is (even from a clock that is behind).
    earlier = T0 - timedelta(hours=1)
    ours = edit(base, "aaaa01", verdict="misleading", updated=earlier)
    result = merge(base, ours, base)
    assert result.clean
    assert result.document.claim("aaaa01").updated == earlier
    assert merge(base, base, ours).document.claim("aaaa01").updated == earlier


def test_the_same_change_on_both_sides(base: AnnotationFile) -> None:
    ours = edit(base, "bbbb02", verdict="inaccurate", confidence="high", updated=T1)
    theirs = edit(base, "bbbb02", verdict="inaccurate", confidence="high", updated=T1)
    result = merge(base, ours, theirs)
    assert result.clean
    assert result.document == ours.sorted()
    assert_canonical(result)


def test_the_same_field_changed_two_ways(base: AnnotationFile) -> None:
    ours = edit(base, "bbbb02", verdict="inaccurate", note="ours", updated=T1)
    theirs = edit(base, "bbbb02", verdict="accurate", confidence="high", updated=T2)
    result = merge(base, ours, theirs)
    assert not result.clean
    assert result.conflicted_claims == ["bbbb02"]
    assert result.conflicted_links == []
    assert result.header_conflicts == []
    assert result.conflicts == [Conflict("bbbb02", "verdict", "inaccurate", "accurate", "disputed")]
    assert "bbbb02" in result.conflicts[0].describe()
    assert "verdict" in result.conflicts[0].describe()
    merged = result.document.claim("bbbb02")
    assert merged.verdict == "inaccurate"  # ours stands where the conflict is
    assert (merged.note, merged.confidence) == ("ours", "high")  # the rest merged
    assert_canonical(result)


def test_several_fields_conflicting_are_each_named(base: AnnotationFile) -> None:
    ours = edit(base, "cccc03", verdict="accurate", note="a")
    theirs = edit(base, "cccc03", verdict="inaccurate", note="b")
    result = merge(base, ours, theirs)
    assert [(c.claim, c.key) for c in result.conflicts] == [
        ("cccc03", "verdict"),
        ("cccc03", "note"),
    ]
    assert result.conflicted_claims == ["cccc03"]


@pytest.mark.parametrize("side", ["ours", "theirs"])
def test_deleted_on_one_side_and_unchanged_on_the_other(base: AnnotationFile, side: str) -> None:
    deleted = without(base, "bbbb02")
    ours, theirs = (deleted, base) if side == "ours" else (base, deleted)
    result = merge(base, ours, theirs)
    assert result.clean
    assert [c.id for c in result.document.claims] == ["aaaa01", "cccc03"]
    assert result.document.links == []
    assert_canonical(result)


@pytest.mark.parametrize("side", ["ours", "theirs"])
def test_deleted_on_one_side_and_changed_on_the_other(base: AnnotationFile, side: str) -> None:
    deleted = without(base, "cccc03")
    changed = edit(base, "cccc03", verdict="inaccurate", updated=T1)
    ours, theirs = (deleted, changed) if side == "ours" else (changed, deleted)
    result = merge(base, ours, theirs)
    assert not result.clean
    assert result.conflicted_claims == ["cccc03"]
    (conflict,) = result.conflicts
    assert conflict.key == "claim"
    assert (conflict.ours, conflict.theirs) == (
        ("deleted", "changed") if side == "ours" else ("changed", "deleted")
    )
    # The changed version is kept in the document, so that nothing is lost.
    assert result.document.claim("cccc03").verdict == "inaccurate"
    assert_canonical(result)


def test_the_same_id_added_two_ways_conflicts(base: AnnotationFile) -> None:
    ours = with_claims(base, claim("ffff06", 4, 0, verdict="accurate"))
    theirs = with_claims(base, claim("ffff06", 4, 0, verdict="inaccurate"))
    result = merge(base, ours, theirs)
    assert result.conflicted_claims == ["ffff06"]
    same = merge(base, ours, ours)
    assert same.clean
    assert same.document == ours.sorted()


# --- sources and tags: ordered sets -------------------------------------------------

S1 = Source(citation="Interfax, 13 June", stance="supports")
S2 = Source(url="https://example.org/kshpw", title="KSHPW statement", stance="supports")
S3 = Source(citation="Medinsky, press conference", stance="contradicts")


def test_each_side_adds_a_source_ours_first(base: AnnotationFile) -> None:
    start = edit(base, "aaaa01", sources=[S1.model_dump()])
    ours = edit(start, "aaaa01", sources=[S1.model_dump(), S2.model_dump()], updated=T2)
    theirs = edit(start, "aaaa01", sources=[S1.model_dump(), S3.model_dump()], updated=T1)
    result = merge(start, ours, theirs)
    assert result.clean
    assert result.document.claim("aaaa01").sources == [S1, S2, S3]
    assert merge(start, theirs, ours).document.claim("aaaa01").sources == [S1, S3, S2]
    assert_canonical(result)


def test_a_source_removed_on_one_side_and_one_added_on_the_other(base: AnnotationFile) -> None:
    start = edit(base, "aaaa01", sources=[S1.model_dump(), S2.model_dump()])
    ours = edit(start, "aaaa01", sources=[S2.model_dump()])
    theirs = edit(start, "aaaa01", sources=[S1.model_dump(), S2.model_dump(), S3.model_dump()])
    result = merge(start, ours, theirs)
    assert result.clean
    assert result.document.claim("aaaa01").sources == [S2, S3]


def test_a_tag_removed_on_one_side_and_kept_on_the_other_is_removed(base: AnnotationFile) -> None:
    ours = edit(base, "bbbb02", tags=["casualties"])
    theirs = edit(base, "bbbb02", tags=["figures", "casualties", "istanbul"])
    result = merge(base, ours, theirs)
    assert result.clean
    assert result.document.claim("bbbb02").tags == ["casualties", "istanbul"]


def test_the_same_tag_added_on_both_sides_appears_once(base: AnnotationFile) -> None:
    ours = edit(base, "aaaa01", tags=["dates", "istanbul"])
    theirs = edit(base, "aaaa01", tags=["istanbul", "dates", "figures"])
    result = merge(base, ours, theirs)
    assert result.clean
    assert result.document.claim("aaaa01").tags == ["dates", "istanbul", "figures"]
    assert_canonical(result)


def test_one_source_edited_two_ways_conflicts_and_the_merge_keeps_both(
    base: AnnotationFile,
) -> None:
    start = edit(base, "aaaa01", sources=[S1.model_dump(), S2.model_dump()])
    ours_s1 = S1.model_copy(update={"title": "ours"})
    theirs_s1 = S1.model_copy(update={"title": "theirs"})
    ours = edit(start, "aaaa01", sources=[ours_s1.model_dump(), S2.model_dump()])
    theirs = edit(start, "aaaa01", sources=[theirs_s1.model_dump(), S2.model_dump()])
    result = merge(start, ours, theirs)
    assert [(c.claim, c.key) for c in result.conflicts] == [("aaaa01", "sources")]
    assert result.document.claim("aaaa01").sources == [ours_s1, S2, theirs_s1]
    for choices, expected in (
        (["mine"], [ours_s1, S2]),
        (["theirs"], [theirs_s1, S2]),
        (["both"], [ours_s1, S2, theirs_s1]),
    ):
        settled = resolve(result, ours, theirs, choices)  # type: ignore[arg-type]
        assert settled.claim("aaaa01").sources == expected


def test_resolve_settles_fields_whole_claims_links_and_the_header(base: AnnotationFile) -> None:
    key = ("aaaa01", "bbbb02", "supports")
    ours = edit(base, "aaaa01", note="ours").model_copy(
        update={"links": [link(*key, note="ours")], "article": "../seeds/b.txt"}
    )
    ours = edit(ours, "cccc03", note="kept by ours")
    theirs = without(edit(base, "aaaa01", note="theirs"), "cccc03").model_copy(
        update={"links": [link(*key, note="theirs")], "article": "../seeds/c.txt"}
    )
    result = merge(base, ours, theirs)
    assert [c.key for c in result.conflicts] == [
        "note",
        "claim",
        "link aaaa01->bbbb02 supports",
        "article",
    ]
    mine = resolve(result, ours, theirs, ["mine"] * 4)
    assert mine.claim("aaaa01").note == "ours" and mine.claim("cccc03").note == "kept by ours"
    assert (mine.links[0].note, mine.article) == ("ours", "../seeds/b.txt")
    other = resolve(result, ours, theirs, ["theirs"] * 4)
    assert other.claim("aaaa01").note == "theirs"
    assert "cccc03" not in {c.id for c in other.claims}
    assert (other.links[0].note, other.article) == ("theirs", "../seeds/c.txt")
    with pytest.raises(ValueError):
        resolve(result, ours, theirs, ["mine"])


def test_overwritten_lists_what_writing_ours_would_lose(base: AnnotationFile) -> None:
    ours = edit(base, "aaaa01", verdict="misleading")
    theirs = with_claims(
        without(edit(base, "aaaa01", note="theirs", verdict="misleading"), "cccc03"),
        claim("dddd04"),
    )
    lost = overwritten(base, ours, theirs)
    assert [(c.claim, c.key, c.ours, c.theirs) for c in lost] == [
        ("aaaa01", "note", "first", "theirs"),
        ("dddd04", "claim", "deleted", "added"),
        ("cccc03", "claim", "kept", "deleted"),
    ]
    assert overwritten(base, theirs, theirs) == []


def test_overwritten_lists_their_links_and_article(base: AnnotationFile) -> None:
    key = ("aaaa01", "bbbb02", "supports")
    added = link("bbbb02", "cccc03", "contradicts")
    theirs = base.model_copy(
        update={"links": [link(*key, note="theirs"), added], "article": "../seeds/c.txt"}
    )
    lost = overwritten(base, base, theirs)
    assert [(c.link, c.ours, c.theirs) for c in lost] == [
        (key, "same source", "theirs"),
        (added.key, "deleted", "added"),
        (None, "../seeds/a.txt", "../seeds/c.txt"),
    ]
    assert [(c.link, c.theirs) for c in overwritten(base, base, links_without(base, key))] == [
        (key, "deleted")
    ]


# --- links --------------------------------------------------------------------------


def test_links_added_on_both_sides(base: AnnotationFile) -> None:
    ours = with_links(base, link("aaaa01", "cccc03", "contradicts", "ours"))
    theirs = with_links(base, link("bbbb02", "cccc03", "qualifies", "theirs"))
    result = merge(base, ours, theirs)
    assert result.clean
    assert [lk.key for lk in result.document.links] == [
        ("aaaa01", "bbbb02", "supports"),
        ("aaaa01", "cccc03", "contradicts"),
        ("bbbb02", "cccc03", "qualifies"),
    ]
    assert_canonical(result)


def test_the_same_link_added_on_both_sides_is_one_link(base: AnnotationFile) -> None:
    # contradicts is symmetric: a->c and c->a are the same link.
    ours = with_links(base, link("aaaa01", "cccc03", "contradicts"))
    theirs = with_links(base, link("cccc03", "aaaa01", "contradicts"))
    result = merge(base, ours, theirs)
    assert result.clean
    assert [lk.key for lk in result.document.links] == [
        ("aaaa01", "bbbb02", "supports"),
        ("aaaa01", "cccc03", "contradicts"),
    ]
    assert_canonical(result)


def test_a_link_of_the_same_claims_but_another_kind_is_another_link(base: AnnotationFile) -> None:
    ours = with_links(base, link("aaaa01", "bbbb02", "qualifies"))
    result = merge(base, ours, base)
    assert result.clean
    assert len(result.document.links) == 2


@pytest.mark.parametrize("side", ["ours", "theirs"])
def test_a_link_removed_on_one_side(base: AnnotationFile, side: str) -> None:
    removed = links_without(base, ("aaaa01", "bbbb02", "supports"))
    changed = edit(base, "aaaa01", note="edited elsewhere")
    ours, theirs = (removed, changed) if side == "ours" else (changed, removed)
    result = merge(base, ours, theirs)
    assert result.clean
    assert result.document.links == []
    assert result.document.claim("aaaa01").note == "edited elsewhere"


def test_a_link_note_changed_on_one_side(base: AnnotationFile) -> None:
    key = ("aaaa01", "bbbb02", "supports")
    theirs = base.model_copy(update={"links": [link(*key, note="better note")]})
    result = merge(base, base, theirs)
    assert result.clean
    assert result.document.links[0].note == "better note"


def test_a_link_note_changed_two_ways(base: AnnotationFile) -> None:
    key = ("aaaa01", "bbbb02", "supports")
    ours = base.model_copy(update={"links": [link(*key, note="ours")]})
    theirs = base.model_copy(update={"links": [link(*key, note="theirs")]})
    result = merge(base, ours, theirs)
    assert not result.clean
    assert result.conflicted_links == [key]
    assert result.conflicted_claims == []
    assert result.header_conflicts == []
    (conflict,) = result.conflicts
    assert conflict.link == key
    assert (conflict.ours, conflict.theirs, conflict.base) == ("ours", "theirs", "same source")
    assert result.document.links[0].note == "ours"


def test_the_same_link_added_two_ways_conflicts(base: AnnotationFile) -> None:
    ours = with_links(base, link("bbbb02", "cccc03", "supports", "ours"))
    theirs = with_links(base, link("bbbb02", "cccc03", "supports", "theirs"))
    result = merge(base, ours, theirs)
    assert result.conflicted_links == [("bbbb02", "cccc03", "supports")]


@pytest.mark.parametrize("side", ["ours", "theirs"])
def test_a_link_to_a_claim_the_other_side_deleted(base: AnnotationFile, side: str) -> None:
    key = ("bbbb02", "cccc03", "qualifies")
    linked = with_links(base, link(*key, note="new link"))
    deleted = without(base, "cccc03")
    ours, theirs = (linked, deleted) if side == "ours" else (deleted, linked)
    result = merge(base, ours, theirs)
    assert not result.clean
    assert [c.id for c in result.document.claims] == ["aaaa01", "bbbb02"]
    assert [lk.key for lk in result.document.links] == [("aaaa01", "bbbb02", "supports")]
    assert result.conflicted_links == [key]
    assert result.conflicted_claims == []
    assert result.header_conflicts == []
    assert_canonical(result)


# --- the file's header --------------------------------------------------------------


def test_the_article_changed_two_ways_is_a_header_conflict(base: AnnotationFile) -> None:
    ours = base.model_copy(update={"article": "../seeds/b.txt"})
    theirs = base.model_copy(update={"article": "../seeds/c.txt"})
    result = merge(base, ours, theirs)
    assert [c.key for c in result.header_conflicts] == ["article"]
    assert result.conflicted_claims == []


def test_anchored_against_two_texts_leaves_the_hash_unknown(base: AnnotationFile) -> None:
    ours = base.model_copy(update={"article_sha256": "1" * 64})
    theirs = base.model_copy(update={"article_sha256": "2" * 64})
    result = merge(base, ours, theirs)
    assert result.clean
    assert result.document.article_sha256 == ""
    assert merge(base, ours, base).document.article_sha256 == "1" * 64


# --- the seed fact-check ------------------------------------------------------------


@functools.cache
def seed() -> AnnotationFile:
    return loading.load(SEED).document


def test_seed_edits_to_different_claims_merge_canonically() -> None:
    base = seed()
    ours = edit(base, "ssae7t", verdict="disputed", updated=T2)
    ours = links_without(ours, ("gt8jj0", "pe7z4w", "contradicts"))
    theirs = edit(base, "gt8jj0", note="Checked again.", tags=["casualties"], updated=T1)
    theirs = with_links(theirs, link("4ksxaf", "kys94m", "supports", "same week"))
    result = merge(base, ours, theirs)
    assert result.clean
    merged = result.document
    assert merged.claim("ssae7t").verdict == "disputed"
    assert merged.claim("gt8jj0").note == "Checked again."
    assert merged.claim("gt8jj0").tags == ["casualties"]
    keys = {lk.key for lk in merged.links}
    assert ("gt8jj0", "pe7z4w", "contradicts") not in keys
    assert ("4ksxaf", "kys94m", "supports") in keys
    assert len(merged.claims) == 20
    assert len(merged.links) == 12
    assert_canonical(result)
    # Nothing changed on either side: the seed's own bytes.
    assert writer.dumps(merge(base, base, base).document) == SEED.read_text(encoding="utf-8")


# --- property: what one side did comes through --------------------------------------

SENTENCES = ["1,200 bodies.", "1,212 bodies.", "Not a single body.", "27 bodies."]
TAGS = ["casualties", "figures", "dates", "attribution", "istanbul", "headline"]
notes = st.text(st.characters(codec="utf-8"), max_size=40)
timestamps = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1), timezones=st.just(UTC)
).map(lambda value: value.replace(microsecond=0))
new_ids = st.from_regex(r"[a-z0-9]{7,8}", fullmatch=True)


def not_in(taken: list[str]) -> Callable[[str], bool]:
    return lambda value: value not in taken


@st.composite
def edited(draw: st.DrawFn, base: AnnotationFile) -> AnnotationFile:
    """``base`` after a random series of edits, as an editor could make them."""
    doc = base
    for _ in range(draw(st.integers(0, 8))):
        ids = [c.id for c in doc.claims]
        action = draw(
            st.sampled_from(
                ["verdict", "note", "tags", "sources", "add", "delete", "link", "sign", "dismiss"]
            )
        )
        if action in ("verdict", "note", "tags", "sources") and ids:
            target = draw(st.sampled_from(ids))
            update: dict[str, Any] = {"updated": draw(timestamps)}
            if action == "verdict":
                update["verdict"] = draw(st.sampled_from(VERDICTS))
            elif action == "note":
                update["note"] = draw(notes)
            elif action == "tags":  # added, removed, reordered
                update["tags"] = draw(st.lists(st.sampled_from(TAGS), unique=True, max_size=4))
            else:  # some kept, in any order, and some new
                current = doc.claim(target).sources
                kept = draw(st.permutations(range(len(current))))[: draw(st.integers(0, 3))]
                new_sources = draw(st.lists(st.sampled_from([S1, S2, S3]), unique=True))
                update["sources"] = [current[i] for i in kept] + [
                    s for s in new_sources if s not in current
                ]
            doc = edit(doc, target, **update)
        elif action == "add":
            new_id = draw(new_ids.filter(not_in(ids)))
            quote = draw(notes.filter(lambda value: bool(value.strip())))
            added = claim(
                new_id,
                draw(st.integers(1, 30)),
                draw(st.integers(0, 300)),
                quote=quote,
                verdict=draw(st.sampled_from(VERDICTS)),
                tags=draw(st.lists(st.sampled_from(TAGS), unique=True, max_size=3)),
                created=draw(timestamps),
            )
            doc = with_claims(doc, added)
        elif action == "delete" and ids:
            doc = without(doc, draw(st.sampled_from(ids)))
        elif action == "sign" and ids:  # sign off, or sign off again (another reader)
            target = draw(st.sampled_from(ids))
            reader = draw(st.sampled_from(["A. Reader", "B. Reader"]))
            doc = edit(doc, target, signed_by=reader, signed=draw(timestamps.filter(bool)))
        elif action == "dismiss":
            quotes = draw(st.lists(st.sampled_from(SENTENCES), min_size=2, max_size=2))
            dismissal = Dismissal(quotes=quotes, reason="1,200 vs 1,212 bodies", author="A")
            if dismissal.key in {d.key for d in doc.dismissed}:  # undismissed
                dismissed = [d for d in doc.dismissed if d.key != dismissal.key]
            else:
                dismissed = [*doc.dismissed, dismissal]
            doc = doc.model_copy(update={"dismissed": dismissed})
        elif action == "link" and len(ids) >= 2:
            source, target = draw(
                st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True)
            )
            kind = draw(st.sampled_from(LINK_KINDS))
            new = link(source, target, kind, draw(notes))
            existing = {lk.key: lk for lk in doc.links}
            if new.key in existing:  # change its note, or remove it
                doc = links_without(doc, new.key)
                if draw(st.booleans()):
                    doc = with_links(doc, existing[new.key].model_copy(update={"note": new.note}))
            else:
                doc = with_links(doc, new)
    AnnotationFile.model_validate(doc.model_dump(by_alias=True))  # still a valid document
    return doc.model_copy(update={"format": doc.needed_format})  # as saved and read back


@given(st.data())
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_an_edit_on_one_side_only_comes_through(data: st.DataObject) -> None:
    base = seed()
    changed = data.draw(edited(base))
    ours_only = merge(base, changed, base)
    assert ours_only.clean, ours_only.conflicts
    assert ours_only.document == changed.sorted()
    theirs_only = merge(base, base, changed)
    assert theirs_only.clean, theirs_only.conflicts
    assert theirs_only.document == changed.sorted()
    both = merge(base, changed, changed)
    assert both.clean, both.conflicts
    assert both.document == changed.sorted()


@given(st.data())
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_random_merge_dumps_canonically(data: st.DataObject) -> None:
    base = seed()
    ours = data.draw(edited(base))
    theirs = data.draw(edited(base))
    result = merge(base, ours, theirs)
    assert_canonical(result)
    assert set(result.conflicted_claims) <= {c.id for c in (*ours.claims, *theirs.claims)}
    for lk in result.document.links:
        assert {lk.source, lk.target} <= {c.id for c in result.document.claims}


@given(st.data())
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_the_fast_text_merge_writes_what_the_document_merge_writes(data: st.DataObject) -> None:
    """The driver's fast path (unchanged claims kept as text) equals the whole-document merge."""
    from factmark.gitio.merge_driver import conflicted_text, merge_by_blocks

    base = seed()
    ours = data.draw(edited(base))
    theirs = data.draw(edited(base))
    fast = merge_by_blocks(writer.dumps(base), writer.dumps(ours), writer.dumps(theirs), 9)
    result = merge(base, ours, theirs)
    assert fast is not None
    if result.clean:
        assert fast.conflicted == []
        assert fast.text == writer.dumps(result.document)
    else:
        assert fast.conflicted
        assert fast.text == conflicted_text(result, ours, theirs, 9)
