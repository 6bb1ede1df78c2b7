"""Validate and build stage: a loaded flow → a Plan, with every static problem collected.

Checks: duplicate ids; references to unknown questions, items, categories, header fields,
flows, documents and articles; conditions that refer to questions asked later; comparisons
that do not fit the question's kind; include cycles; questions no answers can reach; checklist
items that no rule sets. Messages are in YAML words, each with file, line and id."""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

from anzen import conditions as c
from anzen.build_conditions import ConditionBuilder, Scope, allowed_values
from anzen.collecting import paused_gc
from anzen.errors import Problem, ProblemsError, did_you_mean
from anzen.loader import Loaded
from anzen.model.runtime import (
    ChoiceQuestion, Flow, GroupQuestion, Include, InfoMessage, MultiChoiceQuestion, QuestionSource, TextQuestion,
)
from anzen.plan import Binding, HeaderExpr, ItemOutcome, Node, Plan, Rule, SectionInfo
from anzen.registry import Library, default_library

MAX_COMBINATIONS = 4096


class _Builder(ConditionBuilder):
    def __init__(self, library: Library) -> None:
        self.library = library
        self.problems: list[Problem] = []
        self.nodes: list[Node] = []
        self.bindings: list[Binding] = []
        self.sources: dict[str, Any] = {}
        self.models: dict[str, Any] = {}  # full id → model, for every emitted node
        self.files: dict[str, None] = {}  # flow files in the order included (each once)

    # -- helpers ---------------------------------------------------------
    def problem(self, code: str, message: str, loaded: Loaded[Any], loc: tuple[Any, ...], subject: str | None = None, hint: str | None = None) -> None:
        self.problems.append(Problem(code, message, loaded.file, loaded.doc.line_of(loc), subject, hint))

    def check_refs(self, refs: Any, loaded: Loaded[Any], loc: tuple[Any, ...], subject: str) -> None:
        for i, ref in enumerate(refs):
            try:
                source = self.library.source(ref.doc)
            except ProblemsError as exc:
                self.problems.extend(exc.problems)
                continue
            if source is None:
                self.problem("unknown-document", f"no source document '{ref.doc}'", loaded, (*loc, i, "doc"), subject, did_you_mean(ref.doc, self.library.source_ids()))
                continue
            self.sources[ref.doc] = source.model
            ids = [a.id for a in source.model.articles]
            if ref.article not in ids:
                self.problem("unknown-article", f"'{ref.doc}' has no article '{ref.article}'", loaded, (*loc, i, "article"), subject, did_you_mean(ref.article, ids))

    # -- the flow ----------------------------------------------------------
    def flow(self, loaded: Loaded[Flow], prefix: str, share: dict[str, c.Ref], outer_when: c.Cond | None, stack: tuple[Path, ...]) -> None:
        flow = loaded.model
        if loaded.path is not None:
            self.files.setdefault(str(loaded.path.resolve()), None)
        entries: list[tuple[Any, Any, tuple[Any, ...], int | None]] = []
        order: dict[str, int] = {}
        models: dict[str, Any] = {}
        section_ids: set[str] = set()
        for si, section in enumerate(flow.sections):
            if section.id in section_ids:
                self.problem("duplicate-id", f"section id '{section.id}' is used twice", loaded, ("sections", si, "id"), f"section '{section.id}'")
            section_ids.add(section.id)
            section_info = SectionInfo(id=prefix + section.id, title=section.title, checklist=flow.checklist, category=section.category)  # one for its questions
            lines = loaded.doc.lines_within(("sections", si, "questions"))
            for qi, question in enumerate(section.questions):
                loc = ("sections", si, "questions", qi)
                if question.id in order:
                    self.problem("duplicate-id", f"id '{question.id}' is already used by an earlier question", loaded, (*loc, "id"), f"question '{question.id}'")
                    continue
                order[question.id] = len(entries)
                models[question.id] = question
                entries.append((question, section_info, loc, lines.get(qi) or loaded.doc.line_of(loc)))
        checklist = None
        if flow.checklist is not None:
            try:
                found = self.library.checklist(flow.checklist)
            except ProblemsError as exc:
                self.problems.extend(exc.problems)
                found = None
            else:
                if found is None:
                    self.problem("unknown-checklist", f"no checklist '{flow.checklist}'", loaded, ("checklist",), None, did_you_mean(flow.checklist, self.library.checklist_ids()))
            checklist = found.model if found is not None else None
            if checklist is not None:
                ids = [cat.id for cat in checklist.categories]
                known = set(ids)
                for i, ref_cat in enumerate(s.category for s in flow.sections):
                    if ref_cat is not None and ref_cat not in known:
                        self.problem("unknown-category", f"checklist '{checklist.id}' has no category '{ref_cat}'", loaded, ("sections", i, "category"), f"section '{flow.sections[i].id}'", did_you_mean(ref_cat, ids))
        scope = Scope(flow, prefix, order, models, share, None, emitted=self.models)
        for position, (question, section_info, loc, line) in enumerate(entries):
            subject = f"question '{question.id}'"
            scope.position = position  # one scope, moved along (nothing keeps it): not one made per question
            if isinstance(question, Include):
                self.include(loaded, question, loc, scope, outer_when, stack)
                continue
            if question.id in share:
                continue  # answered by the including flow
            # (most questions have no condition and no articles: nothing to build or look up)
            when = outer_when if question.when is None else c.conjoin(outer_when, self.condition(question.when, scope, loaded, (*loc, "when"), subject))
            if question.refs:
                self.check_refs(question.refs, loaded, (*loc, "refs"), subject)
            texts = [question.text] if isinstance(question, InfoMessage) else [question.prompt, question.help]
            names = self.placeholders(texts, scope, loaded, loc, subject)
            self.check_validation(question, loaded, loc, subject)
            children: tuple[Node, ...] = ()
            if isinstance(question, GroupQuestion):
                children = self.group_children(question, scope, loaded, loc, section_info)
            node = Node(id=prefix + question.id, index=len(self.nodes), question=question, when=when, section=section_info, file=loaded.file,
                        line=line, children=children, names=names)
            self.nodes.append(node)
            self.models[node.id] = question
        if flow.checklist is not None and checklist is not None:
            self.binding(loaded, checklist, prefix, order, models, share, outer_when)

    def check_validation(self, question: Any, loaded: Loaded[Any], loc: tuple[Any, ...], subject: str) -> None:
        # only a text question has a pattern (asking another for `validation` costs pydantic an exception)
        validation = question.validation if isinstance(question, TextQuestion) else None
        if validation is not None and validation.pattern is not None:
            try:
                re.compile(validation.pattern)
            except re.error as exc:
                self.problem("bad-pattern", f"pattern {validation.pattern!r} is not a valid regular expression: {exc}", loaded, (*loc, "validation", "pattern"), subject)
            else:
                from anzen.patterns import backtracks

                if backtracks(validation.pattern):
                    self.problem("slow-pattern", f"pattern {validation.pattern!r} can take minutes on an answer that nearly fits (a repeated part inside a repetition).",
                                 loaded, (*loc, "validation", "pattern"), subject,
                                 "Write the repetition possessive, e.g. (?:\\d+-?)++ instead of (\\d+-?)+, or separate its repetitions by a fixed character, e.g. [0-9]+(-[0-9]+)*.")
        if isinstance(question, (ChoiceQuestion, MultiChoiceQuestion)):
            seen: set[str] = set()
            for i, choice in enumerate(question.choices):
                if choice.value in seen or (choice.value == "unsure" and question.allow_unsure):
                    self.problem("duplicate-id", f"choice value '{choice.value}' is used twice" + (" (unsure is added by allow_unsure)" if choice.value == "unsure" else ""), loaded, (*loc, "choices", i, "value"), subject)
                seen.add(choice.value)
            if isinstance(question, ChoiceQuestion) and question.default is not None and question.default not in seen:
                self.problem("unknown-value", f"default {question.default!r} is not one of the choices", loaded, (*loc, "default"), subject, did_you_mean(question.default, seen))

    def group_children(self, group: GroupQuestion, scope: Scope, loaded: Loaded[Any], loc: tuple[Any, ...], section: SectionInfo) -> tuple[Node, ...]:
        block_order: dict[str, int] = {}
        block: dict[str, Any] = {}
        children: list[Node] = []
        for i, child in enumerate(group.questions):
            child_loc = (*loc, "questions", i)
            subject = f"question '{group.id}.{child.id}'"
            if child.id in block_order:
                self.problem("duplicate-id", f"id '{child.id}' is used twice in group '{group.id}'", loaded, (*child_loc, "id"), subject)
                continue
            if child.id in scope.order:
                self.problem("duplicate-id", f"id '{child.id}' in group '{group.id}' is also a question outside it (a condition could not tell them apart)", loaded, (*child_loc, "id"), subject)
            block_order[child.id] = i
            block[child.id] = child
            child_scope = Scope(scope.flow, scope.prefix, scope.order, scope.models, scope.share, scope.position, block, block_order, i, scope.emitted)
            when = self.condition(child.when, child_scope, loaded, (*child_loc, "when"), subject)
            self.check_refs(child.refs, loaded, (*child_loc, "refs"), subject)
            names = self.placeholders([child.prompt, child.help], child_scope, loaded, child_loc, subject)
            self.check_validation(child, loaded, child_loc, subject)
            children.append(Node(id=child.id, index=i, question=child, when=when, section=section, file=loaded.file,
                                 line=loaded.doc.line_of(child_loc), names=names))
        if group.label_from is not None and group.label_from not in block:
            self.problem("unknown-question", f"label_from '{group.label_from}' is not a question of the group", loaded, (*loc, "label_from"), f"question '{group.id}'", did_you_mean(group.label_from, block))
        return tuple(children)

    def include(self, loaded: Loaded[Flow], inc: Include, loc: tuple[Any, ...], scope: Scope, outer_when: c.Cond | None, stack: tuple[Path, ...]) -> None:
        subject = f"include '{inc.id}'"
        try:
            path = self.library.flow_path(inc.flow, loaded.path)
        except ProblemsError as exc:
            for p in exc.problems:
                self.problem(p.code, p.message, loaded, (*loc, "flow"), subject, p.hint)
            return
        if path.resolve() in stack:
            chain = " → ".join(p.stem for p in (*stack, path.resolve()))
            self.problem("include-cycle", f"flows include each other in a cycle: {chain}", loaded, (*loc, "flow"), subject)
            return
        try:
            sub = self.library.flow(path)
        except ProblemsError as exc:
            self.problems.extend(exc.problems)
            return
        when = c.conjoin(outer_when, self.condition(inc.when, scope, loaded, (*loc, "when"), subject))
        sub_ids = {q.id: q for s in sub.model.sections for q in s.questions}
        shared: dict[str, c.Ref] = {}
        for child_id, parent_id in inc.share.items():
            if child_id not in sub_ids:
                self.problem("bad-share", f"flow '{sub.model.id}' has no question '{child_id}'", loaded, (*loc, "share", child_id), subject, did_you_mean(child_id, sub_ids))
                continue
            resolved = self.resolve(parent_id, scope, loaded, (*loc, "share", child_id), subject)
            if resolved is None:
                continue
            ref, parent_model = resolved
            if parent_model is not None and parent_model.kind != sub_ids[child_id].kind:
                self.problem("bad-share", f"'{parent_id}' ({parent_model.kind}) cannot answer '{child_id}' ({sub_ids[child_id].kind})", loaded, (*loc, "share", child_id), subject)
                continue
            shared[child_id] = ref
        self.flow(sub, scope.prefix + inc.id + ".", shared, when, (*stack, path.resolve()))

    def binding(self, loaded: Loaded[Flow], checklist: Any, prefix: str, order: dict[str, int], models: dict[str, Any], share: dict[str, c.Ref], when: c.Cond | None) -> None:
        flow = loaded.model
        items = {item.id: item for cat in checklist.categories for item in cat.items}
        outcomes: dict[str, ItemOutcome] = {}
        for item_id, outcome in flow.outcomes.items():
            loc = ("outcomes", item_id)
            subject = f"outcome '{item_id}'"
            if item_id not in items:
                self.problem("unknown-item", f"checklist '{checklist.id}' has no item '{item_id}'", loaded, loc, subject, did_you_mean(item_id, items))
                continue
            scope = Scope(flow, prefix, order, models, share, None, emitted=self.models)
            for_each = None
            if outcome.for_each is not None:
                group = models.get(outcome.for_each)
                if not isinstance(group, GroupQuestion):
                    self.problem("unknown-question", f"for_each '{outcome.for_each}' is not a group of this flow", loaded, (*loc, "for_each"), subject, did_you_mean(outcome.for_each, [k for k, v in models.items() if isinstance(v, GroupQuestion)]))
                else:
                    for_each = prefix + outcome.for_each
                    block = {q.id: q for q in group.questions}
                    scope = Scope(flow, prefix, order, models, share, None, block, {k: i for i, k in enumerate(block)}, None, self.models)
            rules = []
            for i, rule in enumerate(outcome.rules):
                rule_loc = (*loc, i)
                names = self.placeholders([rule.reason, rule.action], scope, loaded, rule_loc, subject)
                rules.append(Rule(when=self.condition(rule.when, scope, loaded, (*rule_loc, "when"), subject), status=rule.status,
                                  reason=rule.reason, action=rule.action, refs=tuple(rule.refs), names=names))
                self.check_refs(rule.refs, loaded, (*rule_loc, "refs"), subject)
            outcomes[item_id] = ItemOutcome(item=item_id, for_each=for_each, rules=tuple(rules), unsure_action=outcome.unsure_action)
        for item_id, item in items.items():
            if item_id not in flow.outcomes:
                self.problem("item-never-set", f"checklist item '{item_id}' of '{checklist.id}' is never set: add it to outcomes", loaded, ("outcomes",), f"item '{item_id}'")
        header: dict[str, HeaderExpr] = {}
        fields = [f.id for f in checklist.header]
        for field_id, value in flow.header.items():
            loc = ("header", field_id)
            if field_id not in fields:
                self.problem("unknown-header-field", f"checklist '{checklist.id}' has no header field '{field_id}'", loaded, loc, f"header field '{field_id}'", did_you_mean(field_id, fields))
                continue
            parts: list[Any] = []
            raw_parts = value.concat if hasattr(value, "concat") else [value]
            scope = Scope(flow, prefix, order, models, share, None, emitted=self.models)
            for part in raw_parts:
                if isinstance(part, QuestionSource):
                    resolved = self.resolve(part.question, scope, loaded, loc, f"header field '{field_id}'")
                    if resolved is not None:
                        parts.append(resolved[0])
                else:
                    parts.append(part)
            header[field_id] = HeaderExpr(parts=tuple(parts))
        for cat in checklist.categories:
            for item in cat.items:
                self.check_refs(item.refs, loaded, ("checklist",), f"item '{item.id}'")
        self.bindings.append(Binding(checklist=checklist, flow_id=flow.id, prefix=prefix, when=when, outcomes=outcomes, header=header))

    def crosswalk(self) -> Any:
        """checklists/crosswalk.yaml and the documents it cites (for the articles reports add to follow-ups)."""
        from anzen.crosswalk import documents, load_crosswalk

        try:
            crosswalk = load_crosswalk(self.library.checklists_dir)
            for doc in sorted(documents(crosswalk)) if crosswalk is not None else ():
                source = self.library.source(doc)
                if source is not None:
                    self.sources.setdefault(doc, source.model)
        except ProblemsError as exc:
            self.problems.extend(exc.problems)
            return None
        return crosswalk

    # -- whole-plan checks -----------------------------------------------
    def unreachable(self) -> None:
        for node in self.nodes:
            if node.when is None:
                continue
            refs = c.refs_of(node.when)
            domains = []
            for ref in refs:
                values = allowed_values(self.models.get(ref.id)) if ref.scope == c.OUTER else None
                if values is None:
                    break
                domains.append((*values, c.ABSENT))
            else:
                if _product_size(domains) > MAX_COMBINATIONS:
                    continue
                if not any(c.evaluate(node.when, dict(zip(refs, combo)).__getitem__) for combo in itertools.product(*domains)):
                    self.problems.append(Problem("unreachable", "no answers can reach this question: its condition can never hold", node.file, node.line, f"question '{node.id}'"))


