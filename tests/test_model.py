"""The rules of the annotation format (docs/design.md §4), one test per rule."""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any, get_args

import pytest
from pydantic import ValidationError

from factmark import model
from factmark.model import FORMAT, ID_PATTERN, AnnotationFile, Claim, Link, Source, new_claim_id
from factmark.vocabulary import (
    CONFIDENCES,
    LINK_KINDS,
    STANCES,
    VERDICTS,
    AnchorState,
    RecordedState,
    recorded_state,
)


def claim_data(claim_id: str = "aaaa11", /, **fields: Any) -> dict[str, Any]:
    return {"id": claim_id, "quote": "1,200 bodies", **fields}


def document_data(
    claims: list[dict[str, Any]] | None = None, links: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    if claims is None:
        claims = [claim_data("aaaa11"), claim_data("bbbb22"), claim_data("cccc33")]
    return {"format": FORMAT, "article": "a.txt", "claims": claims, "links": links or []}


def link_data(source: str, target: str, kind: str = "contradicts") -> dict[str, Any]:
    return {"from": source, "to": target, "kind": kind}


def error_types(error: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return {item["type"] for item in error.value.errors()}


# --- claim ids ---------------------------------------------------------------


@pytest.mark.parametrize("claim_id", ["abcd", "k3v9q2", "0000", "abcdefghij12"])
def test_id_of_4_to_12_lowercase_letters_and_digits_is_accepted(claim_id: str) -> None:
    assert Claim.model_validate(claim_data(claim_id)).id == claim_id


@pytest.mark.parametrize(
    "claim_id",
    [
        pytest.param("abc", id="too-short"),
        pytest.param("ABCD12", id="uppercase"),
        pytest.param("abcdefghij123", id="too-long"),
        pytest.param("ab-cd", id="punctuation"),
        pytest.param("abcé", id="non-ascii"),
        pytest.param("", id="empty"),
        pytest.param("abcd\n", id="trailing-newline"),
    ],
)
def test_id_outside_the_pattern_is_rejected(claim_id: str) -> None:
    with pytest.raises(ValidationError) as error:
        Claim.model_validate(claim_data(claim_id))
    assert error_types(error) == {"string_pattern_mismatch"}


def test_ids_are_unique_in_a_file() -> None:
    data = document_data([claim_data("aaaa11"), claim_data("aaaa11", quote="1,212 bodies")])
    with pytest.raises(ValidationError, match="id 'aaaa11' is used by claims 1 and 2"):
        AnnotationFile.model_validate(data)


# --- quote ---------------------------------------------------------------------


@pytest.mark.parametrize("quote", ["", " ", "\n\t "])
def test_empty_or_blank_quote_is_rejected(quote: str) -> None:
    with pytest.raises(ValidationError) as error:
        Claim.model_validate(claim_data(quote=quote))
    assert error.value.errors()[0]["loc"] == ("quote",)


def test_quote_keeps_its_surrounding_white_space() -> None:
    assert Claim.model_validate(claim_data(quote=" 1,200 ")).quote == " 1,200 "


# --- enumerations ----------------------------------------------------------------


def test_enumerations_are_the_documented_ones() -> None:
    assert VERDICTS == (
        "pending",
        "accurate",
        "mostly-accurate",
        "disputed",
        "misleading",
        "inaccurate",
        "unverifiable",
    )
    assert CONFIDENCES == ("unrated", "low", "medium", "high")
    assert STANCES == ("supports", "contradicts", "context")
    assert LINK_KINDS == ("contradicts", "supports", "duplicates", "qualifies")


def test_verdict_and_confidence_default_to_pending_and_unrated() -> None:
    claim = Claim.model_validate(claim_data())
    assert (claim.verdict, claim.confidence) == ("pending", "unrated")


@pytest.mark.parametrize("verdict", VERDICTS)
def test_every_verdict_is_accepted(verdict: str) -> None:
    assert Claim.model_validate(claim_data(verdict=verdict)).verdict == verdict


@pytest.mark.parametrize("verdict", ["false", "Accurate", "mostly_accurate", ""])
def test_unknown_verdict_is_rejected(verdict: str) -> None:
    with pytest.raises(ValidationError) as error:
        Claim.model_validate(claim_data(verdict=verdict))
    assert error_types(error) == {"literal_error"}


@pytest.mark.parametrize("confidence", CONFIDENCES)
def test_every_confidence_is_accepted(confidence: str) -> None:
    assert Claim.model_validate(claim_data(confidence=confidence)).confidence == confidence


@pytest.mark.parametrize("confidence", ["certain", "HIGH", ""])
def test_unknown_confidence_is_rejected(confidence: str) -> None:
    with pytest.raises(ValidationError) as error:
        Claim.model_validate(claim_data(confidence=confidence))
    assert error_types(error) == {"literal_error"}


@pytest.mark.parametrize("stance", STANCES)
def test_every_stance_is_accepted(stance: str) -> None:
    assert Source.model_validate({"citation": "Interfax", "stance": stance}).stance == stance


@pytest.mark.parametrize("stance", ["refutes", "neutral", ""])
def test_unknown_stance_is_rejected(stance: str) -> None:
    with pytest.raises(ValidationError) as error:
        Source.model_validate({"citation": "Interfax", "stance": stance})
    assert error_types(error) == {"literal_error"}


@pytest.mark.parametrize("kind", LINK_KINDS)
def test_every_link_kind_is_accepted(kind: str) -> None:
    assert Link.model_validate(link_data("aaaa11", "bbbb22", kind)).kind == kind


@pytest.mark.parametrize("kind", ["refutes", "contradict", ""])
def test_unknown_link_kind_is_rejected(kind: str) -> None:
    with pytest.raises(ValidationError) as error:
        Link.model_validate(link_data("aaaa11", "bbbb22", kind))
    assert error_types(error) == {"literal_error"}


@pytest.mark.parametrize("state", ["changed", "orphan"])
def test_recorded_state_is_changed_or_orphan(state: str) -> None:
    assert Claim.model_validate(claim_data(state=state)).state == state


def test_unknown_recorded_state_is_rejected() -> None:
    with pytest.raises(ValidationError):
        Claim.model_validate(claim_data(state="moved"))


def test_the_recorded_states_are_the_anchor_states_of_claims_not_found_exactly() -> None:
    assert list(AnchorState) == ["anchored", "moved", "changed", "orphan"]
    recorded = {state: state.recorded for state in AnchorState}
    assert recorded == {
        AnchorState.ANCHORED: None,
        AnchorState.MOVED: None,
        AnchorState.CHANGED: "changed",
        AnchorState.ORPHAN: "orphan",
    }
    assert [state for state in AnchorState if not state.trusted] == list(get_args(RecordedState))
    assert [recorded_state(state) for state in (None, *get_args(RecordedState))] == [
        None,
        AnchorState.CHANGED,
        AnchorState.ORPHAN,
    ]


# --- sources -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org",
        "https://example.org/kshpw-statement",
        "https://example.org/a?b=c#d",
        "HTTPS://EXAMPLE.ORG/",
    ],
)
def test_http_and_https_urls_are_accepted(url: str) -> None:
    assert Source.model_validate({"url": url}).url == url


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("ftp://example.org/file", id="ftp"),
        pytest.param("javascript:alert(1)", id="javascript"),
        pytest.param("file:///etc/passwd", id="file"),
        pytest.param("https://", id="no-host"),
        pytest.param("http:///path", id="empty-host"),
        pytest.param("example.org/page", id="no-scheme"),
        pytest.param("https://example.org/a b", id="space"),
        pytest.param("https://example.org/\n", id="newline"),
        pytest.param(" https://example.org/", id="leading-space"),
        pytest.param("", id="empty"),
    ],
)
def test_url_that_is_not_http_or_https_is_rejected(url: str) -> None:
    with pytest.raises(ValidationError) as error:
        Source.model_validate({"url": url})
    assert error_types(error) == {"http_url"}


