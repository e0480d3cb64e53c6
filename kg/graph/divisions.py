"""The coded divisions the graph describes (provinces, prefectures, counties), kept on disk.

The graph needs, for every place code a relation names, its name, level, parent chain and
coordinates. Building the whole gazetteer for that (towns and villages included) is most of a
warm rebuild's time, so the ~3,200 coded divisions are written once as JSON into the user cache
directory (:mod:`kg.user_cache`) under a fingerprint of the gazetteer's sources (package version,
the gazetteer's code and data files, the jionlp and cpca versions) and read from there afterwards.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from kg.user_cache import PACKAGE, fingerprint, load_or_compile

_SOURCES = ("gazetteer.py", "corps.py", "places.py")


@dataclass(frozen=True)
class CodedDivision:
    """What the graph says of a province, prefecture or county."""

    name: str
    level: str
    parents: tuple[str, ...]
    lon: float | None
    lat: float | None


def _fingerprint() -> str:
    data = sorted((PACKAGE / "data").glob("*.csv"))
    return fingerprint([PACKAGE / name for name in _SOURCES] + data, ("jionlp", "cpca"))


def _from_gazetteer() -> dict[str, list]:
    from kg.gazetteer import load_gazetteer

    return {
        code: [d.name, d.level, list(d.parents), d.lon, d.lat]
        for code, d in load_gazetteer().divisions.items()
        if d.code == code
    }


@cache
def coded_divisions() -> dict[str, CodedDivision]:
    """Code → CodedDivision, from the user cache when its sources are unchanged, else built and kept."""
    rows = load_or_compile(
        "coded-divisions",
        _fingerprint(),
        _from_gazetteer,
        lambda value: json.dumps(value, ensure_ascii=False).encode("utf-8"),
        lambda payload: json.loads(payload.decode("utf-8")),
    )
    return {
        code: CodedDivision(name, level, tuple(parents), lon, lat)
        for code, (name, level, parents, lon, lat) in rows.items()
    }
