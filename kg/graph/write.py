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
    """The graph of a build, written into a fresh folder ``out`` article by article.

    Each article's triples go into the store and, as a Turtle fragment, into graph.ttl as they come;
    the corpus-wide triples (the entities, the pairs' links, the programmes) follow at ``close``.
    ``extend`` starts from an earlier build of the same first articles instead (``kg.build.extend``):
    its store (hard-linked by pyoxigraph's backup) and its graph.ttl up to its corpus-wide part; at
    ``close`` the corpus-wide triples it had and no longer has are taken out of the store."""

    def __init__(self, out: Path) -> None:
        self.out = Path(out)
        self.turtle = open(self.out / GRAPH_TTL, "wb")  # noqa: SIM115 - closed in close/abandon
        self.turtle.write(stores.turtle_header())
        self._open_store()
        self.corpus_wide_before: bytes | None = None  # an extended build's old corpus-wide part
        self.articles_end = 0  # where graph.ttl's corpus-wide part starts

    def _open_store(self) -> None:
        self.store = ox.Store(str(self.out / STORE_DIR))
        self.loader = stores.StoreLoader(self.store, turtle=self.turtle)
        self.assembler = GraphAssembler(self.loader)

    @classmethod
    def extend(cls, out: Path, previous: Path, articles_end: int) -> GraphWriter:
        """A writer that goes on from the build in ``previous``, whose graph.ttl holds its articles'
        fragments up to byte ``articles_end`` (the assembler's state is replayed by the caller)."""
        self = cls.__new__(cls)
        self.out = Path(out)
        ox.Store.read_only(str(previous / STORE_DIR)).backup(str(self.out / STORE_DIR))
        with open(previous / GRAPH_TTL, "rb") as old:
            head = old.read(articles_end)
            self.corpus_wide_before = old.read()
        if len(head) != articles_end:
            raise ValueError(f"{previous / GRAPH_TTL} is shorter than its build recorded")
        self.turtle = open(self.out / GRAPH_TTL, "wb")  # noqa: SIM115 - closed in close/abandon
        self.turtle.write(head)
        self._open_store()
        self.articles_end = 0
        return self

    def add_article(
        self, article: Article, mentions: Iterable[Mention], relations: Iterable[Relation]
    ) -> ArticlePart:
        """The article into the graph; returns its part (its lines left for the caller to fill),
        which ``add_part`` takes in a later build instead of the records."""
        triples, part = self.assembler.article_part(article, mentions, relations)
        part.turtle = self.loader(triples)
        return part

    def add_part(self, part: ArticlePart) -> None:
        """An article's part kept from an earlier build: what ``add_article`` of its records did."""
        self.assembler.replay(part)
        self.loader.add_fragment(part.turtle)

    def close(self) -> tuple[dict[str, int], nx.MultiDiGraph]:
        """Finish the graph; returns (file name → triples or nodes, the NetworkX projection)."""
        counts, projection = self.close_store()
        counts[GRAPHML] = self.write_graphml(projection)
        return counts, projection

    def write_graphml(self, projection: nx.MultiDiGraph) -> int:
        """graph.graphml of ``projection``; returns its nodes."""
        write_graphml(projection, self.out / GRAPHML)
        return projection.number_of_nodes()

    def close_store(self) -> tuple[dict[str, int], nx.MultiDiGraph]:
        """Finish graph.ttl and the store, and let the store go (another process may open it then),
        without graph.graphml; returns (file name → triples, the NetworkX projection)."""
        self.articles_end = self.turtle.tell()
        projection = self.assembler.finish()
        self.loader.flush()
        self.turtle.close()
        if self.corpus_wide_before is not None:
            self._drop_stale(self.corpus_wide_before)
        self.store.flush()
        triples = len(self.store)
        # the last references to the store (the assembler's sink is the loader): dropping them closes
        # it and releases its lock, so the views may open it and the folder may be moved next
        self.assembler.sink = _closed
        del self.store, self.loader
        return {GRAPH_TTL: triples, STORE_DIR: triples}, projection

    def _drop_stale(self, before: bytes) -> None:
        """Take out of the store the corpus-wide triples of the extended build that this one has
        not (an altLabel more changes a link's count: the old count goes)."""
        with open(self.out / GRAPH_TTL, "rb") as fh:
            fh.seek(self.articles_end)
            now = fh.read()
        header = stores.turtle_header()
        old = set(ox.parse(header + before, format=ox.RdfFormat.TURTLE))
        stale = old - set(ox.parse(header + now, format=ox.RdfFormat.TURTLE))
        for quad in stale:
            self.store.remove(quad)

    def abandon(self) -> None:
        self.turtle.close()


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
