"""E-mail draft: parsed back with the standard library's parser, subject, body and attachments decode to
the right Japanese text and bytes; bad addresses refused (no header injection); nothing is ever sent."""

from __future__ import annotations

from email import message_from_bytes, policy

import pytest

from anzen.exports import render
from anzen.exports.eml import AddressError, Attachment, attachment_name, check_address, render_eml

TO = "和歌山市 個人情報担当 <kojin@city.wakayama.example.jp>"


@pytest.fixture(scope="module")
def attachments(report):
    return [Attachment(attachment_name(report, suffix), render(report, fmt)) for fmt, suffix in (("pdf", ".pdf"), ("xlsx", ".xlsx"), ("csv", ".csv"))]


@pytest.fixture(scope="module")
def raw(report, attachments):
    return render_eml(report, attachments, to=TO, sender="sample@example.co.jp")


def test_headers_subject_and_body_decode(raw, report):
    msg = message_from_bytes(raw, policy=policy.default)
    assert msg["Subject"] == "安全管理措置等の履行状況報告書の提出（令和8年度マイナンバーカードコールセンター運営業務／株式会社<script>alert(\"x\")</script>&'サンプル'）"
    assert msg["To"].addresses[0].display_name == "和歌山市 個人情報担当"
    assert msg["To"].addresses[0].addr_spec == "kojin@city.wakayama.example.jp"
    assert msg["From"] == "sample@example.co.jp" and msg["X-Unsent"] == "1" and msg["Date"]
    body = msg.get_body(("plain",)).get_content()
    assert body.startswith("和歌山市長 様\n")
    for expected in ("契約件名: 令和8年度マイナンバーカードコールセンター運営業務", "回答者: 株式会社<script>", "作成日: 令和8年10月1日",
                     f"要対応事項: {report.follow_up_count}件", "▲ 3-1 この契約に係る事務の管理責任者", "・安全管理措置等の履行状況報告書_"):
        assert expected in body, expected


def test_attachments_keep_their_japanese_names_and_bytes(raw, attachments):
    msg = message_from_bytes(raw, policy=policy.default)
    got = [(part.get_filename(), part.get_content_type(), part.get_payload(decode=True)) for part in msg.iter_attachments()]
    assert [g[0] for g in got] == [a.filename for a in attachments]
    assert got[0][0] == "安全管理措置等の履行状況報告書_株式会社_script_alert_x_script_サンプル_20261001.pdf"
    assert [g[1] for g in got] == ["application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"]
    assert all(g[2] == a.data for g, a in zip(got, attachments))
    assert b"filename*0*=utf-8''%E5%AE%89" in raw  # RFC 2231


def test_the_file_is_rfc_5322_text(raw):
    assert raw.isascii()  # everything encoded: 7-bit safe
    lines = raw.split(b"\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")  # CRLF line ends only
    assert max(len(line) for line in lines) <= 998  # the hard limit; folded at 78 wherever a header can fold
    assert [line for line in lines if len(line) > 78] == [b"Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]


@pytest.mark.parametrize("bad", ["someone", "a@b", "x@example.jp\r\nBcc: spy@example.com", "x@example.jp\nBcc: spy@example.com", "<>", ""])
def test_bad_addresses_are_refused(bad):
    with pytest.raises(AddressError):
        check_address(bad)


def test_good_addresses():
    assert check_address("a@example.jp, 担当 <b@example.jp>") == "a@example.jp, 担当 <b@example.jp>"


def test_english_draft(report_en):
    msg = message_from_bytes(render_eml(report_en, [], to="a@example.jp"), policy=policy.default)
    assert " ".join(msg["Subject"].split()).startswith("Report on the Implementation of Safety Management Measures (令和8年度")
    body = msg.get_body(("plain",)).get_content()
    assert "Follow-up items: 16" in body and "From" not in msg
