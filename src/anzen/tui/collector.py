"""Python's cyclic garbage collector while the app starts.

Starting makes a few hundred thousand objects that live as long as the app (Textual's and our
modules, classes, styles, the plan). Each full collection walks all of them, and starting triggers
several: ~40 ms of the time to the first question (measured: benchmarks/RESULTS.md, goal 1), against
~10 ms for a bare Textual app. So collection waits until the first screen is drawn, then resumes.

When the pause begins (the app composing, before its first screen is made), what exists is moved out
of the collector's sight for good (gc.freeze): later full collections, between answers, walk only newer
objects. Not later: frozen objects are never collected, and the first screen's widgets, their styles
and drawn lines become garbage with the first answer. Frozen when the first screen was drawn, they
stayed for the whole interview (~0.9 MB, benchmarks/RESULTS.md goal 7). Nothing made before the
pause is garbage yet (measured: a full collection there finds nothing).

Once collecting, each step (a question, a screen) ends with a full collection (anzen.tui.caches.trim).
A step leaves thousands of objects in cycles (the widgets it removed, their styles and lines) that
only a full collection frees; left to Python's thresholds they piled up for a few steps before one ran,
and the interview's peak memory held them (~1 MB, benchmarks/RESULTS.md goal 7). Each such collection
walks only what was made since the app mounted: 6-15 ms over the Wakayama report, where the automatic
ones took up to ~50 ms when they came.

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


def after_step() -> None:
    """A step is done: free its garbage now (not while collection is paused: starting, or a smooth scroll)."""
    if gc.isenabled():
        gc.collect()
