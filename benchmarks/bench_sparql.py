#!/usr/bin/env python3
"""SPARQL on the embedded pyoxigraph store vs rdflib's in-memory Graph, on ~200,000 triples.

The graph is made by building many copies of the seeds: the articles, mentions and relations
of one seeds build (its articles.jsonl, entities.jsonl, relations.jsonl) are replicated with
renamed article ids and run through ``kg.graph.build_graph`` as one corpus, so places and
organisations are shared between the copies as they would be in a large real corpus. The graph
is written with ``write_graph`` (Turtle, persistent store, GraphML) and the same stock query is
run on the store (opened read-only from disk) and on the rdflib Graph; the script prints the
timings and their ratio. rdflib's evaluation of some presets grows much worse than linearly
(``pairings``, with its OPTIONAL paths, took 100 s on 28,000 triples, against 27 s on 7,700), so
each rdflib run gets a time limit (``--rdflib-timeout``) in a forked process; a run that hits
it is reported as a lower bound (``>``) on the ratio.

    .venv/bin/python benchmarks/bench_sparql.py                 # builds the seeds first
    .venv/bin/python benchmarks/bench_sparql.py --build out     # reuse a seeds build
    .venv/bin/python benchmarks/bench_sparql.py --preset pairings --preset helper-orgs
    .venv/bin/python benchmarks/bench_sparql.py --compare-turtle   # and rdflib's Turtle writer
"""

from __future__ import annotations

import argparse
import dataclasses
import multiprocessing
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kg import graph as kg_graph  # noqa: E402
from kg import query as kg_query  # noqa: E402
from kg.io import read_jsonl  # noqa: E402
from kg.records import Article, Mention, Relation  # noqa: E402

Records = tuple[list[Article], dict[str, list[Mention]], list[Relation]]


def read_build(build_dir: Path) -> Records:
    """The records a build wrote: articles, linked mentions (entities.jsonl) and relations."""
    articles = read_jsonl(build_dir / "articles.jsonl", Article.from_dict)
    mentions: dict[str, list[Mention]] = defaultdict(list)
    for mention in read_jsonl(build_dir / "entities.jsonl", Mention.from_dict):
        mentions[mention.article_id].append(mention)
    relations = read_jsonl(build_dir / "relations.jsonl", Relation.from_dict)
    return articles, dict(mentions), relations


def replicate(records: Records, copies: int) -> Records:
    """``copies`` copies of a corpus, each article (and what refers to it) under a new id."""
    articles, mentions, relations = records
    out_articles: list[Article] = []
    out_mentions: dict[str, list[Mention]] = {}
    out_relations: list[Relation] = []
    for i in range(copies):

        def rename(article_id: str, i: int = i) -> str:
            return f"{article_id}~copy{i:04d}"

        for article in articles:
            out_articles.append(dataclasses.replace(article, id=rename(article.id)))
            out_mentions[rename(article.id)] = [
                dataclasses.replace(m, article_id=rename(article.id)) for m in mentions.get(article.id, [])
            ]
        out_relations.extend(dataclasses.replace(r, article_id=rename(r.article_id)) for r in relations)
    return out_articles, out_mentions, out_relations


def timed(run: Callable[[], int], repeat: int) -> tuple[float, int]:
    """Best seconds of ``repeat`` runs (as for rdflib: the run least disturbed by other work on
    the machine), and the row count of the last run."""
    times, rows = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        rows = run()
        times.append(time.perf_counter() - start)
    return min(times), rows


_FORKED_QUERY: Callable[[], int] | None = None  # what the forked child runs (inherited, not pickled)


def _run_forked(connection: Connection, repeat: int) -> None:
    assert _FORKED_QUERY is not None
    for _ in range(repeat):
        start = time.perf_counter()
        rows = _FORKED_QUERY()
        connection.send((time.perf_counter() - start, rows))


