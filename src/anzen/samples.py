"""Which answers to try for a question: the values that can make a difference to some condition.

- yes_no: yes / no / unsure; choice: every value (and unsure); multi_choice: every selection (up to 6
  choices; otherwise each single choice and all of them) and unsure;
- text: the texts conditions compare it with, plus one other text;
- number and date: every literal or default they are compared with, one below, the midpoints between and
  one above (a comparison with another answer joins both questions' anchors); the default first;
- optional questions: also skipped (None)."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from typing import Any

from anzen.answers import normalize
from anzen.conditions import BLOCK, Cmp, Cond, Not, Ref
from anzen.errors import AnswerError
from anzen.model.runtime import (
    ChoiceQuestion, DateQuestion, MultiChoiceQuestion, NumberQuestion, TextQuestion, YesNoQuestion,
)
from anzen.plan import Plan

SAMPLE_TEXT = "sample"

Key = tuple[str | None, str]  # (group id or None, question id): a block question or an outer one


def key_of(ref: Ref, group: str | None) -> Key:
    return (group, ref.id) if ref.scope == BLOCK else (None, ref.id)


class Samples:
    """The comparisons a plan makes on each question, and the sample answers that cover them."""

    def __init__(self, plan: Plan, today: date) -> None:
        self.plan, self.today = plan, today
        self.compares: dict[Key, list[tuple[Cmp, Key | None]]] = {}  # question → comparisons (and the other answer's key)
        for node in plan.nodes:
            self._index(node.when, None)
            for child in node.children:
                self._index(child.when, node.id)
        for binding in plan.bindings:
            self._index(binding.when, None)
            for outcome in binding.outcomes.values():
                for rule in outcome.rules:
                    self._index(rule.when, outcome.for_each)  # block refs of a for_each rule are the group's

    def _index(self, cond: Cond | None, group: str | None) -> None:
        if cond is None:
            return
        if isinstance(cond, Cmp):
            mine = key_of(cond.ref, group)
            other = key_of(cond.other, group) if cond.other is not None else None
            self.compares.setdefault(mine, []).append((cond, other))
            if other is not None:
                self.compares.setdefault(other, []).append((cond, mine))
            return
        for item in (cond.item,) if isinstance(cond, Not) else cond.items:
            self._index(item, group)

    def question(self, key: Key) -> Any:
        group, qid = key
        if group is None:
            return self.plan.by_id[qid].question
        return self.plan.by_id[group].child(qid).question

    def when_of(self, key: Key) -> Cond | None:
        group, qid = key
        return self.plan.by_id[qid].when if group is None else self.plan.by_id[group].child(qid).when

    def domain(self, key: Key) -> list[Any]:
        question = self.question(key)
        values: list[Any]
        if isinstance(question, YesNoQuestion):
            values = ["yes", "no", "unsure"]
        elif isinstance(question, ChoiceQuestion):
            values = [ch.value for ch in question.choices] + (["unsure"] if question.allow_unsure else [])
        elif isinstance(question, MultiChoiceQuestion):
            values = _subsets(question)
        elif isinstance(question, TextQuestion):
            values = [v for c, other in self.compares.get(key, ()) if c.op in ("equals", "in") and other is None
                      for v in (c.value if isinstance(c.value, list) else [c.value]) if isinstance(v, str)]
            other = question.default if question.default and question.default not in values else SAMPLE_TEXT
            values = list(dict.fromkeys([*values, other]))
        elif isinstance(question, (NumberQuestion, DateQuestion)):
            values = self._ordered_samples(key, question)
            default = getattr(question, "default", None)
            default = self.today.isoformat() if default == "today" else default
            if default in values:  # the default first: the sample answers then read like a real interview
                values = [default, *(v for v in values if v != default)]
        else:
            values = [SAMPLE_TEXT]
        if not question.required:
            values.append(None)
        return [v for v in values if self._valid(question, v)]

    def _valid(self, question: Any, value: Any) -> bool:
        try:
            normalize(question, value, self.today)
        except AnswerError:
            return False
        return True

    def _anchors(self, key: Key, seen: set[Key]) -> list[Any]:
        if key in seen:
            return []
        seen.add(key)
        question = self.question(key)
        found: list[Any] = []
        default = getattr(question, "default", None)
        if default is not None:
            found.append(self.today.isoformat() if default == "today" else default)
        for cmp, other in self.compares.get(key, ()):
            if other is not None:
                found.extend(self._anchors(other, seen))
            elif cmp.op in ("equals", "in", "gt", "gte", "lt", "lte"):
                found.extend(cmp.value if isinstance(cmp.value, list) else [cmp.value])
        return found

    def _ordered_samples(self, key: Key, question: Any) -> list[Any]:
        is_date = isinstance(question, DateQuestion)
        raw = self._anchors(key, set())
        if is_date:
            points = sorted({date.fromisoformat(a) for a in raw if isinstance(a, str) and _is_iso(a)})
            if not points:
                return [self.today.isoformat()]
            samples = [points[0] - timedelta(days=1), *points]
            samples += [a + (b - a) / 2 for a, b in itertools.pairwise(points) if (b - a).days > 1]
            samples.append(points[-1] + timedelta(days=1))
            return [d.isoformat() for d in sorted(set(samples))]
        numbers = sorted({float(a) for a in raw if isinstance(a, (int, float)) and not isinstance(a, bool)})
        validation = question.validation
        if not numbers:
            return [validation.min if validation and validation.min is not None else 1]
        step = 1.0
        samples_n = [numbers[0] - step, *numbers, numbers[-1] + step]
        samples_n += [(a + b) / 2 for a, b in itertools.pairwise(numbers)]
        if validation and validation.integer:
            samples_n = [float(int(s)) for s in samples_n if s == int(s)]
        return [int(s) if s == int(s) else s for s in sorted(set(samples_n))]

    def filler(self, question: Any) -> Any:
        """An answer for a required question that does not matter here."""
        for value in self.domain_for_filler(question):
            if self._valid(question, value):
                return value
        return None

    def domain_for_filler(self, question: Any) -> list[Any]:
        if isinstance(question, YesNoQuestion):
            return ["yes"]
        if isinstance(question, (ChoiceQuestion, MultiChoiceQuestion)):
            first = question.choices[0].value
            return [first if isinstance(question, ChoiceQuestion) else [first]]
        if isinstance(question, DateQuestion):
            return [self.today.isoformat()]
        if isinstance(question, NumberQuestion):
            v = question.validation
            return [v.min if v and v.min is not None else 1]
        default = getattr(question, "default", None)
        return [default, SAMPLE_TEXT] if default else [SAMPLE_TEXT]


def _is_iso(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _subsets(question: MultiChoiceQuestion) -> list[Any]:
    values = [ch.value for ch in question.choices]
    if len(values) <= 6:
        picks = [list(c) for n in range(len(values) + 1) for c in itertools.combinations(values, n)]
    else:
        picks = [[], *([v] for v in values), values]
    picks = [p for p in picks if (question.max_selected is None or len(p) <= question.max_selected)]
    if question.allow_unsure:
        picks.append(["unsure"])
    return picks
