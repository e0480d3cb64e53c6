"""The shanhai namespace in code (kg.vocab.SHANHAI) and the ontology (ontology/shanhai.ttl) declare
the same terms, and a term the ontology does not declare is an error where it is written."""

from __future__ import annotations

from importlib.resources import files

import pytest
from rdflib import Graph, URIRef

from kg.vocab import GEO, SHANHAI


def declared_in_ontology() -> set[str]:
    graph = Graph().parse(data=files("kg.ontology").joinpath("shanhai.ttl").read_text(encoding="utf-8"))
    namespace = str(SHANHAI)
    return {
        str(subject)[len(namespace) :]
        for subject in graph.subjects()
        if isinstance(subject, URIRef) and str(subject).startswith(namespace)
    }


def test_the_namespace_declares_exactly_the_ontology_s_terms() -> None:
    in_code = {name for name in SHANHAI.__annotations__}
    assert in_code == declared_in_ontology()


def test_a_misspelt_term_is_an_error() -> None:
    assert SHANHAI.donor == URIRef("https://w3id.org/shanhai-kg/ontology#donor")
    assert SHANHAI["province"] == URIRef("https://w3id.org/shanhai-kg/ontology#province")
    with pytest.raises(AttributeError, match="donour"):
        _ = SHANHAI.donour
    with pytest.raises(AttributeError):
        _ = GEO.latitude
