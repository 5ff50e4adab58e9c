"""The events one sentence tells, before merging: trigger, roles, count, date, modality.

Shared by the article extractor (events.py) and the line coder (coder.py).
Each trigger owns a stretch of the sentence, from the coordination that
ends the trigger before it to the one before the next ("expelled ten
diplomats | and in August added ..."). Its date is the time expression in
its own comma-delimited phrase, else in its stretch, else the date of the
trigger it is coordinated with, else the nearest one in the sentence, else
the narrative's running date. Two dates joined by "and" in one stretch
("in 2017 and 2018", "in Shanghai in 1984 and in Guangzhou in 1992") make
one event each.
"""
from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from . import actors as act
from ..nlp.anchor import END_POINT, Timex
from ..nlp.timex import attributive_year
from .counts import counted_noun, number
from .lexicon import cameo_table, inflected_wordset, noun_wordset, past_forms, wordset, words
from .filters import keep
from .modality import cue_words, mode_of
from .roles import assign
from .triggers import Hit, Token, find, tokenize

_REGION_BREAK = frozenset({"and", ",", ";", "but", "while", "whereas"})


@dataclass
class Candidate:
    type: str
    mode: str | None
    cameo: str
    goldstein: float | None
    context: tuple[str, ...]
    source: str | None
    target: str | None
    symmetric: bool
    count: int | None
    date: str | None
    modality: str | None          # None (history), negation, future, hypothetical, fiction
    start: int                    # sentence span
    end: int
    head: int                     # offset of the trigger head
    trigger: str                  # the trigger words as written
    response_cue: bool
    order: int = 0                # position in the sentence
    date_own: bool = True         # the date stands in the trigger's own stretch
    explicit: bool = False        # the clause names its own subject
    conditional: bool = False     # "... unless", "... or face": a plan held over someone
    count_noun: str | None = None  # what the count counts ("diplomats")
    passive: bool = False
    named: bool = False           # its subject is a person the gazetteer does not know


def _inside(toks: list[Token], spans) -> set[int]:
    """Indices of the tokens lying wholly inside one of `spans` (time expressions). Tokens
    are in order and do not overlap, so each span holds a run found by bisection."""
    if not spans:
        return set()
    starts = [t.start for t in toks]
    out = set()
    for x in spans:
        i = bisect.bisect_left(starts, x.start)
        while i < len(toks) and toks[i].end <= x.end:
            out.add(i)
            i += 1
    return out


def _regions(toks: list[Token], hits: list[Hit], inside: Collection[int] = frozenset()) -> list[tuple[int, int]]:
    """(lo, hi) token stretch owned by each hit; hits with no break between them share one.
    The break is the strongest between them: ";", then ", and", then "and", then ",". Breaks
    inside a time expression ("between 1950 and 1953") do not count."""
    cuts: list[int | None] = []
    for n in range(len(hits) - 1):
        a, b = hits[n].last, hits[n + 1].first
        best = None
        for k in range(b - 1, a, -1):
            w = toks[k].low
            if w not in _REGION_BREAK or k in inside:
                continue
            rank = 3 if w == ";" else 2 if w in ("and", "but") and toks[k - 1].low == "," else \
                1 if w in ("and", "but", "while", "whereas") else 0
            if best is None or rank > best[0]:
                best = (rank, k)
        cuts.append(best[1] if best else None)
    out = []
    lo = 0
    for n in range(len(hits)):
        hi = next((c for c in cuts[n:] if c is not None), len(toks))
        out.append((lo, hi))
        if n < len(cuts) and (cut := cuts[n]) is not None:
            lo = cut
    return out


@lru_cache(maxsize=1)
def _context_res() -> tuple[tuple[str, re.Pattern], ...]:
    """One regex per PLOVER context, from words.yaml's context cue words."""
    out = []
    for name, cues in (words().get("context") or {}).items():
        alts = "|".join(sorted((re.escape(str(c).lower()) for c in cues), key=len, reverse=True))
        out.append((name, re.compile(rf" (?:{alts}) ")))
    return tuple(out)


