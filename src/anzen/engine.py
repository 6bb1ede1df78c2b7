"""The interview engine: pure, deterministic, no I/O and no UI.

State is the answers given so far. Answering a question re-evaluates only the questions whose
conditions read it (and, transitively, those whose answers were dropped), so one step costs the
same however many answers came before. An answer whose question leaves the path is dropped at
once: an abandoned branch never leaves answers behind in the result. A group's blocks, answered under
other outer answers than now, are checked again the same way (Change.revised)."""

from __future__ import annotations

import heapq
from collections.abc import Mapping
from datetime import date
from typing import Any, NamedTuple

from anzen.answers import label_of, normalize
from anzen.conditions import ABSENT, BLOCK, Ref, evaluate, refs_of
from anzen.errors import AnswerError
from anzen.plan import PLACEHOLDER, Node, Plan


# The records of this module are tuples: a frozen dataclass costs each start ~0.6 ms to define and ~4× as much
# to make, and checking a large flow makes a Change per answer, ~10⁴ of them.
class Progress(NamedTuple):
    """Answered questions, and the questions left on the current path."""

    answered: int
    remaining: int  # unanswered questions on the current path

    @property
    def total(self) -> int:
        return self.answered + self.remaining


class Change(NamedTuple):
    """What one answer did: the answers dropped because their questions left the path, and the groups checked again."""

    question: str
    value: Any
    previous: Any
    removed: dict[str, Any]
    # group answers checked again because an answer their block questions read changed: the blocks as they
    # are now (answers to block questions no longer asked dropped), or None when they no longer fit (a block
    # question now asked has no answer): the group is then asked again
    revised: dict[str, Any]


class LoadReport(NamedTuple):
    """How a set of answers (from a file, a store) fitted the flow."""

    unknown: tuple[str, ...] = ()
    invalid: tuple[tuple[str, AnswerError], ...] = ()
    ignored: tuple[str, ...] = ()  # known questions that the answers given do not lead to

    @property
    def ok(self) -> bool:
        return not self.unknown and not self.invalid


class _Waiting:
    """The questions on the path still without an answer (plan indices): which comes first, and how many.

    A set, with a heap of the same indices beside it whose entries for questions no longer waiting are dropped
    when they come to the top: adding and taking away cost O(log n) (a sorted list moved O(n) entries each
    time, which made checking every path of a large flow grow with the square of its size)."""

    def __init__(self, indices: list[int]) -> None:
        self._set = set(indices)
        self._heap = sorted(self._set)

    def add(self, index: int) -> None:
        if index not in self._set:
            self._set.add(index)
            heapq.heappush(self._heap, index)

    def discard(self, index: int) -> None:
        self._set.discard(index)
        if len(self._heap) > 2 * len(self._set) + 64:  # mostly dropped entries: start again
            self._heap = sorted(self._set)

    def first(self) -> int | None:
        heap = self._heap
        while heap and heap[0] not in self._set:
            heapq.heappop(heap)
        return heap[0] if heap else None

    def __len__(self) -> int:
        return len(self._set)


