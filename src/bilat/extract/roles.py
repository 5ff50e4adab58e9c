"""Who acts on whom in a sentence: the source, target, voice and symmetry of each trigger.

The subject of an active trigger is the nearest actor before it that no
preposition governs and that is not the object of the trigger before; its
object is the first likely actor after it (a direct object or "against/on/to
X" before "of X", a place last). A passive trigger ("was arrested", "were
banned by") turns this round: the actor before it is acted on, and the agent
follows "by" (or, for an arrest or a ban, the place it happened in). Verb
phrases joined by "and" share their subject; a relative "who" stands for the
object before it; "the two countries", "Norway and Russia" act together.
"""
from __future__ import annotations

from dataclasses import dataclass

from .actors import _ADJ_SUFFIXES, _BOUNDARY, Actor, _bare
from .lexicon import TREATY_MODES, inflected_wordset, noun_wordset, wordset
from .triggers import Hit, Token, clause_start, relative_clauses

@dataclass(frozen=True)
class Roles:
    source: str | None
    target: str | None
    symmetric: bool
    passive: bool
    explicit: bool = False       # the clause names its own subject (not shared with the verb before)
    named: bool = False          # an unknown named subject ("Prime Minister Jane Doe said")


# types where acting together is the normal reading when no direction is given
_SYMMETRIC_TYPES = frozenset({"SUPPORT", "AGREE", "CONSULT", "COOPERATE"})
_SYMMETRIC_MODES = TREATY_MODES | {"relations", "settle", "meet", "negotiate", "partnership", None, "economic",
                                    "military"}


def is_passive(toks: list[Token], hit: Hit) -> bool:
    aux = wordset("passive_aux")
    h = hit.head
    if toks[h].low in inflected_wordset("taken_by_verbs") and h + 1 < len(toks) and toks[h + 1].low == "to":
        return True                       # "Lima fell to Chilean troops": taken by them
    if toks[h].low in wordset("adjectival_participles") and h + 1 < len(toks) and toks[h + 1].low == "to":
        return False                      # "Israel is opposed to ...": the subject acts
    if not (toks[h].low.endswith("ed") or toks[h].low.endswith("en") or toks[h].low in
            {"held", "met", "put", "cut", "shut", "seized", "sent", "taken", "told", "left", "set", "struck",
             "sold", "bought", "paid", "given", "made", "kept", "led", "won", "lost", "brought", "withdrawn",
             "broken", "sworn", "fought", "built", "driven", "shot", "beaten", "barred", "banned", "tried",
             "freed"}):
        return False
    for j in range(h - 2, max(0, h - 5), -1):
        if toks[j].low in ("their", "its", "his", "her") and toks[j - 1].low in ("had", "have", "has", "got"):
            return True                   # "had their residence permits revoked": done to the subject
    j = h - 1
    steps = 0
    while j >= 0 and steps < 3:
        w = toks[j].low
        if w in aux:
            return True
        if not (w.endswith("ly") or w in {"also", "not", "never", "then", "later", "still", "formally", "only",
                                           "subsequently", "reportedly", "again", "officially", "all"}):
            return False
        j -= 1
        steps += 1
    return False


# which actor after a trigger is its object: a direct object or "against/on/to X" before "of X",
# and a place ("in X", "from X") last
_OBJ_RANK = {None: 0, "against": 0, "on": 0, "to": 0, "into": 0, "toward": 0, "towards": 0, "with": 0,
             "upon": 0, "of": 1, "over": 1, "for": 1, "in": 2, "at": 2, "near": 2, "from": 3, "via": 3}


