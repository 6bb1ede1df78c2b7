"""The compiled form of a flow (includes expanded, ids resolved): what the engine runs on.

Its parts are Records (anzen.model.base) like the loaded form they hold: immutable, built by keyword,
and free to define (seven frozen dataclasses cost every start ~4 ms before the first question)."""

from __future__ import annotations

import re
from typing import Any, Union

from anzen.conditions import Cond, Ref
from anzen.model.base import Record, Words, cached
from anzen.model.runtime import ArticleRef, Checklist, Flow, GroupQuestion, InfoMessage, SourceDocument, Text

PLACEHOLDER = re.compile(r"\{([A-Za-z0-9][A-Za-z0-9_\-.]*)\}")  # {question_id} in a text: that answer


class SectionInfo(Record):
    """A section of the flow, and the checklist category its questions serve."""

    id: str  # full id
    title: Text
    checklist: str | None
    category: str | None


class Node(Record):
    """One question (or info message) of the plan, in asking order. Compared by identity: a plan has each once."""

    id: str  # full id: '<include>.<question>' inside a sub-flow
    index: int
    question: Any  # a question of anzen.model.runtime
    when: Cond | None  # include conditions folded in
    section: SectionInfo
    file: str
    line: int | None
    children: tuple["Node", ...]  # a group's block questions (ids local to the block)
    names: dict[str, Ref]  # {placeholder} in its texts → the answer it shows
    _defaults = {"children": ()}
    _factories = {"names": dict}
    __eq__ = object.__eq__
    __hash__ = object.__hash__

    @property
    def kind(self) -> str:
        return self.question.kind

    def __repr__(self) -> str:  # the question model is long; tracebacks and test output stay readable
        return f"Node({self.id!r}, {self.kind}, index={self.index})"

    # read at every step for every question touched: worked out once (kept in the instance, which a
    # Record's immutability allows: `cached` writes to __dict__ without setattr)
    @cached
    def answerable(self) -> bool:
        return not isinstance(self.question, InfoMessage)

    @cached
    def is_group(self) -> bool:
        return isinstance(self.question, GroupQuestion)

    def child(self, child_id: str) -> "Node":
        return next(c for c in self.children if c.id == child_id)


class Rule(Record):
    """When `when` holds, a checklist item takes `status` (with a reason, an action and the articles behind it)."""

    when: Cond | None
    status: str
    reason: Text | None
    action: Text | None
    refs: tuple[ArticleRef, ...]
    names: dict[str, Ref]  # {placeholder} in reason/action → answer
    _factories = {"names": dict}


class ItemOutcome(Record):
    """How a checklist item is decided: its rules in order (once per block of a group with `for_each`)."""

    item: str
    for_each: str | None  # full id of a group node
    rules: tuple[Rule, ...]
    unsure_action: Text | None


class HeaderExpr(Record):
    """A checklist header field: literal text and answers, joined."""

    parts: tuple[Union[str, Ref], ...]


class Binding(Record):
    """A checklist filled by the plan (the main flow's, or an included sub-flow's)."""

    checklist: Checklist
    flow_id: str
    prefix: str
    when: Cond | None  # the include's condition: when false, this checklist is not in the report
    outcomes: dict[str, ItemOutcome]
    header: dict[str, HeaderExpr]


class Plan(Record):
    """A flow compiled: its nodes in asking order, the checklists they fill, the documents they cite."""

    flow: Flow
    file: str
    nodes: tuple[Node, ...]
    bindings: tuple[Binding, ...]
    sources: dict[str, SourceDocument]
    dependents: dict[str, tuple[int, ...]]
    by_id: dict[str, Node]
    crosswalk: Any  # anzen.model.runtime.Crosswalk: other municipalities' articles
    files: tuple[str, ...]  # flow files (absolute), the flow first, then each sub-flow as included
    _defaults = {"crosswalk": None, "files": ()}

    def __repr__(self) -> str:
        return f"Plan({self.flow.id!r} {self.flow.version}, {len(self.nodes)} nodes, {len(self.bindings)} checklists)"

    @property
    def questions(self) -> tuple[Node, ...]:
        return tuple(n for n in self.nodes if n.answerable)


def refs_for(plan: Plan, node: Node) -> list[ArticleRef]:
    """The articles behind a question: its own refs, else those of the checklist category it fills
    (the question bubble names them; F1 shows their texts)."""
    refs = list(getattr(node.question, "refs", []) or [])
    if not refs and node.section.category is not None:
        for binding in plan.bindings:
            if binding.checklist.id != node.section.checklist:
                continue
            for cat in binding.checklist.categories:
                if cat.id == node.section.category:
                    refs = [r for item in cat.items for r in item.refs]
    unique: list[ArticleRef] = []
    for ref in refs:
        if all((ref.doc, ref.article) != (u.doc, u.article) for u in unique):
            unique.append(ref)
    return unique


def ref_label(ref: ArticleRef, sources: dict[str, Any]) -> Text:
    """How an article is cited: issuer, document, article (the plan's source documents name them)."""
    source = sources.get(ref.doc)
    if source is None:
        return Words(ja=f"{ref.doc} {ref.article}{ref.detail or ''}", en=f"{ref.doc} {ref.article}{ref.detail or ''}")
    detail = ref.detail or ""
    return Words(  # made at run time: no validation (a pydantic Text here built its validator in every process)
        ja=f"{source.issuer.ja} {source.title.ja} {ref.article}{detail}",
        en=f"{source.issuer.get('en')}, {source.title.get('en')}, {ref.article}{detail}",
    )
