"""A block of text laid out as lines of cells for the widget's width, drawn a line at a time.

Textual's Line API (render_line) draws only the lines on screen, and one such widget stands for what
would otherwise be dozens of Statics and Horizontals: every widget costs memory (styles, message
queue, a cache of rendered lines, compositor maps) whether or not it is on screen.

Subclasses give their text as blocks (a row of a table, an entry of a conversation), each laid out
on its own for a width (`lay_out(block, width)`). Only each block's height is kept per width; the
lines themselves only for the blocks drawn lately (a few screens' worth), so a long text costs a few
integers per block, not its lines.

A line is made of cells side by side, each drawn as a widget would draw it: its text, then blank
padding to its width, so that a screenshot (SVG) places each cell at its column. Styles may name CSS
variables ($text-error, on $error 15% …; for muted text $foreground-muted: $text-muted has an alpha
that only CSS blends, and as a Content style it is plain white) or a component class (.name, styled
in CSS), resolved when drawn: a change of theme needs no new layout. Text selected with the mouse is highlighted and copied as with
a Static."""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from textual.content import Content
from textual.geometry import Size
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

from anzen.linebreak import line_spans


def wrap(content: Content, width: int, first_indent: int = 0) -> list[Content]:
    """`content` as lines of at most `width` cells (the first `first_indent` fewer), broken as Japanese is
    (anzen.linebreak: no 。 or ） starting a line, Latin words whole), not where the width happens to end as
    Content.wrap folds it."""
    return [content[start:end] for start, end in line_spans(content.plain, max(width, 1), cell_len, first_indent, hanging=False)]


def indented(content: Content, width: int, first: Content | str = "", rest: str | None = None) -> list[Content]:
    """`content` wrapped to `width` cells after `first` on its first line and `rest` on the others (spaces as
    wide as `first` unless given), so that its lines stand under one another; `width` 0: one line, unwrapped."""
    first = Content(first) if isinstance(first, str) else first
    rest = " " * first.cell_length if rest is None else rest
    lead, room = first.cell_length, width - cell_len(rest)
    if width <= 0 or width - max(lead, cell_len(rest)) < 2:
        return [first + content]
    return [(first if n == 0 else Content(rest)) + line for n, line in enumerate(wrap(content, room, max(lead - cell_len(rest), 0)))]


def option_width(options: Any) -> int:
    """The cells an option's text has in an OptionList: inside the list's padding and each option's, beside
    the scrollbar a long list has (with none, the cells left over fold nothing)."""
    padding = options.get_component_styles("option-list--option").padding.width
    return max(options.content_region.width - padding - options.styles.scrollbar_size_vertical, 0)


class Cell(NamedTuple):
    content: Content
    width: int = 0  # padded to this many cells (at least its text)
    style: str = ""  # under the text and the padding, e.g. a row's background
    drawing: bool = False  # a border or a margin, not text: neither selected nor copied

    @property
    def padding(self) -> int:
        return max(self.width - self.content.cell_length, 0)

    @property
    def plain(self) -> str:
        return "" if self.drawing else self.content.plain + " " * self.padding


Line = Sequence[Cell]
Block = Callable[[int], list[Line]]  # width → lines: the default kind of block


def _selected(span: tuple[int, int] | None, x: int, length: int) -> tuple[int, int]:
    """The selected part (start, end) of `length` characters from `x` on; (length, length) if none."""
    if span is None:
        return length, length
    start, end = max(span[0] - x, 0), length if span[1] == -1 else min(span[1] - x, length)
    return (start, end) if start < end else (length, length)


