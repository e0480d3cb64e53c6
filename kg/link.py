"""Link stage: resolve PLACE mentions to divisions, canonicalise ORGs, normalise MONEY and DATE.

``link_mentions(article, mentions, gazetteer)`` is a pure function of its arguments.

PLACE mentions
    A mention is first parsed into a chain of names with the gazetteer (天津市和平区 → 天津市 +
    和平区; 张浦七桥村 → 张浦 + 七桥村; 碧江坝黄镇 → 碧江 + 坝黄镇). **A composite mention is returned
    split into one Mention per name, with exact offsets** (张浦七桥村 at 10–15 → 张浦 10–12, a town,
    and 七桥村 12–15, a village), because relation extraction wants each place separately; the
    nesting survives in ``parents`` (七桥村's parents end with 昆山市's code). Names side by side
    that do not nest (昆山碧江) become separate places in the same way, as do runs between
    separators (昆山·碧江). A generic word after the name (通渭县城, 临夏州境内; see
    ``data/place_trailers.csv``) is left out of the returned offsets, and so is whatever follows
    a full name when the mention cannot be read otherwise (张浦镇考察团 → 张浦镇).

    Each name is resolved to one division, or left with ``unresolved`` saying why, by:
      1. the prefix inside the mention: 天津市和平区 keeps only the 和平区 under 天津市;
      2. the other places of the article ("anchors": places named unambiguously in the text, the
         title or the outlet name): among candidates, the one sharing the longest parent chain with
         an anchor wins (和平区 in an article naming 天津 → 120101);
      3. the kind of name (official > rule alias > short > former name) and then the level
         (province > prefecture > county > town): a bare name that is a county and a town → county.
    A town or village is resolved only within a county the article names (坝黄 → 坝黄镇 of 碧江区
    because 碧江 is named; 七桥村 exists in several counties), or within a named prefecture when
    the name is unique there; two or more towns named in full that lie together in one county
    only, and are too rare to meet there by chance (常平镇, 谢岗镇, 桥头镇: 东莞), name that county
    implicitly. Left unresolved: ties; short names that are common words (东方, 和平) with no
    support in the article; county or town short names cut by a frequent word in jieba's
    segmentation of the text (资兴 in 投资|兴业, 千山 in 千山万水); and a county named once, by its
    short name (or a two-character official name), with nothing else of its province in the
    article and no other place in its clause (大兴 in 大兴旅游产业), or only one just like it
    written together (兴县富民).

    Self-references (我市, 本县, 全区, see ``data/self_references.csv``) are found by the linker
    itself where no mention covers them (unless a frequent word reaches across: 全市场). 我X/本X
    is the article's own place: the place of that kind enclosing the place written right after
    it (我市海曙区 → 宁波市, which then holds for every 我市 of the article), else the outlet's
    place (福清新闻网 → 福清市) when its level fits, else the dateline's (本报福清讯, 新华社兰州…电;
    the dateline's place itself is no party of the story), else the most often named place of
    that kind when it clearly leads; 我省, last, is the province holding most places of the
    sentences about pairing (the giving and receiving sides, not a page's address) when it holds
    at least 3 and twice as many as any other. Otherwise the reference stays unresolved, with the
    reason. 全X is the place of that kind the text was just speaking of (文县 … 全县 → 文县),
    else the same as 我X.

    New areas and development zones (青岛西海岸新区, 天津经开区) are no divisions: the gazetteer
    knows them as aliases of their host (``data/functional_areas.csv``), so they link to it with
    their surface kept; a body named after one (天津经开区管委会) stays an ORG at home there.
    A zone in no table but named by a division and a zone word (昆山高新区, 都匀经济开发区; words
    in ``data/functional_area_words.csv``) is that division, the word kept in the surface; an
    ORG mention that is nothing but such a name is taken as that place.

ORG mentions
    Subtype from the name's suffix (``data/org_subtypes.csv``), else from what the sentence calls
    it right after (``data/org_context_cues.csv``: 厚康农贸、轩睿食用菌等企业), else ``other``; a
    subtype the nlp stage set is kept. Home place: the place the name starts with, resolved like
    a PLACE (昆山鲜活果汁有限公司 → 320583). Canonical name: mentions whose names agree once the leading
    place and the legal-form suffix are removed, and whose places agree or are missing, are one
    organisation named by its longest form (海投集团 and 厦门海投集团 → 厦门海投集团). A short name the
    article defines in brackets right after a full one (东风汽车集团有限公司（以下简称“东风公司”）,
    markers in ``data/abbreviation_markers.csv``) takes the full name.

Discovery
    Towns and villages of the counties the article names that no mention covers are added as
    new PLACE mentions (``source="gazetteer"``): the nlp stage cannot know 650,000 village names
    that only mean something inside their county (:func:`discover_local_places`). Stems, which
    mean nothing alone, are taken where written against their parent: a town right after its own
    county (北仑小港, also for the counties of a named prefecture), a village right after its own
    town (军乐镇朝阳、华光两村), with the siblings listed after them. A mention linked by a short
    name only gives way to a longer local name found over it (金牛 in 金牛寺村).

MONEY and DATE mentions get ``value`` (yuan) and ``iso`` from :mod:`kg.values`.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib.resources import files
from typing import Any

from kg.gazetteer import (
    KIND_RANK,
    VILLAGE_SUFFIXES,
    Candidate,
    Division,
    Gazetteer,
    _common_words,
    _is_common_word,
    functional_area_names,
    word_frequency,
)
from kg.records import Article, Mention
from kg.values import parse_date, parse_money

UPPER_LEVELS = ("province", "prefecture", "county")
LEGAL_FORM_SUFFIXES = (
    "集团股份有限公司",
    "集团有限公司",
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "股份公司",
    "公司",
)
# A leading place counts as an ORG's home only when this much name is left after it.
MIN_ORG_REST = 2
# Organs named by a place and one character: 云县委 (the county's party committee).
ONE_CHARACTER_ORGS = ("委",)
# How far after an ORG a context cue (等企业) may start.
CUE_WINDOW = 4
COMMON_SHORT_MIN_FREQ = 300
# Distinct unplaced towns that must share one county (and no other) for it to count as named.
MIN_TOWNS_IMPLYING_COUNTY = 2
# Characters of context either side of a short name that jieba segments to check it.
WORD_WINDOW = 8
MAX_WORD_LENGTH = 8
# The frequency a place name gets in that segmentation: about what jieba gives county names
# it knows (福清 33, 靖远 45, 定西 49, 昆山 148).
PLACE_WORD_FREQ = 40
MIN_CROSSING_WORD_FREQ = 20
MAX_CHANCE_OF_COINCIDENCE = 0.05
# Suffixes that end the name of a village or town: a short name running into one is its head.
LOCAL_SUFFIXES = ("村", "社区", "乡", "镇", "街道")
# Punctuation that ends a clause: a lone short name needs another place inside its own clause.
CLAUSE_ENDS = "，,；;：:。！？!?\n"
QUOTES = "“”‘’\"'《》〈〉「」『』 "
# Two one-character province names before the word for a programme of cooperation (粤桂协作).
# Not before 两地/两省 (苏黔两省…会议): the seeds' gold counts no province pair from such mentions.
PROVINCE_PAIR = re.compile(r"(?=..(?:东西部|对口)?(?:扶贫)?(?:协作|合作|帮扶))")
# A count of villages closing a list of village stems: 朝阳、华光两村, 东山、西山等三个村.
VILLAGE_COUNT = re.compile(r"(?:等)?(?:[两二三四五六七八九十\d]+个?)?(?:行政)?(?:村|社区)")
# The same count where it is the only sign of a list of villages (卡什代、德二、哇加等村), or of
# towns (三河、高崖等6个乡镇).
LIST_CLOSING_COUNT = re.compile(
    r"(?:等(?:[两二三四五六七八九十\d]+个?)?|[两二三四五六七八九十\d]+个|[两二三四五六七八九十]+)(?:行政)?(?:村|社区)"
)
TOWN_LIST_CLOSING_COUNT = re.compile(
    r"(?:等(?:[两二三四五六七八九十\d]+个?)?|[两二三四五六七八九十\d]+个|[两二三四五六七八九十]+)(?:乡镇|镇|乡|街道)"
)
BRACKETED_PLACE = re.compile(r"[(（]([^()（）]{2,12})[)）]")
# Runs of a place mention between separators (昆山·碧江, 积石山、泾源) are parsed apart.
SEPARATORS = re.compile(r"[^·・•、，,/／\s\-–—()（）]+")


# --- data tables -------------------------------------------------------------------------------
def _rows(name: str) -> list[dict[str, str]]:
    text = files("kg.data").joinpath(name).read_text(encoding="utf-8")
    rows = csv.DictReader(io.StringIO(text))
    return [row for row in rows if not (row[rows.fieldnames[0]] or "").startswith("#")]  # type: ignore[index]


@cache
def org_suffixes() -> tuple[tuple[str, str], ...]:
    """(suffix, subtype), longest suffix first."""
    pairs = [(row["suffix"].strip(), row["subtype"].strip()) for row in _rows("org_subtypes.csv")]
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


@cache
def abbreviation_definition() -> re.Pattern[str]:
    """（以下简称“东风公司”） right after a name; the short name is group 1.

    The marker words are data (``data/abbreviation_markers.csv``)."""
    rows = _rows("abbreviation_markers.csv")
    markers = sorted((row["marker"].strip() for row in rows), key=len, reverse=True)
    return re.compile(
        r"\s*[(（]\s*(?:" + "|".join(map(re.escape, markers)) + r")\s*[为:：]?\s*"
        r"[“\"「『‘']?([^”\"」』’'()（）,，、;；。\s]{2,16}?)[”\"」』’']?\s*[)）]"
    )


def defined_abbreviations(text: str, mentions: Sequence[Mention]) -> dict[str, str]:
    """Short name → the full name of the ORG mention it is defined for, in brackets right after it."""
    pattern = abbreviation_definition()
    found: dict[str, str] = {}
    for mention in mentions:
        match = pattern.match(text, mention.end)
        if match and match.group(1) != mention.text:
            found.setdefault(match.group(1), mention.text)
    return found


@cache
def org_context_cues() -> tuple[tuple[str, str], ...]:
    pairs = [(row["cue"].strip(), row["subtype"].strip()) for row in _rows("org_context_cues.csv")]
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


@cache
def place_trailers() -> tuple[str, ...]:
    """Generic words after a name inside a place mention (县城, 境内)."""
    return tuple(row["word"].strip() for row in _rows("place_trailers.csv"))


@cache
def functional_area_words() -> tuple[str, ...]:
    """Words naming a development zone after a division's name (高新区, 经济开发区), longest first."""
    words = (row["word"].strip() for row in _rows("functional_area_words.csv"))
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


