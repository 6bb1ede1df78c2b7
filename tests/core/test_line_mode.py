"""Line mode through prompt_toolkit's pipe input: same answers, same results as `fill`."""

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from anzen.cli.interview import LineInterview
from anzen.result import results
from anzen_testing import interview
from core.test_wakayama_paths import BASE

ROOT = Path(__file__).resolve().parents[2]
YES, NO, ENTER, BACK = "y\r", "n\r", "\r", "\x02"

HEADER_KEYS = [ENTER, ENTER, ENTER, "株式会社テスト\r", "和歌山市七番丁23番地\r", "代表取締役 山田太郎\r", ENTER, NO]
BODY_KEYS = [YES, YES, YES, YES, YES, NO, "1\r", NO, NO, NO, NO, NO, NO, YES, YES, YES, NO]


def drive(plan, keys: list[str]):
    iv = interview(plan)
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text("".join(keys))
        pipe.close()
        try:
            LineInterview(iv, "ja", DummyOutput()).run()
        except EOFError:
            pass
    return iv


def test_a_whole_interview_gives_the_same_report_as_fill(wakayama_plan):
    walked = drive(wakayama_plan, HEADER_KEYS + BODY_KEYS)
    assert walked.complete
    assert walked.answers == BASE
    filled = interview(wakayama_plan, BASE)
    assert results(walked) == results(filled)


def test_back_and_change_a_branch(wakayama_plan):
    keys = HEADER_KEYS + BODY_KEYS[:9] + [YES, BACK, NO] + BODY_KEYS[10:]
    walked = drive(wakayama_plan, keys)
    assert walked.complete and walked.answers == BASE
    assert "copy_on_instruction" not in walked.answers


def test_enter_alone_does_not_answer_a_list_not_yet_answered(wakayama_plan):
    """An Enter too many (as with a Japanese input method) after a typed answer does not say はい; the same
    answers give the same report. A list answered before (going back) keeps its answer on Enter."""
    stray = HEADER_KEYS[:-1] + [ENTER, ENTER, ENTER] + HEADER_KEYS[-1:] + [ENTER, ENTER] + BODY_KEYS
    walked = drive(wakayama_plan, stray)
    assert walked.complete and walked.answers == BASE
    kept = HEADER_KEYS + BODY_KEYS[:3] + [BACK, ENTER] + BODY_KEYS[3:]
    assert drive(wakayama_plan, kept).answers == BASE


def test_invalid_input_is_refused_inline(wakayama_plan):
    # a date that is not a date stays in the prompt (validation), then a good one is accepted
    walked = drive(wakayama_plan, [ENTER, ENTER, "\x15someday\r", "\x152026-04-01\r"])
    assert walked.value("contract_date") == "2026-04-01"


def test_subcontractor_blocks(subcontract_plan):
    keys = [ENTER, ENTER, "ACME\r", ENTER, ENTER, ENTER, "1\r",
            "Sub Co\r", ENTER, ENTER, ENTER, NO, "入力作業\r", ENTER, NO, "2026-05-01\r", "2027-05-01\r", ENTER, ENTER, ENTER, YES, ENTER, NO,
            "y\r", "Second\r", ENTER, ENTER, ENTER, YES, ENTER, ENTER, NO, ENTER, ENTER, ENTER, ENTER, ENTER, NO, ENTER, NO, NO]
    walked = drive(subcontract_plan, keys)
    assert walked.complete
    blocks = walked.value("subcontractors")
    assert [b["name"] for b in blocks] == ["Sub Co", "Second"]
    assert blocks[0]["content"] == "入力作業" and blocks[0]["period_end"] == "2027-05-01"
    statuses = {(i.id, i.instance): i.status for i in results(walked)[0].items}
    assert statuses[("3-6", 1)] == "follow_up"  # ends after the contract
    assert statuses[("3-3", 2)] == "follow_up"  # a group company


def run_cli(stdin: str | None, *args: str, signal_after: float | None = None):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "anzen", "interview", "wakayama-safety-report", *args], input=stdin, capture_output=True, text=True, env=env, timeout=60)


def test_end_of_input_stops_cleanly(tmp_path):
    result = run_cli("", "--out", str(tmp_path))
    assert result.returncode == 1
    assert "入力が終了したため中断しました" in result.stderr and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_stops_cleanly(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "anzen", "interview", "wakayama-safety-report", "--out", str(tmp_path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    import time

    time.sleep(2.0)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode in (1, 130), err
    assert "Traceback" not in err


YES_NO_FIRST = """
id: yes-no-first
version: "1"
title: {ja: 最初は選択, en: A choice first}
sections:
  - id: s
    title: {ja: 節, en: Section}
    questions:
      - {id: rules, kind: yes_no, prompt: {ja: 規程がありますか？, en: Are there rules?}}
"""


def test_ctrl_c_while_the_first_prompt_opens_the_store_interrupts(mini):
    """The store is opened above the first prompt with the terminal in cooked mode: a Ctrl-C typed then is a
    SIGINT, not a key. A text prompt took it as Ctrl-C; a choice ignored it, and waited on."""
    iv = interview(mini.plan(YES_NO_FIRST))
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        line = LineInterview(iv, "ja", DummyOutput())

        def opening_the_store() -> None:
            os.kill(os.getpid(), signal.SIGINT)
            # the end of input, well after the signal (had the signal been lost, the prompt would wait for ever)
            asyncio.get_running_loop().call_later(1, pipe.close)

        line.when_shown = opening_the_store
        stopped_by = None
        try:
            line.run()
        except (KeyboardInterrupt, EOFError) as exc:
            stopped_by = type(exc)
    assert stopped_by is KeyboardInterrupt and iv.answers == {}
