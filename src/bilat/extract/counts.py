"""How many people or things an event counts: "three Norwegian diplomats" -> 3.

The counted phrase is the trigger's object (or, in the passive, its
subject): a number, optional adjectives, and a noun that is not a unit of
time, money or measure. Named people count one each ("detained Kevin and
Julia Garratt" -> 2); "a diplomat", "he" and "another Canadian" count one.
"""
from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from ..nlp.gazetteer import gazetteer
from .lexicon import wordset, words
from .triggers import Hit, Token

_NUM_RE = re.compile(r"^\d[\d,]*$")
_STOP = frozenset(";:.")
_PERSON_MODES = frozenset({"arrest", "expel", "release", "deport", "kill", "abduct", "wanted", "judicial"})
_SINGLE = frozenset({"he", "she", "him", "her", "another"})


@lru_cache(maxsize=1)
def _number_words() -> dict:
    return words().get("numbers") or {}


@lru_cache(maxsize=1)
def _multipliers() -> dict:
    return words().get("multipliers") or {}


def number(tok: Token) -> int | None:
    """The number a token spells ("12", "1,500", "twelve", "a"), or None."""
    low = tok.low
    if _NUM_RE.match(low):
        try:
            return int(low.replace(",", ""))
        except ValueError:
            return None
    n = _number_words().get(low)
    return int(n) if isinstance(n, int) else None


_DECIMAL = re.compile(r"\d+\.\d+")


def _number_at(toks: list[Token], k: int) -> tuple[int | None, int]:
    """The number that starts at token k and the index of its last token:
    "two thousand" -> 2000, "half a million" -> 500000, "1.5 million" -> 1500000."""
    low = toks[k].low
    if not low[:1].isdigit() and low not in _number_words() and low != "half":
        return None, k                    # most words: no number starts here
    mult = _multipliers()
    if low == "half" and k + 2 < len(toks) and toks[k + 1].low == "a" and toks[k + 2].low in mult:
        return mult[toks[k + 2].low] // 2, k + 2
    whole = number(toks[k])
    if whole is None and not (_DECIMAL.fullmatch(low) and k + 1 < len(toks) and toks[k + 1].low in mult):
        return None, k
    n = float(low) if whole is None else whole
    j = k
    while j + 1 < len(toks) and toks[j + 1].low in mult and toks[j + 1].low != low:
        n *= mult[toks[j + 1].low]
        j += 1
    return int(n), j


@lru_cache(maxsize=1)
def _plural_demonyms() -> frozenset[str]:
    """Demonyms that are their own plural ("Japanese", "Swiss"): they count people after a number."""
    return frozenset(d for c in gazetteer().countries() for d in c.demonyms if d.endswith(("ese", "ss")))


@lru_cache(maxsize=1)
def _units() -> frozenset[str]:
    """Measure words after a number: words.yaml's units and its currencies."""
    return wordset("units") | wordset("currencies")


def _noun_after(toks: list[Token], i: int, stop: int) -> tuple[int, str] | None:
    """The noun a number at i counts: skip adjectives and 'of the' up to 4 words."""
    units = _units()
    nouns = wordset("count_nouns")
    j = i + 1
    while j < min(stop, i + 6):
        w = toks[j].low
        if w in units:
            return None
        if w in nouns:
            return j, w
        if toks[j].text[:1].isupper() and (w.endswith("s") and len(w) > 3 and w.isalpha() or
                                            toks[j].text in _plural_demonyms()):
            return j, w                   # a demonym: "four Canadians", "575,000 Japanese"
        if w == "and" and _adjectives_joined(toks, j):
            j += 1                        # "14 diplomatic and consular staff"
            continue
        if w in ("of", "the", "their", "its", "his", "her", "them") or w.isalpha() or "-" in w:
            if w in (",", "and", "to", "in", "on", "for", "from", "at", "by"):
                return None
            if w.endswith("s") and len(w) > 3 and w not in ("its", "his", "this", "was", "has", "is", "as") \
                    and toks[j].text[:1].islower() and (j + 1 >= len(toks) or toks[j + 1].low not in nouns):
                return j, w
            j += 1
            continue
        return None
    return None