@pytest.mark.parametrize(
    "data",
    [
        pytest.param({}, id="nothing"),
        pytest.param({"citation": ""}, id="empty-citation"),
        pytest.param({"citation": " \n"}, id="blank-citation"),
        pytest.param({"title": "KSHPW statement", "stance": "supports"}, id="title-only"),
    ],
)
def test_source_without_url_or_citation_is_rejected(data: dict[str, Any]) -> None:
    with pytest.raises(ValidationError, match="a source needs a url or a citation"):
        Source.model_validate(data)


def test_source_with_url_or_citation_or_both_is_accepted() -> None:
    Source.model_validate({"url": "https://example.org/"})
    Source.model_validate({"citation": "Interfax, citing an unnamed source, 13 June"})
    Source.model_validate({"url": "https://example.org/", "citation": "KSHPW"})


# --- links -----------------------------------------------------------------------


def test_link_to_a_missing_claim_is_rejected() -> None:
    data = document_data(links=[link_data("aaaa11", "zzzz99")])
    with pytest.raises(ValidationError, match="no claim has id 'zzzz99'"):
        AnnotationFile.model_validate(data)


def test_link_from_a_missing_claim_is_rejected() -> None:
    data = document_data(links=[link_data("zzzz99", "aaaa11")])
    with pytest.raises(ValidationError, match="no claim has id 'zzzz99'"):
        AnnotationFile.model_validate(data)


