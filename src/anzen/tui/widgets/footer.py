"""The keys of the screen on the bottom line, drawn as one line of text.

Textual's Footer mounts a widget per key and builds them again whenever the keys change (at every
question); each new key restyles itself, and each stays bound to the footer's `compact` reactive
after it is gone. On the interview screen that was most of the time from start to the first question
(~40 restyles) and ~6 MB over the Wakayama report. This draws the same keys, looking the same, as a
single widget: the keys are read at render time, a click presses the key under the pointer. Every
screen uses it."""

from __future__ import annotations

from typing import NamedTuple

from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget


class _Spot(NamedTuple):
    start: int  # in cells (a label may hold wide characters)
    end: int
    key: str
    description: str
    enabled: bool


class Footer(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"footer--key", "footer--description", "footer--disabled"}
    DEFAULT_CSS = """
    Footer {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .footer--key { color: $footer-key-foreground; background: $footer-key-background; text-style: bold; }
        .footer--description { color: $footer-description-foreground; background: $footer-description-background; }
        .footer--disabled { text-style: dim; }
    }
    """

    def __init__(self, *, show_command_palette: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.show_command_palette = show_command_palette  # accepted for Footer's signature; anzen has no palette
        self.spots: list[_Spot] = []  # where each key is drawn (for clicks)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen:
            self.refresh()

    def render(self) -> Text:
        key_style = self.get_component_rich_style("footer--key")
        description_style = self.get_component_rich_style("footer--description")
        disabled = self.get_component_rich_style("footer--disabled")
        line = Text(no_wrap=True, overflow="crop")
        spots = []
        shown: set[str] = set()
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if not binding.show or binding.action in shown:  # one entry per action, as Textual's Footer
                continue
            shown.add(binding.action)
            start = line.cell_len
            line.append(f" {self.app.get_key_display(binding)} ", key_style if enabled else key_style + disabled)
            line.append(f"{binding.description} ", description_style if enabled else description_style + disabled)
            spots.append(_Spot(start, line.cell_len, binding.key, binding.description, enabled))
        self.spots = spots
        return line

    def on_click(self, event: events.Click) -> None:
        spot = next((s for s in self.spots if s.start <= event.x < s.end), None)
        if spot is None:
            return
        if spot.enabled:
            self.app.simulate_key(spot.key)
        else:
            self.app.bell()
