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
    return {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONDONTWRITEBYTECODE": "0"}


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
