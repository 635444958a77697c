"""Make ``plugins/term_pages/world-110m.json`` (the country map's coasts) from Natural Earth.

Run once, by hand, when the map's data should change (the output is committed; nothing downloads
at build time)::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz      # in /tmp
    pip install --target /tmp/iso3166pkg iso3166                      # numeric → alpha-2 codes
    PYTHONPATH=/tmp/iso3166pkg python scripts/world_map_data.py \\
        /tmp/package/countries-110m.json plugins/term_pages/world-110m.json

It decodes the TopoJSON (quantized, delta-encoded arcs), keeps the countries that reach into
the Asia-Pacific box the site maps (``BOX``), and writes each as ISO alpha-2 code → rings of
longitude/latitude in tenths of a degree (a flat list of integers per ring). Natural Earth is in
the public domain; world-atlas is ISC-licensed (see plugins/term_pages/WORLD-MAP-LICENCE.md).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

BOX = {"west": 55.0, "east": 165.0, "south": -50.0, "north": 58.0}
SCALE = 10  # tenths of a degree


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        points.extend(arc[1:] if points else arc)
    return points


def polygons(geometry: dict) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def touches_box(points) -> bool:
    return any(BOX["west"] <= x <= BOX["east"] and BOX["south"] <= y <= BOX["north"]
               for x, y in points)


def compact(points) -> list[int]:
    flat: list[int] = []
    last = None
    for x, y in points:
        pair = (round(x * SCALE), round(y * SCALE))
        if pair != last:
            flat.extend(pair)
            last = pair
    return flat


def main(src: str, out: str) -> None:
    import iso3166

    topology = json.loads(Path(src).read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    countries: dict[str, list[list[int]]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        found = iso3166.countries_by_numeric.get(str(geometry.get("id", "")))
        code = found.alpha2 if found else "-" + geometry.get("properties", {}).get("name", "?")
        for polygon in polygons(geometry):
            rings = [ring(r, arcs) for r in polygon]
            if rings and touches_box(rings[0]):
                countries.setdefault(code, []).extend(
                    c for c in (compact(r) for r in rings[:1]) if len(c) >= 6)
    data = {"source": "Natural Earth 1:110m Admin 0 countries, via world-atlas 2.0.2 (ISC)",
            "scale": SCALE, "countries": dict(sorted(countries.items()))}
    Path(out).write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:3])
