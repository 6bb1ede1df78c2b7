"""An application (再委託の承認申請事項) as a document: per subcontractor, the items (1)–(8) with what the
application states, the sub-subcontracting items when there is any, the checks before consent; then the
missing items and flags."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.units import mm

from anzen.exports.common import Instance, answer_lines, answer_text, header, header_label, instances, is_missing, is_plain, item_no, status_label, words
from anzen.exports.pdf_layout import CONTENT_W, Cell, Doc
from anzen.exports.pdf_parts import FOLLOW_FILL, FOLLOW_INK, HEAD_FILL, MUTED, check_cell, follow_bar, follow_up_list, heading, letter_head
from anzen.result import ChecklistResult, ItemResult

if TYPE_CHECKING:
    from anzen.report import Report

LABEL_W, STATUS_W = 58 * mm, 20 * mm
VALUE_W = CONTENT_W - LABEL_W - STATUS_W
SUB_FILL = colors.HexColor("#F4F4F4")


def application_form(doc: Doc, checklist: ChecklistResult, report: "Report", lang: str, era: bool) -> None:
    w = words(lang)
    letter_head(doc, checklist, report, lang, era)
    _contract(doc, checklist, lang)
    for instance in instances(checklist, lang):
        _instance(doc, checklist, instance, lang)
    _missing(doc, checklist, lang)
    flags = [i for i in checklist.follow_ups if not is_missing(i)]
    follow_up_list(doc, checklist, lang, items=flags, heading_text=w["flags_follow"])


def _missing(doc: Doc, checklist: ChecklistResult, lang: str) -> None:
    """Per subcontractor, the entries the application does not state (one action for all of them)."""
    w = words(lang)
    doc.space(10)
    groups = [(inst, [i for i in inst.items if is_missing(i)]) for inst in instances(checklist, lang)]
    groups = [(inst, items) for inst, items in groups if items]
    count = sum(len(items) for _, items in groups)
    heading(doc, f"{w['missing']}（{w['count'].format(n=count)}）" if lang == "ja" else f"{w['missing']} ({count})")
    if not groups:
        doc.flow(doc.para(w["none"], 10), after=4)
        return
    rows = []
    for inst, items in groups:
        lines = [doc.para(f"{item_no(checklist, i)} {i.text.get(lang)}", 9, FOLLOW_INK) for i in items]
        rows.append([Cell([doc.para(inst.label, 9)], FOLLOW_FILL, follow_bar), Cell(lines, FOLLOW_FILL)])
    rows.append([Cell([doc.para(w["action"], 9)], HEAD_FILL), Cell([doc.para(w["missing_action"], 9)])])
    doc.table([LABEL_W, CONTENT_W - LABEL_W], rows, keep_together=False)


def _contract(doc: Doc, checklist: ChecklistResult, lang: str) -> None:
    w = words(lang)
    rows = []
    if header(checklist, "contract_name", lang):
        rows.append([Cell([doc.para(header_label(checklist, "contract_name", lang), 9.5)], HEAD_FILL), Cell([doc.para(header(checklist, "contract_name", lang), 9.5)])])
    start, end = header(checklist, "contract_start", lang), header(checklist, "contract_end", lang)
    if start or end:
        rows.append([Cell([doc.para(w["contract_period"], 9.5)], HEAD_FILL), Cell([doc.para(f"{start}{w['period_sep']}{end}", 9.5)])])
    if rows:
        doc.table([LABEL_W, CONTENT_W - LABEL_W], rows)
        doc.space(8)


def _row(doc: Doc, checklist: ChecklistResult, item: ItemResult, lang: str, label: str | None = None) -> list[Cell]:
    w = words(lang)
    follow = item.needs_follow_up
    label = label or f"{item_no(checklist, item)} {item.text.get(lang)}"
    ink = FOLLOW_INK if follow else colors.black
    if is_plain(item):
        value = [doc.para(answer_text(item, lang), 9)] if item.answer else []
    else:
        value = []
        for prompt, answer in answer_lines(item, lang):
            value += [doc.para(prompt, 7.5, MUTED), doc.para(f"→ {answer}", 9)]
    if not item.answer and item.needs_follow_up:
        value = [doc.para(w["blank"], 9, FOLLOW_INK)]
    return [
        Cell([doc.para(label, 9, ink)], FOLLOW_FILL if follow else None, follow_bar if follow else None),
        Cell(value, FOLLOW_FILL if follow else None),
        check_cell(item.status, lang, doc.font),
    ]


def _instance(doc: Doc, checklist: ChecklistResult, instance: Instance, lang: str) -> None:
    """One subcontractor: its name and the column titles, repeated (続き) on every page it runs onto."""
    w = words(lang)
    doc.space(6)
    name = instance.label if instance.number is None else f"{w['instance']} {instance.number}　{instance.label}"
    columns = [Cell([doc.para(w["itemno"], 8.5, align="center")], SUB_FILL), Cell([doc.para(w["value"], 8.5, align="center")], SUB_FILL),
               Cell([doc.para(w["status"], 8.5, align="center")], SUB_FILL)]
    widths = [LABEL_W, VALUE_W, STATUS_W]
    head = [[Cell([doc.para(name, 11)], HEAD_FILL)], columns]
    again = [[Cell([doc.para(f"{name}　{w['continued']}", 11)], HEAD_FILL)], columns]
    doc.start_table(widths, head, first_rows=80, repeat=again)
    for n, cat in enumerate(checklist.categories):
        items = [i for i in instance.items if i.category == cat.id]
        if not items:
            continue
        rows: list[list[Cell]] = [[Cell([doc.para(cat.title.get(lang), 9, MUTED)], SUB_FILL)]]
        if n and all(i.status == "not_applicable" for i in items):
            rows.append([Cell([doc.para(status_label("not_applicable", lang), 9, MUTED)])])
        else:
            rows += [_row(doc, checklist, item, lang) for item in items]
        doc.table(widths, rows)
    doc.end_table()
