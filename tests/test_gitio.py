"""Annotation files in git (docs/design.md §9): textconv, git-setup, factmark diff.

Every git test makes a real repository in a temporary folder and runs the
installed ``factmark`` as git would run it, with the user's own git config
kept out of the way.
"""

from __future__ import annotations

import difflib
import json
import shlex
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from builders import FACTMARK, claim, factmark, git, link, python
from documents import edited
from factmark.gitio.diff import Side, diff_documents
from factmark.gitio.diff_render import to_text, use_colour
from factmark.gitio.render import printable, render, textconv
from factmark.gitio.setup import ATTRIBUTES_LINE, factmark_command
from factmark.model import AnnotationFile, Dismissal, Source
from factmark.store import writer

DATA = Path(__file__).parent / "data"
ANNOTATIONS = "annotations/story.toml"

T0 = datetime(2026, 11, 27, 10, 0, 0, tzinfo=UTC)
T1 = T0 + timedelta(minutes=5)


# --- helpers -------------------------------------------------------------------


@pytest.fixture(autouse=True)
def isolated_git(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A global git config of our own (git-setup --global writes here), no system config."""
    home = tmp_path_factory.mktemp("home")
    config = home / "gitconfig"
    config.write_text("", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("HOME", str(home))
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    return config


def make_repo(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    git(folder, "init", "-q", "-b", "main")
    git(folder, "config", "user.name", "A. Editor")
    git(folder, "config", "user.email", "editor@example.org")
    git(folder, "config", "commit.gpgsign", "false")
    return folder


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


EDITOR: dict[str, Any] = {"author": "A. Editor", "created": T0, "updated": T0}
"""The fields of a claim the editor of these repositories made at T0."""


def base_document() -> AnnotationFile:
    return AnnotationFile(
        article="../seeds/story.txt",
        claims=[
            claim(
                "k3v9q2",
                "Russia reportedly transferred 1,200 bodies",
                3,
                0,
                **EDITOR,
                verdict="pending",
                confidence="medium",
                sources=[
                    Source(
                        citation="Interfax, citing an unnamed source, 13 June", stance="supports"
                    )
                ],
                tags=["casualties"],
            ),
            claim("p8w1mz", "Medinsky claimed that Ukraine had handed over 1,212", 8, 0, **EDITOR),
        ],
        links=[link("k3v9q2", "p8w1mz", "contradicts", "1,200 here; Medinsky says 1,212")],
    )


def write(path: Path, document: AnnotationFile) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(writer.dumps(document), encoding="utf-8")
    return path


def repo_with_history(tmp_path: Path) -> Path:
    """Two commits of one annotation file: the verdict goes pending → inaccurate."""
    repo = make_repo(tmp_path / "repo")
    write(repo / ANNOTATIONS, base_document())
    commit(repo, "first claims")
    write(repo / ANNOTATIONS, edited(base_document(), "k3v9q2", verdict="inaccurate", updated=T1))
    commit(repo, "verdict")
    return repo


def assert_one_error_line(result: subprocess.CompletedProcess[str], *words: str) -> str:
    assert result.returncode == 2, result
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("factmark: "), lines[0]
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


# --- the raw format diffs well on its own ---------------------------------------------


def changed_lines(before: str, after: str) -> list[str]:
    """The lines a unified diff marks, without its headers."""
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def test_one_field_of_one_claim_is_one_changed_line() -> None:
    before = base_document()
    after = edited(before, "k3v9q2", verdict="inaccurate")
    assert changed_lines(writer.dumps(before), writer.dumps(after)) == [
        '-verdict = "pending"',
        '+verdict = "inaccurate"',
    ]


def test_a_new_claim_is_one_contiguous_block_and_nothing_else_moves() -> None:
    before = base_document()
    added = claim("x7c2aa", "a claim between the two", 5, 0, **EDITOR, verdict="accurate")
    after = before.model_copy(update={"claims": [*before.claims, added]})
    old, new = writer.dumps(before).splitlines(), writer.dumps(after).splitlines()
    opcodes = [op for op in difflib.SequenceMatcher(a=old, b=new).get_opcodes() if op[0] != "equal"]
    assert len(opcodes) == 1
    kind, i1, i2, j1, j2 = opcodes[0]
    assert kind == "insert" and i1 == i2
    block = new[j1:j2]
    assert "[[claims]]" in block and 'id = "x7c2aa"' in block
    assert "".join(old) == "".join(new[:j1] + new[j2:])


def test_a_new_tag_is_one_added_line() -> None:
    before = base_document()
    after = edited(before, "k3v9q2", tags=["casualties", "figures"])
    assert changed_lines(writer.dumps(before), writer.dumps(after)) == ['+    "figures",']


def test_a_new_source_is_one_added_table() -> None:
    before = base_document()
    extra = Source(url="https://example.org/kshpw", title="KSHPW statement", stance="supports")
    sources = [*before.claim("k3v9q2").sources, extra]
    after = edited(before, "k3v9q2", sources=sources)
    assert changed_lines(writer.dumps(before), writer.dumps(after)) == [
        "+[[claims.sources]]",
        '+url = "https://example.org/kshpw"',
        '+title = "KSHPW statement"',
        '+stance = "supports"',
        "+",
    ]


# --- the rendering (textconv) ------------------------------------------------------


def test_render_shows_one_block_per_claim_in_article_order() -> None:
    document = base_document()
    document = edited(document, "p8w1mz", note="first line\nsecond line", state="orphan")
    assert render(document) == (
        "article: ../seeds/story.txt\n"
        "2 claims, 1 link, 1 contradiction\n"
        "\n"
        "claim k3v9q2 ¶3\n"
        '  quote: "Russia reportedly transferred 1,200 bodies"\n'
        "  verdict: pending\n"
        "  confidence: medium\n"
        "  source: [supports] Interfax, citing an unnamed source, 13 June\n"
        '  link: contradicts p8w1mz "Medinsky claimed that Ukraine had handed over 1,212"'
        " — 1,200 here; Medinsky says 1,212\n"
        "  tags: casualties\n"
        "\n"
        "claim p8w1mz ¶8\n"
        '  quote: "Medinsky claimed that Ukraine had handed over 1,212"\n'
        "  verdict: pending\n"
        "  confidence: unrated\n"
        '  link: contradicts k3v9q2 "Russia reportedly transferred 1,200 bodies"'
        " — 1,200 here; Medinsky says 1,212\n"
        "  note: first line\n"
        "  note: second line\n"
        "  state: orphan\n"
    )


def test_a_one_way_link_reads_passive_from_its_target() -> None:
    document = base_document().model_copy(update={"links": [link("k3v9q2", "p8w1mz", "supports")]})
    lines = render(document).splitlines()
    assert '  link: supports p8w1mz "Medinsky claimed that Ukraine had handed over 1,212"' in lines
    assert '  link: supported by k3v9q2 "Russia reportedly transferred 1,200 bodies"' in lines


def test_a_source_with_every_field_is_one_line() -> None:
    source = Source.model_validate(
        {
            "url": "https://example.org/kshpw-statement",
            "title": "KSHPW statement",
            "citation": "press office",
            "accessed": "2026-06-13",
            "quote": "1,200 bodies",
            "stance": "supports",
        },
        strict=False,
    )
    document = edited(base_document(), "p8w1mz", sources=[source])
    assert (
        '  source: [supports] https://example.org/kshpw-statement "KSHPW statement" '
        '— press office (accessed 2026-06-13) says "1,200 bodies"'
    ) in render(document).splitlines()


def test_render_shows_hidden_characters_and_keeps_the_quote_on_one_line() -> None:
    document = edited(base_document(), "k3v9q2", quote="one\ntwo \u202eevil\u200b \x1b[31m")
    block = render(document)
    assert '  quote: "one⏎two \\u202Eevil\\u200B \\u001B[31m"' in block.splitlines()
    assert "\u202e" not in block and "\x1b" not in block
    assert printable("tab\tstays") == "tab\tstays"


def test_textconv_renders_a_good_file(tmp_path: Path) -> None:
    path = write(tmp_path / "a.toml", base_document())
    result = factmark("textconv", str(path), cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == render(base_document())


@pytest.mark.parametrize(
    ("name", "problem"),
    [("malformed.toml", "not valid TOML"), ("conflict_markers.toml", "merge conflict")],
)
def test_textconv_never_fails_on_a_bad_file(name: str, problem: str, tmp_path: Path) -> None:
    path = DATA / "bad" / name
    result = subprocess.run(
        [str(FACTMARK), "textconv", str(path)], capture_output=True, check=False, timeout=60
    )
    assert (result.returncode, result.stderr) == (0, b"")
    warning, raw = result.stdout.split(b"\n", 1)
    assert warning.startswith(f"# factmark textconv: {path}".encode())
    assert problem.encode() in warning
    assert warning.endswith(b"; raw text follows")
    assert raw == path.read_bytes()


def test_textconv_never_fails_on_a_file_it_cannot_read(tmp_path: Path) -> None:
    result = factmark("textconv", str(tmp_path / "gone.toml"), cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("# factmark textconv: ")
    assert "no such file" in result.stdout
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00junk")
    assert textconv(binary).endswith(b"\n\xff\xfe\x00junk")


# --- git-setup -------------------------------------------------------------------------


def config_value(repo: Path, key: str, scope: str = "--local") -> str | None:
    result = git(repo, "config", scope, "--get", key, check=False)
    return result.stdout.rstrip("\n") if result.returncode == 0 else None


def test_git_setup_is_idempotent_and_disable_undoes_it(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    (repo / ".gitattributes").write_text("*.svg text eol=lf", encoding="utf-8")  # no newline
    (repo / "annotations").mkdir()
    first = factmark("git-setup", cwd=repo / "annotations")  # from a subfolder
    assert first.returncode == 0, first.stderr
    second = factmark("git-setup", cwd=repo)
    assert second.returncode == 0, second.stderr
    assert (repo / ".gitattributes").read_text(encoding="utf-8") == (
        f"*.svg text eol=lf\n{ATTRIBUTES_LINE}\n"
    )
    command = shlex.quote(str(FACTMARK))
    assert config_value(repo, "diff.factmark.textconv") == f"{command} textconv"
    assert config_value(repo, "merge.factmark.driver") == (f"{command} merge-driver %O %A %B %L %P")
    assert config_value(repo, "merge.factmark.name")
    assert "added the line" in first.stdout and "already has the line" in second.stdout
    assert "to undo:" in second.stdout and "--remove-section diff.factmark" in second.stdout
    assert config_value(repo, "diff.factmark.textconv", "--global") is None

    disabled = factmark("git-setup", "--disable", cwd=repo)
    assert disabled.returncode == 0, disabled.stderr
    assert (repo / ".gitattributes").read_text(encoding="utf-8") == "*.svg text eol=lf\n"
    for key in ("diff.factmark.textconv", "merge.factmark.driver", "merge.factmark.name"):
        assert config_value(repo, key) is None
    again = factmark("git-setup", "--disable", cwd=repo)  # nothing left to undo: still fine
    assert again.returncode == 0, again.stderr


def test_git_setup_covers_annotations_folders_below_the_top(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    old_line = "annotations/*.toml diff=factmark merge=factmark"
    (repo / ".gitattributes").write_text(f"{old_line}\n*.svg text eol=lf\n", encoding="utf-8")
    result = factmark("git-setup", cwd=repo)
    assert result.returncode == 0, result.stderr
    # An earlier factmark's line is replaced where it stood, not left beside the new one.
    assert (repo / ".gitattributes").read_text(encoding="utf-8") == (
        f"{ATTRIBUTES_LINE}\n*.svg text eol=lf\n"
    )
    for path in ("annotations/a.toml", "desk/annotations/b.toml", "x/y/annotations/c.toml"):
        attributes = git(repo, "check-attr", "diff", "merge", "--", path).stdout
        assert f"{path}: diff: factmark" in attributes and f"{path}: merge: factmark" in attributes
    assert "unspecified" in git(repo, "check-attr", "diff", "--", "desk/notes.toml").stdout
    (repo / ".gitattributes").write_text(f"{old_line}\n{ATTRIBUTES_LINE}\n", encoding="utf-8")
    assert factmark("git-setup", "--disable", cwd=repo).returncode == 0
    assert (repo / ".gitattributes").read_text(encoding="utf-8") == ""


def test_git_setup_global_writes_the_users_config(tmp_path: Path, isolated_git: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    result = factmark("git-setup", "--global", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert "textconv" in isolated_git.read_text(encoding="utf-8")
    assert config_value(repo, "diff.factmark.textconv", "--local") is None
    assert config_value(repo, "merge.factmark.driver", "--global") is not None
    assert ATTRIBUTES_LINE in (repo / ".gitattributes").read_text(encoding="utf-8")
    undone = factmark("git-setup", "--global", "--disable", cwd=repo)
    assert undone.returncode == 0, undone.stderr
    assert "factmark" not in isolated_git.read_text(encoding="utf-8")


def test_git_setup_outside_a_repository(tmp_path: Path) -> None:
    result = factmark("git-setup", cwd=tmp_path)
    assert_one_error_line(result, str(tmp_path), "not in a git repository")
    assert not (tmp_path / ".gitattributes").exists()


def test_the_factmark_command_is_absolute_and_quoted(tmp_path: Path) -> None:
    assert factmark_command() == shlex.quote(str(FACTMARK))
    bare = tmp_path / "no script here" / "python3"
    bare.parent.mkdir()
    assert factmark_command(str(bare)) == f"'{bare}' -m factmark"


# --- git diff and git log -p read as claims ---------------------------------------


def test_git_diff_and_log_show_claim_blocks(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    assert factmark("git-setup", cwd=repo).returncode == 0
    write(repo / ANNOTATIONS, base_document())
    commit(repo, "first claims")
    write(repo / ANNOTATIONS, edited(base_document(), "k3v9q2", verdict="inaccurate", updated=T1))

    diff = git(repo, "diff").stdout
    assert "-  verdict: pending\n+  verdict: inaccurate\n" in diff
    assert "verdict = " not in diff  # not the TOML
    assert " claim k3v9q2 ¶3\n" in diff  # the claim's heading is context
    assert git(repo, "diff", "--no-textconv").stdout.count('verdict = "inaccurate"') == 1

    commit(repo, "verdict")
    log = git(repo, "log", "-p").stdout
    assert "-  verdict: pending\n+  verdict: inaccurate\n" in log
    assert "+claim k3v9q2 ¶3\n" in log  # the first commit adds the whole block
    assert "+2 claims, 1 link, 1 contradiction\n" in log
    assert "-  verdict: pending" in git(repo, "show", "HEAD").stdout


def test_git_diff_survives_a_conflicted_file(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    assert factmark("git-setup", cwd=repo).returncode == 0
    write(repo / ANNOTATIONS, base_document())
    commit(repo, "first claims")
    (repo / ANNOTATIONS).write_bytes((DATA / "bad" / "conflict_markers.toml").read_bytes())
    diff = git(repo, "diff").stdout  # check=True: git diff did not abort
    assert "+# factmark textconv: " in diff and "raw text follows" in diff
    assert "+<<<<<<< ours\n" in diff


# --- factmark diff -----------------------------------------------------------------


def changed_document() -> AnnotationFile:
    """The base with one claim changed, one removed, one added, links changed."""
    document = edited(
        base_document(),
        "k3v9q2",
        verdict="inaccurate",
        tags=["casualties", "figures"],
        sources=[Source(url="https://example.org/kshpw", title="KSHPW", stance="contradicts")],
        updated=T1,
    )
    added = claim("x7c2aa", "a new claim", 5, 0, **EDITOR, verdict="accurate", confidence="high")
    claims = [c for c in document.claims if c.id != "p8w1mz"] + [added]
    return document.model_copy(
        update={"claims": claims, "links": [link("x7c2aa", "k3v9q2", "supports")]}
    )


EXPECTED_TEXT = """\
old.toml → new.toml
~ claim k3v9q2 ¶3 "Russia reportedly transferred 1,200 bodies"
  verdict: pending → inaccurate
  updated: 2026-11-27T10:00:00Z → 2026-11-27T10:05:00Z
  + source: [contradicts] https://example.org/kshpw "KSHPW"
  - source: [supports] Interfax, citing an unnamed source, 13 June
  + tag: figures
  - link: contradicts p8w1mz "Medinsky claimed that Ukraine had handed over 1,212" \
— 1,200 here; Medinsky says 1,212
+ claim x7c2aa ¶5 "a new claim"
  verdict: accurate
  confidence: high
  + link: supports k3v9q2 "Russia reportedly transferred 1,200 bodies"
- claim p8w1mz ¶8 "Medinsky claimed that Ukraine had handed over 1,212"
"""


def test_diff_between_two_files(tmp_path: Path) -> None:
    write(tmp_path / "old.toml", base_document())
    write(tmp_path / "new.toml", changed_document())
    result = factmark("diff", "old.toml", "new.toml", cwd=tmp_path)  # no git needed
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == EXPECTED_TEXT
    same = factmark("diff", "--exit-code", "old.toml", "old.toml", cwd=tmp_path)
    assert (same.returncode, same.stdout) == (0, "No claim, link or header changed.\n")
    different = factmark("diff", "--exit-code", "old.toml", "new.toml", cwd=tmp_path)
    assert different.returncode == 1


def test_diff_json_has_the_documented_shape(tmp_path: Path) -> None:
    write(tmp_path / "old.toml", base_document())
    write(tmp_path / "new.toml", changed_document())
    result = factmark("diff", "--format", "json", "old.toml", "new.toml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == ["files"]
    (entry,) = data["files"]
    assert entry["path"] == "new.toml"
    assert (entry["old"], entry["new"], entry["status"]) == ("old.toml", "new.toml", "modified")
    assert entry["header"] == {}
    claims, links = entry["claims"], entry["links"]
    assert [c["id"] for c in claims["added"]] == ["x7c2aa"]
    assert claims["added"][0]["verdict"] == "accurate"
    assert claims["added"][0]["created"] == "2026-11-27T10:00:00Z"
    assert [c["id"] for c in claims["removed"]] == ["p8w1mz"]
    (change,) = claims["changed"]
    assert change["id"] == "k3v9q2" and change["paragraph"] == 3
    assert change["fields"] == {
        "verdict": {"old": "pending", "new": "inaccurate"},
        "updated": {"old": "2026-11-27T10:00:00Z", "new": "2026-11-27T10:05:00Z"},
    }
    assert change["tags"] == {"added": ["figures"], "removed": []}
    assert change["sources"]["added"][0]["url"] == "https://example.org/kshpw"
    assert change["sources"]["removed"][0]["citation"].startswith("Interfax")
    assert links["added"] == [{"from": "x7c2aa", "to": "k3v9q2", "kind": "supports", "note": ""}]
    assert [(x["from"], x["to"], x["kind"]) for x in links["removed"]] == [
        ("k3v9q2", "p8w1mz", "contradicts")
    ]
    assert links["changed"] == []
    nothing = factmark("diff", "--format", "json", "old.toml", "old.toml", cwd=tmp_path)
    assert json.loads(nothing.stdout) == {"files": []}


def test_diff_between_two_revisions(tmp_path: Path) -> None:
    repo = repo_with_history(tmp_path)
    result = factmark("diff", "HEAD~1", "HEAD", ANNOTATIONS, cwd=repo)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        f"{ANNOTATIONS} (HEAD~1 → HEAD)\n"
        '~ claim k3v9q2 ¶3 "Russia reportedly transferred 1,200 bodies"\n'
        "  verdict: pending → inaccurate\n"
        "  updated: 2026-11-27T10:00:00Z → 2026-11-27T10:05:00Z\n"
    )
    # The same from a subfolder, the path relative to it; and every changed file.
    inside = factmark("diff", "HEAD~1", "HEAD", "story.toml", cwd=repo / "annotations")
    assert inside.stdout == result.stdout.replace(ANNOTATIONS, "story.toml", 1)
    assert factmark("diff", "HEAD~1", "HEAD", cwd=repo).stdout == result.stdout
    unchanged = factmark("diff", "--exit-code", "HEAD", "HEAD", ANNOTATIONS, cwd=repo)
    assert (unchanged.returncode, unchanged.stdout) == (0, "No claim, link or header changed.\n")


def test_diff_between_a_revision_and_the_working_tree(tmp_path: Path) -> None:
    repo = repo_with_history(tmp_path)
    result = factmark("diff", "HEAD~1", ANNOTATIONS, cwd=repo)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{ANNOTATIONS} (HEAD~1 → working tree)\n")
    assert "  verdict: pending → inaccurate\n" in result.stdout
    write(repo / ANNOTATIONS, edited(base_document(), "p8w1mz", confidence="low"))
    now = factmark("diff", "HEAD", ANNOTATIONS, cwd=repo).stdout
    assert "  confidence: unrated → low\n" in now
    assert "  verdict: inaccurate → pending\n" in now
    (repo / ANNOTATIONS).unlink()  # a deleted file is named by a path that is not there
    gone = factmark("diff", "HEAD", ANNOTATIONS, cwd=repo)
    assert gone.returncode == 0, gone.stderr
    assert gone.stdout.startswith(f"{ANNOTATIONS} (HEAD → working tree, deleted)\n")
    assert "- claim k3v9q2 ¶3" in gone.stdout and "- claim p8w1mz ¶8" in gone.stdout


def test_diff_without_arguments_covers_every_changed_annotation_file(tmp_path: Path) -> None:
    repo = repo_with_history(tmp_path)
    write(repo / "desk" / "annotations" / "other.toml", base_document())
    commit(repo, "another article, in a subfolder")
    clean = factmark("diff", "--exit-code", cwd=repo)
    assert (clean.returncode, clean.stdout, clean.stderr) == (
        0,
        "No claim, link or header changed.\n",
        "",
    )

    write(repo / ANNOTATIONS, edited(base_document(), "k3v9q2", verdict="accurate"))
    (repo / "desk" / "annotations" / "other.toml").unlink()
    write(repo / "annotations" / "new.toml", base_document())  # untracked
    (repo / "notes.toml").write_text("not = 'an annotation file'\n", encoding="utf-8")
    result = factmark("diff", "--exit-code", cwd=repo)
    assert result.returncode == 1, result.stderr
    titles = [line for line in result.stdout.splitlines() if line and line[0] not in "~+- "]
    assert titles == [
        "annotations/new.toml (HEAD → working tree, new file)",
        "annotations/story.toml (HEAD → working tree)",
        "desk/annotations/other.toml (HEAD → working tree, deleted)",
    ]
    assert "  verdict: inaccurate → accurate\n" in result.stdout
    assert '+ claim k3v9q2 ¶3 "Russia reportedly transferred 1,200 bodies"' in result.stdout
    assert '- claim p8w1mz ¶8 "Medinsky claimed' in result.stdout
    data = json.loads(factmark("diff", "--format", "json", cwd=repo).stdout)
    statuses = {entry["path"]: entry["status"] for entry in data["files"]}
    assert statuses == {
        "annotations/new.toml": "added",
        "annotations/story.toml": "modified",
        "desk/annotations/other.toml": "removed",
    }
    only = factmark("diff", "desk", cwd=repo)  # a folder narrows the search
    assert only.stdout.startswith("desk/annotations/other.toml (HEAD → working tree, deleted)")
    assert "annotations/story.toml" not in only.stdout


def test_claims_that_only_moved_are_one_line_and_real_edits_stand_out(tmp_path: Path) -> None:
    # A paragraph inserted above: every claim's hints move by one; one verdict changed.
    old = base_document()
    shifted = [
        claim.model_copy(update={"paragraph": (claim.paragraph or 0) + 1}) for claim in old.claims
    ]
    new = old.model_copy(update={"claims": shifted})
    new = edited(new, "k3v9q2", verdict="accurate")
    write(tmp_path / "old.toml", old)
    write(tmp_path / "new.toml", new)
    result = factmark("diff", "old.toml", "new.toml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1] == "~ 1 claim moved down 1 paragraph, nothing else changed"
    assert lines[2].startswith("~ claim k3v9q2 ¶4")
    assert "  paragraph: 3 → 4" in lines
    assert "  verdict: pending → accurate" in lines
    assert "p8w1mz" not in result.stdout
    # JSON keeps every change, for tools.
    data = json.loads(
        factmark("diff", "--format", "json", "old.toml", "new.toml", cwd=tmp_path).stdout
    )
    assert {c["id"] for c in data["files"][0]["claims"]["changed"]} == {"k3v9q2", "p8w1mz"}


def test_diff_of_a_header_change_and_a_link_note(tmp_path: Path) -> None:
    before = base_document()
    after = before.model_copy(
        update={
            "article_sha256": "a" * 64,
            "links": [link("p8w1mz", "k3v9q2", "contradicts", "now 12 apart")],
        }
    )
    write(tmp_path / "old.toml", before)
    write(tmp_path / "new.toml", after)
    result = factmark("diff", "old.toml", "new.toml", cwd=tmp_path)
    assert result.stdout == (
        "old.toml → new.toml\n"
        "~ header\n"
        f"  article_sha256: (none) → {'a' * 64}\n"
        '~ claim p8w1mz ¶8 "Medinsky claimed that Ukraine had handed over 1,212"\n'
        '  - link: contradicts k3v9q2 "Russia reportedly transferred 1,200 bodies" '
        "— 1,200 here; Medinsky says 1,212\n"
        '  + link: contradicts k3v9q2 "Russia reportedly transferred 1,200 bodies" '
        "— now 12 apart\n"
    )
    data = json.loads(
        factmark("diff", "--format", "json", "old.toml", "new.toml", cwd=tmp_path).stdout
    )
    (changed,) = data["files"][0]["links"]["changed"]
    assert changed["fields"]["note"] == {
        "old": "1,200 here; Medinsky says 1,212",
        "new": "now 12 apart",
    }


def test_colour_only_on_a_terminal_without_no_color() -> None:
    assert use_colour(True, {})
    assert not use_colour(False, {})
    assert not use_colour(True, {"NO_COLOR": "1"})
    sides = Side("old", "old", b""), Side("new", "new", b"")
    diff = diff_documents("a.toml", *sides, base_document(), changed_document())
    assert "\x1b[" not in to_text([diff])
    coloured = to_text([diff], colour=True)
    assert "\x1b[32m+ claim x7c2aa" in coloured and "\x1b[31m- claim p8w1mz" in coloured


# --- factmark diff: bad input --------------------------------------------------------


def test_diff_outside_a_repository_with_a_revision(tmp_path: Path) -> None:
    path = write(tmp_path / "annotations" / "a.toml", base_document())
    result = factmark("diff", "HEAD", str(path), cwd=tmp_path)
    assert_one_error_line(result, str(path), "not in a git repository", "HEAD")
    nothing = factmark("diff", cwd=tmp_path)
    assert_one_error_line(nothing, "not in a git repository")


def test_diff_with_an_unknown_revision(tmp_path: Path) -> None:
    repo = repo_with_history(tmp_path)
    result = factmark("diff", "nosuchrev", "HEAD", ANNOTATIONS, cwd=repo)
    assert_one_error_line(result, "nosuchrev", "unknown revision")
    option = factmark("diff", "--", "--output=x", ANNOTATIONS, cwd=repo)
    assert_one_error_line(option, "--output=x", "unknown revision")
    assert not (repo / "x").exists()


def test_diff_of_files_that_are_not_annotation_files(tmp_path: Path) -> None:
    repo = repo_with_history(tmp_path)
    (repo / "README.md").write_text("A story, in prose.\n", encoding="utf-8")
    (repo / "other.toml").write_text('title = "not ours"\n', encoding="utf-8")
    commit(repo, "more files")
    result = factmark("diff", "README.md", "other.toml", cwd=repo)
    assert_one_error_line(result, "README.md", "not valid TOML")
    in_git = factmark("diff", "HEAD", "other.toml", cwd=repo)
    assert_one_error_line(in_git, "HEAD:other.toml", "not a factmark annotation file")
    missing = factmark("diff", "HEAD", "annotations/never.toml", cwd=repo)
    assert_one_error_line(missing, "annotations/never.toml", "no such file")
    malformed = factmark("diff", str(DATA / "bad" / "malformed.toml"), ANNOTATIONS, cwd=repo)
    assert_one_error_line(malformed, "malformed.toml", "not valid TOML")


def test_the_git_commands_do_not_import_textual(tmp_path: Path) -> None:
    repo = repo_with_history(tmp_path)
    code = (
        "import sys\n"
        "from factmark.cli import main\n"
        f"main(['diff', 'HEAD~1', 'HEAD', {ANNOTATIONS!r}])\n"
        f"main(['textconv', {ANNOTATIONS!r}])\n"
        "main(['git-setup'])\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'textual']\n"
    )
    result = python(code, cwd=repo)
    assert result.returncode == 0, result.stderr


# --- sign-offs and dismissed candidates (factmark/2) -----------------------------------------

SIGNED_AT = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def _diff_text(old: AnnotationFile, new: AnnotationFile) -> str:
    sides = Side("old", "old", b""), Side("new", "new", b"")
    return to_text([diff_documents("a.toml", *sides, old, new)])


def test_the_diff_shows_a_sign_off_given_then_lost() -> None:
    base = base_document()
    claim_id = base.claims[0].id
    signed = edited(base, claim_id, signed_by="B. Reader", signed=SIGNED_AT)
    given = _diff_text(base, signed)
    assert "  + signed off: B. Reader, 2026-11-30T09:00:00Z\n" in given
    assert "signed_by" not in given
    lost = _diff_text(signed, edited(signed, claim_id, verdict="inaccurate"))
    assert "  - signed off: B. Reader, 2026-11-30T09:00:00Z\n" in lost
    assert "  verdict: pending → inaccurate\n" in lost


def test_the_diff_shows_dismissed_candidates_added_and_brought_back() -> None:
    base = base_document()
    dismissal = Dismissal(quotes=["1,200 bodies.", "1,212 bodies."], reason="1,200 vs 1,212")
    dismissed = base.model_copy(update={"dismissed": [dismissal]})
    text = _diff_text(base, dismissed)
    added = '  + "1,200 bodies." / "1,212 bodies." (1,200 vs 1,212)'
    assert f"~ dismissed contradiction candidates\n{added}" in text
    back = _diff_text(dismissed, base)
    assert '  - "1,200 bodies." / "1,212 bodies." (1,200 vs 1,212)' in back


def test_textconv_shows_who_signed_a_claim_off_and_whether_it_was_their_own() -> None:
    base = base_document()
    claim_id = base.claims[0].id
    author = base.claims[0].author
    text = render(edited(base, claim_id, signed_by="B. Reader", signed=SIGNED_AT))
    assert "signed off: B. Reader, 2026-11-30T09:00:00Z\n" in text
    own = render(
        edited(base, claim_id, signed_by=author or "A", author=author or "A", signed=SIGNED_AT)
    )
    assert "(self-signed)" in own
