"""Where the nodes stand: a seeded spring layout for the network page, longitude/latitude for the
map, and boxes (node and label) pulled apart so no label covers another.

The map lays places out by longitude and latitude with a projection the page also uses for the
province outlines (``Projection``), puts towns, villages and firms that share their county's
point on rings round it, and pulls overlapping boxes apart, cluster by cluster and then node by
node (counties keep their place, the rest give way).
"""

from __future__ import annotations

import math
from typing import Any

import networkx as nx

from kg.views.assets import is_number, load_style
from kg.views.geo import Projection

HORIZONTAL_PREFERENCE = 1.5  # map de-overlap: move sideways unless that is 1.5× the way
SPRING_MAX_NODES = 500  # networkx switches its spring layout to scipy's sparse arrays here
CLOSING_MARKS = ")）]】」』”’、，。,.·"
OPENING_MARKS = "(（[【「『“‘"


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


def geo_positions(
    g: nx.MultiDiGraph, settings: dict[str, Any]
) -> tuple[dict[str, tuple[float, float]], int, Projection]:
    """Projected lon/lat (``Projection``: east right, north up), pulled apart just enough that
    nodes and their labels do not cover each other.

    A node without coordinates starts at the graph's node of its county/prefecture/province
    (by code prefix), else at the mean of its located neighbours; the rest stack in a column
    left of the map. Nodes that share a point (a county, its towns and the firms based there)
    start on rings round the highest-level place among them; the clusters are then pulled apart
    as whole boxes and only then single nodes, so each town stays next to its county instead of
    drifting towards the next. Returns the positions, how many nodes went to the column, and the
    projection (the page draws the province outlines with it).
    """
    located = {
        n: (float(d["lon"]), float(d["lat"]))
        for n, d in g.nodes(data=True)
        if is_number(d.get("lon")) and is_number(d.get("lat"))
    }
    # More nodes need more room: the drawing grows with the square root of their number.
    crowding = math.sqrt(g.number_of_nodes() / float(settings["nodes_per_width"]))
    projection = Projection.fit(located.values(), float(settings["width"]) * max(1.0, crowding))
    pos = {n: projection.project(lon, lat) for n, (lon, lat) in located.items()}
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
    return pos, len(unplaced), projection


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


def degrees(g: nx.MultiDiGraph) -> dict[str, int]:
    """Distinct neighbours: parallel edges (a pairing and a funding) count once."""
    return {n: len(set(nx.all_neighbors(g, n))) for n in g.nodes}


def node_sizes(g: nx.MultiDiGraph) -> dict[str, float]:
    """Node radius: grows with the square root of the degree and the log of the funds."""
    sizes = load_style()["node_size"]
    out = {}
    for n, degree in degrees(g).items():
        funds = float(g.nodes[n].get("funds_yuan") or 0)
        size = sizes["base"] + sizes["per_sqrt_degree"] * math.sqrt(degree)
        if funds > 0:
            size += sizes["per_log10_wan_yuan"] * math.log10(1 + funds / 1e4)
        out[n] = round(min(size, sizes["max"]), 1)
    return out
