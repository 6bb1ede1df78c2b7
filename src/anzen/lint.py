"""`anzen flows check`: everything the builder checks, then the checks that need every path.

Rules beyond build.py (codes in errors.CATALOGUE; docs/flow-format.md explains each):
- path-incomplete: on every path (anzen.paths), once every question is answered each item has a status.
- unsure-not-followed-up / no-not-followed-up: an answer that can mean non-compliance leads to a follow-up.
  A *checklist question* is a yes_no or choice question whose answer decides an item (an outcome rule reads
  it, or it decides whether such a question is asked). Questions that only decide whether a sub-flow is
  included are navigation and are not checked. Its non-compliance answers are わからない (unsure), and, for a
  yes_no question whose 'yes' (or 'no') is what confirms an item, the other one. Such an answer is *followed
  up* on a path when an item whose rules read the question ends follow_up, or when it brings up a further
  question (one whose `when` reads it). It must be followed up on every path in at least one part.
- missing-translation: every text has ja and en (the flow, and the checklist it fills).
- help-unknown-article: 第N / 第N条 cited in a help, message, reason or action text exists in the documents
  the question (or rule, or item) refers to, or, when it refers to none, in some document the flow cites.
- schema-line: the file starts with `# yaml-language-server: $schema=…` (warning).
- path-limit: a part has more paths than explored (warning)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path
from types import NoneType, UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin, get_type_hints

from pydantic import BaseModel

from anzen.build import build_plan
from anzen.collecting import paused_gc
from anzen.conditions import refs_of
from anzen.errors import Problem, ProblemsError
from anzen.loader import Loaded, subject_of
from anzen.model.base import Record
from anzen.model.common import Text as TextModel
from anzen.model.runtime import ChoiceQuestion, Flow, Include, MultiChoiceQuestion, Text, YesNoQuestion
from anzen.paths import DEFAULT_LIMIT, Explorer, Exploration, Key, Leaf, Part
from anzen.plan import Plan
from anzen.registry import Library, default_library

SCHEMA_LINE = "# yaml-language-server: $schema="
_ATOMS = (str, int, float, bool, NoneType)
_NOT_ON_PATH = object()  # what a path that does not ask a question answers it: equal to no value
ARTICLE = re.compile(r"第([0-9０-９]+)(条?)(?![0-9０-９条項号])")


def lint_ref(ref: str, library: Library | None = None, limit: int = DEFAULT_LIMIT) -> list[Problem]:
    """Every problem of one flow (an installed id or a path), errors and warnings."""
    library = library or default_library()
    with paused_gc():  # loading and checking: the collector passes over their objects once, at the end
        try:
            path = Path(ref) if Path(ref).exists() else library.flow_path(ref)
            loaded = library.flow(path)
        except ProblemsError as exc:
            return _unique([p if p.file else Problem(p.code, p.message, ref, None, p.subject, p.hint) for p in exc.problems])
        return lint_loaded(loaded, library, limit)


def lint_loaded(loaded: Loaded[Flow], library: Library, limit: int = DEFAULT_LIMIT) -> list[Problem]:
    # a large flow's plan and paths are 10⁵–10⁶ objects: the cyclic collector passing over them
    # again and again cost as much as the checks (see yamlio.paused_gc)
    with paused_gc():
        return _lint_loaded(loaded, library, limit)


def _lint_loaded(loaded: Loaded[Flow], library: Library, limit: int) -> list[Problem]:
    problems: list[Problem] = []
    problems += schema_line(loaded)
    problems += translations(loaded)
    try:
        checklist = library.checklist(loaded.model.checklist) if loaded.model.checklist else None
    except ProblemsError:
        checklist = None  # the build reports the checklist's problems
    if checklist is not None:
        problems += translations(checklist)
    try:
        plan = build_plan(loaded, library)
    except ProblemsError as exc:
        return _unique(problems + exc.problems)
    flows = flows_by_prefix(loaded, library)
    problems += article_mentions(plan, flows, library)
    problems += PathChecks(plan, flows, limit).run()
    return _unique(problems)


def _unique(problems: list[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))


def flows_by_prefix(loaded: Loaded[Flow], library: Library, prefix: str = "", seen: frozenset[Path] = frozenset()) -> dict[str, Loaded[Flow]]:
    """The flow and its included sub-flows, by answer-id prefix (for file and line of their outcomes)."""
    found = {prefix: loaded}
    for section in loaded.model.sections:
        for question in section.questions:
            if isinstance(question, Include):
                try:
                    path = library.flow_path(question.flow, loaded.path)
                    if path.resolve() in seen:
                        continue
                    sub = library.flow(path)
                except ProblemsError:
                    continue
                found |= flows_by_prefix(sub, library, f"{prefix}{question.id}.", seen | {path.resolve()})
    return found


# -- texts -------------------------------------------------------------------
def schema_line(loaded: Loaded[Any]) -> list[Problem]:
    if loaded.path is None:
        return []
    try:
        first = loaded.path.read_text(encoding="utf-8-sig").split("\n", 1)[0]
    except (OSError, UnicodeDecodeError):
        return []
    if first.startswith(SCHEMA_LINE):
        return []
    return [Problem("schema-line", "the first line is not the yaml-language-server schema line", loaded.file, 1, None,
                    f"Start the file with '{SCHEMA_LINE}schema.json' (the path of flows/schema.json from this file) so editors check it as you type.",
                    severity="warning")]


def texts_of(model: Any, loc: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Text]]:
    """Every bilingual text of a loaded model, with where it is, in the order of the file."""
    found: list[tuple[tuple[Any, ...], Text]] = []
    _collect_texts(model, loc, found)
    return found


def _collect_texts(model: Any, loc: tuple[Any, ...], found: list[tuple[tuple[Any, ...], Text]]) -> None:
    # into one list, not generators: a text deep in a flow was passed up through as many generators as it
    # was deep; and strings and None, most of the values, are not visited
    if isinstance(model, Text):
        found.append((loc, model))
    elif isinstance(model, Record):
        for name, key in _text_fields(type(model)):
            value = getattr(model, name)
            if type(value) not in _ATOMS:
                _collect_texts(value, (*loc, key), found)
    elif isinstance(model, (list, tuple)):
        for i, value in enumerate(model):
            if type(value) not in _ATOMS:
                _collect_texts(value, (*loc, i), found)
    elif isinstance(model, dict):
        for key, value in model.items():
            if type(value) not in _ATOMS:
                _collect_texts(value, (*loc, key), found)


@cache
def _text_fields(cls: type[Record]) -> tuple[tuple[str, str], ...]:
    """The fields of a loaded record (name, key in the file) whose type can hold a Text: ids, flags and
    conditions, most of a large flow, are not walked. The types are read from the record's pydantic model."""
    model = _models()[cls.__name__]
    return tuple((name, info.alias or name) for name, info in model.model_fields.items() if _can_hold_text(_annotation(model, name), frozenset()))


