"""Is an event history? Negation, future, hypothesis and fiction around a trigger.

A cue counts when it sits in the trigger's clause, a few words before it
("did not expel", "would open", "could reach"). "not ... until" is no
negation ("were not lifted until May"). Fiction needs a fiction section or
a strong cue (a novel, a TV series, "in the story"), and a clause that
reacts to a work ("In response to the series, the ambassador said") stays
history.
"""
from __future__ import annotations

from functools import lru_cache

from .lexicon import inflected_wordset, phrase_index, wordset
from .triggers import Hit, Token, clause_start, relative_clauses

_CLAUSE_BREAK = frozenset(";:")
_NEW_CLAUSE = frozenset(("and", "but", "while", "whereas", "then"))
_PREPS = frozenset("at in on with during after before by from to for of under over near".split())
# a trigger that takes another act as its complement: that act is not an event of its own
_FRAMES = frozenset({"THREATEN", "REQUEST", "AGREE", "REJECT"})
_APPOSITION = frozenset(("a", "an", "which", "who", "whom", "whose"))   # ", a move that ...": a clause apart
_MODALS = frozenset("would will should shall must could might may".split())
_DETERMINERS = frozenset("a an the this that his her its their any every each all".split())
# prepositions that open a phrase of their own after a negated noun ("without a victor in ...")
_PHRASE_OPENERS = frozenset("in at on under after before during through".split())
_STRONG_FICTION = ("fictional", "in the story", "in the novel", "in the film", "tv series", "novel", "thriller",
                   "in the book", "plot")


@lru_cache(maxsize=1)
def _phrases(key: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.split()) for p in wordset(key))


def _has(lows: list[str], lo: int, hi: int, key: str) -> int | None:
    """Index of the first cue phrase of `key` in lows[lo:hi]."""
    idx = phrase_index(key)
    for i in range(max(lo, 0), hi):
        for p in idx.get(lows[i], ()):
            if tuple(lows[i:i + len(p)]) == p:
                return i
    return None


def _window_start(lows: list[str], head: int, n: int = 5) -> int:
    j = head - 1
    closing = None                        # ends of ", which ...," clauses, found once if a comma is near
    while j >= 0 and head - j <= n:
        if lows[j] in _CLAUSE_BREAK:
            return j + 1
        # a comma far back, or one that opens a new clause ("..., without notice, and X accused Y")
        # or closes a relative one ("X, which had not been consulted, sued Y")
        if lows[j] == ",":
            if head - j > 3 or lows[j + 1] in _NEW_CLAUSE:
                return j + 1
            if closing is None:
                closing = {end for _, end in relative_clauses(lows, 0, head)}
            if j + 1 in closing:
                return j + 1
        j -= 1
    return j + 1


def cue_words(toks: list[Token]) -> list[str]:
    """The sentence's words as mode_of reads them: lower-case, a capitalised word mid-sentence
    marked with "§" (a name, "in May 2020", is no modal), and a contraction ("didn't", "won't", one
    token) read as the "n't" that negates. One list serves all its hits."""
    return ["n't" if t.low.endswith("n't") else t.low if i == 0 or not t.text[:1].isupper() else "§" + t.low
            for i, t in enumerate(toks)]


