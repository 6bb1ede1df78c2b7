"""The TUI's line breaking (widgets.lines.wrap): Japanese rules on styled Content, cells never overflowed."""

from __future__ import annotations

from textual.content import Content

from anzen.tui.widgets.lines import wrap


def test_styles_are_kept_and_no_line_starts_with_a_closing_mark():
    content = Content.assemble(("回答：", "bold"), "あいうえお。かきくけこ（さしすせそ）")
    lines = wrap(content, 10)
    assert [line.plain for line in lines] == ["回答：あい", "うえお。か", "きくけこ", "（さしすせ", "そ）"]
    assert lines[0].spans and lines[0].spans[0].style == "bold" and lines[0].spans[0].end == 3  # 回答： still bold
    assert all(line.cell_length <= 10 for line in lines)  # 。 does not hang in a terminal cell


def test_the_texts_own_lines_and_indentation_stay():
    assert [line.plain for line in wrap(Content("  → はい\n\nabc def"), 20)] == ["  → はい", "", "abc def"]
    assert [line.plain for line in wrap(Content(""), 5)] == [""]
