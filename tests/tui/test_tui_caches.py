"""The process-wide caches that keep old drawings alive are emptied at each step (anzen.tui.caches)."""

from __future__ import annotations

from rich.cells import cached_cell_len
from rich.style import Style
from rich.terminal_theme import DEFAULT_TERMINAL_THEME
from textual.filter import ANSIToTruecolor
from textual.geometry import Region

from anzen.tui.caches import trim


def test_trim_empties_the_caches_that_keep_what_was_drawn() -> None:
    cached_cell_len("株式会社サンプル")
    assert Style(bold=True) + Style(italic=True) == Style(bold=True, italic=True)
    Region(0, 0, 4, 4).intersection(Region(2, 2, 4, 4))
    ANSIToTruecolor(DEFAULT_TERMINAL_THEME).truecolor_style(Style(color="red"), None)
    caches = (cached_cell_len, Style._add, Region.intersection, ANSIToTruecolor.truecolor_style)
    assert all(cache.cache_info().currsize for cache in caches)
    trim()
    assert [cache.cache_info().currsize for cache in caches] == [0, 0, 0, 0]