_ADJ_ENDINGS = ("ic", "al", "ar", "ary", "ive", "ian")


def _adjectives_joined(toks: list[Token], j: int) -> bool:
    """Token j is an "and" between two lower-case adjectives ("diplomatic and consular")."""
    return 0 < j < len(toks) - 1 and all(t.text.islower() and t.low.endswith(_ADJ_ENDINGS)
                                         for t in (toks[j - 1], toks[j + 1]))


_COUNTED_TYPES = frozenset({"SANCTION", "COERCE", "RETREAT", "MOBILIZE", "ASSAULT", "AID", "PROTEST", "REQUEST",
                            "ACCUSE"})


def count(toks: list[Token], hit: Hit, passive: bool, lo: int, hi: int, skip: Collection[int] = frozenset()) -> int | None:
    """Count for `hit` from tokens lo..hi (the hit's own stretch of the sentence)."""
    return counted_noun(toks, hit, passive, lo, hi, skip)[0]


def counted_noun(toks: list[Token], hit: Hit, passive: bool, lo: int, hi: int,
                 skip: Collection[int] = frozenset()) -> tuple[int | None, str | None]:
    """(count, the noun counted: "diplomats") for `hit`; (None, None) where the text counts nothing."""
    if hit.pattern.type not in _COUNTED_TYPES and hit.pattern.mode not in _PERSON_MODES:
        return None, None                 # people handed over ("was extradited") count; other help does not
    n, noun = _counted(toks, hit, passive, lo, hi, skip)
    if hit.pattern.type == "ACCUSE" and not (noun and (noun.lower() in wordset("count_nouns") or noun[:1].isupper())):
        return None, None                 # "accused four diplomats": people; not "a list of fourteen grievances"
    return n, noun


def _counted(toks: list[Token], hit: Hit, passive: bool, lo: int, hi: int,
             skip: Collection[int]) -> tuple[int | None, str | None]:
    before = _counted_before(toks, hit, lo, skip)
    if before is not None:
        return before
    if not passive and hit.pattern.mode in _PERSON_MODES:
        k = hit.last + 1
        if k < hi and toks[k].low == "of" and hit.first == hit.head:
            k += 1                        # "the expulsion of Pavan Rai": the noun's object
        titles = wordset("person_titles")
        while k < hi and (toks[k].low in ("the", "a", "an", "former")
                          or (toks[k].text[:1].isupper() and toks[k].low in titles)):
            k += 1
        if k < hi and toks[k].text[:1].isupper() and k not in skip and number(toks[k]) is None:
            people = _people(toks, list(range(k, hi)), False)
            if people and not _and_others(toks, k, hi):
                return people, None       # (but "Colonel Soto and ten other officials": counted below)
    if passive:
        j = hit.first - 1
        span = []
        while j >= lo and toks[j].low not in _STOP:
            span.append(j)
            j -= 1
        span = span[::-1]
        span_stop = hit.first
    else:
        stop = hi
        for k in range(hit.last + 1, hi):
            if toks[k].low in (",", ";", "and", "after", "before", "while", "when", "because") and k > hit.last + 1 \
                    and not (toks[k].low == "and" and k + 2 < hi and toks[k + 2].low == "other") \
                    and not (toks[k].low == "and" and _adjectives_joined(toks, k)):
                stop = k                  # (not at "X and ten other officials", counted together below)
                break
        span = list(range(hit.head + 1, stop))
        span_stop = stop
        if hit.first < hit.head:
            span = list(range(hit.first + 1, stop))
    # numbers with a counted noun
    for k in span:
        if k in hit.words or k in skip:
            continue
        if k - 1 > lo and toks[k - 1].text[:1].isupper() and toks[k - 1].text.isalpha() and toks[k].text[:1].isdigit():
            continue                      # "Flight 858", "Resolution 242": a number in a name
        n, end = _number_at(toks, k)
        if n is None:
            continue
        if toks[k - 1].low == "by" and hit.pattern.mode == "reduce-relations" and n > 1:
            return n, None                # "to cut its staff by 40": the reduction
        if end > k:                       # "two thousand soldiers": the noun follows the whole number
            got = _noun_after(toks, end, span_stop)
            if got is not None:
                return n, toks[got[0]].text
            continue
        if k + 3 < len(toks) and toks[k + 1].low == "of" and toks[k + 2].low in ("the", "its", "their") \
                and number(toks[k + 3]) is not None and _noun_after(toks, k + 3, span_stop):
            nn = _noun_after(toks, k + 3, span_stop)
            return n, toks[nn[0]].text if nn else None      # "24 of the 50 buoys"
        if toks[k].low in ("a", "an") and not passive and k > (hit.last + 3):
            continue
        got = _noun_after(toks, k, span_stop)
        if got is None:
            continue
        if n == 1 and toks[k].low in ("a", "an") and got[1].endswith("s") and got[1] not in ("staff",):
            continue
        if toks[k].low == "pair":
            continue
        if k >= 2 and toks[k - 1].low == "and" and k + 1 < len(toks) and toks[k + 1].low == "other":
            named = _names(toks, reversed(range(max(lo, k - 6), k - 1)), strict=True)   # "X and ten other officials"
            if named is None and toks[k - 2].low in wordset("one_person_nouns"):
                named = 1                 # "the consul and eleven other staff"
            n += named or 0
        else:
            n += _and_more(toks, got[0] + 1, len(toks))   # (the stretch may end at that "and")
        return n, toks[got[0]].text
    if hit.pattern.type == "ASSAULT":
        # "bombed the embassy, killing three journalists": an attack counts its dead
        casualty = wordset("casualty_verbs")
        for k in range(hit.last + 2, min(hi, hit.last + 16)):
            if toks[k].low in casualty and toks[k - 1].low == ",":
                n, end = _number_at(toks, k + 1)
                got = _noun_after(toks, end if end > k + 1 else k + 1, hi) if n is not None else None
                if n is not None and got is not None:
                    return n + _and_more(toks, got[0] + 1, hi), None
                break
    if hit.pattern.mode in _PERSON_MODES:
        people = _people(toks, span, passive)
        if people is not None:
            return people, None
    if hit.pattern.type in ("SANCTION", "COERCE", "RETREAT"):
        return _one_person(toks, span, passive)
    return None, None


