"""The HTML views of a build: ``graph.html`` (the pairing network), ``map.html`` (the same graph
on the outlines of China's provinces) and ``report.html`` (the corpus in numbers, each number
linked to the rows and sentences behind it).

One module per job: ``assets`` (style, inlined scripts, formatting), ``reduce`` (what a page can
afford to show), ``layout`` (positions and label boxes), ``geo`` (the projection and the province
outlines), ``network`` (the pyvis network and the page data), ``pages`` (rendering and writing the
two network pages), ``report`` (report.html).
"""

from kg.views.assets import (
    evidence_of,
    evidence_years,
    format_yuan,
    link_key,
    load_style,
    page_id,
    programmes_of,
    safe_json,
    vis_network_bundle,
    vis_network_js,
)
from kg.views.layout import (
    fixed_network_positions,
    geo_positions,
    label_boxes,
    node_sizes,
    separate,
    spring_positions,
    wrap_label,
)
from kg.views.network import network_options, page_data, pyvis_network
from kg.views.pages import PAGES, build_pages, render_page, write_views
from kg.views.reduce import reduce_for_display

__all__ = [
    "PAGES",
    "build_pages",
    "evidence_of",
    "evidence_years",
    "fixed_network_positions",
    "format_yuan",
    "geo_positions",
    "label_boxes",
    "link_key",
    "load_style",
    "network_options",
    "node_sizes",
    "page_data",
    "page_id",
    "programmes_of",
    "pyvis_network",
    "reduce_for_display",
    "render_page",
    "safe_json",
    "separate",
    "spring_positions",
    "vis_network_bundle",
    "vis_network_js",
    "wrap_label",
    "write_views",
]
