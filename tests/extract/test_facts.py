"""Golden cases for article-level facts (facts_cases.yaml)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bilat.extract.record import extract_record
from bilat.sources import read_text

CASES = yaml.safe_load((Path(__file__).parent / "facts_cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_facts_case(case):
    rec = extract_record(read_text(case["article"], where=case["name"]), events=False)
    assert list(rec.pair) == case["pair"]
    if "established" in case:
        assert (rec.established.date if rec.established else None) == case["established"]
    if "border_km" in case:
        got = rec.border.length_km if rec.border else None
        if case["border_km"] is None:
            assert got is None
        else:
            assert got == pytest.approx(case["border_km"], abs=0.2)
    if "missions" in case:
        got = sorted(f"{m.sending} {m.kind} {m.city} {m.status}" for m in rec.missions)
        assert got == sorted(case["missions"])
    if "people" in case:
        got = sorted(f"{p.name} {p.nationality} {p.role}" for p in rec.people)
        assert got == sorted(case["people"])
    if "sites" in case:
        got = sorted(f"{x.name} {x.kind} {x.place}" for x in rec.sites)
        assert got == sorted(case["sites"])
    if "lists" in case:
        got = sorted(f"{m.lister} {m.listed} {m.since}" for m in rec.lists)
        assert got == sorted(case["lists"])


def test_every_fact_has_evidence_inside_the_text():
    case = CASES[0]
    text = case["article"]
    rec = extract_record(read_text(text, where="t"), events=False)
    items = list(rec.missions) + [rec.established, rec.border]
    assert items
    for item in items:
        assert item.evidence
        for ev in item.evidence:
            assert text[ev.start:ev.end] == ev.text


MISSION_HISTORY = """= Bolivia–Paraguay relations =

Bolivia–Paraguay relations are the bilateral relations between Bolivia and Paraguay. Diplomatic relations were opened between them on 3 June 1842. Bolivia has an embassy in Asunción. Paraguay has an embassy in La Paz and a consulate general in Santa Cruz de la Sierra.

==History==
Paraguay opened a consulate general in Santa Cruz de la Sierra in 1958. In 1978 Bolivia closed the Paraguayan consulate in Cochabamba. In May 1990 Paraguay opened a trade office in Tarija.
"""


def test_missions_take_their_dates_from_the_events_that_tell_them():
    rec = extract_record(read_text(MISSION_HISTORY, where="t"))
    got = {m.city: (m.status, m.opened, m.closed) for m in rec.missions}
    assert got["Santa Cruz de la Sierra"] == ("open", "1958", None)
    assert got["Cochabamba"] == ("closed", None, "1978")
    assert got["Asunción"] == ("open", None, None)      # no sentence tells when it opened
    santa_cruz = next(m for m in rec.missions if m.city == "Santa Cruz de la Sierra")
    assert any("in 1958" in ev.text for ev in santa_cruz.evidence)   # the date is traced to its sentence
    for m in rec.missions:
        for ev in m.evidence:
            assert MISSION_HISTORY[ev.start:ev.end] == ev.text


def test_an_opening_by_the_other_side_does_not_date_a_mission():
    text = MISSION_HISTORY.replace("Paraguay opened a consulate general", "Bolivia opened a consulate general")
    rec = extract_record(read_text(text, where="t"))
    santa_cruz = next(m for m in rec.missions if m.city == "Santa Cruz de la Sierra")
    assert santa_cruz.sending == "PRY" and santa_cruz.opened is None
