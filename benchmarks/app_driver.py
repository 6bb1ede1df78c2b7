"""Drives the full-screen app (or a bare Textual app) headless; run by run.py as a fresh process.

    python benchmarks/app_driver.py first anzen|bare   prints READY once the first question is on screen
    python benchmarks/app_driver.py walk anzen|bare    the whole Wakayama interview to its result, then the
                                                       export of every format; prints the peak RSS (KiB, VmHWM)
                                                       at the result and after the export (bare: after one answer)

The app is started as `anzen app FLOW` starts it, with the session store.
"On screen" is the same test for both apps: the first frame drawn with the answer widget laid out in it.
Only what each app needs is imported, so the bare app's figure is Textual's own cost."""

from __future__ import annotations

import asyncio
import os
import resource
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

SIZE = (120, 36)
FLOW = "wakayama-safety-report"


def ready(widget: Any) -> bool:
    return widget is not None and widget.is_mounted and widget.region.area > 0


def bare_app() -> Any:
    from textual.app import App, ComposeResult
    from textual.widgets import Input, Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("事業者名を入力してください。")
            yield Input(id="answer")

        def on_input_submitted(self) -> None:
            self.query_one(Static).update("ありがとうございました。")

    return Bare()


def anzen_app(out: Path) -> Any:
    """The app as `anzen app FLOW` starts it: with the session store (a new session before the first question)."""
    from anzen.tui.app import AnzenApp
    from anzen.tui.sessions import SessionLink

    return AnzenApp(flow=FLOW, out_dir=out, sessions=SessionLink(os.environ["ANZEN_DB"]))


def first_widget(app: Any) -> Any:
    """The bare app's Input, or the answer area of the app's first question."""
    if type(app).__name__ == "Bare":
        return app.query_one("#answer") if app.screen.children else None
    from anzen.tui.widgets.answer_inputs import AnswerInput

    found = app.screen.query(AnswerInput)
    return found.first() if found else None


async def first(app: Any) -> None:
    """READY with the first frame that shows the question: each frame the app draws passes through
    App._display (headless, it is not written anywhere). run_test itself returns only once the app has
    settled, which includes what comes after the first frame."""
    shown = asyncio.Event()
    display = app._display

    def displayed(screen: Any, renderable: Any) -> None:
        display(screen, renderable)
        if renderable is not None and not shown.is_set() and ready(first_widget(app)):
            print("READY", flush=True)
            shown.set()

    app._display = displayed
    async with app.run_test(size=SIZE):
        await shown.wait()
        app.exit()


# -- the whole interview ---------------------------------------------------------
def candidates(question: Any, today: date) -> list[Any]:
    """Answers to try, most natural first; the screen's own check picks the first that fits."""
    kind = question.kind
    if kind == "yes_no":
        return ["yes"]
    if kind == "choice":
        return [c.value for c in question.choices]
    if kind == "multi_choice":
        return [[c.value] for c in question.choices]
    default = getattr(question, "default", None)
    if kind == "date":
        return [today.isoformat() if default in (None, "today") else default, "2027-03-31", "2026-04-01"]
    if kind == "number":
        return ["1", "10", "100"]
    return [default or "ベンチマーク", "03-1234-5678", "1"]


async def walk(app: Any, out: Path) -> None:
    from anzen.tui.screens.interview import InterviewScreen
    from anzen.tui.screens.result import ResultScreen
    from anzen.tui.screens.review import ReviewScreen
    from anzen.tui.widgets.answer_inputs import AnswerInput
    from anzen.tui.widgets.group_panel import GroupPanel

    async with app.run_test(size=SIZE) as pilot:
        for _ in range(1000):
            await pilot.pause()
            screen = app.screen
            if isinstance(screen, ReviewScreen):
                await pilot.press("f5")
            elif isinstance(screen, ResultScreen):
                print(peak_kib(), flush=True)  # the interview done, its result on screen
                await pilot.press("f6")
                await app.workers.wait_for_complete()
                await pilot.pause()
                break
            elif isinstance(screen, InterviewScreen):
                area = screen.query_one("#answer-area").children
                widget = area[0] if area else None
                if isinstance(widget, GroupPanel):
                    widget.post_message(GroupPanel.Done())
                elif isinstance(widget, AnswerInput):
                    today = screen.interview.today
                    raw = next((c for c in candidates(widget.question, today) if widget.check(c)[0] is None), None)
                    if raw is None:
                        raise SystemExit(f"no answer fits {widget.question.id}")
                    widget.submit(raw)
        else:
            raise SystemExit(f"the interview did not finish (stuck on {app.screen!r})")
        if not list(out.glob("*.json")):
            raise SystemExit(f"no report exported: {app.screen.query_one('#export-status').render()}")


async def walk_bare(app: Any) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"株式会社ベンチ", "enter")
        await pilot.pause()


def peak_kib() -> int:
    """Peak resident memory of this process. VmHWM belongs to this program's memory; ru_maxrss can
    carry the peak of the process that started it (it survives exec on Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // (1 if sys.platform != "darwin" else 1024)


def main() -> None:
    what, which = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "exports"
        os.environ.setdefault("ANZEN_DB", str(Path(tmp) / "sessions.db"))
        app = bare_app() if which == "bare" else anzen_app(out)
        if what == "first":
            asyncio.run(first(app))
        elif which == "bare":
            asyncio.run(walk_bare(app))
            print(peak_kib(), flush=True)
        else:
            asyncio.run(walk(app, out))
        if what == "walk":
            print(peak_kib(), flush=True)


if __name__ == "__main__":
    main()
