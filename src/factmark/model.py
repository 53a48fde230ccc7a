"""The annotation file as pydantic models (formats ``factmark/1`` and ``factmark/2``).

Every rule of the format is a validation here, so that a document that
exists in memory is a document that may be written. The models know nothing
of files, articles or Textual.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from factmark.vocabulary import (
    SYMMETRIC_KINDS,
    Confidence,
    LinkKind,
    RecordedState,
    Stance,
    Verdict,
)

FORMAT = "factmark/1"
"""The format of a file that uses nothing newer: what most files are written in."""

FORMAT_VERSION = 2
"""The newest format version this factmark reads and writes (docs/format.md)."""

NEWEST_FORMAT = f"factmark/{FORMAT_VERSION}"

SIGNED_FIELDS = ("quote", "verdict", "confidence", "sources")
"""What a second reader signs off: a change to any of them withdraws the sign-off."""


ID_PATTERN = r"^[a-z0-9]{4,12}$"
ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
CONTEXT_LENGTH = 32
"""Code points of text kept before and after a quote (prefix, suffix)."""


_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_lone_surrogates(value: str) -> str:
    match = _SURROGATE.search(value)  # a regex: this runs on every string of the file
    if match is not None:
        raise PydanticCustomError(
            "lone_surrogate",
            "lone surrogate U+{code} at character {index}",
            {"code": f"{ord(match.group()):04X}", "index": match.start()},
        )
    return value


Text = Annotated[str, AfterValidator(_no_lone_surrogates)]
"""Any string of the file: arbitrary Unicode except lone surrogates."""

ClaimId = Annotated[str, StringConstraints(pattern=ID_PATTERN)]

CROSS_FILE_PATTERN = r"^[^#\s][^#]*\.toml#[a-z0-9]{4,12}$"
"""``<annotation file, relative to this one>#<id>``: a claim of another file (``factmark/2``)."""

ClaimRef = Annotated[str, StringConstraints(pattern=f"{ID_PATTERN}|{CROSS_FILE_PATTERN}")]
"""A claim of this file by its id, or of another annotation file (``harbour.toml#hbr002``)."""


def split_ref(ref: str) -> tuple[str | None, str]:
    """A link's ``to`` as (the other annotation file or None for this one, the claim's id)."""
    path, sep, claim_id = ref.rpartition("#")
    return (path, claim_id) if sep else (None, ref)


_SPACE = re.compile(r"\s")
"""White space: what ``str.isspace`` says is white space (a test holds them equal)."""


def _http_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PydanticCustomError("http_url", "not an http(s) URL: '{url}'", {"url": value})
    if _SPACE.search(value):
        raise PydanticCustomError("http_url", "a URL has no white space: '{url}'", {"url": value})
    return value


HttpUrl = Annotated[Text, AfterValidator(_http_url)]