@pytest.mark.parametrize("kind", LINK_KINDS)
def test_claim_linked_to_itself_is_rejected(kind: str) -> None:
    data = document_data(links=[link_data("aaaa11", "aaaa11", kind)])
    with pytest.raises(ValidationError, match="cannot be linked to itself"):
        AnnotationFile.model_validate(data)


@pytest.mark.parametrize("kind", ["contradicts", "duplicates"])
def test_symmetric_link_in_both_directions_is_rejected(kind: str) -> None:
    data = document_data(
        links=[link_data("aaaa11", "bbbb22", kind), link_data("bbbb22", "aaaa11", kind)]
    )
    with pytest.raises(ValidationError, match=f"a {kind} link in both directions"):
        AnnotationFile.model_validate(data)


@pytest.mark.parametrize("kind", ["supports", "qualifies"])
def test_directed_link_in_both_directions_is_accepted(kind: str) -> None:
    data = document_data(
        links=[link_data("aaaa11", "bbbb22", kind), link_data("bbbb22", "aaaa11", kind)]
    )
    assert len(AnnotationFile.model_validate(data).links) == 2


@pytest.mark.parametrize("kind", LINK_KINDS)
def test_same_link_twice_is_rejected(kind: str) -> None:
    data = document_data(
        links=[link_data("aaaa11", "bbbb22", kind), link_data("aaaa11", "bbbb22", kind)]
    )
    with pytest.raises(ValidationError, match="the same link twice"):
        AnnotationFile.model_validate(data)


def test_links_of_different_kinds_between_the_same_claims_are_accepted() -> None:
    data = document_data(
        links=[
            link_data("aaaa11", "bbbb22", "contradicts"),
            link_data("bbbb22", "aaaa11", "qualifies"),
        ]
    )
    assert len(AnnotationFile.model_validate(data).links) == 2


def test_link_is_written_with_from_and_to() -> None:
    link = Link.model_validate(link_data("aaaa11", "bbbb22"))
    assert (link.source, link.target) == ("aaaa11", "bbbb22")
    assert link.model_dump() == {
        "from": "aaaa11",
        "to": "bbbb22",
        "kind": "contradicts",
        "note": "",
    }


# --- format version ----------------------------------------------------------------


def test_current_format_is_accepted() -> None:
    assert AnnotationFile.model_validate(document_data()).format == "factmark/1"


def test_newer_format_is_refused_saying_it_is_newer() -> None:
    data = {**document_data(), "format": "factmark/3"}
    with pytest.raises(ValidationError) as error:
        AnnotationFile.model_validate(data)
    message = error.value.errors()[0]["msg"]
    assert "newer" in message
    assert "factmark/3" in message
    assert "upgrade factmark" in message


@pytest.mark.parametrize("value", ["factmark", "other/1", "factmark/one", "Factmark/1", ""])
def test_format_that_is_not_factmarks_is_refused(value: str) -> None:
    with pytest.raises(ValidationError, match="not a factmark annotation file"):
        AnnotationFile.model_validate({**document_data(), "format": value})