@cache
def _models() -> dict[str, type[BaseModel]]:
    from anzen.model.generate import models

    return {model.__name__: model for model in models()}


def _annotation(cls: type[BaseModel], name: str) -> Any:
    try:  # pydantic leaves the recursive ones ('Condition') as forward references
        return get_type_hints(cls, include_extras=True)[name]
    except (NameError, KeyError, TypeError):
        return cls.model_fields[name].annotation


def _can_hold_text(annotation: Any, seen: frozenset[type]) -> bool:
    if annotation in _ATOMS or get_origin(annotation) is Literal:
        return False
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if issubclass(annotation, TextModel):
            return True
        if annotation in seen:  # a model inside itself (conditions): its other fields decide
            return False
        return any(_can_hold_text(_annotation(annotation, n), seen | {annotation}) for n in annotation.model_fields)
    origin = get_origin(annotation)
    if origin is Annotated:
        return _can_hold_text(get_args(annotation)[0], seen)
    if origin in (Union, UnionType, list, tuple, dict):
        return any(_can_hold_text(a, seen) for a in get_args(annotation) if a is not Ellipsis)
    return True  # Any, a forward reference, anything else: walk it


def translations(loaded: Loaded[Any]) -> list[Problem]:
    if not loaded.untranslated:  # found while loading: every text has its English
        return []
    problems = []
    for loc, text in texts_of(loaded.model):
        if text.untranslated:
            field = next((p for p in reversed(loc) if isinstance(p, str)), "text")
            problems.append(Problem("missing-translation", f"'{field}' has no English (en) text: {_short(text.ja)}",
                                    loaded.file, loaded.doc.line_of(loc), subject_of(loaded.doc.data, loc),
                                    f"Write it as {field}: {{ja: …, en: …}}."))
    return problems


def _short(text: str, width: int = 30) -> str:
    text = " ".join(text.split())
    return f"「{text[:width]}…」" if len(text) > width else f"「{text}」"


def mentions(text: str) -> list[str]:
    """Article numbers cited in a text: 第7, 第19条 (paragraphs 第2項 and items 第3号 are not articles)."""
    return [f"第{unicodedata.normalize('NFKC', n)}{jo}" for n, jo in ARTICLE.findall(text)]


