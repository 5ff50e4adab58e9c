"""One event told twice is one event; an answer points at what it answers.

Merging: two candidates of the same type, the same parties and compatible
dates are one event when they come from the same sentence (the same act
told with two verbs: "declared ... persona non grata, and expelled them")
or, across sentences, when their modes are the same act as well.

Tit-for-tat: an event answers the latest earlier event that the other
side aimed at its source, of the same type, within a few months; with a
response cue ("responded by", "in retaliation", "in answer to") any type
within a year will do.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from ..nlp.edtf_span import span

from .candidates import Candidate
from .lexicon import TREATY_MODES, inflected_wordset

# modes that tell the same act in other words
_SAME_ACT = [frozenset({"recognize", "relations"}), frozenset({"visit", "meet", "host"}),
             frozenset({"sign", "settle", None}),
             frozenset({"military", "aerial", "kill", "explosives", "beat", "invade", "artillery", "firearms"})]
# acts whose two sides do the same thing: parties are a set, not a direction
# (a signature and a ratification are two acts: never the same act across sentences, see _SAME_ACT)
_MUTUAL_MODES = TREATY_MODES | {"relations", "recognize", "settle", None}
_TREATY_OR_NONE = TREATY_MODES | {None}
# types that tell one act in two words ("the Agreement was signed")
_SAME_TYPE = [frozenset({"SUPPORT", "AGREE"})]


@dataclass
class Merged:
    first: Candidate
    items: list[Candidate] = field(default_factory=list)

    @property
    def date(self) -> str | None:
        return self.first.date


def _same_act(a: str | None, b: str | None, mutual: bool = False) -> bool:
    if a == b:
        return True
    if mutual and a in _MUTUAL_MODES and b in _MUTUAL_MODES:
        return True                       # "signed a treaty in which each recognised the other"
    return any(a in g and b in g for g in _SAME_ACT)


def _verdict(c: Candidate) -> bool:
    """Is the act a court's sentence or conviction (words.yaml verdict_verbs), not the arrest before it?"""
    return c.type == "COERCE" and not inflected_wordset("verdict_verbs").isdisjoint(c.trigger.lower().split())


def _parties(c: Candidate, same_sentence: bool = False) -> tuple:
    mutual = c.type in ("SUPPORT", "AGREE") and c.mode in _MUTUAL_MODES or (same_sentence and c.type == "CONSULT")
    if c.symmetric or mutual:
        return ("sym",) + tuple(sorted(x for x in (c.source, c.target) if x))
    return (c.source, c.target)


@lru_cache(maxsize=4096)
def interval(v: str | None) -> tuple[float, float] | None:
    """The span of an EDTF value as fractional years, for overlap tests and ordering
    (the calendar span itself is nlp.edtf_span's)."""
    lo, hi = span(v)
    if lo is None or hi is None:
        return None
    return _years(lo), _years(hi) + 1 / 372


def _years(day: str) -> float:
    """"YYYY-MM-DD" (a leading "-" before Christ) as fractional years."""
    sign = -1 if day.startswith("-") else 1
    y, m, d = day.lstrip("-").split("-")
    return sign * int(y) + (int(m) - 1) / 12 + (int(d) - 1) / 372


def compatible(a: str | None, b: str | None, same_sentence: bool) -> bool:
    if a == b:
        return True
    if a is None or b is None:
        return same_sentence
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return False
    if not (ia[0] < ib[1] and ib[0] < ia[1]):
        return False
    # across sentences a year and a day inside it may be two acts; within one sentence, one
    width = max(ia[1] - ia[0], ib[1] - ib[0])
    return same_sentence or width <= 1 / 11


def _types_match(a: Candidate, b: Candidate, same_sentence: bool) -> bool:
    if a.type == b.type:
        return True
    return same_sentence and any(a.type in g and b.type in g for g in _SAME_TYPE) and \
        (a.mode in _TREATY_OR_NONE and b.mode in _TREATY_OR_NONE)


def _open(v: str | None) -> bool:
    return v is not None and ".." in v


