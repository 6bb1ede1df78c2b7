"""Pick an answered question to change (from a category of the side panel)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static

from anzen.tui.keys import localize_bindings
from anzen.tui.navigation import EditAnswer
from anzen.tui.overview import AnswerRow
from anzen.tui.widgets.answer_list import AnswerList
from anzen.tui.widgets.footer import Footer
from anzen.tui.words import w


class PickScreen(ModalScreen[EditAnswer | None]):
    CSS_PATH = "pick.tcss"
    BINDINGS = [Binding("escape", "dismiss(None)", "key.close")]

    def __init__(self, title: str, rows: list[AnswerRow], notes: dict[str, str], lang: str) -> None:
        super().__init__()
        self.heading, self.rows, self.notes, self.lang = title, rows, notes, lang

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content.assemble((w(self.lang, "pick_title"), "bold"), ": ", self.heading), id="title")
            if self.rows:
                yield AnswerList(id="answers")
            else:
                yield Static(w(self.lang, "pick_none"), markup=False)
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        localize_bindings(self, self.lang)
        if self.rows:
            answers = self.query_one(AnswerList)
            answers.show(self.rows, self.notes, self.lang)
            answers.focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(EditAnswer(event.option.id or ""))
