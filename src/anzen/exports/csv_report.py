"""The report as CSV: one row per item (per subcontractor for an application), UTF-8 with a BOM so that
Excel in Japan opens it without mojibake, CRLF line ends. A cell that a spreadsheet would read as a
formula (beginning with = + - @, tab or CR) gets a leading apostrophe."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from anzen.exports.common import answer_lines, answer_text, clean, is_plain, neutralise, refs_text, status_label, text_of

if TYPE_CHECKING:
    from anzen.report import Report

COLUMNS = {
    "ja": ["チェックリスト", "項目", "番号", "再委託先", "確認事項", "状態", "状態コード", "回答", "理由", "対応", "根拠"],
    "en": ["checklist", "category", "item", "instance", "text", "status", "status_code", "answer", "reason", "action", "refs"],
}


def render(report: "Report", **_: object) -> bytes:
    lang = report.lang
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS.get(lang, COLUMNS["ja"]))
    for checklist in report.checklists:
        for cat in checklist.categories:
            for item in cat.items:
                if is_plain(item):
                    answer = answer_text(item, lang, sep=" / ")
                else:
                    answer = " / ".join(f"{p} → {a}" for p, a in answer_lines(item, lang))
                row = [
                    checklist.title.get(lang), f"{cat.id} {cat.title.get(lang)}", item.id, item.instance_label or "", item.text.get(lang),
                    status_label(item.status, lang), item.status, answer, text_of(item.reason, lang), text_of(item.action, lang),
                    refs_text(item, lang, sep=" / "),
                ]
                writer.writerow([neutralise(clean(cell)) for cell in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
