"""Actor mentions in a sentence: the states that may act or be acted on.

Actors are the gazetteer's mentions (countries, demonyms and adjectives,
capitals, predecessor polities) plus institutions that stand for a state
(data/institutions.tsv), people whose nationality is known, and cities named after a
preposition. Each keeps the preposition that governs it ("in Russia",
"the King of Denmark" has none: a title stands for its state). Names that
merely contain a state ("Team Canada", "UN-brokered", "the Moscow Peace
Treaty") and who reports ("..., officials said") are no actors.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

from ..data import data_path, iter_tsv
from ..errors import DataFileError
from ..nlp.timex_patterns import words as time_words
from .lexicon import past_forms, phrase_index, wordset
from .triggers import Token, tokenize

_DETERMINERS = frozenset("the a an its their his her all most some other several many two three four "
                         "five six seven eight nine ten both any each every".split())
_BOUNDARY = frozenset(";:")
# capitalised words that may stand before a state's name without making it part of another name
_NAME_OK = frozenset("in on at to from with and or of by for the a an after before during since when while "
                     "both neither between against president king queen prime minister premier emperor "
                     "soviet imperial tsarist communist socialist democratic federal republican "
                     "january february march april may june july august september october november december "
                     "monday tuesday wednesday thursday friday saturday sunday".split())
_ADJ_SUFFIXES = ("al", "ic", "ern", "ian", "ish", "ive", "ful", "ous", "ary", "ese")
_COORD = frozenset("and but while whereas although though whom which who".split())


@dataclass(frozen=True)
class Actor:
    first: int            # token span
    last: int
    code: str
    kind: str
    prep: str | None      # the preposition governing it, if any


_INSTITUTION_KINDS = frozenset("seat parliament government ministry intelligence police military court company "
                               "party media person armed".split())


@lru_cache(maxsize=1)
def _institutions() -> dict[str, tuple[tuple[tuple[str, ...], str, bool], ...]]:
    """Institution names (data/institutions.tsv) by first word, longest first: (name words, state
    code, generic). Names are tokenized as the text is ("People's" -> people), so they match its tokens;
    a generic name (~ in the data) stands for its state only where the pair holds it."""
    path = data_path("institutions.tsv")
    out: dict[str, list] = {}
    for n, row in iter_tsv(path, ("name", "code", "kind"), ("name", "code", "kind")):
        if not re.fullmatch(r"[A-Z]{3}", row["code"]) or row["kind"] not in _INSTITUTION_KINDS:
            raise DataFileError(str(path), n, f"bad code {row['code']!r} or kind {row['kind']!r}")
        generic = row["name"].startswith("~")
        ws = tuple(t.low for t in tokenize(row["name"].lstrip("~")))
        if ws:
            out.setdefault(ws[0], []).append((ws, row["code"], generic))
    return {k: tuple(sorted(v, key=lambda x: -len(x[0]))) for k, v in out.items()}


def _institution_spans(lows: list[str], pair: tuple[str, ...] = ()) -> list[tuple[int, int, str]]:
    """(first, last, code) of each institution named, longest first at each word, no overlaps;
    "the Foreign Office" in an article on Germany and China is no British act."""
    inst = _institutions()
    out = []
    free = 0                              # the first token not inside a name found
    for i in [k for k, w in enumerate(lows) if w in inst]:   # few words can start a name
        if i < free:
            continue
        for name, code, generic in inst[lows[i]]:
            if tuple(lows[i:i + len(name)]) == name:
                if not (generic and pair and code not in pair):
                    out.append((i, i + len(name) - 1, code))
                free = i + len(name)
                break
    return out


@lru_cache(maxsize=1)
def _before_place() -> frozenset[str]:
    """The words a city's name may follow: a preposition, or a list going on."""
    return wordset("prepositions") | {"and", ","}


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    """Month and weekday names: capitalised, yet no part of a person's name ("on 28 April Adolf Hitler")."""
    return frozenset(time_words()["_month"]) | frozenset(time_words()["weekdays"])


_END = attrgetter("end")


def _tok_index(toks: list[Token], offset: int) -> int:
    """The first token that ends after `offset`."""
    return bisect_right(toks, offset, key=_END)


def _bare(name: str) -> str:
    """A name without its possessive ending: "Chamberlain's government" is Chamberlain's."""
    return name[:-2] if name.endswith(("'s", "’s")) else name


