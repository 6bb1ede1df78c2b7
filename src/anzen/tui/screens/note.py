"""A staff member's note on an answer (evidence shown, what was said): it goes into the report."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from anzen.tui.widgets.in_order_input import InOrderInput
from anzen.tui.words import w


class NoteScreen(ModalScreen[str | None]):
    """Returns the note (empty: remove it), or None when cancelled."""

    CSS_PATH = "note.tcss"
    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, prompt: str, current: str, lang: str) -> None:
        super().__init__()
        self.prompt, self.current, self.lang = prompt, current, lang

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content.styled(w(self.lang, "note_title", prompt=self.prompt), "bold"), id="title")
            yield InOrderInput(value=self.current, id="note", max_length=2000)  # the note as it was at Enter
            yield Static(Content.styled("Enter: " + w(self.lang, "save") + " / Esc: " + w(self.lang, "cancel"), "$foreground-muted"))

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def _save(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)
