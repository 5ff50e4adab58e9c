"""Reader for MediaWiki wikitext: the same Article the plain-text reader gives.

The page is parsed with mwparserfromhell and rendered to the plain-text
rendering (`= Title =`, an `Infobox` block, the lead, `==Section==` headings,
`- item` lists), then sections are found by the plain-text reader itself, so
the extractors see one format. Every character of the derived text keeps
the offset of the source character (or of the construct) it came from in
`Article.offsets`.

A node's place in the source is not stored by mwparserfromhell, but its
string form is the source, exactly: offsets are running sums of `len(str())`.
"""
from __future__ import annotations

import re
from dataclasses import replace

import mwparserfromhell
from mwparserfromhell.nodes import (Argument, Comment, ExternalLink, Heading, HTMLEntity, Tag,
                                    Template, Text, Wikilink)
from mwparserfromhell.wikicode import Wikicode

from ..errors import SourceError
from ..model import Article
from .plaintext import read_plaintext
from .templates import params_with_offsets, render_template, template_name
from .unclosed import CLOSERS, unclosed_at_end

# Markers in the first rendering, turned into structure line by line.
LIST, HEAD, BR, INDENT = "\x01", "\x02", "\x03", "\x05"
_SEPARATORS = r"\s\x00-\x08"

_REDIRECT_RE = re.compile(r"\A\s*#\s*(?:REDIRECT|WEITERLEITUNG|REDIRECTION|REDIRECCIÓN)\s*:?\s*"
                          r"\[\[\s*([^\]|]+?)\s*(?:\|[^\]]*)?\]\]", re.I)
# Leftovers of markup mwparserfromhell left as text (unbalanced or truncated).
_JUNK_RE = re.compile(r"__[A-Z]{3,}__|\[\[|\]\]|\{\{+|\}\}+|\{\||^\s*\|\}|'{2,}|</?ref\b[^>]*>|[\x00-\x08]",
                      re.I | re.M)
_TOKEN_RE = re.compile(rf"[^{_SEPARATORS}]+")
_TABLE_EDGE_RE = re.compile(r"^[ \t:]*(\{\||\|\})", re.M)
_HIDDEN_NS = {"file", "image", "category", "media", "datei", "bild", "kategorie", "fichier",
              "catégorie", "archivo", "imagen", "categoría", "categoria", "ficheiro", "immagine"}
_INTERWIKI = {"w", "wikipedia", "wikt", "wiktionary", "s", "wikisource", "b", "wikibooks",
              "n", "wikinews", "q", "wikiquote", "v", "wikiversity", "voy", "wikivoyage",
              "commons", "c", "species", "d", "wikidata", "m", "meta", "mw"}
_LANG_PREFIX_RE = re.compile(r"[a-z]{2,3}(?:-[a-z]+)*")
_DROP_TAGS = {"ref", "references", "gallery", "math", "score", "timeline", "imagemap",
              "templatedata", "includeonly", "noinclude", "mapframe", "maplink", "graph",
              "style", "script", "inputbox", "categorytree", "charinsert", "hiero", "table",
              "syntaxhighlight", "source", "chem", "ce", "section", "indicator", "templatestyles"}
_BLOCK_TAGS = {"blockquote", "poem", "div", "p", "center", "pre", "ul", "ol", "dl"}
_HEADING_LINE_RE = re.compile(r"^=+[^=\n].*=+[ \t]*$", re.M)
RELATIONS_INFOBOX = "infobox bilateral relations"


class _Out:
    """Rendered characters and, for each, its source offset."""
    __slots__ = ("parts", "offs")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offs: list[int] = []

    def src(self, s: str, off: int) -> None:
        if s:
            self.parts.append(s)
            self.offs.extend(range(off, off + len(s)))

    def gen(self, s: str, off: int) -> None:
        if s:
            self.parts.append(s)
            self.offs.extend([off] * len(s))

    def add(self, text: str, offs: list[int]) -> None:
        self.parts.append(text)
        self.offs.extend(offs)

    def text(self) -> str:
        return "".join(self.parts)


