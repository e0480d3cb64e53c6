"""The gazetteer automaton (kg_gazetteer on our character docs) gives exactly the spans, ids and
order of a span_ruler with the same phrase patterns, whitespace between characters included."""

from __future__ import annotations

import random

import pytest
import spacy
from spacy.language import Language

from kg.nlp.doc import RULES_KEY
from kg.nlp.place_ruler import PlaceRuler, compile_automaton, matchable, token_key

PATTERNS = [
    {"label": "PLACE", "pattern": p, "id": lv}
    for p, lv in [
        ("福清", "county"),
        ("福清市", "county"),
        ("清市", "town"),
        ("宁夏", "province"),
        ("固原", "prefecture"),
        ("固原市", "prefecture"),
        ("市市", "town"),
        ("福福", "county|town"),
    ]
]

TEXTS = [
    "福清市与宁夏固原市签订协议。",
    "福 清市和 宁夏 固原",  # one space between characters is no token: names run across it
    "福\n清市,福  清,  福清",  # a newline or two spaces are tokens: no name across them
    "  福清市市市福福福",  # leading whitespace; overlapping names
    "",
    "\u3000宁夏\u3000\u3000固原市 ",
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})


def spans(doc) -> list[tuple[int, int, str, str, str]]:  # type: ignore[no-untyped-def]
    return [(s.start, s.end, s.label_, s.id_, s.kb_id_) for s in doc.spans[RULES_KEY]]


def random_texts(n: int) -> list[str]:
    rng = random.Random(7)
    alphabet = ["福", "清", "市", "宁", "夏", "固", "原", " ", "\n", "  ", "\t", "\u3000", "a"]
    return ["".join(rng.choice(alphabet) for _ in range(rng.randrange(30))) for _ in range(n)]


def test_same_spans_as_the_span_ruler(nlp: Language) -> None:
    ruler = nlp.add_pipe("span_ruler", config={"spans_key": RULES_KEY, "overwrite": False})
    ruler.add_patterns(PATTERNS)  # type: ignore[attr-defined]
    automaton = PlaceRuler(compile_automaton(PATTERNS))
    for text in TEXTS + random_texts(400):
        by_ruler = spans(ruler(nlp.make_doc(text)))
        by_automaton = spans(automaton(nlp.make_doc(text)))
        assert by_automaton == by_ruler, text
    nlp.remove_pipe("span_ruler")


def test_token_key_has_one_character_per_token(nlp: Language) -> None:
    for text in TEXTS + random_texts(400):
        assert len(token_key(text)) == len(nlp.make_doc(text)), repr(text)


def test_patterns_with_whitespace_keep_the_span_ruler() -> None:
    assert matchable(PATTERNS)
    assert not matchable([*PATTERNS, {"label": "PLACE", "pattern": "福 清", "id": "x"}])


def test_shipped_pipeline_uses_the_automaton() -> None:
    from kg.nlp.rules import add_rule_components

    rules = add_rule_components(spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}}))
    assert isinstance(rules.get_pipe("kg_gazetteer"), PlaceRuler)
    doc = rules("福清市对口帮扶定西市通渭县")
    assert ("福清市", "county") in [(s.text, s.id_) for s in doc.spans[RULES_KEY]]
