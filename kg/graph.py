"""The graph stage: articles, linked mentions and relations → an RDF graph, and what is written from it.

Model (``ontology/shanhai.ttl``, drawn in ``ontology/README.md``): every extracted relation
becomes a node (shanhai:Pairing / Help / Funding / ProjectSupport) with its donor, recipient,
amount, date and a PROV-O qualified derivation (shanhai:Evidence: the article, the sentence,
the character offsets). Each (donor, recipient, type) gets one shanhai:AssistanceLink that
aggregates its relation nodes and carries the number of supporting articles, the total
amount, the pairing kind and whether the pair is official, plus one direct
``donor shanhai:assists recipient`` triple for simple queries. Persons never enter the graph.

``write_graph`` writes three artefacts into the build folder, each atomically:
``graph.ttl`` (Turtle, serialised by pyoxigraph because rdflib's Turtle writer is
superlinear), ``store/`` (the embedded persistent pyoxigraph store that ``kg query`` reads)
and ``graph.graphml`` (the NetworkX projection below).

NetworkX projection (``to_networkx``, a MultiDiGraph; the contract the views read):

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
    official    bool: some relation agrees with the official 2016 pairing list
    evidence    JSON string: list of {"article", "title", "date", "sentence", "start", "end"}

A project relation with no recipient ends at the project node instead.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import os
import shutil
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from importlib.resources import files
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
from rdflib import DCTERMS, PROV, RDF, SKOS, XSD, Graph, Literal, Node, URIRef

from kg.io import atomic_path
from kg.records import Article, Mention, Party, Relation
from kg.regions import region_of
from kg.vocab import (
    CODED_LEVELS,
    GEO,
    LEVEL_CONCEPTS,
    ORG,
    ORG_SUBTYPE_CLASSES,
    PREFIXES,
    RELATION_CLASSES,
    SHANHAI,
    article_iri,
    evidence_iri,
    link_iri,
    org_iri,
    place_iri,
    project_iri,
    relation_iri,
)

log = logging.getLogger(__name__)

GRAPH_TTL = "graph.ttl"
GRAPHML = "graph.graphml"
STORE_DIR = "store"

_LEVEL_OF_CONCEPT = {concept: level for level, concept in LEVEL_CONCEPTS.items()}
_SUBTYPE_OF_CLASS = {cls: subtype for subtype, cls in ORG_SUBTYPE_CLASSES.items()}
_TYPE_OF_CLASS = {cls: rtype for rtype, cls in RELATION_CLASSES.items()}


def new_graph() -> Graph:
    """An empty rdflib Graph with the project's prefixes bound."""
    g = Graph()
    for prefix, namespace in PREFIXES.items():
        g.bind(prefix, namespace, override=True)
    return g


# --------------------------------------------------------------------------------------------
# Building
# --------------------------------------------------------------------------------------------


def _date_literal(iso: str | None) -> Literal | None:
    """ISO 8601 at year, month or day precision as the matching XSD type."""
    if not iso:
        return None
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}.get(len(iso))
    return Literal(iso, datatype=datatype) if datatype else None


def _decimal(value: float) -> Literal:
    return Literal(Decimal(repr(float(value))).normalize(), datatype=XSD.decimal)


def _level_from_code(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "county"


@dataclass
class _PairFacts:
    """What the relations of one (type, donor, recipient) say, gathered for its AssistanceLink."""

    relations: list[URIRef] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)
    amounts: set[tuple[str, float]] = field(default_factory=set)  # (article, amount): once per article
    official: bool = False


