"""Issue 14 in the views: what an article may hold (HTML, entities, template braces, terminal
markup, right-to-left overrides) shows in a hovered tooltip as the text it is, in Chromium.

Reuses the browser and the helpers of tests/test_views_browser.py (same flags, same driver).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_views import ORG, PLACE, evidence, pid, sample_graph
from test_views_browser import (  # noqa: F401 - driver is a fixture used by name
    CHROMEDRIVER,
    CHROMIUM,
    assert_nothing_ran,
    driver,
    edge_id,
    hover,
    hover_edge,
    node_point,
    open_page,
)

from kg import views

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason="needs Debian's chromium and chromium-driver (run tools/install-browser.sh)",
)

HOSTILE_ORG = "[red]n[/b]&lt;b&gt;{{ 7*7 }}</div><i>某</i>\u202e团集\u202c公司"
HOSTILE_SENTENCE = (
    "报道[red]2021[/red]称：集团</div></td>向&amp;定西市捐赠${7*7}{{x}}<svg onload=window.__xss=3>"
    "\u202e万元002\u202c。"
)


@pytest.fixture(scope="module")
def hostile_pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    g = sample_graph()
    g.nodes[ORG + "b"]["label"] = HOSTILE_ORG
    for u, v, data in g.edges(data=True):
        if (u, v) == (ORG + "a", PLACE + "640422"):
            data["evidence"] = json.dumps([evidence(8, HOSTILE_SENTENCE, stated="2019")], ensure_ascii=False)
    out = tmp_path_factory.mktemp("hostile-views")
    views.write_views(g, out)
    return out


@pytest.mark.parametrize("page", ["graph.html", "map.html"])
def test_hostile_evidence_and_names_show_as_text_on_hover(driver, hostile_pages: Path, page: str) -> None:  # noqa: F811
    open_page(driver, hostile_pages / page)
    text = hover_edge(driver, edge_id(driver, pid(ORG + "a"), pid(PLACE + "640422")))
    assert text is not None
    assert HOSTILE_SENTENCE in text  # every character as written: no tag, entity or brace read
    assert_nothing_ran(driver)
    assert HOSTILE_ORG in hover(driver, node_point(driver, pid(ORG + "b")))
    assert_nothing_ran(driver)
    assert driver.execute_script("return document.querySelectorAll('svg, i').length") == 0
