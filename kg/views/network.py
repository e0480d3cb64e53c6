"""The page's network built with pyvis: one ``add_node``/``add_edge`` per graph node and edge with
its vis-network options and our ``kg`` fields (tooltips, filters, legend, years), and the page's
options through ``set_options``. pyvis's own template is not used (it links CDNs); the nodes,
edges and options the page draws are that Network's (``get_network_data()``)."""

from __future__ import annotations

import copy
import json
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import networkx as nx

from kg.views.assets import (
    evidence_of,
    evidence_years,
    format_yuan,
    link_key,
    load_style,
    page_id,
    programmes_of,
)
from kg.views.geo import Projection, outlines
from kg.views.layout import degrees, label_font_size, node_sizes, separation_weight, wrap_label

if TYPE_CHECKING:
    from pyvis.network import Network


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
    degree = degrees(g)
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
    programme_colour = programme_colours(g)
    for i, (u, v, d) in enumerate(_drawing_order(g, positions)):
        key = link_key(d)
        link = style["links"].get(key, style["links"]["help"])
        programmes = programmes_of(d)
        colour = programme_colour[programmes[0]] if programmes else link["color"]
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
            color={"color": colour, "highlight": colour, "hover": colour},
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
                "programmes": programmes,
                "years": evidence_years(evidence),
                "evidence": [_evidence_item(item) for item in evidence[:max_evidence]],
                "more": max(len(evidence) - max_evidence, 0),
            },
        )
    net.set_options(_set_options_text(network_options(mode, physics)))
    return net


def _drawing_order(
    g: nx.MultiDiGraph, positions: dict[str, tuple[float, float]]
) -> list[tuple[str, str, dict[str, Any]]]:
    """The edges longest first: vis-network draws later edges on top and its tooltip picks the
    last edge under the pointer, so a short arrow (福清 → 连城 inside one province on the map)
    stays reachable instead of lying under the long arrows that leave the same node. Edges
    without both positions keep their place at the end, in the graph's order."""
    edges = list(g.edges(data=True))

    def length(item: tuple[int, tuple[str, str, dict[str, Any]]]) -> tuple[float, int]:
        index, (u, v, _) = item
        if u in positions and v in positions:
            (x1, y1), (x2, y2) = positions[u], positions[v]
            return (-((x1 - x2) ** 2 + (y1 - y2) ** 2), index)
        return (0.0, index)

    return [edge for _, edge in sorted(enumerate(edges), key=length)]


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


def programme_names() -> dict[str, str]:
    """Programme id → its name, from the programme tables (``kg.programmes``)."""
    from kg.programmes import tables

    return {key: programme.name for key, programme in tables().programmes.items()}


def programme_colours(g: nx.MultiDiGraph) -> dict[str, str]:
    """A colour for each programme the graph's edges name, from the style's palette in name order
    (the same programme has the same colour on both pages)."""
    palette = load_style()["programme_palette"]
    names = sorted({p for _, _, d in g.edges(data=True) for p in programmes_of(d)})
    return {name: palette[i % len(palette)] for i, name in enumerate(names)}


def page_data(
    g: nx.MultiDiGraph,
    mode: str,
    positions: dict[str, tuple[float, float]],
    physics: bool,
    notes: Iterable[str],
    total: tuple[int, int],
    projection: Projection | None = None,
) -> dict[str, Any]:
    """Everything the page script needs, as plain JSON: the pyvis network's nodes, edges and
    options, plus what the notes, legend, filters and (on the map) the outlines read."""
    style = load_style()
    nodes, edges, _heading, _height, _width, options = pyvis_network(
        g, mode, positions, physics
    ).get_network_data()
    colours = programme_colours(g)
    names = programme_names()
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
            "programmes": [{"key": k, "label": names.get(k, k), "color": c} for k, c in colours.items()],
        },
        "levels": [lvl for lvl in ("province", "prefecture", "county", "town", "village")],
        "geo": None
        if projection is None
        else {"projection": projection.to_json(), "outlines": outlines(), "style": style["outlines"]},
    }


def _evidence_item(item: dict[str, Any]) -> dict[str, str]:
    return {key: str(item.get(key) or "") for key in ("article", "title", "date", "sentence")}


def _darker(color: str) -> str:
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * 0.7) for c in (r, g, b)))
