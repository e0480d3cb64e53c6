"""Composite place mentions parsed into names: 天津市和平区 → 天津市 + 和平区; 张浦七桥村 → 张浦 +
七桥村; 碧江坝黄镇 → 碧江 + 坝黄镇.

A mention is covered by gazetteer names, its last part perhaps an unknown village name; a
generic word after the name (通渭县城, 临夏州境内; ``data/place_trailers.csv``) is left out, and
so is whatever follows or precedes a full name when the mention cannot be read otherwise
(张浦镇考察团 → 张浦镇). New areas and development zones (青岛西海岸新区, 天津经开区) are no
divisions: the gazetteer knows them as aliases of their host (``data/functional_areas.csv``); a
zone in no table but named by a division and a zone word (昆山高新区; words in
``data/functional_area_words.csv``) is that division, the word kept in the surface.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from kg.functional_areas import functional_area_names
from kg.gazetteer import VILLAGE_SUFFIXES, Gazetteer
from kg.io import data_rows
from kg.link.words import crossing_word
from kg.places import UPPER_LEVELS, Candidate, Division, descends
from kg.records import Mention

# Runs of a place mention between separators (昆山·碧江, 积石山、泾源) are parsed apart.
SEPARATORS = re.compile(r"[^·・•、，,/／\s\-–—()（）]+")


@cache
def place_trailers() -> tuple[str, ...]:
    """Generic words after a name inside a place mention (县城, 境内)."""
    return tuple(row["word"].strip() for row in data_rows("place_trailers.csv"))


@cache
def functional_area_words() -> tuple[str, ...]:
    """Words naming a development zone after a division's name (高新区, 经济开发区), longest first."""
    words = (row["word"].strip() for row in data_rows("functional_area_words.csv"))
    return tuple(sorted(words, key=len, reverse=True))


@cache
def _functional_area_surfaces() -> frozenset[str]:
    return frozenset(name for names in functional_area_names().values() for name in names)


def zone_head_length(text: str, gaz: Gazetteer) -> int | None:
    """How much of ``text`` names the division a zone is named by (昆山高新区 → 2, 碧江经开区 → 2),
    or None: the text must end with a zone word (``data/functional_area_words.csv``) after names
    that cover it wholly, and be no name of its own (天津经开区 is in the gazetteer: 滨海新区)."""
    if gaz.lookup(text):
        return None
    word = next((w for w in functional_area_words() if text.endswith(w) and len(text) > len(w)), None)
    if word is None:
        return None
    head = text[: -len(word)]
    names = segment(head, gaz, with_trailers=False)
    if any(tail or not gaz.lookup(head[s:e]) for s, e, tail in names):
        return None
    last_start, last_end, _ = names[-1]
    if not any(c.division.level in UPPER_LEVELS for c in gaz.lookup(head[last_start:last_end])):
        return None
    return len(head)


def functional_area_as_place(mention: Mention, gaz: Gazetteer) -> Mention:
    """An ORG mention that is nothing but a zone's name (昆山高新区, 天津经开区) is a place: the
    zone stands for its host. Its bodies (昆山高新区管委会) stay organisations."""
    if mention.label != "ORG":
        return mention
    if mention.text in _functional_area_surfaces() or zone_head_length(mention.text, gaz) is not None:
        return replace(mention, label="PLACE", subtype=None)
    return mention


@dataclass
class Piece:
    """One name inside a PLACE mention, with the divisions it may stand for."""

    start: int  # offsets into Article.text
    end: int
    text: str
    candidates: list[Candidate]
    village_tail: bool = False  # an unknown name ending like a village (七桥村): resolved in context
    previous: Piece | None = None  # the name it nests under inside the same mention
    chosen: Division | None = None
    unresolved: str | None = None
    mention: Mention | None = None
    surface_end: int | None = None  # a zone word after the name (昆山高新区): kept in the surface


def names_zone(text: str) -> bool:
    """Whether a name is that of a new area or development zone: listed in
    ``data/functional_areas.csv`` (滨海新区) or ending in a zone word (经济开发区)."""
    return text in _functional_area_surfaces() or any(
        text.endswith(word) and len(text) > len(word) for word in functional_area_words()
    )


def fold_zones_of_previous(pieces: list[Piece]) -> dict[str, Piece]:
    """A zone's name right after a division it does not lie in (绍兴|滨海新区: 天津's district, or a
    town of 台州) is that division's zone, named after it as zones are: the zone's piece is folded
    into the division's (surface kept, 绍兴滨海新区 → 绍兴市). Returns the folded zone names with
    the piece each now belongs to, for the bare mentions of the same zone later in the article."""
    folded: dict[str, Piece] = {}
    kept: list[Piece] = []
    for piece in pieces:
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and previous.end == piece.start
            and previous.candidates
            and names_zone(piece.text)
            and any(c.division.level in UPPER_LEVELS for c in previous.candidates)
            and not any(
                descends(c.division, p.division) for c in piece.candidates for p in previous.candidates
            )
        ):
            previous.surface_end = piece.surface_end or piece.end
            folded[piece.text] = previous
            continue
        kept.append(piece)
    pieces[:] = kept
    return folded