def read_wikitext(text: str, where: str = "<text>", title: str | None = None,
                  *, fallback_title: str | None = None) -> Article:
    """Parse MediaWiki markup into an Article with offsets back into `text`.

    `title` wins over what the page says; `fallback_title` (a guess from a
    file name) is used only when the page names nothing."""
    if not text or not text.strip():
        raise SourceError(where, "empty input; expected an article")
    m = _REDIRECT_RE.match(text)
    if m:
        raise SourceError(where, f"redirect to {m.group(1)}; expected an article")
    unclosed = unclosed_at_end(text)
    source = text
    if unclosed and not _HEADING_LINE_RE.search(text, unclosed[0][1]):
        # The page ends inside a construct: close it so what precedes reads normally.
        source = text + "".join(CLOSERS[k] for k, _, _ in reversed(unclosed))
    else:
        unclosed = []
    code = mwparserfromhell.parse(source)
    limit = len(text) - 1

    r = _Renderer(source)
    box_node, box_pos = _find_infobox(code)
    body = _Out()
    r.render(code, 0, body, skip=box_node)
    body_text, body_offs = _blocks(body.text(), body.offs)
    if not body_text.strip():
        if unclosed:
            kind, pos, label = unclosed[0]
            line = text.count("\n", 0, pos) + 1
            raise SourceError(where, f"line {line}: truncated wikitext: unclosed {label} opened here")
        raise SourceError(where, "no article text in the wikitext")

    infobox: dict[str, str] = {}
    box_lines: list = []
    if box_node is not None:
        infobox, box_lines = r.infobox(box_node, box_pos)
    page_title, title_off = _title(r, code, title, box_node, box_pos, fallback_title)

    out = _Out()
    out.gen(f"= {page_title} =\n\n", title_off)
    if box_lines:
        out.gen("Infobox\n", box_pos)
        for line_text, line_offs in box_lines:
            out.add(line_text, line_offs)
        out.gen("\n", box_pos + len(str(box_node)) - 1)
    out.add(body_text, body_offs)
    full = out.text()
    offs = out.offs
    # Header lines are generated before the body they precede: keep offsets monotonic.
    low = limit
    for i in range(len(offs) - 1, -1, -1):
        o = offs[i]
        if o > low:
            offs[i] = low
        else:
            low = o
        if offs[i] < 0:
            offs[i] = 0
    art = read_plaintext(full, where=where)
    return replace(art, infobox=infobox, format="wikitext", path=where, offsets=tuple(offs))


# --- rendering ---------------------------------------------------------------

