"""Self-references and references back: 我市, 本县, 全区, 该村 (``data/self_references.csv``).

They are found by the linker itself where no mention covers them (unless a frequent word
reaches across: 全市场). 我X/本X is the article's own place: the place of that kind enclosing the
place written right after it (我市海曙区 → 宁波市, which then holds for every 我市 of the
article), else the outlet's place (福清新闻网 → 福清市) when its level fits, else the dateline's
(本报福清讯, 新华社兰州…电), else the most often named place of that kind when it clearly leads;
我省 (我州, 我盟), last, is the province (prefecture) holding most places of the sentences about
pairing when it holds at least 3 and twice as many as any other. 全X/该X is the place of that kind
the text was just speaking of (文县 … 全县 → 文县), else the same as 我X. Which divisions a kind
can mean is data too (``data/self_reference_kinds.csv``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from kg.gazetteer import Gazetteer
from kg.io import data_json, data_rows
from kg.link.found import fill_place, found_place
from kg.link.resolve import Context, anchor_worthy, unique_upper
from kg.link.segment import Piece
from kg.link.words import crossing_word
from kg.places import Division
from kg.programmes import pairs_by_donor, tables
from kg.records import Article, Mention


@cache
def self_references() -> dict[str, str]:
    """Surface (我市) -> the suffix its place's official name ends with (市)."""
    return {row["surface"].strip(): row["kind"].strip() for row in data_rows("self_references.csv")}


@cache
def discourse_references() -> frozenset[str]:
    """Self-references that mean the place of their kind the text was just speaking of (全县)."""
    return frozenset(
        row["surface"].strip() for row in data_rows("self_references.csv") if row["scope"] == "discourse"
    )


@cache
def self_reference_kinds() -> dict[str, tuple[tuple[str, str], ...]]:
    """Kind (市) -> the (level, name ending) pairs of the divisions it can mean
    (``data/self_reference_kinds.csv``)."""
    kinds: dict[str, list[tuple[str, str]]] = {}
    for row in data_rows("self_reference_kinds.csv"):
        kinds.setdefault(row["kind"].strip(), []).append(
            (row["level"].strip(), (row["ending"] or "").strip())
        )
    return {kind: tuple(fits) for kind, fits in kinds.items()}


def _fits(kind: str, division: Division) -> bool:
    """Whether a self-reference of this kind (市, 县, 区, 州, 省; 镇, 乡, 村) can mean the division."""
    return any(
        division.level == level and division.name.endswith(ending)
        for level, ending in self_reference_kinds().get(kind, ())
    )


def _enclosing_fit(kind: str, division: Division, gaz: Gazetteer) -> Division | None:
    """The division itself or its nearest ancestor that a self-reference of ``kind`` can mean:
    我市 before 海曙区 is 宁波市, 我县 before 城关镇 is that town's county."""
    chain: list[Division | None] = [division]
    if division.level == "village" and division.town and division.county_code:
        chain.append(gaz.town_in(division.county_code, division.town))  # 该镇 after a village: its town
    chain += [gaz.get(code) for code in reversed(division.parents)]
    return next((d for d in chain if d is not None and _fits(kind, d)), None)


def find_self_references(article: Article, mentions: Sequence[Mention], gaz: Gazetteer) -> list[Mention]:
    """我市, 本县, 全省 … in the text that no mention covers (the nlp stage need not know them),
    unless a frequent word reaches across them (全市场, 本区域)."""
    occupied = [(m.start, m.end) for m in mentions]
    found: list[Mention] = []
    text = article.text
    for surface in sorted(self_references(), key=len, reverse=True):
        for match in re.finditer(re.escape(surface), text):
            start, end = match.span()
            if any(start < e and s < end for s, e in occupied):
                continue
            if crossing_word(text, start, end, gaz) is not None:
                continue
            occupied.append((start, end))
            found.append(
                Mention(
                    article_id=article.id,
                    label="PLACE",
                    text=surface,
                    start=start,
                    end=end,
                    sentence=article.sentence_index_at(start),
                    source="pattern",
                )
            )
    return found


def places_after_self_references(
    article: Article, self_refs: Sequence[Mention], mentions: Sequence[Mention], gaz: Gazetteer
) -> list[Mention]:
    """The place written right after a self-reference that no mention covers (我市|海曙|段塘):
    a name there is a place of the article's own region, so even a short name counts, as long as
    it names one division of county level or above and is no common word."""
    starts = {m.start for m in mentions}
    found: list[Mention] = []
    for ref in self_refs:
        if ref.end in starts:
            continue
        for end, candidates in gaz.matches_at(article.text, ref.end):
            candidate = unique_upper(candidates)
            if candidate is not None and anchor_worthy(article.text[ref.end : end], candidate):
                found.append(found_place(article, ref.end, end))
                break
    return found


