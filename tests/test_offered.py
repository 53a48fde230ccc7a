"""What the annotate screen is offered: the scores sent back in chunks from a process of
their own, and the open candidates in suggest's order."""

from __future__ import annotations

import io
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from factmark.article import Article
from factmark.assist import offered
from factmark.assist.contradictions import candidates
from factmark.assist.offered import (
    CHUNK,
    Offered,
    Scoring,
    compute,
    open_candidates,
    receive,
    send,
)
from factmark.assist.suggest import report, sentences
from factmark.model import Dismissal

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "data" / "seed" / "seeds" / "000_207cb1c8ae6ad8ea.txt"


@pytest.fixture(scope="module")
def seed() -> Article:
    return Article.read(SEED)


def test_the_suggested_sentences_and_the_candidates_in_suggests_order(seed: Article) -> None:
    found = compute(seed.text)
    assert list(found.sentences) == [s for s in sentences(seed) if s.suggested]
    assert list(found.candidates) == candidates(seed)
    assert [c.reason for c in found.candidates[:3]] == [
        "not a single body vs 27 bodies",
        "27 bodies vs not any Russian bodies",
        "1,200 vs 1,212 bodies",
    ]


def test_chunks_come_back_whole_and_in_order_with_a_pause_between_two(seed: Article) -> None:
    one = compute(seed.text)
    many = Offered(one.sentences * 150, one.candidates * 100)  # several chunks of each
    stream = io.BytesIO()
    send(many, stream)
    stream.seek(0)
    pauses: list[int] = []
    back = receive(stream, lambda: pauses.append(stream.tell()))
    assert back == many
    chunks = -(-len(many.sentences) // CHUNK) + -(-len(many.candidates) // CHUNK)
    assert len(pauses) == chunks and pauses == sorted(set(pauses))


def test_a_stream_cut_short_is_an_error(seed: Article) -> None:
    stream = io.BytesIO()
    send(compute(seed.text), stream)
    data = stream.getvalue()
    with pytest.raises(pickle.UnpicklingError):  # in the middle of a chunk
        receive(io.BytesIO(data[: len(data) // 2]))
    with pytest.raises(EOFError):  # before the end
        receive(io.BytesIO(data[: data.rindex(pickle.dumps(None, pickle.HIGHEST_PROTOCOL))]))


def test_the_process_reads_the_text_and_sends_the_chunks(seed: Article) -> None:
    command = [sys.executable, "-m", "factmark.assist.offered"]
    done = subprocess.run(command, input=seed.text.encode(), capture_output=True, check=True)
    assert receive(io.BytesIO(done.stdout)) == compute(seed.text)
    assert offered.__name__ == "factmark.assist.offered"  # pickled under its own name


def test_a_dismissed_candidate_is_left_out_either_way_round(seed: Article) -> None:
    found = candidates(seed)
    first, second = found[0], found[2]
    dismissed = [
        Dismissal(quotes=[first.a.text, first.b.text], reason=first.reason),
        Dismissal(quotes=[second.b.text, second.a.text], reason=second.reason),
    ]
    assert open_candidates(found, dismissed) == [found[1], *found[3:]]


def test_suggest_lists_the_candidates_not_dismissed(seed: Article) -> None:
    from factmark.model import AnnotationFile

    best = candidates(seed)[0]
    document = AnnotationFile(
        article="seed.txt", dismissed=[Dismissal(quotes=[best.a.text, best.b.text])]
    )
    listed = report(seed, "seed.txt", document)["contradictions"]
    assert [c["reason"] for c in listed] == [c.reason for c in candidates(seed)[1:]]
    assert report(seed, "seed.txt")["contradictions"][0]["reason"] == best.reason


def test_scoring_in_a_process_gives_what_computing_here_gives(seed: Article) -> None:
    pauses: list[None] = []
    assert Scoring().result(seed.text, lambda: pauses.append(None)) == compute(seed.text)
    assert pauses


def test_a_process_stopped_before_it_answers_says_so(seed: Article) -> None:
    scoring = Scoring()
    scoring.stop()
    with pytest.raises(RuntimeError, match="exit status"):
        scoring.result(seed.text)
