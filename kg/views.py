"""The interactive HTML views of a build: ``graph.html`` (the pairing network) and ``map.html``
(the same graph laid out by longitude/latitude).

Each page's network is built with pyvis: a ``pyvis.network.Network(directed=True)`` gets one
``add_node``/``add_edge`` per graph node and edge, carrying its vis-network options and our
``kg`` fields, and the page's options through ``set_options``; the nodes, edges and options the
page draws are that Network's (``get_network_data()``). pyvis's own template is not used: it
links Bootstrap and other assets from public CDNs (and ``"local"`` loads vis-network from one),
so the page is finished by our template ``data/views/page.html``.

Both pages are single self-contained files that open with the network switched off: inlined are
vis-network as pyvis ships it (``pyvis/lib/vis-9.1.2/vis-network.min.js`` in pyvis 0.3.2, read
with importlib.resources; only its trailing source-map comment is dropped), our script and our
style. vis-network (https://github.com/visjs/vis-network) is dual licensed Apache-2.0/MIT,
(c) 2011-2017 Almende B.V., (c) 2017-2019 visjs contributors; its licence header stays inside
the inlined script. pyvis's ``vis-network.css`` is not inlined: it styles only the navigation
buttons, editing toolbar and configurator, which the pages do not show, and the tooltip, which
``data/views/view.css`` styles.

Safety: every string that came from an article reaches the page only as JSON inside
``<script type="application/json">`` with ``<``, ``>`` and ``&`` escaped, and the page's script
renders it with ``textContent``; a Content-Security-Policy allows only the page's own inline
scripts (by hash), so even an injected event handler could not run.

Nodes are named in the pages by a short digest of their IRI (``page_id``), so a page holds no
URL outside vis-network's own licence strings.

Legibility: long names wrap onto balanced lines; the map lays places out by longitude and
latitude, puts towns, villages and firms that share their county's point on rings round it,
and pulls overlapping boxes apart, cluster by cluster and then node by node (counties keep
their place, the rest give way). Once the page has drawn, its script pulls apart the boxes
vis-network measured, on both pages, so no label covers another.

Large graphs: vis-network's physics is quadratic, so above ``limits.physics_max_nodes`` the
layout is computed once here (NetworkX, fixed seed, boxes pulled apart) and physics is off;
above ``limits.max_nodes`` towns and villages fold into their county and then only the most
connected nodes are kept. The page says so in a note. Styling, vis-network's options and the
limits live in ``data/views/style.json``.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from kg.io import atomic_writer

if TYPE_CHECKING:
    from pyvis.network import Network

PAGES = {"graph": "graph.html", "map": "map.html"}
VIS_FOLDER = re.compile(r"vis-(\d+(?:\.\d+)*)")  # pyvis/lib/vis-9.1.2/
VIS_SCRIPT = "vis-network.min.js"
SOURCE_MAP_COMMENT = re.compile(r"\n//# sourceMappingURL=[^\n]*\s*\Z")
SUB_COUNTY_LEVELS = ("town", "village")
HORIZONTAL_PREFERENCE = 1.5  # map de-overlap: move sideways unless that is 1.5× the way
SPRING_MAX_NODES = 500
CLOSING_MARKS = ")）]】」』”’、，。,.·"
OPENING_MARKS = "(（[【「『“‘"  # networkx switches its spring layout to scipy's sparse arrays here


@cache
def load_style() -> dict[str, Any]:
    """Colours, shapes, sizes and the large-graph limits, from ``data/views/style.json``."""
    return json.loads(_asset("style.json"))


def _asset(name: str) -> str:
    return files("kg.data").joinpath("views", name).read_text(encoding="utf-8")


def vis_network_bundle() -> Traversable:
    """pyvis's own copy of vis-network: the newest ``pyvis/lib/vis-<version>/`` folder (9.1.2 in
    pyvis 0.3.2, the one pyvis's ``in_line`` template inlines)."""
    lib = files("pyvis").joinpath("lib")
    bundles = [
        folder
        for folder in lib.iterdir()
        if VIS_FOLDER.fullmatch(folder.name) and folder.joinpath(VIS_SCRIPT).is_file()
    ]
    if not bundles:
        raise FileNotFoundError(f"pyvis ships no lib/vis-<version>/{VIS_SCRIPT}")
    return max(bundles, key=lambda folder: _version(folder.name))


