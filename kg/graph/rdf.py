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
from kg.graph.parts import ArticlePart, NoteRow, RelationShare, note_rows
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
        self.note(note_rows(mentions, NOT_NAMES))

    def note(self, rows: Iterable[NoteRow]) -> None:
        """Surface forms, home places and coordinates the mentions tell (``kg.graph.parts.note_rows``)."""
        for label, name, surface, home, key_code, lon, lat in rows:
            if surface:
                self.surfaces[(label, name)].add(surface)
            if home:
                self.home_code.setdefault(name, home)
            if lon is not None and lat is not None:
                self.place_coords.setdefault((key_code, name), (lon, lat))

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
        self.sink(self.article_part(article, mentions, relations)[0])

    def article_part(
        self, article: Article, mentions: Iterable[Mention], relations: Iterable[Relation]
    ) -> tuple[Triples, ArticlePart]:
        """The article's own triples, and its part (its share of the corpus-wide state, which is
        applied here; the caller fills in its lines and N-Triples)."""
        notes = note_rows(mentions, NOT_NAMES)
        self.entities.note(notes)
        g = Triples()
        article_node = _article_node(g, article)
        date = str(date_literal(article.date) or "")
        part = ArticlePart([], "", {"article": article.id, "title": article.title or "", "date": date}, notes)
        for rel in relations:
            share = self._relation(g, rel, article, article_node, part.meta)
            if share is None:
                part.skipped += 1
            else:
                part.relations.append(share)
        self.skipped += part.skipped
        return g, part

    def replay(self, part: ArticlePart) -> None:
        """Apply the share of an article added to an earlier build (``article_part``'s part), in
        the same order; its triples go to the sink apart, as N-Triples."""
        self.entities.note(part.notes)
        self.skipped += part.skipped
        for share in part.relations:
            donor, recipient, project_node = self._parties(share.donor, share.recipient, share.project)
            for code in share.official_codes:
                self.entities.coded_place(code)
            self._aggregate(share, URIRef(share.node), donor, recipient, project_node, part.meta)

    def _parties(
        self, donor: Party | None, recipient: Party | None, project: str | None
    ) -> tuple[URIRef | None, URIRef | None, URIRef | None]:
        """A relation's nodes, each described into the entities the first time it is met (a
        project only when named: a relation with no node is skipped before that matters)."""
        ents = self.entities
        donor_node, recipient_node = ents.party(donor), ents.party(recipient)
        project_node = ents.project(project, recipient_node) if project else None
        return donor_node, recipient_node, project_node

    def _relation(  # noqa: C901 — one guarded triple per optional field of a Relation, read top to bottom
        self, g: Triples, rel: Relation, article: Article, article_node: URIRef, meta: dict[str, str]
    ) -> RelationShare | None:
        relation_class = RELATION_CLASSES.get(rel.type)
        if relation_class is None:
            return None
        donor, recipient, project_node = self._parties(rel.donor, rel.recipient, rel.project)
        # a project with neither builder nor place is still a project the article states
        if donor is None and recipient is None and not rel.project:
            return None
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
        if project_node is not None:
            g.add((node, SHANHAI.project, project_node))
        kind = rel.kind or _pair_kind(rel.donor, rel.recipient)
        if kind:
            g.add((node, SHANHAI.pairingKind, Literal(kind)))
        if rel.official is not None:
            g.add((node, SHANHAI.official, Literal(bool(rel.official))))
        if not rel.states_pairing:
            g.add((node, SHANHAI.statesPairing, Literal(False)))
        pair = rel.official_pair or []
        official_codes = list(pair) if rel.official and len(pair) == 2 else []
        sides = (SHANHAI.officialDonor, SHANHAI.officialRecipient)
        for predicate, code in zip(sides, official_codes, strict=False):
            official = self.entities.coded_place(code)
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

        share = RelationShare(
            str(node),
            rel.type,
            rel.donor,
            rel.recipient,
            rel.project,
            official_codes,
            kind,
            bool(rel.kind),
            programmes,
            sentence_text or "",
            rel.article_id,
            rel.start,
            rel.end,
            rel.date,
            rel.amount_yuan,
            rel.official,
            rel.programme,
        )
        self._aggregate(share, node, donor, recipient, project_node, meta)
        return share

    def _aggregate(
        self,
        share: RelationShare,
        node: URIRef,
        donor: URIRef | None,
        recipient: URIRef | None,
        project_node: URIRef | None,
        meta: dict[str, str],
    ) -> None:
        """The relation's edge row and its pair's aggregate."""
        end = recipient if recipient is not None or share.type != "project" else project_node
        self.edges.add(node, share.type, donor, end, meta, share.sentence, share)
        if donor is not None and recipient is not None and donor != recipient:
            facts = self.pairs[(share.type, donor, recipient)]
            facts.relations.append(node)
            facts.articles.add(share.article_id)
            if share.amount_yuan is not None:
                facts.amounts.add((share.article_id, float(share.amount_yuan)))
            facts.official = facts.official or bool(share.official)
            facts.programmes.update(share.programmes)
            if share.kind:  # the kinds relate decided apart from those filled in here by region
                kinds = self.pair_kinds if share.kind_decided else self.default_kinds
                kinds[(donor, recipient)][share.kind] += 1

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
