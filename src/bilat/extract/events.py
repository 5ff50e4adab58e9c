"""The timeline of an article: typed, dated, directed events, each traced to its sentences.

    extract_events(article, pair, dct=None) -> tuple[Event, ...]

Every narrative sentence (never See also, References, Literature or the
infobox) is coded by candidates.sentence_candidates; what the sentence
leaves open is filled from the pair (an expulsion of "a Russian diplomat"
in a Norway–Russia article is Norway's), events that involve neither side
are dropped, the same event told twice is merged and answers are linked
(dedup.py). Fiction, plans, hypotheses and negations stay, flagged.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from ..model import Article, Event, Evidence
from ..nlp.gazetteer import gazetteer
from ..nlp.timex import calendar_dates
from .candidates import Candidate, sentence_candidates
from .dedup import REACTIONS, interval, link_responses, merge
from .lexicon import TREATY_MODES
from .places import sovereign
from .document import Document
from .quotes import quoted, speech_events
from .summary import summary

__all__ = ["extract_events", "event_id"]


def event_id(type_: str, source: str | None, target: str | None, date: str | None, start: int,
             head: int | None = None) -> str:
    """"ev-" + a short sha1 of type|source|target|date|first evidence start (|trigger offset when needed)."""
    key = f"{type_}|{source or ''}|{target or ''}|{date or ''}|{start}" + (f"|{head}" if head is not None else "")
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _place_finder(gaz, pair: tuple[str, str]):
    """City name -> the pair member it lies in (only the pair's cities: an article names many)."""
    def find(name: str) -> str | None:
        hits = {code for code in pair if _place_in(name, code)}
        return hits.pop() if len(hits) == 1 else None
    return find


@lru_cache(maxsize=65536)
def _place_in(name: str, code: str) -> bool:
    p = gazetteer().place(name, code)
    return p is not None and sovereign(p.country) == code


# acts a sentence naming no party tells of the pair itself: a treaty, relations, a settlement
_PAIR_MODES = TREATY_MODES | {"relations", "settle", None}
# acts whose organisation target (a court, the EU) stands in for the other side of the pair
_VIA_FORUM = frozenset({"ACCUSE", "REQUEST", "PROTEST", "SANCTION"})


def _fill(c: Candidate, pair: tuple[str, str], last: Candidate | None, subject: str | None = None) -> Candidate | None:
    """Complete the parties from the pair; None when the event does not involve it."""
    a, b = pair
    if c.source not in pair and sovereign(c.source) in pair:
        c.source = sovereign(c.source)
    if c.target not in pair and sovereign(c.target) in pair:
        c.target = sovereign(c.target)
    other = {a: b, b: a}
    if c.source in pair and c.target and c.target not in pair and c.type in _VIA_FORUM \
            and gazetteer().country(c.target) is None:
        # "X took the dispute to the International Court": in an article about X and Y,
        # a court or organisation is the forum, Y the side acted on; "applied the EU's
        # sanctions": the EU imposes them with X, on Y
        c.target = other[c.source]
    s, t = c.source, c.target
    if s is None and t is None and (c.type in ("SUPPORT", "AGREE") and c.mode in _PAIR_MODES
                                    or c.mode in ("ceasefire", "meet", "negotiate")):
        c.symmetric = True                # a treaty, truce or talks the sentence names no party to: the pair's own
    if c.symmetric:
        if s is None and t is None:
            s, t = a, b
        elif s in other and (t is None or t == s):
            t = other[s]
        elif t in other and s is None:
            s = other[t]
    else:
        if s is None and t is None and c.named and last is not None and c.type in REACTIONS \
                and last.source in other and last.target in other and not last.symmetric:
            # "Prime Minister Jane Doe condemned it": a named reaction comes from the side acted on
            s, t = last.target, last.source
        elif s is None and t is None and subject in other and not c.named and not c.passive:
            s = subject                       # "it", "they": the last sentence's subject
        elif s is None and t is None and last is not None:
            s, t = last.source, last.target
            if last.symmetric:
                c.symmetric = True
        if s in other and (t is None or t == s):
            t = other[s]
        elif t in other and s is None and not (c.passive and c.named):
            s = other[t]                  # (but "was assassinated by Khalid Islambouli": by someone unplaced)
        elif s is None and t is None:
            s, t = None, None
    if s not in other and t not in other:
        return None
    c.source, c.target = s, t
    return c


class _LazyMentions:
    """The gazetteer's mentions in a sentence, looked up only if the sentence has a trigger."""

    def __init__(self, doc: Document, s):
        self._doc, self._s = doc, s

    def __iter__(self):
        return iter(self._doc.mentions(self._s))


_PRONOUN_SUBJECT = re.compile(r"\s*(?:It|They|He|She)\b")


def _share_within(found: list[Candidate], text: str, pair: tuple[str, ...] = ()) -> None:
    """A trigger with no parties takes those of the nearest one of its type in its sentence
    ("During a visit, X addressed Y"; "a bombing killed 40 soldiers of Y"), unless the
    sentence opens with a pronoun as its subject ("It also moved troops, and Y massed
    its own"): that one is the last sentence's subject, filled later."""
    for c in found:
        if c.order == 0 and _PRONOUN_SUBJECT.match(text, c.start):
            continue
        if c.source is None and c.target is None:
            near = sorted((d for d in found if d is not c and (d.source or d.target)),
                          key=lambda d: (d.type != c.type, abs(d.order - c.order), d.order < c.order))
            # another type's parties only where they are the pair's ("after both had opposed the Iraqi
            # occupation of Kuwait" lends nothing to "Relations were restored")
            donor = next((d for d in near if d.type == c.type), None) or \
                next((d for d in near if d.source and d.target and d.order > c.order
                      and (not pair or {d.source, d.target} & set(pair))), None)
            if donor is not None and not donor.symmetric and donor.order > c.order and (
                    donor.response_cue or donor.type != c.type and donor.type in REACTIONS and c.type not in REACTIONS):
                # "the authorities arrested two activists, and Y summoned X's envoy", "... and Y answered
                # by sanctioning ...": the answer that follows is Y's to the act, which Y suffered
                c.source, c.target = donor.target, donor.source
            elif donor is not None:
                c.source, c.target, c.symmetric = donor.source, donor.target, donor.symmetric


def _subject(text: str, start: int, mentions) -> str | None:
    """The state a sentence opens with as its subject ("China also put pressure on ..."), if any."""
    for m in mentions:
        before = text[start:m.start].strip().lower()
        if not before or before in ("the",):
            return m.code
        break
    return None


def extract_events(article: Article, pair: tuple[str, str], dct: str | None = None,
                   doc: Document | None = None) -> tuple[Event, ...]:
    """`doc` lets the record share one prepared Document (sentences, time index) with the facts."""
    doc = doc if doc is not None and doc.article is article else Document(article, pair)
    time = doc.time if dct is None else _time(doc, dct)
    gaz = gazetteer()
    people = doc.known_people           # "Trudeau", "the Russian ambassador Alexander Shulgin"
    place_code = _place_finder(gaz, pair)
    cands: list[Candidate] = []
    last_by_para: dict[int, Candidate] = {}
    subject: str | None = None
    running: dict[int, tuple[int, str]] = {}
    text = article.text
    narrative = doc.narrative
    quotes = quoted(narrative, text)
    quote_found: dict[int, list[Candidate]] = {}
    for idx, s in enumerate(narrative):
        para = s.section.start             # the running context is the section's
        timexes = calendar_dates(time.within(s.start, s.end))
        ref = time.reference(s.start) if s.section.path else None   # the lead tells the present
        if s.section.path and running.get(para) and running[para][0] == idx - 1:
            ref = running[para][1]         # the latest date the sentence before told (not a flashback in it)
        mentions = _LazyMentions(doc, s)
        found = sentence_candidates(text, s.start, s.end, mentions=mentions, timexes=timexes, pair=pair,
                                    reference=ref, people=people, section_title=s.section.title or None,
                                    place_code=place_code)
        _share_within(found, text, pair)
        if s.start in quotes:              # quoted words: gathered for the speaker, not events of their own
            quote_found.setdefault(quotes[s.start], []).extend(found)
            continue
        for c in found:
            filled = _fill(c, pair, last_by_para.get(para), subject)
            if filled is None:
                continue
            cands.append(filled)
            if not filled.modality:
                last_by_para[para] = filled
        # the state the sentence makes act, for an "It ..." in the next one
        subject = next((c.source for c in found if c.explicit and not c.passive and not c.modality
                        and c.source in pair), None) or _subject(text, s.start, mentions) or subject
        told = [(iv[0], c.date) for c in found if c.date and not c.modality and c.date_own
                and (iv := interval(c.date))]
        if told:
            running[para] = (idx, max(told, key=lambda t: t[0])[1])
    for i in sorted(set(quotes.values())):
        intro = narrative[i]
        qs = [x for x in narrative if quotes.get(x.start) == i]
        own = [t.value for t in calendar_dates(time.within(intro.start, intro.end))]
        ref = own[0] if own else time.reference(intro.start)
        cands.extend(speech_events(intro, qs, quote_found.get(i, []), text, doc.mentions(intro),
                                   pair, ref))
    cands.sort(key=lambda c: (c.start, c.order))
    merged = merge(cands)
    links = link_responses(merged)
    sections = {s.start: s.section.label for s in doc.narrative}
    ids: list[str] = []
    for m in merged:
        f = m.first
        eid = event_id(f.type, None if f.symmetric else f.source, None if f.symmetric else f.target, f.date, f.start)
        if eid in ids:                     # two acts of one type in one sentence: the trigger tells them apart
            eid = event_id(f.type, f.source, f.target, f.date, f.start, f.head)
        ids.append(eid)
    events = []
    for i, m in enumerate(merged):
        f = m.first
        ev: list[Evidence] = []
        seen = set()
        for c in m.items:
            if c.start in seen:
                continue
            seen.add(c.start)
            # offsets into the article's text (for wikitext: the plain text the reader derives, as RECORD.md says)
            ev.append(Evidence(text=text[c.start:c.end], start=c.start, end=c.end, section=sections.get(c.start, "")))
        actors = tuple(sorted({x for x in (f.source, f.target) if x}))
        mode = f.mode
        if f.modality:
            mode = f.modality
        events.append(Event(
            id=ids[i], date=f.date, type=f.type, mode=mode, context=f.context, cameo=f.cameo,
            goldstein=f.goldstein, source=None if f.symmetric else f.source,
            target=None if f.symmetric else f.target, actors=actors, count=f.count,
            summary=summary(f, text), fictional=bool(f.modality),
            response_to=ids[links[i]] if i in links else None, evidence=tuple(ev)))
    events.sort(key=lambda e: (_date_key(e.date), e.evidence[0].start if e.evidence else 0))
    return tuple(events)


def _date_key(d: str | None) -> float:
    iv = interval(d)
    return iv[0] if iv and iv[0] > -1e8 else (9e9 if iv is None else -9e9)


def _time(doc: Document, dct: str):
    from ..nlp.timex import tag_spans
    from .document import section_spans
    return tag_spans(doc.text, section_spans(doc.article), dct=dct)
