"""The bad-flow corpus: every file under tests/data/bad_flows/ gives exactly the problems in its .expected file.

Each .expected line is `severity [code]: file:line: subject: message hint`, as `anzen flows check` prints
it. The corpus fills its own small checklist (checklists/mini.yaml) citing its own document, so that the
expected lines do not change when the shipped checklists do. parts/good.yaml is the flow the bad ones are
made from; it passes. To add a case: copy parts/good.yaml, break one thing, write the .expected by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from anzen.errors import CATALOGUE
from anzen.lint import lint_ref
from anzen.registry import Library

CORPUS = Path(__file__).resolve().parents[1] / "data" / "bad_flows"
BAD = sorted(p.stem for p in CORPUS.glob("*.yaml"))
NOT_FROM_FLOW_FILES = {"file-unreadable", "file-too-large", "path-limit", "answers-unknown-id", "answers-invalid", "answers-format", "report-format"}


def lint_lines(name: str) -> list[str]:
    library = Library(CORPUS, CORPUS / "checklists")
    return [f"{p.severity} [{p.code}]: {p.render()}" for p in lint_ref(name, library)]


@pytest.fixture(autouse=True)
def in_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CORPUS)  # messages name files relative to the working folder


@pytest.mark.parametrize("name", BAD)
def test_bad_flow_gives_its_expected_problems(name: str) -> None:
    expected = (CORPUS / f"{name}.expected").read_text(encoding="utf-8").splitlines()
    assert expected, f"{name}.expected is empty: a bad flow must have at least one problem"
    assert lint_lines(f"{name}.yaml") == expected


def test_the_corpus_is_large_and_covers_every_code_a_flow_file_can_cause() -> None:
    assert len(BAD) >= 40
    codes = {line.split("[", 1)[1].split("]", 1)[0] for p in CORPUS.glob("*.expected") for line in p.read_text(encoding="utf-8").splitlines()}
    assert set(CATALOGUE) - NOT_FROM_FLOW_FILES - codes == set()


def test_every_bad_flow_says_what_is_wrong_with_it() -> None:
    for name in BAD:
        raw = (CORPUS / f"{name}.yaml").read_bytes()
        if raw.strip():  # empty.yaml and blank.yaml cannot say it
            assert b"# BAD" in b"\n".join(raw.split(b"\n")[:2]), name


def test_the_flow_they_are_made_from_passes() -> None:
    assert lint_lines("parts/good.yaml") == []
    assert lint_lines("parts/sub-flow.yaml") == []


def test_a_folder_and_a_huge_file_are_named_not_crashed_on(tmp_path: Path) -> None:
    (tmp_path / "folder.yaml").mkdir()
    huge = tmp_path / "huge.yaml"
    huge.write_bytes(b"# " + b"x" * 6_000_000 + b"\nid: a\n")
    library = Library(CORPUS, CORPUS / "checklists")
    assert [p.code for p in lint_ref(str(tmp_path / "folder.yaml"), library)] == ["file-unreadable"]
    assert [p.code for p in lint_ref(str(huge), library)] == ["file-too-large"]


def test_more_paths_than_the_limit_is_a_warning_not_an_error() -> None:
    library = Library(CORPUS, CORPUS / "checklists")
    problems = lint_ref("parts/good.yaml", library, limit=2)
    assert {(p.code, p.severity) for p in problems} == {("path-limit", "warning")}
    assert "1-1" in problems[0].message and "1-2" in problems[1].message
