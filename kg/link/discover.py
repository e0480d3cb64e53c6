"""Discovery: towns and villages of the article's counties that no mention covers.

The nlp stage cannot know 650,000 village names that only mean something inside their county,
so the linker, which knows the article's counties, looks for them and adds them as PLACE
mentions (``source="gazetteer"``). Stems, which mean nothing alone, are taken where written
against their parent: a town right after its own county (北仑小港, also for the counties of a
named prefecture), a village right after its own town (军乐镇朝阳、华光两村), with the siblings
listed after them, and lists closed by a count (卡什代、德二、哇加等村). Two one-character
province names before a word of cooperation (粤桂协作) name the two provinces of a programme.
A province and its city that jieba keeps as one word (吉林长春), which the nlp stage drops as cut
by a word, are taken back.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache

from kg.bounded import Recent
from kg.gazetteer import Gazetteer
from kg.io import data_rows
from kg.jieba_dict import jieba_words, word_frequency
from kg.link.found import Finds, fill_place, found_place
from kg.link.lexicon import (
    link_words,
    list_closing_count,
    programme_pair,
    town_list_closing_count,
    village_count,
)
from kg.link.resolve import Context
from kg.link.words import MIN_CROSSING_WORD_FREQ, crossing_word
from kg.places import PROVINCE_AND_PREFECTURE, UPPER_LEVELS, Division, nests
from kg.records import Article, Mention


@cache
def province_abbreviations() -> dict[str, str]:
    """One-character province names (粤 → 440000), for pair labels such as 粤桂协作."""
    return {row["abbr"].strip(): row["code"].strip() for row in data_rows("province_abbreviations.csv")}


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
    finds = Finds(article, mentions)
    text = article.text
    # the heads some county's names have that the text holds: most positions hold none, and asking
    # each county at each position was a third of the link stage's time
    present = {text[i : i + 2] for i in range(len(text))}
    live = set().union(*(present & heads.keys() for _, heads in indexes))

    after = 0  # the end of the last name taken: the next one starts there or later
    for i in [i for i in range(len(text)) if text[i : i + 2] in live]:
        if i < after:
            continue
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
            after = i + length
            break
    return finds.found


def _counties_around(context: Context, gaz: Gazetteer) -> dict[str, Division]:
    """The counties the article names and those of every prefecture it names, by code."""
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
    return counties


def _towns_after_county_names(
    text: str, counties: dict[str, Division], gaz: Gazetteer
) -> dict[tuple[int, int, int], list[tuple[Division, Division]]]:
    """(start, middle, end) -> the (county, town) pairs written there, the town right after its
    county's name (any of the county's names of two or more characters)."""
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
    return compounds


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
    text = article.text
    compounds = _towns_after_county_names(text, _counties_around(context, gaz), gaz)
    spans = {(m.start, m.end): m for m in mentions}
    finds = Finds(article, mentions)

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


def discover_counties_after_parents(
    article: Article, mentions: Sequence[Mention], context: Context, gaz: Gazetteer
) -> list[Mention]:
    """重庆石柱, 四川汶川, 乐山马边: a county written by a name of its own (its short name too) right
    after its province or prefecture is that county, where no mention covers it (the nlp stage,
    seeing a word edge elsewhere, may leave a short name out). Only where one county of that
    parent bears the name and no ordinary word crosses it. Returned linked, ``source="gazetteer"``."""
    text = article.text
    finds = Finds(article, mentions)
    for m in mentions:
        if m.label != "PLACE" or m.unresolved or m.level not in ("province", "prefecture") or not m.code:
            continue
        for length in (4, 3, 2):
            end = m.end + length
            if end > len(text) or not finds.free(m.end, end):
                continue
            counties = {
                c.division.key: c.division
                for c in gaz.lookup(text[m.end : end])
                if c.division.level == "county" and m.code in c.division.parents
            }
            if len(counties) != 1 or crossing_word(text, m.end, end, gaz) is not None:
                continue
            county = next(iter(counties.values()))
            finds.add(m.end, end, county)
            context.add(county)
            break
    return finds.found


def discover_chains_as_one_word(
    article: Article, mentions: Sequence[Mention], gaz: Gazetteer
) -> list[Mention]:
    """吉林长春, 四川汶川: a province or prefecture and a division of it written together, which jieba
    keeps as one word, so that the nlp stage drops both names as cut by a word. Only where one such
    pair of divisions reads the two names and no ordinary word crosses the whole. Returned linked,
    ``source="gazetteer"``."""
    text = article.text
    finds = Finds(article, mentions)
    after = 0  # the end of the last chain taken: the next one starts there or later
    for i in gaz.name_starts(text, upper=True):  # elsewhere no parent's name starts, so no chain
        if i < after:
            continue
        chain = _parent_child_at(text, i, gaz)
        if chain is None or not finds.free(i, chain[2]) or crossing_word(text, i, chain[2], gaz) is not None:
            continue
        parent, middle, end, child = chain
        finds.add(i, middle, parent)
        finds.add(middle, end, child)
        after = end
    return finds.found


def _parent_child_at(text: str, start: int, gaz: Gazetteer) -> tuple[Division, int, int, Division] | None:
    """(parent, end of its name, end of the child's name, child) of the one parent–child reading of
    two upper-level names written from ``start`` on, the longest names first; None if none or several."""
    for middle, parents in gaz.matches_at(text, start):
        uppers = [c.division for c in parents if c.division.level in PROVINCE_AND_PREFECTURE]
        if not uppers:
            continue
        for end, children in gaz.matches_at(text, middle):
            pairs = {
                (p.key, c.division.key): (p, c.division)
                for p in uppers
                for c in children
                if c.division.level in UPPER_LEVELS and p.code in c.division.parents
            }
            if len(pairs) == 1:
                parent, child = next(iter(pairs.values()))
                return parent, middle, end, child
            if pairs:
                return None
    return None


def _town_names(gaz: Gazetteer, county_code: str) -> dict[str, list[Division]]:
    """A county's towns by every name of at least two characters (张浦镇, 张浦), cached."""
    cache = _TOWN_NAMES.setdefault(id(gaz), Recent())
    if county_code not in cache:
        names: dict[str, list[Division]] = {}
        for town in gaz.towns_of(county_code):
            for name in {n for n in (town.name, *town.aliases, town.short) if n and len(n) >= 2}:
                names.setdefault(name, []).append(town)
        cache[county_code] = names
    return cache[county_code]


_TOWN_NAMES: dict[int, Recent[str, dict[str, list[Division]]]] = {}


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
    for closing, named in ((list_closing_count(), villages_named), (town_list_closing_count(), towns_named)):
        found += _stem_lists(article, [*mentions, *found], closing, named)
    return found


def _stem_lists(
    article: Article,
    mentions: Sequence[Mention],
    closing_pattern: re.Pattern[str],
    named: Callable[[str], dict[str, Division]],
) -> list[Mention]:
    text = article.text
    finds = Finds(article, mentions)
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
    finds = Finds(article, mentions)
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
                    suffix = next((x for x in link_words()["village_nouns"] if text.startswith(x, end)), "")
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
        counted = bool(run) and village_count().match(text, run[-1][1]) is not None
        for start, end, village in run:
            stem = text[start:end] != village.name
            if stem and not counted and word_frequency(text[start:end]) >= MIN_CROSSING_WORD_FREQ:
                break
            finds.add(start, end, village)
    return finds.found


UNKNOWN_VILLAGE = re.compile(r"[\u4e00-\u9fff]{2,4}?村(?![民委级干务组部集规庄])")


def discover_unknown_villages_after_towns(
    article: Article, mentions: Sequence[Mention], towns: Sequence[Mention]
) -> list[Mention]:
    """Villages the gazetteer does not hold, written right after their town (大新镇陈楼村, and the
    villages listed after it: 、河业刘村): unresolved PLACE mentions, which the relate stage reads
    as a village by its 村 (a sum 向某镇某村 goes to that village, not to the town). A name that is a
    common word (新农村, 贫困村, 行政村: jieba's frequency) names a kind of village, none."""
    text = article.text
    finds = Finds(article, mentions)
    found: list[Mention] = []
    for town in towns:
        position = town.end
        while (match := UNKNOWN_VILLAGE.match(text, position)) is not None:
            start, end = match.span()
            if not finds.free(start, end) or not _village_name(text[start:end]):
                break
            name = text[start:end]
            found.append(
                replace(found_place(article, start, end), name=name, unresolved=f"no division named {name}")
            )
            finds.taken.append((start, end))
            if text[end : end + 1] != "、":
                break
            position = end + 1
    return found


def _village_name(name: str) -> bool:
    """Whether ``name`` (…村) may name one village: it ends in no common word (新农村, 贫困村, 行政村, 乡村:
    jieba's frequency) and opens with no verb (推进|新农村)."""
    if any(word_frequency(name[i:]) >= MIN_CROSSING_WORD_FREQ for i in range(len(name) - 1)):
        return False
    return not jieba_words().get(name[:2], (0, ""))[1].startswith("v")


def discover_province_pairs(article: Article, mentions: Sequence[Mention], gaz: Gazetteer) -> list[Mention]:
    """粤桂协作, 沪滇合作, 鲁渝协作: two one-character province names side by side before
    协作/合作/帮扶 name the two provinces of a programme. Not where the two characters are a name
    themselves (辽宁合作) or part of one, nor over a mention."""
    abbreviations = province_abbreviations()
    text = article.text
    occupied = [(m.start, m.end) for m in mentions]
    found: list[Mention] = []
    for match in programme_pair().finditer(text):
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


def discover_bracketed_city_pairs(article: Article, mentions: Sequence[Mention]) -> list[Mention]:
    """鲁渝(济万)协作: two characters in brackets right after two one-character province names stand
    for a place of each province the article names whose name begins with that character (济宁市 of
    山东, 万州区 of 重庆); both or neither, and only where one named place of the province fits."""
    abbreviations = province_abbreviations()
    chars = "".join(map(re.escape, abbreviations))
    pattern = re.compile(f"([{chars}])([{chars}])[(（]([\u4e00-\u9fff])([\u4e00-\u9fff])[)）]")
    named = [
        m for m in mentions if m.label == "PLACE" and not m.unresolved and m.level in ("prefecture", "county")
    ]
    taken = [(m.start, m.end) for m in mentions]
    found: list[Mention] = []
    for match in pattern.finditer(article.text):
        members = []
        for side in (1, 2):
            province, char = abbreviations[match.group(side)], match.group(side + 2)
            fitting = {
                m.code: m
                for m in named
                if m.province_code == province
                and ((m.name or "").startswith(char) or m.text.startswith(char))
            }
            members.append(next(iter(fitting.values())) if len(fitting) == 1 else None)
        spans = [match.span(3), match.span(4)]
        if None in members or any(s < e2 and s2 < e for s, e in spans for s2, e2 in taken):
            continue
        for (start, end), member in zip(spans, members, strict=True):
            assert member is not None
            found.append(replace(member, text=article.text[start:end], start=start, end=end,
                                 sentence=article.sentence_index_at(start), source="pattern"))  # fmt: skip
    return found


def discover_city_pairs(article: Article, mentions: Sequence[Mention]) -> list[Mention]:
    """佛云对口帮扶, 苏铜协作: two characters before a programme's word, each the first of the name
    of exactly one place the article names at prefecture or county level (佛山市, 云浮市), two places
    neither inside the other, stand for those places, as two provinces' one-character names do
    (粤桂协作, :func:`discover_province_pairs`). Not over a mention; nothing where a character fits
    no named place or several."""
    named = [
        m for m in mentions if m.label == "PLACE" and not m.unresolved and m.level in ("prefecture", "county")
    ]
    taken = [(m.start, m.end) for m in mentions]
    text = article.text
    found: list[Mention] = []
    for match in programme_pair().finditer(text):
        start = match.start()
        if any(start < e and s < start + 2 for s, e in taken):
            continue
        members = []
        for char in text[start : start + 2]:
            fitting = {m.code: m for m in named if (m.name or "").startswith(char)}
            members.append(next(iter(fitting.values())) if len(fitting) == 1 else None)
        first, second = members
        if first is None or second is None or nests(first, second) or nests(second, first):
            continue
        for offset, member in enumerate(members):
            at = start + offset
            found.append(replace(member, text=text[at], start=at, end=at + 1,
                                 sentence=article.sentence_index_at(at), source="pattern"))  # fmt: skip
    return found


def _village_names(gaz: Gazetteer, county_code: str, town: str) -> dict[str, list[Division]]:
    """A town's villages by full name and stem (七桥村, 七桥), cached."""
    cache = _VILLAGE_NAMES.setdefault(id(gaz), Recent())
    if (county_code, town) not in cache:
        names: dict[str, list[Division]] = {}
        for name, villages in gaz.villages_of(county_code).items():
            own = [v for v in villages if v.town == town]
            if own and len(name) >= 2:
                names[name] = own
        cache[(county_code, town)] = names
    return cache[(county_code, town)]


_VILLAGE_NAMES: dict[int, Recent[tuple[str, str], dict[str, list[Division]]]] = {}


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
    cache = _LOCAL_NAMES.setdefault(id(gaz), Recent())
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


_LOCAL_NAMES: dict[int, Recent[str, dict[str, list[Division]]]] = {}


def _local_heads(gaz: Gazetteer, county_code: str) -> dict[str, frozenset[int]]:
    """The first two characters of a county's local names -> their lengths, cached."""
    cache = _LOCAL_HEADS.setdefault(id(gaz), Recent())
    if county_code not in cache:
        heads: dict[str, set[int]] = {}
        for name in _local_names(gaz, county_code):
            heads.setdefault(name[:2], set()).add(len(name))
        cache[county_code] = {head: frozenset(lengths) for head, lengths in heads.items()}
    return cache[county_code]


_LOCAL_HEADS: dict[int, Recent[str, dict[str, frozenset[int]]]] = {}


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
