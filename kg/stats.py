"""`kg stats`: what a build holds (counted in its SPARQL store) and who gives and receives most
(ranked on its NetworkX projection, graph.graphml)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kg.query import open_store, select_rows

# The shanhai: prefix (and the others of kg.vocab.PREFIXES) is given to every query by kg.query.run.
COUNTS_QUERY = """
SELECT ?what (COUNT(DISTINCT ?node) AS ?count) WHERE {
  VALUES (?class ?what) {
    (shanhai:Article "articles") (shanhai:Place "places") (shanhai:Organisation "organisations")
    (shanhai:Project "projects") (shanhai:Relation "relations") (shanhai:Pairing "pairing relations")
    (shanhai:Help "help relations") (shanhai:Funding "funding relations")
    (shanhai:ProjectSupport "project relations") (shanhai:AssistanceLink "assistance links")
  }
  OPTIONAL { ?node a ?class }
} GROUP BY ?what
"""
TRIPLES_QUERY = "SELECT (COUNT(*) AS ?count) WHERE { ?s ?p ?o }"
ASSISTS_QUERY = "SELECT (COUNT(*) AS ?count) WHERE { ?s shanhai:assists ?o }"
COUNT_ORDER = (
    "triples",
    "articles",
    "places",
    "organisations",
    "projects",
    "relations",
    "pairing relations",
    "help relations",
    "funding relations",
    "project relations",
    "assistance links",
    "assists edges",
)


@dataclass
class BuildStats:
    """Counts, and rankings of (label, value) best first."""

    counts: dict[str, int]
    top: dict[str, list[tuple[str, float]]] = field(default_factory=dict)


def projection(build_dir: Path) -> nx.MultiDiGraph:
    """The build's NetworkX projection: graph.graphml, or computed from graph.ttl when it is missing."""
    graphml = Path(build_dir) / "graph.graphml"
    if graphml.is_file():
        return nx.read_graphml(graphml, force_multigraph=True)
    from kg.graph import read_graph, to_networkx

    return to_networkx(read_graph(Path(build_dir)))


def rankings(graph: nx.MultiDiGraph, top: int = 10) -> dict[str, list[tuple[str, float]]]:
    """Top donors and recipients by number of pairing partners and by funds (funds_yuan)."""
    pairing_out: dict[str, set[str]] = {}
    pairing_in: dict[str, set[str]] = {}
    donors: set[str] = set()
    recipients: set[str] = set()
    for u, v, data in graph.edges(data=True):
        donors.add(u)
        recipients.add(v)
        if data.get("type") == "pairing":
            pairing_out.setdefault(u, set()).add(v)
            pairing_in.setdefault(v, set()).add(u)

    def label(node: str) -> str:
        return str(graph.nodes[node].get("label") or node)

    def best(scores: dict[str, float]) -> list[tuple[str, float]]:
        ranked = sorted(((label(n), s) for n, s in scores.items() if s > 0), key=lambda x: (-x[1], x[0]))
        return ranked[:top]

    funds = {n: float(graph.nodes[n].get("funds_yuan", 0.0)) for n in graph.nodes}
    return {
        "donors by pairings": best({n: float(len(p)) for n, p in pairing_out.items()}),
        "recipients by pairings": best({n: float(len(p)) for n, p in pairing_in.items()}),
        "donors by funds (yuan)": best({n: funds[n] for n in donors}),
        "recipients by funds (yuan)": best({n: funds[n] for n in recipients}),
    }


def build_stats(build_dir: Path, top: int = 10) -> BuildStats:
    store = open_store(Path(build_dir))
    counts = {row["what"]: int(row["count"]) for row in select_rows(store, COUNTS_QUERY)}
    counts["triples"] = int(select_rows(store, TRIPLES_QUERY)[0]["count"])
    counts["assists edges"] = int(select_rows(store, ASSISTS_QUERY)[0]["count"])
    ordered = {k: counts.get(k, 0) for k in COUNT_ORDER}
    return BuildStats(counts=ordered, top=rankings(projection(build_dir), top))


def format_stats(stats: BuildStats) -> str:
    width = max(len(k) for k in stats.counts)
    lines = [f"{k:<{width}}  {v:>10,}" for k, v in stats.counts.items()]
    for title, ranked in stats.top.items():
        lines.append("")
        lines.append(f"top {title}:")
        if not ranked:
            lines.append("  (none)")
        for i, (name, value) in enumerate(ranked, 1):
            shown = f"{value:,.0f}"
            lines.append(f"  {i:>2}. {name}  {shown}")
    return "\n".join(lines) + "\n"
