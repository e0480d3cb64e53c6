"""SHACL validation of a graph against the shipped shapes and ontology."""

from __future__ import annotations

from importlib.resources import files

from rdflib import Graph

from kg.graph.rdf import new_graph


def ontology_graph() -> Graph:
    """The OWL ontology (ontology/shanhai.ttl), as shipped in the package."""
    g = new_graph()
    g.parse(data=files("kg.ontology").joinpath("shanhai.ttl").read_text(encoding="utf-8"), format="turtle")
    return g


def shapes_graph() -> Graph:
    """The SHACL shapes (ontology/shapes.ttl) that everything the build emits must conform to."""
    g = Graph()
    g.parse(data=files("kg.ontology").joinpath("shapes.ttl").read_text(encoding="utf-8"), format="turtle")
    return g


def validate_graph(g: Graph) -> tuple[bool, str]:
    """SHACL-validate ``g`` against the shapes; returns (conforms, the report as text)."""
    from pyshacl import validate

    conforms, _, text = validate(
        g, shacl_graph=shapes_graph(), ont_graph=ontology_graph(), inference="none", allow_warnings=True
    )
    return bool(conforms), str(text)
