"""The report as PDF (A4 portrait), laid out like the municipality's printed form, with a subset of a
Japanese TrueType font embedded (see pdf_fonts). Each checklist starts on a new page: a checklist form
(項目 / 確認事項 / 確認欄) or, for an application, a document per subcontractor."""

from __future__ import annotations

from typing import TYPE_CHECKING

from anzen.exports.pdf_fonts import FontError, find_font

if TYPE_CHECKING:
    from anzen.report import Report


def render(report: "Report", *, era: bool = True, pdf_font: str | None = None, **_: object) -> bytes:
    """era=False prints Western dates (2026年10月1日); pdf_font names a .ttf/.ttc (else $ANZEN_PDF_FONT, system fonts)."""
    from anzen.exports import ExportError
    from anzen.exports.common import words
    from anzen.exports.pdf_application import application_form
    from anzen.exports.pdf_checklist import checklist_form
    from anzen.exports.pdf_layout import Doc

    try:
        font = find_font(pdf_font)
    except FontError as exc:
        raise ExportError(f"PDF font: {exc}", ja=f"PDF のフォント: {exc.message('ja')}") from None
    lang = report.lang
    w = words(lang)
    title = report.checklists[0].title.get(lang) if report.checklists else report.flow_title.get(lang)
    who = report.respondent or ""
    doc = Doc(font.name, title=f"{title} {who}".strip(), footer_text=w["created_by"], page_words=w["page"])
    doc.c.setAuthor(who)
    doc.c.setSubject(report.flow_title.get(lang))
    for n, checklist in enumerate(report.checklists):
        if n:
            doc.new_page()
        if checklist.kind == "application":
            application_form(doc, checklist, report, lang, era)
        else:
            checklist_form(doc, checklist, report, lang, era)
    return doc.finish()
