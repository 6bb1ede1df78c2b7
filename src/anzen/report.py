"""The completed report: what every exporter renders, and its JSON form (docs/report-format.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from anzen import __version__
from anzen.engine import Interview
from anzen.model.runtime import Text
from anzen.result import STATUS_LABELS, ChecklistResult, ItemResult, results

REPORT_FORMAT_VERSION = 1


@dataclass(frozen=True)
class Meta:
    """Who answered, how, and notes (filled in by the front ends and the store)."""

    respondent: str | None = None
    mode: str = "self"  # self (self-assessment) | staff (staff-led interview)
    staff: str | None = None  # 確認者
    session: str | None = None
    flow_hash: str | None = None
    notes: dict[str, str] = field(default_factory=dict)  # question id → note
    # question id → its audit trail from the session store: [{at, actor, actor_name, kind, old, new}]
    history: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


@dataclass(frozen=True)
class Report:
    flow: str
    flow_version: str
    flow_title: Text
    generated_at: str
    lang: str
    answers: dict[str, Any]
    checklists: tuple[ChecklistResult, ...]
    meta: Meta = Meta()
    complete: bool = True

    @property
    def follow_up_count(self) -> int:
        return sum(len(c.follow_ups) for c in self.checklists)

    @property
    def respondent(self) -> str | None:
        if self.meta.respondent:
            return self.meta.respondent
        for checklist in self.checklists:
            for value in checklist.header:
                if value.id in ("contractor", "contractor_name", "applicant") and value.value:
                    return value.value
        return None


def build_report(interview: Interview, *, generated_at: datetime, lang: str = "ja", meta: Meta | None = None) -> Report:
    plan = interview.plan
    return Report(
        flow=plan.flow.id, flow_version=plan.flow.version, flow_title=plan.flow.title,
        generated_at=generated_at.isoformat(timespec="seconds"), lang=lang, answers=interview.answers,
        checklists=results(interview), meta=meta or Meta(), complete=interview.complete,
    )


def _text(text: Text | None) -> dict[str, str | None] | None:
    return None if text is None else {"ja": text.ja, "en": text.en}


def _item(item: ItemResult) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": item.id, "category": item.category, "text": _text(item.text), "status": item.status,
        "status_label": _text(STATUS_LABELS[item.status]),
        "answer": [{"question": a.question, "prompt": _text(a.prompt), "value": a.value, "label": _text(a.label)} for a in item.answer],
        "reason": _text(item.reason), "action": _text(item.action),
        "refs": [{"doc": r.doc, "article": r.article, "detail": r.detail, "label": _text(r.label)} for r in item.refs],
    }
    if item.instance is not None:
        out["instance"] = item.instance
        out["instance_label"] = item.instance_label
    return out


def checklist_dict(checklist: ChecklistResult) -> dict[str, Any]:
    return {
        "id": checklist.id, "version": checklist.version, "kind": checklist.kind,
        "title": _text(checklist.title), "issuer": _text(checklist.issuer), "source": checklist.source,
        "header": {h.id: {"label": _text(h.label), "kind": h.kind, "value": h.value, "display": _text(h.display)} for h in checklist.header},
        "preamble": _text(checklist.preamble), "closing_note": _text(checklist.closing_note),
        "categories": [{"id": c.id, "title": _text(c.title)} for c in checklist.categories],
        "items": [_item(i) for c in checklist.categories for i in c.items],
        "summary": checklist.summary,
    }


def report_dict(report: Report) -> dict[str, Any]:
    """The JSON report. `answers` is keyed by question id, so the file is also an answers file."""
    return {
        "format": "anzen-report", "format_version": REPORT_FORMAT_VERSION, "generator": f"anzen {__version__}",
        "flow": report.flow, "flow_version": report.flow_version, "flow_title": _text(report.flow_title),
        "generated_at": report.generated_at, "lang": report.lang, "complete": report.complete,
        "respondent": report.respondent, "mode": report.meta.mode, "staff": report.meta.staff,
        "session": report.meta.session, "flow_hash": report.meta.flow_hash,
        "notes": dict(report.meta.notes),
        "history": {q: list(events) for q, events in report.meta.history.items()},
        "answers": report.answers,
        "checklists": [checklist_dict(c) for c in report.checklists],
    }
