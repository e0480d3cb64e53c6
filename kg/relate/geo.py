"""Place identity and the place facts the relations lean on: nesting, levels, regions, provinces,
the official pairs and the kinds of divisions."""

from __future__ import annotations

from kg.records import Mention
from kg.regions import region_of
from kg.relate.rules import intra_province_sides, official_pairs

UPPER_LEVELS = frozenset({"province", "prefecture", "county"})


REGION_RANK = {"east": 2, "other": 1, "west": 0}


LEVEL_DEPTH = {"province": 0, "prefecture": 1, "county": 2, "town": 3, "village": 4}


def code_depth(code: str) -> int:
    """0 province, 1 prefecture, 2 county (6-digit codes)."""
    if code[2:6] == "0000":
        return 0
    if code[4:6] == "00":
        return 1
    return 2


def chain(place: Mention) -> set[str]:
    """Codes of the place and of everything above it."""
    codes = set(place.parents)
    codes.update(c for c in (place.code, place.county_code) if c)
    return codes


def place_key(place: Mention) -> str:
    """Identity of a place: its code, or its county's code and its name below county level."""
    if place.code and place.level in UPPER_LEVELS:
        return place.code
    return f"{place.county_code or ''}/{place.name or place.text}"


def nests(inner: Mention, outer: Mention) -> bool:
    """Whether ``inner`` is ``outer`` or lies inside it."""
    if place_key(inner) == place_key(outer):
        return True
    if outer.code and outer.level in UPPER_LEVELS:
        return outer.code in chain(inner)
    if outer.level == "town" and inner.level == "village":
        return bool(outer.county_code) and outer.county_code == inner.county_code
    return False


def related(a: Mention, b: Mention) -> bool:
    """Same place, or one inside the other: never a pair."""
    return nests(a, b) or nests(b, a)


def comparable_levels(a: Mention, b: Mention) -> bool:
    """Both county level or above, or the same level: what a weak verb may pair."""
    return (a.level in UPPER_LEVELS and b.level in UPPER_LEVELS) or a.level == b.level


def region_code(place: Mention) -> str | None:
    return place.code if place.level in UPPER_LEVELS else place.county_code


def province_of(place: Mention) -> str | None:
    code = region_code(place)
    return place.province_code or (code[:2] + "0000" if code else None)


def pairing_kind(donor: Mention, recipient: Mention) -> str:
    """east-west, intra-province or other, from the provinces of the two places."""
    donor_province, recipient_province = province_of(donor), province_of(recipient)
    if donor_province and donor_province == recipient_province:
        return "intra-province"
    if region_of(region_code(donor)) == "east" and region_of(region_code(recipient)) == "west":
        return "east-west"
    return "other"


def official_pair(donor: Mention, recipient: Mention) -> tuple[str, str] | None:
    """The most specific official pair that the pair agrees with at its own or a higher level."""
    donor_chain, recipient_chain = chain(donor), chain(recipient)
    best: tuple[str, str] | None = None
    for d_code, _, r_code, _ in official_pairs():
        if d_code in donor_chain and r_code in recipient_chain:
            if best is None or code_depth(d_code) + code_depth(r_code) > code_depth(best[0]) + code_depth(
                best[1]
            ):
                best = (d_code, r_code)
    return best


def intra_side(place: Mention) -> str | None:
    code = region_code(place)
    return intra_province_sides().get(code[:4] + "00") if code else None


DIVISION_KIND_RANK = (("区", 3), ("市", 2), ("县", 1), ("旗", 1), ("州", 1), ("盟", 1), ("地区", 1))


def division_kind_rank(place: Mention) -> int | None:
    """A rough wealth order of county/prefecture kinds, by the official name's ending."""
    name = place.name or ""
    if place.level not in ("county", "prefecture"):
        return None
    for suffix, rank in DIVISION_KIND_RANK:
        if name.endswith(suffix):
            return rank
    return None


def is_resolved(place: Mention) -> bool:
    return bool(place.name) and bool(place.code or place.county_code) and not place.unresolved


def code_within(code: str | None, place: Mention) -> bool:
    """Whether a division code lies inside ``place`` (a county-or-above place)."""
    if not code or not place.code or place.level not in UPPER_LEVELS:
        return False
    depth = code_depth(place.code)
    prefix = (2, 4, 6)[depth]
    return code[:prefix] == place.code[:prefix]
