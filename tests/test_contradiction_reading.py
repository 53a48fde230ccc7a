"""How the contradiction finder reads a sentence: figures, zeros, roles, days, spans."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from factmark.article import Article
from factmark.assist.contradictions import candidates
from factmark.assist.lexicon import ordered
from factmark.assist.mentions import Mention, mentions
from factmark.assist.numbers import figures
from factmark.assist.tokens import Sentence, tokenize
from factmark.assist.when import days, spans

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_207cb1c8ae6ad8ea.txt"


# Reading figures, zeros, days and spans.


def _figures(text: str) -> list[tuple[float, str]]:
    tokens = tokenize(text)
    return [(figure.value, figure.currency) for figure in figures(tokens)]


def test_figures_are_read_as_digits_words_scales_and_currencies() -> None:
    assert _figures("Russia transferred 1,200 bodies and 3.2 million passengers flew") == [
        (1200.0, ""),
        (3_200_000.0, ""),
    ]
    assert _figures("a budget of two billion yen and $4.5bn") == [
        (2_000_000_000.0, "yen"),
        (4_500_000_000.0, "dollar"),
    ]
    assert _figures("twenty-seven bodies, a hundred flights, one hundred and five trees") == [
        (27.0, ""),
        (100.0, ""),
        (105.0, ""),
    ]


def test_years_days_of_the_month_ordinals_and_vague_amounts_are_not_figures() -> None:
    assert _figures("In 2019, on June 13 and on 4 May, the 12th round drew hundreds") == []


def test_a_time_of_day_is_one_token_and_no_figure() -> None:
    text = "Polls closed at 10pm and 4,000 votes were counted by 4.15am on Friday."
    sentence = Sentence(1, 0, len(text), text, 0)
    clocks = [(t.text, t.kind) for t in sentence.tokens if t.kind == "clock"]
    assert clocks == [("10pm", "clock"), ("4.15am", "clock")]
    assert _figures(text) == [(4000.0, "")]
    assert len(set(sentence.clause_of[:-1])) == 1  # "on Friday" is still the counting's
    assert [t.text for t in tokenize("The 9:47 p.m. alarm and the 9 AM start")][1:6] == [
        "9:47 p.m.", "alarm", "and", "the", "9 AM"
    ]  # fmt: skip
    assert _figures("3.2m people walked 221km") == [(3_200_000.0, ""), (221.0, "")]


def test_a_rounded_figure_holds_the_values_it_rounds() -> None:
    (rounded,) = figures(tokenize("3.2 million passengers"))
    assert rounded.tolerance == 50_000


def _mentions(text: str) -> list[Mention]:
    return mentions(Sentence(1, 0, len(text), text, 0))


def test_a_count_knows_its_noun_its_verb_and_the_names_of_its_kind() -> None:
    (count,) = _mentions("Russia transferred 1,200 bodies of deceased Ukrainian soldiers.")
    assert (count.value, count.noun, count.verbs) == (1200.0, "body", frozenset({"transfer"}))
    assert count.kinds == {"ukrainian"} and count.plain


def test_zeros_said_in_words_are_counts_of_nothing() -> None:
    cases = {
        "Ukraine has not returned a single body.": ("body", "not a single body"),
        "No flights were cancelled on Monday.": ("flight", "No flights"),
        "None of the patients was harmed.": ("patient", "None of the patients"),
        "Nobody was killed in the flooding.": ("person", "Nobody"),
        "The fire service said no one had been killed.": ("person", "no one"),
        "Ukraine has not returned any Russian bodies.": ("body", "not any Russian bodies"),
    }
    for text, (noun, surface) in cases.items():
        (zero,) = _mentions(text)
        assert zero.zero and zero.value == 0
        assert (zero.noun, zero.surface) == (noun, surface), text


def test_what_makes_a_figure_other_than_the_plain_count_of_its_event() -> None:
    cases = {
        "Of the 340 flights, 210 flights were domestic.": {"whole"},
        "The remaining 130 members continued to work.": {"part"},
        "It cancelled 40 flights, up from 55 flights a week earlier.": {"change"},
        "The council plans to plant 5,000 trees by 2030.": {"target"},
        "So far it has planted 2,300 trees.": {"partial"},
        "It laid off 120 staff, about a third of its workforce.": {"share"},
        "In total, 60,000 sandbags were handed out.": {"total"},
    }
    for text, roles in cases.items():
        found = [m for m in _mentions(text) if m.roles]
        assert found and roles <= found[-1].roles, text


def test_ranges_say_how_far_a_figure_reaches() -> None:
    (over,) = _mentions("More than 5,000 residents were evacuated.")
    (about,) = _mentions("About 1,300 homes were flooded.")
    assert (over.low, over.high) == (5000, float("inf"))
    assert about.low < 1300 < about.high


def test_weekdays_dates_and_spans_of_an_event_are_read() -> None:
    opened = days(Sentence(1, 0, 0, "The bridge opened on Monday, June 13.", 0))
    assert [(d.kind, d.value) for d in opened] == [("weekday", "monday"), ("date", "june 13")]
    strike = spans(Sentence(1, 0, 0, "The union called a three-week strike.", 0))
    assert [(s.value, s.thing) for s in strike] == [("21", "strike")]
    lasted = spans(Sentence(1, 0, 0, "The strike lasted five weeks.", 0))
    assert [s.value for s in lasted] == ["35"]


def test_a_span_relative_to_another_time_or_an_age_is_not_a_duration() -> None:
    for text in (
        "Two weeks into the strike, talks resumed.",
        "The announcement came two days after the talks.",
        "A 45-year-old man was arrested.",
    ):
        assert spans(Sentence(1, 0, 0, text, 0)) == [], text


# What loads when.


def _loaded(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", f"import sys; {code}"], capture_output=True, text=True, check=True
    )
    return result.stdout


def test_finding_candidates_loads_no_textual_and_the_command_line_loads_no_assist() -> None:
    found = _loaded(
        "from factmark.article import Article; "
        "from factmark.assist.contradictions import candidates; "
        f"candidates(Article.read({str(SEED)!r})); "
        "print('textual' in sys.modules, 'text_to_num' in sys.modules)"
    )
    assert found == "False True\n"
    assert _loaded(
        "import factmark.cli; print('factmark.assist' in sys.modules, 'text_to_num' in sys.modules)"
    ) == ("False False\n")


def test_number_words_are_read_only_when_an_article_has_some() -> None:
    assert _loaded(
        "from factmark.article import Article; "
        "from factmark.assist.contradictions import candidates; "
        "candidates(Article('Officials said 1,200 bodies were returned.')); "
        "print('text_to_num' in sys.modules)"
    ) == ("False\n")


_PIECES = (
    *ordered(
        """1,200 0 3.2 million $4.5bn two twenty-seven a thousand bodies flights no not a
        single none of the nobody no one voted in favour of the 14 over about up from Monday
        June 13 three-week lasted weeks days , . ; In Kelby The Ukraine’s 2019 were was killed
        closed - — “ ” ( ) 45-year-old per cent % of whom hours minutes seconds time 12m
        staying remaining have has been on Cutter Road $95,000 roughly"""
    ),
    "2 hours 8 minutes 41 seconds",
    "in two years' time",
    "\u00a0",
    "\n",
    "\n\n",
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60))
def test_any_text_gives_candidates_of_whole_sentences_without_failing(words: list[str]) -> None:
    text = " ".join(words).strip() or "x"
    article = Article(text)
    for candidate in candidates(article):
        for span in (candidate.a, candidate.b):
            assert article.paragraph(span.paragraph).text[span.start : span.end] == span.text


def test_a_name_after_a_figure_and_a_verb_of_things_are_not_counts() -> None:
    assert _mentions("The agency cited 3,797 Reuters reports.") == []
    assert _mentions("Officials said 5,861 handed.") == []
    assert [m.noun for m in _mentions("Of the members, 29 voted in favour.")] == ["*vote"]
