"""Records → RDF, one article at a time: what the graph says and with which IRIs.

Model (``ontology/shanhai.ttl``, drawn in ``ontology/README.md``): every extracted relation
becomes a node (shanhai:Pairing / Help / Funding / ProjectSupport) with its donor, recipient,
amount, date and a PROV-O qualified derivation (shanhai:Evidence: the article, the sentence,
the character offsets). Each (donor, recipient, type) gets one shanhai:AssistanceLink that
aggregates its relation nodes and carries the number of supporting articles, the total
amount, the pairing kind and whether the pair is official, plus one direct
``donor shanhai:assists recipient`` triple for simple queries. Persons never enter the graph.

Why a streaming assembler: an article's own triples (the article, its relation and evidence
nodes) are final as soon as the article is read, so they go straight to a sink (the store's
bulk loader) and memory holds only what needs the whole corpus: the places, organisations and
projects (with every surface form seen and the pairs' aggregates), which grow with the number
of distinct entities, not of articles.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import DCTERMS, PROV, RDF, SKOS, XSD, Graph, Literal, Node, URIRef

from kg.graph.divisions import CodedDivision, coded_divisions
from kg.graph.networkx import EdgeRows, project
from kg.graph.programmes import add_programmes, link_relation
from kg.link.anaphors import ORG_SOURCE, SPEAKER_SOURCE
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
    programme_iri,
    project_iri,
    relation_iri,
)

Triple = tuple[Node, Node, Node]
Sink = Callable[[Iterable[Triple]], None]


class Triples:
    """A part of the graph as a plain list of triples, with ``Graph.add``'s signature: an article's
    part goes to the sink once and is never queried, so an rdflib Graph (its indexes, its prefix
    bindings) was most of the cost of a rebuild whose articles all came from the cache."""

    __slots__ = ("rows",)

    def __init__(self) -> None:
        self.rows: list[Triple] = []

    def add(self, triple: Triple) -> None:
        self.rows.append(triple)

    def __iter__(self) -> Iterator[Triple]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def new_graph() -> Graph:
    """An empty rdflib Graph with the project's prefixes bound."""
    g = Graph()
    for prefix, namespace in PREFIXES.items():
        g.bind(prefix, namespace, override=True)
    return g


def date_literal(iso: str | None) -> Literal | None:
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
    programmes: set[str] = field(default_factory=set)


# 该公司 and 我们 stand for an organisation without naming it: no surface form of it
NOT_NAMES = frozenset({ORG_SOURCE, SPEAKER_SOURCE})


