"""`anzen sessions …` and `anzen resume` on the command line."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from store_pty import Terminal

from anzen.cli.main import main
from anzen.store import open_store

ANSWERS = {"company": "株式会社[bold]輸入[/bold]", "staff_count": 5, "started": "2026-04-01", "copied": "yes", "copy_medium": "paper", "erased": "yes", "remarks": "なし"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return status, out, err


def make_report(tmp_path: Path, flow_file: Path, capsys: pytest.CaptureFixture[str], answers: dict | None = None) -> Path:
    answers_file = tmp_path / "answers.json"
    answers_file.write_text(json.dumps(answers or ANSWERS, ensure_ascii=False), encoding="utf-8")
    status, _, _ = run(capsys, "fill", str(flow_file), "--answers", str(answers_file), "--format", "json", "--out", str(tmp_path / "sent"), "--name", "self")
    assert status == 0
    return tmp_path / "sent" / "self.json"


def test_import_a_report_for_staff_review(tmp_path: Path, flow_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = make_report(tmp_path, flow_file, capsys)
    data = json.loads(report.read_text(encoding="utf-8"))
    data["answers"]["copy_medium"] = "fax"  # not a choice
    data["answers"]["old_question"] = "x"  # not in the flow
    data["notes"] = {"erased": "証明書は来週提出"}
    data["respondent"] = "株式会社輸入"  # (the mini flow has no checklist header to name the contractor)
    report.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    status, out, _ = run(capsys, "sessions", "import", str(report), "--staff", "和歌山 花子", "--flow", str(flow_file), "--json")
    assert status == 0
    result = json.loads(out)
    session = result["session"]
    assert (session["mode"], session["staff"], session["phase"], session["respondent"]) == ("staff", "和歌山 花子", "review", "株式会社輸入")
    assert {m["question_id"]: m["reason"] for m in result["misfits"]} == {"copy_medium": "invalid", "old_question": "unknown_question"}

    status, out, _ = run(capsys, "sessions", "show", session["id"], "--json")
    shown = json.loads(out)
    stored = {a["question"]: (a["value"], a["misfit"]) for a in shown["answers"]}
    assert stored["copy_medium"][0] == "fax" and stored["copy_medium"][1].startswith("invalid")
    assert stored["old_question"] == ("x", "unknown_question: the flow no longer has this question")
    assert shown["notes"] == {"erased": "証明書は来週提出"}
    imported = [e for e in shown["history"] if e["kind"] == "imported"]
    assert {e["question_id"] for e in imported} == set(data["answers"])
    assert {(e["actor"], e["actor_name"]) for e in imported} == {("respondent", "株式会社輸入")}


def test_import_refuses_what_is_not_a_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for content, expected in ((b"{not json", "not valid JSON"), (b'{"answers": {}}', "not an anzen JSON report"), (b"\xff\xfe", "not UTF-8")):
        bad = tmp_path / "bad.json"
        bad.write_bytes(content)
        status, _, err = run(capsys, "sessions", "import", str(bad), "--staff", "x", "--lang", "en")
        assert status == 2 and expected in err and str(bad) in err
    status, _, err = run(capsys, "sessions", "import", str(bad), "--staff", "x")
    assert status == 2 and err.startswith(f"anzen: {bad}: UTF-8 ")  # in Japanese unless --lang en
    assert open_store().sessions() == []


def test_staff_review_goes_through_every_answer_in_the_terminal(tmp_path: Path, flow_file: Path, private_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = make_report(tmp_path, flow_file, capsys)
    assert run(capsys, "sessions", "import", str(report), "--staff", "確認 次郎", "--flow", str(flow_file))[0] == 0
    session_id = open_store().sessions()[0].id
    term = Terminal(["resume", session_id, "--format", "json", "--out", str(tmp_path / "out")], {"ANZEN_DB": str(private_db)}, tmp_path)
    pos = term.expect("職員による確認")
    for n in range(1, 8):  # every question, with the contractor's answer preselected
        pos = term.expect(rf"\[{n}/7\]", pos)
        term.type("\r" if n != 2 else "\x15" + "6\r")  # the staff member corrects the number of staff
    assert term.wait() == 0, term.text
    with open_store() as store:
        info = store.get(session_id)
        assert info.finished
        staff_events = [(e.kind, e.question_id) for e in store.history(session_id) if e.actor == "staff" and e.question_id]
        assert sorted(staff_events) == sorted([("confirm", q) for q in ANSWERS if q != "staff_count"] + [("answer", "staff_count")])
        assert {a.question_id: a.value for a in store.answers(session_id)}["staff_count"] == 6


def test_list_show_and_export(tmp_path: Path, flow_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with open_store() as store:
        live = store.start(str(flow_file), respondent="[red]株式会社表示[/red]")
        for q, v in ANSWERS.items():
            live.answer(q, v)
        live.finish()
        live.close()
    status, out, _ = run(capsys, "sessions", "list", "--json")
    [row] = json.loads(out)
    assert (row["id"], row["status"], row["answered"], row["remaining"]) == (live.id, "finished", 7, 0)
    status, out, _ = run(capsys, "sessions", "list")
    assert live.id in out and "完了" in out
    status, out, _ = run(capsys, "sessions", "show", live.id[:4])
    assert ANSWERS["company"] in out  # markup in answers is printed as it is, never interpreted
    assert "staff_count = 5" in out and "開始" in out and any(line.split() == ["状態", "完了"] for line in out.splitlines())
    history = out[out.index("変更の記録"):]
    assert "回答者" in history and " 完了  [7 answered, 0 unanswered]" in history  # the details as recorded
    status, out, _ = run(capsys, "sessions", "show", live.id[:4], "--lang", "en")
    assert "staff_count = 5" in out and "created" in out and any(line.split() == ["status", "finished"] for line in out.splitlines())

    status, out, _ = run(capsys, "sessions", "export", live.id, "--format", "json,md", "--out", str(tmp_path / "x"))
    assert status == 0
    written = [Path(line) for line in out.split()]
    assert {p.suffix for p in written} == {".json", ".md"}
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in written)
    exported = json.loads(next(p for p in written if p.suffix == ".json").read_text(encoding="utf-8"))
    assert (exported["session"], exported["flow_version"], exported["answers"]) == (live.id, "1.0.0", ANSWERS)
    status, _, err = run(capsys, "sessions", "export", live.id, "--format", "json", "--out", str(tmp_path / "x"))
    assert status == 2 and "同じ名前のファイルがすでにあります" in err  # never overwritten without --force


def test_resume_messages(tmp_path: Path, flow_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "resume")
    assert status == 1 and "再開できる" in out
    with open_store() as store:
        first = store.create(str(flow_file), respondent="株式会社一")
        store.create(str(flow_file), respondent="株式会社二")
    status, _, err = run(capsys, "resume")  # several, and no terminal to choose in
    assert status == 2 and "株式会社一" in err and "株式会社二" in err and "anzen resume セッション" in err
    status, _, err = run(capsys, "resume", "--lang", "en")
    assert status == 2 and "株式会社一" in err and "several unfinished sessions; name one: anzen resume SESSION" in err
    status, _, err = run(capsys, "resume", "nosuch")
    assert status == 2 and "セッション 'nosuch' はありません" in err
    with open_store() as store:
        live = store.open(first.id)
        for q, v in ANSWERS.items():
            live.answer(q, v)
        live.finish()
        live.close()
    status, out, _ = run(capsys, "resume", first.id)
    assert status == 1 and f"anzen sessions export {first.id}" in out


def test_a_damaged_database_stops_the_interview_with_a_message(tmp_path: Path, flow_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.db"
    bad.write_text("not a database", encoding="utf-8")
    status, _, err = run(capsys, "--db", str(bad), "interview", str(flow_file))
    assert status == 2 and "SQLite のデータベースではありません" in err and "--db" in err and "not an SQLite" not in err
    status, _, err = run(capsys, "--db", str(bad), "--lang", "en", "interview", str(flow_file))
    assert status == 2 and "not an SQLite database" in err and "--db" in err
    assert bad.read_text(encoding="utf-8") == "not a database"


def test_a_damaged_database_ends_the_first_question_in_a_terminal(tmp_path: Path, flow_file: Path) -> None:
    """In a terminal the first question is shown before the database is opened: its error still ends the
    interview at once, with the message and status 2, and the file is left as it was."""
    bad = tmp_path / "bad.db"
    bad.write_text("not a database", encoding="utf-8")
    term = Terminal(["--db", str(bad), "interview", str(flow_file)], {}, tmp_path)
    term.expect("SQLite のデータベースではありません")
    assert term.wait() == 2
    assert "Traceback" not in term.text and "事業者名を入力してください" in term.text  # (the first question was on the screen)
    assert bad.read_text(encoding="utf-8") == "not a database"


GROUP_FLOW = """\
id: groupy
version: "1.0.0"
title: {ja: 再委託先の確認, en: Subcontractors}
sections:
  - id: s
    title: {ja: 再委託, en: Subcontracting}
    questions:
      - id: subs
        kind: group
        prompt: {ja: 再委託先を入力してください。, en: Enter the subcontractors.}
        item_label: {ja: 再委託先, en: subcontractor}
        questions:
          - id: name
            kind: text
            prompt: {ja: 名称, en: Name}
      - id: checked
        kind: yes_no
        prompt: {ja: 確認しましたか？, en: "Checked?"}
