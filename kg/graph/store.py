"""The embedded pyoxigraph store: filled through its bulk loader, serialised to Turtle from there."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

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


class StoreLoader:
    """A sink for graph parts (``GraphAssembler``'s): N-Triples into the store, a chunk at a time."""

    def __init__(self, store: ox.Store, chunk_bytes: int = LOAD_CHUNK_BYTES) -> None:
        self.store = store
        self.chunk_bytes = chunk_bytes
        self.parts: list[bytes] = []
        self.size = 0

    def __call__(self, part: Graph) -> None:
        data = part.serialize(format="nt", encoding="utf-8")
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
    with atomic_path(path) as tmp:
        triples = (q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        ox.serialize(triples, str(tmp), format=ox.RdfFormat.TURTLE, prefixes=prefixes)


def swap_directory(built: Path, target: Path) -> None:
    """Put the freshly built ``built`` where ``target`` is; the old one is removed only after."""
    old: Path | None = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
        os.replace(target, old / target.name)
    os.replace(built, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
