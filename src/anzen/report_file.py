"""A JSON report written by anzen → the Report again, for exporting it later (`anzen mail`).

The JSON report holds the answers keyed by question id, so the report is rebuilt by filling the flow
again with them: every status, reason and article comes from the same code as the first time. The
original date, language, respondent and notes are kept."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from anzen.errors import Notice, Problem, ProblemsError
from anzen.model.base import ID_PATTERN
from anzen.report import Meta, Report, build_report
from anzen.files import read_bytes


@dataclass(frozen=True)
class Rebuilt:
    report: Report
    warnings: tuple[Notice, ...]


def _fail(message: str, file: str, line: int | None = None) -> ProblemsError:
    return ProblemsError([Problem("report-format", message, file, line)])


def read_report(path: Path, display: str | None = None, *, flow: str | None = None, lang: str | None = None) -> Rebuilt:
    """Rebuild the Report of a JSON report; `flow` (an id or path) when the report's flow is not installed."""
    from anzen.plan_cache import load_plan
    from anzen.engine import Interview

    name = display or str(path)
    raw = read_bytes(path, name)
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise _fail("not UTF-8 text", name) from None
    except json.JSONDecodeError as exc:
        raise _fail(f"not a JSON report: {exc.msg}", name, exc.lineno) from None
    if not isinstance(data, dict) or data.get("format") != "anzen-report" or not isinstance(data.get("answers"), dict):
        raise _fail("not a JSON report written by anzen (expected \"format\": \"anzen-report\" and \"answers\")", name)
    flow_id = str(data.get("flow") or "")
    if flow is None and not re.fullmatch(ID_PATTERN, flow_id):  # a file names an installed flow, never a path to open
        raise _fail(f"flow {flow_id!r} is not an installed flow id (use --flow to name the flow file)", name)
    plan = load_plan(flow or flow_id)
    if flow is None and plan.flow.id != flow_id:
        raise _fail(f"the report is of flow '{flow_id}', not '{plan.flow.id}'", name)
    generated_at = str(data.get("generated_at") or "")
    try:
        made = datetime.fromisoformat(generated_at)
    except ValueError:
        raise _fail(f"generated_at {generated_at!r} is not an ISO date and time", name) from None
    interview = Interview(plan, today=made.date())
    loaded = interview.load(data["answers"])
    problems = [Problem("report-format", f"answer '{q}' is not a question of flow '{plan.flow.id}'", name) for q in loaded.unknown]
    problems += [Problem("report-format", f"answer '{q}': {err.message('en')}", name) for q, err in loaded.invalid]
    if problems:
        raise ProblemsError(problems)
    notes = data.get("notes") if isinstance(data.get("notes"), dict) else {}
    meta = Meta(
        respondent=_str(data.get("respondent")), mode=_str(data.get("mode")) or "self", staff=_str(data.get("staff")),
        session=_str(data.get("session")), flow_hash=_str(data.get("flow_hash")), notes={str(k): str(v) for k, v in notes.items()},
    )
    report_lang = lang or (data.get("lang") if data.get("lang") in ("ja", "en") else "ja")
    report = build_report(interview, generated_at=made, lang=report_lang, meta=meta)
    warnings: list[Notice] = []
    if str(data.get("flow_version")) != plan.flow.version:
        warnings.append(Notice(f"{name}: made with flow version {data.get('flow_version')}; statuses recomputed with version {plan.flow.version}",
                               f"{name}: フローの版 {data.get('flow_version')} で作られた報告書です。判定は版 {plan.flow.version} でやり直しました"))
    before = {c.get("id"): c.get("summary") for c in data.get("checklists", []) if isinstance(c, dict)}
    changed = [c.id for c in report.checklists if c.id in before and before[c.id] != c.summary]
    if changed:
        warnings.append(Notice(f"{name}: statuses differ from the file for {', '.join(changed)} (the flow has changed since)",
                               f"{name}: 次の確認事項の判定がファイルと異なります（その後フローが変わったため）: {', '.join(changed)}"))
    return Rebuilt(report, tuple(warnings))


def _str(value: Any) -> str | None:
    return None if value is None else str(value)
