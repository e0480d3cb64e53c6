"""Joint abbreviations of several places as one side (苏锡常三市, 京津冀): ``data/joint_abbreviations.csv``.

Each character of the abbreviation stands for one place. The abbreviation is a side only where a
count or a side noun follows it (苏锡常三市, 沪苏浙城市; ``joint_side`` in ``data/link_words.json``):
京津冀协同发展 names a region, not parties. A member becomes a PLACE mention only
where the article names that place itself elsewhere, or where the
programme tables (``data/programmes``) pair it with a place the article names (苏锡常三市帮扶铜仁市:
苏州市 → 铜仁市 is an official pair). Otherwise the characters stay text: an abbreviation alone is
no evidence of which of its places take part, and a place named inside a member (闵行区 in 上海市)
is the one that does the work — the member would add a pair at a level the text does not state.
Nor are the members parties when the side noun names divisions of another kind (沪苏浙城市, 沪苏浙3区5市:
cities and districts within the three; ``of_provinces``/``of_cities``/``of_counties`` in ``link_words.json``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from kg.gazetteer import Gazetteer
from kg.io import data_rows
from kg.link.found import found_place
from kg.link.lexicon import joint_side, link_words
from kg.places import Division, place_chain
from kg.programmes import tables
from kg.records import Article, Mention


@cache
def joint_abbreviations() -> dict[str, tuple[str, ...]]:
    """Abbreviation → the codes of its places, one per character."""
    table: dict[str, tuple[str, ...]] = {}
    for row in data_rows("joint_abbreviations.csv"):
        abbr, codes = row["abbr"].strip(), tuple(row["codes"].split())
        if len(abbr) != len(codes):
            raise ValueError(f"joint_abbreviations.csv: {abbr}: {len(abbr)} characters, {len(codes)} codes")
        table[abbr] = codes
    return table


def _named(mentions: Sequence[Mention]) -> set[str]:
    """Codes of the places the article names and of everything above them."""
    codes: set[str] = set()
    for m in mentions:
        if m.label == "PLACE" and not m.unresolved and (m.code or m.county_code):
            codes |= place_chain(m)
    return codes


def _paired_with_named(code: str, named: set[str]) -> bool:
    """Whether an official pair joins ``code`` with a place the article names."""
    for pair in tables().pairs:
        if pair.donor_code == code and pair.recipient_code in named:
            return True
        if pair.recipient_code == code and pair.donor_code in named:
            return True
    return False


def _is_named_by(word: str, member: Division) -> bool:
    """Whether the side noun ``word`` names divisions of the member's kind: 市 names 苏州市 and the
    municipality 上海市, not 江苏省."""
    words = link_words()["joint_side"]
    if member.level == "province":
        municipality = member.name.endswith(words["of_cities"])
        return word in words["of_provinces"] or (word in words["of_cities"] and municipality)
    if member.level == "prefecture":
        return word in words["of_cities"]
    return member.level == "county" and word in words["of_counties"]


def discover_joint_abbreviations(
    article: Article, mentions: Sequence[Mention], gaz: Gazetteer
) -> list[Mention]:
    """One PLACE mention per member of each joint abbreviation standing as a side that the article names
    or the tables pair with a named place; not over a resolved mention."""
    text = article.text
    taken = [(m.start, m.end) for m in mentions if not (m.label == "PLACE" and m.unresolved)]
    others = [m for m in mentions if m.label == "PLACE"]
    found: list[Mention] = []
    for abbr, codes in joint_abbreviations().items():
        for match in re.finditer(re.escape(abbr), text):
            start = match.start()
            if any(s < match.end() and start < e for s, e in taken):
                continue
            side = joint_side().match(text, match.end())
            if side is None:
                continue  # 京津冀协同发展: a region named, not its places as parties
            word = side.group("counted") or side.group("bare")
            divisions = [gaz.get(code) for code in codes]
            if not all(d is not None and _is_named_by(word, d) for d in divisions):
                continue  # 沪苏浙城市: the cities within them are the parties, not the three
            outside = [m for m in others if m.end <= start or m.start >= match.end()]
            named = _named(outside)
            itself = {m.code for m in outside if m.label == "PLACE" and not m.unresolved and m.code}
            for offset, (code, division) in enumerate(zip(codes, divisions, strict=True)):
                if division is None or not (code in itself or _paired_with_named(code, named)):
                    continue
                found.append(found_place(article, start + offset, start + offset + 1, division))
    return found
