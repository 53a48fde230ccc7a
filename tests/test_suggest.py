"""``factmark suggest``: every sentence scored, the JSON of docs/design.md §10, the
text list, transcripts' speakers, errors, and what the other commands do not load.

The golden file holds the seed's JSON. When the model or the features change on
purpose, regenerate it with ``FACTMARK_UPDATE_GOLDEN=1 pytest tests/test_suggest.py``
and read its diff before committing it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from builders import SEED, SEED_NAME, in_process, seed_copy
from factmark.article import Article
from factmark.assist.checkworthy import Scored, shipped
from factmark.assist.spans import Span, spans
from factmark.assist.suggest import MODERATOR_WEIGHT, moderators, report, sentences, speakers

ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = Path("tests") / "data" / "seed" / "seeds" / f"{SEED_NAME}.txt"
GOLDEN = ROOT / "tests" / "data" / "golden" / f"{SEED_NAME}.suggest.json"


def suggest_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    ran = in_process(["suggest", *args, "--format", "json"], capsys)
    assert ran.code == 0, ran.err
    data: dict[str, Any] = json.loads(ran.out)
    return data


def test_the_seeds_sentences_match_the_golden_file(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    data = suggest_json(capsys, str(SEED_ARTICLE))
    if os.environ.get("FACTMARK_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", "utf-8")
    golden = json.loads(GOLDEN.read_text("utf-8"))
    # The contradiction candidates have their own tests; the sentences are this one's.
    assert isinstance(data["contradictions"], list)
    assert (data["article"], data["sentences"]) == (golden["article"], golden["sentences"])


def test_every_sentence_is_listed_in_article_order_with_its_offsets(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    article_path, _ = seed_copy(tmp_path)
    data = suggest_json(capsys, str(article_path))
    assert set(data) == {"article", "sentences", "contradictions"}
    assert data["article"] == str(article_path)
    article = Article.read(article_path)
    expected = [
        (paragraph.number, start, end)
        for paragraph in article.paragraphs
        for start, end in article.sentences(paragraph.number)
    ]
    found = data["sentences"]
    assert [(s["paragraph"], s["start"], s["end"]) for s in found] == expected
    for sentence in found:
        assert set(sentence) == {
            "paragraph", "start", "end", "text", "score", "reasons", "suggested", "claimed"
        }  # fmt: skip
        paragraph = article.paragraph(sentence["paragraph"])
        assert paragraph.text[sentence["start"] : sentence["end"]] == sentence["text"]
        assert 0.0 <= sentence["score"] <= 1.0
        assert sentence["suggested"] is (sentence["score"] >= 0.5)


def test_the_transfer_of_1200_bodies_is_suggested_first_with_its_reasons(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    article_path, _ = seed_copy(tmp_path)
    found = suggest_json(capsys, str(article_path))["sentences"]
    transfer = next(s for s in found if s["text"].startswith("On Friday, June 13"))
    assert transfer["suggested"]
    assert transfer["reasons"] == ["number", "quantity", "date", "attribution"]
    best = sorted(found, key=lambda s: -s["score"])[:5]
    assert transfer in best
    assert not any(s["suggested"] for s in found if s["text"].startswith("In the end"))


def test_a_sentence_is_claimed_when_a_claim_of_the_annotation_file_overlaps_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    article_path, annotations = seed_copy(tmp_path)
    found = suggest_json(capsys, str(article_path))["sentences"]
    claimed = {sentence["text"]: sentence["claimed"] for sentence in found}
    assert claimed[next(t for t in claimed if t.startswith("On Friday, June 13"))]
    assert not claimed[next(t for t in claimed if t.startswith("In the end"))]
    annotations.unlink()
    unclaimed = suggest_json(capsys, str(article_path))["sentences"]
    assert not any(s["claimed"] for s in unclaimed)
    assert [s["score"] for s in unclaimed] == [
        s["score"] for s in suggest_json(capsys, str(SEED / "seeds" / f"{SEED_NAME}.txt"))[
            "sentences"]
    ]  # fmt: skip


def test_the_annotation_file_may_be_named_instead_of_the_article(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    article_path, annotations = seed_copy(tmp_path)
    by_file = suggest_json(capsys, str(annotations))
    assert Path(by_file["article"]).resolve() == article_path.resolve()
    assert by_file["sentences"] == suggest_json(capsys, str(article_path))["sentences"]


# --- text -----------------------------------------------------------------------


def test_the_text_lists_the_top_n_best_first_with_paragraph_and_reasons(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    article_path, _ = seed_copy(tmp_path)
    ran = in_process(["suggest", str(article_path), "--top", "3"], capsys)
    assert ran.code == 0 and ran.err == ""
    sentences, candidates = ran.out.split("\n\n")
    lines = sentences.splitlines()
    assert len(lines) == 3
    scores = [float(line.split()[0]) for line in lines]
    assert scores == sorted(scores, reverse=True)
    assert all(" ¶" in line for line in lines)
    assert "number, quantity" in sentences
    # then the contradiction candidates, best first: score, the two paragraphs, the reason
    listed = candidates.splitlines()
    assert listed[0].startswith("Contradiction candidates, best first (")
    assert "¶5 / ¶7  not a single body vs 27 bodies" in listed[1]
    assert any(line.endswith("¶3 / ¶7  1,200 vs 1,212 bodies") for line in listed[1:])


def test_the_text_lists_a_few_candidates_and_says_how_many_more(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from factmark.cli.suggest import CANDIDATES_SHOWN

    pairs = [
        f"The council closed {n} libraries on Monday.\n\n"
        f"The council said it had closed {n + 2} libraries on Monday."
        for n in range(3, 3 + CANDIDATES_SHOWN + 2)
    ]
    path = tmp_path / "many.txt"
    path.write_text("\n\n".join(pairs) + "\n", encoding="utf-8")
    ran = in_process(["suggest", str(path), "--top", "1"], capsys)
    assert ran.code == 0
    listed = ran.out.split("\n\n")[1].splitlines()
    total = int(listed[0].split(" of ")[1].rstrip("):"))
    assert total > CANDIDATES_SHOWN
    assert listed[0] == f"Contradiction candidates, best first ({CANDIDATES_SHOWN} of {total}):"
    assert len(listed) == CANDIDATES_SHOWN + 2
    assert listed[-1] == f"… {total - CANDIDATES_SHOWN} more: --format json lists them all"


def test_the_text_fits_the_width_and_shows_control_characters_escaped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("LINES", "5")
    article = tmp_path / "a.txt"
    article.write_text(
        "Unemployment was \x1b[31m14 percent\x1b[0m in the state during the whole of that "
        "long and hard winter, the bureau said.\n\nThank you.\n",
        encoding="utf-8",
    )
    ran = in_process(["suggest", str(article)], capsys)
    assert ran.code == 0
    lines = ran.out.splitlines()
    assert len(lines) == 2  # a screenful: all there is, here
    assert "\x1b" not in ran.out and "\\x1b" in lines[0]
    assert all(len(line) <= 80 for line in lines)
    assert lines[0].endswith("…  number, quantity, attribution")


# --- transcripts ----------------------------------------------------------------

TRANSCRIPT = (
    "MODERATOR: Unemployment is 9 percent in this state. What will you do?\n\n"
    "SMITH: Unemployment is 9 percent in this state. We will fix it.\n"
)


def test_a_moderators_sentences_count_for_half() -> None:
    found = sentences(Article(TRANSCRIPT))
    moderator, candidate = found[0], found[2]
    assert moderator.text == "MODERATOR: Unemployment is 9 percent in this state."
    assert candidate.text == "SMITH: Unemployment is 9 percent in this state."
    assert candidate.score == shipped().score(candidate.text)[0]
    assert moderator.score == round(candidate.score * MODERATOR_WEIGHT, 4)
    assert moderator.reasons == candidate.reasons == ("number", "quantity")


def _moderators(turns: list[str]) -> set[str]:
    article = Article("\n\n".join(turns))
    return moderators(spans(article), speakers(article))


@pytest.mark.parametrize("label", ["MODERATOR", "QUESTION", "AUDIENCE MEMBER", "Q.", "Moderator"])
def test_a_speaker_named_as_a_moderator_or_questioner_moderates(label: str) -> None:
    turns = [f"{label}: Taxes rose by 4 percent.", "SMITH: They did not rise at all."]
    assert _moderators(turns) == {label}


def test_a_speaker_who_mostly_asks_moderates() -> None:
    turns = [
        "WALLACE: Why now? Who pays? What changed? Is it fair? Thank you.",
        "JONES: We cut taxes for 3 million families. That is the record.",
        "WALLACE: Mr. Jones, is that true?",
        "JONES: Yes. It is true.",
    ]
    assert _moderators(turns) == {"WALLACE"}
    assert _moderators(turns[1::2]) == set()


def test_the_report_builds_without_the_command_line() -> None:
    data = report(Article(TRANSCRIPT), "forum.txt")
    assert data["article"] == "forum.txt" and data["contradictions"] == []
    assert [s["paragraph"] for s in data["sentences"]] == [1, 1, 2, 2]


# --- errors ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("missing.txt", "no such file"),
        ("binary.txt", "binary file"),
        ("latin1.txt", "not UTF-8"),
        ("empty.txt", "empty article"),
    ],
)
def test_an_article_that_cannot_be_read_is_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], name: str, says: str
) -> None:
    path = ROOT / "tests" / "data" / "articles" / name
    ran = in_process(["suggest", str(path)], capsys)
    assert ran.code == 2 and ran.out == ""
    assert ran.err.count("\n") == 1 and ran.err.startswith(f"factmark: {path}: ")
    assert says in ran.err


def test_a_broken_annotation_file_beside_the_article_is_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    article_path, annotations = seed_copy(tmp_path)
    annotations.write_text("this is = not [toml\n", encoding="utf-8")
    ran = in_process(["suggest", str(article_path)], capsys)
    assert ran.code == 2 and ran.out == ""
    assert ran.err.count("\n") == 1 and str(annotations) in ran.err
    assert annotations.read_text("utf-8") == "this is = not [toml\n"


@pytest.mark.parametrize("top", ["0", "-1", "many"])
def test_a_bad_top_is_one_line_exit_2(capsys: pytest.CaptureFixture[str], top: str) -> None:
    with pytest.raises(SystemExit) as stopped:
        in_process(["suggest", str(ROOT / SEED_ARTICLE), "--top", top], capsys)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("factmark: suggest: argument --top")


# --- what loads -----------------------------------------------------------------

LOADED = """
import sys
from factmark.cli import main
code = main({args!r})
print(code, 'factmark.assist.checkworthy' in sys.modules,
      any(m.split('.')[0] == 'textual' for m in sys.modules))
