"""Every path through a flow, bounded: the answers that matter, enumerated per independent part.

An item's status depends only on the answers its rules read and on the answers that decide whether
those questions are asked (the item's *closure*). Items whose closures are contained in a larger one
are checked together (a *part*); each part is explored depth-first in asking order, branching on every
value that can make a difference (anzen.samples). Groups get one block for every combination of its
block questions that matter (blocks are independent of each other), and no block when min_items is 0.

A part is cut after `limit` complete paths (`Exploration.truncated`). Questions outside the part are
left unanswered: nothing in the part reads them. No I/O; uses the real engine and result code."""

from __future__ import annotations

from collections.abc import Iterator, Set as AbstractSet
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from datetime import date
from typing import Any

from anzen.answers import normalize
from anzen.conditions import ABSENT, Ref, evaluate, refs_of
from anzen.engine import Interview
from anzen.errors import AnswerError
from anzen.model.base import cached
from anzen.plan import Binding, ItemOutcome, Node, Plan
from anzen.result import Decision, item_decisions, rule_reads
from anzen.samples import Key, Samples, key_of

TODAY = date(2026, 10, 1)  # fixed, so that 'today' defaults and snapshots do not depend on the clock
DEFAULT_LIMIT = 20_000


@dataclass(frozen=True)
class Target:
    """One checklist item of the plan (a sub-flow's items carry the include prefix)."""

    binding: Binding
    outcome: ItemOutcome

    # key and rule_keys are asked for on every path: worked out once
    @cached
    def key(self) -> str:
        return f"{self.binding.prefix}{self.outcome.item}"

    @property
    def group(self) -> str | None:
        return self.outcome.for_each

    @cached
    def reads(self) -> tuple[tuple[Ref, ...], ...]:
        return rule_reads(self.outcome)

    def rule_keys(self) -> frozenset[Key]:
        return self._rule_keys

    @cached
    def _rule_keys(self) -> frozenset[Key]:
        return frozenset().union(*self.keys_by_rule)

    @cached
    def keys_by_rule(self) -> tuple[frozenset[Key], ...]:
        """The answers each rule reads, as keys (asked for on every path that rule decides)."""
        return tuple(frozenset(key_of(ref, self.group) for ref in refs) for refs in self.reads)


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
    visible: AbstractSet[Key]  # questions asked on this path (outer and the block's)

    def signature(self) -> tuple[Any, ...]:
        return (tuple(self.answers), tuple(sorted(self.statuses.items())), tuple(sorted(self.rules.items(), key=lambda kv: kv[0])))


@dataclass
class Exploration:
    part: Part
    leaves: list[Leaf] = field(default_factory=list)
    truncated: bool = False


class Explorer:
    """Enumerates the paths of a plan, part by part."""

    def __init__(self, plan: Plan, *, limit: int = DEFAULT_LIMIT, today: date = TODAY) -> None:
        self.plan, self.limit, self.today = plan, limit, today
        self.targets = [Target(b, o) for b in plan.bindings for o in b.outcomes.values()]
        self.samples = Samples(plan, today)
        self.question, self.when_of = self.samples.question, self.samples.when_of
        # a question's sample answers are the same on every path (and trying each costs a normalize)
        self.domain, self.filler = cache(self.samples.domain), self.samples.filler
        self._interview: Interview | None = None  # reused by explore() while it is left clean
        self._copies: dict[int, Counter[str]] = {}  # binding → item id → how often its checklist lists it

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
                work.extend(key_of(r, group) for r in refs_of(self.when_of(key)))
        return outer, block

    def parts(self) -> list[Part]:
        """Items grouped under the largest closures that contain theirs, in the plan's order."""
        closures = [(t, *self.closure(t)) for t in self.targets]
        keyed = [(t, frozenset(o), frozenset((g, c) for g, cs in b.items() for c in cs)) for t, o, b in closures]
        maximal: list[tuple[frozenset[str], frozenset[Key]]] = []
        index: dict[tuple[frozenset[str], frozenset[Key]], int] = {}
        having: dict[Any, list[int]] = {}  # question → the maximal closures that contain it (keeps this linear)

        def containing(o: frozenset[str], b: frozenset[Key]) -> list[int]:
            lists = [having.get(q, []) for q in o] + [having.get(k, []) for k in b]
            return [i for i in min(lists, key=len) if o <= maximal[i][0] and b <= maximal[i][1]] if lists else []

        for _, o, b in sorted(keyed, key=lambda x: -(len(x[1]) + len(x[2]))):
            if (o or b) and (o, b) not in index and not containing(o, b):
                index[(o, b)] = len(maximal)
                for q in (*o, *b):
                    having.setdefault(q, []).append(len(maximal))
                maximal.append((o, b))
        order = {n.id: n.index for n in self.plan.nodes}
        found: dict[int, Part] = {}
        owners: dict[int, list[Target]] = {}
        for target, o, b in keyed:
            if (o, b) in index:
                owners.setdefault(index[(o, b)], []).append(target)

        def home(i: int, target: Target) -> tuple[int, int]:
            # shown beside items of the same category of the same checklist if possible, else the smallest part
            near = owners.get(i, [])
            same = 0 if any(t.binding is target.binding and category[id(t)] == category[id(target)] for t in near) else (
                1 if any(t.binding is target.binding for t in near) else 2)
            return same, len(maximal[i][0]) + len(maximal[i][1])

        category = {id(t): c for t, c in zip(self.targets, _categories(self.targets))}
        position = {id(t): n for n, t in enumerate(self.targets)}
        for target, o, b in keyed:
            if not o and not b:  # decided by no question at all: a part of its own, with one path
                found.setdefault(-1, Part([], [], {})).targets.append(target)
                continue
            i = min(containing(o, b), key=lambda i: home(i, target))
            if i not in found:
                mo, mb = maximal[i]
                blocks: dict[str, set[str]] = {}
                for g, c in mb:
                    blocks.setdefault(g, set()).add(c)  # type: ignore[arg-type]
                found[i] = Part([], sorted(mo, key=order.__getitem__), blocks)
            found[i].targets.append(target)
        return [found[i] for i in sorted(found, key=lambda i: min(position[id(t)] for t in found[i].targets))]

    # -- walking ---------------------------------------------------------
    def explore(self, part: Part) -> Exploration:
        result = Exploration(part)
        # one interview for every part: a finished walk clears each answer it gave (a new one costs O(questions))
        interview = self._interview if self._interview is not None else Interview(self.plan, today=self.today)
        self._interview = None
        walk = _Walk(self, interview, part, result.leaves)
        try:
            walk.step(0)
        except _Full:
            result.truncated = True
        else:
            self._interview = interview
        return result

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

    def _listed(self, binding: Binding, item: str) -> int:
        if id(binding) not in self._copies:
            self._copies[id(binding)] = Counter(i.id for c in binding.checklist.categories for i in c.items)
        return self._copies[id(binding)][item]

    @staticmethod
    def _rule_of(decision: Decision) -> int | str | None:
        """The deciding rule (of the first block): its index; 'unsure:q,…' when none matched but わからない
        answers make the item follow_up; None when none matched (on a complete path no rule waits for an
        answer: the part holds every question the rules read)."""
        _, index, _, unsure = decision
        if index is not None:
            return index
        return "unsure:" + ",".join(r.id for r in unsure) if unsure else None


