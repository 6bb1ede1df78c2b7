"""The answers given so far, grouped by section; selecting one asks to change it."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from anzen.tui.overview import AnswerRow
from anzen.tui.widgets.lines import indented, option_width
from anzen.tui.words import w


def answer_option(row: AnswerRow, note: str | None, lang: str, width: int = 0) -> Option:
    """A question and its answer, laid out for `width` cells (0: left to the list): the answer's lines under
    one another after its arrow."""
    lines = indented(Content(row.prompt), width)
    lines += indented(Content.styled(row.label, "bold $text-primary"), width, "  → ")
    for line in row.details:
        lines += indented(Content.styled(line, "$foreground-muted"), width, "  ")
    if note:
        lines += indented(Content(note), width, Content.styled("  " + w(lang, "note") + ": ", "italic"), "    ")
    return Option(Content("\n").join(lines), id=row.question)


class AnswerList(OptionList):
    """Rows handed down by the screen (anzen.tui.overview.answer_rows); posts OptionSelected(id=question).
    Laid out again for a new width."""

    _shown: tuple[list[AnswerRow], dict[str, str], str] | None = None

    def show(self, rows: list[AnswerRow], notes: dict[str, str], lang: str) -> None:
        self._shown = (rows, notes, lang)
        highlighted = self.highlighted
        width = option_width(self)
        self.clear_options()
        section = None
        for row in rows:
            if row.section != section:
                section = row.section
                self.add_option(Option(Content.styled(row.section_title.get(lang), "bold underline $text-accent"), disabled=True))
            self.add_option(answer_option(row, notes.get(row.question), lang, width))
        if highlighted is not None and highlighted < self.option_count:
            self.highlighted = highlighted
        elif self.option_count:
            self.action_first()

    def on_resize(self) -> None:
        if self._shown is not None:
            self.show(*self._shown)
