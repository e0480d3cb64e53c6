"""The reduce step: file records, in input order → the build's files.

Articles are admitted once (an article whose text was already read is skipped; a taken id gets
a suffix), then their records stream out as they come: rows to articles.jsonl, entities.jsonl
and relations.jsonl, triples into the store (``kg.graph.GraphWriter``). At the end Turtle and
GraphML are written from the store and the projection, and the views from the projection.

Each article's share — its rows, its triples, what it adds to the corpus-wide graph — is kept in
the build cache as its part (``kg.graph.parts``); an article that a later build reads again under
the same id comes with its part (``kg.build.worker``), which is written and replayed as it is, so
such a build costs for each unchanged article the reading of one entry, not its rows and triples
made again. A build whose inputs start with the previous build's goes on from that build
(``kg.build.extend``): its first articles are not read at all.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import IO, Any

from kg import views
from kg.build.article_parts import record_lines
from kg.build.cache import Cache, article_row, part_key
from kg.build.extend import Extension, SharesWriter
from kg.build.records import ArticleRecords, FileRecords
from kg.build.unchanged import TakenDigests
from kg.graph import GRAPHML, GraphWriter
from kg.graph.parts import ArticlePart
from kg.ingest.read import Admission
from kg.report import BuildReport, Entry, Reporter
from kg.views.report_page import write_report

JSONL = ("articles.jsonl", "entities.jsonl", "relations.jsonl")


# From this many articles on, a build with more than one worker writes report.html in a second
# process and an extending build starts the pool's fork server early (``kg.build.run``). Below it
# the second process's start (~0.45 CPU s: Python and the report's imports) costs more than it
# saves. Measured on bench articles (CPU s, loaded machine): the graph's close, the pages and the
# report 0.53 / 0.26 / ~0.5 at 200 articles, 1.16 / 1.48 / ~3.0 at 1,000; the replay of an
# extended build 0.31 at 200, 1.45 at 1,000.
APART_FROM_ARTICLES = 500


def report_process() -> ProcessPoolExecutor:
    """One process that imports what report.html needs at once, to write it from the store while
    this one writes the network pages: the two are the largest parts of the close. Spawned, not
    forked: the build's own process runs the store's and the progress bar's threads. A process
    that dies fails the build (``BrokenProcessPool``), it does not leave it waiting."""
    helper = ProcessPoolExecutor(
        1,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=importlib.import_module,
        initargs=("kg.views.report_page",),
    )
    helper.submit(os.getpid)  # starts it now: its imports overlap the graph's close
    return helper


class Reduce:
    """Writes one build into the (staging) folder ``out`` as file records arrive."""

    def __init__(
        self,
        out: Path,
        report: BuildReport,
        reporter: Reporter,
        cache: Cache | None = None,
        extension: Extension | None = None,
        *,
        report_apart: bool = False,
    ) -> None:
        self.out = Path(out)
        self.report_apart = report_apart  # report.html may be written by a second process (``close``)
        self.helper: ProcessPoolExecutor | None = None  # that process, once started
        self.digests = TakenDigests()  # of the files written, taken while that process works
        self.cache = cache  # where the articles' parts are kept
        self.report = report
        self.reporter = reporter
        self.admission = Admission()
        self.first_entries = (len(report.skipped), len(report.notices))  # the map's start after discovery
        self.from_cache = 0
        self.extended_from = 0  # articles of the previous build this one goes on from
        self.extended_files = 0  # and the files they came from
        # every article's share, for a later build that extends this one
        self.shares = SharesWriter(cache.root, extension) if cache is not None else None
        self.extended = extension is not None
        self.files: dict[str, IO[str]] = {}
        if extension is not None:
            try:
                self._extend(extension)
            except BaseException:
                self.abandon()
                raise
            return
        self.files = {
            name: open(self.out / name, "w", encoding="utf-8")  # noqa: SIM115 - closed in close/abandon
            for name in JSONL
        }
        self.rows = dict.fromkeys(JSONL, 0)
        self.graph = GraphWriter(self.out)

    def _extend(self, extension: Extension) -> None:
        """Start from the previous build: its rows, its graph, its admissions and its summary."""
        header = extension.header
        for name in JSONL:
            shutil.copyfile(extension.out / name, self.out / name)
        self.files = {
            name: open(self.out / name, "a", encoding="utf-8")  # noqa: SIM115 - closed in close/abandon
            for name in JSONL
        }
        self.rows = dict(header["rows"])
        if self.report_apart and header["articles"] >= APART_FROM_ARTICLES:
            # its start (Python and the report's imports) beside the replay and the pipeline's load,
            # where a core is idle, not beside the graph's close, which is on the critical path
            self.helper = report_process()
        self.graph = GraphWriter.extend(self.out, extension.out, header["turtle_end"])
        for share in extension.replay():
            self.graph.assembler.replay(ArticlePart.from_dict(share))
        ids, by_hash = header["admission"]
        self.admission.ids, self.admission.by_hash = set(ids), dict(by_hash)
        self.report.files_read += header["files_read"]
        self.report.articles += header["articles"]
        self.report.skipped.extend(Entry(*e) for e in header["skipped"])
        self.report.notices.extend(Entry(*e) for e in header["notices"])
        self.from_cache = self.extended_from = header["articles"]
        self.extended_files = header["files_read"]

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
            if self.shares is not None:
                self.shares.add(part.share())
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
        part = self.graph.add_article(item.article, item.mentions, item.relations)
        part.lines = record_lines(row, item.mentions, item.relations)
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
        apart = self.report_apart and self.report.articles >= APART_FROM_ARTICLES
        helper = self.helper or (report_process() if apart else None)
        try:
            counts, projection = self.graph.close_store()
            # report.html from the store, the second process's part, starts before graph.graphml
            report = helper.submit(write_report, self.out) if helper is not None else None
            counts[GRAPHML] = self.graph.write_graphml(projection)
            for name, count in counts.items():
                outputs[name] = f"{count:,} {'nodes' if name.endswith('.graphml') else 'triples'}"
            written = views.write_pages(projection, self.out)
            if self.cache is not None:  # a build with a cache keeps its files' digests in its manifest
                self.digests.take(self.out)  # every file but report.html is finished
            written.append(report.result() if report is not None else write_report(self.out))
        finally:
            self._stop_helper()
        for path in written:
            if path is not None:
                outputs[path.name] = "open it in a web browser"

    def save_state(self, key: str | None, inputs: list[list[str]], base: str) -> None:
        """Keep what a later build needs to extend this one (``kg.build.extend``), under ``key``."""
        if self.shares is None or self.cache is None:
            return
        if key is None:
            self.shares.discard()
            return
        skip, notice = self.first_entries
        header = {
            "base": base,
            "inputs": inputs,
            "articles": self.report.articles,
            "files_read": self.report.files_read,
            "skipped": [list(e) for e in self.report.skipped[skip:]],
            "notices": [list(e) for e in self.report.notices[notice:]],
            "rows": self.rows,
            "turtle_end": self.graph.articles_end,
            "admission": [sorted(self.admission.ids), self.admission.by_hash],
        }
        self.shares.save(self.cache.root, key, header)

    def _stop_helper(self) -> None:
        if self.helper is not None:
            self.helper.shutdown()
            self.helper = None

    def abandon(self) -> None:
        self._stop_helper()
        for fh in self.files.values():
            fh.close()
        if hasattr(self, "graph"):  # not when extending the previous build failed before it
            self.graph.abandon()
        if self.shares is not None:
            self.shares.discard()
