"""Who gives in a symmetric wording (X与Y结对): the steps that decide it, in order of trust."""

from __future__ import annotations

from kg.places import province_of, region_code
from kg.records import Mention
from kg.regions import region_of
from kg.relate.geo import REGION_RANK, division_kind_rank, intra_side, official_pair
from kg.relate.rules import lexicon
from kg.relate.state import ArticleState

# The steps that decide from the two places themselves, not from the article or their names.
SIDE_STEPS = frozenset({"region", "official", "aid-programme", "province-programme"})


# The steps settled before the article's own evidence, so that the evidence includes them: they
# depend on the two places alone (a province's own programme too: 嘉兴 gives to 丽水 in 浙江).
EARLY_STEPS = frozenset({"region", "official", "aid-programme", "province-programme"})


def resolve_factors() -> dict[str, float]:
    """The confidence factor of each step that decides a symmetric wording's direction."""
    return {k: v for k, v in lexicon()["direction_steps"].items() if not k.startswith("_")}


def resolve_direction(a: Mention, b: Mention, state: ArticleState) -> tuple[Mention, Mention, str]:
    """Donor and recipient of a symmetric wording, and the step that decided it: the programme
    tables first (only one direction agrees with an official pair: 辽宁与江苏对口合作 → 江苏 gives),
    then the region, the national aid programmes and the province's own programme (each decided by
    the two places alone), then the article's own statements and the rules after them."""
    forward, backward = official_pair(a, b), official_pair(b, a)
    if bool(forward) != bool(backward):
        return (a, b, "official") if forward else (b, a, "official")
    rank_a = REGION_RANK[region_of(region_code(a))]
    rank_b = REGION_RANK[region_of(region_code(b))]
    if rank_a != rank_b:
        return (a, b, "region") if rank_a > rank_b else (b, a, "region")
    aided = lexicon()["aid_recipient_provinces"]["codes"]
    aided_a, aided_b = province_of(a) in aided, province_of(b) in aided
    if aided_a != aided_b:
        return (b, a, "aid-programme") if aided_a else (a, b, "aid-programme")
    side_a, side_b = intra_side(a), intra_side(b)
    if side_a != side_b and province_of(a) == province_of(b):
        if side_a == "donor" or side_b == "recipient":
            return a, b, "province-programme"
        return b, a, "province-programme"
    score_a, score_b = state.donor_score(a), state.donor_score(b)
    if score_a != score_b:
        return (a, b, "article") if score_a > score_b else (b, a, "article")
    kind_a, kind_b = division_kind_rank(a), division_kind_rank(b)
    if a.level == b.level and kind_a and kind_b and kind_a != kind_b:
        return (a, b, "division-kind") if kind_a > kind_b else (b, a, "division-kind")
    return a, b, "order"
