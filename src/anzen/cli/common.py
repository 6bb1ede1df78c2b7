"""What every command shares: printing problems, exit codes, loading a flow, opening the session store."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any, NoReturn

from anzen.cli.language import sayer
from anzen.errors import Problem, ProblemsError, in_file_order

EXIT_OK, EXIT_PROBLEMS, EXIT_BAD_INPUT = 0, 1, 2
EXIT_BUSY = EXIT_PROBLEMS  # a session open elsewhere: nothing wrong with the input, try later


class CommandError(Exception):
    """Stop a command with a message and an exit status (never a traceback)."""

    def __init__(self, message: str, status: int = EXIT_BAD_INPUT):
        super().__init__(message)
        self.status = status


def print_table(header: list[str], rows: list[list[str]], styles: dict[tuple[int, int], str] | None = None) -> None:
    """A table of plain values (user text is never read as markup). In a terminal, drawn by rich with long
    values folded, never cut, and the first column (an id other commands take) whole; to a file or another
    program, a tab-separated line per row with whole values (for grep, cut or a spreadsheet). `styles`:
    (row, column) → a rich style, for the terminal."""
    if not sys.stdout.isatty():
        for row in [header, *rows]:
            print("\t".join(one_line(value) for value in row))
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(*header)
    for column in table.columns:
        column.overflow = "fold"
    table.columns[0].no_wrap = True
    for r, row in enumerate(rows):
        table.add_row(*(Text(value, style=(styles or {}).get((r, c), "")) for c, value in enumerate(row)))
    Console(highlight=False).print(table)


def one_line(text: str) -> str:
    """A value on one line of tab-separated output: a tab, line break or other control character in it
    (typed by someone: a respondent's name) becomes a space."""
    return "".join(" " if ch < " " or "\x7f" <= ch <= "\x9f" or ch in "\u2028\u2029" else ch for ch in text)


def print_problems(problems: list[Problem], lang: str, stream=None) -> None:
    """Each problem on a line of its own, `file:line:` first (what editors jump to). The problems of a flow
    are said in the words of its YAML, in English; only their labels follow the language."""
    stream = stream or sys.stderr
    say = sayer(lang)
    labels = {"error": say("エラー", "error"), "warning": say("警告", "warning")}
    for problem in in_file_order(problems):
        print(f"{labels.get(problem.severity, problem.severity)}: {problem.render()}", file=stream)


def warn(lang: str, text: str) -> None:
    """A warning line on stderr, labelled in `lang` (the command goes on)."""
    print(f"{sayer(lang)('警告', 'warning')}: {text}", file=sys.stderr)


def fail(message: str, status: int = EXIT_BAD_INPUT) -> NoReturn:
    raise CommandError(message, status)


def load_plan_or_fail(ref: str, lang: str):  # -> Plan
    from anzen.plan_cache import load_plan

    try:
        return load_plan(ref)
    except ProblemsError as exc:
        from anzen.i18n import unknown_flow

        mistyped = unknown_flow(lang, ref, exc.problems)  # the user's mistake, in the user's words
        if mistyped:
            raise CommandError(mistyped) from None
        say = sayer(lang)
        print_problems(exc.problems, lang)
        raise CommandError(say(f"フロー '{ref}' は使えません: 問題 {len(exc.problems)} 件（anzen flows check {ref} で確認できます）",
                               f"cannot use flow '{ref}': {len(exc.problems)} problem(s) (see anzen flows check {ref})")) from None


def open_store_or_fail(args: argparse.Namespace) -> Any:
    from anzen.store import StoreError, open_store

    try:
        store = open_store(getattr(args, "db", None))
    except StoreError as exc:
        raise CommandError(exc.message(args.lang)) from None
    for note in store.notes:
        warn(args.lang, note.message(args.lang))
    return store


@contextmanager
def store_errors(lang: str) -> Iterator[None]:
    """Store errors → a message in `lang` and an exit status (busy: 1; anything else: 2), never a traceback.
    The store is imported only when something went wrong (the line mode asks before opening it)."""
    try:
        yield
    except Exception as exc:
        from anzen.store import SessionBusy, StoreError

        if isinstance(exc, SessionBusy):
            raise CommandError(exc.message(lang), EXIT_BUSY) from None
        if isinstance(exc, StoreError):
            raise CommandError(exc.message(lang), EXIT_BAD_INPUT) from None
        raise


def today() -> date:
    return date.today()


def select(lang: str, message: str, choices: list[Any]) -> Any:
    """A questionary list outside an interview (which flow, which session): Ctrl-C and the end of
    input stop the command with a message, never a traceback."""
    import questionary

    from anzen.i18n import ui

    try:
        return questionary.select(message, choices=choices).unsafe_ask()
    except KeyboardInterrupt:
        raise CommandError(ui(lang, "interrupted"), 130) from None
    except EOFError:
        raise CommandError(ui(lang, "eof"), 1) from None
