"""Textual's process-wide caches, emptied when the app moves on to a new step (a question, a screen).

Two of them keep memory that the app no longer needs:
- StylesCache.get_inner_outer is an lru_cache on a method: its keys keep up to 1024 StylesCache
  objects alive, each with the rendered lines of its widget, also of widgets long removed (earlier
  bubbles and answer areas, footer keys): ~5 MB over the Wakayama report.
- the geometry caches (Region.intersection, .union, .shrink … up to 4096 entries each) fill with
  the regions of each scroll position of a growing conversation: ~2 MB.
Emptied, they cost a few recomputations on the next frame. Looked up by name, so that a Textual
without them (or with other ones) loses nothing but the saving."""

from __future__ import annotations

from typing import Any


def _clear(owner: Any, *names: str) -> None:
    for name in names:
        clear = getattr(getattr(owner, name, None), "cache_clear", None)
        if clear is not None:
            clear()


def trim() -> None:
    from textual import geometry
    from textual._styles_cache import StylesCache

    _clear(StylesCache, "get_inner_outer")
    for cls in (geometry.Offset, geometry.Size, geometry.Region, geometry.Spacing):
        _clear(cls, *vars(cls))
