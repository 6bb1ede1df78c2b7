"""Python's cyclic garbage collector while the app starts.

Starting makes a few hundred thousand objects that live as long as the app (Textual's and our
modules, classes, styles, the plan). Each full collection walks all of them, and starting triggers
several: ~40 ms of the time to the first question (measured: benchmarks/RESULTS.md, goal 1), against
~10 ms for a bare Textual app. So collection waits until the first screen is drawn; then what exists
is moved out of the collector's sight for good (gc.freeze: later full collections, between answers,
walk only newer objects) and collection resumes. Garbage made while starting is little and stays.

Frozen once per process: tests start many apps in one process, and freezing each one's leftovers
would keep them all."""

from __future__ import annotations

import gc

_held = False
_frozen = False


def hold() -> None:
    """Pause collection (if it runs) until release()."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def release() -> None:
    """The first screen is up: freeze what exists (once per process) and let collection resume."""
    global _held, _frozen
    if not _held:
        return
    _held = False
    if not _frozen:
        gc.freeze()
        _frozen = True
    gc.enable()
