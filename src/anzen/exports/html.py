"""The report as one self-contained HTML file: inline CSS only (no fonts, scripts, images or any URL),
readable in a mail client and a browser, printing on A4 like the PDF. Every text is escaped: nothing from
an answer is ever read as markup. A Content-Security-Policy forbids loading anything at all."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from anzen import __version__
from anzen.exports.common import (
    answer_lines, answer_text, clean, document_date, header, header_label, instances, is_missing, is_plain, item_name, item_no, refs_text,
    status_label, summary_line, text_of, words,
)
from anzen.result import ChecklistResult, ItemResult

if TYPE_CHECKING:
    from anzen.report import Report

SENDER_FIELDS = ("address", "contractor", "representative", "applicant")
FOLLOW_BG = "#fce1cf"
FOLLOW_INK = "#a40000"

CSS = """
html{background:#fff;color:#111}
body{font-family:"Yu Gothic","YuGothic","Hiragino Kaku Gothic ProN","Hiragino Sans",Meiryo,"IPAexGothic","Noto Sans CJK JP",sans-serif;
 font-size:15px;line-height:1.6;margin:0 auto;max-width:50em;padding:1.5em 1em}
article+article{margin-top:3em;border-top:3px double #999;padding-top:2em}
.date{text-align:right;margin:0 0 .8em}
.to{font-size:1.1em;margin:0 0 1em}
table.sender{margin:0 0 1.5em auto;border-collapse:collapse}
table.sender th{font-weight:normal;text-align:left;padding:.1em 1.2em .1em 0;vertical-align:top;white-space:nowrap}
table.sender td{padding:.1em 0}
h1{font-size:1.35em;text-align:center;margin:1em 0}
h2{font-size:1.15em;margin:1.8em 0 .6em;border-bottom:2px solid #333}
h3{font-size:1em;margin:0;padding:.3em .5em;background:#fce1cf;color:#a40000;border-left:5px solid #a40000}
.preamble{text-indent:1em;margin:0 0 1em}
table.grid{border-collapse:collapse;width:100%;margin:0 0 .6em}
table.inst{table-layout:fixed}
table.grid th,table.grid td{border:1px solid #444;padding:.35em .5em;vertical-align:middle;text-align:left}
table.grid thead th{background:#e8e8e8;text-align:center;font-weight:normal}
table.grid th.cat{font-weight:normal;width:8.5em}
table.grid td.check{width:5em;text-align:center;white-space:nowrap}
.box{display:inline-block;width:1.1em;height:1.1em;line-height:1.1em;border:1.5px solid #111;background:#fff;color:#111;font-weight:bold;text-align:center}
.st{display:block;font-size:.75em}
tr.follow td{background:#fce1cf}
tr.follow td.text{color:#a40000;border-left:5px solid #a40000}
.na{color:#5a5a5a}
.muted{color:#5a5a5a;font-size:.85em}
.note{margin:.4em 0}
.summary{color:#5a5a5a;font-size:.85em}
.fu{margin:0 0 1em;border:1px solid #444}
.fu dl{margin:0;display:grid;grid-template-columns:5.5em 1fr}
.fu dt,.fu dd{margin:0;padding:.3em .5em;border-top:1px solid #bbb}
.fu dt{background:#e8e8e8}
.q{display:block;color:#5a5a5a;font-size:.85em}
caption{caption-side:top;text-align:left;font-size:1.05em;padding:.3em .5em;background:#e8e8e8;border:1px solid #444;border-bottom:0}
tr.sub th{background:#f4f4f4;font-weight:normal;color:#5a5a5a;font-size:.9em}
footer{margin-top:2em;color:#777;font-size:.8em;text-align:right}
@page{size:A4 portrait;margin:18mm 20mm;@bottom-center{content:counter(page) " / " counter(pages);font-size:8pt;color:#555}}
@media print{
 html,body{background:#fff}
 body{max-width:none;padding:0;font-size:10pt}
 article+article{break-before:page;border:0;margin:0;padding:0}
 thead{display:table-header-group}
 tr,.fu,h3{break-inside:avoid;page-break-inside:avoid}
 tbody.cat,table.inst{break-inside:avoid;page-break-inside:avoid}
 h2{break-after:avoid}
 tr.follow td,h3,.box{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"""


def e(text: str | None) -> str:
    """Escaped text (common.clean: no control characters or bidi overrides), line breaks kept."""
    return "<br>".join(escape(line, quote=True) for line in clean(text).splitlines())


def _check(status: str, lang: str) -> str:
    label = e(status_label(status, lang))
    mark = "✓" if status == "confirmed" else "&#8203;"
    cls = "" if status == "confirmed" else (' style="color:#a40000;font-weight:bold"' if status in ("follow_up", "unanswered") else ' class="na"')
    word = "" if status == "confirmed" else f'<span class="st"{cls}>{"▲ " if status in ("follow_up", "unanswered") else ""}{label}</span>'
    return f'<td class="check"><span class="box" role="img" aria-label="{label}">{mark}</span>{word}</td>'


def _row_attrs(item: ItemResult) -> str:
    # the background inline as well: some mail clients drop <style>
    return f' class="follow" style="background:{FOLLOW_BG}"' if item.needs_follow_up else ""


def _text_cell(text: str, item: ItemResult) -> str:
    style = f' style="background:{FOLLOW_BG};color:{FOLLOW_INK};border-left:5px solid {FOLLOW_INK}"' if item.needs_follow_up else ""
    return f'<td class="text"{style}>{text}</td>'


def _head(out: list[str], checklist: ChecklistResult, report: "Report", lang: str, era: bool) -> None:
    w = words(lang)
    out.append(f'<p class="date">{e(document_date(checklist, report, lang, era))}</p>')
    addressee = header(checklist, "addressee", lang)
    if addressee:
        out.append(f'<p class="to">{e(addressee)}　{e(w["sama"])}</p>')
    fields = [v.id for v in checklist.header if v.id in SENDER_FIELDS]
    if checklist.preamble is None:
        fields += [v.id for v in checklist.header if v.id not in SENDER_FIELDS + ("addressee", "report_date", "application_date") and v.value]
    if fields:
        out.append('<table class="sender">')
        out += [f"<tr><th>{e(header_label(checklist, f, lang))}</th><td>{e(header(checklist, f, lang))}</td></tr>" for f in fields]
        out.append("</table>")
    out.append(f"<h1>{e(checklist.title.get(lang))}</h1>")
    if checklist.preamble is not None:
        out.append(f'<p class="preamble">{e(checklist.preamble.get(lang))}</p>')


def _follow_list(out: list[str], items: list[ItemResult], lang: str, title: str) -> None:
    w = words(lang)
    count = w["count"].format(n=len(items))
    out.append(f"<h2>{e(title)}（{e(count)}）</h2>" if lang == "ja" else f"<h2>{e(title)} ({len(items)})</h2>")
    if not items:
        out.append(f"<p>{e(w['none'])}</p>")
    for n, item in enumerate(items, start=1):
        out.append(f'<div class="fu"><h3 style="background:{FOLLOW_BG};color:{FOLLOW_INK}">▲ {n}. {e(item_name(item))}　{e(item.text.get(lang))}</h3><dl>')
        lines = answer_lines(item, lang)
        if lines:
            answers = "".join(f'<span class="q">{e(p)}</span>→ {e(a)}<br>' for p, a in lines)
            out.append(f"<dt>{e(w['answer'])}</dt><dd>{answers}</dd>")
        for key, value in (("reason", text_of(item.reason, lang)), ("action", text_of(item.action, lang)), ("refs", refs_text(item, lang))):
            if value:
                out.append(f"<dt>{e(w[key])}</dt><dd>{e(value)}</dd>")
        out.append("</dl></div>")


def _checklist(out: list[str], checklist: ChecklistResult, report: "Report", lang: str, era: bool) -> None:
    w = words(lang)
    _head(out, checklist, report, lang, era)
    out.append(f'<table class="grid"><thead><tr><th scope="col">{e(w["category"])}</th><th scope="col">{e(w["item"])}</th>'
               f'<th scope="col">{e(w["check"])}</th></tr></thead>')
    for cat in checklist.categories:
        out.append('<tbody class="cat">')
        for n, item in enumerate(cat.items):
            cat_cell = f'<th class="cat" scope="rowgroup" rowspan="{len(cat.items)}">{e(cat.id)} {e(cat.title.get(lang))}</th>' if n == 0 else ""
            label = f'<span class="muted">[{e(item.instance_label or str(item.instance))}]</span> ' if item.instance is not None else ""
            out.append(f"<tr{_row_attrs(item)}>{cat_cell}{_text_cell(label + e(item.text.get(lang)), item)}{_check(item.status, lang)}</tr>")
        out.append("</tbody>")
    out.append("</table>")
    if checklist.closing_note is not None:
        out.append(f'<p class="note">{e(checklist.closing_note.get(lang))}</p>')
    out.append(f'<p class="summary">{e(w["summary"])}: {e(summary_line(checklist, lang))}</p>')
    if not report.complete:
        out.append(f'<p style="color:{FOLLOW_INK}">{e(w["incomplete"])}</p>')
    _follow_list(out, checklist.follow_ups, lang, w["follow_list"])


def _value(item: ItemResult, lang: str) -> str:
    if not item.answer:
        return f'<span style="color:{FOLLOW_INK}">{e(words(lang)["blank"])}</span>' if item.needs_follow_up else ""
    if is_plain(item):
        return e(answer_text(item, lang))
    return "".join(f'<span class="q">{e(p)}</span>→ {e(a)}<br>' for p, a in answer_lines(item, lang))


def _application(out: list[str], checklist: ChecklistResult, report: "Report", lang: str, era: bool) -> None:
    w = words(lang)
    _head(out, checklist, report, lang, era)
    rows = []
    if header(checklist, "contract_name", lang):
        rows.append((header_label(checklist, "contract_name", lang), header(checklist, "contract_name", lang)))
    start, end = header(checklist, "contract_start", lang), header(checklist, "contract_end", lang)
    if start or end:
        rows.append((w["contract_period"], f"{start}{w['period_sep']}{end}"))
    if rows:
        out.append('<table class="grid">' + "".join(f'<tr><th style="background:#e8e8e8;font-weight:normal;width:12em">{e(k)}</th><td>{e(v)}</td></tr>' for k, v in rows) + "</table>")
    for inst in instances(checklist, lang):
        name = inst.label if inst.number is None else f"{w['instance']} {inst.number}　{inst.label}"
        out.append(f'<table class="grid inst" style="margin-top:1.2em"><caption>{e(name)}</caption>'
                   f'<colgroup><col style="width:38%"><col style="width:48%"><col style="width:14%"></colgroup><thead><tr><th scope="col">{e(w["itemno"])}</th>'
                   f'<th scope="col">{e(w["value"])}</th><th scope="col">{e(w["status"])}</th></tr></thead>')
        for n, cat in enumerate(checklist.categories):
            items = [i for i in inst.items if i.category == cat.id]
            if not items:
                continue
            out.append(f'<tbody class="cat"><tr class="sub"><th colspan="3">{e(cat.title.get(lang))}</th></tr>')
            if n and all(i.status == "not_applicable" for i in items):
                out.append(f'<tr><td colspan="3" class="na">{e(status_label("not_applicable", lang))}</td></tr>')
            else:
                for item in items:
                    label = f"{item_no(checklist, item)} {item.text.get(lang)}"
                    value_style = f' style="background:{FOLLOW_BG}"' if item.needs_follow_up else ""
                    out.append(f"<tr{_row_attrs(item)}>{_text_cell(e(label), item)}<td{value_style}>{_value(item, lang)}</td>{_check(item.status, lang)}</tr>")
            out.append("</tbody>")
        out.append("</table>")
    missing = [(inst, [i for i in inst.items if is_missing(i)]) for inst in instances(checklist, lang)]
    missing = [(inst, items) for inst, items in missing if items]
    count = sum(len(items) for _, items in missing)
    out.append(f"<h2>{e(w['missing'])}（{e(w['count'].format(n=count))}）</h2>" if lang == "ja" else f"<h2>{e(w['missing'])} ({count})</h2>")
    if not missing:
        out.append(f"<p>{e(w['none'])}</p>")
    else:
        out.append('<table class="grid">')
        for inst, items in missing:
            lines = "<br>".join(e(f"{item_no(checklist, i)} {i.text.get(lang)}") for i in items)
            out.append(f'<tr class="follow" style="background:{FOLLOW_BG}"><th class="cat">{e(inst.label)}</th>'
                       f'<td style="background:{FOLLOW_BG};color:{FOLLOW_INK}">{lines}</td></tr>')
        out.append(f'<tr><th class="cat">{e(w["action"])}</th><td>{e(w["missing_action"])}</td></tr></table>')
    _follow_list(out, [i for i in checklist.follow_ups if not is_missing(i)], lang, w["flags_follow"])


def render(report: "Report", *, era: bool = True, **_: object) -> bytes:
    lang = report.lang
    title = report.checklists[0].title.get(lang) if report.checklists else report.flow_title.get(lang)
    out = [
        "<!DOCTYPE html>", f'<html lang="{e(lang)}">', "<head>", '<meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">', f'<meta name="generator" content="anzen {e(__version__)}">',
        f"<title>{e(title)}{' — ' + e(report.respondent[:80]) if report.respondent else ''}</title>", f"<style>{CSS}</style>", "</head>", "<body>",
    ]
    for checklist in report.checklists:
        out.append("<article>")
        (_application if checklist.kind == "application" else _checklist)(out, checklist, report, lang, era)
        out.append("</article>")
    out.append(f"<footer>{e(words(lang)['created_by'])} · {e(report.generated_at)}</footer>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out).encode("utf-8")
