"""Text laid out for a terminal: its width in cells (a kanji takes two) and its lines broken with the
Japanese line breaker (anzen.linebreak), so that 」、。 never start a line, as the terminal's own wrapping
at the last column leaves them. To a file or a pipe, lines are kept whole (for grep and for mail)."""

from __future__ import annotations

import shutil
from typing import Any
from unicodedata import combining, east_asian_width

from anzen.linebreak import break_lines

_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff") | frozenset(map(chr, range(0xFE00, 0xFE10)))


def cells(text: str) -> int:
    """The columns `text` takes in a terminal: wide and full-width characters two, combining marks and
    zero-width characters none."""
    return sum(0 if combining(ch) or ch in _ZERO_WIDTH else 2 if east_asian_width(ch) in "WF" else 1 for ch in text)


def width_of(stream: Any) -> int | None:
    """The terminal's columns when `stream` writes to one; None for a file or a pipe."""
    try:
        if not stream.isatty():
            return None
    except (AttributeError, ValueError):  # closed, or not a real stream
        return None
    return shutil.get_terminal_size().columns


def broken(text: str, width: int) -> str:
    """`text` with each of its lines broken to `width` columns; a line's continuations are indented as the
    line itself is. (One column is left free: a character in the last one makes some terminals wrap.)"""
    out: list[str] = []
    for line in text.split("\n"):
        indent = line[: len(line) - len(line.lstrip(" "))]
        room = width - 1 - len(indent)
        if cells(line) <= width - 1 or room < 10:
            out.append(line)
            continue
        out += [indent + part for part in break_lines(line[len(indent) :], room, cells, hanging=False)]
    return "\n".join(out)
