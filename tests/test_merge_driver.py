"""``factmark merge-driver`` run by git in real repositories (docs/design.md §9).

Each test makes a repository in a temporary folder with the seed article and
its fact-check, configures the driver by hand (as ``git-setup`` would), makes
two branches that edit the annotation file through ``factmark.store`` and
merges them with ``git merge``.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from builders import FACTMARK, SEED, SEED_NAME, factmark, git
from factmark.anchor import Anchor, attach
from factmark.article import Article
from factmark.gitio import merge_driver
from factmark.gitio.git import merge_file
from factmark.gitio.merge_driver import merge_files
from factmark.model import AnnotationFile, Claim, Link, new_claim_id
from factmark.store import loading, writer
from factmark.vocabulary import AnchorState

ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = SEED / "seeds" / f"{SEED_NAME}.txt"
SEED_ANNOTATIONS = SEED / "annotations" / f"{SEED_NAME}.toml"
RELATIVE = f"annotations/{SEED_NAME}.toml"

LATER = datetime(2026, 11, 28, 9, 30, 0, tzinfo=UTC)
EVEN_LATER = datetime(2026, 11, 28, 11, 0, 0, tzinfo=UTC)

Edit = Callable[[AnnotationFile], AnnotationFile]


# --- repositories -------------------------------------------------------------------


@pytest.fixture
def git_env(tmp_path: Path) -> Iterator[dict[str, str]]:
    """An environment in which no global or system git config applies."""
    empty = tmp_path / "gitconfig"
    empty.write_text("", encoding="utf-8")
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": str(empty),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_MERGE_AUTOEDIT": "no",
        "GIT_TERMINAL_PROMPT": "0",
    }
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        env.pop(name, None)
    yield env


def configure_identity(repo: Path, env: dict[str, str]) -> None:
    git(repo, "config", "user.name", "Test Editor", env=env)
    git(repo, "config", "user.email", "editor@example.org", env=env)
    git(repo, "config", "commit.gpgsign", "false", env=env)


def configure_driver(repo: Path, env: dict[str, str]) -> None:
    command = f"{shlex.quote(str(FACTMARK))} merge-driver %O %A %B %L %P"
    git(repo, "config", "merge.factmark.name", "factmark annotations", env=env)
    git(repo, "config", "merge.factmark.driver", command, env=env)


def make_repo(
    path: Path, env: dict[str, str], *, driver: bool = True, attributes: str = ""
) -> Path:
    path.mkdir()
    git(path, "init", "--quiet", "--initial-branch=main", env=env)
    configure_identity(path, env)
    (path / "seeds").mkdir()
    (path / "annotations").mkdir()
    shutil.copyfile(SEED_ARTICLE, path / "seeds" / SEED_ARTICLE.name)
    shutil.copyfile(SEED_ANNOTATIONS, path / RELATIVE)
    (path / ".gitattributes").write_text(
        attributes or "annotations/*.toml merge=factmark\n", encoding="utf-8"
    )
    if driver:
        configure_driver(path, env)
    git(path, "add", ".", env=env)
    git(path, "commit", "--quiet", "-m", "seed fact-check", env=env)
    return path


@pytest.fixture
def repo(tmp_path: Path, git_env: dict[str, str]) -> Path:
    return make_repo(tmp_path / "repo", git_env)


def load(repo: Path) -> AnnotationFile:
    return loading.load(repo / RELATIVE).document


def commit_edit(repo: Path, env: dict[str, str], change: Edit, message: str) -> AnnotationFile:
    """Edit the annotation file through factmark.store and commit it."""
    document = change(load(repo))
    writer.save(document, repo / RELATIVE)
    git(repo, "commit", "--quiet", "-am", message, env=env)
    return document


def branches(
    repo: Path, env: dict[str, str], ours: Edit, theirs: Edit
) -> tuple[AnnotationFile, AnnotationFile, subprocess.CompletedProcess[str]]:
    """Edit on a branch (theirs) and on main (ours), then merge the branch into main."""
    git(repo, "checkout", "--quiet", "-b", "theirs", env=env)
    their_document = commit_edit(repo, env, theirs, "their edit")
    git(repo, "checkout", "--quiet", "main", env=env)
    our_document = commit_edit(repo, env, ours, "our edit")
    merged = git(repo, "merge", "--no-edit", "theirs", env=env, check=False)
    return our_document, their_document, merged


def check(repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return factmark("check", "annotations/", cwd=repo, env=env)


# --- edits, as the TUI makes them ---------------------------------------------------


def change(claim_id: str, **update: Any) -> Edit:
    def apply(document: AnnotationFile) -> AnnotationFile:
        claims = [
            Claim.model_validate({**c.model_dump(), **update}) if c.id == claim_id else c
            for c in document.claims
        ]
        return document.model_copy(update={"claims": claims})

    return apply


def delete(claim_id: str) -> Edit:
    def apply(document: AnnotationFile) -> AnnotationFile:
        return document.model_copy(
            update={
                "claims": [c for c in document.claims if c.id != claim_id],
                "links": [link for link in document.links if not link.touches(claim_id)],
            }
        )

    return apply


def both(first: Edit, second: Edit) -> Edit:
    return lambda document: second(first(document))


def new_claim(document: AnnotationFile, paragraph: int, sentence: int, **fields: Any) -> Claim:
    """A new claim on a sentence of the seed article, anchored as a save leaves it."""
    article = Article.read(SEED_ARTICLE)
    start, end = article.sentences(paragraph)[sentence]
    quote = article.paragraph(paragraph).text[start:end]
    bare = Claim(
        id=new_claim_id(c.id for c in document.claims),
        quote=quote,
        author="Test Editor",
        created=LATER,
        updated=LATER,
        **fields,
    )
    return attach(bare, article, Anchor(AnchorState.ANCHORED, paragraph, start, end, quote))


def add(paragraph: int, sentence: int, added: list[Claim], **fields: Any) -> Edit:
    def apply(document: AnnotationFile) -> AnnotationFile:
        claim = new_claim(document, paragraph, sentence, **fields)
        added.append(claim)
        return document.model_copy(update={"claims": [*document.claims, claim]})

    return apply


# --- reading a conflicted file ------------------------------------------------------


def conflict_blocks(text: str, size: int = 7) -> list[tuple[str, str]]:
    """The (ours, theirs) texts between every set of markers of ``size``."""
    pattern = re.compile(
        rf"^{'<' * size} [^\n]*\n(.*?)^{'=' * size}\n(.*?)^{'>' * size} [^\n]*\n",
        re.MULTILINE | re.DOTALL,
    )
    return [(match.group(1), match.group(2)) for match in pattern.finditer(text)]


def resolve(text: str, side: int, size: int = 7) -> str:
    """The conflicted text with each conflict resolved to one side (0 ours, 1 theirs)."""
    pattern = re.compile(
        rf"^{'<' * size} [^\n]*\n(.*?)^{'=' * size}\n(.*?)^{'>' * size} [^\n]*\n",
        re.MULTILINE | re.DOTALL,
    )
    return pattern.sub(lambda match: match.group(side + 1), text)


def marker_lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if re.match(r"^(<{7,}|={7,}|>{7,}|\|{7,})", line)]


def unmerged(repo: Path, env: dict[str, str]) -> list[str]:
    return git(repo, "diff", "--name-only", "--diff-filter=U", env=env).stdout.split()


# --- clean merges -------------------------------------------------------------------


def test_edits_to_different_claims_merge_cleanly(repo: Path, git_env: dict[str, str]) -> None:
    ours, theirs, merged = branches(
        repo,
        git_env,
        change("ssae7t", verdict="disputed", updated=LATER),
        change("pe7z4w", note="Re-read: 'it' is Russia.", confidence="high", updated=LATER),
    )
    assert merged.returncode == 0, merged.stdout + merged.stderr
    assert unmerged(repo, git_env) == []
    result = load(repo)
    assert result.claim("ssae7t").verdict == "disputed"
    assert result.claim("pe7z4w").note == "Re-read: 'it' is Russia."
    assert result.claim("pe7z4w").confidence == "high"
    assert result.claims == [*ours.claims[:-1], theirs.claim("pe7z4w")]
    assert writer.is_canonical((repo / RELATIVE).read_bytes(), result)
    checked = check(repo, git_env)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert git(repo, "status", "--porcelain", env=git_env).stdout == ""


def test_different_fields_of_one_claim_merge_cleanly(repo: Path, git_env: dict[str, str]) -> None:
    _, _, merged = branches(
        repo,
        git_env,
        change("gt8jj0", verdict="inaccurate", updated=LATER),
        change("gt8jj0", tags=["casualties", "figures", "sourcing"], updated=EVEN_LATER),
    )
    assert merged.returncode == 0, merged.stdout + merged.stderr
    claim = load(repo).claim("gt8jj0")
    assert claim.verdict == "inaccurate"
    assert claim.tags == ["casualties", "figures", "sourcing"]
    assert claim.updated == EVEN_LATER
    assert check(repo, git_env).returncode == 0


def test_both_sides_adding_claims_merge_cleanly(repo: Path, git_env: dict[str, str]) -> None:
    # Both new claims sit between the same two claims of the file (¶13 and ¶17):
    # a line merge would see two insertions at one place and conflict.
    added: list[Claim] = []
    _, _, merged = branches(
        repo,
        git_env,
        add(14, 0, added, verdict="misleading", note="Ours."),
        add(15, 0, added, verdict="unverifiable", note="Theirs."),
    )
    assert merged.returncode == 0, merged.stdout + merged.stderr
    result = load(repo)
    assert len(result.claims) == 22
    theirs, ours = added  # the branch is edited first
    assert result.claim(ours.id) == ours
    assert result.claim(theirs.id) == theirs
    ids = [c.id for c in result.claims]
    assert ids.index(theirs.id) == ids.index(ours.id) + 1  # in article order
    checked = check(repo, git_env)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_links_added_on_both_sides_merge_cleanly(repo: Path, git_env: dict[str, str]) -> None:
    def link(source: str, target: str, kind: str, note: str) -> Edit:
        new = Link.model_validate({"from": source, "to": target, "kind": kind, "note": note})
        return lambda document: document.model_copy(update={"links": [*document.links, new]})

    _, _, merged = branches(
        repo,
        git_env,
        link("4ksxaf", "kys94m", "supports", "same week"),
        link("1addro", "f5c5pg", "qualifies", "one confirmation"),
    )
    assert merged.returncode == 0, merged.stdout + merged.stderr
    keys = {link.key for link in load(repo).links}
    assert ("4ksxaf", "kys94m", "supports") in keys
    assert ("1addro", "f5c5pg", "qualifies") in keys
    assert len(keys) == 14


# --- conflicts ----------------------------------------------------------------------


def test_the_same_field_changed_two_ways_keeps_both_sides(
    repo: Path, git_env: dict[str, str]
) -> None:
    ours, theirs, merged = branches(
        repo,
        git_env,
        both(change("ssae7t", verdict="disputed", updated=LATER), change("77m6vs", note="Ours.")),
        change("ssae7t", verdict="inaccurate", confidence="high", updated=EVEN_LATER),
    )
    assert merged.returncode == 1, merged.stdout + merged.stderr
    assert "ssae7t" in merged.stdout + merged.stderr
    assert unmerged(repo, git_env) == [RELATIVE]
    text = (repo / RELATIVE).read_text(encoding="utf-8")
    # Both versions of that one claim's table, whole, between markers of git's size (7).
    assert conflict_blocks(text) == [
        (writer.claim_text(ours.claim("ssae7t")), writer.claim_text(theirs.claim("ssae7t")))
    ]
    assert len(marker_lines(text)) == 3
    # Every other claim intact: resolved either way, the file is that side's document,
    # and resolved to ours it is byte for byte what ours saved.
    assert resolve(text, 0) == writer.dumps(ours)
    as_theirs = loading.parse(resolve(text, 1))
    assert as_theirs.claim("ssae7t") == theirs.claim("ssae7t")
    assert as_theirs.claim("77m6vs").note == "Ours."
    assert [c for c in as_theirs.claims if c.id != "ssae7t"] == [
        c for c in ours.claims if c.id != "ssae7t"
    ]
    checked = check(repo, git_env)
    assert checked.returncode == 1
    assert "ssae7t" in checked.stdout
    assert "conflict" in checked.stdout


@pytest.mark.parametrize("deleting", ["ours", "theirs"])
def test_deleted_on_one_side_and_changed_on_the_other(
    repo: Path, git_env: dict[str, str], deleting: str
) -> None:
    deleted, changed = delete("ssae7t"), change("ssae7t", verdict="inaccurate", updated=LATER)
    ours, theirs, merged = branches(
        repo,
        git_env,
        deleted if deleting == "ours" else changed,
        changed if deleting == "ours" else deleted,
    )
    assert merged.returncode == 1, merged.stdout + merged.stderr
    text = (repo / RELATIVE).read_text(encoding="utf-8")
    kept = (theirs if deleting == "ours" else ours).claim("ssae7t")
    expected = ("", writer.claim_text(kept))
    assert conflict_blocks(text) == [expected if deleting == "ours" else expected[::-1]]
    # Resolved either way, the file is valid: the deletion took the claim's links with it.
    for side in (0, 1):
        resolved = loading.parse(resolve(text, side))
        assert ("ssae7t" in {c.id for c in resolved.claims}) == (
            (side == 1) == (deleting == "ours")
        )
        assert not any(link.touches("ssae7t") for link in resolved.links)
    checked = check(repo, git_env)
    assert checked.returncode == 1
    assert "ssae7t" in checked.stdout


def test_check_names_only_the_claim_deleted_on_our_side(
    repo: Path, git_env: dict[str, str]
) -> None:
    _, _, merged = branches(
        repo, git_env, delete("ssae7t"), change("ssae7t", verdict="inaccurate", updated=LATER)
    )
    assert merged.returncode == 1
    checked = check(repo, git_env)
    assert "ssae7t" in checked.stdout
    assert "4ksxaf" not in checked.stdout  # the claim just before it, not in conflict


def test_marker_size_from_gitattributes(tmp_path: Path, git_env: dict[str, str]) -> None:
    repo = make_repo(
        tmp_path / "repo",
        git_env,
        attributes="annotations/*.toml merge=factmark conflict-marker-size=11\n",
    )
    ours, theirs, merged = branches(
        repo, git_env, change("wnjef9", confidence="high"), change("wnjef9", confidence="medium")
    )
    assert merged.returncode == 1
    text = (repo / RELATIVE).read_text(encoding="utf-8")
    assert conflict_blocks(text, 11) == [
        (writer.claim_text(ours.claim("wnjef9")), writer.claim_text(theirs.claim("wnjef9")))
    ]
    assert [line[:12] for line in marker_lines(text)] == ["<" * 11 + " ", "=" * 11, ">" * 11 + " "]


def test_check_names_a_conflict_with_a_larger_marker_size(
    tmp_path: Path, git_env: dict[str, str]
) -> None:
    repo = make_repo(
        tmp_path / "repo",
        git_env,
        attributes="annotations/*.toml merge=factmark conflict-marker-size=11\n",
    )
    branches(
        repo, git_env, change("wnjef9", confidence="high"), change("wnjef9", confidence="medium")
    )
    checked = check(repo, git_env)
    assert checked.returncode == 1
    assert "wnjef9" in checked.stdout


def test_a_link_note_changed_two_ways_keeps_both_links(repo: Path, git_env: dict[str, str]) -> None:
    def note(text: str) -> Edit:
        def apply(document: AnnotationFile) -> AnnotationFile:
            links = [
                link.model_copy(update={"note": text}) if link.source == "ssae7t" else link
                for link in document.links
            ]
            return document.model_copy(update={"links": links})

        return apply

    ours, theirs, merged = branches(repo, git_env, note("ours"), note("theirs"))
    assert merged.returncode == 1
    text = (repo / RELATIVE).read_text(encoding="utf-8")
    ((our_text, their_text),) = conflict_blocks(text)
    assert 'note = "ours"' in our_text
    assert 'note = "theirs"' in their_text
    assert loading.parse(resolve(text, 0)) == ours
    assert loading.parse(resolve(text, 1)) == theirs
    assert check(repo, git_env).returncode == 1


# --- without the driver: git's own text merge ----------------------------------------


def test_a_clone_without_the_driver_still_merges_different_claims(
    repo: Path, tmp_path: Path, git_env: dict[str, str]
) -> None:
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "--quiet", str(repo), str(clone), env=git_env)
    configure_identity(clone, git_env)
    # The attribute is committed, but driver config never travels with a clone.
    assert "merge=factmark" in (clone / ".gitattributes").read_text(encoding="utf-8")
    unset = git(clone, "config", "--get", "merge.factmark.driver", env=git_env, check=False)
    assert unset.returncode == 1
    ours, theirs, merged = branches(
        clone,
        git_env,
        change("4ksxaf", verdict="mostly-accurate", note="Year missing.", updated=LATER),
        change("ixydm0", verdict="disputed", tags=["attribution"], updated=EVEN_LATER),
    )
    assert merged.returncode == 0, merged.stdout + merged.stderr
    result = load(clone)  # valid TOML, a valid document
    assert result.claim("4ksxaf") == ours.claim("4ksxaf")
    assert result.claim("ixydm0") == theirs.claim("ixydm0")
    assert writer.is_canonical((clone / RELATIVE).read_bytes(), result)
    assert check(clone, git_env).returncode == 0


# --- input the driver cannot read ---------------------------------------------------


def test_a_side_that_is_not_toml_conflicts_and_keeps_both_sides(
    repo: Path, git_env: dict[str, str]
) -> None:
    git(repo, "checkout", "--quiet", "-b", "theirs", env=git_env)
    theirs = commit_edit(repo, git_env, change("pe7z4w", verdict="accurate"), "their edit")
    git(repo, "checkout", "--quiet", "main", env=git_env)
    path = repo / RELATIVE
    # A hand edit far from theirs, that breaks the TOML: a line merge has no conflict.
    broken = path.read_text(encoding="utf-8").replace(
        'verdict = "misleading"\n', "verdict = misleading, says who\n", 1
    )
    path.write_text(broken, encoding="utf-8")
    git(repo, "commit", "--quiet", "-am", "our broken edit", env=git_env)
    merged = git(repo, "merge", "--no-edit", "theirs", env=git_env, check=False)
    assert merged.returncode == 1, merged.stdout + merged.stderr
    assert unmerged(repo, git_env) == [RELATIVE]
    text = path.read_text(encoding="utf-8")
    assert "verdict = misleading, says who\n" in text  # ours
    assert writer.claim_text(theirs.claim("pe7z4w")) in text  # theirs


def test_a_side_that_is_not_toml_next_to_their_change(repo: Path, git_env: dict[str, str]) -> None:
    git(repo, "checkout", "--quiet", "-b", "theirs", env=git_env)
    commit_edit(repo, git_env, change("77m6vs", verdict="accurate"), "their edit")
    git(repo, "checkout", "--quiet", "main", env=git_env)
    path = repo / RELATIVE
    broken = path.read_text(encoding="utf-8").replace(
        'verdict = "misleading"\n', "verdict = [[[\n", 1
    )
    path.write_text(broken, encoding="utf-8")
    git(repo, "commit", "--quiet", "-am", "our broken edit", env=git_env)
    merged = git(repo, "merge", "--no-edit", "theirs", env=git_env, check=False)
    assert merged.returncode == 1
    text = path.read_text(encoding="utf-8")
    ((our_text, their_text),) = conflict_blocks(text)
    assert our_text == "verdict = [[[\n"
    assert their_text == 'verdict = "accurate"\n'


# --- the command, called directly ---------------------------------------------------


def write_sides(folder: Path, ours: Edit, theirs: Edit) -> tuple[Path, Path, Path]:
    base_document = loading.load(SEED_ANNOTATIONS).document
    paths = folder / "base.toml", folder / "ours.toml", folder / "theirs.toml"
    writer.save(base_document, paths[0])
    writer.save(ours(base_document), paths[1])
    writer.save(theirs(base_document), paths[2])
    return paths


def test_the_command_uses_the_marker_size_it_is_given(tmp_path: Path) -> None:
    base, ours, theirs = write_sides(
        tmp_path, change("f5c5pg", verdict="disputed"), change("f5c5pg", verdict="inaccurate")
    )
    our_claim = loading.load(ours).document.claim("f5c5pg")
    their_claim = loading.load(theirs).document.claim("f5c5pg")
    completed = factmark("merge-driver", str(base), str(ours), str(theirs), "9", RELATIVE)
    assert completed.returncode == 1
    assert RELATIVE in completed.stderr
    assert "f5c5pg" in completed.stderr
    text = ours.read_text(encoding="utf-8")
    assert [line[:10] for line in marker_lines(text)] == ["<" * 9 + " ", "=" * 9, ">" * 9 + " "]
    assert conflict_blocks(text, 9) == [
        (writer.claim_text(our_claim), writer.claim_text(their_claim))
    ]


def test_the_command_writes_the_canonical_result_when_clean(tmp_path: Path) -> None:
    base, ours, theirs = write_sides(
        tmp_path, change("f5c5pg", verdict="disputed"), change("o2tyz9", confidence="high")
    )
    completed = factmark("merge-driver", str(base), str(ours), str(theirs), "7", RELATIVE)
    assert completed.returncode == 0, completed.stderr
    assert completed.stderr == ""
    expected = change("o2tyz9", confidence="high")(loading.load(ours).document)
    assert ours.read_text(encoding="utf-8") == writer.dumps(expected)
    assert theirs.read_text(encoding="utf-8") == writer.dumps(
        change("o2tyz9", confidence="high")(loading.load(base).document)
    )  # only %A is written


def test_an_empty_ancestor_when_both_sides_added_the_file(tmp_path: Path) -> None:
    base, ours, theirs = write_sides(
        tmp_path, change("f5c5pg", verdict="disputed"), change("o2tyz9", confidence="high")
    )
    base.write_bytes(b"")
    outcome = merge_files(base, ours, theirs)
    # Against an empty ancestor every claim was added on both sides; the two that
    # differ are conflicts, and both versions are kept.
    assert outcome.exit_code == 1
    blocks = conflict_blocks(ours.read_text(encoding="utf-8"))
    assert len(blocks) == 2


# --- the safety net: never a file holding only one side -----------------------------


def _overlapping_sides(tmp_path: Path) -> tuple[Path, Path, Path]:
    return write_sides(
        tmp_path, change("f5c5pg", verdict="disputed"), change("f5c5pg", verdict="inaccurate")
    )


def _assert_both_sides_kept(ours: Path) -> None:
    text = ours.read_text(encoding="utf-8")
    assert 'verdict = "disputed"' in text
    assert 'verdict = "inaccurate"' in text
    assert len(marker_lines(text)) == 3


def test_an_internal_error_in_the_merge_falls_back_to_a_line_merge(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(merge_driver, "merge", broken)
    monkeypatch.setattr(merge_driver, "merge_claims", broken)  # the fast path's merge too
    base, ours, theirs = _overlapping_sides(tmp_path)
    outcome = merge_files(base, ours, theirs)
    assert outcome.exit_code == 1
    assert "internal error" in outcome.message
    _assert_both_sides_kept(ours)


def test_an_internal_error_writing_the_conflict_falls_back_to_a_line_merge(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> str:
        raise RuntimeError("bug")

    monkeypatch.setattr(merge_driver, "conflicted_text", broken)
    base, ours, theirs = _overlapping_sides(tmp_path)
    outcome = merge_files(base, ours, theirs)
    assert outcome.exit_code == 1
    _assert_both_sides_kept(ours)


def test_a_clean_line_merge_after_an_internal_error_is_still_a_conflict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(merge_driver, "merge", broken)
    monkeypatch.setattr(merge_driver, "merge_claims", broken)  # the fast path's merge too
    base, ours, theirs = write_sides(
        tmp_path, change("f5c5pg", verdict="disputed"), change("o2tyz9", confidence="high")
    )
    outcome = merge_files(base, ours, theirs)
    assert outcome.exit_code == 1  # a person looks at a merge factmark did not make
    text = ours.read_text(encoding="utf-8")
    merged = loading.parse(text)
    assert merged.claim("f5c5pg").verdict == "disputed"
    assert merged.claim("o2tyz9").confidence == "high"


def test_without_git_both_sides_are_kept_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base, ours, theirs = _overlapping_sides(tmp_path)
    ours.write_text(ours.read_text(encoding="utf-8") + "not toml\n", encoding="utf-8")
    ours_text = ours.read_text(encoding="utf-8")
    theirs_text = theirs.read_text(encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))  # git merge-file cannot run
    outcome = merge_files(base, ours, theirs, marker_size=8)
    assert outcome.exit_code == 1
    assert outcome.message.endswith("both sides kept whole")
    text = ours.read_text(encoding="utf-8")
    assert conflict_blocks(text, 8) == [(ours_text, theirs_text)]


def test_git_merge_file_marks_a_conflict_and_says_none_without_git(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base, ours, theirs = (tmp_path / name for name in ("base", "ours", "theirs"))
    base.write_text("a\nb\nc\n", encoding="utf-8")
    ours.write_text("a\nours\nc\n", encoding="utf-8")
    theirs.write_text("a\ntheirs\nc\n", encoding="utf-8")
    assert merge_file(ours, base, theirs, marker_size=9) == 1  # one conflict
    assert ours.read_text(encoding="utf-8") == (
        "a\n<<<<<<<<< ours\nours\n=========\ntheirs\n>>>>>>>>> theirs\nc\n"
    )
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    assert merge_file(ours, base, theirs, marker_size=9) is None


def test_only_gitio_git_starts_a_process() -> None:
    # One place runs git, so its errors and environment are handled once. The only
    # other process factmark starts is the one that scores an article for the TUI.
    package = ROOT / "src" / "factmark"
    starting = sorted(
        path.relative_to(package).as_posix()
        for path in package.rglob("*.py")
        if re.search(r"^\s*(import subprocess|from subprocess)", path.read_text("utf-8"), re.M)
    )
    assert starting == ["assist/offered.py", "gitio/git.py"]


def test_conflicted_links_are_written_in_a_stable_order(tmp_path: Path) -> None:
    # The same merge always writes the same bytes, whatever the process's hash seed.
    def notes(text: str) -> Edit:
        def apply(document: AnnotationFile) -> AnnotationFile:
            links = [link.model_copy(update={"note": text}) for link in document.links]
            return document.model_copy(update={"links": links})

        return apply

    base, ours, theirs = write_sides(tmp_path, notes("ours"), notes("theirs"))
    our_links = sorted(loading.load(ours).document.links, key=lambda link: link.key)
    outcome = merge_files(base, ours, theirs)
    assert outcome.exit_code == 1
    blocks = conflict_blocks(ours.read_text(encoding="utf-8"))
    assert [our_text for our_text, _ in blocks] == [writer.link_text(link) for link in our_links]
