"""Check boxes and radio buttons whose state shows as a character, not only as a colour."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.style import Style
from textual.widget import Widget
from textual.widgets import Checkbox, RadioButton


class MarkedCheckbox(Checkbox):
    @property  # type: ignore[override]
    def BUTTON_INNER(self) -> str:  # noqa: N802 - Textual reads this name
        return "X" if self.value else " "


class MarkedRadioButton(RadioButton):
    @property  # type: ignore[override]
    def BUTTON_INNER(self) -> str:  # noqa: N802
        return "●" if self.value else " "


class CheckRow(Widget, can_focus=True):
    """Check boxes side by side as one widget, drawn as compact Checkboxes are ("▐X▌ json ▐X▌ md …"):
    ←/→ move between them, space or enter ticks, a click ticks the one under the mouse. A Checkbox each
    made six widgets with two style nodes apiece for the export formats (~0.25 MB: benchmarks goal 7)."""

    BINDINGS = [
        Binding("left", "move(-1)", "", show=False),
        Binding("right", "move(1)", "", show=False),
        Binding("enter,space", "toggle", "", show=False),
    ]
    COMPONENT_CLASSES = {"check-row--box", "check-row--box-on", "check-row--cursor"}
    DEFAULT_CSS = """
    CheckRow {
        width: auto;
        height: 1;
        background: $surface;
        pointer: pointer;
        & > .check-row--box {
            color: $panel-darken-2;
            background: $panel;
        }
        & > .check-row--box-on {
            color: $text-success;
            background: $panel;
        }
        & > .check-row--cursor {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
    }
    """
    GAP = 1  # blank cells between two boxes

    def __init__(self, options: Sequence[tuple[str, str]], chosen: Iterable[str] = (), **kwargs: Any) -> None:
        """`options`: (value, label) in order; `chosen`: the values ticked at first."""
        super().__init__(**kwargs)
        self.options = tuple(options)
        self._chosen = set(chosen)
        self.cursor = 0

    @property
    def chosen(self) -> list[str]:
        """The values ticked, in the options' order."""
        return [value for value, _ in self.options if value in self._chosen]

    def set_chosen(self, value: str, ticked: bool) -> None:
        (self._chosen.add if ticked else self._chosen.discard)(value)
        self.refresh()

    def action_move(self, step: int) -> None:
        self.cursor = (self.cursor + step) % len(self.options)
        self.refresh()

    def action_toggle(self) -> None:
        value = self.options[self.cursor][0]
        self.set_chosen(value, value not in self._chosen)

    def _spans(self) -> list[tuple[int, int]]:
        """Where each box and its label are drawn: (first cell, cells)."""
        spans, x = [], 0
        for _, label in self.options:
            width = 3 + 1 + Content(label).cell_length + 1  # ▐X▌, its label padded by one on each side
            spans.append((x, width))
            x += width + self.GAP
        return spans

    def get_content_width(self, container: Size, viewport: Size) -> int:
        start, width = self._spans()[-1] if self.options else (0, 0)
        return start + width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 1

    def render(self) -> Content:
        off, on = self.get_visual_style("check-row--box"), self.get_visual_style("check-row--box-on")
        cursor = self.get_visual_style("check-row--cursor")
        parts: list[Content | str | tuple[str, Style]] = []
        for index, (value, label) in enumerate(self.options):
            box = on if value in self._chosen else off
            side = Style(foreground=box.background, background=self.background_colors[1])
            under_cursor = self.has_focus and index == self.cursor
            parts += [("▐", side), ("X" if value in self._chosen else " ", box), ("▌", side),
                      (f" {label} ", cursor) if under_cursor else f" {label} "]
            if index < len(self.options) - 1:
                parts.append(" " * self.GAP)
        return Content.assemble(*parts)

    def on_click(self, event: events.Click) -> None:
        for index, (start, width) in enumerate(self._spans()):
            if start <= event.x < start + width:
                self.cursor = index
                self.action_toggle()
                return

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
