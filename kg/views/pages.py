"""The two network pages as files: ``graph.html`` (the pairing network) and ``map.html`` (the
same graph on the outlines of China's provinces), each one self-contained file.

Safety: every string that came from an article reaches the page only as JSON inside
``<script type="application/json">`` with ``<``, ``>`` and ``&`` escaped, and the page's script
renders it with ``textContent``; a Content-Security-Policy allows only the page's own inline
scripts (by hash), so even an injected event handler could not run.
"""

from __future__ import annotations

import base64
import hashlib
import math
from pathlib import Path
from typing import Any

import networkx as nx

from kg.io import atomic_writer
from kg.views.assets import asset, load_style, safe_json, template, vis_network_js
from kg.views.layout import SPRING_MAX_NODES, fixed_network_positions, geo_positions, spring_positions
from kg.views.network import page_data
from kg.views.reduce import reduce_for_display
from kg.views.report_page import REPORT, write_report

PAGES = {"graph": "graph.html", "map": "map.html", "report": REPORT}


def render_page(data: dict[str, Any], title: str) -> str:
    """One self-contained HTML page: pyvis's vis-network, our script and style, the data."""
    from markupsafe import Markup

    scripts = [vis_network_js(), asset("view.js")]
    for script in scripts:
        if "</script" in script.lower() or "<!--" in script:
            raise ValueError("an inlined script would end its <script> element early")
    hashes = " ".join(
        f"'sha256-{base64.b64encode(hashlib.sha256(s.encode('utf-8')).digest()).decode()}'" for s in scripts
    )
    page = template("page.html")
    return page.render(
        title=title,
        csp=f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:",
        css=Markup(asset("view.css")),
        vendor_js=Markup(scripts[0]),
        app_js=Markup(scripts[1]),
        data_json=Markup(safe_json(data)),
        mode=data["mode"],
        other_page=PAGES["map" if data["mode"] == "graph" else "graph"],
    )


def build_pages(nxg: nx.MultiDiGraph) -> dict[str, str]:
    """The HTML of both pages by file name (``graph.html``, ``map.html``)."""
    style = load_style()
    limits = style["limits"]
    total = (nxg.number_of_nodes(), nxg.number_of_edges())
    shown, notes = reduce_for_display(nxg, int(limits["max_nodes"]))
    physics = shown.number_of_nodes() <= int(limits["physics_max_nodes"])
    graph_notes = list(notes)
    if not physics:
        graph_notes.append(
            f"{shown.number_of_nodes()} nodes: positions were computed once (NetworkX "
            f"{'spring' if shown.number_of_nodes() < SPRING_MAX_NODES else 'ForceAtlas2'} layout) "
            "and are fixed; physics is off."
        )
    if physics:  # a starting point; the page's simulation and box separation finish it
        graph_pos = spring_positions(
            shown, int(limits["layout_seed"]), 120 * math.sqrt(shown.number_of_nodes() or 1)
        )
    else:
        graph_pos = fixed_network_positions(
            shown, int(limits["layout_seed"]), int(style["map"]["separation_rounds"])
        )
    geo_pos, unplaced, projection = geo_positions(shown, style["map"])
    map_notes = list(notes)
    if unplaced:
        map_notes.append(f"{unplaced} node(s) without a known location are stacked in the left column.")
    return {
        PAGES["graph"]: render_page(
            page_data(shown, "graph", graph_pos, physics, graph_notes, total),
            "山海图谱 Shanhai KG — pairing network",
        ),
        PAGES["map"]: render_page(
            page_data(shown, "map", geo_pos, False, map_notes, total, projection), "山海图谱 Shanhai KG — map"
        ),
    }


def write_pages(nxg: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    """Write ``graph.html`` and ``map.html`` into ``out_dir`` (atomically); return their paths."""
    out = Path(out_dir)
    written = []
    for name, html in build_pages(nxg).items():
        with atomic_writer(out / name) as fh:
            fh.write(html)
        written.append(out / name)
    return written


def write_views(nxg: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    """Write ``graph.html`` and ``map.html`` into ``out_dir`` (atomically), and ``report.html``
    when the folder holds the build's store (a build writes its store before its views);
    return their paths."""
    out = Path(out_dir)
    written = write_pages(nxg, out)
    report = write_report(out)
    if report is not None:
        written.append(report)
    return written