class _Builder:
    """Adds nodes to one graph, each once; keeps the few look-ups the relations need."""

    def __init__(self, g: Graph, mentions: dict[str, list[Mention]]) -> None:
        self.g = g
        self.added: set[URIRef] = set()
        self._gazetteer = None
        self.home_code: dict[str, str] = {}  # org name -> code of the place its name starts with
        self.surfaces: dict[tuple[str, str], set[str]] = defaultdict(set)  # (label, name) -> texts
        self.place_coords: dict[tuple[str, str], tuple[float, float]] = {}
        for article_mentions in mentions.values():
            for m in article_mentions:
                if not m.name or m.label not in ("PLACE", "ORG"):
                    continue
                if m.text and m.text != m.name:
                    self.surfaces[(m.label, m.name)].add(m.text)
                if m.label == "ORG" and m.home_code:
                    self.home_code.setdefault(m.name, m.home_code)
                if m.label == "PLACE" and m.lon is not None and m.lat is not None:
                    self.place_coords.setdefault((m.code or m.county_code or "", m.name), (m.lon, m.lat))

    @property
    def gazetteer(self):  # noqa: ANN201 - kg.gazetteer.Gazetteer, imported lazily (it takes a second)
        if self._gazetteer is None:
            from kg.gazetteer import load_gazetteer

            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def add(self, s: Node, p: Node, o: Node | None) -> None:
        if o is not None:
            self.g.add((s, p, o))

    # --- places ---------------------------------------------------------------------------
    def coded_place(self, code: str) -> URIRef | None:
        """A province, prefecture or county by code, with its parent chain, from the gazetteer."""
        iri = place_iri("", code, "county", None)
        if iri is None or iri in self.added:
            return iri
        division = self.gazetteer.get(code)
        if division is None:
            return None
        self.added.add(iri)
        self._describe_place(iri, division.name, division.level, code, None)
        if division.lon is not None and division.lat is not None:
            self._coords(iri, division.lon, division.lat)
        if division.parents:
            self.add(iri, SHANHAI.administrativeParent, self.coded_place(division.parents[-1]))
        return iri

    def _describe_place(
        self, iri: URIRef, name: str, level: str, code: str | None, county_code: str | None
    ) -> None:
        g = self.g
        g.add((iri, RDF.type, SHANHAI.Place))
        g.add((iri, SKOS.prefLabel, Literal(name, lang="zh")))
        g.add((iri, SHANHAI.level, LEVEL_CONCEPTS[level]))
        if level in CODED_LEVELS and code:
            g.add((iri, SHANHAI.adminCode, Literal(code)))
        g.add((iri, SHANHAI.region, Literal(region_of(code if level in CODED_LEVELS else county_code))))
        for surface in sorted(self.surfaces.get(("PLACE", name), ())):
            g.add((iri, SKOS.altLabel, Literal(surface, lang="zh")))

    def _coords(self, iri: URIRef, lon: float, lat: float) -> None:
        self.g.add((iri, GEO.long, _decimal(lon)))
        self.g.add((iri, GEO.lat, _decimal(lat)))

    def place(self, party: Party) -> URIRef | None:
        code = party.code if party.code and party.code[:6].isdigit() else None
        level = party.level
        if level not in LEVEL_CONCEPTS:
            division = self.gazetteer.get(code) if code else None
            level = division.level if division else (_level_from_code(code) if code else None)
        if level is None:
            return None
        if level in CODED_LEVELS:
            if not code:
                return None
            iri = self.coded_place(code)
            if iri is not None:
                return iri
            # A code the gazetteer does not know: describe it from the party alone.
            iri = place_iri(party.name, code, level, None)
            if iri is not None and iri not in self.added:
                self.added.add(iri)
                self._describe_place(iri, party.name, level, code, None)
                coords = self.place_coords.get((code, party.name))
                if coords:
                    self._coords(iri, *coords)
            return iri
        county_code = party.county_code
        iri = place_iri(party.name, None, level, county_code)
        if iri is None or iri in self.added:
            return iri
        self.added.add(iri)
        self._describe_place(iri, party.name, level, None, county_code)
        county = self.coded_place(county_code) if county_code else None
        self.add(iri, SHANHAI.inCounty, county)
        self.add(iri, SHANHAI.administrativeParent, county)
        return iri

    # --- organisations and projects -------------------------------------------------------
    def organisation(self, party: Party) -> URIRef | None:
        name = (party.name or "").strip()
        if not name:
            return None
        iri = org_iri(name)
        if iri in self.added:
            return iri
        self.added.add(iri)
        g = self.g
        g.add((iri, RDF.type, SHANHAI.Organisation))
        g.add((iri, RDF.type, ORG.Organization))
        subtype_class = ORG_SUBTYPE_CLASSES.get(party.subtype or "")
        if subtype_class is not None:
            g.add((iri, RDF.type, subtype_class))
        g.add((iri, SKOS.prefLabel, Literal(name, lang="zh")))
        for surface in sorted(self.surfaces.get(("ORG", name), ())):
            g.add((iri, SKOS.altLabel, Literal(surface, lang="zh")))
        home = self.home_code.get(name)
        if home:
            self.add(iri, SHANHAI.basedIn, self.coded_place(home[:6]))
        return iri

    def party(self, party: Party | None) -> URIRef | None:
        """The node of a relation's side; None for an unknown side or a person."""
        if party is None or not party.name:
            return None
        if party.label == "PLACE":
            return self.place(party)
        if party.label == "ORG":
            return self.organisation(party)
        return None  # persons never enter the graph

    def project(self, name: str, place: URIRef | None) -> URIRef:
        iri = project_iri(name)
        if iri not in self.added:
            self.added.add(iri)
            self.g.add((iri, RDF.type, SHANHAI.Project))
            self.g.add((iri, SKOS.prefLabel, Literal(name, lang="zh")))
        if place is not None and (place, RDF.type, SHANHAI.Place) in self.g:
            self.g.add((iri, SHANHAI.locatedIn, place))
        return iri

    # --- articles -------------------------------------------------------------------------
    def article(self, article: Article) -> URIRef:
        content_hash = article.content_hash or hashlib.sha256(article.text.encode("utf-8")).hexdigest()
        iri = article_iri(article.id, content_hash)
        g = self.g
        g.add((iri, RDF.type, SHANHAI.Article))
        g.add((iri, DCTERMS.identifier, Literal(article.id)))
        g.add((iri, SHANHAI.contentHash, Literal(content_hash)))
        if article.title:
            g.add((iri, DCTERMS.title, Literal(article.title, lang="zh")))
        self.add(iri, DCTERMS.date, _date_literal(article.date))
        if article.source:
            g.add((iri, DCTERMS.publisher, Literal(article.source, lang="zh")))
        if article.url and article.url.startswith(("http://", "https://")) and " " not in article.url:
            g.add((iri, DCTERMS.source, URIRef(article.url)))
        return iri


