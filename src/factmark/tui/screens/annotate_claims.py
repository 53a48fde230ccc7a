"""Adding, editing and deleting claims from the annotate screen, and undoing that."""

from __future__ import annotations

from typing import TYPE_CHECKING

from factmark.tui.text import excerpt, sanitize

if TYPE_CHECKING:
    from collections.abc import Callable

    from factmark.model import Claim
    from factmark.textrange import TextRange
    from factmark.tui.screens.annotate import AnnotateScreen
    from factmark.tui.screens.claim_editor import ClaimDraft
    from factmark.tui.screens.conflicts import Write


class ClaimFlow:
    """The claim editor opened on a selection or on the selected claim; delete, undo, redo;
    and the writes of dialogs that ask about what changed on disk meanwhile."""

    def __init__(self, screen: AnnotateScreen) -> None:
        self.screen = screen

    def add(self) -> None:
        """Begin selecting the text of a new claim: the sentence selected (with ]), the
        current sentence, or the one around the selected claim."""
        screen = self.screen
        around = None
        if screen.selected is not None:
            placed = screen.editing.placement(screen.selected)  # a changed claim's new text
            around = placed.anchor.start if placed else screen.editing.claim(screen.selected).start
        chosen = screen.view.selection  # a suggested sentence selected with ] is kept
        if chosen is None or chosen.paragraph != screen.current:
            screen.view.begin_selection(screen.current, around)
        screen.selecting = True
        screen.notify(
            "Adjust with shift+arrows or the mouse; enter to continue, escape to cancel.",
            title="Select the claim",
            timeout=4,
        )

    def confirm(self, selection: TextRange) -> None:
        """The selection is chosen: re-attach a claim to it, or open the editor on it."""
        from factmark.editing import overlapping, trimmed
        from factmark.tui.screens.claim_editor import ClaimDraft, ClaimEditor

        screen = self.screen
        paragraph = selection.paragraph
        text = screen.article.paragraph(paragraph).text
        start, end = trimmed(text, *selection.span)
        if start == end:
            screen.notify("Select some text first.", severity="warning")
            return
        if screen.resolving.reattaching is not None:
            screen.end_selection()
            screen.resolving.reattach(paragraph, start, end)
            return
        overlaps = overlapping(screen.editing.claims_in(paragraph), start, end)
        warning = ""
        if overlaps:
            names = ", ".join(f"“{excerpt(c.quote, 30)}”" for c in overlaps[:3])
            warning = f"this overlaps {len(overlaps)} existing claim(s): {names}"

        def done(draft: ClaimDraft | None) -> None:
            screen.end_selection()
            if draft is None:
                return
            claim = screen.editing.add_claim(paragraph, start, end, **draft.changes())
            if draft.link_to:  # the claim checked before it duplicates (a step of its own)
                screen.editing.add_link(claim.id, draft.link_to, "duplicates", "checked before")
            screen.selected = claim.id
            screen.edited()

        screen.app.clear_notifications()  # the "select the claim" hint is done with
        screen.app.push_screen(
            ClaimEditor(
                ClaimDraft(text[start:end]), new=True, warning=warning, before=screen.checked.like
            ),
            done,
        )

    def edit(self) -> None:
        """Open the editor on the selected claim."""
        from factmark.tui.screens.claim_editor import ClaimDraft

        claim = self.screen.selected_claim()
        if claim is None:
            return
        draft = ClaimDraft(
            claim.quote,
            claim.verdict,
            claim.confidence,
            claim.note,
            list(claim.tags),
            list(claim.sources),
        )
        self._edit(claim, draft)

    def _edit(self, base: Claim, draft: ClaimDraft) -> None:
        """Open the editor on ``draft``; its save applies onto the claim as it is by then."""
        from factmark.tui.screens.claim_editor import ClaimEditor
        from factmark.tui.screens.conflicts import claim_name

        screen = self.screen

        def done(result: ClaimDraft | None) -> None:
            if result is None:
                return
            before = next((c for c in screen.editing.document.claims if c.id == base.id), None)

            def written() -> None:
                screen.selected = base.id
                self.said_if_unsigned(before)

            self.write_asking(
                lambda choices: screen.editing.apply_dialog_edit(
                    base.id, base, result.changes(), choices
                ),
                f"{claim_name(base)} changed while you edited it. Choose what to keep:",
                later=lambda: self._edit(base, result),
                later_text="back to the editor",
                done=written,
            )

        screen.app.push_screen(ClaimEditor(draft, new=False), done)

    def sign_off(self) -> None:
        """Sign off the selected claim's verdict as its second reader, at once (undoable)."""
        screen = self.screen
        claim = screen.selected_claim()
        if claim is None:
            return
        if claim.signed_off:
            screen.notify(
                f"Already signed off by {sanitize(claim.signed_by)}.", timeout=3, markup=False
            )
            return
        signed = screen.editing.sign_off(claim.id)
        screen.edited()
        own = " (self-signed: your own claim)" if signed.self_signed else ""
        screen.notify(
            f"Signed off: “{excerpt(claim.quote, 40)}”{own}. Press u to undo.",
            timeout=4,
            markup=False,
        )

    def said_if_unsigned(self, before: Claim | None) -> None:
        """Say so when an edit withdrew the claim's sign-off (what was signed off changed)."""
        if before is None or not before.signed_off:
            return
        ids = {c.id for c in self.screen.editing.document.claims}
        if before.id in ids and not self.screen.editing.claim(before.id).signed_off:
            self.screen.notify(
                f"The sign-off by {sanitize(before.signed_by)} is withdrawn: what was signed "
                "off changed. It awaits sign-off again.",
                severity="warning",
                timeout=5,
                markup=False,
            )

    def delete(self) -> None:
        """Delete the selected claim and its links (undoably)."""
        screen = self.screen
        claim = screen.selected_claim()
        if claim is None:
            return
        links = len(screen.editing.document.links_of(claim.id))
        screen.editing.delete_claim(claim.id)
        screen.selected = None
        screen.edited()
        with_links = f" and its {links} link{'s' * (links != 1)}" if links else ""
        screen.notify(f"Deleted the claim{with_links}. Press u to undo.", timeout=4)

    def undo(self) -> None:
        edit = self.screen.editing.undo()
        if edit is None:
            self.screen.notify("Nothing to undo.", timeout=2)
            return
        self._after_history(edit.selected_undone, f"Undone: {edit.description}.")

    def redo(self) -> None:
        edit = self.screen.editing.redo()
        if edit is None:
            self.screen.notify("Nothing to redo.", timeout=2)
            return
        self._after_history(edit.selected, f"Redone: {edit.description}.")

    def _after_history(self, selected: str | None, message: str) -> None:
        """Show the claim the step selects (the step gave back where each claim was found)."""
        self._show_history(selected, message)

    def _show_history(self, selected: str | None, message: str) -> None:
        screen = self.screen
        if selected is not None and selected in {c.id for c in screen.editing.document.claims}:
            claim = screen.editing.claim(selected)
            if claim.paragraph is not None:
                screen.view.current = claim.paragraph
                screen.view.scroll_to_paragraph(claim.paragraph)
            screen.selected = selected
        screen.edited()
        screen.notify(message, timeout=2)

    def write_asking(
        self,
        write: Write,
        heading: str,
        *,
        later: Callable[[], None] | None = None,
        later_text: str = "leave it as it is now",
        done: Callable[[], None] | None = None,
    ) -> None:
        """A dialog's write, asking about what changed meanwhile (see conflicts.write_asking)."""
        from factmark.tui.screens.conflicts import write_asking

        def written() -> None:
            if done is not None:
                done()
            self.screen.edited()

        def nothing() -> None:
            self.screen.notify("Nothing changed.", timeout=3)

        def claims() -> dict[str, Claim]:
            return {claim.id: claim for claim in self.screen.editing.document.claims}

        write_asking(self.screen.app, write, heading, claims, written, later or nothing, later_text)

    def deleted_meanwhile(self, *claims: Claim) -> bool:
        """Whether one of these claims a dialog showed was deleted since (saying so)."""
        from factmark.tui.screens.conflicts import claim_name

        ids = {c.id for c in self.screen.editing.document.claims}
        gone = [claim for claim in claims if claim.id not in ids]
        if gone:
            self.screen.notify(
                f"{claim_name(gone[0])} was deleted meanwhile (the file changed on disk).",
                severity="warning",
                markup=False,
            )
        return bool(gone)
