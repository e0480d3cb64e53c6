"""The reduce step: file records, in input order → the build's files.

Articles are admitted once (an article whose text was already read is skipped; a taken id gets
a suffix), then their records stream out as they come: rows to articles.jsonl, entities.jsonl
and relations.jsonl, triples into the store (``kg.graph.GraphWriter``). At the end Turtle and
GraphML are written from the store and the projection, and the views from the projection.

Each article's share — its rows, its triples, what it adds to the corpus-wide graph — is kept in
the build cache as its part (``kg.graph.parts``); an article that a later build reads again under
the same id comes with its part (``kg.build.worker``), which is written and replayed as it is, so
such a build costs for each unchanged article the reading of one entry, not its rows and triples
made again.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

from kg import views
from kg.build.cache import Cache, article_row, part_key
from kg.build.records import ArticleRecords, FileRecords
from kg.graph import GraphWriter
from kg.graph.parts import ArticlePart
from kg.ingest.read import Admission
from kg.report import BuildReport, Reporter

JSONL = ("articles.jsonl", "entities.jsonl", "relations.jsonl")


def entity_row(mention: Any) -> dict[str, Any]:
    """A mention as entities.jsonl holds it: its sentence by index into the article's sentences in
    articles.jsonl, where the text is — a row never repeats its sentence (a long one made every
    row of it as long)."""
    return mention.to_dict()


class Reduce:
    """Writes one build into the (staging) folder ``out`` as file records arrive."""

    def __init__(
        self, out: Path, report: BuildReport, reporter: Reporter, cache: Cache | None = None
    ) -> None:
        self.out = Path(out)
        self.cache = cache  # where the articles' parts are kept
        self.report = report
        self.reporter = reporter
        self.admission = Admission()
        self.files: dict[str, IO[str]] = {
            name: open(self.out / name, "w", encoding="utf-8")  # noqa: SIM115 - closed in close/abandon
            for name in JSONL
        }
        self.rows = dict.fromkeys(JSONL, 0)
        self.graph = GraphWriter(self.out)
        self.from_cache = 0

    def add(self, records: FileRecords) -> None:
        """One file's records (in input order): skips and bad lines reported, articles written."""
        if records.skipped is not None:
            self.report.skip(records.path, records.skipped)  # listed once, in the summary
            return
        for where, why in records.problems:
            self.report.skip(where, why)
        for where, what in records.notices:
            self.report.notice(where, what)
        if records.articles:
            self.report.files_read += 1
        for item in records.articles:
            article_id = self.admission.admit(item.article, self.report)
            if article_id is None:
                continue
            self.report.articles += 1
            self.from_cache += item.cached == "all"
            part = self._part(item, article_id)
            for name, text in zip(JSONL, part.lines, strict=True):
                self.files[name].write(text)
                self.rows[name] += text.count("\n")

    def _part(self, item: ArticleRecords, article_id: str) -> ArticlePart:
        """The article's part, added to the graph: the one it came with, one kept under the id it
        takes in this build, or one made from its records (and kept in the cache)."""
        if article_id == item.article.id and item.part is not None:
            return self._replay(item.part)
        if article_id != item.article.id:
            if item.part is not None:  # kept under the id the article lost to an earlier one
                item.mentions, item.relations = ArticlePart.from_dict(item.part).records()
                item.part = None
            item.rename(article_id)
        row = article_row(item.article)
        key = part_key(row)
        kept = self.cache.get("parts", key) if self.cache is not None and item.cached == "all" else None
        if isinstance(kept, dict):
            return self._replay(kept)
        entities = "".join(json.dumps(entity_row(m), ensure_ascii=False) + "\n" for m in item.mentions)
        relations = "".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in item.relations)
        part = self.graph.add_article(item.article, item.mentions, item.relations)
        part.lines = [row, entities, relations]
        if self.cache is not None:
            self.cache.put("parts", key, part.to_dict())
        return part

    def _replay(self, kept: dict[str, Any]) -> ArticlePart:
        part = ArticlePart.from_dict(kept)
        self.graph.add_part(part)
        return part

    def close(self) -> None:
        """Finish every file: JSON Lines, graph.ttl, the store, graph.graphml, the views."""
        for fh in self.files.values():
            fh.close()
        outputs = self.report.outputs
        for name in JSONL:
            outputs[name] = f"{self.rows[name]:,} rows"
        counts, projection = self.graph.close()
        for name, count in counts.items():
            outputs[name] = f"{count:,} {'nodes' if name.endswith('.graphml') else 'triples'}"
        for path in views.write_views(projection, self.out):
            outputs[path.name] = "open it in a web browser"

    def abandon(self) -> None:
        for fh in self.files.values():
            fh.close()
