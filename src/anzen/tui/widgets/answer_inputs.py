"""Answer areas, one per kind of question. Each posts AnswerInput.Submitted(raw) and nothing else:
whether an answer fits is asked of a `check` function that the screen passes down (anzen.answers)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Input, OptionList, SelectionList, Static
from textual.widgets.option_list import Option

from anzen.answers import UNSURE_LABEL, YES_NO_LABELS
from anzen.tui.words import w

# check(raw) → (error message or None, preview of the accepted answer or None)
Check = Callable[[Any], tuple[str | None, str | None]]


def _label(lang: str, pair: tuple[str, str]) -> str:
    return pair[1] if lang == "en" else pair[0]


class AnswerInput(Vertical):
    """Base of the answer areas."""

    class Submitted(Message):
        def __init__(self, raw: Any) -> None:
            super().__init__()
            self.raw = raw

    def __init__(self, question: Any, lang: str, current: Any, check: Check) -> None:
        super().__init__(classes="answer-input")
        self.question, self.lang, self.current, self.check = question, lang, current, check

    def submit(self, raw: Any) -> None:
        self.post_message(self.Submitted(raw))

    def focus_first(self) -> None:
        focusable = [n for n in self.query("*") if n.can_focus]
        if focusable:
            self.screen.set_focus(focusable[0])

    def adopt(self, other: "AnswerInput") -> bool:
        """Take over `other`'s question in place if this widget can (see YesNoAnswer)."""
        return False

    def draft(self) -> Any:
        """What has been entered but not submitted (kept when the language switches)."""
        return None

    def restore(self, draft: Any) -> None:
        pass


