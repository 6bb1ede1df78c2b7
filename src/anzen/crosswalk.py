"""The crosswalk (checklists/crosswalk.yaml): which article of each municipality deals with a topic.

A report cites, for every item that needs follow-up, the matching article of the municipality the
interview is for: the answer to the flow's `municipality` question when it has one (和歌山市 …), else the
issuer of the checklist. An item's topics are those whose articles include one of the item's refs."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from anzen.model.runtime import ArticleRef, Crosswalk

FILE = "crosswalk.yaml"
_cache: dict[tuple[Path, int, int], Crosswalk] = {}


def load_crosswalk(checklists_dir: Path) -> Crosswalk | None:
    """The crosswalk of a checklists folder (None when it has none); ProblemsError when it is malformed."""
    path = checklists_dir / FILE
    if not path.is_file():
        return None
    info = path.stat()
    key = (path.resolve(), info.st_mtime_ns, info.st_size)  # a changed file is read again (plans are kept by its sha256)
    if key not in _cache:
        from anzen.loader import load_crosswalk as load  # the loader only when the file is read (not for a kept plan)

        _cache[key] = load(path, f"checklists/{FILE}").model
    return _cache[key]


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def municipality_of(crosswalk: Crosswalk, text: str | None) -> str | None:
    """The municipality a text names (the first in the crosswalk's order), or None."""
    if not text:
        return None
    folded = _fold(text)
    for municipality in crosswalk.municipalities:
        if any(_fold(name) in folded for name in municipality.names):
            return municipality.id
    return None


def chosen_municipality(crosswalk: Crosswalk, answer: Any, issuer: str) -> str | None:
    """The answer to the flow's `municipality` question if it names one, else the checklist's issuer."""
    return municipality_of(crosswalk, answer if isinstance(answer, str) else None) or municipality_of(crosswalk, issuer)


_topics_of: dict[int, tuple[Crosswalk, dict[tuple[str, str], list[int]]]] = {}


def _index(crosswalk: Crosswalk) -> dict[tuple[str, str], list[int]]:
    """(doc, article) → the topics it is on; built once per crosswalk (reports ask for every item)."""
    cached = _topics_of.get(id(crosswalk))
    if cached is None or cached[0] is not crosswalk:
        index: dict[tuple[str, str], list[int]] = {}
        for i, topic in enumerate(crosswalk.topics):
            for refs in topic.articles.values():
                for ref in refs:
                    index.setdefault((ref.doc, ref.article), []).append(i)
        cached = _topics_of[id(crosswalk)] = (crosswalk, index)
    return cached[1]


def matching_refs(crosswalk: Crosswalk, refs: list[tuple[str, str]], municipality: str) -> list[ArticleRef]:
    """The municipality's articles on the topics of `refs` ((doc, article) pairs); none when `refs` already
    cite one of its documents (the item rests on that municipality's own text)."""
    have = set(refs)
    own = next((m.documents for m in crosswalk.municipalities if m.id == municipality), [])
    if any(doc in own for doc, _ in have):
        return []
    index = _index(crosswalk)
    topics = sorted({t for ref in refs for t in index.get(ref, ())})
    found: dict[tuple[str, str], ArticleRef] = {}
    for t in topics:
        for ref in crosswalk.topics[t].articles.get(municipality, []):
            if (ref.doc, ref.article) not in have:
                found.setdefault((ref.doc, ref.article), ref)
    return list(found.values())


def documents(crosswalk: Crosswalk) -> set[str]:
    return {r.doc for t in crosswalk.topics for refs in t.articles.values() for r in refs}
