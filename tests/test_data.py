"""Every bundled data file loads, and tables refer only to things that exist."""
from __future__ import annotations

import pytest

from bilat.data import DATA_DIR, iter_tsv, load_lines, load_tsv, load_yaml
from bilat.errors import DataFileError
from bilat.nlp.gazetteer import gazetteer


def test_every_yaml_and_tsv_file_loads():
    files = sorted(p for p in DATA_DIR.rglob("*") if p.suffix in (".yaml", ".yml", ".tsv"))
    assert len(files) >= 5
    for p in files:
        if p.suffix == ".tsv":
            assert list(iter_tsv(p)), p
        else:
            assert load_yaml(str(p), p) is not None, p


def test_facts_lexicon_has_what_the_extractors_read():
    lex = load_yaml("facts.yaml")
    for key in ("non_narrative_sections", "establishment", "mission_kinds", "mission_closed",
                "length_units", "lists", "person_titles", "site_kinds"):
        assert lex[key], key
    assert "see also" in lex["non_narrative_sections"]


def test_every_word_list_the_code_names_is_in_the_lexicon():
    import re
    from pathlib import Path

    import bilat
    from bilat.extract.lexicon import wordset, words
    src = Path(bilat.__file__).parent
    named = {m for p in src.rglob("*.py") for m in re.findall(r'wordset\("([a-z_]+)"\)', p.read_text())}
    assert len(named) >= 25
    missing = sorted(named - set(words()))
    assert not missing, missing
    with pytest.raises(DataFileError, match="no list named"):
        wordset("no_such_list")


def test_territories_map_to_known_states():
    gaz = gazetteer()
    for row in load_tsv("territories.tsv", ("territory", "sovereign")):
        assert gaz.country(row["territory"]), row
        assert gaz.country(row["sovereign"]), row


def test_abbreviations_load():
    assert "e.g." in load_lines("abbreviations.txt")


def test_bad_tsv_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("a\tb\n1\t2\n3\t4\t5\n", encoding="utf-8")
    with pytest.raises(DataFileError) as e:
        list(iter_tsv(bad, ("a", "b")))
    assert str(bad) in str(e.value) and ":3:" in str(e.value)


def test_bad_yaml_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("a: [1, 2\nb: 3\n", encoding="utf-8")
    with pytest.raises(DataFileError) as e:
        load_yaml("bad.yaml", bad)
    assert str(bad) in str(e.value)
