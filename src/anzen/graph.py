"""A flow as a diagram (Mermaid or Graphviz DOT), so staff can review it without reading YAML.

Questions follow each other in asking order; a question asked only under a condition is entered
through a diamond with the condition (conditions.describe) and a `no` edge that skips it; an included
sub-flow is one diamond and a box around its questions. Checklist items are drawn below, each with its
rules (condition ⇒ status) and a dotted edge from every question those rules read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from anzen.conditions import All, BLOCK, Cond, describe, refs_of
from anzen.plan import Node, Plan

STATUS_WORDS = {"confirmed": "☑ confirmed", "follow_up": "▲ follow_up", "not_applicable": "－ not_applicable"}


@dataclass
class Shape:
    id: str
    label: list[str]  # lines
    kind: str  # question | info | group | decision | item | terminal


@dataclass
class Cluster:
    id: str
    title: str
    shapes: list[str] = field(default_factory=list)
    clusters: list["Cluster"] = field(default_factory=list)


@dataclass
class Diagram:
    shapes: dict[str, Shape] = field(default_factory=dict)
    edges: list[tuple[str, str, str, bool]] = field(default_factory=list)  # from, to, label, dotted
    root: Cluster = field(default_factory=lambda: Cluster("root", ""))


def _short(text: str, width: int = 36) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _prefix(node_id: str) -> str:
    return node_id.rsplit(".", 1)[0] + "." if "." in node_id else ""


def _own(when: Cond | None, outer: Cond | None) -> Cond | None:
    """A node's own condition, without the include conditions folded into it."""
    if outer is None or when is None:
        return when
    if when == outer:
        return None
    if isinstance(when, All) and len(when.items) == 2 and when.items[0] == outer:
        return when.items[1]
    return when


def _include_conditions(plan: Plan) -> dict[str, Cond | None]:
    """Prefix → the condition folded into every question of that sub-flow."""
    found: dict[str, Cond | None] = {b.prefix: b.when for b in plan.bindings}
    by_prefix: dict[str, list[Node]] = {}
    for node in plan.nodes:
        by_prefix.setdefault(_prefix(node.id), []).append(node)
    for prefix, nodes in by_prefix.items():
        if prefix in found or not prefix:
            continue
        first = nodes[0].when
        common = first.items[0] if isinstance(first, All) and len(first.items) == 2 else first
        if all(n.when == common or (isinstance(n.when, All) and n.when.items and n.when.items[0] == common) for n in nodes):
            found[prefix] = common
        else:
            found[prefix] = None
    found[""] = None
    return found


def build_diagram(plan: Plan, lang: str = "ja") -> Diagram:
    d = Diagram()
    outer = _include_conditions(plan)
    sections: dict[str, Cluster] = {}
    includes: dict[str, Cluster] = {"": d.root}
    d.shapes["flow_start"] = Shape("flow_start", [plan.flow.title.get(lang)], "terminal")
    d.root.shapes.append("flow_start")
    entries: list[tuple[str, str]] = []  # (entry shape, exit shape) per step, in order
    pending_include: dict[str, str] = {}  # prefix → its decision shape
    for node in plan.nodes:
        prefix = _prefix(node.id)
        if prefix not in includes:
            parent = includes.get(_prefix(prefix[:-1]), d.root)
            cluster = Cluster(f"inc_{len(includes)}", f"include {prefix[:-1]}")
            parent.clusters.append(cluster)
            includes[prefix] = cluster
            decision = f"d{len(d.shapes)}"
            d.shapes[decision] = Shape(decision, [f"include {prefix[:-1]}?", describe(_own(outer.get(prefix), outer.get(_prefix(prefix[:-1]))))], "decision")
            parent.shapes.append(decision)
            entries.append((decision, decision))
            pending_include[prefix] = decision
        section_key = node.section.id
        if section_key not in sections:
            cluster = Cluster(f"s{len(sections)}", node.section.title.get(lang))
            includes[prefix].clusters.append(cluster)
            sections[section_key] = cluster
        cluster = sections[section_key]
        shape = _node_shape(node, lang)
        d.shapes[shape.id] = shape
        cluster.shapes.append(shape.id)
        own = _own(node.when, outer.get(prefix))
        entry = shape.id
        if own is not None:
            entry = f"w{node.index}"
            d.shapes[entry] = Shape(entry, [describe(own)], "decision")
            cluster.shapes.append(entry)
            d.edges.append((entry, shape.id, "yes", False))
        exit_ = shape.id
        if node.is_group and node.children:
            exit_ = _group(d, cluster, node, lang)
        entries.append((entry, exit_))
    d.shapes["flow_end"] = Shape("flow_end", ["end"], "terminal")
    d.root.shapes.append("flow_end")
    entries.append(("flow_end", "flow_end"))
    _chain(d, entries, pending_include, plan)
    _items(d, plan, lang)
    return d