def _version(folder: str) -> tuple[int, ...]:
    match = VIS_FOLDER.fullmatch(folder)
    return tuple(int(part) for part in match.group(1).split(".")) if match else ()


@cache
def vis_network_js() -> str:
    """vis-network's standalone script as pyvis ships it, without its last line, a
    ``//# sourceMappingURL=`` comment naming a map file pyvis does not ship (a browser's developer
    tools would try to fetch it). Its licence header stays in place."""
    text = vis_network_bundle().joinpath(VIS_SCRIPT).read_text(encoding="utf-8")
    return SOURCE_MAP_COMMENT.sub("", text)


# --------------------------------------------------------------------------- formatting


def format_yuan(amount: float | None) -> str:
    """Chinese money style: 1.5亿元, 3000万元, 8000元; empty for no amount."""
    if not amount or amount <= 0 or not math.isfinite(amount):
        return ""
    for unit, size in (("亿元", 1e8), ("万元", 1e4)):
        if amount >= size:
            return f"{_trim(amount / size)}{unit}"
    return f"{_trim(amount)}元"


def _trim(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text or "0"


def safe_json(data: Any) -> str:
    """JSON that cannot end its ``<script>`` element or open a comment, whatever the strings hold."""
    text = json.dumps(data, ensure_ascii=False, allow_nan=False)
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def page_id(node: str) -> str:
    """The id a node has in the pages: a short digest of its IRI, so the pages hold no URL at all
    (and stay small) while the id stays the same whatever else the graph holds."""
    return "n" + hashlib.sha1(str(node).encode("utf-8")).hexdigest()[:12]


def link_key(edge: dict[str, Any]) -> str:
    """The legend/filter key of an edge: ``pairing:<kind>`` for pairings, else its type."""
    etype = edge.get("type") or "help"
    if etype == "pairing":
        return f"pairing:{edge.get('kind') or 'other'}"
    return str(etype)


def evidence_of(edge: dict[str, Any]) -> list[dict[str, Any]]:
    """The edge's evidence items (stored as a JSON string by the projection)."""
    raw = edge.get("evidence")
    if isinstance(raw, str):
        try:
            raw = json.loads(raw) if raw else []
        except json.JSONDecodeError:
            return []
    return [item for item in raw or [] if isinstance(item, dict)]


# --------------------------------------------------------------------------- reduction


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
    county_by_point = {_point(d): n for n, d in counties if _point(d) is not None}
    target: dict[str, str] = {}
    for n, d in g.nodes(data=True):
        if d.get("type") != "Place" or d.get("level") not in SUB_COUNTY_LEVELS:
            continue
        code = str(d.get("code") or "")
        county = county_by_code.get(code[:6]) if code else county_by_point.get(_point(d))  # type: ignore[arg-type]
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


# --------------------------------------------------------------------------- layouts


def spring_positions(g: nx.MultiDiGraph, seed: int, scale: float) -> dict[str, tuple[float, float]]:
    """A seeded force-directed layout computed once, so the page need not simulate."""
    if g.number_of_nodes() == 0:
        return {}
    simple = nx.Graph(g.to_undirected(as_view=True))
    if simple.number_of_nodes() < SPRING_MAX_NODES:
        k = 1.6 / math.sqrt(max(simple.number_of_nodes(), 1))
        pos = nx.spring_layout(simple, seed=seed, k=k, iterations=80)
    else:  # networkx's spring layout needs scipy from 500 nodes on; ForceAtlas2 needs numpy only
        pos = nx.rescale_layout_dict(nx.forceatlas2_layout(simple, seed=seed, max_iter=100))
    return {n: (float(x) * scale, float(y) * scale) for n, (x, y) in pos.items()}


def geo_positions(g: nx.MultiDiGraph, settings: dict[str, Any]) -> tuple[dict[str, tuple[float, float]], int]:
    """Projected lon/lat (equirectangular, x scaled by cos of the mean latitude; east right,
    north up), pulled apart just enough that nodes and their labels do not cover each other.

    A node without coordinates starts at the graph's node of its county/prefecture/province
    (by code prefix), else at the mean of its located neighbours; the rest stack in a column
    left of the map. Nodes that share a point (a county, its towns and the firms based there)
    start on rings round the highest-level place among them; the clusters are then pulled apart
    as whole boxes and only then single nodes, so each town stays next to its county instead of
    drifting towards the next. Returns the positions and how many nodes went to the column.
    """
    located = {
        n: (float(d["lon"]), float(d["lat"]))
        for n, d in g.nodes(data=True)
        if _is_number(d.get("lon")) and _is_number(d.get("lat"))
    }
    # More nodes need more room: the drawing grows with the square root of their number.
    crowding = math.sqrt(g.number_of_nodes() / float(settings["nodes_per_width"]))
    width = float(settings["width"]) * max(1.0, crowding)
    if located:
        lons = [p[0] for p in located.values()]
        lats = [p[1] for p in located.values()]
        lat0 = math.radians(sum(lats) / len(lats))
        span = max((max(lons) - min(lons)) * math.cos(lat0), max(lats) - min(lats), 0.5)
        per_degree = width / span
        lon_mid, lat_mid = (max(lons) + min(lons)) / 2, (max(lats) + min(lats)) / 2
        pos = {
            n: ((lon - lon_mid) * math.cos(lat0) * per_degree, -(lat - lat_mid) * per_degree)
            for n, (lon, lat) in located.items()
        }
    else:
        pos = {}
    gap = float(settings["min_separation"])
    radius = node_sizes(g)
    half_width, half_height, drop = label_boxes(g, "map", gap / 4)
    # Places without coordinates: at an ancestor that has them (codes nest by prefix).
    by_code = {str(d.get("code")): n for n, d in g.nodes(data=True) if d.get("code") and n in pos}
    for n, d in g.nodes(data=True):
        code = str(d.get("code") or "")
        if n in pos or len(code) < 6:
            continue
        for prefix in (code[:6], code[:4] + "00", code[:2] + "0000"):
            anchor = by_code.get(prefix)
            if anchor is not None and anchor != n:
                pos[n] = pos[anchor]
                break
    # Then organisations, projects and the rest: at the mean of their located neighbours.
    for _ in range(3):
        for n in g.nodes:
            if n in pos:
                continue
            around = [pos[m] for m in nx.all_neighbors(g, n) if m in pos]
            if around:
                pos[n] = (sum(p[0] for p in around) / len(around), sum(p[1] for p in around) / len(around))
    unplaced = [n for n in g.nodes if n not in pos]
    centres = {n: (x, y + drop[n]) for n, (x, y) in pos.items()}
    movable, groups = _ring_coincident(g, pos, centres, half_width, half_height, radius, near=0.5)
    rounds = int(settings["separation_rounds"])
    # First whole groups (a county with its towns and firms) are pulled apart as rigid boxes, so
    # neighbouring counties' clusters do not interleave; then single nodes.
    movable = separate_groups(movable, groups, half_width, half_height, rounds)
    row_gap = max([float(settings["side_row_gap"])] + [2 * half_height[n] for n in unplaced])
    if pos:
        left = min(p[0] for p in pos.values()) - float(settings["side_column_gap"])
        top = min(p[1] for p in pos.values())
    else:
        left, top = 0.0, 0.0
    for i, n in enumerate(sorted(unplaced, key=lambda n: str(g.nodes[n].get("label", n)))):
        pos[n] = (left, top + i * row_gap)
    # places of county level and above keep their geography; towns, villages, organisations
    # and projects give way
    weight = {n: separation_weight(g.nodes[n]) for n in movable}
    separated = separate(movable, half_width, half_height, rounds, weight)
    pos.update({n: (x, y - drop[n]) for n, (x, y) in separated.items()})
    return pos, len(unplaced)


def separate_groups(
    centres: dict[str, tuple[float, float]],
    groups: list[list[str]],
    half_width: dict[str, float],
    half_height: dict[str, float],
    rounds: int,
) -> dict[str, tuple[float, float]]:
    """Pull apart the groups' bounding boxes (each group moves as one), then return the members'
    box centres moved with their group."""
    boxes: dict[str, tuple[float, float]] = {}
    group_width: dict[str, float] = {}
    group_height: dict[str, float] = {}
    for i, members in enumerate(groups):
        left = min(centres[n][0] - half_width[n] for n in members)
        right = max(centres[n][0] + half_width[n] for n in members)
        top = min(centres[n][1] - half_height[n] for n in members)
        bottom = max(centres[n][1] + half_height[n] for n in members)
        key = str(i)
        boxes[key] = ((left + right) / 2, (top + bottom) / 2)
        group_width[key], group_height[key] = (right - left) / 2, (bottom - top) / 2
    moved = separate(boxes, group_width, group_height, rounds)
    out = dict(centres)
    for i, members in enumerate(groups):
        key = str(i)
        dx, dy = moved[key][0] - boxes[key][0], moved[key][1] - boxes[key][1]
        for n in members:
            out[n] = (centres[n][0] + dx, centres[n][1] + dy)
    return out


def separation_weight(node: dict[str, Any]) -> float:
    """How firmly a node keeps its place when boxes are pulled apart: places of county level
    and above (the map's geography) are heavier than towns, villages, organisations and projects."""
    if (
        node.get("type", "Place") == "Place"
        and LEVEL_RANK.get(str(node.get("level")), 9) <= LEVEL_RANK["county"]
    ):
        return float(load_style()["map"]["anchor_weight"])
    return 1.0


def label_boxes(
    g: nx.MultiDiGraph, mode: str, margin: float
) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    """Each node's box: its disc and the (wrapped) label under it, plus ``margin``. Boxes are
    laid out by their own centres, which sit below the discs by half the label's height.
    Returns half widths, half heights and that drop."""
    radius = node_sizes(g)
    wrap = int(load_style()["label_wrap"])
    half_width, half_height, drop = {}, {}, {}
    for n, d in g.nodes(data=True):
        font = label_font_size(d, mode)
        label = wrap_label(str(d.get("label") or n), wrap)
        label_height = 1.25 * font * (label.count("\n") + 1) + 4
        half_width[n] = max(radius[n], label_width(label, font) / 2) + margin
        half_height[n] = radius[n] + label_height / 2 + margin
        drop[n] = label_height / 2
    return half_width, half_height, drop


def fixed_network_positions(g: nx.MultiDiGraph, seed: int, rounds: int) -> dict[str, tuple[float, float]]:
    """The network page's layout when physics is off: the seeded spring layout, with the boxes
    of nodes and labels pulled apart (the page can no longer do that by simulating)."""
    scale = 120 * math.sqrt(max(g.number_of_nodes(), 1))
    pos = spring_positions(g, seed, scale)
    half_width, half_height, drop = label_boxes(g, "graph", 4)
    centres = {n: (x, y + drop[n]) for n, (x, y) in pos.items()}
    separated = separate(centres, half_width, half_height, rounds)
    return {n: (x, y - drop[n]) for n, (x, y) in separated.items()}


RING_SLOTS = 16  # candidate places round an anchor, of which each ring of eight takes the freest
LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2, "town": 3, "village": 4}


