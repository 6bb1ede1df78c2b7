"""The conversation: the bot's questions on the left, the answers on the right, notices in between.

Each bubble keeps a function that renders it in a language, so switching ja/en redraws the whole
conversation. Text from flows and from respondents is always plain Content, never markup."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import events
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from anzen.tui.words import w

Render = Callable[[str], Content]


@dataclass
class Entry:
    """One line of the conversation."""

    kind: str  # bot | info | user | notice
    render: Render
    question: str | None = None  # the question it belongs to (answers: the one to jump back to)


class Bubble(Static):
    """A message in the conversation."""

    def __init__(self, entry: Entry, lang: str) -> None:
        super().__init__(entry.render(lang), classes=f"bubble {entry.kind}", markup=False)
        self.entry = entry

    def relabel(self, lang: str) -> None:
        content = self.entry.render(lang)
        if self.has_class("superseded"):  # said in words too, not only by the dimmed style
            content = Content.assemble((w(lang, "superseded"), "italic"), " ", content)
        self.update(content)

    def on_click(self, event: events.Click) -> None:
        if self.entry.kind == "user" and self.entry.question and not self.has_class("superseded"):
            self.post_message(Transcript.AnswerClicked(self.entry.question))


class Transcript(VerticalScroll, can_focus=True):
    """The scrolling conversation. The screen adds entries; a click on an answer asks to change it."""

    class AnswerClicked(Message):
        def __init__(self, question: str) -> None:
            super().__init__()
            self.question = question

    def __init__(self, lang: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.lang = lang

    def add(self, entry: Entry) -> Bubble:
        bubble = Bubble(entry, self.lang)
        if entry.kind == "user":  # a row so the answer sits on the right
            self.mount(Horizontal(bubble, classes="user-row"))
        else:
            self.mount(bubble)
        self.call_after_refresh(self.scroll_end, animate=False)
        return bubble

    def supersede(self, question: str) -> None:
        """Answers to `question` shown so far are no longer current (changed or removed)."""
        for bubble in self.query(Bubble):
            if bubble.entry.kind == "user" and bubble.entry.question == question:
                if not bubble.has_class("superseded"):
                    bubble.add_class("superseded")
                    bubble.relabel(self.lang)

    def refresh_answer(self, question: str) -> None:
        """Redraw the current answer bubble of `question` (a note was added)."""
        for bubble in self.query(Bubble):
            if bubble.entry.kind == "user" and bubble.entry.question == question and not bubble.has_class("superseded"):
                bubble.relabel(self.lang)

    def relabel(self, lang: str) -> None:
        self.lang = lang
        for bubble in self.query(Bubble):
            bubble.relabel(lang)
