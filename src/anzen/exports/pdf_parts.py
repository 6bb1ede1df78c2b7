"""Parts of the PDF forms: the letter head (date, addressee, sender block, title, opening paragraph),
the 確認欄 cell with a drawn check mark, and the follow-up list. Check marks and the ▲ of 要対応 are drawn
as graphics, never as glyphs that a font may lack."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.lib.units import mm

from anzen.exports.common import answer_lines, document_date, header, header_label, item_name, refs_text, status_label, text_of, words
from anzen.exports.pdf_layout import CONTENT_W, MARGIN_X, PAGE_W, Cell, Doc
from anzen.result import ChecklistResult, ItemResult

if TYPE_CHECKING:
    from anzen.report import Report

FOLLOW_FILL = colors.HexColor("#FCE1CF")  # shading of rows that need follow-up (reads as grey in monochrome)
FOLLOW_INK = colors.HexColor("#A40000")
HEAD_FILL = colors.HexColor("#E8E8E8")
MUTED = colors.HexColor("#5A5A5A")
SENDER_FIELDS = ("address", "contractor", "representative", "applicant")
DATE_FIELDS = ("report_date", "application_date")


def letter_head(doc: Doc, checklist: ChecklistResult, report: "Report", lang: str, era: bool) -> None:
    """Date top right, addressee, the sender block, the title and the opening paragraph, as on the form."""
    w = words(lang)
    doc.flow(doc.para(document_date(checklist, report, lang, era), 10.5, align="right"), after=6)
    addressee = header(checklist, "addressee", lang)
    if addressee:
        doc.flow(doc.para(f"{addressee}　{w['sama']}".strip(), 11), after=8)
    fields = [v.id for v in checklist.header if v.id in SENDER_FIELDS]
    if checklist.preamble is None:  # no opening paragraph to carry them: print the other fields in the block
        fields += [v.id for v in checklist.header if v.id not in SENDER_FIELDS + DATE_FIELDS + ("addressee",) and v.value]
    label_w, x = 32 * mm, MARGIN_X + CONTENT_W * 0.45  # 申請者（受託者） on one line
    rows = [[Cell([doc.para(header_label(checklist, f, lang), 10)], border=False), Cell([doc.para(header(checklist, f, lang), 10)], border=False)]
            for f in fields]
    if rows:
        doc.table([label_w, MARGIN_X + CONTENT_W - x - label_w], rows, keep_together=False, x=x)
    doc.space(14)
    title(doc, checklist.title.get(lang))
    if checklist.preamble is not None:
        doc.flow(doc.para(checklist.preamble.get(lang), 10, leading=17, indent=10), after=8)


def title(doc: Doc, text: str, size: float = 15) -> None:
    """A centred title, drawn a little heavier (fill and thin stroke: the font has a single weight)."""
    if size * 2.5 > doc.remaining():
        doc.new_page()
    c = doc.c
    c.saveState()
    c.setFont(doc.font, size)
    c.setLineWidth(0.35)
    t = c.beginText()
    t.setTextRenderMode(2)
    t.setFont(doc.font, size)
    width = c.stringWidth(text, doc.font, size)
    t.setTextOrigin((PAGE_W - min(width, CONTENT_W)) / 2, doc.y - size * 1.2)
    t.textLine(text)
    c.drawText(t)
    c.restoreState()
    doc.y -= size * 2.2


def heading(doc: Doc, text: str, size: float = 12, color: Any = colors.black) -> None:
    if size * 5 > doc.remaining():
        doc.new_page()
    doc.flow(doc.para(text, size, color), after=5)


def triangle(c: Any, x: float, y: float, s: float, color: Any = FOLLOW_INK) -> None:
    """▲ drawn, base at y, left at x, side s."""
    c.saveState()
    c.setFillColor(color)
    path = c.beginPath()
    path.moveTo(x, y)
    path.lineTo(x + s, y)
    path.lineTo(x + s / 2, y + s * 0.87)
    path.close()
    c.drawPath(path, stroke=0, fill=1)
    c.restoreState()


def check_mark(c: Any, x: float, y: float, s: float) -> None:
    """A tick in the box whose lower left corner is (x, y), side s."""
    c.saveState()
    c.setStrokeColor(colors.black)
    c.setLineWidth(max(1.2, s * 0.12))
    c.setLineCap(1)
    c.setLineJoin(1)
    path = c.beginPath()
    path.moveTo(x + s * 0.18, y + s * 0.52)
    path.lineTo(x + s * 0.42, y + s * 0.22)
    path.lineTo(x + s * 0.86, y + s * 0.9)
    c.drawPath(path, stroke=1, fill=0)
    c.restoreState()


def check_cell(status: str, lang: str, font: str, *, box: bool = True) -> Cell:
    """The 確認欄: a box, ticked when confirmed; 要対応 / 未回答 / 該当なし written under it."""
    follow = status in ("follow_up", "unanswered")
    label = "" if status == "confirmed" else status_label(status, lang)

    def draw(c: Any, x: float, bottom: float, w: float, h: float) -> None:
        s = 4.6 * mm
        label_h = 10 if label else 0
        top = bottom + (h + s + label_h) / 2
        bx, by = x + (w - s) / 2, top - s
        if box:
            c.saveState()
            c.setStrokeColor(colors.black)
            c.setLineWidth(0.8)
            c.setFillColor(colors.white)
            c.rect(bx, by, s, s, stroke=1, fill=1)
            c.restoreState()
            if status == "confirmed":
                check_mark(c, bx, by, s)
        if label:
            size = 7.5
            c.saveState()
            c.setFont(font, size)
            c.setFillColor(FOLLOW_INK if follow else MUTED)
            tw = c.stringWidth(label, font, size)
            mark = size * 0.85 if follow else 0
            lx = x + (w - tw - mark - (2 if follow else 0)) / 2
            ly = (by if box else bottom + (h - size) / 2) - size - 2.5
            if follow:
                triangle(c, lx, ly, mark, FOLLOW_INK if status == "follow_up" else MUTED)
                lx += mark + 2
            c.drawString(lx, ly, label)
            c.restoreState()

    return Cell([], FOLLOW_FILL if follow else None, draw, min_h=(4.6 * mm + (14 if label else 0) + 8), valign="middle")


def follow_bar(c: Any, x: float, bottom: float, w: float, h: float) -> None:
    """A red bar down the left edge of a follow-up row: seen at a glance, and in grey print."""
    c.saveState()
    c.setFillColor(FOLLOW_INK)
    c.rect(x, bottom, 2.2, h, stroke=0, fill=1)
    c.restoreState()


def follow_up_list(doc: Doc, checklist: ChecklistResult, lang: str, items: list[ItemResult] | None = None, heading_text: str | None = None) -> None:
    """After the table: each item that needs follow-up with the answers, reason, action and articles."""
    w = words(lang)
    follow = checklist.follow_ups if items is None else items
    doc.space(10)
    heading(doc, f"{heading_text or w['follow_list']}（{w['count'].format(n=len(follow))}）" if lang == "ja" else f"{heading_text or w['follow_list']} ({len(follow)})")
    if not follow:
        doc.flow(doc.para(w["none"], 10), after=4)
        return
    widths = [22 * mm, CONTENT_W - 22 * mm]
    for n, item in enumerate(follow, start=1):
        name = f"{n}. {item_name(item)}　{item.text.get(lang)}"
        top = Cell([doc.para(name, 9.5, FOLLOW_INK)], FOLLOW_FILL, follow_bar)
        rows = [[top]]
        lines = answer_lines(item, lang)
        if lines:
            paras = []
            for prompt, answer in lines:
                paras += [doc.para(prompt, 7.5, MUTED), doc.para(f"→ {answer}", 9)]
            rows.append([Cell([doc.para(w["answer"], 9)], HEAD_FILL), Cell(paras)])
        for key, value in (("reason", text_of(item.reason, lang)), ("action", text_of(item.action, lang)), ("refs", refs_text(item, lang))):
            if value:
                rows.append([Cell([doc.para(w[key], 9)], HEAD_FILL), Cell([doc.para(value, 9)])])
        doc.table(widths, rows)
        doc.space(5)
