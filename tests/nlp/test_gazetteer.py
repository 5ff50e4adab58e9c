"""The gazetteer: its data files, name resolution, mentions in text and places.

Every sentence here is made up for the test."""
from __future__ import annotations

import gzip
import importlib.util
import shutil
from pathlib import Path

import pytest

from bilat.data import data_path
from bilat.errors import DataFileError
from bilat.nlp.gazetteer import (Gazetteer, Place, gazetteer, load_countries, load_organisations,
                                 load_places_extra, load_polities, place_key)

ROOT = Path(__file__).resolve().parents[2]
DATA_FILES = ("countries.tsv", "polities.tsv", "organisations.tsv", "places_extra.tsv", "places.tsv.gz",
              "not_mentions.txt")


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return gazetteer()


def spans(g: Gazetteer, text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.code, m.kind) for m in g.mentions(text)]


# ------------------------------------------------------------- the data files

def test_every_data_file_loads(gaz):
    assert len(load_countries()) >= 249
    assert len(load_polities()) >= 30
    assert len(load_organisations()) >= 10
    assert len(load_places_extra()) >= 15
    assert gaz.place("Oslo") is not None          # loads places.tsv.gz


def test_countries_are_complete_and_unique(gaz):
    countries = gaz.countries()
    iso3 = [c.iso3 for c in countries]
    assert len(set(iso3)) == len(iso3) >= 249
    for code in ("NOR", "RUS", "CHN", "USA", "GBR", "FIN", "SWE", "EST", "AUS", "CAN", "TWN", "XKX"):
        assert code in iso3
    for c in countries:
        assert c.demonyms and c.adjectives, c.iso3
        assert all(not n.startswith("~") and not n.endswith("-") for n in c.adjectives + c.demonyms)


def test_codes_in_other_tables_exist_in_countries(gaz):
    known = {c.iso3 for c in gaz.countries()}
    assert {code for _, _, code, _ in load_polities()} <= known
    assert {p.country for _, p, _ in load_places_extra()} <= known
    orgs = {code for _, code, _, _ in load_organisations()}
    assert not orgs & known
    assert not orgs & {c.iso2 for c in gaz.countries()}


