"""A regex alternation of many words with their shared prefixes factored out."""
from __future__ import annotations

import re


def trie(words, escape=re.escape) -> str:
    """A regex for a set of words, shared prefixes factored out, so the
    engine walks one letter at a time instead of trying each word; at each
    letter the longer words are tried first. `escape` turns a character
    into its regex."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node) -> str:
        alts = []
        end = "" in node
        for ch in sorted(k for k in node if k):
            alts.append(escape(ch) + emit(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    return emit(root)
