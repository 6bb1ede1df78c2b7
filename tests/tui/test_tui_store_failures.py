"""The session store failing under a running interview: said on screen in the app's language, never a crash."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from anzen.store import open_store
from anzen.tui.screens.interview import InterviewScreen
from anzen.tui.screens.result import ResultScreen
from anzen.tui.sessions import SessionLink

from test_tui_walk_wakayama import BASICS_KEYS
from tui_helpers import NO, OPEN_WAKAYAMA, YES, export, make_app, typed


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


async def test_an_answer_the_store_refuses_is_said_and_nothing_is_lost(out_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "sessions.db"
    app = make_app(out_dir, sessions=SessionLink(str(db)))
    async with app.run_test(size=(100, 30)) as pilot:
        # staff-led (notes are theirs): the mode, the Wakayama report, the staff member's name
        await pilot.press("tab", "right", "enter", "shift+tab", "shift+tab", "enter", *typed("佐藤"))
        await pilot.press(*BASICS_KEYS, YES)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        session_id = screen.state.session.info.id
        # another anzen took this session for dead and opened it
        with open_store(db) as store:
            store.db.conn.execute("UPDATE leases SET pid = ? WHERE session_id = ?", (_dead_pid(), session_id))
            other = store.open(session_id)
            await pilot.press(NO)
            await pilot.pause()
            assert app.screen is screen and app.is_running
            assert screen.node.id == "laws_complied"  # still asked: the answer was not taken
            notices = [str(n.message) for n in app._notifications]
            assert any("保存されていません" in n and "引き継がれた" in n for n in notices), notices
            assert "laws_complied" not in screen.state.interview.answers
            screen.state.heartbeat()  # the timer's beat: no longer ours, and no crash either
            await pilot.press("f2", *typed("規程を確認"))  # a note on the answer given before is refused the same way
            await pilot.pause()
            assert app.screen is screen and screen.state.notes == {}
            assert sum("保存できませんでした" in str(n.message) for n in app._notifications) == 2
            other.close()
    with open_store(db) as store:  # what was saved before stays saved
        assert {a.question_id: a.value for a in store.answers(session_id)}["handling_rules"] == "yes"


async def test_a_database_that_fails_at_export_is_said_on_the_result_screen(out_dir: Path, tmp_path: Path) -> None:
    app = make_app(out_dir, sessions=SessionLink(str(tmp_path / "sessions.db")))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*OPEN_WAKAYAMA, *BASICS_KEYS, YES)
        await app.workers.wait_for_complete()
        app.screen.state.session.store.db.conn.close()  # the report reads each answer's history from it
        await pilot.press("f5")
        screen = app.screen
        assert isinstance(screen, ResultScreen)
        await export(pilot)
        assert app.screen is screen and app.is_running
        assert "出力できませんでした" in str(screen.query_one("#export-status").render())
    assert not list(out_dir.glob("*"))
