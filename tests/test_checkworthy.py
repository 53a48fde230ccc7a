"""The check-worthiness model: its features, its reasons, its file and its scores."""

from __future__ import annotations

import base64
import json
import zlib
from pathlib import Path

import pytest

from factmark.assist import checkworthy
from factmark.assist.checkworthy import Model, ModelError, load
from factmark.assist.cues import REASONS
from factmark.assist.features import (
    BUCKETS,
    feature_names,
    features,
    reasons,
    speaker_label,
    without_speaker,
)

# --- reasons: each one true of the sentence, and only then ------------------------

HOLDS = [
    ("number", "Ukraine had returned 27 bodies."),
    ("number", "Nearly two thirds of voters agreed."),
    ("quantity", "Unemployment rose to 7.2 percent."),
    ("quantity", "The repairs will cost $4.2 million."),
    ("quantity", "Russia transferred 1,200 bodies."),
    ("quantity", "Three hundred soldiers were freed."),
    ("date", "The talks were held on June 2."),
    ("date", "It has been the case since 2008."),
    ("date", "The figures came out last year."),
    ("date", "We created 1,400 jobs in the last two years."),
    ("date", "We spent more than we did five years ago."),
    ("attribution", "The figure is 40, according to Interfax."),
    ("attribution", "Medinsky said the transfer would begin."),
    ("attribution", "She told reporters it was over."),
    ("comparison", "Our deficit is bigger than theirs."),
    ("comparison", "Prices are twice as high as in Ohio."),
    ("comparison", "Crime fell, compared with 2010."),
    ("superlative", "It was the largest deficit in our history."),
    ("superlative", "This is the biggest tax increase."),
    ("superlative", "Turnout hit a record."),
    ("superlative", "Profits rose to record highs."),
    ("superlative", "Crime is lower than ever."),
    ("causal", "Prices rose because of the drought."),
    ("causal", "The strike led to shortages."),
    ("quote", "He called it “a hard choice, but the right one.”"),
    ("quote", "A formula described as ‘6,000 for 6,000.’"),
    ("change", "Class sizes have grown to 34."),
    ("change", "The wells dropped by two metres."),
    ("change", "Wages have fallen since the war."),
    ("change", "They raised taxes twice."),
    ("change", "They raised the minimum wage."),
    ("change", "Prices had steadily risen."),
    ("change", "We've grown the economy."),
]

FAILS = [
    ("number", "We will never give up on this town."),
    ("quantity", "It has been the case since 2008 because of them."),
    ("quantity", "On June 13 the talks resumed."),
    ("quantity", "It will matter in the 21st century."),
    ("date", "I may go there."),
    ("attribution", "We will build a bridge."),
    ("comparison", "Then we went home."),
    ("superlative", "It is in the interest of the west."),
    ("superlative", "He was honest about the contest."),
    ("superlative", "Mr. Nixon has stated the record inaccurately."),
    ("superlative", "Have you ever been there?"),
    ("attribution", "And God bless the United States of America."),
    ("attribution", "So I want to say that, with the Nunn-Lugar thing."),
    ("causal", "The talks went well."),
    ("quote", "It's the town's own plan, isn't it?"),
    ("change", "I grew up here."),
    ("change", "Every drop counts."),
    ("change", "The repatriation of fallen soldiers began."),
    ("change", "This asymmetry has raised questions about trust."),
    ("change", "They are grown men."),
    ("change", "She has grown up in Ohio."),
]


@pytest.mark.parametrize(("reason", "sentence"), HOLDS)
def test_a_reason_holds_of_a_sentence_that_has_it(reason: str, sentence: str) -> None:
    assert reason in reasons(sentence)


@pytest.mark.parametrize(("reason", "sentence"), FAILS)
def test_a_reason_does_not_hold_of_a_sentence_without_it(reason: str, sentence: str) -> None:
    assert reason not in reasons(sentence)


def test_reasons_come_from_the_fixed_vocabulary_in_its_order() -> None:
    found = reasons("Medinsky said on June 2 that 1,212 bodies, the most ever, came back.")
    assert found == ["number", "quantity", "date", "attribution", "superlative"]
    assert set(found) <= set(REASONS)


# --- a transcript's speaker label is not part of the sentence --------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("MODERATOR: Good evening.", "MODERATOR"),
        ("TRUMP: We're losing 50 percent.", "TRUMP"),
        ("Hillary Clinton: That is not true.", "Hillary Clinton"),
        ("SANDERS (I-VT): Wages fell.", "SANDERS"),
        ("SEN. WARREN (D): Wages fell.", "SEN. WARREN"),
        ("The figure: 1,200 bodies.", None),
        ("Wrong.", None),
    ],
)
def test_a_leading_speaker_label_is_recognised(text: str, label: str | None) -> None:
    assert speaker_label(text) == label


