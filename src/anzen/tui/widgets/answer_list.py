"""The answers given so far, grouped by section; selecting one asks to change it."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from anzen.tui.overview import AnswerRow
from anzen.tui.words import w


def answer_option(row: AnswerRow, note: str | None, lang: str) -> Option:
    lines = [Content.styled(row.prompt, "")]
    lines.append(Content.assemble("  → ", (row.label, "bold $text-primary")))
    lines.extend(Content.styled(f"  {line}", "$foreground-muted") for line in row.details)
    if note:
        lines.append(Content.assemble(("  " + w(lang, "note") + ": ", "italic"), note))
    return Option(Content("\n").join(lines), id=row.question)


class AnswerList(OptionList):
    """Rows handed down by the screen (anzen.tui.overview.answer_rows); posts OptionSelected(id=question)."""

    def show(self, rows: list[AnswerRow], notes: dict[str, str], lang: str) -> None:
        highlighted = self.highlighted
        self.clear_options()
        section = None
        for row in rows:
            if row.section != section:
                section = row.section
                self.add_option(Option(Content.styled(row.section_title.get(lang), "bold underline $text-accent"), disabled=True))
            self.add_option(answer_option(row, notes.get(row.question), lang))
        if highlighted is not None and highlighted < self.option_count:
            self.highlighted = highlighted
        elif self.option_count:
            self.action_first()
