"""The wikitext reader gives the plain-text reader's Article, with offsets."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilat.errors import SourceError
from bilat.sources import read, read_text
from bilat.sources.convert import render_convert
from bilat.sources.plaintext import read_plaintext
from bilat.sources.wikitext import read_wikitext

ROOT = Path(__file__).parents[2]
EXAMPLES = ROOT / "examples"
REAL = Path("/work/shared/data/wikitext")

POSITIONAL = """{{Short description|Relations between two invented states}}
{{Infobox bilateral relations|Atlantis–Lemuria|Atlantis|Lemuria
| filetype = svg
| map = Atlantis Lemuria Locator.svg
| mission1 = [[Embassy of Atlantis, Mu City|Atlantean embassy]], [[Mu City]]
| envoy1 = Ann Smith<ref>{{cite web|url=http://example.org|title=Envoys}}</ref>
}}
'''Atlantis–Lemuria relations''' are invented ties. They began on {{start date|1901|3|3}}.
"""

NAMED = """{{Infobox bilateral relations
| party1 = [[Atlantis]]
| party2 = Lemuria
| envoytitle1 = Ambassador
| envoy1 = Ann<br />Smith
| mission2 = Embassy<br/>[[Atlantis City]]
}}
The two island states trade fish.
"""


def wiki(body: str, **kw):
    return read_wikitext(body, where="t.wiki", **kw)


def letters_map_back(art, source):
    """Every letter of the body comes from the same letter, or from a construct's start."""
    start = art.sections[0].start
    for i in range(start, len(art.text)):
        ch = art.text[i]
        if ch.isalpha():
            src = source[art.offsets[i]]
            assert src == ch or src in "{&<", (i, ch, source[art.offsets[i]:art.offsets[i] + 20])


def offsets_sane(art, source):
    offs = art.offsets
    assert len(offs) == len(art.text)
    assert all(0 <= o < len(source) for o in offs)
    assert all(a <= b for a, b in zip(offs, offs[1:]))


# --- infobox and title ---------------------------------------------------------

def test_positional_infobox():
    a = wiki(POSITIONAL)
    assert a.format == "wikitext"
    assert a.title == "Atlantis–Lemuria relations"
    assert a.infobox == {"Filetype": "svg", "Map": "Atlantis Lemuria Locator.svg",
                         "Mission1": "Atlantean embassy, Mu City", "Envoy1": "Ann Smith"}
    assert a.text.startswith("= Atlantis–Lemuria relations =\n\nInfobox\n- Filetype: svg\n")
    assert "- Mission1: Atlantean embassy, Mu City\n- Envoy1: Ann Smith\n\n" in a.text
    assert "Party1" not in a.text
    assert "Atlantis–Lemuria relations are invented ties. They began on 3 March 1901." in a.text


def test_named_infobox():
    a = wiki(NAMED)
    assert a.title == "Atlantis–Lemuria relations"
    assert a.infobox == {"Party1": "Atlantis", "Party2": "Lemuria", "Envoytitle1": "Ambassador",
                         "Envoy1": "Ann, Smith", "Mission2": "Embassy, Atlantis City"}
    assert list(a.infobox) == ["Party1", "Party2", "Envoytitle1", "Envoy1", "Mission2"]


def test_infobox_parsed_again_by_plaintext_reader():
    a = wiki(NAMED)
    assert read_plaintext(a.text).infobox == a.infobox


def test_title_argument_wins_then_bold_then_fallback():
    assert wiki(POSITIONAL, title="Given title").title == "Given title"
    assert wiki("Intro.\n\n'''Mu–Atlantis relations''' are ties.").title == "Mu–Atlantis relations"
    assert wiki("Plain words only.", fallback_title="from file").title == "from file"
    assert wiki("'''Bold''' words.", fallback_title="from file").title == "Bold"
    assert wiki("Plain words only.").title == "Untitled"


def test_read_prefers_page_title_to_file_name(tmp_path):
    f = tmp_path / "atlantis-lemuria.wiki"
    f.write_text(POSITIONAL, encoding="utf-8")
    assert read(f).title == "Atlantis–Lemuria relations"
    g = tmp_path / "atlantis-lemuria-2.wiki"
    g.write_text("Words with a [[link]].", encoding="utf-8")
    assert read(g).title == "atlantis-lemuria-2"


# --- inline rendering ----------------------------------------------------------

@pytest.mark.parametrize("markup, shown", [
    ("{{convert|195.7|km|mi}}", "195.7 km (121.6 mi)"),
    ("{{convert|1630|km|mi|abbr=on}}", "1,630 km (1,010 mi)"),
    ("{{convert|1630|km|mi|0}}", "1,630 km (1,013 mi)"),
    ("{{convert|1340|km|mi}}", "1,340 km (830 mi)"),
    ("{{convert|294|km|mi}}", "294 km (183 mi)"),
    ("{{convert|978|m|ft|0}}", "978 m (3,209 ft)"),
    ("{{convert|3,000|ft|m|abbr=off}}", "3,000 feet (910 metres)"),
    ("{{convert|630|km2|sqmi|0}}", "630 km² (243 sq mi)"),
    ("{{convert|35|km|mi|0|order=flip}}", "22 mi (35 km)"),
    ("{{convert|21|km}}", "21 km (13 mi)"),
    ("{{cvt|10|to|20|km|mi}}", "10 to 20 km (6.2 to 12 mi)"),
    ("{{lang|no|Kirkenes}}", "Kirkenes"),
    ("{{lang-ru|Россия}}", "Россия"),
    ("{{nowrap|6 April}}", "6 April"),
    ("{{Flag|Norway}}", "Norway"),
    ("{{flagcountry|Russia}}", "Russia"),
    ("{{flagicon|Norway}}", ""),
    ("{{circa|1583}}", "c. 1583"),
    ("{{start date|1905|10|30}}", "30 October 1905"),
    ("{{Start date|1905|10}}", "October 1905"),
    ("{{dts|2014|10|17}}", "17 October 2014"),
    ("{{ndash}}", "–"),
    ("&nbsp;&ndash;&amp;", " –&"),
    ("[[Oslo]]", "Oslo"),
    ("[[Norwegian Police Security Service|PST]]", "PST"),
    ("[[w:Foo]]", "Foo"),
    ("[[:Category:Foo|the category]]", "the category"),
    ("[[Oslo (city)|]]", "Oslo"),
    ("[http://example.org the label]", "the label"),
    ("'''bold''' and ''italic''", "bold and italic"),
    ("a<br>b<br/>c", "a b c"),
    ("<span class=x>kept</span>", "kept"),
    ("x<sup>2</sup>", "x2"),
])
def test_inline(markup, shown):
    a = wiki(f"Start {markup} end.")
    assert a.text.split("\n\n", 1)[1] == f"Start {shown} end.\n".replace("  ", " ")


@pytest.mark.parametrize("markup", [
    "<ref>{{cite web|url=http://x.org|title=T}}</ref>",
    "<ref name=a/>",
    '<ref name="b">[[Link]] in a ref</ref>',
    "<!-- hidden [[note]] -->",
    "[[File:Map.svg|thumb|A caption with [[Oslo]]]]",
    "[[Image:Flag.png|20px]]",
    "[[Category:Foreign relations]]",
    "[[de:Beziehungen]]",
    "{{citation needed|date=May 2020}}",
    "{{Infobox country|name={{lang|no|Norge}}|capital=[[Oslo]]}}",
    "{{Navbox|list1={{flatlist|\n* [[A]]\n* [[B]]\n}}}}",
    "{{#if:x|y|z}}",
    "{{Reflist}}",
    "__NOTOC__",
])
def test_removed(markup):
    a = wiki(f"Start{markup} end.")
    assert a.text.endswith("\n\nStart end.\n")


def test_table_removed_between_paragraphs():
    a = wiki("Before.\n{| class=\"wikitable\"\n! A !! B\n|-\n| [[x]] || {{y}}\n|}\nAfter.")
    assert a.text.endswith("Before.\n\nAfter.\n")


def test_indented_table_left_as_text_by_the_parser_is_removed():
    a = wiki("Rankings:\n:{|class=\"wikitable\"\n|-\n|[[Index]] 2015\n|14||187\n|}\nAfter.")
    assert a.text.endswith("Rankings:\n\nAfter.\n")
    assert wiki("Braces {| mid-line stay words.").text.endswith("Braces mid-line stay words.\n")


def test_space_before_punctuation_left_by_removed_template():
    assert wiki("Word {{cn}}. Next {{clarify}}, more.").text.endswith("Word. Next, more.\n")


def test_structure_headings_lists_paragraphs():
    a = wiki("Lead line one\nline two.\n\n== History ==\n=== Early  days ===\n"
             "Para.\n* one\n** two\n# three\n\n==Empty==\n==See also==\n* [[Mu]]\n")
    assert a.text.endswith(
        "Lead line one line two.\n\n==History==\n===Early days===\nPara.\n\n"
        "- one\n- two\n- three\n\n==Empty==\n==See also==\n- Mu\n")
    assert [s.path for s in a.sections] == [(), ("History",), ("History", "Early days"),
                                            ("Empty",), ("See also",)]
    empty = a.sections[3]
    assert empty.start == empty.end


def test_quote_template_is_its_own_paragraph():
    a = wiki("He said:\n{{blockquote|text=We remain neighbours.|author=Someone}}\nThen left.")
    assert a.text.endswith("He said:\n\nWe remain neighbours.\n\nThen left.\n")


# --- offsets ---------------------------------------------------------------------

def test_offsets_point_back_to_source():
    a = wiki(POSITIONAL)
    offsets_sane(a, POSITIONAL)
    letters_map_back(a, POSITIONAL)
    i = a.text.index("Ann Smith")
    assert POSITIONAL[a.offsets[i]:a.offsets[i] + 9] == "Ann Smith"
    i = a.text.index("3 March 1901")
    assert POSITIONAL[a.offsets[i]:].startswith("{{start date")
    assert a.source_offset(len(a.text)) <= len(POSITIONAL)


def test_offsets_of_example():
    src = (EXAMPLES / "norway-russia.wiki").read_text(encoding="utf-8")
    a = read_wikitext(src)
    offsets_sane(a, src)
    letters_map_back(a, src)
    i = a.text.index("195.7 km")
    assert src[a.offsets[i]:].startswith("{{convert|195.7|km|mi}}")
    i = a.text.index("PST")
    assert src[a.offsets[i]:a.offsets[i] + 3] == "PST"


# --- bad input -------------------------------------------------------------------

def test_truncated_infobox_keeps_what_reads():
    src = "'''A–B relations''' are ties.\n\n{{Infobox bilateral relations|A–B|A|B\n|mission1=[[Embassy of A, Bee]]\n|envoy1=Jo"
    a = wiki(src)
    assert a.title == "A–B relations"
    assert a.infobox == {"Mission1": "Embassy of A, Bee", "Envoy1": "Jo"}
    assert "A–B relations are ties." in a.text and "{{" not in a.text
    offsets_sane(a, src)


def test_truncated_table_and_ref():
    a = wiki("Lead text.\n\n==History==\nSome text.\n{| class=x\n| a || b\n|-\n| c")
    assert a.text.endswith("==History==\nSome text.\n")
    a = wiki("Lead text<ref>{{cite web|url=http://x")
    assert a.text.endswith("\n\nLead text\n")


def test_truncated_with_nothing_readable():
    src = "{{Short description|x}}\n{{Infobox bilateral relations|A–B|A|B\n|mission1=[[Embassy"
    with pytest.raises(SourceError) as e:
        wiki(src)
    assert e.value.where == "t.wiki"
    assert e.value.message == "line 2: truncated wikitext: unclosed {{Infobox bilateral relations opened here"


def test_stray_braces_do_not_swallow_the_article():
    a = wiki("Lead {{oops text.\n\n==H==\nMore text [[Oslo]].\n")
    assert a.text.endswith("==H==\nMore text Oslo.\n") and "{{" not in a.text


def test_redirect():
    with pytest.raises(SourceError) as e:
        wiki("#REDIRECT [[Norway–Russia relations]]")
    assert e.value.message == "redirect to Norway–Russia relations; expected an article"
    with pytest.raises(SourceError):
        wiki("#redirect: [[Mu#History|x]] {{R from move}}")


@pytest.mark.parametrize("src", ["", "   \n\n", "<!-- only a comment -->", "{{Reflist}}\n[[Category:X]]"])
def test_empty(src):
    with pytest.raises(SourceError):
        wiki(src)


def test_read_text_detects_wikitext():
    a = read_text(POSITIONAL, where="<stdin>")
    assert a.format == "wikitext" and a.title == "Atlantis–Lemuria relations"
    assert len(a.sha256) == 64


# --- the bundled example in both formats ---------------------------------------

def test_example_files_give_the_same_article():
    txt = read(EXAMPLES / "norway-russia.txt")
    wik = read(EXAMPLES / "norway-russia.wiki")
    assert wik.format == "wikitext" and txt.format == "plaintext"
    assert " ".join(wik.text.split()) == " ".join(txt.text.split())
    assert wik.text == txt.text
    assert wik.title == txt.title == "Norway–Russia relations"
    assert wik.infobox == txt.infobox
    assert wik.sections == txt.sections


def test_example_has_the_facts():
    t = read(EXAMPLES / "norway-russia.wiki").text
    for fact in ("30 October 1905", "Oslo", "Barentsburg", "Kirkenes", "Murmansk", "Saint Petersburg",
                 "195.7 km (121.6 mi)", "Storskog–Borisoglebsky", "August 2023", "Treaty of Novgorod",
                 "1326", "1826", "27 April 2010", "July 2020", "6 April 2022", "April 2023",
                 "15 Russian diplomats", "10 Norwegian diplomats", "Frode Berg", "December 2017",
                 "Mikhail Mikushin", "October 2022", "August 2024", "2017 and in 2018", "Occupied",
                 "==Timeline==", "===1537–1814===", "==In popular culture==", "==See also==",
                 "==References=="):
        assert fact in t, fact


# --- real pages --------------------------------------------------------------------

REAL_PAGES = sorted(p for p in REAL.glob("*.txt")) if REAL.is_dir() else []


@pytest.mark.skipif(not REAL_PAGES, reason="no real wikitext pages in /work/shared/data/wikitext")
@pytest.mark.parametrize("page", REAL_PAGES, ids=lambda p: p.name)
def test_real_page(page):
    src = page.read_text(encoding="utf-8")
    if src.lstrip().upper().startswith("#REDIRECT"):
        with pytest.raises(SourceError, match="redirect to"):
            read_wikitext(src, where=page.name)
        return
    a = read_wikitext(src, where=page.name)      # how fast: bench/wikitext_bench.py, not a timed test
    for junk in ("{{", "}}", "[[", "]]", "<ref", "'''"):
        assert junk not in a.text, junk
    offsets_sane(a, src)


# --- properties -------------------------------------------------------------------

_PIECES = ["{{", "}}", "[[", "]]", "|", "=", "==", "\n", "'''", "''", "<ref>", "</ref>", "<ref name=a/>",
           "<!--", "-->", "{|", "|}", "|-", "*", "#", ":", ";", "[", "]", "http://x.org", "<br>",
           "&nbsp;", "&amp;", "&bogus;", "<span>", "</span>", "<nowiki>", "</nowiki>", "{{{", "}}}",
           "convert|195.7|km|mi", "Infobox bilateral relations", "File:", "Category:", "w:",
           "start date|1905|10|30", "lang|no|", "#REDIRECT ", "Oslo", "Norway", " ", "a", "é", "1",
           "\x00", "\t", "<", ">", "/", "–"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=0, max_size=40).map("".join))
def test_never_raises_but_source_error(src):
    try:
        a = read_wikitext(src, where="h.wiki")
    except SourceError as e:
        assert e.where == "h.wiki"
        return
    offsets_sane(a, src)
    assert a.text.startswith("= ")
    assert a.sections[0].path == ()


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_any_text_never_raises_but_source_error(src):
    try:
        a = read_wikitext(src, where="h.wiki")
    except SourceError:
        return
    offsets_sane(a, src)


def test_render_convert_refuses_what_it_does_not_know():
    assert render_convert(["abc", "km"], {}) is None
    assert render_convert(["5", "furlong"], {}) is None
    assert render_convert(["5", "km", "kg"], {}) is None
    assert render_convert(["-11", "C"], {}) == "-11 °C (12 °F)"
