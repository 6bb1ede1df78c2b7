"""`anzen fill … --format pdf,xlsx,html,csv` and `anzen mail`: files written, never overwritten without
--force, bad input refused with exit 2 and nothing written."""

from __future__ import annotations

import json
import subprocess
import sys
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from openpyxl import load_workbook

from anzen.cli.main import main

from exports_testing import WAKAYAMA


@pytest.fixture()
def answers(tmp_path):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(WAKAYAMA, ensure_ascii=False), encoding="utf-8")
    return path


def fill(answers: Path, out: Path, *extra: str) -> int:
    return main(["fill", "wakayama-safety-report", "--answers", str(answers), "--format", "json,pdf,xlsx,html,csv", "--out", str(out), *extra])


def test_fill_writes_every_format(answers, tmp_path, capsys):
    out = tmp_path / "out"
    assert fill(answers, out) == 0
    files = sorted(p.suffix for p in out.iterdir())
    assert files == [".csv", ".html", ".json", ".pdf", ".xlsx"]
    assert all(p.name.startswith("wakayama-safety-report_株式会社_script_alert_x_script_サンプル_") for p in out.iterdir())
    assert all((p.stat().st_mode & 0o777) == 0o600 for p in out.iterdir())
    pdf = next(out.glob("*.pdf")).read_bytes()
    assert pdf.startswith(b"%PDF-") and b"%%EOF" in pdf[-32:]
    load_workbook(next(out.glob("*.xlsx")))
    assert not list(out.glob(".*.tmp"))  # atomic writes leave nothing behind


def test_no_format_for_reading_reorders_typed_text(tmp_path, capsys):
    # a right-to-left override (U+202E) shows "…fdp.exe" as "…exe.pdf"; the JSON report keeps the answer as given
    bidi = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    answers = tmp_path / "answers.json"
    typed = json.loads(json.dumps(WAKAYAMA))
    typed["address"] = "和歌山市\u202e七番丁\u202c23番地\u2067x\u2069"
    typed["subcontract"]["subcontractors"][0]["content"] = "申請書の\u202e入力\u202c作業"  # (an answer the CSV shows)
    answers.write_text(json.dumps(typed, ensure_ascii=False), encoding="utf-8")
    assert main(["fill", "wakayama-safety-report", "--answers", str(answers), "--format", "json,md,html,csv,xlsx", "--out", str(tmp_path / "out")]) == 0
    written = {p.suffix: p for p in (tmp_path / "out").iterdir()}
    for suffix, shown in ((".md", "和歌山市七番丁23番地x"), (".html", "和歌山市七番丁23番地x"), (".csv", "申請書の入力作業")):
        text = written[suffix].read_text(encoding="utf-8-sig")
        assert shown in text and not set(text) & set(bidi), suffix
    cells = "\n".join(str(c.value) for ws in load_workbook(written[".xlsx"]) for row in ws.iter_rows() for c in row if c.value is not None)
    assert "和歌山市七番丁23番地x" in cells and "申請書の入力作業" in cells and not set(cells) & set(bidi)
    assert json.loads(written[".json"].read_text(encoding="utf-8"))["answers"]["address"] == "和歌山市\u202e七番丁\u202c23番地\u2067x\u2069"
    typed["contract_name"] = "令和8年度\u202eコールセンター\u202c運営業務"  # in the mail's subject and body
    answers.write_text(json.dumps(typed, ensure_ascii=False), encoding="utf-8")
    assert main(["fill", "wakayama-safety-report", "--answers", str(answers), "--format", "json", "--out", str(tmp_path / "again")]) == 0
    [report] = (tmp_path / "again").iterdir()
    assert main(["mail", str(report), "--to", "soumu@city.example.jp", "--format", "md", "--out", str(tmp_path / "mail")]) == 0
    message = message_from_bytes(next((tmp_path / "mail").glob("*.eml")).read_bytes(), policy=policy.default)
    text = message["Subject"] + message.get_body(("plain",)).get_content()
    assert "令和8年度コールセンター運営業務" in message["Subject"] and not set(text) & set(bidi)


def test_fill_never_overwrites_without_force(answers, tmp_path, capsys):
    out = tmp_path / "out"
    assert fill(answers, out) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    next(out.glob("*.pdf")).write_bytes(b"mine")
    assert fill(answers, out) == 2
    assert "同じ名前のファイルがすでにあります（上書きするには --force）" in capsys.readouterr().err
    assert next(out.glob("*.pdf")).read_bytes() == b"mine"
    assert fill(answers, out, "--force") == 0
    assert {p.name for p in out.iterdir()} == set(before)
    assert next(out.glob("*.pdf")).read_bytes().startswith(b"%PDF-")


def test_fill_western_date_and_bad_font(answers, tmp_path, capsys):
    assert fill(answers, tmp_path / "a", "--western-date") == 0
    assert "2026年10月1日" in next((tmp_path / "a").glob("*.html")).read_text(encoding="utf-8")
    assert fill(answers, tmp_path / "b", "--pdf-font", str(tmp_path / "missing.ttf")) == 2
    assert "missing.ttf: そのフォントのファイルはありません（--pdf-font の指定）" in capsys.readouterr().err
    assert not (tmp_path / "b").exists() or not list((tmp_path / "b").iterdir())  # a failure in one format writes none


