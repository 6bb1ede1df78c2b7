"""A completed checklist as a table: No. | 確認事項 | 状態, follow-ups with their reason, action and articles.

Follow-up rows stand out three ways: colour (background and a bar on the left), the mark ▲ and the
word 要対応, so the table reads in monochrome and for colour-blind readers.

The table is laid out here as lines of Content and drawn by one widget (LinesView): as widgets, four
per item, the Wakayama result took ~370 of them and ~10 MB."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual.content import Content

from anzen.result import STATUS_LABELS, STATUS_MARKS, ChecklistResult, ItemResult
from anzen.tui.widgets.lines import Block, Cell, Line, LinesView, wrap
from anzen.tui.words import w

STATUS_STYLE = {"follow_up": "bold $text-error", "unanswered": "bold $text-warning", "confirmed": "$text-success", "not_applicable": "$foreground-muted"}


def status_content(status: str, lang: str) -> Content:
    return Content.styled(f"{STATUS_MARKS[status]} {STATUS_LABELS[status].get(lang)}", STATUS_STYLE[status])


def summary_content(checklist: ChecklistResult, lang: str) -> Content:
    parts: list[Content | str] = [Content.styled(w(lang, "result.summary") + ": ", "bold")]
    for n, (status, count) in enumerate(checklist.summary.items()):
        if n:
            parts.append(" / ")
        parts.append(status_content(status, lang))
        parts.append(Content.styled(f" {count}", "bold"))
    return Content.assemble(*parts)


def lead(lang: str, key: str) -> str:
    """'理由：' / 'Reason: ': no space after a Japanese label, so a wrap does not break there."""
    return f"{w(lang, key)}：" if lang == "ja" else f"{w(lang, key)}: "


# (question id, its prompt, lang) → the prompt with {placeholders} filled from the answers
PromptText = Callable[[str, Any, str], str]


def item_content(item: ItemResult, lang: str, prompt: PromptText) -> Content:
    lines = [Content.styled(item.text.get(lang), "bold" if item.needs_follow_up else "")]
    if item.instance_label:  # which subcontractor (one row per block): in the wide column, not under No.
        lines.insert(0, Content.styled(f"【{item.instance_label}】", "$text-accent"))
    if item.needs_follow_up:
        if item.answer:
            answered = "; ".join(f"{prompt(a.question, a.prompt, lang)} → {a.label.get(lang)}" for a in item.answer)
            lines.append(Content.assemble((lead(lang, "result.answer"), "italic"), answered))
        if item.reason:
            lines.append(Content.assemble((lead(lang, "result.reason"), "bold"), item.reason.get(lang)))
        if item.action:
            lines.append(Content.assemble((lead(lang, "result.action"), "bold"), item.action.get(lang)))
        if item.refs:
            lines.append(Content.styled(lead(lang, "result.refs") + ("、" if lang == "ja" else "; ").join(r.label.get(lang) for r in item.refs), "$foreground-muted"))
    return Content("\n").join(lines)


NO_WIDTH, STATUS_WIDTH, LABEL_WIDTH = 8, 12, 22  # the columns; 確認事項 takes the rest
ROW_STYLE = {  # background and the bar on the left of a row that needs attention
    "follow_up": ("on $error 15%", "$error"),
    "unanswered": ("on $warning 12%", "$warning"),
}
def columns(cells: list[tuple[Content, int]], style: str = "") -> list[Line]:
    """Cells side by side, each wrapped to its width (a cell given as (content, width)); the row is as
    tall as its tallest cell and `style` lies under all of it."""
    wrapped = [(wrap(content, width), width) for content, width in cells]
    height = max(len(lines) for lines, _ in wrapped)
    return [[Cell(lines[y] if y < len(lines) else Content(""), width, style) for lines, width in wrapped] for y in range(height)]


def _text(content: Content, width: int, *, space: bool = True) -> list[Line]:
    """A paragraph over the whole width, after a blank line (a margin) if `space`."""
    return [[]] * space + [[Cell(line)] for line in wrap(content, width)]


def _header_row(label: str, value: str, width: int) -> list[Line]:
    return columns([(Content.styled(label, ".checklist--label"), LABEL_WIDTH), (Content(value), width - LABEL_WIDTH)])


def _table_head(lang: str, width: int) -> list[Line]:
    text_width = width - NO_WIDTH - STATUS_WIDTH  # with a space on its right
    return [[], *columns([(Content(w(lang, "result.no")), NO_WIDTH), (Content(w(lang, "result.item")), text_width - 1),
                          (Content(""), 1), (Content(w(lang, "result.status")), STATUS_WIDTH)], "bold on $panel")]


def _item_row(item: ItemResult, lang: str, prompt: PromptText, width: int) -> list[Line]:
    background, bar = ROW_STYLE.get(item.status, ("", ""))
    edge = Cell(Content.styled("█" if bar else " ", bar), 1, background, drawing=True)  # the row's left border: thick, or blank
    cells = [(Content(item.id), NO_WIDTH), (item_content(item, lang, prompt), width - NO_WIDTH - STATUS_WIDTH - 2),
             (Content(""), 1), (status_content(item.status, lang), STATUS_WIDTH)]
    return [[edge, *row] for row in columns(cells, background)]


def checklist_blocks(checklist: ChecklistResult, lang: str, prompt: PromptText) -> list[Block]:
    """The checklist as blocks of lines (a paragraph, a row), spaced as the table of widgets it
    replaces was."""
    blocks: list[Block] = [partial(_text, Content.styled(checklist.title.get(lang), "bold"))]
    filled = [h for h in checklist.header if h.display.get(lang)]
    if filled:
        blocks.append(lambda width: [[]])
        blocks.extend(partial(_header_row, field.label.get(lang), field.display.get(lang)) for field in filled)
    blocks.append(partial(_text, summary_content(checklist, lang)))
    follow = checklist.follow_ups
    if follow:  # where to look, before the long table
        names = "、".join(i.id + (f"[{i.instance_label}]" if i.instance_label else "") for i in follow)
        blocks.append(partial(_text, Content.assemble(("▲ " + lead(lang, "result.follow"), "bold $text-error"), names)))
    blocks.append(partial(_table_head, lang))
    for cat in checklist.categories:
        blocks.append(partial(_text, Content.styled(f"{cat.id} {cat.title.get(lang)}", "bold $text-accent")))
        blocks.extend(partial(_item_row, item, lang, prompt) for item in cat.items)
    return blocks


class ChecklistView(LinesView):
    """The checklist handed down by the screen, rendered in `lang`: one widget for the whole table."""

    COMPONENT_CLASSES = {"checklist--label"}
    DEFAULT_CSS = """
    ChecklistView > .checklist--label {
        color: $text-muted;
    }
    """

    def __init__(self, checklist: ChecklistResult, lang: str, prompt: PromptText, **kwargs: object) -> None:
        super().__init__(classes="checklist", **kwargs)
        self.checklist, self.lang, self.prompt = checklist, lang, prompt

        self._blocks = checklist_blocks(checklist, lang, prompt)

    def blocks(self) -> list[Block]:
        return self._blocks
