"""Crash tests: the real `anzen interview` in a pseudo-terminal, killed with SIGKILL at random points.

Whatever point it is killed at, the answers given so far are exactly what is stored, and
`anzen resume` continues at the next question and finishes the report."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest
from store_testing import MINI_PATH
from store_pty import Terminal

from anzen.store import open_store

SEED = int.from_bytes(os.urandom(4), "big")
POINTS = random.Random(SEED).sample(range(len(MINI_PATH)), 3)


def stored(db: Path) -> tuple[list, dict]:
    with open_store(db) as store:
        sessions = store.sessions()
        assert len(sessions) == 1
        info = sessions[0]
        return [info], {a.question_id: a.value for a in store.answers(info.id)}


def start(db: Path, flow: Path, cwd: Path, *extra: str) -> Terminal:
    term = Terminal(["interview", str(flow), "--format", "json", "--out", str(cwd / "out"), *extra], {"ANZEN_DB": str(db)}, cwd)
    # in a terminal the session is started once the first question is on the screen: its id says it exists
    term.expect(r"セッション [0-9a-f]{12} を開始しました")
    return term


def answer(term: Terminal, first: int, last: int, pos: int = 0) -> int:
    """Answer questions first..last-1 of the path, each after its prompt [n/…] appears."""
    for i in range(first, last):
        pos = term.expect(rf"\[{i + 1}/\d+\]", pos)
        term.type(MINI_PATH[i][1])
    return pos


@pytest.mark.parametrize("k", POINTS, ids=lambda k: f"k{k}-seed{SEED}")
def test_kill_after_k_answers_then_resume(k: int, private_db: Path, flow_file: Path, tmp_path: Path) -> None:
    term = start(private_db, flow_file, tmp_path)
    pos = answer(term, 0, k)
    pos = term.expect(rf"\[{k + 1}/\d+\]", pos)  # the next question is shown: the k answers are committed
    term.type(MINI_PATH[k][1][:-1][:3])  # half-typed, not yet entered
    term.kill()

    [info], answers = stored(private_db)
    assert answers == {q: v for q, _, v in MINI_PATH[:k]}
    assert info.status == "in_progress" and info.answered == k

    resumed = Terminal(["resume", "--out", str(tmp_path / "out"), "--format", "json"], {"ANZEN_DB": str(private_db)}, tmp_path)
    pos = resumed.expect(f"プロセス {term.proc.pid}")  # the dead process's lease is recovered, and said so
    pos = answer(resumed, k, len(MINI_PATH), pos)
    assert resumed.wait() == 0, resumed.text

    [info], answers = stored(private_db)
    assert answers == {q: v for q, _, v in MINI_PATH}
    assert info.status == "finished"
    report = json.loads(next((tmp_path / "out").glob("*.json")).read_text(encoding="utf-8"))
    assert report["session"] == info.id and report["flow_hash"] == info.flow_hash
    assert report["answers"] == {q: v for q, _, v in MINI_PATH}


def test_kill_while_an_answer_is_being_saved(private_db: Path, flow_file: Path, tmp_path: Path) -> None:
    """Killed right after Enter, before the next prompt: the store holds the answers before it, with
    or without that one, never a part of it, and its audit trail matches the answers exactly."""
    rng = random.Random(SEED)
    for round_ in range(3):
        db = tmp_path / f"r{round_}" / "s.db"
        k = rng.randrange(len(MINI_PATH))
        term = start(db, flow_file, tmp_path)
        answer(term, 0, k + 1)  # the Enter of answer k is sent; no wait for its prompt
        term.kill()
        [info], answers = stored(db)
        expected = [{q: v for q, _, v in MINI_PATH[:n]} for n in (k, k + 1)]
        assert answers in expected, f"seed {SEED}, k {k}: {answers}"
        with open_store(db) as store:
            answered = [e.question_id for e in store.history(info.id) if e.kind == "answer"]
        assert answered == list(answers)


def test_ctrl_c_keeps_the_answers_and_says_how_to_resume(private_db: Path, flow_file: Path, tmp_path: Path) -> None:
    term = start(private_db, flow_file, tmp_path)
    pos = answer(term, 0, 2)
    term.expect(r"\[3/\d+\]", pos)
    term.type("\x03")
    assert term.wait() == 130
    [info], answers = stored(private_db)
    assert answers == {"company": "株式会社クラッシュ試験", "staff_count": 12}
    assert f"anzen resume {info.id}" in term.text
    assert "Traceback" not in term.text


def test_ctrl_c_at_the_first_question_keeps_nothing_and_offers_nothing_to_resume(private_db: Path, flow_file: Path, tmp_path: Path) -> None:
    term = start(private_db, flow_file, tmp_path)
    term.expect(r"\[1/\d+\]")
    term.type("\x03")
    assert term.wait() == 130
    assert "中断しました" in term.text and "anzen resume" not in term.text and "Traceback" not in term.text
    with open_store(private_db) as store:
        assert store.sessions() == []
