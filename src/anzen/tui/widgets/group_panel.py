"""The answer area of a repeatable group: the blocks entered so far, add / remove / edit, done."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from anzen.tui.words import w


class GroupPanel(Vertical):
    """Shows block names (given down by the screen); posts what the respondent wants done."""

    DEFAULT_CSS = """
    GroupPanel .buttons {
        height: auto;
    }
    GroupPanel Button {
        margin-right: 2;
    }
    GroupPanel #blocks {
        height: auto;
        max-height: 6;
        border: none;
        padding: 0;
    }
    GroupPanel .group-title {
        text-style: bold;
    }
    """

    BINDINGS = [
        Binding("a,plus", "add", show=False),
        Binding("d,minus,delete", "remove", show=False),
        Binding("e", "edit", show=False),
        Binding("up", "move(-1)", show=False),
        Binding("down", "move(1)", show=False),
    ]

    class Add(Message):
        pass

    class Remove(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class Edit(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class Done(Message):
        pass

    def __init__(self, label: str, names: list[str], lang: str, *, can_add: bool, error: str | None = None) -> None:
        super().__init__(classes="answer-input group-panel")
        self.label, self.names, self.lang, self.can_add, self.error = label, names, lang, can_add, error

    def compose(self) -> ComposeResult:
        yield Static(w(self.lang, "blocks", label=self.label), classes="group-title", markup=False)
        if self.names:
            yield OptionList(*[Option(Content(f"{n}. {name}"), id=str(n - 1)) for n, name in enumerate(self.names, start=1)], id="blocks")
        else:
            yield Static(w(self.lang, "no_blocks"), classes="hint", markup=False)
        if self.error:
            yield Static(Content.styled(f"✗ {self.error}", "$text-error"), classes="message")
        with Horizontal(classes="buttons"):
            yield Button(w(self.lang, "add_block", label=self.label), id="add", compact=True, disabled=not self.can_add)
            yield Button(w(self.lang, "remove_block"), id="remove", compact=True, disabled=not self.names)
            yield Button(w(self.lang, "done_blocks"), id="done", compact=True, variant="primary")
        yield Static(w(self.lang, "group_hint", label=self.label), classes="hint", markup=False)

    def on_mount(self) -> None:
        if self.names:  # the latest block is selected: d removes it, e edits it
            self.query_one("#blocks", OptionList).highlighted = len(self.names) - 1

    def focus_first(self) -> None:
        self.screen.set_focus(self.query_one("#done", Button))

    def _highlighted(self) -> int | None:
        found = self.query("#blocks")
        if not found:
            return None
        options = found.first(OptionList)
        return options.highlighted if options.highlighted is not None else len(self.names) - 1

    def action_move(self, step: int) -> None:
        """↑↓ choose a block even while a button has the focus."""
        found = self.query("#blocks")
        if found:
            options = found.first(OptionList)
            options.highlighted = max(0, min(len(self.names) - 1, (self._highlighted() or 0) + step))

    def action_edit(self) -> None:
        index = self._highlighted()
        if index is not None:
            self.post_message(self.Edit(index))

    def action_add(self) -> None:
        if self.can_add:
            self.post_message(self.Add())

    def action_remove(self) -> None:
        index = self._highlighted()
        if index is not None:
            self.post_message(self.Remove(index))

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "add":
            self.action_add()
        elif event.button.id == "remove":
            self.action_remove()
        else:
            self.post_message(self.Done())

    @on(OptionList.OptionSelected)
    def _edit(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Edit(int(event.option.id or 0)))
