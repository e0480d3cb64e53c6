"""PLACE mentions the linker makes itself: a mention filled from a division, a place found in the
text, and the record of spans one discovery scan has taken."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kg.places import Division
from kg.records import Article, Mention


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


class Finds:
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
