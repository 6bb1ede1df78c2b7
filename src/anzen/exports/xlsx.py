"""The report as an Excel workbook: per checklist a sheet named after the form (header block above the
table, follow-up rows filled in a highlight colour with 要対応 in the status column, reason / action /
article columns, frozen header row, A4 print setup repeating it), then a sheet listing the follow-ups.

User text is always stored as a string cell: openpyxl would turn a value starting with '=' into a formula,
so every text cell is written with data_type 's', and cells that begin like a formula (= + - @ tab CR) are
also marked quotePrefix so that Excel keeps them as text when someone edits them."""

from __future__ import annotations

import math
from copy import copy
from datetime import datetime
from io import BytesIO
from typing import TYPE_CHECKING, Any

from anzen.exports.common import (
    FORMULA_START, answer_lines, answer_text, clean, document_date, header, header_label, is_plain, refs_text, status_label, summary_line, text_of, words,
)
from anzen.result import ChecklistResult, ItemResult
from anzen.widths import cells as units  # Excel's width units: full-width (Japanese) characters count two

if TYPE_CHECKING:
    from anzen.report import Report

FOLLOW_FILL = "FCE4D6"  # light orange: the rows that need follow-up
HEAD_FILL = "D9D9D9"
FOLLOW_INK = "A40000"
MAX_CELL = 32767  # Excel's limit of characters in a cell
COLUMNS = ("category", "no", "instance", "item", "check", "status", "answer", "reason", "action", "refs")
MAX_WIDTH = {"category": 18, "no": 6, "instance": 16, "item": 50, "check": 6, "status": 10, "answer": 32, "reason": 32, "action": 32, "refs": 24}
BAD_SHEET_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})


def sheet_title(text: str, taken: set[str]) -> str:
    base = clean(text).translate(BAD_SHEET_CHARS).strip("'") or "Sheet"
    title, n = base[:31], 2
    while title.lower() in taken:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title.lower())
    return title


class _Sheet:
    """Writes cells as text, remembers what each column holds (for widths) and each row's height."""

    def __init__(self, ws: Any, styles: Any):
        self.ws, self.s = ws, styles
        self.widths: dict[int, int] = {}
        self.row = 1

    def put(self, col: int, value: Any, *, bold: bool = False, fill: str | None = None, ink: str | None = None, size: float | None = None,
            wrap: bool = True, align: str | None = None, measure: bool = True, border: bool = False) -> Any:
        cell = self.ws.cell(row=self.row, column=col)
        self._style(cell, (bold, fill, ink, size, wrap, align, border))
        if isinstance(value, (int, float)):
            cell.value = value
        else:
            text = clean(str(value) if value is not None else "")
            if len(text) > MAX_CELL:
                text = text[: MAX_CELL - 1] + "…"
            cell.value = text
            cell.data_type = "s"  # never a formula, whatever the text begins with
            if text.startswith(FORMULA_START):
                cell.quotePrefix = True
            if measure:
                self.widths[col] = max(self.widths.get(col, 0), max((units(line) for line in text.splitlines()), default=0))
        return cell

    def _style(self, cell: Any, look: tuple[Any, ...]) -> None:
        # each look's style as openpyxl keeps it on a cell, made once a workbook (styles.looks): setting a font,
        # fill and border on every cell looked each up in the workbook by its hash (~0.2 ms a cell)
        kept = self.s.looks.get(look)
        if kept is not None:
            cell._style = copy(kept)  # as openpyxl copies a cell's style (worksheet copies): the same entries
            return
        bold, fill, ink, size, wrap, align, border = look
        s = self.s
        cell.font = s.Font(name="Yu Gothic", bold=bold, color=ink, size=size or 10)
        cell.alignment = s.Alignment(wrap_text=wrap, vertical="top", horizontal=align)
        if fill:
            cell.fill = s.PatternFill("solid", start_color=fill, end_color=fill)
        if border:
            thin = s.Side(style="thin", color="808080")
            cell.border = s.Border(left=thin, right=thin, top=thin, bottom=thin)
        self.s.looks[look] = copy(cell._style)

    def fit_height(self, cells: list[tuple[str, float]], minimum: float = 15) -> None:
        """Row height for wrapped text (Excel does not measure rows written by a library)."""
        lines = 1
        for text, width in cells:
            lines = max(lines, sum(max(1, math.ceil(units(line) / max(width - 1, 1))) for line in (text or " ").splitlines() or [" "]))
        self.ws.row_dimensions[self.row].height = max(minimum, min(409, 13.5 * lines + 3))


def _columns(checklist: ChecklistResult) -> list[str]:
    return [c for c in COLUMNS if c != "instance" or checklist.kind == "application"]


def _answer(item: ItemResult, lang: str) -> str:
    if is_plain(item):
        return answer_text(item, lang)
    return "\n".join(f"{p} → {a}" for p, a in answer_lines(item, lang))


def _values(checklist: ChecklistResult, item: ItemResult, lang: str, cat_title: str) -> dict[str, str]:
    return {
        "category": cat_title, "no": item.id, "instance": item.instance_label or "", "item": item.text.get(lang),
        "check": "☑" if item.status == "confirmed" else "☐",
        "status": ("▲ " if item.needs_follow_up else "") + status_label(item.status, lang),
        "answer": _answer(item, lang), "reason": text_of(item.reason, lang), "action": text_of(item.action, lang), "refs": refs_text(item, lang),
    }