"""


def _loaded(args: list[str], cwd: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-c", LOADED.format(args=args)],
        capture_output=True, text=True, cwd=cwd, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout.split("\n")[-2]


@pytest.mark.parametrize(
    "args",
    [
        ["check", "tests/data/seed/annotations/000_207cb1c8ae6ad8ea.toml"],
        ["fmt", "--check", "tests/data/seed/annotations"],
        ["review", "tests/data/seed/seeds/000_207cb1c8ae6ad8ea.txt", "--format", "json"],
        ["diff", "tests/data/good.toml", "tests/data/seed/annotations/000_207cb1c8ae6ad8ea.toml"],
    ],
)
def test_the_other_commands_never_load_the_model(args: list[str]) -> None:
    code, model, _ = _loaded(args, ROOT).split()
    assert code in ("0", "1") and model == "False"


def test_suggest_loads_the_model_and_not_textual() -> None:
    assert _loaded(["suggest", str(SEED_ARTICLE), "--top", "1"], ROOT) == "0 True False"


def test_the_json_is_one_sentence_a_line_and_reads_back_as_the_report() -> None:
    from factmark.cli.suggest import as_json

    data = report(Article(TRANSCRIPT), 'forum "1".txt')
    data["contradictions"] = [{"a": {"paragraph": 1}, "b": {"paragraph": 2}, "reason": "9 vs 9"}]
    text = as_json(data)
    assert json.loads(text) == data
    assert len(text.splitlines()) == 3 + len(data["sentences"]) + 5  # a line each, and 8 more
    empty = {"article": "a.txt", "sentences": [], "contradictions": []}
    assert json.loads(as_json(empty)) == empty


def _long_article() -> Article:
    """An article long enough for its candidates to be found in a second process."""
    from factmark.assist.alongside import ALONGSIDE

    filler = [
        f"Paragraph {n} says that the weather was mild on the coast." for n in range(ALONGSIDE)
    ]
    first = "The authority closed five hospitals in the province this year."
    last = "Opposition members said it had closed seven hospitals in the province this year."
    return Article("\n\n".join([first, *filler, last]) + "\n")


def test_a_long_articles_candidates_come_from_a_second_process_as_they_would_here() -> None:
    from factmark.assist.contradictions import candidates

    article = _long_article()
    expected = [candidate.to_json() for candidate in candidates(article)]
    assert [c["reason"] for c in expected] == ["five vs seven hospitals"]
    assert report(article, "long.txt")["contradictions"] == expected


def _forks() -> bool:
    from factmark.assist.alongside import ALONGSIDE, _may_fork

    return _may_fork(ALONGSIDE)


needs_a_second_process = pytest.mark.skipif(
    not _forks(), reason="one core, or no fork: the second process is never started"
)


def _scored_here(monkeypatch: pytest.MonkeyPatch, elsewhere_up_to: int | None = None) -> list[str]:
    """The sentences this process scores from now on (the forked one's are not seen); with
    ``elsewhere_up_to``, the forked process ends after scoring that many, sending nothing."""
    from factmark.assist.checkworthy import Model

    here, real, texts, elsewhere = os.getpid(), Model.score, [], [0]

    def score(model: Model, text: str) -> Any:
        if os.getpid() == here:
            texts.append(text)
        elif elsewhere_up_to is not None:
            elsewhere[0] += 1
            if elsewhere[0] > elsewhere_up_to:
                os._exit(3)
        return real(model, text)

    monkeypatch.setattr(Model, "score", score)
    return texts


def _long_case() -> tuple[Article, list[Span], list[Scored]]:
    """The long article, its spans, and its sentences' scores found in this process."""
    article = _long_article()
    cut = spans(article)
    return article, cut, shipped().score_all(span.text for span in cut)


@needs_a_second_process
def test_the_second_process_scores_from_the_back_as_this_one_would(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from factmark.assist.alongside import Alongside

    article, cut, expected = _long_case()
    here = _scored_here(monkeypatch)
    both = Alongside(article, cut)
    both.candidates()  # waits for the other process: with none scored here, it scored all
    assert both.scores(shipped()) == expected
    assert here == []
    assert report(article, "long.txt")["sentences"] == [  # each scoring some: met between
        sentence.as_data() for sentence in sentences(article)
    ]


@needs_a_second_process
def test_what_the_second_process_had_scored_is_scored_here_when_it_fails(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from factmark.assist.alongside import Alongside

    article, cut, expected = _long_case()
    here = _scored_here(monkeypatch, elsewhere_up_to=3)
    both = Alongside(article, cut)
    found = both.candidates()
    assert both.scores(shipped()) == expected
    assert len(here) == len(cut)  # every sentence scored here, the other having died
    assert [c["reason"] for c in found] == ["five vs seven hospitals"]


def test_the_candidates_are_found_here_when_the_second_process_fails(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from factmark.assist import contradictions

    article = _long_article()
    expected = [candidate.to_json() for candidate in contradictions.candidates(article)]
    here, real = os.getpid(), contradictions.candidates

    def dies_elsewhere(*args: Any) -> Any:
        if os.getpid() != here:
            (tmp_path / "died").touch()
            os._exit(3)  # the forked process ends without sending anything
        return real(*args)

    monkeypatch.setattr(contradictions, "candidates", dies_elsewhere)
    assert report(article, "long.txt")["contradictions"] == expected
    assert (tmp_path / "died").exists()  # the second process ran, and failed
