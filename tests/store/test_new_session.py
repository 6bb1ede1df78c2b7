"""A new line-mode session: started once its first question is shown, and at the latest by its first answer."""

from __future__ import annotations

import argparse
from pathlib import Path

from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from store_testing import MINI_PATH

from anzen.cli.interview import LineInterview
from anzen.cli.new_session import NewSession
from anzen.plan_cache import load_plan
from anzen.store import open_store


def new_session(flow_file: Path) -> NewSession:
    args = argparse.Namespace(lang="ja", staff=None, respondent=None)  # no --db: $ANZEN_DB, the test's own
    return NewSession(args, str(flow_file), load_plan(str(flow_file)))


def stored(db: Path) -> dict[str, object]:
    with open_store(db) as store:
        [info] = store.sessions()
        return {a.question_id: a.value for a in store.answers(info.id)}


def test_the_first_answer_starts_the_session_when_nothing_did_before(flow_file: Path, private_db: Path) -> None:
    session = new_session(flow_file)
    assert session.live is None and not private_db.exists()  # nothing opened while the question is asked
    session.answer("company", "株式会社先行")
    assert session.live is not None and session.interview is session.live.interview  # the same interview goes on
    assert stored(private_db) == {"company": "株式会社先行"}
    session.answer("staff_count", "3")
    assert stored(private_db) == {"company": "株式会社先行", "staff_count": 3}
    session.close()


def test_started_once_the_first_prompt_is_shown_then_every_answer_is_stored(flow_file: Path, private_db: Path,
                                                                             capsys) -> None:
    session = new_session(flow_file)
    line = LineInterview(session.interview, "ja", DummyOutput(), answerer=session)
    line.when_shown = session.start
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text("".join(keys for _, keys, _ in MINI_PATH))
        line.run()
    session.finish()
    session.close()
    assert stored(private_db) == {q: v for q, _, v in MINI_PATH}
    assert capsys.readouterr().out.count(f"セッション {session.id} を開始しました") == 1
