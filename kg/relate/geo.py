"""The place facts the relations lean on beyond identity and nesting (those live in kg.places):
levels that may pair, regions, the official pairs and the kinds of divisions."""

from __future__ import annotations

from kg.places import UPPER_LEVELS, code_depth, nests, place_chain, province_of, region_code
from kg.records import Mention
from kg.regions import region_of
from kg.relate.rules import intra_province_sides, official_pairs

REGION_RANK = {"east": 2, "other": 1, "west": 0}


def related(a: Mention, b: Mention) -> bool:
    """Same place, or one inside the other: never a pair."""
    return nests(a, b) or nests(b, a)


def comparable_levels(a: Mention, b: Mention) -> bool:
    """Both county level or above, or the same level: what a weak verb may pair."""
    return (a.level in UPPER_LEVELS and b.level in UPPER_LEVELS) or a.level == b.level


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
    donor_chain, recipient_chain = place_chain(donor), place_chain(recipient)
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
