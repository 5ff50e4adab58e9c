"""The event extractor on golden cases (event_cases.yaml) and on small made-up articles."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bilat.extract.coder import code_line, code_sentence
from bilat.extract.events import extract_events
from bilat.sources import read_text

CASES = yaml.safe_load((Path(__file__).parent / "event_cases.yaml").read_text(encoding="utf-8"))


def _fits(c, want: dict) -> bool:
    for k, v in want.items():
        if k == "history":
            if bool(v) == bool(c.modality):
                return False
        elif k == "actors":
            if sorted(x for x in (c.source, c.target) if x) != sorted(v):
                return False
        elif getattr(c, k) != v:
            return False
    return True


@pytest.mark.parametrize("case", CASES, ids=[c["sentence"][:60] for c in CASES])
def test_case(case):
    cands = code_sentence(case["sentence"])
    got = [(c.type, c.mode, c.source, c.target, c.count, c.date, c.modality) for c in cands]
    for want in case.get("events") or []:
        want = {**want}
        want.setdefault("history", True)
        assert any(_fits(c, want) for c in cands), f"no event {want} in {got}"
    for typ in case.get("absent") or []:
        assert not any(c.type == typ and not c.modality for c in cands), f"{typ} shown as history in {got}"


def test_cases_are_many_and_varied():
    assert len(CASES) >= 60
    codes = {x for c in CASES for e in c.get("events") or [] for x in (e.get("source"), e.get("target")) if x}
    assert len(codes) >= 30


def test_singular_plural_same_code():
    one = code_line("Finland expelled a Russian diplomat.")[0]
    many = code_line("Finland expelled fifteen Russian diplomats.")[0]
    assert (one.type, one.mode, one.cameo) == (many.type, many.mode, many.cameo)
    assert (one.count, many.count) == (1, 15)


def test_bad_lines_never_crash():
    for line in ["", "   ", "\x01\x02 ;;; ,,,", "expelled expelled expelled", "a" * 5000, "Norway " * 2000,
                 "((((", "Sweden", "did not", "1999 2000 2001"]:
        assert isinstance(code_line(line), list)


ARTICLE = """= Ruritania–Borduria relations =

Ruritania–Borduria relations are the relations between Estonia and Latvia.

==History==
===Since 2000===
In March 2014 Estonia expelled two Latvian diplomats. Latvia responded by expelling two Estonian diplomats later that month.

In June 2015 Latvia arrested an Estonian citizen, and later that year Estonia summoned the Latvian ambassador.

On 4 May 2018 Estonia and Latvia signed a border treaty. The border treaty signed on 4 May 2018 settled the old dispute.

Estonia did not expel any Latvian diplomats in 2019.

==In popular culture==
In the novel, Latvian troops invade Estonia.

==See also==
- Latvia invaded Estonia in 2020.
"""


@pytest.fixture(scope="module")
def events():
    art = read_text(ARTICLE, "<test>")
    return extract_events(art, ("EST", "LVA"))


def test_article_events_and_directions(events):
    hist = [e for e in events if not e.fictional]
    expel = [e for e in hist if e.type == "SANCTION" and e.mode == "expel"]
    assert {(e.source, e.target, e.count) for e in expel} == {("EST", "LVA", 2), ("LVA", "EST", 2)}
    assert any(e.type == "COERCE" and e.source == "LVA" and e.target == "EST" for e in hist)
    assert any(e.type == "ACCUSE" and e.source == "EST" and e.target == "LVA" for e in hist)


def test_tit_for_tat_link(events):
    by = {(e.source, e.type, e.mode): e for e in events if not e.fictional}
    first, answer = by[("EST", "SANCTION", "expel")], by[("LVA", "SANCTION", "expel")]
    assert answer.response_to == first.id
    assert first.response_to is None
    assert answer.date == "2014-03"


def test_told_twice_is_one_event(events):
    treaty = [e for e in events if e.type == "SUPPORT" and not e.fictional]
    assert len(treaty) == 1
    assert len(treaty[0].evidence) == 2
    assert treaty[0].date == "2018-05-04"


def test_not_history_is_flagged(events):
    flagged = [e for e in events if e.fictional]
    assert any(e.type == "SANCTION" for e in flagged)           # "did not expel"
    assert any(e.type == "ASSAULT" for e in flagged)            # the novel
    assert not any(e.type == "ASSAULT" and not e.fictional for e in events)


def test_never_from_see_also(events):
    assert not any("2020" in (e.date or "") for e in events)


def test_evidence_points_into_text(events):
    for e in events:
        for ev in e.evidence:
            assert ARTICLE[ev.start:ev.end] == ev.text
            assert ev.section


def test_ids_stable_and_sorted(events):
    again = extract_events(read_text(ARTICLE, "<test>"), ("EST", "LVA"))
    assert [e.id for e in events] == [e.id for e in again]
    assert len({e.id for e in events}) == len(events)
    dated = [e.date for e in events if e.date and not e.fictional]
    assert dated == sorted(dated, key=lambda d: d[:4])


def test_code_cli_keeps_line_numbers(tmp_path, capsys):
    import argparse
    import json

    from bilat.events_cli import run_code
    f = tmp_path / "in.txt"
    f.write_bytes(b"Poland expelled two Belarusian diplomats.\n\n\x00\x01 binary\n" + b"Norway " * 5000 + b"\n"
                  b"\xff\xfe not utf-8 but Chile recognised Peru.\nLast line without newline")
    assert run_code(argparse.Namespace(files=[str(f)], format="jsonl")) == 0
    out = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [o["line"] for o in out] == [1, 2, 3, 4, 5, 6]
    assert out[0]["events"][0]["type"] == "SANCTION" and out[0]["events"][0]["count"] == 2
    assert out[1]["events"] == [] and out[2]["events"] == [] and out[3]["events"] == []
    err = capsys.readouterr().err
    assert err == "" or "line" in err


def test_code_cli_warns_on_stderr(tmp_path, capsys):
    import argparse

    from bilat.events_cli import run_code
    f = tmp_path / "in.txt"
    f.write_bytes(b"ok line\n\x00 binary\n" + b"x" * 30000 + b"\n")
    run_code(argparse.Namespace(files=[str(f)], format="jsonl"))
    err = capsys.readouterr().err
    assert ":2: binary data" in err and ":3: line of 30000 characters skipped" in err


QUOTED = """= Ruritania–Borduria relations =

