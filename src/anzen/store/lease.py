"""Leases: a session open in one process is busy in every other.

A lease is a row (session, token, pid, host, process start time, heartbeat). It is taken and
checked inside write transactions, so two processes cannot both hold it. A lease left behind by
a process that died (kill -9, power loss) is stale and is taken over: on this host when its
process is gone (or its pid now belongs to another process), on another host when it has shown
no sign of life for LEASE_TTL."""

from __future__ import annotations

import os
import socket
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from anzen.digest import token_hex

LEASE_TTL = timedelta(minutes=15)


@dataclass(frozen=True)
class Holder:
    """Who holds a session open."""

    pid: int
    host: str
    since: str
    heartbeat: str

    def describe(self, lang: str = "ja") -> str:
        if lang == "en":
            return f"open in another anzen (process {self.pid} on {self.host}, since {self.since[:19]})"
        return f"別の anzen で開かれています（{self.host} のプロセス {self.pid}、{self.since[:19]} から）"


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="milliseconds")


@cache
def hostname() -> str:
    return socket.gethostname()


def process_start(pid: int) -> str | None:
    """The start time of a process (Linux /proc), to tell a reused pid from the original; None elsewhere."""
    state = _proc_stat(pid)
    return state[1] if state else None


def _proc_stat(pid: int) -> tuple[str, str] | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            text = handle.read().decode("ascii", "replace")
    except OSError:
        return None
    fields = text[text.rfind(")") + 2 :].split()  # the command name may contain spaces and ')'
    return (fields[0], fields[19]) if len(fields) > 19 else None  # state, starttime


def new_token() -> str:
    return token_hex(8)


def holder_of(row: sqlite3.Row) -> Holder:
    return Holder(row["pid"], row["host"], row["acquired_at"], row["heartbeat_at"])


def is_alive(row: sqlite3.Row) -> bool:
    """Whether the process that holds a lease is still there."""
    if row["host"] != hostname():
        try:
            beat = datetime.fromisoformat(row["heartbeat_at"])
        except ValueError:
            return False
        return datetime.now().astimezone() - beat < LEASE_TTL
    pid = int(row["pid"])
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # exists, owned by someone else
    except OSError:
        return False
    state = _proc_stat(pid)
    if state is not None:
        if state[0] in ("Z", "X"):  # killed, not yet reaped
            return False
        if row["process_start"] and state[1] != row["process_start"]:
            return False  # the pid was reused by another process
    return True


def acquire(conn: sqlite3.Connection, session_id: str, token: str) -> sqlite3.Row | None:
    """Take the lease inside the caller's write transaction. Returns the stale lease that was taken
    over (None if there was none); raises SessionBusy when a live process holds it."""
    from anzen.store.records import SessionBusy

    row = conn.execute("SELECT * FROM leases WHERE session_id = ?", (session_id,)).fetchone()
    if row is not None and row["token"] != token and is_alive(row):
        raise SessionBusy(session_id, holder_of(row))
    stamp = now()
    conn.execute(
        "INSERT OR REPLACE INTO leases (session_id, token, pid, host, process_start, acquired_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (session_id, token, os.getpid(), hostname(), process_start(os.getpid()), stamp, stamp),
    )
    return row if row is not None and row["token"] != token else None


def check(conn: sqlite3.Connection, session_id: str, token: str) -> None:
    """Inside a write transaction: the lease is still ours (else LeaseLost); refresh its heartbeat."""
    from anzen.store.records import LeaseLost

    row = conn.execute("SELECT * FROM leases WHERE session_id = ?", (session_id,)).fetchone()
    if row is None or row["token"] != token:
        raise LeaseLost(session_id, holder_of(row) if row is not None else None)
    conn.execute("UPDATE leases SET heartbeat_at = ? WHERE session_id = ?", (now(), session_id))


def release(conn: sqlite3.Connection, session_id: str, token: str) -> None:
    conn.execute("DELETE FROM leases WHERE session_id = ? AND token = ?", (session_id, token))


def busy_holders(conn: sqlite3.Connection) -> dict[str, Holder]:
    """Sessions held open by a live process (stale leases are not counted)."""
    rows = conn.execute("SELECT * FROM leases").fetchall()
    return {row["session_id"]: holder_of(row) for row in rows if is_alive(row)}
