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

from collections.abc import Collection, Sequence
from functools import lru_cache

from .actors import both_sides_before
from .counts import number
from .lexicon import TREATY_MODES, inflected_wordset, past_forms, wordset
from .modality import cue_words, embedded, mode_of
from .triggers import Hit, Token, clause_start

_ANAPHORIC = frozenset({"the", "this", "that", "these", "those", "their", "its"})
# words that cannot be the noun a participle describes ("50 wounded in the attack")
_NOT_NOUNS = frozenset({"by", "in", "on", "at", "and", "or", "to", "from", "with", "during", "when", "as",
                        "a", "an", "the", "its", "their", "his", "her"})
# words before a numeral that make it a noun phrase of its own ("the three signed", "all four")
_BEFORE_NUMERAL = frozenset({"the", "a", "an", "these", "those", "all", "both", "its", "their"})
_BACKGROUND = frozenset({"after", "before", "during", "following", "since", "amid", "despite", "until", "against"})


def keep(toks: list[Token], hits: list[Hit], actors, marked: list[str] | None = None) -> list[Hit]:
    """The hits that tell an act of their own (not a complement, an anaphor, a name, a modifier).
    `marked` is the sentence's cue_words, when the caller has them already."""
    weak = wordset("weak_triggers")
    actor_toks = {i for a in actors for i in range(a.first, a.last + 1)}
    # a weak hit is one of weak words only ("agreement", "treaty of"): redundant beside a strong one
    weak_hit = [all(toks[i].low in weak or toks[i].low == "of" for i in h.words) for h in hits]
    strong: list[Hit] = []
    if any(weak_hit):
        marked = marked if marked is not None else cue_words(toks)
        # a planned act ("provided for the withdrawal") tells no act that would make a treaty noun redundant
        strong = [h for h, w in zip(hits, weak_hit) if not w
                  and h.pattern.type in ("SUPPORT", "AGREE", "CONCEDE", "RETREAT") and mode_of(marked, h, None) is None]
    out: list[Hit] = []
    inner = False                         # the hit before was a complement: "a law that allows X to detain"
    for n, hit in enumerate(hits):
        # (a hit whose gap reaches past this one, "land and demanded that its troops", chains nothing)
        chained = inner and hits[n - 1].last < hit.first and not {",", ";", ":", "and", "but"}.intersection(
            t.low for t in toks[hits[n - 1].last + 1:hit.first])
        inner = embedded(toks, hits, n) or chained
        if inner or _anaphoric(toks, hit, actor_toks) or _consequence(toks, hits, n) \
                or _reduced_relative(toks, hits, n) or _adjunct(toks, hits, n, out) or _reason(toks, hit, out):
            continue
        if _adjectival(toks, hit, out) or _charged(toks, hit) or _names_agreement(toks, hit, weak) or _sanctioned(toks, hit, out) \
                or _craft_modifier(toks, hit) or _treaty_content(toks, hit, out) or _flight_home(toks, hit, actors) \
                or _treaty_name(toks, hit, hits) or _treaty_topic(toks, hit, out) \
                or _treaty_allows(toks, hit, actor_toks):
            continue
        if hit.first >= 2 and toks[hit.first - 1].low in ("they", "it", "he", "she") and \
                toks[hit.first - 2].low in ("when", "once", "after", "before", "as", "while") and out:
            continue                      # "... when they resumed": background to the act before
        rel = next((k for k in range(hit.first - 1, max(-1, hit.first - 4), -1)
                    if toks[k].low in ("whom", "who", "which")), None)
        if hit.pattern.type == "ACCUSE" and out and rel is not None and \
                not any(rel < i < hit.first for i in actor_toks):
            continue                      # "expelled nine staff whom it accused of spying": the reason;
                                          # "..., which Lima denounced": a reaction of its own
        if _in_name(toks, hit) and toks[hit.head].low not in weak and toks[hit.head].low not in (
                "peace", "armistice", "treaty"):
            continue                      # "Asia-Pacific Economic Cooperation", "Strategic Economic Dialogue"
        if weak_hit[n] and any((h.last < hit.first or h.first > hit.last) and
                ";" not in (between := [t.low for t in toks[min(h.last, hit.last):max(h.first, hit.first)]])
                and not any(x == "," and y == "and" for x, y in zip(between, between[1:]))
                and not (h.first > hit.last and ("which" in between or "whereby" in between))
                for h in strong):
            continue                      # "ceded X by the Treaty of Y", "by the Treaty of Y, X ceded": the verb tells the act
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
    if hit.pattern.mode == "visit":
        return False                      # "during a state visit to X, they signed ...": the visit took place too
    if hit.head > hit.first:
        # "before a truce was agreed": the noun heads a clause of its own, a later act; "after the war
        # in X began" sets the scene for the act it precedes
        j = hit.first - 1
        while j >= 0 and hit.first - j <= 5 and toks[j].low not in (",", ";"):
            if toks[j].low in ("after", "following", "since", "amid", "during") and not kept:
                return True
            j -= 1
        return False
    if head.endswith("ed") or head in past_forms() or (head.endswith("ing") and toks[hit.first - 1].low not in ("the", "a", "an")):
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

