"""Answer values: one normal form per kind of question, and the checks that validation asks for.

Normal forms (what reports and the store hold): yes_no → 'yes' | 'no' | 'unsure';
choice → its value; multi_choice → list of values; text → str; number → int | float;
date → 'YYYY-MM-DD'; group → list of blocks (dicts of the block's answers); skipped → None."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any

from anzen.errors import AnswerError
from anzen.model.runtime import (
    ChoiceQuestion, DateQuestion, MultiChoiceQuestion, NumberQuestion, TextQuestion, YesNoQuestion,
)
from anzen.wareki import format_date, parse_date

YES_NO_WORDS = {
    "yes": "yes", "y": "yes", "はい": "yes", "true": "yes",
    "no": "no", "n": "no", "いいえ": "no", "false": "no",
    "unsure": "unsure", "?": "unsure", "わからない": "unsure", "分からない": "unsure", "not sure": "unsure",
}
YES_NO_LABELS = {"yes": ("はい", "Yes"), "no": ("いいえ", "No"), "unsure": ("わからない", "Not sure")}
UNSURE_LABEL = ("わからない", "Not sure")
MAX_TEXT = 20_000
PATTERN_MAX_TEXT = 1_000  # an answer checked against a flow's pattern, when the question sets no max_length (see anzen.patterns)


def _bound(value: str | None, today: date) -> date | None:
    if value is None:
        return None
    return today if value == "today" else date.fromisoformat(value)


def _fail(question: Any, ja: str, en: str) -> AnswerError:
    message = getattr(getattr(question, "validation", None), "message", None)
    if message is not None:
        return AnswerError(message.ja, message.en or message.ja)
    return AnswerError(ja, en)


def choice_values(question: Any) -> list[str]:
    values = [ch.value for ch in question.choices]
    return values + (["unsure"] if question.allow_unsure else [])


def normalize(question: Any, raw: Any, today: date) -> Any:
    """The answer in its normal form, or AnswerError saying (ja, en) what is wrong."""
    if raw is None or (isinstance(raw, str) and not raw.strip()) or raw == []:
        if question.required:
            raise AnswerError("回答してください。", "An answer is required.")
        return None
    if isinstance(question, YesNoQuestion):
        key = str(raw).strip().lower() if not isinstance(raw, bool) else ("yes" if raw else "no")
        if key not in YES_NO_WORDS:
            raise AnswerError("はい・いいえ・わからない のいずれかで答えてください（yes / no / unsure）。", f"Answer yes, no or unsure (got {raw!r}).")
        return YES_NO_WORDS[key]
    if isinstance(question, ChoiceQuestion):
        values = choice_values(question)
        if not isinstance(raw, str) or raw not in values:
            raise AnswerError(f"選択肢にない値です: {raw!r}（選べる値: {', '.join(values)}）", f"{raw!r} is not one of the choices: {', '.join(values)}.")
        return raw
    if isinstance(question, MultiChoiceQuestion):
        chosen = [raw] if isinstance(raw, str) else raw
        values = choice_values(question)
        if not isinstance(chosen, list) or not all(isinstance(v, str) for v in chosen):
            raise AnswerError(f"選択肢の値の一覧で答えてください（選べる値: {', '.join(values)}）。", f"Answer with a list of choice values: {', '.join(values)}.")
        wrong = [v for v in chosen if v not in values]
        if wrong:
            raise AnswerError(f"選択肢にない値です: {', '.join(map(repr, wrong))}（選べる値: {', '.join(values)}）", f"Not among the choices: {', '.join(map(repr, wrong))} (allowed: {', '.join(values)}).")
        chosen = list(dict.fromkeys(chosen))
        if "unsure" in chosen and len(chosen) > 1:
            raise AnswerError("「わからない」は他の選択肢と一緒に選べません。", "'Not sure' cannot be combined with other choices.")
        if question.min_selected is not None and len(chosen) < question.min_selected and chosen != ["unsure"]:
            raise AnswerError(f"{question.min_selected}つ以上選んでください。", f"Choose at least {question.min_selected}.")
        if question.max_selected is not None and len(chosen) > question.max_selected:
            raise AnswerError(f"{question.max_selected}つまで選べます。", f"Choose at most {question.max_selected}.")
        return [v for v in values if v in chosen]  # the flow's order, whatever order they came in
    if isinstance(question, TextQuestion):
        if not isinstance(raw, str):
            raise AnswerError(f"文字で答えてください（{type(raw).__name__} が与えられました。数字だけの場合は引用符で囲んでください）。", f"Expected text, got {type(raw).__name__} (quote numbers that are meant as text).")
        text = raw.replace("\x00", "").strip()
        if len(text) > MAX_TEXT:
            raise AnswerError(f"{MAX_TEXT:,}文字以内で答えてください。", f"At most {MAX_TEXT:,} characters.")
        v = question.validation
        if v is not None:
            if v.min_length is not None and len(text) < v.min_length:
                raise _fail(question, f"{v.min_length}文字以上で答えてください。", f"At least {v.min_length} characters.")
            if v.max_length is not None and len(text) > v.max_length:
                raise _fail(question, f"{v.max_length}文字以内で答えてください。", f"At most {v.max_length} characters.")
            if v.pattern is not None and v.max_length is None and len(text) > PATTERN_MAX_TEXT:
                raise _fail(question, f"{PATTERN_MAX_TEXT:,}文字以内で答えてください。", f"At most {PATTERN_MAX_TEXT:,} characters.")
            if v.pattern is not None and re.fullmatch(v.pattern, text) is None:
                raise _fail(question, "入力の形式が正しくありません。", "The answer is not in the expected form.")
        return text
    if isinstance(question, NumberQuestion):
        number = _number(raw)
        v = question.validation
        if v is not None:
            if v.integer and number != int(number):
                raise _fail(question, "整数で答えてください。", "Answer with a whole number.")
            if v.min is not None and number < v.min:
                raise _fail(question, f"{_plain(v.min)}以上の数を答えてください。", f"The number must be at least {_plain(v.min)}.")
            if v.max is not None and number > v.max:
                raise _fail(question, f"{_plain(v.max)}以下の数を答えてください。", f"The number must be at most {_plain(v.max)}.")
        return int(number) if number == int(number) else number
    if isinstance(question, DateQuestion):
        if isinstance(raw, date):
            day = raw
        elif isinstance(raw, str):
            try:
                day = parse_date(raw)
            except ValueError:
                raise AnswerError("日付を 2026-04-01 や 令和8年4月1日 の形で答えてください。", f"Answer with a date such as 2026-04-01 (got {raw!r}).") from None
        else:
            raise AnswerError("日付を 2026-04-01 の形で答えてください。", f"Expected a date such as 2026-04-01, got {type(raw).__name__}.")
        v = question.validation
        if v is not None:
            low, high = _bound(v.min, today), _bound(v.max, today)
            if low is not None and day < low:
                raise _fail(question, f"{format_date(low.isoformat())}以降の日付を答えてください。", f"The date must be on or after {low.isoformat()}.")
            if high is not None and day > high:
                raise _fail(question, f"{format_date(high.isoformat())}以前の日付を答えてください。", f"The date must be on or before {high.isoformat()}.")
        return day.isoformat()
    raise AnswerError("この項目には回答できません。", f"'{question.id}' takes no answer here.")


def _plain(number: float) -> str:
    return str(int(number)) if number == int(number) else str(number)


def _number(raw: Any) -> float:
    if isinstance(raw, bool):
        raise AnswerError("数で答えてください。", "Answer with a number.")
    if isinstance(raw, (int, float)):
        value = float(raw)
    elif isinstance(raw, str):
        cleaned = unicodedata.normalize("NFKC", raw).replace(",", "").strip()
        try:
            value = float(cleaned)
        except ValueError:
            raise AnswerError("数で答えてください。", f"Answer with a number (got {raw!r}).") from None
    else:
        raise AnswerError("数で答えてください。", f"Answer with a number (got {type(raw).__name__}).")
    if value != value or value in (float("inf"), float("-inf")):
        raise AnswerError("数で答えてください。", "Answer with a finite number.")
    return value


def label_of(question: Any, value: Any, lang: str) -> str:
    """How an answer reads to a person."""
    if value is None:
        return "（回答なし）" if lang == "ja" else "(skipped)"
    i = 1 if lang == "en" else 0
    if isinstance(question, YesNoQuestion):
        return YES_NO_LABELS.get(value, (str(value),) * 2)[i]
    if isinstance(question, (ChoiceQuestion, MultiChoiceQuestion)):
        labels = {ch.value: ch.label.get(lang) for ch in question.choices} | {"unsure": UNSURE_LABEL[i]}
        if isinstance(value, list):
            return "、".join(labels.get(v, v) for v in value) if lang == "ja" else ", ".join(labels.get(v, v) for v in value)
        return labels.get(value, str(value))
    if isinstance(question, DateQuestion):
        return format_date(value, lang)
    if isinstance(question, NumberQuestion):
        unit = question.unit.get(lang) if question.unit else ""
        return f"{value}{unit}" if lang == "ja" else f"{value} {unit}".strip()
    if isinstance(value, list):  # a group
        return f"{len(value)}件" if lang == "ja" else f"{len(value)} item(s)"
    return str(value)