def _functional_area_as_place(mention: Mention, gaz: Gazetteer) -> Mention:
    """An ORG mention that is nothing but a zone's name (昆山高新区, 天津经开区) is a place: the
    zone stands for its host. Its bodies (昆山高新区管委会) stay organisations."""
    if mention.label != "ORG":
        return mention
    if mention.text in _functional_area_surfaces() or zone_head_length(mention.text, gaz) is not None:
        return replace(mention, label="PLACE", subtype=None)
    return mention


@cache
def self_references() -> dict[str, str]:
    """Surface (我市) -> the suffix its place's official name ends with (市)."""
    return {row["surface"].strip(): row["kind"].strip() for row in _rows("self_references.csv")}


@cache
def province_abbreviations() -> dict[str, str]:
    """One-character province names (粤 → 440000), for pair labels such as 粤桂协作."""
    return {row["abbr"].strip(): row["code"].strip() for row in _rows("province_abbreviations.csv")}


@cache
def discourse_references() -> frozenset[str]:
    """Self-references that mean the place of their kind the text was just speaking of (全县)."""
    return frozenset(
        row["surface"].strip() for row in _rows("self_references.csv") if row["scope"] == "discourse"
    )


# --- parsing a place mention into names -------------------------------------------------------
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


def _indexed(gaz: Gazetteer, surface: str) -> list[Candidate]:
    return gaz.lookup(surface) if len(surface) >= 2 else []


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
        return any(_descends(child, parent) for parent in parents for child in children)

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
        # 通渭县城 → 通渭县 (not 通渭 + 县城): the shortest generic word that leaves a cover
        for trailer in sorted(place_trailers(), key=len):
            if text.endswith(trailer) and len(text) > len(trailer):
                inner = segment(text[: -len(trailer)], gaz, with_trailers=False)
                if all(gaz.lookup(text[s:e]) or tail for s, e, tail in inner) and any(
                    not tail for _, _, tail in inner
                ):
                    return inner
        # 张浦镇考察团, 坝黄镇的蓝莓试种基地: the NER ran past the name. The longest head that
        # ends in a full name (not a short one) is the place.
        for cut in range(n - 1, 1, -1):
            head = segment(text[:cut], gaz, with_trailers=False)
            last_start, last_end, last_tail = head[-1]
            covered = all(gaz.lookup(text[s:e]) for s, e, _ in head)
            if (
                covered
                and not last_tail
                and any(c.kind != "short" for c in gaz.lookup(text[last_start:last_end]))
            ):
                return head
        # 中国西南部贵州省黔东南州雷山县: the NER began before the name. The longest tail that is
        # covered by names and starts with a full one is the place.
        for cut in range(1, n - 1):
            tail = segment(text[cut:], gaz, with_trailers=False)
            first_start, first_end, _ = tail[0]
            if (
                all(gaz.lookup(text[cut + s : cut + e]) for s, e, _ in tail)
                and any(c.kind != "short" for c in gaz.lookup(text[cut + first_start : cut + first_end]))
                and crossing_word(text, cut, cut + first_end, gaz) is None  # 浙南|山区 is no 南山区
            ):
                before = _place_islands(text[:cut], gaz, beside_full=True)  # 杭州 in 杭州企业黔东南州
                return [*before, *[(cut + s, cut + e, t) for s, e, t in tail]]
        islands = _place_islands(text, gaz)
        if islands:
            return islands
    return [(0, n, text.endswith(VILLAGE_SUFFIXES) and len(text) >= 3 and not gaz.lookup(text))]


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


def _descends(child: Division, parent: Division) -> bool:
    if parent.level in UPPER_LEVELS:
        return parent.code is not None and parent.code in child.parents and child.key != parent.key
    return child.level == "village" and child.county_code == parent.county_code and child.town == parent.name


def _chain(division: Division) -> tuple[str, ...]:
    """Codes from the province down to the division itself (towns and villages by key)."""
    own = division.code or division.key
    return (*division.parents, own)


def _closeness(division: Division, anchor: Division) -> int:
    """Length of the parent chain two divisions share (天津市和平区 and 天津市: 1)."""
    shared = 0
    for a, b in zip(_chain(division), _chain(anchor), strict=False):
        if a != b:
            break
        shared += 1
    return shared


def _county_of(division: Division) -> str | None:
    if division.level in ("town", "village"):
        return division.county_code
    return division.code if division.level == "county" else None


# --- resolution ---------------------------------------------------------------------------------
@dataclass
class Context:
    """What the article tells about where it is: anchors and how often each place is named."""

    anchors: list[Division] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    source_places: list[Division] = field(default_factory=list)
    dateline_places: list[Division] = field(default_factory=list)  # 本报文山讯, 新华社兰州…电
    province_counts: Counter[str] = field(default_factory=Counter)  # places named, by province

    def add(self, division: Division) -> None:
        if all(a.key != division.key for a in self.anchors):
            self.anchors.append(division)

    def named_counties(self) -> set[str]:
        codes = {_county_of(a) for a in self.anchors}
        return {c for c in codes if c}


def _support(division: Division, context: Context, rivals: frozenset[str] = frozenset()) -> int:
    """How closely the article's anchors surround a candidate: the longest shared parent chain.

    The candidate itself named elsewhere in the article is the strongest support; an anchor that
    is another candidate of the same name (海沧区 for 海沧街道, both "海沧") is no support at all.
    """
    best = 0
    for anchor in context.anchors:
        if anchor.key == division.key:
            return len(_chain(division)) + 1
        if anchor.key not in rivals:
            best = max(best, _closeness(division, anchor))
    return best


def _sort_key(candidate: Candidate, context: Context, rivals: frozenset[str]) -> tuple[int, int, int]:
    division = candidate.division
    return (-_support(division, context, rivals), KIND_RANK[candidate.kind], division.rank)


def _within_named_county(division: Division, context: Context, siblings: Sequence[Candidate]) -> bool:
    """A town or village counts only inside a county the article names (or a named prefecture
    where no other candidate of the same name lies)."""
    if division.county_code in context.named_counties():
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
    if _common_short(surface, best) and _support(division, context, rivals) == 0:
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
            county = _county_of(parent)
            if county:
                town = parent.name if parent.level == "town" else None
                found.extend(gaz.village_in(county, piece.text, town))
    else:
        for county in sorted(context.named_counties()):
            found.extend(gaz.village_in(county, piece.text))
    unique = {v.key: v for v in found}
    return [Candidate(v, "name") for v in unique.values()]


