"""The HTML views in a real browser: headless Chromium (Debian's chromium + chromium-driver,
driven by selenium through /usr/bin/chromedriver so nothing is downloaded), with the network
cut off (a dead proxy, every host name unresolvable) and the pages loaded from file://.

Skipped only when Chromium or its driver is not installed; tools/install-browser.sh installs them.
"""

from __future__ import annotations

import io
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from test_views import ORG, PLACE, PROJECT, XSS_ORG, XSS_SENTENCE, sample_graph

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
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return !!(window.kgView && kgView.ready)"))
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
    ActionChains(driver).move_to_element_with_offset(canvas, dx - 3, dy).perform()
    ActionChains(driver).move_to_element_with_offset(canvas, dx, dy).perform()
    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script(
            "var t = document.querySelector('div.vis-tooltip');"
            "return !!t && getComputedStyle(t).visibility === 'visible' && t.textContent.length > 0;"
        )
    )
    return driver.execute_script("return document.querySelector('div.vis-tooltip').textContent")


def edge_point(driver, donor: str, recipient: str) -> dict:
    return driver.execute_script(
        "var e = kgView.data.edges.find(x => x.from === arguments[0] && x.to === arguments[1]);"
        "var p = kgView.network.body.edges[e.id].edgeType.getPoint(0.5);"
        "return kgView.network.canvasToDOM(p);",
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
    text = hover(driver, edge_point(driver, PLACE + "350100", PLACE + "640400"))
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
    text = hover(driver, edge_point(driver, ORG + "a", PLACE + "640422"))
    assert XSS_SENTENCE in text  # shown literally, tags and all
    assert_nothing_ran(driver)
    text = hover(driver, node_point(driver, ORG + "b"))
    assert XSS_ORG in text
    assert_nothing_ran(driver)
    assert driver.execute_script("return document.querySelectorAll('script').length") == 3


def visible_labels(driver) -> set[str]:
    return set(driver.execute_script("return kgView.nodes.get({filter: n => !n.hidden}).map(n => n.label)"))


def test_search_and_filters_hide_the_rest(driver, built: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    open_page(driver, built / "graph.html")
    search = driver.find_element(By.ID, "kg-search")
    search.send_keys("固原")
    assert visible_labels(driver) == {"固原市", "福州市"}
    assert "2 / 13 nodes shown" in driver.find_element(By.ID, "kg-count").text
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
    assert PROJECT + "p1" in driver.execute_script("return kgView.nodes.getIds()")


def test_large_graph_page_is_fixed_reduced_and_says_so(driver, tmp_path: Path) -> None:
    from test_views import _large_graph

    graph = _large_graph(counties=560, towns_per_county=1)  # 1121 nodes
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
        assert f"of {graph.number_of_nodes()} in the graph" in driver.find_element("id", "kg-count").text
        assert drawn_pixels(driver) > 5000
