"""`anzen flows check|list|schema`."""

from __future__ import annotations

import argparse
import json

from anzen.cli.common import EXIT_OK, EXIT_PROBLEMS, print_problems, print_table
from anzen.cli.language import sayer
from anzen.errors import Problem, ProblemsError, in_file_order


def check(paths: list[str]) -> tuple[list[str], list[Problem]]:
    """Lint the given flows (ids or files), or every installed flow; return (checked, problems)."""
    from anzen.lint import lint_ref
    from anzen.registry import default_library

    library = default_library()
    refs = paths or library.flow_ids()
    problems: list[Problem] = []
    for ref in refs:
        problems.extend(in_file_order(lint_ref(ref, library)))
    return list(refs), list(dict.fromkeys(problems))  # a sub-flow's problem once, not once per flow including it


def run(args: argparse.Namespace) -> int:
    if args.flows_command == "check":
        checked, problems = check(args.paths)
        errors = [p for p in problems if p.severity == "error"]
        if args.json:
            print(json.dumps({"checked": checked, "problems": [p.as_dict() for p in problems]}, ensure_ascii=False, indent=2))
        else:
            print_problems(problems, args.lang)
            files = len(checked)
            warnings = len(problems) - len(errors)
            say = sayer(args.lang)
            print(say(f"{files} 件のフローを検査しました: ", f"{files} flow(s) checked: ")
                  + (say(f"問題 {len(errors)} 件", f"{len(errors)} problem(s)") if errors else say("問題なし", "no problems"))
                  + (say(f"、警告 {warnings} 件", f", {warnings} warning(s)") if warnings else ""))
        return EXIT_PROBLEMS if errors else EXIT_OK
    if args.flows_command == "graph":
        from anzen.cli.flows_tools import graph

        return graph(args)
    if args.flows_command == "try":
        from anzen.cli.flows_tools import try_paths

        return try_paths(args)
    if args.flows_command == "list":
        return _list(args)

    from anzen.schema import schema_text

    print(schema_text("flows"), end="")
    return EXIT_OK


def flow_summaries() -> list[dict[str, object]]:
    from anzen.plan_cache import load_plan  # plans kept from earlier runs: the home screen parses nothing
    from anzen.registry import default_library

    library = default_library()
    rows = []
    for flow_id in library.flow_ids():
        try:
            plan = load_plan(flow_id, library)
        except ProblemsError as exc:
            rows.append({"id": flow_id, "error": {"ja": f"問題 {len(exc.problems)} 件: anzen flows check {flow_id} で確認できます",
                                                  "en": f"{len(exc.problems)} problem(s): run anzen flows check {flow_id}"}})
            continue
        flow = plan.flow
        rows.append({
            "id": flow.id, "version": flow.version, "title": {"ja": flow.title.ja, "en": flow.title.en},
            "description": {"ja": flow.description.ja, "en": flow.description.en} if flow.description else None,
            "questions": len(plan.questions), "checklists": [b.checklist.id for b in plan.bindings],
        })
    return rows


def _list(args: argparse.Namespace) -> int:
    rows = flow_summaries()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    lang = args.lang
    lines, styles = [], {}
    for row in rows:
        if "error" in row:
            styles[(len(lines), 2)] = "red"
            lines.append([str(row["id"]), "", row["error"][lang], ""])
            continue
        title = row["title"]  # type: ignore[index]
        lines.append([str(row["id"]), str(row["version"]), title[lang] or title["ja"], str(row["questions"])])  # type: ignore[index]
    print_table(["id", "version", "title" if lang == "en" else "タイトル", "questions" if lang == "en" else "質問数"], lines, styles)
    return EXIT_OK