def _ring_coincident(
    g: nx.MultiDiGraph,
    pos: dict[str, tuple[float, float]],
    centres: dict[str, tuple[float, float]],
    half_width: dict[str, float],
    half_height: dict[str, float],
    radius: dict[str, float],
    near: float,
) -> tuple[dict[str, tuple[float, float]], list[list[str]]]:
    """Nodes at one point or within ``near`` of it: the highest-level place (else the largest
    node) stays, the others go on rings round its box (eight to a ring), each ring just clear of
    the one inside it. ``pos`` holds the drawn points, ``centres`` the boxes' centres. Returns
    the new centres and the groups (anchor first)."""

    def rank(n: str) -> tuple[int, int, float, str]:
        d = g.nodes[n]
        return (
            0 if d.get("type") == "Place" else 1,
            LEVEL_RANK.get(str(d.get("level")), len(LEVEL_RANK)),
            -radius[n],
            str(d.get("label", n)),
        )

    groups: dict[tuple[float, float], list[str]] = {}
    for n in sorted(pos, key=rank):  # each joins the first group whose anchor is near enough
        point = pos[n]
        anchor = next((p for p in groups if math.dist(p, point) <= near), None)
        groups.setdefault(anchor or point, []).append(n)
    import numpy as np

    out = dict(centres)
    # Every satellite takes, of the free slots round its anchor, the one farthest from what is
    # already there (other anchors, satellites placed before): towns spread into open space and
    # not towards the next county.
    taken = [centres[members[0]] for members in groups.values()]
    for members in groups.values():
        if len(members) < 2:
            continue
        centre = centres[members[0]]
        others = np.array([p for p in taken if p != centre] or [(math.inf, math.inf)], dtype=float)
        reach_x, reach_y = half_width[members[0]], half_height[members[0]]
        rest = members[1:]
        while rest:
            ring, rest = rest[:8], rest[8:]
            step_x = max(half_width[n] for n in ring)
            step_y = max(half_height[n] for n in ring)
            size_x, size_y = reach_x + step_x, reach_y + step_y
            slots = []
            for k in range(RING_SLOTS):
                # on the rectangle round the anchor's box, so each satellite clears it on one axis
                angle = 2 * math.pi * k / RING_SLOTS
                cos, sin = math.cos(angle), math.sin(angle)
                stretch = 1 / max(abs(cos) / size_x, abs(sin) / size_y)
                slots.append((centre[0] + stretch * cos, centre[1] + stretch * sin))
            free = np.array(slots, dtype=float)
            for n in ring:
                room = np.sqrt(((free[:, None, :] - others[None, :, :]) ** 2).sum(axis=2)).min(axis=1)
                best = int(np.argmax(room))
                out[n] = (float(free[best, 0]), float(free[best, 1]))
                others = np.vstack([others, free[best]])
                free = np.delete(free, best, axis=0)
            reach_x, reach_y = reach_x + 2 * step_x, reach_y + 2 * step_y
    return out, list(groups.values())


