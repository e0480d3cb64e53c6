"""What every page shares: the style table, our inlined assets, pyvis's vis-network bundle,
money formatting, JSON that is safe inside ``<script>``, page ids and the edge fields the pages read.

vis-network is inlined as pyvis ships it (``pyvis/lib/vis-9.1.2/vis-network.min.js`` in pyvis
0.3.2, read with importlib.resources; only its trailing source-map comment is dropped).
vis-network (https://github.com/visjs/vis-network) is dual licensed Apache-2.0/MIT, (c) 2011-2017
Almende B.V., (c) 2017-2019 visjs contributors; its licence header stays inside the inlined script.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

from kg.io import data_text

VIS_FOLDER = re.compile(r"vis-(\d+(?:\.\d+)*)")  # pyvis/lib/vis-9.1.2/
VIS_SCRIPT = "vis-network.min.js"
SOURCE_MAP_COMMENT = re.compile(r"\n//# sourceMappingURL=[^\n]*\s*\Z")


@cache
def load_style() -> dict[str, Any]:
    """Colours, shapes, sizes and the large-graph limits, from ``data/views/style.json``."""
    return json.loads(asset("style.json"))


def asset(name: str) -> str:
    return data_text("views", name)


def template(name: str) -> Any:
    """A Jinja template of ``data/views`` (autoescaped; ``{% include %}`` reads its siblings)."""
    from jinja2 import Environment, FunctionLoader

    env = Environment(autoescape=True, keep_trailing_newline=True, loader=FunctionLoader(asset))
    return env.get_template(name)


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


def point_of(d: dict[str, Any]) -> tuple[float, float] | None:
    lon, lat = d.get("lon"), d.get("lat")
    if is_number(lon) and is_number(lat):
        return (round(float(lon), 5), round(float(lat), 5))
    return None


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


YEAR = re.compile(r"^(\d{4})")


def evidence_years(evidence: list[dict[str, Any]]) -> list[int]:
    """The years an edge's evidence speaks of: the date the relation itself states (``stated``)
    when it states one, else its article's date. Undated items give none."""
    years = set()
    for item in evidence:
        match = YEAR.match(str(item.get("stated") or item.get("date") or ""))
        if match:
            years.add(int(match.group(1)))
    return sorted(years)


def programmes_of(edge: dict[str, Any]) -> list[str]:
    """The pairing programmes an edge belongs to (``programme``: one name, a JSON list, or names
    joined by ``;``), in the order given; none when the graph has no programme data."""
    raw = edge.get("programme") or edge.get("programmes") or []
    if isinstance(raw, str):
        text = raw.strip()
        if text.startswith("["):
            try:
                raw = json.loads(text)
            except json.JSONDecodeError:
                raw = [text]
        else:
            raw = text.split(";")
    return [str(p).strip() for p in raw if str(p).strip()]