"""


def test_review_keeps_the_blocks_of_a_group_when_confirmed(tmp_path: Path, private_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    flow = tmp_path / "groupy.yaml"
    flow.write_text(GROUP_FLOW, encoding="utf-8")
    blocks = [{"name": "株式会社甲"}, {"name": "株式会社乙"}]
    report = make_report(tmp_path, flow, capsys, {"subs": blocks, "checked": "yes"})
    assert run(capsys, "sessions", "import", str(report), "--staff", "確認 三郎", "--flow", str(flow))[0] == 0
    session_id = open_store().sessions()[0].id
    term = Terminal(["resume", session_id, "--format", "json", "--out", str(tmp_path / "out")], {"ANZEN_DB": str(private_db)}, tmp_path)
    pos = term.expect("再委託先（2件）をそのまま確定しますか")
    term.type("\r")
    term.expect(r"\[2/2\]", pos)
    term.type("\r")
    assert term.wait() == 0, term.text
    with open_store() as store:
        assert {a.question_id: a.value for a in store.answers(session_id)}["subs"] == blocks
        assert [e.kind for e in store.history(session_id, "subs") if e.actor == "staff"] == ["confirm"]


def test_the_list_printed_to_another_program_holds_whole_values_a_line_each(flow_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    long_name = "株式会社" + "とても長い名前の事業者" * 8
    with open_store() as store:
        first = store.create(str(flow_file), respondent=long_name)
        second = store.create(str(flow_file), respondent="株式会社\t偽の列\n偽の行\r\x1b[31m")
    status, out, _ = run(capsys, "sessions", "list")
    lines = out.splitlines()
    assert status == 0 and len(lines) == 3  # a header and a line per session, however wide the terminal would be
    rows = {line.split("\t")[0]: line.split("\t") for line in lines[1:]}
    assert lines[0].split("\t")[:3] == ["id", "事業者", "フロー"]
    assert rows[first.id][1:5] == [long_name, "mini", "回答中", "0/6"]
    assert rows[second.id][1] == "株式会社 偽の列 偽の行  [31m" and len(rows[second.id]) == 7  # the name's tab and breaks made spaces


def test_the_list_in_a_narrow_terminal_folds_long_values_and_cuts_none(flow_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import re
    import sys

    with open_store() as store:
        info = store.create(str(flow_file), respondent="株式会社" + "長い名前" * 10)
    monkeypatch.setenv("COLUMNS", "60")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    status, out, _ = run(capsys, "sessions", "list")
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert status == 0 and "┃" in plain and info.id in plain  # the table, with the id whole
    assert "…" not in plain and plain.count("長") == 10 and all(len(line) <= 60 for line in plain.splitlines())


def test_a_busy_session_is_a_clear_message_not_a_crash(flow_file: Path, private_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from test_concurrency import child, ready, release

    with open_store() as store:
        info = store.create(str(flow_file), respondent="株式会社使用中")
    other = child("hold-session", str(private_db), info.id)
    ready(other)
    try:
        status, _, err = run(capsys, "resume", info.id)
        assert status == 1 and f"プロセス {other.pid}" in err
        status, out, _ = run(capsys, "sessions", "list")
        assert f"pid {other.pid}" in out
        status, _, err = run(capsys, "sessions", "delete", info.id, "--yes")
        assert status == 1 and "別の anzen で開かれています" in err
    finally:
        release(other)
    assert run(capsys, "sessions", "delete", info.id, "--yes")[0] == 0


def test_every_event_the_store_records_has_a_japanese_label() -> None:
    import re

    from anzen.cli.sessions import EVENTS_JA

    store = Path(__file__).resolve().parents[2] / "src" / "anzen" / "store"
    source = "\n".join(p.read_text(encoding="utf-8") for p in store.glob("*.py"))
    kinds: set[str] = set()
    for call in re.finditer(r"\._event\(", source):  # each call whole, to its closing parenthesis
        depth, end = 1, call.end()
        while depth:
            depth += {"(": 1, ")": -1}.get(source[end], 0)
            end += 1
        kinds |= set(re.findall(r'(?<!\[)"(\w+)"', source[call.end():end])) - {"system", "respondent", "staff"}  # (not row["value"])
    kinds |= set(re.findall(r'_set_status\("\w+", "(\w+)"', source))
    assert {"answer", "created", "finished", "imported"} <= kinds  # (the pattern finds them)
    assert kinds <= set(EVENTS_JA), kinds - set(EVENTS_JA)
