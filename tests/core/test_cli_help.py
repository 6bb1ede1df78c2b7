"""The command line's help and argparse's errors: Japanese unless --lang en, every text in both languages,
lines that fit the terminal by display cells."""

from __future__ import annotations

import argparse
import re

import pytest
from rich.cells import cell_len

from anzen.cli.language import japanese_error, lang_in
from anzen.cli.main import _parser, main

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as stopped:
        main(list(argv))
    out, err = capsys.readouterr()
    return stopped.value.code, out, err


def parsers(parser: argparse.ArgumentParser, name: str = "anzen"):
    """Every parser of the command line with its name, the top one first."""
    yield name, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command, sub in action.choices.items():
                yield from parsers(sub, f"{name} {command}")


def helps(parser: argparse.ArgumentParser) -> dict[str, str]:
    """The help of each option and argument, and of each subcommand, by its name."""
    found = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found |= {f"command {choice.dest}": choice.help for choice in action._choices_actions}
        elif action.help is not argparse.SUPPRESS:
            found[(action.option_strings or [action.dest])[-1]] = action.help
    return found


def test_help_is_japanese_by_default(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert out.startswith("使い方: anzen ")
    for japanese in ("オプション:", "コマンド:", "この説明を表示して終わる", "回答ファイル（YAML か JSON）から、何も聞かずに報告書を作る", "English: anzen --lang en --help"):
        assert japanese in out
    assert "usage:" not in out and "show this help" not in out


def test_lang_en_gives_english_help_before_or_after_the_command(capsys):
    _, top, _ = run(capsys, "--lang", "en", "--help")
    assert top.startswith("usage: anzen ") and "positional arguments" in top and "fill a flow from an answers file" in top
    assert "日本語: anzen --help" in top
    _, fill, _ = run(capsys, "fill", "--lang=en", "--help")
    assert fill.startswith("usage: anzen fill ") and "answers file: question id → answer" in fill
    assert not JAPANESE.search("".join(fill.split()).replace("令和8年10月1日", "").replace("2026年10月1日", ""))


def test_every_text_is_said_in_both_languages():
    ja, en = dict(parsers(_parser(None, "ja"))), dict(parsers(_parser(None, "en")))
    assert ja.keys() == en.keys() and len(ja) > 15
    for name in ja:
        ja_helps, en_helps = helps(ja[name]), helps(en[name])
        assert ja_helps.keys() == en_helps.keys(), name
        for option, text in ja_helps.items():
            assert text and JAPANESE.search(text), f"{name} {option}: no Japanese help"
            assert text != en_helps[option], f"{name} {option}: the same text in both languages"
            assert en_helps[option] and not en_helps[option].startswith(("言語", "この")), f"{name} {option}"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_help_lines_fit_a_narrow_terminal_by_cells(lang, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    for name, parser in parsers(_parser(None, lang)):
        text = parser.format_help()
        usage, _, rest = text.partition("\n\n")
        wide = [line for line in rest.splitlines() if cell_len(line) > 60]
        # argparse puts a usage part that fits nowhere on a line of its own, in English too
        wide += [line for line in usage.splitlines() if cell_len(line) > 60 and not re.fullmatch(r"\s*(\[[^\[\]]*\]|\S+)", line)]
        assert not wide, f"{name}: {wide}"
        # nothing lost by the breaking: the help's words are all there, in order
        for option, help_text in helps(parser).items():
            assert "".join(help_text.split()) in "".join(text.split()), f"{name} {option}"


@pytest.mark.parametrize(("argv", "japanese", "english"), [
    (["fill"], "次の引数が必要です: flow, --answers", "the following arguments are required: flow, --answers"),
    (["sessions", "list", "--bogus"], "使えない引数です: --bogus", "unrecognized arguments: --bogus"),
    (["flows", "graph", "x", "--format", "svg"], "引数 --format: 'svg' は選べません（選べるもの: 'mermaid', 'dot', 'markdown'）", "invalid choice: 'svg'"),
    (["fill", "x", "--answers", "a", "--format"], "引数 --format: 値を一つ続けてください", "expected one argument"),
    (["flows", "try", "x", "--limit", "abc"], "引数 --limit: 'abc' は正しい値ではありません", "invalid int value: 'abc'"),
    (["fill", "x", "--answers", "a", "--fo", "md"], "オプション --fo は次のどれとも取れます: --format, --force", "ambiguous option: --fo could match"),
    (["fill", "x", "--answers", "a", "--force=1"], "引数 --force: 値 '1' はとりません", "ignored explicit argument '1'"),
    (["nosuch"], "引数 COMMAND: 'nosuch' は選べません", "invalid choice: 'nosuch'"),
])
def test_argparse_errors_in_the_language_asked(capsys, argv, japanese, english):
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.startswith("使い方: anzen") and f"エラー: {japanese}" in err
    assert "error:" not in err and "argument" not in err.replace("COMMAND", "")
    code, _, err = run(capsys, "--lang", "en", *argv)
    assert code == 2 and err.startswith("usage: anzen") and english in err and "エラー" not in err


def test_an_error_anzen_does_not_know_is_passed_on_as_it_is():
    assert japanese_error("something new in a later Python") == "something new in a later Python"


@pytest.mark.parametrize(("argv", "lang"), [
    ([], "ja"), (["fill", "x"], "ja"), (["--lang", "en"], "en"), (["fill", "x", "--lang=en"], "en"),
    (["--lang", "en", "fill", "--lang", "ja"], "ja"),  # the last one counts, as for argparse
    (["--lang", "fr"], "ja"),  # argparse then refuses it, in Japanese
    (["--lang"], "ja"), (["fill", "--", "--lang", "en"], "ja"),
])
def test_the_language_is_read_before_parsing(argv, lang):
    assert lang_in(argv) == lang