def _utc_whole_seconds(value: datetime) -> datetime:
    """A timestamp of the file: an offset datetime, kept in UTC to the second."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise PydanticCustomError(
            "naive_datetime",
            "needs a UTC offset, e.g. 2026-11-27T10:02:11Z",
        )
    try:
        return value.astimezone(UTC).replace(microsecond=0)
    except OverflowError:  # 0001-01-01T00:00:00+01:00 has no UTC datetime
        raise PydanticCustomError("datetime_range", "out of range once converted to UTC") from None


Timestamp = Annotated[datetime, AfterValidator(_utc_whole_seconds)]


def utc_now() -> datetime:
    """The current time as the file stores it: UTC, whole seconds."""
    return datetime.now(UTC).replace(microsecond=0)


def format_timestamp(value: datetime) -> str:
    """A timestamp as the file, the diff and every export write it: ``2026-11-27T10:02:11Z``.

    isoformat, not strftime: ``%Y`` does not pad years below 1000 to four digits.
    """
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="seconds") + "Z"


class _Model(BaseModel):
    # strict: a TOML string is never coerced into a number or a date; frozen:
    # a change is a new value, which keeps undo and three-way merges simple.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Source(_Model):
    """Evidence for or against a claim: a URL, a citation, or both."""

    url: HttpUrl | None = None
    """Where the source can be read (http or https)."""
    citation: Text = ""
    """The source in words, when there is no URL or to say more than the URL."""
    title: Text = ""
    quote: Text = ""
    """What the source says, in its own words."""
    accessed: date | None = None
    """When the source was read."""
    stance: Stance | None = None
    """Whether the source supports or contradicts the claim, or gives context."""

    @model_validator(mode="after")
    def _has_url_or_citation(self) -> Source:
        if self.url is None and not self.citation.strip():
            raise PydanticCustomError("source_empty", "a source needs a url or a citation")
        return self

    @property
    def label(self) -> str:
        """A one-line name for the source: title, else citation, else URL."""
        return self.title or self.citation or self.url or ""


class Claim(_Model):
    """A claim the article makes, with the editor's finding on it."""

    id: ClaimId
    """Random, unique in the file, never reused."""
    quote: Annotated[Text, StringConstraints(min_length=1)]
    """The exact claim text as it stands in the article."""
    prefix: Annotated[Text, StringConstraints(max_length=CONTEXT_LENGTH)] = ""
    suffix: Annotated[Text, StringConstraints(max_length=CONTEXT_LENGTH)] = ""
    paragraph: Annotated[int, Field(ge=1)] | None = None
    """Where the quote was last found: paragraph number, from 1 (a hint)."""
    start: Annotated[int, Field(ge=0)] | None = None
    """Code-point offset of the quote in that paragraph (a hint)."""
    verdict: Verdict = "pending"
    confidence: Confidence = "unrated"
    note: Text = ""
    tags: list[Annotated[Text, StringConstraints(min_length=1)]] = []
    author: Text = ""
    created: Timestamp | None = None
    updated: Timestamp | None = None
    signed_by: Text = ""
    """The second reader who signed off the verdict (``factmark/2``)."""
    signed: Timestamp | None = None
    """When they signed it off (``factmark/2``)."""
    state: RecordedState | None = None
    """Set by re-anchoring when the quote was not found exactly."""
    sources: list[Source] = []

    @field_validator("quote")
    @classmethod
    def _quote_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise PydanticCustomError("blank_quote", "the quote is blank")
        return value

    @field_validator("tags")
    @classmethod
    def _tags_unique(cls, value: list[str]) -> list[str]:
        seen: set[str] = set()
        for tag in value:
            if tag in seen:
                raise PydanticCustomError(
                    "duplicate_tag", "tag '{tag}' is listed twice", {"tag": tag}
                )
            seen.add(tag)
        return value

    @model_validator(mode="after")
    def _signed_by_someone_at_some_time(self) -> Claim:
        if bool(self.signed_by.strip()) != (self.signed is not None):
            missing = "signed" if self.signed is None else "signed_by"
            raise PydanticCustomError(
                "sign_off", "a sign-off needs both signed_by and signed", {"key": missing}
            )
        return self

    @property
    def signed_off(self) -> bool:
        return self.signed is not None

    @property
    def self_signed(self) -> bool:
        """Signed off by the editor who made the claim entry."""
        return self.signed_off and self.signed_by == self.author

    def keeping_sign_off_from(self, before: Claim) -> Claim:
        """This claim as an edit of ``before``: unsigned if what was signed off changed."""
        if self.signed_off and any(
            getattr(self, name) != getattr(before, name) for name in SIGNED_FIELDS
        ):
            return self.model_copy(update={"signed_by": "", "signed": None})
        return self

    @property
    def position(self) -> tuple[int, int]:
        """Sort key by place in the article; claims without hints go last."""
        big = 1 << 62
        return (
            self.paragraph if self.paragraph is not None else big,
            self.start if self.start is not None else big,
        )


class Link(_Model):
    """A typed relation from one claim to another."""

    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)

    source: ClaimId = Field(alias="from")
    target: ClaimRef = Field(alias="to")
    """A claim of this file, or of another annotation file (``harbour.toml#hbr002``)."""
    kind: LinkKind
    note: Text = ""

    @property
    def symmetric(self) -> bool:
        return self.kind in SYMMETRIC_KINDS

    @property
    def cross_file(self) -> bool:
        """Whether it points to a claim of another annotation file."""
        return "#" in self.target

    @property
    def key(self) -> tuple[str, str, str]:
        """Identity of a link; a symmetric link is the same either way round."""
        if self.symmetric and not self.cross_file and self.target < self.source:
            return (self.target, self.source, self.kind)
        return (self.source, self.target, self.kind)

    def touches(self, claim_id: str) -> bool:
        return claim_id in (self.source, self.target)

    def other(self, claim_id: str) -> str:
        """The claim at the other end of this link from ``claim_id``."""
        return self.target if self.source == claim_id else self.source


def needed_format(*, signed: bool, dismissed: bool, cross_file: bool = False) -> str:
    """The lowest format for a file with sign-offs, dismissed candidates or links to other
    files, or without."""
    return NEWEST_FORMAT if signed or dismissed or cross_file else FORMAT


class Dismissal(_Model):
    """A contradiction candidate the editor dismissed: it is not proposed again."""

    quotes: Annotated[list[Text], Field(min_length=2, max_length=2)]
    """The two sentences of the candidate, in article order."""
    reason: Text = ""
    author: Text = ""
    created: Timestamp | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.quotes[0], self.quotes[1])


def _format_supported(value: str) -> str:
    match = re.fullmatch(r"factmark/(\d+)", value)
    if match is None:
        raise PydanticCustomError(
            "format", "not a factmark annotation file (format '{value}')", {"value": value}
        )
    if int(match.group(1)) > FORMAT_VERSION:
        raise PydanticCustomError(
            "format_newer",
            "written in {value}, newer than this factmark reads ({supported}); upgrade factmark",
            {"value": value, "supported": NEWEST_FORMAT},
        )
    return value