def mode_of(lows: list[str], hit: Hit, section_title: str | None) -> str | None:
    """'negation', 'future', 'hypothetical', 'fiction', 'obligation' ("X must ...") or None (history),
    `lows` the sentence's cue_words."""
    lo = _window_start(lows, hit.first)
    light = next((k for k in range(lo, hit.first) if lows[k] in wordset("light_verbs") and lows[k + 1] != "to"), None)
    if light is not None:
        lo = _window_start(lows, light)   # "intend to hold an eighth meeting": the cue is the light verb's
    if is_fiction(lows, hit, section_title):
        return "fiction"
    neg = _has(lows, lo, hit.first, "negation")
    if neg is not None and lows[neg] in ("without", "no") and \
            not wordset("subordinators").isdisjoint(lows[neg + 1:hit.first]):
        neg = None                        # "ended without agreement after X refused ...": the cue has its own clause
    elif neg is not None and lows[neg] == "without" and not _PHRASE_OPENERS.isdisjoint(lows[neg + 2:hit.first]):
        neg = None                        # "ended without a victor in the Treaty of ...": the cue has its own phrase
    if neg is None and hit.last > hit.first:
        inside = _has(lows, hit.first, hit.last, "negation")   # "a settlement was not reached"
        neg = inside if inside is not None and inside not in hit.words else None
    nxt = hit.last + 1
    if neg is None and nxt + 1 < len(lows) and lows[nxt] == "no" and lows[nxt + 1] not in ("fewer", "less", "more"):
        neg = nxt                         # "expelled no diplomats", not "expelled no fewer than 20"
    start = clause_start(lows, hit.first)
    if neg is None and lows[start] in ("no", "§no") and hit.first - start <= 8 and \
            lows[start + 1] not in ("sooner", "longer", "doubt", "less", "more", "fewer", "matter"):
        neg = start                       # "No Chilean president has made an official visit"
    if neg is None:
        neg = _never_happened(lows, hit.last)
    if neg is not None and "until" not in lows[hit.last:hit.last + 12]:
        return "negation"
    after = []
    undone = wordset("undone")
    # "declined to host the exercises planned for May": after a finite verb, what was planned is its object
    finite = lows[hit.first].endswith("ed") and (hit.first == 0 or lows[hit.first - 1] not in _DETERMINERS)
    for k in range(hit.last + 1, hit.last + 1 if finite else min(len(lows), hit.last + 7)):
        if lows[k] == "," and k + 1 < len(lows) and lows[k + 1] in undone:
            # "a summit between them, scheduled for May, was cancelled" (but "the visit, postponed
            # twice, took place in January": it was made after all)
            close = next((j for j in range(k + 2, min(len(lows), k + 8)) if lows[j] == ","), None)
            if close is None or _has(lows, close + 1, close + 2, "done_after_all") is None:
                after.append(lows[k + 1])
            break
        if lows[k] in (",", ";", ":", ".") or lows[k] in undone and lows[k - 1] in ("as", "than"):
            break
        if lows[k] in undone and lows[k - 1] in _DETERMINERS:
            continue                      # "suspended all planned visits": what is stopped was planned
        after.append(lows[k])
    if undone.intersection(after):
        return "future"                   # "a meeting planned for October", "a visit of X scheduled for May"
    if _proposed(lows, hit):
        return "future"                   # "proposed arming the rebels", "proposed a ceasefire": put forward, not done
    # a ceasefire is an act, typed AGREE, not a verb framing another act: "unless X arranged a ceasefire"
    frame = hit.pattern.type in _FRAMES and hit.pattern.mode != "ceasefire"
    if not frame and _has(lows, lo, hit.first, "obligation") is not None:
        return "obligation"
    # a threat, demand or refusal told with "would" is made now ("said it would reject any talks");
    # one only intended ("the two governments intend to extend ...") is not yet made
    fut = _has(lows, lo, hit.first, "future")
    if fut is not None:
        if frame:
            if lows[fut] not in _MODALS:
                return "future"
        elif lows[fut] not in ("will", "would", "shall") or _has(lows, max(0, fut - 10), fut, "decided") is None:
            return "future"
    if not frame and _has(lows, clause_start(lows, hit.first), hit.first, "hypothetical") is not None:
        return "hypothetical"
    if _inverted_condition(lows, hit.first):
        return "hypothetical"
    return None


def _never_happened(lows: list[str], last: int) -> int | None:
    """"The meeting ... never took place", "the visit did not go ahead": the act told is denied
    after it (words.yaml happened), within its clause."""
    # (far enough for a relative clause between: "a summit that was to have taken place in X in May did not go ahead")
    for k in range(last + 1, min(len(lows), last + 21)):
        w = lows[k]
        if w in (";", ":", ".") or (w == "," and k + 1 < len(lows) and (lows[k + 1] in _NEW_CLAUSE or
                                                                    lows[k + 1] in _APPOSITION)):
            return None
        if w in ("never", "not", "n't") and _has(lows, k + 1, min(len(lows), k + 3), "happened") is not None:
            return k
    return None


def _inverted_condition(lows: list[str], first: int) -> bool:
    """"Had X joined the coalition, ...", "Were X to withdraw, ...": a condition told by inversion
    at the head of the sentence, up to its first comma."""
    if not lows or lows[0] not in ("had", "were", "should"):
        return False
    comma = next((k for k, w in enumerate(lows) if w in (",", ";")), len(lows))
    return 1 < first < comma


