"""Reading the files anzen is given (flows, answers, reports): OS errors become a problem naming the file.

Apart from yamlio so that reading a JSON file does not import the YAML parser."""

from __future__ import annotations

from pathlib import Path

from anzen.errors import Problem, ProblemsError


def read_bytes(path: Path, display: str | None = None) -> bytes:
    """Read a file, turning OS errors into a problem that names it."""
    name = display or str(path)
    try:
        if path.is_dir():
            raise ProblemsError([Problem("file-unreadable", "is a folder, not a file", name)])
        return path.read_bytes()
    except OSError as exc:
        raise ProblemsError([Problem("file-unreadable", f"cannot read: {exc.strerror or exc}", name)]) from None
