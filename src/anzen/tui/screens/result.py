"""Result: the completed checklist(s), follow-ups highlighted, and the export of the report.

Exports run in a worker thread and report back by message; a failure is shown on screen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Input, Static

from anzen.errors import Failure
from anzen.i18n import store_refused
from anzen.result import results
from anzen.tui.caches import trim as trim_caches
from anzen.tui.keys import localize_bindings
from anzen.tui.navigation import BackToReview, GoHome, ResultAction
from anzen.tui.state import InterviewState
from anzen.tui.widgets.checklist_view import ChecklistView
from anzen.tui.widgets.footer import Footer
from anzen.tui.widgets.toggles import CheckRow, MarkedCheckbox
from anzen.tui.words import w


class ResultScreen(Screen[ResultAction]):
    CSS_PATH = "result.tcss"
    BINDINGS = [
        Binding("f6", "export", "key.export"),
        Binding("escape", "back", "key.review"),
        Binding("f8", "home", "key.home"),
    ]
    lang: reactive[str] = reactive("ja", init=False)

    class Exported(Message):
        def __init__(self, paths: list[Path]) -> None:
            super().__init__()
            self.paths = paths

    class ExportFailed(Message):
        def __init__(self, error: str) -> None:
            super().__init__()
            self.error = error

    def __init__(self, state: InterviewState, lang: str, *, clock: Callable[[], datetime], out_dir: Path) -> None:
        super().__init__()
        self.state, self.clock, self.out_dir = state, clock, out_dir
        self.set_reactive(ResultScreen.lang, lang)
        self.written: list[Path] = []

    def compose(self) -> ComposeResult:
        from anzen.exports import FORMATS

        yield Static("", id="title")
        yield VerticalScroll(id="report", can_focus=True)
        with Vertical(id="export"):
            with Horizontal(classes="export-row", id="formats-row"):
                yield Static("", id="formats-label", markup=False)
                yield CheckRow([(fmt, fmt) for fmt in FORMATS], chosen=FORMATS, id="formats")
                yield MarkedCheckbox("", value=False, id="force", compact=True)
            with Horizontal(classes="export-row"):
                yield Static("", id="out-label", markup=False)
                yield Input(str(self.out_dir), id="out", compact=True)
                yield Button("", id="do-export", variant="primary", compact=True)
            yield Static("", id="export-status")
        yield Footer(show_command_palette=False)

    async def on_mount(self) -> None:
        trim_caches()
        self.call_after_refresh(trim_caches, self)
        try:
            self.state.finished()  # a complete interview in the session store is marked finished
        except Failure as exc:  # the result is still shown and can be exported
            self.notify(store_refused(self.lang, exc), severity="error", timeout=20)
        await self.show()
        self.query_one("#report").focus()

    async def watch_lang(self, lang: str) -> None:
        await self.show()

    async def show(self) -> None:
        lang = self.lang
        localize_bindings(self, lang)
        interview = self.state.interview
        title = Content.assemble((w(lang, "result.title"), "bold"), " — ", self.state.plan.flow.title.get(lang))
        if self.state.staff:
            title = Content.assemble(title, "  ", (w(lang, "staff_label", name=self.state.staff), "$foreground-muted"))
        self.query_one("#title", Static).update(title)
        self.query_one("#formats-label", Static).update(w(lang, "result.formats"))
        self.query_one("#out-label", Static).update(w(lang, "result.out"))
        self.query_one("#force", Checkbox).label = w(lang, "result.force")
        self.query_one("#do-export", Button).label = w(lang, "result.do_export")
        report = self.query_one("#report", VerticalScroll)
        await report.remove_children()
        widgets = []
        if not interview.complete:
            widgets.append(Static(Content.styled(w(lang, "result.incomplete"), "bold $text-warning"), classes="incomplete"))
        widgets.extend(ChecklistView(checklist, lang, self.prompt_text) for checklist in results(interview))
        await report.mount_all(widgets)

    def prompt_text(self, question: str, prompt: Any, lang: str) -> str:
        """A question as it was asked, {placeholders} filled (a block question keeps its own words)."""
        interview = self.state.interview
        node = interview.plan.by_id.get(question)
        return interview.text(node, prompt, lang) if node is not None else prompt.get(lang)

    # -- export ------------------------------------------------------------
    def action_export(self) -> None:
        formats = self.query_one("#formats", CheckRow).chosen
        status = self.query_one("#export-status", Static)
        if not formats:
            status.update(Content.styled(w(self.lang, "result.no_format"), "$text-error"))
            return
        out = Path(self.query_one("#out", Input).value.strip() or str(self.out_dir)).expanduser()
        force = self.query_one("#force", Checkbox).value
        try:
            report = self.state.report(generated_at=self.clock(), lang=self.lang)  # reads the answers' history
        except Failure as exc:
            self.post_message(self.ExportFailed(exc.message(self.lang)))
            return
        status.update(Content.styled(w(self.lang, "result.exporting"), "$foreground-muted"))
        self.query_one("#do-export", Button).disabled = True
        self.export(report, formats, out, force)

    @work(thread=True, exclusive=True, group="export")
    def export(self, report: object, formats: list[str], out: Path, force: bool) -> None:
        from anzen.exports import FORMATS, ExportError, default_basename, write_reports

        if not force:  # said in the app's words (write_reports checks again, atomically)
            taken = [out / f"{default_basename(report)}{FORMATS[f][1]}" for f in formats]  # type: ignore[arg-type]
            taken = [p for p in taken if p.exists()]
            if taken:
                self.post_message(self.ExportFailed(w(self.lang, "result.exists", path=", ".join(str(p.resolve()) for p in taken))))
                return
        try:
            written = write_reports(report, formats, out, force=force)  # type: ignore[arg-type]
        except ExportError as exc:
            self.post_message(self.ExportFailed(exc.message(self.lang)))
        except Exception as exc:  # noqa: BLE001 - shown on screen, never as a traceback over the UI
            self.post_message(self.ExportFailed(f"{type(exc).__name__}: {exc}"))
        else:
            self.post_message(self.Exported([item.path.resolve() for item in written]))

    @on(Exported)
    def _exported(self, event: Exported) -> None:
        self.written = event.paths
        self.state.saved = True
        self.query_one("#do-export", Button).disabled = False
        lines = [Content.styled("☑ " + w(self.lang, "result.written", path=str(p)), "$text-success") for p in event.paths]
        self.query_one("#export-status", Static).update(Content("\n").join(lines))

    @on(ExportFailed)
    def _failed(self, event: ExportFailed) -> None:
        self.query_one("#do-export", Button).disabled = False
        self.query_one("#export-status", Static).update(Content.styled("✗ " + w(self.lang, "result.failed", error=event.error), "bold $text-error"))

    @on(Button.Pressed, "#do-export")
    def _export_pressed(self) -> None:
        self.action_export()

    # -- leaving -------------------------------------------------------------
    def action_back(self) -> None:
        self.dismiss(BackToReview())

    def action_home(self) -> None:
        self.dismiss(GoHome())
