"""GeoJSON FeatureCollection of diplomatic missions and sites.

A mission without coordinates of its own is placed at its city, looked up
in the gazetteer (in the receiving country first); one that cannot be
placed keeps a null geometry, as GeoJSON allows.
"""
from __future__ import annotations

import json

from ._out import text_out


def _point(lat, lon):
    if lat is None or lon is None:
        return None
    return {"type": "Point", "coordinates": [round(float(lon), 6), round(float(lat), 6)]}


def features(view, pair=None) -> list[dict]:
    from ..nlp.gazetteer import gazetteer
    g = gazetteer()
    feats = []
    for rec in view.records(pair):
        title = rec.source.get("title")
        for m in rec.missions:
            lat, lon = m.lat, m.lon
            if lat is None and m.city:
                place = g.place(m.city, m.receiving)
                if place is not None:
                    lat, lon = place.lat, place.lon
            feats.append({"type": "Feature", "geometry": _point(lat, lon), "properties": {
                "feature": "mission", "sending": m.sending, "receiving": m.receiving, "kind": m.kind,
                "city": m.city, "status": m.status, "opened": m.opened, "closed": m.closed,
                "pair": list(rec.pair), "title": title,
                "evidence": m.evidence[0].text if m.evidence else None}})
        for s in rec.sites:
            feats.append({"type": "Feature", "geometry": _point(s.lat, s.lon), "properties": {
                "feature": "site", "name": s.name, "kind": s.kind, "place": s.place, "country": s.country,
                "pair": list(rec.pair), "title": title,
                "evidence": s.evidence[0].text if s.evidence else None}})
    return feats


def write(view, out, pair=None) -> str:
    feats = features(view, pair)
    with text_out(out) as f:
        json.dump({"type": "FeatureCollection", "features": feats}, f, ensure_ascii=False)
        f.write("\n")
    placed = sum(1 for x in feats if x["geometry"])
    return f"{out}: {len(feats)} features ({placed} with coordinates)"