class LinesView(Widget):
    DEFAULT_CSS = """
    LinesView {
        width: 1fr;
        height: auto;
    }
    """

    KEEP = 32  # blocks whose lines are kept, the latest laid out (two screens of them at least: a block has two lines or more)

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        # by width (the last two: Textual asks for the height with and without a scrollbar), the
        # first line of each block, then the number of lines
        self._starts: dict[int, list[int]] = {}
        self._laid_out: OrderedDict[tuple[int, int], list[Line]] = OrderedDict()  # (width, block) → lines

    def blocks(self) -> Sequence[Any]:
        raise NotImplementedError

    def lay_out(self, block: Any, width: int) -> list[Line]:
        """The lines of `block` at `width` (each at most `width` cells wide)."""
        return block(width)  # type: ignore[no-any-return]

    def _block_lines(self, index: int, width: int) -> list[Line]:
        key = (width, index)
        lines = self._laid_out.get(key)
        if lines is None:
            lines = self._laid_out[key] = self.lay_out(self.blocks()[index], max(width, 1))
            if len(self._laid_out) > self.KEEP:
                self._laid_out.popitem(last=False)
        else:
            self._laid_out.move_to_end(key)
        return lines

    def _starts_at(self, width: int) -> list[int]:
        starts = self._starts.get(width)
        count = len(self.blocks())
        if starts is None or len(starts) <= count:  # new, or blocks added at the end since
            starts = starts or [0]
            # other widths (with or without a scrollbar) need heights only; the width drawn is read without
            # Widget.size, which during a layout asks the compositor for a region, and so lays out the screen
            # again inside this one; before the first layout, the width asked is the one to be drawn
            drawn_width = self.outer_size.width - self.gutter.width
            drawn = width == drawn_width or not drawn_width
            for index in range(len(starts) - 1, count):
                lines = self._block_lines(index, width) if drawn else self.lay_out(self.blocks()[index], max(width, 1))
                starts.append(starts[-1] + len(lines))
            self._starts[width] = starts
            if len(self._starts) > 2:
                del self._starts[next(iter(self._starts))]
        return starts

    def block_at(self, y: int) -> int | None:
        """The block drawn on line `y`, if any."""
        starts = self._starts_at(self.size.width)
        return bisect_right(starts, y) - 1 if 0 <= y < starts[-1] else None

    def block_span(self, index: int) -> tuple[int, int]:
        """The first line of block `index` and its number of lines, as drawn now."""
        starts = self._starts_at(self.size.width)
        return starts[index], starts[index + 1] - starts[index]

    def block_text(self, index: int) -> str:
        """Block `index` as drawn, in text: its lines without borders and margins, as copied."""
        return "\n".join("".join(cell.plain for cell in line).rstrip() for line in self._block_lines(index, self.size.width))

    def lines(self, width: int | None = None) -> list[Line]:
        """All the lines (laid out again as needed: for a selection, or a test)."""
        width = self.size.width if width is None else width
        return [line for index in range(len(self.blocks())) for line in self._block_lines(index, width)]

    def relayout(self, start: int = 0) -> None:
        """The blocks from `start` on changed: lay them out again (their height may change too)."""
        for starts in self._starts.values():
            del starts[start + 1:]
        for key in [key for key in self._laid_out if key[1] >= start]:
            del self._laid_out[key]
        self.refresh(layout=True)

    def redraw(self, index: int) -> None:
        """Block `index` looks different at the same height (e.g. under the mouse): draw it again."""
        for key in [key for key in self._laid_out if key[1] == index]:
            del self._laid_out[key]
        self.refresh()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self._starts_at(width)[-1]

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        starts = self._starts_at(width)
        base = self.visual_style
        if not 0 <= y < starts[-1]:
            return Strip.blank(width, base.background_style.rich_style)
        index = bisect_right(starts, y) - 1  # past blocks of no lines, which start where the next does
        line = self._block_lines(index, width)[y - starts[index]]
        selection = self.text_selection
        span = selection.get_span(y) if selection is not None else None
        selected = Style.from_styles(self.screen.get_component_styles("screen--selection")) if span else Style()
        segments: list[Segment] = []
        x = cells = 0  # in characters (what the selection counts), in cells
        for cell in line:
            under = base + self.parse_style(cell.style) if cell.style else base
            cells += cell.content.cell_length + cell.padding
            if cell.drawing:  # neither selected nor copied; its padding a background, as a text's
                rendered = cell.content.render(under, end="", parse_style=self.parse_style)
                segments.extend(Segment(text, (under + style).rich_style) for text, style in rendered)
                if cell.padding:
                    segments.append(Segment(" " * cell.padding, under.background_style.rich_style))
                continue
            content = cell.content
            start, end = _selected(span, x, len(content))
            if start < end:
                content = content.stylize(selected, start, end)
            # each run carries its (x, y) offset, as Content does in a Static: the selection reads it back
            for text, style in content.render(under, end="", parse_style=self.parse_style):
                if text:
                    segments.append(Segment(text, (under + style).rich_style_with_offset(x, y)))
                    x += len(text)
            # the padding: only a background and no offset, as a widget pads its text
            start, end = _selected(span, x, cell.padding)
            for size, style in ((start, under), (end - start, under + selected), (cell.padding - end, under)):
                if size:
                    segments.append(Segment(" " * size, style.background_style.rich_style))
            x += cell.padding
        return Strip(segments, cells).extend_cell_length(width, base.background_style.rich_style).simplify()

    def parse_style(self, style: str | Style) -> Style:
        if isinstance(style, str) and style.startswith("."):
            # the whole style, its colours resolved on the widget's background ("auto 60%" is
            # white on a dark background, black on a light one); the partial style would not know
            return self.get_visual_style(style[1:])
        return Style.parse(style)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        return selection.extract("\n".join("".join(cell.plain for cell in line) for line in self.lines())), "\n"
