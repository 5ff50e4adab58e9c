"""Diplomatic missions: who keeps which embassy or consulate where, open or closed.

Read from the infobox (`Mission1: Norwegian embassy, Moscow`), from the lead
and the missions section ("Russia has an embassy in Oslo and consulates in A
and B"), and from closures told anywhere ("ordered the Finnish consulate
general in X to close"). One mission told several times is one Mission with
every piece of evidence.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..model import Event, Evidence, Mission
from ..nlp.edtf_span import span
from ..nlp.gazetteer import Mention, gazetteer
from .document import Document, Sentence, facts_lexicon
from .places import locate, sovereign

# A place name: capitalised words, with the particles that live inside names.
_NAME = (r"(?:[A-Z][\w'’.-]*)(?:[ -](?:[A-Z][\w'’.-]*|(?:de|del|da|do|dos|das|des|du|di|la|le|am|an|upon|on|sur|en|es|el|al)"
         r"(?: (?:la|las|los|les|el))?)(?=[ -][A-Z])|[ -][A-Z][\w'’.-]*)*")
_PREP = re.compile(r"\s*(?:,\s*|\s+(?:is\s+|are\s+)?(?:located\s+|based\s+)?in\s+)")   # "embassy in"
_LIST_SEP = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+)")


@dataclass
class _Found:
    sending: str
    kind: str
    city: str
    closed: bool
    evidence: list[Evidence] = field(default_factory=list)
    present: bool = False      # told as the present state (lead, infobox, missions section)


@lru_cache(maxsize=1)
def _patterns():
    lex = facts_lexicon()
    kinds = [(re.compile(k["pattern"], re.I), k["kind"]) for k in lex["mission_kinds"]]
    kind_alt = "|".join(f"(?:{k['pattern']})" for k in lex["mission_kinds"])
    kind_re = re.compile(rf"\b(?P<kind>{kind_alt})\b", re.I)
    have_re = re.compile(rf"^\s*(?:,\s*)?(?:(?:also|now|still|currently|likewise|similarly|in turn|itself|meanwhile)\s*,?\s+)*{lex['mission_have']}\b")
    closed_res = [re.compile(p, re.I) for p in lex["mission_closed"]]
    lead_re = re.compile(lex["mission_list_lead"], re.I)
    return kinds, kind_re, have_re, closed_res, lead_re


def _kind_of(phrase: str) -> str:
    for rx, kind in _patterns()[0]:
        if rx.fullmatch(phrase.strip()):
            return kind
    return phrase.lower()


@lru_cache(maxsize=1)
def _not_a_mission() -> tuple[re.Pattern, ...]:
    """What, said right before a mission's kind, makes it no mission open now: a stand-in or a plan."""
    lex = facts_lexicon()
    return tuple(re.compile(p, re.I) for p in lex["mission_stand_in"] + lex["mission_planned"])


_ACTED_ON = re.compile(r"\b[a-z]+ed\s+(?:the\s+)?$")


def _closed(text: str) -> bool:
    return any(rx.search(text) for rx in _patterns()[3])


def parse_city_list(text: str, joined: bool = False) -> list[tuple[int, int]]:
    """Spans of the place names at the start of `text` ("Murmansk and Saint
    Petersburg, as well as ..." -> two spans); stops at the first non-name.
    `joined` also takes pairs such as "Storskog–Borisoglebsky" or "A/B" as one name."""
    out: list[tuple[int, int]] = []
    pos = 0
    name_re = re.compile(rf"{_NAME}(?:\s*[–/]\s*{_NAME})?" if joined else _NAME)
    while True:
        m = name_re.match(text, pos)
        if not m:
            break
        name = m.group(0).rstrip(".")
        dc = re.match(r",?\s*D\.\s?C\.?", text[m.start() + len(name):])   # "Washington, D.C."
        if dc and name == "Washington":
            name = text[m.start():m.start() + len(name) + dc.end()].rstrip(".") + "."
        out.append((m.start(), m.start() + len(name)))
        sep = _LIST_SEP.match(text, max(m.end(), m.start() + len(name)))
        if not sep or not name_re.match(text, sep.end()):
            break
        pos = sep.end()
    return out


