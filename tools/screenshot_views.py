#!/usr/bin/env python3
"""Screenshots of a build's HTML views for the README: docs/graph.png, docs/map.png, docs/report.png.

    .venv/bin/kg build seeds --out out
    .venv/bin/python tools/screenshot_views.py out --out docs

Drives Debian's headless Chromium through /usr/bin/chromedriver (tools/install-browser.sh
installs both and a CJK font) with the network cut off, as the browser tests do. On the network
page the mouse rests on the best-supported pairing, so the picture shows its evidence tooltip; on
the report, the rows behind the first bar of its donors-by-pairs chart are open under the summary,
so the picture shows their sentences.
"""

from __future__ import annotations

import argparse
import io
import shutil
import sys
import tempfile
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--proxy-server=127.0.0.1:9",
    "--host-resolver-rules=MAP * ~NOTFOUND",
)

# A DOM point on the pairing with the most articles (ties: on the official list, dated, then two or
# three evidence sentences rather than one or many, so the tooltip shows evidence without
# covering the picture; no pairing: any link), where no node or other link is in the way.
BEST_EDGE_POINT = """
function fit(e) { var n = e.kg.evidence.length; return n >= 2 && n <= 3 ? 2 : n === 1 ? 1 : 0; }
function dated(e) { return e.kg.evidence.some(function (ev) { return !!ev.date; }) ? 1 : 0; }
var edges = kgView.data.edges.slice().sort(function (a, b) {
  return ((b.kg.type === "pairing") - (a.kg.type === "pairing")) || (b.kg.articles - a.kg.articles) ||
    (b.kg.official - a.kg.official) || (dated(b) - dated(a)) || (fit(b) - fit(a));
});
var net = kgView.network, body = net.body;
for (var i = 0; i < edges.length; i++) {
  var ts = [0.5, 0.4, 0.6, 0.3, 0.7];
  for (var k = 0; k < ts.length; k++) {
    var p = body.edges[edges[i].id].edgeType.getPoint(ts[k]);
    var box = {left: p.x, right: p.x, top: p.y, bottom: p.y};
    if (body.nodeIndices.some(function (n) { return body.nodes[n].isOverlappingWith(box); })) continue;
    var last = null;
    body.edgeIndices.forEach(function (e) { if (body.edges[e].isOverlappingWith(box)) last = e; });
    if (last === edges[i].id) return net.canvasToDOM(p);
  }
}
return null;
"""


def start_browser(width: int, height: int) -> tuple[webdriver.Chrome, str]:
    profile = tempfile.mkdtemp(prefix="kg-shots-")
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in (*FLAGS, f"--window-size={width},{height}", f"--user-data-dir={profile}"):
        options.add_argument(flag)
    service = Service(executable_path="/usr/bin/chromedriver")
    return webdriver.Chrome(service=service, options=options), profile


READY = "return !!((window.kgView && kgView.ready) || (window.kgReport && kgReport.ready))"


def shoot(driver: webdriver.Chrome, page: Path, target: Path, hover_best_edge: bool) -> None:
    driver.get(page.resolve().as_uri())
    WebDriverWait(driver, 60).until(lambda d: d.execute_script(READY))
    if hover_best_edge:
        point = driver.execute_script(BEST_EDGE_POINT)
        if point:
            canvas = driver.find_element(By.CSS_SELECTOR, "#kg-network canvas")
            dx = round(point["x"] - canvas.size["width"] / 2)
            dy = round(point["y"] - canvas.size["height"] / 2)
            ActionChains(driver).move_to_element_with_offset(canvas, dx - 3, dy).perform()
            ActionChains(driver).move_to_element_with_offset(canvas, dx, dy).perform()
            WebDriverWait(driver, 10).until(
                lambda d: d.execute_script(
                    "var t = document.querySelector('div.vis-tooltip');"
                    "return !!t && getComputedStyle(t).visibility === 'visible';"
                )
            )
    if driver.execute_script("return !!window.kgReport"):
        # the rows behind the first bar of the donors-by-pairs chart, under the summary
        driver.execute_script(
            "var a = document.querySelector('svg.chart a[href^=\"#rows=pairs&donor=\"]');"
            "if (a) location.hash = a.getAttribute('href');"
        )
        WebDriverWait(driver, 10).until(
            lambda d: d.execute_script("return !document.getElementById('rows').hidden")
        )
        time.sleep(0.3)  # the page scrolls to the rows on hashchange; the picture starts at the top
        driver.execute_script("window.scrollTo(0, 0)")
    target.parent.mkdir(parents=True, exist_ok=True)
    save_small_png(driver.get_screenshot_as_png(), target)
    print(f"{target} ({target.stat().st_size // 1024} KB)")


def save_small_png(png: bytes, target: Path) -> None:
    """A 256-colour PNG: the views are flat colours and anti-aliased text, so a palette keeps
    them sharp at a fraction of the size (the README's pictures stay well under 300 KB). The
    octree method keeps rare colours (a legend swatch) that median cut merges away."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE).save(
        target, optimize=True
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build", type=Path, help="a build folder holding graph.html, map.html, report.html")
    parser.add_argument("--out", type=Path, default=Path("docs"), help="where to write the PNGs")
    parser.add_argument("--size", default="1400x900", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--no-hover", action="store_true", help="no evidence tooltip on the network shot")
    args = parser.parse_args(argv)
    pages = [args.build / "graph.html", args.build / "map.html", args.build / "report.html"]
    missing = [str(p) for p in pages if not p.is_file()]
    if missing:
        print(f"missing: {', '.join(missing)} (run `kg build … --out {args.build}` first)", file=sys.stderr)
        return 1
    width, height = (int(x) for x in args.size.lower().split("x"))
    driver, profile = start_browser(width, height)
    try:
        shoot(driver, pages[0], args.out / "graph.png", hover_best_edge=not args.no_hover)
        shoot(driver, pages[1], args.out / "map.png", hover_best_edge=False)
        shoot(driver, pages[2], args.out / "report.png", hover_best_edge=False)
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