class AnnotationFile(_Model):
    """One article's fact-check: its claims and the links between them."""

    format: Annotated[Text, AfterValidator(_format_supported)] = FORMAT
    article: Annotated[Text, StringConstraints(min_length=1)]
    """Path of the article, relative to the annotation file, with ``/``."""
    article_sha256: Annotated[str, StringConstraints(pattern=r"^([0-9a-f]{64})?$")] = ""
    """SHA-256 of the normalised article text the claims were last anchored against."""
    claims: list[Claim] = []
    links: list[Link] = []
    dismissed: list[Dismissal] = []
    """Contradiction candidates the editor dismissed (``factmark/2``)."""

    @model_validator(mode="after")
    def _dismissed_once(self) -> AnnotationFile:
        seen: dict[tuple[str, str], int] = {}
        for index, dismissal in enumerate(self.dismissed):
            if dismissal.key in seen:
                raise PydanticCustomError(
                    "duplicate_dismissal",
                    "the same candidate is dismissed twice ({first} and {second})",
                    {"first": seen[dismissal.key] + 1, "second": index + 1, "key": "quotes"},
                )
            seen[dismissal.key] = index
        return self

    @property
    def needed_format(self) -> str:
        """The lowest format that can hold this document: what it is written in."""
        signed = any(claim.signed_off for claim in self.claims)
        cross_file = any(link.cross_file for link in self.links)
        return needed_format(signed=signed, dismissed=bool(self.dismissed), cross_file=cross_file)

    @model_validator(mode="after")
    def _references_hold(self) -> AnnotationFile:
        ids: dict[str, int] = {}
        for index, claim in enumerate(self.claims):
            if claim.id in ids:
                raise PydanticCustomError(
                    "duplicate_id",
                    "id '{id}' is used by claims {first} and {second}",
                    {
                        "id": claim.id,
                        "first": ids[claim.id] + 1,
                        "second": index + 1,
                        "claim": claim.id,
                        "key": "id",
                        "index": index,
                    },
                )
            ids[claim.id] = index
        seen: dict[tuple[str, str, str], int] = {}
        for index, link in enumerate(self.links):
            for key, claim_id in (("from", link.source), ("to", link.target)):
                if claim_id not in ids and not (key == "to" and link.cross_file):
                    raise PydanticCustomError(
                        "missing_claim",
                        "no claim has id '{id}'",
                        {"id": claim_id, "link": index, "key": key},
                    )
            if link.source == link.target:
                raise PydanticCustomError(
                    "self_link", "a claim cannot be linked to itself", {"link": index, "key": "to"}
                )
            if link.key in seen:
                first = self.links[seen[link.key]]
                what = (
                    "a {kind} link in both directions ({kind} is symmetric: keep one)"
                    if first.source != link.source
                    else "the same link twice"
                )
                raise PydanticCustomError(
                    "duplicate_link",
                    what + " (links {first} and {second})",
                    {
                        "kind": link.kind,
                        "first": seen[link.key] + 1,
                        "second": index + 1,
                        "link": index,
                        "key": "to",
                    },
                )
            seen[link.key] = index
        return self

    def claim(self, claim_id: str) -> Claim:
        """The claim with this id (KeyError if there is none)."""
        for claim in self.claims:
            if claim.id == claim_id:
                return claim
        raise KeyError(claim_id)

    def links_of(self, claim_id: str) -> list[Link]:
        """Every link that touches the claim, in either direction."""
        return [link for link in self.links if link.touches(claim_id)]

    def contradiction_links(self) -> list[Link]:
        """Every ``contradicts`` link."""
        return [link for link in self.links if link.kind == "contradicts"]

    def contradicted(self) -> set[str]:
        """Ids of the claims on either end of a ``contradicts`` link."""
        return {end for link in self.contradiction_links() for end in (link.source, link.target)}

    def signed_only(self) -> AnnotationFile:
        """The same document with only the claims signed off, and the links between them."""
        claims = [claim for claim in self.claims if claim.signed_off]
        kept = {claim.id for claim in claims}
        links = [link for link in self.links if link.source in kept and link.target in kept]
        return self.model_copy(update={"claims": claims, "links": links})

    def sorted(self) -> AnnotationFile:
        """The same document with claims and links in canonical order."""
        claims = sorted(self.claims, key=lambda c: (*c.position, c.id))
        links = sorted(self.links, key=lambda link: (link.source, link.target, link.kind))
        dismissed = sorted(self.dismissed, key=lambda dismissal: dismissal.key)
        return self.model_copy(update={"claims": claims, "links": links, "dismissed": dismissed})


def new_claim_id(taken: Iterable[str] = (), length: int = 6) -> str:
    """A random claim id that is not in ``taken``.

    Random rather than a counter so that two branches adding claims to the
    same file never pick the same id (36**6 ≈ 2.2 billion).
    """
    used = set(taken)
    while True:
        candidate = "".join(secrets.choice(ID_ALPHABET) for _ in range(length))
        if candidate not in used:
            return candidate
