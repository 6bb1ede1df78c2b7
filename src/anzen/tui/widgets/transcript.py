"""The conversation: the bot's questions on the left, the answers on the right, notices in between.

Each entry keeps a function that renders it in a language, so switching ja/en redraws the whole
conversation. Text from flows and from respondents is always plain Content, never markup.

Only the latest bubbles are separate widgets; older entries are folded into one compact block at
the top (question → answer, one line each), a single widget drawn a line at a time. Every widget
costs layout time on every step and memory (its styles, its rendered lines), so a long interview
would otherwise slow down and grow answer by answer."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from textual import events
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from anzen.tui.widgets.lines import Cell, Line, LinesView
from anzen.tui.words import w

Render = Callable[[str], Content]
LIVE_BUBBLES = 12


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
            style = "strike $foreground-muted" if self.superseded else "bold"
            label = Content.assemble(("  → ", ""), content.stylize(style) if self.superseded else content.stylize_before(style))
            return Content.assemble(label, (" " + w(lang, "superseded"), "italic")) if self.superseded else label
        if self.kind == "bot":
            return content
        return content.stylize_before("$foreground-muted")


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


class History(LinesView):
    """The earlier conversation, compact (question, → answer), drawn a line at a time: only the lines
    on screen are rendered however long the interview, and an entry is laid out when it is added."""

    def __init__(self, lang: str) -> None:
        super().__init__(classes="earlier")
        self.lang = lang
        self.entries: list[Entry] = []
        self.display = False

    def blocks(self) -> list[Entry]:
        return self.entries

    def lay_out(self, entry: Entry, width: int) -> list[Line]:
        content = entry.folded(self.lang)
        return [] if content is None else [[Cell(line)] for line in content.wrap(width)]

    def add(self, entries: list[Entry]) -> None:
        self.entries.extend(entries)  # laid out when the height is asked next
        self.display = any(entry.kind != "meta" for entry in self.entries)
        self.refresh(layout=True)

    def render(self) -> Content:
        """All of it as one text (what render_line draws a line at a time)."""
        return Content("\n").join(c for c in (entry.folded(self.lang) for entry in self.entries) if c is not None)


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
        self.live: deque[Bubble] = deque()  # the latest entries, as bubbles (oldest first)
        self.earlier = History(lang)
        self.anchored = False  # kept at the end as entries are added

    @property
    def folded(self) -> list[Entry]:
        return self.earlier.entries

    def _fold(self, entries: list[Entry]) -> None:
        """Into the compact history at the top, mounted with its first entries (not before: a widget
        costs the first frame its compose and styles even hidden)."""
        self.earlier.add(entries)
        if self.earlier.parent is None:
            self.mount(self.earlier, before=0 if self.children else None)

    def add(self, entry: Entry) -> None:
        self.entries.append(entry)
        bubble = Bubble(entry, self.lang)
        self.mount(Horizontal(bubble, classes="user-row") if entry.kind == "user" else bubble)
        self.live.append(bubble)
        if len(self.live) > LIVE_BUBBLES:
            # counted here, not by querying: a bubble being removed is still in the DOM for a while
            old = [self.live.popleft() for _ in range(len(self.live) - LIVE_BUBBLES)]
            for bubble in old:
                (bubble.parent if isinstance(bubble.parent, Horizontal) else bubble).remove()
            self._fold([bubble.entry for bubble in old])
        if self.anchored:
            self.anchor()  # at the end, scrolled in the same frame as the layout changes
        else:  # anchored after the first frame: anchoring makes the scrollbar widget at once (~5 ms)
            self.anchored = True
            self.call_after_refresh(self.anchor)

    def add_folded(self, entries: list[Entry]) -> None:
        """Entries shown only in compact form (answers loaded from a file or a saved session)."""
        self.entries.extend(entries)
        self._fold(entries)

    def supersede(self, question: str) -> None:
        """Answers to `question` shown so far are no longer current (changed or removed)."""
        changed_folded = False
        for entry in self.entries:
            if entry.kind == "user" and entry.question == question and not entry.superseded:
                entry.superseded = True
                changed_folded = changed_folded or entry in self.folded
        for bubble in self.live:
            if bubble.entry.question == question:
                bubble.relabel(self.lang)
        if changed_folded:
            self.earlier.relayout()

    def refresh_answer(self, question: str) -> None:
        """Redraw the current answer of `question` (a note was added)."""
        for bubble in self.live:
            if bubble.entry.kind == "user" and bubble.entry.question == question and not bubble.entry.superseded:
                bubble.relabel(self.lang)

    def relabel(self, lang: str) -> None:
        self.lang = self.earlier.lang = lang
        self.earlier.relayout()
        for bubble in self.live:
            bubble.relabel(lang)