def article_mentions(plan: Plan, flows: dict[str, Loaded[Flow]], library: Library) -> list[Problem]:
    problems: list[Problem] = []
    cited = {doc for doc in plan.sources}

    def check(cites: list[str], docs: set[str], file: str, line: int | None, subject: str) -> None:
        candidates = docs or cited
        ids: set[str] = set()
        for doc in candidates:
            source = library.source(doc)
            if source is not None:
                ids |= {a.id for a in source.model.articles}
        for mention in cites:
            bare = mention.removesuffix("条")
            if bare not in ids and bare + "条" not in ids:
                problems.append(Problem("help-unknown-article", f"the text cites {mention}, which {', '.join(sorted(candidates)) or 'no document'} does not have",
                                        file, line, subject, "Add the document it comes from to refs, or correct the number."))

    # most texts cite no article: the documents, lines and subjects are worked out only for those that do
    for node in plan.nodes:
        question = node.question
        for q, line, name in [(question, node.line, node.id)] + [(c.question, c.line, f"{node.id}.{c.id}") for c in node.children]:
            cites = _cites([getattr(q, "help", None), getattr(q, "text", None) if q.kind == "info" else None])
            if cites:
                check(cites, {r.doc for r in q.refs}, node.file, line, f"question '{name}'")
    for binding in plan.bindings:
        loaded = flows.get(binding.prefix)
        if loaded is None:
            continue
        items = {i.id: i for c in binding.checklist.categories for i in c.items}
        for item_id, outcome in binding.outcomes.items():
            item_docs = {r.doc for r in items[item_id].refs} if item_id in items else set()
            for i, rule in enumerate(outcome.rules):
                cites = _cites([rule.reason, rule.action])
                if cites:
                    check(cites, {r.doc for r in rule.refs} | item_docs, loaded.file, loaded.doc.line_of(("outcomes", item_id, "rules", i)), f"outcome '{item_id}'")
            cites = _cites([outcome.unsure_action])
            if cites:
                check(cites, item_docs, loaded.file, loaded.doc.line_of(("outcomes", item_id, "unsure_action")), f"outcome '{item_id}'")
    return problems


def _cites(texts: list[Any]) -> list[str]:
    return [mention for text in texts if text is not None and "第" in text.ja for mention in mentions(text.ja)]