def separate(
    pos: dict[str, tuple[float, float]],
    half_width: dict[str, float],
    half_height: dict[str, float],
    rounds: int,
    weight: dict[str, float] | None = None,
) -> dict[str, tuple[float, float]]:
    """Push apart nodes whose boxes (node and label) overlap, along the axis where they overlap
    least; of each overlap the lighter node takes the larger share (``weight``, default 1 each),
    so heavy nodes keep their place. The overall geography stays, and a few rounds settle the
    clusters of one county."""
    import numpy as np

    names = sorted(pos)
    if len(names) < 2:
        return dict(pos)
    mass = np.array([(weight or {}).get(n, 1.0) for n in names], dtype=float)
    share = mass[None, :] / (mass[:, None] + mass[None, :])  # node i's share of its overlap with j
    xy = np.array([pos[n] for n in names], dtype=float)
    hw = np.array([half_width[n] for n in names], dtype=float)
    hh = np.array([half_height[n] for n in names], dtype=float)
    reach_x, reach_y = hw[:, None] + hw[None, :], hh[:, None] + hh[None, :]
    count = len(names)
    # Coincident points need a direction to move in: a tiny deterministic spread.
    xy += np.column_stack([np.cos(np.arange(count) * 2.39996), np.sin(np.arange(count) * 2.39996)]) * 1e-3
    for _ in range(rounds):
        dx = xy[:, 0, None] - xy[None, :, 0]
        dy = xy[:, 1, None] - xy[None, :, 1]
        over_x, over_y = reach_x - np.abs(dx), reach_y - np.abs(dy)
        overlap = (over_x > 0) & (over_y > 0)
        np.fill_diagonal(overlap, False)
        if not overlap.any():
            break
        # the canvas is wider than tall: sideways moves are cheaper
        along_x = overlap & (over_x <= HORIZONTAL_PREFERENCE * over_y)
        along_y = overlap & ~along_x
        xy[:, 0] += (np.sign(dx) * over_x * share * along_x).sum(axis=1) * 0.5
        xy[:, 1] += (np.sign(dy) * over_y * share * along_y).sum(axis=1) * 0.5
    return {n: (float(x), float(y)) for n, (x, y) in zip(names, xy, strict=True)}