def _pair_kind(donor: Party | None, recipient: Party | None) -> str | None:
    """Kind of a place-to-place pair when the relation stage left it open: by province and region."""
    if donor is None or recipient is None or donor.label != "PLACE" or recipient.label != "PLACE":
        return None

    def province(p: Party) -> str | None:
        code = p.code or p.county_code
        return p.province_code or (code[:2] + "0000" if code else None)

    donor_province, recipient_province = province(donor), province(recipient)
    if donor_province and donor_province == recipient_province:
        return "intra-province"
    donor_region = region_of(donor.code or donor.county_code)
    recipient_region = region_of(recipient.code or recipient.county_code)
    if donor_region == "east" and recipient_region == "west":
        return "east-west"
    return "other"


def build_graph(
    articles: list[Article], mentions: dict[str, list[Mention]], relations: list[Relation]
) -> Graph:
    """The RDF graph of the relations, their parties, their articles and their evidence."""
    g = new_graph()
    builder = _Builder(g, mentions)
    article_nodes = {a.id: builder.article(a) for a in articles}
    by_id = {a.id: a for a in articles}

    pairs: dict[tuple[str, URIRef, URIRef], _PairFacts] = defaultdict(_PairFacts)
    pair_kinds: dict[tuple[URIRef, URIRef], Counter[str]] = defaultdict(Counter)
    skipped = 0
    for rel in relations:
        relation_class = RELATION_CLASSES.get(rel.type)
        article_node = article_nodes.get(rel.article_id)
        if relation_class is None or article_node is None:
            skipped += 1
            continue
        donor = builder.party(rel.donor)
        recipient = builder.party(rel.recipient)
        if donor is None and recipient is None:
            skipped += 1
            continue
        node = relation_iri(rel.type, article_node, rel.start, rel.end, donor, recipient, rel.project)
        g.add((node, RDF.type, relation_class))
        g.add((node, RDF.type, SHANHAI.Relation))
        builder.add(node, SHANHAI.donor, donor)
        builder.add(node, SHANHAI.recipient, recipient)
        g.add((node, PROV.wasDerivedFrom, article_node))
        g.add((node, SHANHAI.pattern, Literal(rel.pattern)))
        g.add((node, SHANHAI.confidence, _decimal(round(rel.confidence, 4))))
        if rel.amount_yuan is not None:
            g.add((node, SHANHAI.amountYuan, _decimal(rel.amount_yuan)))
        builder.add(node, DCTERMS.date, _date_literal(rel.date))
        if rel.purpose:
            g.add((node, SHANHAI.purpose, Literal(rel.purpose, lang="zh")))
        if rel.action:
            g.add((node, SHANHAI.action, Literal(rel.action)))
        if rel.project:
            g.add((node, SHANHAI.project, builder.project(rel.project, recipient)))
        kind = rel.kind or _pair_kind(rel.donor, rel.recipient)
        if kind:
            g.add((node, SHANHAI.pairingKind, Literal(kind)))
        if rel.official is not None:
            g.add((node, SHANHAI.official, Literal(bool(rel.official))))
        if rel.official and rel.official_pair and len(rel.official_pair) == 2:
            builder.add(node, SHANHAI.officialDonor, builder.coded_place(rel.official_pair[0]))
            builder.add(node, SHANHAI.officialRecipient, builder.coded_place(rel.official_pair[1]))

        evidence = evidence_iri(node)
        g.add((node, SHANHAI.evidence, evidence))
        g.add((evidence, RDF.type, SHANHAI.Evidence))
        g.add((evidence, PROV.entity, article_node))
        sentence_text = rel.sentence_text
        if not sentence_text and 0 <= rel.sentence < len(by_id[rel.article_id].sentences):
            sentence_text = by_id[rel.article_id].sentence_text(rel.sentence)
        g.add((evidence, SHANHAI.sentenceText, Literal(sentence_text or "", lang="zh")))
        g.add((evidence, SHANHAI.sentenceIndex, Literal(int(rel.sentence))))
        g.add((evidence, SHANHAI.startOffset, Literal(int(rel.start))))
        g.add((evidence, SHANHAI.endOffset, Literal(int(rel.end))))

        if donor is not None and recipient is not None and donor != recipient:
            facts = pairs[(rel.type, donor, recipient)]
            facts.relations.append(node)
            facts.articles.add(rel.article_id)
            if rel.amount_yuan is not None:
                facts.amounts.add((rel.article_id, float(rel.amount_yuan)))
            facts.official = facts.official or bool(rel.official)
            if kind:
                pair_kinds[(donor, recipient)][kind] += 1

    for (rtype, donor, recipient), facts in pairs.items():
        link = link_iri(rtype, donor, recipient)
        g.add((donor, SHANHAI.assists, recipient))
        g.add((link, RDF.type, SHANHAI.AssistanceLink))
        g.add((link, SHANHAI.relationType, Literal(rtype)))
        g.add((link, SHANHAI.donor, donor))
        g.add((link, SHANHAI.recipient, recipient))
        g.add((link, SHANHAI.articleCount, Literal(len(facts.articles))))
        g.add((link, SHANHAI.relationCount, Literal(len(facts.relations))))
        g.add((link, SHANHAI.official, Literal(facts.official)))
        if facts.amounts:
            g.add((link, SHANHAI.amountYuan, _decimal(sum(amount for _, amount in facts.amounts))))
        kinds = pair_kinds.get((donor, recipient))
        if kinds:
            # One kind per pair, whatever the type: the most frequent, ties broken by name.
            kind = sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            g.add((link, SHANHAI.pairingKind, Literal(kind)))
        for node in facts.relations:
            g.add((link, SHANHAI.aggregates, node))
    if skipped:
        log.info("graph: %d relation(s) without a known article, type or party were left out", skipped)
    return g


