"""CSV: UTF-8 with a BOM, one row per item, formula injection neutralised."""

from __future__ import annotations

import csv
import dataclasses
import io

import pytest

from anzen.exports import render
from anzen.exports.common import neutralise
from anzen.result import ShownAnswer
from anzen.model.base import Words


def rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM: Excel in Japan reads UTF-8
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))


def test_one_row_per_item_with_its_columns(report):
    data = render(report, "csv")
    table = rows(data)
    assert table[0] == ["チェックリスト", "項目", "番号", "再委託先", "確認事項", "状態", "状態コード", "回答", "理由", "対応", "根拠"]
    items = [i for c in report.checklists for i in c.items]
    assert len(table) == 1 + len(items)
    for row, item in zip(table[1:], items):
        assert row[2] == item.id and row[4] == item.text.ja and row[6] == item.status
        assert row[3] == (item.instance_label or "")
    first = table[1]
    assert first[0] == "安全管理措置等の履行状況報告書" and first[1] == "1 基本的事項" and first[5] == "確認済"
    follow = next(r for r in table if r[2] == "3-1")
    assert follow[5] == "要対応" and follow[8] == "管理責任者・従事者又は作業場所が限定されていません。"
    assert follow[10] == "和歌山市 個人情報取扱特記事項 第2 / 和歌山市 個人情報取扱特記事項 第3"


def test_rows_end_with_crlf(report):
    text = render(report, "csv").decode("utf-8-sig")
    assert text.endswith("\r\n") and text.count("\r\n") >= len(report.checklists[0].items)


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tcmd", "\rcmd", '=HYPERLINK("http://x","y")'])
def test_formula_injection_is_neutralised(report, text):
    checklist = report.checklists[0]
    item = checklist.items[0]
    bad = dataclasses.replace(item, answer=(ShownAnswer("q", Words(ja="Q"), text, Words(ja=text)),), reason=Words(ja=text))
    cat = dataclasses.replace(checklist.categories[0], items=(bad,))
    hacked = dataclasses.replace(report, checklists=(dataclasses.replace(checklist, categories=(cat,)),))
    row = rows(render(hacked, "csv"))[1]
    assert row[8] == "'" + text  # the reason, as the user wrote it, behind an apostrophe
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)


def test_answers_from_the_report_are_neutralised(report):
    table = rows(render(report, "csv"))
    answers = [r[7] for r in table[1:]]
    assert "'=HYPERLINK(\"http://evil.example\",\"x\") 特記事項と同等の措置" in answers
    assert "'+氏名・住所・生年月日（約5,000件）" in answers and "'@責任者 佐藤 花子、従事者 5名" in answers


def test_neutralise():
    assert neutralise("普通の文") == "普通の文" and neutralise("") == ""
    assert neutralise("-5") == "'-5" and neutralise("a=b") == "a=b"


def test_500_items_and_10000_character_answers(big_report):
    table = rows(render(big_report, "csv"))
    assert len(table) == 501
    long = [r for r in table if r[7].endswith("終わりの印")]
    assert len(long) == 10 and all(len(r[7]) == 10_000 and len(r[8]) == 10_003 for r in long)
