"""The schema, versioned with `PRAGMA user_version`: MIGRATIONS[n] takes a database from version n
to n + 1. A new database is built by running all of them, so a migrated database and a new one
have the same schema (a test checks it, and keeps a fixture of every earlier version).

Never edit a step that has been released; add a new one."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from anzen.store.db import Database

# Version 1: sessions and their current answers (JSON values keyed by question id).
V1 = (
    """CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        flow_id TEXT NOT NULL,
        flow_version TEXT NOT NULL,
        flow_hash TEXT NOT NULL,
        flow_ref TEXT NOT NULL,
        respondent TEXT,
        mode TEXT NOT NULL CHECK (mode IN ('self', 'staff')),
        staff TEXT,
        lang TEXT NOT NULL DEFAULT 'ja',
        status TEXT NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'finished')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    """CREATE TABLE answers (
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        question_id TEXT NOT NULL,
        value TEXT NOT NULL,
        answered_at TEXT NOT NULL,
        PRIMARY KEY (session_id, question_id)
    )""",
)

# Version 2: the audit trail (every change of an answer, with time and actor) and notes.
V2 = (
    """CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        actor TEXT NOT NULL CHECK (actor IN ('respondent', 'staff', 'system')),
        actor_name TEXT,
        kind TEXT NOT NULL,
        question_id TEXT,
        old_value TEXT,
        new_value TEXT,
        detail TEXT
    )""",
    "CREATE INDEX events_by_session ON events (session_id, id)",
    """CREATE TABLE notes (
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        question_id TEXT NOT NULL,
        text TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (session_id, question_id)
    )""",
    # answers given before there was a trail: one event each, saying so
    """INSERT INTO events (session_id, at, actor, actor_name, kind, question_id, new_value, detail)
       SELECT a.session_id, a.answered_at, CASE s.mode WHEN 'staff' THEN 'staff' ELSE 'respondent' END,
              CASE s.mode WHEN 'staff' THEN s.staff ELSE s.respondent END, 'answer', a.question_id, a.value,
              'recorded before the audit trail existed (schema 1)'
       FROM answers a JOIN sessions s ON s.id = a.session_id
       ORDER BY a.answered_at""",
)

# Version 3: leases (a session open in one process is busy in another), answers that no longer
# fit a changed flow (kept, flagged), progress for listings, review of imported reports.
V3 = (
    """CREATE TABLE leases (
        session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
        token TEXT NOT NULL,
        pid INTEGER NOT NULL,
        host TEXT NOT NULL,
        process_start TEXT,
        acquired_at TEXT NOT NULL,
        heartbeat_at TEXT NOT NULL
    )""",
    "ALTER TABLE answers ADD COLUMN misfit TEXT",
    "ALTER TABLE sessions ADD COLUMN finished_at TEXT",
    "ALTER TABLE sessions ADD COLUMN answered INTEGER",
    "ALTER TABLE sessions ADD COLUMN remaining INTEGER",
    "ALTER TABLE sessions ADD COLUMN phase TEXT NOT NULL DEFAULT 'answer' CHECK (phase IN ('answer', 'review'))",
    "ALTER TABLE sessions ADD COLUMN origin TEXT",
    "UPDATE sessions SET answered = (SELECT count(*) FROM answers a WHERE a.session_id = sessions.id)",
    "UPDATE sessions SET finished_at = updated_at WHERE status = 'finished'",
    "CREATE INDEX sessions_by_status ON sessions (status, updated_at)",
)

MIGRATIONS: tuple[tuple[str, ...], ...] = (V1, V2, V3)
CURRENT = len(MIGRATIONS)


def user_version(db: "Database") -> int:
    return int(db.read("PRAGMA user_version")[0][0])


def migrate(db: "Database", target: int = CURRENT) -> int:
    """Bring the database to `target` in one transaction; returns the version it had."""
    from anzen.store.db import StoreError

    found = user_version(db)
    if found > CURRENT:
        raise StoreError(
            f"{db.path}: the database was written by a newer anzen (schema {found}; this anzen knows {CURRENT}). "
            "Update anzen; the database has not been changed.",
            ja=f"{db.path}: このデータベースは新しい版の anzen で書かれています（スキーマ {found}、この anzen は {CURRENT} まで）。"
            "anzen を更新してください。データベースは変更していません。",
        )
    if found >= target:
        return found
    try:
        with db.write() as conn:
            found = int(conn.execute("PRAGMA user_version").fetchone()[0])  # another process may have migrated
            for version in range(found, target):
                for statement in MIGRATIONS[version]:
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {version + 1}")
    except StoreError as exc:  # one transaction: nothing of the upgrade remains
        raise StoreError(f"cannot upgrade the database from schema {found} to {target} ({exc}); it has not been changed",
                         ja=f"データベースをスキーマ {found} から {target} に更新できません（{exc.message('ja')}）。データベースは変更していません") from None
    return found