class _Entities:
    """The places, organisations and projects, each described once into one small graph.

    Surface forms (skos:altLabel), an organisation's home place and an unknown code's
    coordinates come from every article's mentions, so they are added at the end (``decorate``)."""

    def __init__(self) -> None:
        self.g = new_graph()
        self.added: set[URIRef] = set()
        self.places: set[URIRef] = set()
        self.orgs: dict[URIRef, str] = {}  # iri -> name
        self.named_places: dict[URIRef, str] = {}  # iri -> name, for altLabels
        self.uncoded: dict[URIRef, tuple[str, str]] = {}  # unknown code's iri -> (code, name)
        self._gazetteer: dict[str, CodedDivision] | None = None
        self.home_code: dict[str, str] = {}  # org name -> code of the place its name starts with
        self.surfaces: dict[tuple[str, str], set[str]] = defaultdict(set)  # (label, name) -> texts
        self.place_coords: dict[tuple[str, str], tuple[float, float]] = {}

    def note_mentions(self, mentions: Iterable[Mention]) -> None:
        for m in mentions:
            if not m.name or m.label not in ("PLACE", "ORG"):
                continue
            if m.text and m.text != m.name and m.source not in NOT_NAMES:
                self.surfaces[(m.label, m.name)].add(m.text)
            if m.label == "ORG" and m.home_code:
                self.home_code.setdefault(m.name, m.home_code)
            if m.label == "PLACE" and m.lon is not None and m.lat is not None:
                self.place_coords.setdefault((m.code or m.county_code or "", m.name), (m.lon, m.lat))

    @property
    def gazetteer(self) -> dict[str, CodedDivision]:
        """Code → coded division (kg.graph.divisions: read from the user cache, not rebuilt)."""
        if self._gazetteer is None:
            self._gazetteer = coded_divisions()
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
        self.places.add(iri)
        self.named_places[iri] = name
        g.add((iri, RDF.type, SHANHAI.Place))
        g.add((iri, SKOS.prefLabel, Literal(name, lang="zh")))
        g.add((iri, SHANHAI.level, LEVEL_CONCEPTS[level]))
        if level in CODED_LEVELS and code:
            g.add((iri, SHANHAI.adminCode, Literal(code)))
        g.add((iri, SHANHAI.region, Literal(region_of(code if level in CODED_LEVELS else county_code))))

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
                self.uncoded[iri] = (code, party.name)
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
        self.orgs[iri] = name
        g = self.g
        g.add((iri, RDF.type, SHANHAI.Organisation))
        g.add((iri, RDF.type, ORG.Organization))
        subtype_class = ORG_SUBTYPE_CLASSES.get(party.subtype or "")
        if subtype_class is not None:
            g.add((iri, RDF.type, subtype_class))
        g.add((iri, SKOS.prefLabel, Literal(name, lang="zh")))
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
        """The node of a named project where it stands: one name at two places is two projects."""
        located = place if place is not None and place in self.places else None
        iri = project_iri(name, located)
        if iri not in self.added:
            self.added.add(iri)
            self.g.add((iri, RDF.type, SHANHAI.Project))
            self.g.add((iri, SKOS.prefLabel, Literal(name, lang="zh")))
            if located is not None:
                self.g.add((iri, SHANHAI.locatedIn, located))
        return iri

    def decorate(self) -> None:
        """What needs every article's mentions: home places, surface forms, unknown codes' coordinates."""
        g = self.g
        for iri, name in self.orgs.items():
            for surface in sorted(self.surfaces.get(("ORG", name), ())):
                g.add((iri, SKOS.altLabel, Literal(surface, lang="zh")))
            home = self.home_code.get(name)
            if home:
                self.add(iri, SHANHAI.basedIn, self.coded_place(home[:6]))
        for iri, name in self.named_places.items():  # after the home places, which may add some
            for surface in sorted(self.surfaces.get(("PLACE", name), ())):
                g.add((iri, SKOS.altLabel, Literal(surface, lang="zh")))
        for iri, (code, name) in self.uncoded.items():
            coords = self.place_coords.get((code, name))
            if coords:
                self._coords(iri, *coords)


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


def _article_node(g: Graph | Triples, article: Article) -> URIRef:
    content_hash = article.content_hash or hashlib.sha256(article.text.encode("utf-8")).hexdigest()
    iri = article_iri(article.id, content_hash)
    g.add((iri, RDF.type, SHANHAI.Article))
    g.add((iri, DCTERMS.identifier, Literal(article.id)))
    g.add((iri, SHANHAI.contentHash, Literal(content_hash)))
    if article.title:
        g.add((iri, DCTERMS.title, Literal(article.title, lang="zh")))
    date = date_literal(article.date)
    if date is not None:
        g.add((iri, DCTERMS.date, date))
    if article.source:
        g.add((iri, DCTERMS.publisher, Literal(article.source, lang="zh")))
    if article.url and article.url.startswith(("http://", "https://")) and " " not in article.url:
        g.add((iri, DCTERMS.source, URIRef(article.url)))
    return iri