def test_the_speaker_label_adds_no_feature() -> None:
    said = "We're consuming 50 percent of the world's cocaine."
    assert without_speaker(f"DUKAKIS: {said}") == said
    assert feature_names(f"DUKAKIS: {said}") == feature_names(said)
    assert reasons("MODERATOR: Thank you.") == []


def test_figures_are_read_by_their_shape_and_years_as_years() -> None:
    names = feature_names("In 2016 they sent 1,200 bodies.")
    assert "w:<year>" in names and "w:9,999" in names
    assert "b:sent 9,999" in names


@pytest.mark.parametrize(
    "sentence",
    ["TRUMP: We lost 70,000 factories since 2001.", "Is it true?", "I think — “no” — ünïcode."],
)
def test_the_indices_are_those_of_the_feature_names(sentence: str) -> None:
    # analyse chains the CRC of "w:" and "b:" rather than building each name.
    from factmark.assist.features import _index, analyse

    reading = analyse(sentence)
    assert sorted(reading.indices) == sorted({_index(name) for name in feature_names(sentence)})
    assert reading.reasons == reasons(sentence)


def test_the_table_of_tokens_seen_stays_bounded_and_changes_no_index(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from factmark.assist import features as module

    sentence = "Russia transferred 1,200 bodies of soldiers to Ukraine on Friday."
    expected = sorted(module.analyse(sentence).indices)
    monkeypatch.setattr(module, "_TOKENS", {})
    monkeypatch.setattr(module, "_TOKENS_KEPT", 3)
    assert sorted(module.analyse(sentence).indices) == expected
    assert len(module._TOKENS) <= 3


def test_features_are_indices_stable_across_processes() -> None:
    # crc32, not hash(): the same sentence reads the same weights in every process.
    indices = features("Russia transferred 1,200 bodies.")
    assert indices == sorted(set(indices))
    assert all(0 <= index < BUCKETS for index in indices)
    assert zlib.crc32(b"bias") & (BUCKETS - 1) in indices


# --- the model file, and scores -------------------------------------------------


def _model_file(path: Path, weights: bytes, **overrides: object) -> Path:
    document: dict[str, object] = {
        "format": checkworthy.FORMAT,
        "buckets": BUCKETS,
        "weights": base64.b64encode(zlib.compress(weights)).decode("ascii"),
    }
    document.update(overrides)
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _one_weight(name: str, value: float) -> bytes:
    from array import array

    weights = array("f", bytes(4 * BUCKETS))
    weights[zlib.crc32(name.encode()) & (BUCKETS - 1)] = value
    return weights.tobytes()


def test_a_score_is_the_models_probability_with_the_reasons(tmp_path: Path) -> None:
    model = load(_model_file(tmp_path / "m.json", _one_weight("cue:number", 2.0)))
    score, why = model.score("They sent 1,200 bodies back home.")
    assert score == pytest.approx(0.8808, abs=1e-4)  # sigmoid(2)
    assert why == ["number", "quantity"]
    assert model.score("They sent the bodies back home today.") == (0.5, [])


def test_a_sentence_of_fewer_than_five_words_is_scored_down_in_proportion(tmp_path: Path) -> None:
    model = load(_model_file(tmp_path / "m.json", bytes(4 * BUCKETS)))
    assert model.score("Wrong.")[0] == pytest.approx(0.5 / 5)
    assert model.score("TRUMP: That is not true.")[0] == pytest.approx(0.5 * 4 / 5)
    assert model.score("That is simply not true.")[0] == 0.5


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (None, "No such file"),
        ("{", "unreadable"),
        ('{"format": "other/1"}', "not a factmark-checkworthy/1 model"),
        ('{"format": "factmark-checkworthy/1", "buckets": 262144, "weights": "@@"}', "unreadable"),
    ],
)
def test_a_model_file_that_cannot_be_used_says_why(
    tmp_path: Path, content: str | None, says: str
) -> None:
    path = tmp_path / "model.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ModelError, match=says):
        load(path)


def test_a_model_with_the_wrong_number_of_weights_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="weights, expected"):
        load(_model_file(tmp_path / "m.json", bytes(4 * 10)))


def test_the_shipped_model_is_small_and_ranks_a_figure_above_a_greeting() -> None:
    assert checkworthy.MODEL_FILE.stat().st_size <= 5 * 1024 * 1024
    (claim, why), (greeting, _) = checkworthy.score_all(
        ["Unemployment has doubled to 14 percent since 2008.", "Thank you all for coming."]
    )
    assert claim >= 0.5 > greeting
    assert {"number", "quantity", "date", "change"} <= set(why)
    assert isinstance(checkworthy.shipped(), Model)
