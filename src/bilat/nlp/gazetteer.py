"""Names of countries, predecessor polities, organisations and places.

One `Gazetteer` (see `gazetteer()`) loads src/bilat/data/countries.tsv,
polities.tsv and organisations.tsv when first asked for, and the large
places.tsv.gz (GeoNames) plus places_extra.tsv only when a place is first
looked up, so start-up stays fast.

Conventions in the name lists (|-separated):
  ~Name   recorded and found by resolve(), never matched in running text
          (ambiguous, or an ordinary word: "~Victoria", "~Congolese");
  Name-   a combining form, matched only right before a dash ("Sino-Russian").

When one name is listed for two codes, the stronger listing wins: an ISO
code over a name, a name or official name over a demonym, adjective,
capital or alias, any of these over a ~name. Two listings of equal strength
for different codes are a data error, except two ~names, which make the name
ambiguous (it then resolves to nothing).
"""
from __future__ import annotations

import gc
import gzip
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, repeat
from operator import itemgetter
from pathlib import Path
from typing import Iterator

from ..data import data_path, iter_tsv, load_lines
from ..errors import DataFileError
from .trie import trie


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name: str
    official: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    adjectives: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    code: str        # ISO 3166-1 alpha-3, or an organisation code (EUR, NATO, UN)
    kind: str        # "country" | "demonym" | "adjective" | "capital" | "polity" | "org"
    polity: str | None = None   # for kind "polity": the polity's own name ("Novgorod Republic")


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None
    lat: float
    lon: float
    population: int = 0
    kind: str = "city"



# ---------------------------------------------------------------- normalising

# Letters NFKD leaves alone, and the dash and apostrophe variants of real text.
_FOLD = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ß": "ss", "ł": "l", "Ł": "L",
                       "đ": "d", "Đ": "D", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D",
                       "œ": "oe", "Œ": "Oe", "ı": "i", "ʻ": "'", "ʼ": "'", "’": "'", "‘": "'",
                       "`": "'", "´": "'", "–": "-", "—": "-", "‐": "-", "‑": "-", "‒": "-",
                       "−": "-", "\u00a0": " "})


def fold(s: str) -> str:
    """Accents, dash and apostrophe variants off, case kept: "Tromsø" -> "Tromso"."""
    s = s.translate(_FOLD)
    if s.isascii():
        return s
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


_DROP_DOTS = str.maketrans({".": ""})


def name_key(s: str) -> str:
    """The key resolve() looks names up by: folded, case-free, no dots, no leading "the"."""
    s = " ".join(fold(s).casefold().translate(_DROP_DOTS).split())
    return s[4:] if s.startswith("the ") else s


# Place keys keep letters and digits only, so "Sankt-Peterburg", "sankt peterburg"
# and "St. Petersburg" differ only in the words that _PLACE_WORDS varies.
_PLACE_DROP = b" -.',()/"
_PLACE_WORDS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_PLACE_ABBR = {v: k for k, v in _PLACE_WORDS.items()}


def ascii_fold(s: str) -> str:
    """fold(), then anything still outside ASCII dropped: "Tromsø" -> "Tromso"."""
    return fold(s).encode("ascii", "ignore").decode("ascii")


def place_key(s: str) -> str:
    """The key place() looks names up by: "St. Petersburg" -> "stpetersburg"."""
    return ascii_fold(s).lower().encode("ascii").translate(None, _PLACE_DROP).decode("ascii")


def _place_keys(s: str) -> list[str]:
    """The name's key, then with "St." spelled out and "Saint" cut short."""
    words = ascii_fold(s).lower().replace("-", " ").replace(".", " ").split()
    out = []
    for variant in (words, [_PLACE_WORDS.get(w, w) for w in words], [_PLACE_ABBR.get(w, w) for w in words]):
        key = place_key(" ".join(variant))
        if key and key not in out:
            out.append(key)
    return out


_TOKEN = re.compile(r"\w+|[^\w\s]")