# --------------------------------------------------------------------------------------------
# NetworkX projection
# --------------------------------------------------------------------------------------------


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


def to_networkx(g: Graph) -> nx.MultiDiGraph:
    """Project the RDF graph onto donor → recipient edges (attributes in the module docstring)."""
    articles: dict[Node, dict[str, object]] = {}
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

    edges: dict[tuple[Node, Node, str], list[dict[str, object]]] = defaultdict(list)
    for rel in g.subjects(RDF.type, SHANHAI.Relation):
        rtype = next((_TYPE_OF_CLASS[t] for t in g.objects(rel, RDF.type) if t in _TYPE_OF_CLASS), None)  # type: ignore[index]
        donor, recipient = g.value(rel, SHANHAI.donor), g.value(rel, SHANHAI.recipient)
        if rtype == "project" and recipient is None:
            recipient = g.value(rel, SHANHAI.project)
        if rtype is None or donor is None or recipient is None or donor == recipient:
            continue
        article = g.value(rel, PROV.wasDerivedFrom)
        evidence = g.value(rel, SHANHAI.evidence)
        meta = articles.get(article, {"article": "", "title": "", "date": ""})
        edges[(donor, recipient, rtype)].append(
            {
                **meta,
                "sentence": _str(g, evidence, SHANHAI.sentenceText) if evidence is not None else "",
                "start": int(g.value(evidence, SHANHAI.startOffset) or 0) if evidence is not None else 0,  # type: ignore[call-overload]
                "end": int(g.value(evidence, SHANHAI.endOffset) or 0) if evidence is not None else 0,  # type: ignore[call-overload]
                "_amount": _float(g, rel, SHANHAI.amountYuan),
                "_official": bool(g.value(rel, SHANHAI.official)),
            }
        )

    graph = nx.MultiDiGraph()
    funds: dict[Node, set[tuple[str, Node, float]]] = defaultdict(set)
    for (donor, recipient, rtype), rows in edges.items():
        for node in (donor, recipient):
            if str(node) not in graph:
                graph.add_node(str(node), **_node_attributes(g, node))  # type: ignore[arg-type]
        rows.sort(key=lambda r: (str(r["article"]), int(r["start"]), int(r["end"])))  # type: ignore[call-overload]
        amounts = {(str(r["article"]), r["_amount"]) for r in rows if r["_amount"] is not None}
        for article_id, amount in amounts:
            funds[donor].add((article_id, recipient, amount))  # type: ignore[arg-type]
            funds[recipient].add((article_id, donor, amount))  # type: ignore[arg-type]
        graph.add_edge(
            str(donor),
            str(recipient),
            key=rtype,
            type=rtype,
            kind=pair_kind.get((donor, recipient), ""),
            amount_yuan=float(sum(amount for _, amount in amounts)),  # type: ignore[misc]
            articles=len({r["article"] for r in rows}),
            official=any(r["_official"] for r in rows),
            evidence=json.dumps(
                [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows], ensure_ascii=False
            ),
        )
    for node in graph.nodes:
        graph.nodes[node]["funds_yuan"] = 0.0
    for node, amounts in funds.items():
        graph.nodes[str(node)]["funds_yuan"] = float(sum(a for _, _, a in amounts))
    return graph


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------


