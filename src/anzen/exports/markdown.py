"""The completed checklist as Markdown: follow-ups marked by symbol, word and emphasis."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from anzen.exports.common import clean
from anzen.result import STATUS_LABELS, STATUS_MARKS, ChecklistResult, ItemResult

if TYPE_CHECKING:
    from anzen.report import Report

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~&-])")

HEADINGS = {
    "ja": {"item": "確認事項", "check": "確認欄", "status": "状態", "follow": "要対応事項", "reason": "理由", "action": "対応", "refs": "根拠", "answer": "回答", "summary": "集計", "none": "要対応事項はありません。", "respondent": "回答者", "staff": "確認者", "flow": "フロー", "generated": "作成日時", "incomplete": "※ 未回答の質問があります。", "notes": "メモ", "history": "回答の変更履歴"},
    "en": {"item": "Item", "check": "Check", "status": "Status", "follow": "Follow-up items", "reason": "Reason", "action": "Action", "refs": "Articles", "answer": "Answer", "summary": "Summary", "none": "No follow-up items.", "respondent": "Respondent", "staff": "Checked by", "flow": "Flow", "generated": "Generated", "incomplete": "Note: some questions are unanswered.", "notes": "Notes", "history": "History of changed answers"},
}


def escape(text: str | None) -> str:
    """User text as literal Markdown: no markup, no HTML, one line."""
    if not text:
        return ""
    return _SPECIAL.sub(r"\\\1", " ".join(clean(str(text)).split()))


def _status(item: ItemResult, lang: str) -> str:
    label = f"{STATUS_MARKS[item.status]} {STATUS_LABELS[item.status].get(lang)}"
    return f"**{label}**" if item.needs_follow_up else label


def _item_name(item: ItemResult) -> str:
    return f"{item.id}" + (f" [{escape(item.instance_label)}]" if item.instance is not None else "")


def _checklist(lines: list[str], checklist: ChecklistResult, lang: str) -> None:
    h = HEADINGS[lang]
    lines += [f"## {escape(checklist.title.get(lang))}", ""]
    if checklist.header:
        lines += ["| | |", "|---|---|"]
        lines += [f"| {escape(v.label.get(lang))} | {escape(v.display.get(lang))} |" for v in checklist.header]
        lines.append("")
    if checklist.preamble:
        lines += [escape(checklist.preamble.get(lang)), ""]
    for cat in checklist.categories:
        lines += [f"### {escape(cat.id)} {escape(cat.title.get(lang))}", "", f"| No. | {h['item']} | {h['check']} | {h['status']} |", "|---|---|:---:|---|"]
        for item in cat.items:
            box = "☑" if item.status == "confirmed" else "☐"
            text = escape(item.text.get(lang))
            if item.needs_follow_up:
                text = f"**{text}**"
            lines.append(f"| {_item_name(item)} | {text} | {box} | {_status(item, lang)} |")
        lines.append("")
    if checklist.closing_note:
        lines += [escape(checklist.closing_note.get(lang)), ""]
    summary = checklist.summary
    lines.append(f"**{h['summary']}**: " + " / ".join(f"{STATUS_MARKS[s]} {STATUS_LABELS[s].get(lang)} {n}" for s, n in summary.items()))
    lines += ["", f"### ▲ {h['follow']}", ""]
    follow = checklist.follow_ups
    if not follow:
        lines += [h["none"], ""]
    for item in follow:
        lines += [f"#### {STATUS_MARKS[item.status]} {_item_name(item)} {STATUS_LABELS[item.status].get(lang)}: {escape(item.text.get(lang))}", ""]
        if item.answer:
            lines.append(f"- {h['answer']}: " + "; ".join(f"{escape(a.prompt.get(lang))} → {escape(a.label.get(lang))}" for a in item.answer))
        if item.reason:
            lines.append(f"- {h['reason']}: {escape(item.reason.get(lang))}")
        if item.action:
            lines.append(f"- {h['action']}: {escape(item.action.get(lang))}")
        if item.refs:
            lines.append(f"- {h['refs']}: " + "、".join(escape(r.label.get(lang)) for r in item.refs))
        lines.append("")


def _plain(value: object) -> str:
    return "—" if value is None else str(value)


def render(report: "Report", **_: object) -> bytes:
    lang = report.lang
    h = HEADINGS[lang]
    lines = [f"# {escape(report.flow_title.get(lang))}", ""]
    lines.append(f"- {h['flow']}: {escape(report.flow)} {escape(report.flow_version)}")
    lines.append(f"- {h['generated']}: {escape(report.generated_at)}")
    if report.respondent:
        lines.append(f"- {h['respondent']}: {escape(report.respondent)}")
    if report.meta.staff:
        lines.append(f"- {h['staff']}: {escape(report.meta.staff)}")
    lines.append("")
    if not report.complete:
        lines += [f"**{h['incomplete']}**", ""]
    for checklist in report.checklists:
        _checklist(lines, checklist, lang)
    changed = {q: events for q, events in report.meta.history.items() if len(events) > 1}
    if changed:  # the audit trail of answers that were changed (from the session store)
        lines += [f"## {h['history']}", ""]
        for question, events in changed.items():
            lines.append(f"- {escape(question)}: " + "; ".join(
                f"{escape(e['at'][:16].replace('T', ' '))} {escape(e.get('actor_name') or e['actor'])} {escape(e['kind'])} {escape(_plain(e.get('old')))} → {escape(_plain(e.get('new')))}"
                for e in events))
        lines.append("")
    if report.meta.notes:
        lines += [f"## {h['notes']}", ""]
        lines += [f"- {escape(q)}: {escape(n)}" for q, n in report.meta.notes.items()]
        lines.append("")
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")
