"""Building one document from another, as an editor or a colleague would change it."""

from __future__ import annotations

from typing import Any

from factmark.model import AnnotationFile, Claim


def edited(document: AnnotationFile, claim_id: str, **changes: Any) -> AnnotationFile:
    """The document with one claim's fields changed (validated, as the TUI makes them).

    As in the TUI, a change to what a second reader signed off withdraws the sign-off.
    """
    claims = [
        Claim.model_validate({**c.model_dump(), **changes}).keeping_sign_off_from(c)
        if c.id == claim_id
        else c
        for c in document.claims
    ]
    return document.model_copy(update={"claims": claims})


def without(document: AnnotationFile, claim_id: str) -> AnnotationFile:
    """The document with a claim deleted, and its links with it (as the TUI deletes)."""
    return document.model_copy(
        update={
            "claims": [c for c in document.claims if c.id != claim_id],
            "links": [k for k in document.links if not k.touches(claim_id)],
        }
    )
