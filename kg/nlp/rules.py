"""The rule components: the gazetteer's names as a span ruler (``kg_gazetteer``) and the entity
patterns (``kg_patterns``), both writing ``doc.spans[RULES_KEY]``."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.nlp.doc import RULES_KEY, SurfaceSource, doc_text
from kg.nlp.lexicon import place_ending
from kg.nlp.patterns import PatternSet, find_pattern_spans, load_patterns
from kg.nlp.place_ruler import (
    PlaceRuler,
    compile_automaton,
    gazetteer_patterns,
    matchable,
    shipped_automaton,
)
from kg.nlp.words import cuts_through_word


class PatternRuler:
    """Adds the pattern matches to ``doc.spans[RULES_KEY]`` beside the gazetteer's places.

    It first marks the span_ruler's places as coming from the gazetteer and drops the short
    names (no 县/市/州… ending) that cut through a word."""

    def __init__(self, patterns: PatternSet) -> None:
        self.patterns = patterns

    def __call__(self, doc: Doc) -> Doc:
        group = list(doc.spans.get(RULES_KEY) or [])
        text, ending = doc_text(doc), place_ending()
        spans = [
            s if s.kb_id_ else Span(doc, s.start, s.end, label=s.label, kb_id="gazetteer", span_id=s.id)
            for s in group
            if s.kb_id_
            or ending.search(text, s.start_char, s.end_char)
            or not cuts_through_word(text, s.start_char, s.end_char)
        ]
        places = [(s.start_char, s.end_char) for s in spans if s.label_ == "PLACE"]
        for start, end, label, subtype, _ in find_pattern_spans(text, places, self.patterns):
            span = doc.char_span(start, end, label=label, kb_id="pattern", span_id=subtype,
                                 alignment_mode="contract")  # fmt: skip
            if span is not None and len(span):
                spans.append(span)
        doc.spans[RULES_KEY] = spans
        return doc


@Language.factory("kg_patterns", default_config={"path": None})
def make_pattern_ruler(nlp: Language, name: str, path: str | None) -> PatternRuler:
    return PatternRuler(load_patterns(path))


@Language.factory("kg_place_ruler", default_config={})
def make_place_ruler(nlp: Language, name: str) -> PlaceRuler:
    """The automaton is set after creation (``automaton``): it is no config value."""
    return PlaceRuler(None)


def _place_automaton(nlp: Language, gazetteer: SurfaceSource | None) -> Any:
    """The automaton for ``kg_gazetteer``, or None where the span_ruler must match: a tokenizer
    of words (an installed pipeline's) or surface forms with whitespace."""
    if getattr(nlp.tokenizer, "segmenter", None) != "char":
        return None
    if gazetteer is None:
        return shipped_automaton()
    patterns = gazetteer_patterns(gazetteer)
    return compile_automaton(patterns) if matchable(patterns) else None


def add_rule_components(
    nlp: Language, gazetteer: SurfaceSource | None = None, before: str | None = None
) -> Language:
    """Add the gazetteer ruler and the pattern ruler (before ``before`` when given).

    On our character docs the gazetteer ruler is an automaton (:mod:`kg.nlp.place_ruler`),
    elsewhere a span_ruler of phrase patterns; both give the same spans."""
    where = {"before": before} if before else {}
    automaton = _place_automaton(nlp, gazetteer)
    if automaton is not None:
        ruler = nlp.add_pipe("kg_place_ruler", name="kg_gazetteer", **where)
        ruler.automaton = automaton  # type: ignore[attr-defined]
    else:
        if gazetteer is None:
            from kg.gazetteer import load_gazetteer

            gazetteer = load_gazetteer()
        ruler = nlp.add_pipe(
            "span_ruler",
            name="kg_gazetteer",
            config={"spans_key": RULES_KEY, "annotate_ents": False, "overwrite": False},
            **where,
        )
        with nlp.select_pipes(enable=[]):  # phrase patterns only need the tokenizer
            ruler.add_patterns(gazetteer_patterns(gazetteer))  # type: ignore[attr-defined]
    nlp.add_pipe("kg_patterns", **where)
    return nlp
