"""The checklist result: answers → every item with exactly one status, reason, action and articles.

Rules of an outcome are tried in order; the first that holds decides. A rule that reads a question
still waiting for its answer stops the search: the item is `unanswered` until it is answered.
わからない (unsure) always leads to follow-up: a deciding answer of 'unsure' turns any other status
into follow_up, and an item whose rules match nothing while one of them reads 'unsure' is follow_up."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from anzen.answers import label_of
from anzen.conditions import ABSENT, BLOCK, OUTER, Cond, Ref, evaluate, refs_of
from anzen.crosswalk import chosen_municipality, matching_refs
from anzen.engine import Interview
from anzen.model.base import Words
from anzen.model.runtime import Checklist, HeaderField, Text
from anzen.plan import PLACEHOLDER, Binding, HeaderExpr, ItemOutcome, Node, ref_label
from anzen.wareki import format_date

STATUSES = ("confirmed", "follow_up", "not_applicable", "unanswered")
STATUS_LABELS = {
    "confirmed": Words(ja="確認済", en="Confirmed"),
    "follow_up": Words(ja="要対応", en="Follow-up"),
    "not_applicable": Words(ja="該当なし", en="Not applicable"),
    "unanswered": Words(ja="未回答", en="Unanswered"),
}
# A mark beside every status, so a report reads in monochrome and for colour-blind readers.
STATUS_MARKS = {"confirmed": "☑", "follow_up": "▲", "not_applicable": "－", "unanswered": "？"}
NEEDS_FOLLOW_UP = ("follow_up", "unanswered")

UNANSWERED_REASON = Words(ja="回答がありません。", en="No answer was given.")
UNANSWERED_ACTION = Words(ja="該当する質問に回答してください。", en="Answer the questions this item depends on.")
UNSURE_ACTION = Words(ja="事実を確認し、確認できた内容で回答を更新してください。", en="Find out the facts and update the answer.")


@dataclass(frozen=True)
class ShownAnswer:
    """An answer that decided an item, as the reader sees it."""

    question: str
    prompt: Words  # as asked: placeholders filled
    value: Any
    label: Text


@dataclass(frozen=True)
class ShownRef:
    doc: str
    article: str
    detail: str | None
    label: Text  # e.g. 和歌山市 個人情報取扱特記事項 第7


@dataclass(frozen=True)
class ItemResult:
    id: str
    category: str
    text: Text
    status: str
    answer: tuple[ShownAnswer, ...]
    reason: Text | None
    action: Text | None
    refs: tuple[ShownRef, ...]
    instance: int | None = None  # block number for items given once per block
    instance_label: str | None = None

    @property
    def needs_follow_up(self) -> bool:
        return self.status in NEEDS_FOLLOW_UP


@dataclass(frozen=True)
class CategoryResult:
    id: str
    title: Text
    items: tuple[ItemResult, ...]


@dataclass(frozen=True)
class HeaderValue:
    id: str
    label: Text
    kind: str
    value: str | None
    display: Text  # dates in the Japanese era (ja) and in words (en)


@dataclass(frozen=True)
class ChecklistResult:
    id: str
    version: str
    kind: str
    title: Text
    issuer: Text
    source: str
    header: tuple[HeaderValue, ...]
    preamble: Text | None
    closing_note: Text | None
    categories: tuple[CategoryResult, ...]

    @property
    def items(self) -> list[ItemResult]:
        return [item for cat in self.categories for item in cat.items]

    @property
    def summary(self) -> dict[str, int]:
        counts = dict.fromkeys(STATUSES, 0)
        for item in self.items:
            counts[item.status] += 1
        return counts

    @property
    def follow_ups(self) -> list[ItemResult]:
        return [item for item in self.items if item.needs_follow_up]


class _Context:
    def __init__(self, interview: Interview, binding: Binding, block: dict[str, Any] | None = None, group: Node | None = None):
        self.interview, self.binding, self.block, self.group = interview, binding, block, group
        self._answer = interview.value  # read for every answer a rule reads

    def value(self, ref: Ref) -> Any:
        value = (self.block or {}).get(ref.id) if ref.scope == BLOCK else self._answer(ref.id)
        return ABSENT if value is None else value

    def pending(self, ref: Ref) -> bool:
        """On the path and waiting for its answer."""
        if ref.scope == OUTER:  # an answered question (the most often asked) is not waiting: asked first
            interview = self.interview
            return not interview.is_answered(ref.id) and ref.id in interview.plan.by_id and interview.is_visible(ref.id)
        return False  # a stored block is complete

    def question(self, ref: Ref) -> Any:
        node = self.node(ref)
        return node.question if node is not None else None

    def node(self, ref: Ref) -> Node | None:
        if ref.scope == BLOCK and self.group is not None:
            return self.group.child(ref.id)
        return self.interview.plan.by_id.get(ref.id)

    def prompt(self, ref: Ref) -> Words:
        """The prompt as it was asked: {placeholders} filled (reports are read outside the interview)."""
        node = self.node(ref)
        prompt = node.question.prompt
        block = self.block if ref.scope == BLOCK else None
        return Words(ja=self.interview.text(node, prompt, "ja", block), en=self.interview.text(node, prompt, "en", block) if prompt.en else None)

    def fill(self, text: Text | None, names: dict[str, Ref]) -> Text | None:
        """Reason and action texts with {placeholders} filled from the answers."""
        if text is None or not names:
            return text

        def sub(lang: str, raw: str | None) -> str | None:
            if raw is None:
                return None

            def one(match: Any) -> str:
                ref = names.get(match[1])
                question = self.question(ref) if ref is not None else None
                value = self.value(ref) if ref is not None else ABSENT
                return match[0] if question is None or value is ABSENT else label_of(question, value, lang)

            return PLACEHOLDER.sub(one, raw)

        return Words(ja=sub("ja", text.ja) or text.ja, en=sub("en", text.en))

    def shown(self, refs: tuple[Ref, ...]) -> tuple[ShownAnswer, ...]:
        shown = []
        for ref in refs:
            question = self.question(ref)
            raw = (self.block or {}).get(ref.id) if ref.scope == BLOCK else self.interview.value(ref.id)
            if question is None or (ref.scope == OUTER and not self.interview.is_answered(ref.id)):
                continue
            shown.append(ShownAnswer(ref.id, self.prompt(ref), raw, Words(ja=label_of(question, raw, "ja"), en=label_of(question, raw, "en"))))
        return tuple(shown)


def _is_unsure(value: Any) -> bool:
    return value == "unsure" or (isinstance(value, list) and "unsure" in value)


Decision = tuple[str, int | None, tuple[Ref, ...], tuple[Ref, ...]]


def rule_reads(outcome: ItemOutcome) -> tuple[tuple[Ref, ...], ...]:
    """The answers each rule of an outcome reads (path checking keeps them: it decides an item on every path)."""
    return tuple(refs_of(rule.when) for rule in outcome.rules)


def _decision(outcome: ItemOutcome, ctx: _Context, reads: tuple[tuple[Ref, ...], ...] | None = None) -> Decision:
    """The status alone: (status, index of the deciding rule or None, the answers to show, the わからない
    answers that made it follow_up). Path checking decides every path with this, without the texts."""
    reads = rule_reads(outcome) if reads is None else reads
    value, pending = ctx.value, ctx.pending  # (checking a large flow decides an item ~10⁴ times: loops, not generators)
    for i, (rule, refs) in enumerate(zip(outcome.rules, reads)):
        for ref in refs:
            if pending(ref):
                return "unanswered", None, tuple(r for r in refs if pending(r)), ()
        if not evaluate(rule.when, value):
            continue
        if rule.status != "follow_up":  # a わからない answer it reads makes it follow_up
            for ref in refs:
                if _is_unsure(value(ref)):
                    return "follow_up", i, refs, tuple(r for r in refs if _is_unsure(value(r)))
        return rule.status, i, refs, ()
    read = dict.fromkeys(r for refs in reads for r in refs)  # every rule's, in order, without repeats
    unsure = tuple(r for r in read if _is_unsure(value(r)))
    if unsure:
        return "follow_up", None, unsure, unsure
    return "unanswered", None, (), ()


def _decide(outcome: ItemOutcome, item: Any, ctx: _Context, sources: dict[str, Any]) -> tuple[str, tuple[ShownAnswer, ...], Text | None, Text | None, tuple[ShownRef, ...]]:
    status, index, refs, unsure = _decision(outcome, ctx)
    item_refs = tuple(ShownRef(r.doc, r.article, r.detail, ref_label(r, sources)) for r in item.refs)
    if index is None:
        if unsure:
            return "follow_up", ctx.shown(unsure), _unsure_reason(ctx, unsure), outcome.unsure_action or UNSURE_ACTION, item_refs
        return "unanswered", ctx.shown(refs), UNANSWERED_REASON, UNANSWERED_ACTION, item_refs
    rule = outcome.rules[index]
    rule_refs = tuple(ShownRef(r.doc, r.article, r.detail, ref_label(r, sources)) for r in rule.refs) or item_refs
    if unsure:
        return "follow_up", ctx.shown(refs), _unsure_reason(ctx, unsure), outcome.unsure_action or UNSURE_ACTION, rule_refs
    if rule.status == "follow_up":
        return "follow_up", ctx.shown(refs), ctx.fill(rule.reason, rule.names), ctx.fill(rule.action, rule.names), rule_refs
    return rule.status, ctx.shown(refs), None, None, rule_refs


def item_decisions(interview: Interview, binding: Binding, outcome: ItemOutcome, reads: tuple[tuple[Ref, ...], ...] | None = None) -> list[Decision]:
    """How checklist_result decides an item (once per block of a for_each item), without building its
    texts: what checking every path of a flow needs, at a fraction of the cost. `reads`: rule_reads(outcome)."""
    if outcome.for_each is None:
        return [_decision(outcome, _Context(interview, binding), reads)]
    group = interview.plan.by_id[outcome.for_each]
    blocks = interview.value(group.id)
    if blocks is None:
        return [("unanswered" if interview.is_visible(group.id) else "not_applicable", None, (), ())]
    if not blocks:
        return [("not_applicable", None, (), ())]
    return [_decision(outcome, _Context(interview, binding, block, group), reads) for block in blocks]


def _unsure_reason(ctx: _Context, refs: tuple[Ref, ...]) -> Text:
    prompts = [ctx.prompt(r) for r in refs]
    ja = "、".join(f"「{p.ja}」" for p in prompts)
    en = ", ".join(f"'{p.get('en')}'" for p in prompts)
    return Words(ja=f"{ja}に「わからない」と回答されています。", en=f"{en} was answered 'Not sure'.")


def _header(interview: Interview, binding: Binding) -> dict[str, str | None]:
    values: dict[str, str | None] = {}
    for field in binding.checklist.header:
        expr: HeaderExpr | None = binding.header.get(field.id)
        value = None
        if expr is not None:
            parts = []
            for part in expr.parts:
                if isinstance(part, Ref):
                    answer = interview.value(part.id)
                    if answer is None:
                        parts = []
                        break
                    parts.append(str(answer))
                else:
                    parts.append(part)
            value = "".join(parts) or None
        values[field.id] = value if value is not None else field.default
    return values


def _display(field: HeaderField, value: str | None, lang: str) -> str:
    if value is None:
        return ""
    return format_date(value, lang) if field.kind == "date" else value


def _substituter(checklist: Checklist, values: dict[str, str | None]) -> Any:
    """Replace the printed literals that stand for header fields (和歌山市, ○○株式会社 …) at once."""
    pairs: dict[str, dict[str, str]] = {"ja": {}, "en": {}}
    for field in checklist.header:
        value = values.get(field.id)
        if field.replaces and value is not None:
            pairs["ja"][field.replaces] = _display(field, value, "ja")
            en_literal = getattr(field, "replaces_en", None)
            if en_literal:
                pairs["en"][en_literal] = _display(field, value, "en")

    def substitute(text: Text | None) -> Text | None:
        if text is None:
            return None
        out = {}
        for lang, raw in (("ja", text.ja), ("en", text.en)):
            table = pairs[lang]
            if raw is None or not table:
                out[lang] = raw
                continue
            pattern = re.compile("|".join(re.escape(k) for k in sorted(table, key=len, reverse=True)))
            out[lang] = pattern.sub(lambda m: table[m[0]], raw)
        return Words(ja=out["ja"], en=out["en"])

    return substitute


def checklist_result(interview: Interview, binding: Binding) -> ChecklistResult:
    checklist = binding.checklist
    sources = interview.plan.sources
    values = _header(interview, binding)
    substitute = _substituter(checklist, values)
    categories = []
    for cat in checklist.categories:
        items: list[ItemResult] = []
        for item in cat.items:
            outcome = binding.outcomes.get(item.id)
            text = substitute(item.text)
            if outcome is None:  # the builder refuses this; kept total for hand-made plans
                items.append(ItemResult(item.id, cat.id, text, "unanswered", (), UNANSWERED_REASON, UNANSWERED_ACTION, ()))
                continue
            if outcome.for_each is None:
                items.append(ItemResult(item.id, cat.id, text, *_decide(outcome, item, _Context(interview, binding), sources)))
                continue
            group = interview.plan.by_id[outcome.for_each]
            blocks = interview.value(group.id)
            refs = tuple(ShownRef(r.doc, r.article, r.detail, ref_label(r, sources)) for r in item.refs)
            if blocks is None:
                waiting = interview.is_visible(group.id)
                status = "unanswered" if waiting else "not_applicable"
                items.append(ItemResult(item.id, cat.id, text, status, (), UNANSWERED_REASON if waiting else None, UNANSWERED_ACTION if waiting else None, refs))
                continue
            if not blocks:
                items.append(ItemResult(item.id, cat.id, text, "not_applicable", (), None, None, refs))
            label_from = group.question.label_from
            for n, block in enumerate(blocks, start=1):
                decided = _decide(outcome, item, _Context(interview, binding, block, group), sources)
                label = str(block.get(label_from)) if label_from and block.get(label_from) else f"{group.question.item_label.ja} {n}"
                items.append(ItemResult(item.id, cat.id, text, *decided, instance=n, instance_label=label))
        categories.append(CategoryResult(cat.id, cat.title, tuple(_cite_crosswalk(interview, checklist, items, sources))))
    header = tuple(
        HeaderValue(f.id, f.label, f.kind, values[f.id], Words(ja=_display(f, values[f.id], "ja"), en=_display(f, values[f.id], "en")))
        for f in checklist.header
    )
    return ChecklistResult(
        checklist.id, checklist.version, checklist.kind, checklist.title, checklist.issuer, checklist.source,
        header, substitute(checklist.preamble), substitute(checklist.closing_note), tuple(categories),
    )


def _cite_crosswalk(interview: Interview, checklist: Checklist, items: list[ItemResult], sources: dict[str, Any]) -> list[ItemResult]:
    """Items needing follow-up also cite the matching article of the interview's municipality (checklists/crosswalk.yaml)."""
    crosswalk = interview.plan.crosswalk
    municipality = crosswalk and chosen_municipality(crosswalk, interview.value("municipality"), checklist.issuer.ja)
    if not municipality:
        return items
    cited = []
    for item in items:
        extra = matching_refs(crosswalk, [(r.doc, r.article) for r in item.refs], municipality) if item.needs_follow_up else []
        cited.append(replace(item, refs=item.refs + tuple(ShownRef(r.doc, r.article, r.detail, ref_label(r, sources)) for r in extra)) if extra else item)
    return cited


def results(interview: Interview) -> tuple[ChecklistResult, ...]:
    """Every checklist the interview fills (a sub-flow's only when it was included)."""
    out = []
    for binding in interview.plan.bindings:
        if binding.when is not None and not evaluate(binding.when, lambda r: ABSENT if interview.value(r.id) is None else interview.value(r.id)):
            continue
        out.append(checklist_result(interview, binding))
    return tuple(out)


def category_status(cat: CategoryResult) -> str:
    """One status for a category (side panels): follow_up if any item needs it."""
    statuses = {i.status for i in cat.items}
    for status in ("follow_up", "unanswered", "confirmed"):
        if status in statuses:
            return status
    return "not_applicable"


__all__ = ["STATUSES", "STATUS_LABELS", "STATUS_MARKS", "ChecklistResult", "ItemResult", "results", "category_status", "Cond"]