def _cued_contexts(lows: str) -> list[str]:
    """The contexts whose cue words the sentence has (the same for each of its hits)."""
    return [name for name, rx in _context_res() if rx.search(lows)]


def _contexts(hit: Hit, cued: list[str]) -> tuple[str, ...]:
    ctx = list(hit.pattern.context)
    for name in cued:
        if name not in ctx:
            ctx.append(name)
    return tuple(ctx)


def _segment(toks: list[Token], i: int) -> tuple[int, int]:
    """Character span of the comma-delimited phrase around token i."""
    a = i
    while a > 0 and toks[a - 1].low not in (",", ";", ":"):
        a -= 1
    b = i
    while b + 1 < len(toks) and toks[b + 1].low not in (",", ";", ":"):
        b += 1
    return toks[a].start, toks[b].end


_RELATIVE_TO_EVENT = re.compile(
    r"^(?:only\s+|just\s+|some\s+)?(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|\d+)\s+"
    r"(?:day|week|month|year|decade)s?\s+(?:after|before)$", re.I)


_YEAR_FIRST = re.compile(r"-?\d{4}")


def _datable(timexes: list) -> list:
    """The time expressions that may date the sentence's acts. Where the sentence
    gives a calendar date of its own, "a month after <the pact>" dates the pact, not
    the act, and a yearless holiday ("Victory Day") only repeats the full date."""
    full = [t for t in timexes if _YEAR_FIRST.match(t.value or "")
            and not _RELATIVE_TO_EVENT.match(t.text.strip())]
    if not full:
        return timexes
    return [t for t in timexes if t in full or not (
        _RELATIVE_TO_EVENT.match(t.text.strip()) or (t.value or "").startswith("XXXX"))]


@lru_cache(maxsize=1)
def _phrase_cues() -> tuple[str, ...]:
    """The response cues of several words ("in retaliation"), found in the joined sentence."""
    return tuple(c for c in wordset("response_cues") if " " in c)


def _split_values(v: str) -> list[str]:
    """The dates of a set, one event each ("in 2017 and 2018"); but consecutive days are one
    act that lasted ("visited Baghdad on 2 and 3 March"), dated by its first day."""
    if v and v[:1] in "{[" and v[-1:] in "}]" and ".." not in v:
        parts = [p.strip() for p in v[1:-1].split(",") if p.strip()]
        if len(parts) > 1:
            return parts[:1] if _consecutive_days(parts) else parts
    return [v]


def _consecutive_days(values: list[str]) -> bool:
    try:
        days = [datetime.date.fromisoformat(x) for x in values]
    except ValueError:
        return False
    return all((b - a).days == 1 for a, b in zip(days, days[1:]))


# how far a date after the verb may stand from it: not past "and" or ";" (the same
# stretch), not past ", and" (fallback), not past ", and in <date>" (a clause of its own)
_AND_BETWEEN = re.compile(r"\band\b|;")
_NEW_CLAUSE = re.compile(r",\s*(?:and|but)\b|;")
_CLAUSE_AFTER = re.compile(r",\s*(?:and|but)\s+(?:in|on|by|from|during|since|later|then)\b|;")
_NOT_UNTIL = re.compile(r"\bnot\b.*\b(?:until|till)\s+$")


@lru_cache(maxsize=1)
def _subordinators() -> frozenset[str]:
    """Capitalised, as they open a sentence ("After ..., Japan recalled")."""
    return frozenset(w.capitalize() for w in wordset("subordinators"))


_REFINED = re.compile(r",\s*(?:in|on)?\s*")      # what joins a date to a finer one after it