def label_font_size(node: dict[str, Any], mode: str) -> float:
    """Places are named larger than organisations and projects: the places are what a reader
    looks for first, and on the crowded map the smaller names leave room for them."""
    fonts = load_style()["font"]
    prefix = "map_" if mode == "map" else ""
    if node.get("type", "Place") == "Place":
        return float(fonts[f"{prefix}node_size"])
    return float(fonts[f"{prefix}other_node_size"])


def label_width(text: str, font_size: float) -> float:
    """Rough drawn width of a label (its widest line): full width for CJK, about half for Latin
    letters and digits."""
    lines = text.split("\n")
    return max(sum(font_size if ord(ch) > 0x2E80 else 0.6 * font_size for ch in line) for line in lines)


def wrap_label(name: str, width: int) -> str:
    """A long name on balanced lines of at most ``width`` characters (Chinese breaks anywhere),
    so one long official name (积石山保安族东乡族撒拉族自治县) does not run across its neighbours."""
    if width <= 0 or len(name) <= width + 1:
        return name
    count = math.ceil(len(name) / width)
    step = math.ceil(len(name) / count)
    lines = [name[i : i + step] for i in range(0, len(name), step)]
    for i in range(1, len(lines)):  # a closing bracket or mark stays with the text it closes
        while lines[i] and lines[i][0] in CLOSING_MARKS:
            lines[i - 1], lines[i] = lines[i - 1] + lines[i][0], lines[i][1:]
        while lines[i - 1] and lines[i - 1][-1] in OPENING_MARKS:
            lines[i - 1], lines[i] = lines[i - 1][:-1], lines[i - 1][-1] + lines[i]
    return "\n".join(line for line in lines if line)