def _anaphoric(toks: list[Token], hit: Hit, actor_toks: Collection[int] = frozenset()) -> bool:
    """A noun trigger that points back at an event told before ("at the signing",
    "in answer to the April expulsions", "for the head tax"): not an event of its own."""
    h = hit.first
    if hit.head > hit.first:
        return False                      # "the border was closed": the noun is the subject of a told act
    past = toks[h].low.endswith("ed") or toks[h].low in past_forms()
    if past and (h == 0 or toks[h - 1].low not in ("the", "a", "an")):
        return False                      # a verb in the past tense ("the Export-Import Bank lent")
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
    if h.last > h.first and toks[h.first + 1].low in ("a", "an", "the", "its", "their"):
        return False                      # "the two governments reached an agreement in ...": an object, so active
    between = [t.low for t in toks[hits[n - 1].last + 1:h.first]]
    if toks[0].low in wordset("subordinators") and "," in between and "," not in [t.low for t in toks[:hits[n - 1].first]]:
        return False                      # "After they spoke by telephone, the two governments agreed on ...":
                                          # the main clause's verb after the clause set before it
    if both_sides_before(toks, h.first):
        return False                      # "the two governments agreed in 2022": the pair acts, nothing is done to it
    return (before.text[:1].islower() and before.low.endswith("s") and before.low.isalpha()
            and before.low not in ("was", "has", "is", "as", "its", "this", "thus", "always")
            and after in ("of", "for", "in", "on", "at", "by", "with") and "and" not in between and ";" not in between)

def _consequence(toks: list[Token], hits: list[Hit], n: int) -> bool:
    """", injuring several of them", ", forcing flights to turn": a consequence of the act before.
    An accusation so told is an act of its own: ", accusing Vilnius of undermining ...", and so
    is the reaction it draws from another: ", drawing a protest from Dhaka"."""
    if n == 0:
        return False
    h = hits[n]
    w = toks[h.first].low
    between = [t.low for t in toks[hits[n - 1].last + 1:h.first]]
    if ";" in between or any(x == "," and y == "and" for x, y in zip(between, between[1:])):
        return False                      # "X shone a laser at ..., and a fighter cut across ..., releasing
                                          # chaff": the act before is another clause's
    if w.endswith("ing") and h.first > 0 and toks[h.first - 1].low == "," and \
            h.pattern.type not in ("SANCTION",) and h.pattern.mode != "accuse" and toks[h.last].low != "from":
        return True
    # "stopped importing Polish coal, beginning a customs war", "blocked the road, starting a
    # standoff": a name for the act before, not an act of its own
    k = h.first - 1
    if k >= 0 and toks[k].low in ("a", "an", "the"):
        k -= 1
    return k >= 1 and toks[k].low in wordset("onset_verbs") and toks[k - 1].low == ","


def _reason(toks: list[Token], hit: Hit, kept: list[Hit]) -> bool:
    """"expelled four diplomats for harassing dissidents", "jailed him for insulting the king": a
    gerund after "for" gives the reason for the act before it, which the sentence does not tell as done."""
    h = hit.first
    if h == 0 or toks[h - 1].low != "for" or not toks[h].low.endswith("ing"):
        return False
    return any(k.last < h - 1 and not any(t.low in (";", ":") for t in toks[k.last:h]) for k in kept)