def _dates(timexes, toks: list[Token], lo: int, hi: int, hit: Hit, text: str,
           hits: Sequence[Hit] = ()) -> tuple[list[str], bool]:
    """Dates of a hit's stretch lo..hi: ([values], own) or ([], False) when it has none.
    In a stretch shared by several triggers, a date belongs to the nearest one."""
    head = hit.head
    a = toks[lo].start
    b = toks[hi - 1].end
    mine = toks[head].start
    # "agreed to ..., and in August Peru named ...": a date fronting a clause of its own is not this verb's
    own = [t for t in timexes if a <= t.start and t.end <= b
           and not (t.start > mine and _CLAUSE_AFTER.search(text, mine, t.start))]
    others = [h for h in hits if h.head != head and toks[lo].start <= toks[h.head].start <= b]
    if others:
        # from the nearest word of each trigger to the date's start, so that a date lies nearer the
        # words before it ("a state visit to X in May 2003 Y named ...": the visit's; "signed in
        # September 2012, entered into force ...": the signing's)
        def gap(t, h: Hit) -> int:
            return min(t.start - toks[w].end if toks[w].end <= t.start else max(0, toks[w].start - t.start)
                       for w in h.words)
        own = [t for t in own if all(gap(t, hit) <= gap(t, o) for o in others)]
    # "twice in 2010, in May and August": the dates after the comma say when within the year
    own = [t for t, u in zip(own, own[1:] + [None]) if u is None or not _REFINED.fullmatch(text, t.end, u.start)
           or not all(v.startswith(t.value) and len(v) > len(t.value) for v in _split_values(u.value))]
    if own:
        sa, sb = _segment(toks, head)
        seg = [t for t in own if sa <= t.start and t.end <= sb]
        # several dates joined by "and": one event each
        if len(own) > 1:
            joined = True
            for x, y in zip(own, own[1:]):
                between = text[x.end:y.start].lower()
                pre = text[max(0, x.start - 9):x.start].lower()
                verbal = any(w in (" was ", " were ", " is ", " to ", " had ") for w in [f" {x} " for x in between.split()]) \
                    or any(x.endswith("ed") or x in past_forms() for x in between.split())
                if " and " not in f" {between} " or "between" in pre or "from" in pre or len(between) > 60 \
                        or between.strip().startswith(",") or ", and " in between or verbal:
                    joined = False
            if joined:
                return [v for t in own for v in _split_values(t.value)], True
        hpos = toks[head].start
        closed = [t for t in own if ".." not in t.value]      # "since 2015" inside a phrase is no event date
        # "ordered the consulate to close from 1 October": when the order takes effect, not when it was given
        later = [t for t in closed if t.start > toks[head].start and
                 text[max(0, t.start - 10):t.start].lower().rstrip().endswith(("from", "effective", "starting", "as of"))]
        # "extended the lease to 2042", "ordered it stripped out by 2027": an end point, not the act's date
        # (but "were not lifted until May 2022": then they were)
        later += [t for t in closed if t.start > toks[head].start and t not in later
                  and END_POINT.search(text, max(0, t.start - 30), t.start)
                  and not _NOT_UNTIL.search(text, toks[lo].start, t.start)]
        if later and len(later) < len(closed):
            closed = [t for t in closed if t not in later]
        elif later:
            return [], False
        own = closed or own
        seg = [t for t in seg if t in closed] if closed else seg
        pool = seg or own
        before = [t for t in pool if t.start < hpos]
        after = [t for t in pool if t.start > hpos and not _AND_BETWEEN.search(text, hpos, t.start)]
        if before and after and not seg and toks[lo].text in _subordinators() \
                and "," in text[before[-1].end:hpos]:
            before = []                   # "After ... at the end of 2016, Japan recalled ..., in January 2017"
        pick = min(pool, key=lambda t: abs(t.start - hpos)) if seg else (before[-1] if before else
                                                                          (after or pool)[0])
        return _split_values(pick.value), True
    return [], False


