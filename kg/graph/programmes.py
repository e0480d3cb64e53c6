"""The programme tables in the RDF graph: every programme and every official pair, in each build.

Each build carries the whole of ``data/programmes`` so that a query can tell which official pairs
the corpus evidences and which it does not (the ``programmes`` and ``official-coverage`` presets):

* ``id/programme/{id}`` a shanhai:Programme: skos:prefLabel (its Chinese name), skos:notation (the
  id), shanhai:pairingKind, shanhai:period, dcterms:description;
* ``id/official-pair/{programme}/{donor}-{recipient}`` a shanhai:OfficialPair: shanhai:programme,
  shanhai:officialDonor and shanhai:officialRecipient (coded places), shanhai:period, and its public
  source (dcterms:source, the address; dcterms:bibliographicCitation, title, publisher and date).

A relation that agrees with official pairs gets shanhai:programme for each programme and
shanhai:agreesWith for each of those pairs (:func:`link_relation`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rdflib import DCTERMS, RDF, SKOS, Graph, Literal, URIRef

from kg.programmes import OfficialPair, Tables, row_keys, tables
from kg.records import Relation
from kg.vocab import SHANHAI, official_pair_iri, programme_iri


def _citation(table: Tables, pair: OfficialPair) -> str:
    source = table.sources[pair.source]
    return ",".join(part for part in (source.title, source.publisher, source.date) if part)


def add_programmes(g: Graph, coded_place: Callable[[str], URIRef | None]) -> None:
    """Every programme and official pair of the shipped tables; places through ``coded_place``."""
    table = tables()
    for programme in table.programmes.values():
        node = programme_iri(programme.id)
        g.add((node, RDF.type, SHANHAI.Programme))
        g.add((node, SKOS.prefLabel, Literal(programme.name, lang="zh")))
        g.add((node, SKOS.notation, Literal(programme.id)))
        g.add((node, SHANHAI.pairingKind, Literal(programme.kind)))
        g.add((node, SHANHAI.period, Literal(programme.period)))
        if programme.description:
            g.add((node, DCTERMS.description, Literal(programme.description, lang="en")))
    for pair in table.pairs:
        node = official_pair_iri(pair.programme, pair.donor_code, pair.recipient_code)
        g.add((node, RDF.type, SHANHAI.OfficialPair))
        g.add((node, SHANHAI.programme, programme_iri(pair.programme)))
        for prop, code in (
            (SHANHAI.officialDonor, pair.donor_code),
            (SHANHAI.officialRecipient, pair.recipient_code),
        ):
            place = coded_place(code)
            if place is not None:
                g.add((node, prop, place))
        g.add((node, SHANHAI.period, Literal(pair.period)))
        g.add((node, DCTERMS.source, URIRef(table.sources[pair.source].url)))
        g.add((node, DCTERMS.bibliographicCitation, Literal(_citation(table, pair), lang="zh")))


def link_relation(g: Graph | Any, node: URIRef, relation: Relation) -> list[str]:
    """The relation's programmes and the official pairs it agrees with (added to ``g``, a Graph or
    anything with its ``add``); returns the programme ids. A pair no table lists carries the
    programmes its sentence names (对口支援三峡库区), with no official pair."""
    if not relation.official or not relation.official_pair or len(relation.official_pair) != 2:
        named = [p for p in relation.programme or () if p in tables().programmes]
        for programme in named:
            g.add((node, SHANHAI.programme, programme_iri(programme)))
        return named
    donor, recipient = relation.official_pair
    programmes = [p for p in relation.programme or () if f"{p}/{donor}-{recipient}" in row_keys()]
    for programme in programmes:
        g.add((node, SHANHAI.programme, programme_iri(programme)))
        g.add((node, SHANHAI.agreesWith, official_pair_iri(programme, donor, recipient)))
    return programmes
