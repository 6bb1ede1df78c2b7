"""What the store hands out: plain records of sessions, answers and the audit trail, and its errors."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass, field
from typing import Any

from anzen.errors import Notice
from anzen.store.db import StoreError
from anzen.store.lease import Holder

MODES = ("self", "staff")
STATUSES = ("in_progress", "finished")


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


class SessionBusy(StoreError):
    """The session is open in another live process."""

    def __init__(self, session_id: str, holder: Holder) -> None:
        self.session_id, self.holder = session_id, holder
        super().__init__(
            f"session {session_id} is {holder.describe('en')}. Close it there first; if that anzen has hung, end it and try again.",
            ja=f"セッション {session_id} は{holder.describe('ja')}。先にそちらで閉じてください。"
            "その anzen が応答しない場合は、終了させてからもう一度お試しください。",
        )


class LeaseLost(StoreError):
    """Another process took this session over (after this one was taken for dead); nothing was saved."""

    def __init__(self, session_id: str, holder: Holder | None) -> None:
        self.session_id, self.holder = session_id, holder
        where = f" by process {holder.pid} on {holder.host}" if holder else ""
        where_ja = f"（{holder.host} のプロセス {holder.pid}）" if holder else " "
        super().__init__(f"session {session_id} was taken over{where}; this answer was not saved. Reopen the session to continue.",
                         ja=f"セッション {session_id} は別の anzen{where_ja}に引き継がれたため、この回答は保存されていません。"
                         "続けるにはセッションを開き直してください。")


class UnknownSession(StoreError):
    pass


@dataclass(frozen=True)
class SessionInfo:
    """A stored session as listed: its flow, who answers it, its state and progress, who has it open."""

    id: str
    flow_id: str
    flow_version: str
    flow_hash: str
    flow_ref: str
    respondent: str | None
    mode: str
    staff: str | None
    lang: str
    status: str
    phase: str  # answer | review (staff reviewing an imported report)
    created_at: str
    updated_at: str
    finished_at: str | None
    answered: int | None
    remaining: int | None  # None: not known until the session is opened (migrated data)
    origin: str | None  # where an imported session came from
    misfits: int = 0  # stored answers that do not fit the flow (kept, flagged)
    busy: Holder | None = None  # open in another live process

    @classmethod
    def from_row(cls, row: sqlite3.Row, busy: Holder | None = None) -> "SessionInfo":
        keys = row.keys()
        return cls(
            id=row["id"], flow_id=row["flow_id"], flow_version=row["flow_version"], flow_hash=row["flow_hash"],
            flow_ref=row["flow_ref"], respondent=row["respondent"], mode=row["mode"], staff=row["staff"],
            lang=row["lang"], status=row["status"], phase=row["phase"], created_at=row["created_at"],
            updated_at=row["updated_at"], finished_at=row["finished_at"], answered=row["answered"],
            remaining=row["remaining"], origin=row["origin"],
            misfits=row["misfits"] if "misfits" in keys else 0, busy=busy,
        )

    @property
    def finished(self) -> bool:
        return self.status == "finished"

    @property
    def actor(self) -> str:
        return "staff" if self.mode == "staff" else "respondent"

    @property
    def actor_name(self) -> str | None:
        return self.staff if self.mode == "staff" else self.respondent

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["busy"] = None if self.busy is None else asdict(self.busy)
        return out


@dataclass(frozen=True)
class StoredAnswer:
    """An answer as stored, and when it was given."""

    question_id: str
    value: Any
    answered_at: str
    misfit: str | None  # why it does not fit the flow now (None: it fits)


@dataclass(frozen=True)
class Event:
    """One entry of the audit trail."""

    id: int
    at: str
    actor: str  # respondent | staff | system
    actor_name: str | None
    kind: str  # created, answer, confirm, clear, removed, note, finished, reopened, imported, flow_changed, lease_recovered
    question_id: str | None
    old_value: Any
    new_value: Any
    detail: str | None

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> "Event":
        return cls(row["id"], row["at"], row["actor"], row["actor_name"], row["kind"], row["question_id"],
                   loads(row["old_value"]), loads(row["new_value"]), row["detail"])

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Misfit:
    """A stored answer that does not fit the flow as it is now: kept and flagged, never dropped."""

    question_id: str
    value: Any
    reason: str  # unknown_question | invalid | not_on_path
    message: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Erasure:
    """What `delete` erased: the basis of an erasure record (消去記録)."""

    session: SessionInfo
    erased_at: str
    database: str
    answers: int
    notes: int
    events: int
    wal_checkpointed: bool  # the write-ahead log was emptied and truncated
    vacuumed: bool  # the database file was rebuilt without free pages
    warnings: list[Notice] = field(default_factory=list)  # as_dict: each as {en, ja}

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["session"] = self.session.as_dict()
        return out
