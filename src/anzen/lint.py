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
- path-limit: a part has more paths than explored (warning).
- missing-translation, help-unknown-article, schema-line: the texts (anzen.lint_texts)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from anzen.build import build_plan
from anzen.collecting import paused_gc
from anzen.conditions import refs_of
from anzen.errors import Problem, ProblemsError
from anzen.lint_texts import article_mentions, schema_line, translations
from anzen.loader import Loaded
from anzen.model.runtime import ChoiceQuestion, Flow, Include, MultiChoiceQuestion, YesNoQuestion
from anzen.paths import DEFAULT_LIMIT, Explorer, Exploration, Key, Leaf, Part
from anzen.plan import Plan
from anzen.registry import Library, default_library

_NOT_ON_PATH = object()  # what a path that does not ask a question answers it: equal to no value


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
        self._confirming: dict[Key, set[Any]] | None = None

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
        if self._confirming is None:  # every question's at once: one pass over the paths, not one per question
            self._confirming = {}
            for exploration in self.explorations:
                targets = exploration.part.targets
                for leaf in exploration.leaves:
                    for target in targets:
                        index = leaf.rules[target.key]
                        if isinstance(index, int) and leaf.statuses[target.key] == "confirmed":
                            for read in target.keys_by_rule[index]:
                                value = leaf.answers.get(read)
                                if type(value) is not list:  # (asked of yes_no questions alone: lists are other kinds' answers)
                                    self._confirming.setdefault(read, set()).add(value)
        return self._confirming.get(key, set())

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
                # (a status is one word, or several joined by '/': only follow_up has follow_up in it)
                followed = False
                for reader in readers:
                    if "follow_up" in statuses[reader]:
                        followed = True
                        break
                followed = followed or not followers.isdisjoint(leaf.visible)
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
