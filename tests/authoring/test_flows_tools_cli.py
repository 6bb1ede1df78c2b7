"""`anzen flows check | graph | try` on the command line: output, JSON, exit codes, and no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from anzen.cli.main import main

CORPUS = Path(__file__).resolve().parents[1] / "data" / "bad_flows"

# A small flow filling a shipped checklist (the pledge: items 1-1, 1-2, 2-1, 2-2), written as a new user would.
PLEDGE_FLOW = """\
# yaml-language-server: $schema=schema.json
id: tiny-pledge
version: "1"
title: {ja: 誓約の確認, en: Pledge check}
checklist: wakayama-pledge
sections:
  - id: s
    title: {ja: 確認, en: Check}
    questions:
      - id: keeps
        kind: yes_no
        prompt: {ja: 秘密を守りますか？, en: "Will you keep the secrets?"}
      - id: accepts
        kind: yes_no
        prompt: {ja: 措置に同意しますか？, en: "Do you accept the measures?"}
      - id: seal
        kind: choice
        prompt: {ja: 実印は？, en: "The registered seal?"}
        choices:
          - {value: affixed, label: {ja: 押印した, en: Affixed}}
          - {value: later, label: {ja: 後で押印する, en: Later}}
          - {value: none, label: {ja: 押印しない, en: Not at all}}
      - id: told
        kind: yes_no
        when: {question: keeps, equals: "yes"}
        prompt: {ja: 従業員に周知しましたか？, en: "Were the employees told?"}
outcomes:
  "1-1":
    - {when: {question: keeps, equals: "yes"}, status: confirmed}
    - {when: {question: keeps, equals: "no"}, status: follow_up, reason: {ja: 誓約できない, en: Cannot pledge}, action: {ja: 協議する, en: Consult}}
  "1-2":
    - {when: {question: accepts, equals: "yes"}, status: confirmed}
    - {status: follow_up, reason: {ja: 同意しない, en: Does not accept}, action: {ja: 協議する, en: Consult}}
  "2-1":
    - {when: {question: seal, equals: affixed}, status: confirmed}
    - {when: {question: seal, equals: none}, status: follow_up, reason: {ja: 押印なし, en: No seal}, action: {ja: 押印する, en: Affix it}}
  "2-2":
    - {when: {question: told, equals: "yes"}, status: confirmed}
    - {status: follow_up, reason: {ja: 未周知, en: Not told}, action: {ja: 周知する, en: Tell them}}
"""


@pytest.fixture
def flows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with the pledge flow (good.yaml: its seal choice 'later' is handled), and broken copies."""
    monkeypatch.chdir(tmp_path)
    good = PLEDGE_FLOW.replace('{when: {question: seal, equals: none}', '{when: {question: seal, in: [none, later]}')
    (tmp_path / "good.yaml").write_text(good, encoding="utf-8")
    (tmp_path / "later-unhandled.yaml").write_text(PLEDGE_FLOW, encoding="utf-8")
    (tmp_path / "typo.yaml").write_text(good.replace("{question: keeps, equals: \"yes\"}\n        prompt", "{question: keps, equals: \"yes\"}\n        prompt"), encoding="utf-8")
    (tmp_path / "no-schema-line.yaml").write_text(good.split("\n", 1)[1], encoding="utf-8")
    (tmp_path / "unknown-item.yaml").write_text(good.replace('"2-2":', '"2-3":'), encoding="utf-8")
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_of_the_shipped_flows_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "flows", "check")
    assert (code, err) == (0, "")
    assert out == "8 件のフローを検査しました: 問題なし\n"


def test_check_prints_file_line_id_message_and_suggestion(capsys: pytest.CaptureFixture[str], flows: Path) -> None:
    code, out, err = run(capsys, "flows", "check", "typo.yaml", "no-schema-line.yaml", "--lang", "en")
    assert code == 1
    assert err.splitlines() == [
        "error: typo.yaml:25: question 'told': condition refers to 'keps' which is not a question of this flow. Did you mean 'keeps'?",
        "warning: no-schema-line.yaml:1: the first line is not the yaml-language-server schema line. Start the file with "
        "'# yaml-language-server: $schema=schema.json' (the path of flows/schema.json from this file) so editors check it as you type.",
    ]
    assert out == "2 flow(s) checked: 1 problem(s), 1 warning(s)\n"
    # in Japanese (the default) the labels and the summary; a flow's problems are said in its YAML's words
    code, out, err = run(capsys, "flows", "check", "typo.yaml", "no-schema-line.yaml")
    assert [line.split(" ")[0] for line in err.splitlines()] == ["エラー:", "警告:"] and "condition refers to 'keps'" in err
    assert out == "2 件のフローを検査しました: 問題 1 件、警告 1 件\n"