def sentence_candidates(text: str, start: int, end: int, *, mentions, timexes, pair: tuple[str, str] | None,
                        reference: str | None = None, people: dict[str, str] | None = None,
                        section_title: str | None = None, place_code=None) -> list[Candidate]:
    """Candidate events of text[start:end]. `mentions` are gazetteer mentions inside it,
    `timexes` the date timexes inside it (DATE type, values set)."""
    toks = tokenize(text, start, end)
    if not toks:
        return []
    hits = find(toks)
    if not hits:
        return []
    actors = act.actor_mentions(toks, mentions, people, place_code, pair or ())
    marked = cue_words(toks)
    hits = keep(toks, hits, actors, marked)
    if not hits:
        return []
    both = act.both_sides_at(toks)
    roles = assign(toks, hits, actors, pair, both)
    tx_toks = _inside(toks, timexes)
    regions = _regions(toks, hits, tx_toks)
    lows = " " + " ".join(t.low for t in toks) + " "
    cued = _cued_contexts(lows)
    cues = wordset("response_cues")
    # "..., in a move seen as retaliation": anywhere in the sentence
    cue = any(t.low in cues for t in toks) or any(f" {c} " in lows for c in _phrase_cues())
    conditional = " unless " in lows or " or face " in lows or " if " in lows
    heads = [h.head for h in hits]
    goldstein = cameo_table()
    unique: dict[tuple[int, int], Timex] = {}      # the first of those told over one stretch
    for t in sorted(timexes, key=lambda t: (t.start, t.end)):
        unique.setdefault((t.start, t.end), t)
    timexes = list(unique.values())
    # "until the end of 1945" bounds an act, it does not date it; "the 1948 treaty" names a thing
    timexes = [t for t in timexes if not t.text.lower().startswith(("until", "till", "up to", "by the end"))
               and not attributive_year(text, t)]
    timexes = _datable(timexes)
    in_timex = _inside(toks, timexes)
    out: list[Candidate] = []
    prev_dates: list[str | None] | None = None
    for n, hit in enumerate(hits):
        r = roles[n]
        lo, hi = regions[n]
        modality = mode_of(marked, hit, section_title)
        typ, mode, cameo = hit.pattern.type, hit.pattern.mode, hit.pattern.cameo
        if modality == "obligation":          # "Y must withdraw", said X: X demands it of Y
            typ, mode, cameo, modality = "REQUEST", None, "100", None
        if typ == "CONSULT" and mode == "visit" and _armed_subject(toks, hit.first) and \
                not any(toks[i].low.startswith("visit") for i in hit.words):
            typ, mode, cameo = "MOBILIZE", "troops", "154"      # "troops came to Lima"; a squadron's visit is one
        if typ == "ASSAULT" and mode == "aerial" and _overflight(toks, hit.last) and \
                any(toks[i].low.startswith(("missile", "rocket")) for i in hit.words):
            typ, mode, cameo = "MOBILIZE", "weapons", "150"     # "fired missiles into the sea", "over Hokkaido"
        if typ == "MOBILIZE" and mode == "exercise" and r.symmetric:
            typ, mode, cameo = "COOPERATE", "military", "062"   # exercises held together
        c, noun = counted_noun(toks, hit, r.passive, lo, hi, skip=in_timex)
        if c is None and r.passive and n > 0 and roles[n - 1].passive and out and out[-1].order == n - 1:
            c, noun = out[-1].count, out[-1].count_noun   # "was charged with espionage and freed": the same person
        found, own = _dates(timexes, toks, lo, hi, hit, text, hits)
        dates: list[str | None] = [*found]
        if not dates:
            # "...; at the signing X also announced ...": the act named takes place on its date
            named = _named_act(toks, lo, hit.first, out)
            if named is not None:
                dates = [named.date]
            elif prev_dates:
                dates = prev_dates[-1:]
            else:
                hpos = toks[hit.head].start
                before = [t for t in timexes if t.end <= hpos]
                # "recognised X and established relations with it on 21 December 1972": coordinated verbs
                # share a date that follows the next verb; one that fronts it ("and in August added") is its own
                nxt_head = toks[hits[n + 1].head].start if n + 1 < len(hits) else None
                after = [t for t in timexes if t.start >= hpos and (nxt_head is None or t.start > nxt_head)]
                if nxt_head is not None and any(hpos <= t.start < nxt_head for t in timexes):
                    after = []            # "mobilised, and in August it withdrew ...": the next verb has its own
                # "agreed to ..., and in August India named ...": a date fronting a clause of its own
                after = [t for t in after if not _NEW_CLAUSE.search(text, hpos, t.start)]
                if before:
                    dates = [before[-1].value]
                elif after:
                    dates = [after[0].value]
                elif reference:
                    dates = [reference]
                else:
                    dates = [None]
        prev_dates = dates
        dates = [_week_to_month(d) for d in dates]
        trig = " ".join(toks[i].text for i in hit.words)
        src, tgt = _list_keeper(text, start, toks[hit.head].start, mentions, r.source, r.target) \
            if mode == "list" else (r.source, r.target)
        symmetric = r.symmetric
        if typ == "CONSULT":
            src, tgt, symmetric = _guest_to_host(mode, src, tgt, symmetric, toks, hit, actors, pair, hi)
        # "both recalled their ambassadors", "summoned each other's ambassadors": an expulsion, a
        # recall or a summons has one side acting on the other, so a mutual one is two acts, one each way
        sides = [(src, tgt)]
        if symmetric and (typ == "SANCTION" and mode in _ONE_WAY_MODES
                          or toks[hit.head].low in inflected_wordset("one_way_verbs")):
            a, b = (src, tgt) if src and tgt else (pair or (None, None))
            if a and b and a != b:
                sides, symmetric = [(a, b), (b, a)], False
                c = c // 2 if c and c % 2 == 0 else None     # "their ambassadors": one each
        for k, d in enumerate(dates):
            for s_, t_ in sides:
                out.append(Candidate(
                    type=typ, mode=mode, cameo=cameo,
                    goldstein=goldstein.get(cameo), context=_contexts(hit, cued),
                    source=s_, target=t_, symmetric=symmetric,
                    count=c if k == 0 else _count_before(toks, timexes, d, hit, hi, c), date=d, modality=modality,
                    start=start, end=end, head=toks[hit.head].start, trigger=trig, response_cue=cue, order=n,
                    date_own=own, explicit=r.explicit, named=r.named,
                    conditional=conditional,
                    count_noun=noun, passive=r.passive))
    return out


