"""Link stage: PLACE mentions to divisions of the gazetteer, ORGs canonicalised, MONEY and DATE normalised.

``link_mentions(article, mentions, gazetteer)`` is a pure function of its arguments. The modules,
each with one job:

* :mod:`~kg.link.segment` — a composite place mention parsed into names (天津市和平区 → 天津市 + 和平区);
* :mod:`~kg.link.resolve` — each name disambiguated against the gazetteer in the light of the
  article's other places (its anchors);
* :mod:`~kg.link.non_places` — names that match a place but name none here (persons, datelines,
  slogans, words);
* :mod:`~kg.link.references` — self-references and references back (我市, 全县, 该县);
* :mod:`~kg.link.place_linker` — the steps above in order, for one article's place mentions;
* :mod:`~kg.link.discover` — towns and villages of the article's counties that no mention covers;
* :mod:`~kg.link.organisations` — canonical names, subtypes and home places of organisations;
* :mod:`~kg.link.words` — whether a name is cut by an ordinary word (资兴 in 投资|兴业);
* :mod:`~kg.link.found` — the PLACE mentions the linker makes itself;
* :mod:`~kg.link.anaphors` — last, the words that point back (该村, 该公司, 我们 in a quote) read as
  mentions of what they point to;
* :mod:`~kg.link.article` — all of it for one article (:func:`link_mentions`).

Levels, nesting and place identity are :mod:`kg.places`'.
"""

from kg.link.article import link_all, link_mentions
from kg.link.found import fill_place, found_place
from kg.link.organisations import defined_abbreviations, org_subtype

__all__ = ["defined_abbreviations", "fill_place", "found_place", "link_all", "link_mentions", "org_subtype"]
