"""PLACE mentions linked to divisions: parse each mention into names, settle the anchors, resolve
by level bands (upper levels, then towns, then villages), drop the names that are no places
here, and resolve the self-references.

A composite mention is returned split into one Mention per name, with exact offsets (张浦七桥村
at 10–15 → 张浦 10–12, a town, and 七桥村 12–15, a village), because relation extraction wants
each place separately; the nesting survives in ``parents``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from kg.functional_areas import functional_area_official_names
from kg.gazetteer import Gazetteer
from kg.link import non_places, references
from kg.link.found import fill_place
from kg.link.lexicon import division_list_count
from kg.link.resolve import (
    Context,
    anchor_worthy,
    implied_county,
    resolve_round,
    restrict_to_chain,
    scan_places,
    unique_upper,
)
from kg.link.segment import SEPARATORS, Piece, fold_zones_of_previous, segment, zone_head_length
from kg.places import UPPER_LEVELS, Candidate, Division, closeness
from kg.records import Article, Mention
from kg.values import count_value

# what joins the names of one list (甲、乙和丙), or nothing between an address's names (四川德格)
_LIST_JOINERS = ("", "、", "和", "及", "与")


def _indexed(gaz: Gazetteer, surface: str) -> list[Candidate]:
    return gaz.lookup(surface) if len(surface) >= 2 else []


def pieces_of(
    mention: Mention, article: Article, gaz: Gazetteer, zones: dict[str, Piece] | None = None
) -> list[Piece]:
    """The names of one PLACE mention, each with its candidates, nested ones restricted to their
    chain; a zone named after the division before it is folded into it (``zones`` collects them)."""
    pieces = []
    zones = {} if zones is None else zones
    for chunk in SEPARATORS.finditer(mention.text):  # 昆山·碧江 is two places
        chunk_pieces = []
        zone_head = zone_head_length(chunk.group(), gaz)  # 昆山|高新区: the zone word stays
        for start, end, tail in segment(chunk.group()[:zone_head], gaz):
            surface = chunk.group()[start:end]
            chunk_pieces.append(
                Piece(
                    start=mention.start + chunk.start() + start,
                    end=mention.start + chunk.start() + end,
                    text=surface,
                    candidates=[] if tail else _indexed(gaz, surface),
                    village_tail=tail,
                )
            )
        if zone_head is not None and chunk_pieces:
            chunk_pieces[-1].surface_end = mention.start + chunk.end()
        zones.update(fold_zones_of_previous(chunk_pieces))
        for piece in chunk_pieces:
            non_places.drop_short_names_inside_words(piece, article.text, gaz)
            non_places.drop_names_cut_from_compounds(piece, article.text)
        restrict_to_chain(chunk_pieces)
        pieces.extend(chunk_pieces)
    return pieces


def _parse(
    article: Article, mentions: Sequence[Mention], gaz: Gazetteer
) -> tuple[list[tuple[Mention, list[Piece]]], list[Mention]]:
    """Every place mention parsed into pieces (self-references found in the text and the places
    written right after them included), and the self-references apart."""
    kinds = references.self_references()
    found_refs = references.find_self_references(article, mentions, gaz)
    all_refs = [m for m in mentions if m.text in kinds] + found_refs
    mentions = [
        *mentions,
        *found_refs,
        *references.places_after_self_references(article, all_refs, mentions, gaz),
    ]
    groups: list[tuple[Mention, list[Piece]]] = []
    self_refs: list[Mention] = []
    zones: dict[str, Piece] = {}
    for mention in sorted(mentions, key=lambda m: (m.start, m.end)):
        if mention.text in kinds:
            self_refs.append(mention)
            continue
        pieces = pieces_of(mention, article, gaz, zones)
        if not pieces:
            continue
        if groups and groups[-1][0].end == mention.start and groups[-1][1]:
            # 东莞市|长安镇 found as two mentions side by side: a chain all the same
            pair = [groups[-1][1][-1], pieces[0]]
            zones.update(fold_zones_of_previous(pair))
            if len(pair) == 1:  # 绍兴|滨海新区: the zone is the division's
                pieces = pieces[1:]
                if not pieces:
                    continue
            else:
                restrict_to_chain(pair)
        groups.append((mention, pieces))
    _same_zone_later(groups, zones)
    return groups, self_refs


def _same_zone_later(groups: Sequence[tuple[Mention, list[Piece]]], zones: dict[str, Piece]) -> None:
    """A zone named alone after the article named it with its division (滨海新区 after 绍兴滨海新区)
    is that division's zone again, not its namesake elsewhere."""
    for _, pieces in groups:
        for piece in pieces:
            owner = zones.get(piece.text)
            if owner is not None and piece is not owner:
                piece.candidates = list(owner.candidates)


