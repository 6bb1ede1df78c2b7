"""The session database file: where it lives, opening it safely, and transactions.

Safety rules, in order:
- a file that is not an anzen database (not SQLite, another program's SQLite, damaged, made by
  a newer anzen) is refused with a clear error and never written to: it is checked from its raw
  header bytes before SQLite opens it, then with `PRAGMA quick_check`;
- the file and the folder anzen creates for it are readable by the owner only (0600 / 0700);
  SQLite gives the -wal and -shm files the database file's permissions;
- WAL mode with synchronous=FULL: a committed answer survives kill -9 and power loss;
- secure_delete=ON on every connection: deleted and overwritten values are zeroed, not left
  in free pages."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from anzen.errors import Failure, Notice

APPLICATION_ID = 0x616E7A6E  # 'anzn' in the SQLite header: marks the file as anzen's
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 10.0  # how long a writer waits for another process's transaction
ENV_VAR = "ANZEN_DB"
DB_NAME = "sessions.db"


class StoreError(Failure):
    """The session store cannot do what was asked; the message says why (for the user, in both languages)."""


class _SettingUp(StoreError):
    """Another process holds the new database while it sets it up (connect tries again)."""


class DamagedStore(StoreError):
    """The file at the database path is not a usable anzen database; it was left untouched."""


def default_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("anzen", appauthor=False)) / DB_NAME


def resolve_path(option: str | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """`--db PATH`, else $ANZEN_DB, else the user data folder."""
    environ = os.environ if environ is None else environ
    chosen = option or environ.get(ENV_VAR)
    return Path(chosen).expanduser() if chosen else default_path()


def _refuse(path: Path, why: str, why_ja: str) -> DamagedStore:
    return DamagedStore(
        f"{path}: {why}. anzen has not changed the file. "
        f"Move it away or choose another database with --db PATH (or ${ENV_VAR}).",
        ja=f"{path}: {why_ja}。anzen はこのファイルを変更していません。"
        f"ファイルを別の場所に移すか、--db PATH（または ${ENV_VAR}）で別のデータベースを指定してください。",
    )


def check_header(path: Path) -> bool:
    """True when a new database is to be created at `path`; DamagedStore when the file is not ours."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except FileNotFoundError:
        return True
    except IsADirectoryError:
        raise _refuse(path, "is a folder, not a database file", "データベースのファイルではなくフォルダです") from None
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the database: {exc.strerror or exc}",
                         ja=f"{path}: データベースを読み込めません: {exc.strerror or exc}") from None
    if not header:
        wal = Path(f"{path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise _refuse(path, "is empty but has a write-ahead log (-wal) beside it", "中身が空ですが、同じ場所に先行書き込みログ（-wal）があります")
        return True  # created but never initialised (e.g. killed at once): safe to initialise
    if len(header) < 100 or header[:16] != SQLITE_MAGIC:
        raise _refuse(path, "is not an SQLite database (not an anzen session store, or damaged)",
                      "SQLite のデータベースではありません（anzen のセッションの保存先ではないか、壊れています）")
    app_id = int.from_bytes(header[68:72], "big")
    if app_id != APPLICATION_ID:
        raise _refuse(path, "is an SQLite database of another program, not an anzen session store",
                      "他のプログラムの SQLite データベースです（anzen のセッションの保存先ではありません）")
    return False


def _prepare_location(path: Path) -> list[Notice]:
    """Create the folder (0700) if needed; returns warnings about a folder others can read."""
    notes: list[Notice] = []
    parent = path.parent
    if not parent.exists():
        try:
            parent.mkdir(parents=True, mode=0o700)
            os.chmod(parent, 0o700)
        except FileExistsError:
            pass  # another process made it a moment ago (two starting on a new database at once)
        except OSError as exc:
            raise StoreError(f"{parent}: cannot create the folder for the database: {exc.strerror or exc}",
                             ja=f"{parent}: データベースのフォルダを作成できません: {exc.strerror or exc}") from None
    elif parent.resolve() == default_path().parent.resolve():
        os.chmod(parent, 0o700)  # our own folder: keep it private
    elif parent.stat().st_mode & 0o077:
        notes.append(Notice(f"{parent}: other users can list this folder; the database itself is readable by you only",
                            f"{parent}: このフォルダは他のユーザーも中を一覧できます（データベースのファイル自体は本人だけが読めます）"))
    return notes


def _settled_header(path: Path, wait_s: float = 5.0) -> bool:
    """check_header, allowing for another anzen that is creating this very file right now: a database a few
    seconds old may not have its SQLite header or anzen's application id yet. An older file is judged at once."""
    import time

    deadline = time.monotonic() + wait_s
    while True:
        try:
            return check_header(path)
        except DamagedStore as refused:
            try:
                young = time.time() - path.stat().st_mtime < wait_s
                with open(path, "rb") as handle:
                    header = handle.read(100)
            except OSError:  # a folder, or gone meanwhile: the first refusal says why
                raise refused from None
            # being created: SQLite's header not written yet, or written without anzen's application id yet
            forming = len(header) < 100 or (header[:16] == SQLITE_MAGIC and header[68:72] == b"\0\0\0\0")
            if not (young and forming) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _create_file(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
    except FileExistsError:
        pass  # another process created it a moment ago; its header is checked again below
    except OSError as exc:
        raise StoreError(f"{path}: cannot create the database: {exc.strerror or exc}",
                         ja=f"{path}: データベースを作成できません: {exc.strerror or exc}") from None


def _tighten(path: Path) -> None:
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            if stat.S_IMODE(p.stat().st_mode) & 0o077:
                os.chmod(p, 0o600)
        except FileNotFoundError:
            pass


class Database:
    """One connection to the session database, used from one thread at a time (a lock guards it)."""

    def __init__(self, path: Path, conn: sqlite3.Connection, notes: list[Notice]) -> None:
        self.path = path
        self.conn = conn
        self.notes = notes  # warnings for the user (e.g. a folder other users can read)
        self.lock = threading.RLock()

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: BEGIN IMMEDIATE takes the write lock first (waiting up to the busy
        timeout), so two processes never fail half-way through upgrading a read to a write.
        Any SQLite error (busy, disk full, I/O) rolls it back and becomes a StoreError."""
        with self.lock:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise _error(self.path, exc) from None
            try:
                yield self.conn
                self.conn.execute("COMMIT")
            except BaseException as exc:
                if self.conn.in_transaction:  # SQLite may have rolled back already (e.g. disk full)
                    self.conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise _error(self.path, exc) from None
                raise

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """Reads, with SQLite errors as StoreError."""
        with self.lock:
            try:
                yield self.conn
            except sqlite3.Error as exc:
                raise _error(self.path, exc) from None

    def read(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        with self.reading() as conn:
            return conn.execute(sql, params).fetchall()

    def close(self) -> None:
        with self.lock:
            self.conn.close()


def _error(path: Path, exc: sqlite3.Error) -> StoreError:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return StoreError(f"{path}: the database is busy (another anzen is writing to it); try again in a moment",
                          ja=f"{path}: データベースは使用中です（別の anzen が書き込んでいます）。少し待ってからもう一度お試しください")
    if isinstance(exc, sqlite3.DatabaseError) and ("malformed" in text or "not a database" in text):
        return DamagedStore(f"{path}: the database is damaged ({text}); nothing more was written to it",
                            ja=f"{path}: データベースが壊れています（{text}）。これ以上は書き込んでいません")
    return StoreError(f"{path}: {text}", ja=f"{path}: データベースのエラー: {text}")


def connect(path: Path) -> Database:
    """Open (creating if absent) the database at `path`, checked and migrated to the current schema."""
    # Two anzen starting at once on a new database: while one sets the file up, the other can be told it is
    # busy (once seen in CI; its exact cause was not reproduced). Setting up is tried again until BUSY_TIMEOUT_S.
    deadline, pause = time.monotonic() + BUSY_TIMEOUT_S, 0.02
    while True:
        try:
            return _connect(path)
        except _SettingUp:
            if time.monotonic() + pause > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.25)


def _connect(path: Path) -> Database:
    from anzen.store.schema import migrate

    path = Path(path)
    new = _settled_header(path)
    notes: list[Notice] = []
    if new:
        notes = _prepare_location(path)
        _create_file(path)
        new = _settled_header(path)
    else:
        _tighten(path)
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open the database: {exc}", ja=f"{path}: データベースを開けません: {exc}") from None
    conn.row_factory = sqlite3.Row
    try:
        _configure(conn, path, new)
        db = Database(path, conn, notes)
        migrate(db)
    except BaseException:
        conn.close()
        raise
    return db


def _configure(conn: sqlite3.Connection, path: Path, new: bool) -> None:
    try:
        if not new:  # an existing file is read before anything is written to it
            result = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
            if result != ["ok"]:
                found = "; ".join(result[:3])
                raise _refuse(path, f"is damaged (SQLite integrity check: {found})", f"壊れています（SQLite の整合性検査: {found}）")
        # temp_store=MEMORY: VACUUM's temporary copy (personal data) never goes to a file in /tmp
        for pragma in ("foreign_keys=ON", "secure_delete=ON", "synchronous=FULL", "trusted_schema=OFF", "temp_store=MEMORY"):
            conn.execute(f"PRAGMA {pragma}")
        if new:
            # application_id goes straight into the file's header while still in rollback-journal mode,
            # so the raw header check above recognises the file from its first byte on.
            conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise StoreError(f"{path}: cannot use write-ahead logging here (journal mode {mode}); choose a local folder with --db",
                             ja=f"{path}: この場所では先行書き込みログ（WAL）を使えません（journal mode {mode}）。--db でローカルのフォルダを指定してください")
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc)):
            raise _SettingUp(f"{path}: the database is busy (another anzen is setting it up); try again",
                             ja=f"{path}: データベースは使用中です（別の anzen が準備しています）。もう一度お試しください") from None
        raise _refuse(path, f"cannot be read as a database ({exc})", f"データベースとして読み込めません（{exc}）") from None
