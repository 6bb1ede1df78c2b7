"""Footer key descriptions in the current language.

Bindings are declared with a word key as description ("key.source"); this swaps in the words of
the current language. Textual has no public call to relabel bindings, so the map is rebuilt."""

from __future__ import annotations

from dataclasses import replace

from textual.binding import BindingsMap
from textual.dom import DOMNode

from anzen.tui.words import w


def localize_bindings(node: DOMNode, lang: str) -> None:
    original = getattr(node, "_anzen_bindings", None)
    if original is None:
        original = node._bindings.copy()
        node._anzen_bindings = original  # type: ignore[attr-defined]
    relabelled = []
    for bindings in original.key_to_bindings.values():
        for binding in bindings:
            desc = binding.description
            relabelled.append(replace(binding, description=w(lang, desc)) if desc.startswith("key.") else binding)
    node._bindings = BindingsMap(relabelled)
    node.refresh_bindings()
