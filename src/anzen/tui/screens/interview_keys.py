"""What the interview's keys open on top of it: the articles behind the question (F1), a staff note on
an answer (F2), the review (F3) and the result (F5); and what the interview does when they close."""

from __future__ import annotations

from typing import Any

from anzen.errors import Failure
from anzen.i18n import store_refused
from anzen.plan import refs_for
from anzen.tui.navigation import BackToReview, EditAnswer, GoHome, KeepAsking, ResultAction, ReviewChoice, ShowResult
from anzen.tui.words import w


class OtherScreens:
    """Part of InterviewScreen (its state, interview, question asked, language, transcript and jump)."""

    state: Any
    interview: Any
    node: Any
    child: Any
    draft: Any
    lang: str
    from_review: bool

    def action_sources(self) -> None:
        from anzen.tui.overview import source_articles
        from anzen.tui.screens.source import SourceScreen

        node = self.child or self.node
        if node is None:
            return
        plan = self.interview.plan
        prompt = self.interview.text(node, node.question.prompt, self.lang, self.draft.block if self.draft and self.child else None)
        self.app.push_screen(SourceScreen(prompt, source_articles(plan, refs_for(plan, node), self.lang), self.lang))

    def action_note(self) -> None:
        from anzen.tui.screens.note import NoteScreen

        # the answer just given (or the one being changed); other answers: F2 in the review
        node = self.node if self.node is not None and self.interview.is_answered(self.node.id) else self.interview.previous(self.node.id if self.node else None)
        if node is None or not self.state.staff_led:
            return
        prompt = self.interview.text(node, node.question.prompt, self.lang)

        def saved(text: str | None) -> None:
            if text is None:
                return
            try:
                self.state.set_note(node.id, text)
            except Failure as exc:
                self.notify(store_refused(self.lang, exc), severity="error", timeout=20)
                return
            self.transcript.refresh_answer(node.id)
            self.notify(w(self.lang, "note_saved" if text.strip() else "note_cleared"))

        self.app.push_screen(NoteScreen(prompt, self.state.notes.get(node.id, ""), self.lang), saved)

    def action_review(self) -> None:
        from anzen.tui.screens.review import ReviewScreen

        self.app.push_screen(ReviewScreen(self.state, self.lang), self._reviewed)

    async def _reviewed(self, choice: ReviewChoice | None) -> None:
        if isinstance(choice, EditAnswer):
            self.from_review = True
            await self.jump(choice.question)
        elif isinstance(choice, ShowResult):
            self.action_result()
        elif isinstance(choice, KeepAsking):
            self.from_review = False

    def action_result(self) -> None:
        from anzen.tui.screens.result import ResultScreen

        self.app.push_screen(ResultScreen(self.state, self.lang, clock=self.clock, out_dir=self.out_dir), self._after_result)

    def _after_result(self, action: ResultAction | None) -> None:
        if isinstance(action, BackToReview):
            self.action_review()
        elif isinstance(action, GoHome):
            self.close(GoHome())
