"""An e-mail draft (RFC 5322 .eml) with the reports attached, built with the standard library only.

Japanese subject (RFC 2047) and body (UTF-8), attachments named in Japanese (RFC 2231 filename*=).
`X-Unsent: 1` makes Outlook open the file as a draft ready to send; other clients open it as a message
to forward or 'edit as new'. Nothing here sends anything."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from typing import TYPE_CHECKING

from anzen.errors import Failure
from anzen.exports.common import clean, header, item_name, words
from anzen.wareki import format_date

if TYPE_CHECKING:
    from anzen.report import Report

MIME = {
    ".pdf": ("application", "pdf"),
    ".xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ".html": ("text", "html"),
    ".csv": ("text", "csv"),
    ".json": ("application", "json"),
    ".md": ("text", "markdown"),
}
BODY = {
    "ja": {
        "subject": "{title}の提出（{contract}／{who}）", "subject_short": "{title}の提出（{who}）",
        "opening": "{who}です。", "lead": "{contract}に関し、{title}を提出いたします。添付ファイルをご確認ください。",
        "lead_short": "{title}を提出いたします。添付ファイルをご確認ください。",
        "overview": "■ 概要", "contract": "契約件名", "respondent": "回答者", "date": "作成日", "follow": "要対応事項",
        "n": "{n}件", "attachments": "■ 添付ファイル", "closing": "ご確認のほど、よろしくお願いいたします。",
        "more": "ほか{n}件", "draft": "この下書きは anzen で作成しました。送信前に宛先と内容をご確認ください。",
    },
    "en": {
        "subject": "{title} ({contract}, {who})", "subject_short": "{title} ({who})",
        "opening": "This is {who}.", "lead": "Regarding {contract}, please find attached our {title}.",
        "lead_short": "Please find attached our {title}.",
        "overview": "Overview", "contract": "Contract", "respondent": "Respondent", "date": "Date", "follow": "Follow-up items",
        "n": "{n}", "attachments": "Attachments", "closing": "Kind regards,",
        "more": "and {n} more", "draft": "Draft prepared with anzen. Check the recipients and the content before sending.",
    },
}
LIST_LIMIT = 20  # follow-ups named in the body; the attachments have them all


class AddressError(Failure, ValueError):
    """An address that cannot go in a header (malformed, or a line break that would inject headers)."""


@dataclass(frozen=True)
class Attachment:
    filename: str
    data: bytes

    @property
    def mime(self) -> tuple[str, str]:
        suffix = "." + self.filename.rsplit(".", 1)[-1].lower() if "." in self.filename else ""
        return MIME.get(suffix, ("application", "octet-stream"))


_ADDRESS = re.compile(r"^[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[^@\s<>,;\"]+$")


def check_address(value: str) -> str:
    """'a@b.jp', 'Name <a@b.jp>' or several separated by commas; AddressError otherwise."""
    if any(ch in value for ch in "\r\n\x00"):
        raise AddressError(f"{value!r}: line breaks are not allowed in an address", ja=f"{value!r}: アドレスに改行は使えません")
    parsed = policy.default.header_factory("To", value)
    addresses = list(parsed.addresses)
    if parsed.defects or not addresses or any(not _ADDRESS.match(a.addr_spec) for a in addresses):
        raise AddressError(f"{value!r}: not an e-mail address (e.g. someone@example.jp)",
                           ja=f"{value!r}: メールアドレスではありません（例: someone@example.jp）")
    return value


def _facts(report: "Report") -> tuple[str, str, str, str]:
    lang = report.lang
    first = report.checklists[0] if report.checklists else None
    title = first.title.get(lang) if first else report.flow_title.get(lang)
    contract = header(first, "contract_name", lang) if first else ""
    who = report.respondent or ""
    day = format_date(report.generated_at[:10], lang)
    if first is not None:
        for value in first.header:
            if value.id in ("report_date", "application_date") and value.value:
                day = value.display.get(lang)
    return title, contract, who, day


def subject(report: "Report") -> str:
    b = BODY.get(report.lang, BODY["ja"])
    title, contract, who, _ = _facts(report)
    text = b["subject"] if contract else b["subject_short"]
    return " ".join(clean(text.format(title=title, contract=contract, who=who or "-")).split())


def body(report: "Report", attachments: list[Attachment]) -> str:
    lang = report.lang
    b, w = BODY.get(lang, BODY["ja"]), words(lang)
    title, contract, who, day = _facts(report)
    lines = []
    first = report.checklists[0] if report.checklists else None
    addressee = header(first, "addressee", lang) if first else ""
    if addressee:
        lines += [f"{addressee} {w['sama']}".strip(), ""]
    if who:
        lines.append(b["opening"].format(who=who))
    lines += [(b["lead"] if contract else b["lead_short"]).format(contract=contract, title=title), "", b["overview"]]
    if contract:
        lines.append(f"  {b['contract']}: {contract}")
    if who:
        lines.append(f"  {b['respondent']}: {who}")
    lines.append(f"  {b['date']}: {day}")
    lines.append(f"  {b['follow']}: {b['n'].format(n=report.follow_up_count)}")
    for checklist in report.checklists:
        follow = checklist.follow_ups
        lines.append(f"    {checklist.title.get(lang)}: {b['n'].format(n=len(follow))}")
        for item in follow[:LIST_LIMIT]:
            lines.append(f"      ▲ {item_name(item)} {item.text.get(lang)}")
        if len(follow) > LIST_LIMIT:
            lines.append(f"      {b['more'].format(n=len(follow) - LIST_LIMIT)}")
    if attachments:
        lines += ["", b["attachments"]]
        lines += [f"  ・{a.filename}" for a in attachments]
    lines += ["", b["closing"], "", "-- ", b["draft"]]
    # one line per line of text: no control characters or bidi overrides from answers reach the body
    return "\n".join(" ".join(clean(line).split("\r")) for line in lines) + "\n"


def build_message(report: "Report", attachments: list[Attachment], *, to: str, sender: str | None = None, date: datetime | None = None) -> EmailMessage:
    msg = EmailMessage(policy=policy.default)
    msg["To"] = check_address(to)
    if sender:
        msg["From"] = check_address(sender)
    msg["Subject"] = subject(report)
    msg["Date"] = format_datetime(date or datetime.now().astimezone())
    msg["X-Unsent"] = "1"
    msg["X-Mailer"] = "anzen"
    msg.set_content(body(report, attachments), charset="utf-8", cte="base64")
    for attachment in attachments:
        maintype, subtype = attachment.mime
        params = {"charset": "utf-8"} if maintype == "text" else None  # every text report anzen writes is UTF-8
        msg.add_attachment(attachment.data, maintype=maintype, subtype=subtype, filename=attachment.filename, params=params)
    return msg


def render_eml(report: "Report", attachments: list[Attachment], **kwargs: object) -> bytes:
    """The .eml file: CRLF line ends, 7-bit safe (RFC 5322)."""
    return build_message(report, attachments, **kwargs).as_bytes(policy=policy.SMTP)  # type: ignore[arg-type]


def attachment_name(report: "Report", suffix: str) -> str:
    """A Japanese file name from the form, the respondent and the date (no path separators, no control characters)."""
    from anzen.exports import safe_name

    title, _, who, _ = _facts(report)
    parts = [safe_name(title), safe_name(who) if who else "", report.generated_at[:10].replace("-", "")]
    return "_".join(p for p in parts if p and p != "report") + suffix
