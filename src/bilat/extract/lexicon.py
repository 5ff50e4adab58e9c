"""The event lexicons: trigger patterns, CAMEO/Goldstein table, nouns and cue words.

All of it is data under `bilat/data/events/`; this module loads, validates
and compiles it once. A pattern word matches its inflections (expel,
expels, expelled, expelling), so "expel a diplomat" and "expelled fifteen
diplomats" are the same act to the coder.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..data import data_path, load_tsv, load_yaml
from ..errors import DataFileError

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
# the trigger modes of a treaty's making: signing it and ratifying it (two acts, see dedup)
TREATY_MODES = frozenset({"sign", "ratify"})

# words that never take inflections in a pattern (grammar words)
_FIXED = frozenset("a an the to of on in at by for from with into over under and or not no its their "
                   "his her it they he she that which who as up off out down".split())
# endings that take "-es" (taxes, vetoes, crashes); other words take "-s" only
_ES_ENDINGS = ("s", "x", "z", "ch", "sh", "o")


@dataclass(frozen=True)
class Pattern:
    type: str
    mode: str | None
    cameo: str
    context: tuple[str, ...]
    # each element: frozenset of word forms, or ("gap", n, commas_allowed)
    parts: tuple
    head: int                      # index into parts of the head word
    text: str                      # the pattern as written, for messages


def _inflect(word: str, irregular: dict[str, list[str]]) -> set[str]:
    """Forms of a verb or noun: base, -s, -es, -ed, -ing, -ies/-ied, doubled consonant, irregulars."""
    w = word.lower()
    forms = {w}
    if w in _FIXED or not w.isalpha() or len(w) < 3:
        return forms | set(irregular.get(w, ()))
    stem = w[:-1] if w.endswith("e") else w
    forms |= {w + "s", stem + "ed", stem + "ing", w + "d" if w.endswith("e") else w + "ed"}
    if w.endswith(_ES_ENDINGS):
        forms.add(w + "es")              # taxes, vetoes; not "routes" from rout, "planes" from plan, "aides" from aid
    if w.endswith("y") and w[-2:-1] not in "aeiou":
        forms |= {w[:-1] + "ies", w[:-1] + "ied"}
    if len(w) >= 3 and w[-1] in "bdglmnprt" and w[-2] in "aeiou" and w[-3] not in "aeiou":
        forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    if w.endswith("ise") or w.endswith("ize"):
        alt = w[:-3] + ("ize" if w.endswith("ise") else "ise")
        forms |= {alt, alt + "s", alt[:-1] + "ed", alt[:-1] + "ing"}
    for base in list(forms):
        forms |= set(irregular.get(base, ()))
    return forms


def noun_forms(word: str) -> set[str]:
    """A noun in both numbers, so a list need name only one: troops/troop, armies/army,
    servicemen/serviceman, frigate/frigates."""
    w = word.lower()
    if w.endswith("men"):
        return {w, w[:-3] + "man"}
    if w.endswith("man"):
        return {w, w[:-3] + "men"}
    if w.endswith("ies"):
        return {w, w[:-3] + "y"}
    if w.endswith("s") and not w.endswith("ss"):
        return {w, w[:-1]}
    if w.endswith("y") and w[-2:-1] not in "aeiou":
        return {w, w[:-1] + "ies"}
    return {w, w + ("es" if w.endswith(("x", "ch", "sh", "ss")) else "s")}


def _compile(text: str, irregular: dict[str, list[str]], where: str) -> tuple[tuple, int]:
    parts: list = []
    head = 0
    for tok in text.split():
        if tok in ("*", "**"):
            parts.append(("gap", 6 if tok == "*" else 14, tok == "**"))
            continue
        if tok.startswith("^"):
            head = len(parts)
            tok = tok[1:]
        forms: set[str] = set()
        for alt in tok.split("|"):
            if not alt:
                raise DataFileError(where, None, f"empty alternative in pattern {text!r}")
            if alt.startswith("@"):           # a words.yaml list of nouns, in both numbers
                forms |= noun_wordset(alt[1:])
            else:
                forms |= {alt[1:].lower()} if alt.startswith("=") else _inflect(alt, irregular)
        parts.append(frozenset(forms))
    if not parts or isinstance(parts[0], tuple) or isinstance(parts[-1], tuple):
        raise DataFileError(where, None, f"pattern {text!r} must start and end with a word")
    return tuple(parts), head


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, float]:
    """CAMEO code -> Goldstein score."""
    rows = load_tsv("events/cameo_goldstein.tsv", ("code", "goldstein"))
    out = {}
    for r in rows:
        try:
            out[r["code"]] = float(r["goldstein"])
        except ValueError:
            raise DataFileError(str(data_path("events/cameo_goldstein.tsv")), None,
                                f"goldstein of {r['code']} is not a number") from None
    return out


@lru_cache(maxsize=1)
def words() -> dict:
    """nouns, units, cue words (events/words.yaml)."""
    d = load_yaml("events/words.yaml")
    if not isinstance(d, dict):
        raise DataFileError(str(data_path("events/words.yaml")), None, "expected a mapping")
    return d


@lru_cache(maxsize=1)
def patterns() -> tuple[Pattern, ...]:
    path = str(data_path("events/triggers.tsv"))
    irregular = {k: list(v) for k, v in (words().get("irregular") or {}).items()}
    # irregular forms both ways: "meet" -> met, and "met" is looked up under "meet"
    rows = load_tsv("events/triggers.tsv", ("pattern", "type", "cameo"))
    codes = cameo_table()
    out = []
    seen = set()
    for r in rows:
        if r["pattern"] in seen:      # a second row would only shadow or contradict the first
            raise DataFileError(path, None, f"pattern {r['pattern']!r} appears twice")
        seen.add(r["pattern"])
        if r["type"] not in PLOVER_TYPES and r["type"] != "-":
            raise DataFileError(path, None, f"pattern {r['pattern']!r}: unknown PLOVER type {r['type']!r}")
        if r["cameo"] not in codes and r["type"] != "-":
            raise DataFileError(path, None, f"pattern {r['pattern']!r}: unknown CAMEO code {r['cameo']!r}")
        parts, head = _compile(r["pattern"], irregular, path)
        ctx = tuple(c.strip() for c in r.get("context", "").split(",") if c.strip())
        out.append(Pattern(r["type"], r.get("mode") or None, r["cameo"], ctx, parts, head, r["pattern"]))
    return tuple(out)


@lru_cache(maxsize=1)
def first_index() -> dict[str, tuple[Pattern, ...]]:
    """Patterns by each form of their first word, for a single pass over tokens."""
    idx: dict[str, list[Pattern]] = {}
    for p in patterns():
        for form in p.parts[0]:
            idx.setdefault(form, []).append(p)
    return {k: tuple(v) for k, v in idx.items()}


@lru_cache(maxsize=1)
def pattern_words() -> frozenset[str]:
    """Every form any pattern word matches, wherever it stands in its pattern."""
    return frozenset(w for p in patterns() for part in p.parts if not isinstance(part, tuple) for w in part)


@lru_cache(maxsize=None)
def wordset(key: str) -> frozenset[str]:
    """A list from words.yaml as a lower-case set; an entry "@other" brings in the list
    `other`; "=word" is the word itself (see noun_wordset). A key the file lacks, or a
    list that takes itself in, is a bad data file."""
    return frozenset(w.lstrip("=") for w in _expand(key, ()))


@lru_cache(maxsize=None)
def noun_wordset(key: str) -> frozenset[str]:
    """A words.yaml list of nouns with each in both numbers, but an entry "=word" only as written."""
    return frozenset(f for w in _expand(key, ()) for f in ({w[1:]} if w.startswith("=") else noun_forms(w)))


def _expand(key: str, outer: tuple[str, ...]) -> list[str]:
    table = words()
    where = str(data_path("events/words.yaml"))
    if key not in table:
        raise DataFileError(where, None, f"no list named {key!r}")
    if key in outer:
        raise DataFileError(where, None, f"list {key!r} takes itself in (via {' -> '.join(outer)})")
    out = []
    for w in table[key] or ():
        w = str(w).lower()
        out += _expand(w[1:], (*outer, key)) if w.startswith("@") else [w]
    return out


@lru_cache(maxsize=None)
def inflected_wordset(key: str) -> frozenset[str]:
    """A words.yaml list of base words with every form a pattern word matches ("fly": flew, flown, flies...)."""
    irregular = {k: list(v) for k, v in (words().get("irregular") or {}).items()}
    return frozenset(f for w in wordset(key) for f in _inflect(w, irregular))


@lru_cache(maxsize=None)
def phrase_index(key: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Multi-word phrases of a words.yaml list by their first word, longest first ("@other" brings
    in the list `other`, as in wordset)."""
    phrases = [tuple(p.lstrip("=").split()) for p in _expand(key, ())]
    idx: dict[str, list[tuple[str, ...]]] = {}
    for ph in sorted(phrases, key=len, reverse=True):
        if ph:
            idx.setdefault(ph[0], []).append(ph)
    return {k: tuple(v) for k, v in idx.items()}


@lru_cache(maxsize=1)
def past_forms() -> frozenset[str]:
    """Irregular verb forms ("sent", "took"): "recalled it in 2000 and sent him back in 2005" tells two acts."""
    return frozenset(f for forms in (words().get("irregular") or {}).values() for f in forms
                     if not f.endswith(("ing", "s")))