def assign(toks: list[Token], hits: list[Hit], actors: list[Actor], pair: tuple[str, str] | None,
           both: list[int]) -> list[Roles]:
    """Source, target, symmetry and voice of each hit, in order."""
    lows = [t.low for t in toks]
    # "a ceasefire brokered by Russia", "talks hosted by Canada": the go-between is no party
    actors = [a for a in actors if not (a.prep == "by" and a.first >= 2 and lows[a.first - 2] in wordset("go_between"))]
    # "anti-Japanese demonstrations": the state named is the one acted against
    anti = [a for a in actors if lows[a.first].startswith("anti-")]
    actors = [a for a in actors if a not in anti]
    out: list[Roles] = []
    prev_hit: Hit | None = None
    prev_roles: Roles | None = None
    for n, hit in enumerate(hits):
        nxt = hits[n + 1].first if n + 1 < len(hits) else len(toks)
        clause = clause_start(lows, hit.first, commas=False)
        left_lim = clause
        obj_of_prev: set[int] = set()
        coordinated = False
        prev_in_clause = prev_hit is not None and prev_hit.last >= left_lim
        if prev_hit is not None and prev_in_clause:
            left_lim = max(left_lim, prev_hit.first)
            obj_of_prev = _object_span(lows, prev_hit.last, hit.first)
            # "After India's tests of May 1998 Canada recalled ...": a state right before the verb is its subject
            obj_of_prev -= _subject_before(lows, actors, hit.first)
            coordinated = _coordinated(lows, actors, prev_hit, hit)
        passive = is_passive(toks, hit) or (coordinated and prev_roles is not None and prev_roles.passive
                                             and lows[hit.head].endswith("ed"))
        left = [a for a in actors if left_lim <= a.first and a.last < hit.head and a.first not in hit.words
                and a.first not in obj_of_prev and not (prev_hit and prev_hit.first <= a.first <= prev_hit.last)]
        paren = relative_clauses(lows, clause, hit.first)
        subj_cands = [a for a in left if (a.prep is None or (a.prep == "by" and not passive)
                                          or (a.prep in _CONJUNCTIONS and _subject_of_clause(lows, a, hit))
                                          or (a.prep in ("from", "of") and _force_before(lows, a)))
                      and not any(x <= a.first < y for x, y in paren)]
        if not subj_cands and prev_in_clause and paren:
            # "The Swedish Riksdag, which did not accept ..., set out": the subject stands before "which"
            x0 = min(x for x, _ in paren)
            outer = [a for a in actors if clause_start(lows, x0, commas=False) <= a.first < x0 and a.prep is None]
            if outer:
                subj_cands = outer[-1:]
                coordinated = False
        if subj_cands and not passive and hit.first >= 2 and lows[hit.first - 1] == "and" \
                and lows[hit.first - 2] == ",":
            k = subj_cands[-1].first
            if k >= 2 and lows[k - 1] == "that" and lows[k - 2] in wordset("speech_verbs"):
                # "Jubeir said that Canada had erred, and ruled out mediation": the speaker acts
                subj_cands = [a for a in subj_cands if a.last < k - 2]
        nominal = _nominal(toks, hit)
        if nominal:
            # "the full-scale invasion of Ukraine": the clause's subject is not its agent, a possessor is
            subj_cands = [a for a in subj_cands if _possessor(toks, a) and a.last + 4 >= hit.first]
        if not subj_cands and not passive:
            # "faced with Swedish threats of war": the adjective names whose threats, whatever governs the phrase
            subj_cands = [a for a in left if a.kind in ("adjective", "demonym") and a.last == hit.first - 1][:1]
        right = [a for a in actors if hit.head < a.first < nxt and a.first not in hit.words]
        right = [a for a in right if not any(b in _BOUNDARY for b in lows[hit.last:a.first])
                 and not _new_clause_before(toks, lows, hit, a, nxt)]
        if hit.pattern.type in _SYMMETRIC_TYPES and hit.pattern.mode == "relations":
            # relations "were established in 1960, the year Chad gained its independence from France":
            # with a state named "with" or "between" them, or with no other than the pair
            right = [a for a in right if a.prep in ("with", "between", "and", "by")]
        taken = lows[hit.head] in inflected_wordset("taken_by_verbs")
        agent = next((a for a in right if (a.prep == "by" or (a.prep == "to" and taken))
                      and a.first - hit.last <= 4), None)
        relative = _relative_subject(lows, actors, prev_hit, hit) if prev_hit is not None and prev_in_clause else False
        symmetric = False
        source = target = None
        if passive:
            patient = subj_cands[-1] if subj_cands else (left[-1] if left and left[-1].prep in (None, "of") else None)
            if len(subj_cands) >= 2:
                # "a Chinese balloon that had crossed the United States was shot down": the subject
                # stands before its relative clause
                rel = next((k for k in range(subj_cands[0].last + 1, hit.first) if lows[k] in _RELATIVE), None)
                head = [a for a in subj_cands if rel is not None and a.last < rel]
                if head:
                    patient = head[-1]
            counted = next((a for a in reversed(left) if a.prep == "of" and _counted_of(lows, a)), None)
            if counted is not None and (patient is None or counted.first > patient.last) and \
                    not any(lows[k] in _RELATIVE for k in range(left_lim, counted.first)):
                patient = counted         # "..., and hundreds of Kuwaitis were detained": the people counted
            if coordinated and patient is None and prev_roles is not None:
                source, target = prev_roles.source, prev_roles.target
            if agent is not None:
                source = agent.code
            elif source is None:
                loc = next((a for a in right if a.prep in ("in", "at") and a.kind in ("country", "capital", "polity",
                                                                                     "place")), None)
                if loc is not None and hit.pattern.type in ("COERCE", "SANCTION"):
                    source = loc.code
            if patient is not None and (hit.pattern.type == "MOBILIZE" or hit.pattern.mode == "withdraw") \
                    and patient.last >= hit.first - 4:
                # "Turkish peacekeepers were deployed in Bosnia", "Chilean units were withdrawn from
                # Peru": the forces' state moves them, to or from the place named
                source = patient.code
                dest = next((a for a in right if a.prep != "by" and a.code != source), None)
                target = dest.code if dest else None
            elif patient is not None and pair and hit.pattern.type in _SYMMETRIC_TYPES and \
                    set(pair) <= {a.code for a in left if a.prep in (None, "between", "and", "with")}:
                symmetric = True          # "an agreement between the UK and Iceland, Liechtenstein and Norway was signed"
                source, target = pair
            elif patient is not None:
                target = patient.code
            elif target is None:
                # "was signed in Algiers": where it happened is no party to it
                dest = next((a for a in right if a.prep not in ("by", "in", "at", "near") and a.code != source), None)
                target = dest.code if dest else None
        else:
            subj = subj_cands[-1] if subj_cands else None
            if relative and prev_roles is not None and (prev_roles.target or (pair and prev_roles.source in pair)):
                # "loyalty to the Emperor, who in return made it ...": the previous object acts
                source = prev_roles.target or next(x for x in pair or () if x != prev_roles.source)
            elif coordinated and prev_roles is not None:
                source = prev_roles.source
                symmetric = prev_roles.symmetric
                if symmetric:
                    target = prev_roles.target
            elif subj is not None and not (agent is not None and nominal):
                source = subj.code
                # "Norway and Russia resolved", "Norway, Denmark and Iceland pledged"
                group = [subj]
                for a in reversed(subj_cands[:-1]):
                    if _joined(lows, a.last, group[0].first) and not _appositive(lows, a):
                        group.insert(0, a)
                    else:
                        break
                codes = [g.code for g in group]
                if len(set(codes)) > 1:
                    if pair and set(pair) <= set(codes):
                        symmetric = True
                        source, target = pair
                    elif pair and set(pair) & set(codes):
                        source = next(c for c in codes if c in pair)
                    elif not pair and len(set(codes)) == 2:
                        symmetric = True
                        source, target = codes[0], next(c for c in codes if c != codes[0])
                    else:
                        source = codes[0]
            elif agent is not None:
                source = agent.code
            else:
                # "Two mock airstrikes involving Russian jets", "on loan from China"
                forces = noun_wordset("force_nouns")
                force = next((a for a in right if forces.intersection(lows[a.last + 1:a.last + 3])
                              and a.prep in ("involving", "by", "of")
                              and not {",", "and", ";"}.intersection(lows[hit.last:a.first])), None)
                # "on loan from China": the giver; but "recalled its ambassador from X": the one it is aimed at
                frm = next((a for a in right if a.prep == "from"), None) \
                    if hit.pattern.type not in ("SANCTION", "RETREAT") else None
                # "In Moscow, members of ... besieged the embassy": where it happened
                loc = next((a for a in actors if (a.last < hit.first or ((nominal or hit.pattern.type == "PROTEST")
                                                                          and a in right))
                            and a.prep in ("in", "at") and a.kind in ("capital", "place", "country")), None) \
                    if hit.pattern.type in ("PROTEST", "COERCE") else None
                if loc is not None and pair and loc.code not in pair:
                    loc = None
                pick = force or frm or loc
                if pick is not None:
                    source = pick.code
            if not symmetric:
                objs = [a for a in right if a.code != source and a is not agent
                        and not (pair and a.code not in pair and a.prep in ("on", "for", "under", "at", "in", "over"))]
                # "attacked a Palestinian base in Jordan": the other side of the pair before a third party
                other_side = pair is not None and source in pair and any(a.code in pair for a in objs)
                objs.sort(key=lambda a: (other_side and a.code not in (pair or ()), _obj_rank(toks, lows, hit, a), a.first))
                obj = objs[0] if objs else None
                # "backed Bolivia's admission to the UN", "held up Croatia's bid to join the OECD": the
                # possessor right after the verb is acted on, not the body it would join (but "delivered
                # Finland's objection": the possessor of a protest is its author)
                if hit.pattern.type in ("SUPPORT", "REJECT"):
                    obj = next((a for a in objs if a.first <= hit.last + 2 and _possessive_text(toks[a.last].text)
                                and a.last + 1 < len(toks) and toks[a.last + 1].text[:1].islower()), obj)
                if obj is not None:
                    target = obj.code
        if target is None and not symmetric and hit.pattern.mode in ("open-mission", "close-mission"):
            # "an embassy in Lima, which it reopened": the mission's host, named inside the phrase
            host = next((a for a in actors if hit.first < a.first < hit.last and a.prep == "in"
                         and a.code != source), None)
            target = host.code if host is not None else None
        if target is None and not symmetric and lows[hit.last] == "there":
            # "X visited Lima, and Y travelled there": "there" is the last place named before
            there = [a for a in actors if a.last < hit.first and a.code != source
                     and a.kind in ("capital", "place", "country")]
            target = there[-1].code if there else None
        if target is None and not symmetric:
            near = [a for a in anti if left_lim <= a.first < nxt and a.code != source]
            if near:
                target = near[0].code
        if hit.pattern.mode == "asylum" and not passive:
            # "refugees from X registered in Y": Y shelters; but "gave refuge to X": X is sheltered
            giving = wordset("giving_verbs")
            given = lows[hit.head] in giving or giving.intersection(lows[max(0, hit.first - 3):hit.first])
            preps = ("in", "into") if given else ("in", "to", "into")
            host = next((a for a in right if a.prep in preps), None)
            if host is not None and host.code != source:
                source, target = host.code, source   # "refugees from X registered in Y": Y shelters X
        if hit.pattern.type == "COERCE" and not symmetric:
            # "a Peruvian officer was arrested on charges of spying for Chile": Chile is aimed at, and
            # the arrested spy's own state (or the one that arrests) acts
            spy = next((a for a in right if a.prep == "for" and a.first >= 2
                        and lows[a.first - 2] in wordset("spying_words")), None)
            if spy is not None and spy.code != (source or target):
                source, target = (source if source and source != spy.code else target), spy.code
        if lows[hit.head] == "must" and len(subj_cands) >= 2 and not passive:
            # "Russia said that Sudan must return ...": the speaker demands, the one who must is the target
            source, target = subj_cands[0].code, subj_cands[-1].code
        if lows[hit.last] == "from" and not passive and hit.pattern.type in ("ACCUSE", "PROTEST"):
            # "the statue drew protests from Athens": who protests follows "from"; the subject's state
            # (if it has one) is protested against
            who = next((a for a in right if a.first == hit.last + 1 or
                        (a.first <= hit.last + 3 and lows[hit.last + 1] in ("the", "a", "an"))), None)
            if who is not None:
                subj_code = subj_cands[-1].code if subj_cands else None
                source, target = who.code, (subj_code if subj_code != who.code else None)
        subj_lo = max([left_lim] + [k + 1 for k in range(left_lim, hit.first) if lows[k] in (",", "and")])
        before = any(subj_lo <= b < hit.first for b in both)
        after = [b for b in both if hit.last < b < min(nxt, hit.last + 3)]
        if before or after:
            symmetric = True
            # "the two countries established relations ..., after the German occupation" (but "both countries
            # built fences along their borders with X": X's); "X mediated between the two sides": the talks are theirs
            if pair and hit.pattern.type in _SYMMETRIC_TYPES and (before or any(lows[b - 1] == "between" for b in after)):
                source, target = pair
        # (but "both declared war on Germany": the two act on a third state, not on each other)
        if pair and _pair_pronoun(lows, hit, source, target, pair) and not (
                hit.pattern.type not in _SYMMETRIC_TYPES and
                any(a.code not in pair and a.prep in ("on", "against") and a.first <= hit.last + 2 for a in right)):
            source, target, symmetric = pair[0], pair[1], True
        if lows[hit.first] == "joint" and not (source and target):
            symmetric = True              # "a joint survey", "joint exercises": both sides together
        if not symmetric and source is None and target is None and passive and \
                hit.pattern.type in _SYMMETRIC_TYPES and hit.pattern.mode in _SYMMETRIC_MODES:
            symmetric = True
        explicit = bool(subj_cands) and not coordinated
        named = not subj_cands and not coordinated and _named_subject(toks, left_lim, hit.first, actors)
        if passive and source is None and agent is None:
            named = _named_agent(toks, hit.last, actors)   # "was assassinated by Khalid Islambouli"
        roles = Roles(source, target, symmetric, passive, explicit, named)
        out.append(roles)
        prev_hit, prev_roles = hit, roles
    return out


