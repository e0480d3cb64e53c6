"""``report.html``: the report (``kg.views.report``) as one self-contained page.

Numbers and charts are drawn here (inline SVG, no script needed to read them); every number is a
link ``#rows=SET&FIELD=VALUE`` that the page's script (``data/views/report.js``) answers with the
table of rows behind it, each with its sentences, article title and date. The rows travel
compact (``page_data``): shared string and article tables, rows as index arrays, each set's rows
and the sentences in JSON islands of their own that the script parses only when they are shown,
so a page of 10,000 articles parses little when it opens; the page is written in pieces, the sentence
islands streamed to the file. Article strings reach the page escaped by Jinja, or as JSON in
islands rendered with ``textContent``; the page's Content-Security-Policy allows only its own
inline script, by hash.
"""

from __future__ import annotations

import base64
import hashlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from kg.io import atomic_writer
from kg.views.assets import asset, format_yuan, load_style, safe_json, template
from kg.views.report import Report, build_report

REPORT = "report.html"
TYPES = ("pairing", "help", "funding", "project")  # a relation's type in an evidence reference
ARTICLE = ("doc", "title", "date", "source")  # an article's fields in the page's article table
SETS = {  # row set → its own fields (after the article) and the columns its table shows
    "articles": ((), [("doc", "article"), ("title", "title"), ("date", "date"), ("source", "source")]),
    "pairs": (
        ("donor", "recipient", "kind", "donor_province", "recipient_province"),
        [("doc", "article"), ("donor", "donor"), ("recipient", "recipient"), ("kind", "kind")],
    ),
    "funds": (
        ("donor", "recipient", "amount_text"),
        [("doc", "article"), ("donor", "giver"), ("recipient", "recipient"), ("amount_text", "amount")],
    ),
    "sums": (
        ("donor", "recipient", "amount_text", "date", "purpose"),
        [
            ("doc", "article"),
            ("donor", "giver"),
            ("recipient", "recipient"),
            ("amount_text", "amount"),
            ("date", "date stated"),
            ("purpose", "purpose"),
        ],
    ),
    "projects": (
        ("project", "place", "builder"),
        [("doc", "article"), ("project", "project"), ("place", "place"), ("builder", "builder")],
    ),
    "orgs": (("org", "recipient"), [("doc", "article"), ("org", "organisation"), ("recipient", "helps")]),
    "official": (
        (
            "programme",
            "official_donor",
            "official_recipient",
            "official_donor_code",
            "official_recipient_code",
            "donor",
            "recipient",
        ),
        [
            ("doc", "article"),
            ("programme", "programme"),
            ("official_donor", "official donor"),
            ("official_recipient", "official recipient"),
            ("donor", "relation's donor"),
            ("recipient", "relation's recipient"),
        ],
    ),
}
EVIDENCE_MARK = "<!--kg-evidence-->"  # where the sentence islands are streamed into the page


def rows_link(row_set: str, **where: str) -> str:
    """The page-internal link to the rows of ``row_set`` whose fields equal ``where``."""
    parts = [f"rows={row_set}"] + [f"{k}={quote(str(v), safe='')}" for k, v in where.items()]
    return "#" + "&".join(parts)


def coverage_link(preset_name: str, row: dict[str, str], column: str) -> str:
    """The link of a programme preset's number to the ``official`` rows behind it ("" for none):
    an official pair's articles (``official-coverage``), a programme's evidenced pairs
    (``programmes``); a pair is its programme and its donor's and recipient's codes."""
    if preset_name == "official-coverage" and column == "articles" and int(row.get(column) or 0) > 0:
        return rows_link(
            "official",
            programme=row["programme"],
            official_donor_code=row["donor_code"],
            official_recipient_code=row["recipient_code"],
        )
    if preset_name == "programmes" and column == "evidenced_official" and int(row.get(column) or 0) > 0:
        return rows_link("official", programme=row["programme"])
    return ""


