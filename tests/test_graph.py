"""The graph stage on hand-made records: RDF model, stable IRIs, files written, SHACL, NetworkX."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from graph_sample import sample_records
from rdflib import DCTERMS, PROV, RDF, SKOS, Graph, Literal, URIRef

from kg import graph as kg_graph
from kg.vocab import ID, SHANHAI, article_iri, org_iri


@pytest.fixture(scope="module")
def built() -> Graph:
    return kg_graph.build_graph(*sample_records())


@pytest.fixture(scope="module")
def build_dir(built: Graph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("graph-build")
    kg_graph.write_graph(built, out)
    return out


def place(code: str, name: str | None = None) -> URIRef:
    from urllib.parse import quote

    return ID[f"place/{code}/{quote(name, safe='')}"] if name else ID[f"place/{code}"]


# --- the model ------------------------------------------------------------------------------


def test_places_by_code_towns_by_county_and_name(built: Graph) -> None:
    fuqing = place("350181")
    assert (fuqing, SHANHAI.adminCode, Literal("350181")) in built
    assert (fuqing, SKOS.prefLabel, Literal("福清市", lang="zh")) in built
    assert (fuqing, SKOS.altLabel, Literal("福清", lang="zh")) in built  # a surface form from the mentions
    assert (fuqing, SHANHAI.level, SHANHAI.county) in built
    town = place("320583", "张浦镇")
    assert (town, SHANHAI.level, SHANHAI.town) in built
    assert (town, SHANHAI.inCounty, place("320583")) in built
    assert built.value(town, SHANHAI.adminCode) is None
    # The parent chain comes from the gazetteer: 福清市 → 福州市 → 福建省.
    assert (fuqing, SHANHAI.administrativeParent, place("350100")) in built
    assert (place("350100"), SHANHAI.administrativeParent, place("350000")) in built
    assert (place("350000"), SKOS.prefLabel, Literal("福建省", lang="zh")) in built


def test_every_relation_is_a_node_with_provenance_and_evidence(built: Graph) -> None:
    relations = set(built.subjects(RDF.type, SHANHAI.Relation))
    assert len(relations) == 10  # the person-donor help keeps its recipient, loses the person
    for rel in relations:
        article = built.value(rel, PROV.wasDerivedFrom)
        evidence = built.value(rel, SHANHAI.evidence)
        assert (article, RDF.type, SHANHAI.Article) in built
        assert (evidence, PROV.entity, article) in built
        start = built.value(evidence, SHANHAI.startOffset).toPython()
        end = built.value(evidence, SHANHAI.endOffset).toPython()
        assert 0 <= start < end
        assert str(built.value(evidence, SHANHAI.sentenceText))


def test_persons_never_enter_the_graph(built: Graph) -> None:
    labels = {str(o) for o in built.objects(None, SKOS.prefLabel)}
    assert "张三" not in labels
    assert not any("张三" in str(s) for s in built.subjects())


def test_assists_edges_and_links_count_supporting_articles(built: Graph) -> None:
    fuqing, tongwei = place("350181"), place("621121")
    assert (fuqing, SHANHAI.assists, tongwei) in built
    links = [
        link
        for link in built.subjects(SHANHAI.donor, fuqing)
        if (link, RDF.type, SHANHAI.AssistanceLink) in built
        and built.value(link, SHANHAI.recipient) == tongwei
    ]
    assert len(links) == 1
    link = links[0]
    assert built.value(link, SHANHAI.articleCount).toPython() == 2  # two articles state the pairing
    assert built.value(link, SHANHAI.relationCount).toPython() == 2
    assert built.value(link, SHANHAI.official).toPython() is True
    assert str(built.value(link, SHANHAI.pairingKind)) == "east-west"
    # A relation with one unknown side (福清市残联 helps, recipient unknown) gets no link.
    one_sided = [
        r for r in built.subjects(RDF.type, SHANHAI.Relation) if built.value(r, SHANHAI.recipient) is None
    ]
    assert len(one_sided) == 1
    assert built.value(None, SHANHAI.aggregates, one_sided[0]) is None
    assert len(set(built.subject_objects(SHANHAI.assists))) == 6


def test_kind_is_derived_when_the_relation_leaves_it_open(built: Graph) -> None:
    town_pair = [
        r
        for r in built.subjects(RDF.type, SHANHAI.Pairing)
        if built.value(r, SHANHAI.donor) == place("320583", "张浦镇")
    ]
    assert [str(built.value(r, SHANHAI.pairingKind)) for r in town_pair] == ["east-west"]
    project = [r for r in built.subjects(RDF.type, SHANHAI.ProjectSupport)]
    assert str(built.value(project[0], SHANHAI.pairingKind)) == "intra-province"


def test_articles_by_id_and_content_hash(built: Graph) -> None:
    articles, _, _ = sample_records()
    for article in articles:
        iri = article_iri(article.id, article.content_hash or "")
        assert str(iri).endswith(f"/article/{article.id}/{article.content_hash[:16]}")
        assert (iri, DCTERMS.identifier, Literal(article.id)) in built
        assert (iri, DCTERMS.title, Literal(article.title, lang="zh")) in built


def test_iris_are_stable_across_builds_and_input_order() -> None:
    articles, mentions, relations = sample_records()
    first = kg_graph.build_graph(articles, mentions, relations)
    second = kg_graph.build_graph(list(reversed(articles)), mentions, list(reversed(relations)))
    assert set(first) == set(second)


def test_a_corpus_subset_keeps_the_iris_it_shares() -> None:
    articles, mentions, relations = sample_records()
    whole = kg_graph.build_graph(articles, mentions, relations)
    part = kg_graph.build_graph(
        articles[1:2], mentions, [r for r in relations if r.article_id == articles[1].id]
    )
    shared = set(part.subjects(RDF.type, SHANHAI.Relation))
    assert shared and shared <= set(whole.subjects(RDF.type, SHANHAI.Relation))


# --- files -------------------------------------------------------------------------------------


def test_turtle_round_trip(built: Graph, build_dir: Path) -> None:
    parsed = Graph()
    parsed.parse(build_dir / "graph.ttl", format="turtle")
    assert len(parsed) == len(built)
    assert set(parsed) == set(built)


def test_write_graph_reports_and_fills_the_store(built: Graph, build_dir: Path) -> None:
    store = ox.Store.read_only(str(build_dir / "store"))
    assert len(store) == len(built)
    graphml = nx.read_graphml(build_dir / "graph.graphml", force_multigraph=True)
    assert graphml.number_of_nodes() == kg_graph.to_networkx(built).number_of_nodes()


def test_write_graph_replaces_a_previous_build_atomically(built: Graph, tmp_path: Path) -> None:
    counts = kg_graph.write_graph(built, tmp_path)
    assert counts == {"graph.ttl": len(built), "store": len(built), "graph.graphml": 10}
    again = kg_graph.write_graph(built, tmp_path)
    assert again == counts
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.graphml", "graph.ttl", "store"]


def test_a_failed_store_build_leaves_the_old_store(
    built: Graph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kg_graph.write_graph(built, tmp_path)
    before = (tmp_path / "graph.ttl").read_bytes()

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(kg_graph.store, "load_store", broken)
    with pytest.raises(OSError):
        kg_graph.write_graph(kg_graph.build_graph(*sample_records()), tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.graphml", "graph.ttl", "store"]
    assert (tmp_path / "graph.ttl").read_bytes() == before
    assert len(ox.Store.read_only(str(tmp_path / "store"))) == len(built)


# --- SHACL ---------------------------------------------------------------------------------------


def test_the_build_conforms_to_the_shapes(build_dir: Path) -> None:
    conforms, report = kg_graph.validate_graph(kg_graph.read_graph(build_dir))
    assert conforms, report


@pytest.mark.parametrize(
    "breakage",
    [
        "town_with_code",
        "assists_without_link",
        "relation_without_evidence",
        "place_without_label",
        "bad_kind",
    ],
)
def test_the_shapes_catch_a_broken_graph(built: Graph, breakage: str) -> None:
    g = Graph()
    for triple in built:
        g.add(triple)
    town = place("320583", "张浦镇")
    if breakage == "town_with_code":
        g.add((town, SHANHAI.adminCode, Literal("320583001")))
    elif breakage == "assists_without_link":
        g.add((town, SHANHAI.assists, place("350181")))
    elif breakage == "relation_without_evidence":
        rel = next(iter(g.subjects(RDF.type, SHANHAI.Help)))
        g.remove((rel, SHANHAI.evidence, None))
    elif breakage == "place_without_label":
        g.remove((place("621121"), SKOS.prefLabel, None))
    elif breakage == "bad_kind":
        rel = next(iter(g.subjects(RDF.type, SHANHAI.Pairing)))
        g.set((rel, SHANHAI.pairingKind, Literal("north-south")))
    conforms, report = kg_graph.validate_graph(g)
    assert not conforms
    assert "Constraint Violation" in report


# --- NetworkX projection ------------------------------------------------------------------------------


def test_to_networkx_nodes(built: Graph) -> None:
    projection = kg_graph.to_networkx(built)
    fuqing = projection.nodes[str(place("350181"))]
    assert fuqing["label"] == "福清市"
    assert fuqing["type"] == "Place"
    assert (fuqing["level"], fuqing["code"], fuqing["region"], fuqing["subtype"]) == (
        "county",
        "350181",
        "east",
        "",
    )
    assert 119 < fuqing["lon"] < 120 and 25 < fuqing["lat"] < 26
    assert fuqing["funds_yuan"] == 8_000_000.0
    town = projection.nodes[str(place("520602", "坝黄镇"))]
    county = projection.nodes[str(place("520602"))]
    assert (town["level"], town["code"], town["region"]) == ("town", "", "west")
    assert (town["lon"], town["lat"]) == (county["lon"], county["lat"])  # a town takes its county's
    assert town["funds_yuan"] == 600_000.0
    juice = projection.nodes[str(org_iri("昆山鲜活果汁有限公司"))]
    assert (juice["type"], juice["subtype"], juice["region"]) == ("Organisation", "enterprise", "east")
    assert juice["funds_yuan"] == 0.0
    for _, data in projection.nodes(data=True):
        assert set(data) >= {"label", "type", "level", "code", "region", "subtype", "funds_yuan"}
    # Parents that take part in no relation are not projected.
    assert str(place("350000")) not in projection


def test_to_networkx_edges(built: Graph) -> None:
    projection = kg_graph.to_networkx(built)
    fuqing, tongwei = str(place("350181")), str(place("621121"))
    edge = projection.edges[fuqing, tongwei, "pairing"]
    assert edge["type"] == "pairing"
    assert edge["kind"] == "east-west"
    assert edge["articles"] == 2
    assert edge["official"] is True
    assert edge["amount_yuan"] == 0.0
    evidence = json.loads(edge["evidence"])
    assert [e["article"] for e in evidence] == ["100_fuqing", "102_again"]
    assert evidence[0]["sentence"] == "福清市与通渭县开展东西部协作。"
    assert set(evidence[0]) == {"article", "title", "date", "sentence", "start", "end", "stated"}
    assert evidence[0]["stated"] == ""  # the pairing states no date of its own
    town_funding = projection.edges[str(place("320583", "张浦镇")), str(place("520602", "坝黄镇")), "funding"]
    assert town_funding["amount_yuan"] == 600_000.0
    org_edge = projection.edges[str(org_iri("福清市残联")), tongwei, "funding"]
    assert [e["stated"] for e in json.loads(org_edge["evidence"])] == ["2020"]  # the year the funding states
    assert org_edge["kind"] == ""
    assert {d["type"] for _, _, d in projection.edges(data=True)} == {"pairing", "help", "funding", "project"}


def test_graphml_keeps_the_projection_attributes(built: Graph, build_dir: Path) -> None:
    projection = kg_graph.to_networkx(built)
    read = nx.read_graphml(build_dir / "graph.graphml", force_multigraph=True)
    for node, data in projection.nodes(data=True):
        assert read.nodes[node] == data
    for u, v, key, data in projection.edges(keys=True, data=True):
        assert read.edges[u, v, key] == data


def test_write_graph_uses_the_projection_it_is_given(
    built: Graph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pipeline computes the NetworkX projection once and hands it to write_graph."""
    projection = kg_graph.to_networkx(built)

    def not_again(g: Graph) -> nx.MultiDiGraph:
        raise AssertionError("to_networkx called although a projection was given")

    monkeypatch.setattr(kg_graph, "to_networkx", not_again)
    counts = kg_graph.write_graph(built, tmp_path, projection)
    assert counts["graph.graphml"] == projection.number_of_nodes()
    read = nx.read_graphml(tmp_path / "graph.graphml", force_multigraph=True)
    assert set(read.nodes) == set(projection.nodes)


