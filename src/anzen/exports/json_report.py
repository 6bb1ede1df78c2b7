"""The JSON report (docs/report-format.md)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from anzen.report import report_dict

if TYPE_CHECKING:
    from anzen.report import Report


def render(report: "Report", **_: object) -> bytes:
    return (json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
