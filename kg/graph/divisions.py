"""The coded divisions the graph describes (provinces, prefectures, counties), kept on disk.

The graph needs, for every place code a relation names, its name, level, parent chain and
coordinates. Building the whole gazetteer for that (towns and villages included) is most of a
warm rebuild's time, so the ~3,200 coded divisions are written once as JSON into the user cache
directory under a fingerprint of the gazetteer's sources (package version, the gazetteer's code
and data files, the jionlp and cpca versions) and read from there afterwards.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

import kg

_PACKAGE = Path(kg.__file__).parent
_SOURCES = ("gazetteer.py", "places.py")


@dataclass(frozen=True)
class CodedDivision:
    """What the graph says of a province, prefecture or county."""

    name: str
    level: str
    parents: tuple[str, ...]
    lon: float | None
    lat: float | None


def _fingerprint() -> str:
    h = hashlib.sha256(kg.__version__.encode())
    for name in _SOURCES:
        h.update((_PACKAGE / name).read_bytes())
    for path in sorted((_PACKAGE / "data").glob("*.csv")):
        h.update(path.name.encode() + path.read_bytes())
    for package in ("jionlp", "cpca"):
        try:
            h.update(metadata.version(package).encode())
        except metadata.PackageNotFoundError:
            h.update(b"-")
    return h.hexdigest()[:16]


def cache_file() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("shanhai-kg")) / f"coded-divisions-{_fingerprint()}.json"


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
    path = cache_file()
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        rows = _from_gazetteer()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(rows, fh, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only home: build it each time
    return {
        code: CodedDivision(name, level, tuple(parents), lon, lat)
        for code, (name, level, parents, lon, lat) in rows.items()
    }
