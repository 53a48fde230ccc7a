"""Choosing the text of a claim, without a terminal (``factmark.textrange``)."""

from __future__ import annotations

from factmark.textrange import TextRange, by_sentence, by_word

TEXT = "Russia sent 1,200 bodies. Ukraine counted them."


def test_a_range_spans_its_ends_in_either_order() -> None:
    chosen = TextRange(2, 12, 5)
    assert chosen.span == (5, 12)
    assert chosen.swapped() == TextRange(2, 5, 12)
    assert chosen.moved_to(20) == TextRange(2, 12, 20)


def test_a_word_forward_goes_past_the_next_words_end() -> None:
    assert by_word(TEXT, 0, 1) == 6  # "Russia"
    assert by_word(TEXT, 6, 1) == 11  # " sent"
    assert by_word(TEXT, 11, 1) == 13  # " 1": a comma ends a word
    assert by_word(TEXT, len(TEXT), 1) == len(TEXT)


def test_a_word_back_goes_to_the_word_before_and_the_spaces_before_it() -> None:
    assert by_word(TEXT, 11, -1) == 6  # from after "sent" to after "Russia"
    assert by_word(TEXT, 26, -1) == 17  # past ". " and "bodies" and its space
    assert by_word(TEXT, 0, -1) == 0


def test_a_sentence_step_goes_to_the_end_or_start_of_the_sentence() -> None:
    second = TEXT.index("Ukraine")
    assert by_sentence(TEXT, 3, 1) == TEXT.index(".") + 1
    assert by_sentence(TEXT, 3, -1) == 0
    assert by_sentence(TEXT, second + 3, -1) == second
    assert by_sentence(TEXT, 0, 1) == TEXT.index(".") + 1  # the sentence of offset 0