class Interview:
    """A flow being answered."""

    def __init__(self, plan: Plan, *, today: date) -> None:
        self.plan = plan
        self.today = today
        self._answers: dict[str, Any] = {}
        self._visible = [False] * len(plan.nodes)
        # question id → the groups whose block questions' conditions read its answer
        self._block_readers: dict[str, list[Node]] = {}
        for node in plan.nodes:
            if node.children:
                for ref in {r.id for child in node.children for r in refs_of(child.when) if r.scope != BLOCK}:
                    self._block_readers.setdefault(ref, []).append(node)
        self._settle()

    def _settle(self) -> None:
        """Which questions are asked, and which of them wait for an answer, from the answers alone."""
        pending: list[int] = []
        for node in self.plan.nodes:  # conditions only read earlier answers: one pass settles all
            visible = evaluate(node.when, self._lookup)
            self._visible[node.index] = visible
            if visible and node.answerable and node.id not in self._answers:
                pending.append(node.index)
        self._pending = _Waiting(pending)

    def snapshot(self) -> dict[str, Any]:
        """The answers as they are now, for restore()."""
        return dict(self._answers)

    def restore(self, answers: dict[str, Any]) -> None:
        """Back to a snapshot() (an answer that could not be saved is taken back whole, with what it removed)."""
        self._answers = dict(answers)
        self._settle()

    # -- reading -------------------------------------------------------------
    def _lookup(self, ref: Ref) -> Any:
        value = self._answers.get(ref.id)
        return ABSENT if value is None else value

    def node(self, question_id: str) -> Node:
        try:
            return self.plan.by_id[question_id]
        except KeyError:
            raise KeyError(f"no question '{question_id}' in flow '{self.plan.flow.id}'") from None

    def is_visible(self, question_id: str) -> bool:
        return self._visible[self.node(question_id).index]

    def is_answered(self, question_id: str) -> bool:
        return question_id in self._answers

    def value(self, question_id: str) -> Any:
        return self._answers.get(question_id)

    @property
    def answers(self) -> dict[str, Any]:
        """The answers on the current path, in asking order."""
        return {n.id: self._answers[n.id] for n in self.plan.nodes if n.id in self._answers}

    def next_question(self) -> Node | None:
        first = self._pending.first()
        return self.plan.nodes[first] if first is not None else None

    @property
    def complete(self) -> bool:
        return not self._pending

    def progress(self) -> Progress:
        return Progress(len(self._answers), len(self._pending))

    def path(self) -> list[Node]:
        """The questions on the current path (answered or not), in order."""
        return [n for n in self.plan.nodes if n.answerable and self._visible[n.index]]

    def previous(self, question_id: str | None = None) -> Node | None:
        """The answered question before `question_id` (default: before the next question)."""
        if question_id is not None:
            start = self.node(question_id).index
        else:
            first = self._pending.first()
            start = first if first is not None else len(self.plan.nodes)
        for node in reversed(self.plan.nodes[:start]):
            if node.id in self._answers:
                return node
        return None

    def messages_before(self, node: Node) -> list[Node]:
        """Info messages on the path just before `node` (shown with it)."""
        found = []
        for other in reversed(self.plan.nodes[: node.index]):
            if other.answerable:
                break
            if self._visible[other.index]:
                found.append(other)
        return found[::-1]

    def text(self, node: Node, text: Any, lang: str, block: Mapping[str, Any] | None = None) -> str:
        """A prompt or help text with {placeholders} filled from earlier answers."""
        if text is None:
            return ""
        raw = text.get(lang)

        def fill(match: Any) -> str:
            ref = node.names.get(match[1])
            if ref is None:
                return match[0]
            if ref.scope == BLOCK:
                value = (block or {}).get(ref.id)
                source = next((c.question for g in self.plan.nodes for c in g.children if c.id == ref.id), None)
            else:
                value = self._answers.get(ref.id)
                source = self.plan.by_id[ref.id].question if ref.id in self.plan.by_id else None
            return "…" if value is None or source is None else label_of(source, value, lang)

        return PLACEHOLDER.sub(fill, raw)

    # -- answering -----------------------------------------------------------
    def normalize(self, node: Node, raw: Any) -> Any:
        if node.is_group:
            return self._normalize_group(node, raw)
        return normalize(node.question, raw, self.today)

    def answer(self, question_id: str, raw: Any) -> Change:
        """Record an answer (AnswerError if it does not fit); returns what it changed."""
        node = self.node(question_id)
        if not node.answerable:
            raise AnswerError("このメッセージには回答できません。", f"'{question_id}' is a message, not a question.")
        if not self._visible[node.index]:
            raise AnswerError("この質問は、これまでの回答では聞かれません。", f"'{question_id}' is not asked after the answers given so far.")
        value = self.normalize(node, raw)
        previous = self._answers.get(question_id)
        if question_id not in self._answers:
            self._pending.discard(node.index)
        self._answers[question_id] = value
        removed, revised = self._propagate([question_id]) if value != previous else ({}, {})
        return Change(question_id, value, previous, removed, revised)

    def clear(self, question_id: str) -> Change:
        """Take an answer back: the question is unanswered again."""
        node = self.node(question_id)
        if question_id not in self._answers:
            return Change(question_id, None, None, {}, {})
        previous = self._answers.pop(question_id)
        self._pending.add(node.index)
        return Change(question_id, None, previous, *self._propagate([question_id]))

    def _propagate(self, changed: list[str]) -> tuple[dict[str, Any], dict[str, Any]]:
        """The answers dropped (their questions left the path) and the group answers checked again."""
        if not self._block_readers:  # no block question reads an outer answer (most flows)
            return self._visibility(changed), {}
        removed: dict[str, Any] = {}
        revised: dict[str, Any] = {}
        while changed:
            gone = self._visibility(changed)
            removed |= gone
            changed = self._recheck_groups([*changed, *gone], revised)
        for qid in removed:
            revised.pop(qid, None)  # checked again, then off the path after all: removed says it
        return removed, revised

    def _recheck_groups(self, changed: list[str], revised: dict[str, Any]) -> list[str]:
        """Blocks answered under other outer answers: normalized again (the answers changed in turn)."""
        again: list[str] = []
        for qid in changed:
            for group in self._block_readers.get(qid, ()):
                blocks = self._answers.get(group.id)
                if blocks is None:
                    continue
                try:
                    value = self._normalize_group(group, blocks)
                except AnswerError:
                    value = None
                if value == blocks:
                    continue
                if value is None:
                    del self._answers[group.id]
                    self._pending.add(group.index)
                else:
                    self._answers[group.id] = value
                revised[group.id] = value
                again.append(group.id)
        return again

    def _visibility(self, changed: list[str]) -> dict[str, Any]:
        removed: dict[str, Any] = {}
        dependents = self.plan.dependents
        work = [i for qid in changed for i in dependents.get(qid, ())]
        if not work:  # (most answers: no condition reads them)
            return removed
        heapq.heapify(work)
        last = -1
        while work:
            i = heapq.heappop(work)
            if i == last:
                continue
            last = i
            node = self.plan.nodes[i]
            visible = evaluate(node.when, self._lookup)
            if visible == self._visible[i]:
                continue
            self._visible[i] = visible
            if not node.answerable:
                continue
            if visible:
                self._pending.add(i)
            elif node.id in self._answers:
                removed[node.id] = self._answers.pop(node.id)
                for j in self.plan.dependents.get(node.id, ()):
                    heapq.heappush(work, j)
            else:
                self._pending.discard(i)
        return removed

    def load(self, answers: Mapping[str, Any]) -> LoadReport:
        """Answer from a mapping of question id → answer, in asking order (a file, a store)."""
        flat = flatten_answers(answers, set(self.plan.by_id))
        unknown = tuple(k for k in flat if k not in self.plan.by_id or not self.plan.by_id[k].answerable)
        invalid: list[tuple[str, AnswerError]] = []
        for node in self.plan.nodes:
            if node.id in flat and node.answerable and self._visible[node.index]:
                try:
                    self.answer(node.id, flat[node.id])
                except AnswerError as exc:
                    invalid.append((node.id, exc))
        ignored = tuple(k for k in flat if k in self.plan.by_id and k not in self._answers and k not in dict(invalid))
        return LoadReport(unknown, tuple(invalid), ignored)

    # -- groups --------------------------------------------------------------
    def block_visible(self, group: Node, block: Mapping[str, Any]) -> list[Node]:
        """The block questions asked for a block answered so far."""
        lookup = self._block_lookup(block)
        return [child for child in group.children if evaluate(child.when, lookup)]

    def block_next(self, group: Node, block: Mapping[str, Any]) -> Node | None:
        """The next block question without an answer (None: the block is complete)."""
        return next((c for c in self.block_visible(group, block) if c.id not in block), None)

    def _block_lookup(self, block: Mapping[str, Any]) -> Any:
        def lookup(ref: Ref) -> Any:
            value = block.get(ref.id) if ref.scope == BLOCK else self._answers.get(ref.id)
            return ABSENT if value is None else value

        return lookup

    def _normalize_group(self, group: Node, raw: Any) -> list[dict[str, Any]]:
        question = group.question
        if raw is None:
            raw = []
        if not isinstance(raw, list) or not all(isinstance(b, Mapping) for b in raw):
            raise AnswerError("各ブロックの回答の一覧で答えてください。", "Answer with a list of blocks (question id → answer).")
        if len(raw) < question.min_items:
            raise AnswerError(f"{question.item_label.ja}を{question.min_items}件以上入力してください。", f"Enter at least {question.min_items} {question.item_label.get('en')}.")
        if question.max_items is not None and len(raw) > question.max_items:
            raise AnswerError(f"{question.item_label.ja}は{question.max_items}件までです。", f"At most {question.max_items} {question.item_label.get('en')}.")
        ids = {c.id for c in group.children}
        blocks = []
        for n, given in enumerate(raw, start=1):
            unknown = [k for k in given if k not in ids]
            if unknown:
                raise AnswerError(f"{n}件目: 不明な項目 {', '.join(map(str, unknown))}", f"block {n}: unknown question(s) {', '.join(map(str, unknown))}")
            block: dict[str, Any] = {}
            lookup = self._block_lookup(block)
            for child in group.children:
                if not evaluate(child.when, lookup):
                    continue
                try:
                    block[child.id] = normalize(child.question, given.get(child.id), self.today)
                except AnswerError as exc:
                    prompt = child.question.prompt
                    raise AnswerError(f"{n}件目「{prompt.ja}」: {exc.ja}", f"block {n}, '{child.id}': {exc.en}") from None
            blocks.append(block)
        return blocks


def flatten_answers(answers: Mapping[str, Any], known: set[str], prefix: str = "") -> dict[str, Any]:
    """Accept sub-flow answers nested ({sub: {q: …}}) as well as dotted ({'sub.q': …})."""
    flat: dict[str, Any] = {}
    for key, value in answers.items():
        full = f"{prefix}{key}"
        if full not in known and isinstance(value, Mapping) and any(k.startswith(full + ".") for k in known):
            flat.update(flatten_answers(value, known, full + "."))
        else:
            flat[full] = value
    return flat