class _Renderer:
    def __init__(self, source: str = "") -> None:
        self.source = source

    def render(self, code: Wikicode, off: int, out: _Out, skip=None) -> None:
        pos = off
        depth = 0             # inside tables mwparserfromhell left as text (":{|")
        for node in code.nodes:
            n = len(str(node))
            if isinstance(node, Text):
                depth = self.text(node.value, pos, out, depth)
            elif depth == 0 and node is not skip:
                self.node(node, pos, n, out)
            pos += n

    def node(self, node, pos: int, n: int, out: _Out) -> None:
        if isinstance(node, Text):
            self.text(node.value, pos, out)
        elif isinstance(node, Wikilink):
            self.wikilink(node, pos, out)
        elif isinstance(node, Template):
            render_template(self, node, pos, out)
        elif isinstance(node, Tag):
            self.tag(node, pos, n, out)
        elif isinstance(node, HTMLEntity):
            ch = node.normalize()
            out.gen(" " if ch == "\xa0" else ("" if ch in "\xad\u200b" else ch), pos)
        elif isinstance(node, ExternalLink):
            if not node.brackets:
                out.src(str(node.url), pos)
            elif node.title is not None:
                start = pos + 1 + len(str(node.url)) + (0 if node.suppress_space else 1)
                self.render(node.title, start, out)
        elif isinstance(node, Heading):
            self.heading(node, pos, n, out)
        elif isinstance(node, Argument):
            if node.default is not None:
                self.render(node.default, pos + 3 + len(str(node.name)) + 1, out)
        elif isinstance(node, Comment):
            pass

    def text(self, s: str, pos: int, out: _Out, depth: int = 0) -> int:
        """Append text `s` (at `pos`) minus markup leftovers; returns the table depth after it."""
        last = 0
        for m in _TABLE_EDGE_RE.finditer(s):
            if m.start() == 0 and pos > 0 and self.source[pos - 1:pos] not in ("\n", ":"):
                continue                      # not at the start of a line
            if m.group(1) == "{|":
                if depth == 0:
                    self._plain(s[last:m.start()], pos + last, out)
                depth += 1
            elif depth:
                depth -= 1
                last = m.end()
        if depth == 0:
            self._plain(s[last:], pos + last, out)
        return depth

    def _plain(self, s: str, pos: int, out: _Out) -> None:
        last = 0
        for m in _JUNK_RE.finditer(s):
            out.src(s[last:m.start()], pos + last)
            last = m.end()
        out.src(s[last:], pos + last)

    def wikilink(self, node: Wikilink, pos: int, out: _Out) -> None:
        t = str(node.title)
        lead = len(t) - len(t.lstrip())
        colon = t[lead:lead + 1] == ":"
        start = lead + (1 if colon else 0)
        prefix, sep, _ = t[start:].partition(":")
        p = prefix.strip().lower()
        if sep and not colon:
            if p in _HIDDEN_NS:
                return
            if _LANG_PREFIX_RE.fullmatch(prefix.strip()) and p not in _INTERWIKI and node.text is None:
                return                    # an interlanguage link: not shown
        if sep and p in _INTERWIKI:
            start += len(prefix) + 1
        if node.text is not None and str(node.text).strip():
            self.render(node.text, pos + 2 + len(t) + 1, out)
            return
        shown = t[start:]
        if node.text is not None:    # pipe trick: [[Foo (bar)|]] shows "Foo"
            shown = re.sub(r"\s*\([^)]*\)\s*$", "", shown.split(",")[0])
        if all(isinstance(x, Text) for x in node.title.nodes):
            stripped = shown.strip()
            i = start + shown.find(stripped) if stripped else start
            out.src(stripped.replace("_", " "), pos + 2 + i)
        else:
            self.render(node.title, pos + 2, out)

    def tag(self, node: Tag, pos: int, n: int, out: _Out) -> None:
        name = str(node.tag).strip().lower()
        if node.wiki_markup:
            if name in ("li",):
                out.gen(LIST, pos)
            elif name in ("dd", "dt"):
                out.gen(INDENT, pos)
            elif name == "hr":
                out.gen("\n", pos)
            elif name in ("b", "i") and not node.self_closing:
                self.contents(node, pos, n, out)
            return                             # tables and their parts
        if node.invalid or name in _DROP_TAGS:
            return
        if name == "br":
            out.gen(BR, pos)
            return
        if node.self_closing:
            return
        if name in _BLOCK_TAGS:
            out.gen("\n\n", pos)
            self.contents(node, pos, n, out)
            out.gen("\n\n", pos + n - 1)
        elif name == "nowiki":
            s = str(node.contents)
            out.src(s, pos + n - len("</" + str(node.closing_tag) + ">") - len(s))
        else:
            self.contents(node, pos, n, out)

    def contents(self, node: Tag, pos: int, n: int, out: _Out) -> None:
        if node.wiki_markup:
            close = node.closing_wiki_markup or ""
        else:
            close = "</" + str(node.closing_tag) + ">"
        self.render(node.contents, pos + n - len(close) - len(str(node.contents)), out)

    def heading(self, node: Heading, pos: int, n: int, out: _Out) -> None:
        level = max(2, node.level)
        title, offs = self.inline(node.title, pos + node.level)
        if not title:
            out.gen("\n", pos)
            return
        out.gen("\n" + HEAD + "=" * level, pos)
        out.add(title, offs)
        out.gen("=" * level + "\n", pos + n - 1)

    def inline(self, code: Wikicode, off: int, br: str = " ") -> tuple[str, list[int]]:
        """`code` rendered on one line, whitespace collapsed; `br` joins its lines."""
        tmp = _Out()
        self.render(code, off, tmp)
        return _squeeze(tmp.text(), tmp.offs, br)

    def infobox(self, node: Template, pos: int) -> tuple[dict[str, str], list[tuple[str, list[int]]]]:
        """Named parameters of the relations infobox as `- Key: Value` lines."""
        box: dict[str, str] = {}
        lines = []
        for param, voff in params_with_offsets(node, pos):
            if not param.showkey:
                continue
            key = str(param.name).strip()
            if not re.fullmatch(r"[A-Za-z][\w ]*", key) or key.isdigit():
                continue
            key = key[:1].upper() + key[1:].lower()
            value, offs = self.inline(param.value, voff, br=", ")
            if not value:
                continue
            box[key] = value
            koff = voff - 1 - len(str(param.name))
            line = _Out()
            line.gen(f"- {key}: ", koff)
            line.add(value, offs)
            line.gen("\n", voff + len(str(param.value)) - 1)
            lines.append((line.text(), line.offs))
        return box, lines


