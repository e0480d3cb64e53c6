"""CPU seconds of each stage of the map step (read, nlp, link, relate's rules, the learned readers)
over the articles of a folder, in this process and without a cache — where a build's per-article
time goes, measured in CPU time (a shared machine's wall time says little).

Run: .venv/bin/python benchmarks/bench_stages.py FOLDER [--repeat 2]

It prints, for the best of ``--repeat`` passes, each stage's CPU seconds, milliseconds per article
and share, the normalised characters per CPU second of the whole map step (start-up excluded), and a
digest of every mention and relation: the same digest before and after a change means the change
left the records as they were.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from pathlib import Path

from kg import link, nlp, relate
from kg.build.worker import BuildConfig, Stages
from kg.ingest import read_file
from kg.learn.tasks import installed_readers
from kg.records import Article

GROUP = 8  # articles through the nlp stage together (as a build's task batches them)
STAGES = ("read", "nlp", "link", "rules", "readers")


def one_pass(paths: list[Path], stages: Stages) -> tuple[dict[str, float], int, str]:
    """Each stage's CPU seconds over ``paths``, their characters and the records' digest."""
    clock = time.process_time
    spent = dict.fromkeys(STAGES, 0.0)
    digest = hashlib.sha256()
    start = clock()
    articles: list[Article] = [a for path in paths for a in read_file(path).articles]
    spent["read"] = clock() - start
    for i in range(0, len(articles), GROUP):
        group = articles[i : i + GROUP]
        start = clock()
        found = nlp.mentions_in_order(stages.nlp, group)
        spent["nlp"] += clock() - start
        for article, mentions in zip(group, found, strict=True):
            start = clock()
            linked = link.link_mentions(article, mentions, stages.gazetteer)
            spent["link"] += clock() - start
            start = clock()
            ctx = relate.rule_context(article, linked)
            spent["rules"] += clock() - start
            start = clock()
            for reader, model in installed_readers():
                reader.apply(ctx, model)
            spent["readers"] += clock() - start
            for record in [*linked, *ctx.relations]:
                digest.update(json.dumps(record.to_dict(), ensure_ascii=False, sort_keys=True).encode())
    return spent, sum(len(a.text) for a in articles), digest.hexdigest()[:16]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=2, help="passes; the best is printed")
    args = parser.parse_args()
    paths = sorted(p for p in args.folder.rglob("*") if p.is_file())
    start = time.process_time()
    stages = Stages(BuildConfig()).load()
    print(f"start-up {time.process_time() - start:.2f} CPU s; {len(paths)} files")
    best: dict[str, float] | None = None
    for _ in range(args.repeat):
        spent, chars, digest = one_pass(paths, stages)
        if best is None or sum(spent.values()) < sum(best.values()):
            best = spent
    assert best is not None
    total = sum(best.values())
    print(f"map {total:.2f} CPU s = {chars / total:,.0f} normalised characters per CPU second")
    for name in STAGES:
        per_file = 1000 * best[name] / len(paths)
        print(f"  {name:8s} {best[name]:6.2f} s  {per_file:6.1f} ms/file  {best[name] / total:5.1%}")
    print(f"records digest {digest}")


if __name__ == "__main__":
    main()
