"""`anzen sessions list|show|export|delete|import|compact`: the saved interviews.

Text from users (respondent names, answers, notes) is printed as plain text, never as markup."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from anzen.cli.common import EXIT_OK, EXIT_PROBLEMS, CommandError, open_store_or_fail, print_table, store_errors
from anzen.cli.language import Say, sayer
from anzen.cli.terminal import cells


def _plain(value: Any) -> str:
    if value is None:
        return "—"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _progress(info: Any) -> str:
    if info.remaining is None:
        return f"{info.answered or 0}/?"
    return f"{info.answered or 0}/{(info.answered or 0) + info.remaining}"


def run(args: argparse.Namespace) -> int:
    command = args.sessions_command
    store = open_store_or_fail(args)
    try:
        with store_errors(args.lang):
            return COMMANDS[command](store, args)
    finally:
        store.close()


def cmd_list(store: Any, args: argparse.Namespace) -> int:
    rows = store.sessions(args.status)
    if args.json:
        print(json.dumps([r.as_dict() for r in rows], ensure_ascii=False, indent=2))
        return EXIT_OK
    en = args.lang == "en"
    if not rows:
        print("No saved sessions." if en else "保存されたセッションはありません。")
        return EXIT_OK
    header = ["id", "respondent", "flow", "status", "progress", "last change", "open"] if en else ["id", "事業者", "フロー", "状態", "進捗", "最終更新", "使用中"]
    lines = []
    for r in rows:
        status = ("finished" if en else "完了") if r.finished else ("in progress" if en else "回答中")
        lines.append([r.id, r.respondent or "—", r.flow_id, status, _progress(r), r.updated_at[:16].replace("T", " "), f"pid {r.busy.pid}" if r.busy else ""])
    print_table(header, lines)
    return EXIT_OK


def cmd_show(store: Any, args: argparse.Namespace) -> int:
    info = store.get(args.session)
    answers, notes, history = store.answers(info.id), store.notes_of(info.id), store.history(info.id)
    if args.json:
        doc = {
            "session": info.as_dict(),
            "answers": [{"question": a.question_id, "value": a.value, "answered_at": a.answered_at, "misfit": a.misfit} for a in answers],
            "notes": notes, "history": [e.as_dict() for e in history],
        }
        print(json.dumps(doc, ensure_ascii=False, indent=2))
        return EXIT_OK
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False, soft_wrap=True)
    out = lambda text, style="": console.print(Text(text, style=style))  # noqa: E731 - plain text only
    say = sayer(args.lang)
    out(say(f"セッション {info.id}", f"session {info.id}"), "bold")
    mode = say("職員による聞き取り", "staff-led") if info.mode == "staff" else say("自己点検", "self-assessment")
    status = say("完了", "finished") if info.finished else say("確認中（職員）", "in review (staff)") if info.phase == "review" else say("回答中", "in progress")
    fields = ((say("フロー", "flow"), f"{info.flow_id} {info.flow_version} (sha256 {info.flow_hash[:12]})"), (say("事業者", "respondent"), info.respondent),
              (say("方式", "mode"), mode + (f" — {say('確認者', 'staff')}: {info.staff}" if info.staff else "")), (say("状態", "status"), status),
              (say("進捗", "progress"), _progress(info)), (say("開始", "created"), info.created_at), (say("最終更新", "updated"), info.updated_at),
              (say("完了", "finished"), info.finished_at), (say("由来", "origin"), info.origin), (say("使用中", "open in"), info.busy and info.busy.describe(args.lang)))
    room = max(cells(label) for label, _ in fields) + 2
    for label, value in fields:
        if value:
            out(f"  {label}{' ' * (room - cells(label))}{value}")
    out(say("回答", "answers"), "bold")
    for a in answers:
        flag = f"   ⚠ {say('今のフローに合わないため保存のみ', 'kept, does not fit the flow')}: {a.misfit}" if a.misfit else ""
        out(f"  {a.question_id} = {_plain(a.value)}{flag}", "yellow" if a.misfit else "")
    if notes:
        out(say("メモ", "notes"), "bold")
        for q, text in notes.items():
            out(f"  {q}: {text}")
    out(say("変更の記録", "history"), "bold")
    ja = args.lang == "ja"
    for e in history:  # who and what in the user's language; the details as they were recorded
        who = (ACTORS_JA.get(e.actor, e.actor) if ja else e.actor) + (f" ({e.actor_name})" if e.actor_name else "")
        what = f" {e.question_id}: {_plain(e.old_value)} → {_plain(e.new_value)}" if e.question_id else ""
        kind = EVENTS_JA.get(e.kind, e.kind) if ja else e.kind
        out(f"  {e.at[:19].replace('T', ' ')}  {who}{' ' * max(1, 21 - cells(who))}{kind}{what}" + (f"  [{e.detail}]" if e.detail else ""))
    return EXIT_OK


ACTORS_JA = {"respondent": "回答者", "staff": "職員", "system": "システム"}
EVENTS_JA = {
    "created": "開始", "answer": "回答", "confirm": "確認", "clear": "回答の取消し", "note": "メモ", "removed": "不要になった回答の削除",
    "revised": "見直し", "finished": "完了", "reopened": "再開", "review_started": "職員の確認開始", "imported": "取り込み",
    "flow_changed": "フローの変更", "lease_recovered": "引き継ぎ",
}


def cmd_export(store: Any, args: argparse.Namespace) -> int:
    from anzen.exports import ExportError, FormatError, parse_formats, write_reports

    try:
        formats = parse_formats(args.format)
    except FormatError as exc:
        raise CommandError(exc.message(args.lang)) from None
    report = store.report(args.session, lang=args.lang if args.lang != "ja" else None)
    try:
        written = write_reports(report, formats, Path(args.out), force=args.force, basename=args.name)
    except ExportError as exc:
        raise CommandError(exc.message(args.lang)) from None
    for w in written:
        print(w.path)
    return EXIT_OK


def cmd_delete(store: Any, args: argparse.Namespace) -> int:
    info = store.get(args.session)
    say = sayer(args.lang)
    if not args.yes:
        if not sys.stdin.isatty():
            raise CommandError(say(f"セッション {info.id} の消去は取り消せません。消すには --yes を付けてください",
                                   f"deleting session {info.id} cannot be undone: add --yes to confirm"))
        answer = input(say(f"セッション {info.id}（{info.respondent or '—'}、{info.flow_id}、回答 {info.answered or 0} 件）を復元できないように消しますか？ [y/N] ",
                           f"Erase session {info.id} ({info.respondent or '—'}, {info.flow_id}, {info.answered or 0} answers) for good? [y/N] "))
        if answer.strip().lower() not in ("y", "yes", "はい"):
            print(say("消していません。", "Not deleted."))
            return EXIT_PROBLEMS
    erasure = store.delete(info.id, force=args.force)
    if args.json:
        print(json.dumps(erasure.as_dict(), ensure_ascii=False, indent=2))
        return EXIT_OK
    s = erasure.session
    wal = say("先行書き込みログを書き戻して空にし", "write-ahead log checkpointed and truncated") if erasure.wal_checkpointed else say("先行書き込みログは空にしきれず", "write-ahead log NOT fully emptied")
    rows = [
        (say("消去日時", "erased at"), erasure.erased_at),
        (say("データベース", "database"), erasure.database),
        (say("セッション", "session"), s.id),
        (say("フロー", "flow"), f"{s.flow_id} {s.flow_version}"),
        (say("事業者", "respondent"), s.respondent or "—"),
        (say("方式", "mode"), s.mode + (f" ({say('確認者', 'staff')}: {s.staff})" if s.staff else "")),
        (say("開始", "created"), s.created_at),
        (say("状態", "status"), s.status),
        (say("消去したもの", "erased"), say(f"回答 {erasure.answers} 件、メモ {erasure.notes} 件、変更の記録 {erasure.events} 件",
                                         f"{erasure.answers} answer(s), {erasure.notes} note(s), {erasure.events} audit entr{'y' if erasure.events == 1 else 'ies'}")),
        (say("方法", "method"), say("SQLite の secure_delete（内容をゼロで上書き）、", "SQLite secure_delete (content overwritten with zeros), ") + wal
         + (say("、データベースを作り直した（VACUUM）", ", database rebuilt (VACUUM)") if erasure.vacuumed else "")),
    ]
    room = max(cells(label) for label, _ in rows) + 2
    print("\n".join(["消去記録 / Erasure record", *(f"  {label}{' ' * (room - cells(label))}{value}" for label, value in rows)]))
    for warning in erasure.warnings:
        print(f"{say('注意', 'note')}: {warning.message(args.lang)}", file=sys.stderr)
    return EXIT_OK if erasure.wal_checkpointed else EXIT_PROBLEMS


def cmd_import(store: Any, args: argparse.Namespace) -> int:
    result = store.import_report(Path(args.file), staff=args.staff, flow=args.flow)
    s = result.session
    if args.json:
        print(json.dumps({"session": s.as_dict(), "flow_changed": result.flow_changed, "misfits": [m.as_dict() for m in result.misfits]}, ensure_ascii=False, indent=2))
        return EXIT_OK
    say = sayer(args.lang)
    print(say(f"セッション {s.id}: {s.respondent or '—'}、{s.flow_id} {s.flow_version}、回答 {s.answered} 件を {s.staff} さんの確認用に取り込みました",
              f"session {s.id}: {s.respondent or '—'}, {s.flow_id} {s.flow_version}, {s.answered} answer(s) imported for review by {s.staff}"))
    if result.flow_changed:
        print(say(f"注意: 報告書はフローの版 {result.report_flow_version or '?'} で作られています。インストール済みのフローとは異なります",
                  f"note: the report was made with flow version {result.report_flow_version or '?'}; the installed flow differs"))
    for m in result.misfits:
        print(f"{say('今のフローに合わないため保存のみ', 'kept, does not fit the flow')}: {m.question_id} = {_plain(m.value)} ({m.message})")
    print(say(f"確認の続き: anzen resume {s.id}", f"continue the review with: anzen resume {s.id}"))
    return EXIT_OK


def cmd_compact(store: Any, args: argparse.Namespace) -> int:
    checkpointed, vacuumed, warnings = store.compact()
    say = sayer(args.lang)
    print(f"{store.path}: " + (say("先行書き込みログを空にしました", "write-ahead log emptied") if checkpointed else say("先行書き込みログは空にしきれませんでした", "write-ahead log NOT fully emptied"))
          + (say("、ファイルを作り直しました（VACUUM）", ", rebuilt (VACUUM)") if vacuumed else say("、ファイルは作り直せませんでした", ", not rebuilt")))
    for warning in warnings:
        print(f"{say('注意', 'note')}: {warning.message(args.lang)}", file=sys.stderr)
    return EXIT_OK if checkpointed else EXIT_PROBLEMS


COMMANDS = {"list": cmd_list, "show": cmd_show, "export": cmd_export, "delete": cmd_delete, "import": cmd_import, "compact": cmd_compact}


def add_resume_parser(sub: Any, say: Say, db_option: Any, lang_option: Any) -> None:
    """The `resume` command (called from cli/main.py)."""
    resume = sub.add_parser("resume", help=say("保存した聞き取りを、止めたところから続ける（行モード）", "continue a saved interview where it stopped (line mode)"))
    resume.add_argument("session", nargs="?", help=say("セッションの id か、ほかと区別できるその先頭（既定: 途中のものから選ぶ）", "session id or unique id prefix (default: choose an unfinished one)"))
    resume.add_argument("--review", action="store_true", help=say("すべての回答をもう一度確かめる（職員による確認。終わったセッションも開き直す）",
                                                                   "go through every answer again (staff review; reopens a finished session)"))
    resume.add_argument("--format", default="json,md", help=say("終わったときに書き出す報告書の形式（既定: json,md）", "report formats to write at the end (default: json,md)"))
    resume.add_argument("--out", default="exports", help=say("報告書を書き出すフォルダ（既定: ./exports）", "folder for the reports (default: ./exports)"))
    resume.add_argument("--force", action="store_true", help=say("同じ名前の報告書があれば上書きする", "overwrite existing report files"))
    lang_option(resume, say)
    db_option(resume, say)


def add_sessions_parser(sub: Any, say: Say, db_option: Any, lang_option: Any) -> None:
    """The `sessions` command and its subcommands (called from cli/main.py)."""
    session_id = say("セッションの id か、ほかと区別できるその先頭", "session id or unique id prefix")
    as_json = say("JSON で出す", "as JSON")
    sessions = sub.add_parser("sessions", help=say("保存した聞き取り: 一覧、表示、書き出し、消去、取り込み", "saved interviews: list, show, export, delete, import"))
    ssub = sessions.add_subparsers(dest="sessions_command", metavar="SUBCOMMAND", required=True)
    listing = ssub.add_parser("list", help=say("保存したセッション（新しい順）", "saved sessions, the most recent first"))
    listing.add_argument("--json", action="store_true", help=as_json)
    listing.add_argument("--status", choices=("in_progress", "finished"), help=say("この状態のセッションだけ（in_progress: 途中、finished: 完了）", "only sessions in this state"))
    show = ssub.add_parser("show", help=say("セッションの回答、メモ、変更の記録", "a session: answers, notes and the audit history"))
    show.add_argument("session", help=session_id)
    show.add_argument("--json", action="store_true", help=as_json)
    export = ssub.add_parser("export", help=say("セッションの報告書を書き出す", "write the report of a session"))
    export.add_argument("session", help=session_id)
    export.add_argument("--format", default="json,md", help=say("報告書の形式（既定: json,md）", "report formats (default: json,md)"))
    export.add_argument("--out", default="exports", help=say("報告書を書き出すフォルダ（既定: ./exports）", "folder for the reports (default: ./exports)"))
    export.add_argument("--force", action="store_true", help=say("同じ名前の報告書があれば上書きする", "overwrite existing report files"))
    export.add_argument("--name", help=say("報告書のファイル名（拡張子の前）", "base name of the report files"))
    delete = ssub.add_parser("delete", help=say("セッションを復元できないように消す（消去記録を出す）", "erase a session for good (secure delete; prints an erasure record)"))
    delete.add_argument("session", help=session_id)
    delete.add_argument("--yes", action="store_true", help=say("確認せずに消す", "do not ask for confirmation"))
    delete.add_argument("--force", action="store_true", help=say("ほかの anzen が開いていても消す", "erase even if another anzen has it open"))
    delete.add_argument("--json", action="store_true", help=say("消去記録を JSON で出す", "the erasure record as JSON"))
    imp = ssub.add_parser("import", help=say("JSON 報告書（事業者の自己点検など）を、職員が確認するセッションにする", "a JSON report (e.g. a contractor's self-assessment) → a session for staff review"))
    imp.add_argument("file", help=say("anzen が書き出した JSON 報告書", "JSON report written by anzen"))
    imp.add_argument("--staff", required=True, help=say("確認する職員の名前", "name of the staff member who reviews it"))
    imp.add_argument("--flow", help=say("確認に使うフロー: インストール済みの id かファイル（既定: 報告書のフロー）", "the flow to review with: installed id or path (default: the report's flow, installed)"))
    imp.add_argument("--json", action="store_true", help=say("結果を JSON で出す", "the result as JSON"))
    ssub.add_parser("compact", help=say("先行書き込みログを空にし、データベースのファイルを作り直す", "empty the write-ahead log and rebuild the database file"))
    for parser in (listing, show, export, delete, imp, ssub.choices["compact"]):
        lang_option(parser, say)
        db_option(parser, say)
