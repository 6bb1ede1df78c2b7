"""The full text of the articles behind a question (? / F1), from the source documents."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from anzen.tui.keys import localize_bindings
from anzen.tui.overview import SourceArticle
from anzen.tui.widgets.footer import Footer
from anzen.tui.widgets.lines import Cell, Line, LinesView, wrap
from anzen.tui.words import w


Part = tuple[str, Content]  # ("title" | "text" | "notes", its content)
MARGIN = {"title": 1, "text": 0, "notes": 1}  # blank lines before
INDENT = {"title": 0, "text": 2, "notes": 2}


class ArticlesView(LinesView):
    """The articles' titles, texts and notes as one widget, their lines broken as Japanese is (no 。 or ）
    starting a line: anzen.linebreak) rather than where a Static's width ends."""

    def __init__(self, parts: list[Part]) -> None:
        super().__init__()
        self.parts = parts

    def blocks(self) -> list[Part]:
        return self.parts

    def lay_out(self, block: Part, width: int) -> list[Line]:
        kind, content = block
        indent = [Cell(Content(""), INDENT[kind], drawing=True)] if INDENT[kind] else []
        return [[] for _ in range(MARGIN[kind])] + [[*indent, Cell(line)] for line in wrap(content, width - INDENT[kind])]


class SourceScreen(ModalScreen[None]):
    CSS_PATH = "source.tcss"
    BINDINGS = [Binding("escape,f1,q", "dismiss", "key.close")]

    def __init__(self, title: str, articles: list[SourceArticle], lang: str) -> None:
        super().__init__()
        self.heading, self.articles, self.lang = title, articles, lang

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            sep = "：" if self.lang == "ja" else ": "  # no space: a wrap would break there
            yield Static(Content.styled(f"{w(self.lang, 'sources_title')}{sep}{self.heading}", "bold"), id="title")
            with VerticalScroll(id="articles", can_focus=True):
                if not self.articles:
                    yield Static(w(self.lang, "no_sources"), markup=False)
                else:
                    yield ArticlesView(self._parts())
        yield Footer(show_command_palette=False)

    def _parts(self) -> list[Part]:
        parts: list[Part] = []
        for article in self.articles:
            head = article.label + (f"（{article.heading}）" if article.heading and self.lang == "ja" else f" ({article.heading})" if article.heading else "")
            parts.append(("title", Content.styled(head, "bold $text-accent")))
            if not article.found:
                parts.append(("text", Content.styled("—", "$foreground-muted")))
                continue
            parts.append(("text", Content(article.text)))
            if article.original:
                parts.append(("text", Content.styled(article.original, "$foreground-muted")))
            if article.notes:
                parts.append(("notes", Content.assemble(("［説明］" if self.lang == "ja" else "[Notes] ", "bold"), article.notes)))
        return parts

    def on_mount(self) -> None:
        localize_bindings(self, self.lang)
        self.query_one("#articles").focus()