def _restrict_to_chain(pieces: list[Piece]) -> None:
    """Inside one mention keep, for consecutive names, only the candidates that nest."""
    for previous, piece in zip(pieces, pieces[1:], strict=False):
        if piece.village_tail or not previous.candidates or not piece.candidates:
            if piece.village_tail:
                piece.previous = previous
            continue
        pairs = [
            (a, b) for a in previous.candidates for b in piece.candidates if _descends(b.division, a.division)
        ]
        if pairs:
            keep_a = {id(a) for a, _ in pairs}
            keep_b = {id(b) for _, b in pairs}
            previous.candidates = [c for c in previous.candidates if id(c) in keep_a]
            piece.candidates = [c for c in piece.candidates if id(c) in keep_b]
            piece.previous = previous


def _unique_upper(candidates: Sequence[Candidate]) -> Candidate | None:
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
        and _is_common_word(surface, COMMON_SHORT_MIN_FREQ)
    )


def _anchor_worthy(surface: str, candidate: Candidate) -> bool:
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
            candidate = _unique_upper(candidates)
            if candidate is not None and _anchor_worthy(text[i:end], candidate):
                if found and prefix_only and not _descends(candidate.division, found[-1]):
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


def _fits(kind: str, division: Division) -> bool:
    """Whether a self-reference of this kind (市, 县, 区, 州, 省; 镇, 乡, 村) can mean the division."""
    name = division.name
    if kind == "市":
        return division.level in ("prefecture", "county") and name.endswith("市")
    if kind == "县":
        return division.level == "county" and name.endswith(("县", "旗"))
    if kind == "区":
        return (division.level == "county" and name.endswith("区")) or (
            division.level == "province" and name.endswith("自治区")
        )
    if kind == "州":
        return division.level == "prefecture" and name.endswith("州") and not name.endswith("市")
    if kind == "省":
        return division.level == "province" and name.endswith("省")
    if kind in ("镇", "乡"):
        return division.level == "town" and name.endswith(kind)
    if kind == "村":
        return division.level == "village"
    return False


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
            candidate = _unique_upper(candidates)
            if candidate is not None and _anchor_worthy(article.text[ref.end : end], candidate):
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


def _resolve_discourse_references(places: list[Mention], gaz: Gazetteer) -> list[Mention]:
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


def _self_reference_target(
    kind: str, context: Context, following: Division | None = None, gaz: Gazetteer | None = None
) -> tuple[Division | None, str | None]:
    """The article's own place of this kind: the one enclosing the place written right after
    the reference, else the outlet's place or the one of that kind enclosing it (福清新闻网:
    我市 is 福清市, 我省 福建省), else the most often named place of that kind, if it clearly leads."""
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
    pool = context.anchors
    if context.source_places:
        home = context.source_places[-1]
        inside = [a for a in pool if a.code and home.code and (a.code == home.code or home.code in a.parents)]
        pool = inside or pool
    ranked = Counter({a.key: context.counts[a.key] for a in pool if _fits(kind, a)}).most_common(2)
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return next(a for a in pool if a.key == ranked[0][0]), None
    if gaz is not None and (province := _dominant_province(kind, context, gaz)) is not None:
        return province, None
    return (
        None,
        f"the article's own {kind} is unclear (no outlet or dateline place, no clearly leading place)",
    )


# 我省 with no outlet or dateline: the province of the places named, when it holds at least this
# many of them and this many times as many as any other province (闽宁 articles name both sides).
DOMINANT_PROVINCE_MIN_PLACES = 3
DOMINANT_PROVINCE_MIN_RATIO = 2


@cache
def _pairing_cue_words() -> tuple[str, ...]:
    cues = json.loads(files("kg.data").joinpath("pairing_cues.json").read_text(encoding="utf-8"))["cues"]
    return tuple(word for key in ("strong", "weak") for word in cues[key])


def _pairing_sentences(article: Article) -> set[int]:
    """Indices of the sentences that speak of pairing (a cue of ``data/pairing_cues.json``): their
    places are the giving and receiving sides, unlike a page's address or menu."""
    cues = _pairing_cue_words()
    return {
        index
        for index, sentence in enumerate(article.sentences)
        if any(cue in article.text[sentence.start : sentence.end] for cue in cues)
    }


def _dominant_province(kind: str, context: Context, gaz: Gazetteer) -> Division | None:
    """The province that most of the article's places lie in, for 我省, when one clearly dominates."""
    if kind != "省":
        return None
    ranked = context.province_counts.most_common(2)
    if not ranked or ranked[0][1] < DOMINANT_PROVINCE_MIN_PLACES:
        return None
    if len(ranked) > 1 and ranked[0][1] < DOMINANT_PROVINCE_MIN_RATIO * ranked[1][1]:
        return None
    province = gaz.get(ranked[0][0])
    return province if province is not None and _fits(kind, province) else None


def fill_place(mention: Mention, division: Division) -> Mention:
    return replace(
        mention,
        name=division.name,
        code=division.code,
        level=division.level,
        county_code=division.county_code,
        parents=list(division.parents),
        province_code=division.province_code,
        lon=division.lon,
        lat=division.lat,
        unresolved=None,
    )


def found_place(article: Article, start: int, end: int, division: Division | None = None) -> Mention:
    """A PLACE mention the linker finds in the text itself (not given by the nlp stage), linked to
    ``division`` when one is given."""
    mention = Mention(
        article_id=article.id,
        label="PLACE",
        text=article.text[start:end],
        start=start,
        end=end,
        sentence=article.sentence_index_at(start),
        source="gazetteer",
    )
    return fill_place(mention, division) if division is not None else mention


class _Finds:
    """What one discovery scan finds in the text itself: the places found, and the spans already
    taken (by the mentions it was given, or by an earlier find), so that no two mentions overlap."""

    def __init__(self, article: Article, mentions: Sequence[Mention]) -> None:
        self.article = article
        self.taken = [(m.start, m.end) for m in mentions]
        self.found: list[Mention] = []

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.taken)

    def add(self, start: int, end: int, division: Division) -> None:
        self.found.append(found_place(self.article, start, end, division))
        self.taken.append((start, end))


def crossing_word(text: str, start: int, end: int, gaz: Gazetteer) -> str | None:
    """The word, in the best segmentation of the text around ``text[start:end]``, that reaches
    across one of its ends and is no place name itself: 资兴 in 投资|兴业, 千山 in 千山万水,
    武陵 in 武陵山. A short name that is cut that way is part of other words, not a place.

    The segmentation is jieba's (its dictionary and its path score) with the name itself counted
    as a word of a place name's usual frequency, so that names jieba does not know (碧江) are not
    shredded (碧|江东|西部). Rare dictionary words do not count either."""
    left = max(0, start - WORD_WINDOW)
    offset = left
    surface = text[start:end]
    for word in _segment_words(text[left : end + WORD_WINDOW], {surface: PLACE_WORD_FREQ}):
        word_start, word_end = offset, offset + len(word)
        offset = word_end
        crosses = word_start < start < word_end or word_start < end < word_end
        if crosses and word_frequency(word) >= MIN_CROSSING_WORD_FREQ and not _names_a_place(word, gaz):
            return word
    return None


def _names_a_place(word: str, gaz: Gazetteer) -> bool:
    """Whether a word is a place's name in its own right (a town's stem, 武陵山 of 武陵山乡, is not)."""
    return any(c.kind != "short" or c.division.level in UPPER_LEVELS for c in gaz.lookup(word))


@cache
def _jieba() -> Any:
    import jieba  # noqa: PLC0415 — imported only when a short name needs checking

    jieba.setLogLevel(60)
    return jieba


def _segment_words(text: str, extra: dict[str, int]) -> list[str]:
    """jieba's maximum-probability path over its dictionary, plus ``extra`` words, without HMM.

    Computed here rather than by adding words to jieba, whose dictionary the nlp stage shares.
    """
    tokenizer = _jieba().dt
    tokenizer.check_initialized()
    frequencies, log_total = tokenizer.FREQ, math.log(tokenizer.total)
    n = len(text)
    best: list[tuple[float, int]] = [(0.0, n)] * (n + 1)
    for i in range(n - 1, -1, -1):
        options = []
        for j in range(i + 1, min(n, i + MAX_WORD_LENGTH) + 1):
            word = text[i:j]
            frequency = max(extra.get(word, 0), frequencies.get(word) or 0)
            if frequency <= 0 and j > i + 1:
                continue
            options.append((math.log(max(frequency, 1)) - log_total + best[j][0], j))
        best[i] = max(options)
    words, i = [], 0
    while i < n:
        j = best[i][1]
        words.append(text[i:j])
        i = j
    return words


