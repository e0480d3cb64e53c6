"""One article's mentions linked: places, then discovery, then references back, organisations,
money, dates, projects, and last the words that point back (该村, 该公司, 我们) read as what they
point to. ``link_mentions(article, mentions, gazetteer)`` is a pure function."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from kg.gazetteer import Gazetteer
from kg.link.anaphors import resolve_references_back
from kg.link.discover import (
    discover_bracketed_city_pairs,
    discover_chains_as_one_word,
    discover_city_pairs,
    discover_counties_after_parents,
    discover_local_places,
    discover_province_pairs,
    discover_towns_after_counties,
    discover_unknown_villages_after_towns,
    discover_village_lists,
    discover_villages_after_towns,
)
from kg.link.joint import discover_joint_abbreviations
from kg.link.organisations import home_place, link_orgs
from kg.link.place_linker import link_places
from kg.link.references import resolve_discourse_references
from kg.link.restated import discover_restated_places
from kg.link.segment import functional_area_as_place
from kg.link.short_forms import find_list_mates, find_short_forms
from kg.records import Article, Mention
from kg.values import parse_date, parse_money

QUOTES = "“”‘’\"'《》〈〉「」『』 "


def link_mentions(
    article: Article, mentions: list[Mention], gazetteer: Gazetteer, *, discover: bool = True
) -> list[Mention]:
    """New Mention records with their link fields filled, ordered by offset (see module docstring).

    PLACE mentions may come back split into several (one per name of a composite mention); all
    other mentions come back one for one. With ``discover`` (the default) towns and villages of
    the article's counties that no mention covers are added (:func:`discover_local_places` and
    its kin), and a PERSON mention that such a place covers is dropped (卡什 in 卡什代村).
    """
    mentions = [functional_area_as_place(m, gazetteer) for m in mentions]
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
        discovered = discover_counties_after_parents(article, [*blocking, *hiding], context, gazetteer)
        discovered += discover_towns_after_counties(article, [*blocking, *discovered], context, gazetteer)
        towns = [m for m in [*blocking, *hiding, *discovered] if m.level == "town"]
        discovered += discover_villages_after_towns(article, [*blocking, *discovered], towns, gazetteer)
        discovered += discover_village_lists(article, [*blocking, *discovered], context, gazetteer)
        discovered += discover_local_places(article, [*blocking, *discovered], context, gazetteer)
        taken = [*mentions, *linked_places, *discovered]
        discovered += discover_chains_as_one_word(article, taken, gazetteer)
        discovered = [d for d in discovered if not any(_overlaps(d, h) and not _within(h, d) for h in hiding)]
        discovered += discover_province_pairs(article, [*mentions, *linked_places, *discovered], gazetteer)
        discovered += discover_joint_abbreviations(article, [*linked_places, *discovered], gazetteer)
        discovered += discover_bracketed_city_pairs(article, [*linked_places, *discovered])
        discovered += discover_city_pairs(article, [*mentions, *linked_places, *discovered])
        # last: a village the gazetteer does not hold, where no discovery found one of its own
        discovered += discover_unknown_villages_after_towns(
            article, [*mentions, *linked_places, *discovered], towns
        )
        written = [*mentions, *linked_places, *discovered]
        discovered += discover_restated_places(article, written, [*linked_places, *discovered], gazetteer)
        kept = [
            m
            for m in linked_places
            if not any(_overlaps(d, m) and (m.unresolved or _within(m, d)) for d in discovered)
        ] + discovered
        # a place named only by mentions that gave way is no anchor for the organisations either
        gone = {m.code for m in linked_places if m.code} - {m.code for m in kept if m.code}
        context.anchors = [a for a in context.anchors if a.code not in gone or a in context.source_places]
        linked_places = resolve_discourse_references(kept, gazetteer)
        discovered_places = discovered
    orgs = link_orgs(article, [m for m in mentions if m.label == "ORG"], gazetteer, context)
    # 青禾管业, 青禾公司 after 秦皇岛青禾管业有限公司: the company, not words (nor the place 秦皇岛)
    rest = [*linked_places, *(m for m in mentions if m.label not in ("PLACE", "ORG"))]
    short = find_short_forms(article, orgs, rest, gazetteer, context)
    short += find_list_mates(article, [*orgs, *short], rest)
    linked_places = [p for p in linked_places if not any(_within(p, s) for s in short)]
    orgs += short
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
    return resolve_references_back(article, [*linked_places, *orgs, *others])


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
