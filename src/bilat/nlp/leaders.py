"""Who led which state: data/leaders.tsv, and the leaders an article names.

Articles name leaders instead of their states ("Trudeau expressed concern",
"Modi visited Lahore"). A leader counts for a state only where the article
names them in full at least once: the short form alone ("May", "Moon",
"Kim") is too often a word or another person. The short form is the
surname, or for Chinese, Korean and Vietnamese names the family name,
which comes first, and for Ethiopian and Eritrean names the given name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..data import data_path, iter_tsv
from ..errors import DataFileError
from .trie import trie

# family name first in English writing
_FAMILY_FIRST = frozenset({"CHN", "TWN", "KOR", "PRK", "VNM"})
# no family name: a given name and the father's, and the person is called by the given name ("Abiy", "Isaias")
_GIVEN_NAME = frozenset({"ETH", "ERI"})
_ROLES = frozenset({"head of state", "head of government", "foreign minister", "defence minister"})
_ROMAN = re.compile(r"[IVXL]+\Z")
_YEAR = re.compile(r"\d{4}\Z")


@dataclass(frozen=True)
class Leader:
    name: str
    code: str
    role: str
    start: int | None
    end: int | None

    @property
    def short(self) -> str | None:
        return short_name(self.name, self.code)


def short_name(name: str, code: str | None) -> str | None:
    """The name an article uses for a person after the first mention, if it has one: the
    surname, or the family name first for `code`s that write it first; none for "Nicholas II",
    "Peter the Great", "Faisal of Saudi Arabia"."""
    first = code in _FAMILY_FIRST or code in _GIVEN_NAME
    words = name.split() if first else name.replace("-", " ").split()
    if len(words) < 2 or " of " in f" {name} ":
        return None
    w = words[0] if first else words[-1]
    if _ROMAN.match(w) or not w[:1].isupper():
        return None
    return w


def load_leaders(path: Path | None = None) -> list[Leader]:
    path = path or data_path("leaders.tsv")
    out = []
    for n, row in iter_tsv(path, ("name", "code", "role"), ("name", "code", "role", "from", "to")):
        if not re.fullmatch(r"[A-Z]{3}", row["code"]):
            raise DataFileError(str(path), n, f"bad ISO 3166-1 alpha-3 code {row['code']!r}")
        if row["role"] not in _ROLES:
            raise DataFileError(str(path), n, f"unknown role {row['role']!r} (one of {', '.join(sorted(_ROLES))})")
        years = []
        for key in ("from", "to"):
            if row[key] and not _YEAR.match(row[key]):
                raise DataFileError(str(path), n, f"{key} must be a year, not {row[key]!r}")
            years.append(int(row[key]) if row[key] else None)
        out.append(Leader(row["name"].strip(), row["code"], row["role"], *years))
    return out


@lru_cache(maxsize=1)
def _by_first_word() -> dict[str, tuple[tuple[str, frozenset[str]], ...]]:
    """Full names by their first word, longest first: name -> the states it led."""
    codes: dict[str, set[str]] = {}
    for ld in load_leaders():
        codes.setdefault(ld.name, set()).add(ld.code)
    index: dict[str, list] = {}
    for name, cs in codes.items():
        index.setdefault(name.split()[0], []).append((name, frozenset(cs)))
    return {k: tuple(sorted(v, key=lambda x: -len(x[0]))) for k, v in index.items()}


@lru_cache(maxsize=1)
def _short_forms() -> dict[str, str | None]:
    return {ld.name: ld.short for ld in load_leaders()}


# a word (as a name's first word is one) and what belongs to one
_WORD = re.compile(r"(?<![\w'’.-])[^\W\d_a-z][\w'’.-]*")
_IN_WORD = re.compile(r"[\w'’.-]")


@lru_cache(maxsize=1)
def _first_words() -> re.Pattern:
    """The names' first words as one regex (a trie), each standing whole but for what
    stands before it (checked on each match: a regex that starts with a letter is
    searched for faster)."""
    words = [w for w in _by_first_word() if _WORD.fullmatch(w)]
    return re.compile(rf"(?:{trie(words)})(?![\w'’.-])" if words else "(?!)")


def leaders_named(text: str, pair: tuple[str, ...] | None = None) -> dict[str, str]:
    """Words that stand for a state in `text`: the short form of each leader named
    there in full ("Trudeau" once "Justin Trudeau" is named). A name shared by leaders of two
    states counts only where one of them is of `pair`; a short form two named leaders
    of different states share ("Kim") counts for neither."""
    index = _by_first_word()
    shorts = _short_forms()
    found: dict[str, str] = {}
    for m in _first_words().finditer(text):
        if m.start() and _IN_WORD.match(text, m.start() - 1):
            continue                       # the end of a longer word
        cands = index[m.group(0)]
        for name, codes in cands:
            if not text.startswith(name, m.start()):
                continue
            after = text[m.start() + len(name):m.start() + len(name) + 1]
            if after[:1].isalnum():
                continue                   # a longer word, not this name
            if len(codes) > 1:
                codes = frozenset(c for c in codes if pair and c in pair)
            if len(codes) == 1:
                found[name] = next(iter(codes))
            break
    out: dict[str, str] = {}
    clash: set[str] = set()
    for name, code in found.items():
        key = shorts.get(name)
        if not key:
            continue
        if out.get(key, code) != code:
            clash.add(key)
        out[key] = code
    for key in clash:
        del out[key]
    return out
