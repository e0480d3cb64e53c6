"""The records the stage hands on: parties and relations with their provenance (article,
sentence, character span, the rule that fired and its confidence)."""

from __future__ import annotations

from typing import Any

from kg.places import UPPER_LEVELS, province_of
from kg.records import Article, Mention, Party, Relation
from kg.relate.geo import named_programme, official_rows, pairing_kind


def to_party(place: Mention) -> Party:
    upper = place.level in UPPER_LEVELS
    return Party(
        label="PLACE",
        name=place.name or place.text,
        code=place.code if upper else None,
        level=place.level,
        county_code=None if upper else place.county_code,
        province_code=province_of(place),
        mention_start=place.start,
        mention_end=place.end,
    )


def org_party(org: Mention) -> Party:
    return Party(
        label="ORG",
        name=org.name or org.text,
        code=org.home_code,
        subtype=org.subtype,
        mention_start=org.start,
        mention_end=org.end,
    )


def relation(
    relation_type: str,
    article: Article,
    sentence: int,
    span: tuple[int, int],
    pattern: str,
    confidence: float,
    **fields: Any,
) -> Relation:
    return Relation(
        type=relation_type,
        article_id=article.id,
        sentence=sentence,
        sentence_text=article.sentence_text(sentence),
        start=span[0],
        end=span[1],
        pattern=pattern,
        confidence=round(confidence, 3),
        **fields,
    )


def article_year(article: Article) -> int | None:
    """The year of the article's date, where it has one."""
    date = article.date or ""
    return int(date[:4]) if date[:4].isdigit() else None


def pairing_relation(
    article: Article,
    donor: Mention,
    recipient: Mention,
    sentence: int,
    span: tuple[int, int],
    pattern: str,
    confidence: float,
) -> Relation:
    year = article_year(article)
    text = article.sentence_text(sentence)
    rows = official_rows(donor, recipient, year, text)
    named = () if rows else named_programme(donor, recipient, text, year)
    return relation(
        "pairing",
        article,
        sentence,
        span,
        pattern,
        confidence,
        donor=to_party(donor),
        recipient=to_party(recipient),
        kind=pairing_kind(donor, recipient, rows, named),
        official=bool(rows),
        official_pair=[rows[0].donor_code, rows[0].recipient_code] if rows else None,
        programme=[row.programme for row in rows] or [p.id for p in named] or None,
    )
