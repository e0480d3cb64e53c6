"""The map step: one input file → its articles' records, by a pure function of the file.

read and normalise → entities (nlp + link) → relations, each step skipped where the cache holds
its result. ``Stages`` holds what is costly to load (the spaCy pipeline, the gazetteer); a
process loads it once (``stages_for``), whether it is the build's own process, a pool worker or a
Dask worker, and only when some article is not in the cache.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg import collector
from kg.build.bound import relations_bounded
from kg.build.cache import Cache, article_key, article_row, file_key, fingerprints, part_key
from kg.build.records import ArticleRecords, FileRecords
from kg.ingest.read import FileRead
from kg.records import Article, Mention, Relation


@dataclass(frozen=True)
class BuildConfig:
    """What a worker needs to make the same records as any other: plain values, picklable."""

    model: str | None = None
    cache_dir: str | None = None  # None: no cache


class Stages:
    """The loaded pipeline of one process."""

    def __init__(self, config: BuildConfig) -> None:
        self.config = config
        self.cache = Cache(Path(config.cache_dir), fingerprints(config.model)) if config.cache_dir else None
        self._nlp: Any = None
        self._gazetteer: Any = None

    @property
    def nlp(self) -> Any:  # spacy.language.Language
        if self._nlp is None:
            from kg import nlp

            with collector.paused():
                self._nlp = nlp.load_pipeline(self.config.model)
            collector.freeze()  # loaded for good: no collection walks it again (kg.collector)
        return self._nlp

    @property
    def gazetteer(self) -> Any:  # kg.gazetteer.Gazetteer
        if self._gazetteer is None:
            from kg.gazetteer import load_gazetteer

            self._gazetteer = load_gazetteer()
            collector.freeze()
        return self._gazetteer

    def load(self) -> Stages:
        """Load everything now (before a timed or parallel part), not at the first article."""
        _ = self.nlp, self.gazetteer
        return self

    def entities(self, articles: list[Article]) -> list[list[Mention]]:
        """Each article's linked mentions; the nlp stage takes them together (its NER batched)."""
        from kg import link, nlp

        pipeline = self.nlp  # loaded first: its imports are made with the collector paused
        found = nlp.mentions_in_order(pipeline, articles)
        return [link.link_mentions(a, m, self.gazetteer) for a, m in zip(articles, found, strict=True)]

    def relations(self, article: Article, mentions: list[Mention]) -> list[Relation]:
        from kg import relate

        return relations_bounded(article, mentions, relate.extract_relations)


_LOADED: dict[BuildConfig, Stages] = {}
_LOCK = threading.Lock()


def stages_for(config: BuildConfig) -> Stages:
    """This process's Stages for ``config``, loaded at the first call (once per worker)."""
    with _LOCK:
        if config not in _LOADED:
            _LOADED[config] = Stages(config)
        return _LOADED[config]


def loaded_here(config: BuildConfig) -> bool:
    """Whether this process holds the pipeline of ``config`` loaded already (a long-lived process
    that builds again and again: ``kg watch``)."""
    stages = _LOADED.get(config)
    return stages is not None and stages._nlp is not None and stages._gazetteer is not None


def process_article(article: Article, stages: Stages) -> ArticleRecords:
    """Entities, links and relations of one article (from the cache where it has them)."""
    return process_articles([article], stages)[0]


def process_articles(articles: list[Article], stages: Stages) -> list[ArticleRecords]:
    """Entities, links and relations of each article, from the cache where it has them; the
    articles whose entities are not cached go through the nlp stage together. An article whose
    reduce part is cached comes with that part alone (the reduce needs nothing else of it)."""
    cache = stages.cache
    done: list[ArticleRecords | None] = [None] * len(articles)
    if cache:
        for i, article in enumerate(articles):
            part = cache.get("parts", part_key(article_row(article)))
            if isinstance(part, dict):
                done[i] = ArticleRecords(article, [], [], "all", part)
    rest = [i for i, found in enumerate(done) if found is None]
    for i, records in zip(rest, _process_articles([articles[i] for i in rest], stages), strict=True):
        done[i] = records
    return [records for records in done if records is not None]


