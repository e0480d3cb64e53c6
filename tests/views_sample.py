"""A generated projection of corpus size, shared by the large-graph browser test
(tests/test_views_browser.py) and benchmarks/bench_views.py."""

from __future__ import annotations

import json

import networkx as nx
from test_views import ORG, PLACE, PROJECT, evidence


def corpus_graph(articles: int, seed: int = 7) -> nx.MultiDiGraph:
    """A generated projection of the size a build of ``articles`` articles gives: per 10,000
    articles about 3,000 county-level and higher places, 4,000 towns and villages, 5,000
    organisations, 1,500 projects and 25,000 links with 40,000 evidence items dated 2016–2023
    (the seeds give 9 nodes and 14 links an article before places repeat across articles)."""
    import random

    rng = random.Random(seed)
    scale = articles / 10_000
    g = nx.MultiDiGraph()
    places, towns = [], []
    for i in range(int(3000 * scale)):
        east = i % 3 == 0
        code = f"{(33 if east else 52) + i % 5:02d}{i // 100 % 100:02d}{i % 100:02d}"
        node = f"{PLACE}{code}-{i}"
        lon = rng.uniform(113, 122) if east else rng.uniform(98, 110)
        level = ("county", "prefecture")[i % 7 == 0]
        region = "east" if east else "west"
        g.add_node(node, label=f"县{i}", type="Place", level=level, code=code, region=region,
                   lon=lon, lat=rng.uniform(22, 40), funds_yuan=0.0)  # fmt: skip
        places.append(node)
    for i in range(int(4000 * scale)):
        county = rng.choice(places)
        d = g.nodes[county]
        node = f"{county}/town{i}"
        g.add_node(node, label=f"镇{i}", type="Place", level=("town", "village")[i % 2], code="",
                   region=d["region"], lon=d["lon"], lat=d["lat"], funds_yuan=0.0)  # fmt: skip
        towns.append(node)
    orgs = [f"{ORG}{i}" for i in range(int(5000 * scale))]
    for i, node in enumerate(orgs):
        g.add_node(node, label=f"机构{i}有限公司", type="Organisation", level="", code="",
                   subtype="enterprise", region="east", funds_yuan=0.0)  # fmt: skip
    projects = [f"{PROJECT}{i}" for i in range(int(1500 * scale))]
    for i, node in enumerate(projects):
        g.add_node(node, label=f"产业园{i}", type="Project", level="", code="", region="west", funds_yuan=0.0)
    donors = [p for p in places if g.nodes[p]["region"] == "east"]
    recipients = [p for p in places + towns if g.nodes[p]["region"] == "west"]
    kinds = (("pairing", "east-west"), ("help", ""), ("funding", ""), ("project", ""))
    for i in range(int(25_000 * scale)):
        rtype, kind = kinds[i % 4]
        u = rng.choice(orgs) if rtype in ("funding", "project") and i % 8 < 4 else rng.choice(donors)
        v = rng.choice(projects) if rtype == "project" else rng.choice(recipients)
        items = [
            evidence(rng.randrange(articles), f"第{i}条证据。", date=f"{rng.randint(2016, 2023)}-05-01")
            for _ in range(rng.choice((1, 1, 2, 3)))
        ]
        g.add_edge(u, v, key=rtype, type=rtype, kind=kind, amount_yuan=float(rng.choice((0, 0, 1e6, 3e7))),
                   articles=len({e["article"] for e in items}), official=i % 5 == 0,
                   evidence=json.dumps(items, ensure_ascii=False))  # fmt: skip
    return g