def test_places_file_is_compact_and_well_formed():
    path = data_path("places.tsv.gz")
    assert path.stat().st_size < 8 * 1024 * 1024
    with gzip.open(path, "rt", encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        first = f.readline().rstrip("\n").split("\t")
    assert header == ["name", "asciiname", "alternates", "country", "lat", "lon", "population", "admin1"]
    assert len(first) == 8 and len(first[4].split(".")[-1]) <= 4


# ------------------------------------------------------------- bad files

def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("loader, name, text, line", [
    (load_countries, "countries.tsv",
     "# comment\niso3\tiso2\tname\tofficial\tnames\tdemonyms\tadjectives\tcapitals\n"
     "NOR\tNO\tNorway\tKingdom of Norway\t\tNorwegian\tNorwegian\tOslo\n"
     "SWE\tSE\tSweden\tKingdom of Sweden\tSwede\tSwedish\tStockholm\n", 4),
    (load_countries, "countries.tsv",
     "iso3\tiso2\tname\tofficial\tnames\tdemonyms\tadjectives\tcapitals\n"
     "NOR\tNO\tNorway\tKingdom of Norway\t\tNorwegian\tNorwegian\tOslo\n"
     "NORW\tNW\tNorway\tKingdom of Norway\t\tNorwegian\tNorwegian\tOslo\n", 3),
    (load_countries, "countries.tsv",
     "iso3\tiso2\tname\tofficial\tnames\tdemonyms\tadjectives\tcapitals\n"
     "NOR\tNO\tNorway\tKingdom of Norway\t\t\tNorwegian\tOslo\n", 2),
    (load_countries, "countries.tsv",
     "iso3\tiso2\tname\tofficial\tnames\tdemonyms\tadjectives\tcapitals\n"
     "NOR\tNO\tNorway\tKingdom of Norway\tNorge||Noreg\tNorwegian\tNorwegian\tOslo\n", 2),
    (load_polities, "polities.tsv", "name\tcode\taliases\nSoviet Union\tSU\tUSSR\n", 2),
    (load_organisations, "organisations.tsv", "code\tname\taliases\nnato\tNATO\t\n", 2),
    (load_places_extra, "places_extra.tsv",
     "name\taliases\tcountry\tlat\tlon\tkind\nStorskog\t\tNOR\t69.7\tthirty\tborder crossing\n", 2),
    (load_places_extra, "places_extra.tsv",
     "name\taliases\tcountry\tlat\tlon\tkind\n\nStorskog\t\tNOR\t99.7\t30.1\tborder crossing\n", 3),
])
def test_malformed_line_names_file_and_line(tmp_path, loader, name, text, line):
    path = _write(tmp_path, name, text)
    with pytest.raises(DataFileError) as err:
        loader(path)
    assert err.value.path == str(path)
    assert err.value.line == line
    assert f"{path}:{line}" in str(err.value)


def test_wrong_header_is_reported(tmp_path):
    path = _write(tmp_path, "polities.tsv", "name\tcountry\taliases\nPrussia\tDEU\t\n")
    with pytest.raises(DataFileError) as err:
        load_polities(path)
    assert err.value.line == 1 and "header" in err.value.message


def _data_copy(tmp_path: Path) -> Path:
    for name in DATA_FILES:
        shutil.copy(data_path(name), tmp_path / name)
    return tmp_path


def test_polity_of_unknown_country_is_reported(tmp_path):
    d = _data_copy(tmp_path)
    with open(d / "polities.tsv", "a", encoding="utf-8") as f:
        f.write("Kingdom of Atlantis\tATL\tAtlantean\n")
    n = len((d / "polities.tsv").read_text(encoding="utf-8").splitlines())
    with pytest.raises(DataFileError) as err:
        Gazetteer(d)
    assert err.value.path == str(d / "polities.tsv") and err.value.line == n


def test_one_name_for_two_countries_is_reported(tmp_path):
    d = _data_copy(tmp_path)
    with open(d / "countries.tsv", "a", encoding="utf-8") as f:
        f.write("ZZZ\tZZ\tZedland\tRepublic of Zedland\tNorge\tZed\tZeddish\tZed City\n")
    with pytest.raises(DataFileError) as err:
        Gazetteer(d)
    assert err.value.path == str(d / "countries.tsv") and "NOR" in err.value.message


def test_malformed_places_row_is_reported(tmp_path):
    d = _data_copy(tmp_path)
    rows = ("name\tasciiname\talternates\tcountry\tlat\tlon\tpopulation\tadmin1\n"
            "Oslo\tOslo\tChristiania\tNOR\t59.9127\t10.7461\t1000000\t12\n"
            "Bergen\tBergen\tNOR\t60.39\t5.32\t285000\t46\n")
    (d / "places.tsv.gz").write_bytes(gzip.compress(rows.encode("utf-8")))
    g = Gazetteer(d)
    with pytest.raises(DataFileError) as err:
        g.place("Oslo")
    assert err.value.path == str(d / "places.tsv.gz") and err.value.line == 3


# ------------------------------------------------------------- resolve

@pytest.mark.parametrize("name, code", [
    ("Norway", "NOR"), ("norway", "NOR"), ("Kingdom of Norway", "NOR"), ("Norwegians", "NOR"),
    ("the United States", "USA"), ("U.S.", "USA"), ("America", "USA"), ("Great Britain", "GBR"),
    ("Russian Federation", "RUS"), ("rossiya", "RUS"), ("Finn", "FIN"), ("Swedes", "SWE"),
    ("Côte d'Ivoire", "CIV"), ("Cote d’Ivoire", "CIV"), ("Guinea–Bissau", "GNB"), ("Curacao", "CUW"),
    ("NO", "NOR"), ("rus", "RUS"), ("People's Republic", "CHN"), ("Republic of China", "TWN"),
    ("Qing", "CHN"), ("USSR", "RUS"), ("the Soviets", "RUS"), ("Muscovy", "RUS"), ("Novgorod Republic", "RUS"),
    ("Denmark–Norway", "DNK"), ("Denmark-Norway", "DNK"), ("Kalmar Union", "DNK"), ("Prussia", "DEU"),
    ("Ottoman Empire", "TUR"), ("Zaire", "COD"), ("Ceylon", "LKA"), ("Siam", "THA"), ("Persia", "IRN"),
    ("European Union", "EUR"), ("the EU", "EUR"), ("NATO", "NATO"), ("United Nations", "UN"),
    ("Nordic Council", "NORDIC"), ("Barents Euro-Arctic Council", "BEAC"),
    ("Oslo", "NOR"), ("Canberra", "AUS"), ("Tallinn", "EST"),
    ("Dominican", "DOM"),      # Dominica lists it too, but only as a ~name
    ("AU", "AUS"),             # an ISO code beats the African Union's alias
])
def test_resolve(gaz, name, code):
    assert gaz.resolve(name) == code


@pytest.mark.parametrize("name", ["Atlantis", "", "Congolese", "Virgin Islander", "the", "Kingston"])
def test_resolve_unknown_or_ambiguous(gaz, name):
    assert gaz.resolve(name) is None


def test_country_and_polity_name(gaz):
    assert gaz.country("no").name == "Norway"
    assert gaz.country("RUS").official == "Russian Federation"
    assert "Oslo" in gaz.country("NOR").capitals and "Norwegians" in gaz.country("NOR").demonyms
    assert gaz.country("XYZ") is None
    assert gaz.polity_name("the Soviets") == "Soviet Union"
    assert gaz.polity_name("Novgorod") == "Novgorod Republic"
    assert gaz.polity_name("Norway") is None


# ------------------------------------------------------------- mentions

def test_mentions_basic_spans(gaz):
    text = "In 1905 the Norwegian-Russian talks in Oslo went on, and Norway's envoy left."
    ms = gaz.mentions(text)
    assert [(m.text, m.code, m.kind) for m in ms] == [
        ("Norwegian", "NOR", "adjective"), ("Russian", "RUS", "adjective"),
        ("Oslo", "NOR", "capital"), ("Norway", "NOR", "country")]
    for m in ms:
        assert text[m.start:m.end] == m.text


def test_mentions_respect_start_and_end(gaz):
    text = "Sweden and Finland; then Estonia."
    ms = gaz.mentions(text, 11, 18)
    assert [(m.start, m.end, m.code) for m in ms] == [(11, 18, "FIN")]
    assert [m.code for m in gaz.mentions(text, 20)] == ["EST"]


def test_mentions_longest_match_and_no_overlap(gaz):
    assert spans(gaz, "Papua New Guinea and Guinea-Bissau met Guinea.") == [
        ("Papua New Guinea", "PNG", "country"), ("Guinea-Bissau", "GNB", "country"), ("Guinea", "GIN", "country")]
    assert spans(gaz, "The People's Republic of China and the People's Republic") == [
        ("People's Republic of China", "CHN", "country"), ("People's Republic", "CHN", "country")]
    assert spans(gaz, "a North Korean ship and a South Korean one") == [
        ("North Korean", "PRK", "adjective"), ("South Korean", "KOR", "adjective")]


def test_mentions_are_case_sensitive_and_word_bounded(gaz):
    assert spans(gaz, "a roast turkey on china plates; jordan almonds") == []
    assert spans(gaz, "Georgia and Turkey") == [("Georgia", "GEO", "country"), ("Turkey", "TUR", "country")]
    assert spans(gaz, "Norwayish Russians") == [("Russians", "RUS", "demonym")]


def test_mentions_polities_and_orgs(gaz):
    got = gaz.mentions("The Soviets and the Qing court argued; later NATO and the EU met at the UN.")
    assert [(m.text, m.code, m.kind, m.polity) for m in got] == [
        ("Soviets", "RUS", "polity", "Soviet Union"), ("Qing court", "CHN", "polity", "Qing dynasty"),
        ("NATO", "NATO", "org", None), ("EU", "EUR", "org", None), ("UN", "UN", "org", None)]


def test_mentions_traps(gaz):
    # Phrases that hold a name but mean something else.
    assert spans(gaz, "trade with Latin America and the Indian Ocean") == []
    assert spans(gaz, "a plant in Nizhny Novgorod") == []
    # A combining form only before a dash; the surname stays a surname.
    assert spans(gaz, "the Sino-Soviet split") == [("Sino", "CHN", "adjective"), ("Soviet", "RUS", "polity")]
    assert spans(gaz, "under Franco's rule") == []
    # Ambiguous or ordinary-word names are not matched in running text.
    assert spans(gaz, "Congolese miners in Victoria") == []
    # A union is a polity, but "X–Y relations" names two states.
    assert spans(gaz, "Denmark–Norway ruled Iceland") == [
        ("Denmark–Norway", "DNK", "polity"), ("Iceland", "ISL", "country")]
    assert spans(gaz, "Denmark–Norway relations") == [("Denmark", "DNK", "country"), ("Norway", "NOR", "country")]


def test_mentions_fold_accents_and_apostrophes(gaz):
    assert spans(gaz, "Côte d’Ivoire and Curacao") == [
        ("Côte d’Ivoire", "CIV", "country"), ("Curacao", "CUW", "country")]


# ------------------------------------------------------------- places

def _near(p: Place | None, lat: float, lon: float, tol: float = 0.2) -> bool:
    return p is not None and abs(p.lat - lat) < tol and abs(p.lon - lon) < tol


@pytest.mark.parametrize("name, country, lat, lon, code", [
    ("Moscow", None, 55.75, 37.62, "RUS"),
    ("Oslo", None, 59.91, 10.75, "NOR"),
    ("Saint Petersburg", None, 59.94, 30.31, "RUS"),
    ("St. Petersburg", None, 59.94, 30.31, "RUS"),
    ("Sankt-Peterburg", None, 59.94, 30.31, "RUS"),
    ("Kirkenes", None, 69.73, 30.05, "NOR"),
    ("Murmansk", None, 68.97, 33.10, "RUS"),
    ("Gothenburg", None, 57.71, 11.97, "SWE"),
    ("Göteborg", None, 57.71, 11.97, "SWE"),
    ("Malmö", None, 55.61, 13.00, "SWE"),
    ("Malmo", "SE", 55.61, 13.00, "SWE"),
    ("Tromsø", None, 69.65, 18.96, "NOR"),
    ("tromso", None, 69.65, 18.96, "NOR"),
    ("Hong Kong", None, 22.30, 114.17, "CHN"),
    ("Mariehamn", None, 60.10, 19.93, "ALA"),
    ("Canberra", None, -35.28, 149.13, "AUS"),
    ("Adelaide", None, -34.93, 138.60, "AUS"),
    ("Moscow", "USA", 46.73, -117.00, "USA"),      # Moscow, Idaho: the given country first
    ("Barentsburg", None, 78.06, 14.23, "NOR"),
])
def test_place(gaz, name, country, lat, lon, code):
    p = gaz.place(name, country)
    assert _near(p, lat, lon), p
    assert p.country == code


def test_place_traps(gaz):
    storskog = gaz.place("Storskog", "NOR")
    assert storskog.kind == "border crossing" and _near(storskog, 69.67, 30.13, 0.1)
    helsinki = gaz.place("Storskog", "FIN")        # the Helsinki district (Suurmetsä)
    assert helsinki.country == "FIN" and _near(helsinki, 60.27, 25.05, 0.1)
    crossing = gaz.place("Borisoglebsky")
    assert crossing.kind == "border crossing" and _near(crossing, 69.66, 30.16, 0.1)
    town = gaz.place("Borisoglebsk", "RUS")
    assert town.kind == "city" and town.lat < 60            # the Voronezh town, far south
    assert gaz.place("Lefortovo").kind == "prison"
    assert gaz.place("Zzyzxville Nowhere") is None
    assert gaz.place("") is None


def test_place_key_spellings():
    assert place_key("St. Petersburg") == place_key("st petersburg") == "stpetersburg"
    assert place_key("Sankt-Peterburg") == place_key("Sankt Peterburg")
    assert place_key("Tromsø") == "tromso"


# ------------------------------------------------------------- the build script

def _build_module():
    spec = importlib.util.spec_from_file_location("build_places", ROOT / "scripts" / "build_places.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_build_places_is_deterministic_and_selective():
    mod = _build_module()
    cities = {
        "2": {"geonameid": 2, "name": "Tromsø", "latitude": 69.648911, "longitude": 18.955082,
              "countrycode": "NO", "population": 41915, "admin1code": "18",
              "alternatenames": ["TOS", "Tromso", "Tromsø", "Romsa", "Тромсё", "tromse"]},
        "1": {"geonameid": 1, "name": "Oslo", "latitude": 59.912731, "longitude": 10.746090,
              "countrycode": "NO", "population": 1082575, "admin1code": "12",
              "alternatenames": ["OSL", "Christiania", "Óslo", "Осло"]},
    }
    text, unknown = mod.build(cities, {"NO": "NOR"})
    assert text == mod.build(dict(reversed(list(cities.items()))), {"NO": "NOR"})[0]
    lines = text.splitlines()
    assert lines[1] == "Oslo\tOslo\tChristiania\tNOR\t59.9127\t10.7461\t1082575\t12"
    assert lines[2] == "Tromsø\tTromso\tRomsa\tNOR\t69.6489\t18.9551\t41915\t18"
    assert unknown == 0


def test_a_currency_prefix_names_no_state(gaz):
    text = "Moscow lent China US$300 million, and the US sent A$5 million to Australia."
    assert [(m.text, m.code) for m in gaz.mentions(text)] == [
        ("Moscow", "RUS"), ("China", "CHN"), ("US", "USA"), ("Australia", "AUS")]
