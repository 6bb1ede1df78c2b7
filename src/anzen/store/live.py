"""An open session: the engine's Interview plus autosave. Every answer is committed (with its audit
entry) before `answer` returns, so the front end shows the next question only once it is safe.

Front ends call `LiveSession.answer(question_id, raw)` exactly where they would call
`Interview.answer`: it validates with the engine, then stores the change in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from anzen.engine import Change, Interview, LoadReport
from anzen.plan import Node, Plan
from anzen.registry import Library
from anzen.store import lease
from anzen.store.db import StoreError
from anzen.store.flows import locate, load_plan_for, respondent_question
from anzen.store.records import Misfit, SessionInfo, dumps

if TYPE_CHECKING:
    from anzen.report import Report
    from anzen.store.sessions import Store


@dataclass(frozen=True)
class ResumeInfo:
    """How the stored answers fitted the flow when the session was opened."""

    flow_changed: bool  # the flow file differs from the one the session was using
    old_version: str
    new_version: str
    old_hash: str
    new_hash: str
    kept: int  # answers that fit and are in the interview
    misfits: tuple[Misfit, ...] = ()  # kept in the store, flagged; not in the interview
    recovered_from: lease.Holder | None = None  # a stale lease of a dead process that was taken over
    notes: list[str] = field(default_factory=list)


def misfits_of(loaded: LoadReport, stored: dict[str, Any], lang: str = "en") -> list[Misfit]:
    """The stored answers that do not fit the flow, each with why, in `lang` (the session's language)."""
    ja = lang == "ja"
    out = [Misfit(q, stored.get(q), "unknown_question", "今のフローにこの質問はありません" if ja else "the flow no longer has this question") for q in loaded.unknown]
    out += [Misfit(q, stored.get(q), "invalid", error.message(lang)) for q, error in loaded.invalid]
    out += [Misfit(q, stored.get(q), "not_on_path", "ほかの回答からはこの質問に進まなくなりました" if ja else "the other answers no longer lead to this question")
            for q in loaded.ignored]
    return out


def rebuild(store: "Store", info: SessionInfo, plan: Plan) -> tuple[Interview, list[Misfit]]:
    """The interview from the stored answers (nothing written), and the answers that do not fit."""
    stored = {a.question_id: a.value for a in store.answers(info.id)}
    interview = Interview(plan, today=date.today())
    loaded = interview.load(stored)
    return interview, misfits_of(loaded, stored, info.lang)


def answer_history(store: "Store", session_id: str) -> dict[str, list[dict[str, Any]]]:
    """The audit trail of every answer, by question: what the report shows as an item's history."""
    history: dict[str, list[dict[str, Any]]] = {}
    for event in store.history(session_id):
        if event.question_id is None or event.kind not in ("answer", "confirm", "clear", "removed", "revised", "note"):
            continue
        history.setdefault(event.question_id, []).append({
            "at": event.at, "actor": event.actor, "actor_name": event.actor_name, "kind": event.kind,
            "old": event.old_value, "new": event.new_value,
        })
    return history


def session_report(store: "Store", info: SessionInfo, *, lang: str | None = None, library: Library | None = None,
                   generated_at: datetime | None = None) -> "Report":
    """The report of a session as stored, without opening it (a busy or finished session too)."""
    from anzen.report import Meta, build_report

    library = library or Library()  # read from disk now: the flow may have changed since this process began
    plan = load_plan_for(info.flow_ref, library)
    interview, _ = rebuild(store, info, plan)
    meta = Meta(respondent=info.respondent, mode=info.mode, staff=info.staff, session=info.id,
                flow_hash=locate(info.flow_ref, library).hash, notes=store.notes_of(info.id), history=answer_history(store, info.id))
    return build_report(interview, generated_at=generated_at or datetime.now().astimezone(), lang=lang or info.lang, meta=meta)


class LiveSession:
    """A session open in this process (it holds the lease until `close`)."""

    def __init__(self, store: "Store", info: SessionInfo, plan: Plan, interview: Interview, token: str, resume: ResumeInfo) -> None:
        self.store = store
        self.info = info
        self.plan = plan
        self.interview = interview
        self.token = token
        self.resume = resume
        self.notes: dict[str, str] = store.notes_of(info.id)
        self._respondent_q = respondent_question(plan)
        self.closed = False
        self.discarded = False  # closed with nothing given: removed, not kept (see close)

    @property
    def id(self) -> str:
        return self.info.id

    # -- opening -------------------------------------------------------------
    @classmethod
    def open(cls, store: "Store", info: SessionInfo, library: Library | None = None) -> "LiveSession":
        library = library or Library()  # read from disk now: the flow may have changed since this process began
        located = locate(info.flow_ref, library)
        plan = located.plan or load_plan_for(located.ref, library)  # before the lease: a broken flow changes nothing
        token = lease.new_token()
        with store.db.write() as conn:
            stale = lease.acquire(conn, info.id, token)
            if stale is not None:
                store._event(conn, info.id, "system", None, "lease_recovered",
                             detail=f"took over from process {stale['pid']} on {stale['host']}, which had stopped (since {stale['heartbeat_at']})")
        try:
            return cls._rebuild(store, info, plan, located, token, lease.holder_of(stale) if stale is not None else None)
        except BaseException:
            with store.db.write() as conn:
                lease.release(conn, info.id, token)
            raise

    @classmethod
    def _rebuild(cls, store: "Store", info: SessionInfo, plan: Plan, located: Any, token: str, stale: lease.Holder | None) -> "LiveSession":
        interview, misfits = rebuild(store, info, plan)
        changed = located.hash != info.flow_hash
        flagged = {m.question_id: f"{m.reason}: {m.message}" for m in misfits}
        with store.db.write() as conn:
            lease.check(conn, info.id, token)
            conn.execute("UPDATE answers SET misfit = NULL WHERE session_id = ? AND misfit IS NOT NULL", (info.id,))
            conn.executemany("UPDATE answers SET misfit = ? WHERE session_id = ? AND question_id = ?",
                             [(why, info.id, q) for q, why in flagged.items()])
            if changed:
                detail = f"{info.flow_version} (sha256 {info.flow_hash[:12]}) → {plan.flow.version} (sha256 {located.hash[:12]}); " \
                         f"{len(interview.answers)} answer(s) fit, {len(misfits)} kept but no longer fit"
                store._event(conn, info.id, "system", None, "flow_changed", detail=detail)
                conn.execute("UPDATE sessions SET flow_hash = ?, flow_version = ?, flow_ref = ? WHERE id = ?",
                             (located.hash, plan.flow.version, located.ref, info.id))
            progress = interview.progress()
            conn.execute("UPDATE sessions SET answered = ?, remaining = ? WHERE id = ?", (progress.answered, progress.remaining, info.id))
        resume = ResumeInfo(changed, info.flow_version, plan.flow.version, info.flow_hash, located.hash,
                            len(interview.answers), tuple(misfits), stale)
        return cls(store, store.get(info.id), plan, interview, token, resume)

    # -- answering (autosave) ------------------------------------------------
    def continue_with(self, interview: Interview) -> None:
        """Go on with an interview begun before this new session existed (the app and the line mode ask
        the first question while the store opens): its answers are committed here, in the order asked,
        and from now on this session answers through that very interview (whoever shows it holds it)."""
        for question_id, value in interview.answers.items():
            self.answer(question_id, value)
        self.interview = interview  # the same answers as the session's own interview, now one object

    def answer(self, question_id: str, raw: Any) -> Change:
        """Validate with the engine (AnswerError: nothing changes) and commit the answer at once."""
        self._check_open()
        return self._committed(lambda: self.interview.answer(question_id, raw), cleared=False)

    def clear(self, question_id: str) -> Change:
        """Take an answer back (the question is unanswered again); committed at once."""
        self._check_open()
        return self._committed(lambda: self.interview.clear(question_id), cleared=True)

    def _committed(self, make: Callable[[], Change], *, cleared: bool) -> Change:
        """The engine's change, committed; when the commit fails (StoreError) the interview is as before it."""
        before = self.interview.snapshot()
        change = make()
        try:
            self._commit(change, cleared=cleared)
        except BaseException:
            self.interview.restore(before)
            raise
        return change

    def _commit(self, change: Change, *, cleared: bool) -> None:
        info, qid = self.info, change.question
        with self.store.db.write() as conn:
            lease.check(conn, info.id, self.token)
            at = lease.now()
            old = conn.execute("SELECT value, misfit FROM answers WHERE session_id = ? AND question_id = ?", (info.id, qid)).fetchone()
            old_json = old["value"] if old is not None else None
            if cleared:
                if old is not None:
                    conn.execute("DELETE FROM answers WHERE session_id = ? AND question_id = ?", (info.id, qid))
                    self.store._event(conn, info.id, info.actor, info.actor_name, "clear", qid, old_json, None, encoded=True, at=at)
            else:
                new_json = dumps(change.value)
                conn.execute(
                    """INSERT INTO answers (session_id, question_id, value, answered_at, misfit) VALUES (?, ?, ?, ?, NULL)
                       ON CONFLICT (session_id, question_id) DO UPDATE SET value = excluded.value,
                       answered_at = excluded.answered_at, misfit = NULL""",
                    (info.id, qid, new_json, at),
                )
                same = old is not None and old["misfit"] is None and old_json == new_json
                self.store._event(conn, info.id, info.actor, info.actor_name, "confirm" if same else "answer", qid,
                                  old_json, new_json, encoded=True, at=at)
            for removed_id, value in change.removed.items():
                conn.execute("DELETE FROM answers WHERE session_id = ? AND question_id = ?", (info.id, removed_id))
                self.store._event(conn, info.id, "system", None, "removed", removed_id, value, None, at=at,
                                  detail=f"no longer asked after the answer to {qid} changed")
            for group_id, blocks in change.revised.items():
                before = conn.execute("SELECT value FROM answers WHERE session_id = ? AND question_id = ?", (info.id, group_id)).fetchone()
                if blocks is None:
                    conn.execute("DELETE FROM answers WHERE session_id = ? AND question_id = ?", (info.id, group_id))
                    detail = f"its blocks no longer fit after the answer to {qid} changed: asked again"
                else:
                    conn.execute("UPDATE answers SET value = ? WHERE session_id = ? AND question_id = ?", (dumps(blocks), info.id, group_id))
                    detail = f"answers to block questions no longer asked were dropped after the answer to {qid} changed"
                self.store._event(conn, info.id, "system", None, "revised", group_id, before["value"] if before else None,
                                  None if blocks is None else dumps(blocks), encoded=True, at=at, detail=detail)
            self._touch(conn, at, qid, None if cleared else change.value)

    def _touch(self, conn: Any, at: str, qid: str | None = None, value: Any = None) -> None:
        progress = self.interview.progress()
        conn.execute("UPDATE sessions SET updated_at = ?, answered = ?, remaining = ? WHERE id = ?",
                     (at, progress.answered, progress.remaining, self.info.id))
        if qid is not None and qid == self._respondent_q and isinstance(value, str) and value.strip():
            conn.execute("UPDATE sessions SET respondent = ? WHERE id = ?", (value.strip(), self.info.id))
            self.info = self.store.get(self.info.id)

    def note(self, question_id: str, text: str | None) -> None:
        """Set (or with empty text remove) the note on a question; committed at once."""
        self._check_open()
        self.interview.node(question_id)  # KeyError for a question the flow does not have
        text = (text or "").replace("\x00", "").strip() or None
        old = self.notes.get(question_id)
        if text == old:
            return
        with self.store.db.write() as conn:
            lease.check(conn, self.info.id, self.token)
            at = lease.now()
            if text is None:
                conn.execute("DELETE FROM notes WHERE session_id = ? AND question_id = ?", (self.info.id, question_id))
            else:
                conn.execute("INSERT OR REPLACE INTO notes (session_id, question_id, text, updated_at) VALUES (?, ?, ?, ?)",
                             (self.info.id, question_id, text, at))
            self.store._event(conn, self.info.id, self.info.actor, self.info.actor_name, "note", question_id, old, text, at=at)
            self._touch(conn, at)
        if text is None:
            self.notes.pop(question_id, None)
        else:
            self.notes[question_id] = text

    # -- status --------------------------------------------------------------
    def finish(self) -> None:
        """Mark the session finished (its report can be exported any time)."""
        self._set_status("finished", "finished")

    def reopen(self, phase: str | None = None) -> None:
        """Back to in progress (e.g. staff review a finished session)."""
        self._set_status("in_progress", "reopened", phase)

    def _set_status(self, status: str, kind: str, phase: str | None = None) -> None:
        self._check_open()
        with self.store.db.write() as conn:
            lease.check(conn, self.info.id, self.token)
            at = lease.now()
            conn.execute("UPDATE sessions SET status = ?, finished_at = ?, phase = coalesce(?, phase) WHERE id = ?",
                         (status, at if status == "finished" else None, phase, self.info.id))
            progress = self.interview.progress()
            self.store._event(conn, self.info.id, self.info.actor, self.info.actor_name, kind,
                              detail=f"{progress.answered} answered, {progress.remaining} unanswered")
            self._touch(conn, at)
        self.info = self.store.get(self.info.id)

    def heartbeat(self) -> None:
        """Show that this process is alive (the app may call it on a timer; answers do it too)."""
        self._check_open()
        with self.store.db.write() as conn:
            lease.check(conn, self.info.id, self.token)

    # -- review of an imported report ------------------------------------------
    def reviewed(self) -> set[str]:
        """Questions staff have answered or confirmed since the review began."""
        rows = self.store.db.read(
            """SELECT DISTINCT question_id FROM events WHERE session_id = ? AND actor = 'staff' AND kind IN ('answer', 'confirm')
               AND id > coalesce((SELECT max(id) FROM events WHERE session_id = ? AND kind IN ('imported', 'review_started')), 0)""",
            (self.info.id, self.info.id),
        )
        return {r["question_id"] for r in rows}

    def next_to_review(self) -> Node | None:
        """In a review: the first question on the path that staff have not yet gone through."""
        done = self.reviewed()
        return next((n for n in self.interview.path() if n.id not in done), None)

    def start_review(self) -> None:
        """Staff go through every answer again (a finished session is reopened)."""
        self._check_open()
        with self.store.db.write() as conn:
            lease.check(conn, self.info.id, self.token)
            conn.execute("UPDATE sessions SET phase = 'review', status = 'in_progress', finished_at = NULL WHERE id = ?", (self.info.id,))
            self.store._event(conn, self.info.id, self.info.actor, self.info.actor_name, "review_started")
            self._touch(conn, lease.now())
        self.info = self.store.get(self.info.id)

    # -- the report ----------------------------------------------------------
    def report(self, lang: str | None = None, generated_at: datetime | None = None) -> "Report":
        from anzen.report import Meta, build_report

        info = self.info
        meta = Meta(respondent=info.respondent, mode=info.mode, staff=info.staff, session=info.id,
                    flow_hash=info.flow_hash, notes=dict(self.notes), history=answer_history(self.store, info.id))
        return build_report(self.interview, generated_at=generated_at or datetime.now().astimezone(), lang=lang or info.lang, meta=meta)

    # -- closing -------------------------------------------------------------
    def _check_open(self) -> None:
        if self.closed:
            raise StoreError(f"session {self.info.id} is closed in this process")

    def close(self) -> None:
        """Release the lease (the session is no longer busy). Safe to call twice.

        A session nothing was given in (no respondent named, no answer, note or other event since it was
        created: the app or the line mode opened and left at once) is removed instead (`discarded`): it holds nothing to
        resume, and kept, every such start would be offered for resuming."""
        if self.closed:
            return
        self.closed = True
        try:
            with self.store.db.write() as conn:
                if _untouched(conn, self.info.id):
                    for table in ("events", "leases", "sessions"):  # (secure_delete: the rows are overwritten)
                        conn.execute(f"DELETE FROM {table} WHERE {'id' if table == 'sessions' else 'session_id'} = ?", (self.info.id,))
                    self.discarded = True
                else:
                    lease.release(conn, self.info.id, self.token)
        except StoreError:
            pass  # a lease left behind is recovered as stale once this process has gone

    def __enter__(self) -> "LiveSession":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()



def _untouched(conn: Any, session_id: str) -> bool:
    """In progress, with no respondent named, no answer, no note and no event but its creation."""
    row = conn.execute(
        "SELECT status = 'in_progress' AND respondent IS NULL"
        " AND NOT EXISTS (SELECT 1 FROM answers WHERE session_id = :id)"
        " AND NOT EXISTS (SELECT 1 FROM notes WHERE session_id = :id)"
        " AND NOT EXISTS (SELECT 1 FROM events WHERE session_id = :id AND kind != 'created')"
        " FROM sessions WHERE id = :id", {"id": session_id}).fetchone()
    return bool(row and row[0])