def _party_anchors(doc: Document, s: Sentence) -> list[tuple[Mention, str]]:
    """Mentions of a party that can own missions here, with how: 'subject'
    ("Russia has"), 'possessive' ("Russia's"), 'adjective' ("the Russian embassy")."""
    _, kind_re, have_re, _, _ = _patterns()
    text = doc.text
    out = []
    for m in doc.mentions(s):
        if m.code not in doc.pair:
            continue
        after = text[m.end:s.end]
        if after.startswith(("'s", "’s")):
            out.append((m, "possessive"))
        elif m.kind in ("country", "polity") and have_re.match(after):
            out.append((m, "subject"))
        elif m.kind in ("adjective", "country", "polity") and kind_re.match(after.lstrip()):
            out.append((m, "adjective"))
        elif m.kind in ("country",) and re.match(r"^\s*,?\s*(?:which|that)\s+" , after) is None and \
                re.search(r"\bof\s*$", text[s.start:m.start]) and kind_re.search(text[max(s.start, m.start - 40):m.start]):
            out.append((m, "of"))          # "Embassy of Norway in Stockholm"
    return out


def _missions_in(doc: Document, s: Sentence, present: bool) -> list[_Found]:
    """Every mission a sentence names, owner found by subject, possessive or adjective."""
    _, kind_re, have_re, _, lead_re = _patterns()
    text = doc.text
    anchors = _party_anchors(doc, s)
    found: list[_Found] = []
    sentence_closed = _closed(s.text)
    for i, (m, how) in enumerate(anchors):
        seg_start = m.end
        seg_end = anchors[i + 1][0].start if i + 1 < len(anchors) else s.end
        if how == "of":
            seg_start = max(s.start, m.start - 40)
        # a clause boundary ends the segment (";"), except inside the city list
        semi = text.find(";", m.end, seg_end)
        if semi >= 0:
            seg_end = semi
        seg = text[seg_start:seg_end]
        seg_closed = _closed(seg) or (sentence_closed and how != "subject")
        # "police stormed the Mexican embassy": a mission acted on is no statement that it is open now
        here = present and not (how in ("adjective", "possessive") and _ACTED_ON.search(text, s.start, m.start))
        last_kind = None
        if how == "possessive":           # "Russia's in Turku" reuses the last kind
            last_kind = found[-1].kind if found else None
        pos = 0
        while pos < len(seg):
            km = kind_re.search(seg, pos)
            if last_kind and (km is None or km.start() > pos + 3):
                # elliptic "Russia's in Turku": the kind is the one already named
                lm = re.match(r"^\s*'?s?\s*in\s+", seg[pos:]) if pos == 0 else None
                if lm:
                    kind = last_kind
                    cities_at = pos + lm.end()
                    _add_cities(doc, m.code, kind, seg, seg_start, cities_at, seg_closed, s, here, found)
                    last_kind = None
                    continue
            if km is None:
                break
            kind = _kind_of(km.group("kind"))
            before = text[max(s.start, seg_start + km.start() - 60):seg_start + km.start()]
            if any(rx.search(before) for rx in _not_a_mission()):
                pos = km.end()
                continue
            pm = _PREP.match(seg, km.end())
            if not pm:
                pos = km.end()
                continue
            cities_at = pm.end()
            if not re.match(r"[A-Z]", seg[cities_at:cities_at + 1]):
                lm = lead_re.search(seg, cities_at)
                nxt = kind_re.search(seg, cities_at)
                if lm and (nxt is None or lm.start() < nxt.start()):
                    cities_at = lm.end()
            end = _add_cities(doc, m.code, kind, seg, seg_start, cities_at, seg_closed, s, here, found)
            pos = max(end, km.end())
    return found


