"""The graph stage: articles, linked mentions and relations → an RDF graph, and what is written from it.

``rdf`` makes the triples (article by article, the entities and the pairs' links at the end),
``store`` fills the embedded pyoxigraph store and writes Turtle from it, ``networkx`` projects
the graph onto donor → recipient edges for GraphML and the views, ``write`` puts graph.ttl,
``store/`` and graph.graphml into a build folder, ``validate`` checks the SHACL shapes,
``programmes`` adds the official programme tables and links relations to their rows.
"""

from kg.graph.networkx import EdgeRows, project, to_networkx
from kg.graph.rdf import GraphAssembler, build_graph, new_graph
from kg.graph.store import STORE_DIR, StoreLoader, load_store, write_turtle
from kg.graph.validate import ontology_graph, shapes_graph, validate_graph
from kg.graph.write import GRAPH_TTL, GRAPHML, GraphWriter, read_graph, write_graph, write_graphml

__all__ = [
    "GRAPHML",
    "GRAPH_TTL",
    "STORE_DIR",
    "EdgeRows",
    "GraphAssembler",
    "GraphWriter",
    "StoreLoader",
    "build_graph",
    "load_store",
    "new_graph",
    "ontology_graph",
    "project",
    "read_graph",
    "shapes_graph",
    "to_networkx",
    "validate_graph",
    "write_graph",
    "write_graphml",
    "write_turtle",
]