# --- the seeds build (the same `kg build` a user runs) ------------------------------------------


def _data_iris(g: Graph) -> set[URIRef]:
    return {term for triple in g for term in triple if isinstance(term, URIRef) and term.startswith(ID)}


def test_seeds_turtle_round_trip_and_store(seeds_build: Path) -> None:
    parsed = kg_graph.read_graph(seeds_build)
    store = ox.Store.read_only(str(seeds_build / "store"))
    assert len(parsed) > 1000
    assert len(parsed) == len(store)


def test_seeds_build_conforms_to_the_shapes(seeds_build: Path) -> None:
    conforms, report = kg_graph.validate_graph(kg_graph.read_graph(seeds_build))
    assert conforms, report


def test_seeds_every_relation_node_carries_its_provenance(seeds_build: Path) -> None:
    g = kg_graph.read_graph(seeds_build)
    relations = set(g.subjects(RDF.type, SHANHAI.Relation))
    assert len(relations) >= 20
    texts = {}
    for line in (seeds_build / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        texts[row["id"]] = row["text"]
    for rel in relations:
        article = g.value(rel, PROV.wasDerivedFrom)
        evidence = g.value(rel, SHANHAI.evidence)
        assert (article, RDF.type, SHANHAI.Article) in g
        assert (evidence, PROV.entity, article) in g
        start = g.value(evidence, SHANHAI.startOffset).toPython()
        end = g.value(evidence, SHANHAI.endOffset).toPython()
        sentence = str(g.value(evidence, SHANHAI.sentenceText))
        text = texts[str(g.value(article, DCTERMS.identifier))]
        assert 0 <= start < end <= len(text)
        assert text[start:end] in sentence  # the offsets point into the evidence sentence


def test_seeds_assists_edges_have_a_link_with_the_supporting_articles(seeds_build: Path) -> None:
    g = kg_graph.read_graph(seeds_build)
    assists = set(g.subject_objects(SHANHAI.assists))
    assert assists
    for donor, recipient in assists:
        links = [
            link
            for link in g.subjects(SHANHAI.donor, donor)
            if (link, RDF.type, SHANHAI.AssistanceLink) in g and (link, SHANHAI.recipient, recipient) in g
        ]
        assert links, (donor, recipient)
        for link in links:
            supporting = {g.value(rel, PROV.wasDerivedFrom) for rel in g.objects(link, SHANHAI.aggregates)}
            assert g.value(link, SHANHAI.articleCount).toPython() == len(supporting) >= 1


def test_seeds_iris_are_stable_across_builds_and_corpora(
    seeds_build: Path, seeds_dir: Path, tmp_path: Path
) -> None:
    """A build of two of the seed articles gives their facts the IRIs the full seeds build gave them."""
    from kg.pipeline import build

    subset = sorted(seeds_dir.glob("*.txt"))[:2]
    build(subset, tmp_path)
    part, whole = kg_graph.read_graph(tmp_path), kg_graph.read_graph(seeds_build)
    assert _data_iris(part) and _data_iris(part) <= _data_iris(whole)
    for rel in part.subjects(RDF.type, SHANHAI.Relation):
        evidence = part.value(rel, SHANHAI.evidence)
        for node in (rel, evidence):
            assert set(part.triples((node, None, None))) == set(whole.triples((node, None, None)))


def test_write_graph_never_uses_rdflibs_turtle_serialiser(
    built: Graph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """rdflib's Turtle writer grows worse than linearly; graph.ttl comes from the store instead."""
    from rdflib.plugins.serializers.turtle import TurtleSerializer

    def refused(*args: object, **kwargs: object) -> None:
        raise AssertionError("rdflib's Turtle serialiser was used")

    monkeypatch.setattr(TurtleSerializer, "serialize", refused)
    kg_graph.write_graph(built, tmp_path)
    parsed = Graph().parse(tmp_path / "graph.ttl", format="turtle")
    assert set(parsed) == set(built)
