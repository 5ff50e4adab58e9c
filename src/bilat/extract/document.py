"""One article prepared for the extractors: its sentences, their sections,
and which of them are narrative (mined) rather than reference apparatus."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from ..data import data_path, iter_tsv, load_yaml
from ..errors import DataFileError
from ..model import Article, Evidence, Person, Section
from ..nlp.gazetteer import Mention, gazetteer
from ..nlp.sentences import split

if TYPE_CHECKING:                         # the tagger is imported where it is first used
    from ..nlp.timex import TimeIndex


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    section: Section
    text: str

    @property
    def in_lead(self) -> bool:
        return not self.section.path


def facts_lexicon() -> dict:
    return load_yaml("facts.yaml")


@lru_cache(maxsize=1)
def _non_narrative() -> frozenset[str]:
    return frozenset(facts_lexicon()["non_narrative_sections"])


def is_narrative(section: Section) -> bool:
    skip = _non_narrative()
    return not any(p.strip().lower() in skip for p in section.path)


@dataclass
class Document:
    article: Article
    pair: tuple[str, str]
    _sentences: list[Sentence] | None = field(default=None, repr=False)
    _mentions: dict[tuple[int, int], list] = field(default_factory=dict, repr=False)

    @property
    def text(self) -> str:
        return self.article.text

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Sentences of every section's own text (subsections excluded), in order."""
        out: list[Sentence] = []
        for sec, start, end in own_spans(self.article):
            for a, b in split(self.text, start, end):
                if self.text[a:b].lstrip().startswith("="):
                    continue
                out.append(Sentence(a, b, sec, self.text[a:b]))
        return out

    @cached_property
    def narrative(self) -> list[Sentence]:
        return [s for s in self.sentences if is_narrative(s.section)]

    @cached_property
    def time(self) -> TimeIndex:
        """Time expressions of the whole article, anchored in its narrative."""
        from ..nlp.timex import tag_spans
        return tag_spans(self.text, section_spans(self.article))

    @cached_property
    def people(self) -> tuple[Person, ...]:
        """The people the article names with a role (facts shared by the record and the events)."""
        from .people import extract_people
        return extract_people(self)

    @cached_property
    def known_people(self) -> dict[str, str]:
        """Words that stand for a state here: the short form of each leader named in full
        (data/leaders.tsv), and the surname of each person the article gives a nationality."""
        from ..nlp.leaders import leaders_named, short_name
        out = leaders_named(self.text, self.pair)
        for p in self.people:
            if not p.nationality:
                continue
            key = short_name(p.name, p.nationality)
            if key and key not in out:
                out[key] = p.nationality
        return out

    def dates_in(self, s: Sentence):
        return self.time.within(s.start, s.end)

    def mentions(self, s: Sentence) -> list:
        """The gazetteer's mentions in a sentence, looked up once: the events, the
        missions and the lists all read them."""
        key = (s.start, s.end)
        if key not in self._mentions:
            found = gazetteer().mentions(self.text, s.start, s.end)
            aliases = pair_aliases(self.pair)
            if aliases is not None:
                found = _with_aliases(found, aliases, self.text, s.start, s.end)
            if any(m.kind == "capital" for m in found):
                found = self._outside_names(found, s)
            self._mentions[key] = found
        return self._mentions[key]

    @cached_property
    def _full_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.people if " " in p.name)

    def _outside_names(self, found: list, s: Sentence) -> list:
        """A capital inside a person's name is no capital: "Foreign Secretary William Hague"."""
        spans = []
        for name in self._full_names:
            at = s.text.find(name)
            while at >= 0:
                spans.append((s.start + at, s.start + at + len(name)))
                at = s.text.find(name, at + 1)
        return [m for m in found if m.kind != "capital" or
                not any(a <= m.start and m.end <= b and (a, b) != (m.start, m.end) for a, b in spans)]

    def evidence(self, s: Sentence) -> Evidence:
        return Evidence(text=s.text, start=s.start, end=s.end, section=s.section.label)


@lru_cache(maxsize=1)
def _alias_table() -> dict[frozenset[str], dict[str, str]]:
    """data/pair_aliases.tsv, read once: pair -> {alias: code}."""
    out: dict[frozenset[str], dict[str, str]] = {}
    path = data_path("pair_aliases.tsv")
    for n, row in iter_tsv(path, required=("pair", "alias", "code"), columns=("pair", "alias", "code")):
        members = frozenset(row["pair"].split())
        if len(members) != 2 or row["code"] not in members:
            raise DataFileError(str(path), n, f"{row['code']} must be one of the two codes of the pair {row['pair']}")
        out.setdefault(members, {})[row["alias"]] = row["code"]
    return out


@lru_cache(maxsize=64)
def pair_aliases(pair: tuple[str, str]) -> tuple[re.Pattern, dict[str, str]] | None:
    """("the North" pattern, alias -> code) for the pair; None if it has none (most pairs)."""
    codes = _alias_table().get(frozenset(pair))
    if not codes:
        return None
    return re.compile(r"\b[Tt]he (" + "|".join(map(re.escape, codes)) + r")\b"), codes


def _with_aliases(found: list, aliases: tuple[re.Pattern, dict[str, str]], text: str, start: int, end: int) -> list:
    rx, codes = aliases
    taken = [(m.start, m.end) for m in found]
    extra = [Mention(m.start(1), m.end(1), m.group(1), codes[m.group(1)], "country")
             for m in rx.finditer(text, start, end)
             if not any(a < m.end(1) and m.start(1) < b for a, b in taken)
             and not text.startswith(("-", "–"), m.end(1))]   # "the North–South summit" names no one
    return sorted(found + extra, key=lambda m: m.start) if extra else found


def own_spans(article: Article) -> list[tuple[Section, int, int]]:
    """Each section with the span of its own text: up to the heading of its first
    subsection, so no offset belongs to two spans."""
    text = article.text
    secs = sorted(article.sections, key=lambda s: (s.start, -s.end))
    out = []
    for i, sec in enumerate(secs):
        own_end = sec.end
        for nxt in secs[i + 1:]:
            if nxt.start >= sec.start and nxt.level > sec.level and nxt.start < own_end:
                nl = text.rfind("\n", 0, max(nxt.start - 1, 0))   # the subsection's heading line
                own_end = max(sec.start, nl + 1 if nl >= 0 else 0)
                break
        out.append((sec, sec.start, own_end))
    return out


def section_spans(article: Article) -> list[tuple[int, int, str | None]]:
    """Sections' own spans as (start, end, heading title) for the temporal tagger."""
    return [(a, b, sec.title or None) for sec, a, b in own_spans(article)]
