"""Validation patterns: the ones that can backtrack exponentially are refused when a flow is built,
and answers checked against a pattern are kept short."""

from __future__ import annotations

from datetime import date

import pytest

from anzen.answers import PATTERN_MAX_TEXT, normalize
from anzen.errors import AnswerError
from anzen.model.runtime import Text, TextQuestion, TextValidation
from anzen.patterns import backtracks

SLOW = [r"(a+)+$", r"(\w+\s?)*株式会社", r"(\d+-?)+$", r"(a*)*b", r"(x+x+)+y", r"(\d{2,4})+$", r"^(([a-z])+.)+[A-Z]([a-z])+$",
        r"(a|b+)*c", r"((ab)*)+c", r"(?=(a+)+)b", r"(a+a)+b", r"([^,]*,?)*;", r"(\d+[^0-9])+$", r"(?:\S+\s?)+$"]
SAFE = [r"[0-9]+(-[0-9]+)*", r"\d{3}-\d{4}", r"(?:[0-9]{1,3},)*[0-9]+", r"[0-9０-９()（）+\- ー－]+", r"(?:\d+-?)++$",
        r"(?>(\d+-?)+)$", r"(\d+[-/])+$", r"(\w+-)+x", r"(\d+\D)+$", r"(?:\S+\s)+$", r"([^,]+,)*;", r"[A-Z]{2}\d{6}", r"株式会社.+"]


@pytest.mark.parametrize("pattern", SLOW)
def test_patterns_that_backtrack_are_found(pattern: str) -> None:
    assert backtracks(pattern)


@pytest.mark.parametrize("pattern", SAFE)
def test_usual_patterns_are_not_reported(pattern: str) -> None:
    assert not backtracks(pattern)


def question(**validation) -> TextQuestion:
    return TextQuestion(id="tel", kind="text", prompt=Text(ja="電話番号", en="Phone"), validation=TextValidation(**validation))


def test_an_answer_checked_against_a_pattern_is_kept_short_unless_max_length_says_otherwise() -> None:
    long = "1" * (PATTERN_MAX_TEXT + 1)
    with pytest.raises(AnswerError, match="1,000"):
        normalize(question(pattern=r"[0-9]+"), long, date(2026, 4, 1))
    assert normalize(question(pattern=r"[0-9]+", max_length=5000), long, date(2026, 4, 1)) == long
    assert normalize(question(), long, date(2026, 4, 1)) == long  # no pattern: the general limit only
