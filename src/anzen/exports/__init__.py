"""Exporters: one module per format, each `render(report) -> bytes`, imported only when asked for."""

from __future__ import annotations

import importlib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from anzen.errors import Failure

if TYPE_CHECKING:
    from anzen.report import Report

# format → (module, file suffix). A format's library is imported only when it is asked for.
FORMATS: dict[str, tuple[str, str]] = {
    "json": ("anzen.exports.json_report", ".json"),
    "md": ("anzen.exports.markdown", ".md"),
    "pdf": ("anzen.exports.pdf", ".pdf"),
    "xlsx": ("anzen.exports.xlsx", ".xlsx"),
    "html": ("anzen.exports.html", ".html"),
    "csv": ("anzen.exports.csv_report", ".csv"),
}


class ExportError(Failure):
    """A report could not be written; the message names the file (in both languages)."""


class FormatError(Failure, ValueError):
    """A --format naming no format anzen writes (in both languages)."""


def already_exists(path: Path) -> ExportError:
    return ExportError(f"{path}: already exists (use --force to overwrite)",
                       ja=f"{path}: 同じ名前のファイルがすでにあります（上書きするには --force）")


@dataclass(frozen=True)
class Written:
    """A report file written, and its format."""

    format: str
    path: Path


def parse_formats(text: str) -> list[str]:
    """'json,md' → ['json', 'md']; FormatError (a ValueError) naming what is unknown."""
    formats = [f.strip().lower() for f in text.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        named = ', '.join(unknown) or '(none)'
        raise FormatError(f"unknown format {named}; available: {', '.join(FORMATS)}",
                          ja=f"形式 {named} はありません。使える形式: {', '.join(FORMATS)}")
    return list(dict.fromkeys(formats))


def safe_name(text: str, limit: int = 60) -> str:
    """A file-name part from user text: no separators, control characters, dots at the start."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"[^\w\-]+", "_", text, flags=re.UNICODE).strip("._-")
    return text[:limit] or "report"


def default_basename(report: "Report") -> str:
    form = report.checklists[0].id if report.checklists else report.flow
    who = safe_name(report.respondent or "")
    day = report.generated_at[:10].replace("-", "")
    return "_".join(p for p in (form, who if who != "report" else "", day) if p)


def render(report: "Report", fmt: str, **options: object) -> bytes:
    """options: era=False (Western dates), pdf_font=PATH; a format ignores what it does not use."""
    module_name, _ = FORMATS[fmt]
    return importlib.import_module(module_name).render(report, **options)


def write_atomic(path: Path, data: bytes, *, force: bool = False, mode: int = 0o600) -> None:
    """Write via a temporary file and rename; never replace an existing file unless `force`."""
    if path.exists() and not force:
        raise already_exists(path)
    import tempfile  # here: the line mode imports this package before its first question, and writes at the end

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        if force:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)  # fails if the name was taken meanwhile: never a silent overwrite
            os.unlink(tmp)
    except FileExistsError:
        os.unlink(tmp)
        raise already_exists(path) from None
    except OSError as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise ExportError(f"{path}: cannot write: {exc.strerror or exc}", ja=f"{path}: 書き込めません: {exc.strerror or exc}") from None


def write_reports(report: "Report", formats: list[str], out_dir: Path, *, force: bool = False, basename: str | None = None, options: dict | None = None) -> list[Written]:
    """Render every format first, then write them all: a failure in one writes none."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"{out_dir}: cannot create the folder: {exc.strerror or exc}",
                          ja=f"{out_dir}: フォルダを作成できません: {exc.strerror or exc}") from None
    base = basename or default_basename(report)
    targets = [(fmt, out_dir / f"{base}{FORMATS[fmt][1]}") for fmt in formats]
    if not force:
        for _, path in targets:
            if path.exists():
                raise already_exists(path)
    rendered = [(fmt, path, render(report, fmt, **(options or {}))) for fmt, path in targets]
    written = []
    for fmt, path, data in rendered:
        write_atomic(path, data, force=force)
        written.append(Written(fmt, path))
    return written