==In popular culture==
In 2016 the Latvian ambassador to Estonia told a news agency,

It is a shame that the film shows our country as a nonexistent threat.
"""


def test_quoted_criticism_is_the_speakers_accusation():
    evs = extract_events(read_text(QUOTED, "<test>"), ("EST", "LVA"))
    acc = [e for e in evs if e.type == "ACCUSE" and not e.fictional]
    assert len(acc) == 1
    assert (acc[0].source, acc[0].target, acc[0].date) == ("LVA", "EST", "2016")
    assert len(acc[0].evidence) == 2
    assert not any(e.type == "THREATEN" for e in evs)       # a "threat" inside a quote is a word


def test_ids_unique_for_two_acts_in_one_sentence():
    text = ("= Ruritania–Borduria relations =\n\n==History==\n"
            "In May 2019 Latvia removed Estonia from its list of partners and announced that it would end the "
            "border pact with Estonia.\n")
    evs = extract_events(read_text(text, "<t>"), ("EST", "LVA"))
    sanctions = [e for e in evs if e.type == "SANCTION" and not e.fictional]
    assert len(sanctions) == 2
    assert len({e.id for e in evs}) == len(evs)


def test_timeline_cli_csv(tmp_path, capsys):
    import argparse
    import csv
    import io

    from bilat.events_cli import run_timeline
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE.replace("Ruritania–Borduria", "Estonia–Latvia"), encoding="utf-8")
    assert run_timeline(argparse.Namespace(files=[str(f)], format="csv", include_fictional=False)) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and all(r["date"] for r in rows[:3])
    assert any(r["type"] == "SANCTION" and r["source"] == "EST" and r["target"] == "LVA" for r in rows)
    assert not any("novel" in r["summary"] for r in rows)
    assert run_timeline(argparse.Namespace(files=[str(tmp_path / "missing.txt")], format="table",
                                           include_fictional=False)) == 1


def test_a_complaint_before_a_court_is_against_the_other_side():
    from bilat.extract.events import extract_events
    from bilat.sources import read_text
    art = read_text("= Bolivia–Chile relations =\n\nIn 2013 Bolivia took its claim to the sea to the "
                    "International Court of Justice.\n")
    evs = [e for e in extract_events(art, ("BOL", "CHL")) if e.type == "ACCUSE"]
    assert evs and (evs[0].source, evs[0].target) == ("BOL", "CHL")


def test_a_protest_answers_what_the_other_side_did_just_before():
    from bilat.extract.events import extract_events
    from bilat.sources import read_text
    art = read_text("= Chile–Peru relations =\n\n== History ==\nOn 2 March 2020 Chile detained two Peruvian "
                    "fishermen. On 9 March 2020 Peru summoned the Chilean ambassador. In 2022 Peru summoned "
                    "the Chilean ambassador again.\n", "<t>")
    evs = extract_events(art, ("CHL", "PER"))
    arrest = next(e for e in evs if e.type == "COERCE")
    summons = [e for e in evs if e.type == "ACCUSE"]
    assert summons[0].response_to == arrest.id
    assert summons[-1].response_to is None          # two years on: no answer to it


def test_parties_come_from_the_pair_not_from_a_third_party_aside():
    from bilat.extract.events import extract_events
    from bilat.sources import read_text
    art = read_text("= Egypt–Qatar relations =\n\n== History ==\nRelations were restored in January 2021, after "
                    "both had opposed the Turkish occupation of northern Cyprus. In 2022 Egypt applied the "
                    "European Union's sanctions.\n", "<t>")
    evs = extract_events(art, ("EGY", "QAT"))
    assert any(e.type == "SUPPORT" and set(e.actors) == {"EGY", "QAT"} and e.date == "2021-01" for e in evs)
    # an organisation named as the owner of a sanction is not its target: the other side is
    assert any(e.type == "SANCTION" and (e.source, e.target) == ("EGY", "QAT") for e in evs)


def test_consecutive_days_are_one_act_and_other_sets_several():
    from bilat.extract.candidates import _split_values
    assert _split_values("{2008-03-02,2008-03-03}") == ["2008-03-02"]   # "visited on 2 and 3 March"
    assert _split_values("{2008-03-02,2008-03-09}") == ["2008-03-02", "2008-03-09"]
    assert _split_values("{2017,2018}") == ["2017", "2018"]             # "in 2017 and 2018": two acts


def test_a_ratification_is_not_the_signature_told_again():
    from bilat.extract.events import extract_events
    from bilat.sources import read_text
    art = read_text("= Bolivia–Chile relations =\n\n== History ==\nOn 6 May 2031 Bolivia and Chile signed a "
                    "treaty on the use of the Silala waters. The Chilean Senate ratified it later that month.\n",
                    "<t>")
    evs = extract_events(art, ("BOL", "CHL"))
    dates = sorted(e.date for e in evs if e.type == "SUPPORT")
    assert dates == ["2031-05", "2031-05-06"], [(e.type, e.mode, e.date) for e in evs]


def test_states_named_in_a_setting_after_a_comma_are_no_parties():
    from bilat.extract.events import extract_events
    from bilat.sources import read_text
    art = read_text("= Chile–Ecuador relations =\n\n== History ==\nDiplomatic relations were established in 1840, "
                    "after the dissolution of the confederation between Peru and Bolivia.\n", "<t>")
    evs = extract_events(art, ("CHL", "ECU"))
    assert [(e.type, e.actors) for e in evs if e.type == "SUPPORT"] == [("SUPPORT", ("CHL", "ECU"))], \
        [(e.type, e.source, e.target, e.actors) for e in evs]


def test_the_possessor_of_a_protest_is_its_author():
    from bilat.extract.events import extract_events
    from bilat.sources import read_text
    art = read_text("= Chile–Peru relations =\n\n== History ==\nOn 22 May 2031 Chile closed two crossings, and on "
                    "24 May its ambassador in Lima, Juan Soto, delivered Chile's objection to the Peruvian foreign "
                    "ministry.\n", "<t>")
    evs = extract_events(art, ("CHL", "PER"))
    assert [(e.source, e.target) for e in evs if e.type == "ACCUSE"] == [("CHL", "PER")], \
        [(e.type, e.source, e.target) for e in evs]


def test_possessive_leader_names_the_party():
    # "Bachelet's government" is Chile's: a leader's name with "'s" is still the leader
    art = read_text("= Chile–Peru relations =\n\nChile–Peru relations are the relations between Chile and Peru.\n\n"
                    "==History==\n===2000s===\nMichelle Bachelet's government recognised Alan García's new "
                    "cabinet on 3 August 2006.\n", "<test>")
    evs = [e for e in extract_events(art, ("CHL", "PER")) if not e.fictional]
    assert [(e.type, e.source, e.target, e.date) for e in evs] == [("SUPPORT", "CHL", "PER", "2006-08-03")]


def test_passive_act_by_an_unplaced_name_has_no_source():
    # "was assassinated by Juan Pérez": the other side of the pair is not the killer
    art = read_text("= Chile–Peru relations =\n\nChile–Peru relations are the relations between Chile and Peru.\n\n"
                    "==History==\n===1990s===\nPresident Alberto Fujimori of Peru was attacked by Juan Pérez "
                    "in Lima on 3 May 1994.\n", "<test>")
    evs = [e for e in extract_events(art, ("CHL", "PER")) if not e.fictional and e.type == "ASSAULT"]
    assert [(e.source, e.target) for e in evs] == [(None, "PER")]


def test_a_line_reads_leaders_named_in_full_as_their_states():
    # (data/leaders.tsv): "Justin Trudeau" speaks for Canada, "Olaf Scholz" visits for Germany
    ev = code_line("Justin Trudeau condemned the arrest of two Canadians by China.")
    assert (ev[0].type, ev[0].source, ev[0].target) == ("ACCUSE", "CAN", "CHN")
    ev = code_line("Emmanuel Macron hosted Olaf Scholz in Paris.")
    assert (ev[0].type, ev[0].source, ev[0].target) == ("CONSULT", "DEU", "FRA")
