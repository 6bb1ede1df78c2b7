"""What every command shares: printing problems, exit codes, loading a flow."""

from __future__ import annotations

import sys
from datetime import date
from typing import Any, NoReturn

from anzen.errors import Problem, ProblemsError

EXIT_OK, EXIT_PROBLEMS, EXIT_BAD_INPUT = 0, 1, 2


class CommandError(Exception):
    """Stop a command with a message and an exit status (never a traceback)."""

    def __init__(self, message: str, status: int = EXIT_BAD_INPUT):
        super().__init__(message)
        self.status = status


def print_problems(problems: list[Problem], stream=None) -> None:
    stream = stream or sys.stderr
    for problem in problems:
        print(f"error: {problem.render()}" if problem.severity == "error" else f"warning: {problem.render()}", file=stream)


def fail(message: str, status: int = EXIT_BAD_INPUT) -> NoReturn:
    raise CommandError(message, status)


def load_plan_or_fail(ref: str):  # -> Plan
    from anzen.plan_cache import load_plan

    try:
        return load_plan(ref)
    except ProblemsError as exc:
        print_problems(exc.problems)
        raise CommandError(f"cannot use flow '{ref}': {len(exc.problems)} problem(s)") from None


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