def _swap_directory(built: Path, target: Path) -> None:
    """Put the freshly built ``built`` where ``target`` is; the old one is removed only after."""
    old: Path | None = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
        os.replace(target, old / target.name)
    os.replace(built, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def load_store(triples_ntriples: bytes, path: Path | None = None) -> ox.Store:
    """A pyoxigraph store (on disk at ``path``, else in memory) holding the given N-Triples."""
    store = ox.Store(str(path)) if path is not None else ox.Store()
    store.bulk_load(input=triples_ntriples, format=ox.RdfFormat.N_TRIPLES)
    return store


def write_turtle(store: ox.Store, path: Path) -> None:
    """Serialise the store's default graph to Turtle through pyoxigraph (linear, unlike rdflib's)."""
    prefixes = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    with atomic_path(path) as tmp:
        triples = (q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        ox.serialize(triples, str(tmp), format=ox.RdfFormat.TURTLE, prefixes=prefixes)


def write_graphml(graph: nx.MultiDiGraph, path: Path) -> None:
    with atomic_path(path) as tmp:
        nx.write_graphml(graph, str(tmp), encoding="utf-8")


def write_graph(g: Graph, out_dir: Path, projection: nx.MultiDiGraph | None = None) -> dict[str, int]:
    """Write graph.ttl, the embedded store and graph.graphml into ``out_dir``, each atomically.

    ``projection`` is ``to_networkx(g)`` when the caller has it already (the pipeline passes the
    one it also draws the views from, so it is computed once per build); else it is computed here.
    Returns file name → triples (graph.ttl, store) or nodes (graph.graphml).
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ntriples = g.serialize(format="nt", encoding="utf-8")
    building = Path(tempfile.mkdtemp(prefix=f".{STORE_DIR}.", suffix=".tmp", dir=out))
    try:
        store = load_store(ntriples, building / STORE_DIR)
        store.flush()
        triples = len(store)
        write_turtle(store, out / GRAPH_TTL)
        del store  # releases the store's lock before the directory moves
        gc.collect()
        _swap_directory(building / STORE_DIR, out / STORE_DIR)
    finally:
        shutil.rmtree(building, ignore_errors=True)
    if projection is None:
        projection = to_networkx(g)
    write_graphml(projection, out / GRAPHML)
    return {GRAPH_TTL: triples, STORE_DIR: triples, GRAPHML: projection.number_of_nodes()}


def read_graph(source: Path) -> Graph:
    """A build folder's graph.ttl (or a .ttl file) parsed into rdflib."""
    path = Path(source)
    if path.is_dir():
        path = path / GRAPH_TTL
    g = new_graph()
    g.parse(path, format="turtle")
    return g


# --------------------------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------------------------


def ontology_graph() -> Graph:
    """The OWL ontology (ontology/shanhai.ttl), as shipped in the package."""
    g = new_graph()
    g.parse(data=files("kg.ontology").joinpath("shanhai.ttl").read_text(encoding="utf-8"), format="turtle")
    return g


def shapes_graph() -> Graph:
    """The SHACL shapes (ontology/shapes.ttl) that everything the build emits must conform to."""
    g = Graph()
    g.parse(data=files("kg.ontology").joinpath("shapes.ttl").read_text(encoding="utf-8"), format="turtle")
    return g


def validate_graph(g: Graph) -> tuple[bool, str]:
    """SHACL-validate ``g`` against the shapes; returns (conforms, the report as text)."""
    from pyshacl import validate

    conforms, _, text = validate(
        g, shacl_graph=shapes_graph(), ont_graph=ontology_graph(), inference="none", allow_warnings=True
    )
    return bool(conforms), str(text)