def _point(d: dict[str, Any]) -> tuple[float, float] | None:
    lon, lat = d.get("lon"), d.get("lat")
    if _is_number(lon) and _is_number(lat):
        return (round(float(lon), 5), round(float(lat), 5))
    return None


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


# --------------------------------------------------------------------------- page data


def pyvis_network(
    g: nx.MultiDiGraph, mode: str, positions: dict[str, tuple[float, float]], physics: bool
) -> Network:
    """The page's network built with pyvis: one ``add_node``/``add_edge`` per graph node and edge
    with its vis-network options (label, shape, colour, size, position, arrows, dashes, width),
    our tooltip/filter/legend fields under ``kg``, and the page's options through
    ``set_options``. No ``title``: the page script builds each tooltip as DOM text."""
    from pyvis.network import Network

    style = load_style()
    font = style["font"]
    degree = _degrees(g)
    sizes = node_sizes(g)
    net = Network(directed=True, height="100%", width="100%", cdn_resources="in_line")
    for n, d in g.nodes(data=True):
        ntype = str(d.get("type") or "Place")
        name = str(d.get("label") or n)
        region = str(d.get("region") or "other")
        funds = float(d.get("funds_yuan") or 0)
        color = style["regions"].get(region, style["regions"]["other"])["color"]
        placement: dict[str, Any] = {}
        if n in positions:
            placement = {"x": round(positions[n][0], 1), "y": round(positions[n][1], 1)}
        net.add_node(
            page_id(n),
            label=wrap_label(name, int(style["label_wrap"])),
            shape=style["types"].get(ntype, style["types"]["Place"])["shape"],
            color={"background": color, "border": _darker(color), "highlight": {"background": color}},
            size=sizes[n],
            font={"size": label_font_size(d, mode)},
            fixed={"x": True, "y": True} if mode == "map" else False,
            **placement,
            kg={
                "name": name,
                "type": ntype,
                "level": str(d.get("level") or ""),
                "code": str(d.get("code") or ""),
                "region": region,
                "subtype": str(d.get("subtype") or ""),
                "funds": format_yuan(funds),
                "degree": degree[n],
                "weight": separation_weight(d),
            },
        )
    if net.num_nodes() != g.number_of_nodes():  # pyvis skips an id it has already seen, silently
        raise ValueError("two graph nodes have the same page id")
    per_pair: dict[frozenset[str], int] = defaultdict(int)
    max_evidence = int(style["limits"]["evidence_per_edge"])
    for i, (u, v, d) in enumerate(g.edges(data=True)):
        key = link_key(d)
        link = style["links"].get(key, style["links"]["help"])
        amount = format_yuan(float(d.get("amount_yuan") or 0))
        label_kind = d.get("kind") if d.get("type") == "pairing" and d.get("kind") else d.get("type")
        articles = int(d.get("articles") or 0)
        evidence = evidence_of(d)
        pair = frozenset((str(u), str(v)))
        per_pair[pair] += 1
        net.add_edge(
            page_id(u),
            page_id(v),
            id=f"e{i}",
            label=" · ".join(x for x in (str(label_kind or ""), amount) if x),
            arrows="to",
            color={"color": link["color"], "highlight": link["color"], "hover": link["color"]},
            dashes=d.get("type") == "pairing" and not d.get("official"),
            width=min(
                style["edge_width"]["base"] + style["edge_width"]["per_article"] * max(articles - 1, 0),
                style["edge_width"]["max"],
            ),
            font={"size": font["map_edge_size" if mode == "map" else "edge_size"], "align": "top"},
            # parallel links between one pair bow apart instead of lying on each other
            smooth={"enabled": True, "type": "curvedCW", "roundness": 0.12 + 0.18 * (per_pair[pair] - 1)},
            kg={
                "link": key,
                "type": str(d.get("type") or ""),
                "kind": str(d.get("kind") or ""),
                "amount": amount,
                "articles": articles,
                "official": bool(d.get("official")),
                "evidence": [_evidence_item(item) for item in evidence[:max_evidence]],
                "more": max(len(evidence) - max_evidence, 0),
            },
        )
    net.set_options(_set_options_text(network_options(mode, physics)))
    return net


