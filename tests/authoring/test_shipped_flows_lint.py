"""The shipped flows and checklists: they pass the full linter, carry the schema line, keep their reviewed
`flows try` snapshots and generated docs pages current, and their verbatim texts are in the seeds.

When a flow change alters a path's statuses, test_try_snapshot fails. Review the new table, then
regenerate it on purpose (from the checkout):

    anzen flows try FLOW > tests/data/try/FLOW.txt
    anzen flows graph FLOW --format markdown > docs/flows/FLOW.md"""

from __future__ import annotations

import difflib
import re
import unicodedata
from pathlib import Path

import pytest

from anzen import graph, tryout
from anzen.build import load_plan
from anzen.lint import lint_ref
from anzen.lint_texts import SCHEMA_LINE
from anzen.registry import default_library

ROOT = Path(__file__).resolve().parents[2]
LIBRARY = default_library()
FLOWS = LIBRARY.flow_ids()
CHECKLISTS = LIBRARY.checklist_ids()
REGENERATE = "Review the change, then regenerate: {command}"


def test_the_shipped_flows_are_the_ones_this_issue_adds() -> None:
    assert set(FLOWS) >= {
        "wakayama-safety-report", "subcontract-application", "wakayama-training-report", "wakayama-pledge",
        "wakayama-tokki-selfcheck", "kanagawa-tokki-selfcheck", "okayama-tokki-selfcheck", "minato-tokki-selfcheck",
    }


@pytest.mark.parametrize("flow", FLOWS)
def test_every_shipped_flow_passes_the_full_linter(flow: str) -> None:
    problems = lint_ref(flow, LIBRARY)
    assert [p.render() for p in problems] == []


@pytest.mark.parametrize("name", [f"flows/{f}.yaml" for f in FLOWS] + [f"checklists/{c}.yaml" for c in CHECKLISTS])
def test_every_shipped_file_starts_with_the_schema_line(name: str) -> None:
    first = (ROOT / name).read_text(encoding="utf-8").split("\n", 1)[0]
    assert first == f"{SCHEMA_LINE}schema.json"


def _diff(expected: str, actual: str, name: str) -> str:
    return "\n".join(difflib.unified_diff(expected.splitlines(), actual.splitlines(), name, "now", lineterm="", n=1))


@pytest.mark.parametrize("flow", FLOWS)
def test_try_snapshot(flow: str) -> None:
    snapshot = ROOT / "tests" / "data" / "try" / f"{flow}.txt"
    plan = load_plan(flow)
    actual = tryout.render_text(plan, tryout.tables(plan))
    expected = snapshot.read_text(encoding="utf-8") if snapshot.exists() else ""
    assert actual == expected, _diff(expected, actual, str(snapshot.relative_to(ROOT))) + "\n" + REGENERATE.format(
        command=f"anzen flows try {flow} > tests/data/try/{flow}.txt")


@pytest.mark.parametrize("flow", FLOWS)
def test_docs_page_is_current(flow: str) -> None:
    page = ROOT / "docs" / "flows" / f"{flow}.md"
    actual = graph.page(load_plan(flow))
    expected = page.read_text(encoding="utf-8") if page.exists() else ""
    assert actual == expected, _diff(expected, actual, str(page.relative_to(ROOT))) + "\n" + REGENERATE.format(
        command=f"anzen flows graph {flow} --format markdown > docs/flows/{flow}.md")


def test_no_snapshot_or_page_is_left_for_a_flow_that_is_gone() -> None:
    assert {p.stem for p in (ROOT / "tests" / "data" / "try").glob("*.txt")} == set(FLOWS)
    assert {p.stem for p in (ROOT / "docs" / "flows").glob("*.md")} == set(FLOWS)


def _squash(text: str) -> str:
    """Text without line breaks, spaces and list bullets ("- " from the PDF extraction), so that wrapped lines compare."""
    lines = (re.sub(r"^-\s+", "", line.strip()) for line in unicodedata.normalize("NFKC", text).splitlines())
    return re.sub(r"\s+", "", "".join(lines))


def _reassembled(text: str, lines: list[str]) -> bool:
    """`text` is a sequence of whole seed lines (in any order): how a two-column PDF's lines are put back."""
    pieces = {line for line in lines if line} | {re.sub(r"^第\d+", "", line) for line in lines}
    seen: set[int] = set()

    def rest(pos: int) -> bool:
        if pos == len(text):
            return True
        if pos in seen:
            return False
        seen.add(pos)
        return any(piece and text.startswith(piece, pos) and rest(pos + len(piece)) for piece in pieces)

    return rest(0)


@pytest.mark.parametrize("checklist", CHECKLISTS)
def test_verbatim_texts_are_in_the_seed(checklist: str) -> None:
    raw = (ROOT / "tests" / "data" / "seeds" / LIBRARY.checklist(checklist).model.source).read_text(encoding="utf-8")
    model = LIBRARY.checklist(checklist).model
    seed, lines = _squash(raw), [_squash(line) for line in raw.splitlines()]
    verbatim = [item for cat in model.categories for item in cat.items if item.verbatim]
    assert verbatim
    for item in verbatim:  # paragraph by paragraph: the Okayama seed prints its lines out of order
        for paragraph in map(_squash, item.text.ja.splitlines()):
            assert paragraph in seed or _reassembled(paragraph, lines), f"{checklist} {item.id}: not in {model.source}: {paragraph}"


@pytest.mark.parametrize("checklist", [c for c in CHECKLISTS if c.endswith("-selfcheck")])
def test_self_check_items_are_the_articles_as_printed(checklist: str) -> None:
    model = LIBRARY.checklist(checklist).model
    for item in (i for cat in model.categories for i in cat.items):
        assert len(item.refs) == 1
        article = next(a for a in LIBRARY.source(item.refs[0].doc).model.articles if a.id == item.refs[0].article)
        if item.verbatim:
            assert item.text.ja == article.text.ja, item.id
        assert item.text.en, item.id


@pytest.mark.parametrize(("checklist", "doc", "first", "last"), [
    ("wakayama-tokki-selfcheck", "wakayama-tokki", 1, 13),
    ("kanagawa-tokki-selfcheck", "kanagawa-tokki", 1, 16),
    ("okayama-tokki-selfcheck", "okayama-tokki", 1, 16),
    ("minato-tokki-selfcheck", "minato-tokki", 1, 23),
])
def test_self_checks_cover_every_article(checklist: str, doc: str, first: int, last: int) -> None:
    model = LIBRARY.checklist(checklist).model
    cited = [i.refs[0].article for cat in model.categories for i in cat.items]
    suffix = "条" if doc in ("kanagawa-tokki", "minato-tokki") else ""
    assert cited == [f"第{n}{suffix}" for n in range(first, last + 1)]
