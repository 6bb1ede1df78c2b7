"""`anzen app FLOW`: the app opens straight on the flow's first question (home comes after it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from anzen.store import open_store
from anzen.tui.screens.home import HomeScreen
from anzen.tui.screens.interview import InterviewScreen
from anzen.tui.sessions import SessionLink
from anzen.tui.widgets.answer_inputs import AnswerInput

from tui_helpers import OPEN_WAKAYAMA, drawn, make_app, retyped, typed


async def test_a_flow_given_opens_at_its_first_question(out_dir: Path) -> None:
    app = make_app(out_dir, flow="wakayama-safety-report")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert screen.node is not None and screen.node is screen.interview.plan.questions[0]
        assert screen.query(AnswerInput)
        assert not any(isinstance(s, HomeScreen) for s in app.screen_stack)


@pytest.mark.parametrize("first", [True, False], ids=["first-screen", "from-home"])
async def test_leaving_the_result_goes_home_and_lets_the_interview_go(out_dir: Path, first: bool) -> None:
    app = make_app(out_dir, flow="wakayama-safety-report" if first else None)
    async with app.run_test(size=(100, 30)) as pilot:
        if not first:
            await pilot.press(*OPEN_WAKAYAMA, "enter")
        interview = app.screen
        assert isinstance(interview, InterviewScreen) and (app.screen_stack[0] is interview) == first
        await pilot.press(*typed("和歌山市"), "f5", "f8")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.live is None
        assert [type(s).__name__ for s in app.screen_stack] == ["Screen", "HomeScreen"]
        assert not interview.is_attached, "the interview's widgets are gone with it"
        await pilot.press(*OPEN_WAKAYAMA, "enter")  # and another interview starts from home
        again = app.screen
        assert isinstance(again, InterviewScreen) and again is not interview and again.state is app.live is not interview.state


async def test_the_session_is_created_once_the_first_question_is_shown(out_dir: Path, tmp_path: Path) -> None:
    import gc

    db = tmp_path / "sessions.db"
    app = make_app(out_dir, flow="wakayama-safety-report", sessions=SessionLink(str(db)))
    async with app.run_test(size=(100, 30)) as pilot:
        first = app.screen.node.id
        await pilot.press(*"和歌山市", "enter")  # typed at once, maybe before the session exists
        await app.workers.wait_for_complete()
        await pilot.pause()
        state = app.screen.state
        assert state.session is not None and not state.unsaved_answers
        assert state.interview.value(first) == "和歌山市" and app.screen.node.id != first
        assert app.screen.query("#side") and gc.isenabled(), "the side panel came, the collector runs again"
    with open_store(db) as store:
        (info,) = store.sessions()
        assert {a.question_id: a.value for a in store.answers(info.id)} == {first: "和歌山市"}


async def test_a_store_that_cannot_be_used_is_said_and_the_interview_goes_on(out_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "sessions.db"
    db.write_bytes(b"not a database at all" * 100)
    app = make_app(out_dir, flow="wakayama-safety-report", sessions=SessionLink(str(db)))
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen) and app.screen.state.session is None
        assert any("保存先のデータベースを使えません" in str(n.message) for n in app._notifications)
    assert db.read_bytes() == b"not a database at all" * 100


async def test_an_unknown_flow_is_said_on_the_home_screen(out_dir: Path) -> None:
    app = make_app(out_dir, flow="wakayama-safty-report")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        said = str(app.screen.query_one("#message").render())
        assert "インストール済みのフローに 'wakayama-safty-report' はなく" in said and "'wakayama-safety-report' のことですか？" in said


def test_anzen_app_passes_the_flow_to_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    import anzen.tui
    from anzen.cli.main import main

    opened: list[tuple[str, str | None]] = []
    monkeypatch.setattr(anzen.tui, "run", lambda lang="ja", flow=None, db=None: opened.append((lang, flow)) or 0)
    assert main(["app", "wakayama-safety-report", "--lang", "en"]) == 0 and main(["app"]) == 0
    assert opened == [("en", "wakayama-safety-report"), ("ja", None)]


FIRST_FRAME = """
import asyncio, json, sys
from pathlib import Path
from anzen.tui.app import AnzenApp
from anzen.tui.sessions import SessionLink

app = AnzenApp(flow="wakayama-safety-report", out_dir=Path("exports"), sessions=SessionLink(sys.argv[1]))
display, seen = app._display, []

def displayed(screen, renderable):  # every frame passes here (headless: drawn nowhere)
    display(screen, renderable)
    if renderable is not None and not seen and app.screen.query("AnswerInput"):
        seen.append(sorted(m for m in sys.modules if m.split(".")[0] in ("anzen", "pydantic", "sqlite3")))

async def main():
    app._display = displayed
    async with app.run_test(size=(100, 30)) as pilot:
        while not seen:
            await pilot.pause()
    print(json.dumps(seen[0]))

asyncio.run(main())
"""


def test_the_first_question_is_drawn_before_the_store_the_result_and_the_side_panel_are_loaded(tmp_path: Path) -> None:
    """What makes the app start fast, kept so: the first frame needs none of these (benchmarks/RESULTS.md, goal 1)."""
    import json
    import os
    import subprocess
    import sys

    env = {**os.environ, "ANZEN_CACHE_DIR": str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-c", FIRST_FRAME, str(tmp_path / "s.db")], cwd=tmp_path, env=env,
                           capture_output=True, text=True, timeout=120) for _ in range(2)]  # the second reads the kept plan
    loaded = set(json.loads(runs[1].stdout.strip().splitlines()[-1]))
    assert "anzen.tui.screens.interview" in loaded and "anzen.plan" in loaded, runs[1].stderr
    late = {"pydantic", "sqlite3", "anzen.store", "anzen.result", "anzen.report", "anzen.exports",
            "anzen.tui.widgets.side_panel", "anzen.tui.widgets.footer", "anzen.tui.widgets.answer_choices", "anzen.tui.widgets.group_panel",
            "anzen.tui.overview"}
    assert not loaded & late


async def test_questions_name_their_articles_and_f1_reads_their_texts(out_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from anzen import plan_cache
    from anzen.tui.screens.source import ArticlesView, SourceScreen

    monkeypatch.setattr(plan_cache, "_kept", {})
    plan_cache.load_plan("wakayama-safety-report")  # built, and kept on disk
    plan_cache._kept.clear()  # as in a new process: the plan is read from its file
    app = make_app(out_dir, flow="wakayama-safety-report")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*typed("和歌山市"), *typed("個人情報入力業務"), *retyped("2026-04-01"), *typed("株式会社ベンチ"),
                          *typed("和歌山市七番丁23"), *typed("和歌山太郎"))
        screen = app.screen
        assert screen.node.id == "report_date"
        sources = screen.interview.plan.sources
        assert "根拠: 和歌山市" in drawn(screen, "bot")[-1], "the question names its article"
        assert not any(doc.articles.read for doc in sources.values()), "without reading any article's text"
        await pilot.press("f1")
        assert isinstance(app.screen, SourceScreen)
        texts = [content.plain for kind, content in app.screen.query_one(ArticlesView).parts if kind == "text"]
        assert texts and all(texts), "F1 shows the texts, read now"
        assert any(doc.articles.read for doc in sources.values())