def _add_cities(doc, sending, kind, seg, seg_start, at, closed, s, present, found) -> int:
    spans = parse_city_list(seg[at:])
    receiving = _other(doc.pair, sending)
    prev_end = None
    for a, b in spans:
        city = seg[at + a: at + b]
        place, plausible = locate(city, receiving)
        whole = _whole_names(city)
        # "Norway" or "Soviet Union" is no city (Hong Kong is); "Nouméa, New Caledonia": a
        # territory that is no city places the city before it
        state = any(sovereign(m.code) == m.code for m in whole)
        qualifier = bool(whole) and place is None and prev_end is not None \
            and seg[at + prev_end:at + a].strip() == ","
        prev_end = b
        if not plausible or state or qualifier:
            continue
        found.append(_Found(sending, kind, city, closed, [doc.evidence(s)], present))
    return at + (spans[-1][1] if spans else 0)


def _whole_names(name: str) -> list:
    """Gazetteer mentions (capitals aside) that cover `name` whole."""
    return [m for m in gazetteer().mentions(name) if m.kind != "capital" and m.start == 0 and m.end == len(name)]


def _other(pair: tuple[str, str], code: str) -> str:
    return pair[1] if code == pair[0] else pair[0]


def _infobox_missions(doc: Document) -> list[_Found]:
    """`MissionN: Norwegian embassy, Moscow` / `Embassy of Norway in Stockholm`."""
    _, kind_re, _, _, _ = _patterns()
    out = []
    for key, value in doc.article.infobox.items():
        if not re.fullmatch(r"[Mm]ission\d*", key):
            continue
        km = kind_re.search(value)
        owners = [m for m in gazetteer().mentions(value) if m.code in doc.pair]
        if not km or not owners:
            continue
        # "Norwegian embassy, Moscow" / "Embassy of Norway in Stockholm": the city follows
        # the first comma or "in" after the kind and its owner
        tail_at = max(km.end(), owners[0].end)
        tail = re.match(r"\s*(?:,|\bin\b)\s*(.*)", value[tail_at:])
        city_part = tail.group(1) if tail else ""
        spans = parse_city_list(city_part.strip())
        if not spans:
            continue
        city = city_part.strip()[spans[0][0]:spans[0][1]]
        sending = owners[0].code
        if city == owners[0].text:
            continue
        ev = _infobox_evidence(doc, key, value)
        # "Embassy of Rwanda, Kinshasa (closed)"
        out.append(_Found(sending, _kind_of(km.group("kind")), city, _closed(value[tail_at:]), [ev] if ev else [], True))
    return out


def _infobox_evidence(doc: Document, key: str, value: str) -> Evidence | None:
    m = re.search(rf"^- {re.escape(key)}: {re.escape(value)}\s*$", doc.text, re.M)
    if not m:
        return None
    return Evidence(text=m.group(0).strip(), start=m.start(), end=m.start() + len(m.group(0).strip()),
                    section="Infobox")


def _mutual_embassies(doc: Document, s: Sentence) -> list[_Found]:
    """An embassy of each side in the other's capital."""
    out = []
    for sending in doc.pair:
        host = gazetteer().country(_other(doc.pair, sending))
        if host and host.capitals:
            out.append(_Found(sending, "embassy", host.capitals[0], False, [doc.evidence(s)], True))
    return out


def _is_mission_section(sentence: Sentence) -> bool:
    names = set(facts_lexicon()["mission_sections"])
    return any(p.strip().lower() in names for p in sentence.section.path)


def extract_missions(doc: Document) -> tuple[Mission, ...]:
    found = _infobox_missions(doc)
    kind_re = _patterns()[1]
    mutual = re.compile(facts_lexicon()["mutual_embassies"], re.I)
    for s in doc.narrative:
        if not kind_re.search(s.text):
            continue
        present = s.in_lead or _is_mission_section(s)
        if present and mutual.search(s.text):
            found += _mutual_embassies(doc, s)
        for f in _missions_in(doc, s, present):
            if f.present or f.closed:
                found.append(f)
    return _merge(found, doc.pair)


