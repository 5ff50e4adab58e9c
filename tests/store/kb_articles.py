"""Made-up articles for the store tests, and a store built from them.

The text is written here (no third-party article text): a lead with the
establishment of relations, missions and a list; a history section with a
treaty, a tit-for-tat expulsion and a visit. `year` shifts the history.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

# (country, capital, adjective) -- pairs are made of neighbours in this list
STATES = [
    ("Chile", "Santiago", "Chilean"), ("Peru", "Lima", "Peruvian"), ("Austria", "Vienna", "Austrian"),
    ("Hungary", "Budapest", "Hungarian"), ("Portugal", "Lisbon", "Portuguese"), ("Brazil", "Brasília", "Brazilian"),
    ("Kenya", "Nairobi", "Kenyan"), ("Ghana", "Accra", "Ghanaian"), ("Poland", "Warsaw", "Polish"),
    ("Greece", "Athens", "Greek"), ("Egypt", "Cairo", "Egyptian"), ("Mexico", "Mexico City", "Mexican"),
    ("Argentina", "Buenos Aires", "Argentine"), ("Japan", "Tokyo", "Japanese"), ("Thailand", "Bangkok", "Thai"),
    ("Morocco", "Rabat", "Moroccan"), ("Iceland", "Reykjavík", "Icelandic"), ("Ireland", "Dublin", "Irish"),
    ("Belgium", "Brussels", "Belgian"), ("Denmark", "Copenhagen", "Danish"), ("Italy", "Rome", "Italian"),
    ("Spain", "Madrid", "Spanish"), ("Turkey", "Ankara", "Turkish"), ("Vietnam", "Hanoi", "Vietnamese"),
    ("Nigeria", "Abuja", "Nigerian"), ("Senegal", "Dakar", "Senegalese"), ("Colombia", "Bogotá", "Colombian"),
    ("Ecuador", "Quito", "Ecuadorian"), ("Latvia", "Riga", "Latvian"), ("Lithuania", "Vilnius", "Lithuanian"),
    ("Romania", "Bucharest", "Romanian"), ("Bulgaria", "Sofia", "Bulgarian"), ("Croatia", "Zagreb", "Croatian"),
    ("Slovakia", "Bratislava", "Slovak"), ("Uruguay", "Montevideo", "Uruguayan"), ("Paraguay", "Asunción", "Paraguayan"),
    ("Tunisia", "Tunis", "Tunisian"), ("Jordan", "Amman", "Jordanian"), ("Nepal", "Kathmandu", "Nepalese"),
    ("Mongolia", "Ulaanbaatar", "Mongolian"), ("Cuba", "Havana", "Cuban"), ("Jamaica", "Kingston", "Jamaican"),
]


def article(i: int, year: int = 1990, extra: str = "") -> tuple[str, str]:
    """(file stem, text) of the i-th made-up article (pair STATES[2i], STATES[2i+1] cycling)."""
    a, ca, ja = STATES[(2 * i) % len(STATES)]
    b, cb, jb = STATES[(2 * i + 1 + (2 * i) // len(STATES)) % len(STATES)]
    text = f"""= {a}–{b} relations =

{a}–{b} relations are the bilateral relations between {a} and {b}. The two states established diplomatic relations on 12 May 1839. {a} has an embassy in {cb}. {b} has an embassy in {ca}. Since March 2021 {a} has been on {b}'s list of unfriendly countries.

==History==
On 4 June 1885 {b} and {a} signed a trade agreement. In March {year} {a} expelled two {jb} diplomats. {b} expelled three {ja} diplomats later that month. In {year + 15} the {ja} president visited {cb}.{extra}
"""
    return f"{a.lower()}-{b.lower()}".replace(" ", "_"), text


def write_articles(folder: Path, n: int, year: int = 1990) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        stem, text = article(i, year)
        p = folder / f"{i:03d}-{stem}.txt"
        p.write_text(text, encoding="utf-8")
        out.append(p)
    return out


_CACHE: dict[str, Path] = {}


def built_store(tmp_path_factory) -> Path:
    """A store with the bundled example and three made-up articles (built once per session)."""
    if "db" not in _CACHE:
        from bilat.store.ingest import ingest
        d = tmp_path_factory.mktemp("kb")
        arts = d / "articles"
        write_articles(arts, 3)
        shutil.copy(EXAMPLES / "norway-russia.txt", arts / "norway-russia.txt")
        rep = ingest([str(arts)], d / "kb.db", jobs=1)
        assert rep.ok and rep.added == 4, rep
        _CACHE["db"] = d / "kb.db"
    return _CACHE["db"]


@pytest.fixture(scope="session")
def kb_db(tmp_path_factory) -> Path:
    return built_store(tmp_path_factory)
