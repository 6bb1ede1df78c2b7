"""`anzen fill` end to end in a subprocess: good answers, bad answers files, the JSON round trip."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.test_wakayama_paths import BASE

ROOT = Path(__file__).resolve().parents[2]


def anzen(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "anzen", *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=60)


def write(path: Path, text: str, encoding="utf-8") -> Path:
    path.write_text(text, encoding=encoding)
    return path


def test_empty_answers_give_the_twenty_items_unanswered(tmp_path):
    answers = write(tmp_path / "a.yaml", "{}\n")
    result = anzen("fill", "wakayama-safety-report", "--answers", str(answers), "--format", "json", "--out", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("警告: 未回答の質問 22 件（その確認事項は「未回答」）: municipality, ")
    (report_file,) = (tmp_path / "out").glob("*.json")
    report = json.loads(report_file.read_text(encoding="utf-8"))
    (checklist,) = report["checklists"]
    assert [i["id"] for i in checklist["items"]] == ["1-1", "2-1", "3-1", "3-2", "4-1", "5-1", "6-1", "6-2", "6-3", "7-1", "7-2", "7-3", "8-1", "8-2", "9-1", "9-2", "9-3", "9-4", "10-1", "10-2"]
    assert {i["status"] for i in checklist["items"]} == {"unanswered"}
    assert checklist["items"][6]["text"]["ja"] == "契約に係る情報を用紙又は記録媒体等に、複写又は複製していない。"
    assert checklist["summary"] == {"confirmed": 0, "follow_up": 0, "not_applicable": 0, "unanswered": 20}
    assert oct(report_file.stat().st_mode & 0o777) == "0o600"


def test_strict_exits_1_but_still_writes(tmp_path):
    answers = write(tmp_path / "a.yaml", "copied_any: 'no'\n")
    result = anzen("fill", "wakayama-safety-report", "--answers", str(answers), "--strict", "--out", "out", cwd=tmp_path)
    assert result.returncode == 1
    assert len(list((tmp_path / "out").iterdir())) == 2


def test_full_answers_and_round_trip(tmp_path):
    answers = {**BASE, "copied_any": "yes", "copy_on_instruction": "no", "copy_consent": "no", "copies_erased": "erased_unreported", "laws_complied": "unsure"}
    first = write(tmp_path / "answers.json", json.dumps(answers, ensure_ascii=False))
    result = anzen("fill", "wakayama-safety-report", "--answers", str(first), "--out", "one", "--name", "r", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "▲ 要対応" in result.stdout and "6-3" in result.stdout
    report = json.loads((tmp_path / "one" / "r.json").read_text(encoding="utf-8"))
    statuses = {i["id"]: i["status"] for i in report["checklists"][0]["items"]}
    assert statuses["6-3"] == "follow_up" and statuses["2-1"] == "follow_up" and statuses["9-4"] == "follow_up"
    md = (tmp_path / "one" / "r.md").read_text(encoding="utf-8")
    assert "**▲ 要対応**" in md and "株式会社テスト" in md
    # the JSON report is itself an answers file
    again = anzen("fill", "wakayama-safety-report", "--answers", str(tmp_path / "one" / "r.json"), "--out", "two", "--name", "r", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    second = json.loads((tmp_path / "two" / "r.json").read_text(encoding="utf-8"))
    assert second["answers"] == report["answers"] == answers
    assert second["checklists"] == report["checklists"]


BAD = {
    "unknown id": ("copied: 'yes'\n", ["エラー: a.yaml:1: 回答 'copied': フロー 'wakayama-safety-report' に質問 'copied' はありません。'copied_any' のことですか？",
                                       "anzen: 報告書は作成していません: a.yaml に問題 1 件"]),
    "on its own line": ("copied_any: 'yes'\n\ncopied: 'yes'\n", ["a.yaml:3: 回答 'copied'"]),
    "a key that is no text": ("copied_any: 'yes'\n3: 'yes'\n", ["a.yaml:2: question ids must be text"]),
    "value outside the choices": ("training_scope: everyone\n", ["a.yaml:1: 質問 'training_scope'", "all, some, none, unsure"]),
    "wrong type": ("contractor: [1, 2]\n", ["a.yaml:1: 質問 'contractor'", "文字で答えてください"]),
    "bad date": ("report_date: someday\n", ["a.yaml:1: 質問 'report_date'"]),
    "malformed": ("copied_any: [\n", ["a.yaml:2: YAML syntax"]),
    "not a mapping": ("- a\n- b\n", ["a.yaml:1: an answers file is a mapping"]),
    "alias bomb": ("a: &a [1,2]\nb: *a\n", ["a.yaml:2: anchors and aliases"]),
}


@pytest.mark.parametrize("name", BAD)
def test_bad_answers_exit_2_and_write_nothing(tmp_path, name):
    text, expected = BAD[name]
    write(tmp_path / "a.yaml", text)
    (tmp_path / "out").mkdir()
    existing = write(tmp_path / "out" / "r.json", "keep me")
    result = anzen("fill", "wakayama-safety-report", "--answers", "a.yaml", "--out", "out", "--name", "r", "--force", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    for fragment in expected:
        assert fragment in result.stderr, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["r.json"]
    assert existing.read_text() == "keep me"


def test_other_bad_inputs(tmp_path):
    for args, fragment in [
        (("fill", "wakayama-safety-report", "--answers", "missing.yaml"), "missing.yaml: cannot read"),
        (("fill", "wakayama-safety-report", "--answers", "."), "is a folder"),
        (("fill", "no-such-flow", "--answers", "x.yaml"), "anzen: インストール済みのフローに 'no-such-flow' はなく、その名前のファイルもありません。フローの一覧: anzen flows list\n"),
        (("fill", "wakayama-safty-report", "--answers", "x.yaml"), "'wakayama-safety-report' のことですか？"),
        (("fill", "wakayama-safety-report", "--answers", "x.yaml", "--format", "json,doc"), "anzen: 形式 doc はありません。使える形式: json, md, pdf, xlsx, html, csv"),
    ]:
        result = anzen(*args, cwd=tmp_path)
        assert result.returncode == 2 and fragment in result.stderr and "Traceback" not in result.stderr, (args, result.stderr)
    write(tmp_path / "binary.yaml", "")
    (tmp_path / "binary.yaml").write_bytes(b"copied_any: \xff\n")
    result = anzen("fill", "wakayama-safety-report", "--answers", "binary.yaml", cwd=tmp_path)
    assert result.returncode == 2 and "binary.yaml:1: not UTF-8" in result.stderr


def test_existing_report_is_not_overwritten(tmp_path):
    write(tmp_path / "a.yaml", "{}\n")
    first = anzen("fill", "wakayama-safety-report", "--answers", "a.yaml", "--out", "out", "--name", "r", cwd=tmp_path)
    assert first.returncode == 0
    second = anzen("fill", "wakayama-safety-report", "--answers", "a.yaml", "--out", "out", "--name", "r", cwd=tmp_path)
    assert second.returncode == 2 and "out/r.json: 同じ名前のファイルがすでにあります（上書きするには --force）" in second.stderr


def test_hostile_text_is_not_markup(tmp_path):
    hostile = "[bold red]x[/] <script>alert(1)</script> =cmd|' /C calc'!A0 ../../etc/passwd"
    write(tmp_path / "a.json", json.dumps({**BASE, "contractor": hostile, "municipality": "[red]海南市[/red]", "roster_submitted": "no", "roster_changed": None}))
    result = anzen("fill", "wakayama-safety-report", "--answers", "a.json", "--out", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (md,) = (tmp_path / "out").glob("*.md")
    assert ".." not in md.name and "/" not in md.name[len(str(tmp_path)):]
    text = md.read_text(encoding="utf-8")
    assert "<script>" not in text and "\\<script\\>" in text
    assert "\\[bold red\\]x\\[/\\]" in text
    assert json.loads(next((tmp_path / "out").glob("*.json")).read_text())["respondent"] == hostile
    assert "[red]海南市[/red]に届け出てください" in result.stdout  # printed as written, not as rich markup


def test_flows_check_and_list(tmp_path):
    ok = anzen("flows", "check", cwd=tmp_path)
    assert ok.returncode == 0 and ok.stdout.endswith("件のフローを検査しました: 問題なし\n")
    bad = write(tmp_path / "bad.yaml", "id: x\nversion: '1'\ntitle: X\nsections: []\n")
    result = anzen("flows", "check", str(bad), "--json", cwd=tmp_path)
    assert result.returncode == 1
    problems = json.loads(result.stdout)["problems"]
    assert problems[0]["file"].endswith("bad.yaml") and problems[0]["line"] == 4
    listing = json.loads(anzen("flows", "list", "--json", cwd=tmp_path).stdout)
    assert {row["id"]: row["questions"] for row in listing}["wakayama-safety-report"] > 20
    table = [line.split("\t") for line in anzen("flows", "list", cwd=tmp_path).stdout.splitlines()]  # to a pipe: whole values
    assert table[0] == ["id", "version", "タイトル", "質問数"] and all(len(row) == 4 for row in table)
    titles = {row[0]: row[2] for row in table[1:]}
    assert titles["wakayama-safety-report"] == "安全管理措置等の履行状況報告書（和歌山市）" and len(titles) == len(listing)


def test_lang_en_says_everything_in_english(tmp_path):
    """--lang en: the command's own messages, the labels of problems and the answers' problems in English."""
    write(tmp_path / "a.yaml", "copied: 'yes'\nreport_date: someday\n")
    result = anzen("fill", "wakayama-safety-report", "--answers", "a.yaml", "--lang", "en", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "error: a.yaml:1: answer 'copied': 'copied' is not a question of flow 'wakayama-safety-report'. Did you mean 'copied_any'?",
        "error: a.yaml:2: question 'report_date': Answer with a date such as 2026-04-01 (got 'someday').",
        "anzen: no report written: 2 problem(s) in a.yaml",
    ]
    for args, said in [
        (("fill", "wakayama-safty-report", "--answers", "x.yaml"), "anzen: no installed flow 'wakayama-safty-report' and no such file. Did you mean 'wakayama-safety-report'? The flows: anzen flows list\n"),
        (("fill", "wakayama-safety-report", "--answers", "x.yaml", "--format", "doc"), "anzen: unknown format doc; available: json, md, pdf, xlsx, html, csv\n"),
        (("flows", "check", "wakayama-pledge"), "1 flow(s) checked: no problems\n"),
    ]:
        result = anzen(*args, "--lang", "en", cwd=tmp_path)
        assert said in result.stdout + result.stderr, (args, result.stderr)
    write(tmp_path / "empty.yaml", "{}\n")
    result = anzen("fill", "wakayama-pledge", "--answers", "empty.yaml", "--lang", "en", "--out", "out", cwd=tmp_path)
    assert result.returncode == 0 and result.stderr.startswith("warning: 11 question(s) not answered; their items are 'unanswered': ")
