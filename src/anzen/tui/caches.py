"""Textual's and Rich's process-wide caches, emptied when the app moves on to a new step (a question, a screen).

These keep memory that the app no longer needs:
- StylesCache.get_inner_outer is an lru_cache on a method: its keys keep up to 1024 StylesCache
  objects alive, each with the rendered lines of its widget, also of widgets long removed (earlier
  bubbles and answer areas, footer keys): ~5 MB over the Wakayama report.
- the geometry caches (Region.intersection, .union, .shrink … up to 4096 entries each) fill with
  the regions of each scroll position of a growing conversation: ~2 MB.
- Rich's cell widths of texts (4096) and sums of two styles (1024), and the truecolor form of each
  style the terminal is sent (1024): each drawn run of text carries its own style (its offset, for the
  mouse), so these are of styles never seen again: ~0.3 MB, and ~870 styles at the Wakayama report's end.
Emptied, they cost a few recomputations on the next frame. Looked up by name, so that a Textual
without them (or with other ones) loses nothing but the saving.

On each node of the screen (and the app): query_one's cache keeps what it found (up to 1024 results)
while the node's own children stay the same, so the answer widget of every past question stayed alive
with the strips it drew.

And on the screen itself: each line a container (the screen, the conversation, the transcript …) has drawn
keeps the pieces the compositor cut it into, for the last four layouts, each piece with caches of
its own: ~2 MB of mostly blank lines under the children. A refresh draws those lines once more, for
the current layout only."""

from __future__ import annotations

from typing import Any

from anzen.tui import collector


def _clear(owner: Any, *names: str) -> None:
    for name in names:
        clear = getattr(getattr(owner, name, None), "cache_clear", None)
        if clear is not None:
            clear()


def trim(screen: Any = None) -> None:
    """Empty the caches above and collect the garbage of the last step (anzen.tui.collector); given a
    `screen`, also redraw its containers."""
    from rich import cells
    from rich.style import Style
    from textual import geometry
    from textual._styles_cache import StylesCache
    from textual.filter import ANSIToTruecolor

    _clear(StylesCache, "get_inner_outer")
    _clear(cells, "cached_cell_len")
    _clear(Style, "_add")
    _clear(ANSIToTruecolor, "truecolor_style")
    for cls in (geometry.Offset, geometry.Size, geometry.Region, geometry.Spacing):
        _clear(cls, *vars(cls))
    if screen is not None:
        _clear_found(screen.app)
        for widget in screen.walk_children(with_self=True):
            _clear_found(widget)
            if widget.is_container:
                widget.refresh()
    collector.after_step()


def _clear_found(node: Any) -> None:
    found = getattr(node, "_query_one_cache", None)
    if found is not None:
        found.clear()