# -- paths -------------------------------------------------------------------
class PathChecks:
    """The rules that need every path: complete checklists, non-compliance followed up."""

    def __init__(self, plan: Plan, flows: dict[str, Loaded[Flow]], limit: int) -> None:
        self.plan, self.flows = plan, flows
        self.explorer = Explorer(plan, limit=limit)
        self.explorations: list[Exploration] = [self.explorer.explore(part) for part in self.explorer.parts()]
        self.having: dict[Key, list[Exploration]] = {}  # question → the explorations whose part holds it
        for exploration in self.explorations:
            for key in exploration.part.keys():
                self.having.setdefault(key, []).append(exploration)
        self.problems: list[Problem] = []

    def run(self) -> list[Problem]:
        for exploration in self.explorations:
            if exploration.truncated:
                keys = ", ".join(t.key for t in exploration.part.targets)
                self.problems.append(Problem("path-limit", f"more paths decide {keys} than the limit ({len(exploration.leaves)}); only the first {len(exploration.leaves)} were checked",
                                             self.plan.file, None, None, "Split long chains of conditions, or check the flow with a higher limit.", severity="warning"))
        self.incomplete()
        self.non_compliance()
        return self.problems

    def describe(self, leaf: Leaf) -> str:
        parts = []
        for (group, qid), value in leaf.answers.items():
            name = qid if group is None else f"{group}[1].{qid}"
            if group is None and self.plan.by_id[qid].is_group:
                shown = "(skipped)" if value is None else f"{len(value)} block(s)"
            else:
                shown = "(skipped)" if value is None else (",".join(value) if isinstance(value, list) else str(value))
            parts.append(f"{name}={shown}")
        return ", ".join(parts) or "(no question decides it)"

    def outcome_place(self, target: Any) -> tuple[str, int | None]:
        loaded = self.flows.get(target.binding.prefix)
        if loaded is None:
            return self.plan.file, None
        return loaded.file, loaded.doc.line_of(("outcomes", target.outcome.item))

    def incomplete(self) -> None:
        for exploration in self.explorations:
            for target in exploration.part.targets:
                leaf = next((lf for lf in exploration.leaves if "unanswered" in lf.statuses[target.key].split("/")), None)
                if leaf is None:
                    continue
                file, line = self.outcome_place(target)
                self.problems.append(Problem(
                    "path-incomplete", f"no rule matches on the path {self.describe(leaf)}: the item would stay unanswered",
                    file, line, f"item '{target.key}'", "Add a rule for these answers, or end the rules with one without `when` (otherwise)."))

    # -- non-compliance --------------------------------------------------
    def checklist_questions(self) -> set[Key]:
        read = {key for t in self.explorer.targets for key in t.rule_keys()}
        navigation = {(None, r.id) for b in self.plan.bindings for r in refs_of(b.when)} - read
        keys: set[Key] = set()
        for exploration in self.explorations:
            for key in exploration.part.keys():
                question = self.explorer.question(key)
                if key not in navigation and isinstance(question, (YesNoQuestion, ChoiceQuestion, MultiChoiceQuestion)):
                    keys.add(key)
        return keys

    def confirming(self, key: Key) -> set[str]:
        """Values of a yes_no question with which a rule that reads it confirms an item."""
        values: set[str] = set()
        for exploration in self.having.get(key, []):
            for leaf in exploration.leaves:
                value = leaf.answers.get(key)
                for target in exploration.part.targets:
                    index = leaf.rules[target.key]
                    if not isinstance(index, int) or leaf.statuses[target.key] != "confirmed":
                        continue
                    if key in target.keys_by_rule[index]:
                        values.add(value)
        return values

    def non_compliance(self) -> None:
        dependents = self._dependents()
        for key in sorted(self.checklist_questions(), key=self._order):
            question = self.explorer.question(key)
            bad: list[tuple[Any, str]] = []
            if isinstance(question, MultiChoiceQuestion):
                if question.allow_unsure:
                    bad.append((["unsure"], "unsure-not-followed-up"))
            elif isinstance(question, ChoiceQuestion) and question.allow_unsure or isinstance(question, YesNoQuestion):
                bad.append(("unsure", "unsure-not-followed-up"))
            if isinstance(question, YesNoQuestion):
                confirming = self.confirming(key) & {"yes", "no"}
                if len(confirming) == 1:
                    bad.append(("no" if confirming == {"yes"} else "yes", "no-not-followed-up"))
            for value, code in bad:
                self._check_value(key, value, code, dependents.get(key, set()))

    def _order(self, key: Key) -> tuple[int, int]:
        group, qid = key
        if group is None:
            return self.plan.by_id[qid].index, -1
        node = self.plan.by_id[group]
        return node.index, node.child(qid).index

    def _dependents(self) -> dict[Key, set[Key]]:
        """Question → the questions whose `when` reads it (its follow-up questions)."""
        found: dict[Key, set[Key]] = {}
        for node in self.plan.nodes:
            for ref in refs_of(node.when):
                found.setdefault((None, ref.id), set()).add((None, node.id))
            for child in node.children:
                for ref in refs_of(child.when):
                    source = (node.id, ref.id) if ref.scope == "block" else (None, ref.id)
                    found.setdefault(source, set()).add((node.id, child.id))
        return found

    def _check_value(self, key: Key, value: Any, code: str, followers: set[Key]) -> None:
        first_violation: tuple[Leaf, Part] | None = None
        for exploration in self.having.get(key, []):
            part = exploration.part
            readers = [t.key for t in part.targets if key in t.rule_keys()]
            seen = violated = False
            for leaf in exploration.leaves:
                if leaf.answers.get(key, _NOT_ON_PATH) != value:
                    continue
                seen = True
                statuses = leaf.statuses
                followed = any("follow_up" in statuses[k].split("/") for k in readers) or not followers.isdisjoint(leaf.visible)
                if not followed:
                    violated = True
                    if first_violation is None:
                        first_violation = (leaf, part)
                    break
            if seen and not violated:
                return  # followed up on every path of this part
        if first_violation is None:
            return
        leaf, part = first_violation
        group, qid = key
        node = self.plan.by_id[group or qid]
        line = node.line if group is None else node.child(qid).line
        name = qid if group is None else f"{group}.{qid}"
        shown = "わからない (unsure)" if code == "unsure-not-followed-up" else repr(value)
        readers = [t.key for t in part.targets if key in t.rule_keys()]
        statuses = ", ".join(f"{k}: {leaf.statuses[k]}" for k in readers) or "no item reads it"
        hint = ("Let the rule that decides read this question (an unsure answer then becomes follow_up), add a follow_up rule for it, or ask a further question."
                if code == "unsure-not-followed-up" else
                f"Add a follow_up rule for {value!r}, or ask a further question when the answer is {value!r}.")
        self.problems.append(Problem(
            code, f"answering {shown} leads to no follow-up on the path {self.describe(leaf)} ({statuses})",
            node.file, line, f"question '{name}'", hint))
