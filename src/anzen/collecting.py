"""Python's cyclic garbage collector around work that makes many long-lived objects at once
(loading and checking a flow, reading a kept plan). The app's start has its own pause: anzen.tui.collector."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Loading makes ~10⁵ long-lived, acyclic objects for a large flow; the cyclic collector passing
    over them again and again made loading grow faster than the file. Pause it, then resume.

    What survives the pause (a loaded file, a plan) goes straight to the oldest generation: freezing then
    unfreezing moves every object there without examining it, where the first young collection would have
    visited each of them (~65 ms for a flow of 10,000 questions) only to find them alive."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            if not gc.get_freeze_count():  # (unfreezing would also release what someone else froze)
                gc.freeze()
                gc.unfreeze()
            gc.enable()
