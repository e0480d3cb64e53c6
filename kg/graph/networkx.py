"""The NetworkX projection of the graph: donor → recipient edges, the contract the views read.

nodes, keyed by IRI string, for every place, organisation and project that is an end of
some relation:
    label       Chinese name (skos:prefLabel)
    type        "Place" | "Organisation" | "Project"
    level       province | prefecture | county | town | village, "" for non-places
    code        6-digit division code, "" for towns, villages and non-places
    region      "east" | "west" | "other" (kg.regions.region_of; towns and villages by their
                county, organisations by the place they are based in, projects by their place)
    subtype     organisation subtype (enterprise, government, social, school, hospital,
                other), "" otherwise
    lon, lat    floats, omitted when unknown; towns and villages take their county's,
                organisations their home place's, projects their place's
    funds_yuan  total amount on the node's relations that carry one (each amount counted
                once per article and counterpart), 0.0 if none

edges donor → recipient, one per (donor, recipient, relation type), key = the type:
    type        "pairing" | "help" | "funding" | "project"
    kind        east-west | intra-province | other for place-to-place pairs, "" otherwise
    amount_yuan sum of the amounts of its relations, each counted once per article; 0.0 if none
    articles    number of distinct supporting articles (int)
    official    bool: some relation agrees with a row of the programme tables (data/programmes)
    programme   ids of the programmes of those rows, sorted, joined by ";" ("" if none)
    evidence    JSON string: list of {"article", "title", "date", "sentence", "start", "end",
                "stated"}, where "stated" is the date the relation itself states ("" if none)

A project relation with no recipient ends at the project node instead.

The build collects the edges' rows while it assembles the graph (``EdgeRows``) and projects
them with the entities' small graph, so the whole graph is never held in memory;
``to_networkx`` projects a whole rdflib graph (a loaded graph.ttl) the same way.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import networkx as nx
from rdflib import DCTERMS, PROV, RDF, SKOS, Graph, Node, URIRef

from kg.regions import region_of
from kg.vocab import GEO, LEVEL_CONCEPTS, ORG_SUBTYPE_CLASSES, RELATION_CLASSES, SHANHAI

_LEVEL_OF_CONCEPT = {concept: level for level, concept in LEVEL_CONCEPTS.items()}
_SUBTYPE_OF_CLASS = {cls: subtype for subtype, cls in ORG_SUBTYPE_CLASSES.items()}
_TYPE_OF_CLASS = {cls: rtype for rtype, cls in RELATION_CLASSES.items()}


# An edge row: the article's meta (one dict shared by the article's rows: article, title, date),
# sentence, start, end, stated date, amount, official, programmes. A tuple, not a dict: the build
# keeps one row per relation until the end (~13,000 per 1,000 articles), and a dict of ten keys
# with a set in it took five times the memory.
EdgeRow = tuple[dict[str, str], str, int, int, str, float | None, bool, tuple[str, ...]]


class EdgeRows:
    """The evidence rows of every (donor, recipient, type) edge, in the order relations arrive."""

    def __init__(self) -> None:
        self.rows: dict[tuple[Node, Node, str], list[EdgeRow]] = defaultdict(list)
        self.seen: set[Node] = set()

    def add(
        self,
        node: Node,
        rtype: str | None,
        donor: Node | None,
        recipient: Node | None,
        meta: dict[str, str],
        sentence: str,
        rel: Any,  # kg.records.Relation, or anything with start, end, amount_yuan, official, date, programme
    ) -> None:
        if node in self.seen:
            return  # one relation node once, as in the graph
        self.seen.add(node)
        if rtype is None or donor is None or recipient is None or donor == recipient:
            return
        amount = rel.amount_yuan
        self.rows[(donor, recipient, rtype)].append(
            (
                meta,
                sentence,
                int(rel.start),
                int(rel.end),
                str(rel.date or ""),
                float(amount) if amount is not None else None,
                bool(rel.official),
                tuple(rel.programme or ()),
            )
        )


def _evidence(row: EdgeRow) -> dict[str, Any]:
    """An edge row as the ``evidence`` attribute lists it."""
    meta, sentence, start, end, stated = row[:5]
    return {**meta, "sentence": sentence, "start": start, "end": end, "stated": stated}


def _str(g: Graph, s: Node, p: Node) -> str:
    value = g.value(s, p)
    return str(value) if value is not None else ""


def _float(g: Graph, s: Node, p: Node) -> float | None:
    value = g.value(s, p)
    return float(value) if value is not None else None  # type: ignore[arg-type]


def _node_attributes(g: Graph, node: URIRef) -> dict[str, object]:
    types = set(g.objects(node, RDF.type))
    attrs: dict[str, object] = {
        "label": _str(g, node, SKOS.prefLabel),
        "level": "",
        "code": "",
        "subtype": "",
    }
    where: Node | None = None  # the place whose coordinates and region the node takes
    if SHANHAI.Place in types:
        attrs["type"] = "Place"
        attrs["level"] = _LEVEL_OF_CONCEPT.get(g.value(node, SHANHAI.level), "")  # type: ignore[arg-type]
        attrs["code"] = _str(g, node, SHANHAI.adminCode)
        county = None if attrs["code"] else g.value(node, SHANHAI.inCounty)
        county_code = _str(g, county, SHANHAI.adminCode) if county is not None else ""
        attrs["region"] = _str(g, node, SHANHAI.region) or region_of(attrs["code"] or county_code or None)
        where = node
    elif SHANHAI.Organisation in types:
        attrs["type"] = "Organisation"
        subtypes = [_SUBTYPE_OF_CLASS[t] for t in types if t in _SUBTYPE_OF_CLASS]  # type: ignore[index]
        attrs["subtype"] = sorted(subtypes)[0] if subtypes else ""
        where = g.value(node, SHANHAI.basedIn)
    else:
        attrs["type"] = "Project"
        where = g.value(node, SHANHAI.locatedIn)
    if attrs["type"] != "Place":
        code = _str(g, where, SHANHAI.adminCode) if where is not None else ""
        if where is not None and not code:
            county = g.value(where, SHANHAI.inCounty)
            code = _str(g, county, SHANHAI.adminCode) if county is not None else ""
        attrs["region"] = region_of(code or None)
    for candidate in (where, g.value(where, SHANHAI.inCounty) if where is not None else None):
        if candidate is None:
            continue
        lon, lat = _float(g, candidate, GEO.long), _float(g, candidate, GEO.lat)
        if lon is not None and lat is not None:
            attrs["lon"], attrs["lat"] = lon, lat
            break
    return attrs


def project(entities: Graph, edges: EdgeRows, pair_kind: dict[tuple[Node, Node], str]) -> nx.MultiDiGraph:
    """The projection of ``edges`` whose ends are described in ``entities`` (a graph holding at
    least the places, organisations and projects); ``pair_kind``: each pair's pairing kind."""
    graph = nx.MultiDiGraph()
    funds: dict[Node, set[tuple[str, Node, float]]] = defaultdict(set)
    for (donor, recipient, rtype), rows in edges.rows.items():
        for node in (donor, recipient):
            if str(node) not in graph:
                graph.add_node(str(node), **_node_attributes(entities, node))  # type: ignore[arg-type]
        rows.sort(key=lambda r: (str(r[0]["article"]), r[2], r[3]))
        amounts = {(str(r[0]["article"]), r[5]) for r in rows if r[5] is not None}
        for article_id, amount in amounts:
            funds[donor].add((article_id, recipient, amount))
            funds[recipient].add((article_id, donor, amount))
        graph.add_edge(
            str(donor),
            str(recipient),
            key=rtype,
            type=rtype,
            kind=pair_kind.get((donor, recipient), ""),
            amount_yuan=float(sum(amount for _, amount in amounts)),
            articles=len({r[0]["article"] for r in rows}),
            official=any(r[6] for r in rows),
            programme=";".join(sorted(set().union(*(r[7] for r in rows)))),
            evidence=json.dumps([_evidence(r) for r in rows], ensure_ascii=False),
        )
    for node in graph.nodes:
        graph.nodes[node]["funds_yuan"] = 0.0
    for node, amounts in funds.items():
        graph.nodes[str(node)]["funds_yuan"] = float(sum(a for _, _, a in amounts))
    return graph