def _proposed(lows: list[str], hit: Hit) -> bool:
    """The trigger is what a proposal verb right before it puts forward: a gerund ("suggested
    arming") or a noun after at most two modifiers ("proposed a nationwide ceasefire")."""
    verbs = inflected_wordset("proposal_verbs")
    if hit.first > 0 and lows[hit.first].endswith("ing") and lows[hit.first - 1] in verbs:
        return True
    if lows[hit.first].endswith(("ed", "ing")):
        return False                      # a verb of its own ("proposed talks and signed ...")
    for k in range(hit.first - 1, max(-1, hit.first - 4), -1):
        if lows[k] in verbs:
            return True
        if not (lows[k].isalpha() and lows[k] not in ("that", "to", "and", "or", "which", "who")):
            return False
    return False


def is_fiction(lows: list[str], hit: Hit, section_title: str | None) -> bool:
    in_section = bool(section_title) and (section_title or "").strip().lower() in wordset("fiction_sections")
    text = " ".join(lows)
    strong = any(c in text for c in _STRONG_FICTION)
    if not in_section and not strong:
        return False
    if not in_section and not any(c in text for c in ("fictional", "in the story", "tv series", "in the novel")):
        return False
    cue = _has(lows, 0, len(lows), "fiction")
    if cue is None:
        return False
    # "In response to the TV series, the ambassador told ...": a reaction to the work is real
    react = _has(lows, 0, len(lows), "fiction_reaction")
    if react is not None and react <= cue and "," in lows[react:hit.first]:
        return False
    return True


def embedded(toks: list[Token], hits: list[Hit], n: int) -> bool:
    """Is hit n the complement of a framing trigger before it ("threatened to invade")?"""
    if n == 0:
        return False
    prev = hits[n - 1]
    between = [t.low for t in toks[prev.last + 1:hits[n].first]]
    if ("let" in between or "letting" in between) and not {",", ";"}.intersection(between):
        return True                       # "a pact that let the army garrison its territory"
    if prev.pattern.type == "ACCUSE" and "of" in between and len(between) <= 8 and not {",", ";", ":", "and"}.intersection(between):
        return True                       # "accused X of steering ...": the allegation is no event of its own
    if prev.pattern.type in ("ACCUSE", "PROTEST") and ("that" in between or "which" in between) \
            and len(between) <= 8 and not {",", ";", ":"}.intersection(between):
        return True                       # "protested against a law that allows ...": what is protested
    if prev.pattern.type in ("ACCUSE", "PROTEST") and len(between) <= 2 and \
            all(w in ("a", "an", "the", "this", "his", "her", "its", "their") for w in between):
        return True                       # "protests against a visit": what is protested
    if prev.pattern.mode == "allow" and "to" in between and len(between) <= 6 and not {",", ";"}.intersection(between):
        return True                       # "allowed direct flights to resume": one act, the allowing
    if prev.pattern.type in ("MOBILIZE", "ASSAULT", "AID") and between[-1:] == ["to"] \
            and not {",", ";", "and"}.intersection(between) and len(between) <= 8:
        return True                       # "sent troops into X to destroy bases": the purpose, no act of its own
    if prev.pattern.type not in _FRAMES:
        return False
    if any(w in _CLAUSE_BREAK for w in between) or "," in between or "and" in between:
        return False
    # an article before a capital lets a demonym in: "the Argentine sanctions" is a noun phrase
    article = between[:1] in (["the"], ["a"], ["an"], ["its"], ["their"])
    if prev.pattern.type in ("REQUEST", "THREATEN") and len(between) <= 3 and \
            wordset("passive_aux").isdisjoint(between) and \
            all(w.isalpha() and (toks[prev.last + 1 + i].text[:1].islower() or article) and w not in _PREPS
                for i, w in enumerate(between)):
        return True                       # "demanded an apology", "called for the Argentine sanctions ..."
                                          # (but "the demand was rejected": the frame is the subject)
    if "to" not in between and "that" in between and toks[hits[n].head].low.endswith("ed") \
            and not _MODALS.intersection(between) and prev.first > 0 and toks[prev.first - 1].low in _DETERMINERS:
        return False                      # "an offer that X dismissed": a relative clause tells its own act
    # "undertook to withdraw": the frame's own "to" opens the complement
    return ("to" in between or "that" in between or toks[prev.last].low == "to") and len(between) <= 8
