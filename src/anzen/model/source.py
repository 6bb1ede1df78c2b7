"""Source documents: the legal texts (special provisions, contracts) that checklist items rest on."""

from __future__ import annotations

from pydantic import Field

from anzen.model.common import ID_PATTERN, Strict, Text


class Article(Strict):
    """One article of a source document, transcribed verbatim."""

    id: str = Field(description="The article number as printed, e.g. '第7' or '第7条'.")
    heading: Text | None = Field(default=None, description="The heading printed before the article, e.g. （複写又は複製の禁止）.")
    text: Text = Field(description="The full text of the article (Japanese verbatim) with an English translation.")
    notes: Text | None = Field(default=None, description="Official explanation printed with the article (e.g. Kanagawa [説明]).")
    applies_when: Text | None = Field(default=None, description="When the article applies, if only in some contracts.")


class SourceDocument(Strict):
    """A public document (special provisions, contract, specification) cited by checklists."""

    id: str = Field(pattern=ID_PATTERN, description="Stable id used in references (doc: …).")
    title: Text = Field(description="Title of the document.")
    issuer: Text = Field(description="Who issued it (the municipality).")
    seed: str | None = Field(default=None, description="The seed file it is transcribed from.")
    articles: list[Article] = Field(min_length=1, description="Its articles, in printed order.")
