"""Streaming pages out of MediaWiki XML dumps."""
from __future__ import annotations

import bz2
import gzip
from pathlib import Path

import pytest

from bilat.errors import SourceError
from bilat.sources.dump import iter_dump
from bilat.sources.wikitext import read_wikitext

FIXTURE = Path(__file__).parent.parent / "fixtures" / "dump" / "tiny.xml"

ALL_ARTICLES = [
    ("Atlantis–Lemuria relations", "'''Atlantis–Lemuria relations''' are invented ties &amp; trade."),
    ("Atlantis", "'''Atlantis''' is an invented island."),
    ("Mu–Atlantis relations", "{{Infobox bilateral relations|Mu–Atlantis|Mu|Atlantis}}\nMu and Atlantis trade."),
]


@pytest.fixture(params=["xml", "bz2", "gz"])
def dump(request, tmp_path):
    data = FIXTURE.read_bytes()
    if request.param == "xml":
        return FIXTURE
    path = tmp_path / f"tiny.xml.{request.param}"
    path.write_bytes(bz2.compress(data) if request.param == "bz2" else gzip.compress(data))
    return path


def test_default_keeps_relations_articles(dump):
    pages = list(iter_dump(dump))
    assert [t for t, _ in pages] == ["Atlantis–Lemuria relations", "Mu–Atlantis relations"]
    assert pages[0][1] == ALL_ARTICLES[0][1]       # entities decoded by the XML layer only


def test_all_articles_skip_redirects_and_other_namespaces(dump):
    assert list(iter_dump(dump, titles_matching=None)) == ALL_ARTICLES


def test_custom_filter(dump):
    assert [t for t, _ in iter_dump(dump, titles_matching=r"^Atlantis$")] == ["Atlantis"]


def test_pages_read_as_articles(dump):
    for title, text in iter_dump(dump):
        art = read_wikitext(text, where=f"{dump}#{title}", title=title)
        assert art.title == title and art.format == "wikitext"


def test_streams_before_the_end(tmp_path):
    # a dump broken after its first page still gives that page first: nothing is read ahead
    data = FIXTURE.read_text(encoding="utf-8")
    cut = data.index("<page>", data.index("</page>"))
    broken = tmp_path / "broken.xml"
    broken.write_text(data[:cut] + "<page><title>Oops</oops>", encoding="utf-8")
    pages = iter_dump(broken, titles_matching=None)
    assert next(pages)[0] == "Atlantis–Lemuria relations"
    with pytest.raises(SourceError) as e:
        next(pages)
    assert e.value.where == str(broken)
    assert "line" in e.value.message and "column" in e.value.message


def test_memory_is_released(tmp_path):
    # many pages: each <page> is cleared as it goes, so the root never holds them
    head = FIXTURE.read_text(encoding="utf-8").split("<page>")[0]
    pages = "".join(
        f"<page><title>P{i} relations</title><ns>0</ns><id>{i}</id><revision><id>{i}</id>"
        f"<text>{'x' * 1000}</text></revision></page>\n" for i in range(3000))
    big = tmp_path / "big.xml"
    big.write_text(head + pages + "</mediawiki>\n", encoding="utf-8")
    import tracemalloc
    tracemalloc.start()
    n = sum(1 for _ in iter_dump(big))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert n == 3000
    assert peak < 1_500_000        # the whole dump is over 3 MB


def test_bad_xml(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<mediawiki>\n<page>\n<title>A relations</title>\n</mediawiki>\n", encoding="utf-8")
    with pytest.raises(SourceError) as e:
        list(iter_dump(bad))
    assert "line 4" in e.value.message


def test_not_xml_and_missing(tmp_path):
    junk = tmp_path / "junk.xml.bz2"
    junk.write_bytes(b"not bzip2 at all")
    with pytest.raises(SourceError):
        list(iter_dump(junk))
    with pytest.raises(SourceError) as e:
        list(iter_dump(tmp_path / "absent.xml"))
    assert "cannot read" in e.value.message