def _pair_pronoun(lows: list[str], hit: Hit, source, target, pair: tuple[str, str]) -> bool:
    """A pronoun subject right before the trigger that stands for the two states: "both withdrew
    their forces" (not "of both"), and "they established diplomatic relations", which only the
    pair of the article sets up, whatever polity the sentence also names."""
    if hit.first < 1:
        return False
    w = lows[hit.first - 1]
    if w == "both":
        return hit.first == hit.head and (hit.first < 2 or lows[hit.first - 2] not in ("of", "to", "for", "with"))
    return w == "they" and hit.pattern.mode == "relations" and not (source in pair and target in pair)


def _new_clause_before(toks: list[Token], lows: list[str], hit: Hit, a: Actor, nxt: int) -> bool:
    """Is actor `a` past a comma that opens another clause (", adopted ...", ", X addressed", ", after ...")?"""
    span = range(hit.last + 1, a.first)
    commas = [k for k in span if lows[k] == ","]
    if not commas:
        return False
    if nxt < len(toks) and nxt - a.last <= 2:
        return True                       # the subject of the next trigger
    for k in commas:
        w = lows[k + 1] if k + 1 < len(lows) else ""
        if w == "and" or (w.endswith("ed") and toks[k + 1].text[:1].islower()) or w in wordset("subordinators"):
            return True                   # ", after the dissolution of the union between X and Y": a setting
    return False


