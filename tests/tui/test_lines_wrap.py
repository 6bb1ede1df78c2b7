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


def test_indented_lines_stand_under_one_another_after_their_lead():
    from anzen.tui.widgets.lines import indented

    lines = indented(Content("令和8年度マイナンバーカードコールセンター運営業務"), 20, "  → ")
    assert [line.plain for line in lines] == ["  → 令和8年度マイナ", "    ンバーカードコー", "    ルセンター運営業", "    務"]
    noted = indented(Content("来週提出します。"), 12, Content.styled("  メモ: ", "italic"), "    ")
    assert [line.plain for line in noted] == ["  メモ: 来週", "    提出しま", "    す。"]  # the lead is wider than the rest's indent
    assert noted[0].spans[0].style == "italic" and all(line.cell_length <= 12 for line in noted)
    assert [line.plain for line in indented(Content("あいう"), 0, "  ")] == ["  あいう"]  # no width yet: one line


def test_an_answer_in_the_list_keeps_its_lines_after_the_arrow():
    from anzen.model.runtime import Text
    from anzen.tui.overview import AnswerRow
    from anzen.tui.widgets.answer_list import answer_option

    row = AnswerRow("contract_name", "basics", Text(ja="基本情報"), "契約件名を入力してください。", "株式会社" + "サンプル" * 6, ("1. 有限会社データ入力（申請書の入力作業）",))
    assert answer_option(row, "証明書は来週提出します。", "ja", 24).prompt.plain.split("\n") == [  # type: ignore[union-attr]
        "契約件名を入力してくださ", "い。",
        "  → 株式会社サンプルサン", "    プルサンプルサンプル", "    サンプルサンプル",
        "  1. 有限会社データ入力", "  （申請書の入力作業）",
        "  メモ: 証明書は来週提出", "    します。",
    ]
