"""The interview: the conversation, the answer area for the question asked, the side panel.

The screen asks the engine what comes next and hands it the answers; the widgets only show things
and post what the respondent did. Review and result are screens pushed on top of this one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Static

from anzen.answers import label_of, normalize
from anzen.engine import Interview
from anzen.errors import AnswerError, Failure
from anzen.i18n import store_refused
from anzen.plan import Node
from anzen.tui.caches import trim as trim_caches
from anzen.tui.conversation import answer_text, changed_text, loaded_entries, question_text, removed_text, revised_text
from anzen.tui.keys import localize_bindings
from anzen.tui.navigation import EditAnswer, GoHome
from anzen.tui.screens.interview_groups import GroupSteps
from anzen.tui.screens.interview_keys import OtherScreens
from anzen.tui.state import GroupDraft, InterviewState
from anzen.tui.widgets.answer_inputs import AnswerInput, answer_input_for, family_of
from anzen.tui.widgets.transcript import Entry, Transcript
from anzen.tui.words import w


def width_class(app: Any) -> str:
    """The breakpoint class Textual gives a screen of the app's width, given at once: added at the first
    resize, it would restyle every widget of the screen before the first question is drawn."""
    width = app.size.width
    return next((name for edge, name in sorted(app.HORIZONTAL_BREAKPOINTS, reverse=True) if width >= edge), "")


class InterviewScreen(OtherScreens, GroupSteps, Screen[GoHome]):
    class Shown(Message):
        """The first question is on screen (the app then creates a new session)."""

    class Closed(Message):
        """The interview is over, and the screen was the app's first (nothing under it to be dismissed to)."""

        def __init__(self, result: GoHome) -> None:
            super().__init__()
            self.result = result

    CSS_PATH = "interview.tcss"
    BINDINGS = [
        Binding("f1", "sources", "key.source"),
        Binding("f2", "note", "key.note"),
        Binding("f3", "review", "key.review"),
        Binding("f5", "result", "key.finish"),
        Binding("ctrl+b", "back", "key.back"),
    ]
    lang: reactive[str] = reactive("ja", init=False)

    def __init__(self, state: InterviewState, lang: str, *, clock: Callable[[], datetime], out_dir: Path) -> None:
        super().__init__(classes=width_class(self.app))
        self.state, self.clock, self.out_dir = state, clock, out_dir
        self.set_reactive(InterviewScreen.lang, lang)
        self.node: Node | None = None  # the question asked now
        self.draft: GroupDraft | None = None  # the group being answered
        self.child: Node | None = None  # the block question asked now
        self.group_error: str | None = None
        self.from_review = False
        self.unsent_blocks: dict[str, list[dict[str, Any]]] = {}  # blocks entered for a group not yet answered
        self._area: Callable[[], Widget] | None = None

    def close(self, result: GoHome) -> None:
        """Back to the app with `result`: dismissed when pushed; the app's first screen (`anzen app FLOW`)
        tells the app, which puts the home screen in its place."""
        if self.app.screen_stack[0] is self:
            self.post_message(self.Closed(result))
        else:
            self.dismiss(result)

    @property
    def interview(self) -> Interview:
        return self.state.interview

    @property
    def unsaved_answers(self) -> bool:
        return self.state.unsaved_answers

    # -- layout ------------------------------------------------------------
    def compose(self) -> ComposeResult:
        # laid out by the screen's grid (interview.tcss): no container across the whole width, whose
        # lines the compositor would cut at every edge beneath it
        self._title = self.title_line()
        yield Static(self._title, id="flow-title")
        with Vertical(id="conversation"):
            yield Transcript(self.lang, id="transcript")
            yield Vertical(id="answer-area")

    async def on_mount(self) -> None:
        localize_bindings(self, self.lang)
        self.show_loaded()
        await self.ask_next()
        self.call_after_refresh(self.complete_screen)

    async def complete_screen(self) -> None:
        """The side panel and the keys come once the question is on screen: they are half the work of
        the first frame, and the respondent reads the question first."""
        from anzen.tui.widgets.footer import Footer
        from anzen.tui.widgets.side_panel import SidePanel

        await self.mount(SidePanel(id="side"), Footer(show_command_palette=False))
        self.set_interval(60, self.state.heartbeat)  # a stored session shows it is still open here
        self.refresh_side()
        self.post_message(self.Shown())

    def show_loaded(self) -> None:
        """Answers the interview starts with (a resumed session) appear as the earlier conversation."""
        entries = loaded_entries(self.interview, self.state.notes)
        if entries:
            self.transcript.add_folded(entries)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "note":
            return self.state.staff_led
        return True

    async def watch_lang(self, lang: str) -> None:
        localize_bindings(self, lang)
        self.query_one(Transcript).relabel(lang)
        self.refresh_side()
        if self._area is not None:
            area = self.query_one("#answer-area")
            before = area.children[0] if area.children else None
            draft = before.draft() if isinstance(before, AnswerInput) else None
            await self._show_area(self._area)
            after = area.children[0] if area.children else None
            if draft is not None and isinstance(after, AnswerInput):
                after.restore(draft)

    # -- rendering helpers ---------------------------------------------------
    @property
    def transcript(self) -> Transcript:
        return self.query_one(Transcript)

    def say(self, kind: str, render: Callable[[str], Content], question: str | None = None) -> None:
        self.transcript.add(Entry(kind, render, question))

    def ask_bubble(self, node: Node, block: dict[str, Any] | None, prefix: Callable[[str], str] | None, question: str | None) -> None:
        """The question, with its help and articles."""
        self.say("bot", question_text(self.interview, node, block, prefix), question)

    def notice(self, key: str, **values: Any) -> None:
        self.say("notice", lambda lang: Content(w(lang, key, **values)))

    def check_for(self, question: Any) -> Callable[[Any], tuple[str | None, str | None]]:
        def check(raw: Any) -> tuple[str | None, str | None]:
            try:
                value = normalize(question, raw, self.interview.today)
            except AnswerError as exc:
                return exc.message(self.lang), None
            preview = label_of(question, value, self.lang) if question.kind in ("date", "number") and value is not None else None
            return None, preview

        return check

    def input_for(self, question: Any, current: Any) -> AnswerInput:
        return answer_input_for(question, self.lang, current, self.interview.today, self.check_for(question))

    async def _show_area(self, make: Callable[[], Widget]) -> None:
        # a new step: what Textual keeps of the last ones is not needed (tui/caches.py); once this step is drawn
        self.call_after_refresh(trim_caches, self)
        self._area = make
        area = self.query_one("#answer-area")
        old = list(area.children)
        widget = make()
        if len(old) == 1 and isinstance(old[0], AnswerInput) and isinstance(widget, AnswerInput) and old[0].adopt(widget):
            return
        await area.mount(widget)
        # focus the new area (at once, not deferred) before the old one goes: one focus change, one footer update
        focus_first = getattr(widget, "focus_first", None)
        if focus_first is not None:
            focus_first()
        else:
            self.set_focus(widget)
        if old:
            await area.remove_children(old)

    def title_line(self, progress: Any = None) -> Content:
        """The report's title; on a screen too narrow for the side panel, after how many questions are answered
        (`progress`: the interview's, when worked out already)."""
        title = Content.styled(self.state.plan.flow.title.get(self.lang), "bold")
        if not self.has_class("-compact"):
            return title
        progress = progress or self.interview.progress()
        return Content.styled(w(self.lang, "progress", answered=progress.answered, total=progress.total), "bold") + "  " + title

    def show_title(self, progress: Any = None) -> None:
        line = self.title_line(progress)
        if line != self._title:  # (the same text: no update, which would cost a layout at each resize and answer)
            self._title = line
            self.query_one("#flow-title", Static).update(line)

    def on_resize(self) -> None:  # (Textual has given the screen its new width's class by then)
        self.show_title()

    def refresh_side(self) -> None:
        progress = self.interview.progress()
        self.show_title(progress)
        side = self.query("#side")
        if not side:  # not mounted yet: it is filled when it is
            return
        from anzen.tui.overview import category_rows  # with the side panel, after the first question is drawn

        mode = w(self.lang, "mode_staff" if self.state.staff_led else "mode_self")
        if self.state.staff:
            mode += "\n" + w(self.lang, "staff_label", name=self.state.staff)
        side.first().show(category_rows(self.interview, self.node), progress.answered, progress.total, self.lang, mode)

    # -- asking ------------------------------------------------------------
    async def ask_next(self) -> None:
        node = self.interview.next_question()
        if node is None:
            await self.finished()
            return
        await self.ask(node)

    async def ask(self, node: Node, *, again: bool = False) -> None:
        if self.draft is not None and self.draft.blocks and not self.interview.is_answered(self.draft.group.id):
            self.unsent_blocks[self.draft.group.id] = list(self.draft.blocks)  # left with Ctrl-B: kept for later
        self.node, self.draft, self.child, self.group_error = node, None, None, None
        if again:
            self.say("meta", lambda lang: Content.styled("↩ " + w(lang, "back_to"), "italic"))
        else:
            for info in self.interview.messages_before(node):
                self.say("info", lambda lang, info=info: Content(self.interview.text(info, info.question.text, lang)))
        self.ask_bubble(node, None, None, node.id)
        self.refresh_side()
        if node.is_group:
            self.draft = GroupDraft(self.interview, node, self.interview.value(node.id) or self.unsent_blocks.pop(node.id, None))
            if not self.draft.blocks and node.question.min_items > 0:
                self.draft.start_block()
                await self.ask_child()
            else:
                await self.show_group()
            return
        current = self.interview.value(node.id)
        await self._show_area(lambda: self.input_for(node.question, current))

    async def finished(self) -> None:
        self.node = None
        self.refresh_side()
        self.say("bot", lambda lang: Content.styled(w(lang, "all_answered"), "bold"))
        await self._show_area(lambda: Button(w(self.lang, "key.review") + " (F3)", classes="to-review", variant="primary"))
        self.action_review()

    # -- answers -------------------------------------------------------------
    @on(AnswerInput.Submitted)
    async def _submitted(self, event: AnswerInput.Submitted) -> None:
        event.stop()
        asked = self.child if self.draft is not None and self.child is not None else self.node
        family = family_of(event.question.kind)
        if asked is None or asked.is_group or family_of(asked.question.kind) != family:
            return  # keys typed ahead into the last area ('n' of a name typed after a yes/no): not for this question
        if family in ("choice", "multi_choice") and event.question is not asked.question:
            return  # a choice is one of the options of the question it was picked on
        with self.app.batch_update():  # one layout for the bubbles, the panel and the new answer area
            await self._take(event.raw)

    async def _take(self, raw: Any) -> None:
        if self.draft is not None and self.child is not None:
            child = self.child
            try:
                value = self.draft.answer_child(child, raw)
            except AnswerError as exc:
                self.notify(exc.message(self.lang), severity="error")
                self._give_back(raw)
                return
            self.say("user", answer_text(child.question, value, self.state.notes))
            await self.ask_child()
            return
        if self.node is not None:
            await self.give(self.node, raw)

    async def give(self, node: Node, raw: Any) -> None:
        try:
            change = self.state.answer(node.id, raw)
        except AnswerError as exc:
            if node.is_group:
                self.group_error = exc.message(self.lang)
                await self.show_group()
            else:
                self.notify(exc.message(self.lang), severity="error")
                self._give_back(raw)
            return
        except Failure as exc:  # the store refused it: the answer is not taken, the question stays
            self.notify(store_refused(self.lang, exc), severity="error", timeout=20)
            self._give_back(raw)
            return
        transcript = self.transcript
        if change.previous is not None:
            transcript.supersede(node.id)
        self.say("user", answer_text(node.question, change.value, self.state.notes, node.id), node.id)
        if change.previous is not None and change.previous != change.value:
            self.say("notice", changed_text(self.interview, node, change.previous, change.value))
        if change.removed:
            for gone in change.removed:
                transcript.supersede(gone)
            self.say("notice", removed_text(self.interview, change.removed))
        if change.revised:
            for group in change.revised:
                transcript.supersede(group)
            self.say("notice", revised_text(self.interview, change.revised))
        self.draft = None
        if self.interview.complete and self.from_review:
            await self.finished()
        else:
            await self.ask_next()

    def _give_back(self, raw: Any) -> None:
        """The answer was not taken: back into the answer area, to be corrected."""
        for area in self.query(AnswerInput):
            area.give_back(raw)

    # -- going back and jumping --------------------------------------------
    async def action_back(self) -> None:
        if self.draft is not None and self.draft.block is not None:
            again = self.draft.back()
            if again is not None:
                self.child = None
                await self.ask_child()
                return
            if self.draft.blocks:
                await self.show_group()
                return
        previous = self.interview.previous(self.node.id if self.node is not None else None)
        if previous is None:
            self.notify(w(self.lang, "first"))
            return
        await self.ask(previous, again=True)

    async def jump(self, question_id: str) -> None:
        node = self.interview.plan.by_id.get(question_id)
        if node is not None and self.interview.is_visible(question_id):
            await self.ask(node, again=True)

    @on(Transcript.AnswerClicked)
    async def _clicked(self, event: Transcript.AnswerClicked) -> None:
        if self.interview.is_answered(event.question):
            await self.jump(event.question)

    def on_side_panel_category_chosen(self, event: Any) -> None:  # SidePanel.CategoryChosen
        from anzen.tui.overview import answer_rows, category_rows, questions_of_category
        from anzen.tui.screens.pick import PickScreen

        only = set(questions_of_category(self.interview, event.checklist, event.category))
        rows = answer_rows(self.interview, self.lang, only)
        title = next((r.title.get(self.lang) for r in category_rows(self.interview, self.node) if (r.checklist, r.id) == (event.checklist, event.category)), "")
        self.app.push_screen(PickScreen(f"{event.category} {title}", rows, self.state.notes, self.lang), self._picked)

    async def _picked(self, choice: EditAnswer | None) -> None:
        if choice is not None:
            await self.jump(choice.question)

    @on(Button.Pressed, ".to-review")
    def _to_review(self) -> None:
        self.action_review()
