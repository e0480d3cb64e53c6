"""How long the HTML views of a 10,000-article-size graph take to write and to open in Chromium.

Run: .venv/bin/python benchmarks/bench_views.py [--articles 10000] [--runs 5]
(prints seconds, sizes and the load average with each figure; no assertion). The graph is the
tests' generated projection (tests/views_sample.py ``corpus_graph``: about 13,500 nodes and 25,000
links per 10,000 articles). Each page is opened ``--runs`` times in headless Chromium with the
network cut off (the browser tests' flags), timed from navigation to the page's ready flag
(network drawn, labels pulled apart, fitted); then a year filter and a pan are timed. Needs
Debian's chromium and chromedriver (tools/install-browser.sh).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "tools"))

from screenshot_views import READY, start_browser  # noqa: E402
from views_sample import corpus_graph  # noqa: E402

from kg import views  # noqa: E402


def load() -> str:
    """The 1, 5 and 15 minute load averages (the machine is shared: figures mean little without)."""
    return "load " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    graph = corpus_graph(args.articles)
    print(f"graph: {graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} links")
    out = Path(tempfile.mkdtemp(prefix="kg-bench-views-"))
    driver, profile = start_browser(1400, 900)
    try:
        start = time.perf_counter()
        written = views.write_views(graph, out)
        sizes = ", ".join(f"{p.name} {p.stat().st_size / 1e6:.1f} MB" for p in written)
        print(f"write_views: {time.perf_counter() - start:.2f} s; {sizes} ({load()})")
        for page in written:
            opens = []
            for _ in range(args.runs):
                start = time.perf_counter()
                driver.get(page.as_uri())
                while not driver.execute_script(READY):
                    time.sleep(0.02)
                opens.append(time.perf_counter() - start)
                print(f"{page.name}: open {opens[-1]:.2f} s ({load()})", flush=True)
            start = time.perf_counter()
            driver.execute_script(
                "var s = document.getElementById('kg-year-to'); s.selectedIndex = 0;"
                "s.dispatchEvent(new Event('change'));"
                "kgView.network.moveTo({position: {x: 300, y: 200}}); kgView.network.redraw();"
            )
            interact = time.perf_counter() - start
            print(f"{page.name}: open {min(opens):.2f}–{max(opens):.2f} s over {args.runs} runs; "
                  f"year filter and pan {interact:.2f} s ({load()})")  # fmt: skip
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