def _charged(toks: list[Token], hit: Hit) -> bool:
    """"arrested the mayor on charges of vote buying", "held on suspicion of aiding the rebels":
    what someone is charged with is the charge, not an act the sentence tells."""
    for k in range(hit.first - 1, max(0, hit.first - 4), -1):
        if toks[k].low in ("of", "with", "including"):
            return toks[k - 1].low in wordset("charge_nouns")
        if not (toks[k].low.isalpha() and toks[k].text[:1].islower()) or toks[k].low in ("and", "or", "but") \
                or toks[k].low in wordset("passive_aux"):
            return False                  # "charged with espionage and freed", "suspected of sabotage were
                                          # detained": a verb of its own
    return False


def _adjectival(toks: list[Token], hit: Hit, kept: Sequence[Hit] = ()) -> bool:
    """"to protest alleged mistreatment", "released frozen funds": a participle that describes a noun
    (and the act an "alleged" names) is no act of its own."""
    h = hit.first
    if h > 0 and toks[h - 1].low in wordset("hearsay"):
        return True
    if toks[h].low == "frozen" and (h == 0 or toks[h - 1].low not in wordset("passive_aux")):
        return True
    if hit.head > h and toks[hit.head - 1].low in ("the", "a", "an"):
        return True                       # "troops on the left bank": the head word is an adjective here
    if (hit.pattern.type == "ASSAULT" or kept) and len(hit.words) == 1 and toks[h].low.endswith("ed") \
            and 1 < h < len(toks) - 1 and _counting(toks[h - 1]) and toks[h - 2].low not in _BEFORE_NUMERAL \
            and toks[h + 1].low.isalpha() and toks[h + 1].low not in _NOT_NOUNS:
        # "flew 50 wounded fighters to Muscat", "released seven jailed Americans": the number counts
        # people so described (but "landed with 104 deported Indians" tells the deportation)
        return True
    return len(hit.words) == 1 and toks[h].low == "alleged" and h + 1 < len(toks) \
        and toks[h + 1].low.isalpha() and toks[h + 1].low not in ("that", "to", "in", "on", "at", "by", "he", "she",
                                                                   "they", "it")


def _counting(tok: Token) -> bool:
    """A number that counts things: "50", "fifty" (not a year, not "one", which is as often a pronoun:
    "a later one toured Beijing")."""
    w = tok.low
    return number(tok) is not None and w != "one" and not (len(w) == 4 and w.isdigit())


def _flight_home(toks: list[Token], hit: Hit, actors) -> bool:
    """"The foreign minister flew to Colombo" is a visit; "she flew to China that evening" (a national
    going home) or "migrants who had flown to Minsk" is not: a journey told by a travel verb alone is a
    visit only when an official makes it and it ends in a city."""
    if hit.pattern.mode != "visit" or toks[hit.first].low not in inflected_wordset("city_travel_verbs"):
        return False
    dest = next((a for a in actors if a.first > hit.last), None)
    if dest is None or dest.first > hit.last + 2 or dest.kind not in ("capital", "place"):
        return True
    lows = [t.low for t in toks[:hit.first]]
    k = clause_start(lows, hit.first)
    return not any(a.kind == "person" and k <= a.first < hit.first for a in actors) and \
        not wordset("traveller_titles").intersection(lows[k:])


def _craft_modifier(toks: list[Token], hit: Hit) -> bool:
    """"four patrol boats", "attack helicopters": a noun that names a kind of craft, no act."""
    nxt = hit.last + 1
    return len(hit.words) == 1 and not toks[hit.first].low.endswith("ed") and nxt < len(toks) \
        and toks[nxt].low in wordset("craft_nouns")


def _names_agreement(toks: list[Token], hit: Hit, weak: frozenset[str]) -> bool:
    """"a civil nuclear cooperation agreement", "a hijacking agreement": a noun that names what an
    agreement is about tells no act of its own; the agreement (or its signing) is the event."""
    nxt = hit.last + 1
    return hit.pattern.type not in ("SUPPORT", "AGREE") and len(hit.words) == 1 \
        and toks[hit.first].low not in weak and toks[hit.first].text[:1].islower() \
        and nxt < len(toks) and (toks[nxt].low in weak or toks[nxt].low in wordset("agreement_nouns"))


_OBJECT_GLUE = frozenset({"on", "of", "all", "the", "its", "their", "most", "any", "and", "further", "new"})


