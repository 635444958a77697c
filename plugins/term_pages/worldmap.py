"""The country map: coasts and borders drawn as static SVG at build time (pure functions).

``world-110m.json`` (next to this module; made by ``scripts/world_map_data.py`` from Natural
Earth's public-domain 1:110m countries, see ``WORLD-MAP-LICENCE.md``) holds each Asia-Pacific
country's outline in tenths of a degree. :func:`country_map` projects them (equirectangular)
into one of two boxes, South-East Asia or, for a country outside it, Asia-Pacific, and returns
what ``macros.country_map`` draws: a path per country (taxonomy countries are links, ASEAN
members shaded, the current one highlighted and labelled), a dot for a country too small for
the data (Singapore), and the taxonomy's countries outside the box listed as "further away".
Labels are sized for a 375 px phone: only the current country is named on the map.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

DATA = Path(__file__).with_name("world-110m.json")
WIDTH = 640
#: The boxes the map shows (degrees): the region most releases are about, then a wider one.
REGION = {"west": 91.0, "east": 131.0, "south": -11.0, "north": 28.5}  # South-East Asia
WIDER = {"west": 66.0, "east": 154.0, "south": -44.0, "north": 48.0}  # Asia-Pacific
LABEL_SIZE = 26  # SVG units: about 15 px when the 640-unit map is 375 px wide


@functools.lru_cache(maxsize=1)
def outlines() -> dict[str, tuple[tuple[float, ...], ...]]:
    """ISO alpha-2 code → its rings (flat lon, lat pairs in degrees), read once."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    scale = data["scale"]
    return {code: tuple(tuple(v / scale for v in ring) for ring in rings)
            for code, rings in data["countries"].items()}


def _located(countries) -> list:
    return [t for t in countries
            if t.extra.get("lat") is not None and t.extra.get("lon") is not None]


def _inside(term, box) -> bool:
    lat, lon = float(term.extra["lat"]), float(term.extra["lon"])
    return box["south"] <= lat <= box["north"] and box["west"] <= lon <= box["east"]


def map_box(current=None) -> dict:
    """South-East Asia, or Asia-Pacific for a current country outside South-East Asia."""
    if current is not None and current.extra.get("lat") is not None \
            and not _inside(current, REGION) and _inside(current, WIDER):
        return dict(WIDER)
    return dict(REGION)


def _in_view(ring, box, margin: float = 2.0) -> bool:
    """Whether a ring (flat lon, lat pairs) reaches into ``box``."""
    lons, lats = ring[0::2], ring[1::2]
    return (min(lons) <= box["east"] + margin and max(lons) >= box["west"] - margin
            and min(lats) <= box["north"] + margin and max(lats) >= box["south"] - margin)


def _path(rings, xy, box) -> str:
    """SVG path data of the rings in view, in whole map units (repeated points dropped)."""
    parts = []
    for ring in rings:
        if not _in_view(ring, box):
            continue
        points: list[tuple[int, int]] = []
        for i in range(0, len(ring) - 1, 2):
            x, y = xy(ring[i + 1], ring[i])
            point = (round(x), round(y))
            if not points or point != points[-1]:
                points.append(point)
        if len(points) >= 3:
            parts.append("M" + "L".join(f"{x},{y}" for x, y in points) + "Z")
    return "".join(parts)


def country_map(countries, current=None, width: int = WIDTH) -> dict | None:
    """What the theme draws for ``countries`` (taxonomy terms with ``lat``/``lon``), with
    ``current`` highlighted; ``None`` when no country is located."""
    located = _located(countries)
    if not located:
        return None
    box = map_box(current)
    scale = width / (box["east"] - box["west"])
    height = round((box["north"] - box["south"]) * scale)

    def xy(lat, lon):
        return round((lon - box["west"]) * scale, 1), round((box["north"] - lat) * scale, 1)

    terms = {t.id: t for t in located}
    shapes, points, elsewhere = [], [], []
    for code, rings in sorted(outlines().items()):
        term = terms.get(code)
        d = _path(rings, xy, box)
        if not d:
            continue
        shapes.append({"term": term, "d": d,
                       "asean": bool(term and term.extra.get("asean")),
                       "current": bool(term and current is not None and term.id == current.id)})
    for term in sorted(located, key=lambda t: t.id):
        if not _inside(term, box):
            elsewhere.append(term)
        elif term.id not in outlines():
            x, y = xy(float(term.extra["lat"]), float(term.extra["lon"]))
            points.append({"term": term, "x": x, "y": y, "asean": bool(term.extra.get("asean")),
                           "current": current is not None and term.id == current.id})
    label = None
    if current is not None and current in located and _inside(current, box):
        x, y = xy(float(current.extra["lat"]), float(current.extra["lon"]))
        anchor = "end" if x > width * 0.6 else "start"
        label = {"x": round(x + (-14 if anchor == "end" else 14), 1), "y": round(y + 8, 1),
                 "anchor": anchor, "size": LABEL_SIZE, "term": current}
    return {"width": width, "height": height, "shapes": shapes, "points": points,
            "label": label, "elsewhere": elsewhere}
