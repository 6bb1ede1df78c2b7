"""Exports of the Wakayama report in a fresh process; run by run.py.

    python benchmarks/export_driver.py all          every format once: JSON {format: seconds} (imports included)
    python benchmarks/export_driver.py only FORMAT  one format: JSON list of the libraries then imported

The report comes from a complete interview (every question answered, sub-flows included), built
before the clock starts: only the exporters are timed."""

from __future__ import annotations

import importlib
import json
import sys
import time
from datetime import date, datetime, timezone
from typing import Any

TODAY = date(2026, 10, 1)
# libraries that belong to one format (or to a front end): none may be imported for another format
LIBRARIES = ("reportlab", "openpyxl", "textual", "questionary", "prompt_toolkit", "rich")


def candidates(question: Any) -> list[Any]:
    kind, default = question.kind, getattr(question, "default", None)
    if kind == "yes_no":
        return ["yes"]
    if kind in ("choice", "multi_choice"):
        return [c.value if kind == "choice" else [c.value] for c in question.choices]
    if kind == "date":
        return [TODAY.isoformat() if default in (None, "today") else default, "2027-03-31"]
    if kind == "number":
        return ["1", "10"]
    return [default or "株式会社ベンチマーク", "03-1234-5678"]


def fitting(interview: Any, node: Any) -> Any:
    from anzen.answers import normalize
    from anzen.errors import AnswerError

    for raw in candidates(node.question):
        try:
            return normalize(node.question, raw, interview.today)
        except AnswerError:
            continue
    raise SystemExit(f"no answer fits {node.id}")


def complete_report() -> Any:
    from anzen.build import load_plan
    from anzen.engine import Interview
    from anzen.report import build_report

    interview = Interview(load_plan("wakayama-safety-report"), today=TODAY)
    while (node := interview.next_question()) is not None:
        if node.is_group:
            block: dict[str, Any] = {}
            while (child := interview.block_next(node, block)) is not None:
                block[child.id] = fitting(interview, child)
            interview.answer(node.id, [block])
        else:
            interview.answer(node.id, fitting(interview, node))
    return build_report(interview, generated_at=datetime(2026, 10, 1, 9, 30, tzinfo=timezone.utc))


def main() -> None:
    from anzen.exports import FORMATS

    report = complete_report()
    if sys.argv[1] == "all":
        seconds = {}
        for fmt, (module, _) in FORMATS.items():
            start = time.perf_counter()
            data = importlib.import_module(module).render(report)
            seconds[fmt] = time.perf_counter() - start
            assert data, fmt
        print(json.dumps(seconds))
    else:
        fmt = sys.argv[2]
        importlib.import_module(FORMATS[fmt][0]).render(report)
        print(json.dumps([name for name in LIBRARIES if name in sys.modules]))


if __name__ == "__main__":
    main()