class GraphAssembler:
    """Builds the graph article by article: each article's triples go to ``sink`` at once,
    the entities and the pairs' AssistanceLinks at ``finish``, which also gives the NetworkX
    projection (collected on the way, so the graph is never read back)."""

    def __init__(self, sink: Sink) -> None:
        self.sink = sink
        self.entities = _Entities()
        self.pairs: dict[tuple[str, URIRef, URIRef], _PairFacts] = defaultdict(_PairFacts)
        # The kinds the relate stage decided (from the programme tables) and the ones filled in here
        # from regions alone: a pair's kind comes from the first where it has any.
        self.pair_kinds: dict[tuple[URIRef, URIRef], Counter[str]] = defaultdict(Counter)
        self.default_kinds: dict[tuple[URIRef, URIRef], Counter[str]] = defaultdict(Counter)
        self.edges = EdgeRows()
        self.skipped = 0

    def add_article(
        self, article: Article, mentions: Iterable[Mention], relations: Iterable[Relation]
    ) -> None:
        """The article's node, its relations with their evidence; its mentions' surface forms noted."""
        self.entities.note_mentions(mentions)
        g = Triples()
        article_node = _article_node(g, article)
        date = str(date_literal(article.date) or "")
        meta = {"article": article.id, "title": article.title or "", "date": date}
        for rel in relations:
            self._relation(g, rel, article, article_node, meta)
        self.sink(g)

    def _relation(  # noqa: C901 — one guarded triple per optional field of a Relation, read top to bottom
        self, g: Triples, rel: Relation, article: Article, article_node: URIRef, meta: dict[str, str]
    ) -> None:
        relation_class = RELATION_CLASSES.get(rel.type)
        ents = self.entities
        donor = ents.party(rel.donor) if relation_class is not None else None
        recipient = ents.party(rel.recipient) if relation_class is not None else None
        # a project with neither builder nor place is still a project the article states
        if relation_class is None or (donor is None and recipient is None and not rel.project):
            self.skipped += 1
            return
        node = relation_iri(rel.type, article_node, rel.start, rel.end, donor, recipient, rel.project)
        g.add((node, RDF.type, relation_class))
        g.add((node, RDF.type, SHANHAI.Relation))
        for predicate, value in ((SHANHAI.donor, donor), (SHANHAI.recipient, recipient)):
            if value is not None:
                g.add((node, predicate, value))
        g.add((node, PROV.wasDerivedFrom, article_node))
        g.add((node, SHANHAI.pattern, Literal(rel.pattern)))
        g.add((node, SHANHAI.confidence, _decimal(round(rel.confidence, 4))))
        if rel.amount_yuan is not None:
            g.add((node, SHANHAI.amountYuan, _decimal(rel.amount_yuan)))
        date = date_literal(rel.date)
        if date is not None:
            g.add((node, DCTERMS.date, date))
        if rel.purpose:
            g.add((node, SHANHAI.purpose, Literal(rel.purpose, lang="zh")))
        if rel.action:
            g.add((node, SHANHAI.action, Literal(rel.action)))
        project_node = ents.project(rel.project, recipient) if rel.project else None
        if project_node is not None:
            g.add((node, SHANHAI.project, project_node))
        kind = rel.kind or _pair_kind(rel.donor, rel.recipient)
        if kind:
            g.add((node, SHANHAI.pairingKind, Literal(kind)))
        if rel.official is not None:
            g.add((node, SHANHAI.official, Literal(bool(rel.official))))
        if not rel.states_pairing:
            g.add((node, SHANHAI.statesPairing, Literal(False)))
        if rel.official and rel.official_pair and len(rel.official_pair) == 2:
            sides = (SHANHAI.officialDonor, SHANHAI.officialRecipient)
            for predicate, code in zip(sides, rel.official_pair, strict=True):
                official = ents.coded_place(code)
                if official is not None:
                    g.add((node, predicate, official))
        programmes = link_relation(g, node, rel)

        sentence_text = rel.sentence_text
        if not sentence_text and 0 <= rel.sentence < len(article.sentences):
            sentence_text = article.sentence_text(rel.sentence)
        evidence = evidence_iri(node)
        g.add((node, SHANHAI.evidence, evidence))
        g.add((evidence, RDF.type, SHANHAI.Evidence))
        g.add((evidence, PROV.entity, article_node))
        g.add((evidence, SHANHAI.sentenceText, Literal(sentence_text or "", lang="zh")))
        g.add((evidence, SHANHAI.sentenceIndex, Literal(int(rel.sentence))))
        g.add((evidence, SHANHAI.startOffset, Literal(int(rel.start))))
        g.add((evidence, SHANHAI.endOffset, Literal(int(rel.end))))

        end = recipient if recipient is not None or rel.type != "project" else project_node
        self.edges.add(node, rel.type, donor, end, meta, sentence_text or "", rel)
        if donor is not None and recipient is not None and donor != recipient:
            facts = self.pairs[(rel.type, donor, recipient)]
            facts.relations.append(node)
            facts.articles.add(rel.article_id)
            if rel.amount_yuan is not None:
                facts.amounts.add((rel.article_id, float(rel.amount_yuan)))
            facts.official = facts.official or bool(rel.official)
            facts.programmes.update(programmes)
            if rel.kind:
                self.pair_kinds[(donor, recipient)][rel.kind] += 1
            elif kind:
                self.default_kinds[(donor, recipient)][kind] += 1

    def _links(self) -> tuple[Graph, dict[tuple[Node, Node], str]]:
        g = new_graph()
        pair_kind: dict[tuple[Node, Node], str] = {}
        for (rtype, donor, recipient), facts in self.pairs.items():
            link = link_iri(rtype, donor, recipient)
            g.add((donor, SHANHAI.assists, recipient))
            g.add((link, RDF.type, SHANHAI.AssistanceLink))
            g.add((link, SHANHAI.relationType, Literal(rtype)))
            g.add((link, SHANHAI.donor, donor))
            g.add((link, SHANHAI.recipient, recipient))
            g.add((link, SHANHAI.articleCount, Literal(len(facts.articles))))
            g.add((link, SHANHAI.relationCount, Literal(len(facts.relations))))
            g.add((link, SHANHAI.official, Literal(facts.official)))
            for programme in sorted(facts.programmes):
                g.add((link, SHANHAI.programme, programme_iri(programme)))
            if facts.amounts:
                g.add((link, SHANHAI.amountYuan, _decimal(sum(amount for _, amount in facts.amounts))))
            kinds = self.pair_kinds.get((donor, recipient)) or self.default_kinds.get((donor, recipient))
            if kinds:
                # One kind per pair, whatever the type: the most frequent of the decided kinds (else of
                # those by region), ties broken by name.
                kind = sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
                g.add((link, SHANHAI.pairingKind, Literal(kind)))
                pair_kind[(donor, recipient)] = kind
            for node in facts.relations:
                g.add((link, SHANHAI.aggregates, node))
        return g, pair_kind

    def finish(self):  # noqa: ANN201 - networkx.MultiDiGraph
        """Send the entities and the links to the sink; return the NetworkX projection."""
        self.entities.decorate()
        add_programmes(self.entities.g, self.entities.coded_place)
        links, pair_kind = self._links()
        self.sink(self.entities.g)
        self.sink(links)
        return project(self.entities.g, self.edges, pair_kind)


def build_graph(
    articles: list[Article], mentions: dict[str, list[Mention]], relations: list[Relation]
) -> Graph:
    """The whole RDF graph of the relations, their parties, their articles and their evidence, in memory."""
    g = new_graph()

    def sink(part: Iterable[Triple]) -> None:
        for triple in part:
            g.add(triple)

    assembler = GraphAssembler(sink)
    by_article: dict[str, list[Relation]] = defaultdict(list)
    for rel in relations:
        by_article[rel.article_id].append(rel)
    for article in articles:
        assembler.add_article(article, mentions.get(article.id, []), by_article.get(article.id, []))
    assembler.entities.note_mentions(m for ms in mentions.values() for m in ms)
    assembler.finish()
    return g