_ONE = frozenset(("a", "an", "its", "his", "her", "the", "one"))


def _one_person(toks: list[Token], span: list[int], passive: bool) -> tuple[int | None, str | None]:
    """"recalled its ambassador", "its own envoy", "the detained journalist was freed": one person."""
    nouns = wordset("one_person_nouns")
    after = wordset("after_one_person")
    seq = span[-5:] if passive else span[:5]
    for i, k in enumerate(seq):
        if toks[k].low in _ONE:
            for j in seq[i + 1:i + 4]:
                nxt = toks[j + 1] if j + 1 < len(toks) else None
                if toks[j].low in nouns and (nxt is None or not nxt.text[:1].islower() or nxt.low in after):
                    return 1, toks[j].text        # (not "the ambassador's residence", "the envoy post")
                if toks[j].low in (",", "and", "of", "to", "from", "in", "at", "by"):
                    break
            return None, None
    return None, None


_FORCE_TYPES = frozenset({"ASSAULT", "MOBILIZE"})
_FORCE_MODES = frozenset({"incursion"})    # "two military helicopters violated its airspace"
_YEAR = re.compile(r"\d{4}")                # "the 1998 tests": a year, no count


def _counted_before(toks: list[Token], hit: Hit, lo: int, skip: Collection[int]) -> tuple[int, str] | None:
    """A count standing before the trigger: of the trigger noun itself ("carried out five nuclear
    tests", "two airstrikes"), or, for an attack or deployment, of the forces acting ("about
    250,000 soldiers of the Soviet Union invaded")."""
    nouns = wordset("count_nouns")
    k = hit.first - 1
    hops = 0
    units = _units()
    # the walk stays in the trigger's noun phrase: not past a verb ("the two sides announced
    # disengagement") or a measure word
    while k >= lo and hops < 2 and toks[k].low.isalpha() and toks[k].low not in units \
            and not toks[k].low.endswith("ed") \
            and number(toks[k]) is None and toks[k].low not in ("the", "its", "their", "of", "and", "to"):
        k -= 1                            # "five nuclear tests", "a dozen Moroccan gendarmes landed"
        hops += 1
    if k >= lo and k not in skip and toks[k].low not in ("a", "an", "one") \
            and (hit.first == hit.head or toks[hit.first].low in nouns) and not _YEAR.fullmatch(toks[k].low):
        n = number(toks[k])
        if n is not None and n > 1:
            return n, toks[hit.first].text
    if not (hit.pattern.type in _FORCE_TYPES or hit.pattern.mode in _FORCE_MODES) or hit.first != hit.head:
        return None
    for k in range(max(lo, hit.first - 14), hit.first):
        if k in skip or toks[k].low in (",", ";") and k > hit.first - 3:
            continue
        n, end = _number_at(toks, k)
        if n is None or n < 2 or _YEAR.fullmatch(toks[k].low):
            continue
        got = _noun_after(toks, end, hit.first)
        if got is not None and got[1] in nouns:
            return n, toks[got[0]].text
    return None


