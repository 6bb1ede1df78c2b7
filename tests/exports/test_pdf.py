"""PDF: every item and the follow-up list in the text, Japanese font embedded, the page not blank where
the Japanese text stands, rows and categories kept together, the CID fallback warned about."""

from __future__ import annotations

import pytest
from pdfutil import darkness, fonts, gray_page, pages_text, squash, write

from anzen.exports import ExportError, render
from anzen.exports import pdf_fonts
from anzen.exports.pdf_fonts import FontWarning

IPAEX = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"  # fonts-ipaexfont (.ci/run installs it)


@pytest.fixture(scope="module")
def pdf_path(report, tmp_path_factory):
    return write(tmp_path_factory.mktemp("pdf"), render(report, "pdf"))


def test_every_item_text_and_the_follow_up_list(report, pdf_path):
    text = squash("".join(pages_text(pdf_path)))
    for checklist in report.checklists:
        for item in checklist.items:
            if checklist.kind == "application" and item.status == "not_applicable":
                continue  # a whole category that does not apply is one line: 該当なし
            assert squash(item.text.ja) in text, item.id
    assert "要対応事項一覧（4件）" in text
    for item in report.checklists[0].follow_ups:
        assert squash(item.reason.ja) in text and squash(item.action.ja) in text
        assert all(squash(r.label.ja) in text for r in item.refs)
    assert "和歌山市長様" in text and "令和8年10月1日" in text
    assert squash("※遵守している事項は確認欄にチェックしている。") in text
    assert not set("☑☐✓✔") & set(text)  # boxes and ticks are drawn, not characters a font may lack


def test_user_text_is_printed_literally(pdf_path):
    text = squash("".join(pages_text(pdf_path)))
    assert squash('株式会社<script>alert("x")</script>&\'サンプル\'') in text  # not read as Paragraph markup
    assert squash('=HYPERLINK("http://evil.example","x")') in text


def test_invisible_characters_are_not_printed_as_boxes(wakayama_plan, tmp_path):
    # a variation selector (異体字), joiners, a right-to-left override: the font has no glyph for them
    from exports_testing import WAKAYAMA, fill

    from anzen.exports.pdf_text import printable

    answers = {**WAKAYAMA, "contractor": "株式会社葛\U000E0100城\u200dサンプル", "address": "\u202e和歌山市\u202c七番丁\u200b23"}
    text = squash("".join(pages_text(write(tmp_path, render(fill(wakayama_plan, answers), "pdf")))))
    assert "株式会社葛城サンプル" in text and "和歌山市七番丁23" in text
    assert not set(text) & {"\U000E0100", "\u200d", "\u202e", "\u202c", "\u200b"}
    assert printable("葛\U000E0100\u00ad\ufeffa\u2060b 株式会社") == "葛ab 株式会社" and printable("plain text") == "plain text"


def test_application_lists_each_subcontractor_with_its_entries(pdf_path):
    text = squash("".join(pages_text(pdf_path)))
    for expected in ("再委託先1有限会社データ入力", "再委託先2株式会社コール補助", "(1)再委託を行う業務の内容", "申請書の入力作業",
                     "大阪府大阪市北区1-1", "（記載なし）", "記載が不足している事項（8件）", "承諾に当たって対応が必要な事項（4件）",
                     "再委託先が特定個人情報を取り扱いますが"):
        assert expected in text, expected


def test_the_japanese_font_is_embedded(pdf_path):
    rows = fonts(pdf_path)
    assert rows, "no fonts"
    assert all(r["emb"] == "yes" and r["sub"] == "yes" for r in rows), rows
    assert b"/FontFile2" in pdf_path.read_bytes()


def test_the_first_page_is_not_blank_where_the_japanese_text_stands(pdf_path, tmp_path):
    image = gray_page(pdf_path, tmp_path)
    # the sender block above them is 5-6 lines tall (the hostile company name is a long Latin word, moved whole to its own line)
    assert darkness(image, 0.3, 0.7, 0.19, 0.28) > 0.03  # the title
    assert darkness(image, 0.1, 0.9, 0.27, 0.34) > 0.03  # the opening paragraph
    assert darkness(image, 0.3, 0.8, 0.40, 0.90) > 0.02  # the item texts of the table
    assert darkness(image, 0.1, 0.9, 0.93, 0.99) < 0.01  # the bottom margin holds only the page number


