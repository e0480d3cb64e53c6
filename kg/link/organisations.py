"""Organisations: subtype, home place and canonical name.

Subtype from the name's suffix (``data/org_subtypes.csv``), else from what the sentence calls it
right after (``data/org_context_cues.csv``: 厚康农贸、轩睿食用菌等企业), else ``other``; a subtype
the nlp stage set is kept. Home place: the place the name starts with, resolved like a PLACE
(昆山鲜活果汁有限公司 → 320583). Canonical name: mentions whose names agree once the leading place
and the legal-form suffix are removed, and whose places agree or are missing, are one
organisation named by its longest form (海投集团 and 厦门海投集团 → 厦门海投集团). A short name the
article defines in brackets right after a full one (东风汽车集团有限公司（以下简称“东风公司”）,
markers in ``data/abbreviation_markers.csv``) takes the full name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from kg.gazetteer import Gazetteer
from kg.io import data_rows
from kg.jieba_dict import word_frequency
from kg.link.lexicon import link_words
from kg.link.resolve import Context, choose, support
from kg.org_subtypes import org_suffixes, subtype_by_suffix
from kg.places import UPPER_LEVELS, Candidate, Division, county_of, descends
from kg.records import Article, Mention

# A leading place counts as an ORG's home only when this much name is left after it.
MIN_ORG_REST = 2


# jieba frequency above which the stem of an organisation's core is a common word (人民, 实验).
DISTINCTIVE_MAX_FREQUENCY = 20

# How far after an ORG a context cue (等企业) may start.
CUE_WINDOW = 4


BRACKETED_PLACE = re.compile(r"[(（]([^()（）]{2,12})[)）]")


@cache
def abbreviation_definition() -> re.Pattern[str]:
    """（以下简称“东风公司”） right after a name; the short name is group 1.

    The marker words are data (``data/abbreviation_markers.csv``)."""
    rows = data_rows("abbreviation_markers.csv")
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
    pairs = [(row["cue"].strip(), row["subtype"].strip()) for row in data_rows("org_context_cues.csv")]
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


def is_government(org: Mention) -> bool:
    """A government or party organ acts for its place and is no helper organisation (the words:
    ``government_org`` of ``data/link_words.json``)."""
    rule = link_words()["government_org"]
    name = org.name or org.text
    if name.endswith(rule["not_suffixes"]):
        return False  # 某镇工会委员会: a mass organisation named like a committee
    return name.endswith(rule["suffixes"])


def org_subtype(name: str, article_text: str = "", end: int | None = None) -> str:
    """Subtype from the name's suffix, else from a cue right after the mention, else ``other``."""
    if (subtype := subtype_by_suffix(name)) is not None:
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
            if len(name) - end < MIN_ORG_REST and name[end:] not in link_words()["one_character_org_endings"]:
                continue
            if chosen is not None:
                candidates = [c for c in candidates if descends(c.division, chosen)]
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
        and support(division, context, frozenset(c.division.key for c in candidates)) == 0
    )


def _village_at(
    name: str, position: int, parent: Division | None, gaz: Gazetteer, context: Context
) -> tuple[Division, int] | None:
    """A village written, by its full name, where an organisation's leading places end (德恒隆乡
    卡什代村…, 金牛寺村…): under that town or county, else in the counties the article names."""
    if parent is not None and parent.level == "village":
        return None
    county = county_of(parent) if parent is not None else None
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


def org_core(name: str, prefix_length: int) -> str:
    """The name without its leading place (``prefix_length`` characters) and its legal form."""
    core = name[prefix_length:]
    for suffix in link_words()["legal_form_suffixes"]:
        if core.endswith(suffix) and len(core) > len(suffix) + 1:
            return core[: -len(suffix)]
    return core


def _homes(
    mentions: Sequence[Mention], gaz: Gazetteer, context: Context
) -> dict[str, tuple[Division | None, int]]:
    """Each surface's home place and the length of the name it starts with. Places the
    organisations' names settle are context too (天津市和平区慈善协会 → 和平区慈善协会)."""
    homes: dict[str, tuple[Division | None, int]] = {}
    for mention in mentions:
        if mention.text not in homes:
            homes[mention.text] = home_place(mention.text, gaz, context)
    widened = Context(
        anchors=list(context.anchors), counts=context.counts, source_places=context.source_places
    )
    for home, _ in homes.values():
        if home is not None and home.level in UPPER_LEVELS:
            widened.add(home)
    for surface, (home, _) in list(homes.items()):
        if home is None:
            homes[surface] = home_place(surface, gaz, widened)
    return homes


def _distinctive(core: str) -> bool:
    """Whether a core names one body wherever it stands (保二小学), not a kind every place has
    (人民医院, 实验小学, 第一中学): its stem before the subtype ending is no common word and no
    ordinal (``link_words`` ``generic_core_starts``)."""
    ending = next((suffix for suffix, _ in org_suffixes() if core.endswith(suffix)), "")
    stem = core[: len(core) - len(ending)]
    if len(stem) < 2 or stem.startswith(tuple(link_words()["generic_core_starts"])):
        return False
    return word_frequency(stem) <= DISTINCTIVE_MAX_FREQUENCY


