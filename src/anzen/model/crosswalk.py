"""What checklists/crosswalk.yaml may say: the common topics of the special provisions, and the article
of each municipality's documents that deals with each topic."""

from __future__ import annotations

from pydantic import Field, model_validator

from anzen.model.common import ID_PATTERN, ArticleRef, Strict, Text


class Municipality(Strict):
    """A municipality whose documents the crosswalk maps."""

    id: str = Field(pattern=ID_PATTERN, description="Stable id, the key in each topic's `articles`.")
    name: Text = Field(description="Its name.")
    names: list[str] = Field(min_length=1, description="How an answer may name it (和歌山市, Wakayama …): matched inside the answer.")
    documents: list[str] = Field(min_length=1, description="Ids of its source documents in checklists/sources/.")


class Topic(Strict):
    """A subject the special provisions of every municipality deal with (confidentiality, subcontracting …)."""

    id: str = Field(pattern=ID_PATTERN, description="Stable id.")
    title: Text = Field(description="The topic.")
    articles: dict[str, list[ArticleRef]] = Field(description="Municipality id → its articles on the topic (an empty list: it has none).")


class OutOfScope(Strict):
    """Articles deliberately left out of the crosswalk, with the reason."""

    doc: str = Field(description="Id of a source document.")
    articles: list[str] = Field(min_length=1, description="Its article ids.")
    reason: Text = Field(description="Why they are not mapped.")


class Crosswalk(Strict):
    """The topics of the special provisions, mapped to each municipality's articles."""

    version: str = Field(description="Version of this mapping.")
    municipalities: list[Municipality] = Field(min_length=1, description="The municipalities whose documents are mapped.")
    topics: list[Topic] = Field(min_length=1, description="The topics, each with every municipality's articles on it.")
    out_of_scope: list[OutOfScope] = Field(default_factory=list, description="Articles deliberately not mapped, with the reason.")

    @model_validator(mode="after")
    def _known_municipalities(self) -> "Crosswalk":
        ids = [m.id for m in self.municipalities]
        for topic in self.topics:
            unknown = sorted(set(topic.articles) - set(ids))
            if unknown:
                raise ValueError(f"topic '{topic.id}' names unknown municipalities: {', '.join(unknown)} (known: {', '.join(ids)})")
        return self
