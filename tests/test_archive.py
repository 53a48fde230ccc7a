"""The archive's index: built from the files, kept up to date, rebuilt when broken, shared."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from builders import claim, document
from factmark.desk import archive, catalog, index
from factmark.desk.search import find
from factmark.model import Claim
from factmark.store import loading, writer


@pytest.fixture(autouse=True)
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Indexes of archives outside git go to a cache folder of the test's own."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    return cache


def repository(folder: Path) -> Path:
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    return folder


def save(folder: Path, name: str, *claims: Claim) -> Path:
    path = folder / "annotations" / f"{name}.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    writer.save(document(*claims, article=f"../seeds/{name}.txt"), path)
    return path


def ids(root: Path, query: str = "", **filters: Any) -> list[str]:
    return [match.id for match in find(query, root, **filters)]


def harbour(folder: Path) -> Path:
    return save(
        folder, "harbour",
        claim("hbr001", "The harbour turned away 40 ships in May", paragraph=1, start=0,
              verdict="accurate", tags=["shipping"],
              sources=[{"url": "https://port.example/may-report", "title": "May traffic"}]),
        claim("hbr002", "Fees rose by 1,212 euros", paragraph=2, start=0, verdict="inaccurate"),
    )  # fmt: skip


def test_a_repository_s_annotation_files_are_indexed_in_its_git_folder(tmp_path: Path) -> None:
    root = repository(tmp_path / "desk")
    harbour(root)
    assert ids(root, "ships") == ["hbr001"]
    assert list((root / ".git" / "factmark").glob("archive-*.sqlite3"))


def test_outside_git_the_index_is_in_the_user_s_cache(tmp_path: Path, cache_folder: Path) -> None:
    harbour(tmp_path / "desk")
    assert ids(tmp_path / "desk", "ships") == ["hbr001"]
    assert index.location(tmp_path / "desk").parent == cache_folder / "factmark"


def test_words_figures_verdicts_tags_and_addresses_find_claims(tmp_path: Path) -> None:
    root = repository(tmp_path)
    harbour(root)
    assert ids(root, "ship") == ["hbr001"]  # stemmed: "ship" finds "ships"
    assert ids(root, "1,212") == ids(root, "1212") == ["hbr002"]
    assert ids(root, "1,200") == []
    assert ids(root, verdict="inaccurate") == ["hbr002"]
    assert ids(root, tag="Shipping") == ["hbr001"]
    assert ids(root, "https://port.example/may-report") == ["hbr001"]
    assert ids(root, "harbour fees") == []  # every word, not any
    assert ids(root, "may traffic", verdict="accurate") == ["hbr001"]


def test_one_file_changed_one_removed_one_added_are_read_again_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = repository(tmp_path)
    first = harbour(root)
    second = save(root, "bridge", claim("brg001", "The bridge cost 4.2 million", paragraph=1))
    third = save(root, "ferry", claim("fry001", "The ferry carried 800 people", paragraph=1))
    assert sorted(ids(root)) == ["brg001", "fry001", "hbr001", "hbr002"]
    parsed: list[str] = []
    parse = loading.parse

    def counted(data: bytes | str, path: Path | str = "<annotations>") -> Any:
        parsed.append(Path(path).name)
        return parse(data, path)

    monkeypatch.setattr(loading, "parse", counted)
    save(root, "bridge", claim("brg001", "The bridge cost 5.1 million", paragraph=1))
    third.unlink()
    save(root, "tunnel", claim("tnl001", "The tunnel is 3 km long", paragraph=1))
    assert sorted(ids(root)) == ["brg001", "hbr001", "hbr002", "tnl001"]
    assert ids(root, "5.1") == ["brg001"] and ids(root, "4.2") == []
    assert sorted(parsed) == ["bridge.toml", "tunnel.toml"]
    assert first.exists() and second.exists()


def test_a_file_touched_but_not_changed_is_not_parsed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = repository(tmp_path)
    path = harbour(root)
    ids(root)
    monkeypatch.setattr(loading, "parse", None)  # any parse would fail
    path.write_bytes(path.read_bytes())
    assert ids(root, "ships") == ["hbr001"]


def test_a_corrupt_index_is_deleted_and_rebuilt_with_one_line_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = repository(tmp_path)
    harbour(root)
    ids(root)
    location = index.location(root)
    location.write_bytes(b"not a database, " * 1000)
    for suffix in ("-wal", "-shm"):
        Path(f"{location}{suffix}").unlink(missing_ok=True)
    assert ids(root, "ships") == ["hbr001"]
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "rebuilding it" in err
    assert ids(root, "ships") == ["hbr001"]
    assert capsys.readouterr().err == ""


def test_an_index_damaged_deep_in_its_full_text_part_is_rebuilt_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = repository(tmp_path)
    harbour(root)
    ids(root)
    connection = sqlite3.connect(index.location(root))
    with connection:
        connection.execute("DELETE FROM claim_terms_data")
    connection.close()
    assert ids(root, "ships") == ["hbr001"]
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "rebuilding it" in err


def test_a_deleted_index_is_built_again(tmp_path: Path) -> None:
    root = repository(tmp_path)
    harbour(root)
    ids(root)
    index.discard(index.location(root))
    assert ids(root, "ships") == ["hbr001"]


def test_an_unreadable_annotation_file_is_left_out_with_a_one_line_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = repository(tmp_path)
    harbour(root)
    broken = root / "annotations" / "broken.toml"
    broken.write_text('format = "factmark/1"\narticle = \n', encoding="utf-8")
    assert ids(root, "ships") == ["hbr001"]
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "broken.toml" in err[0] and err[0].startswith("factmark: ")


def test_a_file_gone_between_indexing_and_display_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = repository(tmp_path)
    path = harbour(root)
    save(root, "bridge", claim("brg001", "40 ships and a bridge", paragraph=1))
    refresh = catalog.refresh

    def then_delete(connection: sqlite3.Connection, folder: Path) -> None:
        refresh(connection, folder)
        path.unlink()

    monkeypatch.setattr(catalog, "refresh", then_delete)
    assert ids(root, "ships") == ["brg001"]


def test_annotation_files_outside_an_annotations_folder_are_not_the_archive(
    tmp_path: Path,
) -> None:
    root = repository(tmp_path)
    harbour(root)
    (root / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert [entry.path for entry in archive.listing(root)] == ["annotations/harbour.toml"]


_WRITER = """
import sys
from pathlib import Path
from factmark.desk import catalog, index
with catalog.opened(Path(sys.argv[1])) as connection:
    print(index.claim_count(connection))
"""


@pytest.mark.slow
def test_two_processes_updating_the_index_at_once_leave_it_whole(tmp_path: Path) -> None:
    root = repository(tmp_path)
    for number in range(600):
        save(root, f"a{number:03d}", claim("c001", f"Claim {number} of the harbour", paragraph=1))
    command = [sys.executable, "-c", _WRITER, str(root)]
    both = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [process.communicate(timeout=120)[0] for process in both]
    assert [process.returncode for process in both] == [0, 0]
    assert outputs == ["600\n", "600\n"]
    connection = sqlite3.connect(index.location(root))
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert connection.execute("SELECT count(*) FROM files").fetchone() == (600,)
    connection.close()
