"""The answer areas for choices: yes/no buttons, a list to pick one from, a list to tick several in.

Imported when such a question is first asked (anzen.tui.widgets.answer_inputs.answer_input_for)."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, OptionList, SelectionList, Static
from textual.widgets.option_list import Option

from anzen.answers import UNSURE_LABEL, YES_NO_LABELS
from anzen.tui.widgets.answer_inputs import AnswerInput
from anzen.tui.words import w


def _label(lang: str, pair: tuple[str, str]) -> str:
    return pair[1] if lang == "en" else pair[0]


class AnswerButton(Button):
    """A button that takes the next press at once: the same buttons serve question after question,
    so Textual's short 'active' pause after a press would swallow a quick second Enter."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.active_effect_duration = 0


class ChoiceArea(AnswerInput):
    """Base of the answer areas with buttons or a list. Their styles are here, not in interview.tcss: parsed
    when the first such question comes, not before the first question is drawn (benchmarks/RESULTS.md, goal 1)."""

    DEFAULT_CSS = """
    ChoiceArea .buttons {
        height: auto;
    }
    ChoiceArea Button {
        margin-right: 2;
    }
    ChoiceArea #choices {
        height: auto;
        max-height: 10;
        border: none;
        padding: 0;
    }
    """


class YesNoAnswer(ChoiceArea):
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

    can_focus = True  # held while nothing is chosen: y / n / ? answer, Enter alone does not

    def focus_first(self) -> None:
        # An answer given is focused (Enter keeps it). A question not yet answered focuses no button: an Enter
        # pressed once too often after a typed answer (as with a Japanese input method) would answer はい.
        if self.current in ("yes", "no", "unsure"):
            self.screen.set_focus(self.query_one(f"#answer-{self.current}", Button))
        else:
            self.screen.set_focus(self)

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


class ChoiceAnswer(ChoiceArea):
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
        # none highlighted until one is chosen: a stray Enter would pick the first (as on the yes/no buttons)
        self.query_one(ChoiceList).highlighted = values.index(self.current) if self.current in values else None

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


class MultiChoiceAnswer(ChoiceArea):
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
