"""What a template shows in the plain-text rendering of a page.

Only templates that put words into the prose are rendered (convert, lang,
nowrap, flags, circa, dates, quotes...); everything else (citations,
navboxes, maintenance tags, other infoboxes) shows nothing. Text taken from
a parameter keeps its source offsets; generated text points at the
template's `{{`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from mwparserfromhell.nodes import Template

from ..data import load_yaml
from .convert import render_convert



@lru_cache(maxsize=None)
def months() -> tuple[str, ...]:
    """Month names, January first, from the temporal tagger's word list."""
    by_number: dict[int, str] = {}
    for name, number in load_yaml("time_words.yaml")["months"].items():
        by_number.setdefault(int(number), str(name).title())
    return tuple(by_number[n] for n in range(1, 13))

# Templates whose (last or only) positional parameter is the text shown.
_SHOW_TEXT = {
    "nowrap", "nobr", "nobreak", "no wrap", "small", "smaller", "big", "larger", "resize",
    "noitalic", "nobold", "nowrap begin", "sic", "visible anchor", "vanchor", "mvar", "math",
    "var", "samp", "kbd", "code", "serif", "sans-serif", "bold", "italic", "em", "strong",
    "angbr", "ubl", "plainlist", "flatlist", "plain list", "unbulleted list", "unbulleted",
    "blockquote", "quote", "quotation", "cquote", "quote box", "centered pull quote",
    "transl", "transliteration", "lang", "script", "ill", "interlanguage link",
    "interlanguage link multi", "illm", "abbr", "tooltip", "abbrlink", "nihongo", "keypress",
    "text", "lang-x", "hlist", "smallcaps", "sc", "midsize", "font", "color", "colour",
    "highlight", "blink", "underline", "strikethrough", "s", "lowercase", "uppercase",
    "proper name", "sic!", "linktext", "nq", "nastaliq", "rtl-lang", "noflag", "nts",
}
# Which positional parameter is shown, where not the only/first one.
_WHICH = {"lang": 2, "resize": -1, "transl": -1, "transliteration": -1, "script": 2,
          "font": 1, "color": 2, "colour": 2}
_FIXED = {"ndash": "–", "mdash": "—", "snd": " – ", "spaced ndash": " – ", "spnd": " – ",
          "spaced en dash": " – ", "nbsp": " ", "'": "'", "' \"": "'\"", "\" '": "\"'",
          "'s": "'s", "-": "", "clear": "", "zwsp": "", "thinsp": " ", "=": "=",
          "pipe": "|", "!": "|", "en dash": "–", "em dash": "—", "•": " • ", "dot": " · ",
          "·": " · ", "middot": "·", "bullet": " • ", "hyphen": "-", "minus": "−"}
_FLAGS = {"flag", "flagcountry", "flagu", "flag country", "flagbig", "flag link", "flagdeco+",
          "country flag", "flagcountry2"}
_DATES = {"start date", "end date", "start date and age", "end date and age", "birth date",
          "death date", "birth date and age", "death date and age", "dts", "date sort",
          "start-date", "end-date", "birth-date", "death-date", "date", "film date", "dob",
          "birth year and age", "death year and age", "sortdate"}
_CURRENCY = {"us$": "US$", "usd": "US$", "gbp": "£", "£": "£", "€": "€", "eur": "€",
             "nok": "NOK ", "rub": "₽", "cad": "CA$", "aud": "A$", "inr": "₹", "jpy": "¥",
             "yen": "¥", "cny": "CN¥", "a$": "A$", "ca$": "CA$", "sek": "SEK "}


def template_name(node: Template) -> str:
    name = str(node.name).strip().replace("_", " ")
    if name.lower().startswith("template:"):
        name = name[9:]
    name = " ".join(name.split())
    return name[:1].lower() + name[1:].lower() if name else ""


def params_with_offsets(node: Template, pos: int):
    """(param, offset of its value) for each parameter of a template at `pos`."""
    cur = pos + 2 + len(str(node.name))
    for p in node.params:
        cur += 1
        voff = cur + len(str(p.name)) + 1 if p.showkey else cur
        yield p, voff
        cur += len(str(p))


