"""Driving the real `anzen` command in a pseudo-terminal (as a person would type), for the crash tests."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

ANSI = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][A-Za-z0-9]|\x1b[=>]|\r")
WAIT_S = 30.0  # a generous limit for a prompt to appear (slow CI machines); not a speed assertion


class Terminal:
    """`python -m anzen ARGS` on a pty; `expect` waits for text, `type` sends keys."""

    def __init__(self, args: list[str], env: dict[str, str], cwd: Path) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))  # wide: prompts on one line
        full_env = {**os.environ, **env, "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1"}
        self.proc = subprocess.Popen([sys.executable, "-m", "anzen", *args], stdin=slave, stdout=slave, stderr=slave,
                                     env=full_env, cwd=cwd, start_new_session=True, close_fds=True)
        os.close(slave)
        self.master = master
        self.raw = b""

    @property
    def text(self) -> str:
        return ANSI.sub(b"", self.raw).decode("utf-8", "replace")

    def _pump(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # the process ended and the pty closed
            return False
        self.raw += chunk
        return bool(chunk)

    def expect(self, pattern: str, start: int = 0) -> int:
        """Wait until `pattern` (a regex) appears in the output after position `start`; returns its end."""
        deadline = time.monotonic() + WAIT_S
        regex = re.compile(pattern)
        while True:
            found = regex.search(self.text, start)
            if found:
                return found.end()
            if time.monotonic() > deadline or (self.proc.poll() is not None and not self._pump(0.2)):
                raise AssertionError(f"did not see {pattern!r}; output was:\n{self.text[-3000:]}")
            self._pump(0.1)

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode("utf-8"))

    def kill(self) -> None:
        """SIGKILL, as a crash or power loss would stop it; reaped so that its pid is really gone."""
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=WAIT_S)
        self.close()

    def wait(self) -> int:
        while self.proc.poll() is None:
            self._pump(0.1)
        while self._pump(0.05):
            pass
        self.close()
        return self.proc.returncode

    def close(self) -> None:
        try:
            os.close(self.master)
        except OSError:
            pass