def _node_shape(node: Node, lang: str) -> Shape:
    q = node.question
    if q.kind == "info":
        return Shape(f"q{node.index}", [f"{node.id} (info)", _short(q.text.get(lang))], "info")
    kind = q.kind if q.kind != "choice" else "choice: " + " / ".join(ch.value for ch in q.choices)
    optional = "" if getattr(q, "required", True) else ", optional"
    return Shape(f"q{node.index}", [f"{node.id} ({kind}{optional})", _short(q.prompt.get(lang))], "group" if node.is_group else "question")


def _group(d: Diagram, cluster: Cluster, node: Node, lang: str) -> str:
    inner = Cluster(f"g{node.index}", f"{node.question.item_label.get(lang)} × n")
    cluster.clusters.append(inner)
    steps: list[tuple[str, str]] = []
    for child in node.children:
        shape = _node_shape(child, lang)
        shape.id = f"q{node.index}_{child.index}"
        d.shapes[shape.id] = shape
        inner.shapes.append(shape.id)
        entry = shape.id
        if child.when is not None:
            entry = f"w{node.index}_{child.index}"
            d.shapes[entry] = Shape(entry, [describe(child.when)], "decision")
            inner.shapes.append(entry)
            d.edges.append((entry, shape.id, "yes", False))
        steps.append((entry, shape.id))
    d.edges.append((f"q{node.index}", steps[0][0], "each block", False))
    for i, (entry, exit_) in enumerate(steps):
        last = i + 1 == len(steps)
        nxt = f"q{node.index}" if last else steps[i + 1][0]
        label = "next block" if last else ""
        d.edges.append((exit_, nxt, label, last))
        if entry != exit_:
            d.edges.append((entry, nxt, "no" if not last else "no: next block", last))
    return f"q{node.index}"


def _chain(d: Diagram, entries: list[tuple[str, str]], includes: dict[str, str], plan: Plan) -> None:
    include_of = {decision: prefix for prefix, decision in includes.items()}
    d.edges.append(("flow_start", entries[0][0], "", False))
    for i, (entry, exit_) in enumerate(entries[:-1]):
        nxt = entries[i + 1][0]
        if entry in include_of:  # the include's decision: yes → its first question, no → after its last
            prefix = include_of[entry]
            after = next((e for j, (e, _) in enumerate(entries[i + 1:], start=i + 1)
                          if e == "flow_end" or not _inside(d, e, prefix, plan)), "flow_end")
            d.edges.append((entry, nxt, "yes", False))
            d.edges.append((entry, after, "no", False))
            continue
        d.edges.append((exit_, nxt, "", False))
        if entry != exit_ and d.shapes[entry].kind == "decision":
            d.edges.append((entry, nxt, "no", False))


def _inside(d: Diagram, shape_id: str, prefix: str, plan: Plan) -> bool:
    if shape_id.startswith("d"):
        return d.shapes[shape_id].label[0].startswith(f"include {prefix}")
    index = int(shape_id[1:].split("_")[0])
    return plan.nodes[index].id.startswith(prefix)


def _items(d: Diagram, plan: Plan, lang: str) -> None:
    by_id = {n.id: n for n in plan.nodes}
    for binding in plan.bindings:
        cluster = Cluster(f"c{len(d.root.clusters)}", f"checklist {binding.checklist.id}" + (f" ({binding.prefix[:-1]})" if binding.prefix else ""))
        d.root.clusters.append(cluster)
        texts = {i.id: i.text.get(lang) for c in binding.checklist.categories for i in c.items}
        for item_id, outcome in binding.outcomes.items():
            shape_id = f"i{len(d.shapes)}"
            lines = [f"{item_id}: {_short(texts.get(item_id, ''), 30)}"]
            lines += [f"{describe(r.when) if r.when is not None else 'otherwise'} ⇒ {STATUS_WORDS[r.status]}" for r in outcome.rules]
            if outcome.for_each:
                lines.insert(1, f"(once per block of {outcome.for_each})")
            d.shapes[shape_id] = Shape(shape_id, lines, "item")
            cluster.shapes.append(shape_id)
            sources: dict[str, None] = {}
            for rule in outcome.rules:
                for ref in refs_of(rule.when):
                    if ref.scope == BLOCK and outcome.for_each:
                        group = by_id[outcome.for_each]
                        child = next((c for c in group.children if c.id == ref.id), None)
                        if child is not None:
                            sources[f"q{group.index}_{child.index}"] = None
                    elif ref.id in by_id:
                        sources[f"q{by_id[ref.id].index}"] = None
            for source in sources:
                d.edges.append((source, shape_id, "", True))


