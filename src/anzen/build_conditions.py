"""Build stage, the conditions: a flow's `when` and its comparisons compiled into anzen.conditions,
each name resolved to the question it means, with every problem recorded where it is written
(a question asked later, unknown, or compared with what it cannot answer)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from anzen import conditions as c
from anzen.errors import Problem, did_you_mean
from anzen.loader import Loaded
from anzen.model import runtime as m
from anzen.model.runtime import (
    ChoiceQuestion, DateQuestion, Flow, GroupQuestion, Include, InfoMessage, MultiChoiceQuestion, NumberQuestion,
    TextQuestion, YesNoQuestion,
)
from anzen.plan import PLACEHOLDER

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
YES_NO_VALUES = ("yes", "no", "unsure")


def allowed_values(question: Any) -> tuple[Any, ...] | None:
    """The finite set of answers a question can take, or None when it is open."""
    if isinstance(question, YesNoQuestion):
        return YES_NO_VALUES
    if isinstance(question, ChoiceQuestion):
        return tuple(ch.value for ch in question.choices) + (("unsure",) if question.allow_unsure else ())
    return None


@dataclass
class Scope:
    """What a condition at one place may refer to."""

    flow: Flow
    prefix: str
    order: dict[str, int]  # local id → position in the flow
    models: dict[str, Any]  # local id → question model
    share: dict[str, c.Ref]
    position: int | None  # None: anywhere (outcomes, header)
    block: dict[str, Any] | None = None  # group child id → model
    block_order: dict[str, int] | None = None
    block_position: int | None = None
    emitted: dict[str, Any] = field(default_factory=dict)  # full ids emitted so far (included flows)


class ConditionBuilder:
    """Part of the plan builder (anzen.build): what it compiles conditions and placeholders with."""

    problems: list[Problem]
    problem: Any  # the builder's: records a problem at a place in a file

    def resolve(self, name: str, scope: Scope, loaded: Loaded[Any], loc: tuple[Any, ...], subject: str) -> tuple[c.Ref, Any] | None:
        if scope.block is not None and name in scope.block:
            assert scope.block_order is not None
            if scope.block_position is not None and scope.block_order[name] >= scope.block_position:
                self.problem("asked-later", f"condition refers to '{name}' which is asked later in the block", loaded, loc, subject)
                return None
            return c.Ref(id=name, scope=c.BLOCK), scope.block[name]
        if name in scope.share:
            ref = scope.share[name]
            return ref, self.models.get(ref.id)
        if name in scope.order:
            model = scope.models[name]
            if isinstance(model, (InfoMessage, Include)):
                self.problem("unknown-question", f"'{name}' is {'an info message' if isinstance(model, InfoMessage) else 'an include'}, not a question with an answer", loaded, loc, subject)
                return None
            if scope.position is not None and scope.order[name] >= scope.position:
                earlier = [q for q, pos in scope.order.items() if pos < scope.position and not isinstance(scope.models[q], (InfoMessage, Include))]
                hint = did_you_mean(name, earlier)
                where = "at the same point" if scope.order[name] == scope.position else "later"
                self.problem("asked-later", f"condition refers to '{name}' which is asked {where}", loaded, loc, subject, hint)
                return None
            return c.Ref(id=scope.prefix + name), model
        full = scope.prefix + name
        if full in scope.emitted:
            return c.Ref(id=full), scope.emitted[full]
        candidates = list(scope.order) + list(scope.block or ())  # later ones too: the fix may be to move it
        self.problem("unknown-question", f"condition refers to '{name}' which is not a question of this flow", loaded, loc, subject, did_you_mean(name, candidates))
        return None

    # -- conditions ------------------------------------------------------
    def condition(self, cond: Any, scope: Scope, loaded: Loaded[Any], loc: tuple[Any, ...], subject: str) -> c.Cond | None:
        if cond is None:
            return None
        if isinstance(cond, m.AllOf):
            return c.All(items=tuple(self.condition(x, scope, loaded, (*loc, "all", i), subject) or c.All(items=()) for i, x in enumerate(cond.all)))
        if isinstance(cond, m.AnyOf):
            return c.AnyOf(items=tuple(self.condition(x, scope, loaded, (*loc, "any", i), subject) or c.All(items=()) for i, x in enumerate(cond.any)))
        if isinstance(cond, m.NotOf):
            inner = self.condition(cond.not_, scope, loaded, (*loc, "not"), subject)
            return c.Not(item=inner) if inner is not None else c.All(items=())
        assert isinstance(cond, m.Compare)
        resolved = self.resolve(cond.question, scope, loaded, (*loc, "question"), subject)
        if resolved is None:
            return c.All(items=())  # keep going: the problem is recorded
        ref, target = resolved
        op, operand = cond.operator, cond.operand
        other = None
        if isinstance(operand, m.AnswerRef):
            other_resolved = self.resolve(operand.question, scope, loaded, (*loc, op), subject)
            if other_resolved is None:
                return c.All(items=())
            other, other_model = other_resolved
            if target is not None and other_model is not None and type(other_model) is not type(target):
                self.problem("not-comparable", f"'{cond.question}' and '{operand.question}' are different kinds of question ({target.kind}, {other_model.kind})", loaded, (*loc, op), subject)
            operand = None
        if target is not None:
            self.check_comparison(cond.question, target, op, operand, other is not None, loaded, (*loc, op), subject)
        return c.Cmp(ref=ref, op=op, value=operand, other=other)

    def check_comparison(self, name: str, target: Any, op: str, operand: Any, is_ref: bool, loaded: Loaded[Any], loc: tuple[Any, ...], subject: str) -> None:
        kind = target.kind
        if op == "answered":
            return
        ordered = op in ("gt", "gte", "lt", "lte")
        if isinstance(target, GroupQuestion):
            self.problem("not-comparable", f"'{name}' is a group: only 'answered' applies to it", loaded, loc, subject)
            return
        if op == "includes" and not isinstance(target, MultiChoiceQuestion):
            self.problem("not-comparable", f"'includes' applies to multi_choice questions; '{name}' is {kind}", loaded, loc, subject)
            return
        if isinstance(target, MultiChoiceQuestion) and op != "includes":
            self.problem("not-comparable", f"'{name}' is multi_choice: use 'includes' (or 'answered')", loaded, loc, subject)
            return
        if ordered and not isinstance(target, (NumberQuestion, DateQuestion)):
            self.problem("not-comparable", f"'{op}' applies to number and date questions; '{name}' is {kind}", loaded, loc, subject)
            return
        if is_ref:
            return
        values = operand if op == "in" else [operand]
        allowed = allowed_values(target)
        if isinstance(target, MultiChoiceQuestion):
            allowed = tuple(ch.value for ch in target.choices) + (("unsure",) if target.allow_unsure else ())
        for value in values:
            if allowed is not None and value not in allowed:
                hint = did_you_mean(str(value), [str(a) for a in allowed])
                if isinstance(value, bool):
                    hint = "Write yes, no or unsure (quoted or not), not true/false."
                self.problem("unknown-value", f"'{name}' cannot be {value!r}; its answers are: {', '.join(map(str, allowed))}", loaded, loc, subject, hint)
            elif isinstance(target, NumberQuestion) and (isinstance(value, bool) or not isinstance(value, (int, float))):
                self.problem("not-comparable", f"'{name}' is a number question; {value!r} is not a number", loaded, loc, subject)
            elif isinstance(target, DateQuestion) and not (isinstance(value, str) and DATE.match(value)):
                self.problem("not-comparable", f"'{name}' is a date question; write dates as YYYY-MM-DD (got {value!r})", loaded, loc, subject)
            elif isinstance(target, TextQuestion) and not isinstance(value, str):
                self.problem("not-comparable", f"'{name}' is a text question; compare it with text (got {value!r})", loaded, loc, subject)

    # -- texts and references ---------------------------------------------
    def placeholders(self, texts: list[Any], scope: Scope, loaded: Loaded[Any], loc: tuple[Any, ...], subject: str) -> dict[str, c.Ref]:
        names: dict[str, c.Ref] = {}
        for text in texts:
            if text is None:
                continue
            for value in (text.ja, text.en or ""):
                if "{" not in value:  # (most texts: no placeholder to look for)
                    continue
                for name in PLACEHOLDER.findall(value):
                    if name in names:
                        continue
                    before = len(self.problems)
                    resolved = self.resolve(name, scope, loaded, loc, subject)
                    if resolved is None:
                        for i in range(before, len(self.problems)):  # say it as a placeholder problem
                            p = self.problems[i]
                            self.problems[i] = Problem("bad-placeholder", p.message.replace("condition refers to", f"{{{name}}} refers to"), p.file, p.line, p.subject, p.hint)
                    else:
                        names[name] = resolved[0]
        return names
