"""What the nlp components share on a spaCy Doc: the span groups and user data keys, our labels."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from spacy.tokens import Doc

RULES_KEY = "kg_rules"  # doc.spans: the gazetteer and pattern spans (our labels)


NER_KEY = "kg_ner"  # doc.spans: the statistical spans (the model's own labels)


SENTENCES_KEY = "kg_sentences"  # doc.user_data: [(start, end)] sentence offsets, when known


TEXT_KEY = "kg_text"  # doc.user_data: the doc's text, kept once (see doc_text)


OUR_LABELS = ("PLACE", "ORG", "PROJECT", "MONEY", "DATE", "PERSON")


class SurfaceSource(Protocol):
    """What the gazetteer ruler needs (kg.gazetteer.Gazetteer has it): (surface, level) pairs."""

    def surface_forms(self) -> Iterable[tuple[str, str]]: ...


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per doc.

    spaCy joins every token's text anew on each ``doc.text``; with one token per character
    that cost more than all the rules and the NER together (measured: benchmarks/bench_entities.py)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text
