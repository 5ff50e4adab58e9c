"""The plain-text reader: title, infobox, sections as nested spans, errors."""
from __future__ import annotations

from pathlib import Path

import pytest

from bilat.errors import SourceError
from bilat.sources import read, read_text
from bilat.sources.plaintext import read_plaintext

FIXTURES = Path(__file__).parent.parent / "fixtures" / "plaintext"
SAMPLE = FIXTURES / "atlantis-lemuria.txt"
EXAMPLE = Path(__file__).parents[2] / "examples" / "norway-russia.txt"


@pytest.fixture(scope="module")
def art():
    return read(SAMPLE)


def body(art, path):
    s = next(s for s in art.sections if s.path == path)
    return art.text[s.start:s.end]


def test_title_and_format(art):
    assert art.title == "Atlantis–Lemuria relations"
    assert art.format == "plaintext"
    assert art.offsets is None            # the text is the file
    assert art.path == str(SAMPLE)
    assert len(art.sha256) == 64


def test_text_is_the_file_unchanged(art):
    assert art.text == SAMPLE.read_text(encoding="utf-8")


def test_infobox_keys_and_values(art):
    assert art.infobox == {
        "Party1": "Atlantis",
        "Party2": "Lemuria",
        "Mission1": "Embassy of Atlantis, Mu City",
        "Envoytitle1": "Ambassador",
    }


def test_section_paths_and_levels(art):
    assert [(s.path, s.level) for s in art.sections] == [
        ((), 0),
        (("History",), 2),
        (("History", "Early contacts"), 3),
        (("History", "Modern era"), 3),
        (("Empty",), 2),
        (("See also",), 2),
    ]
    assert [s.label for s in art.sections][:3] == ["Lead", "History", "History > Early contacts"]


def test_lead_span_excludes_title_and_infobox(art):
    lead = body(art, ())
    assert "Atlantis and Lemuria are two invented island states" in lead
    assert "Infobox" not in lead and "= Atlantis" not in lead
    assert "==History==" not in lead


def test_spans_exclude_heading_and_nest(art):
    assert body(art, ("History", "Early contacts")) == "Fishermen from both islands met on a sandbank in 1650.\n\n"
    history = next(s for s in art.sections if s.path == ("History",))
    for sub in art.sections:
        if sub.path[:1] == ("History",) and len(sub.path) == 2:
            assert history.start <= sub.start <= sub.end <= history.end
    assert "===Early contacts===" in body(art, ("History",))


def test_bullets_stay_in_their_section(art):
    modern = body(art, ("History", "Modern era"))
    assert "- a trade pact in 1920\n- a fishing quarrel in 1975" in modern
    assert body(art, ("See also",)) == "- Atlantis–Mu relations\n"


def test_empty_section_has_empty_span(art):
    s = next(s for s in art.sections if s.path == ("Empty",))
    assert s.start == s.end
    assert art.text[s.start:].startswith("==See also==")


def test_section_at_finds_innermost(art):
    at = art.text.index("sandbank")
    assert art.section_at(at).path == ("History", "Early contacts")
    assert art.section_at(art.text.index("Atlantis and Lemuria")).path == ()


def test_title_only_article_has_an_empty_lead():
    a = read(FIXTURES / "title-only.txt")
    assert a.title == "Only A Title"
    assert a.infobox == {}
    assert [s.path for s in a.sections] == [()]


def test_bundled_example_reads():
    a = read(EXAMPLE)
    assert a.title == "Norway–Russia relations"
    assert a.infobox["Mission2"] == "Russian embassy, Oslo"
    paths = [s.path for s in a.sections]
    assert ("Timeline", "1537–1814") in paths
    assert ("In popular culture",) in paths and ("References",) in paths


# --- errors: they name the file and say what was expected -------------------

def test_empty_file(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_bytes(b"  \n\n")
    with pytest.raises(SourceError) as e:
        read(f)
    assert e.value.where == str(f) and "empty" in e.value.message


def test_binary_file(tmp_path):
    f = tmp_path / "image.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(SourceError) as e:
        read(f)
    assert str(e.value).startswith(str(f)) and "binary" in e.value.message


def test_undecodable_file_names_line(tmp_path):
    f = tmp_path / "latin1.txt"
    f.write_bytes("= Title =\n\nCaf\xe9 text\n".encode("latin-1"))
    with pytest.raises(SourceError) as e:
        read(f)
    assert e.value.where == str(f)
    assert "line 3" in e.value.message and "UTF-8" in e.value.message


def test_no_title(tmp_path):
    with pytest.raises(SourceError) as e:
        read(FIXTURES / "no-title.txt")
    assert e.value.where.endswith("no-title.txt")
    assert "line 1" in e.value.message and "= Title =" in e.value.message


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(SourceError) as e:
        read(tmp_path / "absent.txt")
    assert "cannot read" in e.value.message
    with pytest.raises(SourceError) as e:
        read(tmp_path)
    assert "directory" in e.value.message


def test_read_plaintext_direct_errors():
    with pytest.raises(SourceError):
        read_plaintext("", where="x")
    with pytest.raises(SourceError) as e:
        read_text("no title here", where="<stdin>")
    assert e.value.where == "<stdin>"