_ONE_WAY_MODES = frozenset({"expel", "reduce-relations"})


def _named_act(toks: list[Token], lo: int, first: int, found: list[Candidate]) -> Candidate | None:
    """The act of this sentence that "at the signing", "during the visit" before a trigger points
    back at (the mode a noun names: words.yaml's act_nouns), if one was told before it."""
    nouns = words()["act_nouns"]
    for k in range(max(lo, 2), first):
        mode = nouns.get(toks[k].low)
        if mode and toks[k - 1].low == "the" and toks[k - 2].low in ("at", "during", "after"):
            acts = [c for c in reversed(found) if c.mode == mode and c.date]
            # "the signing" is the act told by "signed", not the entry into force beside it
            told = [c for c in acts if any(w.lower().startswith(toks[k].low[:4]) for w in c.trigger.split())]
            return (told or acts)[0] if acts else None
    return None


def _guest_to_host(mode, src, tgt, symmetric, toks, hit, actors, pair, hi):
    """A visit or meeting runs from guest to host, however told: "X received Y" (but not "X hosted
    a summit of Y's neighbours": X acts), "attended the GCC summit in Doha" (Qatar hosts, whatever
    the summit's club), "X and Y met in <Y's city>" (X came to Y). Returns (source, target, symmetric)."""
    if mode == "host":
        if not symmetric and not wordset("gathering_nouns").intersection(t.low for t in toks[hit.last + 1:hit.last + 5]):
            src, tgt = tgt, src
        return src, tgt, symmetric
    if mode == "visit" and not symmetric and src and tgt in (None, src) and \
            wordset("trip_nouns").intersection(toks[i].low for i in hit.words):
        # "Putin chose Vienna for his first foreign trip": a city named before the trip is
        # where it went (but "Beijing sent a delegation to Seoul": a capital that sends acts)
        before = [a for a in actors if a.last < hit.first]
        mine = [a for a in before if a.code == src]
        if mine and all(a.kind in ("capital", "place") for a in mine):
            guest = next((a.code for a in before if a.code != src), None) or \
                next((x for x in pair or () if x != src), None)
            if guest:
                return guest, src, False
    if mode not in ("visit", "meet") or not pair or (not symmetric and tgt in pair) or (symmetric and mode != "meet"):
        return src, tgt, symmetric
    # the side of the pair on whose soil it took place: the first city or capital named "in"/"at"
    # after the trigger, within its stretch
    place = next((a for a in actors if hit.last < a.first < hi and a.prep in ("in", "at")
                  and a.kind in ("capital", "place")), None)
    host = place.code if place is not None and place.code in pair else None
    if host is None:
        return src, tgt, symmetric
    if symmetric:
        return next(x for x in pair if x != host), host, False
    return src, (tgt if host == src else host), False


