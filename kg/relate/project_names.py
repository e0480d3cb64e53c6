"""What a project's name names by its own words: one thing, or a kind (generic words before its
head, places and generic words before a head of works, a count inside it, a verb and a head).

The entity stage's own test of names (GENERIC and COUNT of the pattern file) is read here, one
home; :mod:`kg.relate.projects` asks these questions of each name it reads, and the learned
project reader asks them of its candidates.
"""

from __future__ import annotations

import re

from kg.gazetteer import load_gazetteer
from kg.jieba_dict import word_tags
from kg.link.discover import province_abbreviations
from kg.nlp.patterns import load_patterns, stem_is_generic
from kg.places import UPPER_LEVELS
from kg.relate.rules import lexicon

PLACE_JOINERS = ("、", "和", "与")  # between the places a name starts with


def verb_and_head(name: str) -> bool:
    """承载项目, 开发项目: one verb and a head name what is done, not a thing (jieba's tags)."""
    stem = re.sub(lexicon()["project"]["not_built"]["heads"], "", name)
    return stem != name and word_tags().get(stem, "").startswith("v")


def generic_name(name: str) -> bool:
    """A project's name that names no one thing, by the pattern file's GENERIC and COUNT (the
    entity stage's own test of names, one home): only generic words before its head (二期工程,
    东西部扶贫协作项目, 省级休闲观光农业示范园区); places and generic words before a head of works
    (积石山县项目, 江苏援藏项目, 沪滇协作项目: the places' projects, not one — 乐山产业园 is one);
    a count of things or places inside it (蓬江区4所学校, 两县乡镇卫生院) — an ordinal (宁夏第一家…)
    and a place written with a number (八一镇) count nothing."""
    patterns = load_patterns()
    if stem_is_generic(name, patterns):
        return True
    at = _places_at_start(name)
    if at and patterns.works.search(name) and stem_is_generic(name[at:], patterns):
        return True
    return any(_counts(name, m.start(), m.end()) for m in patterns.count.finditer(name))


def names_an_arrangement(name: str) -> bool:
    """A name whose head is a kind of arrangement (the lexicon's arrangement_head: 飞地, land one
    place runs inside another) with no place among the words before it (反向飞地, 消薄飞地, 科创飞地):
    the kind two places follow, not one thing built; 平湖—青田飞地 names its places, and 某某飞地
    产业园 ends in the park built."""
    head = re.search(lexicon()["project"]["not_built"]["arrangement_head"], name)
    return head is not None and not _holds_place(name[: head.start()])


def _holds_place(text: str) -> bool:
    """Whether a division is written in ``text`` by its full name, or a prefecture or above by
    its short name."""
    gazetteer = load_gazetteer()
    return any(
        any(c.kind != "short" or c.division.level in UPPER_LEVELS for c in candidates)
        for at in range(len(text))
        for _, candidates in gazetteer.matches_at(text, at)
    )


def _places_at_start(name: str) -> int:
    """Where the places a name starts with end: divisions by their full names or the short names
    of prefectures and above (积石山县, 江苏), two or more provinces' one-character names (沪滇), joined
    by 、, 和 or 与 (杭州与丽水产业合作项目: the two cities' projects); 0 when it starts with none."""
    gazetteer, abbreviations = load_gazetteer(), province_abbreviations()
    cursor = 0
    while cursor < len(name):
        ends = [
            end
            for end, candidates in gazetteer.matches_at(name, cursor)
            if any(c.kind != "short" or c.division.level in UPPER_LEVELS for c in candidates)
        ]
        run = cursor
        while run < len(name) and name[run] in abbreviations:
            run += 1
        if run - cursor >= 2:
            ends.append(run)
        if not ends:
            break
        cursor = max(ends)
        if name[cursor : cursor + 1] in PLACE_JOINERS and cursor + 1 < len(name):
            cursor += 1
    return cursor if cursor < len(name) and name[cursor - 1 : cursor] not in PLACE_JOINERS else 0


def _counts(name: str, start: int, end: int) -> bool:
    """A count at [start, end) of a name, not an ordinal (第一家) nor a part of a place the
    gazetteer knows by its full name (八一镇)."""
    if name[start - 1 : start] == "第":
        return False
    for at in range(max(start - 4, 0), end):
        for stop, candidates in load_gazetteer().matches_at(name, at):
            if stop > start and any(c.kind != "short" for c in candidates):
                return False
    return True
