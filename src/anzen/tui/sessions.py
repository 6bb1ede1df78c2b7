"""The app's link to the session store: what the home screen can resume, and opening or starting one.

Plain Python (no Textual). Every answer given in the app goes through the LiveSession, which commits
it before the next question is shown; the store itself decides what is busy, stale or changed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from anzen.tui.navigation import ResumeEntry


class SessionLink:
    """Opens the store lazily (the home screen appears first); a store that cannot be opened is reported, not fatal."""

    def __init__(self, db: str | None = None) -> None:
        self.db = db
        self._store: Any = None
        self.failure: Any = None  # the StoreError that kept the store from opening

    def store(self) -> Any:
        if self._store is None and self.failure is None:
            from anzen.store import StoreError, open_store

            try:
                self._store = open_store(self.db)
            except StoreError as exc:  # damaged, foreign or newer database: left untouched
                self.failure = exc
        return self._store

    def error(self, lang: str) -> str | None:
        """Why there is no store, in `lang` (None: there is one, or it was not opened yet)."""
        return None if self.failure is None else self.failure.message(lang)

    def entries(self, titles: dict[str, str]) -> Sequence[ResumeEntry]:
        """Unfinished sessions for the home screen, newest first; busy ones say so."""
        store = self.store()
        if store is None:
            return ()
        rows = []
        for info in store.unfinished():
            title = titles.get(info.flow_id, info.flow_id)
            if info.respondent:
                title = f"{title} — {info.respondent}"
            when = info.updated_at[:16].replace("T", " ")
            rows.append(ResumeEntry(info.id, info.flow_id, title, info.answered or 0, when, mode=info.mode, staff=info.staff,
                                    busy=info.busy is not None))
        return rows

    def start(self, flow: str, *, mode: str, staff: str | None, lang: str) -> Any:
        """A new session (None when there is no usable store: the interview then runs unsaved)."""
        store = self.store()
        if store is None:
            return None
        return store.start(flow, mode=mode, staff=staff, lang=lang)

    def open(self, session_id: str) -> Any:
        """Open a stored session (SessionBusy when another process has it open)."""
        store = self.store()
        if store is None:
            from anzen.store import StoreError

            raise self.failure or StoreError("no session store", ja="セッションの保存先がありません")
        return store.open(session_id)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
