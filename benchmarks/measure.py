"""Timing helpers: medians over repeated fresh processes, with min–max, beside a baseline."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Figure:
    name: str
    value: float  # median
    low: float
    high: float
    unit: str = "s"

    def __str__(self) -> str:
        scale, unit = (1000, "ms") if self.unit == "s" else (1, self.unit)
        return f"{self.value * scale:.1f} {unit} ({self.low * scale:.1f}–{self.high * scale:.1f})"


def figure(name: str, samples: list[float], unit: str = "s") -> Figure:
    return Figure(name, statistics.median(samples), min(samples), max(samples), unit)


def env() -> dict[str, str]:
    """The processes' environment: our sources first, and bytecode cached as an installed package has it
    (any value of PYTHONDONTWRITEBYTECODE, "0" included, stops Python writing .pyc files)."""
    environ = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    environ.pop("PYTHONDONTWRITEBYTECODE", None)
    return environ


def time_process(args: list[str], repeat: int, cwd: Path | None = None, stdin: str | None = None) -> list[float]:
    """Wall time of whole processes (interpreter start included)."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = subprocess.run(args, cwd=cwd, env=env(), input=stdin, capture_output=True, text=True)
        samples.append(time.perf_counter() - start)
        if result.returncode not in (0, 1):
            raise RuntimeError(f"{' '.join(args)} failed: {result.stderr[-2000:]}")
    return samples


def python(*code: str) -> list[str]:
    return [sys.executable, *code]


def time_until(args: list[str], marker: str, repeat: int, *, cwd: Path | None = None, extra_env: dict[str, str] | None = None,
               pty: bool = False, timeout: float = 30.0) -> list[float]:
    """Wall time from starting a process until `marker` appears in its output (then it is killed).

    pty=True runs it in a pseudo-terminal (120×40), as a person at a terminal would."""
    samples = []
    for _ in range(repeat):
        samples.append(_until(args, marker.encode(), cwd, {**env(), **(extra_env or {})}, pty, timeout))
    return samples


def _until(args: list[str], marker: bytes, cwd: Path | None, environ: dict[str, str], use_pty: bool, timeout: float) -> float:
    import fcntl
    import pty as ptys
    import select
    import signal
    import struct
    import termios

    if use_pty:
        reader, writer = ptys.openpty()
        fcntl.ioctl(writer, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        io = {"stdin": writer, "stdout": writer, "stderr": writer}
        environ = {**environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}
    else:
        reader, writer = os.pipe()
        io = {"stdin": subprocess.DEVNULL, "stdout": writer, "stderr": subprocess.STDOUT}
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=cwd, env=environ, start_new_session=True, **io)
    os.close(writer)
    seen = b""
    try:
        while marker not in seen:
            left = timeout - (time.perf_counter() - start)
            ready, _, _ = select.select([reader], [], [], max(left, 0))
            if not ready:
                raise RuntimeError(f"{' '.join(args)}: no {marker!r} within {timeout} s; output: {seen[-2000:]!r}")
            try:
                chunk = os.read(reader, 65536)
            except OSError:  # the pty closes when the process ends
                chunk = b""
            if not chunk:
                raise RuntimeError(f"{' '.join(args)} ended before {marker!r}; output: {seen[-2000:]!r}")
            seen += chunk
        elapsed = time.perf_counter() - start
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(reader)
    return elapsed
