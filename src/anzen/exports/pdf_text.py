"""Blocks of plain text drawn on a reportlab canvas: broken into lines by anzen.linebreak (Japanese
kinsoku rules), aligned, split across pages. Text is drawn as given, never read as markup.

Reportlab's own Paragraph parses markup and takes ~0.1 s to import (its URL pattern is compiled at
import); a form needs none of that. Lines sit as a Paragraph's did: the first baseline one font size
below the top, then one leading apart."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.pdfbase import pdfmetrics

from anzen.linebreak import break_lines

_UNIT_WIDTHS: dict[str, dict[str, float]] = {}  # per font: each character's width at 1 pt, measured once

# Unicode's default-ignorable code points (zero-width joiners and spaces, variation selectors, bidi controls,
# tags…): invisible where a font supports them, but reportlab draws each one the font lacks as a box (IPAex
# lacks them all), and a right-to-left override would reorder the text. Printed without them.
_IGNORABLE_RANGES = ((0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5),
                     (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164),
                     (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
                     (0xE0000, 0xE0FFF))
_UNPRINTED = {code: None for low, high in _IGNORABLE_RANGES for code in range(low, high + 1)}


def printable(text: str) -> str:
    """`text` without the characters nothing is printed for."""
    return text.translate(_UNPRINTED) if not text.isascii() else text


def measurer(font: str, size: float) -> Callable[[str], float]:
    """The width of a string in `font` at `size` points."""
    widths = _UNIT_WIDTHS.setdefault(font, {})
    face = pdfmetrics.getFont(font)

    def measure(text: str) -> float:
        total = 0.0
        for ch in text:
            w = widths.get(ch)
            if w is None:
                w = widths[ch] = face.stringWidth(ch, 1.0)
            total += w
        return total * size

    return measure


class TextBlock:
    """One paragraph: its text, look and (per width) lines. height() and split() before draw()."""

    __slots__ = ("text", "font", "size", "color", "align", "leading", "indent", "_width", "_lines")

    def __init__(self, text: str, font: str, size: float, color: Any, align: str = "left", leading: float | None = None,
                 indent: float = 0.0) -> None:
        self.text, self.font, self.size, self.color, self.align = printable(text), font, size, color, align
        self.leading = leading or size * 1.5
        self.indent = indent
        self._width: float | None = None
        self._lines: list[str] = []

    def lines(self, width: float) -> list[str]:
        if width != self._width:
            self._lines = break_lines(self.text, width, measurer(self.font, self.size), self.indent) if self.text else []
            self._width = width
        return self._lines

    def height(self, width: float) -> float:
        return len(self.lines(width)) * self.leading

    def split(self, width: float, room: float) -> tuple[TextBlock, TextBlock] | None:
        """The lines that fit in `room` and the rest, as two blocks; None when not even one line fits, or all do."""
        lines = self.lines(width)
        n = int(room // self.leading + 1e-9)
        if n <= 0 or n >= len(lines):
            return None
        return self._part(lines[:n], width, self.indent), self._part(lines[n:], width, 0.0)

    def _part(self, lines: list[str], width: float, indent: float) -> TextBlock:
        part = TextBlock("\n".join(lines), self.font, self.size, self.color, self.align, self.leading, indent)
        part._width, part._lines = width, lines
        return part

    def draw(self, canvas: Any, x: float, top: float, width: float) -> None:
        lines = self.lines(width)
        if not lines:
            return
        measure = measurer(self.font, self.size)
        # one text object, a line at a time as a Paragraph draws them (viewers and pdftotext read it as one block)
        text = canvas.beginText(x, top - self.size)
        text.setFont(self.font, self.size, self.leading)
        text.setFillColor(self.color)
        for n, line in enumerate(lines):
            if self.align == "left":
                shift = self.indent if n == 0 else 0.0
            elif self.align == "center":
                shift = (width - measure(line)) / 2
            else:
                shift = width - measure(line)
            if shift:
                text.setXPos(shift)
            text.textLine(line)
            if shift:
                text.setXPos(-shift)
        canvas.drawText(text)