def test_article_is_required() -> None:
    data = document_data()
    del data["article"]
    with pytest.raises(ValidationError) as error:
        AnnotationFile.model_validate(data)
    assert error_types(error) == {"missing"}


def test_article_path_is_not_empty() -> None:
    """An empty path would be left out on saving, and the file would not load again."""
    with pytest.raises(ValidationError) as error:
        AnnotationFile.model_validate({**document_data(), "article": ""})
    assert error.value.errors()[0]["loc"] == ("article",)


@pytest.mark.parametrize("value", ["abc", "A" * 64, "0" * 63])
def test_article_sha256_is_64_lowercase_hex_digits(value: str) -> None:
    with pytest.raises(ValidationError):
        AnnotationFile.model_validate({**document_data(), "article_sha256": value})
    AnnotationFile.model_validate({**document_data(), "article_sha256": "0f" * 32})


# --- unknown keys and strictness -------------------------------------------------


@pytest.mark.parametrize(
    ("model_class", "data"),
    [
        pytest.param(Claim, claim_data(confidnce="medium"), id="claim"),
        pytest.param(Source, {"citation": "Interfax", "stnce": "supports"}, id="source"),
        pytest.param(Link, {**link_data("aaaa11", "bbbb22"), "kindd": "supports"}, id="link"),
        pytest.param(AnnotationFile, {**document_data(), "artcle": "a.txt"}, id="file"),
    ],
)
def test_unknown_key_is_refused(
    model_class: type[Claim | Source | Link | AnnotationFile], data: dict[str, Any]
) -> None:
    with pytest.raises(ValidationError) as error:
        model_class.model_validate(data)
    assert error_types(error) == {"extra_forbidden"}


def test_link_fields_are_named_from_and_to_not_source_and_target_in_a_file() -> None:
    """``source``/``target`` are the Python names; a file says ``from``/``to``."""
    link = Link.model_validate({"source": "aaaa11", "target": "bbbb22", "kind": "supports"})
    assert link.model_dump() == {"from": "aaaa11", "to": "bbbb22", "kind": "supports", "note": ""}


@pytest.mark.parametrize(
    ("key", "value"),
    [
        pytest.param("paragraph", "3", id="string-for-int"),
        pytest.param("start", 5.0, id="float-for-int"),
        pytest.param("paragraph", True, id="bool-for-int"),
        pytest.param("note", 12, id="int-for-string"),
        pytest.param("tags", "casualties", id="string-for-list"),
        pytest.param("created", "2026-11-27T10:02:11Z", id="string-for-datetime"),
    ],
)
def test_values_are_not_coerced(key: str, value: object) -> None:
    with pytest.raises(ValidationError) as error:
        Claim.model_validate(claim_data(**{key: value}))
    assert error.value.errors()[0]["loc"][0] == key


def test_accessed_is_a_date_not_a_string_or_datetime() -> None:
    assert Source.model_validate({"citation": "c", "accessed": date(2026, 6, 13)}).accessed == date(
        2026, 6, 13
    )
    for value in ("2026-06-13", datetime(2026, 6, 13, tzinfo=UTC)):
        with pytest.raises(ValidationError):
            Source.model_validate({"citation": "c", "accessed": value})


@pytest.mark.parametrize(("key", "value"), [("paragraph", 0), ("start", -1)])
def test_position_hints_are_not_negative(key: str, value: int) -> None:
    with pytest.raises(ValidationError):
        Claim.model_validate(claim_data(**{key: value}))


def test_prefix_and_suffix_hold_at_most_32_code_points() -> None:
    Claim.model_validate(claim_data(prefix="é" * 32, suffix="😀" * 32))
    for key in ("prefix", "suffix"):
        with pytest.raises(ValidationError):
            Claim.model_validate(claim_data(**{key: "x" * 33}))


def test_tags_are_non_empty_and_listed_once() -> None:
    with pytest.raises(ValidationError, match="tag 'casualties' is listed twice"):
        Claim.model_validate(claim_data(tags=["casualties", "casualties"]))
    with pytest.raises(ValidationError):
        Claim.model_validate(claim_data(tags=[""]))


