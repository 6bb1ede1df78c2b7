"""Textual's Footer, letting go of the keys it replaces, and keeping them when nothing changed.

Each FooterKey binds itself to the footer's `compact` reactive; Textual drops such watchers only when
`compact` changes, which it never does here. The footer is rebuilt whenever the bindings may have
changed (every question, every change of focus or language), so without this the old keys stayed in
memory: ~6 MB over the Wakayama report. Most of those rebuilds show the very same keys: they are
skipped (each one made and dropped a dozen widgets). Every screen uses this footer."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    _shown: Any = None

    def _keys(self, screen: Screen[Any]) -> Any:
        """What the footer would show: the keys, their labels and whether they are enabled."""
        return [(b.key, b.key_display, b.description, b.action, b.tooltip, enabled, tooltip)
                for _, b, enabled, tooltip in screen.active_bindings.values() if b.show]

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if self.is_attached and screen is self.screen and self._bindings_ready and self._keys(screen) == self._shown:
            return
        super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        for watchers in getattr(self, "__watchers", {}).values():  # Textual's own list (textual.reactive._watch)
            watchers[:] = [(node, callback) for node, callback in watchers if not node._closing]
        if self._bindings_ready:
            self._shown = self._keys(self.screen)
        yield from super().compose()