def _drop_short_names_inside_words(piece: Piece, text: str, gaz: Gazetteer) -> None:
    """County and town short names are the ones that turn up inside ordinary words."""
    shorts = [c for c in piece.candidates if c.kind == "short" and c.division.level in ("county", "town")]
    if not shorts:
        return
    word = crossing_word(text, piece.start, piece.end, gaz)
    if word is None:
        return
    piece.candidates = [c for c in piece.candidates if c not in shorts]
    if not piece.candidates:
        piece.unresolved = f"{piece.text} is part of the word {word} here"


def _drop_lone_short_names(article: Article, pieces: Sequence[Piece], context: Context) -> None:
    """A county named once, by its short name or a two-character official name, in an article
    naming nothing else of its province and no other place in the same clause is more likely a
    word that happens to match (双城故事, 大兴旅游) than a place. 福清 in "福清与积石山开展协作"
    stays, but two such names written together are a phrase (兴县富民), whatever else the clause
    names."""

    def lone(piece: Piece) -> bool:
        division = piece.chosen
        if division is None or division.level != "county" or context.counts[division.key] > 1:
            return False
        kinds = {c.kind for c in piece.candidates if c.division.key == division.key}
        if not kinds <= {"short", "former"} and not (len(piece.text) == 2 and piece.text == division.name):
            return False
        return not any(a.key != division.key and _closeness(division, a) > 0 for a in context.anchors)

    def clause_of(piece: Piece) -> tuple[int, int]:
        before = max(article.text.rfind(c, 0, piece.start) for c in CLAUSE_ENDS)
        after = [i for i in (article.text.find(c, piece.end) for c in CLAUSE_ENDS) if i >= 0]
        return before + 1, min(after, default=len(article.text))

    lonely = [p for p in pieces if lone(p)]
    # two lone names written together (兴县富民) are a phrase, whatever else the clause names
    paired = {id(p) for p in lonely for q in lonely if p is not q and (p.end == q.start or q.end == p.start)}
    for piece in lonely:
        division = piece.chosen
        assert division is not None
        start, end = clause_of(piece)
        vouching = [
            other
            for other in pieces
            if other.chosen is not None and other.chosen.key != division.key and start <= other.start < end
        ]
        if not vouching or id(piece) in paired:
            piece.chosen = None
            piece.unresolved = (
                f"{piece.text} is named once, by a short name, with no other place of its province "
                f"in the article nor any other place in its clause: more likely a word than {division.name}"
            )
            context.counts[division.key] -= 1


@cache
def non_place_uses() -> dict[str, Any]:
    """Contexts in which a name that matches a place names none (``data/non_place_uses.json``)."""
    return json.loads(files("kg.data").joinpath("non_place_uses.json").read_text(encoding="utf-8"))


def _by_short_name(piece: Piece) -> bool:
    """Whether the piece was linked only through a short (or former) name: 建德 for 建德市."""
    chosen = piece.chosen
    if chosen is None:
        return False
    kinds = {c.kind for c in piece.candidates if c.division.key == chosen.key}
    return bool(kinds) and kinds <= {"short", "former"}


def _non_place_use(text: str, piece: Piece, pieces: Sequence[Piece]) -> str | None:
    """Why the name at ``piece`` names no place here (a person, a dateline, a slogan), or None."""
    rules = non_place_uses()
    after = text[piece.end : piece.end + 12]
    before = text[max(0, piece.start - 8) : piece.start]
    if _in_dateline(text, piece):
        return f"{piece.text} is the dateline's place of filing, not a party of the story"
    if not _by_short_name(piece):
        return None
    in_chain = any(  # 广西|百色|靖西市: a name between places is a place
        other is not piece
        and other.chosen is not None
        and (other.end == piece.start or other.start == piece.end)
        for other in pieces
    )
    frequency, tag = _common_words().get(piece.text, (0, ""))
    if (
        not in_chain
        and tag in rules["common_word_tags"]
        and frequency >= rules["common_word_min_frequency"]  # 弥渡, 乡城: place names jieba mistags
        and not _place_cue_beside(text, piece, rules)
    ):
        return f"{piece.text} is the common word here (投资兴业, 山海同心): no word of place beside it"
    if before and before[-1] in rules["surnames"]:
        if _after_byline(text[: piece.start - 1], rules):
            return f"{before[-1]}{piece.text} after a byline or a role is a person's name"
        opens = len(before) < 2 or not ("\u4e00" <= before[-2] <= "\u9fff")
        speaks = after.startswith(tuple(rules["speech_verbs"])) and not after.startswith("说明")
        if opens and speaks:
            return f"{before[-1]}{piece.text}, who speaks, is a person"
    for opening, closing in rules["quote_pairs"].items():
        left = text.rfind(opening, max(0, piece.start - rules["slogan_max_length"]), piece.start)
        right = text.find(closing, piece.end, piece.end + rules["slogan_max_length"])
        if left < 0 or right < 0 or right - left - 1 > rules["slogan_max_length"]:
            continue
        inner = list(text[left + 1 : right])
        if opening in inner or closing in inner:
            continue
        for other in pieces:
            if left < other.start and other.end <= right and other.chosen is not None:
                for i in range(other.start - left - 1, other.end - left - 1):
                    inner[i] = " "
        rest = "".join(c for c in inner if not c.isspace() and c not in rules["slogan_separators"])
        if rest:
            return f"{piece.text} is part of the quoted phrase {text[left : right + 1]}"
    return None


def _in_dateline(text: str, piece: Piece) -> bool:
    """Whether the name is the place of a dateline: before the date of 新华社拉萨11月2日电, or
    between 本报 and 讯 (本报文山讯)."""
    rules = non_place_uses()
    after = text[piece.end : piece.end + 12]
    before = text[max(0, piece.start - 8) : piece.start]
    if before.endswith(tuple(rules["dateline_paper"])) and after.startswith(tuple(rules["dateline_markers"])):
        return True
    return bool(re.match(rules["dateline_after"], after)) and (
        not before.strip()
        or before.endswith("\n")
        or before.rstrip().endswith(tuple(rules["dateline_before"]))
    )


def _after_byline(before: str, rules: dict[str, Any]) -> bool:
    """Whether ``before`` ends with a byline or role word (记者, 通讯员, 书记), perhaps followed by
    other people's names set apart by spaces or 、 (通讯员 王明 庄建德)."""
    cues = tuple(rules["person_cues"])
    cue = before[-24:]
    for _ in range(4):
        if cue.rstrip().endswith(cues):
            return True
        name = re.search(r"[\s、,，]([\u4e00-\u9fff]{2,3})[\s、,，]*$", cue)
        if name is None:
            return False
        cue = cue[: name.start() + 1]
    return False


def _place_cue_beside(text: str, piece: Piece, rules: dict[str, Any]) -> bool:
    """Whether a word that marks a place stands right before the name (在, 与, 、, a clause's
    start) or right after it (县, 两地, 等, 的): what a common word used as a name needs."""
    before = text[max(0, piece.start - 4) : piece.start]
    if not before or not ("\u4e00" <= before[-1] <= "\u9fff"):
        return True
    if before.endswith(tuple(rules["place_cues_before"])):
        return True
    return text[piece.end : piece.end + 4].startswith(tuple(rules["place_cues_after"]))


def _drop_non_place_uses(text: str, pieces: Sequence[Piece]) -> None:
    """Names that match a place but name a person (记者庄建德), the dateline's place of filing
    (新华社拉萨…电) or part of a slogan (“江海情”): no place of the story."""
    for piece in pieces:
        if piece.chosen is None:
            continue
        reason = _non_place_use(text, piece, pieces)
        if reason is not None:
            piece.chosen, piece.unresolved = None, reason