def _coarse(kind: str) -> str:
    return "consulate" if "consul" in kind else kind


def _merge(found: list[_Found], pair: tuple[str, str]) -> tuple[Mission, ...]:
    merged: dict[tuple[str, str, str], _Found] = {}
    for f in found:
        key = (f.sending, _coarse(f.kind), _city_key(f.city))
        cur = merged.get(key)
        if cur is None:
            merged[key] = _Found(f.sending, f.kind, f.city, f.closed, list(f.evidence), f.present)
            continue
        if len(f.kind) > len(cur.kind) and cur.kind in f.kind:   # consulate -> consulate-general
            cur.kind = f.kind
        # what the article tells as the present state wins over history
        if f.present and not cur.present:
            cur.closed, cur.present = f.closed, True
        elif f.present == cur.present:
            cur.closed = cur.closed or f.closed
        cur.evidence += [e for e in f.evidence if e not in cur.evidence]
    out = []
    for f in merged.values():
        receiving = _other(pair, f.sending)
        place, _ = locate(f.city, receiving)
        out.append(Mission(sending=f.sending, receiving=receiving,
                           kind=f.kind, city=place.name if place and _fold(place.name) == _fold(f.city) else f.city,
                           status="closed" if f.closed else "open",
                           lat=place.lat if place else None, lon=place.lon if place else None,
                           evidence=tuple(f.evidence)))
    return tuple(sorted(out, key=lambda m: (m.sending, m.status != "open", _coarse(m.kind) != "embassy", m.city)))


def _fold(name: str) -> str:
    """A name without accents or case: the gazetteer's spelling replaces the text's only where
    they differ in these ("Tromso" -> "Tromsø"), not where the text spaces or abbreviates it
    otherwise ("Miercurea Ciuc", "St. Petersburg")."""
    s = unicodedata.normalize("NFKD", name)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def _city_key(city: str) -> str:
    s = unicodedata.normalize("NFKD", city)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"^(st\.?|sankt)[ -]", "saint ", s)
    return re.sub(r"[^a-z0-9]", "", s)


def date_missions(missions: tuple[Mission, ...], events: tuple[Event, ...]) -> tuple[Mission, ...]:
    """Opening and closing dates from the dated events that tell them ("Russia opened a
    consulate general in Kirkenes in 1993"): an opening by the sending side, or a closing,
    whose sentence names the mission's city and its kind. A closing is looked for first
    among the host's acts ("Russia closed the US consulate in X, and the US closed ..."),
    then among the sending side's own. The event's sentence joins the mission's evidence,
    so a date is traced like everything else."""
    dated = [e for e in events if e.mode in ("open-mission", "close-mission") and e.date and not e.fictional
             and span(e.date)[0]]
    if not dated:
        return missions
    out = []
    for m in missions:
        city = re.compile(rf"(?<!\w){re.escape(m.city)}(?!\w)")
        kind = "consul" if "consul" in m.kind else _coarse(m.kind)[:6]     # "embass": embassy, embassies
        told = [e for e in dated if any(city.search(x.text) and kind in x.text.lower() for x in e.evidence)]
        opened = [e for e in told if e.mode == "open-mission" and e.source == m.sending]
        closed = []
        if m.status == "closed":
            closings = [e for e in told if e.mode == "close-mission"]
            closed = [e for e in closings if e.source == m.receiving] or \
                     [e for e in closings if e.source == m.sending]
        first = min(opened, key=lambda e: span(e.date)[0] or "", default=None)
        last = max(closed, key=lambda e: span(e.date)[0] or "", default=None)
        if first is None and last is None:
            out.append(m)
            continue
        ev = list(m.evidence)
        for e in (first, last):
            if e is not None:
                ev += [x for x in e.evidence[:1] if x not in ev]
        out.append(replace(m, opened=first.date if first else None, closed=last.date if last else None,
                           evidence=tuple(ev)))
    return tuple(out)
