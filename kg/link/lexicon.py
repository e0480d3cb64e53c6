"""The words the link stage reads (``data/link_words.json``), checked at load, and the patterns
made of them."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from kg.io import data_json

SOURCE = "link_words.json"
_LISTS = (
    "legal_form_suffixes",
    "one_character_org_endings",
    "generic_core_starts",
    "local_name_suffixes",
    "village_nouns",
    "town_nouns",
)
_GROUPS = {
    "count": ("numerals", "measure", "and_others", "administrative"),
    "programme": ("scope", "aim", "work", "money"),
    "joint_side": ("counted", "bare", "of_provinces", "of_cities", "of_counties"),
    "government_org": ("suffixes", "not_suffixes"),
    "place_anaphors": ("determiners", "nouns", "not_followed_by"),
    "org_anaphors": ("determiners", "nouns", "generic_nouns", "not_enterprise_subtypes"),
    "quote_speaker": ("roles", "verbs", "pronouns"),
    "trade_names": ("lines_of_business", "short_endings", "list_joiners", "list_edges"),
}
_NUMBERS = ("lookback_sentences",)


class LexiconError(ValueError):
    """``data/link_words.json`` breaks its schema: the message names the file and the key."""


def _words(value: Any, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(w, str) and w for w in value):
        raise LexiconError(f"{SOURCE}: key {key!r}: a list of words is expected, got {value!r}")
    return tuple(value)


def check(data: Any) -> dict[str, Any]:
    """The file's words by key, or LexiconError for a missing or unknown key or a bad value."""
    if not isinstance(data, dict):
        raise LexiconError(f"{SOURCE}: a JSON object is expected")
    allowed = {"_about", *_LISTS, *_GROUPS, *_NUMBERS}
    for key in data:
        if key not in allowed:
            raise LexiconError(f"{SOURCE}: unknown key {key!r} (allowed: {', '.join(sorted(allowed))})")
    for key in (*_LISTS, *_GROUPS, *_NUMBERS):
        if key not in data:
            raise LexiconError(f"{SOURCE}: key {key!r} is missing")
    words: dict[str, Any] = {key: _words(data[key], key) for key in _LISTS}
    for group, keys in _GROUPS.items():
        section = data[group]
        if not isinstance(section, dict) or set(section) != set(keys):
            raise LexiconError(f"{SOURCE}: key {group!r}: an object of {', '.join(keys)} is expected")
        words[group] = {key: _words(section[key], f"{group}.{key}") for key in keys}
    for key in _NUMBERS:
        value = data[key]
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise LexiconError(f"{SOURCE}: key {key!r}: a whole number (0 or more) expected, got {value!r}")
        words[key] = value
    return words


@cache
def link_words() -> dict[str, Any]:
    return check(data_json(SOURCE))


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(map(re.escape, words))


@cache
def programme_pair() -> re.Pattern[str]:
    """Where two one-character province names stand before a programme's word (粤桂协作, 沪滇对口帮扶)
    or its money (苏陕扶贫资金)."""
    words = link_words()["programme"]
    scope, aim, work, money = (_alternation(words[key]) for key in ("scope", "aim", "work", "money"))
    return re.compile(f"(?=..(?:{scope})?(?:(?:{aim})?(?:{work})|(?:{aim})(?:{money})))")


def _count_parts() -> tuple[str, str, str, str]:
    count = link_words()["count"]
    numerals = "".join(map(re.escape, count["numerals"]))
    return (
        numerals,
        _alternation(count["measure"]),
        _alternation(count["and_others"]),
        _alternation(count["administrative"]),
    )


@cache
def village_count() -> re.Pattern[str]:
    """A count of villages closing a list of village stems: 朝阳、华光两村, 东山、西山等三个村."""
    numerals, measure, others, administrative = _count_parts()
    nouns = _alternation(link_words()["village_nouns"])
    return re.compile(f"(?:{others})?(?:[{numerals}\\d]+(?:{measure})?)?(?:{administrative})?(?:{nouns})")


def _closing_count(nouns: tuple[str, ...]) -> re.Pattern[str]:
    numerals, measure, others, administrative = _count_parts()
    head = f"(?:{others})(?:[{numerals}\\d]+(?:{measure})?)?|[{numerals}\\d]+(?:{measure})|[{numerals}]+"
    return re.compile(f"(?:{head})(?:{administrative})?(?:{_alternation(nouns)})")


@cache
def list_closing_count() -> re.Pattern[str]:
    """The count where it is the only sign of a list of villages (卡什代、德二、哇加等村)."""
    return _closing_count(link_words()["village_nouns"])


@cache
def town_list_closing_count() -> re.Pattern[str]:
    """The count that closes a list of towns (三河、高崖等6个乡镇)."""
    return _closing_count(link_words()["town_nouns"])


@cache
def division_list_count() -> re.Pattern[str]:
    """The count that closes a list of counties and says so (德格、石渠和甘孜3县): groups ``number``,
    ``others`` (等) and ``noun``, one of the nouns of ``joint_side`` that name counties (县, 区; not
    市 or 州: 杭州和恩施两市 are a city and a prefecture); a count of mixed kinds (3个县区) says none."""
    numerals, measure, others, _ = _count_parts()
    nouns = _alternation(link_words()["joint_side"]["of_counties"])
    number = f"(?P<others>{others})?(?P<number>[{numerals}\\d]+)(?:{measure})?"
    return re.compile(f"{number}(?P<noun>{nouns})(?![县区市州旗盟])")


@cache
def joint_side() -> re.Pattern[str]:
    """What follows a joint abbreviation that is a side (苏锡常三市), not a region (京津冀协同)."""
    numerals, measure, _, _ = _count_parts()
    words = link_words()["joint_side"]
    counted, bare = _alternation(words["counted"]), _alternation(words["bare"])
    return re.compile(f"[{numerals}\\d]+(?:{measure})?(?P<counted>{counted})|(?P<bare>{bare})")
