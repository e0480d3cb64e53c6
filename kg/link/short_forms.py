"""The short forms an article uses for the companies it names in full: after 秦皇岛青禾管业有限公司
the article writes 青禾管业, 青禾公司 or 秦皇岛青禾; each such occurrence that no other mention
covers becomes a mention of the company (``source`` :data:`SHORT_FORM_SOURCE`), so that what the
short form does is read as the company's.

A registered company name is place + trade name (字号) + line of business (行业) + legal form
(有限公司). The short forms read are the name without its place and legal form (青禾管业, at least
:data:`MIN_CORE` characters and no common word), and where a line of business
(``trade_names.lines_of_business`` of ``data/link_words.json``) follows a trade name of 2–4
characters, the trade name with 公司 or 集团 (``short_endings``) and the written place with the
trade name. A core or trade name that is a common word (北方, 东方) gives no short form: it would be
read in every phrase that holds the word. Names without a legal form (schools, associations) give
none either: their cores are kinds (慈善总会), not names.

A brand written like such a core stands beside a named company in a list (甲乙集团、白云电器、佳都科技
继续捐资): an item joined to a company by 、/和/及/与 that is a trade name of 2–4 characters and a line
of business (``trade_names.list_mate``), at a list's edge, is a company too (:func:`find_list_mates`,
``source`` :data:`LIST_MATE_SOURCE`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from kg.gazetteer import Gazetteer
from kg.jieba_dict import word_frequency
from kg.link.lexicon import link_words
from kg.link.organisations import (
    abbreviation_definition,
    defined_abbreviations,
    home_place,
    is_government,
    org_core,
    trade_name,
)
from kg.link.resolve import Context
from kg.records import Article, Mention

SHORT_FORM_SOURCE = "short-form"
LIST_MATE_SOURCE = "list-mate"
MIN_CORE = 3  # characters of a name without place and legal form that may stand alone
MAX_COMMON_FREQUENCY = 20  # jieba frequency above which a core or trade name is a common word


def _uncommon(word: str) -> bool:
    return word_frequency(word) <= MAX_COMMON_FREQUENCY


def forms_of(name: str, prefix: int) -> list[str]:
    """The short forms of a company's name whose first ``prefix`` characters are its place,
    longest first; none for a name without a legal form (a school, an association)."""
    core = org_core(name, prefix)
    if core == name[prefix:]:
        return []
    forms = []
    if len(core) >= MIN_CORE and _uncommon(core):
        forms.append(core)
    trade = trade_name(core)
    if trade is not None and _uncommon(trade):
        forms += [trade + ending for ending in link_words()["trade_names"]["short_endings"]]
        if prefix:
            forms.append(name[:prefix] + trade)
    return sorted({f for f in forms if f != name}, key=len, reverse=True)


def find_short_forms(
    article: Article, orgs: Sequence[Mention], others: Sequence[Mention], gaz: Gazetteer, context: Context
) -> list[Mention]:
    """Mentions of the article's companies at their short forms that overlap no mention but the
    places they hold whole (秦皇岛青禾: the place 秦皇岛 is part of the name)."""
    text = article.text
    taken = [(m.start, m.end) for m in orgs]
    blocking = [(m.start, m.end) for m in others if m.label != "PLACE"]
    definition = abbreviation_definition()
    blocking += [d.span() for m in orgs if (d := definition.match(text, m.end))]  # (下简称“某某”) itself
    places = [(m.start, m.end) for m in others if m.label == "PLACE"]
    found: list[Mention] = []
    for org, form in _forms(article, orgs, gaz, context):
        for match in re.finditer(re.escape(form), text):
            start, end = match.span()
            if not _free(start, end, [*taken, *blocking], places):
                continue
            taken.append((start, end))
            at = article.sentence_index_at(start) if article.sentences else 0
            found.append(replace(org, text=form, start=start, end=end, sentence=at, source=SHORT_FORM_SOURCE))
    return found


def _forms(
    article: Article, orgs: Sequence[Mention], gaz: Gazetteer, context: Context
) -> list[tuple[Mention, str]]:
    """Each company with each of its short forms: first those the article defines (广东某某陶瓷有限公司
    (下简称“某某”): that short name, whatever its length), then those of :func:`forms_of`."""
    pairs: list[tuple[Mention, str]] = []
    by_text = {m.text: m for m in orgs}
    for short, full in defined_abbreviations(article.text, orgs).items():
        if full in by_text and not is_government(by_text[full]):
            pairs.append((by_text[full], short))
    seen: set[str] = set()
    for org in orgs:
        name = org.name or org.text
        if name in seen or is_government(org):
            continue
        seen.add(name)
        pairs += [(org, form) for form in forms_of(name, home_place(name, gaz, context)[1])]
    return pairs


def _free(start: int, end: int, taken: Sequence[tuple[int, int]], places: Sequence[tuple[int, int]]) -> bool:
    """Whether [start, end) overlaps no taken span and cuts no place in two (a place inside is
    part of the name)."""
    if any(s < end and start < e for s, e in taken):
        return False
    return not any(s < end and start < e and not (start <= s and e <= end) for s, e in places)


def find_list_mates(article: Article, orgs: Sequence[Mention], others: Sequence[Mention]) -> list[Mention]:
    """Brands listed right beside a named company (before or after it), each a mention of its
    own name, subtype enterprise, no home; a found brand is a neighbour for the next item."""
    text = article.text
    taken = [(m.start, m.end) for m in [*orgs, *others] if m.label != "PLACE"]
    places = [(m.start, m.end) for m in others if m.label == "PLACE"]
    anchors = [m for m in orgs if m.subtype == "enterprise" and not is_government(m)]
    found: list[Mention] = []
    while anchors:
        anchor = anchors.pop()
        for start, end in _list_neighbours(text, anchor.start, anchor.end):
            if not _free(start, end, taken, places):
                continue
            taken.append((start, end))
            name = text[start:end]
            at = article.sentence_index_at(start) if article.sentences else 0
            mate = replace(anchor, text=name, name=name, start=start, end=end, sentence=at, home_code=None)
            found.append(replace(mate, source=LIST_MATE_SOURCE))
            anchors.append(mate)
    return found


def _list_neighbours(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the brand-shaped items joined to the name at [start, end): the one after it,
    ending at a list's edge, and the one before it, starting at one (a joiner or no Han character)."""
    rule = link_words()["trade_names"]
    lines = "|".join(sorted(rule["lines_of_business"], key=len, reverse=True))
    joiners = "|".join(rule["list_joiners"])
    item = re.compile(f"[\u4e00-\u9fff]{{2,4}}?(?:{lines})")
    spans = []
    after = re.compile(f"(?:{joiners})({item.pattern})(?=(?:{'|'.join(rule['list_edges'])}))")
    if m := after.match(text, end):
        spans.append(m.span(1))
    joiner = next((j for j in rule["list_joiners"] if text.endswith(j, 0, start)), None)
    if joiner is not None:
        close = start - len(joiner)
        for first in range(max(0, close - 8), close - 2):
            opens = first == 0 or not ("\u4e00" <= text[first - 1] <= "\u9fff") or text[first - 1] in joiners
            if opens and item.fullmatch(text, first, close):
                spans.append((first, close))
                break
    return spans
