"""An Input whose keys take effect in the order they were typed.

Textual runs a key's binding (Enter → submit, Backspace, ←, Ctrl-K …) only once the key has bubbled up from
the focused widget to the app, while a printable key is inserted by the widget at once. Keys typed quickly,
or while the app is busy (drawing the next question), were then applied out of order: the next answer ran
into the one being given ("株式会社テスト和歌山市…"), "abcd⌫e" gave "abcd". Here the Input's own bindings
run as their keys arrive, and Enter submits the value as it is at that moment."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.widgets import Input

# Input's own key bindings but Enter (taken apart): key → action
_EDITING = {key.strip(): binding.action for binding in Input.BINDINGS if isinstance(binding, Binding)
            for key in binding.key.split(",") if key.strip() != "enter"}


class InOrderInput(Input):
    """Input with its keys applied in order (see the module)."""

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.entered(self.value)
            return
        action = _EDITING.get(event.key)
        if action is not None:
            event.stop()
            event.prevent_default()
            await self.run_action(action)
        # (a printable key: Input's own handler runs next)

    def entered(self, value: str) -> None:
        """Enter, with the value as it was when Enter was pressed."""
        self.post_message(self.Submitted(self, value))