def _and_more(toks: list[Token], j: int, hi: int) -> int:
    """The number of a second counted noun joined at token j, after the first: "two customs
    officers and seven soldiers", "killing two marines and two civilians"; else 0."""
    if j + 1 < hi and toks[j].low == "and" and toks[j + 1].low not in ("a", "an"):
        m, end = _number_at(toks, j + 1)
        got = _noun_after(toks, end if end > j + 1 else j + 1, hi) if m is not None else None
        if m is not None and got is not None and toks[got[0]].low in wordset("count_nouns"):
            return m                      # (not "40 individuals and two entities")
    return 0


def _and_others(toks: list[Token], k: int, hi: int) -> bool:
    """Whether "and <number> other" follows within a few words of token k."""
    return any(toks[j].low == "and" and toks[j + 2].low == "other" and number(toks[j + 1]) is not None
               for j in range(k, min(hi - 2, k + 8)))


def _people(toks: list[Token], span: list[int], passive: bool) -> int | None:
    """Named people (and pronouns) as the object of an arrest, expulsion or release; in the
    passive, the subject before the verb ("Kovrig and Spavor were tried")."""
    if not span:
        return None
    seq = span[-4:] if passive else span[:6]
    for k in seq:
        if toks[k].low in _SINGLE:
            return 1
    if passive:
        tail = list(span[-14:])
        while tail and (toks[tail[-1]].low in ("was", "were", "been", "being", "is", "are", "be", "had", "has",
                                                "have", "also", "later", "then", "only", "not", "never")
                        or toks[tail[-1]].low.endswith("ly")):
            tail.pop()
        if tail and toks[tail[-1]].low == ",":
            # "Jane Doe, the former defence minister, was arrested": the name before the apposition
            commas = [i for i, k in enumerate(tail[:-1]) if toks[k].low == ","]
            if commas and toks[tail[commas[-1] + 1]].low in ("a", "an", "the"):
                tail = tail[:commas[-1]]
        tail = tail[-8:]
        return _names(toks, reversed(tail), strict=True)
    n = _names(toks, seq, strict=False)
    companions = wordset("companion_nouns")
    if n == 1 and any(toks[k].low == "and" and toks[k + 1].low in ("his", "her") and toks[k + 2].low in companions
                      for k in span[:8] if k + 2 < len(toks)):
        n = 2                             # "the military attaché and his deputy"
    return n


def _names(toks: list[Token], order, strict: bool) -> int | None:
    """How many capitalised names joined by "and" stand in `order` ("Kovrig and Spavor": 2).
    `strict` stops at any other word; otherwise only at a preposition, a comma or a
    lower-case word after a name."""
    names, started = 0, False
    for idx in order:
        t = toks[idx]
        if t.text[:1].isupper() and t.low not in ("the", "in", "on", "a"):
            if not started:
                names += 1
                started = True
        elif t.low == "and" and started:
            started = False
        elif strict or t.low in (",", "of", "to", "for", "in", "on", "at", "from") or (t.text[:1].islower() and started):
            if started and not strict and t.low.endswith("s") and t.text[:1].islower() \
                    and t.low not in ("was", "has", "is", "as"):
                names -= 1                # "Peruvian citizens": the capitalised word was a modifier
            break
    return names or None