def _drop_short_names_of_longer_local_names(
    text: str, pieces: Sequence[Piece], context: Context, gaz: Gazetteer
) -> None:
    """双桥|村, 温江|寺乡: a county's or town's short name that the text continues, within two
    characters, into a village or town suffix is the head of a longer local name (双桥村 of 蒲村镇,
    温江寺乡), not that county or town, unless what follows is a name of its own (福清|江阴镇)."""
    for piece in pieces:
        division = piece.chosen
        if division is None or division.level not in ("county", "town"):
            continue
        kinds = {c.kind for c in piece.candidates if c.division.key == division.key}
        if not kinds <= {"short", "former"}:
            continue
        for length in (1, 2):
            tail = text[piece.end : piece.end + length]
            if len(tail) < length or not all("\u4e00" <= ch <= "\u9fff" for ch in tail):
                break
            if not tail.endswith(LOCAL_SUFFIXES):
                continue
            if any(gaz.lookup(tail[i:]) for i in range(len(tail) - 1)):
                break  # 福清|江阴镇: a name follows
            piece.chosen = None
            piece.unresolved = f"{piece.text} begins the longer local name {piece.text + tail}"
            context.counts[division.key] -= 1
            break


def _drop_names_cut_from_known_places(
    text: str, pieces: Sequence[Piece], context: Context, gaz: Gazetteer
) -> None:
    """江城区 in 碧江城区: a name whose first characters end another name the article uses
    (碧江), and that nothing else in the article supports, was cut out of that other name."""
    anchors = {a.key for a in context.anchors}
    for piece in pieces:
        division = piece.chosen
        if division is None or any(
            a.key != division.key and _closeness(division, a) > 0 for a in context.anchors
        ):
            continue
        for left in range(max(0, piece.start - 3), piece.start):
            for right in range(piece.start + 1, min(piece.end, left + gaz.max_name_length) + 1):
                other = text[left:right]
                if len(other) >= 2 and any(c.division.key in anchors for c in gaz.lookup(other)):
                    piece.chosen = None
                    piece.unresolved = f"{piece.text} overlaps {other}, a place the article names"
                    context.counts[division.key] -= 1
                    break
            if piece.chosen is None:
                break


def _resolve_round(pieces: list[Piece], levels: tuple[str, ...], gaz: Gazetteer, context: Context) -> None:
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
            nested = [c for c in piece.candidates if _descends(c.division, piece.previous.chosen)]
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


def _implied_county(pieces: Sequence[Piece], gaz: Gazetteer) -> Division | None:
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


def link_places(
    article: Article, mentions: Sequence[Mention], gaz: Gazetteer
) -> tuple[list[Mention], Context]:
    """Resolve PLACE mentions (see the module docstring); returns the linked mentions and the
    article context (anchors) for linking organisations."""
    context = Context()
    context.source_places = scan_places(article.source, gaz)  # 福清新闻网, 西e网—白银新闻网
    for division in context.source_places + scan_places(article.title, gaz):
        context.add(division)

    references = self_references()
    found_refs = find_self_references(article, mentions, gaz)
    all_refs = [m for m in mentions if m.text in references] + found_refs
    mentions = [*mentions, *found_refs, *places_after_self_references(article, all_refs, mentions, gaz)]
    groups: list[tuple[Mention, list[Piece]]] = []
    self_refs: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, m.end)):
        if mention.text in references:
            self_refs.append(mention)
            continue
        pieces = []
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
            for piece in chunk_pieces:
                _drop_short_names_inside_words(piece, article.text, gaz)
            _restrict_to_chain(chunk_pieces)
            pieces.extend(chunk_pieces)
        if not pieces:
            continue
        if groups and groups[-1][0].end == mention.start and groups[-1][1]:
            # 东莞市|长安镇 found as two mentions side by side: a chain all the same
            _restrict_to_chain([groups[-1][1][-1], pieces[0]])
        groups.append((mention, pieces))

    all_pieces = [p for _, pieces in groups for p in pieces]
    # Anchors: names with exactly one county-level-or-above candidate, and the places a nested
    # name proves (天津市 in 天津市和平区). A county's short name that towns elsewhere share
    # anchors only beside another anchor of its province (那坡 among 百色's counties); alone it
    # waits for its round (石龙: 石龙区 of 平顶山, or 石龙镇 of the 东莞 the article names).
    waiting: list[Division] = []
    for piece in all_pieces:
        candidate = _unique_upper(piece.candidates)
        if candidate is None or not _anchor_worthy(piece.text, candidate):
            continue
        if (
            candidate.kind == "short"
            and candidate.division.level == "county"
            and any(
                c.division.level == "town" and c.division.county_code != candidate.division.code
                for c in piece.candidates
            )
        ):
            waiting.append(candidate.division)
            continue
        context.add(candidate.division)
    settled_anchors = list(context.anchors)
    for division in waiting:
        if any(a.key != division.key and _closeness(division, a) > 0 for a in settled_anchors):
            context.add(division)
    # Rounds: upper levels first (they anchor towns), then towns, then villages.
    _resolve_round(all_pieces, UPPER_LEVELS, gaz, context)
    # A self-reference before a place (我市海曙区) is that place's enclosing city: an anchor
    # for the rounds below.
    targets: dict[int, Division] = {}
    for mention in self_refs:
        following = next((p.chosen for p in all_pieces if p.start == mention.end and p.chosen), None)
        if following is not None:
            target, _ = _self_reference_target(references[mention.text], context, following, gaz)
            if target is not None:
                targets[id(mention)] = target
                context.add(target)
    _resolve_round(all_pieces, ("town",), gaz, context)
    implied = _implied_county(all_pieces, gaz)
    if implied is not None:
        context.add(implied)
        for piece in all_pieces:
            if piece.chosen is None and not piece.village_tail:
                piece.unresolved = None
        _resolve_round(all_pieces, ("town",), gaz, context)
    _resolve_round(all_pieces, ("village",), gaz, context)
    for piece in all_pieces:
        if piece.chosen is not None:
            context.counts[piece.chosen.key] += 1
    # the dateline's place (本报福清讯) is no party of the story, but where the article speaks from
    context.dateline_places = [p.chosen for p in all_pieces if p.chosen and _in_dateline(article.text, p)]
    _drop_lone_short_names(article, all_pieces, context)
    _drop_names_cut_from_known_places(article.text, all_pieces, context, gaz)
    _drop_short_names_of_longer_local_names(article.text, all_pieces, context, gaz)
    _drop_non_place_uses(article.text, all_pieces)
    pairing = _pairing_sentences(article)
    for piece in all_pieces:  # the giving and receiving sides: places of sentences about pairing
        if piece.chosen is not None and article.sentence_index_at(piece.start) in pairing:
            context.province_counts[piece.chosen.province_code] += 1

    linked: list[Mention] = []
    for mention, pieces in groups:
        for piece in pieces:
            end = piece.surface_end or piece.end
            part = replace(mention, text=article.text[piece.start : end], start=piece.start, end=end)
            if piece.chosen is not None:
                linked.append(fill_place(part, piece.chosen))
            else:
                linked.append(replace(part, unresolved=piece.unresolved or f"no division named {piece.text}"))
    home_by_kind = {references[m.text]: targets[id(m)] for m in self_refs if id(m) in targets}
    for mention in self_refs:
        kind = references[mention.text]
        target, reason = targets.get(id(mention)), None
        if target is None and mention.text in discourse_references():
            target = _preceding_fit(kind, mention.start, all_pieces, gaz)
        if target is None:  # one article has one home: 我市 means the city a 我市海曙区 showed
            target = home_by_kind.get(kind)
        if target is None:
            target, reason = _self_reference_target(references[mention.text], context, gaz=gaz)
        if target is None:
            linked.append(replace(mention, unresolved=reason))
            continue
        linked.append(fill_place(mention, target))
        context.add(target)
        context.counts[target.key] += 1
    return linked, context


# --- organisations --------------------------------------------------------------------------------
def org_subtype(name: str, article_text: str = "", end: int | None = None) -> str:
    """Subtype from the name's suffix, else from a cue right after the mention, else ``other``."""
    for suffix, subtype in org_suffixes():
        if name.endswith(suffix) and len(name) > len(suffix):
            return subtype
    if end is not None:
        after = re.split(r"[。！？；\n]", article_text[end : end + CUE_WINDOW + 6], maxsplit=1)[0]
        for cue, subtype in org_context_cues():
            position = after.find(cue)
            if 0 <= position <= CUE_WINDOW:
                return subtype
    return "other"


