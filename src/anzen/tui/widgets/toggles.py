"""Check boxes and radio buttons whose state shows as a character, not only as a colour."""

from __future__ import annotations

from textual.widgets import Checkbox, RadioButton


class MarkedCheckbox(Checkbox):
    @property  # type: ignore[override]
    def BUTTON_INNER(self) -> str:  # noqa: N802 - Textual reads this name
        return "X" if self.value else " "


class MarkedRadioButton(RadioButton):
    @property  # type: ignore[override]
    def BUTTON_INNER(self) -> str:  # noqa: N802
        return "●" if self.value else " "