def _tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, folded token) for words and single punctuation marks."""
    end = len(text) if end is None else end
    found = _TOKEN.finditer(text, start, end)
    if text[start:end].isascii():         # most sentences: nothing to fold, token by token
        return [(m.start(), m.end(), m.group()) for m in found]
    return [(m.start(), m.end(), tok if tok.isascii() else fold(tok)) for m in found for tok in (m.group(),)]


_WORD_CHAR = re.compile(r"\w")


class _LazyTokens:
    """_tokens(text, start, end) of ASCII text, cut only as far as they are read."""

    def __init__(self, text: str, start: int, end: int):
        self._it = _TOKEN.finditer(text, start, end)
        self._toks: list[tuple[int, int, str]] = []

    def __getitem__(self, j: int) -> tuple[int, int, str]:
        toks = self._toks
        while len(toks) <= j:
            m = next(self._it, None)
            if m is None:
                raise IndexError(j)
            toks.append((m.start(), m.end(), m.group()))
        return toks[j]


def _surface_key(name: str) -> str:
    """A name as the token matcher sees it: tokens, one space where the name had any."""
    out, last = [], None
    for s, e, tok in _tokens(name):
        if last is not None and s > last:
            out.append(" ")
        out.append(tok)
        last = e
    return "".join(out)


# ---------------------------------------------------------------- reading

def _read_tsv(path: Path, columns: tuple[str, ...], required: tuple[str, ...]
              ) -> Iterator[tuple[int, dict[str, str]]]:
    return iter_tsv(path, required, columns)


def _names(path: Path, line: int, cell: str) -> tuple[str, ...]:
    """A |-separated list, its ~ and - marks kept (see the module doc)."""
    if not cell:
        return ()
    items = cell.split("|")
    for item in items:
        if not item.strip() or item != item.strip() or item.strip("~-") == "":
            raise DataFileError(str(path), line, f"bad name list {cell!r}: empty or padded item")
    return tuple(items)


def _plain(items: tuple[str, ...]) -> tuple[str, ...]:
    """The names as a Country records them: no ~ marks, no combining forms ("Sino-")."""
    return tuple(i.lstrip("~") for i in items if not i.endswith("-"))


_ISO3 = re.compile(r"[A-Z]{3}\Z")
_ISO2 = re.compile(r"[A-Z]{2}\Z")
_ORG = re.compile(r"[A-Z][A-Z0-9]{1,9}\Z")


def load_countries(path: Path | None = None) -> list[tuple[int, Country, dict[str, tuple[str, ...]]]]:
    """(line, Country, raw name lists with their ~ and - marks) per row of countries.tsv."""
    path = path or data_path("countries.tsv")
    cols = ("iso3", "iso2", "name", "official", "names", "demonyms", "adjectives", "capitals")
    out: list = []
    seen: dict[str, int] = {}
    for n, row in _read_tsv(path, cols, ("iso3", "iso2", "name", "official", "demonyms", "adjectives")):
        if not _ISO3.match(row["iso3"]) or not _ISO2.match(row["iso2"]):
            raise DataFileError(str(path), n, f"bad ISO codes {row['iso3']!r}/{row['iso2']!r}")
        for code in (row["iso3"], row["iso2"]):
            if code in seen:
                raise DataFileError(str(path), n, f"code {code} already on line {seen[code]}")
            seen[code] = n
        raw = {c: _names(path, n, row[c]) for c in ("names", "demonyms", "adjectives", "capitals")}
        out.append((n, Country(row["iso3"], row["iso2"], row["name"], row["official"],
                               *(_plain(raw[c]) for c in ("names", "demonyms", "adjectives", "capitals"))), raw))
    return out


def load_polities(path: Path | None = None) -> list[tuple[int, str, str, tuple[str, ...]]]:
    """(line, name, code, aliases) per row of polities.tsv."""
    path = path or data_path("polities.tsv")
    out = []
    for n, row in _read_tsv(path, ("name", "code", "aliases"), ("name", "code")):
        if not _ISO3.match(row["code"]):
            raise DataFileError(str(path), n, f"bad ISO 3166-1 alpha-3 code {row['code']!r}")
        out.append((n, row["name"], row["code"], _names(path, n, row["aliases"])))
    return out


def load_organisations(path: Path | None = None) -> list[tuple[int, str, str, tuple[str, ...]]]:
    """(line, code, name, aliases) per row of organisations.tsv."""
    path = path or data_path("organisations.tsv")
    out = []
    for n, row in _read_tsv(path, ("code", "name", "aliases"), ("code", "name")):
        if not _ORG.match(row["code"]):
            raise DataFileError(str(path), n, f"bad organisation code {row['code']!r}")
        out.append((n, row["code"], row["name"], _names(path, n, row["aliases"])))
    return out


def _coords(path: Path, line: int, lat: str, lon: str) -> tuple[float, float]:
    try:
        la, lo = float(lat), float(lon)
    except ValueError:
        raise DataFileError(str(path), line, f"bad coordinates {lat!r}, {lon!r}") from None
    if not (-90 <= la <= 90 and -180 <= lo <= 180):
        raise DataFileError(str(path), line, f"coordinates out of range {lat}, {lon}")
    return la, lo


def load_places_extra(path: Path | None = None) -> list[tuple[int, Place, tuple[str, ...]]]:
    """(line, Place, aliases) per row of places_extra.tsv."""
    path = path or data_path("places_extra.tsv")
    out = []
    cols = ("name", "aliases", "country", "lat", "lon", "kind")
    for n, row in _read_tsv(path, cols, ("name", "country", "lat", "lon", "kind")):
        if not _ISO3.match(row["country"]):
            raise DataFileError(str(path), n, f"bad ISO 3166-1 alpha-3 code {row['country']!r}")
        lat, lon = _coords(path, n, row["lat"], row["lon"])
        out.append((n, Place(row["name"], row["country"], lat, lon, 0, row["kind"]),
                    _names(path, n, row["aliases"])))
    return out


_PLACE_COLS = ("name", "asciiname", "alternates", "country", "lat", "lon", "population", "admin1")


class _Places:
    """GeoNames places, built for a fast first load: the file is sorted by population
    and its asciiname and alternates columns are ASCII (see scripts/build_places.py),
    so all keys come from a few whole-buffer byte operations. Rows are parsed into a
    Place only when asked for."""

    def __init__(self, path: Path):
        self.path = path
        try:
            raw = gzip.decompress(path.read_bytes())
        except (OSError, EOFError, gzip.BadGzipFile) as e:
            raise DataFileError(str(path), None, f"cannot read: {e}") from None
        self.lines = raw.split(b"\n")
        if self.lines and not self.lines[-1]:
            self.lines.pop()
        if not self.lines or tuple(self.lines[0].decode("utf-8", "replace").split("\t")) != _PLACE_COLS:
            raise DataFileError(str(path), 1, f"header must be {' '.join(_PLACE_COLS)}")
        tabs = len(_PLACE_COLS) - 1
        if any(n != tabs for n in map(bytes.count, self.lines, repeat(b"\t"))):
            bad = next(i for i, ln in enumerate(self.lines) if ln.count(b"\t") != tabs)
            raise DataFileError(str(path), bad + 1, f"expected {len(_PLACE_COLS)} tab-separated cells")
        # Whole-buffer byte operations and C-level maps only (and no cyclic GC passes
        # over the fresh lists): 170,000 rows load in about half a second. Rows are
        # sorted by population; dict() keeps the last value given for a key, so
        # feeding it in reverse keeps the most populous row.
        self.keys = raw.lower().translate(None, _PLACE_DROP)   # tabs, bars, newlines stay
        gc_was_on = gc.isenabled()
        gc.disable()
        try:
            cells = list(map(bytes.split, self.keys.rstrip(b"\n").split(b"\n"), repeat(b"\t"), repeat(3)))
            del cells[0]                                          # the header
            alts = list(map(bytes.split, map(itemgetter(2), cells), repeat(b"|")))
            keys = list(map(itemgetter(1), cells))
            keys += chain.from_iterable(alts)
            rows = list(range(1, len(cells) + 1))
            rows += chain.from_iterable(map(repeat, range(1, len(cells) + 1), map(len, alts)))
            self.first: dict[bytes, int] = dict(zip(reversed(keys), reversed(rows)))
            del cells, alts, keys, rows
        finally:
            if gc_was_on:
                gc.enable()
        self.first.pop(b"", None)
        self._by_country: dict[str, dict[bytes, int]] = {}
        self._country_rows: dict[bytes, list[int]] | None = None
        self._key_lines: list[bytes] = []

    def place(self, i: int) -> Place:
        try:
            name, _, _, country, lat, lon, pop, _ = self.lines[i].decode("utf-8").split("\t")
            population = int(pop)
        except (UnicodeDecodeError, ValueError):
            raise DataFileError(str(self.path), i + 1, "bad row: expected name, ..., population, admin1") from None
        la, lo = _coords(self.path, i + 1, lat, lon)
        return Place(name, country or None, la, lo, population, "city")

    def in_country(self, code: str) -> dict[bytes, int]:
        """Key -> most populous row of that name in one country. The rows are grouped
        by country once; a country's own index is then built from its rows alone."""
        idx = self._by_country.get(code)
        if idx is None:
            if self._country_rows is None:
                groups: dict[bytes, list[int]] = {}
                for i in range(1, len(self.lines)):
                    groups.setdefault(self.lines[i].split(b"\t", 4)[3], []).append(i)
                self._country_rows = groups
                self._key_lines = self.keys.split(b"\n")
            idx = {}
            for i in self._country_rows.get(code.encode("ascii", "replace"), ()):
                cells = self._key_lines[i].split(b"\t", 3)
                for k in [cells[1], *cells[2].split(b"|")]:
                    if k and k not in idx:        # rows run from most to least populous
                        idx[k] = i
            self._by_country[code] = idx
        return idx



