"""New areas and development zones as places (``data/functional_areas.csv``).

They are no divisions: each links to the division that administers it, its host (青岛西海岸新区 →
黄岛区; one spanning several counties → their prefecture). Where the gazetteer itself lists the zone
as a town under its host county (天津经济技术开发区 under 滨海新区), the zone is that town: a zone
that helps pairs at the level the text names, under its host. :mod:`kg.gazetteer` reads the
table's names as aliases of the host through these helpers; the linker asks for the official name.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from kg.io import data_rows


@cache
def _area_rows() -> tuple[tuple[str, tuple[str, ...], str], ...]:
    """(official name, short names, host code) of each row."""
    rows = []
    for row in data_rows("functional_areas.csv"):
        shorts = tuple(s.strip() for s in (row["short"] or "").split("|") if s.strip())
        rows.append((row["name"].strip(), shorts, row["host"].strip()))
    return tuple(rows)


def functional_area_names() -> dict[str, list[str]]:
    """Names of new areas and development zones by host code: each name, then its short ones."""
    names: dict[str, list[str]] = defaultdict(list)
    for name, shorts, host in _area_rows():
        names[host].extend([name, *shorts])
    return dict(names)


@cache
def functional_area_official_names() -> dict[tuple[str, str], str]:
    """(host code, any name of a zone) → the zone's official name: 天津经开区 of 120116 is
    天津经济技术开发区."""
    return {(host, surface): name for name, shorts, host in _area_rows() for surface in (name, *shorts)}
