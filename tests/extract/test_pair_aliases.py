"""Words that name a state only in an article about one pair ("the North" on the two Koreas)."""
from __future__ import annotations

from bilat.extract.document import Document
from bilat.extract.events import extract_events
from bilat.sources import read_text

TEXT = """= {title} relations =

==History==
In May 2031 the North expelled four South Korean diplomats from Pyongyang.
The South answered by expelling four North Korean diplomats a week later.
In June 2031 the North shelled a Chinese fishing boat.
"""


def _article(title: str):
    return read_text(TEXT.format(title=title), where="made-up.txt")


def test_the_north_and_the_south_act_in_an_article_on_the_koreas():
    a = _article("North Korea–South Korea")
    doc = Document(a, ("PRK", "KOR"))
    said = [(m.text, m.code) for s in doc.narrative for m in doc.mentions(s)]
    assert ("North", "PRK") in said and ("South", "KOR") in said
    events = extract_events(a, ("PRK", "KOR"))
    got = {(e.type, e.source, e.target) for e in events}
    assert ("SANCTION", "KOR", "PRK") in got
    assert ("ASSAULT", "PRK", "CHN") in got            # a third party: "the North" alone names the actor


def test_the_north_names_no_state_in_another_article():
    a = _article("Chile–Peru")
    doc = Document(a, ("CHL", "PER"))
    codes = {m.code for s in doc.narrative for m in doc.mentions(s)}
    assert "PRK" in codes and "KOR" in codes          # the demonyms still name them
    first = doc.narrative[0]
    assert not any(m.text == "North" for m in doc.mentions(first))
