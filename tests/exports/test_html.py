"""HTML: one self-contained file; every text escaped; nothing external, not even a URL in markup."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from anzen.exports import render

from exports_testing import HOSTILE_NAME


class Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture(scope="module")
def page(report):
    return render(report, "html").decode("utf-8")


@pytest.fixture(scope="module")
def parsed(page):
    parser = Collect()
    parser.feed(page)
    return parser


def test_user_text_is_escaped(page, parsed):
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#x27;サンプル&#x27;" in page
    assert HOSTILE_NAME in "".join(parsed.text)  # and reads back as the user wrote it
    assert not any(tag in ("script", "iframe", "object", "embed", "img", "link", "a", "form") for tag, _ in parsed.tags)


def test_nothing_external(page, parsed):
    allowed = {"charset", "http-equiv", "content", "name", "lang", "class", "style", "scope", "rowspan", "colspan", "role", "aria-label"}
    assert {a for _, attrs in parsed.tags for a in attrs} <= allowed
    markup = re.sub(r">[^<]*<", "><", page)  # tags and CSS only, the text between them left out
    assert not re.search(r"(?i)https?:|//[a-z]|url\(|@import|src=|href=|data:", markup)
    assert "default-src 'none'" in page  # a browser would not load anything even if something slipped in


def test_no_url_anywhere_when_the_answers_hold_none(big_report, report):
    for page in (render(big_report, "html").decode("utf-8"), render(report, "html").decode("utf-8").replace("http://evil.example", "")):
        assert not re.search(r"(?i)https?:|ftp:|//|www\.|url\(|@import", page)


def test_the_form_and_follow_ups(page, parsed, report):
    text = "".join(parsed.text)
    for item in report.checklists[0].items:
        assert item.text.ja in text
    assert page.count('<tr class="follow"') >= report.follow_up_count
    assert "要対応事項一覧（4件）" in text and "記載が不足している事項（8件）" in text
    assert text.count("▲ 要対応") == sum(1 for c in report.checklists for i in c.items if i.status == "follow_up")
    assert "令和8年10月1日" in text and "和歌山市長" in text
    assert page.count('aria-label="確認済">✓') == sum(1 for c in report.checklists for i in c.items if i.status == "confirmed")


def test_prints_on_a4(page):
    assert "@page{size:A4 portrait" in page
    assert "thead{display:table-header-group}" in page and "break-inside:avoid" in page


def test_500_items_and_10000_character_answers(big_report):
    page = render(big_report, "html").decode("utf-8")
    parser = Collect()
    parser.feed(page)
    assert page.count("<tr") >= 500
    assert page.count("終わりの印") == 1 + 3 * 10
    assert page.rstrip().endswith("</html>")
