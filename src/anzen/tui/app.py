"""The full-screen app: home → interview (→ review → result) → home. Screens do the work.

The app only starts screens, switches the language and theme, and asks before quitting with
answers that would be lost."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from datetime import date, datetime
from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen

from anzen.errors import Failure
from anzen.i18n import store_refused
from anzen.tui import collector
from anzen.tui.keys import localize_bindings
from anzen.tui.navigation import GoHome, ResumeSource, StartRequest, no_sessions
from anzen.tui.words import other_lang, w


def _now() -> datetime:
    return datetime.now().astimezone()


class SessionReady(Message):
    """A new session was created in the store for `state` (session None: it could not be, error says why)."""

    def __init__(self, state: Any, session: Any, error: str | None) -> None:
        super().__init__()
        self.state, self.session, self.error = state, session, error


class AnzenApp(App[None]):
    TITLE = "anzen"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("ctrl+q", "quit", "key.quit", priority=True),
        Binding("f4", "switch_lang", "key.lang"),
        Binding("ctrl+t", "toggle_theme", "key.theme", show=False),
    ]
    HORIZONTAL_BREAKPOINTS = [(0, "-compact"), (72, "-narrow"), (110, "-wide"), (170, "-very-wide")]  # screens style themselves per width
    lang: reactive[str] = reactive("ja", init=False)

    def __init__(self, lang: str = "ja", *, today: date | None = None, clock: Callable[[], datetime] = _now,
                 out_dir: Path = Path("exports"), resume_source: ResumeSource = no_sessions, flow: str | None = None,
                 sessions: Any = None) -> None:
        # The first screen's stylesheet is read with the app's: a screen's own CSS_PATH, read when it is
        # first shown, makes Textual parse every stylesheet again (~15 ms before the first question)
        first = "screens/interview.tcss" if flow is not None else "screens/home.tcss"
        super().__init__(css_path=[self.CSS_PATH, first])
        self.set_reactive(AnzenApp.lang, lang)
        self.today, self.clock, self.out_dir, self.resume_source = today, clock, out_dir, resume_source
        self.flow = flow  # `anzen app FLOW`: straight to its first question (home comes after it)
        self.sessions = sessions  # a SessionLink: every answer is kept in the session store
        self.live: Any = None  # the InterviewState of the interview on screen
        self.unstored: StartRequest | None = None  # a new interview whose session is not created yet
        self.first_error: str | None = None  # why FLOW could not open as the first screen

    def get_default_screen(self) -> Screen:
        """`anzen app FLOW`: the interview is the app's first screen. Pushed over Textual's blank default
        screen, it cost that screen's compose, styles and layouts as well, and a second restyle of its
        own when it resumed (~10 ms of the time to the first question: benchmarks/RESULTS.md, goal 1)."""
        collector.hold()  # until the first screen is drawn
        if self.flow is not None:
            opened = self.interview_for(StartRequest(self.flow))
            if isinstance(opened, Screen):
                # what switch_screen gives the screen it puts in place, so that home can take its place in turn
                # (Textual gives the default screen none, and switching it away pops from an empty list)
                opened._push_result_callback(self, None)
                return opened
            self.first_error = opened  # said on the home screen once the app is up
        return super().get_default_screen()

    def on_mount(self) -> None:
        localize_bindings(self, self.lang)
        if self.live is None:  # no interview opened as the first screen
            self.show_home(self.first_error)

    def show_home(self, error: str | None = None) -> None:
        from anzen.cli.flows import flow_summaries
        from anzen.tui.screens.home import HomeScreen

        from anzen.tui.recent import recent_reports

        rows = flow_summaries()
        resumable = self.resume_source()
        if self.sessions is not None:
            titles = {str(r["id"]): (r["title"].get(self.lang) or r["title"]["ja"]) for r in rows if "title" in r}  # type: ignore[union-attr]
            resumable = self.sessions.entries(titles)
            reason = self.sessions.error(self.lang)
            if reason is not None and error is None:
                error = w(self.lang, "session.store_error", error=reason)
        home = HomeScreen(rows, resumable, self.lang, error=error, recent=recent_reports(self.out_dir, self.lang))
        self.push_screen(home, self.start)
        self.call_after_refresh(collector.release)

    def start(self, request: StartRequest | None) -> None:
        if request is None:
            return
        opened = self.interview_for(request)
        if isinstance(opened, Screen):
            self.push_screen(opened, self.interview_closed)
        elif opened is not None:
            self.show_home(opened)

    def interview_for(self, request: StartRequest) -> Screen | str | None:
        """The interview screen for `request`; else why it cannot start (None: the home screen says so already)."""
        from anzen.plan_cache import load_plan
        from anzen.errors import ProblemsError
        from anzen.tui.screens.interview import InterviewScreen
        from anzen.tui.state import InterviewState

        try:
            plan = load_plan(request.flow)
        except ProblemsError as exc:
            from anzen.i18n import unknown_flow

            return unknown_flow(self.lang, request.flow, exc.problems) or w(self.lang, "home.start_failed", error="; ".join(p.render() for p in exc.problems))
        state = self.stored_state(request)
        if state is False:
            return None
        if state is None:  # not stored yet (a new session) or at all: the answers live in the app for now
            state, _ = InterviewState.start(plan, today=self.today or date.today(), mode=request.mode, staff=request.staff,
                                            answers=request.answers, notes=request.notes)
        self.live = state
        # A new session is created once the first question is on screen (InterviewScreen.Shown)
        self.unstored = request if self.sessions is not None and request.session is None and request.answers is None else None
        return InterviewScreen(state, self.lang, clock=self.clock, out_dir=self.out_dir)

    def stored_state(self, request: StartRequest) -> Any:
        """A stored session opened again (None: nothing to open; False: it could not be, home says why)."""
        if self.sessions is None or request.session is None:
            return None
        from anzen.store import SessionBusy, StoreError  # not before: without a store, no sqlite3 (~1 MB)
        from anzen.tui.state import InterviewState

        try:
            live = self.sessions.open(request.session)
        except SessionBusy as exc:
            self.show_home(w(self.lang, "session.busy", holder=exc.holder.describe(self.lang)))
            return False
        except StoreError as exc:
            self.show_home(w(self.lang, "session.store_error", error=exc.message(self.lang)))
            return False
        resume = live.resume
        if resume.flow_changed:
            self.notify(w(self.lang, "session.changed", old=resume.old_version, new=resume.new_version, n=len(resume.misfits)), timeout=12)
        if resume.recovered_from is not None:
            self.notify(w(self.lang, "session.recovered"))
        return InterviewState.from_session(live)

    # -- a new session, created off the UI thread --------------------------------
    def on_interview_screen_shown(self, _: Any) -> None:
        collector.release()
        request, self.unstored, state = self.unstored, None, self.live
        if request is not None and state is not None:
            self.run_worker(lambda: self._create_session(request, state), thread=True, group="store", exit_on_error=False)

    def _create_session(self, request: StartRequest, state: Any) -> None:
        """In a worker thread: SQLite opens, creates and commits here, not on the UI thread."""
        from anzen.store import StoreError

        try:
            live = self.sessions.start(request.flow, mode=request.mode, staff=request.staff, lang=self.lang)
        except StoreError as exc:
            self.post_message(SessionReady(state, None, exc.message(self.lang)))
            return
        self.post_message(SessionReady(state, live, None if live is not None else self.sessions.error(self.lang)))

    def on_session_ready(self, message: SessionReady) -> None:
        state, live = message.state, message.session
        if live is not None and state is self.live:
            try:
                state.attach(live)  # answers given meanwhile are committed now, in order
            except Failure as exc:  # the interview goes on unsaved, as without a store
                live.close()
                self.notify(store_refused(self.lang, exc), severity="error", timeout=20)
        elif live is not None:  # that interview was closed meanwhile
            live.close()
        if message.error is not None:
            self.notify(w(self.lang, "session.store_error", error=message.error), severity="warning", timeout=12)

    def on_interview_screen_closed(self, message: Any) -> None:
        """The first screen's interview is over (pushed ones are dismissed): the home screen takes its place,
        over a blank screen as after `anzen` alone, and the interview's widgets go."""
        self.switch_screen(Screen())
        self.interview_closed(message.result)

    def interview_closed(self, _: GoHome | None) -> None:
        if self.live is not None:
            self.live.close()  # release the session: other instances may open it now
            self.live = None
        self.show_home()

    def on_unmount(self) -> None:
        collector.release()
        if self.live is not None:
            self.live.close()
        if self.sessions is not None:
            self.sessions.close()

    # -- keys ----------------------------------------------------------------
    async def action_quit(self) -> None:
        from anzen.tui.screens.confirm import ConfirmScreen

        unsaved = any(getattr(screen, "unsaved_answers", False) for screen in self.screen_stack)
        stored = self.live is not None and self.live.stored_in_progress
        if not unsaved and not stored:
            self.exit()
            return
        if isinstance(self.screen, ConfirmScreen):
            return

        def answered(quit_now: bool | None) -> None:
            if quit_now:
                self.exit()

        lang = self.lang
        body = w(lang, "quit.body" if unsaved else "quit.body_saved")
        self.push_screen(ConfirmScreen(w(lang, "quit.title"), body, w(lang, "quit.yes"), w(lang, "quit.no")), answered)

    def action_switch_lang(self) -> None:
        self.lang = other_lang(self.lang)

    def watch_lang(self, lang: str) -> None:
        localize_bindings(self, lang)
        for screen in self.screen_stack:  # attributes down: each screen relabels itself
            if hasattr(type(screen), "lang"):
                screen.lang = lang  # type: ignore[attr-defined]

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"
