"""Throughput of the entity stage (kg.nlp.find_mentions) beside plain jieba on the same text.

Run: .venv/bin/python benchmarks/bench_entities.py [--all-sentences] [--profile]
Prints characters per second of both and their time ratio (no assertion; the target of
issue 3 is a ratio within 10×). Two corpora of about 1 MB (UTF-8) each:

* CLUENER: the sentences of CLUENER2020 train.jsonl (../shared/data/cluener), grouped into
  articles of ~2,500 characters. Every sentence is distinct, so no cache flatters the figure;
  news-style text dense in company and organisation names (many cue sentences).
* seeds: the five seed articles, normalised by the ingest stage, repeated. The field's own
  text, but repeated clauses hit kg.nlp's word-edge cache, so this figure is the kinder one.

``--all-sentences`` also times the statistical NER on every sentence (no cue gating), to show
what the gating buys. Pipeline loading is timed apart: it is paid once per build.
"""

from __future__ import annotations

import cProfile
import json
import pstats
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import jieba

from kg import ingest, nlp
from kg.ingest import split_sentences
from kg.pipeline import BuildReport, QuietReporter
from kg.records import Article

REPO = Path(__file__).resolve().parents[1]
CLUENER_TRAIN = REPO.parent / "shared" / "data" / "cluener" / "train.jsonl"
TARGET_BYTES = 1_000_000
ARTICLE_CHARS = 2_500


def cluener_articles() -> list[Article]:
    texts = [json.loads(line)["text"] for line in CLUENER_TRAIN.read_text(encoding="utf-8").splitlines()]
    articles: list[Article] = []
    size, current = 0, ""
    for text in texts:
        current += text if text.endswith(("。", "！", "？")) else text + "。"
        if len(current) >= ARTICLE_CHARS:
            articles.append(_article(f"cluener-{len(articles)}", current))
            size += len(current.encode("utf-8"))
            current = ""
            if size >= TARGET_BYTES:
                break
    return articles


def seed_articles() -> list[Article]:
    paths = ingest.discover([str(REPO / "seeds")])
    seeds = ingest.read_articles(paths, BuildReport(), QuietReporter())
    articles: list[Article] = []
    size = 0
    while size < TARGET_BYTES:
        seed = seeds[len(articles) % len(seeds)]
        articles.append(Article(id=f"seed-{len(articles)}", text=seed.text, sentences=seed.sentences))
        size += len(seed.text.encode("utf-8"))
    return articles


def _article(article_id: str, text: str) -> Article:
    return Article(id=article_id, text=text, sentences=split_sentences(text))


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def measure(name: str, articles: Sequence[Article], pipelines: dict[str, object]) -> None:
    chars = sum(len(a.text) for a in articles)
    megabytes = sum(len(a.text.encode("utf-8")) for a in articles) / 1e6
    print(f"\n{name}: {len(articles)} articles, {chars:,} characters ({megabytes:.2f} MB UTF-8)")
    jieba_seconds = timed(lambda: [jieba.lcut(a.text) for a in articles])
    print(f"  {'jieba.lcut':<28}{jieba_seconds:8.2f} s {chars / jieba_seconds:12,.0f} chars/s")
    for label, pipeline in pipelines.items():
        seconds = timed(lambda p=pipeline: nlp.find_mentions(p, articles))  # type: ignore[misc]
        ratio = seconds / jieba_seconds
        print(f"  {label:<28}{seconds:8.2f} s {chars / seconds:12,.0f} chars/s  {ratio:5.1f}× jieba's time")


def main() -> None:
    jieba.setLogLevel(60)
    jieba.initialize()
    start = time.perf_counter()
    pipelines: dict[str, object] = {"entity stage (cued NER)": nlp.load_pipeline()}
    print(f"pipeline load (gazetteer, patterns, model): {time.perf_counter() - start:.1f} s")
    if "--all-sentences" in sys.argv:
        pipelines["entity stage (NER everywhere)"] = nlp.load_pipeline(all_sentences=True)
    warm = seed_articles()[:5]
    for pipeline in pipelines.values():
        nlp.find_mentions(pipeline, warm)  # type: ignore[arg-type]
    corpora: list[tuple[str, list[Article]]] = []
    if CLUENER_TRAIN.exists():
        corpora.append(("CLUENER train sentences", cluener_articles()))
    else:
        print(f"({CLUENER_TRAIN} not found: CLUENER corpus skipped)")
    corpora.append(("seeds, repeated", seed_articles()))
    for name, articles in corpora:
        measure(name, articles, pipelines)
    if "--profile" in sys.argv:
        profile = cProfile.Profile()
        profile.runcall(nlp.find_mentions, pipelines["entity stage (cued NER)"], corpora[0][1])
        pstats.Stats(profile).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