def _within(a: str, b: str) -> bool:
    ia, ib = interval(a), interval(b)
    if not ia or not ib:
        return False
    return (ia[0] <= ib[0] and ib[1] <= ia[1]) or (ib[0] <= ia[0] and ia[1] <= ib[1])


def _both_parties(c: Candidate) -> tuple[tuple, tuple]:
    """_parties(c) across sentences and within one (they differ for CONSULT only)."""
    across = _parties(c)
    return across, (_parties(c, True) if c.type == "CONSULT" else across)


def merge(cands: list[Candidate]) -> list[Merged]:
    out: list[Merged] = []
    starts: list[set[int]] = []           # per group, the sentences its items come from
    parties: list[tuple[tuple, tuple]] = []   # per group, _both_parties of its first (they do not change)
    # a candidate can join only a group of its own type or one holding its sentence
    # (_types_match): those are looked at, latest first, not every group so far
    by_type: dict[str, list[int]] = {}    # (each list ascending: a group is added once, in order)
    by_start: dict[int, list[int]] = {}
    for c in cands:
        target = None
        own = _both_parties(c)
        shared = by_start.get(c.start)
        ks = by_type.get(c.type, ())
        for k in sorted(set(ks).union(shared), reverse=True) if shared else reversed(ks):
            m = out[k]
            f = m.first
            same_sentence = c.start in starts[k]
            if f.modality != c.modality or not _types_match(f, c, same_sentence) or \
                    parties[k][same_sentence] != own[same_sentence]:
                continue
            if f.count is not None and c.count is not None and f.count != c.count:
                continue                      # three diplomats expelled in March, then 35 staff: two acts
            if _verdict(f) != _verdict(c):
                continue                      # "arrested a Qatari doctor, and a court later sentenced him": two acts
            if same_sentence:
                last = next(x for x in reversed(m.items) if x.start == c.start)
                if c.date_own and c.date and not _open(c.date) and any(
                        x.start == c.start and x.date_own and x.date and x.date != c.date for x in m.items):
                    continue                  # "in the 1950s ..., and an agreement of 28 October 1959"
                if c.explicit and last.explicit and (f.mode != c.mode or f.mode is None) and c.order != last.order:
                    continue                  # "X withdrew ... , and Russia later refused ...": two acts
                mutual = f.type in ("SUPPORT", "AGREE") and c.type in ("SUPPORT", "AGREE")
                if not _same_act(f.mode, c.mode, mutual) and f.mode and c.mode:
                    continue
                target = m
                break
            mutual = f.type in ("SUPPORT", "AGREE") and f.mode in _MUTUAL_MODES and c.mode in _MUTUAL_MODES
            if _same_act(f.mode, c.mode) and compatible(f.date, c.date, False) and c.date_own:
                target = m
                break
            if mutual and f.date and c.date and (f.date == c.date and len(f.date) == 10 or
                                                 ("relations" in (f.mode, c.mode) and _within(f.date, c.date))):
                target = m                    # one day, one pair, one treaty; relations are set up once
                break
        if target is None:
            by_type.setdefault(c.type, []).append(len(out))
            by_start.setdefault(c.start, []).append(len(out))
            out.append(Merged(c, [c]))
            starts.append({c.start})
            parties.append(own)
            continue
        target.items.append(c)
        if c.start not in starts[k]:
            starts[k].add(c.start)
            by_start.setdefault(c.start, []).append(k)
        f = target.first
        if f.count is None and c.count is not None:
            f.count = c.count
        if f.date is None or (not f.date_own and c.date_own and c.start == f.start):
            f.date, f.date_own = c.date, c.date_own
        elif c.date and c.start != f.start:
            ia, ib = interval(f.date), interval(c.date)
            if ia and ib and (ib[1] - ib[0]) < (ia[1] - ia[0]):
                f.date = c.date
    return _fold_undated(out)


def _fold_undated(groups: list[Merged]) -> list[Merged]:
    """A dateless mention of an act told elsewhere with a date is that act ("X is on Y's list")."""
    keep: list[Merged] = []
    for g in groups:
        f = g.first
        if f.date is None and not f.modality:
            same = [h for h in groups if h is not g and h.first.date and h.first.type == f.type
                    and _same_act(h.first.mode, f.mode) and _parties(h.first) == _parties(f)]
            if len(same) == 1:
                same[0].items.extend(g.items)
                continue
        keep.append(g)
    return keep


