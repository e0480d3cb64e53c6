"""The HTML views in a real browser: headless Chromium (Debian's chromium + chromium-driver,
driven by selenium through /usr/bin/chromedriver so nothing is downloaded), with the network
cut off (a dead proxy, every host name unresolvable) and the pages loaded from file://.

Skipped only when Chromium or its driver is not installed; tools/install-browser.sh installs them.
"""

from __future__ import annotations

import io
import json
import shutil
import tempfile
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from test_views import (
    ORG,
    PLACE,
    PROJECT,
    XSS_ORG,
    XSS_SENTENCE,
    pid,
    sample_graph,
)

from kg import views

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason="needs Debian's chromium and chromium-driver (run tools/install-browser.sh)",
)

OFFLINE_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--proxy-server=127.0.0.1:9",  # a dead port: any request that slips through fails
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--window-size=1400,900",
)


@pytest.fixture(scope="module")
def driver() -> Iterator[object]:
    yield from offline_chromium()


def offline_chromium() -> Iterator[object]:
    """A headless Chromium with the network cut off, quit (and its profile removed) at the end."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="kg-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*OFFLINE_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    options.set_capability("unhandledPromptBehavior", "ignore")  # an alert must stay visible to us
    browser = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        yield browser
    finally:
        browser.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("views-browser")
    views.write_views(sample_graph(), out)
    return out


def open_page(driver, path: Path) -> list[dict]:
    """Load a page, wait until the network has drawn, and return the console entries."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get_log("browser")  # drop what earlier pages logged
    driver.get(path.as_uri())
    ready = "return !!(window.kgView && kgView.ready)"
    WebDriverWait(driver, 30, poll_frequency=0.05).until(lambda d: d.execute_script(ready))
    return driver.get_log("browser")


def assert_nothing_ran(driver) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    assert driver.execute_script("return typeof window.__xss") == "undefined"
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018 - reading it is the check
    assert driver.execute_script("return document.querySelectorAll('img').length") == 0


