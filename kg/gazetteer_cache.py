"""The gazetteer's divisions and towns as parsed from their sources, kept in the user cache.

Parsing jionlp's tree and change list, cpca's coordinates and our tables into ~3,400 divisions and
~43,000 towns took ~0.45 CPU s at every start of a build that reads a new article (adding one
article to a build: a tenth of its time); read back in marshal's format they take ~0.12 s. The
name index is made from them at each start as before (``kg.gazetteer.Gazetteer``), and the raw
tree the villages are read from is read from its zip file (it is not kept twice). The entry is
kept under a fingerprint of the gazetteer's code and data files and the versions of jionlp and
cpca (:mod:`kg.user_cache`), the sources ``kg.graph.divisions`` keeps its coded divisions under.
"""

from __future__ import annotations

import marshal
from collections.abc import Callable
from dataclasses import astuple

from kg.places import Division
from kg.user_cache import PACKAGE, fingerprint, load_or_compile

# divisions by code, towns, village spans by county code, short-name overrides
Parsed = tuple[dict[str, Division], list[Division], dict[str, list[tuple[str, int, int]]], dict[str, str]]
_SOURCES = ("gazetteer.py", "gazetteer_cache.py", "corps.py", "functional_areas.py", "places.py")


def _dump(parsed: Parsed) -> bytes:
    divisions, towns, spans, overrides = parsed
    return marshal.dumps(
        ([astuple(d) for d in divisions.values()], [astuple(t) for t in towns], spans, overrides)
    )


def _load(payload: bytes) -> Parsed:
    divisions, towns, spans, overrides = marshal.loads(payload)
    return {row[0]: Division(*row) for row in divisions}, [Division(*row) for row in towns], spans, overrides


def kept_parse(parse: Callable[[], Parsed]) -> Parsed:
    """What ``parse`` gives, from the user cache when its sources are unchanged."""
    data = sorted((PACKAGE / "data").glob("*.csv"))
    key = fingerprint([PACKAGE / name for name in _SOURCES] + data, ("jionlp", "cpca"))
    return load_or_compile("gazetteer-parsed", key, parse, _dump, _load)
