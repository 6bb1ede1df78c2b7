"""The command line's own words in Japanese (the default) or in English: its help and argparse's errors.

The language is the one `--lang` names anywhere on the command line, read before any parser is built, so
`anzen --help` is Japanese and `anzen --lang en --help` English, as the interview itself is. Each help text
is written beside its option as a pair, `say(ja, en)`, so that the two cannot drift apart. argparse's own
words (usage:, the group titles, its errors) come from gettext, which has no Japanese catalogue here, so
the Japanese parser says them itself. Help is broken into lines by display cells with the Japanese line
breaker (textwrap counts characters and breaks only at spaces, so a Japanese line ran on unbroken)."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

Say = Callable[[str, str], str]
LANGS = ("ja", "en")


def lang_in(argv: Sequence[str]) -> str:
    """The language the command line asks for (its last --lang), Japanese when it names none or a wrong one
    (argparse then says what is wrong, in Japanese)."""
    lang = "ja"
    for index, word in enumerate(argv):
        if word == "--":
            break
        if word == "--lang" and index + 1 < len(argv):
            lang = argv[index + 1]
        elif word.startswith("--lang="):
            lang = word.partition("=")[2]
    return lang if lang in LANGS else "ja"


def sayer(lang: str) -> Say:
    """`say(ja, en)`: the text in `lang`."""
    return _japanese if lang == "ja" else _english


def _japanese(ja: str, en: str) -> str:
    return ja


def _english(ja: str, en: str) -> str:
    return en


def parser_class(lang: str) -> type[argparse.ArgumentParser]:
    """The parser for `lang` (its subcommands' parsers are of the same class)."""
    return JapaneseParser if lang == "ja" else EnglishParser


class _CellWrapping(argparse.HelpFormatter):
    """Help lines broken by display cells (a kanji takes two), with the kinsoku rules of anzen.linebreak."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return _broken(" ".join(text.split()), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in _broken(" ".join(text.split()), width))


def _broken(text: str, width: int) -> list[str]:
    from anzen.cli.terminal import cells  # only when help is shown
    from anzen.linebreak import break_lines

    # no 、。 hanging past the edge: a terminal would carry it to a line of its own
    return [line.rstrip() for line in break_lines(text, max(width, 20), cells, hanging=False)]


_USAGE = "使い方: "
_USAGE_EXTRA = 3  # argparse lays the usage out by characters: "使い方: " is 5 of them but 8 cells


class _JapaneseHelp(_CellWrapping):
    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, _USAGE if prefix is None else prefix)

    def _format_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None) -> str:
        # laid out 3 cells narrower, its wrapped lines then moved 3 cells right, under the command's words
        self._width -= _USAGE_EXTRA
        try:
            text = super()._format_usage(usage, actions, groups, prefix)
        finally:
            self._width += _USAGE_EXTRA
        head, *rest = text.split("\n")
        return "\n".join([head] + [" " * _USAGE_EXTRA + line if line.strip() else line for line in rest])


class EnglishParser(argparse.ArgumentParser):
    """argparse as it is, with help broken into lines by display cells."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _CellWrapping)
        super().__init__(*args, **kwargs)


class JapaneseParser(argparse.ArgumentParser):
    """argparse saying its own words in Japanese."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _JapaneseHelp)
        add_help = kwargs.pop("add_help", True)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "引数"
        self._optionals.title = "オプション"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="この説明を表示して終わる")

    def add_subparsers(self, **kwargs: Any) -> Any:
        kwargs.setdefault("title", "コマンド")
        return super().add_subparsers(**kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: エラー: {japanese_error(message)}\n")


_ERRORS = (  # argparse's messages (Python 3.11–3.13) and what the Japanese parser says instead
    (r"the following arguments are required: (?P<a>.+)", "次の引数が必要です: {a}"),
    (r"unrecognized arguments: (?P<a>.+)", "使えない引数です: {a}"),
    (r"argument (?P<a>\S+): invalid choice: (?P<v>.+?) \(choose from (?P<c>.+)\)", "引数 {a}: {v} は選べません（選べるもの: {c}）"),
    (r"argument (?P<a>\S+): expected one argument", "引数 {a}: 値を一つ続けてください"),
    (r"argument (?P<a>\S+): invalid \w+ value: (?P<v>.+)", "引数 {a}: {v} は正しい値ではありません"),
    (r"argument (?P<a>\S+): ignored explicit argument (?P<v>.+)", "引数 {a}: 値 {v} はとりません"),
    (r"ambiguous option: (?P<a>\S+) could match (?P<c>.+)", "オプション {a} は次のどれとも取れます: {c}"),
)


def japanese_error(message: str) -> str:
    """argparse's error `message` in Japanese; as it is when it is not one anzen knows."""
    for pattern, japanese in _ERRORS:
        found = re.fullmatch(pattern, message)
        if found:
            return japanese.format(**found.groupdict())
    return message
