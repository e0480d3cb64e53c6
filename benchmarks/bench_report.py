"""How long report.html takes to write and to open for a 10,000-article build, and how big it is.

Run: .venv/bin/python benchmarks/bench_report.py [--copies 2000] [--build out]
(prints seconds and sizes; no assertion). The build is made from copies of the seeds' records
(``--build``: a seeds build, else one is made): each copy's articles get new ids and hashes and go
through the build's own graph writer (``kg.graph.GraphWriter``: the store, graph.ttl, GraphML
and the projection), as the reduce step feeds it; then the views are written from the projection
and report.html is opened in headless Chromium (network cut off, as in the browser tests), timed
from navigation to the page's ready flag, and a number's rows are shown.
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))
sys.path.insert(0, str(REPO / "benchmarks"))

from bench_sparql import read_build  # noqa: E402
from screenshot_views import READY, start_browser  # noqa: E402

from kg import views  # noqa: E402
from kg.graph import GraphWriter  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=2000, help="copies of the 5 seed articles")
    parser.add_argument("--build", type=Path, help="a seeds build to copy (else one is made)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kg-bench-report-"))
    try:
        seeds = args.build
        if seeds is None:
            from kg.pipeline import build

            seeds = work / "seeds"
            build([REPO / "seeds"], seeds)
        articles, mentions, relations = read_build(seeds)
        out = work / "big"
        out.mkdir()
        start = time.perf_counter()
        writer = GraphWriter(out)
        for i in range(args.copies):
            for article in articles:
                new_id = f"{article.id}~{i:05d}"
                copy = dataclasses.replace(article, id=new_id, content_hash=f"{article.content_hash}{i:05d}")
                copy_mentions = [
                    dataclasses.replace(m, article_id=new_id) for m in mentions.get(article.id, [])
                ]
                copy_relations = [
                    dataclasses.replace(r, article_id=new_id) for r in relations if r.article_id == article.id
                ]
                writer.add_article(copy, copy_mentions, copy_relations)
        counts, projection = writer.close()
        took = time.perf_counter() - start
        print(f"graph of {args.copies * len(articles):,} articles: {counts} in {took:.1f} s")
        start = time.perf_counter()
        written = views.write_views(projection, out)
        print(f"write_views: {time.perf_counter() - start:.1f} s; " +
              ", ".join(f"{p.name} {p.stat().st_size / 1e6:.1f} MB" for p in written))  # fmt: skip
        report = out / "report.html"
        driver, profile = start_browser(1400, 900)
        try:
            for _ in range(3):
                start = time.perf_counter()
                driver.get(report.as_uri())
                while not driver.execute_script(READY):
                    time.sleep(0.02)
                opened = time.perf_counter() - start
                start = time.perf_counter()
                shown = driver.execute_script("location.hash = '#rows=pairs'; return kgReport.show();")
                print(f"report.html: open {opened:.2f} s; {shown:,} pair rows listed (200 drawn) in "
                      f"{time.perf_counter() - start:.2f} s")  # fmt: skip
        finally:
            driver.quit()
            shutil.rmtree(profile, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