def network_options(mode: str, physics: bool) -> dict[str, Any]:
    """vis-network's options for a page: the fixed part from ``style.json`` (``network``), plus
    physics (bounded stabilisation, or off), edge labels drawn only once readable, and edges
    hidden while dragging when there is no simulation to watch."""
    style = load_style()
    options = copy.deepcopy(style["network"])
    threshold = style["font"]["map_edge_label_min_px" if mode == "map" else "edge_label_min_px"]
    options["edges"]["scaling"] = {"label": {"drawThreshold": threshold}}
    options["interaction"]["hideEdgesOnDrag"] = not physics
    if physics:
        stabilization = {
            "enabled": True,
            "iterations": int(style["limits"]["stabilization_iterations"]),
            "updateInterval": 50,
            "fit": True,
        }
        options["physics"] = {**style["physics"], "enabled": True, "stabilization": stabilization}
    else:
        options["physics"] = {"enabled": False}
    return options


def _set_options_text(options: dict[str, Any]) -> str:
    """``options`` as the text pyvis's ``set_options`` parses. That method deletes every space
    and newline before parsing, which would fuse font names (``Noto Sans`` → ``NotoSans``): the
    JSON is written without spaces between tokens and each space inside a string as ``\\u0020``,
    which JSON reads back as a space."""
    return json.dumps(options, ensure_ascii=False, separators=(",", ":")).replace(" ", "\\u0020")