_TRANSFER_MODES = frozenset({"cede", "return", "surrender", "loan"})


def _obj_rank(toks: list[Token], lows: list[str], hit: Hit, a: Actor) -> float:
    """Lower is a likelier object of the trigger."""
    r = float(_OBJ_RANK.get(a.prep, 3))
    if _possessor(toks, a):
        r += 1.5                          # "delivered Finland's objection to Russia"
    if hit.first < a.first < hit.last:
        r += 0.5                          # "joined the German campaign against ...": a modifier
    if a.kind == "org":
        r += 1.5                          # states before organisations: "complained to the UN over Israeli raids"
    if "," in lows[hit.last:a.first]:
        r += 2                            # past a comma: another phrase
    if a.prep == "to" and hit.pattern.mode in _TRANSFER_MODES:
        r -= 1                            # "ceded Norway to Sweden": the receiver
    return r


def _relative_subject(lows: list[str], actors: list[Actor], prev_hit: Hit, hit: Hit) -> bool:
    """"..., who in return made it ...": the relative pronoun stands for the previous object."""
    between = lows[prev_hit.last + 1:hit.first]
    if "who" not in between and "which" not in between:
        return False
    k = max(i for i, w in enumerate(between) if w in ("who", "which")) + prev_hit.last + 1
    return not any(k < a.first < hit.first for a in actors) and hit.first - k <= 5