def hover(driver, dom_point: dict) -> str:
    """Move the mouse onto a canvas point (DOM pixels) and return the tooltip's text."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    canvas = driver.find_element(By.CSS_SELECTOR, "#kg-network canvas")
    size = canvas.size
    dx, dy = round(dom_point["x"] - size["width"] / 2), round(dom_point["y"] - size["height"] / 2)
    ActionChains(driver, duration=20).move_to_element_with_offset(canvas, dx - 3, dy).perform()
    ActionChains(driver, duration=20).move_to_element_with_offset(canvas, dx, dy).perform()
    WebDriverWait(driver, 10, poll_frequency=0.05).until(
        lambda d: d.execute_script(
            "var t = document.querySelector('div.vis-tooltip');"
            "return !!t && getComputedStyle(t).visibility === 'visible' && t.textContent.length > 0;"
        )
    )
    return driver.execute_script("return document.querySelector('div.vis-tooltip').textContent")


def edge_id(driver, donor: str, recipient: str) -> str:
    return driver.execute_script(
        "return kgView.data.edges.find(x => x.from === arguments[0] && x.to === arguments[1]).id",
        donor,
        recipient,
    )


def node_point(driver, node: str) -> dict:
    return driver.execute_script(
        "return kgView.network.canvasToDOM(kgView.network.getPosition(arguments[0]));", node
    )


def drawn_pixels(driver) -> int:
    """Pixels of the network canvas that are not the white background."""
    from PIL import Image
    from selenium.webdriver.common.by import By

    png = driver.find_element(By.CSS_SELECTOR, "#kg-network canvas").screenshot_as_png
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)
    return int((pixels.sum(axis=2) < 3 * 235).sum())


@pytest.mark.parametrize("page", ["graph.html", "map.html"])
def test_page_draws_offline_without_errors(driver, built: Path, page: str) -> None:
    log = open_page(driver, built / page)
    errors = [entry for entry in log if entry["level"] == "SEVERE"]
    assert errors == []
    # nothing was fetched: every script and style is in the page
    assert driver.execute_script("return performance.getEntriesByType('resource').length") == 0
    graph = sample_graph()
    counts = driver.execute_script(
        "return [kgView.nodes.length, kgView.network.body.nodeIndices.length,"
        " kgView.edges.length, kgView.network.body.edgeIndices.length]"
    )
    assert counts == [graph.number_of_nodes()] * 2 + [graph.number_of_edges()] * 2
    assert drawn_pixels(driver) > 5000  # nodes, arrows and labels, not a blank canvas
    legend = driver.execute_script("return document.getElementById('kg-legend').textContent")
    assert "eastern" in legend and "western" in legend and "organisation" in legend
    assert_nothing_ran(driver)


@pytest.mark.parametrize("page", ["graph.html", "map.html"])
def test_hovering_an_edge_shows_its_evidence(driver, built: Path, page: str) -> None:
    open_page(driver, built / page)
    text = hover_edge(driver, edge_id(driver, pid(PLACE + "350100"), pid(PLACE + "640400")))
    assert text is not None
    assert "福州市 → 固原市" in text and "1.5亿元" in text and "3 article(s)" in text
    for i, sentence in enumerate(
        [
            "福州市与固原市开展东西部扶贫协作。",
            "福州市对口帮扶固原市，投入资金1.5亿元。",
            "福州固原携手推进产业合作。",
        ],
        start=1,
    ):
        assert sentence in text and f"闽宁协作新闻{i}" in text
    assert "2020-02-01" in text


@pytest.mark.parametrize("page", ["graph.html", "map.html"])
def test_markup_in_articles_shows_as_text_and_runs_nothing(driver, built: Path, page: str) -> None:
    open_page(driver, built / page)
    text = hover_edge(driver, edge_id(driver, pid(ORG + "a"), pid(PLACE + "640422")))
    assert text is not None
    assert XSS_SENTENCE in text  # shown literally, tags and all
    assert_nothing_ran(driver)
    text = hover(driver, node_point(driver, pid(ORG + "b")))
    assert XSS_ORG in text
    assert_nothing_ran(driver)
    assert driver.execute_script("return document.querySelectorAll('script').length") == 3


def visible_labels(driver) -> set[str]:
    return set(driver.execute_script("return kgView.nodes.get({filter: n => !n.hidden}).map(n => n.kg.name)"))


def test_search_and_filters_hide_the_rest(driver, built: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    open_page(driver, built / "graph.html")
    search = driver.find_element(By.ID, "kg-search")
    search.send_keys("固原")
    assert visible_labels(driver) == {"固原市", "福州市"}
    assert "2 / 13 nodes, 1 / 8 links shown" in driver.find_element(By.ID, "kg-count").text
    search.clear()
    driver.execute_script("kgView.applyFilters(false)")  # clear() sends no input event
    assert len(visible_labels(driver)) == 13
    Select(driver.find_element(By.ID, "kg-link")).select_by_value("pairing:intra-province")
    assert visible_labels(driver) == {"温州市", "平阳县"}
    Select(driver.find_element(By.ID, "kg-link")).select_by_value("")
    Select(driver.find_element(By.ID, "kg-level")).select_by_value("county")
    # county places, plus the organisation linked to one; no prefecture or province
    assert visible_labels(driver) == {"福清市", "西吉县", "平阳县", "福建<script>alert(1)</script>集团"}
    driver.find_element(By.ID, "kg-reset").click()
    assert len(visible_labels(driver)) == 13
    assert driver.execute_script("return kgView.edges.get({filter: e => e.hidden}).length") == 0
    assert pid(PROJECT + "p1") in driver.execute_script("return kgView.nodes.getIds()")


def test_large_graph_page_is_fixed_reduced_and_says_so(driver, tmp_path: Path) -> None:
    from test_views import large_graph

    graph = large_graph(counties=560, towns_per_county=1)  # 1121 nodes
    views.write_views(graph, tmp_path)
    limit = views.load_style()["limits"]["max_nodes"]
    for page in ("graph.html", "map.html"):
        log = open_page(driver, tmp_path / page)
        assert [entry for entry in log if entry["level"] == "SEVERE"] == []
        assert driver.execute_script("return kgView.network.physics.physicsEnabled") is False
        assert driver.execute_script("return kgView.nodes.length") == limit
        notes = driver.execute_script(
            "var n = document.getElementById('kg-notes'); return n.hidden ? '' : n.textContent"
        )
        assert f"Showing the {limit} best-supported of" in notes
        count = driver.find_element("id", "kg-count").text
        assert f"of {graph.number_of_nodes()} nodes in the graph" in count
        assert drawn_pixels(driver) > 5000
        assert driver.execute_script(OVERLAPS) == []  # no label covers another, even at 500 nodes


# --------------------------------------------------------------------------- the seeds (done-when)


def gold_pairings(gold: Path) -> list[dict]:
    """The required (non-optional) pairings of the gold file, each with its document's id."""
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [{**pair, "doc": row["doc"]} for row in rows for pair in row["pairs"] if not pair.get("optional")]


