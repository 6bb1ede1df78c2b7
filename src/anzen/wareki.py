"""Dates in the Japanese era (和暦), as printed on municipal forms: 令和8年4月1日."""

from __future__ import annotations

import re
from datetime import date

# (first day, name): newest first.
ERAS = ((date(2019, 5, 1), "令和"), (date(1989, 1, 8), "平成"), (date(1926, 12, 25), "昭和"))

# compiled when first read (re keeps them), not at every start: most starts read no date (~0.7 ms)
_ERA_INPUT = r"^(令和|平成|昭和|R|H|S)\s*(元|\d{1,2})\s*[年./\-]\s*(\d{1,2})\s*[月./\-]\s*(\d{1,2})\s*日?$"
_WESTERN_INPUT = r"^(\d{4})\s*[年./\-]\s*(\d{1,2})\s*[月./\-]\s*(\d{1,2})\s*日?$"
_LETTERS = {"R": "令和", "H": "平成", "S": "昭和"}


def to_wareki(day: date) -> str:
    """令和8年4月1日 (元年 for the first year of an era); Western date before 昭和."""
    for start, name in ERAS:
        if day >= start:
            year = day.year - start.year + 1
            return f"{name}{'元' if year == 1 else year}年{day.month}月{day.day}日"
    return f"{day.year}年{day.month}月{day.day}日"


def format_date(iso: str, lang: str = "ja", era: bool = True) -> str:
    """An ISO date as a reader expects it: 和暦 in Japanese (or 2026年4月1日), '1 April 2026' in English."""
    try:
        day = date.fromisoformat(iso)
    except (TypeError, ValueError):
        return str(iso)
    if lang == "en":
        return f"{day.day} {day.strftime('%B')} {day.year}"
    return to_wareki(day) if era else f"{day.year}年{day.month}月{day.day}日"


def parse_date(text: str) -> date:
    """Read 2026-04-01, 2026/4/1, 2026年4月1日, 令和8年4月1日 or R8.4.1; ValueError otherwise."""
    text = text.strip().translate(str.maketrans("０１２３４５６７８９／－．", "0123456789/-."))
    match = re.match(_WESTERN_INPUT, text)
    if match:
        return date(int(match[1]), int(match[2]), int(match[3]))
    match = re.match(_ERA_INPUT, text)
    if match:
        era = _LETTERS.get(match[1], match[1])
        start = next(s for s, name in ERAS if name == era)
        year = 1 if match[2] == "元" else int(match[2])
        result = date(start.year + year - 1, int(match[3]), int(match[4]))
        if result < start:
            raise ValueError(f"{era}{year}年 does not reach {result.isoformat()}")
        return result
    raise ValueError(text)
