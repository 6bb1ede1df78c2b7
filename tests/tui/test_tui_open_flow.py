"""`anzen app FLOW`: the app opens straight on the flow's first question (home comes after it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from anzen.tui.screens.home import HomeScreen
from anzen.tui.screens.interview import InterviewScreen
from anzen.tui.widgets.answer_inputs import AnswerInput

from tui_helpers import make_app


async def test_a_flow_given_opens_at_its_first_question(out_dir: Path) -> None:
    app = make_app(out_dir, flow="wakayama-safety-report")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert screen.node is not None and screen.node is screen.interview.plan.questions[0]
        assert screen.query(AnswerInput)
        assert not any(isinstance(s, HomeScreen) for s in app.screen_stack)


async def test_an_unknown_flow_is_said_on_the_home_screen(out_dir: Path) -> None:
    app = make_app(out_dir, flow="no-such-flow")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "no-such-flow" in str(app.screen.query_one("#message").render())


def test_anzen_app_passes_the_flow_to_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    import anzen.tui
    from anzen.cli.main import main

    opened: list[tuple[str, str | None]] = []
    monkeypatch.setattr(anzen.tui, "run", lambda lang="ja", flow=None, db=None: opened.append((lang, flow)) or 0)
    assert main(["app", "wakayama-safety-report", "--lang", "en"]) == 0 and main(["app"]) == 0
    assert opened == [("en", "wakayama-safety-report"), ("ja", None)]