# words that are prepositions before a noun and conjunctions before a clause ("after Libya signed")
_CONJUNCTIONS = frozenset("after before since until while as".split())


def _subject_of_clause(lows: list[str], a: Actor, hit: Hit) -> bool:
    """Is `a` the subject of a clause the trigger heads ("after Libya signed a deal")?"""
    between = lows[a.last + 1:hit.first]
    return len(between) <= 2 and all(w.isalpha() and w not in ("the", "a", "an", "of") for w in between)


def _possessor(toks: list[Token], a: Actor) -> bool:
    t = toks[a.last].text
    return t.endswith("'s") or t.endswith("’s") or t.endswith("s'")


_RELATIVE = frozenset({"that", "which", "who", "whose"})


def _nominal(toks: list[Token], hit: Hit) -> bool:
    """Is the trigger a noun phrase ("the invasion", "Russia's full-scale invasion")?
    Not after a light verb: "paid a working visit" is the subject's own act; not a pattern
    whose head is a verb after its first word: "the Red Army crossed the border" is a clause."""
    if hit.head > hit.first and not toks[hit.head].low.endswith("ing"):
        return False
    j = hit.first - 1
    steps = 0
    k = j
    light, adjectives = wordset("light_verbs"), wordset("name_adjectives")
    while k >= 0 and k >= hit.first - 4 and toks[k].low not in light and toks[k].low not in (",", ";"):
        k -= 1
    if k >= 0 and toks[k].low in light and k >= hit.first - 4:
        return False
    w = next((i for i in range(hit.first - 1, max(-1, hit.first - 5), -1) if toks[i].low == "with"), None)
    if w is not None and any(toks[i].low in wordset("response_cues") for i in range(max(0, w - 4), w)):
        return False                      # "Moscow responded in April with an economic blockade": Moscow's act
    if toks[hit.first].low.endswith("ed") and j >= 0 and toks[j].low not in ("the", "a", "an"):
        return False
    while j >= 0 and steps < 3:
        t = toks[j]
        if t.low in ("the", "a", "an", "its", "their", "his", "her") or _possessive_text(t.text):
            return True
        if t.text[:1].isupper() and t.low.endswith("s") and not _possessive_text(t.text) and steps == 0:
            return False                  # "The Norwegians refused": a plural noun subject
        if t.text[:1].isupper() or "-" in t.low or t.low.endswith(_ADJ_SUFFIXES) or t.low in adjectives:
            j -= 1
            steps += 1
            continue
        return False
    return False


