"""The place facts the relations lean on beyond identity and nesting (those live in kg.places):
levels that may pair, regions, the official pairs and the kinds of divisions."""

from __future__ import annotations

from kg.places import UPPER_LEVELS, code_depth, nests, pairing_level, place_chain, province_of, region_code
from kg.programmes import (
    OfficialPair,
    Programme,
    agreeing,
    charged_elsewhere,
    named_programmes,
    programme_kind,
)
from kg.records import Mention
from kg.regions import region_of
from kg.relate.rules import intra_province_sides, lexicon

REGION_RANK = {"east": 2, "other": 1, "west": 0}


def related(a: Mention, b: Mention) -> bool:
    """Same place, or one inside the other: never a pair."""
    return nests(a, b) or nests(b, a)


def comparable_levels(a: Mention, b: Mention) -> bool:
    """Both county level or above, or the same level: what a weak verb may pair."""
    a_level, b_level = pairing_level(a), pairing_level(b)
    return (a_level in UPPER_LEVELS and b_level in UPPER_LEVELS) or a_level == b_level


def pairing_kind(
    donor: Mention,
    recipient: Mention,
    rows: tuple[OfficialPair, ...] = (),
    named: tuple[Programme, ...] = (),
) -> str:
    """east-west, intra-province or other: the programme's kind where the pair agrees with an official
    pair (对口支援 → east-west, 对口合作 → other, but intra-province when both sides lie in one province),
    else the kind of the programmes the sentence names (:func:`named_programme`), else from the
    provinces and regions of the places."""
    kind = programme_kind(rows) or (named[0].kind if named else None)
    donor_province, recipient_province = province_of(donor), province_of(recipient)
    same_province = bool(donor_province) and donor_province == recipient_province
    if kind and not (kind == "other" and same_province):
        return kind
    if same_province:  # 宁波 → 丽水 under 革命老区对口合作 is still a pair inside 浙江
        return "intra-province"
    if region_of(region_code(donor)) == "east" and region_of(region_code(recipient)) == "west":
        return "east-west"
    return "other"


def official_rows(
    donor: Mention, recipient: Mention, year: int | None = None, sentence_text: str = ""
) -> tuple[OfficialPair, ...]:
    """The rows of the programme tables (``data/programmes``) the pair agrees with at its own or a
    higher level, the most specific ones (one pair of codes, one row per programme listing it);
    those of the programmes the sentence names where any agrees; those of ``year`` (the article's)
    where any of them holds then."""
    named = {p.id for p in named_programmes(sentence_text)} if sentence_text else set()
    return agreeing(place_chain(donor), place_chain(recipient), year, named)


def named_programme(
    donor: Mention, recipient: Mention, sentence_text: str, year: int | None = None
) -> tuple[Programme, ...]:
    """The programmes a pair of two provinces' places is stated under where no table lists it: those
    the sentence names by their cue words (上海对口支援三峡库区的云岭区 → 三峡, kind other), when they
    all make one kind; of them, those whose period holds ``year`` where any does. Nothing for a pair
    inside one province (its kind is intra-province whatever the sentence names)."""
    donor_province, recipient_province = province_of(donor), province_of(recipient)
    if not donor_province or not recipient_province or donor_province == recipient_province:
        return ()
    named = named_programmes(sentence_text)
    if year is not None:
        held = tuple(p for p in named if p.start <= year and (p.end is None or year <= p.end))
        return held or named
    return named


def official_pair(donor: Mention, recipient: Mention) -> tuple[str, str] | None:
    """The codes of the most specific official pair that the pair agrees with."""
    rows = official_rows(donor, recipient)
    return (rows[0].donor_code, rows[0].recipient_code) if rows else None


def listed_as_is(donor: Mention, recipient: Mention) -> bool:
    """Whether a programme table lists the pair at its own codes (a row of the two provinces does
    not tell which of their counties pair; a row 上海市 → 万州区 does list that pair of levels)."""
    return official_pair(donor, recipient) == (donor.code, recipient.code)


def listed_elsewhere(giver: Mention, receiver: Mention) -> bool:
    """Whether the tables give the giver, at its own code, other places of the receiver's province
    and not the receiver (nor a place that holds it or lies in it): a pair only the sides of a
    sentence suggest that the tables contradict."""
    return bool(giver.code and receiver.code) and charged_elsewhere(giver.code or "", receiver.code or "")


def listed_above(donor: Mention, recipient: Mention) -> bool:
    """Whether a programme table lists the donor, at its own code, with the prefecture just above the
    recipient (福建省 → 昌都市 for 福建省 and 左贡县): the recipient is a part of the donor's listed
    charge one level down, as a row at its own codes would say. A row of two provinces (浙江省 → 吉林省)
    does not: it names no prefecture, and the aided province's prefectures are the charge of the
    giver's cities (宁波市 → 延边州), not of the province."""
    pair = official_pair(donor, recipient)
    if not pair or pair[0] != donor.code or not recipient.code or recipient.level not in UPPER_LEVELS:
        return False
    above = code_depth(pair[1])
    return pair[1] in recipient.parents and above == code_depth(recipient.code) - 1 and above > 0


def intra_side(place: Mention) -> str | None:
    code = region_code(place)
    return intra_province_sides().get(code[:4] + "00") if code else None


def division_kind_rank(place: Mention) -> int | None:
    """A rough wealth order of county/prefecture kinds, by the official name's ending."""
    name = place.name or ""
    if place.level not in ("county", "prefecture"):
        return None
    ranks = lexicon()["division_kind_rank"]
    for suffix, rank in ((k, v) for k, v in ranks.items() if not k.startswith("_")):
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
