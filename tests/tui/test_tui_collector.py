"""The collector's pause while the app starts: what the first screen drops later is still collected."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest

from anzen.tui import collector
from anzen.tui.screens.interview import InterviewScreen
from anzen.tui.widgets.answer_inputs import AnswerInput

from tui_helpers import make_app, retyped, typed


@pytest.fixture
def first_freeze(monkeypatch: pytest.MonkeyPatch):
    """As in a new process: nothing frozen yet (an earlier test's app froze the test process's objects)."""
    gc.unfreeze()
    monkeypatch.setattr(collector, "_frozen", False)
    yield
    gc.unfreeze()  # what this test froze is left to the collector again


async def test_the_first_screens_widgets_are_collected_once_dropped(out_dir: Path, first_freeze: None) -> None:
    app = make_app(out_dir, flow="wakayama-safety-report")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert gc.isenabled() and gc.get_freeze_count() > 0, "frozen when the app mounted, collecting again since"
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        first = weakref.ref(screen.query_one(AnswerInput))
        # texts and dates share one kind of answer widget; the first yes/no question replaces it
        await pilot.press(*typed("和歌山市"), *typed("個人情報入力業務"), *retyped("2026-04-01"), *typed("株式会社ベンチ"),
                          *typed("和歌山市七番丁23"), *typed("和歌山太郎"), *retyped("2026-11-01"))
        await pilot.pause()
        assert screen.node is not None and screen.node.question.kind == "yes_no"
        gc.collect()
        assert first() is None, "the text answer widget, dropped for the yes/no buttons: collected, not kept frozen"
        assert gc.isenabled()


class _Cycle:
    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def no_automatic_collections():
    """Python's own collections never come: only what the app collects is collected."""
    thresholds = gc.get_threshold()
    gc.set_threshold(10**9, 10**9, 10**9)
    yield
    gc.set_threshold(*thresholds)


async def test_a_steps_garbage_is_collected_once_the_step_is_done(out_dir: Path, no_automatic_collections: None) -> None:
    app = make_app(out_dir, flow="wakayama-safety-report")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        cycle = _Cycle()
        gone = weakref.ref(cycle)
        del cycle  # garbage that only a collection frees
        assert gone() is not None
        await pilot.press(*typed("和歌山市"))
        await pilot.pause()
        assert app.screen.node is not app.screen.interview.plan.questions[0]
        assert gone() is None, "collected after the step, not left for Python's thresholds"