def _overflight(toks: list[Token], last: int) -> bool:
    """A launch aimed at no one: "fired seven missiles into the Sea of Japan", "launched a rocket
    over the Tōhoku region" (but not "fired rockets at", "launched missiles on X over ...")."""
    after = [t.low for t in toks[last + 1:last + 7]]
    for k, w in enumerate(after):
        if w in ("at", "on", "against", "upon", "toward", "towards", "targeting", ",", ";"):
            return False
        if w == "over" or (w == "into" and {"sea", "ocean", "waters"}.intersection(after[k + 1:k + 4])):
            return True
    return False


def _armed_subject(toks: list[Token], first: int) -> bool:
    """The subject right before a trigger is armed units ("troops came to"), not their chief
    ("the army chief came to", "the commander of the navy visited")."""
    adverbs = wordset("adverbs")
    k = first - 1
    while k >= 0 and (toks[k].low in adverbs or toks[k].low in ("had", "have", "has") or toks[k].low.endswith("ly")):
        k -= 1
    if k < 0 or toks[k].low not in noun_wordset("armed_nouns"):
        return False
    # "the commander of the Chilean navy": the noun after "of" is not the subject's head
    return not any(t.low == "of" for t in toks[max(0, k - 4):k])


_POSSESSIVE_LIST = re.compile(r"^['’]s\s+(?:[\w-]+\s+){0,3}?(?:list|unfriendly|black\s*list|blacklist)\b", re.I)


def _list_keeper(text: str, start: int, head: int, mentions, source, target):
    """"X is on Y's list", "X has appeared on Y's list of unfriendly countries": Y keeps
    the list and acts; X is listed, whatever the grammatical subject."""
    for m in mentions:
        if m.start >= start and _POSSESSIVE_LIST.match(text[m.end:m.end + 60]):
            if m.code == source:
                return source, target
            listed = source if source and source != m.code else target
            return m.code, (listed if listed != m.code else None)
    return source, target


_ISO_WEEK = re.compile(r"(\d{4})-W(\d{2})")


def _week_to_month(v: str | None) -> str | None:
    """EDTF has no weeks: "2020-W21" -> the month holding that week's Thursday."""
    m = _ISO_WEEK.fullmatch(v or "")
    if not m:
        return v
    try:
        d = datetime.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 4)
    except ValueError:
        return m.group(1)
    return f"{d.year:04d}-{d.month:02d}"


def _count_before(toks: list[Token], timexes, value: str | None, hit: Hit, hi: int, default: int | None) -> int | None:
    """For the second of "10,000 in June 1941 and more than 20,000 in March 1949": the number before its date."""
    tx = next((t for t in timexes if t.value == value), None)
    if tx is None or default is None:
        return default
    k = max((i for i, t in enumerate(toks) if t.end <= tx.start), default=-1)
    while k > hit.last and toks[k].low not in ("and", ","):
        n = number(toks[k])
        if n is not None and toks[k].low not in ("a", "an"):
            return n
        k -= 1
    return default
