"""How long the three pages of a 10,000-article build take to write and to open, and how big they are.

Run: .venv/bin/python benchmarks/bench_report.py [--copies 2000] [--build SEEDS_BUILD] [--big DIR] [--runs 5]
(prints seconds, sizes and the load average with each figure; no assertion). The 10,000-article
build is made from copies of the seeds' records (``--build``: a seeds build, else one is made) by
tests/report_sample.py ``copy_build``: each copy an article of its own (id, hash, title, sentences
marked with its number), through the build's own graph writer as the reduce step feeds it.
``--big DIR`` keeps that build (or reuses it when DIR already holds one: it takes ~15 min to make
on this machine). Then report.html, graph.html and map.html are written from it, each timed, and
each opened ``--runs`` times in headless Chromium (network cut off, as in the browser tests),
timed from navigation to the page's ready flag (report: the whole page parsed and its script
run); on the report, the rows behind its biggest number (every pair row: a table of 200 with their
sentences) are shown and timed too.
"""

from __future__ import annotations

import argparse
import os
import pickle
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))
sys.path.insert(0, str(REPO / "tests"))

from report_sample import copy_build  # noqa: E402
from screenshot_views import READY, start_browser  # noqa: E402

from kg.views.pages import build_pages  # noqa: E402
from kg.views.report_page import REPORT, write_report  # noqa: E402


def load() -> str:
    """The 1, 5 and 15 minute load averages (the machine is shared: figures mean little without)."""
    return "load " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def big_build(args: argparse.Namespace, work: Path) -> tuple[Path, object]:
    """The copies' build folder and its NetworkX projection (kept beside it in a pickle)."""
    big = args.big or work / "big"
    kept = big / "projection.pickle"
    if kept.is_file():
        print(f"reusing {big}")
        return big, pickle.loads(kept.read_bytes())
    seeds = args.build
    if seeds is None:
        from kg.pipeline import build

        seeds = work / "seeds"
        build([REPO / "seeds"], seeds)
    start = time.perf_counter()
    counts, projection = copy_build(seeds, big, args.copies)
    took = time.perf_counter() - start
    print(f"store of {args.copies} copies of the seeds: {counts} in {took:.0f} s ({load()})")
    kept.write_bytes(pickle.dumps(projection))
    return big, projection


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=2000, help="copies of the 5 seed articles")
    parser.add_argument("--build", type=Path, help="a seeds build to copy (else one is made)")
    parser.add_argument("--big", type=Path, help="keep (or reuse) the copies' build here")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kg-bench-report-"))
    try:
        big, projection = big_build(args, work)
        start = time.perf_counter()
        write_report(big)
        print(f"write report.html: {time.perf_counter() - start:.1f} s, "
              f"{(big / REPORT).stat().st_size / 1e6:.1f} MB ({load()})")  # fmt: skip
        start = time.perf_counter()
        pages = build_pages(projection)
        for name, html in pages.items():
            (big / name).write_text(html, encoding="utf-8")
        sizes = ", ".join(f"{n} {(big / n).stat().st_size / 1e6:.1f} MB" for n in pages)
        print(f"write graph.html and map.html: {time.perf_counter() - start:.1f} s, {sizes} ({load()})")
        driver, profile = start_browser(1400, 900)
        try:
            for name in (REPORT, *pages):
                for _ in range(args.runs):
                    start = time.perf_counter()
                    driver.get((big / name).as_uri())
                    while not driver.execute_script(READY):
                        time.sleep(0.02)
                    line = f"{name}: open {time.perf_counter() - start:.2f} s"
                    if name == REPORT:
                        start = time.perf_counter()
                        rows = driver.execute_script("location.hash = '#rows=pairs'; return kgReport.show();")
                        took = time.perf_counter() - start
                        line += f"; {rows:,} pair rows listed (200 drawn) in {took:.2f} s"
                    print(f"{line} ({load()})", flush=True)
        finally:
            driver.quit()
            shutil.rmtree(profile, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
