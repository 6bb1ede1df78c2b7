"""The session store: interviews kept in SQLite so that none is ever lost.

What front ends use (the line interview and the app alike):

    store = open_store(path)                 # --db PATH / $ANZEN_DB / the user data folder
    live = store.start(flow, respondent=…, mode="self" | "staff", staff=…, lang=…)
    live = store.open(session_id_or_prefix)  # SessionBusy when open in another live process
    live.resume                              # flow_changed, misfits (kept, flagged), recovered_from
    live.interview                           # the engine's Interview, at the next unanswered question
    live.answer(question_id, raw)            # validate + commit at once (autosave) → Change
    live.clear(question_id) / live.note(question_id, text) / live.finish() / live.report(lang)
    live.close()                             # release the lease
    store.unfinished()                       # for a home screen: SessionInfo with progress and busy
    store.history(session_id, question_id)   # the audit trail
    store.delete(session_id)                 # secure erasure → Erasure (the record of what was erased)
    store.import_report(path, staff=…)       # a JSON report → a session for staff to review

The store never imports a user interface library."""

from typing import Any

from anzen.store.db import DamagedStore, StoreError, default_path, resolve_path
from anzen.store.records import Erasure, Event, LeaseLost, Misfit, SessionBusy, SessionInfo, StoredAnswer, UnknownSession
from anzen.store.sessions import Store, open_store

__all__ = [
    "DamagedStore", "Erasure", "Event", "LeaseLost", "LiveSession", "Misfit", "ResumeInfo", "SessionBusy", "SessionInfo",
    "Store", "StoreError", "StoredAnswer", "UnknownSession", "default_path", "open_store", "resolve_path",
]


def __getattr__(name: str) -> Any:  # the engine is imported only when a session is opened
    if name in ("LiveSession", "ResumeInfo"):
        from anzen.store import live

        return getattr(live, name)
    raise AttributeError(f"module 'anzen.store' has no attribute {name!r}")
