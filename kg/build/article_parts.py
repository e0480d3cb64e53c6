"""An article's part (``kg.graph.parts.ArticlePart``) made from its records, wherever they are.

The reduce makes the parts of the articles its own process mapped. A pool's or a cluster's worker
makes them itself (``with_parts``, in ``kg.build.executors``), so that the build's process
only replays each part — the rows, the Turtle fragment and the share were a tenth of the map's CPU
time and ran in the build's process, beside the two workers on two cores — and the records cross
between the processes as a few long strings instead of thousands of small objects (pickled and
unpickled: 0.37 CPU s per 200 bench articles, the parts 0.08).

A part depends on its article's records alone (not on the articles before it): a build replays
parts kept from other builds (``kg.build.reduce``) and writes the same bytes as one that made them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from kg.build.cache import Cache, article_row, part_key
from kg.build.records import FileRecords
from kg.graph.parts import ArticlePart
from kg.graph.rdf import GraphAssembler
from kg.graph.store import NTriples, fragment
from kg.records import Article, Mention, Relation


def entity_row(mention: Any) -> dict[str, Any]:
    """A mention as entities.jsonl holds it: its sentence by index into the article's sentences in
    articles.jsonl, where the text is — a row never repeats its sentence (a long one made every
    row of it as long)."""
    return mention.to_dict()


def record_lines(row: str, mentions: Iterable[Mention], relations: Iterable[Relation]) -> list[str]:
    """What the article adds to articles.jsonl (``row``), entities.jsonl and relations.jsonl."""
    entities = "".join(json.dumps(entity_row(m), ensure_ascii=False) + "\n" for m in mentions)
    found = "".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in relations)
    return [row, entities, found]


class PartMaker:
    """Parts of a few articles, away from the build's graph: the assembler's corpus-wide state is
    thrown away with the maker (the build's own assembler gets each part's share by replaying it),
    so a worker's memory does not grow with the articles it maps."""

    def __init__(self) -> None:
        self.assembler = GraphAssembler(_no_sink)
        self.ntriples = NTriples()

    def __call__(
        self, article: Article, mentions: list[Mention], relations: list[Relation], row: str
    ) -> ArticlePart:
        triples, part = self.assembler.article_part(article, mentions, relations)
        part.turtle = fragment(triples, self.ntriples)
        part.lines = record_lines(row, mentions, relations)
        return part


def _no_sink(part: Iterable[object]) -> None:
    raise RuntimeError("a part maker sends no triples anywhere")


def with_parts(files: list[FileRecords], cache: Cache | None) -> list[FileRecords]:
    """Each article of ``files`` with its part in place of its mentions and relations (an article
    that came with its part from the cache keeps it), the parts kept in the cache as the reduce
    keeps those it makes."""
    make = PartMaker()
    for item in (item for records in files for item in records.articles if item.part is None):
        row = article_row(item.article)
        part = make(item.article, item.mentions, item.relations, row).to_dict()
        if cache is not None:
            cache.put("parts", part_key(row), part)
        item.part, item.mentions, item.relations = part, [], []
    return files
