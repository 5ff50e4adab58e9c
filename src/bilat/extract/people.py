"""People named with a role or title, and their nationality where the text says."""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Evidence, Person
from ..nlp.gazetteer import gazetteer
from ..nlp.trie import trie
from .document import Document, facts_lexicon

# Two to four capitalised words (particles only inside); a regnal number may follow.
_W = r"[A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]*(?:['’-][^\W\d_]+)*"   # a capitalised word (Álvaro, Łukasz)
_PNAME = (rf"(?P<name>{_W}(?:\s+(?:(?:de|van|von|der|bin|al)\s+)?(?:[A-Z]\.|{_W})){{1,3}}"
          rf"(?:\s+[IVX]{{1,4}}\b(?:\s+{_W})?)?|{_W}\s+[IVX]{{1,4}}\b(?:\s+(?!of\b){_W})?)")


@lru_cache(maxsize=1)
def _patterns():
    lex = facts_lexicon()
    # a capitalised word where a demonym may stand; extract_people keeps it only if it
    # is one (a regex alternation of all demonyms would be tried at every position)
    not_title = rf"(?!(?:{trie({t.split()[0] for t in lex['person_titles']})})\b)"
    adj = rf"(?P<adj>{not_title}[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
    adj2 = adj.replace("?P<adj>", "?P<adj2>")
    # tries, longest first at each letter as a list sorted longest first would be; under
    # (?i:) each word of a list is tried in full, the letters of a trie once
    titles = trie(lex["person_titles"])
    role = rf"(?P<role>(?i:{_caseless_trie(lex['person_titles'])}|{_caseless_trie(lex['person_roles'])}))"
    lower = r"(?:[a-z][\w'’-]*\s+){0,3}?"      # "chief financial", "foreign ministry"
    # each opens with a look at its first letter: a position that cannot start
    # a match fails at once instead of trying the optional groups (3x faster)
    cap = "(?=[A-ZÀ-ÖØ-ÞĀ-Ž])"
    return [
        # "the Russian ambassador Ivan Petrov", "President Ivan Petrov"
        re.compile(rf"{cap}(?:(?:\b{adj}\s+)?\b(?P<role>{titles})\s+{_PNAME})"),
        re.compile(rf"(?=[Tt])\b(?i:the)\s+(?:former\s+)?(?:{adj}\s+)?{lower}{role}\s+{_PNAME}"),
        # "Ivan Petrov, a Russian citizen", "Ivan Petrov, the chief financial officer of ..."
        re.compile(rf"{cap}{_PNAME},\s+(?:a|an|the|its|their)\s+(?:former\s+)?(?:{adj}\s+)?{lower}{role}\b"),
        # "the Canadian ambassador, Ivan Petrov", "another Canadian, Ivan Petrov"
        re.compile(rf"(?=[AaTtIi])\b(?:(?i:a|an|the|its|their)\s+(?:former\s+)?(?:{adj}\s+)?{lower}{role}(?:\s+(?:in|to|at)\s+[A-Z][\w-]+)?|another\s+{adj2}),\s+{_PNAME}(?=[,.;)]|\s+(?:was|had|who|and)\b)"),
    ]


def _caseless_trie(words: list[str]) -> str:
    """trie() for matching without case: of the words in lower case (so that "Envoy" and
    "envoy ..." share a branch), unless lower-casing changes a word's length."""
    low = [w.lower() for w in words]
    if any(len(a) != len(b) for a, b in zip(words, low)):
        return "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return trie(set(low))


@lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    return frozenset(c.name for c in gazetteer().countries())


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    """The first word of every title and role, and "another": every pattern needs one."""
    lex = facts_lexicon()
    return frozenset(re.split(r"[\s-]", t.lower())[0] for t in lex["person_titles"] + lex["person_roles"]) \
        | {"another"}


_WORD = re.compile(r"[^\W\d_]+")


def _infobox_envoys(doc: Document) -> dict[str, Person]:
    """`Envoy1: Name` is the envoy of the first party (Party1, else the title's first)."""
    box = doc.article.infobox
    out: dict[str, Person] = {}
    for key, name in box.items():
        m = re.fullmatch(r"[Ee]nvoy(\d)", key)
        if not m or not name.strip() or m.group(1) not in "12":
            continue
        n = int(m.group(1))
        party = gazetteer().resolve(box.get(f"Party{n}", "")) or doc.pair[n - 1]
        role = box.get(f"Envoytitle{n}", "envoy").strip().lower() or "envoy"
        line = re.search(rf"^- {re.escape(key)}: {re.escape(name)}\s*$", doc.text, re.M)
        ev = (Evidence(line.group(0).strip(), line.start(), line.start() + len(line.group(0).strip()), "Infobox"),) if line else ()
        out[name.strip()] = Person(name.strip(), party if party in doc.pair else None, role, ev)
    return out


def extract_people(doc: Document) -> tuple[Person, ...]:
    gaz = gazetteer()
    found: dict[str, Person] = _infobox_envoys(doc)
    roles = _role_words()
    for s in doc.narrative:
        if roles.isdisjoint(_WORD.findall(s.text.lower())):
            continue                       # no title, role or "another": no pattern can match
        for rx in _patterns():
            for m in rx.finditer(s.text):
                name = m.group("name").strip()
                if gaz.resolve(name) or name.split()[0] in _country_words() or _is_org(name):
                    continue
                adj = m.groupdict().get("adj") or m.groupdict().get("adj2")
                nat = gaz.resolve(adj) if adj else None
                role = (m.groupdict().get("role") or "national").lower()
                cur = found.get(name)
                ev = doc.evidence(s)
                if cur is None:
                    found[name] = Person(name, nat, role, (ev,))
                else:
                    found[name] = Person(name, cur.nationality or nat, cur.role or role,
                                         cur.evidence + ((ev,) if ev not in cur.evidence else ()))
    return tuple(found.values())


def _is_org(name: str) -> bool:
    return bool(re.search(r"\b(?:Party|Service|Ministry|Council|Union|Agency|Army|Forum|Treaty|Republic|Kingdom|Government)\b", name))
