"""bilat's temporal tagger: time expressions in English prose, normalised
to EDTF (dates, times, sets) or ISO 8601 durations, anchored against the
narrative.

    tag_text(text, dct=None) -> list[Timex]
    tag_spans(text, sections, dct=None) -> TimeIndex

Finding is one compiled regex per paragraph (timex_patterns, timex_atoms);
anchoring keeps a running reference per section (anchor). Conventions
chosen where EDTF has no word for a thing:

* "late 2018", "mid-2021", "the end of November" -> the year or month
  itself (EDTF has no "late"); "the winter of 1939–40" -> "1939-24".
* A range or set is one Timex whose value is an EDTF interval or set
  ("1537/1814", "{2017,2018}", "2015/.." for "since 2015"); its `parts`
  hold the inner expressions, as TimeML annotates them.
* "four days later" counts from the reference; "four days after <event>"
  right after a date ("on 30 October 1905 – four days after the
  independence") dates the event it names: 1905-10-26. Elsewhere it
  counts from the reference in a history, and is a DURATION in news.
* "now", "former", "recently", "a few days later" carry TimeML's
  PRESENT_REF / PAST_REF / FUTURE_REF: not dates (see is_date_value).
* With a DCT, a text whose first year is within three years of it reads as
  news (a bare "in May" is the last May before the DCT, or the next one
  if the sentence looks ahead); otherwise as a history, where "in May"
  takes the narrative's year.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

from .anchor import Resolver, Timex, frame_of
from .edtf import is_date_value, parse_dct
from .timex_atoms import find_atoms

__all__ = ["Timex", "TimeIndex", "Tagger", "tag_text", "tag_spans", "is_date_value", "calendar_dates",
           "attributive_year"]

HEADING_RE = re.compile(r"^[ \t]*(=+)[ \t]*(.*?)[ \t]*\1[ \t]*$", re.M)


def _shift(t: Timex, off: int) -> Timex:
    if not off:
        return t
    return replace(t, start=t.start + off, end=t.end + off, parts=tuple(_shift(p, off) for p in t.parts))


class Tagger:
    """Tags a document fed paragraph by paragraph (for large inputs), keeping
    the reference across paragraphs and resetting it at headings."""

    def __init__(self, dct: str | None = None):
        self.resolver = Resolver(parse_dct(dct))
        self.sections: list[tuple[int, str | None]] = [(0, None)]  # (start offset, frame)

    def section(self, offset: int, title: str | None) -> None:
        frame = frame_of(title, _plain_tag)
        self.resolver.reset(frame)
        self.sections.append((offset, frame))

    def _run(self, text: str, start: int, end: int) -> list[Timex]:
        return self.resolver.resolve(find_atoms(text, start, end), text)

    def feed(self, text: str, offset: int = 0) -> list[Timex]:
        """Timexes of `text`, a paragraph (or several) that starts at `offset`
        of the document; "= Heading =" lines in it open new sections."""
        out: list[Timex] = []
        pos = 0
        if "=" in text:
            for h in HEADING_RE.finditer(text):
                out.extend(self._run(text, pos, h.start()))
                self.section(offset + h.start(), h.group(2))
                frame = self.resolver.frame
                out.extend(self._run(text, h.start(), h.end()))
                self.resolver.reset(frame)
                pos = h.end()
        out.extend(self._run(text, pos, len(text)))
        return [_shift(t, offset) for t in out]


def _plain_tag(text: str) -> list[Timex]:
    return Resolver().resolve(find_atoms(text), text)


def tag_text(text: str, dct: str | None = None) -> list[Timex]:
    """Every time expression of a whole document, in order; offsets into
    `text`. Heading lines ("== X ==") reset the reference and frame their
    section. Raises ValueError for a malformed `dct`."""
    return Tagger(dct).feed(text)


def _day_of(t: Timex) -> Timex:
    """A TIME on a known day ("the night of 29 March 2013") as the DATE of that day."""
    if t.type == "TIME" and t.value and "T" in t.value and not t.value.startswith("XXXX-XX-XX"):
        return replace(t, type="DATE", value=t.value.split("T", 1)[0])
    return t


def calendar_dates(timexes) -> list[Timex]:
    """The timexes that date an event: DATEs, and TIMEs by their day."""
    out = []
    for t in map(_day_of, timexes):
        if t.type == "DATE" and t.value and is_date_value(t.value):
            out.append(t)
    return out


def attributive_year(text: str, t, names: bool = False) -> bool:
    """A bare year before a noun names a thing ("the 1948 treaty"; with `names`, also
    "the 2005 Comprehensive Peace Agreement")."""
    before = text[max(0, t.start - 6):t.start].lower()
    after = text[t.end:t.end + 2]
    if not (t.text.isdigit() and after[:1] == " "):
        return False
    if after[1:2].islower() and _NAMED_YEAR.search(text, max(0, t.start - 60), t.start):
        return True                       # "the Zapad 2017 exercise": a year inside a name
    return (before.endswith("the ") or before.endswith(" its ") or before.endswith("a ")) \
        and (after[1:2].islower() or (names and after[1:2].isupper()))


# a determiner, then one to three capitalised words, then the year ("the Southern Star 2019 …")
_NAMED_YEAR = re.compile(r"(?<![\w-])(?i:the|an?|its|their)\s+(?:[A-Z][\w-]*\s+){1,3}$")


class TimeIndex:
    """The time expressions of a document with their sections, for asking
    which dates a span holds and which date is in force at an offset."""

    def __init__(self, timexes: list[Timex], sections: list[tuple[int, int, str | None]],
                 headings: Sequence[tuple[int, int]] = ()):
        self.timexes = timexes
        self._starts = [t.start for t in timexes]
        self._sections = sections  # (start, end, frame)
        self._sec_starts = [s for s, _, _ in sections]
        # dates a heading names frame the section; they are not points in its narrative
        in_heading = lambda t: any(a <= t.start < b for a, b in headings)  # noqa: E731
        self._points: list[tuple[int, str]] = [
            (t.end, t.value) for t in calendar_dates(timexes) if "X" not in t.value and not in_heading(t)]
        self._point_ends = [e for e, _ in self._points]

    def within(self, start: int, end: int) -> list[Timex]:
        """Timexes lying inside text[start:end]."""
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.timexes) and self.timexes[i].start < end:
            if self.timexes[i].end <= end:
                out.append(self.timexes[i])
            i += 1
        return out

    def reference(self, offset: int) -> str | None:
        """The date in force at `offset`: the last known date before it in the
        same section, else the section's heading frame, else None."""
        k = bisect.bisect_right(self._sec_starts, offset) - 1
        if k < 0:
            return None
        s, e, frame = self._sections[k]
        if offset > e:
            return None
        j = bisect.bisect_right(self._point_ends, offset) - 1
        if j >= 0 and self._points[j][0] > s:
            return self._points[j][1]
        return frame


