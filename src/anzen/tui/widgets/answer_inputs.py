"""Answer areas, one per kind of question. Each posts AnswerInput.Submitted(raw) and nothing else:
whether an answer fits is asked of a `check` function that the screen passes down (anzen.answers).

Typed answers (text, dates, numbers) are here; the choices (yes/no, lists) in answer_choices, imported
when such a question is first asked: most flows open with a typed question, and the app shows it sooner."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from anzen.tui.widgets.in_order_input import InOrderInput
from anzen.tui.words import w

# check(raw) → (error message or None, preview of the accepted answer or None)
Check = Callable[[Any], tuple[str | None, str | None]]


def family_of(kind: str) -> str:
    """Which answer area a question of `kind` gets: an answer from one kind of area fits only questions of
    that kind (keys typed ahead reach the area still up)."""
    return kind if kind in ("yes_no", "choice", "multi_choice") else "typed"


class AnswerInput(Vertical):
    """Base of the answer areas."""

    class Submitted(Message):
        def __init__(self, raw: Any, question: Any) -> None:
            super().__init__()
            self.raw = raw
            self.question = question  # keys typed ahead reach the area that was up: the question it answered

    def __init__(self, question: Any, lang: str, current: Any, check: Check) -> None:
        super().__init__(classes="answer-input")
        self.question, self.lang, self.current, self.check = question, lang, current, check

    def submit(self, raw: Any) -> None:
        self.post_message(self.Submitted(raw, self.question))

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

    def give_back(self, raw: Any) -> None:
        """The screen could not take `raw` (it said why): show it again to be corrected, where it was typed."""


class AnswerField(InOrderInput):
    """The input of a typed answer: Enter goes to its answer area, in order with the keys typed around it
    (anzen.tui.widgets.in_order_input). What is typed after Enter, before the next question is up, stays
    for it (see TextAnswer.adopt)."""

    def __init__(self, enter: Callable[[str], bool], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.enter = enter  # the answer area's: True when it submitted the value

    def entered(self, value: str) -> None:
        if self.enter(value):
            with self.prevent(Input.Changed):
                self.value = ""  # what is typed from here on is the next answer


class TextAnswer(AnswerInput):
    """Text, dates and numbers: an input with its message under it, checked as it is typed."""

    def __init__(self, question: Any, lang: str, current: Any, check: Check, *, hint: str = "", placeholder: str = "", unit: str = "") -> None:
        super().__init__(question, lang, current, check)
        self.hint, self.placeholder, self.unit = hint, placeholder, unit
        self.tried = False  # "an answer is required" only after Enter on an empty input
        self._shown: Content | None = None  # the message drawn over the hint
        self.in_flight = 0  # answers sent to the screen and not yet taken: the field holds what is typed ahead
        self.offered = "" if current is None else str(current)  # what the field was given for this question

    def compose(self) -> ComposeResult:
        field = self.field = AnswerField(self._enter, value="" if self.current is None else str(self.current), id="text", placeholder=self.placeholder)
        if self.unit:
            with Horizontal(classes="input-row"):
                yield field
                yield Static(self.unit, classes="unit", markup=False)
        else:  # no row to hold: every widget costs the first frame its compose, styles and layout
            yield field
        # the message over the hint, in one widget (one fewer to compose, style and lay out before the first question)
        self._shown = Content("")
        yield Static(self._note(self._shown), classes="message hint")

    def on_mount(self) -> None:
        self._show(self.field.value)

    def on_unmount(self) -> None:
        # Textual's Input subscribes to its screen's text-selection signal with a closure over itself, which
        # the signal keeps as the value for its weak key: the input would outlive its removal as long as the
        # screen does, and the interview screen lives as long as the interview.
        self.screen.text_selection_started_signal.unsubscribe(self.field)

    def _note(self, message: Content) -> Content:
        return Content.assemble(message, "\n", self.hint)

    def draft(self) -> Any:
        return self.field.value

    def restore(self, draft: Any) -> None:
        field = self.field
        field.value = str(draft)
        field.cursor_position = len(field.value)

    def give_back(self, raw: Any) -> None:
        self.in_flight = max(0, self.in_flight - 1)
        if not self.in_flight and self.field.value in ("", self.offered):  # (unless something was typed since)
            self.restore(raw)

    def adopt(self, other: AnswerInput) -> bool:
        if not isinstance(other, TextAnswer) or other.lang != self.lang or bool(other.unit) != bool(self.unit):
            return False
        self.question, self.current, self.check = other.question, other.current, other.check
        self.hint, self.placeholder, self.unit, self.tried = other.hint, other.placeholder, other.unit, False
        field = self.field
        answered = self.in_flight > 0  # this question comes after an answer given here (not Ctrl-B, not a jump)
        self.in_flight = max(0, self.in_flight - 1)
        if not self.in_flight:  # (else what the field holds was typed after a later Enter: for a question to come)
            ahead = field.value if answered else ""  # typed before this question was up: meant for it
            with field.prevent(Input.Changed):
                field.value = ahead or ("" if self.current is None else str(self.current))
            self.offered = field.value
            field.cursor_position = len(field.value)
        field.placeholder = self.placeholder
        self._shown = None  # the hint changed: the next message is drawn with it
        if self.unit:
            self.query_one(".unit", Static).update(self.unit)
        if not self.in_flight:
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
        if content != self._shown:  # an update costs a layout: only when it changes
            self._shown = content
            self.query_one(".message", Static).update(self._note(content))

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        if not self.in_flight:  # typed ahead of the next question: checked as its answer once it is up
            self._show(event.value)

    def _enter(self, value: str) -> bool:
        """Enter in the field: `value` goes to the screen if it fits (True), else the message says why."""
        if self.in_flight and not value:
            return False  # an Enter too many before the next question is up: not an empty answer to it
        self.tried = True
        if self._show(value) is not None:
            return False
        self.in_flight += 1
        self.submit(value)
        return True


def answer_input_for(question: Any, lang: str, current: Any, today: date, check: Check) -> AnswerInput:
    """The answer area for a question's kind, showing its current answer (or its default)."""
    if current is None:
        current = getattr(question, "default", None)
        if question.kind == "date" and current == "today":
            current = today.isoformat()
    if family_of(question.kind) != "typed":
        from anzen.tui.widgets.answer_choices import ChoiceAnswer, MultiChoiceAnswer, YesNoAnswer

        kind = {"yes_no": YesNoAnswer, "choice": ChoiceAnswer, "multi_choice": MultiChoiceAnswer}[question.kind]
        return kind(question, lang, current, check)
    hint = w(lang, "date_hint") if question.kind == "date" else w(lang, "text_hint")
    if not question.required:
        hint = f"{hint} / {w(lang, 'skip_hint')}"
    if question.kind == "number" and isinstance(current, float):
        current = f"{current:g}"
    unit = question.unit.get(lang) if getattr(question, "unit", None) else ""
    placeholder = w(lang, "date_hint") if question.kind == "date" else ""
    return TextAnswer(question, lang, current, check, hint=hint, placeholder=placeholder, unit=unit)