def _checklist_sheet(ws: Any, styles: Any, checklist: ChecklistResult, report: "Report", lang: str, era: bool) -> None:
    w = words(lang)
    sh = _Sheet(ws, styles)
    cols = _columns(checklist)
    last = len(cols)
    widths = {i + 1: MAX_WIDTH[c] for i, c in enumerate(cols)}
    sh.put(1, checklist.title.get(lang), bold=True, size=14, wrap=False, measure=False)
    sh.put(last, document_date(checklist, report, lang, era), align="right", wrap=False, measure=False)
    sh.row += 1
    for value in checklist.header:
        if value.id in ("report_date", "application_date") or not value.value:
            continue
        sh.put(1, header_label(checklist, value.id, lang), bold=True, fill=HEAD_FILL, measure=False)
        sh.put(2, header(checklist, value.id, lang) + (f"　{w['sama']}" if value.id == "addressee" and w["sama"] else ""), measure=False, wrap=False)
        sh.row += 1
    merged = []  # (row, text): their heights are known once the column widths are
    for text in (checklist.preamble, checklist.closing_note):
        if text is not None:
            sh.put(1, text.get(lang), measure=False)
            ws.merge_cells(start_row=sh.row, start_column=1, end_row=sh.row, end_column=last)
            merged.append((sh.row, text.get(lang)))
            sh.row += 1
    sh.put(1, f"{w['summary']}: {summary_line(checklist, lang)}", measure=False, wrap=False)
    sh.row += 2
    head_row = sh.row
    for i, c in enumerate(cols, start=1):
        sh.put(i, w[c if c != "instance" else "instance"], bold=True, fill=HEAD_FILL, align="center", border=True, measure=False)
    sh.row += 1
    for cat in checklist.categories:
        cat_title = f"{cat.id} {cat.title.get(lang)}"
        for item in cat.items:
            values = _values(checklist, item, lang, cat_title)
            follow = item.needs_follow_up
            for i, c in enumerate(cols, start=1):
                sh.put(i, values[c], fill=FOLLOW_FILL if follow else None, border=True, bold=follow and c == "status",
                       ink=FOLLOW_INK if follow and c in ("status", "check") else None, align="center" if c in ("check", "no") else None)
            sh.fit_height([(values[c], min(max(sh.widths.get(i + 1, 0), 6), widths[i + 1]) + 2) for i, c in enumerate(cols)])
            sh.row += 1
    total = 0
    for i, c in enumerate(cols, start=1):
        width = min(max(sh.widths.get(i, 0), units(w[c]), 6) + 2, widths[i] + 2)
        ws.column_dimensions[styles.get_column_letter(i)].width = width
        total += width
    end = sh.row
    for row, text in merged:
        sh.row = row
        sh.fit_height([(text, total)])
    sh.row = end
    ws.freeze_panes = ws.cell(row=head_row + 1, column=1)
    ws.auto_filter.ref = f"A{head_row}:{styles.get_column_letter(last)}{max(sh.row - 1, head_row)}"
    _print_setup(ws, head_row)


def _print_setup(ws: Any, head_row: int) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"  # nine columns of Japanese text: A4 portrait would shrink them unreadably
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{head_row}:{head_row}"
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = "&P / &N"


def _follow_sheet(ws: Any, styles: Any, report: "Report", lang: str) -> None:
    w = words(lang)
    sh = _Sheet(ws, styles)
    cols = ["checklist", "no", "instance", "item", "status", "answer", "reason", "action", "refs"]
    limits = {"checklist": 24, **MAX_WIDTH}
    for i, c in enumerate(cols, start=1):
        sh.put(i, w[c], bold=True, fill=HEAD_FILL, align="center", border=True, measure=False)
    sh.row += 1
    count = 0
    for checklist in report.checklists:
        for cat in checklist.categories:
            for item in cat.items:
                if not item.needs_follow_up:
                    continue
                values = {"checklist": checklist.title.get(lang), **_values(checklist, item, lang, cat.title.get(lang))}
                for i, c in enumerate(cols, start=1):
                    sh.put(i, values[c], fill=FOLLOW_FILL, border=True, bold=c == "status", ink=FOLLOW_INK if c == "status" else None)
                sh.fit_height([(values[c], limits[c] + 2) for c in cols])
                sh.row += 1
                count += 1
    if not count:
        sh.put(1, w["none"], measure=False, wrap=False)
    for i, c in enumerate(cols, start=1):
        ws.column_dimensions[styles.get_column_letter(i)].width = min(max(sh.widths.get(i, 0), units(w[c]), 6) + 2, limits[c] + 2)
    ws.freeze_panes = "A2"
    _print_setup(ws, 1)


def render(report: "Report", *, era: bool = True, **_: object) -> bytes:
    from types import SimpleNamespace

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    styles = SimpleNamespace(Alignment=Alignment, Border=Border, Font=Font, PatternFill=PatternFill, Side=Side, get_column_letter=get_column_letter,
                             looks={})  # each look's style, shared by the workbook's sheets (see _Sheet)
    lang = report.lang
    wb = Workbook()
    wb.remove(wb.active)
    taken: set[str] = set()
    for checklist in report.checklists:
        _checklist_sheet(wb.create_sheet(sheet_title(checklist.title.get(lang), taken)), styles, checklist, report, lang, era)
    _follow_sheet(wb.create_sheet(sheet_title(words(lang)["sheet_follow"], taken)), styles, report, lang)
    stamp = _stamp(report.generated_at)
    wb.properties.creator = "anzen"
    wb.properties.title = clean(report.flow_title.get(lang))
    wb.properties.created = wb.properties.modified = stamp
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def _stamp(iso: str) -> datetime:
    try:
        return datetime.fromisoformat(iso).replace(tzinfo=None)
    except ValueError:
        return datetime(2000, 1, 1)