def home_place(name: str, gaz: Gazetteer, context: Context) -> tuple[Division | None, int]:
    """The place an organisation's name starts with (deepest of a nested chain) and its length.

    A brand followed by its place in brackets, 云账户(天津)共享经济…公司, has that place as home
    (the returned length stays 0: the name does not start with it).
    """
    position, chosen = 0, None
    if not gaz.lookup(name[:2]) and (bracketed := BRACKETED_PLACE.search(name)):
        inner = bracketed.group(1)
        division, _ = choose(inner, gaz.lookup(inner), context)
        if division is not None:
            return division, 0
    while position < len(name) - MIN_ORG_REST:
        step = None
        for end, candidates in gaz.matches_at(name, position):
            if len(name) - end < MIN_ORG_REST and name[end:] not in ONE_CHARACTER_ORGS:
                continue
            if chosen is not None:
                candidates = [c for c in candidates if _descends(c.division, chosen)]
            division, _ = choose(name[position:end], candidates, context)
            if division is not None and _unsupported_short(division, candidates, context):
                continue  # 北镇 (北镇市, 辽宁) in 北镇政府 of an article about 无锡's 锡北镇
            if division is not None:
                chosen, step = division, end
                break
        if step is None:
            break
        position = step
    village = _village_at(name, position, chosen, gaz, context)
    if village is not None:
        return village
    return chosen, position


def _unsupported_short(division: Division, candidates: Sequence[Candidate], context: Context) -> bool:
    """A county's or town's short name with nothing of its surroundings in the article."""
    kinds = {c.kind for c in candidates if c.division.key == division.key}
    return (
        division.level in ("county", "town")
        and kinds <= {"short", "former"}
        and _support(division, context, frozenset(c.division.key for c in candidates)) == 0
    )


def _village_at(
    name: str, position: int, parent: Division | None, gaz: Gazetteer, context: Context
) -> tuple[Division, int] | None:
    """A village written, by its full name, where an organisation's leading places end (德恒隆乡
    卡什代村…, 金牛寺村…): under that town or county, else in the counties the article names."""
    if parent is not None and parent.level == "village":
        return None
    county = _county_of(parent) if parent is not None else None
    if parent is not None and county is None:
        return None
    counties = [county] if county else sorted(context.named_counties())
    town = parent.name if parent is not None and parent.level == "town" else None
    found: dict[str, Division] = {}
    for code in counties:
        villages_here = gaz.villages_of(code)
        for end in range(position + 3, len(name) - MIN_ORG_REST + 1):
            village_name = name[position:end]
            for village in villages_here.get(village_name, ()):
                if village.name == village_name and (town is None or village.town == town):
                    found[village.key] = village
    if len(found) != 1:
        return None
    village = next(iter(found.values()))
    return village, position + len(village.name)


def _core(name: str, prefix_length: int) -> str:
    core = name[prefix_length:]
    for suffix in LEGAL_FORM_SUFFIXES:
        if core.endswith(suffix) and len(core) > len(suffix) + 1:
            return core[: -len(suffix)]
    return core


def link_orgs(
    article: Article, mentions: Sequence[Mention], gaz: Gazetteer, context: Context
) -> list[Mention]:
    """Subtype, home place and canonical name for ORG mentions (see the module docstring)."""
    homes: dict[str, tuple[Division | None, int]] = {}
    for mention in mentions:
        if mention.text not in homes:
            homes[mention.text] = home_place(mention.text, gaz, context)
    # Places the organisations' names settle are context too (天津市和平区慈善协会 → 和平区慈善协会).
    widened = Context(
        anchors=list(context.anchors), counts=context.counts, source_places=context.source_places
    )
    for home, _ in homes.values():
        if home is not None and home.level in UPPER_LEVELS:
            widened.add(home)
    for surface, (home, _) in list(homes.items()):
        if home is None:
            homes[surface] = home_place(surface, gaz, widened)

    # Group surface forms by core; a form without a home joins the group only when all the forms
    # with that core agree on their home.
    by_core: dict[str, list[str]] = {}
    for surface, (_home, length) in homes.items():
        by_core.setdefault(_core(surface, length), []).append(surface)
    canonical: dict[str, str] = {}
    for core, surfaces in by_core.items():
        if len(core) < 2:
            for surface in surfaces:
                canonical[surface] = surface
            continue
        placed = {homes[s][0].key for s in surfaces if homes[s][0] is not None}  # type: ignore[union-attr]
        for surface in surfaces:
            home = homes[surface][0]
            if home is None and len(placed) > 1:
                canonical[surface] = surface  # 慈善协会 with two different cities' 慈善协会: undecidable
                continue
            same = [s for s in surfaces if home is None or homes[s][0] is None or homes[s][0].key == home.key]  # type: ignore[union-attr]
            canonical[surface] = max(same, key=lambda s: (len(s), s))
    # A short name the article defines (东风汽车集团有限公司（以下简称“东风公司”）) is that organisation.
    for short, full in defined_abbreviations(article.text, mentions).items():
        for surface in canonical:
            if surface == short or canonical[surface] == short:
                canonical[surface] = canonical.get(full, full)

    linked = []
    for mention in mentions:
        name = canonical.get(mention.text, mention.text)
        home = homes[name][0] or homes[mention.text][0]
        subtype = mention.subtype or org_subtype(name, article.text, mention.end)
        if subtype == "other" and name != mention.text:
            subtype = org_subtype(mention.text, article.text, mention.end)
        home_code = None
        if home is not None:
            home_code = home.code or home.county_code
        linked.append(replace(mention, name=name, subtype=subtype, home_code=home_code))
    return linked


# --- entry point ----------------------------------------------------------------------------------
def discover_local_places(
    article: Article, mentions: Sequence[Mention], context: Context, gaz: Gazetteer
) -> list[Mention]:
    """Towns and villages of the counties the article names, found in its text by full name.

    The nlp stage cannot know them (650,000 village names, most meaningful only inside their
    county), so the linker, which knows the article's counties, looks for them: a town by its
    name (瓦屋乡), a village by its name (七桥村, ≥3 characters, not a frequent word), and a town's
    short name right before one of its villages (张浦|七桥村). Spans that overlap a mention given
    in ``mentions`` are left alone. Returned linked, with ``source="gazetteer"``.
    """
    counties = set(context.named_counties())
    for anchor in context.anchors:
        if anchor.level == "prefecture" and anchor.code and gaz.towns_of(anchor.code):
            counties.add(anchor.code)  # 东莞, 中山: towns directly under the prefecture
    if not counties:
        return []
    indexes = [(_local_names(gaz, county), _local_heads(gaz, county)) for county in sorted(counties)]
    finds = _Finds(article, mentions)
    text = article.text

    i = 0
    while i < len(text):
        step = 1
        head = text[i : i + 2]
        lengths: set[int] = set()
        for _, heads in indexes:
            lengths.update(heads.get(head, ()))
        for length in sorted(lengths, reverse=True):
            surface = text[i : i + length]
            divisions = [d for names, _ in indexes for d in names.get(surface, ())]
            if not divisions or not finds.free(i, i + length):
                continue
            division = _pick_local(divisions, text, i, context, gaz)
            if division is None:
                continue
            town = _town_before(division, text, i, gaz)
            if town is not None and finds.free(i - len(town[0]), i):
                finds.add(i - len(town[0]), i, town[1])
            finds.add(i, i + length, division)
            step = length
            break
        i += step
    return finds.found


def discover_towns_after_counties(
    article: Article, mentions: Sequence[Mention], context: Context, gaz: Gazetteer
) -> list[Mention]:
    """Towns written right after their own county, by any of their names (北仑小港, 宁海西店,
    海曙段塘), and the towns of the same county listed after them (北仑小港、大碶).

    A town's stem alone means nothing outside its county, but written against that county's name
    it is unmistakable, so the counties looked at are the named ones and those of every named
    prefecture (江北甬江 in an article about 宁波: 江北区 of 宁波 and its 甬江街道). The county
    part is emitted too where no mention has it. Returned linked, with ``source="gazetteer"``.
    """
    counties: dict[str, Division] = {}
    for code in context.named_counties():
        county = gaz.get(code)
        if county is not None:
            counties[code] = county
    for anchor in context.anchors:
        if anchor.level == "prefecture" and anchor.code:
            for child in gaz.children(anchor.code):
                if child.level == "county" and child.code:
                    counties.setdefault(child.code, child)
    text = article.text
    # (start, middle, end) -> the towns written there after their county's name
    compounds: dict[tuple[int, int, int], list[tuple[Division, Division]]] = {}
    for county in counties.values():
        towns = _town_names(gaz, county.key)
        if not towns:
            continue
        lengths = sorted({len(n) for n in towns}, reverse=True)
        for county_name in {n for n in (county.name, *county.aliases, county.short, *county.formers) if n}:
            if len(county_name) < 2:
                continue
            start = text.find(county_name)
            while start != -1:
                middle = start + len(county_name)
                for length in lengths:
                    for town in towns.get(text[middle : middle + length], ()):
                        compounds.setdefault((start, middle, middle + length), []).append((county, town))
                start = text.find(county_name, start + 1)
    spans = {(m.start, m.end): m for m in mentions}
    finds = _Finds(article, mentions)

    def emit(start: int, end: int, division: Division) -> None:
        finds.add(start, end, division)
        context.add(division)

    def county_part_fits(start: int, end: int, county: Division) -> bool:
        existing = spans.get((start, end))
        if existing is not None:
            return existing.code in (None, county.code)
        return finds.free(start, end)

    done_until = 0
    for (start, middle, end), options in sorted(
        compounds.items(), key=lambda item: (item[0][0], -item[0][2])
    ):
        if start < done_until or len({town.key for _, town in options}) != 1:
            continue
        county, town = options[0]
        if not county_part_fits(start, middle, county) or not finds.free(middle, end):
            continue
        if crossing_word(text, middle, end, gaz) is not None:
            continue
        if (start, middle) not in spans:
            emit(start, middle, county)
        emit(middle, end, town)
        done_until = _towns_listed_after(end, county, text, gaz, finds.free, emit)
    return finds.found


