"""What the document exporters (PDF, Excel, HTML, CSV, e-mail) share: words, dates, answers as text,
the subcontractors of an application, and neutralising spreadsheet formulas in user text.

Pure: no heavy library is imported here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from anzen.result import STATUS_LABELS, ChecklistResult, ItemResult
from anzen.wareki import format_date

if TYPE_CHECKING:
    from anzen.report import Report

WORDS = {
    "ja": {
        "category": "項目", "item": "確認事項", "check": "確認欄", "no": "番号", "status": "状態", "answer": "回答",
        "reason": "理由", "action": "対応", "refs": "根拠", "follow_list": "要対応事項一覧", "none": "要対応事項はありません。",
        "follow": "要対応", "checklist": "報告書", "instance": "再委託先", "continued": "（続き）", "sama": "様",
        "page": "{n} / {total}", "generated": "作成", "respondent": "回答者", "incomplete": "※ 未回答の質問があります。",
        "summary": "集計", "entries": "申請事項", "flags": "承諾に当たっての確認事項", "missing": "記載が不足している事項", "flags_follow": "承諾に当たって対応が必要な事項",
        "whole": "申請全体", "missing_action": "申請書に記載してください。",
        "no_instances": "（再委託先の入力がありません）", "blank": "（記載なし）",
        "contract_period": "契約期間", "value": "記載内容", "flow": "フロー", "created_by": "anzen により作成",
        "count": "{n}件", "itemno": "事項", "sheet_follow": "要対応事項", "period_sep": " ～ ",
    },
    "en": {
        "category": "Category", "item": "Item", "check": "Check", "no": "No.", "status": "Status", "answer": "Answer",
        "reason": "Reason", "action": "Action", "refs": "Articles", "follow_list": "Follow-up items", "none": "No follow-up items.",
        "follow": "Follow-up", "checklist": "Report", "instance": "Subcontractor", "continued": "(continued)", "sama": "",
        "page": "{n} / {total}", "generated": "Generated", "respondent": "Respondent", "incomplete": "Note: some questions are unanswered.",
        "summary": "Summary", "entries": "Application items", "flags": "Checks before consent", "missing": "Missing entries", "flags_follow": "Flags to resolve before consent",
        "whole": "The whole application", "missing_action": "State these in the application.",
        "no_instances": "(no subcontractor entered)", "blank": "(not stated)",
        "contract_period": "Contract period", "value": "Stated", "flow": "Flow", "created_by": "made with anzen",
        "count": "{n}", "itemno": "Item", "sheet_follow": "Follow-ups", "period_sep": " – ",
    },
}

DATE_FIELDS = ("report_date", "application_date")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def words(lang: str) -> dict[str, str]:
    return WORDS.get(lang, WORDS["ja"])


def status_label(status: str, lang: str) -> str:
    return STATUS_LABELS[status].get(lang)


def header(checklist: ChecklistResult, field_id: str, lang: str = "ja") -> str:
    """The displayed value of a header field ('' when the form has no such field or it is empty)."""
    for value in checklist.header:
        if value.id == field_id:
            return value.display.get(lang) or ""
    return ""


def header_label(checklist: ChecklistResult, field_id: str, lang: str) -> str:
    return next((v.label.get(lang) for v in checklist.header if v.id == field_id), field_id)


def document_date(checklist: ChecklistResult, report: "Report", lang: str, era: bool = True) -> str:
    """The date printed top right: the form's own date field, else the day the report was made."""
    iso = next((v.value for v in checklist.header if v.id in DATE_FIELDS and v.value), None)
    iso = iso or next((v.value for v in checklist.header if v.kind == "date" and v.value and v.id not in ("contract_date", "contract_start", "contract_end")), None)
    return format_date(iso or report.generated_at[:10], lang, era=era)


def item_no(checklist: ChecklistResult, item: ItemResult) -> str:
    """An application's items as printed: (1)–(8) within their category; checklist items by id."""
    if checklist.kind != "application":
        return item.id
    for cat in checklist.categories:
        ids = list(dict.fromkeys(i.id for i in cat.items))
        if item.id in ids:
            return f"({ids.index(item.id) + 1})"
    return item.id


def item_name(item: ItemResult) -> str:
    """'3-1', or '1-2 [有限会社データ入力]' for an item given per subcontractor."""
    return item.id + (f" [{item.instance_label}]" if item.instance is not None and item.instance_label else "")


def answer_text(item: ItemResult, lang: str, sep: str = "\n") -> str:
    return sep.join(a.label.get(lang) for a in item.answer if a.label.get(lang))


def is_plain(item: ItemResult) -> bool:
    """Answers that read by themselves (free text); yes/no, choices and dates need their question beside them."""
    return all(isinstance(a.value, str) and a.value == a.label.ja and not _ISO_DATE.match(a.value) for a in item.answer)


def answer_lines(item: ItemResult, lang: str) -> list[tuple[str, str]]:
    """(question prompt, answer) for the answers that decided the item."""
    return [(a.prompt.get(lang), a.label.get(lang)) for a in item.answer]


def refs_text(item: ItemResult, lang: str, sep: str = "、") -> str:
    return sep.join(r.label.get(lang) for r in item.refs)


def text_of(value, lang: str) -> str:
    return value.get(lang) if value is not None else ""


@dataclass(frozen=True)
class Instance:
    """One subcontractor of an application, with its items in printed order."""

    number: int | None
    label: str
    items: tuple[ItemResult, ...]


def instances(checklist: ChecklistResult, lang: str) -> list[Instance]:
    """The subcontractors of an application; items given once for the whole application come first."""
    order: dict[int | None, list[ItemResult]] = {None: []}
    labels: dict[int | None, str] = {}
    for item in checklist.items:
        order.setdefault(item.instance, []).append(item)
        if item.instance is not None and item.instance_label:
            labels.setdefault(item.instance, item.instance_label)
    w = words(lang)
    out = []
    for number, items in order.items():
        if not items:
            continue
        if number is None:
            label = w["whole"] if len(order) > 1 else w["no_instances"]
        else:
            label = labels.get(number) or f"{w['instance']} {number}"
        out.append(Instance(number, label, tuple(items)))
    return out


def is_missing(item: ItemResult) -> bool:
    """A follow-up with no answer behind it: an entry the application does not state."""
    return item.needs_follow_up and not item.answer


# control characters (tabs and line breaks kept), and the bidi embeddings, overrides and isolates, with which
# typed text would reorder what a viewer shows of it (a right-to-left override turns "fdp" into "pdf")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def clean(text: str | None) -> str:
    """User text without control characters (tabs and line breaks kept) or bidi overrides: no format can take
    the one, and every viewer would act on the other. (The JSON report keeps the answers as given.)"""
    return _CONTROL.sub("", text or "")


def neutralise(text: str) -> str:
    """A cell that a spreadsheet would read as a formula (= + - @, tab, CR first) gets a leading apostrophe."""
    return "'" + text if text.startswith(FORMULA_START) else text


def summary_line(checklist: ChecklistResult, lang: str) -> str:
    return " / ".join(f"{status_label(s, lang)} {n}" for s, n in checklist.summary.items())