def _possessive_text(t: str) -> bool:
    return _bare(t) != t


def _named_subject(toks: list[Token], lo: int, hi: int, actors: list[Actor]) -> bool:
    """A capitalised name (not an actor, not the sentence's first word) right before the trigger."""
    inside = {i for a in actors for i in range(a.first, a.last + 1)}
    j = hi - 1
    while j >= lo and j > hi - 7:
        t = toks[j]
        if t.low in (",", ";", "and", "that", "which", "who"):
            return False
        if t.low in wordset("organ_nouns") and j > lo and toks[j - 1].low == "the" and j == hi - 1:
            return True                   # "the embassy rejected ...": an organ, but whose the sentence does not say
        if t.text[:1].isupper() and j not in inside and t.low not in ("i",) and \
                (j > 0 or (j + 1 < len(toks) and toks[j + 1].text[:1].isupper())) and t.low not in _MONTHS:
            return True
        j -= 1
    return False


def _named_agent(toks: list[Token], last: int, actors: list[Actor]) -> bool:
    """A passive act's "by" and a capitalised name that is no actor: someone the record cannot place."""
    k = last + 1
    if k + 1 >= len(toks) or toks[k].low != "by" or not toks[k + 1].text[:1].isupper():
        return False
    return not any(a.first <= k + 1 <= a.last for a in actors) and toks[k + 1].low not in _MONTHS


_MONTHS = frozenset("january february march april may june july august september october november december "
                    "monday tuesday wednesday thursday friday saturday sunday in on at during after before "
                    "later earlier the a".split())


def _coordinated(lows: list[str], actors: list[Actor], prev_hit: Hit, hit: Hit) -> bool:
    if any(x < prev_hit.first and y == hit.first for x, y in relative_clauses(lows, 0, hit.first)):
        return False                      # "X, which had not been consulted, sued Y": the relative clause is apart
    if "that" in lows[max(0, prev_hit.first - 6):prev_hit.first] and \
            ("," in lows[prev_hit.last:hit.first] and "and" in lows[prev_hit.last:hit.first]):
        return False                      # "X disclosed that Y had done A, and condemned it": X condemned
    return _coordinated_vp(lows, actors, prev_hit, hit)


