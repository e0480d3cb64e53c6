"""report.html in headless Chromium, network cut off (the browser and helpers of
tests/test_views_browser.py): no console error, nothing fetched, its totals are the presets' on
the same build, every number opens its rows with their sentences — on the seeds, on a store
made of copies of the seeds, and on generated rows of a 10,000-article corpus."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from report_sample import copy_build, corpus_rows
from test_views_browser import CHROMEDRIVER, CHROMIUM, assert_nothing_ran, offline_chromium

from kg import views
from kg.query import open_store, preset, select_rows
from kg.views.report import summarise
from kg.views.report_page import REPORT, render_report, write_report

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason="needs Debian's chromium and chromium-driver (run tools/install-browser.sh)",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    yield from offline_chromium()


def open_report(driver, path: Path) -> list[dict]:
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get_log("browser")
    driver.get(path.as_uri())
    WebDriverWait(driver, 60, poll_frequency=0.05).until(
        lambda d: d.execute_script("return !!(window.kgReport && kgReport.ready)")
    )
    return driver.get_log("browser")


def shown(driver, element: str) -> str:
    return driver.execute_script("return document.getElementById(arguments[0]).textContent", element)


def decoded_count(driver, row_set: str) -> int:
    """How many rows of a set the page's script reads from its islands, every one with its
    article and (but the articles) at least one sentence."""
    return driver.execute_script(
        "var name = arguments[0], rows = kgReport.decode(name);"
        "var ok = rows.every(function (r) { return r.doc && (name === 'articles' ||"
        "  (r.ev.length && r.ev.every(function (e) { return !!e[0]; }))); });"
        "return ok ? rows.length : -1;",
        row_set,
    )


def assert_totals_are_the_presets(driver, build: Path) -> None:
    """The report's totals equal the presets' on its store, and as many rows are in the page."""
    store = open_store(build)
    pairings = select_rows(store, preset("pairings").text)
    orgs = select_rows(store, preset("helper-orgs").text)
    funds = sum(float(r["total_yuan"]) for r in select_rows(store, preset("funds-by-donor").text))
    sums = select_rows(store, preset("funds").text)
    projects = select_rows(store, preset("projects").text)
    assert shown(driver, "total-pair-rows") == str(len(pairings)) == str(decoded_count(driver, "pairs"))
    assert shown(driver, "total-org-rows") == str(len(orgs)) == str(decoded_count(driver, "orgs"))
    assert shown(driver, "total-funds") == views.format_yuan(funds)
    assert shown(driver, "total-sums") == str(len(sums)) == str(decoded_count(driver, "sums"))
    assert shown(driver, "total-project-rows") == str(len(projects)) == str(decoded_count(driver, "projects"))


def test_seeds_report_opens_cleanly_and_its_numbers_lead_to_their_rows(browser, seeds_build: Path) -> None:
    """report.html of the seeds: no console error, nothing fetched; its totals are the presets'
    (the same build, through the Python API), and a click on a number shows its rows with their
    sentences, titles and dates."""
    from selenium.webdriver.common.by import By

    driver, seeds_pages = browser, seeds_build
    log = open_report(driver, seeds_pages / "report.html")
    assert [entry for entry in log if entry["level"] in ("SEVERE", "WARNING")] == []
    assert driver.execute_script("return performance.getEntriesByType('resource').length") == 0
    assert_totals_are_the_presets(driver, seeds_pages)
    pairings = int(shown(driver, "total-pair-rows"))
    driver.find_element(By.ID, "total-pair-rows").click()
    rows = driver.find_elements(By.CSS_SELECTOR, "#rows-table tr")
    assert len(rows) == pairings + 1  # and the heading
    assert driver.find_element(By.ID, "rows-title").text.startswith(f"{pairings} row(s): pairs")
    # a donor's bar in the funds chart: its rows, each with a sentence, the article's title and date
    top_donor = driver.execute_script(
        "var a = document.querySelector('svg.chart a[href^=\"#rows=funds&donor=\"]');"
        "a.dispatchEvent(new MouseEvent('click', {bubbles: true}));"
        "return decodeURIComponent(a.getAttribute('href').split('=')[2]);"
    )
    text = driver.find_element(By.ID, "rows").text
    assert f"donor = {top_donor}" in text
    articles = [json.loads(line) for line in (seeds_pages / "articles.jsonl").read_text("utf-8").splitlines()]
    assert any(a["title"] in text and a["date"] in text for a in articles if a.get("title") and a.get("date"))
    assert driver.execute_script("return document.querySelectorAll('#rows q').length") > 0
    # every number, bar, matrix cell and source of the page leads to at least one row
    links = driver.execute_script(
        "return Array.from(document.querySelectorAll('a[href^=\"#rows=\"]')).map(a => a.getAttribute('href'))"
    )
    assert len(links) > 30
    shows = "location.hash = arguments[0]; return kgReport.show();"
    assert [href for href in links if not driver.execute_script(shows, href)] == []
    assert_official_numbers_open_their_articles(driver)
    assert [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"] == []
    assert_nothing_ran(driver)


def assert_official_numbers_open_their_articles(driver) -> None:
    """Each official pair's articles (preset ``official-coverage``) opens the relations agreeing
    with it: as many distinct articles in the shown table as the number says."""
    found = driver.execute_script(
        "return Array.from(document.querySelectorAll('#coverage a[href*=\"official_donor_code=\"]'))"
        "  .map(function (a) { location.hash = a.getAttribute('href'); kgReport.show();"
        "    var docs = Array.from(document.querySelectorAll('#rows-table tr')).slice(1)"
        "      .map(function (tr) { return tr.cells[0].textContent; });"
        "    return [Number(a.textContent), new Set(docs).size]; });"
    )
    assert found and all(number == distinct > 0 for number, distinct in found)


def test_report_of_a_store_of_many_articles_has_the_presets_totals(
    browser, seeds_build: Path, tmp_path: Path
) -> None:
    """A real store of 60 articles (12 copies of the seeds, each with its own title and
    sentences, through the build's graph writer): the page opens cleanly and its totals, and the
    rows it holds, are the presets' on that store."""
    driver = browser
    copy_build(seeds_build, tmp_path, copies=12)
    write_report(tmp_path)
    log = open_report(driver, tmp_path / REPORT)
    assert [entry for entry in log if entry["level"] == "SEVERE"] == []
    assert shown(driver, "total-articles") == "60" == str(decoded_count(driver, "articles"))
    assert_totals_are_the_presets(driver, tmp_path)


def test_corpus_scale_report_loads_and_its_totals_are_right(browser, tmp_path: Path) -> None:
    """Generated rows of a 10,000-article corpus (corpus_rows: 190,000 rows, 120,000 sentences):
    the page loads with no console error and nothing fetched, each total equals the rows the page
    holds and the rows it was made from, and a bar opens its rows with their sentences. The open
    time is printed, not asserted (the machine is shared); benchmarks/bench_report.py measures it."""
    from selenium.webdriver.common.by import By

    driver, rows = browser, corpus_rows(10_000)
    (tmp_path / REPORT).write_text(render_report(summarise(rows)), encoding="utf-8")
    start = time.perf_counter()
    log = open_report(driver, tmp_path / REPORT)
    opened = time.perf_counter() - start
    assert [entry for entry in log if entry["level"] == "SEVERE"] == []
    assert driver.execute_script("return performance.getEntriesByType('resource').length") == 0
    for element, row_set in (("total-articles", "articles"), ("total-pair-rows", "pairs"),
                             ("total-fund-rows", "funds"), ("total-sums", "sums"),
                             ("total-project-rows", "projects"), ("total-org-rows", "orgs")):  # fmt: skip
        assert shown(driver, element) == str(len(rows[row_set])) == str(decoded_count(driver, row_set))
    assert shown(driver, "total-funds") == views.format_yuan(sum(r["amount"] for r in rows["funds"]))
    start = time.perf_counter()
    donor = driver.execute_script(
        "var a = document.querySelector('svg.chart a[href^=\"#rows=pairs&donor=\"]');"
        "a.dispatchEvent(new MouseEvent('click', {bubbles: true}));"
        "return decodeURIComponent(a.getAttribute('href').split('=')[2]);"
    )
    listed = time.perf_counter() - start
    expected = sum(r["donor"] == donor for r in rows["pairs"])
    assert driver.find_element(By.ID, "rows-title").text.startswith(f"{expected} row(s): pairs")
    assert driver.execute_script("return document.querySelectorAll('#rows q').length") >= expected
    size = (tmp_path / REPORT).stat().st_size / 1e6
    print(f"report.html of {len(rows['articles']):,} generated articles: {size:.1f} MB; "
          f"open {opened:.2f} s; a bar's rows {listed:.2f} s")  # fmt: skip
