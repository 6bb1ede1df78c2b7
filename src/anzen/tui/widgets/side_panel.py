"""The side panel: progress ("12 / 20" and a bar) and the checklist categories with their marks."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from anzen.result import STATUS_MARKS
from anzen.tui.overview import CategoryRow
from anzen.tui.words import w

STATUS_STYLES = {"follow_up": "bold $text-error", "confirmed": "$text-success", "not_applicable": "$foreground-muted", "unanswered": ""}


def category_line(row: CategoryRow, lang: str) -> Content:
    """'▶▲ 6 複写及び複製の禁止' — current and status by mark as well as colour."""
    mark = STATUS_MARKS[row.status] if (row.reached or row.status != "unanswered") else "・"
    title = row.title.get(lang)
    name = title if title.startswith(f"{row.id} ") or title.startswith(row.id) else f"{row.id} {title}"
    style = STATUS_STYLES[row.status] if row.reached or row.status != "unanswered" else "$foreground-muted"
    return Content.assemble(
        ("▶" if row.current else " ", "bold $text-accent"), (mark, style), " ", (name, "bold" if row.current else ""),
    )


class ProgressLine(Widget):
    """Answered of total as a bar of one line, drawn as Textual's ProgressBar draws its bar. That widget
    is three widgets with an ETA, a clock and an animation, all unused here: ~0.1 MB (goal 7)."""

    DEFAULT_CSS = """
    ProgressLine {
        height: 1;
    }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.done, self.total = 0, 1

    def update(self, done: int, total: int) -> None:
        total = max(total, 1)
        if (done, total) != (self.done, self.total):
            self.done, self.total = done, total
            self.refresh()

    def render(self) -> Content:
        width = self.size.width
        end = round(width * min(self.done / self.total, 1.0) * 2) / 2  # to the half cell
        full, half = int(end), end - int(end) > 0
        if not full and not half:
            return Content.styled("━" * width, "$surface")
        bar = "$success" if self.done >= self.total else "$primary"
        # the track after it: from a whole cell, a half line first; after a half cell, whole lines
        tail = "" if full >= width else ("" if half else "╺") + "━" * (width - full - 1)
        return Content.assemble(("━" * full + ("╸" if half else ""), bar), (tail, "$surface"))


class SidePanel(Vertical):
    # here, not in interview.tcss: parsed when the panel first comes, after the first question is drawn
    DEFAULT_CSS = """
    SidePanel {
        border-left: solid $primary;
        padding: 0 1;
    }
    SidePanel #progress-text {
        height: 1;
    }
    SidePanel #mode-line {
        color: $text-muted;
        height: auto;
        margin-bottom: 1;
    }
    SidePanel #categories {
        text-wrap: nowrap;
        text-overflow: ellipsis;
        height: 1fr;
        border: none;
        padding: 0;
        background: transparent;
    }
    SidePanel #categories > .option-list--option {
        padding: 0;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """
    _rows: tuple[Any, ...] | None = None  # what the category list shows now

    class CategoryChosen(Message):
        def __init__(self, checklist: str, category: str) -> None:
            super().__init__()
            self.checklist, self.category = checklist, category

    def compose(self) -> ComposeResult:
        yield Static("", id="progress-text", markup=False)
        yield ProgressLine(id="progress")
        yield Static("", id="mode-line", markup=False)
        yield OptionList(id="categories")

    def show(self, rows: list[CategoryRow], answered: int, total: int, lang: str, mode_line: str) -> None:
        self._set("#progress-text", Content.assemble((w(lang, "progress", answered=answered, total=total), "bold"), " ", (w(lang, "progress_label"), "$foreground-muted")))
        self.query_one(ProgressLine).update(answered, total)
        self._set("#mode-line", Content(mode_line))
        shown = (tuple(rows), lang)
        if self._rows == shown:  # most answers change no category: no new options to lay out
            return
        self._rows = shown
        options = self.query_one("#categories", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        checklists = list(dict.fromkeys(r.checklist for r in rows))
        for row in rows:
            if len(checklists) > 1 and row.id == next(r.id for r in rows if r.checklist == row.checklist):
                options.add_option(Option(Content.styled(row.checklist_title.get(lang), "bold underline"), disabled=True))
            options.add_option(Option(category_line(row, lang), id=f"{row.checklist}|{row.id}"))
        if highlighted is not None and highlighted < options.option_count:
            options.highlighted = highlighted

    def _set(self, selector: str, content: Content) -> None:
        static = self.query_one(selector, Static)
        if getattr(static, "_shown", None) != content:  # an update costs a layout; skip when unchanged
            static._shown = content  # type: ignore[attr-defined]
            static.update(content)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        checklist, _, category = (event.option.id or "|").partition("|")
        self.post_message(self.CategoryChosen(checklist, category))
