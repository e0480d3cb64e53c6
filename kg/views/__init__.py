"""The HTML views of a build: ``graph.html`` (the pairing network), ``map.html`` (the same graph
on the outlines of China's provinces) and ``report.html`` (the corpus in numbers, each number
linked to the rows and sentences behind it).

One module per job: ``assets`` (style, inlined scripts, formatting), ``reduce`` (what a page can
afford to show), ``layout`` (positions and label boxes), ``geo`` (the projection and the province
outlines), ``network`` (the pyvis network and the page data), ``pages`` (rendering and writing the
two network pages), ``report`` (report.html).

The package gives what the build and the CLI call — the pages (:func:`write_views`, :func:`write_pages`,
:func:`build_pages`, :func:`render_page`, :data:`PAGES`), what a page can afford to show
(:func:`reduce_for_display`) — and the style and the money format every page shares; a module's
own helpers are imported from that module.
"""

from kg.views.assets import format_yuan, load_style
from kg.views.pages import PAGES, build_pages, render_page, write_pages, write_views
from kg.views.reduce import reduce_for_display

__all__ = [
    "PAGES",
    "build_pages",
    "format_yuan",
    "load_style",
    "reduce_for_display",
    "render_page",
    "write_pages",
    "write_views",
]
