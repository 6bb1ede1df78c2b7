"""A second anzen process for the lease and concurrency tests: `python store_child.py COMMAND ARGS…`."""

from __future__ import annotations

import sqlite3
import sys
import time
from pathlib import Path

from anzen.store import open_store


def hold_session(db: str, session: str) -> None:
    """Open a session (taking its lease) and keep it open until a line arrives on stdin."""
    with open_store(db) as store:
        live = store.open(session)
        print("ready", flush=True)
        sys.stdin.readline()
        live.close()


def hold_write(db: str) -> None:
    """Hold the database's write lock until a line arrives on stdin (or 'release after' seconds)."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    print("ready", flush=True)
    sys.stdin.readline()
    conn.execute("COMMIT")
    conn.close()


def writer(db: str, flow: str, name: str, count: str, go: str) -> None:
    """Wait for the go file, then create a session and change one answer `count` times."""
    while not Path(go).exists():
        time.sleep(0.005)
    with open_store(db) as store:
        live = store.start(flow)
        for n in range(int(count)):
            live.answer("company", f"{name}-{n}")
            if n % 25 == 0:
                store.sessions()  # readers in between
        live.close()
        print(live.id, flush=True)


if __name__ == "__main__":
    {"hold-session": hold_session, "hold-write": hold_write, "writer": writer}[sys.argv[1]](*sys.argv[2:])