def test_fill_warns_when_no_japanese_font_is_found(answers, tmp_path, capsys, monkeypatch):
    from anzen.exports import pdf_fonts

    monkeypatch.delenv(pdf_fonts.ENV, raising=False)
    monkeypatch.setattr(pdf_fonts, "CANDIDATES", ())
    assert main(["fill", "wakayama-safety-report", "--answers", str(answers), "--format", "pdf", "--out", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert "警告: 日本語の TrueType フォントが見つかりません（ANZEN_PDF_FONT=" in err and "HeiseiKakuGo-W5" in err
    assert main(["fill", "wakayama-safety-report", "--answers", str(answers), "--format", "pdf", "--out", str(tmp_path), "--force", "--lang", "en"]) == 0
    assert "warning: no Japanese TrueType font found (set ANZEN_PDF_FONT=" in capsys.readouterr().err
    assert next(tmp_path.glob("*.pdf")).read_bytes().startswith(b"%PDF-")


def test_mail_builds_a_draft_from_a_json_report(answers, tmp_path, capsys):
    out = tmp_path / "out"
    assert fill(answers, out) == 0
    report = next(out.glob("*.json"))
    mail_dir = tmp_path / "mail"
    assert main(["mail", str(report), "--to", "kojin@city.wakayama.example.jp", "--from", "me@example.co.jp",
                 "--format", "pdf,csv", "--out", str(mail_dir)]) == 0
    printed = capsys.readouterr().out
    assert "送信はしていません" in printed
    assert main(["mail", str(report), "--to", "kojin@city.wakayama.example.jp", "--out", str(tmp_path / "en"), "--lang", "en", "--format", "csv"]) == 0
    assert "E-mail draft written (nothing was sent)" in capsys.readouterr().out  # the messages follow --lang, not the report
    [eml] = list(mail_dir.glob("*.eml"))
    assert eml.name == report.with_suffix(".eml").name
    msg = message_from_bytes(eml.read_bytes(), policy=policy.default)
    parts = {p.get_filename(): p.get_payload(decode=True) for p in msg.iter_attachments()}
    pdf = next(name for name in parts if name.endswith(".pdf"))
    assert pdf.startswith("安全管理措置等の履行状況報告書_")
    assert parts[pdf] == next(out.glob("*.pdf")).read_bytes()  # the same report, rebuilt from the JSON answers
    csv_name = next(name for name in parts if name.endswith(".csv"))
    assert parts[csv_name] == next(out.glob("*.csv")).read_bytes()
    assert "要対応事項: 16件" in msg.get_body(("plain",)).get_content()
    # again: refused without --force, the draft untouched
    eml.write_bytes(b"edited draft")
    assert main(["mail", str(report), "--to", "kojin@city.wakayama.example.jp", "--out", str(mail_dir)]) == 2
    assert eml.read_bytes() == b"edited draft"


@pytest.mark.parametrize("args, message", [
    (["--to", "a@example.jp\nBcc: spy@example.com"], "アドレスに改行は使えません"),
    (["--to", "a@example.jp\nBcc: spy@example.com", "--lang", "en"], "line breaks are not allowed"),
    (["--to", "not-an-address"], "メールアドレスではありません"),
    (["--to", "not-an-address", "--lang", "en"], "not an e-mail address"),
    (["--to", "a@example.jp", "--format", "pdf,docx"], "形式 docx はありません"),
])
def test_mail_refuses_bad_options(answers, tmp_path, capsys, args, message):
    out = tmp_path / "out"
    assert fill(answers, out) == 0
    assert main(["mail", str(next(out.glob("*.json"))), "--out", str(tmp_path / "mail"), *args]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "mail").exists()


@pytest.mark.parametrize("content, message", [
    (None, "その名前の報告書のファイルも、セッションもありません"),
    ('{"a": 1}', "not a JSON report written by anzen"),
    ("{oops", "not a JSON report"),
    ('{"format": "anzen-report", "flow": "wakayama-safety-report", "generated_at": "2026-10-01T09:00:00", "answers": {"nope": 1}}',
     "answer 'nope' is not a question"),
    ('{"format": "anzen-report", "flow": "../flows/x.yaml", "generated_at": "2026-10-01T09:00:00", "answers": {}}',
     "is not an installed flow id"),
])
def test_mail_refuses_what_is_not_a_report(tmp_path, capsys, content, message):
    path = tmp_path / "report.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert main(["mail", str(path), "--to", "a@example.jp", "--out", str(tmp_path / "mail")]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "mail").exists()


def test_heavy_libraries_load_only_for_their_format():
    code = (
        "import sys, anzen.cli.main, anzen.exports, anzen.exports.eml, anzen.exports.html, anzen.exports.csv_report, anzen.exports.common\n"
        "heavy = [m for m in ('reportlab', 'openpyxl', 'textual', 'questionary') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_exporters_never_import_the_front_ends():
    code = (
        "import sys, json\n"
        "from datetime import date, datetime, timezone\n"
        "from anzen.build import load_plan\n"
        "from anzen.engine import Interview\n"
        "from anzen.report import build_report\n"
        "from anzen.exports import render\n"
        "from anzen.exports.eml import Attachment, render_eml\n"
        "i = Interview(load_plan('wakayama-safety-report'), today=date(2026, 10, 1))\n"
        "r = build_report(i, generated_at=datetime(2026, 10, 1, tzinfo=timezone.utc))\n"
        "render_eml(r, [Attachment('a.' + f, render(r, f)) for f in ('pdf', 'xlsx', 'html', 'csv')], to='a@example.jp')\n"
        "print(','.join(m for m in ('textual', 'questionary', 'rich') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
