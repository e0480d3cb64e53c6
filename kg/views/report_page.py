"""``report.html``: the report (``kg.views.report``) as one self-contained page.

Numbers and charts are drawn here (inline SVG, no script needed to read them); every number is a
link ``#rows=SET&FIELD=VALUE`` that the page's script (``data/views/report.js``) answers with the
table of rows behind it, each with its sentences, article title and date. Article strings reach
the page escaped by Jinja, or as JSON in a data island rendered with ``textContent``; the page's
Content-Security-Policy allows only its own inline script, by hash.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from kg.io import atomic_writer
from kg.views.assets import asset, format_yuan, load_style, safe_json, template
from kg.views.report import Report, build_report

REPORT = "report.html"
COLUMNS = {  # row set → (field, heading) shown in its table; "ev" is the evidence column
    "articles": [("doc", "article"), ("title", "title"), ("date", "date"), ("source", "source")],
    "pairs": [("doc", "article"), ("donor", "donor"), ("recipient", "recipient"), ("kind", "kind")],
    "funds": [("doc", "article"), ("donor", "giver"), ("recipient", "recipient"), ("amount_text", "amount")],
    "sums": [
        ("doc", "article"),
        ("donor", "giver"),
        ("recipient", "recipient"),
        ("amount_text", "amount"),
        ("date", "date stated"),
        ("purpose", "purpose"),
    ],
    "projects": [("doc", "article"), ("project", "project"), ("place", "place"), ("builder", "builder")],
    "orgs": [("doc", "article"), ("org", "organisation"), ("recipient", "helps")],
}


def rows_link(row_set: str, **where: str) -> str:
    """The page-internal link to the rows of ``row_set`` whose fields equal ``where``."""
    parts = [f"rows={row_set}"] + [f"{k}={quote(str(v), safe='')}" for k, v in where.items()]
    return "#" + "&".join(parts)


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


def page_data(report: Report) -> dict[str, Any]:
    """What the page's script reads: the row sets, amounts written out, evidence capped per row
    and given as indexes into one list of distinct evidence items (a sentence behind a pair, its
    funds and its organisation is written once), so the page stays small on large corpora."""
    cap = int(load_style()["report"]["evidence_per_row"])
    evidence: list[list[str]] = []
    index: dict[tuple[str, ...], int] = {}
    rows: dict[str, list[dict]] = {}
    for name, items in report.rows.items():
        out = []
        for row in items:
            item = {k: v for k, v in row.items() if k != "ev"}
            if "amount" in row:
                item["amount_text"] = format_yuan(row["amount"])
            if "ev" in row:
                refs = []
                for ev in row["ev"][:cap]:
                    key = (ev["sentence"], ev["title"] or ev["doc"], ev["date"], ev["type"])
                    if key not in index:
                        index[key] = len(evidence)
                        evidence.append(list(key))
                    refs.append(index[key])
                item["ev"] = refs
                item["more"] = max(len(row["ev"]) - cap, 0)
            out.append(item)
        rows[name] = out
    return {"rows": rows, "evidence": evidence, "columns": COLUMNS, "totals": report.totals}


def render_report(report: Report) -> str:
    script = asset("report.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    data = page_data(report)
    return template("report.html").render(
        rows_link=rows_link,
        yuan=format_yuan,
        title="山海图谱 Shanhai KG — report",
        csp=f"default-src 'none'; script-src 'sha256-{digest}'; style-src 'unsafe-inline'",
        css=Markup(asset("report.css")),
        app_js=Markup(script),
        data_json=Markup(safe_json(data)),
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


def write_report(build_dir: Path) -> Path | None:
    """Write ``report.html`` into a build folder from its store; None when it has no store."""
    out = Path(build_dir)
    if not (out / "store").is_dir():
        return None
    html = render_report(build_report(out))
    with atomic_writer(out / REPORT) as fh:
        fh.write(html)
    return out / REPORT
