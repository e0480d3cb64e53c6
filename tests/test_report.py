"""report.html as a file: its totals are the presets', its data compact and decodable back to
the rows, article strings escaped. tests/test_report_browser.py opens it in Chromium."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import pytest
from report_sample import corpus_rows

from kg import views
from kg.views.report import build_report, summarise
from kg.views.report_page import SETS, TYPES, render_report

OFFICIAL_LINK = re.compile(r'<a href="(#rows=official[^"]*)">(\d+)</a>')
ISLAND = re.compile(r'<script type="application/json" id="([a-z0-9-]+)">(.*?)</script>', re.S)


def report_totals(html: str) -> dict[str, str]:
    """The numbers report.html shows, by element id."""
    return {
        key: unescape(value) for key, value in re.findall(r'<a id="total-([a-z-]+)"[^>]*>([^<]*)</a>', html)
    }


def islands(html: str) -> dict[str, Any]:
    """Every JSON island of the page by its id."""
    return {name: json.loads(text) for name, text in ISLAND.findall(html)}


def page_rows(html: str, name: str) -> list[dict[str, Any]]:
    """A row set as the page's script reads it: each row's fields (its own, then its article's)
    and its evidence as (sentence, relation type), decoded from the compact islands."""
    found = islands(html)
    data = found["kg-report-data"]
    strings, articles, chunk = data["strings"], data["articles"], data["chunk"]
    fields = data["sets"][name]["fields"]
    if name == "articles":
        return [{"doc": a[0], "title": a[1], "date": a[2], "source": strings[a[3]]} for a in articles]
    out = []
    for row in found[f"kg-rows-{name}"]:
        article = articles[row[0]]
        decoded = {"doc": article[0], **{f: strings[i] for f, i in zip(fields, row[1:-1], strict=True)}}
        ids = [ref // len(TYPES) for ref in row[-1]]
        sentences = [found[f"kg-ev-{i // chunk}"][i % chunk] for i in ids]
        decoded["ev"] = [(s, TYPES[ref % len(TYPES)]) for s, ref in zip(sentences, row[-1], strict=True)]
        out.append(decoded)
    return out


def test_report_totals_equal_the_presets_on_the_seeds(seeds_build: Path) -> None:
    """report.html of the seeds' build: its totals are what `kg query OUT --preset …` gives, and
    its row sets decode to as many rows, each with its sentences."""
    from kg.query import open_store, preset, select_rows

    html = (seeds_build / "report.html").read_text(encoding="utf-8")
    shown = report_totals(html)
    store = open_store(seeds_build)

    def rows(name: str) -> list[dict[str, str]]:
        return select_rows(store, preset(name).text)

    pairings = rows("pairings")
    assert pairings and shown["pair-rows"] == str(len(pairings)) == str(len(page_rows(html, "pairs")))
    assert shown["pairs"] == str(len({(r["donor_name"], r["recipient_name"]) for r in pairings}))
    assert shown["org-rows"] == str(len(rows("helper-orgs"))) == str(len(page_rows(html, "orgs")))
    funds = sum(float(r["total_yuan"]) for r in rows("funds-by-donor"))
    assert funds > 0
    assert float(re.search(r'id="total-funds" data-yuan="([^"]+)"', html).group(1)) == funds
    assert shown["funds"] == views.format_yuan(funds)
    report = build_report(seeds_build)
    assert sum(r["amount"] for r in report.rows["funds"]) == pytest.approx(funds)
    assert len(page_rows(html, "funds")) == len(report.rows["funds"])
    articles = (seeds_build / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert shown["articles"] == str(len(articles)) == str(len(page_rows(html, "articles")))
    sums = rows("funds")
    assert shown["sums"] == str(len(sums)) and len(page_rows(html, "sums")) == len(sums)
    assert float(re.search(r'id="total-sums-yuan" data-yuan="([^"]+)"', html).group(1)) == pytest.approx(
        sum(float(r["amount_yuan"]) for r in sums)
    )
    projects = rows("projects")
    assert shown["project-rows"] == str(len(projects)) == str(len(page_rows(html, "projects")))
    assert shown["projects"] == str(len({r["project_name"] for r in projects}))
    for name in SETS:
        if name != "articles":
            assert all(row["ev"] and all(s for s, _ in row["ev"]) for row in page_rows(html, name))


def test_programme_numbers_open_the_relations_that_agree_with_them(seeds_build: Path) -> None:
    """Each official pair's articles (preset ``official-coverage``) opens the relations that agree
    with the pair, as many distinct articles as the number says; each programme's evidenced pairs
    (preset ``programmes``) opens as many distinct official pairs; every row with its sentences."""
    from kg.query import open_store, preset, select_rows

    html = (seeds_build / "report.html").read_text(encoding="utf-8")
    official = page_rows(html, "official")
    assert official and all(row["ev"] and all(s for s, _ in row["ev"]) for row in official)
    links = [(dict(parse_qsl(unescape(href)[1:])), int(n)) for href, n in OFFICIAL_LINK.findall(html)]
    store = open_store(seeds_build)
    coverage = select_rows(store, preset("official-coverage").text)
    programmes = select_rows(store, preset("programmes").text)
    by_pair = [where for where, _ in links if "official_donor_code" in where]
    by_programme = [where for where, _ in links if "official_donor_code" not in where]
    assert len(by_pair) == sum(int(r["articles"]) > 0 for r in coverage) > 0
    assert len(by_programme) == sum(int(r["evidenced_official"]) > 0 for r in programmes) > 0
    for where, number in links:
        assert where.pop("rows") == "official"
        opened = [row for row in official if all(row[k] == v for k, v in where.items())]
        if "official_donor_code" in where:
            assert len({row["doc"] for row in opened}) == number
        else:
            pairs = {(row["official_donor_code"], row["official_recipient_code"]) for row in opened}
            assert len(pairs) == number


def test_report_escapes_article_strings_and_loads_nothing(tmp_path: Path) -> None:
    """A build whose article carries markup: the report shows it as text, links nowhere outside."""
    from kg.pipeline import build

    source = tmp_path / "in"
    source.mkdir()
    sentence = '福州市与固原市开展东西部扶贫协作<img src=x onerror="window.kgPwned=1">。'
    (source / "a.txt").write_text(f"闽宁<b>协作</b>新闻\n2020-05-01\n{sentence}\n", encoding="utf-8")
    build([source], tmp_path / "out")
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "<img" not in html and "<b>协作" not in html
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", html, re.I)
    assert not re.search(r"<script[^>]+src=", html, re.I)
    assert any("<img" in s for row in page_rows(html, "pairs") for s, _ in row["ev"])
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode("utf-8")).digest()).decode()
    assert f"'sha256-{digest}'" in unescape(html)


def test_report_data_is_compact_and_decodes_to_its_rows() -> None:
    """At corpus scale every string is written once: an article's title once, a name once in
    the string table (not once a row), a sentence once in its island; and every row decodes back
    to the row it was made from, with all its sentences, in article order."""
    rows = corpus_rows(400)
    html = render_report(summarise(rows))
    assert html.count(rows["articles"][7]["title"]) == 1
    donor = rows["pairs"][0]["donor"]
    assert html.count(f'"{donor}"') == 1
    sentence = rows["pairs"][0]["ev"][0][0]
    assert html.count(sentence) == 1
    order = {a["doc"]: i for i, a in enumerate(rows["articles"])}
    for name, (fields, _) in SETS.items():
        if name == "articles":
            assert page_rows(html, name) == [{k: a[k] for k in ("doc", "title", "date", "source")}
                                             for a in rows["articles"]]  # fmt: skip
            continue
        made = sorted(rows[name], key=lambda r: order[r["doc"]])
        expected = [
            {"doc": r["doc"], **{f: str(r.get(f) or "") for f in fields if f != "amount_text"}, "ev": r["ev"]}
            for r in made
        ]
        decoded = [{k: v for k, v in r.items() if k != "amount_text"} for r in page_rows(html, name)]
        assert decoded == expected
    assert all(r["amount_text"] for r in page_rows(html, "funds"))


def test_report_shows_programme_coverage_when_the_build_has_it(
    seeds_build: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a coverage preset the report lists its rows; without one it says why it cannot."""
    from kg.query import Preset
    from kg.views import report

    text = (
        "# Official pairs and whether the corpus evidences them.\n"
        "SELECT ?programme ?donor ?recipient WHERE { VALUES (?programme ?donor ?recipient) "
        '{ ("东西部扶贫协作" "福州市" "<b>固原市</b>") } }'
    )
    fake = Preset("official-coverage", "Official pairs and whether the corpus evidences them.", {}, text)
    monkeypatch.setattr(report, "presets", lambda: {"official-coverage": fake})
    monkeypatch.setattr(report, "preset", lambda name: fake)
    covered = report.coverage(report.open_store(seeds_build))
    assert covered["official-coverage"]["rows"] == [
        {"programme": "东西部扶贫协作", "donor": "福州市", "recipient": "<b>固原市</b>"}
    ]
    built = report.Report(coverage=covered, rankings={k: [] for k in (
        "donors_by_funds", "recipients_by_funds", "donors_by_pairs", "recipients_by_pairs",
        "places_by_projects", "orgs_by_rows")}, totals={"funds_yuan": 0})  # fmt: skip
    html = render_report(built)
    assert "&lt;b&gt;固原市&lt;/b&gt;" in html and "preset <code>official-coverage</code>, 1 rows" in html
    monkeypatch.setattr(report, "presets", dict)
    assert report.coverage(report.open_store(seeds_build)) == {}