# -- rendering ---------------------------------------------------------------
def _mermaid_text(text: str) -> str:
    return (text.replace("&", "#amp;").replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")
            .replace("[", "#91;").replace("]", "#93;").replace("{", "#123;").replace("}", "#125;"))


_MERMAID_SHAPES = {"question": ('["', '"]'), "group": ('[["', '"]]'), "info": ('(["', '"])'),
                   "decision": ('{"', '"}'), "item": ('[/"', '"/]'), "terminal": ('(("', '"))')}


def mermaid(plan: Plan, lang: str = "ja") -> str:
    d = build_diagram(plan, lang)
    out = ["flowchart TD"]

    def cluster(c: Cluster, depth: int) -> None:
        pad = "  " * depth
        for sid in c.shapes:
            s = d.shapes[sid]
            left, right = _MERMAID_SHAPES[s.kind]
            out.append(f"{pad}{sid}{left}{'<br/>'.join(_mermaid_text(x) for x in s.label)}{right}")
        for sub in c.clusters:
            out.append(f'{pad}subgraph {sub.id}["{_mermaid_text(sub.title)}"]')
            cluster(sub, depth + 1)
            out.append(f"{pad}end")

    cluster(d.root, 1)
    for src, dst, label, dotted in d.edges:
        arrow = "-.->" if dotted else "-->"
        out.append(f'  {src} {arrow}|"{_mermaid_text(label)}"| {dst}' if label else f"  {src} {arrow} {dst}")
    return "\n".join(out) + "\n"


def _dot_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


_DOT_SHAPES = {"question": "box", "group": "box3d", "info": "note", "decision": "diamond", "item": "parallelogram", "terminal": "oval"}


def dot(plan: Plan, lang: str = "ja") -> str:
    d = build_diagram(plan, lang)
    out = [f'digraph "{_dot_text(plan.flow.id)}" {{', "  rankdir=TB;", '  node [fontname="sans-serif"];']

    def cluster(c: Cluster, depth: int) -> None:
        pad = "  " * depth
        for sid in c.shapes:
            s = d.shapes[sid]
            label = "\\n".join(_dot_text(x) for x in s.label)
            out.append(f'{pad}{sid} [shape={_DOT_SHAPES[s.kind]}, label="{label}"];')
        for sub in c.clusters:
            out.append(f"{pad}subgraph cluster_{sub.id} {{")
            out.append(f'{pad}  label="{_dot_text(sub.title)}";')
            cluster(sub, depth + 1)
            out.append(f"{pad}}}")

    cluster(d.root, 1)
    for src, dst, label, dotted in d.edges:
        attrs = [f'label="{_dot_text(label)}"'] if label else []
        if dotted:
            attrs.append("style=dotted")
        out.append(f"  {src} -> {dst}" + (f" [{', '.join(attrs)}]" if attrs else "") + ";")
    out.append("}")
    return "\n".join(out) + "\n"


def page(plan: Plan) -> str:
    """docs/flows/<flow>.md: what the flow is, its diagram, and its questions."""
    flow = plan.flow
    lines = [
        f"# {flow.title.ja}", "", f"*{flow.title.get('en')}* — `{flow.id}` version {flow.version}", "",
        f"<!-- Generated by `anzen flows graph {flow.id} --format markdown`. Do not edit: tests/authoring/test_shipped_flows_lint.py keeps it current. -->", "",
    ]
    if flow.description is not None:
        lines += [flow.description.ja, "", flow.description.get("en"), ""]
    lines += ["Fills: " + ", ".join(f"`{b.checklist.id}`" + (f" (when included as `{b.prefix[:-1]}`)" if b.prefix else "") for b in plan.bindings), ""]
    lines += ["## Diagram", "", "```mermaid", mermaid(plan).rstrip("\n"), "```", ""]
    lines += ["## Questions", "", "| id | kind | asked when | question |", "|---|---|---|---|"]
    for node in plan.nodes:
        q = node.question
        text = q.text if q.kind == "info" else q.prompt
        lines.append(f"| `{node.id}` | {q.kind} | {_cell(describe(node.when))} | {_cell(text.ja)}<br/>{_cell(text.get('en'))} |")
        for child in node.children:
            lines.append(f"| `{node.id}[].{child.id}` | {child.kind} | {_cell(describe(child.when))} | {_cell(child.question.prompt.ja)}<br/>{_cell(child.question.prompt.get('en'))} |")
    lines.append("")
    return "\n".join(lines)


def _cell(text: Any) -> str:
    return " ".join(str(text).split()).replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
