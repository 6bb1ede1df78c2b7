"""The app and the session store: every answer saved as given, resumed from the home screen, busy elsewhere."""

from __future__ import annotations

from pathlib import Path

from anzen.store import open_store
from anzen.tui.screens.home import HomeScreen
from anzen.tui.screens.interview import InterviewScreen
from anzen.tui.sessions import SessionLink

from test_tui_walk_wakayama import BASICS_KEYS
from tui_helpers import NO, OPEN_WAKAYAMA, YES, make_app


def stored_answers(db: Path) -> dict[str, object]:
    with open_store(db) as store:
        (info,) = store.sessions()
        return {a.question_id: a.value for a in store.answers(info.id)}


async def test_answers_are_saved_as_given_and_resumed_from_home(out_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "sessions.db"
    app = make_app(out_dir, sessions=SessionLink(str(db)))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*OPEN_WAKAYAMA, *BASICS_KEYS, YES, NO)  # 1: rules yes; 2: laws no
        assert isinstance(app.screen, InterviewScreen)
        saved = stored_answers(db)  # committed already, while the interview is still on screen
        assert saved["handling_rules"] == "yes" and saved["laws_complied"] == "no" and saved["contractor"] == "株式会社サンプル"
        await pilot.press("ctrl+q")
        assert "保存されています" in str(app.screen.query_one("#body").render())  # quitting loses nothing
        await pilot.press("enter")
    # a new app: the home screen offers the unfinished interview, which continues where it stopped
    again = make_app(out_dir, sessions=SessionLink(str(db)))
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        home = again.screen
        assert isinstance(home, HomeScreen) and len(home.resumable) == 1
        assert "株式会社サンプル" in home.resumable[0].title
        await pilot.press("enter")  # the resume list has the focus, the newest highlighted
        await pilot.pause()
        screen = again.screen
        assert isinstance(screen, InterviewScreen), str(screen.query_one("#message").render())
        assert screen.state.interview.value("laws_complied") == "no"
        assert screen.state.interview.next_question().id == "staff_limited"
        await pilot.press(YES)
    assert stored_answers(db)["staff_limited"] == "yes"


async def test_a_session_open_elsewhere_is_shown_as_busy(out_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "sessions.db"
    with open_store(db) as store:
        info = store.create("wakayama-safety-report", respondent="株式会社ほか")
    other = open_store(db).open(info.id)  # another instance has it open
    try:
        app = make_app(out_dir, sessions=SessionLink(str(db)))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            home = app.screen
            assert home.resumable[0].busy
            assert "使用中）" in str(home.query_one("#resume").get_option_at_index(0).prompt)
            await pilot.press("f4")  # in English, in English only
            assert str(home.query_one("#resume").get_option_at_index(0).prompt).endswith(", in use)")
            await pilot.press("f4")
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert "別の anzen で開かれています" in str(app.screen.query_one("#message").render())
    finally:
        other.close()


async def test_a_damaged_database_is_reported_and_left_alone(out_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "sessions.db"
    db.write_bytes(b"not a database at all" * 100)
    before = db.read_bytes()
    app = make_app(out_dir, sessions=SessionLink(str(db)))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        message = str(app.screen.query_one("#message").render())
        assert "保存先のデータベースを使えません" in message and "SQLite のデータベースではありません" in message
        assert "not an SQLite" not in message  # the store's reason in the app's language, too
        await pilot.press(*OPEN_WAKAYAMA)  # the interview still runs, unsaved
        assert isinstance(app.screen, InterviewScreen) and app.screen.state.session is None
    assert db.read_bytes() == before


async def test_an_interview_left_before_any_answer_is_not_kept_or_offered(out_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "sessions.db"
    app = make_app(out_dir, sessions=SessionLink(str(db)))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*OPEN_WAKAYAMA)
        await app.workers.wait_for_complete()  # the session is created once the first question is shown
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen) and app.screen.state.session is not None
        await pilot.press("ctrl+q")  # nothing to lose: the app quits without asking
        await pilot.pause()
        assert app.return_code == 0
    with open_store(db) as store:
        assert store.sessions() == []
    again = make_app(out_dir, sessions=SessionLink(str(db)))
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, HomeScreen) and len(again.screen.resumable) == 0