def bar_chart(items: list[tuple[str, float]], link: str, field: str, money: bool = False) -> Markup:
    """Horizontal bars as inline SVG, each bar and label a link to its rows."""
    if not items:
        return Markup('<p class="empty">none</p>')
    colour = load_style()["report"]["bar"]
    label_w, bar_w, row_h = 230, 300, 22
    height = row_h * len(items) + 4
    biggest = max(value for _, value in items) or 1
    parts = [
        f'<svg class="chart" role="img" width="{label_w + bar_w + 110}" height="{height}" '
        f'viewBox="0 0 {label_w + bar_w + 110} {height}">'
    ]
    for i, (name, value) in enumerate(items):
        y = i * row_h + 2
        width = max(1.0, bar_w * value / biggest)
        text = format_yuan(value) if money else f"{value:g}"
        href = escape(rows_link(link, **{field: name}))
        parts.append(
            f'<a href="{href}"><text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{escape(name)}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{width:.1f}" height="{row_h - 6}" fill="{colour}"/>'
            f'<text x="{label_w + width + 6:.1f}" y="{y + 15}">{escape(text)}</text></a>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def column_chart(items: list[tuple[str, int]], link: str, field: str) -> Markup:
    """Vertical bars (articles per year) as inline SVG, each bar a link to its rows."""
    if not items:
        return Markup('<p class="empty">no dated articles</p>')
    colour = load_style()["report"]["bar"]
    col_w, height, top = 46, 160, 18
    biggest = max(value for _, value in items) or 1
    width = col_w * len(items) + 10
    parts = [f'<svg class="chart" role="img" width="{width}" height="{height + 40}">']
    for i, (name, value) in enumerate(items):
        h = max(1.0, (height - top) * value / biggest)
        x = 5 + i * col_w
        href = escape(rows_link(link, **{field: name}))
        parts.append(
            f'<a href="{href}"><rect x="{x + 6}" y="{height - h:.1f}" width="{col_w - 12}" height="{h:.1f}" '
            f'fill="{colour}"/><text x="{x + col_w / 2}" y="{height - h - 4:.1f}" text-anchor="middle">'
            f'{value}</text><text x="{x + col_w / 2}" y="{height + 16}" text-anchor="middle">'
            f"{escape(name)}</text></a>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


class Strings:
    """One table of the page's distinct strings: a row holds their indexes, not the strings."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def __call__(self, text: Any) -> int:
        found = self.index.get(text)
        if found is None:
            text = "" if text is None else str(text)
            found = self.index.setdefault(text, len(self.index))
        return found

    def table(self) -> list[str]:
        return list(self.index)


@dataclass
class PageData:
    """What the page's script reads at once (``data``: the string table, the article table, each
    set's fields and columns), each set's rows (``rows``) and the evidence ``sentences``; rows
    and sentences are written in islands of their own that the script parses only when needed."""

    data: dict[str, Any]
    rows: dict[str, list[list[Any]]]
    sentences: list[str]


def page_data(report: Report) -> PageData:
    """The page's data, compact at corpus scale: an article is one row of a shared table ([id,
    title, date, source]); a row of a set is an array [article, field indexes into the string
    table…, evidence references], sorted by article; a reference is ``sentence id × 4 + relation
    type``, the sentences numbered in article order (a page of rows reads few islands)."""
    strings = Strings()
    articles = list(report.rows.get("articles", []))
    position = {a["doc"]: i for i, a in enumerate(articles)}
    for rows in report.rows.values():
        for row in rows:
            if row["doc"] not in position:  # no article node: still a row, under its id
                position[row["doc"]] = len(articles)
                articles.append({"doc": row["doc"], "title": "", "date": "", "source": ""})
    by_article: dict[int, dict[str, None]] = defaultdict(dict)
    for rows in report.rows.values():
        for row in rows:
            for sentence, _ in row.get("ev", ()):
                by_article[position[row["doc"]]][sentence] = None
    sentence_id: dict[tuple[int, str], int] = {}
    sentences: list[str] = []
    for index in sorted(by_article):
        for sentence in by_article[index]:
            sentence_id[(index, sentence)] = len(sentences)
            sentences.append(sentence)
    sets: dict[str, Any] = {}
    islands: dict[str, list[list[Any]]] = {}
    type_code = {name: code for code, name in enumerate(TYPES)}
    for name, (fields, columns) in SETS.items():
        sets[name] = {"fields": list(fields), "columns": columns}
        if name == "articles":
            continue
        encoded = []
        for row in report.rows.get(name, []):
            index = position[row["doc"]]
            shown = {**row, "amount_text": format_yuan(row["amount"])} if "amount" in row else row
            values = [strings(shown.get(f)) for f in fields]
            refs = [sentence_id[(index, s)] * len(TYPES) + type_code[t] for s, t in row["ev"]]
            encoded.append([index, *values, refs])
        islands[name] = sorted(encoded, key=lambda r: r[0])
    table = [[a["doc"], a["title"], a["date"], strings(a["source"])] for a in articles]
    chunk = int(load_style()["report"]["evidence_chunk"])
    data = {"strings": strings.table(), "articles": table, "sets": sets, "types": TYPES, "chunk": chunk}
    return PageData(data, islands, sentences)


def report_parts(report: Report) -> Iterator[str]:
    """The page in pieces, the evidence sentences streamed as islands of ``evidence_chunk`` each."""
    script = asset("report.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    page = page_data(report)
    html = template("report.html").render(
        rows_link=rows_link,
        coverage_link=coverage_link,
        yuan=format_yuan,
        title="山海图谱 Shanhai KG — report",
        csp=f"default-src 'none'; script-src 'sha256-{digest}'; style-src 'unsafe-inline'",
        css=Markup(asset("report.css")),
        app_js=Markup(script),
        data_json=Markup(safe_json(page.data)),
        evidence=Markup(EVIDENCE_MARK),
        r=report,
        t=report.totals,
        years_chart=column_chart(report.years, "articles", "year"),
        donors_funds_chart=bar_chart(report.rankings["donors_by_funds"], "funds", "donor", money=True),
        recipients_funds_chart=bar_chart(
            report.rankings["recipients_by_funds"], "funds", "recipient", money=True
        ),
        donors_pairs_chart=bar_chart(report.rankings["donors_by_pairs"], "pairs", "donor"),
        recipients_pairs_chart=bar_chart(report.rankings["recipients_by_pairs"], "pairs", "recipient"),
        projects_chart=bar_chart(report.rankings["places_by_projects"], "projects", "place"),
        orgs_chart=bar_chart(report.rankings["orgs_by_rows"], "orgs", "org"),
    )
    head, tail = html.split(EVIDENCE_MARK, 1)  # article strings are escaped: the mark is ours alone
    yield head
    for name, rows in page.rows.items():
        yield f'<script type="application/json" id="kg-rows-{name}">{safe_json(rows)}</script>\n'
    chunk = page.data["chunk"]
    for number, start in enumerate(range(0, len(page.sentences), chunk)):
        island = safe_json(page.sentences[start : start + chunk])
        yield f'<script type="application/json" id="kg-ev-{number}">{island}</script>\n'
    yield tail


def render_report(report: Report) -> str:
    return "".join(report_parts(report))


def write_report(build_dir: Path) -> Path | None:
    """Write ``report.html`` into a build folder from its store; None when it has no store."""
    out = Path(build_dir)
    if not (out / "store").is_dir():
        return None
    report = build_report(out)
    with atomic_writer(out / REPORT) as fh:
        for part in report_parts(report):
            fh.write(part)
    return out / REPORT