def _sanctioned(toks: list[Token], hit: Hit, kept: list[Hit]) -> bool:
    """"an embargo on trade with Cuba", "banned all American trade and investment with Iran", "attacked
    an army patrol", "suspended ministerial visits": what a sanction stops or an attack hits is its
    object, not an act of its own."""
    if not kept or kept[-1].pattern.type not in ("SANCTION", "ASSAULT", "COERCE"):
        return False
    objects = ("COOPERATE", "MOBILIZE", "CONSULT") if kept[-1].pattern.type == "SANCTION" else ("COOPERATE", "MOBILIZE")
    if hit.pattern.type not in objects or len(hit.words) > 1 \
            or toks[hit.first].low.endswith(("ed", "ing")):
        return False
    if hit.pattern.type == "MOBILIZE" and kept[-1].pattern.type == "SANCTION":
        return False
    if kept[-1].pattern.type != "SANCTION" and any(t.low == "and" for t in toks[kept[-1].last + 1:hit.first]):
        return False                      # "declared martial law and general mobilisation": two acts
    between = toks[kept[-1].last + 1:hit.first]
    return len(between) <= 5 and all(t.low in _OBJECT_GLUE or (t.text[:1].isupper() and t.low.isalpha())
                                     or (t.low.isalpha() and not t.low.endswith("ed") and t.low not in ("with",))
                                     for t in between) and not any(t.low in (",", ";") for t in between)


def _treaty_content(toks: list[Token], hit: Hit, kept: list[Hit]) -> bool:
    """"signed the treaty, which set up regular consultations": what an agreement provides is its
    content, not an act of its own."""
    if not kept or kept[-1].pattern.mode not in TREATY_MODES or hit.pattern.type not in ("CONSULT", "COOPERATE"):
        return False
    between = [t.low for t in toks[kept[-1].last + 1:hit.first]]
    return ("which" in between or "whereby" in between) and ";" not in between and len(between) <= 14


@lru_cache(maxsize=1)
def _documents() -> frozenset[str]:
    """Nouns that name a signed document: treaties, agreements, declarations, charters."""
    return wordset("weak_triggers") | wordset("agreement_nouns") | wordset("charter_nouns")


def _treaty_allows(toks: list[Token], hit: Hit, actor_toks: Collection[int]) -> bool:
    """"The 1839 treaty had allowed the Netherlands to levy a toll": what a treaty allows is its
    content; the treaty, not a state, is the subject."""
    if hit.pattern.mode != "allow":
        return False
    docs = _documents()
    lows = [t.low for t in toks]
    k = next((i for i in range(hit.first - 1, clause_start(lows, hit.first, commas=False) - 1, -1)
              if lows[i] in docs), None)
    return k is not None and not any(k < i < hit.first for i in actor_toks)


def _treaty_topic(toks: list[Token], hit: Hit, kept: list[Hit]) -> bool:
    """"signed a treaty on friendly relations and cooperation", "signed the Cairo Declaration on military
    cooperation", "a joint declaration of strategic partnership": the noun after a signed document and
    "on"/"of" names what the document is about, not an act of its own."""
    if not kept or kept[-1].pattern.mode not in TREATY_MODES or hit.pattern.mode in TREATY_MODES \
            or hit.pattern.type not in ("COOPERATE", "SUPPORT", "CONSULT", "AGREE"):
        return False
    docs = _documents()
    between = toks[kept[-1].last + 1:hit.first]
    k = max((i + 1 for i, t in enumerate(between) if t.low in docs), default=0)
    rest = between[k:]
    if not rest and toks[kept[-1].last].low not in docs or rest and rest[0].low not in ("on", "of", "for"):
        return False
    return len(rest) <= 6 and all(t.low.isalpha() and t.text[:1].islower() for t in rest)


def _treaty_name(toks: list[Token], hit: Hit, hits: list[Hit]) -> bool:
    """"A treaty of alliance was signed", "the pact of friendship and cooperation was concluded": a noun
    after "of" inside a treaty's signing names the treaty, not an act of its own."""
    if hit.pattern.type not in ("COOPERATE", "SUPPORT", "AGREE") or hit.pattern.mode in TREATY_MODES:
        return False
    for h in hits:
        if h is hit or h.pattern.mode not in TREATY_MODES or not h.first < hit.first <= hit.last < h.last:
            continue
        between = [t.low for t in toks[h.first + 1:hit.first]]
        if "of" in between and not {",", ";", "which", "that"}.intersection(between):
            return True
    return False
