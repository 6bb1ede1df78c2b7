"""The footer: rebuilt when the keys it shows change, kept as it is otherwise."""

from __future__ import annotations

from pathlib import Path

from textual.widgets._footer import FooterKey

from anzen.tui.screens.interview import InterviewScreen

from test_tui_walk_wakayama import BASICS_KEYS
from tui_helpers import OPEN_WAKAYAMA, make_app


def labels(screen: InterviewScreen) -> list[str]:
    return [key.description for key in screen.query(FooterKey)]


async def test_the_footer_follows_the_keys_and_the_language_and_is_not_rebuilt_for_nothing(out_dir: Path) -> None:
    app = make_app(out_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*OPEN_WAKAYAMA, *BASICS_KEYS[:-2])
        screen = app.screen
        assert isinstance(screen, InterviewScreen) and screen.node.id == "report_date"
        keys = list(screen.query(FooterKey))
        assert labels(screen) == ["根拠条文", "一覧", "結果", "前の質問", "終了", "English"]
        await pilot.press("enter")  # a yes/no question: its buttons take the focus from the input
        assert screen.node.id == "offer_pledge"
        assert list(screen.query(FooterKey)) == keys, "the same keys, the same widgets"
        await pilot.press("f4")
        assert labels(screen) == ["Articles", "Answers", "Result", "Back", "Quit", "日本語"]
        await pilot.press("f3")
        assert labels(app.screen) == ["Result", "Questions", "Quit", "日本語"], "another screen, its own keys"
