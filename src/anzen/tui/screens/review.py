"""Review: every answer, grouped by section, each one changeable, before the result."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import OptionList, Static

from anzen.errors import Failure
from anzen.i18n import store_refused
from anzen.tui.caches import trim as trim_caches
from anzen.tui.keys import localize_bindings
from anzen.tui.navigation import EditAnswer, KeepAsking, ReviewChoice, ShowResult
from anzen.tui.overview import answer_rows
from anzen.tui.state import InterviewState
from anzen.tui.widgets.answer_list import AnswerList
from anzen.tui.widgets.footer import Footer
from anzen.tui.words import w


class ReviewScreen(Screen[ReviewChoice]):
    CSS_PATH = "review.tcss"
    BINDINGS = [
        Binding("enter", "edit", "key.edit", show=True, priority=False),
        Binding("f2", "note", "key.note"),
        Binding("f5", "finish", "key.finish"),
        Binding("escape", "keep_asking", "key.continue"),
    ]
    lang: reactive[str] = reactive("ja", init=False)

    def __init__(self, state: InterviewState, lang: str) -> None:
        super().__init__()
        self.state = state
        self.set_reactive(ReviewScreen.lang, lang)

    def compose(self) -> ComposeResult:
        yield Static("", id="title")
        yield Static("", id="status")
        yield AnswerList(id="answers")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        trim_caches()
        self.show()
        self.query_one(AnswerList).focus()

    def watch_lang(self, lang: str) -> None:
        self.show()

    def show(self) -> None:
        lang, interview = self.lang, self.state.interview
        localize_bindings(self, lang)
        self.query_one("#title", Static).update(Content.assemble((w(lang, "review.title"), "bold"), " — ", self.state.plan.flow.title.get(lang)))
        missing = interview.progress().remaining
        status = (
            Content.styled("▲ " + w(lang, "review.unanswered", n=missing), "bold $text-warning")
            if missing else Content.styled("☑ " + w(lang, "review.complete"), "$text-success")
        )
        self.query_one("#status", Static).update(Content.assemble(status, "\n", (w(lang, "review.hint"), "$foreground-muted")))
        self.query_one(AnswerList).show(answer_rows(interview, lang), self.state.notes, lang)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "note":
            return self.state.staff_led
        return True

    def _highlighted(self) -> str | None:
        answers = self.query_one(AnswerList)
        if answers.highlighted is None:
            return None
        return answers.get_option_at_index(answers.highlighted).id

    def action_edit(self) -> None:
        question = self._highlighted()
        if question:
            self.dismiss(EditAnswer(question))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.dismiss(EditAnswer(event.option.id))

    def action_finish(self) -> None:
        self.dismiss(ShowResult())

    def action_keep_asking(self) -> None:
        self.dismiss(KeepAsking())

    def action_note(self) -> None:
        from anzen.tui.screens.note import NoteScreen

        question = self._highlighted()
        if not question or not self.state.staff_led:
            return
        node = self.state.interview.node(question)
        prompt = self.state.interview.text(node, node.question.prompt, self.lang)

        def saved(text: str | None) -> None:
            if text is None:
                return
            try:
                self.state.set_note(question, text)
            except Failure as exc:
                self.notify(store_refused(self.lang, exc), severity="error", timeout=20)
                return
            self.show()

        self.app.push_screen(NoteScreen(prompt, self.state.notes.get(question, ""), self.lang), saved)