# acts that voice an answer (a protest, a demand, a refusal, a threat); events reads them too
REACTIONS = frozenset({"ACCUSE", "REQUEST", "REJECT", "PROTEST", "THREATEN"})
_HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN", "ACCUSE", "MOBILIZE", "PROTEST"})
_CLOSE_CHARS = 400                        # about the sentence before


def link_responses(events: list[Merged]) -> dict[int, int]:
    """index of an answering event -> index of the event it answers."""
    links: dict[int, int] = {}
    spans = [interval(e.first.date) for e in events]
    dated_spans = {j: s for j, s in enumerate(spans) if s is not None}
    # the dated events each side aimed at the other, in order: an answer looks only at those
    # aimed at it, and (by their start, bisected) only at those that began within the year before
    aimed: dict[tuple, list[int]] = {}
    for j, e in enumerate(events):
        if not e.first.modality:
            aimed.setdefault((e.first.source, e.first.target), []).append(j)
    by_start: dict[tuple, tuple[list[float], list[int]]] = {}
    for key, js in aimed.items():
        dated = sorted((dated_spans[j][0], j) for j in js if j in dated_spans)
        by_start[key] = ([x for x, _ in dated], [j for _, j in dated])
    for i, e in enumerate(events):
        f = e.first
        if f.modality or f.symmetric or not f.source or not f.target:
            continue
        cue = any(x.response_cue for x in e.items)
        # a protest, demand, rejection, threat or sanction answers what the other side did to it just before
        reactive = f.type in REACTIONS or f.type == "SANCTION"
        ie = spans[i]
        if ie is None:
            continue                         # an undated event answers nothing
        if f.type == "CONCEDE" and f.mode == "apologize":
            # an apology answers the apologiser's own latest hostile act against the other side
            own = []
            for j in aimed.get((f.source, f.target), ()):
                g = events[j].first
                ig = spans[j]
                if j != i and g.type in _HOSTILE and ig is not None and 0 <= ie[0] - ig[0] <= 0.5:
                    own.append((ig[0], g.start, j))
            if own:
                links[i] = max(own)[2]
            continue
        best = None
        best_key: tuple = ()
        starts, js = by_start.get((f.target, f.source), ([], []))
        # no cause began more than a year before (gap <= 1 below), nor after the answer began
        # unless the two overlap (then before the answer ends); the margins only widen the window
        lo = bisect_left(starts, ie[0] - 1.0 - 1e-6)
        hi = bisect_right(starts, max(ie[0] + 1e-9, ie[1]) + 1e-6)
        for j in sorted(js[lo:hi]):         # in the events' order, as ties are broken by it
            if j == i:
                continue
            g = events[j].first
            ig = dated_spans[j]
            overlap = ig[0] < ie[1] and ie[0] < ig[1]
            if ig[0] > ie[0] + 1e-9 and not overlap:
                continue                     # the answer comes after
            if overlap and (g.start, g.head) >= (f.start, f.head):
                continue                     # same time: the text tells the answer second
            gap = ie[0] - ig[0]
            # told in the same sentence or just before: "X did A. Y answered the next month by B"
            close = g.start == f.start or 0 <= f.start - g.end <= _CLOSE_CHARS
            ok = (g.type == f.type and (g.mode == f.mode or cue) and gap <= 0.34
                  or g.type == f.type and gap <= 0.1      # answered in kind within weeks
                  or cue and gap <= 1.0
                  or reactive and g.type != f.type and (gap <= 0.1 or close and gap <= 0.5))
            if not ok:
                continue
            # the answer mirrors its cause: same act first, then the latest before it
            # the same act answered in kind within months first, else the latest act of the other side
            near = gap <= 0.34
            key = (near and g.type == f.type and g.mode == f.mode, near and g.type == f.type, ig[0], g.start, g.head)
            if best is None or key > best_key:
                best, best_key = j, key
        if best is not None:
            links[i] = best
    return links