def _product_size(domains: list[tuple[Any, ...]]) -> int:
    size = 1
    for d in domains:
        size *= len(d)
    return size


def build_plan(loaded: Loaded[Flow], library: Library | None = None) -> Plan:
    """Validate and compile a loaded flow; raise ProblemsError listing every problem."""
    builder = _Builder(library or default_library())
    stack = (loaded.path.resolve(),) if loaded.path is not None else ()
    with paused_gc():
        builder.flow(loaded, "", {}, None, stack)
        builder.unreachable()
        crosswalk = builder.crosswalk()
    errors = [p for p in builder.problems if p.severity == "error"]
    if errors:
        raise ProblemsError(_unique(builder.problems))
    dependents: dict[str, list[int]] = {}
    for node in builder.nodes:
        for ref in c.refs_of(node.when):
            dependents.setdefault(ref.id, []).append(node.index)
    return Plan(
        flow=loaded.model, file=loaded.file, nodes=tuple(builder.nodes), bindings=tuple(sorted(builder.bindings, key=lambda b: b.prefix.count('.'))),
        sources=dict(builder.sources), dependents={k: tuple(v) for k, v in dependents.items()},
        by_id={n.id: n for n in builder.nodes}, crosswalk=crosswalk, files=tuple(builder.files),
    )


def _unique(problems: list[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))


def load_plan(ref: str, library: Library | None = None) -> Plan:
    """An installed flow id or a path → a checked Plan (kept between runs: anzen.plan_cache)."""
    from anzen.plan_cache import load_plan as cached

    return cached(ref, library)