def tag_spans(text: str, spans: list[tuple[int, int, str | None]], dct: str | None = None) -> TimeIndex:
    """Tag each section (start, end, heading title or None), in document
    order; the reference resets at each section and its title frames it."""
    tagger = Tagger(dct)
    out: list[Timex] = []
    sections = []
    headings = []
    for s, e, title in spans:
        tagger.section(s, title)
        frame = tagger.resolver.frame
        sections.append((s, e, frame))
        head = _heading_end(text, s, e, title)
        if head > s:  # the span opens with its heading line: tag it, then let the frame rule
            out.extend(tagger._run(text, s, head))
            tagger.resolver.reset(frame)
            headings.append((s, head))
        out.extend(tagger._run(text, head, e))
    out.sort(key=lambda t: t.start)
    return TimeIndex(out, sections, headings)


def _heading_end(text: str, s: int, e: int, title: str | None) -> int:
    """End of the heading line a section span starts with, else `s`."""
    nl = text.find("\n", s, e)
    first_end = nl if nl >= 0 else e
    line = text[s:first_end]
    leaf = (title or "").split(">")[-1].strip()
    if (leaf and leaf in line and len(line.strip()) <= len(leaf) + 12) or HEADING_RE.fullmatch(line.strip()):
        return first_end
    return s
