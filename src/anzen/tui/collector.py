"""Python's cyclic garbage collector while the app starts.

Starting makes a few hundred thousand objects that live as long as the app (Textual's and our
modules, classes, styles, the plan). Each full collection walks all of them, and starting triggers
several: ~40 ms of the time to the first question (measured: benchmarks/RESULTS.md, goal 1), against
~10 ms for a bare Textual app. So collection waits until the first screen is drawn, then resumes.

When the pause begins (the app mounted, before any screen), what exists is moved out of the
collector's sight for good (gc.freeze): later full collections, between answers, walk only newer
objects. Not later: frozen objects are never collected, and the first screen's widgets, their styles
and drawn lines become garbage with the first answer. Frozen when the first screen was drawn, they
stayed for the whole interview (~0.9 MB, benchmarks/RESULTS.md goal 7). Nothing made before the
pause is garbage yet (measured: a full collection there finds nothing).

Frozen once per process: tests start many apps in one process, and freezing each one's leftovers
would keep them all."""

from __future__ import annotations

import gc

_held = False
_frozen = False


def hold() -> None:
    """Freeze what exists (once per process) and pause collection (if it runs) until release()."""
    global _held, _frozen
    if gc.isenabled():
        if not _frozen:
            gc.freeze()
            _frozen = True
        gc.disable()
        _held = True


def release() -> None:
    """The first screen is up: collection resumes."""
    global _held
    if _held:
        _held = False
        gc.enable()