def name_core(name: str) -> str:
    """A town's or village's name without its level word, as the scorer compares them."""
    name = unicodedata.normalize("NFKC", name).strip()
    for suffix in ("街道", "社区", "镇", "乡", "村"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def page_nodes_for(nodes: list[dict], name: str, code: str | None) -> set[str]:
    """The page's node ids for a gold place: by division code, else (towns and villages) by name."""
    if code:
        return {n["id"] for n in nodes if n["kg"]["code"][:6] == code}
    core = name_core(name)
    return {
        n["id"]
        for n in nodes
        if n["kg"]["level"] in ("town", "village")
        and (name_core(n["kg"]["name"]).startswith(core) or core.startswith(name_core(n["kg"]["name"])))
    }


# Points on the edge where vis-network's popup would pick that edge: no node there and it is
# the last edge overlapping the point (the popup's own rule), as DOM pixels inside the canvas.
EDGE_HOVER_POINTS = """
var net = kgView.network, body = net.body, id = arguments[0], out = [];
var canvas = document.querySelector('#kg-network canvas');
var ts = [];
for (var s = 1; s < 40; s++) ts.push(0.5 + (s % 2 ? 1 : -1) * Math.floor(s / 2) / 40);
for (var k = 0; k < ts.length; k++) {
  var p = body.edges[id].edgeType.getPoint(ts[k]);
  var box = {left: p.x, right: p.x, top: p.y, bottom: p.y};
  var dom = net.canvasToDOM(p);
  if (dom.x < 5 || dom.y < 5 || dom.x > canvas.clientWidth - 5 || dom.y > canvas.clientHeight - 5) continue;
  if (net.getNodeAt(dom) !== undefined) continue;
  if (body.nodeIndices.some(function (n) { return body.nodes[n].isOverlappingWith(box); })) continue;
  var last = null;
  body.edgeIndices.forEach(function (e) { if (body.edges[e].isOverlappingWith(box)) last = e; });
  if (last === id) out.push(dom);
}
return out;
"""

TOOLTIP_TEXT = """
var t = document.querySelector('div.vis-tooltip');
return t && getComputedStyle(t).visibility === 'visible' ? t.textContent : null;
"""


def hover_edge(driver, edge_id: str) -> str | None:
    """Hover one edge with the mouse and return the tooltip's text, or None when no point of the
    edge brings up its tooltip (every point covered by nodes or other edges)."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    expected = driver.execute_script("return kgView.edges.get(arguments[0]).title.textContent", edge_id)
    canvas = driver.find_element(By.CSS_SELECTOR, "#kg-network canvas")
    size = canvas.size
    for point in driver.execute_script(EDGE_HOVER_POINTS, edge_id)[:4]:
        # off the canvas first, so the last tooltip closes
        away = -size["height"] // 2 - 20
        ActionChains(driver, duration=20).move_to_element_with_offset(canvas, 0, away).perform()
        dx, dy = round(point["x"] - size["width"] / 2), round(point["y"] - size["height"] / 2)
        ActionChains(driver, duration=20).move_to_element_with_offset(canvas, dx - 2, dy).perform()
        ActionChains(driver, duration=20).move_to_element_with_offset(canvas, dx, dy).perform()
        try:
            return WebDriverWait(driver, 3, poll_frequency=0.05).until(
                lambda d: d.execute_script(TOOLTIP_TEXT) == expected and expected
            )
        except TimeoutException:
            continue
    return None


@pytest.fixture(scope="module")
def seeds_pages(seeds_build: Path) -> Path:
    for page in ("graph.html", "map.html"):
        assert (seeds_build / page).is_file()
    return seeds_build


@pytest.mark.parametrize("page", ["graph.html", "map.html"])
def test_seeds_every_gold_pairing_is_drawn_with_its_evidence_on_hover(
    driver, seeds_pages: Path, gold_path: Path, page: str
) -> None:
    """Done-when of the views: each required pairing of the seeds' gold file is one pairing arrow
    donor → recipient of its kind in the page, and hovering that arrow with the mouse shows the
    gold evidence sentence (the tooltip also names the article and its date)."""
    log = open_page(driver, seeds_pages / page)
    assert [entry for entry in log if entry["level"] == "SEVERE"] == []
    assert driver.execute_script("return performance.getEntriesByType('resource').length") == 0
    nodes = driver.execute_script("return kgView.data.nodes")
    edges = driver.execute_script("return kgView.data.edges")
    articles = {}  # document id → the title and date its evidence shows
    for line in (seeds_pages / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        articles[row["id"]] = [part for part in (row.get("title"), row.get("date")) if part]
    failures = []
    for pair in gold_pairings(gold_path):
        donors = page_nodes_for(nodes, pair["donor"], pair.get("donor_adcode"))
        recipients = page_nodes_for(nodes, pair["recipient"], pair.get("recipient_adcode"))
        arrows = [
            e
            for e in edges
            if e["from"] in donors
            and e["to"] in recipients
            and e["kg"]["type"] == "pairing"
            and e["kg"]["kind"] == pair["kind"]
        ]
        label = f"{pair['donor']} → {pair['recipient']}"
        if len(arrows) != 1:
            failures.append(f"{label}: {len(arrows)} {pair['kind']} pairing arrows")
            continue
        text = hover_edge(driver, arrows[0]["id"])
        if text is None:
            failures.append(f"{label}: no point of the arrow brings up its tooltip")
        elif unicodedata.normalize("NFKC", pair["evidence"]) not in unicodedata.normalize("NFKC", text):
            failures.append(f"{label}: the gold evidence is not in the arrow's tooltip")
        elif not all(part in text for part in articles[pair["doc"]]):
            failures.append(f"{label}: the tooltip lacks the article's title or date")
    assert failures == []


def test_seeds_pages_show_the_whole_graph_with_towns_by_their_county(driver, seeds_pages: Path) -> None:
    """The seeds' pages hold exactly the built graph's nodes and links (no reduction at this size),
    and on the map every town and village stands by its own county."""
    import networkx as nx

    graph = nx.read_graphml(seeds_pages / "graph.graphml", force_multigraph=True)
    for page in ("graph.html", "map.html"):
        open_page(driver, seeds_pages / page)
        counts = driver.execute_script(
            "return [kgView.nodes.length, kgView.network.body.nodeIndices.length,"
            " kgView.edges.length, kgView.network.body.edgeIndices.length]"
        )
        assert counts == [graph.number_of_nodes()] * 2 + [graph.number_of_edges()] * 2
        assert drawn_pixels(driver) > 20000
    # the map, as drawn: each node's box (shape and label) as vis-network measured it
    boxes = driver.execute_script(
        "var o = {}; kgView.network.body.nodeIndices.forEach(function (id) {"
        " o[id] = kgView.network.getBoundingBox(id); }); return o;"
    )

    def gap(a: dict, b: dict) -> float:
        """How far apart two boxes are (0 when they touch or overlap)."""
        return max(
            0, a["left"] - b["right"], b["left"] - a["right"], a["top"] - b["bottom"], b["top"] - a["bottom"]
        )

    counties = {n: d for n, d in graph.nodes(data=True) if d.get("level") == "county"}
    towns = [(n, d) for n, d in graph.nodes(data=True) if d.get("level") in ("town", "village")]
    assert towns
    for town, d in towns:
        # kg.graph gives a town its county's coordinates: that is how we know its county here
        point = (d.get("lon"), d.get("lat"))
        own = [c for c, cd in counties.items() if (cd.get("lon"), cd.get("lat")) == point]
        assert len(own) == 1, d["label"]
        box = boxes[pid(town)]
        to_own = gap(box, boxes[pid(own[0])])
        # next to its county: no farther than its own height, and nearer than any other county
        assert to_own <= box["bottom"] - box["top"], d["label"]
        assert all(to_own < gap(box, boxes[pid(c)]) for c in counties if c != own[0]), d["label"]


def test_seeds_pages_hold_no_url_outside_vis_network(seeds_pages: Path) -> None:
    """The real build's pages name no IRI, CDN or other address: only vis-network's inert strings."""
    from test_views import URL, pyvis_vis_network

    library = pyvis_vis_network()
    for page in ("graph.html", "map.html"):
        html = (seeds_pages / page).read_text(encoding="utf-8")
        assert html.count(library) == 1
        assert URL.findall(html.replace(library, "")) == []


OVERLAPS = """
var body = kgView.network.body, ids = body.nodeIndices, out = [];
for (var i = 0; i < ids.length; i++) {
  var a = kgView.network.getBoundingBox(ids[i]);
  for (var j = i + 1; j < ids.length; j++) {
    var b = kgView.network.getBoundingBox(ids[j]);
    var x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    var y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    if (x > 1 && y > 1) out.push(body.nodes[ids[i]].options.label + " / " + body.nodes[ids[j]].options.label);
  }
}
return out;
"""


@pytest.mark.parametrize("page", ["graph.html", "map.html"])
def test_seeds_labels_do_not_cover_each_other(driver, seeds_pages: Path, page: str) -> None:
    """Every node's drawn box (shape and label, as vis-network measures it) is clear of the others,
    and the whole graph is inside the view at the opening zoom."""
    open_page(driver, seeds_pages / page)
    assert driver.execute_script(OVERLAPS) == []
    outside = driver.execute_script(
        "var c = document.querySelector('#kg-network canvas'), out = [];"
        "kgView.network.body.nodeIndices.forEach(function (id) {"
        "  var b = kgView.network.getBoundingBox(id);"
        "  var p = kgView.network.canvasToDOM({x: b.left, y: b.top}),"
        "      q = kgView.network.canvasToDOM({x: b.right, y: b.bottom});"
        "  if (p.x < -1 || p.y < -1 || q.x > c.clientWidth + 1 || q.y > c.clientHeight + 1) out.push(id);"
        "});"
        "return out;"
    )
    assert outside == []
    # labels stay readable at the opening zoom: node text at least 9 px high on screen
    scale = driver.execute_script("return kgView.network.getScale()")
    font = views.load_style()["font"]["map_node_size" if page == "map.html" else "node_size"]
    assert font * scale >= 9


MARKUP_IMG = '<img src=x onerror="window.kgPwned=1">'
MARKUP_SCRIPT = "<script>alert(window.kgPwned=2)</script>"
PIPELINE_ARTICLE = (
    f"福州与固原协作新闻\n2020-05-01\n"
    f"福州市与固原市开展东西部扶贫协作{MARKUP_IMG}，双方签订协议{MARKUP_SCRIPT}。\n"
)


@pytest.fixture(scope="module")
def markup_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A whole `kg build` of one article whose pairing sentence carries markup."""
    from kg.pipeline import build

    source = tmp_path_factory.mktemp("markup-in")
    (source / "markup.txt").write_text(PIPELINE_ARTICLE, encoding="utf-8")
    out = tmp_path_factory.mktemp("markup-out")
    build([source], out)
    return out


@pytest.mark.parametrize("page", ["graph.html", "map.html"])
def test_markup_in_an_article_runs_nothing_after_the_whole_pipeline(
    driver, markup_build: Path, page: str
) -> None:
    """The same guarantee end to end: the article's markup reaches the page's tooltip as text."""
    open_page(driver, markup_build / page)
    arrow = driver.execute_script("return kgView.data.edges.find(e => e.kg.type === 'pairing').id")
    text = hover_edge(driver, arrow)
    assert text is not None
    assert MARKUP_IMG in text and MARKUP_SCRIPT in text
    assert driver.execute_script("return typeof window.kgPwned") == "undefined"
    assert_nothing_ran(driver)


# --------------------------------------------------------------------------- outlines, years, report


def outline_pixels(driver) -> int:
    """Pixels the outline layer has drawn on (alpha > 0), read back from its canvas."""
    return driver.execute_script(
        "var c = document.getElementById('kg-outlines');"
        "if (!c || !c.width) return 0;"
        "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;"
        "for (var i = 3; i < d.length; i += 4) if (d[i] > 0) n++;"
        "return n;"
    )


def test_map_draws_province_outlines_offline(driver, built: Path) -> None:
    """The map's outline layer is a canvas under the network with the provinces drawn on it,
    from data inside the page: nothing fetched, no console error; the network page has none."""
    log = open_page(driver, built / "map.html")
    assert [entry for entry in log if entry["level"] == "SEVERE"] == []
    assert driver.execute_script("return performance.getEntriesByType('resource').length") == 0
    assert driver.execute_script("return kgView.outlines.provinces") == 34
    size = driver.execute_script("var c = document.getElementById('kg-outlines'); return [c.width, c.height]")
    drawn = outline_pixels(driver)
    assert drawn > 0.3 * size[0] * size[1]  # the view is over China: mostly land
    # the outlines follow the view: zoomed far out, China is a small part of the canvas
    driver.execute_script("kgView.network.moveTo({scale: 0.02}); kgView.network.redraw();")
    assert 0 < outline_pixels(driver) < drawn / 4
    open_page(driver, built / "graph.html")
    assert driver.execute_script("return document.getElementById('kg-outlines')") is None


def shown_counts(driver) -> list[int]:
    return driver.execute_script(
        "return [kgView.nodes.get({filter: n => !n.hidden}).length,"
        " kgView.edges.get({filter: e => !e.hidden}).length]"
    )


@pytest.mark.parametrize("page", ["graph.html", "map.html"])
def test_year_control_changes_the_nodes_and_links_shown(driver, built: Path, page: str) -> None:
    """Years 2017 (温州→平阳's article), 2019 (the funding's own date) and 2020 (the rest): the
    range control keeps the links of those years, and the header counts follow."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    open_page(driver, built / page)
    years_from, years_to = (Select(driver.find_element(By.ID, i)) for i in ("kg-year-from", "kg-year-to"))
    assert [o.text for o in years_from.options] == ["2017", "2019", "2020"]
    assert shown_counts(driver) == [13, 8]
    years_to.select_by_value("2017")
    assert shown_counts(driver) == [2, 1]
    assert visible_labels(driver) == {"温州市", "平阳县"}
    assert "2 / 13 nodes, 1 / 8 links shown" in driver.find_element(By.ID, "kg-count").text
    years_from.select_by_value("2019")
    years_to.select_by_value("2019")
    assert visible_labels(driver) == {"福建<script>alert(1)</script>集团", "西吉县"}
    years_from.select_by_value("2020")
    years_to.select_by_value("2020")
    assert shown_counts(driver) == [10, 6]  # all but 温州, 平阳, the funding firm (西吉县 stays: 福清)
    assert "10 / 13 nodes, 6 / 8 links shown" in driver.find_element(By.ID, "kg-count").text
    driver.find_element(By.ID, "kg-reset").click()
    assert shown_counts(driver) == [13, 8]


def test_programme_filter_keeps_its_pairings(driver, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select
    from test_views import programme_graph

    views.write_views(programme_graph(), tmp_path)
    open_page(driver, tmp_path / "map.html")
    assert driver.find_element(By.ID, "kg-programme-box").is_displayed()
    Select(driver.find_element(By.ID, "kg-programme")).select_by_value("shanhai-zhejiang")
    assert visible_labels(driver) == {"温州市", "平阳县"}
    legend = driver.execute_script("return document.getElementById('kg-legend').textContent")
    assert "东西部扶贫协作(2016年调整)" in legend and "浙江山海协作" in legend


def test_corpus_scale_pages_open_quickly(driver, tmp_path: Path) -> None:
    """A projection of the size a 10,000-article build gives (see corpus_graph): both pages open
    in Chromium and answer a filter and a pan. The open time is printed, not asserted (the
    machine is shared); benchmarks/bench_views.py measures it."""
    import time

    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select
    from views_sample import corpus_graph

    graph = corpus_graph(articles=10_000)
    views.write_views(graph, tmp_path)
    for page in ("graph.html", "map.html"):
        start = time.perf_counter()
        log = open_page(driver, tmp_path / page)
        opened = time.perf_counter() - start
        assert [entry for entry in log if entry["level"] == "SEVERE"] == []
        start = time.perf_counter()
        years = Select(driver.find_element(By.ID, "kg-year-to"))
        years.select_by_index(0)
        narrowed = shown_counts(driver)
        driver.execute_script("kgView.network.moveTo({position: {x: 200, y: 100}}); kgView.network.redraw();")
        filtered = time.perf_counter() - start
        assert narrowed[0] < driver.execute_script("return kgView.nodes.length")
        print(
            f"{page}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges; "
            f"open {opened:.2f} s; filter and pan {filtered:.2f} s"
        )
