"""A small page layout on a reportlab canvas for form-like PDFs: paragraphs and ruled tables whose rows
never split across pages (unless one row is taller than a page), groups of rows kept together where they
fit, a repeated table header, a spanned first column (the form's 項目), and 'n / total' page numbers.

Imported only by the PDF exporter (reportlab)."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas

from anzen.exports.pdf_text import TextBlock

PAGE_W, PAGE_H = A4
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 20 * mm, 18 * mm, 18 * mm
CONTENT_W = PAGE_W - 2 * MARGIN_X
PAD_X, PAD_Y = 4, 3.5
GRID = colors.HexColor("#333333")


def fit(widths: list[float], row: list[Any]) -> list[float]:
    """Column widths for a row with fewer cells than columns: its last cell spans the rest."""
    n = len(row)
    return widths if n >= len(widths) else [*widths[: n - 1], sum(widths[n - 1:])]


class NumberedCanvas(rl_canvas.Canvas):
    """Defers pages so that each can carry 'n / total' (the total is known only at the end)."""

    footer: Callable[[Any, int, int], None] | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            if self.footer is not None:
                self.footer(self, number, total)
            super().showPage()
        super().save()


@dataclass
class Cell:
    paras: list[TextBlock] = field(default_factory=list)
    fill: Any = None
    draw: Callable[[Any, float, float, float, float], None] | None = None  # (canvas, x, bottom, w, h)
    min_h: float = 0
    valign: str = "top"
    border: bool = True


Row = list[Cell]


class Doc:
    """A PDF being written top to bottom."""

    def __init__(self, font: str, *, title: str = "", footer_text: str = "", page_words: str = "{n} / {total}"):
        self.buffer = io.BytesIO()
        self.font = font
        self.c = NumberedCanvas(self.buffer, pagesize=A4, pageCompression=1, invariant=1, initialFontName=font, initialFontSize=9.5)
        self.c.setTitle(title)
        self.c.setCreator("anzen")
        self.c.footer = self._footer
        self.footer_text, self.page_words = footer_text, page_words
        self.header: tuple[list[float], list[Row]] | None = None  # table header rows repeated on each new page
        self.y = PAGE_H - MARGIN_TOP
        self.page_top = self.y

    # -- pages -------------------------------------------------------------
    def _footer(self, c: Any, number: int, total: int) -> None:
        c.saveState()
        c.setFont(self.font, 8)
        c.setFillColor(colors.HexColor("#555555"))
        c.drawCentredString(PAGE_W / 2, 10 * mm, self.page_words.format(n=number, total=total))
        if self.footer_text:
            c.drawRightString(PAGE_W - MARGIN_X, 10 * mm, self.footer_text)
        c.restoreState()

    def new_page(self) -> None:
        self.c.showPage()
        self.y = PAGE_H - MARGIN_TOP
        if self.header is not None:
            widths, rows = self.header
            for row in rows:
                self._draw_row(widths, row, self.row_height(widths, row), MARGIN_X)
        self.page_top = self.y

    def remaining(self) -> float:
        return self.y - MARGIN_BOTTOM

    def at_top(self) -> bool:
        return self.y >= self.page_top - 0.01

    def space(self, height: float) -> None:
        if height >= self.remaining():
            self.new_page()
        else:
            self.y -= height

    def finish(self) -> bytes:
        self.c.showPage()
        self.c.save()
        return self.buffer.getvalue()

    # -- text --------------------------------------------------------------
    def para(self, text: str | None, size: float = 9.5, color: Any = colors.black, align: str = "left", leading: float | None = None,
             indent: float = 0) -> TextBlock:
        return TextBlock(text or "", self.font, size, color, align, leading, indent)

    def flow(self, para: TextBlock, *, x: float = MARGIN_X, width: float = CONTENT_W, after: float = 0) -> None:
        """Draw a paragraph at the cursor, continuing on the next page when it is longer than the room left."""
        while True:
            h = para.height(width)
            if h <= self.remaining():
                break
            parts = para.split(width, self.remaining())
            if parts is None:
                if self.at_top():  # cannot fit even on an empty page: draw what there is
                    break
                self.new_page()
                continue
            parts[0].draw(self.c, x, self.y, width)
            self.new_page()
            para = parts[1]
        para.draw(self.c, x, self.y, width)
        self.y -= h
        if after:
            self.space(after)

    # -- tables ------------------------------------------------------------
    def _cell_height(self, cell: Cell, width: float) -> float:
        inner = width - 2 * PAD_X
        h = sum(p.height(inner) for p in cell.paras)
        return max(h + 2 * PAD_Y, cell.min_h)

    def row_height(self, widths: list[float], row: Row) -> float:
        return max(self._cell_height(cell, w) for cell, w in zip(row, fit(widths, row)))

    def _draw_row(self, widths: list[float], row: Row, height: float, x: float) -> None:
        c = self.c
        bottom = self.y - height
        for cell, w in zip(row, fit(widths, row)):
            if cell.fill is not None:
                c.setFillColor(cell.fill)
                c.rect(x, bottom, w, height, stroke=0, fill=1)
            inner = w - 2 * PAD_X
            content = sum(p.height(inner) for p in cell.paras)
            top = self.y - PAD_Y if cell.valign == "top" else bottom + (height + content) / 2
            for p in cell.paras:
                p.draw(c, x + PAD_X, top, inner)
                top -= p.height(inner)
            if cell.draw is not None:
                cell.draw(c, x, bottom, w, height)
            if cell.border:
                c.setStrokeColor(GRID)
                c.setLineWidth(0.6)
                c.rect(x, bottom, w, height, stroke=1, fill=0)
            x += w
        self.y = bottom

    def _split_row(self, widths: list[float], row: Row, room: float) -> tuple[Row, Row]:
        """A row taller than a page: the part of each cell that fits in `room`, and the rest."""
        first, rest = [], []
        for cell, w in zip(row, fit(widths, row)):
            inner, left = w - 2 * PAD_X, room - 2 * PAD_Y
            keep, more = [], []
            for i, p in enumerate(cell.paras):
                h = p.height(inner)
                if h <= left:
                    keep.append(p)
                    left -= h
                    continue
                parts = p.split(inner, left)
                if parts is not None:
                    keep.append(parts[0])
                    more = [parts[1], *cell.paras[i + 1:]]
                else:
                    more = cell.paras[i:]
                break
            first.append(replace(cell, paras=keep, min_h=0))
            rest.append(Cell(more, cell.fill, None, 0, cell.valign, cell.border))
        return first, rest

    def table(self, widths: list[float], rows: list[Row], *, keep_together: bool = True, span: Callable[[bool], Row] | None = None, span_w: float = 0,
              x: float = MARGIN_X) -> None:
        """Draw rows (all of them on this page when they fit on one). `span(continued)` gives the cell of a
        first column that spans the rows of each page (the form's 項目); it is drawn after its rows."""
        x0 = x + span_w
        heights = [self.row_height(widths, r) for r in rows]
        span_h = self.row_height([span_w], span(False)) if span else 0
        full = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM - (sum(self.row_height(self.header[0], r) for r in self.header[1]) if self.header else 0)
        total = max(sum(heights), span_h)
        if keep_together and total > self.remaining() and total <= full and not self.at_top():
            self.new_page()
        segment_top, continued = self.y, False

        def close_segment() -> None:
            if span is None or self.y >= segment_top:
                return
            cell = span(continued)[0]
            height = segment_top - self.y
            saved, self.y = self.y, segment_top
            self._draw_row([span_w], [replace(cell, min_h=0)], height, x)
            self.y = saved

        if span is not None and heights and span_h > sum(heights):
            heights[-1] += span_h - sum(heights)  # a title taller than its rows stretches the last row
        for row, height in zip(rows, heights):
            while height > self.remaining():
                if not self.at_top() and (height <= full or self.remaining() < 60):
                    close_segment()
                    self.new_page()
                    segment_top, continued = self.y, True
                    continue
                first, rest = self._split_row(widths, row, self.remaining())
                if not any(cell.paras for cell in first):  # nothing fits even on an empty page: draw it whole
                    break
                self._draw_row(widths, first, self.remaining(), x0)
                close_segment()
                self.new_page()
                segment_top, continued = self.y, True
                row, height = rest, self.row_height(widths, rest)
            self._draw_row(widths, row, height, x0)
        close_segment()

    def start_table(self, widths: list[float], header: list[Row], first_rows: float = 40, repeat: list[Row] | None = None) -> None:
        """Draw header rows (on a new page when they and `first_rows` points of rows do not fit); repeat them
        (or `repeat`) at the top of every page until end_table()."""
        height = sum(self.row_height(widths, r) for r in header)
        if height + first_rows > self.remaining() and not self.at_top():
            self.new_page()
        for row in header:
            self._draw_row(widths, row, self.row_height(widths, row), MARGIN_X)
        self.header = (widths, repeat or header)
        self.page_top = self.y

    def end_table(self) -> None:
        self.header = None
