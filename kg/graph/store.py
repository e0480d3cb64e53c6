"""The embedded pyoxigraph store: filled through its bulk loader, serialised to Turtle from there."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import tempfile
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import IO

import pyoxigraph as ox
from rdflib import Graph, Literal, Node

from kg.io import atomic_path
from kg.vocab import PREFIXES

STORE_DIR = "store"
# Turtle gathered before one call of the bulk loader. The loader holds ~10× its input while it
# sorts (graph.ttl of 300 bench articles, 6.2 MB, loaded in one call: +87 MB; in 2 MB calls: +33 MB,
# 1 MB: +21 MB, at the same CPU time), which was the build's own peak as its graph closed.
LOAD_CHUNK_BYTES = 2 * 1024 * 1024


@cache
def _malloc_trim() -> object | None:
    """glibc's ``malloc_trim``, or None where the C library has none (musl, macOS, Windows)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None
    return getattr(libc, "malloc_trim", None)


def release_free_memory() -> None:
    """Give the C heap's free pages back to the system. The store's bulk loader sorts each chunk
    in buffers of its own threads; freed, they stay in glibc's per-thread arenas, so a build's
    RSS grew with every chunk loaded (1,000 articles: +78 MB over the map, +39 MB with this)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)  # type: ignore[operator]


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

    def __call__(self, triples: Iterable[tuple[Node, Node, Node]], ordered: bool = False) -> bytes:
        """The lines in the order of ``triples``, or sorted (``ordered``: for a set, such as an
        rdflib Graph, whose order changes from one process to the next with the strings' hashes)."""
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
        if ordered:
            lines.sort()
        return "".join(lines).encode("utf-8")


def _prefixes() -> dict[str, str]:
    return {prefix: str(ns) for prefix, ns in PREFIXES.items()}


@cache
def turtle_header() -> bytes:
    """The ``@prefix`` lines pyoxigraph's Turtle serialiser opens a document with (it writes them
    only before a first triple, so they are taken from a document of one)."""
    one = b"<urn:x:s> <urn:x:p> <urn:x:o> .\n"
    text = ox.serialize(ox.parse(one, format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.TURTLE,
                        prefixes=_prefixes())  # fmt: skip
    return b"".join(line for line in text.splitlines(keepends=True) if line.startswith(b"@prefix "))


def turtle_fragment(ntriples: bytes) -> str:
    """N-Triples as Turtle without the ``@prefix`` lines: graph.ttl is ``turtle_header()`` and the
    fragments, each article's in input order and the corpus-wide one last, so a later build that
    reads the same articles first writes the same bytes by copying them."""
    if not ntriples:
        return ""
    quads = ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)
    text = ox.serialize(quads, format=ox.RdfFormat.TURTLE, prefixes=_prefixes())
    header = turtle_header()
    if not text.startswith(header):  # pragma: no cover - a pyoxigraph that writes prefixes otherwise
        raise RuntimeError("unexpected Turtle header from pyoxigraph")
    return text[len(header) :].decode("utf-8")


def fragment(part: Iterable[tuple[Node, Node, Node]], ntriples: NTriples) -> str:
    """``part`` as a Turtle fragment (an rdflib Graph's triples sorted: their order is a set's)."""
    return turtle_fragment(ntriples(part, ordered=isinstance(part, Graph)))


class StoreLoader:
    """A sink for graph parts (``GraphAssembler``'s): into the store as Turtle fragments, a chunk at
    a time, each fragment also written to ``turtle`` (graph.ttl) when given."""

    def __init__(
        self, store: ox.Store, chunk_bytes: int = LOAD_CHUNK_BYTES, turtle: IO[bytes] | None = None
    ) -> None:
        self.store = store
        self.chunk_bytes = chunk_bytes
        self.turtle = turtle
        self.parts: list[bytes] = []
        self.size = 0
        self.ntriples = NTriples()

    def __call__(self, part: Iterable[tuple[Node, Node, Node]]) -> str:
        """Load ``part``; returns it as a Turtle fragment (an rdflib Graph's triples sorted)."""
        text = fragment(part, self.ntriples)
        self.add_fragment(text)
        return text

    def add_fragment(self, fragment: str) -> None:
        data = fragment.encode("utf-8")
        if self.turtle is not None:
            self.turtle.write(data)
        self.parts.append(data)
        self.size += len(data)
        if self.size >= self.chunk_bytes:
            self.flush()

    def flush(self) -> None:
        if self.parts:
            self.store.bulk_load(input=turtle_header() + b"".join(self.parts), format=ox.RdfFormat.TURTLE)
            self.parts, self.size = [], 0
            release_free_memory()


def write_turtle(store: ox.Store, path: Path) -> None:
    """Serialise the store's default graph to Turtle through pyoxigraph (linear, unlike rdflib's)."""
    with atomic_path(path) as tmp:  # dumped by the store itself: no triple crosses into Python
        store.dump(str(tmp), format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=_prefixes())


def swap_directory(built: Path, target: Path) -> None:
    """Put the freshly built ``built`` where ``target`` is; the old one is removed only after."""
    old: Path | None = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
        os.replace(target, old / target.name)
    os.replace(built, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