def _preceding_fit(kind: str, start: int, pieces: Sequence[Piece], gaz: Gazetteer) -> Division | None:
    """The place of ``kind`` nearest before ``start``: 全县 after 文县 (or a village of 文县) is 文县."""
    for piece in sorted(pieces, key=lambda p: p.start, reverse=True):
        if piece.end <= start and piece.chosen is not None:
            enclosing = _enclosing_fit(kind, piece.chosen, gaz)
            if enclosing is not None:
                return enclosing
    return None


def resolve_discourse_references(places: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """全县, 该村 once every place is known, discovered ones included: the nearest place of that
    kind before each (该村 after 利乐村, found by discovery, is 利乐村)."""
    kinds = self_references()
    ordered = sorted(places, key=lambda m: (m.start, m.end))
    resolved: list[Mention] = []
    for index, mention in enumerate(ordered):
        if mention.source != "pattern" or mention.text not in discourse_references():
            resolved.append(mention)
            continue
        target = None
        for before in reversed(ordered[:index]):
            division = _division_of(before, gaz) if before.end <= mention.start else None
            if division is not None and before.text not in kinds:
                target = _enclosing_fit(kinds[mention.text], division, gaz)
                if target is not None:
                    break
        resolved.append(fill_place(mention, target) if target is not None else mention)
    return resolved


def _division_of(mention: Mention, gaz: Gazetteer) -> Division | None:
    """The division a linked place mention stands for."""
    if mention.code:
        return gaz.get(mention.code)
    if not mention.county_code or not mention.name:
        return None
    if mention.level == "town":
        return gaz.town_in(mention.county_code, mention.name)
    villages = [v for v in gaz.village_in(mention.county_code, mention.name) if v.name == mention.name]
    return villages[0] if villages else None


def self_reference_target(
    kind: str,
    context: Context,
    following: Division | None = None,
    gaz: Gazetteer | None = None,
    givers: Sequence[Division] = (),
) -> tuple[Division | None, str | None]:
    """The article's own place of this kind: the one enclosing the place written right after
    the reference, else the outlet's place or the one of that kind enclosing it (福清新闻网:
    我市 is 福清市, 我省 福建省), else the one the tables give every giver named before it a
    partner in (``givers``: A、B对口帮扶我省), else the most often named place of that kind, if it
    clearly leads."""
    if following is not None and gaz is not None:
        enclosing = _enclosing_fit(kind, following, gaz)
        if enclosing is not None:
            return enclosing, None
    for division in [*reversed(context.source_places), *context.dateline_places]:
        # the deepest place the outlet names, else the dateline's (本报福清讯)
        if _fits(kind, division):
            return division, None
        if gaz is not None and (enclosing := _enclosing_fit(kind, division, gaz)) is not None:
            return enclosing, None
    if gaz is not None and (shared := _partnered_by_all(kind, givers, gaz)) is not None:
        return shared, None
    pool = context.anchors
    if context.source_places:
        home = context.source_places[-1]
        inside = [a for a in pool if a.code and home.code and (a.code == home.code or home.code in a.parents)]
        pool = inside or pool
    ranked = Counter({a.key: context.counts[a.key] for a in pool if _fits(kind, a)}).most_common(2)
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return next(a for a in pool if a.key == ranked[0][0]), None
    if gaz is not None and (enclosing := _dominant_enclosing(kind, context, gaz)) is not None:
        return enclosing, None
    return (
        None,
        f"the article's own {kind} is unclear (no outlet or dateline place, no clearly leading place)",
    )


# 我省 (我州) with no outlet or dateline: the province (prefecture) of the places named, when it holds
# at least this many of them and this many times as many as any other (闽宁 articles name both sides).
DOMINANT_PROVINCE_MIN_PLACES = 3


DOMINANT_PROVINCE_MIN_RATIO = 2


@cache
def _pairing_cue_words() -> tuple[str, ...]:
    cues = data_json("pairing_cues.json")["cues"]
    return tuple(word for key in ("strong", "weak") for word in cues[key])


def pairing_sentences(article: Article) -> set[int]:
    """Indices of the sentences that speak of pairing (a cue of ``data/pairing_cues.json``): their
    places are the giving and receiving sides, unlike a page's address or menu."""
    cues = _pairing_cue_words()
    return {
        index
        for index, sentence in enumerate(article.sentences)
        if any(cue in article.text[sentence.start : sentence.end] for cue in cues)
    }


def _levels_above_county(kind: str) -> frozenset[str]:
    """The levels a self-reference of ``kind`` can mean, when all lie above county level (省; 州,
    盟): only then do the places an article names tell which one it is (我市 may be a county-level
    city, 我区 a district); else none."""
    levels = frozenset(level for level, _ in self_reference_kinds().get(kind, ()))
    return levels if levels and levels <= {"province", "prefecture"} else frozenset()


def _dominant_enclosing(kind: str, context: Context, gaz: Gazetteer) -> Division | None:
    """The province (我省) or prefecture (我州, 我盟) that most of the places of the sentences
    about pairing lie in, when one clearly dominates every other division of its level (of any
    name: the other side counts too): 宁波市对口支援我州 with three counties of one prefecture
    named is that prefecture; two prefectures named alike give nothing."""
    levels = _levels_above_county(kind)
    ranked = [
        (division, count)
        for code, count in context.enclosing_counts.most_common()
        if (division := gaz.get(code)) is not None and division.level in levels
    ][:2]
    if not ranked or ranked[0][1] < DOMINANT_PROVINCE_MIN_PLACES:
        return None
    if len(ranked) > 1 and ranked[0][1] < DOMINANT_PROVINCE_MIN_RATIO * ranked[1][1]:
        return None
    return ranked[0][0] if _fits(kind, ranked[0][0]) else None


def _partnered_by_all(kind: str, givers: Sequence[Division], gaz: Gazetteer) -> Division | None:
    """The one province (我省) or prefecture (我州, 我盟) in which the programme tables give every
    giver a partner: 深圳、青岛、大连、宁波对口帮扶我省 is 贵州省, where all four have one. A giver
    with no row, or partners of all in two such places, give nothing."""
    if not _levels_above_county(kind) or not givers:
        return None
    shared: set[str] | None = None
    for giver in givers:
        partnered: set[str] = set()
        for row in pairs_by_donor().get(giver.code or "", ()):
            recipient = gaz.get(tables().pairs[row].recipient_code)
            enclosing = _enclosing_fit(kind, recipient, gaz) if recipient is not None else None
            if enclosing is not None and enclosing.code:
                partnered.add(enclosing.code)
        shared = partnered if shared is None else shared & partnered
    return gaz.get(next(iter(shared))) if shared is not None and len(shared) == 1 else None


@cache
def _receiving_after() -> re.Pattern[str]:
    """A pairing word (the strong cues of ``data/pairing_cues.json``) right before a
    self-reference: the reference is the side that receives (对口帮扶我省, 结对帮扶了我州)."""
    words = sorted(data_json("pairing_cues.json")["cues"]["strong"], key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, words)) + ")了?$")