def _waits(piece: Piece, candidate: Candidate) -> bool:
    """A county's short name that towns elsewhere share (石龙: 石龙区, or 石龙镇 of 东莞)."""
    return (
        candidate.kind == "short"
        and candidate.division.level == "county"
        and any(
            c.division.level == "town" and c.division.county_code != candidate.division.code
            for c in piece.candidates
        )
    )


def _counted_kind(article: Article, pieces: Sequence[Piece], gaz: Gazetteer) -> None:
    """A count of counties after a list of names says their kind (德格、石渠和甘孜3县): a name of
    the list keeps the divisions it may stand for whose name ends in the count's noun, where it
    has any, else takes the divisions named by it and the noun (甘孜 → 甘孜县, not 甘孜藏族自治州,
    whose short name 甘孜 is)."""
    count = division_list_count()
    ordered = sorted(pieces, key=lambda p: p.start)
    run: list[Piece] = []
    for i, piece in enumerate(ordered):
        run = [*run, piece] if run and article.text[run[-1].end : piece.start] in _LIST_JOINERS else [piece]
        following = ordered[i + 1] if i + 1 < len(ordered) else None
        if following is not None and article.text[piece.end : following.start] in _LIST_JOINERS:
            continue
        closing = count.match(article.text, piece.surface_end or piece.end)
        # as many items as the count says (和田八个县 is 和田's counties, no list of one)
        items = 1 + sum(bool(article.text[a.end : b.start]) for a, b in pairwise(run))
        number = closing.group("number") if closing is not None else ""
        if closing is None or closing.group("others") or count_value(number) != items:
            continue
        for named in run:
            noun = closing.group("noun")
            fitting = [c for c in named.candidates if c.division.name.endswith(noun)]
            if not fitting and named.candidates:  # 甘孜: the county's short name is its prefecture's
                full = named.text + noun
                named_so = [c.division for c in gaz.lookup(full) if c.division.name == full]
                fitting = [Candidate(division, "short") for division in named_so]
            if fitting:
                named.candidates = fitting


def _settle_anchors(pieces: Sequence[Piece], context: Context) -> None:
    """Anchors: names with exactly one county-level-or-above candidate, and the places a nested
    name proves (天津市 in 天津市和平区). A county's short name that towns elsewhere share anchors
    only beside another anchor of its province (那坡 among 百色's counties); alone it waits for its
    round (石龙: 石龙区 of 平顶山, or 石龙镇 of the 东莞 the article names)."""
    waiting: list[Division] = []
    for piece in pieces:
        candidate = unique_upper(piece.candidates)
        if candidate is None or not anchor_worthy(piece.text, candidate):
            continue
        if _waits(piece, candidate):
            waiting.append(candidate.division)
            continue
        context.add(candidate.division)
    settled_anchors = list(context.anchors)
    for division in waiting:
        if any(a.key != division.key and closeness(division, a) > 0 for a in settled_anchors):
            context.add(division)


