"""Which trigger hits tell an act of their own.

A trigger word is not always an event: the complement of a threat or demand
("threatened to invade"), a noun that points back at an act told before ("at
the signing", "their withdrawal"), a noun inside a phrase that dates or frames
another act ("after the invasion of X", "on an extradition request"), a
capitalised word inside a name ("Economic Cooperation Organisation"), a
participle describing an object ("citizens convicted of ...") or a
consequence (", injuring several") adds nothing to the record.
"""
from __future__ import annotations

from .lexicon import wordset
from .modality import embedded
from .triggers import Hit, Token

_ANAPHORIC = frozenset({"the", "this", "that", "these", "those", "their", "its"})
_BACKGROUND = frozenset({"after", "before", "during", "following", "since", "amid", "despite", "until"})


def keep(toks: list[Token], hits: list[Hit], actors) -> list[Hit]:
    """The hits that tell an act of their own (not a complement, an anaphor, a name, a modifier)."""
    weak = wordset("weak_triggers")
    actor_toks = {i for a in actors for i in range(a.first, a.last + 1)}
    strong = [h for h in hits if h.pattern.type in ("SUPPORT", "AGREE", "CONCEDE", "RETREAT")
              and not all(toks[i].low in weak or toks[i].low == "of" for i in h.words)]
    out = []
    for n, hit in enumerate(hits):
        if embedded(toks, hits, n) or _anaphoric(toks, hit, actor_toks) or _consequence(toks, hits, n) \
                or _reduced_relative(toks, hits, n) or _adjunct(toks, hits, n, out):
            continue
        if hit.first >= 2 and toks[hit.first - 1].low in ("they", "it", "he", "she") and \
                toks[hit.first - 2].low in ("when", "once", "after", "before", "as", "until", "while") and out:
            continue                      # "... when they resumed": background to the act before
        if hit.pattern.type == "ACCUSE" and out and any(toks[k].low in ("whom", "who", "which")
                                                        for k in range(max(0, hit.first - 3), hit.first)):
            continue                      # "expelled nine staff whom it accused of spying": the reason
        if _in_name(toks, hit) and toks[hit.head].low not in weak and toks[hit.head].low not in (
                "peace", "armistice", "treaty"):
            continue                      # "Asia-Pacific Economic Cooperation", "Strategic Economic Dialogue"
        if all(toks[i].low in weak or toks[i].low == "of" for i in hit.words) and any(h.last < hit.first and
                ";" not in (between := [t.low for t in toks[min(h.last, hit.last):max(h.first, hit.first)]])
                and not any(x == "," and y == "and" for x, y in zip(between, between[1:]))
                for h in strong):
            continue                      # "ceded X by the Treaty of Y": the verb tells the act
        out.append(hit)
    return out

def _adjunct(toks: list[Token], hits: list[Hit], n: int, kept: list[Hit]) -> bool:
    """A noun trigger inside a phrase that dates or frames another act: "after the invasion of X",
    "on an extradition request", "at the tariff of 6 per cent"."""
    hit = hits[n]
    head = toks[hit.first].low
    weak = wordset("weak_triggers")
    if len(hit.words) > 2 or head in weak or hit.pattern.type in ("THREATEN", "SUPPORT", "AGREE"):
        return False
    if head.endswith("ed") or (head.endswith("ing") and toks[hit.first - 1].low not in ("the", "a", "an")):
        return False
    j = hit.first - 1
    steps = 0
    while j >= 0 and steps < 5:
        t = toks[j]
        w = t.low
        if w in _BACKGROUND and steps > 0 and toks[j + 1].low in ("the", "a", "an", "its", "their"):
            return True                   # "after the full-scale invasion of Ukraine"
        if w == "of" and steps > 0 and j > 0 and toks[j - 1].low in ("years", "decades", "months", "centuries"):
            return True                   # "after 51 years of Soviet occupation"
        if w in ("on", "at", "under", "for") and steps > 0:
            return any(h.last < j and not any(toks[k].low == ";" for k in range(h.last, j)) for h in kept)
        if w in ("the", "a", "an", "its", "their") or (t.text[:1].islower() and w.isalpha() and not w.endswith("ed")
                                                        and w not in ("and", "or", "but")) \
                or (t.text[:1].isupper() and j > 0) or "-" in w:
            j -= 1
            steps += 1
            continue
        return False
    return False

def _anaphoric(toks: list[Token], hit: Hit, actor_toks: set[int] = frozenset()) -> bool:
    """A noun trigger that points back at an event told before ("at the signing",
    "in answer to the April expulsions", "for the head tax"): not an event of its own."""
    h = hit.first
    if toks[h].low.endswith("ed") and (h == 0 or toks[h - 1].low not in ("the", "a", "an")):
        return False                      # a verb in the past tense
    if toks[h].low.endswith("ed") and len(hit.words) == 1:
        # "the banned movement": a participle as adjective tells no act
        return h > 0 and toks[h - 1].low in ("the", "a", "an") and h + 1 < len(toks) and toks[h + 1].low.isalpha()
    if any(toks[i].low in ("of", "against", "on", "to", "by", "with", "from", "for") for i in hit.words):
        return False
    j = h - 1
    steps = 0
    while j >= 0 and steps < 3 and (toks[j].text[:1].isupper() or toks[j].low[:1].isdigit()) \
            and toks[j].low not in _ANAPHORIC and j not in actor_toks:
        j -= 1
        steps += 1
    if j < 0 or toks[j].low not in _ANAPHORIC:
        return False
    if toks[j].low in ("their", "its") and j > 0 and toks[j - 1].low not in (",", ";", "and", "but"):
        return False                      # "completed their withdrawal": a verb's own object, a new act
    nxt = toks[hit.last + 1].low if hit.last + 1 < len(toks) else ""
    return nxt not in ("of", "by", "with", "between", "on", "against", "to", "in", "over",
                       "signed", "concluded", "agreed", "reached")

def _in_name(toks: list[Token], hit: Hit) -> bool:
    """Are the trigger's words capitalised inside a run of capitalised words (a proper name)?"""
    if not all(toks[i].text[:1].isupper() and i > 0 for i in hit.words):
        return False
    a, b = hit.first, hit.last
    left = a > 1 and toks[a - 1].text[:1].isupper()
    right = b + 1 < len(toks) and (toks[b + 1].text[:1].isupper() or toks[b + 1].low in ("and", "of", ")"))
    return left or right

def _reduced_relative(toks: list[Token], hits: list[Hit], n: int) -> bool:
    """"executed four Canadians, all dual citizens convicted of ...": a participle that
    describes the object of the trigger before, not an act of its own."""
    if n == 0:
        return False
    h = hits[n]
    w = toks[h.first]
    if not w.low.endswith("ed") or h.first == 0:
        return False
    before = toks[h.first - 1]
    after = toks[h.last + 1].low if h.last + 1 < len(toks) else ""
    between = [t.low for t in toks[hits[n - 1].last + 1:h.first]]
    return (before.text[:1].islower() and before.low.endswith("s") and before.low.isalpha()
            and before.low not in ("was", "has", "is", "as", "its", "this", "thus", "always")
            and after in ("of", "for", "in", "on", "at", "by", "with") and "and" not in between and ";" not in between)

def _consequence(toks: list[Token], hits: list[Hit], n: int) -> bool:
    """", injuring several of them", ", forcing flights to turn": a consequence of the act before."""
    if n == 0:
        return False
    h = hits[n]
    w = toks[h.first].low
    return w.endswith("ing") and h.first > 0 and toks[h.first - 1].low == "," and \
        h.pattern.type not in ("SANCTION",)
