"""The full-screen interview (Textual). Imported only when the app is opened, so commands start fast."""

from __future__ import annotations


def run(lang: str = "ja") -> int:
    from anzen.tui.app import AnzenApp

    AnzenApp(lang).run()
    return 0
