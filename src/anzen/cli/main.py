"""`anzen` — the command line. With no command it opens the interactive interview."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from anzen import __version__
from anzen.cli.common import EXIT_BAD_INPUT, CommandError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="anzen", description="Interviews for the personal-information reports of public-sector outsourcing (個人情報取扱特記事項).")
    parser.add_argument("--version", action="version", version=f"anzen {__version__}")
    parser.add_argument("--lang", choices=("ja", "en"), default="ja", help="language of the interview (default: ja)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    interview = sub.add_parser("interview", help="answer a flow question by question in the terminal (line mode)")
    interview.add_argument("flow", nargs="?", help="installed flow id or path to a flow file (default: choose)")
    interview.add_argument("--lang", choices=("ja", "en"), default=argparse.SUPPRESS)
    interview.add_argument("--format", default="json,md", help="report formats to write (default: json,md)")
    interview.add_argument("--out", default="exports", help="folder for the reports (default: ./exports)")
    interview.add_argument("--force", action="store_true", help="overwrite existing report files")

    fill = sub.add_parser("fill", help="fill a flow from an answers file (YAML or JSON) without asking")
    fill.add_argument("flow", help="installed flow id or path to a flow file")
    fill.add_argument("--answers", required=True, help="answers file: question id → answer (a JSON report also works)")
    fill.add_argument("--format", default="json,md", help="report formats (default: json,md)")
    fill.add_argument("--out", default="exports", help="folder for the reports (default: ./exports)")
    fill.add_argument("--lang", choices=("ja", "en"), default=argparse.SUPPRESS)
    fill.add_argument("--strict", action="store_true", help="exit 1 when answers are missing")
    fill.add_argument("--force", action="store_true", help="overwrite existing report files")
    fill.add_argument("--name", help="base name of the report files (default: form_respondent_date)")

    flows = sub.add_parser("flows", help="list and check flows")
    flows_sub = flows.add_subparsers(dest="flows_command", metavar="SUBCOMMAND", required=True)
    check = flows_sub.add_parser("check", help="check flow files (default: every installed flow)")
    check.add_argument("paths", nargs="*", help="flow files or installed flow ids")
    check.add_argument("--json", action="store_true", help="problems as JSON")
    listing = flows_sub.add_parser("list", help="the installed flows")
    listing.add_argument("--json", action="store_true", help="as JSON")
    flows_sub.add_parser("schema", help="print the JSON Schema of flow files")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command is None:  # the full-screen app; `anzen interview` stays the line mode
            from anzen.tui import run as run_app

            return run_app(args.lang)
        if args.command == "interview":
            from anzen.cli.interview import run

            return run(args)
        if args.command == "fill":
            from anzen.cli.fill import run

            return run(args)
        if args.command == "flows":
            from anzen.cli.flows import run

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
