"""The full-screen app: home → interview (→ review → result) → home. Screens do the work.

The app only starts screens, switches the language and theme, and asks before quitting with
answers that would be lost."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive

from anzen.tui.keys import localize_bindings
from anzen.tui.navigation import GoHome, ResumeSource, StartRequest, no_sessions
from anzen.tui.words import other_lang, w


def _now() -> datetime:
    return datetime.now().astimezone()


class AnzenApp(App[None]):
    TITLE = "anzen"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("ctrl+q", "quit", "key.quit", priority=True),
        Binding("f4", "switch_lang", "key.lang"),
        Binding("ctrl+t", "toggle_theme", "key.theme", show=False),
    ]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide"), (170, "-very-wide")]  # screens style themselves per width
    lang: reactive[str] = reactive("ja", init=False)

    def __init__(self, lang: str = "ja", *, today: date | None = None, clock: Callable[[], datetime] = _now,
                 out_dir: Path = Path("exports"), resume_source: ResumeSource = no_sessions, flow: str | None = None) -> None:
        super().__init__()
        self.set_reactive(AnzenApp.lang, lang)
        self.today, self.clock, self.out_dir, self.resume_source = today, clock, out_dir, resume_source
        self.flow = flow  # `anzen app FLOW`: straight to its first question (home comes after it)

    def on_mount(self) -> None:
        localize_bindings(self, self.lang)
        if self.flow is not None:
            self.start(StartRequest(self.flow))
        else:
            self.show_home()

    def show_home(self, error: str | None = None) -> None:
        from anzen.cli.flows import flow_summaries
        from anzen.tui.screens.home import HomeScreen

        from anzen.tui.recent import recent_reports

        home = HomeScreen(flow_summaries(), self.resume_source(), self.lang, error=error, recent=recent_reports(self.out_dir, self.lang))
        self.push_screen(home, self.start)

    def start(self, request: StartRequest | None) -> None:
        from anzen.plan_cache import load_plan
        from anzen.errors import ProblemsError
        from anzen.tui.screens.interview import InterviewScreen
        from anzen.tui.state import InterviewState

        if request is None:
            return
        try:
            plan = load_plan(request.flow)
        except ProblemsError as exc:
            self.show_home(w(self.lang, "home.start_failed", error="; ".join(p.render() for p in exc.problems)))
            return
        state, _ = InterviewState.start(plan, today=self.today or date.today(), mode=request.mode, staff=request.staff,
                                        answers=request.answers, notes=request.notes)
        self.push_screen(InterviewScreen(state, self.lang, clock=self.clock, out_dir=self.out_dir), self.interview_closed)

    def interview_closed(self, _: GoHome | None) -> None:
        self.show_home()

    # -- keys ----------------------------------------------------------------
    async def action_quit(self) -> None:
        from anzen.tui.screens.confirm import ConfirmScreen

        if not any(getattr(screen, "unsaved_answers", False) for screen in self.screen_stack):
            self.exit()
            return
        if isinstance(self.screen, ConfirmScreen):
            return

        def answered(quit_now: bool | None) -> None:
            if quit_now:
                self.exit()

        lang = self.lang
        self.push_screen(ConfirmScreen(w(lang, "quit.title"), w(lang, "quit.body"), w(lang, "quit.yes"), w(lang, "quit.no")), answered)

    def action_switch_lang(self) -> None:
        self.lang = other_lang(self.lang)

    def watch_lang(self, lang: str) -> None:
        localize_bindings(self, lang)
        for screen in self.screen_stack:  # attributes down: each screen relabels itself
            if hasattr(type(screen), "lang"):
                screen.lang = lang  # type: ignore[attr-defined]

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"