def _town_names(gaz: Gazetteer, county_code: str) -> dict[str, list[Division]]:
    """A county's towns by every name of at least two characters (张浦镇, 张浦), cached."""
    cache = _TOWN_NAMES.setdefault(id(gaz), {})
    if county_code not in cache:
        names: dict[str, list[Division]] = {}
        for town in gaz.towns_of(county_code):
            for name in {n for n in (town.name, *town.aliases, town.short) if n and len(n) >= 2}:
                names.setdefault(name, []).append(town)
        cache[county_code] = names
    return cache[county_code]


_TOWN_NAMES: dict[int, dict[str, dict[str, list[Division]]]] = {}


def discover_village_lists(
    article: Article, mentions: Sequence[Mention], context: Context, gaz: Gazetteer
) -> list[Mention]:
    """Lists of stems closed by a count (卡什代、德二、哇加等村; 东山、西山两村; 三河、高崖等6个乡镇),
    read backwards from the count, each stem a village (or town) of one of the counties the article
    names (the only one of that stem there). At least two items, all of them places, or none is
    taken; items that a mention already links to the same place count without being repeated."""
    counties = sorted(context.named_counties())
    if not counties:
        return []

    def villages_named(stem: str) -> dict[str, Division]:
        return {v.key: v for county in counties for v in gaz.villages_of(county).get(stem, ())}

    def towns_named(stem: str) -> dict[str, Division]:
        return {t.key: t for county in counties for t in _town_names(gaz, county).get(stem, ())}

    found: list[Mention] = []
    for closing, named in ((LIST_CLOSING_COUNT, villages_named), (TOWN_LIST_CLOSING_COUNT, towns_named)):
        found += _stem_lists(article, [*mentions, *found], closing, named)
    return found


def _stem_lists(
    article: Article,
    mentions: Sequence[Mention],
    closing_pattern: re.Pattern[str],
    named: Callable[[str], dict[str, Division]],
) -> list[Mention]:
    text = article.text
    finds = _Finds(article, mentions)
    linked = {(m.start, m.end): m for m in mentions if m.label == "PLACE"}

    def already(start: int, end: int, place: Division) -> bool:
        mention = linked.get((start, end))
        return mention is not None and mention.name == place.name and mention.county_code == place.county_code

    for closing in closing_pattern.finditer(text):
        items: list[tuple[int, int, Division, bool]] = []  # (start, end, place, new)
        end = closing.start()
        while True:
            item = None
            for length in (4, 3, 2):  # the longest stem that is a place
                start = end - length
                places = named(text[start:end]) if start >= 0 else {}
                if len(places) == 1:
                    place = next(iter(places.values()))
                    if finds.free(start, end) or already(start, end, place):
                        item = (start, end, place, finds.free(start, end))
                        break
            if item is None:
                break
            items.append(item)
            if item[0] > 0 and text[item[0] - 1] == "、":
                end = item[0] - 1
                continue
            break
        complete = bool(items) and (items[-1][0] == 0 or text[items[-1][0] - 1] != "、")
        if len(items) < 2 or not complete:
            continue
        for start, end, place, new in reversed(items):
            if not new:
                continue
            finds.add(start, end, place)
    return finds.found


def discover_villages_after_towns(
    article: Article, mentions: Sequence[Mention], towns: Sequence[Mention], gaz: Gazetteer
) -> list[Mention]:
    """Villages written right after their own town, by stem as well (军乐镇朝阳、华光两村), with the
    villages of the same town listed after them.

    A stem is taken when it is no frequent word, or when the list it is part of ends in a count of
    villages (两村, 三个村, 等村): 朝阳 alone is a word, 朝阳、华光两村 are villages.
    """
    text = article.text
    finds = _Finds(article, mentions)
    for town in towns:
        if not town.county_code or town.name is None:
            continue
        names = _village_names(gaz, town.county_code, town.name)
        if not names:
            continue
        lengths = sorted({len(n) for n in names}, reverse=True)
        run: list[tuple[int, int, Division]] = []
        position = town.end
        while True:
            for length in lengths:
                villages = names.get(text[position : position + length], [])
                end = position + length
                if (
                    len(villages) == 1
                    and finds.free(position, end)
                    and crossing_word(text, position, end, gaz) is None
                ):
                    # 翁堵村 for the village now called 翁堵社区: the written suffix belongs to it
                    suffix = next((x for x in ("村", "社区") if text.startswith(x, end)), "")
                    if suffix and villages[0].name == text[position:end]:
                        suffix = ""
                    run.append((position, end + len(suffix), villages[0]))
                    break
            else:
                break
            if run[-1][1] < len(text) and text[run[-1][1]] == "、":
                position = run[-1][1] + 1
                continue
            break
        counted = bool(run) and VILLAGE_COUNT.match(text, run[-1][1]) is not None
        for start, end, village in run:
            stem = text[start:end] != village.name
            if stem and not counted and word_frequency(text[start:end]) >= MIN_CROSSING_WORD_FREQ:
                break
            finds.add(start, end, village)
    return finds.found


def discover_province_pairs(article: Article, mentions: Sequence[Mention], gaz: Gazetteer) -> list[Mention]:
    """粤桂协作, 沪滇合作, 鲁渝协作: two one-character province names side by side before
    协作/合作/帮扶 name the two provinces of a programme. Not where the two characters are a name
    themselves (辽宁合作) or part of one, nor over a mention."""
    abbreviations = province_abbreviations()
    text = article.text
    occupied = [(m.start, m.end) for m in mentions]
    found: list[Mention] = []
    for match in PROVINCE_PAIR.finditer(text):
        start = match.start()
        first, second = text[start], text[start + 1]
        codes = [abbreviations.get(first), abbreviations.get(second)]
        if None in codes or codes[0] == codes[1]:
            continue
        if any(start - 1 < e and s < start + 3 for s, e in occupied):
            continue
        neighbours = (
            text[start : start + 2],
            text[max(0, start - 1) : start + 1],
            text[start + 1 : start + 3],
        )
        if any(c.division.level in UPPER_LEVELS for word in neighbours for c in gaz.lookup(word)):
            continue  # 辽宁合作 (闽宁 is a town's name, after the programme: no obstacle)
        for offset, code in enumerate(codes):
            division = gaz.get(code)  # type: ignore[arg-type]
            if division is None:
                continue
            mention = Mention(
                article_id=article.id,
                label="PLACE",
                text=text[start + offset],
                start=start + offset,
                end=start + offset + 1,
                sentence=article.sentence_index_at(start + offset),
                source="pattern",
            )
            found.append(fill_place(mention, division))
    return found


def _village_names(gaz: Gazetteer, county_code: str, town: str) -> dict[str, list[Division]]:
    """A town's villages by full name and stem (七桥村, 七桥), cached."""
    cache = _VILLAGE_NAMES.setdefault(id(gaz), {})
    if (county_code, town) not in cache:
        names: dict[str, list[Division]] = {}
        for name, villages in gaz.villages_of(county_code).items():
            own = [v for v in villages if v.town == town]
            if own and len(name) >= 2:
                names[name] = own
        cache[(county_code, town)] = names
    return cache[(county_code, town)]


_VILLAGE_NAMES: dict[int, dict[tuple[str, str], dict[str, list[Division]]]] = {}


