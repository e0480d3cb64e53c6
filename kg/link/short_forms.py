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
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from kg.gazetteer import Gazetteer, word_frequency
from kg.link.lexicon import link_words
from kg.link.organisations import home_place, is_government, org_core, trade_name
from kg.link.resolve import Context
from kg.records import Article, Mention

SHORT_FORM_SOURCE = "short-form"
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
    places = [(m.start, m.end) for m in others if m.label == "PLACE"]
    found: list[Mention] = []
    seen: set[str] = set()
    for org in orgs:
        name = org.name or org.text
        if name in seen or is_government(org):
            continue
        seen.add(name)
        for form in forms_of(name, home_place(name, gaz, context)[1]):
            for match in re.finditer(re.escape(form), text):
                start, end = match.span()
                if any(s < end and start < e for s, e in [*taken, *blocking]):
                    continue
                if any(s < end and start < e and not (start <= s and e <= end) for s, e in places):
                    continue  # cuts a place name in two
                taken.append((start, end))
                found.append(
                    replace(
                        org,
                        text=form,
                        start=start,
                        end=end,
                        sentence=article.sentence_index_at(start) if article.sentences else 0,
                        source=SHORT_FORM_SOURCE,
                    )
                )
    return found
