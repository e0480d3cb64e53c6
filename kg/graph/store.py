"""The embedded pyoxigraph store: filled through its bulk loader, serialised to Turtle from there."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, Node

from kg.io import atomic_path
from kg.vocab import PREFIXES

STORE_DIR = "store"
# N-Triples gathered before one call of the bulk loader: big enough that each call pays off,
# small enough that memory stays flat however large the corpus.
LOAD_CHUNK_BYTES = 8 * 1024 * 1024


def load_store(triples_ntriples: bytes, path: Path | None = None) -> ox.Store:
    """A pyoxigraph store (on disk at ``path``, else in memory) holding the given N-Triples."""
    store = ox.Store(str(path)) if path is not None else ox.Store()
    store.bulk_load(input=triples_ntriples, format=ox.RdfFormat.N_TRIPLES)
    return store


def _quoted(literal: Literal) -> str:
    """A literal in N-Triples, written as rdflib's N-Triples serializer writes it."""
    text = str(literal).replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r")
    if literal.language:
        return f'"{text}"@{literal.language}'
    if literal.datatype:
        return f'"{text}"^^<{literal.datatype}>'
    return f'"{text}"'


class NTriples:
    """Triples (rdflib terms) → N-Triples bytes, the lines rdflib's serializer writes, without
    building a Graph first. The N-Triples form of each IRI is made once per part (an article's
    nodes recur in it), and the predicates' once per build (there are a few dozen)."""

    def __init__(self) -> None:
        self.predicates: dict[Node, str] = {}

    def __call__(self, triples: Iterable[tuple[Node, Node, Node]]) -> bytes:
        known: dict[Node, str] = {}
        predicates = self.predicates

        def iri(term: Node) -> str:
            text = known.get(term)
            if text is None:
                text = known[term] = term.n3()  # raises on an IRI N-Triples cannot hold, as rdflib does
            return text

        lines = []
        for s, p, o in triples:
            pred = predicates.get(p)
            if pred is None:
                pred = predicates[p] = p.n3()
            obj = _quoted(o) if isinstance(o, Literal) else iri(o)
            lines.append(f"{iri(s)} {pred} {obj} .\n")
        return "".join(lines).encode("utf-8")


class StoreLoader:
    """A sink for graph parts (``GraphAssembler``'s): N-Triples into the store, a chunk at a time."""

    def __init__(self, store: ox.Store, chunk_bytes: int = LOAD_CHUNK_BYTES) -> None:
        self.store = store
        self.chunk_bytes = chunk_bytes
        self.parts: list[bytes] = []
        self.size = 0
        self.ntriples = NTriples()

    def __call__(self, part: Iterable[tuple[Node, Node, Node]]) -> bytes:
        """Load ``part``; returns its N-Triples."""
        data = self.ntriples(part)
        self.add_ntriples(data)
        return data

    def add_ntriples(self, data: bytes) -> None:
        self.parts.append(data)
        self.size += len(data)
        if self.size >= self.chunk_bytes:
            self.flush()

    def flush(self) -> None:
        if self.parts:
            self.store.bulk_load(input=b"".join(self.parts), format=ox.RdfFormat.N_TRIPLES)
            self.parts, self.size = [], 0


def write_turtle(store: ox.Store, path: Path) -> None:
    """Serialise the store's default graph to Turtle through pyoxigraph (linear, unlike rdflib's)."""
    prefixes = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    with atomic_path(path) as tmp:  # dumped by the store itself: no triple crosses into Python
        store.dump(str(tmp), format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=prefixes)


def swap_directory(built: Path, target: Path) -> None:
    """Put the freshly built ``built`` where ``target`` is; the old one is removed only after."""
    old: Path | None = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
        os.replace(target, old / target.name)
    os.replace(built, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
