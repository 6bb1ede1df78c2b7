"""The docs keep their promises: the tutorial's flow, written from docs/flow-format.md alone, passes the
linter, gives the messages and table the tutorial shows, and runs; the reference names every key of
every file kind and every error code; docs/report-format.md names every key of the JSON report."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel

from anzen import tryout
from anzen.build import build_plan
from anzen.engine import Interview
from anzen.errors import CATALOGUE, in_file_order
from anzen.lint import lint_ref
from anzen.model import checklist, conditions, flow, source
from anzen.registry import Library
from anzen.report import build_report, report_dict
from anzen.result import results

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "flow-format.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```", re.M | re.S)


def blocks(info: str) -> list[tuple[str, str]]:
    """(info string, body) of the fenced blocks whose info string contains `info`."""
    return [(m[1] + m[2], m[3]) for m in BLOCK.finditer(DOC) if info in m[1] + m[2]]


@pytest.fixture
def tutorial(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Library:
    """A fresh installation's folders with the tutorial's files written into them."""
    (tmp_path / "flows").mkdir()
    shutil.copytree(ROOT / "checklists" / "sources", tmp_path / "checklists" / "sources")
    for info, body in blocks("file="):
        (tmp_path / info.split("file=")[1].strip()).write_text(body, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return Library(tmp_path / "flows", tmp_path / "checklists")


def test_the_tutorial_flow_passes_the_linter(tutorial: Library) -> None:
    assert [p.render() for p in lint_ref("flows/tutorial-check.yaml", tutorial)] == []


def test_the_tutorial_flow_has_five_questions_one_branch_and_follow_ups(tutorial: Library) -> None:
    plan = build_plan(tutorial.flow(Path("flows/tutorial-check.yaml")), tutorial)
    assert len(plan.questions) == 5
    assert [n.id for n in plan.questions if n.when is not None] == ["consent"]
    assert {r.status for o in plan.bindings[0].outcomes.values() for r in o.rules} >= {"follow_up"}


def test_the_mistake_shown_gives_the_messages_shown(tutorial: Library) -> None:
    path = Path("flows/tutorial-check.yaml")
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = max(i for i, line in enumerate(lines) if '- when: {question: consent, equals: "no"}' in line)
    path.write_text("".join(lines[:start] + lines[start + 4:]), encoding="utf-8")  # the last rule of "1-2"
    (shown,) = [body for info, body in blocks("check=")]
    found = lint_ref(str(path), Library(tutorial.flows_dir, tutorial.checklists_dir))
    actual = [f"{p.severity}: {p.render()}" for p in in_file_order(found)]  # as `anzen flows check` prints them
    assert actual == shown.splitlines()


def test_the_table_shown_is_what_try_prints(tutorial: Library) -> None:
    plan = build_plan(tutorial.flow(Path("flows/tutorial-check.yaml")), tutorial)
    printed = tryout.render_text(plan, tryout.tables(plan))
    (shown,) = [body for info, body in blocks("text") if "| # | copied | consent | 1-2 |" in body]
    assert shown in printed


def test_the_tutorial_flow_runs_and_gives_the_follow_up(tutorial: Library) -> None:
    plan = build_plan(tutorial.flow(Path("flows/tutorial-check.yaml")), tutorial)
    (answers,) = [yaml.safe_load(body) for info, body in blocks("answers=")]
    interview = Interview(plan, today=date(2026, 10, 1))
    assert interview.load(answers).ok
    assert interview.complete
    items = {i.id: i for i in results(interview)[0].items}
    assert (items["1-1"].status, items["1-2"].status) == ("confirmed", "follow_up")
    assert items["1-2"].refs[0].label.ja == "和歌山市 個人情報取扱特記事項 第7"
    report = report_dict(build_report(interview, generated_at=__import__("datetime").datetime(2026, 10, 1, 9, 0)))
    assert report["checklists"][0]["header"]["contractor"]["value"] == "株式会社サンプル"


def code_words(text: str) -> set[str]:
    """Every name written in code in a Markdown text: `key`, `{doc, article}`, and code blocks."""
    spans = re.findall(r"`([^`\n]+)`", text) + [m[3] for m in BLOCK.finditer(text)]
    return {word for span in spans for word in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", span)}


def _keys(*modules: object) -> set[str]:
    found: set[str] = set()
    for module in modules:
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, BaseModel) and value.__module__ == module.__name__:
                found |= {info.alias or name for name, info in value.model_fields.items()}
    return found


def test_the_reference_names_every_key_of_every_file_kind() -> None:
    missing = sorted(_keys(flow, conditions, checklist, source) - code_words(DOC))
    assert missing == []


def test_the_reference_lists_every_error_code_as_the_catalogue_says() -> None:
    for code, meaning in CATALOGUE.items():
        assert f"| `{code}` | {meaning} |" in DOC, code


def test_every_kind_of_question_is_in_the_reference() -> None:
    kinds = ["yes_no", "choice", "multi_choice", "text", "date", "number", "group", "info", "include"]
    assert all(f"| `{kind}` |" in DOC for kind in kinds)


def test_the_report_format_names_every_key_of_the_json_report() -> None:
    text = (ROOT / "docs" / "report-format.md").read_text(encoding="utf-8")
    plan_library = Library()
    plan = build_plan(plan_library.flow(plan_library.flow_path("subcontract-application")), plan_library)
    interview = Interview(plan, today=date(2026, 10, 1))
    interview.load({"scope": "part", "subcontractors": [{"name": "株式会社サブ", "group_company": "no", "mynumber": "no", "clause_copy": "yes", "resub": "no"}]})
    report = report_dict(build_report(interview, generated_at=__import__("datetime").datetime(2026, 10, 1, 9, 0)))
    keys = set(report) | set(report["checklists"][0]) | {k for i in report["checklists"][0]["items"] for k in i}
    keys |= set(next(iter(report["checklists"][0]["header"].values())))
    keys |= {k for i in report["checklists"][0]["items"] for r in i["refs"] for k in r}
    assert sorted(keys - code_words(text)) == []