def timed_with_limit(run: Callable[[], int], repeat: int, limit: float) -> tuple[float, int | None]:
    """Best seconds of up to ``repeat`` runs in a forked process, and the rows; (limit, None) when
    not even one run ends within ``limit`` seconds.

    Forking shares the rdflib graph with the child as it is, without copying or pickling it. The
    first run also pays for copying the memory pages it touches; the best of several runs does not.
    """
    global _FORKED_QUERY
    _FORKED_QUERY = run
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_run_forked, args=(sender, repeat), daemon=True)
    deadline = time.monotonic() + limit
    child.start()
    results: list[tuple[float, int]] = []
    try:
        while len(results) < repeat and receiver.poll(max(0.0, deadline - time.monotonic())):
            results.append(receiver.recv())
    finally:
        if child.is_alive():
            child.terminate()
        child.join()
        _FORKED_QUERY = None
    if not results:
        return limit, None
    return min(seconds for seconds, _ in results), results[-1][1]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--build", type=Path, help="a seeds build folder to take the records from")
    parser.add_argument(
        "--seeds", type=Path, default=REPO / "seeds", help="articles to build when no --build"
    )
    parser.add_argument("--triples", type=int, default=200_000, help="about how many triples to make")
    parser.add_argument(
        "--preset", action="append", help="stock query to time (repeatable; default pairings)"
    )
    parser.add_argument("--repeat", type=int, default=5, help="runs per query on the store (best)")
    parser.add_argument("--rdflib-repeat", type=int, default=3, help="runs per query on rdflib (best)")
    parser.add_argument(
        "--rdflib-timeout", type=float, default=300.0, help="seconds the rdflib runs of one query may take"
    )
    parser.add_argument(
        "--compare-turtle", action="store_true", help="also time rdflib's Turtle serialiser on the graph"
    )
    args = parser.parse_args()
    presets = args.preset or ["pairings", "helper-orgs", "funds-by-donor"]

    with tempfile.TemporaryDirectory(prefix="bench-sparql-") as tmp:
        build_dir = args.build
        if build_dir is None:
            from kg.pipeline import build

            build_dir = Path(tmp) / "seeds"
            start = time.perf_counter()
            build([args.seeds], build_dir)
            print(f"built the seeds in {time.perf_counter() - start:.1f} s")
        records = read_build(build_dir)
        # Places and organisations are shared between copies: size a copy by what a second one adds.
        one_copy = len(kg_graph.build_graph(*records))
        per_copy = len(kg_graph.build_graph(*replicate(records, 2))) - one_copy
        if per_copy <= 0:
            sys.exit("the build holds no articles to copy")
        copies = max(1, 1 + round((args.triples - one_copy) / per_copy))
        print(
            f"one copy: {len(records[0])} articles, {len(records[2])} relations, {one_copy} triples"
            f" ({per_copy} more per further copy); making {copies} copies"
        )

        start = time.perf_counter()
        rdf = kg_graph.build_graph(*replicate(records, copies))
        print(f"build_graph: {len(rdf):,} triples in {time.perf_counter() - start:.1f} s")
        start = time.perf_counter()
        written = kg_graph.write_graph(rdf, Path(tmp) / "big")
        print(f"write_graph (Turtle + store + GraphML): {written} in {time.perf_counter() - start:.1f} s")
        if args.compare_turtle:
            seconds, done = timed_with_limit(
                lambda: len(rdf.serialize(format="turtle", encoding="utf-8")), 1, args.rdflib_timeout
            )
            shown = f"{seconds:.1f} s" if done is not None else f"more than {seconds:.0f} s"
            print(f"rdflib's own Turtle serialiser on the same graph (not used by the build): {shown}")

        store = kg_query.open_store(Path(tmp) / "big")
        print(
            f"\nSPARQL on {len(rdf):,} triples: pyoxigraph store (best of {args.repeat} runs) vs rdflib"
            f" Graph (best of {args.rdflib_repeat} runs within {args.rdflib_timeout:.0f} s)"
        )
        print(f"{'preset':<18}{'rows':>8}{'pyoxigraph (s)':>16}{'rdflib (s)':>12}{'ratio':>10}")
        for name in presets:
            text = kg_query.preset(name).text
            ox_seconds, ox_rows = timed(lambda text=text: len(kg_query.select_rows(store, text)), args.repeat)
            rdflib_seconds, rdflib_rows = timed_with_limit(
                lambda text=text: len(list(rdf.query(text))), args.rdflib_repeat, args.rdflib_timeout
            )
            ratio = rdflib_seconds / ox_seconds if ox_seconds else float("inf")
            if rdflib_rows is None:
                shown_rdflib, shown_ratio = f">{rdflib_seconds:.0f}", f">{ratio:.0f}x"
            else:
                shown_rdflib, shown_ratio = f"{rdflib_seconds:.3f}", f"{ratio:.1f}x"
                if rdflib_rows != ox_rows:
                    print(f"  warning: {name}: pyoxigraph gave {ox_rows} rows, rdflib {rdflib_rows}")
            print(f"{name:<18}{ox_rows:>8}{ox_seconds:>16.4f}{shown_rdflib:>12}{shown_ratio:>10}", flush=True)


if __name__ == "__main__":
    main()