def _towns_listed_after(
    end: int,
    county: Division,
    text: str,
    gaz: Gazetteer,
    free: Callable[[int, int], bool],
    emit: Callable[[int, int, Division], None],
) -> int:
    """北仑小港、大碶: towns of the same county listed after one, by any of their names."""
    names = _town_names(gaz, county.key)
    while end < len(text) and text[end] == "、":
        start = end + 1
        for length in sorted({len(n) for n in names}, reverse=True):
            towns = names.get(text[start : start + length], [])
            if (
                len(towns) == 1
                and free(start, start + length)
                and crossing_word(text, start, start + length, gaz) is None
            ):
                emit(start, start + length, towns[0])
                end = start + length
                break
        else:
            return end
    return end


def _local_names(gaz: Gazetteer, county_code: str) -> dict[str, list[Division]]:
    """A county's towns by full name and ethnic alias, and its villages by full name (at least
    three characters, no frequent word): the names found anywhere in a text, cached."""
    cache = _LOCAL_NAMES.setdefault(id(gaz), {})
    if county_code not in cache:
        names: dict[str, list[Division]] = {}
        for town in gaz.towns_of(county_code):
            for name in (town.name, *town.aliases):
                names.setdefault(name, []).append(town)
        for name, villages in gaz.villages_of(county_code).items():
            full = [v for v in villages if v.name == name]
            if full and len(name) >= 3 and word_frequency(name) < MIN_CROSSING_WORD_FREQ:
                names.setdefault(name, []).extend(full)
        cache[county_code] = names
    return cache[county_code]


_LOCAL_NAMES: dict[int, dict[str, dict[str, list[Division]]]] = {}


def _local_heads(gaz: Gazetteer, county_code: str) -> dict[str, frozenset[int]]:
    """The first two characters of a county's local names -> their lengths, cached."""
    cache = _LOCAL_HEADS.setdefault(id(gaz), {})
    if county_code not in cache:
        heads: dict[str, set[int]] = {}
        for name in _local_names(gaz, county_code):
            heads.setdefault(name[:2], set()).add(len(name))
        cache[county_code] = {head: frozenset(lengths) for head, lengths in heads.items()}
    return cache[county_code]


_LOCAL_HEADS: dict[int, dict[str, dict[str, frozenset[int]]]] = {}


def _pick_local(
    divisions: Sequence[Division], text: str, start: int, context: Context, gaz: Gazetteer
) -> Division | None:
    """One of the namesakes found in the article's counties: the only one, the only one of the
    county written right before it (紫阳县腰庄村, when 洛南县 has a 腰庄村 too), or the village
    whose town is written right before it or is named in the article."""
    unique = list({d.key: d for d in divisions}.values())
    if len(unique) == 1:
        return unique[0]
    before = text[max(0, start - 12) : start]
    after_county = []
    for division in unique:
        county = gaz.get(division.county_code or "")
        names = (county.name, *county.aliases, county.short) if county is not None else ()
        if any(name and len(name) >= 2 and before.endswith(name) for name in names):
            after_county.append(division)
    if len(after_county) == 1:
        return after_county[0]
    named_towns = {a.name for a in context.anchors if a.level == "town"}
    for division in unique:
        if division.town and (division.town in named_towns or text[:start].endswith(division.town)):
            return division
    return None


def _town_before(division: Division, text: str, start: int, gaz: Gazetteer) -> tuple[str, Division] | None:
    """张浦 in 张浦七桥村: the short name of a village's own town written right before it."""
    if division.level != "village" or not division.town or not division.county_code:
        return None
    town = gaz.town_in(division.county_code, division.town)
    if town is None or not town.short:
        return None
    if text[:start].endswith(town.short) and not text[:start].endswith(town.name):
        return town.short, town
    return None


def link_mentions(
    article: Article, mentions: list[Mention], gazetteer: Gazetteer, *, discover: bool = True
) -> list[Mention]:
    """New Mention records with their link fields filled, ordered by offset (see module docstring).

    PLACE mentions may come back split into several (one per name of a composite mention); all
    other mentions come back one for one. With ``discover`` (the default) towns and villages of
    the article's counties that no mention covers are added (:func:`discover_local_places` and
    its kin), and a PERSON mention that such a place covers is dropped (卡什 in 卡什代村).
    """
    mentions = [_functional_area_as_place(m, gazetteer) for m in mentions]
    places = [m for m in mentions if m.label == "PLACE"]
    linked_places, context = link_places(article, places, gazetteer)
    discovered_places: list[Mention] = []
    if discover:
        # Unresolved place mentions do not block (坝田村 cut from 高坝田村 gives way to it), nor do
        # names linked by a short name only, which hide in longer local names (金牛, 金牛区's short
        # name, in 金牛寺村; 朝阳 in 军乐镇朝阳、华光两村): a local name found over one replaces it.
        # Persons do not block either: 卡什 tagged as a person inside the village 卡什代村.
        settled = [m for m in mentions if m.label not in ("PLACE", "PERSON")]
        settled += [m for m in linked_places if not m.unresolved]
        hiding = [m for m in settled if m.label == "PLACE" and _linked_by_short_name(m, gazetteer)]
        blocking = [m for m in settled if all(m is not h for h in hiding)]
        discovered = discover_towns_after_counties(article, blocking, context, gazetteer)
        towns = [m for m in [*blocking, *hiding, *discovered] if m.level == "town"]
        discovered += discover_villages_after_towns(article, [*blocking, *discovered], towns, gazetteer)
        discovered += discover_village_lists(article, [*blocking, *discovered], context, gazetteer)
        discovered += discover_local_places(article, [*blocking, *discovered], context, gazetteer)
        discovered = [d for d in discovered if not any(_overlaps(d, h) and not _within(h, d) for h in hiding)]
        discovered += discover_province_pairs(article, [*mentions, *linked_places, *discovered], gazetteer)
        kept = [
            m
            for m in linked_places
            if not any(_overlaps(d, m) and (m.unresolved or _within(m, d)) for d in discovered)
        ] + discovered
        # a place named only by mentions that gave way is no anchor for the organisations either
        gone = {m.code for m in linked_places if m.code} - {m.code for m in kept if m.code}
        context.anchors = [a for a in context.anchors if a.code not in gone or a in context.source_places]
        linked_places = _resolve_discourse_references(kept, gazetteer)
        discovered_places = discovered
    orgs = link_orgs(article, [m for m in mentions if m.label == "ORG"], gazetteer, context)
    others: list[Mention] = []
    for mention in mentions:
        if mention.label == "MONEY":
            value = parse_money(mention.text)
            others.append(replace(mention, value=value, name=_format_yuan(value)))
        elif mention.label == "DATE":
            iso = parse_date(mention.text, article.date)
            others.append(replace(mention, iso=iso, name=iso))
        elif mention.label == "PERSON" and any(_overlaps(mention, p) for p in discovered_places):
            continue  # a place of the article's counties was written there (卡什 in 卡什代村)
        elif mention.label == "PROJECT":
            # named by its text without quotes; its home is the place it starts with, as for an
            # organisation (安伏镇现代农业产业园 → 安伏镇's county)
            name = mention.text.strip(QUOTES) or mention.text
            home, _ = home_place(name, gazetteer, context)
            home_code = (home.code or home.county_code) if home is not None else None
            others.append(replace(mention, name=name, home_code=home_code))
        elif mention.label not in ("PLACE", "ORG"):
            others.append(replace(mention, name=mention.text.strip(QUOTES) or mention.text))
    return sorted([*linked_places, *orgs, *others], key=lambda m: (m.start, m.end, m.label))


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _within(inner: Mention, outer: Mention) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _linked_by_short_name(mention: Mention, gaz: Gazetteer) -> bool:
    """Linked only through a short name (金牛 → 金牛区), the kind of name that hides in longer ones."""
    kinds = {
        c.kind
        for c in gaz.lookup(mention.text)
        if (c.division.code and c.division.code == mention.code)
        or (
            c.division.code is None
            and c.division.county_code == mention.county_code
            and c.division.name == mention.name
        )
    }
    return kinds == {"short"}


def _format_yuan(value: float | None) -> str | None:
    if value is None:
        return None
    return f"{value:.0f}元" if value == int(value) else f"{value:.2f}元"


def link_all(
    articles: Iterable[Article], mentions_by_article: dict[str, list[Mention]], gazetteer: Gazetteer
) -> dict[str, list[Mention]]:
    """Link every article's mentions (a convenience for the pipeline)."""
    return {
        article.id: link_mentions(article, mentions_by_article.get(article.id, []), gazetteer)
        for article in articles
    }