def render_template(r, node: Template, pos: int, out) -> None:
    """Append what `node` shows; `r` is the page renderer (for parameter markup)."""
    raw_name = str(node.name).strip()
    name = template_name(node)
    if name.startswith("#") or name.startswith("subst:"):
        return
    if name.startswith("formatnum:"):
        num = raw_name.split(":", 1)[1].strip()
        out.gen(_group(num), pos)
        return
    params = list(params_with_offsets(node, pos))
    positional = [(p, off) for p, off in params
                  if not p.showkey or str(p.name).strip().isdigit()]
    named = {str(p.name).strip().lower(): str(p.value).strip() for p, _ in params if p.showkey}

    def plain(p) -> str:
        return " ".join(str(p.value).split())

    def show(p, off) -> None:
        text, offs = r.inline(p.value, off)
        out.add(text, offs)

    if name in ("convert", "cvt"):
        text = render_convert([plain(p) for p, _ in positional], named)
        if text:
            out.gen(text, pos)
        return
    if name in _FIXED:
        out.gen(_FIXED[name], pos)
        return
    if name in _FLAGS:
        if "name" in named and named["name"]:
            out.gen(named["name"], pos)
        elif positional:
            show(*positional[0])
        return
    if name in ("circa", "c.", "ca.", "ca"):
        out.gen("c. ", pos)
        if positional:
            show(*positional[0])
        return
    if name in ("floruit", "fl.", "fl"):
        out.gen("fl. ", pos)
        if positional:
            show(*positional[0])
        return
    if name in _DATES:
        out.gen(_date([plain(p) for p, _ in positional]), pos)
        return
    if name in ("as of", "asof"):
        d = _date([plain(p) for p, _ in positional[:3]])
        if d:
            out.gen(("as of " if named.get("lc") in ("y", "yes") else "As of ") + d, pos)
        return
    if name in _CURRENCY:
        if positional:
            out.gen(_CURRENCY[name], pos)
            show(*positional[0])
        return
    if name in ("frac", "sfrac", "fraction"):
        vals = [plain(p) for p, _ in positional]
        if len(vals) == 3:
            out.gen(f"{vals[0]} {vals[1]}/{vals[2]}", pos)
        elif len(vals) == 2:
            out.gen(f"{vals[0]}/{vals[1]}", pos)
        elif vals:
            out.gen(f"1/{vals[0]}", pos)
        return
    if name.startswith("lang-") and positional:
        show(*positional[0])
        return
    if name in _SHOW_TEXT:
        if name in ("blockquote", "quote", "quotation", "cquote", "quote box",
                    "centered pull quote"):
            body = next(((p, o) for p, o in params if str(p.name).strip().lower() in ("text", "quote", "1")), None)
            if body:
                out.gen("\n\n", pos)
                r.render(body[0].value, body[1], out)
                out.gen("\n\n", pos + len(str(node)) - 1)
            return
        if name in ("plainlist", "flatlist", "plain list", "hlist", "ubl", "unbulleted list",
                    "unbulleted"):
            items = positional if name in ("hlist", "ubl", "unbulleted list", "unbulleted") else positional[:1]
            for k, (p, o) in enumerate(items):
                if k:
                    out.gen(", ", o)
                show(p, o)
            return
        if not positional:
            return
        which = _WHICH.get(name, 1)
        idx = which - 1 if which > 0 else which
        if name in ("lang", "script") and len(positional) < 2:
            idx = 0
        if -len(positional) <= idx < len(positional):
            show(*positional[idx])
        return
    # citations, navboxes, maintenance tags, other infoboxes: nothing shown


def _date(parts: list[str]) -> str:
    """'30 October 1905' from ['1905', '10', '30'] or ['1905-10-30']; '' if no date."""
    parts = [p for p in parts if "=" not in p]
    while parts and not parts[-1]:
        parts.pop()
    if len(parts) == 1 and re.fullmatch(r"\d{3,4}-\d{1,2}(-\d{1,2})?", parts[0]):
        parts = parts[0].split("-")
    if not parts:
        return ""
    y = parts[0]
    if not re.fullmatch(r"-?\d{1,4}", y):
        if len(parts) > 1 and not y:
            y = ""
        else:
            return " ".join(parts)       # free text: {{start-date|30 October 1905}}
    month = ""
    names = months()
    if len(parts) > 1:
        m = parts[1]
        if m.isdigit() and 1 <= int(m) <= 12:
            month = names[int(m) - 1]
        elif m[:3].title() in [x[:3] for x in names]:
            month = next(x for x in names if x[:3] == m[:3].title())
    day = parts[2] if len(parts) > 2 and parts[2].isdigit() else ""
    pieces = [str(int(day))] if day and month else []
    if month:
        pieces.append(month)
    if y:
        pieces.append(y)
    return " ".join(pieces)


def _group(num: str) -> str:
    try:
        x = float(num.replace(",", ""))
    except ValueError:
        return num
    return f"{x:,.{len(num.split('.', 1)[1]) if '.' in num else 0}f}"
