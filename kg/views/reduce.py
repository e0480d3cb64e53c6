"""What a page can afford to show: above ``limits.max_nodes`` towns and villages fold into their
county, then only the best-supported nodes are kept (vis-network slows down with thousands)."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import networkx as nx

from kg.views.assets import evidence_of, point_of

SUB_COUNTY_LEVELS = ("town", "village")


def reduce_for_display(g: nx.MultiDiGraph, max_nodes: int) -> tuple[nx.MultiDiGraph, list[str]]:
    """The graph the page can afford to show, and notes saying what was left out.

    Within the limit the graph is returned unchanged. Above it, towns and villages fold into
    their county's node (when the graph has it), then only the ``max_nodes`` nodes with the
    most article support (sum of their edges' article counts) are kept.
    """
    if g.number_of_nodes() <= max_nodes:
        return g, []
    notes: list[str] = []
    total = g.number_of_nodes()
    folded = _fold_sub_county(g)
    if folded.number_of_nodes() < total:
        notes.append(
            f"Towns and villages are merged into their county: {total} nodes became "
            f"{folded.number_of_nodes()}."
        )
    g = folded
    if g.number_of_nodes() > max_nodes:
        support: dict[str, float] = defaultdict(float)
        for u, v, data in g.edges(data=True):
            weight = max(int(data.get("articles") or 1), 1)
            support[u] += weight
            support[v] += weight
        ranked = sorted(g.nodes, key=lambda n: (-support[n], str(g.nodes[n].get("label", n)), str(n)))
        keep = set(ranked[:max_nodes])
        notes.append(
            f"Showing the {max_nodes} best-supported of {g.number_of_nodes()} nodes "
            "(ranked by the number of articles on their links)."
        )
        g = g.subgraph(keep).copy()
    return g, notes


def _fold_sub_county(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Merge each town/village node into the graph's node of its county: found by code prefix
    when the town has a code, else by position (the gazetteer gives towns and villages their
    county's coordinates)."""
    counties = [
        (n, d) for n, d in g.nodes(data=True) if d.get("type") == "Place" and d.get("level") == "county"
    ]
    county_by_code = {str(d["code"]): n for n, d in counties if d.get("code")}
    county_by_point = {point_of(d): n for n, d in counties if point_of(d) is not None}
    target: dict[str, str] = {}
    for n, d in g.nodes(data=True):
        if d.get("type") != "Place" or d.get("level") not in SUB_COUNTY_LEVELS:
            continue
        code = str(d.get("code") or "")
        county = county_by_code.get(code[:6]) if code else county_by_point.get(point_of(d))  # type: ignore[arg-type]
        if county is not None:
            target[n] = county
    if not target:
        return g
    out = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        if n not in target:
            out.add_node(n, **d)
    for n, into in target.items():
        out.nodes[into]["funds_yuan"] = float(out.nodes[into].get("funds_yuan") or 0) + float(
            g.nodes[n].get("funds_yuan") or 0
        )
    merged: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    for u, v, d in g.edges(data=True):
        u2, v2 = target.get(u, u), target.get(v, v)
        if u2 == v2:
            continue
        key = (u2, v2, str(d.get("type") or ""), str(d.get("kind") or ""))
        if key not in merged:
            merged[key] = {**d, "evidence": evidence_of(d)}
            continue
        m = merged[key]
        m["amount_yuan"] = float(m.get("amount_yuan") or 0) + float(d.get("amount_yuan") or 0)
        m["articles"] = int(m.get("articles") or 0) + int(d.get("articles") or 0)
        m["official"] = bool(m.get("official")) or bool(d.get("official"))
        m["evidence"] = m["evidence"] + evidence_of(d)
    for (u, v, _, _), d in merged.items():
        out.add_edge(u, v, **{**d, "evidence": json.dumps(d["evidence"], ensure_ascii=False)})
    return out
