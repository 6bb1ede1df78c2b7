"""The conversation: the bot's questions on the left, the answers on the right, notices in between.

Each entry keeps a function that renders it in a language, so switching ja/en redraws the whole
conversation. Text from flows and from respondents is always plain Content, never markup.

Only the latest bubbles are separate widgets; older entries are folded into one compact block at
the top (question → answer, one line each). Every widget costs layout time on every step, so a
long interview would otherwise slow down answer by answer."""

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
LIVE_BUBBLES = 30


@dataclass
class Entry:
    """One line of the conversation."""

    kind: str  # bot | info | user | notice | meta
    render: Render
    question: str | None = None  # the question it belongs to (answers: the one to jump back to)
    summary: Render | None = None  # the compact form once folded (default: the whole text)
    superseded: bool = False  # an answer that was changed or removed since

    def show(self, lang: str) -> Content:
        content = self.render(lang)
        if self.superseded:  # said in words too, not only by the dimmed style
            content = Content.assemble((w(lang, "superseded"), "italic"), " ", content)
        return content

    def folded(self, lang: str) -> Content | None:
        if self.kind == "meta":
            return None
        content = (self.summary or self.render)(lang)
        if self.kind == "user":
            style = "strike $text-muted" if self.superseded else "bold"
            label = Content.assemble(("  → ", ""), content.stylize(style) if self.superseded else content.stylize_before(style))
            return Content.assemble(label, (" " + w(lang, "superseded"), "italic")) if self.superseded else label
        if self.kind == "bot":
            return content
        return content.stylize_before("$text-muted")


class Bubble(Static):
    """A message in the conversation."""

    def __init__(self, entry: Entry, lang: str) -> None:
        classes = f"bubble {entry.kind}" + (" superseded" if entry.superseded else "")
        super().__init__(entry.show(lang), classes=classes, markup=False)
        self.entry = entry

    def relabel(self, lang: str) -> None:
        self.set_class(self.entry.superseded, "superseded")
        self.update(self.entry.show(lang))

    def on_click(self, event: events.Click) -> None:
        if self.entry.kind == "user" and self.entry.question and not self.entry.superseded:
            self.post_message(Transcript.AnswerClicked(self.entry.question))


class Transcript(VerticalScroll, can_focus=False):
    """The scrolling conversation. The screen adds entries; a click on an answer asks to change it."""

    class AnswerClicked(Message):
        def __init__(self, question: str) -> None:
            super().__init__()
            self.question = question

    def __init__(self, lang: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.lang = lang
        self.entries: list[Entry] = []
        self.folded: list[Entry] = []
        self.earlier = Static("", classes="earlier", markup=False)
        self.earlier.display = False

    def compose(self):  # type: ignore[no-untyped-def]
        yield self.earlier

    def add(self, entry: Entry) -> None:
        self.entries.append(entry)
        bubble = Bubble(entry, self.lang)
        self.mount(Horizontal(bubble, classes="user-row") if entry.kind == "user" else bubble)
        bubbles = list(self.query(Bubble))
        if len(bubbles) > LIVE_BUBBLES:
            self._fold(bubbles[: len(bubbles) - LIVE_BUBBLES])
        self.call_after_refresh(self.scroll_end, animate=False)

    def add_folded(self, entries: list[Entry]) -> None:
        """Entries shown only in compact form (answers loaded from a file or a saved session)."""
        self.entries.extend(entries)
        self.folded.extend(entries)
        self._show_folded()

    def _fold(self, bubbles: list[Bubble]) -> None:
        for bubble in bubbles:
            self.folded.append(bubble.entry)
            (bubble.parent if isinstance(bubble.parent, Horizontal) else bubble).remove()
        self._show_folded()

    def _show_folded(self) -> None:
        lines = [c for c in (e.folded(self.lang) for e in self.folded) if c is not None]
        self.earlier.update(Content("\n").join(lines))
        self.earlier.display = bool(lines)

    def supersede(self, question: str) -> None:
        """Answers to `question` shown so far are no longer current (changed or removed)."""
        changed_folded = False
        for entry in self.entries:
            if entry.kind == "user" and entry.question == question and not entry.superseded:
                entry.superseded = True
                changed_folded = changed_folded or entry in self.folded
        for bubble in self.query(Bubble):
            if bubble.entry.question == question:
                bubble.relabel(self.lang)
        if changed_folded:
            self._show_folded()

    def refresh_answer(self, question: str) -> None:
        """Redraw the current answer of `question` (a note was added)."""
        for bubble in self.query(Bubble):
            if bubble.entry.kind == "user" and bubble.entry.question == question and not bubble.entry.superseded:
                bubble.relabel(self.lang)

    def relabel(self, lang: str) -> None:
        self.lang = lang
        self._show_folded()
        for bubble in self.query(Bubble):
            bubble.relabel(lang)
