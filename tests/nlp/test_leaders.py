"""Leaders named in an article stand for their states (data/leaders.tsv)."""
from __future__ import annotations

import pytest

from bilat.errors import DataFileError
from bilat.extract.events import extract_events
from bilat.nlp.leaders import Leader, leaders_named, load_leaders
from bilat.sources import read_text


def test_the_table_loads_with_known_roles_and_years():
    rows = load_leaders()
    assert len(rows) > 1000
    assert {r.role for r in rows} == {"head of state", "head of government", "foreign minister", "defence minister"}
    assert all(r.start is None or r.end is None or r.start <= r.end for r in rows)


def test_short_forms():
    assert Leader("Justin Trudeau", "CAN", "head of government", 2015, 2025).short == "Trudeau"
    assert Leader("Moon Jae-in", "KOR", "head of state", 2017, 2022).short == "Moon"      # family name first
    assert Leader("Abiy Ahmed", "ETH", "head of government", 2018, None).short == "Abiy"   # given name
    assert Leader("Nicholas II", "RUS", "head of state", 1894, 1917).short is None
    assert Leader("Faisal of Saudi Arabia", "SAU", "head of state", 1964, 1975).short is None


def test_a_short_form_counts_only_after_the_full_name():
    assert leaders_named("Later May said the talks had failed.") == {}
    named = leaders_named("Theresa May met Angela Merkel in 2017. May said the talks had failed.")
    assert named["May"] == "GBR" and named["Merkel"] == "DEU"


def test_a_short_form_two_named_leaders_share_counts_for_neither():
    named = leaders_named("Kim Jong Un met Kim Dae-jung? No: Kim Jong Un met Moon Jae-in.")
    assert "Kim" not in named and named["Moon"] == "KOR"


def test_bad_rows_name_file_and_line(tmp_path):
    p = tmp_path / "leaders.tsv"
    p.write_text("name\tcode\trole\tfrom\tto\nJane Doe\tXX\thead of state\t1990\t\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"leaders.tsv:2"):
        load_leaders(p)
    p.write_text("name\tcode\trole\tfrom\tto\nJane Doe\tCAN\tmayor\t1990\t\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="unknown role"):
        load_leaders(p)


def test_a_leader_acts_for_the_state():
    art = read_text("= Canada–India relations =\n\n== History ==\nIn 2015 Prime Minister Justin Trudeau took office. "
                    "In November 2020 Trudeau expressed concern about the treatment of Indian farmers.\n", "<t>")
    evs = [e for e in extract_events(art, ("CAN", "IND")) if e.type == "ACCUSE"]
    assert evs and (evs[0].source, evs[0].target, evs[0].date) == ("CAN", "IND", "2020-11")
