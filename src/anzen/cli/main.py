"""`anzen` — the command line. With no command it opens the interactive interview."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from anzen import __version__
from anzen.cli.common import EXIT_BAD_INPUT, CommandError
from anzen.cli.exporting import add_export_arguments


def _parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line; with `command`, that command's options alone (building the ~20 parsers of every
    command costs a few ms of argparse and gettext at each start, which the line mode feels)."""
    parser = argparse.ArgumentParser(prog="anzen", description="Interviews for the personal-information reports of public-sector outsourcing (個人情報取扱特記事項).")
    parser.add_argument("--version", action="version", version=f"anzen {__version__}")
    parser.add_argument("--lang", choices=("ja", "en"), default="ja", help="language of the interview (default: ja)")
    parser.add_argument("--db", metavar="PATH", help="session database (default: $ANZEN_DB, else the user data folder)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, add in _COMMANDS.items():
        if command in (None, name):
            add(sub)
    return parser


def _interview(sub: Any) -> None:
    interview = sub.add_parser("interview", help="answer a flow question by question in the terminal (line mode)")
    interview.add_argument("flow", nargs="?", help="installed flow id or path to a flow file (default: choose)")
    interview.add_argument("--lang", choices=("ja", "en"), default=argparse.SUPPRESS)
    interview.add_argument("--format", default="json,md", help="report formats to write (default: json,md)")
    interview.add_argument("--out", default="exports", help="folder for the reports (default: ./exports)")
    interview.add_argument("--force", action="store_true", help="overwrite existing report files")
    interview.add_argument("--respondent", help="事業者名 (default: taken from the answer that names the contractor)")
    interview.add_argument("--staff", metavar="NAME", help="a staff-led interview, by NAME (default: self-assessment)")
    _db_option(interview)


def _app(sub: Any) -> None:
    app = sub.add_parser("app", help="the full-screen app (also what `anzen` alone opens)")
    app.add_argument("flow", nargs="?", help="installed flow id or path to a flow file: open it at once (default: the home screen)")
    app.add_argument("--lang", choices=("ja", "en"), default=argparse.SUPPRESS)


def _fill(sub: Any) -> None:
    fill = sub.add_parser("fill", help="fill a flow from an answers file (YAML or JSON) without asking")
    fill.add_argument("flow", help="installed flow id or path to a flow file")
    fill.add_argument("--answers", required=True, help="answers file: question id → answer (a JSON report also works)")
    fill.add_argument("--format", default="json,md", help="report formats (default: json,md)")
    fill.add_argument("--out", default="exports", help="folder for the reports (default: ./exports)")
    fill.add_argument("--lang", choices=("ja", "en"), default=argparse.SUPPRESS)
    fill.add_argument("--strict", action="store_true", help="exit 1 when answers are missing")
    fill.add_argument("--force", action="store_true", help="overwrite existing report files")
    fill.add_argument("--name", help="base name of the report files (default: form_respondent_date)")
    add_export_arguments(fill)


def _mail(sub: Any) -> None:
    mail = sub.add_parser("mail", help="write an e-mail draft (.eml) with the reports attached; never sends")
    mail.add_argument("report", metavar="REPORT_OR_SESSION", help="a JSON report written by anzen, or a saved session (id or its beginning)")
    mail.add_argument("--to", required=True, help="recipient address(es), e.g. 'kojin@city.example.jp'")
    mail.add_argument("--from", dest="sender", help="sender address (default: left for the mail client)")
    mail.add_argument("--format", default="pdf,xlsx", help="reports to attach (default: pdf,xlsx)")
    mail.add_argument("--out", default="exports", help="folder for the .eml file (default: ./exports)")
    mail.add_argument("--force", action="store_true", help="overwrite an existing .eml file")
    mail.add_argument("--name", help="base name of the .eml file (default: form_respondent_date)")
    mail.add_argument("--flow", help="flow id or file, when the report's flow is not installed")
    mail.add_argument("--report-lang", choices=("ja", "en"), default=None, help="language of the attached reports (default: the report's own)")
    add_export_arguments(mail)
    _db_option(mail)


def _flows(sub: Any) -> None:
    flows = sub.add_parser("flows", help="list and check flows")
    flows_sub = flows.add_subparsers(dest="flows_command", metavar="SUBCOMMAND", required=True)
    check = flows_sub.add_parser("check", help="check flow files (default: every installed flow)")
    check.add_argument("paths", nargs="*", help="flow files or installed flow ids")
    check.add_argument("--json", action="store_true", help="problems as JSON")
    listing = flows_sub.add_parser("list", help="the installed flows")
    listing.add_argument("--json", action="store_true", help="as JSON")
    flows_sub.add_parser("schema", help="print the JSON Schema of flow files")
    graph = flows_sub.add_parser("graph", help="draw a flow: questions, branches and the items they set")
    graph.add_argument("flow", help="installed flow id or path to a flow file")
    graph.add_argument("--format", choices=("mermaid", "dot", "markdown"), default="mermaid", help="mermaid (default), dot (Graphviz) or markdown (the docs/flows page)")
    graph.add_argument("--lang", choices=("ja", "en"), default=argparse.SUPPRESS)
    trying = flows_sub.add_parser("try", help="every distinct path of a flow: sample answers and the statuses they give")
    trying.add_argument("flow", help="installed flow id or path to a flow file")
    trying.add_argument("--json", action="store_true", help="as JSON")
    trying.add_argument("--limit", type=int, default=20_000, help="most paths explored per part (default: 20000)")


def _resume(sub: Any) -> None:
    from anzen.cli.sessions import add_resume_parser

    add_resume_parser(sub, _db_option)


def _sessions(sub: Any) -> None:
    from anzen.cli.sessions import add_sessions_parser

    add_sessions_parser(sub, _db_option)


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


def _db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="session database (default: $ANZEN_DB, else the user data folder)")


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = _parser(_command_in(argv)).parse_args(argv)
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
        print("\nanzen: interrupted", file=sys.stderr)
        return 130
    return EXIT_BAD_INPUT


if __name__ == "__main__":
    raise SystemExit(main())
