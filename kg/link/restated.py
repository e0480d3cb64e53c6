"""Places an article writes again by their short name after naming them in full: 龙泉 after 龙泉市,
都安 after 都安瑶族自治县, 塔石 after 塔石乡. The gazetteer leaves out short names that several
divisions share, and the nlp stage drops a short name that jieba reads inside a longer word
(都安为, 塔石的); where the article has named the division in full, its short name means it
(``discover_restated_places``).

An occurrence is read only where the text marks it off as a name: a list mark, a clause mark, a
preposition or a sentence start before it (``short_name_openers`` of ``data/patterns``), and after
it a mark, a joining word or a particle (``short_name_closers``), or a jieba word edge. It never
overlaps a mention already found (龙泉驿区 stays itself).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from kg.gazetteer import TOWN_SUFFIXES, Gazetteer, strip_suffix
from kg.io import data_lines
from kg.jieba_dict import word_frequency, word_tags
from kg.link.discover import province_abbreviations
from kg.nlp.words import word_start
from kg.places import UPPER_LEVELS
from kg.records import Article, Mention

SOURCE = "restated"
MIN_SHORT = 2  # characters of a short name that may stand alone
MAX_NAME_FREQUENCY = 20  # jieba frequency up to which a verb or adjective may still be a name
MAX_COMMON_FREQUENCY = 500  # jieba frequency above which a word not tagged as a place is common
COMMON_TAGS = ("v", "a", "d")  # jieba's tags of verbs, adjectives and adverbs (促进 v, 平安 a)
PLACE_TAG = "ns"


@cache
def short_name_openers() -> tuple[str, ...]:
    """What may stand right before a restated short name (see the data file)."""
    return tuple(data_lines("patterns", "short_name_openers.txt"))


@cache
def short_name_closers() -> tuple[str, ...]:
    """What may follow a restated short name (see the data file)."""
    return tuple(data_lines("patterns", "short_name_closers.txt"))


def _short_name(place: Mention, gaz: Gazetteer) -> str | None:
    """The short name of a linked place: its division's short name (county and above), a town's
    name without its town suffix (镇/乡/街道/苏木: the gazetteer's, the same stem it gives a town);
    None where it is too short or the same as the written name."""
    name = place.name or ""
    if place.level in UPPER_LEVELS and place.code:
        division = gaz.get(place.code)
        short = division.short if division is not None else None
    elif place.level == "town":
        short = strip_suffix(name, TOWN_SUFFIXES)
    else:
        return None
    if not short or len(short) < MIN_SHORT or short == place.text or _common_word(short):
        return None
    if all(c in province_abbreviations() for c in short):
        return None  # 闽宁 of 闽宁镇: two provinces' names, the programme 闽宁协作 far more often
    return short


def _common_word(word: str) -> bool:
    """Whether a short name is a word of everyday use (促进 of 促进乡, 和平, 前进): a verb, adjective
    or adverb for jieba, or frequent and not tagged as a place (龙泉 and 常平 stay names)."""
    frequency, tag = word_frequency(word), word_tags().get(word, "")
    if tag.startswith(COMMON_TAGS) and frequency > MAX_NAME_FREQUENCY:
        return True
    return frequency > MAX_COMMON_FREQUENCY and not tag.startswith(PLACE_TAG)


def _marked_off(text: str, start: int, end: int) -> bool:
    before = text[:start].rstrip(" \t\u3000")
    opened = not before or before.endswith(short_name_openers()) or before.endswith("\n")
    if not opened:
        return False
    return end >= len(text) or text.startswith(short_name_closers(), end) or word_start(text, end) == end


def discover_restated_places(
    article: Article, mentions: Sequence[Mention], places: Sequence[Mention], gaz: Gazetteer
) -> list[Mention]:
    """Mentions of the short names of the article's places written in full (see the module
    docstring); ``mentions`` are all the article's mentions so far (none is overlapped)."""
    text = article.text
    occupied = [(m.start, m.end) for m in mentions]
    shorts: dict[str, Mention] = {}
    for place in places:
        if place.unresolved or place.text != place.name:
            continue  # written in full only
        short = _short_name(place, gaz)
        if short is None:
            continue
        if short in shorts and shorts[short].name != place.name:
            shorts[short] = replace(shorts[short], name=None)  # two places of one short name
        else:
            shorts.setdefault(short, place)
    found: list[Mention] = []
    for short, place in shorts.items():
        if place.name is None:
            continue
        at = text.find(short)
        while at >= 0:
            end = at + len(short)
            free = not any(s < end and at < e for s, e in occupied)
            if free and _marked_off(text, at, end):
                found.append(
                    replace(
                        place,
                        text=short,
                        start=at,
                        end=end,
                        sentence=article.sentence_index_at(at),
                        source=SOURCE,
                    )
                )
                occupied.append((at, end))
            at = text.find(short, end)
    return found