def segment(text: str, gaz: Gazetteer, with_trailers: bool = True) -> list[tuple[int, int, bool]]:
    """Split a place mention into names: (start, end, is_village_tail) relative to ``text``.

    The mention must be covered entirely by gazetteer names, except that its last part may be an
    unknown village name (七桥村, 高坝田村) after a county or town. Each unknown part and each pair of
    neighbours that do not nest costs one; the cheapest cover wins, then the one with fewest parts
    (坝黄|高坝田村 beats 坝黄|高坝|田村). A mention that cannot be covered is one part.
    """
    n = len(text)
    memo: dict[tuple[int, int], tuple[tuple[int, int], list[tuple[int, int, bool]]] | None] = {}

    def nests(prev: tuple[int, int], start: int, end: int, tail: bool) -> bool:
        parents = [c.division for c in gaz.lookup(text[prev[0] : prev[1]])]
        if tail:
            return any(p.level in ("county", "town") for p in parents)
        children = [c.division for c in gaz.lookup(text[start:end])]
        return any(descends(child, parent) for parent in parents for child in children)

    def solve(i: int, prev: tuple[int, int]) -> tuple[tuple[int, int], list[tuple[int, int, bool]]] | None:
        if i == n:
            return (0, 0), []
        key = (i, prev[0])
        if key in memo:
            return memo[key]
        options = []
        for j in range(min(n, i + gaz.max_name_length), i + 1, -1):
            if gaz.lookup(text[i:j]):
                rest = solve(j, (i, j))
                if rest is not None:
                    (cost, parts), pieces = rest
                    step = 0 if i == 0 or nests(prev, i, j, False) else 1
                    options.append(((cost + step, parts + 1), [(i, j, False), *pieces]))
        tail = text[i:]
        if i > 0 and tail.endswith(VILLAGE_SUFFIXES) and len(tail) >= 3:
            step = 1 if nests(prev, i, n, True) else 2
            options.append(((step, 1), [(i, n, True)]))
        result = min(options, key=lambda o: o[0]) if options else None
        memo[key] = result
        return result

    found = solve(0, (0, 0))
    if found is not None:
        return found[1]
    if with_trailers:
        for reading in (_without_trailer, _head_before_noise, _tail_after_noise, _place_islands):
            parts = reading(text, gaz)
            if parts:
                return parts
    return [(0, n, text.endswith(VILLAGE_SUFFIXES) and len(text) >= 3 and not gaz.lookup(text))]


def _without_trailer(text: str, gaz: Gazetteer) -> list[tuple[int, int, bool]]:
    """通渭县城 → 通渭县 (not 通渭 + 县城): the shortest generic word that leaves a cover."""
    for trailer in sorted(place_trailers(), key=len):
        if text.endswith(trailer) and len(text) > len(trailer):
            inner = segment(text[: -len(trailer)], gaz, with_trailers=False)
            if all(gaz.lookup(text[s:e]) or tail for s, e, tail in inner) and any(
                not tail for _, _, tail in inner
            ):
                return inner
    return []


def _head_before_noise(text: str, gaz: Gazetteer) -> list[tuple[int, int, bool]]:
    """张浦镇考察团, 坝黄镇的蓝莓试种基地: the NER ran past the name. The longest head that ends in
    a full name (not a short one) is the place."""
    for cut in range(len(text) - 1, 1, -1):
        head = segment(text[:cut], gaz, with_trailers=False)
        last_start, last_end, last_tail = head[-1]
        covered = all(gaz.lookup(text[s:e]) for s, e, _ in head)
        if (
            covered
            and not last_tail
            and any(c.kind != "short" for c in gaz.lookup(text[last_start:last_end]))
        ):
            return head
    return []


def _tail_after_noise(text: str, gaz: Gazetteer) -> list[tuple[int, int, bool]]:
    """中国西南部贵州省黔东南州雷山县: the NER began before the name. The longest tail that is
    covered by names and starts with a full one is the place."""
    for cut in range(1, len(text) - 1):
        tail = segment(text[cut:], gaz, with_trailers=False)
        first_start, first_end, _ = tail[0]
        if (
            all(gaz.lookup(text[cut + s : cut + e]) for s, e, _ in tail)
            and any(c.kind != "short" for c in gaz.lookup(text[cut + first_start : cut + first_end]))
            and crossing_word(text, cut, cut + first_end, gaz) is None  # 浙南|山区 is no 南山区
        ):
            before = _place_islands(text[:cut], gaz, beside_full=True)  # 杭州 in 杭州企业黔东南州
            return [*before, *[(cut + s, cut + e, t) for s, e, t in tail]]
    return []


def _place_islands(text: str, gaz: Gazetteer, beside_full: bool = False) -> list[tuple[int, int, bool]]:
    """杭州企业黔东南州: names standing apart inside a mention that no cover explains. Only full
    names count, and the short names of provinces and prefectures beside at least one of them
    (北京路 alone yields nothing)."""
    found: list[tuple[int, int, bool]] = []
    full = beside_full
    i = 0
    while i < len(text):
        for end, candidates in gaz.matches_at(text, i):
            kinds = {c.kind for c in candidates}
            upper_short = any(
                c.kind == "short" and c.division.level in ("province", "prefecture") for c in candidates
            )
            if (kinds - {"short"} or upper_short) and crossing_word(text, i, end, gaz) is None:
                found.append((i, end, False))
                full = full or bool(kinds - {"short"})
                i = end
                break
        else:
            i += 1
    return found if full else []
