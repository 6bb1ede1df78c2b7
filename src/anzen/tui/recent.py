"""Reports written earlier, found in the export folder, so that the home screen can open them again.

A JSON report is also an answers file (docs/report-format.md): opening one loads its answers
through the engine. Files that are not anzen reports, or cannot be read, are passed over."""

from __future__ import annotations

import json
from pathlib import Path

from anzen.tui.navigation import RecentReport

MAX_BYTES = 5_000_000


def recent_reports(folder: Path, lang: str = "ja", limit: int = 5) -> list[RecentReport]:
    try:
        files = sorted((p for p in folder.glob("*.json") if p.is_file()), key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return []
    found: list[RecentReport] = []
    for path in files:
        if len(found) >= limit:
            break
        try:
            if path.stat().st_size > MAX_BYTES:
                continue
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(data, dict) or data.get("format") != "anzen-report" or not isinstance(data.get("answers"), dict):
            continue
        title = data.get("flow_title") if isinstance(data.get("flow_title"), dict) else {}
        notes = data.get("notes") if isinstance(data.get("notes"), dict) else {}
        found.append(RecentReport(
            str(path), str(data.get("flow")), str(title.get(lang) or title.get("ja") or data.get("flow")),
            data.get("respondent") if isinstance(data.get("respondent"), str) else None, str(data.get("generated_at", ""))[:16].replace("T", " "),
            data["answers"], "staff" if data.get("mode") == "staff" else "self",
            data.get("staff") if isinstance(data.get("staff"), str) else None, {str(k): str(v) for k, v in notes.items()},
        ))
    return found