def _process_articles(articles: list[Article], stages: Stages) -> list[ArticleRecords]:
    cache = stages.cache
    keys = [article_key(a) if cache else "" for a in articles]
    mentions: list[list[Mention] | None] = [None] * len(articles)
    for i, (article, key) in enumerate(zip(articles, keys, strict=True)):
        rows = cache.get("entities", key) if cache else None
        if rows is not None:
            mentions[i] = [Mention.from_dict({**row, "article_id": article.id}) for row in rows]
    todo = [i for i, found in enumerate(mentions) if found is None]
    for i, found in zip(todo, stages.entities([articles[i] for i in todo]) if todo else [], strict=True):
        mentions[i] = found
        if cache:
            cache.put("entities", keys[i], [_without_id(m.to_dict()) for m in found])
    done = set(todo)
    return [
        _with_relations(article, found or [], key, stages, "" if i in done else "entities")
        for i, (article, key, found) in enumerate(zip(articles, keys, mentions, strict=True))
    ]


def _with_relations(
    article: Article, mentions: list[Mention], key: str, stages: Stages, cached: str
) -> ArticleRecords:
    """The article's records with its relations, from the cache when its entities were cached
    and relate's fingerprint is unchanged."""
    cache = stages.cache
    rows = cache.get("relations", key) if cache and cached else None
    if rows is not None:
        relations = [Relation.from_dict({**row, "article_id": article.id}) for row in rows]
        cached = "all"
    else:
        relations = stages.relations(article, mentions)
        if cache:
            cache.put("relations", key, [_without_id(r.to_dict()) for r in relations])
    return ArticleRecords(article, mentions, relations, cached)


def _without_id(row: dict[str, Any]) -> dict[str, Any]:
    row.pop("article_id", None)
    return row


def read_file_cached(path: Path, stages: Stages) -> FileRead:
    """``kg.ingest.read_file``, or its result from the cache when the file's bytes are unchanged."""
    from kg.ingest import read_file

    cache = stages.cache
    if cache is None or not path.is_file():
        return read_file(path)
    try:
        key = file_key(path.read_bytes(), path.name)
    except OSError:
        return read_file(path)
    entry = cache.get("read", key)
    if entry is None:
        read = read_file(path)
        articles = [a.to_dict() for a in read.articles]
        cache.put("read", key, {"articles": articles, "problems": read.problems, "notices": read.notices})
        return read
    articles = [Article.from_dict({**row, "path": str(path)}) for row in entry["articles"]]
    pairs = {name: [(where, what) for where, what in entry.get(name, [])] for name in ("problems", "notices")}
    return FileRead(articles, pairs["problems"], pairs["notices"])


def process_file(path: str | Path, stages: Stages) -> FileRecords:
    """The map function: every article of one input file with its records, or why it gave none."""
    return process_paths([path], stages)[0]


def process_paths(paths: list[str] | list[Path], stages: Stages) -> list[FileRecords]:
    """The map function over a few files: each file's articles with their records, or why it
    gave none; the articles of all the files go through the nlp stage together."""
    from kg.ingest import SkipFile

    results: list[FileRecords] = []
    reads: list[tuple[int, FileRead]] = []
    for path in map(Path, paths):
        try:
            reads.append((len(results), read_file_cached(path, stages)))
            results.append(FileRecords(str(path)))
        except SkipFile as exc:
            results.append(FileRecords(str(path), skipped=str(exc)))
    records = iter(process_articles([a for _, read in reads for a in read.articles], stages))
    for index, (articles, problems, notices) in reads:
        result = results[index]
        result.articles = [next(records) for _ in articles]
        result.problems, result.notices = list(problems), list(notices)
    return results
