"""`anzen` — the command line. With no command it opens the interactive interview."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from anzen import __version__
from anzen.cli.common import EXIT_BAD_INPUT, CommandError
from anzen.cli.exporting import add_export_arguments
from anzen.cli.language import LANGS, Say, lang_in, parser_class, sayer


def _parser(command: str | None = None, lang: str = "ja") -> argparse.ArgumentParser:
    """The command line in `lang`; with `command`, that command's options alone (building the ~20 parsers of
    every command costs a few ms of argparse and gettext at each start, which the line mode feels)."""
    say = sayer(lang)
    parser = parser_class(lang)(
        prog="anzen",
        description=say("個人情報取扱特記事項にもとづく報告書（安全管理措置等の履行状況報告書、再委託の承認申請事項など）を、質問に答えて作ります。"
                        "コマンドを付けずに起動すると、全画面の聞き取りが開きます。",
                        "Interviews for the personal-information reports of public-sector outsourcing (個人情報取扱特記事項). "
                        "With no command, the full-screen interview opens."),
        epilog=say("English: anzen --lang en --help", "日本語: anzen --help"))
    parser.add_argument("--version", action="version", version=f"anzen {__version__}", help=say("バージョンを表示して終わる", "show the version and exit"))
    parser.add_argument("--lang", choices=LANGS, default="ja", help=say("聞き取りと、この説明の言語（既定: ja）", "language of the interview and of these messages (default: ja)"))
    parser.add_argument("--db", metavar="PATH", help=say("セッションのデータベース（既定: $ANZEN_DB、なければユーザーのデータフォルダ）",
                                                          "session database (default: $ANZEN_DB, else the user data folder)"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, add in _COMMANDS.items():
        if command in (None, name):
            add(sub, say)
    return parser


def _interview(sub: Any, say: Say) -> None:
    interview = sub.add_parser("interview", help=say("端末で一問ずつ答える（行モード）", "answer a flow question by question in the terminal (line mode)"))
    interview.add_argument("flow", nargs="?", help=say("インストール済みのフローの id か、フローのファイル（既定: 選ぶ）", "installed flow id or path to a flow file (default: choose)"))
    _lang_option(interview, say)
    interview.add_argument("--format", default="json,md", help=say("書き出す報告書の形式（既定: json,md）", "report formats to write (default: json,md)"))
    interview.add_argument("--out", default="exports", help=say("報告書を書き出すフォルダ（既定: ./exports）", "folder for the reports (default: ./exports)"))
    interview.add_argument("--force", action="store_true", help=say("同じ名前の報告書があれば上書きする", "overwrite existing report files"))
    interview.add_argument("--respondent", help=say("事業者名（既定: 事業者名を答える質問の回答）", "事業者名, the contractor (default: taken from the answer that names the contractor)"))
    interview.add_argument("--staff", metavar="NAME", help=say("職員による聞き取りとし、確認者を NAME とする（既定: 自己点検）", "a staff-led interview, by NAME (default: self-assessment)"))
    _db_option(interview, say)


def _app(sub: Any, say: Say) -> None:
    app = sub.add_parser("app", help=say("全画面の聞き取り（`anzen` だけで開くもの）", "the full-screen app (also what `anzen` alone opens)"))
    app.add_argument("flow", nargs="?", help=say("インストール済みのフローの id か、フローのファイル: すぐにその最初の質問を開く（既定: ホーム画面）",
                                                 "installed flow id or path to a flow file: open it at once (default: the home screen)"))
    _lang_option(app, say)


def _fill(sub: Any, say: Say) -> None:
    fill = sub.add_parser("fill", help=say("回答ファイル（YAML か JSON）から、何も聞かずに報告書を作る", "fill a flow from an answers file (YAML or JSON) without asking"))
    fill.add_argument("flow", help=say("インストール済みのフローの id か、フローのファイル", "installed flow id or path to a flow file"))
    fill.add_argument("--answers", required=True, help=say("回答ファイル: 質問の id → 回答（anzen の JSON 報告書も使えます）", "answers file: question id → answer (a JSON report also works)"))
    fill.add_argument("--format", default="json,md", help=say("報告書の形式（既定: json,md）", "report formats (default: json,md)"))
    fill.add_argument("--out", default="exports", help=say("報告書を書き出すフォルダ（既定: ./exports）", "folder for the reports (default: ./exports)"))
    _lang_option(fill, say)
    fill.add_argument("--strict", action="store_true", help=say("答えていない質問があれば終了コード 1 で終わる", "exit 1 when answers are missing"))
    fill.add_argument("--force", action="store_true", help=say("同じ名前の報告書があれば上書きする", "overwrite existing report files"))
    fill.add_argument("--name", help=say("報告書のファイル名（拡張子の前。既定: 様式_事業者名_日付）", "base name of the report files (default: form_respondent_date)"))
    add_export_arguments(fill, say)


def _mail(sub: Any, say: Say) -> None:
    mail = sub.add_parser("mail", help=say("報告書を添付したメールの下書き（.eml）を作る。送信はしない", "write an e-mail draft (.eml) with the reports attached; never sends"))
    mail.add_argument("report", metavar="REPORT_OR_SESSION", help=say("anzen が書き出した JSON 報告書か、保存したセッション（id かその先頭）",
                                                                       "a JSON report written by anzen, or a saved session (id or its beginning)"))
    mail.add_argument("--to", required=True, help=say("宛先（例: 'kojin@city.example.jp'）", "recipient address(es), e.g. 'kojin@city.example.jp'"))
    mail.add_argument("--from", dest="sender", help=say("差出人（既定: メールソフトに任せる）", "sender address (default: left for the mail client)"))
    mail.add_argument("--format", default="pdf,xlsx", help=say("添付する報告書の形式（既定: pdf,xlsx）", "reports to attach (default: pdf,xlsx)"))
    mail.add_argument("--out", default="exports", help=say(".eml を書き出すフォルダ（既定: ./exports）", "folder for the .eml file (default: ./exports)"))
    mail.add_argument("--force", action="store_true", help=say("同じ名前の .eml があれば上書きする", "overwrite an existing .eml file"))
    mail.add_argument("--name", help=say(".eml のファイル名（拡張子の前。既定: 様式_事業者名_日付）", "base name of the .eml file (default: form_respondent_date)"))
    mail.add_argument("--flow", help=say("報告書のフローがインストールされていないときの、フローの id かファイル", "flow id or file, when the report's flow is not installed"))
    mail.add_argument("--report-lang", choices=LANGS, default=None, help=say("添付する報告書の言語（既定: 報告書のもの）", "language of the attached reports (default: the report's own)"))
    add_export_arguments(mail, say)
    _lang_option(mail, say)
    _db_option(mail, say)


def _flows(sub: Any, say: Say) -> None:
    flows = sub.add_parser("flows", help=say("フローの一覧と検査", "list and check flows"))
    flows_sub = flows.add_subparsers(dest="flows_command", metavar="SUBCOMMAND", required=True)
    check = flows_sub.add_parser("check", help=say("フローのファイルを検査する（既定: インストール済みのすべて）", "check flow files (default: every installed flow)"))
    check.add_argument("paths", nargs="*", help=say("フローのファイルか、インストール済みのフローの id", "flow files or installed flow ids"))
    check.add_argument("--json", action="store_true", help=say("問題を JSON で出す", "problems as JSON"))
    listing = flows_sub.add_parser("list", help=say("インストール済みのフロー", "the installed flows"))
    listing.add_argument("--json", action="store_true", help=say("JSON で出す", "as JSON"))
    flows_sub.add_parser("schema", help=say("フローのファイルの JSON Schema を出す", "print the JSON Schema of flow files"))
    graph = flows_sub.add_parser("graph", help=say("フローを図にする: 質問、分岐、それが決める確認事項", "draw a flow: questions, branches and the items they set"))
    graph.add_argument("flow", help=say("インストール済みのフローの id か、フローのファイル", "installed flow id or path to a flow file"))
    graph.add_argument("--format", choices=("mermaid", "dot", "markdown"), default="mermaid",
                       help=say("mermaid（既定）、dot（Graphviz）、markdown（docs/flows のページ）", "mermaid (default), dot (Graphviz) or markdown (the docs/flows page)"))
    _lang_option(graph, say)
    trying = flows_sub.add_parser("try", help=say("フローの異なる道筋すべて: 回答の例と、それで決まる結果", "every distinct path of a flow: sample answers and the statuses they give"))
    trying.add_argument("flow", help=say("インストール済みのフローの id か、フローのファイル", "installed flow id or path to a flow file"))
    trying.add_argument("--json", action="store_true", help=say("JSON で出す", "as JSON"))
    trying.add_argument("--limit", type=int, default=20_000, help=say("一つの部分で調べる道筋の上限（既定: 20000）", "most paths explored per part (default: 20000)"))
    for parser in (check, listing, trying):  # their messages and tables follow --lang too
        _lang_option(parser, say)


def _resume(sub: Any, say: Say) -> None:
    from anzen.cli.sessions import add_resume_parser

    add_resume_parser(sub, say, _db_option, _lang_option)


def _sessions(sub: Any, say: Say) -> None:
    from anzen.cli.sessions import add_sessions_parser

    add_sessions_parser(sub, say, _db_option, _lang_option)


# in the order `anzen -h` lists them
_COMMANDS = {"interview": _interview, "app": _app, "fill": _fill, "mail": _mail, "flows": _flows, "resume": _resume, "sessions": _sessions}


def _command_in(argv: Sequence[str]) -> str | None:
    """The command named in `argv` when it is plain to see (the first word that is not an option of
    `anzen` itself); None when unsure (help, abbreviations, no command): then every parser is built."""
    words = iter(argv)
    for word in words:
        if word in ("--lang", "--db"):
            next(words, None)  # its value
        elif word.startswith(("--lang=", "--db=")):
            continue
        elif word.startswith("-"):  # help, version, an abbreviation, a mistake: argparse says what it is
            return None
        else:
            return word if word in _COMMANDS else None
    return None


def _db_option(parser: argparse.ArgumentParser, say: Say) -> None:
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=say("セッションのデータベース（既定: $ANZEN_DB、なければユーザーのデータフォルダ）",
                                                                                 "session database (default: $ANZEN_DB, else the user data folder)"))


def _lang_option(parser: argparse.ArgumentParser, say: Say) -> None:
    """--lang after the command too (`anzen fill FLOW --lang en`)."""
    parser.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help=say("言語: ja（日本語）か en（英語）。この説明の言語でもある", "language: ja (Japanese) or en (English), of these messages too"))


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = _parser(_command_in(argv), lang_in(argv)).parse_args(argv)
    try:
        if args.command in (None, "app"):  # the full-screen app; `anzen interview` stays the line mode
            from anzen.tui import run as run_app

            return run_app(args.lang, getattr(args, "flow", None), getattr(args, "db", None))  # `anzen app FLOW`
        if args.command == "interview":
            from anzen.cli.interview import run

            return run(args)
        if args.command == "fill":
            from anzen.cli.fill import run

            return run(args)
        if args.command == "mail":
            from anzen.cli.mail import run

            return run(args)
        if args.command == "flows":
            from anzen.cli.flows import run

            return run(args)
        if args.command == "resume":
            from anzen.cli.resume import run

            return run(args)
        if args.command == "sessions":
            from anzen.cli.sessions import run

            return run(args)
    except CommandError as exc:
        print(f"anzen: {exc}", file=sys.stderr)
        return exc.status
    except KeyboardInterrupt:
        from anzen.i18n import ui

        print(f"\nanzen: {ui(args.lang, 'interrupted')}", file=sys.stderr)
        return 130
    return EXIT_BAD_INPUT


if __name__ == "__main__":
    raise SystemExit(main())