def test_models_are_frozen() -> None:
    claim = Claim.model_validate(claim_data())
    with pytest.raises(ValidationError):
        claim.verdict = "accurate"  # type: ignore[misc]


# --- datetimes ---------------------------------------------------------------------


def test_naive_datetime_is_rejected() -> None:
    with pytest.raises(ValidationError, match="needs a UTC offset"):
        Claim.model_validate(claim_data(created=datetime(2026, 11, 27, 10, 2, 11)))


def test_offset_datetime_is_normalised_to_utc_whole_seconds() -> None:
    local = datetime(2026, 11, 27, 12, 2, 11, 987654, tzinfo=timezone(timedelta(hours=2)))
    claim = Claim.model_validate(claim_data(created=local, updated=local))
    for value in (claim.created, claim.updated):
        assert value == datetime(2026, 11, 27, 10, 2, 11, tzinfo=UTC)
        assert value is not None
        assert value.utcoffset() == timedelta(0)
        assert value.microsecond == 0


@pytest.mark.parametrize(
    "value",
    [
        datetime(1, 1, 1, 0, 30, tzinfo=timezone(timedelta(hours=1))),
        datetime(9999, 12, 31, 23, 30, tzinfo=timezone(timedelta(hours=-1))),
    ],
)
def test_datetime_with_no_utc_equivalent_is_a_validation_error(value: datetime) -> None:
    with pytest.raises(ValidationError, match="out of range"):
        Claim.model_validate(claim_data(created=value))


def test_utc_now_is_utc_whole_seconds() -> None:
    now = model.utc_now()
    assert now.tzinfo is UTC
    assert now.microsecond == 0


# --- unicode -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(claim_data(quote="1,200 \ud800bodies"), id="quote"),
        pytest.param(claim_data(note="\udfff"), id="note"),
        pytest.param(claim_data(prefix="x\udc80"), id="prefix"),
        pytest.param(claim_data(tags=["ok", "\ud83d"]), id="tag"),
        pytest.param(claim_data(author="A. \udbff"), id="author"),
        pytest.param(claim_data(sources=[{"citation": "\ud800"}]), id="source-citation"),
        pytest.param(claim_data(sources=[{"url": "https://example.org/\ud800"}]), id="source-url"),
    ],
)
def test_lone_surrogates_are_rejected(data: dict[str, Any]) -> None:
    with pytest.raises(ValidationError, match="lone surrogate"):
        Claim.model_validate(data)


def test_lone_surrogate_in_the_article_path_or_a_link_note_is_rejected() -> None:
    with pytest.raises(ValidationError, match="lone surrogate"):
        AnnotationFile.model_validate({**document_data(), "article": "a\udc00.txt"})
    with pytest.raises(ValidationError, match="lone surrogate"):
        Link.model_validate({**link_data("aaaa11", "bbbb22"), "note": "\ud800"})


def test_astral_characters_and_hidden_characters_are_accepted() -> None:
    text = '😀 \u202e\u200b\x00\x1b\x7f\x85\ufeff """ \\'
    assert Claim.model_validate(claim_data(quote=text, note=text)).note == text


# --- new claim ids ---------------------------------------------------------------------


def test_new_claim_id_matches_the_pattern() -> None:
    for _ in range(200):
        assert re.fullmatch(ID_PATTERN, new_claim_id())


def test_new_claim_id_is_random_not_a_counter() -> None:
    ids = [new_claim_id() for _ in range(100)]
    # 100 draws from 36**6 collide with probability ~2e-6.
    assert len(set(ids)) == 100
    assert ids != sorted(ids)


def test_new_claim_id_avoids_taken_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    letters: Iterator[str] = iter("aaaaaa" + "bbbbbb" + "cccccc")
    monkeypatch.setattr(secrets, "choice", lambda _alphabet: next(letters))
    assert new_claim_id(taken=["aaaaaa", "bbbbbb"]) == "cccccc"


def test_new_claim_id_is_usable_as_a_claim_id() -> None:
    document = AnnotationFile.model_validate(document_data())
    taken = [claim.id for claim in document.claims]
    fresh = new_claim_id(taken)
    assert fresh not in taken
    Claim.model_validate(claim_data(fresh))
