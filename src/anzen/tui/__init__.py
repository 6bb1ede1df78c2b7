"""The full-screen interview (Textual). Imported only when the app is opened, so commands start fast."""

from __future__ import annotations

import sys


def run(lang: str = "ja", flow: str | None = None, db: str | None = None) -> int:
    from anzen.cli.common import CommandError

    if not (sys.stdin.isatty() and sys.stdout.isatty()):  # piped or redirected: a full screen would hang
        message = {
            "ja": "対話型の画面は端末でのみ使えます。回答ファイルからは `anzen fill FLOW --answers FILE`、1問ずつは `anzen interview FLOW` を使ってください。",
            "en": "the interactive app needs a terminal; use `anzen fill FLOW --answers FILE` (from a file) or `anzen interview FLOW` (line by line).",
        }
        raise CommandError(message.get(lang, message["en"]))
    from anzen.tui.app import AnzenApp
    from anzen.tui.sessions import SessionLink

    AnzenApp(lang, flow=flow, sessions=SessionLink(db)).run()
    return 0
