"""How wide a text is where it is shown: a terminal's columns, Excel's width units."""

from __future__ import annotations

import unicodedata


def cells(text: str) -> int:
    """Columns (or Excel units) a text takes: wide and full-width East Asian characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
