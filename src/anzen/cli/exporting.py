"""Options that the commands writing reports share (dates, PDF font), and warnings from exporters."""

from __future__ import annotations

import argparse
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from anzen.cli.common import warn
from anzen.cli.language import Say


def add_export_arguments(parser: argparse.ArgumentParser, say: Say) -> None:
    parser.add_argument("--western-date", action="store_true", help=say("報告書の日付を令和8年10月1日ではなく2026年10月1日と書く", "print the report date as 2026年10月1日 instead of 令和8年10月1日"))
    parser.add_argument("--pdf-font", metavar="PATH", help=say("PDF に埋め込む日本語の TrueType フォント（.ttf か .ttc[:番号]。既定: $ANZEN_PDF_FONT、なければシステムのフォント）",
                                                               "Japanese TrueType font (.ttf, or .ttc[:index]) to embed in PDFs (default: $ANZEN_PDF_FONT, then system fonts)"))


def export_options(args: argparse.Namespace) -> dict[str, object]:
    options: dict[str, object] = {}
    if getattr(args, "western_date", False):
        options["era"] = False
    if getattr(args, "pdf_font", None):
        options["pdf_font"] = args.pdf_font
    return options


@contextmanager
def exporter_warnings(lang: str) -> Iterator[None]:
    """Warnings raised while rendering (e.g. no Japanese font to embed) as plain 'warning: …' lines, in
    `lang` where the warning has a Japanese text."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield
        finally:
            for warning in caught:
                if not issubclass(warning.category, UserWarning):  # Python's own (ResourceWarning …) are not the user's business
                    continue
                said = getattr(warning.message, "ja", None) if lang == "ja" else None
                warn(lang, str(said or warning.message))
