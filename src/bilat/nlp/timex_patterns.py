"""Finding time expressions: one compiled regex over a paragraph, built once
from the word lists in data/time_words.yaml. The handlers that turn each
match into an `Atom` (a time expression not yet anchored) are in
timex_atoms.

Alternatives are ordered most specific first: Python's regex alternation
takes the first alternative that matches at a position, not the longest.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..data import data_path, load_yaml
from ..errors import DataFileError
from .trie import trie


class Atom:
    """One time expression as read off the text, before anchoring.

    kind: "abs" (year known), "partial" (month/day, year from context),
    "rel" (shift n units from the reference), "dct" (shift from the
    document date), "value" (value fixed already), "tod" (time of day).
    """
    __slots__ = ("start", "end", "type", "kind", "y", "m", "d", "n", "unit",
                 "value", "tod", "approx", "link", "opt", "prec", "fut", "evrel")

    def __init__(self, start, end, type_="DATE", kind="abs", **kw):
        self.start, self.end, self.type, self.kind = start, end, type_, kind
        self.y = self.m = self.d = self.n = self.unit = self.value = self.tod = None
        self.approx = False
        self.link = None      # "/" or "," when joined to the next atom by a range/set
        self.opt = False      # a bare 3-digit number: a year only in some contexts
        self.prec = None      # for "rel": precision the result keeps ("Y", "M", "D")
        self.evrel = False    # "four days after <event>": counted from an event
        self.fut = False      # the sentence speaks of the future ("will meet in May")
        for k, v in kw.items():
            setattr(self, k, v)

    def __repr__(self):
        return f"Atom({self.start},{self.end},{self.kind},{self.y},{self.m},{self.d},{self.n},{self.unit},{self.value})"


_REQUIRED = ("months", "month_abbreviations", "month_homographs", "seasons", "season_homographs", "weekdays",
             "numbers", "vague_numbers", "ordinals", "units", "unit_plurals", "approximate", "parts_of_day",
             "references", "sets", "count_nouns", "not_date_before", "holidays", "eras_bc", "eras_ad")


@lru_cache(maxsize=1)
def words() -> dict:
    """The word lists of data/time_words.yaml, with derived lookups."""
    raw = load_yaml("time_words.yaml")
    missing = [k for k in _REQUIRED if not isinstance(raw, dict) or k not in raw]
    if missing:
        raise DataFileError(str(data_path("time_words.yaml")), None, f"missing keys: {', '.join(missing)}")
    w = dict(raw)  # a copy: the derived keys below stay ours
    w["_month"] = {**{k: v for k, v in w["month_abbreviations"].items()}, **w["months"]}
    w["_count"] = frozenset(x.lower() for x in w["count_nouns"])
    w["_notbefore"] = frozenset(x.lower() for x in w["not_date_before"])
    units = dict(w["units"])
    for pl, sg in w["unit_plurals"].items():
        units[pl] = units[sg]
    for sg in list(w["units"]):
        units.setdefault(sg + "s", units[sg])
    w["_units"] = units
    return w


def _alt(items) -> str:
    """The words as one alternation, a space standing for any whitespace. A trie: at each
    letter the engine follows one branch (and tries the longer words first, as a list
    sorted longest first would) instead of testing every word in turn."""
    return trie(items, lambda ch: r"\s+" if ch == " " else re.escape(ch))


@lru_cache(maxsize=1)
def _source() -> str:
    w = words()
    MF = _alt(w["months"])
    MA = _alt(w["month_abbreviations"])
    MON = rf"(?:(?:{MF})\b|(?:{MA})(?:\.|\b))"
    DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
    eras = sorted({e.lower() for e in w["eras_bc"] + w["eras_ad"]}, key=len, reverse=True)
    ERA = "(?:" + "|".join(re.escape(e).replace(r"\.", r"\.\s?") for e in eras) + r")(?![a-z])"
    Y4 = r"(?:1\d{3}|20\d{2})(?![.,]\d|\d)"
    YX = rf"(?:{Y4}|\d{{1,4}}(?=\s*{ERA}))"
    NUMW = _alt([k for k in w["numbers"] if k not in ("a", "an")])
    VAGUE = _alt(w["vague_numbers"])
    NUM = rf"(?:(?:{NUMW})(?:[\s-](?:{NUMW}))?|\d{{1,3}}(?:,\d{{3}})*|an?|{VAGUE})"
    UNIT = _alt(w["_units"])
    ORDW = _alt(w["ordinals"])
    SEAS = _alt(w["seasons"])
    WD = _alt(w["weekdays"])
    PRE = (r"(?:\b(?:very\s+)?(?:early|late|mid)(?:-|\s+in\s+(?:the\s+)?|\s+)"
           r"|\b(?:at\s+|by\s+|until\s+|till\s+)?(?:the\s+)?(?:end|beginning|start|middle|close|turn|first\s+half"
           r"|second\s+half|rest|remainder|first\s+days|last\s+days|first\s+weeks|last\s+weeks|first\s+part)"
           r"\s+of\s+(?:the\s+(?:year\s+)?)?)?")
    APPROX = _alt(w["approximate"])
    REFS = _alt(w["references"])
    HOL = _alt(w["holidays"])
    POD = _alt(w["parts_of_day"])
    REL = r"(?:next|following|previous|preceding|same|subsequent|succeeding|prior)"
    RUNIT = rf"(?:day|week|month|year|decade|century|morning|afternoon|evening|night|{SEAS})"
    LIM = (r"(?:(?:just|only|a\s+mere|some|about|around|nearly|almost|over|more\s+than|less\s+than"
           r"|roughly|barely|at\s+least|approximately|exactly|precisely)\s+)?")
    alts = [
        ("iso", r"\b(?P<iso_y>\d{4})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)(?:t(?P<iso_t>\d{2}:\d{2}))?\b"),
        ("drange", rf"\b(?P<dr_d1>{DAY})\s*(?:-|–|—|to|and|&)\s*(?:the\s+)?(?P<dr_d2>{DAY})(?:\s+of)?\s+"
                   rf"(?P<dr_m>{MON})(?:,?\s+(?P<dr_y>{Y4}))?"),
        ("mrange", rf"\b(?P<mr_m>{MON})\s+(?P<mr_d1>{DAY})\s*(?:-|–|—|to|and|&)\s*(?P<mr_d2>{DAY})(?!\s*{MON})"
                   rf"(?:,?\s+(?P<mr_y>{Y4}))?"),
        ("dmy", rf"{PRE}(?:\bthe\s+)?\b(?P<dmy_d>{DAY})(?:\s+of)?\s+(?P<dmy_m>{MON})"
                rf"(?:,?\s+(?P<dmy_y>{YX})(?:\s*(?P<dmy_e>{ERA}))?)?"),
        ("mdy", rf"{PRE}\b(?P<mdy_m>{MON})\s+(?P<mdy_d>{DAY})(?![.,:]?\d)(?!\s+(?:{UNIT})\b)"
                rf"(?:,?\s+(?P<mdy_y>{Y4}))?"),
        ("my", rf"{PRE}\b(?P<my_m>{MON})(?:,|\s+of)?\s+(?P<my_y>{YX})(?:\s*(?P<my_e>{ERA}))?"),
        ("season", rf"(?:\b(?P<se_det>the|that|this|last|next|in)\s+)?(?:\b(?:early|late|mid)[\s-]+(?:in\s+)?)?"
                   rf"\b(?P<se_s>{SEAS})\b(?:\s+(?:of\s+)?(?P<se_y>{YX})(?:\s*[-–/]\s*(?P<se_y2>\d{{4}}|\d{{2}})\b)?"
                   rf"(?:\s*(?P<se_e>{ERA}))?)?"),
        ("century", rf"(?:\bthe\s+)?(?:\b(?:early|late|mid|first\s+half\s+of\s+the|second\s+half\s+of\s+the)[\s-]+)?"
                    rf"\b(?P<ce_n>\d{{1,2}}(?:st|nd|rd|th)|{ORDW})[\s-]+century\b(?:\s*(?P<ce_e>{ERA}))?"),
        ("decade", rf"(?:\bthe\s+)?(?:\b(?:early|late|mid)[\s-]+)?(?:\b(?P<de_y>\d{{3}}0)'?s\b|(?<=the\s)(?P<de_t>\d0)'?s\b"
                   rf"|'(?P<de_s>\d0)s\b)"),
        ("yrange", rf"(?<![\d.,$€£/#])\b(?P<yr_a>{Y4})\s*(?:-|–|—|/)\s*(?P<yr_b>{Y4}|\d{{2}}(?!\d))"
                   rf"(?![.,]\d|-\d)(?:\s*(?P<yr_e>{ERA}))?"),
        ("relunit", rf"\b{LIM}(?P<ru_n>{NUM})[\s-]+(?P<ru_u>{UNIT})\s+(?:(?:or\s+so|and\s+a\s+half)\s+)?"
                    rf"(?P<ru_d>later|earlier|after|before|afterwards?|ago|previously|prior|on(?!\s+(?:\d|{MF}|the\s+\d))|hence|back)\b"),
        ("relbare", rf"\b(?P<rb_u>days|weeks|months|years|decades|hours)\s+(?P<rb_d>later|earlier|ago|afterwards?)\b"),
        ("relword", rf"(?:\b(?:later|earlier|early|late)\s+(?:in\s+)?)?\b(?:the|that)\s+(?P<rw_w>{REL})\s+(?P<rw_u>{RUNIT})\b"),
        ("relthat", rf"(?:\b(?P<rt_pre>later|earlier|early|late|by|at)\s+(?:in\s+)?)?\b(?P<rt_w>that|this|the\s+same|that\s+same)\s+"
                    rf"(?P<rt_u>day|week|month|year|morning|afternoon|evening|night|{SEAS})\b"),
        ("relthe", rf"\b(?:later|earlier|late|early)\s+in\s+the\s+(?P<rh_u>day|week|month|year)\b"
                   rf"|(?:\bat\s+)?\bthe\s+(?:end|beginning|start|middle|close|turn)\s+of\s+(?:the\s+)?(?P<rh_u2>week|month|year|decade|century)\b"
                   rf"|\bthe\s+day\s+(?P<rh_d>after|before)\b|\b(?P<rh_m>month|year)'s\s+end\b"),
        ("dctrel", rf"\b(?P<dc_w>last|next|this|past|coming|previous)\s+(?:fiscal\s+|financial\s+|calendar\s+)?(?P<dc_u>week|month|year|weekend|decade|century)\b(?!\s+of\b)"),
        ("dctword", r"\b(?P<dw>yesterday|tomorrow|tonight)\b"),
        ("weekday", rf"(?:\b(?P<wd_dir>last|next|this|coming|past)\s+)?\b(?P<wd_w>{WD})(?P<wd_pl>s)?\b"
                    rf"(?:\s+(?P<wd_p>morning|afternoon|evening|night))?"),
        ("time", rf"(?:\bat\s+)?\b(?P<tm_h>[01]?\d|2[0-3]):(?P<tm_mi>[0-5]\d)(?::\d\d)?(?:\s*(?P<tm_ap>[ap]\.?\s?m\b\.?|hrs\b|hours\b|h\b))?"
                 rf"|\b(?P<tm_h2>1[0-2]|0?[1-9])\s*(?P<tm_ap2>[ap]\.\s?m\.|[ap]m\b|o'clock\b)"),
        ("pod", rf"(?:\b(?P<pd_det>that|this|the|that\s+same|the\s+same|early\s+(?:the\s+next|that|in\s+the)|late\s+(?:that|in\s+the)|one)\s+)?"
                rf"\b(?P<pd_w>{POD})\b(?:\s+of\s+(?=\d|the\s+\d|{MF}))?"),
        ("set", rf"\b(?P<st_w>daily|nightly|weekly|monthly|annually|yearly)\b|\b(?:every|each)\s+(?:other\s+)?"
                rf"(?:(?P<st_n>{NUMW}|\d+)\s+)?(?P<st_u>{UNIT}|morning|evening|night|season|{SEAS}|{WD})\b"
                rf"|\b(?:once|twice|(?:{NUMW})\s+times)\s+(?:a|per|each|every)\s+(?P<st_u2>day|week|month|year)\b"),
        ("dur", rf"(?:\b(?:the|for|within|over)\s+)?(?:\b(?P<du_dir>past|last|next|first|following|coming|final|previous|initial|recent)\s+)?"
                rf"\b{LIM}(?P<du_n>{NUM})(?:\s+and\s+a\s+half)?(?:[\s-]+|(?<=\d))(?P<du_u>{UNIT})\b(?!-old)"),
        ("durbare", r"\b(?P<db_pre>for|within|over|recent|lasted|took|take|takes|spent|after|in\s+recent|set)\s+(?:(?:the\s+)?(?:past|last|next|following)\s+)?"
                    r"(?P<db_u>days|weeks|months|years|decades|centuries|hours|minutes)\b"),
        ("durvague", r"\bthe\s+(?:following|coming|succeeding|subsequent|intervening|ensuing|preceding|previous)\s+"
                     r"(?P<dv_u>days|weeks|months|years|decades|centuries)\b"),
        ("month", rf"{PRE}(?:\b(?P<mo_dir>last|next|this)\s+)?\b(?P<mo_m>{MF})\b"
                  rf"(?:\s+of\s+(?P<mo_rel>that|the\s+same|the\s+following|the\s+next|the\s+previous|this|last|next)\s+year)?"),
        ("year", rf"{PRE}(?:\b(?P<y_ap>{APPROX})\s*)?(?:\b(?P<y_ad>a\.\s?d\.|ad)\s*(?P<y_n1>\d{{1,4}})\b"
                 rf"|\b(?P<y_n2>\d{{1,4}})\s*(?P<y_e>{ERA})|(?<![\d.,$€£/#§])(?<!\d-)\b(?P<y_n3>{Y4})\b(?!%|\s%|-\d|–\d))"),
        ("y3", r"(?:(?<=\bin )|(?<=\bby )|(?<=\bof )|(?<=\buntil )|(?<=\bsince )|(?<=\bfrom )|(?<=\bto )|(?<=\band )"
               r"|(?<=\btill )|(?<=\byear )|(?<=\bbefore )|(?<=\bafter ))(?P<y3>\d{2,3})\b(?![.,]\d|%|\s*%)"),
        ("ref", rf"\b(?P<rf>{REFS})\b(?!\s+(?:{NUM}\s+)?(?:{UNIT})\b)"),
        ("holiday", rf"\b(?P<ho>{HOL})\b(?:\s+(?:of\s+)?(?P<ho_y>{Y4}))?(?:\s+(?P<ho_p>night|eve|morning))?"),
        ("ordday", r"\bthe\s+(?P<od>3[01]st|[12]\dth|2[123](?:nd|rd)|1st|2nd|3rd|[4-9]th)(?=\s*[,.;)])"),
    ]
    # One gate before the alternation: a position that is not a word start
    # fails at once instead of trying every alternative (most of the speed).
    strong = _core_words(w)
    weak = _first_words(w) - strong
    core = rf"(?:\d|(?:{trie(strong)})\b)"
    # A word start passes if its word is a core word (a month, a unit, a digit...),
    # or an opener ("the", "early", "three") with a core word within the next few words.
    gate = rf"\b(?={core}|(?:{trie(weak)})\b(?:\W+\w+){{0,5}}?\W+{core})|(?='\d)"
    return rf"(?:{gate})(?:" + "|".join(f"(?P<k_{n}>{p})" for n, p in alts) + ")"


# Words that can open a time expression (first words of the alternatives
# above, their optional prefixes included). A word start whose word is not
# one of these fails the gate at once: most of the tagger's speed.
_OPENERS = """ensuing intervening succeeding subsequent preceding very early late mid at by until till the end beginning start middle close turn first second
rest remainder last that this next in just only a an some about around nearly almost over more less roughly
barely approximately exactly precisely later earlier past coming previous one every each once twice per
for within recent lasted took take takes spent after set following final initial c ca circa year years
days weeks months years decades hours minutes half""".split()


def _core_words(w: dict) -> set[str]:
    """Words that are a time expression's core: every expression has one
    (or a digit) within a few words of its start."""
    out = set()
    for key in ("months", "month_abbreviations", "seasons", "weekdays", "_units", "parts_of_day", "sets"):
        out.update(w[key])
    for key in ("references", "holidays"):
        out.update(x for k in w[key] for x in re.split(r"[\s-]+", k) if x not in ("the", "in", "at", "right", "new",
                                                                                "these", "modern", "eve"))
    out.update(("yesterday", "tomorrow", "tonight", "dawn", "dusk", "noon", "midnight", "midday", "daily",
                "nightly", "weekly", "monthly", "annually", "yearly", "century", "centuries", "decade", "decades",
                "season", "seasons"))
    return {x.rstrip(".") for x in out if x}


def _first_words(w: dict) -> set[str]:
    out = set(_OPENERS)
    for key in ("months", "month_abbreviations", "seasons", "weekdays", "numbers", "ordinals", "_units",
                "parts_of_day", "references", "holidays", "sets"):
        out.update(k.split()[0].split("-")[0].rstrip(".") for k in w[key])
    out.update(k.split()[0].rstrip(".") for k in w["vague_numbers"] + w["approximate"])
    out.update(("yesterday", "tomorrow", "tonight", "dawn", "dusk", "a.d", "ad", "daily", "nightly", "weekly",
                "monthly", "annually", "yearly"))
    out.discard("")
    return out


@lru_cache(maxsize=1)
def master() -> re.Pattern:
    """The pattern, matched against the lower-cased text: case-sensitive
    literals let the regex engine skip alternatives by their first letter,
    several times faster than IGNORECASE. Handlers read the original text."""
    return re.compile(_source())


@lru_cache(maxsize=1)
def master_ignorecase() -> re.Pattern:
    """For the rare text whose lower-casing changes its length."""
    return re.compile(_source(), re.IGNORECASE)
