"""Deleting a session so that its answers cannot be recovered from the database files (廃棄・消去).

1. The rows go in one transaction, with secure_delete=ON (set on every connection): SQLite
   overwrites the deleted content with zeros instead of leaving it in free pages.
2. `wal_checkpoint(TRUNCATE)` copies every page into the database file and truncates the
   write-ahead log to zero bytes: old versions of pages (the answers as they were) leave the -wal.
3. VACUUM rebuilds the database file without free pages (its temporary copy stays in memory),
   then the log is checkpointed and truncated again.

What is erased is returned (and printed by `anzen sessions delete`) as the basis of an erasure record.
Copies outside the database (exported reports, backups, the file system's own blocks) are not
reachable from here: the record says so."""

from __future__ import annotations

from typing import TYPE_CHECKING

from anzen.errors import Notice
from anzen.store import lease
from anzen.store.records import Erasure, SessionBusy, SessionInfo

if TYPE_CHECKING:
    from anzen.store.sessions import Store

CHECKPOINT_WAIT_MS = 3000  # how long the checkpoint waits for other readers to finish


def erase(store: "Store", info: SessionInfo, *, force: bool = False) -> Erasure:
    if info.busy is not None and not force:
        raise SessionBusy(info.id, info.busy)
    db = store.db
    with db.write() as conn:
        row = conn.execute("SELECT * FROM leases WHERE session_id = ?", (info.id,)).fetchone()
        if row is not None and lease.is_alive(row) and not force:  # opened meanwhile
            raise SessionBusy(info.id, lease.holder_of(row))
        counts = {
            table: conn.execute(f"SELECT count(*) FROM {table} WHERE session_id = ?", (info.id,)).fetchone()[0]
            for table in ("answers", "notes", "events")
        }
        for table in ("events", "notes", "answers", "leases"):
            conn.execute(f"DELETE FROM {table} WHERE session_id = ?", (info.id,))
        conn.execute("DELETE FROM sessions WHERE id = ?", (info.id,))
    erased_at = lease.now()
    warnings: list[Notice] = []
    checkpointed, vacuumed, more = compact(store)
    warnings += more
    warnings.append(Notice("reports exported from this session earlier are separate files and are not deleted by this",
                           "このセッションから以前に書き出した報告書は別のファイルで、これでは消えません"))
    return Erasure(info, erased_at, str(db.path), counts["answers"], counts["notes"], counts["events"], checkpointed, vacuumed, warnings)


def compact(store: "Store") -> tuple[bool, bool, list[Notice]]:
    """Empty the write-ahead log into the database file and rebuild it without free pages.
    Returns (log emptied and truncated, vacuumed, warnings)."""
    warnings: list[Notice] = []
    db = store.db
    with db.reading() as conn:
        checkpointed = _checkpoint(conn)
        vacuumed = True
        try:
            conn.execute("VACUUM")
        except Exception as exc:  # noqa: BLE001 - reported; deleted content was already zeroed by secure_delete
            vacuumed = False
            warnings.append(Notice(f"VACUUM could not run ({exc}); deleted content was zeroed by secure_delete",
                                   f"VACUUM を実行できませんでした（{exc}）。消した内容は secure_delete によりゼロで上書き済みです"))
        checkpointed = _checkpoint(conn) and checkpointed
    if not checkpointed:
        warnings.append(Notice(
            "another anzen was reading the database, so the write-ahead log could not be emptied completely; "
            "close the other anzen windows and run `anzen sessions compact`",
            "ほかの anzen がデータベースを読んでいたため、先行書き込みログを空にしきれませんでした。"
            "ほかの anzen の画面を閉じて anzen sessions compact を実行してください",
        ))
    return checkpointed, vacuumed, warnings


def _checkpoint(conn) -> bool:  # type: ignore[no-untyped-def]
    """Checkpoint and truncate the WAL; True when it completed. TRUNCATE waits (busy handler) for
    readers of an old snapshot to finish, for CHECKPOINT_WAIT_MS at most, not the full busy timeout."""
    from anzen.store.db import BUSY_TIMEOUT_S

    conn.execute(f"PRAGMA busy_timeout = {CHECKPOINT_WAIT_MS}")
    try:
        busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    return busy == 0
