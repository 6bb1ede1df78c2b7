"""The checklist form as printed (安全管理措置等の履行状況報告書): 項目 / 確認事項 / 確認欄, a ticked box for
each confirmed item, follow-up rows shaded and marked 要対応, the closing note, then the follow-up list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.units import mm

from anzen.exports.common import summary_line, words
from anzen.exports.pdf_layout import CONTENT_W, Cell, Doc
from anzen.exports.pdf_parts import FOLLOW_FILL, FOLLOW_INK, HEAD_FILL, MUTED, check_cell, follow_bar, follow_up_list, letter_head
from anzen.result import ChecklistResult

if TYPE_CHECKING:
    from anzen.report import Report

CATEGORY_W, CHECK_W = 34 * mm, 20 * mm
TEXT_W = CONTENT_W - CATEGORY_W - CHECK_W


def checklist_form(doc: Doc, checklist: ChecklistResult, report: "Report", lang: str, era: bool) -> None:
    w = words(lang)
    letter_head(doc, checklist, report, lang, era)
    header = [Cell([doc.para(w["category"], 9.5, align="center")], HEAD_FILL, valign="middle"),
              Cell([doc.para(w["item"], 9.5, align="center")], HEAD_FILL, valign="middle"),
              Cell([doc.para(w["check"], 9.5, align="center")], HEAD_FILL, valign="middle")]
    doc.start_table([CATEGORY_W, TEXT_W, CHECK_W], [header], first_rows=60)
    for cat in checklist.categories:
        rows = []
        for item in cat.items:
            follow = item.needs_follow_up
            paras = []
            if item.instance is not None:
                paras.append(doc.para(f"[{item.instance_label or item.instance}]", 8, MUTED))
            paras.append(doc.para(item.text.get(lang), 9.5, FOLLOW_INK if follow else colors.black))
            text = Cell(paras, FOLLOW_FILL if follow else None, follow_bar if follow else None, valign="middle")
            rows.append([text, check_cell(item.status, lang, doc.font)])
        cat_title = f"{cat.id} {cat.title.get(lang)}"

        def span(continued: bool, cat_title: str = cat_title) -> list[Cell]:
            paras = [doc.para(cat_title, 9.5)]
            if continued:
                paras.append(doc.para(w["continued"], 8, MUTED))
            return [Cell(paras, valign="middle")]

        doc.table([TEXT_W, CHECK_W], rows, span=span, span_w=CATEGORY_W)
    doc.end_table()
    doc.space(4)
    if checklist.closing_note is not None:
        doc.flow(doc.para(checklist.closing_note.get(lang), 9.5), after=3)
    doc.flow(doc.para(f"{w['summary']}: {summary_line(checklist, lang)}", 8.5, MUTED), after=2)
    if not report.complete:
        doc.flow(doc.para(w["incomplete"], 8.5, FOLLOW_INK), after=2)
    follow_up_list(doc, checklist, lang)