def _coordinated_vp(lows: list[str], actors: list[Actor], prev_hit: Hit, hit: Hit) -> bool:
    """Is hit a verb phrase coordinated with prev_hit, sharing its subject?
    "... expelled ten diplomats and in August added ...": an "and" (or "by", "then") with no
    actor between it and the trigger. A pattern that holds its own subject before its head
    ("..., and a ceasefire was signed") opens a clause of its own."""
    if hit.head > hit.first and lows[hit.first] not in ("who", "which"):
        return False
    j = hit.first - 1
    while j > prev_hit.last:
        if lows[j] in ("by", "before", "after", "while", "thereby") and j + 1 != hit.first:
            return False                  # "after a bombing killed ...": a clause of its own, not "after expelling"
        if lows[j] in ("by", "before", "after", "while", "thereby") and _new_subject(lows, actors, prev_hit.last, j):
            return False                  # "X expelled two, and Russia answered by expelling two": Russia's act
        if lows[j] in ("and", "but", "then", "by", "before", "after", "while", "thereby", "also"):
            between = lows[j + 1:hit.first]
            if lows[j] in ("and", "but") and between[:1] in (["the"], ["its"], ["their"]) \
                    and not wordset("time_words").intersection(between):
                return False              # "..., and the embassy rejected ...": a subject of its own
            return not any(j < a.first < hit.first for a in actors) and \
                not any(w in ("who", "which", "that", "whom") for w in between)
        if lows[j] in (";", ":"):
            return False
        j -= 1
    if lows[prev_hit.last + 1:hit.first] == [","] and lows[hit.first].endswith("ed") \
            and any(lows[k] == "and" for k in range(hit.last + 1, min(len(lows), hit.last + 12))):
        return True                       # "denounced the deal, recalled its ambassador and expelled ...": a list
    return prev_hit.last + 1 == hit.first


def _subject_before(lows: list[str], actors: list[Actor], first: int) -> set[int]:
    """Token indices of an actor standing right before token `first`, adverbs aside."""
    k = first - 1
    adverbs = wordset("adverbs")
    while k >= 0 and lows[k] in adverbs:
        k -= 1
    for a in actors:
        if a.last == k and a.prep is None:
            return set(range(a.first, a.last + 1))
    return set()


def _force_before(lows: list[str], a: Actor) -> bool:
    """"troops from China", "250,000 soldiers of the Soviet Union": the forces' state acts."""
    j = a.first - 1
    while j > 0 and lows[j] in ("the", "a", "an"):
        j -= 1
    return j >= 1 and lows[j] == a.prep and lows[j - 1] in noun_wordset("force_nouns")


def _new_subject(lows: list[str], actors: list[Actor], lo: int, hi: int) -> bool:
    """Does a clause with a subject of its own open between tokens lo and hi
    (", and Russia answered", "but Moscow responded")?"""
    for a in actors:
        if not (lo < a.first and a.last + 1 < hi):
            continue
        k = a.first - 1
        while k > lo and lows[k] == "the":
            k -= 1
        if lows[k] in ("and", "but", ",", "while", "whereas") and lows[a.last + 1].endswith("ed"):
            return True
    return False



def _object_span(lows: list[str], prev_last: int, upto: int) -> set[int]:
    """Token indices of the noun phrase right after the previous trigger (its object)."""
    out = set()
    j = prev_last + 1
    while j < upto and lows[j] not in ("and", ",", ";", "but", "then", "while", "after", "before", "when"):
        out.add(j)
        j += 1
    return out


def _counted_of(lows: list[str], a: Actor) -> bool:
    """"hundreds of Kuwaitis", "two of the Chilean diplomats": a quantity opens the actor's phrase."""
    k = next((j for j in range(a.first - 1, max(-1, a.first - 4), -1) if lows[j] == "of"), None)
    if k is None or k == 0:
        return False
    w = lows[k - 1]
    return w in wordset("quantity_nouns") or w in wordset("number_words") or w[:1].isdigit()


def _appositive(lows: list[str], a: Actor) -> bool:
    """"the Russian ambassador, Alexey Pavlovsky, and ...": a name set off after a title
    names the one before it, and is no member of a list."""
    return a.first >= 2 and lows[a.first - 1] == "," and lows[a.first - 2] in wordset("person_titles")


def _joined(lows: list[str], a_last: int, b_first: int) -> bool:
    between = lows[a_last + 1:b_first]
    return 0 < len(between) <= 3 and set(between) <= {"and", "–", "-", ",", "the", "both"}