def actor_mentions(toks: list[Token], mentions, people: dict[str, str] | None = None,
                   place_code: Callable[[str], str | None] | None = None,
                   pair: tuple[str, ...] = ()) -> list[Actor]:
    """Actors as token spans, from gazetteer mentions, institutions, known people and
    (with `place_code(name) -> code|None`) cities named after a preposition."""
    preps = wordset("prepositions")
    numbers, adjectives = wordset("number_words"), wordset("name_adjectives")
    titles, named_by_place = wordset("ruler_titles"), wordset("named_by_place")
    currencies = wordset("currencies")
    before_place = _before_place()
    spans: list[tuple[int, int, str, str]] = []
    for m in mentions:
        if not m.code:
            continue
        a = _tok_index(toks, m.start)
        b = max(a, _tok_index(toks, m.end - 1))
        spans.append((a, b, m.code, m.kind))
    lows = [t.low for t in toks]
    # an institution whose name holds a state's word ("the Korean People's Army", "the Taiwan Affairs
    # Office") is the institution; one that only overlaps a longer state name gives way
    for a, b, code in _institution_spans(lows, pair):
        inside = [x for x in spans if a <= x[0] and x[1] <= b]
        if any(x[0] <= b and a <= x[1] for x in spans if x not in inside):
            continue
        spans = [x for x in spans if x not in inside]
        spans.append((a, b, code, "institution"))
    taken = {i for a, b, _, _ in spans for i in range(a, b + 1)}
    if people:
        calendar = _calendar_words()
        for i in [k for k, t in enumerate(toks) if _bare(t.text) in people]:
            t = toks[i]
            if i not in taken and t.text[:1].isupper():
                # the span holds the given names and title too ("and Nikol Pashinyan"), so that a
                # list of leaders reads as one ("Aliyev, Putin and Nikol Pashinyan signed")
                j = i
                while j > 0 and i - j < 3 and j - 1 not in taken and toks[j - 1].text[:1].isupper() \
                        and toks[j - 1].text.isalpha() and lows[j - 1] not in preps and lows[j - 1] not in _DETERMINERS \
                        and lows[j - 1] not in calendar:
                    j -= 1
                spans.append((j, i, people[_bare(t.text)], "person"))
                taken.update(range(j, i + 1))
    if place_code is not None:
        free = 1                                   # the first token not looked at as part of a name
        for i in [k for k in range(1, len(toks)) if lows[k - 1] in before_place and toks[k].text[:1].isupper()]:
            if i < free or i in taken:
                continue
            j = i
            while j + 1 < len(toks) and j + 1 - i < 3 and toks[j + 1].text[:1].isupper() and j + 1 not in taken:
                j += 1
            for k in range(j, i - 1, -1):          # longest name first
                place = place_code(" ".join(t.text for t in toks[i:k + 1]))
                if place:
                    spans.append((i, k, place, "place"))
                    taken.update(range(i, k + 1))
                    break
            free = j + 1
    spans.sort()
    taken_by_actor = {i for a, b, _, _ in spans for i in range(a, b + 1)}
    tail = _attribution_start(lows)
    out: list[Actor] = []
    prev_span = None
    for a, b, code, kind in spans:
        if a >= tail:
            continue                      # ", the Israeli army said": who reports, not who acts
        if kind == "country" and a > 1 and toks[a - 1].text[:1].isupper() and (a - 1) not in taken_by_actor \
                and toks[a - 1].text.isalpha() and lows[a - 1] not in _NAME_OK \
                and not (b + 1 < len(toks) and toks[b + 1].text[:1].islower()
                         and (lows[b + 1].endswith(("ed", "s")) or lows[b + 1] in past_forms())
                         and lows[b + 1] not in ("was", "has", "is", "as")):
            continue                      # "Team Canada", "Operation Gibraltar": a name, not the state
        if _compound_modifier(toks, b):
            continue                      # "UN-brokered", "Russian-made": a modifier, not an actor
        if kind in ("demonym", "adjective") and a > 0 and lows[a - 1] == "ethnic":
            continue                      # "ethnic Albanians" in Serbia are not Albania
        if b + 1 < len(toks) and lows[b + 1] in currencies:
            continue                      # "60 million Indian rupees": money, no party
        if kind in ("demonym", "adjective") and prev_span and prev_span[1] == a - 1 \
                and prev_span[3] in ("demonym", "adjective"):
            continue                      # "Bosnian Serbs": the first word names the state
        prev_span = (a, b, code, kind)
        j = a - 1
        skipped_word = False
        counted = False
        while j >= 0:
            w = lows[j]
            if w in _DETERMINERS or (w[:1].isdigit() and not (len(w) == 4 and w.isdigit())):
                counted = counted or w[:1].isdigit() or w in numbers
                j -= 1
                continue
            if (not skipped_word and toks[j].text[:1].islower() and w not in preps and j >= a - 2
                    and (w in adjectives or w.endswith(_ADJ_SUFFIXES))):
                skipped_word = True
                j -= 1
                continue
            break
        prep = lows[j] if j >= 0 and lows[j] in preps else None
        if counted and prep in ("about", "over", "around", "than", "under", "nearly", "some"):
            prep = None                   # "about 4,000 Norwegian soldiers": a quantity, no preposition
        if prep == "of" and j > 0 and lows[j - 1] in named_by_place:
            continue                      # "the Peace of Riga", "the Treaty of Tartu": where, not who
        if prep == "of" and j > 0 and lows[j - 1] in titles:
            # "the King of Denmark", "the Government of India" act as the state; "to the King of Sweden"
            k = j - 2
            while k >= 0 and (lows[k] in _DETERMINERS or lows[k] in titles):
                k -= 1
            prep = lows[k] if k >= 0 and lows[k] in preps else None
        # a list goes on under one preposition: "together with Latvia, Lithuania and Poland,"
        if prep is None and j >= 0 and lows[j] in (",", "and") and out and out[-1].last >= j - 1 and out[-1].prep \
                and b + 1 < len(toks) and lows[b + 1] in (",", "and", "or"):
            prep = out[-1].prep
        # a capital or city naming a thing ("the Moscow Peace Treaty", "the Oslo Freedom Forum") is no actor
        if kind in ("capital", "place") and b + 1 < len(toks) and toks[b + 1].text[:1].isupper() \
                and lows[b + 1] not in ("and", "or") and toks[b + 1].text.isalpha() and prep not in ("in", "at"):
            continue
        out.append(Actor(a, b, code, kind, prep))
    return out


