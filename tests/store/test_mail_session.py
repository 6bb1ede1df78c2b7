"""`anzen mail SESSION`: an e-mail draft straight from a saved session."""

import email
import email.policy
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def anzen(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "ANZEN_DB": str(cwd / "s.db")}
    return subprocess.run([sys.executable, "-m", "anzen", *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=120)


def test_mail_from_a_session_and_unknown_references(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"contractor": "株式会社テスト", "handling_rules": "no"}, ensure_ascii=False), encoding="utf-8")
    assert anzen("fill", "wakayama-safety-report", "--answers", "a.json", "--format", "json", "--out", ".", "--name", "r", cwd=tmp_path).returncode == 0
    assert anzen("sessions", "import", "r.json", "--staff", "田中", cwd=tmp_path).returncode == 0
    session = json.loads(anzen("sessions", "list", "--json", cwd=tmp_path).stdout)[0]["id"]
    result = anzen("mail", session[:8], "--to", "kojin@city.example.jp", "--format", "csv", "--out", "mail", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (draft,) = (tmp_path / "mail").glob("*.eml")
    message = email.message_from_bytes(draft.read_bytes(), policy=email.policy.default)
    assert "株式会社テスト" in message.get_body(("plain",)).get_content()
    (attachment,) = list(message.iter_attachments())
    content = attachment.get_content()
    assert attachment.get_filename().endswith(".csv") and "1-1" in (content if isinstance(content, str) else content.decode("utf-8-sig"))
    missing = anzen("mail", "zzzz", "--to", "kojin@city.example.jp", cwd=tmp_path)
    assert missing.returncode == 2 and "セッションもありません" in missing.stderr and "Traceback" not in missing.stderr


def test_an_exported_session_shows_the_history_of_changed_answers(tmp_path):
    from anzen.store import open_store

    with open_store(tmp_path / "s.db") as store:
        with store.start("wakayama-safety-report", respondent="株式会社テスト") as live:
            live.answer("municipality", "和歌山市")
            live.answer("municipality", "海南市")
    result = anzen("sessions", "export", json.loads(anzen("sessions", "list", "--json", cwd=tmp_path).stdout)[0]["id"], "--format", "json,md", "--out", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(next((tmp_path / "out").glob("*.json")).read_text(encoding="utf-8"))
    assert [(e["kind"], e["old"], e["new"]) for e in report["history"]["municipality"]] == [("answer", None, "和歌山市"), ("answer", "和歌山市", "海南市")]
    md = next((tmp_path / "out").glob("*.md")).read_text(encoding="utf-8")
    assert "回答の変更履歴" in md and "和歌山市 → 海南市" in md
