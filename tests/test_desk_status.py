"""``factmark status`` and the publication gate ``factmark check --ready`` (docs/desk.md)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from builders import claim, factmark, in_process, seed_copy
from factmark.desk.status import not_ready_reasons
from factmark.model import Source
from factmark.store import loading, writer
from factmark.vocabulary import AnchorState

SIGNED = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
SOURCE = [Source(citation="KSHPW, 13 June")]


def sign_everything(annotations: Path, by: str = "B. Reader") -> None:
    document = loading.load(annotations).document
    claims = [c.model_copy(update={"signed_by": by, "signed": SIGNED}) for c in document.claims]
    writer.save(document.model_copy(update={"claims": claims}), annotations)


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    """The seed fact-check, and one article nobody has started."""
    seed_copy(tmp_path)
    (tmp_path / "seeds" / "harbour.txt").write_text("The harbour reopened.\n", encoding="utf-8")
    (tmp_path / ".git").mkdir()  # the repository's root, as git marks it
    return tmp_path


# --- the rules ---------------------------------------------------------------------------


def test_a_claim_is_ready_with_a_verdict_a_source_a_sign_off_and_its_quote() -> None:
    ready = claim("aaaa11", verdict="accurate", sources=SOURCE, signed_by="B", signed=SIGNED)
    assert not_ready_reasons(ready, AnchorState.ANCHORED) == []
    assert not_ready_reasons(ready, AnchorState.MOVED) == []
    assert not_ready_reasons(ready, AnchorState.CHANGED) == ["changed"]
    assert not_ready_reasons(ready, AnchorState.ORPHAN) == ["orphan"]
    assert not_ready_reasons(claim("aaaa11"), AnchorState.ANCHORED) == [
        "verdict pending",
        "no source",
        "not signed off",
    ]
    recorded = ready.model_copy(update={"state": "orphan"})
    assert not_ready_reasons(recorded, AnchorState.ANCHORED) == ["orphan"]


# --- status --------------------------------------------------------------------------------


def test_status_lists_the_fact_checks_and_the_articles_not_started(
    desk: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(desk / "seeds")
    ran = in_process(["status", "--format", "json"], capsys)
    assert ran.code == 0, ran.err
    not_started, seed = json.loads(ran.out)["articles"]
    assert not_started == {
        "article": "harbour.txt", "annotations": None, "claims": 0, "pending": 0,
        "unsourced": 0, "contradictions": 0, "unresolved": 0, "signed": 0, "self_signed": 0,
        "ready": False, "updated": None, "by": None, "problem": None,
    }  # fmt: skip
    assert seed["article"] == "000_207cb1c8ae6ad8ea.txt"
    assert seed["annotations"] == "../annotations/000_207cb1c8ae6ad8ea.toml"
    assert (seed["claims"], seed["pending"], seed["unsourced"]) == (20, 0, 0)
    assert (seed["contradictions"], seed["unresolved"], seed["signed"]) == (5, 0, 0)
    assert seed["ready"] is False
    assert (seed["updated"], seed["by"]) == ("2026-11-27T10:00:00Z", "Fact desk")


def test_signed_off_everywhere_the_seed_is_ready_and_sorts_after_the_work_left(
    desk: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_everything(desk / "annotations" / "000_207cb1c8ae6ad8ea.toml", by="Fact desk")
    monkeypatch.chdir(desk)
    articles = json.loads(in_process(["status", "--format", "json"], capsys).out)["articles"]
    assert [a["article"] for a in articles] == [
        "seeds/harbour.txt",
        "seeds/000_207cb1c8ae6ad8ea.txt",
    ]
    seed = articles[1]
    assert (seed["ready"], seed["signed"], seed["self_signed"]) == (True, 20, 20)
    assert (seed["updated"], seed["by"]) == ("2026-11-30T09:00:00Z", "Fact desk")


def test_a_copy_edit_makes_claims_unresolved_and_the_article_not_ready(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, annotations = seed_copy(tmp_path, lambda text: text.replace("1,212", "1,221"))
    sign_everything(annotations)
    monkeypatch.chdir(tmp_path)
    (seed,) = json.loads(in_process(["status", "--format", "json"], capsys).out)["articles"]
    assert (seed["unresolved"], seed["ready"]) == (1, False)


def test_an_unreadable_file_comes_first_with_its_problem(
    desk: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (desk / "annotations" / "broken.toml").write_text('format = "factmark/1"\nartic', "utf-8")
    monkeypatch.chdir(desk)
    first = json.loads(in_process(["status", "--format", "json"], capsys).out)["articles"][0]
    assert first["annotations"] == "annotations/broken.toml"
    assert first["problem"].startswith("annotations/broken.toml: not valid TOML")
    assert first["ready"] is False


def test_status_text_at_80_columns_is_a_list_that_fits(desk: Path) -> None:
    result = factmark("status", cwd=desk, env={"COLUMNS": "80"})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Desk · 2 articles"
    assert lines[1] == "· not started  seeds/harbour.txt"
    assert lines[2] == "… 20 open  seeds/000_207cb1c8ae6ad8ea.txt"
    assert all(len(line) <= 80 for line in lines)


def test_status_of_a_path_that_is_not_a_folder_is_one_line_and_exit_2(desk: Path) -> None:
    result = factmark("status", "nowhere", cwd=desk)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "factmark: nowhere: not a folder\n"


# --- the gate ------------------------------------------------------------------------------


def test_the_gate_names_every_claim_not_ready_and_exits_1(desk: Path) -> None:
    result = factmark("check", "--ready", "annotations", cwd=desk)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 21
    assert lines[0] == (
        "annotations/000_207cb1c8ae6ad8ea.toml: claim 77m6vs “Russia’s Transfer of Ukrainian "
        "Soldier…”: not ready: not signed off"
    )
    assert lines[-1] == "20 claims not ready (1 file, 20 claims)"


def test_the_gate_opens_when_every_claim_is_ready(desk: Path) -> None:
    annotations = desk / "annotations" / "000_207cb1c8ae6ad8ea.toml"
    sign_everything(annotations)
    result = factmark("check", "--ready", cwd=desk)
    assert (result.returncode, result.stdout) == (0, "all ready (1 file, 20 claims)\n")
    document = loading.load(annotations).document
    pending = document.claims[3].model_copy(update={"verdict": "pending"})
    claims = [pending if c.id == pending.id else c for c in document.claims]
    writer.save(document.model_copy(update={"claims": claims}), annotations)
    again = factmark("check", "--ready", "--format", "json", cwd=desk)
    assert again.returncode == 1
    data = json.loads(again.stdout)
    assert data["ready"] is False
    assert data["not_ready"] == [
        {
            "annotations": "annotations/000_207cb1c8ae6ad8ea.toml",
            "id": pending.id,
            "quote": pending.quote,
            "reasons": ["verdict pending"],
        }
    ]


def test_the_gate_stops_an_unreadable_file(desk: Path) -> None:
    (desk / "annotations" / "broken.toml").write_text('format = "factmark/1"\nartic', "utf-8")
    sign_everything(desk / "annotations" / "000_207cb1c8ae6ad8ea.toml")
    result = factmark("check", "--ready", cwd=desk)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].startswith("annotations/broken.toml: not valid TOML")
    assert result.stdout.splitlines()[-1] == "not ready (2 files, 20 claims)"


# --- what a sign-off selects -------------------------------------------------------------------


def _sign(annotations: Path, *claim_ids: str) -> None:
    document = loading.load(annotations).document
    claims = [
        c.model_copy(update={"signed_by": "B. Reader", "signed": SIGNED})
        if c.id in claim_ids
        else c
        for c in document.claims
    ]
    writer.save(document.model_copy(update={"claims": claims}), annotations)


def test_the_review_shows_the_claims_awaiting_sign_off(desk: Path) -> None:
    _sign(desk / "annotations" / "000_207cb1c8ae6ad8ea.toml", "77m6vs", "wah0cm")
    result = factmark(
        "review", "seeds/000_207cb1c8ae6ad8ea.txt", "--awaiting-sign-off", "--format", "json",
        cwd=desk,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    shown = [row["id"] for row in json.loads(result.stdout)["claims"]]
    assert len(shown) == 18 and not {"77m6vs", "wah0cm"} & set(shown)


def test_a_signed_only_export_holds_the_signed_claims_and_the_links_between_them(
    desk: Path,
) -> None:
    # 77m6vs and wah0cm (the headline twice) are linked; gt8jj0's links lead to unsigned claims.
    _sign(desk / "annotations" / "000_207cb1c8ae6ad8ea.toml", "77m6vs", "wah0cm", "gt8jj0")
    result = factmark(
        "export", "seeds/000_207cb1c8ae6ad8ea.txt", "--format", "w3c", "--signed-only",
        cwd=desk,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)["first"]["items"]
    assessing = [item for item in items if item["motivation"] == "assessing"]
    linking = [item for item in items if item["motivation"] == "linking"]
    assert len(assessing) == 3 and len(linking) == 1
    reviews = factmark(
        "export", "seeds/000_207cb1c8ae6ad8ea.txt", "--format", "claimreview", "--signed-only",
        cwd=desk,
    )  # fmt: skip
    assert len(json.loads(reviews.stdout)) == 3


def test_a_binary_file_under_seeds_is_named_unreadable_not_an_article_to_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "blob.txt").write_bytes(b"\x00\x01\x02 not text")
    monkeypatch.chdir(tmp_path)
    ran = in_process(["status", "--format", "json"], capsys)
    assert ran.code == 0, ran.err
    (blob,) = json.loads(ran.out)["articles"]
    assert blob["problem"] == "seeds/blob.txt: binary file (NUL bytes), not a text article"
    assert blob["ready"] is False