def page_data(
    g: nx.MultiDiGraph,
    mode: str,
    positions: dict[str, tuple[float, float]],
    physics: bool,
    notes: Iterable[str],
    total: tuple[int, int],
) -> dict[str, Any]:
    """Everything the page script needs, as plain JSON: the pyvis network's nodes, edges and
    options, plus what the notes, legend and filters read."""
    style = load_style()
    nodes, edges, _heading, _height, _width, options = pyvis_network(
        g, mode, positions, physics
    ).get_network_data()
    return {
        "mode": mode,
        "physics": physics,
        "stabilization": int(style["limits"]["stabilization_iterations"]),
        "separate_max_nodes": int(style["limits"]["max_nodes"]),
        "notes": list(notes),
        "total": {"nodes": total[0], "edges": total[1]},
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options),
        "legend": {
            "regions": [{"label": r["label"], "color": r["color"]} for r in style["regions"].values()],
            "types": [{"label": t["label"], "shape": t["shape"]} for t in style["types"].values()],
            "links": [
                {"key": k, "label": x["label"], "color": x["color"]} for k, x in style["links"].items()
            ],
            "dashed": style["unofficial_pairing"]["label"],
        },
        "levels": [lvl for lvl in ("province", "prefecture", "county", "town", "village")],
    }


def _evidence_item(item: dict[str, Any]) -> dict[str, str]:
    return {key: str(item.get(key) or "") for key in ("article", "title", "date", "sentence")}


def _degrees(g: nx.MultiDiGraph) -> dict[str, int]:
    """Distinct neighbours: parallel edges (a pairing and a funding) count once."""
    return {n: len(set(nx.all_neighbors(g, n))) for n in g.nodes}


def node_sizes(g: nx.MultiDiGraph) -> dict[str, float]:
    """Node radius: grows with the square root of the degree and the log of the funds."""
    sizes = load_style()["node_size"]
    out = {}
    for n, degree in _degrees(g).items():
        funds = float(g.nodes[n].get("funds_yuan") or 0)
        size = sizes["base"] + sizes["per_sqrt_degree"] * math.sqrt(degree)
        if funds > 0:
            size += sizes["per_log10_wan_yuan"] * math.log10(1 + funds / 1e4)
        out[n] = round(min(size, sizes["max"]), 1)
    return out


def _darker(color: str) -> str:
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * 0.7) for c in (r, g, b)))


# --------------------------------------------------------------------------- rendering


def render_page(data: dict[str, Any], title: str) -> str:
    """One self-contained HTML page: pyvis's vis-network, our script and style, the data."""
    from jinja2 import Environment
    from markupsafe import Markup

    scripts = [vis_network_js(), _asset("view.js")]
    for script in scripts:
        if "</script" in script.lower() or "<!--" in script:
            raise ValueError("an inlined script would end its <script> element early")
    hashes = " ".join(
        f"'sha256-{base64.b64encode(hashlib.sha256(s.encode('utf-8')).digest()).decode()}'" for s in scripts
    )
    env = Environment(autoescape=True, keep_trailing_newline=True)
    template = env.from_string(_asset("page.html"))
    return template.render(
        title=title,
        csp=f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:",
        css=Markup(_asset("view.css")),
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
    geo_pos, unplaced = geo_positions(shown, style["map"])
    map_notes = list(notes)
    if unplaced:
        map_notes.append(f"{unplaced} node(s) without a known location are stacked in the left column.")
    return {
        PAGES["graph"]: render_page(
            page_data(shown, "graph", graph_pos, physics, graph_notes, total),
            "山海图谱 Shanhai KG — pairing network",
        ),
        PAGES["map"]: render_page(
            page_data(shown, "map", geo_pos, False, map_notes, total), "山海图谱 Shanhai KG — map"
        ),
    }


def write_views(nxg: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    """Write ``graph.html`` and ``map.html`` into ``out_dir`` (atomically); return their paths."""
    out = Path(out_dir)
    written = []
    for name, html in build_pages(nxg).items():
        with atomic_writer(out / name) as fh:
            fh.write(html)
        written.append(out / name)
    return written
