"""The session store: create, list, look up, open (leased), history, delete, import.

Every answer, note and change is committed in its own transaction the moment it is given (see
live.py); this module holds what does not need a session to be open."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from anzen.digest import token_hex
from anzen.errors import Notice
from anzen.store import lease
from anzen.store.db import Database, StoreError, connect, resolve_path
from anzen.store.records import (
    MODES, Event, LeaseLost, SessionBusy, SessionInfo, StoredAnswer, UnknownSession, dumps, loads,
)

if TYPE_CHECKING:  # the flow machinery (pydantic models) is imported when a session is created or opened
    from anzen.plan import Plan
    from anzen.registry import Library
    from anzen.report import Report
    from anzen.store.live import LiveSession
    from anzen.store.records import Erasure
    from anzen.store.transfer import ImportResult

__all__ = ["Store", "open_store", "SessionBusy", "LeaseLost", "UnknownSession"]

_SESSION_COLUMNS = "s.*, (SELECT count(*) FROM answers a WHERE a.session_id = s.id AND a.misfit IS NOT NULL) AS misfits"


def open_store(path: str | Path | None = None) -> "Store":
    """The store at `path`, else $ANZEN_DB, else the user data folder (created 0700 / 0600)."""
    return Store(connect(resolve_path(str(path) if path is not None else None)))


class Store:
    def __init__(self, db: Database) -> None:
        self.db = db

    @property
    def path(self) -> Path:
        return self.db.path

    @property
    def notes(self) -> list[Notice]:
        """Warnings about the database's location, for the user."""
        return self.db.notes

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- creating ------------------------------------------------------------
    def create(
        self, flow: str, *, respondent: str | None = None, mode: str = "self", staff: str | None = None,
        lang: str = "ja", library: Library | None = None, plan: Plan | None = None,
        phase: str = "answer", origin: str | None = None,
    ) -> SessionInfo:
        """A new, empty session of `flow` (an installed id or a path)."""
        from anzen.registry import Library
        from anzen.store.flows import load_plan_for, locate

        if mode not in MODES:
            raise StoreError(f"mode must be one of {', '.join(MODES)} (got {mode!r})",
                             ja=f"聞き取りの形式は {', '.join(MODES)} のいずれかです（指定: {mode!r}）")
        if mode == "staff" and not (staff or "").strip():
            raise StoreError("a staff-led session needs the staff member's name (--staff NAME)",
                             ja="職員による聞き取りには、職員の氏名が必要です（--staff NAME）")
        library = library or Library()
        located = locate(flow, library)
        plan = plan or located.plan or load_plan_for(located.ref, library)
        session_id = token_hex(6)
        at = lease.now()
        from datetime import date

        from anzen.engine import Interview

        progress = Interview(plan, today=date.today()).progress().remaining
        with self.db.write() as conn:
            conn.execute(
                """INSERT INTO sessions (id, flow_id, flow_version, flow_hash, flow_ref, respondent, mode, staff, lang,
                   status, phase, created_at, updated_at, answered, remaining, origin)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'in_progress', ?, ?, ?, 0, ?, ?)""",
                (session_id, plan.flow.id, plan.flow.version, located.hash, located.ref, _clean(respondent), mode,
                 _clean(staff), lang, phase, at, at, progress, origin),
            )
            actor = "staff" if mode == "staff" else "respondent"
            self._event(conn, session_id, actor, _clean(staff) if mode == "staff" else _clean(respondent), "created",
                        detail=f"flow {plan.flow.id} {plan.flow.version} (sha256 {located.hash[:12]}), mode {mode}")
        return self.get(session_id)

    def start(self, flow: str, *, library: Library | None = None, **options: Any) -> "LiveSession":
        """Create a session and open it (leased to this process)."""
        info = self.create(flow, library=library, **options)
        return self.open(info.id, library=library)

    def open(self, ref: str, *, library: Library | None = None) -> "LiveSession":
        """Open a session to answer it: takes the lease (SessionBusy if a live process has it),
        rebuilds the interview from the stored answers, and flags answers that no longer fit."""
        from anzen.store.live import LiveSession

        return LiveSession.open(self, self.get(ref), library)

    # -- reading -------------------------------------------------------------
    def sessions(self, status: str | None = None) -> list[SessionInfo]:
        """Sessions, the most recently changed first, each with who holds it open (if anyone)."""
        where, params = ("WHERE s.status = ?", (status,)) if status else ("", ())
        with self.db.reading() as conn:
            rows = conn.execute(f"SELECT {_SESSION_COLUMNS} FROM sessions s {where} ORDER BY s.updated_at DESC, s.id", params).fetchall()
            busy = lease.busy_holders(conn)
        return [SessionInfo.from_row(r, busy.get(r["id"])) for r in rows]

    def unfinished(self) -> list[SessionInfo]:
        """For a home screen: sessions in progress (respondent, flow, progress, last change, busy)."""
        return self.sessions("in_progress")

    def get(self, ref: str) -> SessionInfo:
        """A session by id or unique id prefix."""
        ref = (ref or "").strip().lower()
        if not ref:
            raise UnknownSession("no session given", ja="セッションが指定されていません")
        like = ref.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        with self.db.reading() as conn:
            rows = conn.execute(f"SELECT {_SESSION_COLUMNS} FROM sessions s WHERE s.id LIKE ? ESCAPE '\\' ORDER BY s.id", (like,)).fetchall()
            exact = [r for r in rows if r["id"] == ref]
            rows = exact or rows
            if len(rows) > 1:
                shown = ", ".join(r["id"] for r in rows[:5])
                raise UnknownSession(f"'{ref}' matches {len(rows)} sessions ({shown}); give more of the id",
                                     ja=f"'{ref}' に当てはまるセッションが {len(rows)} 件あります（{shown}）。ID をもっと長く指定してください")
            if not rows:
                raise UnknownSession(f"no session '{ref}' in {self.path} (`anzen sessions list` shows them)",
                                     ja=f"{self.path} にセッション '{ref}' はありません（一覧は anzen sessions list）")
            busy = lease.busy_holders(conn)
        return SessionInfo.from_row(rows[0], busy.get(rows[0]["id"]))

    def answers(self, session_id: str) -> list[StoredAnswer]:
        rows = self.db.read("SELECT * FROM answers WHERE session_id = ? ORDER BY answered_at, question_id", (session_id,))
        return [StoredAnswer(r["question_id"], loads(r["value"]), r["answered_at"], r["misfit"]) for r in rows]

    def notes_of(self, session_id: str) -> dict[str, str]:
        rows = self.db.read("SELECT question_id, text FROM notes WHERE session_id = ? ORDER BY question_id", (session_id,))
        return {r["question_id"]: r["text"] for r in rows}

    def history(self, session_id: str, question_id: str | None = None) -> list[Event]:
        """The audit trail of a session (or of one question), oldest first."""
        sql, params = "SELECT * FROM events WHERE session_id = ?", [session_id]
        if question_id is not None:
            sql += " AND question_id = ?"
            params.append(question_id)
        return [Event.from_row(r) for r in self.db.read(sql + " ORDER BY id", tuple(params))]

    def report(self, ref: str, *, lang: str | None = None, library: Library | None = None) -> "Report":
        """The report of a session as stored (no lease needed: a busy session can be exported)."""
        from anzen.store.live import session_report

        return session_report(self, self.get(ref), lang=lang, library=library)

    # -- deleting and importing ----------------------------------------------
    def delete(self, ref: str, *, force: bool = False) -> "Erasure":
        """Erase a session so that it cannot be recovered from the database files (see erase.py)."""
        from anzen.store.erase import erase

        return erase(self, self.get(ref), force=force)

    def compact(self) -> tuple[bool, bool, list[Notice]]:
        """Checkpoint and truncate the write-ahead log, then VACUUM (see erase.py)."""
        from anzen.store.erase import compact

        return compact(self)

    def import_report(self, path: Path, *, staff: str, flow: str | None = None, library: Library | None = None) -> "ImportResult":
        """A JSON report (e.g. a self-assessment sent by a contractor) → a session for staff to review."""
        from anzen.store.transfer import import_report

        return import_report(self, Path(path), staff=staff, flow=flow, library=library)

    # -- shared by the modules of the store --------------------------------------
    def _event(self, conn: Any, session_id: str, actor: str, actor_name: str | None, kind: str, question_id: str | None = None,
               old: Any = None, new: Any = None, detail: str | None = None, *, encoded: bool = False, at: str | None = None) -> None:
        if not encoded:
            old = None if old is None else dumps(old)
            new = None if new is None else dumps(new)
        conn.execute(
            "INSERT INTO events (session_id, at, actor, actor_name, kind, question_id, old_value, new_value, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (session_id, at or lease.now(), actor, actor_name, kind, question_id, old, new, detail),
        )


def _clean(text: str | None) -> str | None:
    text = (text or "").replace("\x00", "").strip()
    return text or None

