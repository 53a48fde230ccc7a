"""What ``factmark check`` finds in annotation files, as data (no printing)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factmark.anchor import locate_all
from factmark.article import Article
from factmark.crossfile import dangling
from factmark.errors import FactmarkError
from factmark.paths import annotation_files_in, annotation_path_for, looks_like_annotations
from factmark.store import loading
from factmark.store.problems import Problem, StoreError
from factmark.vocabulary import AnchorState


class UnusablePathError(FactmarkError):
    """A path given to a command that cannot be checked at all (exit 2)."""


@dataclass
class FileReport:
    """The outcome of checking one annotation file."""

    path: Path
    claims: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.problems

    def as_data(self) -> dict[str, Any]:
        """The file's outcome as ``check --format json`` prints it."""
        return {
            "path": str(self.path),
            "claims": self.claims,
            "problems": [
                {
                    "line": p.line,
                    "column": p.column,
                    "claim": p.claim,
                    "key": p.key,
                    "message": p.message,
                    "text": str(p),
                }
                for p in self.problems
            ],
        }


@dataclass
class CheckReport:
    """The outcome of checking several annotation files."""

    files: list[FileReport]

    @property
    def problems(self) -> list[Problem]:
        return [problem for report in self.files for problem in report.problems]

    def as_data(self) -> dict[str, Any]:
        """The outcome as ``check --format json`` prints it."""
        return {
            "files": [report.as_data() for report in self.files],
            "problems": len(self.problems),
        }

    def summary(self) -> str:
        """One line: the count of problems (or all clean), of files and of claims."""
        files = len(self.files)
        claims = sum(report.claims for report in self.files)
        counts = f"{files} file{'s' * (files != 1)}, {claims} claim{'s' * (claims != 1)}"
        problems = len(self.problems)
        if problems:
            return f"{problems} problem{'s' * (problems != 1)} ({counts})"
        return f"all clean ({counts})"


def annotation_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The annotation files that paths name: files, folders, or articles.

    An article stands for its annotation file; a folder for every annotation
    file below it. A path that names nothing usable raises UnusablePathError.
    """
    for path in paths:
        if path.is_dir():
            found = list(annotation_files_in(path))
            if not found:
                raise UnusablePathError(f"{path}: no annotation files in this folder")
            yield from found
        elif not path.exists():
            raise UnusablePathError(f"{path}: no such file or folder")
        elif looks_like_annotations(path):
            yield path
        else:
            Article.read(path)  # an article that cannot be read is unusable input
            annotations = annotation_path_for(path)
            if not annotations.exists():
                raise UnusablePathError(f"{path}: no annotation file (looked for {annotations})")
            yield annotations


def check_file(path: Path) -> FileReport:
    """Validate one annotation file and the anchors of its claims."""
    report = FileReport(path)
    try:
        loaded = loading.load(path)
    except StoreError as error:
        report.problems.extend(error.problems)
        return report
    document = loaded.document
    report.claims = len(document.claims)
    for index, link, why in dangling(path, document.links):
        message = f"link {index + 1} ({link.source} -> {link.target}): to: {why}"
        report.problems.append(Problem(path, message))
    try:
        article = loading.read_article(loaded)
    except StoreError as error:  # missing, unreadable, or outside the repository
        report.problems.extend(error.problems)
        return report
    anchors = locate_all(document, article, fuzzy=True)
    for claim in document.claims:
        if claim.state is not None:
            report.problems.append(
                Problem(
                    path,
                    f"recorded as {claim.state} by re-anchoring; the editor has not "
                    "resolved it yet (factmark annotate)",
                    claim=claim.id,
                    key="state",
                )
            )
            continue
        anchor = anchors[claim.id]
        if anchor.state is AnchorState.CHANGED:
            report.problems.append(
                Problem(
                    path,
                    f"{anchor.state}: the quote now reads {anchor.found!r} "
                    f"(paragraph {anchor.paragraph}); run factmark reanchor",
                    claim=claim.id,
                    key="quote",
                )
            )
        elif anchor.state is AnchorState.ORPHAN:
            report.problems.append(
                Problem(
                    path,
                    f"{anchor.state}: the quote is no longer found in the article; "
                    "run factmark reanchor",
                    claim=claim.id,
                    key="quote",
                )
            )
    return report