def givers_before(article: Article, reference: Mention, pieces: Sequence[Piece]) -> list[Division]:
    """The places of the reference's sentence written before it, when a pairing word stands
    right before the reference (A、B对口帮扶我省): the givers whose partners may tell which place
    it is; none otherwise."""
    if not _receiving_after().search(article.text[max(0, reference.start - 8) : reference.start]):
        return []
    sentence = article.sentence_index_at(reference.start)
    return [
        piece.chosen
        for piece in sorted(pieces, key=lambda p: p.start)
        if piece.chosen is not None
        and piece.end <= reference.start
        and article.sentence_index_at(piece.start) == sentence
    ]


def targets_before_places(
    self_refs: Sequence[Mention], pieces: Sequence[Piece], context: Context, gaz: Gazetteer
) -> dict[int, Division]:
    """A self-reference before a place (我市海曙区) is that place's enclosing city: by the
    reference's id, each an anchor for the rounds of resolution still to come."""
    kinds = self_references()
    targets: dict[int, Division] = {}
    for mention in self_refs:
        following = next((p.chosen for p in pieces if p.start == mention.end and p.chosen), None)
        if following is not None:
            target, _ = self_reference_target(kinds[mention.text], context, following, gaz)
            if target is not None:
                targets[id(mention)] = target
                context.add(target)
    return targets


def link_self_references(
    article: Article,
    self_refs: Sequence[Mention],
    targets: dict[int, Division],
    pieces: Sequence[Piece],
    context: Context,
    gaz: Gazetteer,
) -> list[Mention]:
    """Every self-reference linked, or saying why not: its target before a place, else (全县) the
    place of its kind just spoken of, else the home a 我市海曙区 showed, else the article's own
    (told by the givers named before it where nothing else tells)."""
    kinds = self_references()
    home_by_kind = {kinds[m.text]: targets[id(m)] for m in self_refs if id(m) in targets}
    linked: list[Mention] = []
    for mention in self_refs:
        kind = kinds[mention.text]
        target, reason = targets.get(id(mention)), None
        if target is None and mention.text in discourse_references():
            target = _preceding_fit(kind, mention.start, pieces, gaz)
        if target is None:  # one article has one home: 我市 means the city a 我市海曙区 showed
            target = home_by_kind.get(kind)
        if target is None:
            givers = givers_before(article, mention, pieces)
            target, reason = self_reference_target(kind, context, gaz=gaz, givers=givers)
        if target is None:
            linked.append(replace(mention, unresolved=reason))
            continue
        linked.append(fill_place(mention, target))
        context.add(target)
        context.counts[target.key] += 1
    return linked
