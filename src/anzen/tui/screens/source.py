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
from anzen.tui.words import w


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
                for article in self.articles:
                    head = article.label + (f"（{article.heading}）" if article.heading and self.lang == "ja" else f" ({article.heading})" if article.heading else "")
                    yield Static(Content.styled(head, "bold $text-accent"), classes="article-title")
                    if not article.found:
                        yield Static(Content.styled("—", "$foreground-muted"), classes="article-text")
                        continue
                    yield Static(Content(article.text), classes="article-text")
                    if article.original:
                        yield Static(Content.styled(article.original, "$foreground-muted"), classes="article-text original")
                    if article.notes:
                        yield Static(Content.assemble(("［説明］" if self.lang == "ja" else "[Notes] ", "bold"), article.notes), classes="article-notes")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        localize_bindings(self, self.lang)
        self.query_one("#articles").focus()
