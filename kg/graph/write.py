"""Writing a graph into a build folder: graph.ttl, the store and graph.graphml.

``GraphWriter`` is the build's: it takes the articles' records one by one, streams their
triples into the store (the store is the graph's only full copy) and writes Turtle and GraphML
from the store and the projection at the end. ``write_graph`` writes a graph already in memory
(tests, notebooks), each file atomically.
"""

from __future__ import annotations

import gc
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
from rdflib import Graph

from kg.graph import store as stores
from kg.graph.networkx import to_networkx
from kg.graph.parts import ArticlePart
from kg.graph.rdf import GraphAssembler, new_graph
from kg.io import atomic_path
from kg.records import Article, Mention, Relation

GRAPH_TTL = "graph.ttl"
GRAPHML = "graph.graphml"
STORE_DIR = stores.STORE_DIR


def write_graphml(graph: nx.MultiDiGraph, path: Path) -> None:
    with atomic_path(path) as tmp:
        nx.write_graphml(graph, str(tmp), encoding="utf-8")


def _closed(part: Iterable[object]) -> None:
    raise RuntimeError("the graph is closed")


class GraphWriter:
    """The graph of a build, written into a fresh folder ``out`` article by article."""

    def __init__(self, out: Path) -> None:
        self.out = Path(out)
        self.store = ox.Store(str(self.out / STORE_DIR))
        self.loader = stores.StoreLoader(self.store)
        self.assembler = GraphAssembler(self.loader)

    def add_article(
        self, article: Article, mentions: Iterable[Mention], relations: Iterable[Relation]
    ) -> ArticlePart:
        """The article into the graph; returns its part (its lines left for the caller to fill),
        which ``add_part`` takes in a later build instead of the records."""
        triples, part = self.assembler.article_part(article, mentions, relations)
        part.ntriples = self.loader(triples).decode("utf-8")
        return part

    def add_part(self, part: ArticlePart) -> None:
        """An article's part kept from an earlier build: what ``add_article`` of its records did."""
        self.assembler.replay(part)
        self.loader.add_ntriples(part.ntriples.encode("utf-8"))

    def close(self) -> tuple[dict[str, int], nx.MultiDiGraph]:
        """Finish the graph; returns (file name → triples or nodes, the NetworkX projection)."""
        projection = self.assembler.finish()
        self.loader.flush()
        self.store.flush()
        triples = len(self.store)
        stores.write_turtle(self.store, self.out / GRAPH_TTL)
        # the last references to the store (the assembler's sink is the loader): dropping them closes
        # it and releases its lock, so the views may open it and the folder may be moved next
        self.assembler.sink = _closed
        del self.store, self.loader
        write_graphml(projection, self.out / GRAPHML)
        return {GRAPH_TTL: triples, STORE_DIR: triples, GRAPHML: projection.number_of_nodes()}, projection


def write_graph(g: Graph, out_dir: Path, projection: nx.MultiDiGraph | None = None) -> dict[str, int]:
    """Write graph.ttl, the embedded store and graph.graphml of an in-memory graph into ``out_dir``,
    each atomically (a failed write leaves the previous files).

    ``projection`` is ``to_networkx(g)`` when the caller has it already; else it is computed here.
    Returns file name → triples (graph.ttl, store) or nodes (graph.graphml).
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ntriples = g.serialize(format="nt", encoding="utf-8")
    building = Path(tempfile.mkdtemp(prefix=f".{STORE_DIR}.", suffix=".tmp", dir=out))
    try:
        store = stores.load_store(ntriples, building / STORE_DIR)
        store.flush()
        triples = len(store)
        stores.write_turtle(store, out / GRAPH_TTL)
        del store  # releases the store's lock before the directory moves
        gc.collect()
        stores.swap_directory(building / STORE_DIR, out / STORE_DIR)
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