class AnswerButton(Button):
    """A button that takes the next press at once: the same buttons serve question after question,
    so Textual's short 'active' pause after a press would swallow a quick second Enter."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.active_effect_duration = 0


class YesNoAnswer(AnswerInput):
    """はい / いいえ / わからない: y, n, ? (or 1, 2, 3); ← → move between the buttons."""

    BINDINGS = [
        Binding("y,1", "pick('yes')", show=False), Binding("n,2", "pick('no')", show=False),
        Binding("question_mark,u,3", "pick('unsure')", show=False),
        Binding("left", "app.focus_previous", show=False), Binding("right", "app.focus_next", show=False),
    ]
    KEYS = {"yes": "Y", "no": "N", "unsure": "?"}

    def compose(self) -> ComposeResult:
        with Horizontal(classes="buttons"):
            for value in ("yes", "no", "unsure"):
                label = Content.assemble((self.KEYS[value], "bold"), " ", _label(self.lang, YES_NO_LABELS[value]))
                variant = "primary" if value == self.current else "default"
                yield AnswerButton(label, id=f"answer-{value}", variant=variant, compact=True)
        yield Static(w(self.lang, "yes_no_hint"), classes="hint", markup=False)

    def focus_first(self) -> None:
        chosen = self.current if self.current in ("yes", "no", "unsure") else "yes"
        self.screen.set_focus(self.query_one(f"#answer-{chosen}", Button))

    def adopt(self, other: "AnswerInput") -> bool:
        """Take over the next yes/no question in place: no remount, no focus change (fast, no flicker)."""
        if not isinstance(other, YesNoAnswer) or other.lang != self.lang:
            return False
        self.question, self.current, self.check = other.question, other.current, other.check
        for value in ("yes", "no", "unsure"):
            self.query_one(f"#answer-{value}", Button).variant = "primary" if value == self.current else "default"
        self.focus_first()
        return True

    def action_pick(self, value: str) -> None:
        self.submit(value)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.submit((event.button.id or "").removeprefix("answer-"))


def _choices(question: Any, lang: str) -> list[tuple[str, str, str]]:
    """(value, key, label) for each option, わからない last under '?'."""
    rows = [(ch.value, str(i) if i < 10 else " ", ch.label.get(lang)) for i, ch in enumerate(question.choices, start=1)]
    if question.allow_unsure:
        rows.append(("unsure", "?", _label(lang, UNSURE_LABEL)))
    return rows


class ChoiceList(OptionList):
    """Options with their number key shown in front."""


class ChoiceAnswer(AnswerInput):
    """One of the choices: number keys pick at once, ? is わからない; ↑↓ and Enter also work."""

    BINDINGS = [Binding(str(i), f"pick({i})", show=False) for i in range(1, 10)] + [
        Binding("question_mark", "pick(0)", show=False)
    ]

    def _options(self) -> list[Option]:
        self.rows = _choices(self.question, self.lang)
        return [Option(Content.assemble((f"{key} ", "bold"), label), id=value) for value, key, label in self.rows]

    def compose(self) -> ComposeResult:
        yield ChoiceList(*self._options(), id="choices")
        yield Static(w(self.lang, "choice_hint"), classes="hint", markup=False)

    def on_mount(self) -> None:
        self._highlight()

    def _highlight(self) -> None:
        values = [r[0] for r in self.rows]
        self.query_one(ChoiceList).highlighted = values.index(self.current) if self.current in values else 0

    def adopt(self, other: AnswerInput) -> bool:
        if not isinstance(other, ChoiceAnswer) or other.lang != self.lang:
            return False
        self.question, self.current, self.check = other.question, other.current, other.check
        choices = self.query_one(ChoiceList)
        choices.clear_options()
        choices.add_options(self._options())
        self._highlight()
        self.focus_first()
        return True

    def action_pick(self, n: int) -> None:
        if n == 0:
            if any(r[0] == "unsure" for r in self.rows):
                self.submit("unsure")
            return
        if n <= len(self.question.choices):
            self.submit(self.question.choices[n - 1].value)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.submit(event.option.id)


class MultiList(SelectionList):
    BINDINGS = [Binding("enter", "confirm", show=False)]

    class Confirmed(Message):
        pass

    def action_confirm(self) -> None:
        self.post_message(self.Confirmed())


class MultiChoiceAnswer(AnswerInput):
    """Any of the choices: number keys or Space toggle, Enter confirms."""

    BINDINGS = [Binding(str(i), f"toggle({i})", show=False) for i in range(1, 10)] + [
        Binding("question_mark", "toggle(0)", show=False)
    ]

    def compose(self) -> ComposeResult:
        self.rows = _choices(self.question, self.lang)
        chosen = set(self.current or [])
        yield MultiList(*[(Content.assemble((f"{key} ", "bold"), label), value, value in chosen) for value, key, label in self.rows], id="choices")
        yield Static("", classes="message", markup=False)
        yield Static(w(self.lang, "multi_hint"), classes="hint", markup=False)

    def action_toggle(self, n: int) -> None:
        values = [r[0] for r in self.rows]
        value = "unsure" if n == 0 else (values[n - 1] if n <= len(self.question.choices) else None)
        if value in values:
            self.query_one(MultiList).toggle(value)

    @on(MultiList.Confirmed)
    def _confirm(self, event: MultiList.Confirmed) -> None:
        event.stop()
        selected = list(self.query_one(MultiList).selected)
        error, _ = self.check(selected)
        if error:
            self.query_one(".message", Static).update(Content.styled(error, "$error"))
            return
        self.submit(selected)


class TextAnswer(AnswerInput):
    """Text, dates and numbers: an input with its message under it, checked as it is typed."""

    def __init__(self, question: Any, lang: str, current: Any, check: Check, *, hint: str = "", placeholder: str = "", unit: str = "") -> None:
        super().__init__(question, lang, current, check)
        self.hint, self.placeholder, self.unit = hint, placeholder, unit
        self.tried = False  # "an answer is required" only after Enter on an empty input

    def compose(self) -> ComposeResult:
        with Horizontal(classes="input-row"):
            yield Input(value="" if self.current is None else str(self.current), id="text", placeholder=self.placeholder)
            if self.unit:
                yield Static(self.unit, classes="unit", markup=False)
        yield Static("", classes="message", markup=False)
        yield Static(self.hint, classes="hint", markup=False)

    def on_mount(self) -> None:
        self._show(self.query_one(Input).value)

    def draft(self) -> Any:
        return self.query_one(Input).value

    def restore(self, draft: Any) -> None:
        field = self.query_one(Input)
        field.value = str(draft)
        field.cursor_position = len(field.value)

    def adopt(self, other: AnswerInput) -> bool:
        if not isinstance(other, TextAnswer) or other.lang != self.lang or bool(other.unit) != bool(self.unit):
            return False
        self.question, self.current, self.check = other.question, other.current, other.check
        self.hint, self.placeholder, self.unit, self.tried = other.hint, other.placeholder, other.unit, False
        field = self.query_one(Input)
        with field.prevent(Input.Changed):
            field.value = "" if self.current is None else str(self.current)
        field.cursor_position = len(field.value)
        field.placeholder = self.placeholder
        self.query_one(".hint", Static).update(self.hint)
        if self.unit:
            self.query_one(".unit", Static).update(self.unit)
        self._show(field.value)
        self.focus_first()
        return True

    def _show(self, value: str) -> str | None:
        if not value.strip() and not self.tried:
            self._message(Content(""))
            return None
        error, preview = self.check(value)
        if error:
            self._message(Content.styled(f"✗ {error}", "$text-error"))
        elif preview:
            self._message(Content.styled(w(self.lang, "date_preview", label=preview), "$text-success"))
        else:
            self._message(Content(""))
        return error

    def _message(self, content: Content) -> None:
        if content != getattr(self, "_shown", None):  # an update costs a layout: only when it changes
            self._shown = content
            self.query_one(".message", Static).update(content)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self._show(event.value)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.tried = True
        if self._show(event.value) is None:
            self.submit(event.value)


def answer_input_for(question: Any, lang: str, current: Any, today: date, check: Check) -> AnswerInput:
    """The answer area for a question's kind, showing its current answer (or its default)."""
    if current is None:
        current = getattr(question, "default", None)
        if question.kind == "date" and current == "today":
            current = today.isoformat()
    if question.kind == "yes_no":
        return YesNoAnswer(question, lang, current, check)
    if question.kind == "choice":
        return ChoiceAnswer(question, lang, current, check)
    if question.kind == "multi_choice":
        return MultiChoiceAnswer(question, lang, current, check)
    hint = w(lang, "date_hint") if question.kind == "date" else w(lang, "text_hint")
    if not question.required:
        hint = f"{hint} / {w(lang, 'skip_hint')}"
    if question.kind == "number" and isinstance(current, float):
        current = f"{current:g}"
    unit = question.unit.get(lang) if getattr(question, "unit", None) else ""
    placeholder = w(lang, "date_hint") if question.kind == "date" else ""
    return TextAnswer(question, lang, current, check, hint=hint, placeholder=placeholder, unit=unit)
