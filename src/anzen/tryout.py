"""`anzen flows try`: every distinct path of a flow with sample answers and the statuses they give.

A *path* is the questions asked plus the rule that decided each item (anzen.paths enumerates them per
part: items that share the questions deciding them). Answer combinations that are asked the same
questions and decided by the same rules with the same statuses are one path; the first combination
found (answers in the order the choices are listed) is shown. The text form is what the reviewed
snapshots under tests/data/try/ hold."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from anzen.paths import DEFAULT_LIMIT, Explorer, Key, Leaf, Part
from anzen.plan import Plan
from anzen.result import STATUS_MARKS

NOT_ASKED = "–"
SKIPPED = "(skipped)"


@dataclass
class PathTable:
    part: Part
    columns: list[Key]  # the questions of the part, in asking order
    rows: list[Leaf]  # one per distinct path
    truncated: bool

    @property
    def items(self) -> list[str]:
        return [t.key for t in self.part.targets]


def tables(plan: Plan, limit: int = DEFAULT_LIMIT) -> list[PathTable]:
    explorer = Explorer(plan, limit=limit)
    found = []
    for part in explorer.parts():
        exploration = explorer.explore(part)
        distinct: dict[tuple[Any, ...], Leaf] = {}
        for leaf in exploration.leaves:
            distinct.setdefault(leaf.signature(), leaf)
        columns: list[Key] = []
        for qid in part.outer:
            columns.append((None, qid))
            node = plan.by_id[qid]
            columns += [(qid, c.id) for c in node.children if c.id in part.block.get(qid, ())]
        found.append(PathTable(part, columns, list(distinct.values()), exploration.truncated))
    return found


def column_name(key: Key) -> str:
    group, qid = key
    return qid if group is None else f"{group}[].{qid}"


def cell(plan: Plan, leaf: Leaf, key: Key) -> str:
    if key not in leaf.answers:
        return NOT_ASKED
    value = leaf.answers[key]
    if value is None:
        return SKIPPED
    group, qid = key
    if group is None and plan.by_id[qid].is_group:
        return f"{len(value)} block(s)"
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    return str(value)


def status_cell(status: str) -> str:
    if status == "absent":
        return "(not in report)"
    return " / ".join(f"{STATUS_MARKS.get(s, '')} {s}" for s in status.split("/"))


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_text(plan: Plan, found: list[PathTable]) -> str:
    flow = plan.flow
    total = sum(len(t.rows) for t in found)
    out = [
        f"# flows try {flow.id} {flow.version}", "",
        f"{len(found)} part(s), {total} distinct path(s). A path: the questions asked and the rule that decided each item;",
        f"the answers shown are the first that take it. {NOT_ASKED} = not asked on that path.", "",
    ]
    for n, table in enumerate(found, start=1):
        out.append(f"## {n}. " + ", ".join(table.items) + (" (cut: more paths than the limit)" if table.truncated else ""))
        out.append("")
        header = ["#", *(column_name(k) for k in table.columns), *table.items]
        out.append("| " + " | ".join(_escape(h) for h in header) + " |")
        out.append("|" + "---|" * len(header))
        for i, leaf in enumerate(table.rows, start=1):
            cells = [str(i), *(cell(plan, leaf, k) for k in table.columns), *(status_cell(leaf.statuses[t]) for t in table.items)]
            out.append("| " + " | ".join(_escape(c) for c in cells) + " |")
        out.append("")
    return "\n".join(out)


def render_json(plan: Plan, found: list[PathTable]) -> dict[str, Any]:
    return {
        "flow": plan.flow.id, "flow_version": plan.flow.version,
        "parts": [
            {
                "items": table.items, "questions": [column_name(k) for k in table.columns], "truncated": table.truncated,
                "paths": [
                    {"answers": {column_name(k): leaf.answers[k] for k in table.columns if k in leaf.answers and not (k[0] is None and plan.by_id[k[1]].is_group)},
                     "statuses": {t: leaf.statuses[t] for t in table.items}}
                    for leaf in table.rows
                ],
            }
            for table in found
        ],
    }
