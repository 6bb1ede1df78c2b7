"""Reading an answers file (YAML, JSON, or a JSON report written by anzen) into question id → answer."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from anzen.errors import Problem, ProblemsError
from anzen.files import read_bytes

if TYPE_CHECKING:
    from anzen.yamlio import YamlDoc


@dataclass(frozen=True)
class AnswersFile:
    answers: dict[str, Any]
    file: str
    lines: YamlDoc | None  # line lookup (YAML files only)
    from_report: str | None = None  # the flow id, when the file is a JSON report

    def line_of(self, question_id: str) -> int | None:
        if self.lines is None:
            return None
        key: tuple[Any, ...] = ("answers", question_id) if self.from_report else (question_id,)
        line = self.lines.line_at(key)
        if line is None and "." in question_id:  # nested sub-flow answers
            line = self.lines.line_of(tuple(question_id.split(".")))
        return line


def _json_doc(raw: bytes, file: str) -> Any:
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ProblemsError([Problem("yaml-encoding", "not UTF-8 text", file, line)]) from None
    except json.JSONDecodeError as exc:
        raise ProblemsError([Problem("yaml-syntax", f"JSON syntax: {exc.msg}", file, exc.lineno)]) from None


def read_answers(path: Path, display: str | None = None) -> AnswersFile:
    """Parse an answers file; ProblemsError (file, line) when it is not a mapping of answers."""
    name = display or str(path)
    raw = read_bytes(path, name)
    lines = None
    if path.suffix.lower() == ".json":
        data = _json_doc(raw, name)
    else:  # YAML is a superset of JSON: a .yaml or extension-less file may be either
        from anzen.yamlio import parse_yaml  # the YAML parser only for YAML

        doc = parse_yaml(raw, name)
        data, lines = doc.data, doc
    from_report = None
    if isinstance(data, dict) and (data.get("format") == "anzen-report" or ("checklists" in data and "answers" in data)):
        from_report = str(data.get("flow"))
        data = data.get("answers")
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ProblemsError([Problem("answers-format", "an answers file is a mapping of question id → answer", name, 1)])
    bad_keys = [k for k in data if not isinstance(k, str)]
    if bad_keys:
        raise ProblemsError([Problem("answers-format", f"question ids must be text (got {bad_keys[0]!r})", name, lines.line_at((bad_keys[0],)) if lines else None)])
    return AnswersFile(data, name, lines, from_report)
