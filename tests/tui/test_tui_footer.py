"""The footer: one widget, drawing the keys of the screen it is on, in the language shown."""

from __future__ import annotations

from pathlib import Path

from anzen.tui.screens.interview import InterviewScreen
from anzen.tui.widgets.footer import Footer

from test_tui_walk_wakayama import BASICS_KEYS
from tui_helpers import OPEN_WAKAYAMA, make_app


def labels(screen) -> list[str]:
    footer = screen.query_one(Footer)
    footer.render()
    return [spot.description for spot in footer.spots]


async def test_the_footer_follows_the_keys_and_the_language_and_is_one_widget(out_dir: Path) -> None:
    app = make_app(out_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*OPEN_WAKAYAMA, *BASICS_KEYS[:-2])
        screen = app.screen
        assert isinstance(screen, InterviewScreen) and screen.node.id == "report_date"
        footer = screen.query_one(Footer)
        assert labels(screen) == ["根拠条文", "一覧", "結果", "前の質問", "終了", "English"]
        await pilot.press("enter")  # a yes/no question: its buttons take the focus from the input
        assert screen.node.id == "offer_pledge"
        assert screen.query_one(Footer) is footer and not footer.children, "the same widget, no widget per key"
        await pilot.press("f4")
        assert labels(screen) == ["Articles", "Answers", "Result", "Back", "Quit", "日本語"]
        await pilot.press("f3")
        assert labels(app.screen) == ["Result", "Questions", "Quit", "日本語"], "another screen, its own keys"
