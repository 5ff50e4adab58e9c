"""Every events data file loads, and no lexicon entry names a type or code that does not exist."""
from __future__ import annotations

import pytest

from bilat.data import data_path
from bilat.errors import DataFileError
from bilat.extract import lexicon


def test_cameo_table_loads():
    table = lexicon.cameo_table()
    assert len(table) > 250
    assert table["1663"] == -7.0 and table["057"] == 8.0
    assert all(-10.0 <= v <= 10.0 for v in table.values())


def test_cameo_table_has_no_descriptions():
    header = next(ln for ln in data_path("events/cameo_goldstein.tsv").read_text(encoding="utf-8").splitlines()
                  if ln and not ln.startswith("#"))
    assert header.split("\t") == ["code", "goldstein"]


def test_triggers_load_and_refer_to_real_types_and_codes():
    pats = lexicon.patterns()
    assert len(pats) > 300
    codes = lexicon.cameo_table()
    for p in pats:
        if p.type == "-":
            continue
        assert p.type in lexicon.PLOVER_TYPES, p.text
        assert p.cameo in codes, p.text
    assert {p.type for p in pats if p.type != "-"} == set(lexicon.PLOVER_TYPES)


def test_a_pattern_written_twice_is_refused(monkeypatch):
    row = {"pattern": "expel * diplomats", "type": "SANCTION", "mode": "expel", "cameo": "1663", "context": ""}
    monkeypatch.setattr(lexicon, "load_tsv", lambda *a, **k: [row, dict(row)])
    lexicon.patterns.cache_clear()
    try:
        with pytest.raises(DataFileError, match="appears twice"):
            lexicon.patterns()
    finally:
        monkeypatch.undo()
        lexicon.patterns.cache_clear()


def test_words_file_has_every_list():
    w = lexicon.words()
    for key in ("irregular", "count_nouns", "units", "numbers", "passive_aux", "prepositions", "both_sides",
                "negation", "future", "hypothetical", "obligation", "fiction", "response_cues",
                "context", "summaries", "weak_triggers", "decided"):
        assert w.get(key), key
    for key in w["summaries"]:
        assert key.split(":")[0] in lexicon.PLOVER_TYPES


def test_institutions_match_as_the_text_is_tokenized():
    from bilat.extract.actors import _institution_spans, _institutions
    from bilat.extract.triggers import tokenize
    from bilat.nlp.gazetteer import gazetteer
    inst = _institutions()
    assert sum(len(v) for v in inst.values()) > 500
    codes = {code for v in inst.values() for _, code, _ in v}
    assert all(gazetteer().country(c) is not None for c in codes), codes
    lows = [t.low for t in tokenize("The Korean People's Army and the Federal Security Service met.")]
    assert [c for _, _, c in _institution_spans(lows)] == ["PRK", "RUS"]
    # a generic name stands for its state only in an article about that state
    lows = [t.low for t in tokenize("The Foreign Office summoned the Chinese ambassador.")]
    assert [c for _, _, c in _institution_spans(lows)] == ["GBR"]
    assert [c for _, _, c in _institution_spans(lows, ("CHN", "GBR"))] == ["GBR"]
    assert _institution_spans(lows, ("CHN", "DEU")) == []


def test_inflections_are_invariant():
    idx = lexicon.first_index()
    for form in ("expel", "expels", "expelled", "expelling", "detain", "detained", "treaty", "treaties",
                 "visit", "visited", "met", "sanction", "sanctions"):
        assert form in idx, form


def test_es_plural_only_where_english_takes_it():
    forms = lexicon._inflect("veto", {}) | lexicon._inflect("tax", {}) | lexicon._inflect("crash", {})
    assert {"vetoes", "taxes", "crashes"} <= forms
    # "routes" is no form of "rout", "planes" none of "plan", "aides" none of "aid"
    for word, wrong in (("rout", "routes"), ("plan", "planes"), ("aid", "aides"), ("refuge", "refugees")):
        assert wrong not in lexicon._inflect(word, {}), word
    assert "routs" in lexicon._inflect("rout", {})


def test_bad_pattern_fails_loudly():
    with pytest.raises(DataFileError):
        lexicon._compile("* expel", {}, "triggers.tsv")
    with pytest.raises(DataFileError):
        lexicon._compile("expel |", {}, "triggers.tsv")


def test_word_lists_hold_only_words():
    """YAML reads on/off/no/yes as booleans: every list item must stay a word."""
    w = lexicon.words()
    for key, val in w.items():
        if isinstance(val, list):
            for item in val:
                assert isinstance(item, str) and not isinstance(item, bool), (key, item)


def test_noun_lists_take_both_numbers():
    for word, other in (("troops", "troop"), ("battalion", "battalions"), ("armies", "army"),
                        ("serviceman", "servicemen"), ("box", "boxes")):
        assert lexicon.noun_forms(word) == {word, other}
    armed = lexicon.noun_wordset("armed_nouns")
    # "@ground_forces" brings that list in; "=forces" keeps only the plural
    assert {"troop", "troops", "warship", "warships", "battalion"} <= armed
    assert "forces" in armed and "force" not in armed
    assert lexicon.noun_wordset("ground_forces") < armed < lexicon.noun_wordset("force_nouns")


def test_a_pattern_takes_a_noun_list_by_name():
    parts, head = lexicon._compile("withdraw * @ground_forces|garrison", {}, "triggers.tsv")
    assert head == 0
    assert {"soldier", "soldiers", "division", "garrison"} <= parts[2]
    with pytest.raises(DataFileError, match="no list named"):
        lexicon._compile("withdraw * @no_such_list", {}, "triggers.tsv")


def test_a_list_that_takes_itself_in_is_refused(monkeypatch):
    monkeypatch.setattr(lexicon, "words", lambda: {"a_list": ["x", "@b_list"], "b_list": ["@a_list"]})
    with pytest.raises(DataFileError, match="takes itself in"):
        lexicon._expand("a_list", ())
