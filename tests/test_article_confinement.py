"""An annotation file names its article inside its own repository (docs/format.md).

The ``article`` value is data from whoever committed the file: an absolute path,
``..`` climbing out, or a symlink leading out is refused by every command that
reads the article through the file, and a missing article is named with the
annotation file that points there.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from builders import git, in_process, python
from factmark.article import Article
from factmark.cli import main
from factmark.paths import ArticlePathError, article_in_repository, repository_root
from factmark.store import loading, writer

DATA = Path(__file__).parent / "data"
SEED = DATA / "seed"
SEED_NAME = "000_207cb1c8ae6ad8ea"
SECRET = "PRIVATE KEY material that must never be published\n"

EXPORTS = ["w3c", "claimreview", "brat", "markdown", "html", "csv"]
COMMANDS: dict[str, list[str]] = {
    "review": ["review"],
    "review-json": ["review", "--format", "json"],
    "review-markdown": ["review", "--format", "markdown"],
    **{f"export-{name}": ["export", "--format", name] for name in EXPORTS},
    "reanchor": ["reanchor"],
    "reanchor-dry-run": ["reanchor", "--dry-run"],
    "annotate": ["annotate"],
}
"""Every command that reads an article through an annotation file, but check (exit 1)."""


def repository(tmp_path: Path) -> Path:
    """The seed fact-check in tmp/repo (not a git repository); returns its annotation file."""
    root = tmp_path / "repo"
    shutil.copytree(SEED / "seeds", root / "seeds")
    shutil.copytree(SEED / "annotations", root / "annotations")
    return root / "annotations" / f"{SEED_NAME}.toml"


def secret(tmp_path: Path) -> Path:
    """A private file beside the repository, not in it."""
    path = tmp_path / "private" / "id_ed25519"
    path.parent.mkdir()
    path.write_text(SECRET, encoding="utf-8")
    return path


def point_at(annotations: Path, article: str) -> None:
    """Make the annotation file name another article (its claims kept)."""
    document = loading.load(annotations).document
    writer.save(document.model_copy(update={"article": article}), annotations)


def absolute(tmp_path: Path, annotations: Path) -> str:
    return str(secret(tmp_path))


def climbing(tmp_path: Path, annotations: Path) -> str:
    secret(tmp_path)
    return "../../private/id_ed25519"


def file_symlink(tmp_path: Path, annotations: Path) -> str:
    (annotations.parents[1] / "seeds" / "story.txt").symlink_to(secret(tmp_path))
    return "../seeds/story.txt"


def folder_symlink(tmp_path: Path, annotations: Path) -> str:
    (annotations.parents[1] / "drafts").symlink_to(secret(tmp_path).parent)
    return "../drafts/id_ed25519"


WAYS_OUT: dict[str, Callable[[Path, Path], str]] = {
    "absolute": absolute,
    "climbing": climbing,
    "file-symlink": file_symlink,
    "folder-symlink": folder_symlink,
}
REASONS = {
    "absolute": "an absolute path",
    "climbing": "the path climbs out of it",
    "file-symlink": "a symlink on the way leads to",
    "folder-symlink": "a symlink on the way leads to",
}


def outside_line(annotations: Path, article: str, way: str) -> str:
    root = annotations.parents[1]
    return f"{annotations}: article {article}: outside the repository {root} ({REASONS[way]}"


# --- the rule -------------------------------------------------------------------


@pytest.mark.parametrize("way", WAYS_OUT)
def test_the_rule_refuses_each_way_out(tmp_path: Path, way: str) -> None:
    annotations = repository(tmp_path)
    article = WAYS_OUT[way](tmp_path, annotations)
    with pytest.raises(ArticlePathError, match=REASONS[way]):
        article_in_repository(annotations, article)


def test_the_root_outside_git_is_the_folder_above_annotations(tmp_path: Path) -> None:
    nested = tmp_path / "desk" / "annotations" / "2026" / "x.toml"
    assert repository_root(nested) == tmp_path / "desk"
    assert repository_root(tmp_path / "loose" / "x.toml") == tmp_path / "loose"


def test_the_root_in_git_is_the_work_tree(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    assert repository_root(tmp_path / "desk" / "annotations" / "x.toml") == tmp_path


def test_gits_own_folder_is_not_an_article(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    annotations = tmp_path / "annotations" / "x.toml"
    with pytest.raises(ArticlePathError, match="in git's own folder"):
        article_in_repository(annotations, "../.git/config")


def test_a_symlink_that_stays_inside_is_followed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    annotations = repository(tmp_path)
    seeds = annotations.parents[1] / "seeds"
    (seeds / "alias.txt").symlink_to(seeds / f"{SEED_NAME}.txt")
    point_at(annotations, "../seeds/alias.txt")
    assert main(["check", str(annotations)]) == 0
    assert main(["export", "--format", "html", str(annotations)]) == 0
    assert "Russia" in capsys.readouterr().out


# --- every command --------------------------------------------------------------


@pytest.mark.parametrize("way", WAYS_OUT)
@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
def test_every_command_refuses_an_article_outside_the_repository(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], way: str, command: list[str]
) -> None:
    annotations = repository(tmp_path)
    article = WAYS_OUT[way](tmp_path, annotations)
    point_at(annotations, article)
    before = annotations.read_bytes()
    captured = in_process([*command, str(annotations)], capsys)
    assert captured.code == 2
    assert captured.out == ""
    assert captured.err.startswith(f"factmark: {outside_line(annotations, article, way)}")
    assert captured.err.count("\n") == 1
    assert annotations.read_bytes() == before


@pytest.mark.parametrize("way", WAYS_OUT)
def test_export_to_a_file_writes_nothing_when_the_article_is_outside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], way: str
) -> None:
    annotations = repository(tmp_path)
    point_at(annotations, WAYS_OUT[way](tmp_path, annotations))
    page = tmp_path / "page.html"
    assert main(["export", "--format", "html", "-o", str(page), str(annotations)]) == 2
    assert not page.exists()
    assert SECRET.strip() not in capsys.readouterr().err


@pytest.mark.parametrize("way", WAYS_OUT)
def test_check_reports_an_article_outside_the_repository_as_a_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], way: str
) -> None:
    annotations = repository(tmp_path)
    article = WAYS_OUT[way](tmp_path, annotations)
    point_at(annotations, article)
    captured = in_process(["check", str(annotations)], capsys)
    assert captured.code == 1
    problem, summary = captured.out.splitlines()
    assert problem.startswith(outside_line(annotations, article, way))
    assert summary == "1 problem (1 file, 20 claims)"
    assert captured.err == ""


def test_the_article_named_on_the_command_line_is_the_editors_choice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Only the value read from an annotation file is confined: an article given
    # as the target, anywhere, with --annotations, is what the editor asked for.
    annotations = repository(tmp_path)
    outside = tmp_path / "elsewhere" / f"{SEED_NAME}.txt"
    outside.parent.mkdir()
    shutil.copy(annotations.parents[1] / "seeds" / outside.name, outside)
    for command in (["review"], ["export", "--format", "csv"], ["reanchor", "--dry-run"]):
        assert main([*command, str(outside), "--annotations", str(annotations)]) == 0
    capsys.readouterr()


# --- the seed, in git and outside ----------------------------------------------


@pytest.mark.parametrize("in_git", [False, True], ids=["outside-git", "in-git"])
def test_the_seed_fact_check_still_reads_its_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], in_git: bool
) -> None:
    annotations = repository(tmp_path)
    if in_git:
        git(annotations.parents[1], "init", "-q")
    assert main(["check", str(annotations)]) == 0
    assert main(["export", "--format", "html", str(annotations)]) == 0
    assert main(["review", "--format", "json", str(annotations)]) == 0
    assert main(["reanchor", "--dry-run", str(annotations)]) == 0
    capsys.readouterr()


def test_in_git_an_article_above_the_annotations_folder_is_inside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The desk keeps its annotations a folder down: inside the work tree, so allowed;
    # the same layout outside git leaves the folder above annotations/.
    annotations = repository(tmp_path)
    root = annotations.parents[1]
    desk = root / "desk" / "annotations"
    desk.mkdir(parents=True)
    moved = Path(shutil.move(annotations, desk))
    point_at(moved, f"../../seeds/{SEED_NAME}.txt")
    assert main(["check", str(moved)]) == 1
    assert "outside the repository" in capsys.readouterr().out
    git(root, "init", "-q")
    assert main(["check", str(moved)]) == 0
    capsys.readouterr()


# --- a missing article names the annotation file -----------------------------------


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
def test_a_missing_article_names_the_annotation_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    annotations = repository(tmp_path)
    point_at(annotations, "../seeds/nope.txt")
    before = annotations.read_bytes()
    captured = in_process([*command, str(annotations)], capsys)
    assert captured.code == 2
    assert captured.out == ""
    assert captured.err == f"factmark: {annotations}: article ../seeds/nope.txt: no such file\n"
    assert annotations.read_bytes() == before


def test_check_names_a_missing_article_as_the_file_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    annotations = repository(tmp_path)
    point_at(annotations, "../seeds/nope.txt")
    monkeypatch.chdir(tmp_path)
    relative = annotations.relative_to(tmp_path)
    assert main(["check", str(relative)]) == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        f"{relative}: article ../seeds/nope.txt: no such file"
    )


# --- annotate and reanchor given the annotation file ------------------------------


def test_annotate_given_the_annotation_file_opens_the_article_it_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Not the TOML text as if it were an article, with itself as its annotations.
    import factmark.tui.app

    opened: list[tuple[Path | None, Path]] = []

    class App:
        return_code = 0

        def __init__(self, article: Article, path: Path, **_: object) -> None:
            opened.append((article.path, path))

        def run(self) -> None:
            pass

    annotations = repository(tmp_path)
    monkeypatch.setattr(factmark.tui.app, "FactmarkApp", App)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert main(["annotate", str(annotations)]) == 0
    assert opened == [(annotations.parents[1] / "seeds" / f"{SEED_NAME}.txt", annotations)]


def test_reanchor_given_the_annotation_file_reanchors_against_its_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    annotations = repository(tmp_path)
    before = annotations.read_bytes()
    assert main(["reanchor", str(annotations)]) == 0
    assert "20 claims: 20 anchored" in capsys.readouterr().err
    assert annotations.read_bytes() == before


def test_an_article_name_holding_a_nul_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    annotations = repository(tmp_path)
    point_at(annotations, "../seeds/a\0b.txt")
    assert main(["review", str(annotations)]) == 2
    assert capsys.readouterr().err == (
        f"factmark: {annotations}: article ../seeds/a\\x00b.txt: not a file name "
        "(it holds a NUL character)\n"
    )
    assert main(["check", str(annotations)]) == 1
    assert "not a file name" in capsys.readouterr().out


def test_an_article_target_is_read_without_loading_pydantic() -> None:
    # annotate paints its first screen before the models are imported.
    code = (
        "import sys; from pathlib import Path; from factmark import targets; "
        f"targets.resolve(Path({str(SEED / 'seeds' / f'{SEED_NAME}.txt')!r})); "
        "print('pydantic' in sys.modules)"
    )
    result = python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "False\n"
