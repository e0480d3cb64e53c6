"""Administrative places: the levels, their depth, nesting, identity and codes — one home for all stages.

China's divisions are five levels deep. The upper three (province, prefecture, county) carry an
official 6-digit code; a town or a village has none of its own and is known by its county's code
and its name. Every stage that compares places (link, relate, graph, views) asks this module, so
that a level or a rule of nesting is written once.

Two records stand for a place: a :class:`Division` of the gazetteer (what a name may mean) and a
linked PLACE :class:`~kg.records.Mention` (what a text names); both are handled here.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.records import Mention

LEVELS: tuple[str, ...] = ("province", "prefecture", "county", "town", "village")
# The levels that carry an official code; a place of these levels is known by it.
UPPER_LEVELS: tuple[str, ...] = ("province", "prefecture", "county")
# Above the county: the first name of a chain written as one word (吉林长春, 四川汶川).
PROVINCE_AND_PREFECTURE: tuple[str, ...] = ("province", "prefecture")
# Below the county: known by the county's code and the name.
LOCAL_LEVELS: tuple[str, ...] = ("town", "village")
LEVEL_DEPTH: dict[str, int] = {level: depth for depth, level in enumerate(LEVELS)}


def level_depth(level: str | None, default: int = len(LEVELS) - 1) -> int:
    """0 province … 4 village; ``default`` for a place without a level."""
    return LEVEL_DEPTH.get(level or "", default)


def code_depth(code: str) -> int:
    """The level depth of a 6-digit code: 0 province (xx0000), 1 prefecture (xxxx00), 2 county."""
    if code[2:6] == "0000":
        return 0
    if code[4:6] == "00":
        return 1
    return 2


def pairing_level(place: Mention) -> str | None:
    """The level a place pairs at: its own, but a town directly under a prefecture that has no
    counties (东莞's, 中山's towns, whose county code is the prefecture's) stands where a county does
    (常平镇 pairs with 玉屏县 as 桐乡市 would)."""
    if place.level == "town" and place.county_code and code_depth(place.county_code) == 1:
        return "county"
    return place.level


def province_code(code: str) -> str:
    """The province's code of a 6-digit (or longer) code."""
    return code[:2] + "0000"


# --- divisions of the gazetteer -------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Division:
    """One administrative division; towns and villages carry their county's code."""

    key: str  # code for county level and above; "county/town" or "county/town/village" below
    name: str
    level: str  # province | prefecture | county | town | village
    code: str | None  # 6-digit code, county level and above
    county_code: str | None  # towns and villages: their county's (or 东莞-like prefecture's) code
    parents: tuple[str, ...]  # codes of the parent chain, top first
    province_code: str
    lon: float | None = None
    lat: float | None = None
    short: str | None = None
    aliases: tuple[str, ...] = ()
    formers: tuple[str, ...] = ()
    town: str | None = None  # villages: the town they belong to

    @property
    def rank(self) -> int:
        """Level depth: 0 province … 4 village."""
        return LEVEL_DEPTH[self.level]

    def within(self, code: str) -> bool:
        """Whether this division is ``code`` or lies under it."""
        return code == self.code or code in self.parents


@dataclass(frozen=True, slots=True)
class Candidate:
    """A division a surface form may stand for, and how the surface names it."""

    division: Division
    kind: str  # name | alias | short | former


def descends(child: Division, parent: Division) -> bool:
    """Whether ``child`` lies under ``parent`` (not the division itself)."""
    if parent.level in UPPER_LEVELS:
        return parent.code is not None and parent.code in child.parents and child.key != parent.key
    return child.level == "village" and child.county_code == parent.county_code and child.town == parent.name


def division_chain(division: Division) -> tuple[str, ...]:
    """Codes from the province down to the division itself (towns and villages by key)."""
    own = division.code or division.key
    return (*division.parents, own)


def closeness(division: Division, anchor: Division) -> int:
    """Length of the parent chain two divisions share (天津市和平区 and 天津市: 1)."""
    shared = 0
    for a, b in zip(division_chain(division), division_chain(anchor), strict=False):
        if a != b:
            break
        shared += 1
    return shared


def county_of(division: Division) -> str | None:
    """The county's code of a county, town or village; None above the county."""
    if division.level in LOCAL_LEVELS:
        return division.county_code
    return division.code if division.level == "county" else None


# --- linked PLACE mentions ------------------------------------------------------------------------
def place_chain(place: Mention) -> set[str]:
    """Codes of a linked place and of everything above it."""
    codes = set(place.parents)
    codes.update(c for c in (place.code, place.county_code) if c)
    return codes


def place_key(place: Mention) -> str:
    """Identity of a linked place: its code, or its county's code and its name below county level."""
    if place.code and place.level in UPPER_LEVELS:
        return place.code
    return f"{place.county_code or ''}/{place.name or place.text}"


def nests(inner: Mention, outer: Mention) -> bool:
    """Whether linked place ``inner`` is ``outer`` or lies inside it."""
    if place_key(inner) == place_key(outer):
        return True
    if outer.code and outer.level in UPPER_LEVELS:  # in place_chain(inner), without making the set
        code = outer.code
        return code == inner.code or code == inner.county_code or code in inner.parents
    if outer.level == "town" and inner.level == "village":
        return bool(outer.county_code) and outer.county_code == inner.county_code
    return False


def region_code(place: Mention) -> str | None:
    """The code that places a linked place on the map of regions: its own, or its county's."""
    return place.code if place.level in UPPER_LEVELS else place.county_code


def province_of(place: Mention) -> str | None:
    """The province's code of a linked place."""
    code = region_code(place)
    return place.province_code or (province_code(code) if code else None)
