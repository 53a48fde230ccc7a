"""An editor's session on one article: the document, edits with undo, and saving.

The TUI drives a Session; the Session asks the store to read and write. It
imports no Textual, so every editing rule is testable without a terminal.
Documents are immutable values: an edit makes a new one, undo and redo swap
them (and where their claims were found, factmark.located, with them), and a
save writes a snapshot that no later edit can change.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factmark import ondisk
from factmark.anchor import Anchor, attach, locate
from factmark.article import Article
from factmark.candidate_edits import CandidateEdits, placed_claim
from factmark.gitio.git import user_name
from factmark.located import Index, Located
from factmark.lock import ArticleLock
from factmark.merge import Choice, Conflict
from factmark.model import AnnotationFile, Claim, Link, utc_now
from factmark.paths import relative_article
from factmark.resolving import Unresolved
from factmark.settling import merge_edit, resolve_edit
from factmark.store import atomic, loading, writer
from factmark.store.atomic import Fingerprint
from factmark.vocabulary import AnchorState, LinkKind


@dataclass(frozen=True)
class Edit:
    """One undoable step: the document before and after (each with where its claims were
    found), and what it was."""

    before: AnnotationFile
    after: AnnotationFile
    description: str
    selected: str | None = None
    """The claim to select once this step is done or redone."""
    selected_undone: str | None = None
    """The claim to select once this step is undone (a deleted claim, back)."""
    located_before: Located = field(kw_only=True)
    """Where the claims of ``before`` were found."""
    located_after: Located = field(kw_only=True)
    """Where the claims of ``after`` were found."""


@dataclass
class Session(CandidateEdits):
    """Everything the editor works on, without any user interface."""

    article: Article
    path: Path
    """The annotation file (it may not exist yet)."""
    document: AnnotationFile
    fingerprint: Fingerprint | None
    """What the file was when loaded or last saved (None: no file yet)."""
    saved: AnnotationFile
    """The document as it stands in the file (after hint refreshes)."""
    located: Located
    """Where the claims of ``document`` were found (undo and redo swap it with the document)."""
    read_only: str | None = None
    """Why the session may not write, if it may not."""
    author: str = ""
    undo_stack: list[Edit] = field(default_factory=list)
    redo_stack: list[Edit] = field(default_factory=list)
    lock: ArticleLock | None = None
    _index_cache: Index | None = None

    # --- opening -------------------------------------------------------------

    @classmethod
    def open(
        cls, article: Article, path: Path, *, author: str | None = None, lock: bool = True
    ) -> Session:
        """Open an article's annotations (StoreError if the file cannot be used).

        A missing file is an empty fact-check, created on first save. Claims
        whose exact quote is found get fresh hints in memory; they reach the
        file with the next save.
        """
        fingerprint: Fingerprint | None = None
        if path.exists():
            taken = ondisk.read(path, article)
            document, located, fingerprint = taken.document, taken.located, taken.fingerprint
        else:
            empty = AnnotationFile(article=relative_article(path, _article_path(article)))
            document, located = Located.read(empty, article)
        session = cls(
            article=article,
            path=path,
            document=document,
            fingerprint=fingerprint,
            saved=document,
            located=located,
            author=author if author is not None else user_name(_article_path(article).parent),
        )
        if lock:
            session.lock = ArticleLock(_article_path(article))
            if not session.lock.acquire():
                session.lock = None
                session.read_only = "another factmark has this article open"
        return session

    def close(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    # --- reading -------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        """Whether there are changes not yet in the file."""
        return self.document is not self.saved and self.document != self.saved

    def claim(self, claim_id: str) -> Claim:
        """The claim with this id (KeyError if there is none)."""
        return self._index().by_id[claim_id]

    def anchor(self, claim_id: str) -> Anchor:
        return self.located.anchor(claim_id)

    def _index(self) -> Index:
        """Claims by paragraph and the like, rebuilt only when the document changed.

        The TUI asks on every key; at book length a scan of every claim per key
        would be the slowest thing it does.
        """
        cache = self._index_cache
        if cache is None or not cache.current(self.document, self.located):
            cache = Index.build(self.document, self.located, len(self.article.paragraphs))
            self._index_cache = cache
        return cache

    def claims_in(self, paragraph: int) -> list[Claim]:
        """Claims found in a paragraph, by position."""
        return self._index().by_paragraph.get(paragraph, [])

    def shown_in(self, paragraph: int) -> list[Claim]:
        """The claims the editor sees under a paragraph: those found there, a changed one
        where its new text is, an orphan where it stood (see factmark.resolving)."""
        return self._index().shown.get(paragraph, [])

    def placement(self, claim_id: str) -> Unresolved | None:
        """Where a changed or orphaned claim belongs now; None for a claim found exactly."""
        return self._index().placements.get(claim_id)

    def trusted(self) -> list[Claim]:
        """Claims whose exact quote was found (anchored or moved)."""
        return self._index().trusted

    def unresolved(self) -> list[Claim]:
        """Claims whose quote was not found exactly (changed or orphan)."""
        return self._index().unresolved

    def count_changed(self) -> int:
        """Claims found only by a close match (the text there now differs)."""
        return sum(
            1 for claim in self.unresolved() if self.anchor(claim.id).state is AnchorState.CHANGED
        )

    def contradicted(self) -> set[str]:
        """Ids of the claims on either end of a ``contradicts`` link."""
        return self._index().contradicted

    def count_contradictions(self) -> int:
        """How many ``contradicts`` links there are."""
        return self._index().count_contradictions

    # --- editing -------------------------------------------------------------

    def _apply(
        self,
        after: AnnotationFile,
        description: str,
        selected: str | None,
        selected_undone: str | None = None,
        located: Located | None = None,
    ) -> None:
        """Make ``after`` the document, undoably; ``selected_undone`` defaults to ``selected``,
        ``located`` (where the claims of ``after`` are found) to where they were."""
        if self.read_only:
            raise PermissionError(self.read_only)
        undone = selected if selected_undone is None else selected_undone
        located = self.located if located is None else located
        edit = Edit(self.document, after, description, selected, undone,
                    located_before=self.located, located_after=located)  # fmt: skip
        self.undo_stack.append(edit)
        self.redo_stack.clear()
        self.document, self.located = after, located

    def add_claim(self, paragraph: int, start: int, end: int, **fields: Any) -> Claim:
        """Add a claim on ``[start, end)`` of a paragraph; returns it."""
        taken = (c.id for c in self.document.claims)
        claim, anchor = placed_claim(self.article, paragraph, start, end, taken, self.author,
                                     **fields)  # fmt: skip
        claims = [*self.document.claims, claim]
        located = self.located.with_anchors({claim.id: anchor})
        self._apply(_with(self.document, claims=claims), "add claim", claim.id, located=located)
        return claim

    def update_claim(self, claim_id: str, **changes: Any) -> Claim:
        """Change fields of a claim (validated); ``updated`` is set when anything changed."""
        old = self.claim(claim_id)
        values = {**old.model_dump(), **changes}
        new = Claim.model_validate(values)
        if new == old:
            return old
        return self._replace(new, "edit claim")

    def sign_off(self, claim_id: str) -> Claim:
        """Sign off a claim's verdict as its second reader (the editor), undoably.

        A sign-off is not a change to the finding: ``updated`` stays as it was.
        """
        old = self.claim(claim_id)
        claim = old.model_copy(update={"signed_by": self.author, "signed": utc_now()})
        claims = [claim if c.id == claim_id else c for c in self.document.claims]
        self._apply(_with(self.document, claims=claims), "sign off", claim_id)
        return claim

    def _replace(self, claim: Claim, description: str, located: Located | None = None) -> Claim:
        """Put an edit of a claim in place: ``updated`` now, and the sign-off withdrawn
        if what was signed off changed."""
        claim = claim.keeping_sign_off_from(self.claim(claim.id))
        claim = claim.model_copy(update={"updated": utc_now()})
        claims = [claim if c.id == claim.id else c for c in self.document.claims]
        self._apply(_with(self.document, claims=claims), description, claim.id, located=located)
        return claim

    def apply_dialog_edit(
        self,
        claim_id: str,
        base: Claim,
        changes: dict[str, Any],
        choices: Sequence[Choice] | None = None,
        description: str = "edit claim",
    ) -> list[Conflict]:
        """Apply the fields a dialog changed onto the claim as it is now.

        ``base`` is the claim as the dialog opened it, ``changes`` the fields as it
        closed. A field changed meanwhile and not by the dialog keeps its new value.
        Where both changed a field (or the claim was deleted meanwhile) nothing is
        applied and the conflicts are returned, until ``choices`` settles each.
        """
        mine = Claim.model_validate({**base.model_dump(), **changes})
        current = self._index().by_id.get(claim_id)
        merged, conflicts = merge_edit(base, mine, current)
        if conflicts and (choices is None or len(choices) != len(conflicts)):
            return conflicts
        claim = resolve_edit(mine, merged, conflicts, choices or [])
        if claim is None or claim == current:
            return []
        located = self.located.with_anchors({claim_id: locate(claim, self.article, fuzzy=True)})
        if current is None:  # deleted meanwhile: back, as the dialog left it
            claim = claim.keeping_sign_off_from(base).model_copy(update={"updated": utc_now()})
            self._apply(_with(self.document, claims=[*self.document.claims, claim]),
                        "restore claim", claim_id, located=located)  # fmt: skip
        else:
            self._replace(claim, description, located)
        return []

    def delete_claim(self, claim_id: str) -> None:
        """Delete a claim and every link that touches it."""
        self.claim(claim_id)
        claims = [c for c in self.document.claims if c.id != claim_id]
        links = [link for link in self.document.links if not link.touches(claim_id)]
        after = _with(self.document, claims=claims, links=links)
        self._apply(after, "delete claim", None, claim_id)

    def accept_as_shown(
        self, base: Claim, *, keep_verdict: bool = False, choices: Sequence[Choice] | None = None
    ) -> list[Conflict]:
        """Accept a changed claim's new text, from the claim as the dialog showed it.

        The new quote and hints (and the verdict back to pending, unless kept) are
        applied as a dialog's edit: a change that landed meanwhile is kept, and
        the same field changed both ways is a conflict (see apply_dialog_edit).
        """
        anchor = locate(base, self.article, fuzzy=True)
        if anchor.state is not AnchorState.CHANGED:
            raise ValueError(f"claim {base.id} is {anchor.state}, not changed")
        return self._place_as_shown(base, anchor, keep_verdict, choices)

    def reattach_as_shown(
        self,
        base: Claim,
        paragraph: int,
        start: int,
        end: int,
        choices: Sequence[Choice] | None = None,
        *,
        keep_verdict: bool = True,
    ) -> list[Conflict]:
        """Attach a claim (an orphan, or a changed one) to text the editor selected.

        ``base`` is the claim as the dialog showed it. Without ``keep_verdict`` the
        verdict goes back to pending if the text differs from the quote, as on
        accepting. What changed meanwhile is kept or asked about, as for
        accept_as_shown.
        """
        text = self.article.paragraph(paragraph).text
        if not 0 <= start < end <= len(text):
            raise ValueError(f"no text at {start}..{end} of paragraph {paragraph}")
        anchor = Anchor(AnchorState.ANCHORED, paragraph, start, end, text[start:end])
        return self._place_as_shown(base, anchor, keep_verdict, choices)

    def _place_as_shown(
        self, base: Claim, anchor: Anchor, keep_verdict: bool, choices: Sequence[Choice] | None
    ) -> list[Conflict]:
        placed = attach(base, self.article, anchor)  # quote, hints and context
        changes = placed.model_dump(include={"quote", "paragraph", "start", "prefix", "suffix"})
        changes["state"] = None
        if not keep_verdict and placed.quote != base.quote:  # the verdict was about other words
            changes["verdict"] = "pending"
        return self.apply_dialog_edit(base.id, base, changes, choices, "re-attach claim")

    def delete_as_shown(
        self, base: Claim, choices: Sequence[Choice] | None = None
    ) -> list[Conflict]:
        """Delete a claim a dialog showed; if it changed meanwhile, ask first (one conflict).

        Settled ``mine`` the claim is deleted, ``theirs`` it stays as it is now.
        """
        current = self._index().by_id.get(base.id)
        if current is None:
            return []
        if current != base:
            if choices is None or len(choices) != 1:
                return [Conflict(base.id, "claim", "deleted", "changed", base)]
            if choices[0] != "mine":
                return []
        self.delete_claim(base.id)
        return []

    def add_link(self, source: str, target: str, kind: LinkKind, note: str = "") -> Link:
        """Link two claims; ValueError if they are the same or already so linked."""
        link = Link.model_validate({"from": source, "to": target, "kind": kind, "note": note})
        if source == target:
            raise ValueError("a claim cannot be linked to itself")
        ids = self._index().by_id
        if source not in ids or (target not in ids and not link.cross_file):
            raise KeyError(source if source not in ids else target)
        if any(existing.key == link.key for existing in self.document.links):
            raise ValueError(f"these claims are already linked as {kind}")
        links = [*self.document.links, link]
        self._apply(_with(self.document, links=links), f"link ({kind})", source)
        return link

    def remove_link(self, link: Link) -> None:
        links = [existing for existing in self.document.links if existing.key != link.key]
        self._apply(_with(self.document, links=links), "remove link", link.source)

    def undo(self) -> Edit | None:
        """Step back one edit; returns it, or None when there is nothing to undo."""
        if not self.undo_stack or self.read_only:
            return None
        edit = self.undo_stack.pop()
        self.redo_stack.append(edit)
        self.document, self.located = edit.before, edit.located_before
        return edit

    def redo(self) -> Edit | None:
        if not self.redo_stack or self.read_only:
            return None
        edit = self.redo_stack.pop()
        self.undo_stack.append(edit)
        self.document, self.located = edit.after, edit.located_after
        return edit

    # --- saving --------------------------------------------------------------

    def write(self, document: AnnotationFile) -> Fingerprint:
        """Write a snapshot unless the file changed on disk (safe in a thread)."""
        if self.read_only:
            raise PermissionError(self.read_only)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        return writer.save_unless_changed(document, self.path, self.fingerprint)

    def mark_saved(self, document: AnnotationFile, fingerprint: Fingerprint) -> None:
        self.saved = document
        self.fingerprint = fingerprint

    def save(self) -> bool:
        """Save now if there is anything to save; returns whether it wrote."""
        if not self.dirty:
            return False
        snapshot = self.document
        self.mark_saved(snapshot, self.write(snapshot))
        return True

    def disk_document(self) -> AnnotationFile:
        """The document as it is on disk now (StoreError if unusable)."""
        return loading.load(self.path).document

    def reload(self) -> None:
        """Drop the session's changes and take the file as it is on disk."""
        taken = ondisk.read(self.path, self.article)
        self.document = self.saved = taken.document
        self.located, self.fingerprint = taken.located, taken.fingerprint
        self.undo_stack.clear()
        self.redo_stack.clear()

    def keep_mine(self) -> None:
        """Write the session's document over what changed on disk."""
        self.fingerprint = atomic.fingerprint(self.path)
        snapshot = self.document
        self.mark_saved(snapshot, self.write(snapshot))

    def merge_with_disk(
        self, asked: Sequence[Conflict] = (), choices: Sequence[Choice] = ()
    ) -> list[Conflict]:
        """Merge the disk's changes into the session, three-way from the last save, as
        :func:`factmark.ondisk.merged` says; returns the conflicts left to settle."""
        taken = ondisk.merged(self.path, self.article, self.saved, self.document, asked, choices)
        if isinstance(taken, list):
            return taken
        self.fingerprint, self.saved = taken.fingerprint, taken.disk
        self._apply(taken.document, "merge with the file on disk", None, located=taken.located)
        return []

    def lost_by_keeping_mine(self) -> list[Conflict]:
        """What writing the session's document over the file would lose of their changes."""
        return ondisk.lost_by_writing(self.path, self.saved, self.document)


def _with(document: AnnotationFile, **changes: Any) -> AnnotationFile:
    return document.model_copy(update=changes)


def _article_path(article: Article) -> Path:
    if article.path is None:
        raise ValueError("a session needs an article read from a file")
    return Path(os.path.abspath(article.path))
