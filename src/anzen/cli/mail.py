"""`anzen mail REPORT --to ADDRESS`: an e-mail draft (.eml) with the chosen reports attached. Never sends.

REPORT is a JSON report written by anzen; the report is rebuilt from its answers (anzen.report_file).
Sessions: when the session store lands, `_load` is the one place to accept a session id as well
(REPORT_OR_SESSION): look it up in the store and build the Report from the stored interview."""

from __future__ import annotations

import argparse
from pathlib import Path

from anzen.cli.common import EXIT_OK, CommandError, print_problems, warn
from anzen.cli.language import sayer
from anzen.errors import ProblemsError


def _load(ref: str, args: argparse.Namespace):  # -> Report
    """A JSON report file, or a stored session (id or unique beginning of one) → Report."""
    from anzen.report_file import read_report

    path = Path(ref)
    if not path.exists():
        return _from_session(ref, args)
    try:
        rebuilt = read_report(path, ref, flow=args.flow, lang=args.report_lang)
    except ProblemsError as exc:
        print_problems(exc.problems, args.lang)
        raise CommandError(sayer(args.lang)(f"報告書 {ref} は使えません", f"cannot use report {ref}")) from None
    for warning in rebuilt.warnings:
        warn(args.lang, warning.message(args.lang))
    return rebuilt.report


def _from_session(ref: str, args: argparse.Namespace):  # -> Report
    from anzen.cli.common import open_store_or_fail
    from anzen.store import StoreError, UnknownSession

    store = open_store_or_fail(args)
    try:
        return store.report(ref, lang=args.report_lang)
    except UnknownSession:
        raise CommandError(sayer(args.lang)(f"{ref}: その名前の報告書のファイルも、セッションもありません（anzen が書き出した JSON 報告書か、anzen sessions list に出るセッションの id）",
                                            f"{ref}: no such report file and no such session (a JSON report written by anzen, or a session id from `anzen sessions list`)")) from None
    except StoreError as exc:
        raise CommandError(exc.message(args.lang)) from None
    finally:
        store.close()


def run(args: argparse.Namespace) -> int:
    from anzen.cli.exporting import export_options, exporter_warnings
    from anzen.exports import FORMATS, ExportError, FormatError, already_exists, default_basename, parse_formats, render, safe_name, write_atomic
    from anzen.exports.eml import AddressError, Attachment, attachment_name, check_address, render_eml

    try:
        formats = parse_formats(args.format)
        check_address(args.to)
        if args.sender:
            check_address(args.sender)
    except (FormatError, AddressError) as exc:
        raise CommandError(exc.message(args.lang)) from None
    report = _load(args.report, args)
    out_dir = Path(args.out)
    path = out_dir / f"{safe_name(args.name) if args.name else default_basename(report)}.eml"
    say = sayer(args.lang)
    if path.exists() and not args.force:
        raise CommandError(already_exists(path).message(args.lang))
    try:
        with exporter_warnings(args.lang):
            attachments = [Attachment(attachment_name(report, FORMATS[f][1]), render(report, f, **export_options(args))) for f in formats]
        data = render_eml(report, attachments, to=args.to, sender=args.sender)
        out_dir.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data, force=args.force)
    except ExportError as exc:
        raise CommandError(exc.message(args.lang)) from None
    except OSError as exc:
        raise CommandError(say(f"{out_dir}: フォルダを作成できません: {exc.strerror or exc}", f"{out_dir}: cannot create the folder: {exc.strerror or exc}")) from None
    words = {"ja": ("メールの下書きを作成しました（送信はしていません）", "添付"), "en": ("E-mail draft written (nothing was sent)", "attached")}
    done, attached = words.get(args.lang, words["ja"])  # the command's language (--lang), not the report's
    print(f"{done}: {path}")
    for attachment in attachments:
        print(f"  {attached}: {attachment.filename} ({len(attachment.data):,} bytes)")
    return EXIT_OK
