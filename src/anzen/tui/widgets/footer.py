"""Textual's Footer, letting go of the keys it replaces.

Each FooterKey binds itself to the footer's `compact` reactive; Textual drops such watchers only when
`compact` changes, which it never does here. The footer is rebuilt whenever the keys change (every
question, every change of focus or language), so without this the old keys stayed in memory: ~6 MB
over the Wakayama report. Every screen uses this one."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    def compose(self) -> ComposeResult:
        for watchers in getattr(self, "__watchers", {}).values():  # Textual's own list (textual.reactive._watch)
            watchers[:] = [(node, callback) for node, callback in watchers if not node._closing]
        yield from super().compose()