def test_check_lists_a_files_problems_from_its_top_down(capsys: pytest.CaptureFixture[str], flows: Path) -> None:
    # found stage by stage (texts, then the build): printed in the order of the file's lines
    broken = (flows / "good.yaml").read_text(encoding="utf-8").replace("{question: keeps, equals: \"yes\"}\n        prompt", "{question: keps, equals: \"yes\"}\n        prompt")
    broken = broken.replace("reason: {ja: 未周知, en: Not told}", "reason: {ja: 未周知}")  # (the last outcome)
    (flows / "several.yaml").write_text(broken, encoding="utf-8")
    code, _, err = run(capsys, "flows", "check", "several.yaml")
    lines = [int(line.split(":")[2]) for line in err.splitlines()]
    assert code == 1 and len(lines) == 2 and lines == sorted(lines), err


def test_warnings_alone_do_not_fail_the_check(capsys: pytest.CaptureFixture[str], flows: Path) -> None:
    assert run(capsys, "flows", "check", "good.yaml") == (0, "1 件のフローを検査しました: 問題なし\n", "")
    code, _, err = run(capsys, "flows", "check", "no-schema-line.yaml")
    assert code == 0 and err.startswith("警告: ")


def test_check_json_is_for_editors_and_ci(capsys: pytest.CaptureFixture[str], flows: Path) -> None:
    code, out, _ = run(capsys, "flows", "check", "--json", "later-unhandled.yaml")
    assert code == 1
    data = json.loads(out)
    assert data["checked"] == ["later-unhandled.yaml"]
    assert data["problems"] == [{
        "code": "path-incomplete", "severity": "error", "file": "later-unhandled.yaml", "line": 34,
        "subject": "item '2-1'", "message": "no rule matches on the path seal=later: the item would stay unanswered",
        "hint": "Add a rule for these answers, or end the rules with one without `when` (otherwise).",
    }]


def test_check_of_a_missing_file_names_it(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "flows", "check", str(tmp_path / "nothing.yaml"))
    assert code == 1
    assert "nothing.yaml" in err and "cannot read" in err


def test_graph_mermaid_shows_questions_branches_and_items(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "flows", "graph", "wakayama-safety-report")
    assert code == 0
    assert out.startswith("flowchart TD\n")
    assert '{"copied_any equals #quot;yes#quot;' not in out  # conditions keep their own quoting, escaped once
    assert "copied_any equals 'yes'" in out  # the branch into copy_on_instruction
    assert "include subcontract?" in out and "include training_report?" in out and "include pledge?" in out
    assert "6-3: " in out and "copy_consent equals 'no' ⇒ ▲ follow_up" in out
    assert " -.-> " in out  # questions → the items they set
    assert "\n  flow_end" in out or "flow_end((" in out


def test_graph_dot_is_a_digraph(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "flows", "graph", "minato-tokki-selfcheck", "--format", "dot")
    assert code == 0
    assert out.startswith('digraph "minato-tokki-selfcheck" {') and out.rstrip().endswith("}")
    assert "shape=diamond" in out and 'label="mynumber in [\'yes\', \'unsure\']"' in out
    assert out.count("{") == out.count("}")


def test_graph_of_a_flow_file_in_english(capsys: pytest.CaptureFixture[str], flows: Path) -> None:
    code, out, _ = run(capsys, "flows", "graph", "good.yaml", "--lang", "en")
    assert code == 0
    assert "Were the employees told?" in out and "keeps equals 'yes'" in out


def test_try_prints_every_distinct_path_with_statuses(capsys: pytest.CaptureFixture[str], flows: Path) -> None:
    code, out, _ = run(capsys, "flows", "try", "good.yaml")
    assert code == 0
    assert "| # | keeps | told | 1-1 | 2-2 |" in out
    assert "| 1 | yes | yes | ☑ confirmed | ☑ confirmed |" in out
    assert "| 3 | no | – | ▲ follow_up | ▲ follow_up |" in out  # told is not asked
    assert "| 2 | later | ▲ follow_up |" in out


def test_try_json(capsys: pytest.CaptureFixture[str], flows: Path) -> None:
    code, out, _ = run(capsys, "flows", "try", "--json", "good.yaml")
    assert code == 0
    data = json.loads(out)
    assert data["flow"] == "tiny-pledge"
    part = next(p for p in data["parts"] if p["items"] == ["1-1", "2-2"])
    assert part["paths"][0] == {"answers": {"keeps": "yes", "told": "yes"}, "statuses": {"1-1": "confirmed", "2-2": "confirmed"}}
    assert len(part["paths"]) == 4


def test_graph_and_try_refuse_a_bad_flow_with_its_problems(capsys: pytest.CaptureFixture[str], flows: Path) -> None:
    for command in ("graph", "try"):
        code, out, err = run(capsys, "flows", command, "unknown-item.yaml")
        assert code == 2 and out == ""
        assert "unknown-item.yaml:37: outcome '2-3': checklist 'wakayama-pledge' has no item '2-3'. Did you mean '2-2'?" in err


def test_a_bad_flow_never_gives_a_traceback_in_a_real_process() -> None:
    for name in ("alias-bomb.yaml", "not-utf8.yaml", "python-tag.yaml", "empty.yaml"):
        done = subprocess.run([sys.executable, "-m", "anzen", "flows", "check", name], cwd=CORPUS, capture_output=True, text=True, timeout=60)
        assert done.returncode == 1, name
        assert "Traceback" not in done.stderr and done.stderr.startswith("エラー: "), name