def _nested(a: Division | None, b: Division | None) -> bool:
    """Whether two homes may be one organisation's: either unknown, the same, or one inside the
    other (锦州 of 锦州某小学 and 锦州市古塔区 of 锦州市古塔区某小学)."""
    return a is None or b is None or a.key == b.key or descends(a, b) or descends(b, a)


def _canonical_names(homes: dict[str, tuple[Division | None, int]]) -> dict[str, str]:
    """Surface → canonical name. Surfaces are grouped by core; a form without a home joins the
    group only when all the forms with that core agree on their home; a form whose home holds
    the others' (a city's short name before the core, the district left out) joins them when
    those homes form one chain."""
    by_core: dict[str, list[str]] = {}
    for surface, (_home, length) in homes.items():
        by_core.setdefault(org_core(surface, length), []).append(surface)
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
            same = [s for s in surfaces if _nested(homes[s][0], home)]
            if not _distinctive(core) or not all(
                _nested(homes[a][0], homes[b][0]) for a in same for b in same
            ):
                # 锦州某小学 beside two districts' 某小学: which one it shortens is undecidable
                same = [s for s in same if homes[s][0] is None or home is None or homes[s][0].key == home.key]  # type: ignore[union-attr]
            canonical[surface] = max(same, key=lambda s: (len(s), s))
    return canonical


TRADE_LENGTHS = (2, 3, 4)  # characters of a trade name before its line of business


def trade_name(core: str) -> str | None:
    """The trade name at the start of a core (超诚 of 超诚电子科技), where a line of business
    (``trade_names.lines_of_business``) follows it."""
    lines = tuple(link_words()["trade_names"]["lines_of_business"])
    for length in TRADE_LENGTHS:
        if len(core) > length and core[length:].startswith(lines):
            return core[:length]
    return None


# An abbreviation keeps at least this many characters of its full name.
MIN_ABBREVIATION = 3


def is_abbreviation(short: str, full: str) -> bool:
    """Whether ``short`` abbreviates ``full`` the way Chinese names are cut (农科院 for 农业科学院,
    海投集团 for 海沧投资集团, 经促会 for 经济促进会): it keeps the first and the last character and
    the others in order, and drops no whole word (中国银行 is no 中国农业银行: 农业 is dropped whole)
    and no run of three characters or more."""
    if len(short) < MIN_ABBREVIATION or len(full) <= len(short) or short in full:
        return False
    if short[0] != full[0] or short[-1] != full[-1]:
        return False
    dropped, run, position = [], "", 0
    for char in full:
        if position < len(short) and char == short[position]:
            position += 1
            if run:
                dropped.append(run)
            run = ""
        else:
            run += char
    if position < len(short):
        return False
    return all(len(r) < MIN_ABBREVIATION and (len(r) == 1 or not word_frequency(r)) for r in dropped + [run])


def _shortens(core: str, fuller: str, company: bool) -> bool:
    """Whether a name's core abbreviates a fuller one (农科院, 农业科学院) or, for a fuller name
    that is a company's (it has a legal form), begins it (超诚 of 超诚电子科技: 上海超诚, 超诚公司)."""
    return is_abbreviation(core, fuller) or (company and len(core) >= 2 and fuller.startswith(core))


def _core_and_form(name: str, prefix: int) -> tuple[str, bool]:
    """The name's core and whether the name has a legal form (a company's registered name)."""
    core = org_core(name, prefix)
    return core, core != name[prefix:]


def _expand_abbreviations(canonical: dict[str, str], homes: dict[str, tuple[Division | None, int]]) -> None:
    """A short form (福建省农科院, 上海超诚) takes the one fuller name of the article it abbreviates
    (福建省农业科学院) or whose trade name it is (上海超诚电子科技有限公司), compared without their
    leading places, where their homes agree."""
    names = set(canonical.values())
    for surface, name in list(canonical.items()):
        home, length = homes.get(name) or homes[surface]
        core = org_core(name, length)
        fuller = [
            other
            for other in names
            if other != name
            and (home is None or homes.get(other, (None, 0))[0] in (None, home))
            and _shortens(core, *_core_and_form(other, homes.get(other, (None, 0))[1]))
        ]
        if len(fuller) == 1:
            canonical[surface] = fuller[0]


def link_orgs(
    article: Article, mentions: Sequence[Mention], gaz: Gazetteer, context: Context
) -> list[Mention]:
    """Subtype, home place and canonical name for ORG mentions (see the module docstring)."""
    homes = _homes(mentions, gaz, context)
    canonical = _canonical_names(homes)
    # A short name the article defines (东风汽车集团有限公司（以下简称“东风公司”）) is that organisation.
    for short, full in defined_abbreviations(article.text, mentions).items():
        for surface in canonical:
            if surface == short or canonical[surface] == short:
                canonical[surface] = canonical.get(full, full)
    _expand_abbreviations(canonical, homes)

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
