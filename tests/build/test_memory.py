"""What the reduce keeps in memory until the end of a build, and what it reads whole (issue 11:
10,000 articles in ≤ 1.5 GB). Figures are measured by benchmarks/bench_memory.py; these tests
check the structures, not timings."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest
from graph_sample import sample_records

from kg.build.unchanged import file_digests, input_digests
from kg.graph import store as stores
from kg.graph.rdf import GraphAssembler


def test_edge_rows_are_small_tuples_sharing_their_article_meta() -> None:
    """The parent keeps one row per relation until the projection: a tuple of the fields the
    projection needs, the article's id/title/date one dict shared by all its rows (each row was a
    dict of ten keys with a set of its own, ~0.9 KB)."""
    articles, mentions, relations = sample_records()
    assembler = GraphAssembler(lambda part: None)
    by_article: dict[str, list] = {}
    for rel in relations:
        by_article.setdefault(rel.article_id, []).append(rel)
    for article in articles:
        assembler.add_article(article, mentions.get(article.id, []), by_article.get(article.id, []))
    rows = [row for edge in assembler.edges.rows.values() for row in edge]
    assert len(rows) >= 4
    assert all(type(row) is tuple for row in rows)
    metas = {id(row[0]) for row in rows}
    assert len(metas) <= len(articles)  # one meta dict per article, not one per row
    own = [sys.getsizeof(row) + sys.getsizeof(row[7]) for row in rows]  # the tuple and its programmes
    assert max(own) <= 200


def test_output_digests_never_read_a_file_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The manifest's digests of a build's files (hundreds of MB at 10,000 articles) are read in
    blocks: reading each whole put the largest file's size on the build's peak as it finished."""
    (tmp_path / "entities.jsonl").write_bytes(b'{"a": 1}\n' * 50_000)
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "000001.sst").write_bytes(bytes(range(256)) * 1_000)
    expected = {
        "entities.jsonl": hashlib.sha256((tmp_path / "entities.jsonl").read_bytes()).hexdigest(),
        "store/000001.sst": hashlib.sha256((tmp_path / "store" / "000001.sst").read_bytes()).hexdigest(),
    }

    def whole(self: Path) -> bytes:
        raise AssertionError(f"{self} read whole")

    monkeypatch.setattr(Path, "read_bytes", whole)
    assert file_digests(tmp_path) == expected
    assert input_digests([str(tmp_path / "entities.jsonl")]) == [expected["entities.jsonl"]]


def test_the_bulk_loader_gives_its_buffers_back_after_each_chunk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each chunk loaded into the store is followed by a trim of the C heap (the loader's freed
    sort buffers stayed in glibc's arenas: +78 MB over a 1,000-article map, +39 MB with it), and
    the loader never holds more than one chunk."""
    import pyoxigraph as ox
    from rdflib import Literal, URIRef

    trims: list[int] = []
    monkeypatch.setattr(stores, "release_free_memory", lambda: trims.append(1))
    store = ox.Store()
    loader = stores.StoreLoader(store, chunk_bytes=2_000)
    for i in range(200):
        loader([(URIRef(f"http://example.org/s{i}"), URIRef("http://example.org/p"), Literal(f"值{i}"))])
        assert loader.size < 2_000
    loader.flush()
    assert len(store) == 200
    assert len(trims) >= 5
    monkeypatch.undo()
    stores.release_free_memory()  # a no-op where the C library has no malloc_trim; never an error
