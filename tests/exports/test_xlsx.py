"""Excel: read back with openpyxl: sheets, rows, statuses, highlight fills, text never a formula, print setup."""

from __future__ import annotations

from io import BytesIO

import pytest
from openpyxl import load_workbook

from anzen.exports import render
from anzen.exports.xlsx import FOLLOW_FILL, sheet_title, units

from exports_testing import FORMULA


@pytest.fixture(scope="module")
def workbook(report):
    return load_workbook(BytesIO(render(report, "xlsx")))


def table(ws):
    """Header row (the one starting 項目) and the rows below it, as dicts."""
    rows = list(ws.iter_rows())
    start = next(n for n, r in enumerate(rows) if r[0].value == "項目")
    names = [c.value for c in rows[start]]
    return start + 1, [dict(zip(names, r)) for r in rows[start + 1:]]


def test_a_sheet_per_form_and_one_for_follow_ups(workbook):
    assert workbook.sheetnames == ["安全管理措置等の履行状況報告書", "再委託の承認申請事項", "要対応事項"]


def test_header_block_above_the_table(workbook):
    ws = workbook["安全管理措置等の履行状況報告書"]
    assert ws["A1"].value == "安全管理措置等の履行状況報告書"
    values = {r[0].value: r[1].value for r in ws.iter_rows(max_row=10)}
    assert values["事業者名"] == '株式会社<script>alert("x")</script>&\'サンプル\''
    assert values["宛先"] == "和歌山市長\u3000様"
    assert any(str(c.value).startswith("令和8年4月1日付けで") for r in ws.iter_rows(max_row=12) for c in r if c.value)


def test_every_item_with_its_status_and_follow_ups_highlighted(workbook, report):
    ws = workbook["安全管理措置等の履行状況報告書"]
    header_row, rows = table(ws)
    items = report.checklists[0].items
    assert [r["番号"].value for r in rows] == [i.id for i in items]
    for row, item in zip(rows, items):
        assert row["確認事項"].value == item.text.ja
        follow = item.needs_follow_up
        assert row["状態"].value == ("▲ 要対応" if item.status == "follow_up" else {"confirmed": "確認済", "not_applicable": "該当なし"}[item.status])
        assert row["確認欄"].value == ("☑" if item.status == "confirmed" else "☐")
        fills = {c.fill.fgColor.rgb[-6:] if c.fill.fill_type == "solid" else None for c in row.values()}
        assert fills == ({FOLLOW_FILL} if follow else {None}), item.id
        if follow:
            assert row["理由"].value == item.reason.ja and row["対応"].value == item.action.ja
            assert row["根拠"].value.startswith("和歌山市 個人情報取扱特記事項")
    assert ws.freeze_panes == f"A{header_row + 1}"
    assert ws.print_title_rows == f"${header_row}:${header_row}"
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4) and ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1


def test_column_widths_fit_japanese_text(workbook):
    ws = workbook["安全管理措置等の履行状況報告書"]
    assert ws.column_dimensions["C"].width >= 40  # 確認事項: long Japanese sentences, wrapped
    assert ws.column_dimensions["B"].width <= 10  # 番号
    assert units("確認欄") == 6 and units("ab") == 2


def test_application_rows_per_subcontractor(workbook):
    ws = workbook["再委託の承認申請事項"]
    _, rows = table(ws)
    first = [r for r in rows if r["番号"].value == "1-1"]
    assert [r["再委託先"].value for r in first] == ["有限会社データ入力", "株式会社コール補助"]
    measures = next(r for r in rows if r["番号"].value == "1-7" and r["再委託先"].value == "有限会社データ入力")
    assert measures["回答"].value == FORMULA


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@"])
def test_text_that_looks_like_a_formula_stays_text(workbook, prefix):
    cells = [c for ws in workbook for r in ws.iter_rows() for c in r if isinstance(c.value, str) and c.value.startswith(prefix)]
    assert cells, prefix
    for cell in cells:
        assert cell.data_type == "s", cell.coordinate  # a string cell, never 'f'
        assert cell.quotePrefix  # Excel keeps it text when the cell is edited


def test_only_text_that_looks_like_a_formula_is_marked(workbook):
    """Cells of one look share their style: the mark of one is not the mark of the others."""
    for ws in workbook:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value and not cell.value.startswith(("=", "+", "-", "@", "\t", "\r")):
                    assert not cell.quotePrefix, (ws.title, cell.coordinate, cell.value)


def test_follow_up_sheet(workbook, report):
    ws = workbook["要対応事項"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == report.follow_up_count == 16
    assert {r[4] for r in rows} == {"▲ 要対応"}
    assert ws.freeze_panes == "A2" and ws.print_title_rows == "$1:$1"


def test_sheet_titles_are_valid():
    taken: set[str] = set()
    assert sheet_title("a/b:c*d?[e]", taken) == "a_b_c_d__e_"
    assert sheet_title("x" * 40, taken) == "x" * 31
    assert sheet_title("x" * 40, taken) == "x" * 27 + " (2)"


def test_500_items_and_10000_character_answers(big_report):
    wb = load_workbook(BytesIO(render(big_report, "xlsx")))
    ws = wb["大きな報告書"]
    _, rows = table(ws)
    assert len(rows) == 500
    long = [r for r in rows if r["回答"].value and r["回答"].value.endswith("終わりの印")]
    assert len(long) == 10 and all(len(r["理由"].value) == 10_003 for r in long)
    assert len(list(wb["要対応事項"].iter_rows(min_row=2))) == 250
