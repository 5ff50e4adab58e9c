"""People named with a role or title, and their nationality where the text says."""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Person
from ..nlp.gazetteer import gazetteer
from .document import Document, facts_lexicon

# Two to four capitalised words; a regnal number may follow ("Harald V").
_PNAME = r"(?P<name>[A-Z][a-zà-ÿ'’-]+(?:\s+(?:[A-Z]\.|[A-Z][a-zà-ÿ'’-]+|de|van|von|der|bin|al)){1,3}(?:\s+[IVX]{1,4}\b)?|[A-Z][a-zà-ÿ]+\s+[IVX]{1,4}\b)"
_ADJ = r"(?P<adj>[A-Z][a-z]+)"


@lru_cache(maxsize=1)
def _patterns():
    lex = facts_lexicon()
    titles = "|".join(sorted(map(re.escape, lex["person_titles"]), key=len, reverse=True))
    roles = "|".join(sorted(map(re.escape, lex["person_roles"]), key=len, reverse=True))
    return [
        # "the Russian ambassador Ivan Petrov", "President Ivan Petrov"
        (re.compile(rf"(?:\b{_ADJ}\s+)?\b(?P<role>{titles})\s+{_PNAME}"), "title"),
        (re.compile(rf"\bthe\s+(?:former\s+)?(?:{_ADJ}\s+)?(?P<role>(?i:{titles}|{roles}))\s+{_PNAME}"), "the-role"),
        # "Ivan Petrov, a Russian citizen", "Ivan Petrov, the Russian ambassador"
        (re.compile(rf"{_PNAME},\s+(?:a|an|the)\s+(?:former\s+)?(?:{_ADJ}\s+)?(?P<role>(?i:{roles}|{titles}))\b"), "apposition"),
    ]


def _country_words() -> set[str]:
    return {c.name for c in gazetteer().countries()}


def extract_people(doc: Document) -> tuple[Person, ...]:
    gaz = gazetteer()
    found: dict[str, Person] = {}
    for s in doc.narrative:
        for rx, _ in _patterns():
            for m in rx.finditer(s.text):
                name = m.group("name").strip()
                if gaz.resolve(name) or name.split()[0] in _country_words() or _is_org(name):
                    continue
                adj = m.groupdict().get("adj")
                nat = gaz.resolve(adj) if adj else None
                role = m.group("role").lower()
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