class _Full(Exception):
    """A part's walk reached the limit of paths (its interview is then left with answers: not reused)."""


class _Walk:
    """One part's depth-first walk: each complete path appended to `leaves` (a list, not generators
    nested a question deep: each path came up through every level of them)."""

    def __init__(self, explorer: Explorer, interview: Interview, part: Part, leaves: list[Leaf]) -> None:
        self.explorer, self.interview, self.part, self.leaves = explorer, interview, part, leaves
        self.outer, self.by_id, self.limit = part.outer, explorer.plan.by_id, explorer.limit
        self.answers: dict[Key, Any] = {}
        # a part without group questions shows its answers as they are (the most common)
        self.has_groups = any(self.by_id[q].is_group for q in part.outer)
        self.lookup = lambda ref: _lookup(interview, ref)

    def step(self, start: int) -> None:
        # the questions before `start` are answered or not asked, and stay so: a condition reads only earlier answers
        interview, outer, position = self.interview, self.outer, start
        while position < len(outer) and (interview.is_answered(outer[position]) or not interview.is_visible(outer[position])):
            position += 1
        if position == len(outer):
            self.leaves.append(self.leaf())
            if len(self.leaves) >= self.limit:
                raise _Full
            return
        node = self.by_id[outer[position]]
        explorer = self.explorer
        values = explorer._group_values(interview, node, self.part) if node.is_group else explorer.domain((None, node.id))
        key, answered, answers = (None, node.id), False, self.answers
        try:
            for value in values:
                try:  # each answer replaces the one before (the same state as taking it back first, at half the cost)
                    interview.answer(node.id, value)
                except AnswerError:  # refused: nothing changed
                    continue
                answered = True
                answers[key] = interview.value(node.id)
                self.step(position + 1)
        finally:  # also when the walk is cut at the limit: the interview is left as it was
            answers.pop(key, None)
            if answered:
                interview.clear(node.id)

    def leaf(self) -> Leaf:
        interview, part, answers = self.interview, self.part, self.answers
        visible: AbstractSet[Key]
        if self.has_groups:
            shown: dict[Key, Any] = {}
            asked: set[Key] = set(answers)
            for key, value in answers.items():
                shown[key] = value
                if type(value) is list and value and isinstance(value[0], dict) and self.by_id[key[1]].is_group:
                    qid = key[1]
                    for cid, cvalue in value[0].items():
                        if cid in part.block.get(qid, ()):
                            shown[(qid, cid)] = cvalue  # beside its group: paths are described in asking order
                        asked.add((qid, cid))
            visible = asked
        else:
            shown = dict(answers)
            visible = shown.keys()  # (the questions answered: a view, not a set of its own per path)
        statuses: dict[str, str] = {}
        rules: dict[str, int | str | None] = {}
        for target in part.targets:
            binding = target.binding
            present = binding.when is None or evaluate(binding.when, self.lookup)
            if not present:
                statuses[target.key], rules[target.key] = "absent", None
                continue
            # the statuses the report gives the item (checklist_result), decided without its texts
            decided = item_decisions(interview, binding, target.outcome, target.reads)
            listed = self.explorer._listed(binding, target.outcome.item)
            statuses[target.key] = decided[0][0] if listed == 1 and len(decided) == 1 else ("/".join([d[0] for d in decided] * listed) or "absent")
            rules[target.key] = Explorer._rule_of(decided[0])
        return Leaf(shown, statuses, rules, visible)


def _categories(targets: list[Target]) -> list[str | None]:
    """The category of each target's item (one pass over each checklist)."""
    of: dict[tuple[int, str], str] = {}
    for binding in {id(t.binding): t.binding for t in targets}.values():
        for c in binding.checklist.categories:
            for i in c.items:
                of.setdefault((id(binding), i.id), c.id)
    return [of.get((id(t.binding), t.outcome.item)) for t in targets]


def _lookup(interview: Interview, ref: Ref) -> Any:
    value = interview.value(ref.id)
    return ABSENT if value is None else value