def test_each_checklist_starts_a_page_and_pages_are_numbered(pdf_path):
    pages = [squash(p) for p in pages_text(pdf_path) if p.strip()]
    assert pages[0].startswith("令和8年10月1日")
    assert any(p.startswith("令和8年9月20日") for p in pages[1:])  # the application's own date
    assert all(f"{n}/{len(pages)}" in p for n, p in enumerate(pages, start=1))


def test_western_date_option(report, tmp_path):
    text = squash("".join(pages_text(write(tmp_path, render(report, "pdf", era=False)))))
    assert text.startswith("2026年10月1日")


def test_english_report(report_en, tmp_path):
    text = squash("".join(pages_text(write(tmp_path, render(report_en, "pdf")))))
    assert squash("We recognise the importance of protecting the information") in text
    assert "Follow-upitems(4)" in text


def test_without_a_japanese_font_the_cid_fallback_is_used_with_a_warning(report, tmp_path, monkeypatch):
    monkeypatch.delenv(pdf_fonts.ENV, raising=False)
    monkeypatch.setattr(pdf_fonts, "CANDIDATES", (("/nonexistent/font.ttf", 0),))
    with pytest.warns(FontWarning, match="ANZEN_PDF_FONT"):
        data = render(report, "pdf")
    rows = fonts(write(tmp_path, data))
    assert [r["name"] for r in rows] and all(r["name"].startswith("HeiseiKakuGo-W5") and r["emb"] == "no" for r in rows)


def test_a_configured_font_is_used(report, tmp_path, monkeypatch):
    monkeypatch.setenv(pdf_fonts.ENV, IPAEX)
    monkeypatch.setattr(pdf_fonts, "CANDIDATES", ())
    rows = fonts(write(tmp_path, render(report, "pdf")))
    assert all("IPAexGothic" in r["name"] and r["emb"] == "yes" for r in rows)


@pytest.mark.parametrize("content, message", [(None, "no such font file"), (b"not a font", "not a usable TrueType font")])
def test_a_configured_font_that_cannot_be_used_is_an_error(report, tmp_path, monkeypatch, content, message):
    path = tmp_path / "font.ttf"
    if content is not None:
        path.write_bytes(content)
    monkeypatch.setenv(pdf_fonts.ENV, str(path))
    with pytest.raises(ExportError, match=message):
        render(report, "pdf")
    with pytest.raises(ExportError, match=message):  # the option wins over the environment, same check
        render(report, "pdf", pdf_font=str(path))


def test_a_font_without_japanese_glyphs_is_refused(tmp_path):
    with pytest.raises(pdf_fonts.FontError, match="no Japanese glyphs"):
        pdf_fonts.find_font("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def test_500_items_and_10000_character_answers(big_report, tmp_path):
    path = write(tmp_path, render(big_report, "pdf"))
    pages = [squash(p) for p in pages_text(path)]
    list_start = next(n for n, p in enumerate(pages) if "要対応事項一覧" in p)
    table = pages[: list_start + 1]
    for item in big_report.checklists[0].items:
        where = [n for n, p in enumerate(table) if squash(item.text.ja) in p.split("要対応事項一覧")[0]]
        assert len(where) == 1, f"{item.id} on pages {where}"  # a row never splits across pages
    for cat in big_report.checklists[0].categories:
        marks = {n for n, p in enumerate(table) for i in cat.items if squash(i.text.ja) in p.split("要対応事項一覧")[0]}
        assert len(marks) == 1, f"category {cat.id} on pages {marks}"  # a category fits on a page: kept together
    whole = "".join(pages)
    assert whole.count("終わりの印") == 1 + 3 * 10  # the name, and answer, reason and action of the 10 items of category 1
    assert "要対応事項一覧（250件）" in whole
