"""Every path through a flow, bounded: the answers that matter, enumerated per independent part.

An item's status depends only on the answers its rules read and on the answers that decide whether
those questions are asked (the item's *closure*). Items whose closures are contained in a larger one
are checked together (a *part*); each part is explored depth-first in asking order, branching on every
value that can make a difference:

- yes_no: yes / no / unsure; choice: every value (and unsure); multi_choice: every subset (up to 6
  choices; otherwise each single choice and all of them) and unsure;
- text: the texts conditions compare it with, plus one other text; number and date: every literal or
  default they are compared with, one below, midpoints between and one above (a comparison with another
  answer joins both questions' anchors);
- optional questions: also skipped; groups: one block for every combination of its block questions that
  matter (blocks are independent of each other), no block when min_items is 0.

A part is cut after `limit` complete paths (`Exploration.truncated`). Questions outside the part are
left unanswered: nothing in the part reads them. No I/O; uses the real engine and result code."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from anzen.answers import normalize
from anzen.conditions import ABSENT, BLOCK, Cmp, Cond, Not, Ref, evaluate, refs_of
from anzen.engine import Interview
from anzen.errors import AnswerError
from anzen.model.flow import (
    ChoiceQuestion, DateQuestion, GroupQuestion, MultiChoiceQuestion, NumberQuestion, TextQuestion, YesNoQuestion,
)
from anzen.plan import Binding, ItemOutcome, Node, Plan
from anzen.result import checklist_result

TODAY = date(2026, 10, 1)  # fixed, so that 'today' defaults and snapshots do not depend on the clock
DEFAULT_LIMIT = 20_000
SAMPLE_TEXT = "sample"

Key = tuple[str | None, str]  # (group id or None, question id): a block question or an outer one


@dataclass(frozen=True)
class Target:
    """One checklist item of the plan (a sub-flow's items carry the include prefix)."""

    binding: Binding
    outcome: ItemOutcome

    @property
    def key(self) -> str:
        return f"{self.binding.prefix}{self.outcome.item}"

    @property
    def group(self) -> str | None:
        return self.outcome.for_each

    def rule_keys(self) -> set[Key]:
        return {_key(ref, self.group) for rule in self.outcome.rules for ref in refs_of(rule.when)}


@dataclass
class Part:
    """Items checked together, and the questions (closure) that decide them, in asking order."""

    targets: list[Target]
    outer: list[str]  # full ids, in plan order
    block: dict[str, set[str]]  # group id → block questions that matter

    def keys(self) -> set[Key]:
        return {(None, q) for q in self.outer} | {(g, c) for g, cs in self.block.items() for c in cs}


@dataclass
class Leaf:
    """One complete path of a part: the answers on it, and each item's status and deciding rule."""

    answers: dict[Key, Any]  # in asking order; None = skipped
    statuses: dict[str, str]  # target key → status ('absent' when its checklist is not in the report)
    rules: dict[str, int | str | None]  # target key → index of the deciding rule; 'unsure:q,…' or None when none matched
    visible: set[Key]  # questions asked on this path (outer and the block's)

    def signature(self) -> tuple[Any, ...]:
        return (tuple(self.answers), tuple(sorted(self.statuses.items())), tuple(sorted(self.rules.items(), key=lambda kv: kv[0])))


@dataclass
class Exploration:
    part: Part
    leaves: list[Leaf] = field(default_factory=list)
    truncated: bool = False


def _key(ref: Ref, group: str | None) -> Key:
    return (group, ref.id) if ref.scope == BLOCK else (None, ref.id)


class Explorer:
    """Enumerates the paths of a plan, part by part."""

    def __init__(self, plan: Plan, *, limit: int = DEFAULT_LIMIT, today: date = TODAY) -> None:
        self.plan, self.limit, self.today = plan, limit, today
        self.targets = [Target(b, o) for b in plan.bindings for o in b.outcomes.values()]
        self.compares: dict[Key, list[tuple[Cmp, Key | None]]] = {}  # question → comparisons (and the other answer's key)
        for node in plan.nodes:
            self._index(node.when, None)
            for child in node.children:
                self._index(child.when, node.id)
        for target in self.targets:
            for rule in target.outcome.rules:
                self._index(rule.when, target.group)
        for binding in plan.bindings:
            self._index(binding.when, None)

    # -- what matters ----------------------------------------------------
    def _index(self, cond: Cond | None, group: str | None) -> None:
        if cond is None:
            return
        if isinstance(cond, Cmp):
            mine = _key(cond.ref, group)
            other = _key(cond.other, group) if cond.other is not None else None
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

    def closure(self, target: Target) -> tuple[set[str], dict[str, set[str]]]:
        outer: set[str] = set()
        block: dict[str, set[str]] = {}
        work: list[Key] = list(target.rule_keys()) + [(None, r.id) for r in refs_of(target.binding.when)]
        if target.group is not None:
            work.append((None, target.group))
        while work:
            key = work.pop()
            group, qid = key
            if group is None:
                if qid in outer:
                    continue
                outer.add(qid)
                work.extend((None, r.id) for r in refs_of(self.plan.by_id[qid].when))
            else:
                if qid in block.setdefault(group, set()):
                    continue
                block[group].add(qid)
                work.append((None, group))
                work.extend(_key(r, group) for r in refs_of(self.when_of(key)))
        return outer, block

    def parts(self) -> list[Part]:
        """Items grouped under the largest closures that contain theirs, in the plan's order."""
        closures = [(t, *self.closure(t)) for t in self.targets]
        keyed = [(t, frozenset(o), frozenset((g, c) for g, cs in b.items() for c in cs)) for t, o, b in closures]
        maximal: list[tuple[frozenset[str], frozenset[Key]]] = []
        for _, o, b in sorted(keyed, key=lambda x: -(len(x[1]) + len(x[2]))):
            if (o or b) and not any(o <= mo and b <= mb for mo, mb in maximal):
                maximal.append((o, b))
        order = {n.id: n.index for n in self.plan.nodes}
        found: dict[int, Part] = {}
        owners: dict[int, list[Target]] = {}
        for target, o, b in keyed:
            if (o, b) in maximal:
                owners.setdefault(maximal.index((o, b)), []).append(target)

        def home(i: int, target: Target) -> tuple[int, int]:
            # shown beside items of the same category of the same checklist if possible, else the smallest part
            near = owners.get(i, [])
            same = 0 if any(t.binding is target.binding and _category(t) == _category(target) for t in near) else (
                1 if any(t.binding is target.binding for t in near) else 2)
            return same, len(maximal[i][0]) + len(maximal[i][1])

        for target, o, b in keyed:
            if not o and not b:  # decided by no question at all: a part of its own, with one path
                found.setdefault(-1, Part([], [], {})).targets.append(target)
                continue
            i = min((i for i, (mo, mb) in enumerate(maximal) if o <= mo and b <= mb), key=lambda i: home(i, target))
            if i not in found:
                mo, mb = maximal[i]
                blocks: dict[str, set[str]] = {}
                for g, c in mb:
                    blocks.setdefault(g, set()).add(c)  # type: ignore[arg-type]
                found[i] = Part([], sorted(mo, key=order.__getitem__), blocks)
            found[i].targets.append(target)
        return [found[i] for i in sorted(found, key=lambda i: _first(found[i], self.targets))]

    # -- the values that can make a difference -----------------------------
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

    # -- walking ---------------------------------------------------------
    def explore(self, part: Part) -> Exploration:
        result = Exploration(part)
        interview = Interview(self.plan, today=self.today)
        for leaf in self._walk(interview, part, {}):
            result.leaves.append(leaf)
            if len(result.leaves) >= self.limit:
                result.truncated = True
                break
        return result

    def _walk(self, interview: Interview, part: Part, answers: dict[Key, Any]) -> Iterator[Leaf]:
        node = next((self.plan.by_id[q] for q in part.outer if interview.is_visible(q) and not interview.is_answered(q)), None)
        if node is None:
            yield self._leaf(interview, part, answers)
            return
        values = self._group_values(interview, node, part) if node.is_group else self.domain((None, node.id))
        for value in values:
            try:
                interview.answer(node.id, value)
            except AnswerError:
                continue
            answers[(None, node.id)] = interview.value(node.id)
            yield from self._walk(interview, part, answers)
            del answers[(None, node.id)]
            interview.clear(node.id)

    def _group_values(self, interview: Interview, group: Node, part: Part) -> list[Any]:
        wanted = part.block.get(group.id, set())
        blocks = list(self._blocks(interview, group, wanted, {}))
        values: list[Any] = [[b] for b in blocks]
        if group.question.min_items == 0:
            values.append([])
        if not group.question.required:
            values.append(None)
        return values

    def _blocks(self, interview: Interview, group: Node, wanted: set[str], block: dict[str, Any]) -> Iterator[dict[str, Any]]:
        child = next((c for c in interview.block_visible(group, block) if c.id not in block), None)
        if child is None:
            yield dict(block)
            return
        values = self.domain((group.id, child.id)) if child.id in wanted else [self.filler(child.question) if child.question.required else None]
        for value in values:
            try:
                block[child.id] = normalize(child.question, value, self.today)
            except AnswerError:
                continue
            yield from self._blocks(interview, group, wanted, block)
            del block[child.id]

    def _leaf(self, interview: Interview, part: Part, answers: dict[Key, Any]) -> Leaf:
        shown: dict[Key, Any] = {}
        visible: set[Key] = set()
        for (group, qid), value in answers.items():
            shown[(group, qid)] = value
            visible.add((group, qid))
            if isinstance(value, list) and value and isinstance(value[0], dict) and self.plan.by_id[qid].is_group:
                for cid, cvalue in value[0].items():
                    if cid in part.block.get(qid, ()):
                        shown[(qid, cid)] = cvalue
                    visible.add((qid, cid))
        statuses: dict[str, str] = {}
        rules: dict[str, int | str | None] = {}
        by_binding: dict[int, Any] = {}
        for target in part.targets:
            binding = target.binding
            present = binding.when is None or evaluate(binding.when, lambda r: _lookup(interview, r))
            if not present:
                statuses[target.key], rules[target.key] = "absent", None
                continue
            if id(binding) not in by_binding:  # only this part's items are decided: the others would wait for answers
                wanted = {t.outcome.item: t.outcome for t in part.targets if t.binding is binding}
                by_binding[id(binding)] = checklist_result(interview, replace(binding, outcomes=wanted))
            items = [i for i in by_binding[id(binding)].items if i.id == target.outcome.item]
            statuses[target.key] = "/".join(i.status for i in items) or "absent"
            rules[target.key] = self._deciding_rule(interview, target)
        return Leaf(shown, statuses, rules, visible)

    def _deciding_rule(self, interview: Interview, target: Target) -> int | str | None:
        block: dict[str, Any] = {}
        if target.group is not None:
            blocks = interview.value(target.group)
            if not blocks:
                return None
            block = blocks[0]

        def lookup(ref: Ref) -> Any:
            value = block.get(ref.id) if ref.scope == BLOCK else interview.value(ref.id)
            return ABSENT if value is None else value

        read: dict[Ref, None] = {}
        for i, rule in enumerate(target.outcome.rules):
            if evaluate(rule.when, lookup):
                return i
            read.update((r, None) for r in refs_of(rule.when))
        # none matched: result.py makes it follow_up when a question it read was answered わからない
        unsure = [r.id for r in read if lookup(r) == "unsure" or _has_unsure(lookup(r))]
        return "unsure:" + ",".join(unsure) if unsure else None


def _category(target: Target) -> str | None:
    return next((c.id for c in target.binding.checklist.categories if any(i.id == target.outcome.item for i in c.items)), None)


def _first(part: Part, targets: list[Target]) -> int:
    return min(targets.index(t) for t in part.targets)


def _has_unsure(value: Any) -> bool:
    return isinstance(value, list) and "unsure" in value


def _lookup(interview: Interview, ref: Ref) -> Any:
    value = interview.value(ref.id)
    return ABSENT if value is None else value


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
