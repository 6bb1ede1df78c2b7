"""Importing a JSON report (e.g. a self-assessment e-mailed by a contractor) as a session that staff
continue as a guided review. Answers that do not fit the installed flow are kept, flagged."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from anzen.engine import Interview, flatten_answers
from anzen.errors import ProblemsError
from anzen.registry import Library
from anzen.store import lease
from anzen.store.db import StoreError
from anzen.store.flows import load_plan_for, locate
from anzen.store.live import misfits_of
from anzen.store.records import Misfit, SessionInfo, dumps
from anzen.files import read_bytes

if TYPE_CHECKING:
    from anzen.store.sessions import Store

MAX_REPORT_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class ImportResult:
    session: SessionInfo
    misfits: tuple[Misfit, ...]
    flow_changed: bool  # the report was made with another version of the flow than the installed one
    report_flow_version: str | None


_EXPECTED = "a JSON report written by anzen is expected"
_EXPECTED_JA = "anzen が書き出した JSON 形式の報告書を指定してください"


def read_report(path: Path) -> dict[str, Any]:
    try:
        raw = read_bytes(path)
    except ProblemsError as exc:
        raise StoreError("; ".join(p.render() for p in exc.problems)) from None
    if len(raw) > MAX_REPORT_BYTES:
        raise StoreError(f"{path}: too large for a report ({len(raw):,} bytes)", ja=f"{path}: 報告書としては大きすぎます（{len(raw):,} バイト）")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise StoreError(f"{path}: not UTF-8 text; {_EXPECTED}", ja=f"{path}: UTF-8 のテキストではありません。{_EXPECTED_JA}") from None
    except json.JSONDecodeError as exc:
        raise StoreError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg}); {_EXPECTED}",
                         ja=f"{path}:{exc.lineno}: JSON として正しくありません（{exc.msg}）。{_EXPECTED_JA}") from None
    if not isinstance(data, dict) or data.get("format") != "anzen-report":
        raise StoreError(f"{path}: not an anzen JSON report (no \"format\": \"anzen-report\")",
                         ja=f"{path}: anzen の JSON 形式の報告書ではありません（\"format\": \"anzen-report\" がありません）")
    if not isinstance(data.get("flow"), str) or not isinstance(data.get("answers"), dict):
        raise StoreError(f"{path}: the report has no flow id or no answers", ja=f"{path}: 報告書にフローの ID か回答がありません")
    return data


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def import_report(store: "Store", path: Path, *, staff: str, flow: str | None = None, library: Library | None = None) -> ImportResult:
    """`flow`: the flow to review with (an installed id or a path; default: the report's flow id, installed)."""
    data = read_report(path)
    library = library or Library()
    located = locate(flow or data["flow"], library)
    plan = located.plan or load_plan_for(located.ref, library)
    if plan.flow.id != data["flow"]:
        raise StoreError(f"{path}: is a report of flow '{data['flow']}', not '{plan.flow.id}'",
                         ja=f"{path}: フロー '{data['flow']}' の報告書です（'{plan.flow.id}' ではありません）")
    interview = Interview(plan, today=date.today())
    given = flatten_answers(data["answers"], set(plan.by_id))
    loaded = interview.load(given)
    misfits = misfits_of(loaded, given)
    report_hash, report_version = _text(data.get("flow_hash")), _text(data.get("flow_version"))
    changed = (report_hash is not None and report_hash != located.hash) or (report_version not in (None, plan.flow.version))
    respondent = _text(data.get("respondent"))
    origin = f"imported from {path.name} (report of {_text(data.get('generated_at')) or '?'}, flow version {report_version or '?'})"
    info = store.create(located.ref, respondent=respondent, mode="staff", staff=staff, lang=_text(data.get("lang")) or "ja",
                        library=library, plan=plan, phase="review", origin=origin)
    notes = {k: v.strip() for k, v in (data.get("notes") or {}).items() if isinstance(k, str) and isinstance(v, str) and v.strip()}
    with store.db.write() as conn:
        at = lease.now()
        rows = [(info.id, q, dumps(v), at, None) for q, v in interview.answers.items()]
        rows += [(info.id, m.question_id, dumps(m.value), at, f"{m.reason}: {m.message}") for m in misfits]
        conn.executemany("INSERT INTO answers (session_id, question_id, value, answered_at, misfit) VALUES (?, ?, ?, ?, ?)", rows)
        for q, value in interview.answers.items():
            store._event(conn, info.id, "respondent", respondent, "imported", q, None, value, detail=f"from {path.name}", at=at)
        for m in misfits:
            store._event(conn, info.id, "respondent", respondent, "imported", m.question_id, None, m.value, at=at,
                         detail=f"from {path.name}; kept but does not fit the flow: {m.message}")
        for q, text in notes.items():
            conn.execute("INSERT OR REPLACE INTO notes (session_id, question_id, text, updated_at) VALUES (?, ?, ?, ?)", (info.id, q, text, at))
            store._event(conn, info.id, "respondent", respondent, "note", q, None, text, at=at, detail=f"from {path.name}")
        if changed:
            store._event(conn, info.id, "system", None, "flow_changed", at=at,
                         detail=f"the report used flow version {report_version or '?'} (sha256 {(report_hash or '?')[:12]}); "
                                f"installed is {plan.flow.version} (sha256 {located.hash[:12]})")
        progress = interview.progress()
        conn.execute("UPDATE sessions SET answered = ?, remaining = ?, updated_at = ? WHERE id = ?",
                     (progress.answered, progress.remaining, at, info.id))
    return ImportResult(store.get(info.id), tuple(misfits), changed, report_version)
