"""One interview being conducted in the app: the engine plus who is answering, notes and group drafts.

Plain Python (no Textual): the screens call it, and tests can drive it without a terminal.
Every rule of the questionnaire stays in the engine; this only keeps what the UI needs around it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from anzen.answers import normalize
from anzen.engine import Change, Interview, LoadReport
from anzen.errors import Failure
from anzen.plan import Node, Plan

if TYPE_CHECKING:  # the report is built at the result, not before the first question
    from anzen.report import Meta, Report

SELF, STAFF = "self", "staff"


class InterviewState:
    """The answers so far (in the engine) and what the report says about how they were given.
    (A plain class: a dataclass costs every start ~0.5 ms to define, before the first question.)"""

    def __init__(self, plan: Plan, interview: Interview, mode: str = SELF, staff: str | None = None,
                 notes: dict[str, str] | None = None, saved: bool = True, session: Any = None) -> None:
        self.plan, self.interview, self.mode, self.staff = plan, interview, mode, staff
        self.notes: dict[str, str] = {} if notes is None else notes
        self.saved = saved  # nothing to lose yet (no answer since the last export)
        self.session = session  # a LiveSession of the store: every answer and note is committed as it is given

    @classmethod
    def from_session(cls, session: Any) -> "InterviewState":
        """An interview kept in the session store (new or resumed): its engine, mode, staff and notes."""
        info = session.info
        return cls(session.plan, session.interview, info.mode, info.staff, dict(session.notes), True, session)

    @classmethod
    def start(cls, plan: Plan, *, today: date, mode: str = SELF, staff: str | None = None,
              answers: Mapping[str, Any] | None = None, notes: Mapping[str, str] | None = None) -> tuple["InterviewState", LoadReport | None]:
        """A new interview; `answers` (a resumed session, a report opened again) are loaded through the engine."""
        state = cls(plan, Interview(plan, today=today), mode, staff if mode == STAFF else None)
        loaded = state.interview.load(answers) if answers else None
        state.notes = {q: n for q, n in (notes or {}).items() if state.interview.is_answered(q)}
        return state, loaded

    def attach(self, session: Any) -> None:
        """Keep this interview in a session created after it started (the app asks the first question
        while the session is being created): what was answered and noted meanwhile is committed, in the
        order asked, and the session goes on with this very interview (the screen and its drafts hold it)."""
        session.continue_with(self.interview)
        for question_id, text in self.notes.items():
            session.note(question_id, text)
        self.session, self.saved = session, True

    @property
    def staff_led(self) -> bool:
        return self.mode == STAFF

    def answer(self, question_id: str, raw: Any) -> Change:
        """Answer through the engine (AnswerError when it does not fit); drops notes of removed answers.

        With a session the answer is committed to the store before this returns."""
        if self.session is not None:
            if self.session.info.status == "finished":
                self.session.reopen()  # changing a finished interview: it is in progress again
            change = self.session.answer(question_id, raw)
        else:
            change = self.interview.answer(question_id, raw)
            self.saved = False
        for gone in change.removed:
            self.notes.pop(gone, None)
        return change

    def set_note(self, question_id: str, text: str) -> None:
        text = text.strip()
        if self.session is not None:
            self.session.note(question_id, text)
        else:
            self.saved = False
        if text:
            self.notes[question_id] = text
        else:
            self.notes.pop(question_id, None)

    def meta(self) -> Meta:
        from anzen.report import Meta

        notes = {q: n for q, n in self.notes.items() if self.interview.is_answered(q)}
        if self.session is not None:
            from anzen.store.live import answer_history

            info = self.session.info
            return Meta(respondent=info.respondent, mode=self.mode, staff=self.staff, session=info.id, flow_hash=info.flow_hash,
                        notes=notes, history=answer_history(self.session.store, info.id))
        return Meta(mode=self.mode, staff=self.staff, notes=notes)

    def finished(self) -> None:
        """The result is shown for a complete interview: a stored session is marked finished."""
        if self.session is not None and self.interview.complete and self.session.info.status != "finished":
            self.session.finish()

    def heartbeat(self) -> None:
        if self.session is not None and not self.session.closed:
            try:
                self.session.heartbeat()
            except Failure:
                pass  # best effort: a session taken over or a busy database shows at the next answer, which says so

    def close(self) -> None:
        """Release the session (no longer busy for other instances)."""
        if self.session is not None:
            self.session.close()

    def report(self, *, generated_at: datetime, lang: str) -> Report:
        from anzen.report import build_report

        return build_report(self.interview, generated_at=generated_at, lang=lang, meta=self.meta())

    @property
    def unsaved_answers(self) -> bool:
        return self.session is None and not self.saved and bool(self.interview.answers)

    @property
    def stored_in_progress(self) -> bool:
        """Answers kept in the store, the interview not finished: quitting loses nothing. (Nothing given yet:
        there is nothing to keep, and the store does not keep the session: LiveSession.close.)"""
        given = bool(self.interview.answers or self.notes)
        return given and self.session is not None and not self.session.closed and not self.interview.complete


class GroupDraft:
    """The blocks of a repeatable group while they are being entered (one block per subcontractor …).

    The engine decides which block question comes next (block_next) and checks each answer
    (answers.normalize); the whole list is answered at once when the respondent is done."""

    def __init__(self, interview: Interview, group: Node, blocks: list[dict[str, Any]] | None = None) -> None:
        self.interview = interview
        self.group = group
        self.blocks: list[dict[str, Any]] = [dict(b) for b in (blocks or [])]
        self.block: dict[str, Any] | None = None  # the block being entered
        self.editing: int | None = None  # index of the block being re-entered
        self.previous: dict[str, Any] = {}  # its earlier answers (offered as defaults)

    @property
    def label(self) -> Any:
        return self.group.question.item_label

    def can_add(self) -> bool:
        limit = self.group.question.max_items
        return limit is None or len(self.blocks) < limit

    def start_block(self, index: int | None = None) -> None:
        self.block = {}
        self.editing = index
        self.previous = dict(self.blocks[index]) if index is not None else {}

    def number(self) -> int:
        """The number (1-based) of the block being entered."""
        return (self.editing if self.editing is not None else len(self.blocks)) + 1

    def next_child(self) -> Node | None:
        return None if self.block is None else self.interview.block_next(self.group, self.block)

    def default_for(self, child: Node) -> Any:
        return self.previous.get(child.id)

    def answer_child(self, child: Node, raw: Any) -> Any:
        """Check and keep one block answer (AnswerError when it does not fit)."""
        assert self.block is not None
        value = normalize(child.question, raw, self.interview.today)
        self.block[child.id] = value
        return value

    def back(self) -> Node | None:
        """Take back the last block answer; the question to ask again (None: leave the block)."""
        if not self.block:
            self.block = None
            self.editing = None
            return None
        last = list(self.block)[-1]
        self.previous.setdefault(last, self.block.pop(last))
        return self.group.child(last)

    def finish_block(self) -> int:
        """Store the complete block; returns its number."""
        assert self.block is not None and self.next_child() is None
        number = self.number()
        if self.editing is not None:
            self.blocks[self.editing] = self.block
        else:
            self.blocks.append(self.block)
        self.block, self.editing, self.previous = None, None, {}
        return number

    def remove(self, index: int) -> None:
        if 0 <= index < len(self.blocks):
            del self.blocks[index]

    def block_name(self, block: Mapping[str, Any], n: int, lang: str) -> str:
        source = self.group.question.label_from
        if source and block.get(source):
            return str(block[source])
        return f"{self.label.get(lang)} {n}"
