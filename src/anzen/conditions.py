"""Compiled conditions and their evaluation (pure, no I/O).

The flow's condition models are compiled once into these small immutable nodes (Records, built by
keyword), with every question id resolved to its full id and scope, so evaluating is a plain tree walk."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Union

from anzen.model.base import Record

_set = object.__setattr__

ABSENT = object()  # not on the path, not answered, or skipped

BLOCK, OUTER = "block", "outer"


class Ref(Record):
    """An answer: `id` is a full question id (OUTER) or a question id within the current block (BLOCK)."""

    id: str
    scope: str

    def __init__(self, *, id: str, scope: str = OUTER) -> None:  # the record made most: no generic completion
        _set(self, "id", id)
        _set(self, "scope", scope)


class Cmp(Record):
    """`ref` compared with `op` to a literal `value` or to the answer `other`."""

    ref: Ref
    op: str
    value: Any  # literal operand
    other: Ref | None  # operand taken from another answer
    _defaults = {"value": None, "other": None}


class All(Record):
    """True when every item is."""

    items: tuple["Cond", ...]


class AnyOf(Record):
    """True when one item is."""

    items: tuple["Cond", ...]


class Not(Record):
    """True when the item is not."""

    item: "Cond"


Cond = Union[Cmp, All, AnyOf, Not]
Lookup = Callable[[Ref], Any]


def _ordered(a: Any, b: Any) -> bool:
    """Both numbers, or both date strings: the ordered comparisons apply."""
    if isinstance(a, bool) or isinstance(b, bool):
        return False
    return (isinstance(a, (int, float)) and isinstance(b, (int, float))) or (isinstance(a, str) and isinstance(b, str))


def _compare(op: str, answer: Any, operand: Any) -> bool:
    if op == "equals":  # the operators written most, first
        return answer is not ABSENT and operand is not ABSENT and answer == operand
    if op == "in":
        return answer is not ABSENT and operand is not ABSENT and answer in operand
    if op == "answered":
        return (answer is not ABSENT) is bool(operand)
    if answer is ABSENT or operand is ABSENT:
        return False
    if op == "includes":
        return isinstance(answer, list) and operand in answer
    if not _ordered(answer, operand):
        return False
    if op == "gt":
        return answer > operand
    if op == "gte":
        return answer >= operand
    if op == "lt":
        return answer < operand
    if op == "lte":
        return answer <= operand
    raise ValueError(f"unknown operator {op}")  # unreachable: the model admits no other


def evaluate(cond: Cond | None, lookup: Lookup) -> bool:
    """Whether `cond` holds for the answers that `lookup` gives (ABSENT when there is none)."""
    if cond is None:
        return True
    if isinstance(cond, Cmp):
        operand = lookup(cond.other) if cond.other is not None else cond.value
        return _compare(cond.op, lookup(cond.ref), operand)
    # loops, not all()/any() over a generator: evaluating is the inner loop of checking every path
    if isinstance(cond, All):
        for item in cond.items:
            if not evaluate(item, lookup):
                return False
        return True
    if isinstance(cond, AnyOf):
        for item in cond.items:
            if evaluate(item, lookup):
                return True
        return False
    return not evaluate(cond.item, lookup)


def refs_of(cond: Cond | None) -> tuple[Ref, ...]:
    """Every answer the condition reads, in order, without repeats."""
    if cond is None:  # (most questions' `when`)
        return ()
    found: dict[Ref, None] = {}
    _collect_refs(cond, found)
    return tuple(found)


def _collect_refs(c: Cond | None, found: dict[Ref, None]) -> None:
    # a module function, not a closure calling itself: such a closure is a reference cycle, and the
    # 10⁵ calls of checking a large flow left as many cycles for the garbage collector to find
    if c is None:
        return
    if isinstance(c, Cmp):
        found[c.ref] = None
        if c.other is not None:
            found[c.other] = None
    elif isinstance(c, Not):
        _collect_refs(c.item, found)
    else:
        for item in c.items:
            _collect_refs(item, found)


def conjoin(*conds: Cond | None) -> Cond | None:
    present = tuple(c for c in conds if c is not None)
    if not present:
        return None
    return present[0] if len(present) == 1 else All(items=present)


def describe(cond: Cond | None) -> str:
    """The condition in YAML words, for diagrams and messages."""
    if cond is None:
        return "always"
    if isinstance(cond, Cmp):
        operand = cond.other.id if cond.other is not None else cond.value
        return f"{cond.ref.id} {cond.op} {operand!r}" if cond.op != "answered" else (
            f"{cond.ref.id} answered" if cond.value else f"{cond.ref.id} not answered"
        )
    if isinstance(cond, Not):
        return f"not ({describe(cond.item)})"
    joiner = " and " if isinstance(cond, All) else " or "
    return "(" + joiner.join(describe(c) for c in cond.items) + ")"
