"""As-of snapshots and timelines from the Python API."""
from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

import bilat  # noqa: E402
from bilat.analysis.series import goldstein_by_year  # noqa: E402
from bilat.store.countries import CountryError  # noqa: E402

from kb_articles import kb_db  # noqa: E402,F401


@pytest.fixture
def kb(kb_db):
    with bilat.open(kb_db) as kb:
        yield kb


def test_asof_on_known_dates(kb):
    before = kb.asof("Chile", "Peru", "1839-05-11")
    assert before.established is False and before.established_date == "1839-05-12"
    assert before.missions == () and before.events_so_far == 0

    s = kb.asof("CL", "Peruvian", "1990-03-31")
    assert (s.a, s.b, s.date) == ("CHL", "PER", "1990-03-31")
    assert s.established is True
    assert {(m.sending, m.city) for m in s.missions} == {("CHL", "Lima"), ("PER", "Santiago")}
    assert s.counts["SANCTION"] == 2
    assert s.lists == ()                                   # the list dates from 2021
    assert len(s.last_events) <= 10 and s.last_events[-1].date == "1990-03"
    assert all(e.date_lo <= "1990-03-31" for e in s.last_events)

    later = kb.asof("Chile", "Peru", "2021-06")
    assert [(x.lister, x.listed) for x in later.lists] == [("PER", "CHL")]
    assert later.events_so_far > s.events_so_far


def test_asof_uses_the_real_article(kb):
    s = kb.asof("Norway", "Russia", "2022-04-06")
    assert s.established is True and s.established_date == "1905-10-30"
    assert any(e.date == "2022-04-06" and e.type == "SANCTION" for e in s.last_events)
    assert all(not e.fictional for e in s.last_events)


def test_results_are_frozen_dataclasses_with_pandas(kb):
    tl = kb.timeline("Norway", "Russia", start="2014", end="2022")
    assert tl and dataclasses.is_dataclass(tl[0])
    with pytest.raises(dataclasses.FrozenInstanceError):
        tl[0].type = "X"
    assert all(e.date_hi >= "2014-01-01" and e.date_lo <= "2022-12-31" for e in tl)
    pytest.importorskip("pandas")
    df = tl.to_pandas()
    assert len(df) == len(tl) and "date_lo" in df.columns
    assert len(kb.pairs().to_pandas()) == 4


def test_to_pandas_without_pandas_says_what_to_install(kb, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(bilat.BilatError, match=r"bilat\[pandas\]"):
        kb.pairs().to_pandas()


def test_unknown_country(kb):
    with pytest.raises(CountryError, match="did you mean"):
        kb.timeline("Norwey", "Russia")


def test_goldstein_series(kb):
    rows = goldstein_by_year(kb.timeline("Chile", "Peru"))
    years = [r["year"] for r in rows]
    assert years == sorted(years) and 1990 in years
    y1990 = rows[years.index(1990)]
    assert y1990["events"] == 2 and y1990["conflict"] < 0


def test_asof_counts_only_the_missions_open_that_day(tmp_path):
    from bilat.store.ingest import ingest
    (tmp_path / "ecuador-colombia.txt").write_text("""= Colombia–Ecuador relations =

Colombia–Ecuador relations are the bilateral relations between Colombia and Ecuador. Diplomatic relations were opened between them on 10 March 1832. Colombia has an embassy in Quito and a consulate general in Guayaquil. Ecuador has an embassy in Bogotá.

==History==
Colombia opened a consulate general in Guayaquil in 1935. In 1981 Ecuador closed the Colombian consulate in Esmeraldas.
""", encoding="utf-8")
    assert ingest([str(tmp_path / "ecuador-colombia.txt")], tmp_path / "kb.db", jobs=1).ok
    with bilat.open(tmp_path / "kb.db") as kb:
        def cities(day):
            return sorted(m.city for m in kb.asof("Colombia", "Ecuador", day).missions)
        assert cities("1830") == []                                    # before relations
        assert cities("1920") == ["Bogotá", "Esmeraldas", "Quito"]      # Guayaquil opened in 1935
        assert cities("1950") == ["Bogotá", "Esmeraldas", "Guayaquil", "Quito"]
        assert cities("1990") == ["Bogotá", "Guayaquil", "Quito"]       # Esmeraldas closed in 1981
        guayaquil = next(m for m in kb.missions(country="COL") if m.city == "Guayaquil")
        assert (guayaquil.opened, guayaquil.closed) == ("1935", None)
