"""The reduce step: file records, in input order → the build's files.

Articles are admitted once (an article whose text was already read is skipped; a taken id gets
a suffix), then their records stream out as they come: rows to articles.jsonl, entities.jsonl
and relations.jsonl, triples into the store (``kg.graph.GraphWriter``). At the end Turtle and
GraphML are written from the store and the projection, and the views from the projection.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

from kg import views
from kg.build.records import FileRecords
from kg.graph import GraphWriter
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

    def __init__(self, out: Path, report: BuildReport, reporter: Reporter) -> None:
        self.out = Path(out)
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

    def _write(self, name: str, row: dict[str, Any]) -> None:
        self.files[name].write(json.dumps(row, ensure_ascii=False) + "\n")
        self.rows[name] += 1

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
            if article_id != item.article.id:
                item.rename(article_id)
            self.report.articles += 1
            self.from_cache += item.cached == "all"
            self._write("articles.jsonl", item.article.to_dict())
            for mention in item.mentions:
                self._write("entities.jsonl", entity_row(mention))
            for relation in item.relations:
                self._write("relations.jsonl", relation.to_dict())
            self.graph.add_article(item.article, item.mentions, item.relations)

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