class _Stated:
    """A relation node's start, end, amount, official flag, date and programmes as the graph states them."""

    def __init__(self, g: Graph, rel: Node, evidence: Node | None) -> None:
        self.start = int(g.value(evidence, SHANHAI.startOffset) or 0) if evidence is not None else 0  # type: ignore[call-overload]
        self.end = int(g.value(evidence, SHANHAI.endOffset) or 0) if evidence is not None else 0  # type: ignore[call-overload]
        self.amount_yuan = _float(g, rel, SHANHAI.amountYuan)
        self.official = bool(g.value(rel, SHANHAI.official))
        self.date = _str(g, rel, DCTERMS.date)
        self.programme = [str(g.value(p, SKOS.notation)) for p in g.objects(rel, SHANHAI.programme)]


def to_networkx(g: Graph) -> nx.MultiDiGraph:
    """Project a whole RDF graph onto donor → recipient edges (attributes in the module docstring)."""
    articles: dict[Node, dict[str, str]] = {}
    for article in g.subjects(RDF.type, SHANHAI.Article):
        articles[article] = {
            "article": _str(g, article, DCTERMS.identifier),
            "title": _str(g, article, DCTERMS.title),
            "date": _str(g, article, DCTERMS.date),
        }
    pair_kind: dict[tuple[Node, Node], str] = {}
    for link in g.subjects(RDF.type, SHANHAI.AssistanceLink):
        kind = g.value(link, SHANHAI.pairingKind)
        if kind is not None:
            pair_kind[(g.value(link, SHANHAI.donor), g.value(link, SHANHAI.recipient))] = str(kind)  # type: ignore[index]

    edges = EdgeRows()
    for rel in g.subjects(RDF.type, SHANHAI.Relation):
        rtype = next((_TYPE_OF_CLASS[t] for t in g.objects(rel, RDF.type) if t in _TYPE_OF_CLASS), None)  # type: ignore[index]
        donor, recipient = g.value(rel, SHANHAI.donor), g.value(rel, SHANHAI.recipient)
        if rtype == "project" and recipient is None:
            recipient = g.value(rel, SHANHAI.project)
        evidence = g.value(rel, SHANHAI.evidence)
        meta = articles.get(g.value(rel, PROV.wasDerivedFrom), {"article": "", "title": "", "date": ""})  # type: ignore[arg-type]
        sentence = _str(g, evidence, SHANHAI.sentenceText) if evidence is not None else ""
        edges.add(rel, rtype, donor, recipient, meta, sentence, _Stated(g, rel, evidence))
    return project(g, edges, pair_kind)
