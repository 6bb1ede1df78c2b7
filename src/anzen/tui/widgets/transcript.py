"""The conversation: the bot's questions on the left, the answers on the right, notices in between.

Each entry keeps a function that renders it in a language, so switching ja/en redraws the whole
conversation. Text from flows and from respondents is always plain Content, never markup.

The whole conversation is one widget drawn a line at a time (LinesView): each entry is laid out as a
bubble (its edge, padding and text as cells) for the width, and only the lines on screen are drawn.
With a widget per bubble, each kept its styles, message queue and rendered lines, so only the latest
dozen could stay bubbles and older entries were folded into a compact history (that cost ~1.3 MB at
the Wakayama result: benchmarks/RESULTS.md, goal 7). Now every entry stays a bubble, for the price of
its height per width. Answers loaded with a session start the conversation in compact form."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message

from anzen.tui.widgets.lines import Cell, Line, LinesView, wrap
from anzen.tui.words import w

Render = Callable[[str], Content]
EDGE = "█"  # Textual's "thick" border: one cell

# Each look of a bubble: the style of its text and padding, then of its edge (drawn on that fill), in theme
# variables resolved when drawn (a change of theme needs no new layout). Muted text is a component class:
# $text-muted is "auto 60%", which only CSS blends on the widget's background. Sixteen component classes,
# one per look and edge, were styled with every restyle of the screen, the first frame's included
# (~6 ms: benchmarks/RESULTS.md, goal 1).
MUTED, SUPERSEDED = ".conversation--muted", ".conversation--superseded"
LOOKS = {
    "earlier": (MUTED, "$panel-lighten-2"),
    "bot": ("on $boost", "$accent"),
    "info": (MUTED, "$panel-lighten-2"),
    "meta": (MUTED, "$panel-lighten-2"),
    "user": ("on $primary 25%", "$primary"),
    "user-hover": ("on $primary 40%", "$primary"),
    "superseded": (SUPERSEDED, "$panel-lighten-2"),
    "notice": ("$text-warning", "$warning 60%"),
}


class Entry:
    """One line of the conversation. (A plain class: a dataclass costs every start ~0.5 ms to define.)"""

    def __init__(self, kind: str, render: Render, question: str | None = None, summary: Render | None = None) -> None:
        self.kind = kind  # bot | info | user | notice | meta
        self.render = render
        self.question = question  # the question it belongs to (answers: the one to jump back to)
        self.summary = summary  # the compact form (default: the whole text)
        self.superseded = False  # an answer that was changed or removed since
        self.compact = False  # shown in compact form (answers the interview started with)

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
        return content.stylize_before("$foreground-muted")

    @property
    def clickable(self) -> bool:
        """An answer that can be changed by clicking it."""
        return self.kind == "user" and self.question is not None and not self.superseded and not self.compact


def bubble(content: Content, widest: int, look: str, *, edge: str = "left", pad: int = 1, right_of: int = 0,
           margin: int = 1, full: bool = False) -> list[Line]:
    """`content` in a bubble at most `widest` cells wide, after `margin` blank lines: its edge (left,
    right or none) and `pad` cells of padding each side in the look's styles (LOOKS). As wide as its
    text, or `full`; placed on the right of `right_of` cells when given."""
    fill, edge_style = LOOKS[look]
    frame = 2 * pad + (edge != "none")
    lines = wrap(content, widest - frame)
    inner = max(widest - frame, 1) if full else max((line.cell_length for line in lines), default=0)
    indent = [Cell(Content(""), right_of - inner - frame, drawing=True)] if right_of else []
    side = [Cell(Content.styled(EDGE, edge_style), 1, fill, drawing=True)]
    space = [Cell(Content(""), pad, fill, drawing=True)] if pad else []
    left, right = (side, []) if edge == "left" else (([], side) if edge == "right" else ([], []))
    return [[] for _ in range(margin)] + [[*indent, *left, *space, Cell(line, inner, fill), *space, *right] for line in lines]


def boxed(content: Content, width: int, look: str) -> list[Line]:
    """`content` across the whole width in a rounded box, after a blank line."""
    fill, edge = LOOKS[look]
    inner = max(width - 4, 1)
    top, bottom = (Cell(Content.styled(f"{a}{'─' * (inner + 2)}{b}", edge), 0, fill, drawing=True) for a, b in ("╭╮", "╰╯"))
    side = Cell(Content.styled("│", edge), 0, fill, drawing=True)
    space = Cell(Content(""), 1, fill, drawing=True)
    return [[], [top], *([side, space, Cell(line, inner, fill), space, side] for line in wrap(content, inner)), [bottom]]


class Conversation(LinesView):
    """Every entry of the conversation as a bubble, drawn by one widget. A click on a current answer
    asks to change it (Transcript.AnswerClicked); the answer under the mouse is highlighted."""

    COMPONENT_CLASSES = {MUTED[1:], SUPERSEDED[1:]}

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang
        self.entries: list[Entry] = []
        self.hovered: int | None = None  # the answer under the mouse

    def blocks(self) -> list[Entry]:
        return self.entries

    def widest(self, width: int) -> int:
        """Widest a bubble may be: 90% of the conversation, 80% on a wide screen, 100 cells on a very wide one."""
        if self.screen.has_class("-very-wide"):
            return min(width, 100)
        return width * (8 if self.screen.has_class("-wide") else 9) // 10

    def lay_out(self, entry: Entry, width: int) -> list[Line]:
        if entry.compact:
            content = entry.folded(self.lang)
            return [] if content is None else bubble(content, width, "earlier", margin=0, full=True)
        content, widest = entry.show(self.lang), self.widest(width)
        if entry.kind == "user":
            look = "superseded" if entry.superseded else "user-hover" if self.hovered is not None and self.entries[self.hovered] is entry else "user"
            return bubble(content, widest, look, edge="right", right_of=width, margin=0)
        if entry.kind == "notice":
            return boxed(content, width, "notice")
        if entry.kind == "meta":
            return bubble(content, widest, "meta", edge="none", pad=0)
        return bubble(content, widest, "info" if entry.kind == "info" else "bot")

    def add(self, entries: list[Entry]) -> None:
        self.entries.extend(entries)  # laid out when the height is asked next
        self.refresh(layout=True)

    def changed(self, entry: Entry) -> None:
        """`entry` (and maybe later ones) reads differently: lay it out again from there."""
        self.relayout(next(i for i, e in enumerate(self.entries) if e is entry))

    def _answer_at(self, event: events.MouseEvent) -> int | None:
        index = self.block_at(event.y)
        if index is None or not self.entries[index].clickable:
            return None
        line = self._block_lines(index, self.size.width)[0]  # the indent, then the bubble
        return index if event.x >= line[0].content.cell_length + line[0].padding else None

    def _hover(self, index: int | None) -> None:
        if index != self.hovered:
            before, self.hovered = self.hovered, index
            for changed in (before, index):
                if changed is not None:
                    self.redraw(changed)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover(self._answer_at(event))

    def on_leave(self, event: events.Leave) -> None:
        self._hover(None)

    def on_click(self, event: events.Click) -> None:
        index = self._answer_at(event)
        if index is not None:
            question = self.entries[index].question
            assert question is not None  # clickable
            self.post_message(Transcript.AnswerClicked(question))


class Transcript(VerticalScroll, can_focus=False):
    """The scrolling conversation. The screen adds entries; a click on an answer asks to change it."""

    class AnswerClicked(Message):
        def __init__(self, question: str) -> None:
            super().__init__()
            self.question = question

    def __init__(self, lang: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.conversation = Conversation(lang)
        self.anchored = False  # kept at the end as entries are added

    def compose(self) -> ComposeResult:
        yield self.conversation

    @property
    def entries(self) -> list[Entry]:
        return self.conversation.entries

    def add(self, entry: Entry) -> None:
        self.conversation.add([entry])
        if self.anchored:
            self.anchor()  # at the end, scrolled in the same frame as the layout changes
        else:  # anchored after the first frame: anchoring makes the scrollbar widget at once (~5 ms)
            self.anchored = True
            self.call_after_refresh(self.anchor)

    def add_folded(self, entries: list[Entry]) -> None:
        """Entries shown only in compact form (answers loaded from a file or a saved session)."""
        for entry in entries:
            entry.compact = True
        self.conversation.add(entries)

    def _current_answers(self, question: str) -> list[Entry]:
        return [e for e in self.entries if e.kind == "user" and e.question == question and not e.superseded]

    def supersede(self, question: str) -> None:
        """Answers to `question` shown so far are no longer current (changed or removed)."""
        changed = self._current_answers(question)
        for entry in changed:
            entry.superseded = True
        if changed:
            self.conversation.changed(changed[0])

    def refresh_answer(self, question: str) -> None:
        """Redraw the current answer of `question` (a note was added)."""
        current = self._current_answers(question)
        if current:
            self.conversation.changed(current[0])

    def relabel(self, lang: str) -> None:
        self.conversation.lang = lang
        self.conversation.relayout()