def _attribution_start(lows: list[str]) -> int:
    """Token index where a closing attribution starts (", officials said."), else len(lows)."""
    n = len(lows)
    end = n - 1 if n and lows[-1] in (".", "!", "?") else n
    j = end - 1
    while j > 0 and lows[j] != "," and end - j <= 12:
        j -= 1
    if j <= 0 or lows[j] != ",":
        return n
    tail = lows[j + 1:end]
    if ("according" in tail[:2]) or (tail and wordset("attribution_verbs").intersection(tail) and len(tail) <= 12
                                      and not {"that", "and"}.intersection(tail)):
        return j
    return n


_AGENTIVE = ("-led", "-backed", "-controlled", "-sponsored", "-supported", "-run", "-allied")


def _compound_modifier(toks: list[Token], b: int) -> bool:
    """Does the token holding a mention go on with "-made", "-brokered", ... (but not "-led")?"""
    t = toks[b].text
    k = t.find("-")
    if k <= 0:
        return False
    rest = t[k:].lower()
    return not rest.startswith(_AGENTIVE)


def both_sides_at(toks: list[Token]) -> list[int]:
    """Token indices where a phrase like "the two countries" starts."""
    lows = [t.low for t in toks]
    out = []
    idx = _both_sides()
    firsts = phrase_index("both_sides")
    for i in [k for k, w in enumerate(lows) if w in firsts]:
        second = lows[i + 1] if i + 1 < len(lows) else None
        if any(tuple(lows[i:i + len(p)]) == p for p in idx.get((lows[i], None), ()) + idx.get((lows[i], second), ())):
            out.append(i)
    return out


def both_sides_before(toks: list[Token], end: int) -> bool:
    """Whether a phrase like "the two governments" ends just before token `end`."""
    lows = tuple(t.low for t in toks[max(0, end - 4):end])
    return any(lows[len(lows) - len(p):] == p for ps in _both_sides().values() for p in ps if len(p) <= len(lows))


@lru_cache(maxsize=1)
def _both_sides() -> dict[tuple[str, str | None], tuple[tuple[str, ...], ...]]:
    """The "both sides" phrases by their first two words ((word, None) for one word):
    "the" opens twenty of them, and most fail on their second word."""
    out: dict[tuple[str, str | None], list[tuple[str, ...]]] = {}
    for ps in phrase_index("both_sides").values():
        for p in ps:
            out.setdefault((p[0], p[1] if len(p) > 1 else None), []).append(p)
    return {k: tuple(v) for k, v in out.items()}