# ---------------------------------------------------------------- the gazetteer

# Strength of a listing when two codes claim one name (see module doc).
_CODE, _NAME, _OTHER, _WEAK = 3, 2, 1, 0


@dataclass(frozen=True)
class _Entry:
    code: str
    kind: str
    polity: str | None
    strength: int


class Gazetteer:
    def __init__(self, data_dir: Path | None = None):
        self._dir = data_dir
        self._countries: dict[str, Country] = {}
        self._by_iso2: dict[str, str] = {}
        self._resolve: dict[str, _Entry | None] = {}
        self._where: dict[str, tuple[Path, int]] = {}
        self._place_cache: dict[tuple[str, str | None], Place | None] = {}
        self._surface: dict[str, tuple[_Entry | None, bool]] = {}
        self._load_names()
        self._extra: dict[str, list[Place]] | None = None
        self._rx: re.Pattern | None = None      # _names_rx, built at the first lookup
        self._places: _Places | None = None

    def _path(self, name: str) -> Path:
        return self._dir / name if self._dir else data_path(name)

    # -- loading

    def _load_names(self) -> None:
        cpath = self._path("countries.tsv")
        for n, c, raw in load_countries(cpath):
            self._countries[c.iso3] = c
            self._by_iso2[c.iso2] = c.iso3
            for code in (c.iso3, c.iso2):
                self._add(code, _Entry(c.iso3, "country", None, _CODE), cpath, n, surface=False)
            for text in (c.name, c.official):
                self._add(text, _Entry(c.iso3, "country", None, _NAME), cpath, n)
            for field, kind, strength in (("names", "country", _NAME), ("adjectives", "adjective", _OTHER),
                                          ("demonyms", "demonym", _OTHER), ("capitals", "capital", _OTHER)):
                for text in raw[field]:
                    self._add_marked(text, c.iso3, kind, None, strength, cpath, n)
        ppath = self._path("polities.tsv")
        for n, name, code, aliases in load_polities(ppath):
            if code not in self._countries:
                raise DataFileError(str(ppath), n, f"code {code} is not in countries.tsv")
            self._add(name, _Entry(code, "polity", name, _NAME), ppath, n)
            for text in aliases:
                self._add_marked(text, code, "polity", name, _OTHER, ppath, n)
        opath = self._path("organisations.tsv")
        for n, code, name, aliases in load_organisations(opath):
            if code in self._countries or code in self._by_iso2:
                raise DataFileError(str(opath), n, f"organisation code {code} is a country code")
            self._add(code, _Entry(code, "org", None, _NAME), opath, n, surface=False)
            self._add(name, _Entry(code, "org", None, _NAME), opath, n)
            for text in aliases:
                self._add_marked(text, code, "org", None, _OTHER, opath, n)
        for text in load_lines("not_mentions.txt", self._path("not_mentions.txt")):
            self._surface[_surface_key(text)] = (None, False)
        # Every proper prefix of a surface key, so the matcher stops early.
        self._prefixes: set[str] = set()
        for key in self._surface:
            for _, e, _ in _tokens(key):
                self._prefixes.add(key[:e])
        self._first = {_tokens(k)[0][2] for k in self._surface}

    @property
    def _names_rx(self) -> re.Pattern:
        if self._rx is None:
            self._rx = self._build_names_rx()
        return self._rx

    def _build_names_rx(self) -> re.Pattern:
        """The surface names as one regex over ASCII text, longest first at each letter: a
        space in a name stands for any whitespace, and a name ending in a letter or digit
        ends where the word does (as the token walk of _longest reads them)."""
        end = "\uffff"                       # sorts after the letters: the longer names are tried first

        def escape(ch: str) -> str:
            return r"\s+" if ch == " " else r"(?!\w)" if ch == end else re.escape(ch)

        names = [k + end if _WORD_CHAR.match(k[-1]) else k for k in self._surface if k.isascii()]
        return re.compile(trie(names, escape) or "(?!)")

    def _add_marked(self, text: str, code: str, kind: str, polity: str | None, strength: int,
                    path: Path, line: int) -> None:
        weak = text.startswith("~")
        self._add(text.lstrip("~"), _Entry(code, kind, polity, _WEAK if weak else strength),
                  path, line, surface=not weak)

    def _add(self, text: str, entry: _Entry, path: Path, line: int, surface: bool = True) -> None:
        key = name_key(text)
        if key in self._resolve or key in self._where:
            old = self._resolve.get(key)
            if old is None:                       # already ambiguous
                if entry.strength > _WEAK:
                    self._resolve[key] = entry
            elif old.code == entry.code or old.strength != entry.strength:
                if entry.strength > old.strength:
                    self._resolve[key] = entry
            elif entry.strength == _WEAK:
                self._resolve[key] = None
            else:
                p, ln = self._where[key]
                raise DataFileError(str(path), line, f"{text!r} means {entry.code} here but "
                                                     f"{old.code} at {p.name}:{ln}")
        else:
            self._resolve[key] = entry
            self._where[key] = (path, line)
        if surface:
            dash = text.endswith("-")
            skey = _surface_key(text[4:] if text.startswith(("the ", "The ")) and len(text) > 4 and
                                not text[4:5].islower() else text)
            # A tie between two codes here would have failed the resolve check above.
            old_s = self._surface.get(skey)
            if old_s is None or (old_s[0] is not None and entry.strength > old_s[0].strength):
                self._surface[skey] = (entry, dash)

    def _load_places(self) -> None:
        if self._extra is not None:
            return
        epath = self._path("places_extra.tsv")
        extra: dict[str, list[Place]] = {}
        for n, p, aliases in load_places_extra(epath):
            if p.country not in self._countries:
                raise DataFileError(str(epath), n, f"country {p.country} is not in countries.tsv")
            for k in {k for name in (p.name, *aliases) for k in _place_keys(name)}:
                extra.setdefault(k, []).append(p)
        self._places = _Places(self._path("places.tsv.gz"))
        self._extra = extra

    # -- the API

    def country(self, code: str) -> Country | None:
        """By ISO 3166-1 alpha-3 or alpha-2, case-insensitive."""
        code = (code or "").strip().upper()
        return self._countries.get(self._by_iso2.get(code, code))

    def countries(self) -> list[Country]:
        return list(self._countries.values())

    def resolve(self, name: str) -> str | None:
        """Any country name, official name, alias, demonym, adjective, capital, ISO code,
        polity or organisation name -> its code; None if unknown or ambiguous."""
        entry = self._resolve.get(name_key(name or ""))
        return entry.code if entry else None

    def polity_name(self, text: str) -> str | None:
        """"Soviets" -> "Soviet Union"; None if `text` names no polity."""
        entry = self._resolve.get(name_key(text or ""))
        return entry.polity if entry and entry.kind == "polity" else None

    def mentions(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Every mention in text[start:end], offsets into `text`, in order: longest match
        wins, no overlaps, whole words only, names as capitalised in the data."""
        end = len(text) if end is None else end
        if not text[start:end].isascii():
            return self._mentions_folded(text, start, end)
        # Nothing to fold: the names are one regex (_names_rx), which finds the longest
        # at each word that starts one, instead of a walk over every token.
        out: list[Mention] = []
        rx = self._names_rx
        pos = start
        while (m := rx.search(text, pos, end)) is not None:
            i = m.start()
            if i > start and _WORD_CHAR.match(text, i) and _WORD_CHAR.match(text, i - 1):
                pos = i + 1                   # inside a word ("CUSA"): no token starts here
                continue
            key = " ".join(m.group().split())
            entry, dash = self._surface[key]
            if entry is not None and entry.kind == "polity" and "-" in key:
                # "Denmark–Norway relations" may make a shorter name the longest: walk the tokens
                toks = _LazyTokens(text, i, end)
                found = self._longest(toks, 0)
                pos = i + 1 if found is None else self._add_mention(out, text, toks, 0, *found)
                continue
            m_end = m.end()
            if dash:                          # "Sino-": the name is the part before the dash
                m_end -= 1
                while text[m_end - 1].isspace():
                    m_end -= 1
            if entry is not None and not text.startswith("$", m_end):   # "US$300 million": a currency
                out.append(Mention(i, m_end, text[i:m_end], entry.code, entry.kind, entry.polity))
            pos = m_end
        return out

    def _mentions_folded(self, text: str, start: int, end: int) -> list[Mention]:
        """mentions() of a text with letters to fold: every token is looked at."""
        toks = _tokens(text, start, end)
        out: list[Mention] = []
        first = self._first
        free = 0                              # the first token not inside a mention found
        # only a word that can start a name starts a match: most words are skipped here, in one pass
        for i in [k for k, t in enumerate(toks) if t[2] in first]:
            if i < free:
                continue
            found = self._longest(toks, i)
            if found is not None:
                self._add_mention(out, text, toks, i, *found)
                j, (_, dash) = found
                free = j if dash else j + 1
        return out

    def _longest(self, toks, i: int) -> tuple[int, tuple[_Entry | None, bool]] | None:
        """The longest surface name from token i on: (its last token, (entry, dash))."""
        surface, prefixes = self._surface, self._prefixes
        key, best, j, last_end = "", None, i, None
        while True:
            try:
                s, e, tok = toks[j]
            except IndexError:                # the text ends
                break
            key = key + (" " if last_end is not None and s > last_end else "") + tok
            last_end = e
            if key in surface and not self._pair_title(surface[key][0], key, toks, j):
                best = (j, surface[key])
            if key not in prefixes:
                break
            j += 1
        return best

    @staticmethod
    def _add_mention(out: list[Mention], text: str, toks, i: int, j: int, found: tuple[_Entry | None, bool]) -> int:
        """Record the name of tokens i..j (unless it is no mention); returns its end."""
        entry, dash = found
        m_start, m_end = toks[i][0], toks[j - 1 if dash else j][1]
        # "Sino-": the name is the part before the dash; the dash is left
        # unmatched and what follows it is looked at as a word of its own.
        if entry is not None and not text.startswith("$", m_end):   # "US$300 million": a currency
            out.append(Mention(m_start, m_end, text[m_start:m_end], entry.code, entry.kind, entry.polity))
        return m_end

    @staticmethod
    def _pair_title(entry: _Entry | None, key: str, toks, j: int) -> bool:
        """"Denmark–Norway relations" names two states, not the union Denmark–Norway."""
        if entry is None or entry.kind != "polity" or "-" not in key:
            return False
        try:
            return toks[j + 1][2].lower() == "relations"
        except IndexError:
            return False

    def place(self, name: str, country: str | None = None) -> Place | None:
        """Hand-added places first, then GeoNames; the given country's first, then any;
        among equals the larger population. Accent-, case- and "St."-insensitive."""
        # the same names come back sentence after sentence and article after article
        key = (name, country)
        if key not in self._place_cache:
            if len(self._place_cache) > 100_000:
                self._place_cache.clear()
            self._place_cache[key] = self._find_place(name, country)
        return self._place_cache[key]

    def _find_place(self, name: str, country: str | None) -> Place | None:
        self._load_places()
        assert self._extra is not None and self._places is not None
        keys = _place_keys(name or "")
        extra = [p for k in keys for p in self._extra.get(k, ())]
        known = [k for k in keys if k.encode("ascii") in self._places.first]
        code = None
        if country:
            c = self.country(country)
            code = c.iso3 if c else country.strip().upper()
            for p in extra:
                if p.country == code:
                    return p
            local = self._places.in_country(code)
            rows = [local[k.encode("ascii")] for k in known if k.encode("ascii") in local]
            if rows:
                return self._places.place(min(rows))
        if extra:
            return extra[0]
        if not known:
            return None
        return self._places.place(min(self._places.first[k.encode("ascii")] for k in known))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer over the bundled data, loaded once."""
    return Gazetteer()