def _squeeze(s: str, offs: list[int], br: str = " ") -> tuple[str, list[int]]:
    """Collapse whitespace and markers to single spaces (or `br` where a line broke)."""
    text: list[str] = []
    out: list[int] = []
    prev_end = None
    for m in _TOKEN_RE.finditer(s):
        a, b = m.start(), m.end()
        if prev_end is not None:
            gap = s[prev_end:a]
            sep = br if (br != " " and (BR in gap or "\n" in gap or LIST in gap)) else " "
            if sep == " " and s[a] in ",.;:!?" and offs[a] - offs[prev_end - 1] > 2:
                sep = ""                      # "word {{cn}}." -> "word."
            text.append(sep)
            out.extend([offs[prev_end]] * len(sep))
        text.append(s[a:b])
        out.extend(offs[a:b])
        prev_end = b
    return "".join(text), out


def _blocks(s: str, offs: list[int]) -> tuple[str, list[int]]:
    """Lines of the first rendering to paragraphs, `- items` and `==headings==`."""
    blocks: list[tuple[str, str, list[int]]] = []     # (kind, text, offsets)
    para_t: list[str] = []
    para_o: list[int] = []

    def flush() -> None:
        if para_t:
            blocks.append(("p", "".join(para_t), list(para_o)))
            para_t.clear()
            para_o.clear()

    start = 0
    n = len(s)
    while start <= n:
        nl = s.find("\n", start)
        end = n if nl < 0 else nl
        line = s[start:end]
        head = line.lstrip(" \t")
        lo = offs[start:end]
        if head.startswith(HEAD):
            flush()
            t, o = _squeeze(line, lo)
            if t:
                blocks.append(("h", t, o))
        elif head[:1] in (LIST, INDENT):
            flush()
            marker = head[:1]
            t, o = _squeeze(line, lo)
            if t:
                if marker == LIST:
                    blocks.append(("li", "- " + t, [o[0], o[0]] + o))
                else:
                    blocks.append(("p", t, o))
        else:
            t, o = _squeeze(line, lo)
            if not t:
                flush()
            else:
                if para_t:
                    para_t.append(" ")
                    para_o.append(offs[start - 1] if start else o[0])
                para_t.append(t)
                para_o.extend(o)
        if nl < 0:
            break
        start = nl + 1
    flush()

    text: list[str] = []
    out: list[int] = []
    prev = None
    for kind, t, o in blocks:
        if prev is not None:
            sep = "\n" if prev == "h" or (prev == kind == "li") else "\n\n"
            text.append(sep)
            out.extend([o[0]] * len(sep))
        text.append(t)
        out.extend(o)
        prev = kind
    if text:
        text.append("\n")
        out.append(out[-1] + 1)
    return "".join(text), out


# --- title and infobox ---------------------------------------------------------

def _find_infobox(code: Wikicode):
    pos = 0
    for node in code.nodes:
        if isinstance(node, Template) and template_name(node) == RELATIONS_INFOBOX:
            return node, pos
        pos += len(str(node))
    return None, 0


def _title(r: _Renderer, code: Wikicode, given: str | None, box, box_pos: int,
           fallback: str | None) -> tuple[str, int]:
    if given and given.strip():
        return _clean_title(given), 0
    if box is not None:
        pos_params: dict[str, str] = {}
        named: dict[str, str] = {}
        for p, voff in params_with_offsets(box, box_pos):
            name = str(p.name).strip().lower()
            value, _ = r.inline(p.value, voff)
            if value:
                (pos_params if name.isdigit() else named)[name] = value
        if pos_params.get("1"):
            t = pos_params["1"]
            return _clean_title(t if t.lower().endswith("relations") else t + " relations"), box_pos
        if named.get("party1") and named.get("party2"):
            return _clean_title(f"{named['party1']}–{named['party2']} relations"), box_pos
    pos = 0
    for node in code.nodes:                # a bold phrase in the lead
        if isinstance(node, Heading):
            break
        if isinstance(node, Tag) and node.wiki_markup == "'''" and not node.self_closing:
            t, _ = r.inline(node.contents, pos)
            if t:
                return _clean_title(t), pos
        pos += len(str(node))
    if fallback and fallback.strip():
        return _clean_title(fallback), 0
    return "Untitled", 0


def _clean_title(t: str) -> str:
    return " ".join(t.replace("=", "-").split()) or "Untitled"
