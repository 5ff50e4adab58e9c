"""Tokens of a sentence and the trigger patterns they match.

One pass over the tokens: each token's lower-case form looks up the
patterns whose first word it can be; a pattern then matches its remaining
words left to right, gaps taking as few words as they can. Where matches
share words, the one with more words wins (impose ... sanctions over
sanctions), so each word triggers at most one event.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .lexicon import Pattern, first_index, pattern_words, wordset

_TOKEN_RE = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_](?:[\w'’.-]*[\w])?|[^\w\s]")
_CLAUSE_STOP = frozenset(";:")
_SOFT_STOP = frozenset(",")


class Token(NamedTuple):          # a tuple: millions are made, a dataclass is slower to build
    start: int          # offsets into the text the sentence came from
    end: int
    text: str
    low: str


@dataclass(frozen=True)
class Hit:
    pattern: Pattern
    words: tuple[int, ...]     # token indices of the pattern's words
    head: int                  # token index of the head word

    @property
    def first(self) -> int:
        return self.words[0]

    @property
    def last(self) -> int:
        return self.words[-1]


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    # lower-case the stretch once, not token by token (unless that changes its length: "İ")
    low_all = text[start:end].lower().replace("’", "'")
    spans = [m.span() for m in _TOKEN_RE.finditer(text, start, end)]
    new = tuple.__new__                 # Token(...) goes through a Python-level __new__: this does not
    if len(low_all) == end - start:
        out = [new(Token, (a, b, text[a:b], low_all[a - start:b - start])) for a, b in spans]
    else:
        out = [new(Token, (a, b, text[a:b], text[a:b].lower().replace("’", "'"))) for a, b in spans]
    if "'s" in low_all:
        for i, t in enumerate(out):
            if t.low.endswith("'s") and len(t.low) > 2:   # possessive: Russia's -> russia's, matched as russia
                out[i] = t._replace(low=t.low[:-2])
    return out


def clause_start(lows: list[str], i: int, commas: bool = True) -> int:
    """Index of the first token of the stretch that holds token i, bounded by ";" and ":"
    and, with `commas`, by ",": the phrase a cue or a subject must share with a trigger."""
    j = i - 1
    while j >= 0 and lows[j] not in _CLAUSE_STOP and not (commas and lows[j] in _SOFT_STOP):
        j -= 1
    return j + 1


def relative_clauses(lows: list[str], lo: int, hi: int) -> list[tuple[int, int]]:
    """Spans (first, past the closing comma) of ", which/who ... ," inside lows[lo:hi]."""
    out = []
    k = lo
    while k < hi:
        if lows[k] == "," and k + 1 < hi and lows[k + 1] in ("which", "who", "whose", "whom"):
            end = next((m for m in range(k + 2, hi) if lows[m] == ","), None)
            if end is None:
                break
            out.append((k, end + 1))
            k = end + 1
            continue
        k += 1
    return out


def _match(parts: tuple, toks: list[Token], i: int, k: int, acc: list[int]) -> list[int] | None:
    """Match parts[k:] from token i; acc holds the word indices so far."""
    if k == len(parts):
        return acc
    part = parts[k]
    if isinstance(part, tuple):                     # a gap
        _, n, commas = part
        j = i
        for _ in range(n + 1):
            if j >= len(toks):
                return None
            got = _match(parts, toks, j, k + 1, acc)
            if got is not None:
                return got
            t = toks[j].low
            if t in _CLAUSE_STOP or t == "." or (not commas and t in _SOFT_STOP):
                return None
            j += 1
        return None
    if i < len(toks) and toks[i].low in part:
        return _match(parts, toks, i + 1, k + 1, acc + [i])
    return None


@lru_cache(maxsize=1)
def _entries() -> dict[str, tuple[tuple[Pattern, frozenset | None, int, int], ...]]:
    """first_index() with, per pattern, the set its next word must be in (None for a
    one-word pattern), how many tokens after the first that word may stand in (1, or
    a gap's reach + 1 when a gap comes second), and the position of its head among its
    words: most patterns tried fail on their next word, checked here without a call."""
    out = {}
    for form, ps in first_index().items():
        out[form] = tuple((p, *_next_word(p.parts), sum(1 for x in p.parts[:p.head] if not isinstance(x, tuple)))
                          for p in ps)
    return out


def _next_word(parts: tuple) -> tuple[frozenset | None, int]:
    if len(parts) < 2:
        return None, 1
    if not isinstance(parts[1], tuple):
        return parts[1], 1
    if len(parts) > 2 and not isinstance(parts[2], tuple):
        return parts[2], parts[1][1] + 1          # ("gap", n, commas): the word within n + 1 tokens
    return None, 1


def _unprefixed(toks: list[Token]) -> list[Token]:
    """The tokens with "counter-tariffs", "re-imposed" read as the word after the prefix,
    where the lexicon knows that word and not the whole."""
    known = pattern_words()
    prefixes = wordset("hyphen_prefixes")
    out = list(toks)
    for i, t in enumerate(toks):
        pre, dash, rest = t.low.partition("-")
        if dash and pre in prefixes and t.low not in known and rest in known:
            out[i] = t._replace(low=rest)
    return out


def find(toks: list[Token]) -> list[Hit]:
    """Non-overlapping trigger hits, in text order."""
    idx = _entries()
    if any("-" in t.low for t in toks):
        toks = _unprefixed(toks)
    lows = [t.low for t in toks]
    n = len(lows)
    cands: list[Hit] = []
    for i in [k for k, low in enumerate(lows) if low in idx]:     # most words start no pattern
        entries = idx[lows[i]]
        second = lows[i + 1] if i + 1 < n else None
        for p, nxt, reach, head_word in entries:
            if nxt is not None and (second not in nxt if reach == 1 else nxt.isdisjoint(lows[i + 1:i + 1 + reach])):
                continue
            words = _match(p.parts, toks, i + 1, 1, [i])
            if words is None:
                continue
            cands.append(Hit(p, tuple(words), words[head_word]))
    cands.sort(key=lambda h: (-len(h.words), h.words[0], h.words[-1] - h.words[0]))   # longest, then leftmost
    taken: set[int] = set()
    out: list[Hit] = []
    for h in cands:
        if taken.intersection(h.words):
            continue
        taken.update(h.words)
        out.append(h)
    # "-" rows name phrases that look like triggers but tell no event ("trading partner")
    out = [h for h in out if h.pattern.type != "-"]
    out.sort(key=lambda h: h.head)
    return out
