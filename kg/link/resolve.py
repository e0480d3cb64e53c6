"""Disambiguation of a name against the gazetteer, in the light of the article's other places.

Each name is resolved to one division, or left with ``unresolved`` saying why, by:
  1. the prefix inside the mention: 天津市和平区 keeps only the 和平区 under 天津市;
  2. the other places of the article ("anchors": places named unambiguously in the text, the
     title or the outlet name): among candidates, the one sharing the longest parent chain with
     an anchor wins (和平区 in an article naming 天津 → 120101);
  3. the kind of name (official > rule alias > short > former name) and then the level
     (province > prefecture > county > town): a bare name that is a county and a town → county.
A town or village is resolved only within a county the article names (坝黄 → 坝黄镇 of 碧江区
because 碧江 is named), or within a named prefecture when the name is unique there; two or more
towns named in full that lie together in one county only, and are too rare to meet there by
chance (常平镇, 谢岗镇, 桥头镇: 东莞), name that county implicitly. Short names that are common
words (东方, 和平) need support in the article.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from kg.gazetteer import KIND_RANK, Gazetteer, is_common_word
from kg.link.segment import Piece
from kg.places import UPPER_LEVELS, Candidate, Division, closeness, county_of, descends

COMMON_SHORT_MIN_FREQ = 300


# Distinct unplaced towns that must share one county (and no other) for it to count as named.
MIN_TOWNS_IMPLYING_COUNTY = 2


MAX_CHANCE_OF_COINCIDENCE = 0.05


# The support of a candidate the article names itself: above any shared parent chain.
NAMED_SUPPORT = 10


@dataclass
class Context:
    """What the article tells about where it is: anchors and how often each place is named."""

    anchors: list[Division] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    source_places: list[Division] = field(default_factory=list)
    dateline_places: list[Division] = field(default_factory=list)  # 本报文山讯, 新华社兰州…电
    # places named in sentences about pairing, by each division enclosing them (itself included)
    enclosing_counts: Counter[str] = field(default_factory=Counter)

    def add(self, division: Division) -> None:
        if all(a.key != division.key for a in self.anchors):
            self.anchors.append(division)

    def named_counties(self) -> set[str]:
        codes = {county_of(a) for a in self.anchors}
        return {c for c in codes if c}


def support(division: Division, context: Context, rivals: frozenset[str] = frozenset()) -> int:
    """How closely the article's anchors surround a candidate: the longest shared parent chain.

    The candidate itself named elsewhere in the article is the strongest support, the same for every
    level: where the article names two namesakes in full (承德市 and its 承德县), the bare name is
    the higher one (the kind of name and the level decide); an anchor that is another candidate of
    the same name (海沧区 for 海沧街道, both "海沧") is no support at all.
    """
    best = 0
    for anchor in context.anchors:
        if anchor.key == division.key:
            return NAMED_SUPPORT
        if anchor.key not in rivals:
            best = max(best, closeness(division, anchor))
    return best


def _sort_key(candidate: Candidate, context: Context, rivals: frozenset[str]) -> tuple[int, int, int]:
    division = candidate.division
    return (-support(division, context, rivals), KIND_RANK[candidate.kind], division.rank)


def _within_named_county(division: Division, context: Context, siblings: Sequence[Candidate]) -> bool:
    """A town or village counts only inside a county the article names (or a named prefecture
    where no other candidate of the same name lies) — or, a town, where its written name (not a
    short form) is the only one of its kind in the country (百纳乡 of 大方县 in an article of the
    town that helps it, which names no county of its own)."""
    if division.county_code in context.named_counties():
        return True
    if division.level == "town" and len(siblings) == 1 and siblings[0].kind in ("name", "alias"):
        return True
    for anchor in context.anchors:
        if anchor.level == "prefecture" and anchor.code in division.parents:
            same_prefecture = [c for c in siblings if anchor.code in c.division.parents]
            return len(same_prefecture) == 1
    return False


def choose(
    surface: str, candidates: Sequence[Candidate], context: Context
) -> tuple[Division | None, str | None]:
    """Pick one division for a name, or say why none could be picked."""
    if not candidates:
        return None, f"no division named {surface}"
    usable = [
        c
        for c in candidates
        if c.division.level not in ("town", "village")
        or _within_named_county(c.division, context, candidates)
    ]
    if not usable:
        return None, f"{surface}: a town or village name outside the counties the article names"
    rivals = frozenset(c.division.key for c in candidates)
    ranked = sorted(usable, key=lambda c: _sort_key(c, context, rivals))
    best = ranked[0]
    if len(ranked) > 1 and _sort_key(ranked[1], context, rivals) == _sort_key(best, context, rivals):
        names = ", ".join(_describe(c.division) for c in ranked[:4])
        return None, f"ambiguous: {surface} may be {names}"
    division = best.division
    if _common_short(surface, best) and support(division, context, rivals) == 0:
        return None, f"{surface} is a common word and the article names no place near {division.name}"
    return division, None


def _describe(division: Division) -> str:
    return f"{division.name} ({division.code or division.county_code})"


def _village_candidates(piece: Piece, gaz: Gazetteer, context: Context) -> list[Candidate]:
    """Villages a village-like name may be: under the town or county before it in the mention,
    else in the counties the article names."""
    found: list[Division] = []
    if piece.previous is not None and piece.previous.candidates:
        parents = (
            [piece.previous.chosen]
            if piece.previous.chosen
            else [c.division for c in piece.previous.candidates]
        )
        for parent in parents:
            county = county_of(parent)
            if county:
                town = parent.name if parent.level == "town" else None
                found.extend(gaz.village_in(county, piece.text, town))
    else:
        for county in sorted(context.named_counties()):
            found.extend(gaz.village_in(county, piece.text))
    unique = {v.key: v for v in found}
    return [Candidate(v, "name") for v in unique.values()]


def restrict_to_chain(pieces: list[Piece]) -> None:
    """Inside one mention keep, for consecutive names, only the candidates that nest."""
    for previous, piece in zip(pieces, pieces[1:], strict=False):
        if piece.village_tail or not previous.candidates or not piece.candidates:
            if piece.village_tail:
                piece.previous = previous
            continue
        pairs = [
            (a, b) for a in previous.candidates for b in piece.candidates if descends(b.division, a.division)
        ]
        if pairs:
            keep_a = {id(a) for a, _ in pairs}
            keep_b = {id(b) for _, b in pairs}
            previous.candidates = [c for c in previous.candidates if id(c) in keep_a]
            piece.candidates = [c for c in piece.candidates if id(c) in keep_b]
            piece.previous = previous


def unique_upper(candidates: Sequence[Candidate]) -> Candidate | None:
    """The one county-level-or-above candidate of a name (town namesakes count only later,
    inside named counties), unless it is a short name that is a common word."""
    upper = [c for c in candidates if c.division.level in UPPER_LEVELS]
    if len(upper) != 1:
        return None
    return upper[0]


def _common_short(surface: str, candidate: Candidate) -> bool:
    """A county's or town's short (or former) name that is mostly a common word (和平, 江南, 长安,
    江东 of the former 江东区)."""
    return (
        candidate.kind in ("short", "former")
        and candidate.division.level in ("county", "town")
        and is_common_word(surface, COMMON_SHORT_MIN_FREQ)
    )


def anchor_worthy(surface: str, candidate: Candidate) -> bool:
    return not _common_short(surface, candidate)


def scan_places(text: str | None, gaz: Gazetteer, prefix_only: bool = False) -> list[Division]:
    """Unambiguous county-level-and-above places named in a short text (a title, an outlet)."""
    if not text:
        return []
    found: list[Division] = []
    i = 0
    while i < len(text):
        matched_end = None
        for end, candidates in gaz.matches_at(text, i):
            candidate = unique_upper(candidates)
            if candidate is not None and anchor_worthy(text[i:end], candidate):
                if found and prefix_only and not descends(candidate.division, found[-1]):
                    continue
                found.append(candidate.division)
                matched_end = end
                break
        if matched_end is not None:
            i = matched_end
        elif prefix_only:
            break
        else:
            i += 1
    return found


def resolve_round(pieces: list[Piece], levels: tuple[str, ...], gaz: Gazetteer, context: Context) -> None:
    """Resolve the still open pieces of one level band, adding each success to the anchors."""
    for piece in pieces:
        if piece.chosen is not None or piece.unresolved is not None:
            continue
        if piece.village_tail:
            if levels != ("village",):
                continue
            piece.candidates = _village_candidates(piece, gaz, context)
            if not piece.candidates:
                piece.unresolved = f"no village named {piece.text} in the counties the article names"
                continue
        elif levels == UPPER_LEVELS and not any(c.division.level in UPPER_LEVELS for c in piece.candidates):
            continue
        if piece.previous is not None and piece.previous.chosen is not None:
            nested = [c for c in piece.candidates if descends(c.division, piece.previous.chosen)]
            piece.candidates = nested or piece.candidates
        chosen, reason = choose(piece.text, piece.candidates, context)
        if (
            chosen is None
            and levels == UPPER_LEVELS
            and any(c.division.level == "town" for c in piece.candidates)
            and not any(c.division.level in UPPER_LEVELS for c in piece.candidates if c.kind != "short")
        ):
            continue  # may still be a town of a named county: decide in the town round
        piece.chosen, piece.unresolved = chosen, reason
        if chosen is not None:
            context.add(chosen)


def implied_county(pieces: Sequence[Piece], gaz: Gazetteer) -> Division | None:
    """The one county holding two or more of the article's otherwise unplaced towns, by full name.

    常平镇, 谢岗镇 and 桥头镇 together exist only in 东莞: an article naming them is about 东莞
    even when it never says so.
    """
    towns_by_county: dict[str, set[str]] = {}
    for piece in pieces:
        if piece.chosen is not None or piece.village_tail:
            continue
        for candidate in piece.candidates:
            town = candidate.division
            if town.level == "town" and candidate.kind != "short" and town.county_code:
                towns_by_county.setdefault(town.county_code, set()).add(town.name)
    ranked = sorted(((len(names), code) for code, names in towns_by_county.items()), reverse=True)
    if not ranked or ranked[0][0] < MIN_TOWNS_IMPLYING_COUNTY:
        return None
    if len(ranked) > 1 and ranked[1][0] == ranked[0][0]:
        return None
    # Common names meet somewhere by chance (城关镇 and 新华镇 share a county): the chance that
    # towns this widespread all lie in one county, were they spread at random, must be small.
    counties = sum(1 for d in gaz.divisions.values() if d.level == "county")
    chance = 1.0
    for name in towns_by_county[ranked[0][1]]:
        holders = {c.division.county_code for c in gaz.lookup(name) if c.division.level == "town"}
        chance *= len(holders) / counties
    if chance * counties > MAX_CHANCE_OF_COINCIDENCE:
        return None
    return gaz.get(ranked[0][1])