def _resolve_rounds(
    pieces: list[Piece], self_refs: Sequence[Mention], gaz: Gazetteer, context: Context
) -> dict[int, Division]:
    """Upper levels first (they anchor towns), then towns, then villages; returns the targets of
    the self-references written right before a place (我市海曙区), found between the rounds."""
    resolve_round(pieces, UPPER_LEVELS, gaz, context)
    targets = references.targets_before_places(self_refs, pieces, context, gaz)
    resolve_round(pieces, ("town",), gaz, context)
    implied = implied_county(pieces, gaz)
    if implied is not None:
        context.add(implied)
        for piece in pieces:
            if piece.chosen is None and not piece.village_tail:
                piece.unresolved = None
        resolve_round(pieces, ("town",), gaz, context)
    resolve_round(pieces, ("village",), gaz, context)
    for piece in pieces:
        if piece.chosen is not None:
            context.counts[piece.chosen.key] += 1
    return targets


def _drop_non_places(article: Article, pieces: Sequence[Piece], gaz: Gazetteer, context: Context) -> None:
    """Names resolved but no places here; then the provinces of the sentences about pairing."""
    # the dateline's place (本报福清讯) is no party of the story, but where the article speaks from
    context.dateline_places = [
        p.chosen for p in pieces if p.chosen and non_places.in_dateline(article.text, p)
    ]
    non_places.drop_lone_short_names(article, pieces, context)
    non_places.drop_names_cut_from_known_places(article.text, pieces, context, gaz)
    non_places.drop_short_names_of_longer_local_names(article.text, pieces, context, gaz)
    non_places.drop_non_place_uses(article.text, pieces)
    pairing = references.pairing_sentences(article)
    for piece in pieces:  # the giving and receiving sides: places of sentences about pairing
        if piece.chosen is not None and article.sentence_index_at(piece.start) in pairing:
            chosen = piece.chosen
            context.enclosing_counts.update({chosen.province_code, *chosen.parents, chosen.code} - {None})


def _zones_at_their_level(pieces: Sequence[Piece], gaz: Gazetteer) -> None:
    """A zone of the functional-area table linked to its host county is the town the gazetteer
    lists under that county by the zone's official name, where it lists one (天津经开区 →
    天津经济技术开发区 of 滨海新区): the text names the zone, not the district."""
    officials = functional_area_official_names()
    for piece in pieces:
        host = piece.chosen
        if host is None or host.level != "county" or not host.code:
            continue
        official = officials.get((host.code, piece.text))
        town = gaz.town_in(host.code, official) if official else None
        if town is not None:
            piece.chosen = town


def _linked(article: Article, groups: Sequence[tuple[Mention, list[Piece]]]) -> list[Mention]:
    """One mention per piece, linked or saying why not."""
    linked: list[Mention] = []
    for mention, pieces in groups:
        for piece in pieces:
            end = piece.surface_end or piece.end
            part = replace(mention, text=article.text[piece.start : end], start=piece.start, end=end)
            if piece.chosen is not None:
                linked.append(fill_place(part, piece.chosen))
            else:
                linked.append(replace(part, unresolved=piece.unresolved or f"no division named {piece.text}"))
    return linked


def link_places(
    article: Article, mentions: Sequence[Mention], gaz: Gazetteer
) -> tuple[list[Mention], Context]:
    """Resolve PLACE mentions (see the module docstring); returns the linked mentions and the
    article context (anchors) for linking organisations."""
    context = Context()
    context.source_places = scan_places(article.source, gaz)  # 福清新闻网, 西e网—白银新闻网
    for division in context.source_places + scan_places(article.title, gaz):
        context.add(division)
    groups, self_refs = _parse(article, mentions, gaz)
    pieces = [p for _, group in groups for p in group]
    _counted_kind(article, pieces, gaz)
    _settle_anchors(pieces, context)
    targets = _resolve_rounds(pieces, self_refs, gaz, context)
    _drop_non_places(article, pieces, gaz, context)
    _zones_at_their_level(pieces, gaz)
    linked = _linked(article, groups)
    linked += references.link_self_references(article, self_refs, targets, pieces, context, gaz)
    return linked, context
