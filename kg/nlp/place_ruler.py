"""``kg_gazetteer`` on our one-token-per-character docs: every gazetteer surface form as a PLACE
span, found by one Aho–Corasick automaton instead of a span_ruler of ~43,000 phrase patterns.

It gives what the span_ruler gave — the same spans (every occurrence, overlapping ones too),
with the same ids (the surface's levels), in the same order — because it matches over the doc's
tokens, not its text: one key character per token, so a name spans a single space between
characters exactly as a phrase pattern does. Adding the patterns to a span_ruler took longer than
loading everything else; the automaton is compiled once and kept in the user cache directory
(:mod:`kg.user_cache`) under a fingerprint of the gazetteer's sources.
"""

from __future__ import annotations

import pickle
import re
from collections.abc import Iterable
from functools import cache
from typing import Any

import ahocorasick
from spacy.tokens import Doc, Span

from kg.nlp.doc import RULES_KEY, SurfaceSource, doc_text
from kg.user_cache import PACKAGE, fingerprint, load_or_compile

# What the surface forms are made from: the gazetteer's code and tables, the packages it reads
# (jieba's dictionary decides which short names are common words) and this module.
_SOURCES = ("gazetteer.py", "corps.py", "places.py", "io.py", "nlp/place_ruler.py")
_PACKAGES = ("jionlp", "cpca", "jieba", "pyahocorasick")
_OTHER_TOKEN = " "  # the key of a token of several characters (a run of whitespace): in no name


def gazetteer_patterns(source: SurfaceSource) -> list[dict[str, Any]]:
    """span_ruler phrase patterns, one per surface form; its levels (province|prefecture…) as id."""
    levels: dict[str, list[str]] = {}
    for surface, level in source.surface_forms():
        if level not in levels.setdefault(surface, []):
            levels[surface].append(level)
    return [{"label": "PLACE", "pattern": s, "id": "|".join(lv)} for s, lv in levels.items()]


def compile_automaton(patterns: Iterable[dict[str, Any]]) -> ahocorasick.Automaton:
    """The automaton of span_ruler phrase patterns ({label, pattern, id}): pattern → (length, label, id)."""
    automaton = ahocorasick.Automaton()
    for row in patterns:
        surface = row["pattern"]
        automaton.add_word(surface, (len(surface), row["label"], row.get("id") or ""))
    automaton.make_automaton()
    return automaton


def matchable(patterns: Iterable[dict[str, Any]]) -> bool:
    """Whether the automaton can stand in for the phrase patterns: no pattern holds whitespace
    (a phrase pattern with a space is two tokens; such a list keeps the span_ruler)."""
    return not any(any(ch.isspace() for ch in row["pattern"]) or not row["pattern"] for row in patterns)


_ABSORBED_SPACE = re.compile(r"(?<=\S) ")  # one space after a character is that token's trailing space
_WHITESPACE_RUN = re.compile(r"\s+")  # any other run of whitespace is one token


def token_key(text: str) -> str:
    """One character per token of spaCy's character tokenizer (``spacy.util.get_words_and_spaces``
    over ``list(text)``): each non-space character is a token and takes one following space as
    its trailing whitespace; each remaining run of whitespace is one token, keyed by a space."""
    if not _WHITESPACE_RUN.search(text):
        return text
    return _WHITESPACE_RUN.sub(_OTHER_TOKEN, _ABSORBED_SPACE.sub("", text))


class PlaceRuler:
    """Writes the automaton's matches to ``doc.spans[RULES_KEY]`` as the span_ruler did."""

    def __init__(self, automaton: ahocorasick.Automaton) -> None:
        self.automaton = automaton

    def __call__(self, doc: Doc) -> Doc:
        key = token_key(doc_text(doc))
        if len(key) != len(doc):  # not a doc of our tokenizer: read its tokens
            key = "".join(t if len(t) == 1 else _OTHER_TOKEN for t in (token.text for token in doc))
        # The span_ruler's order: sorted by start, then end (a surface form is one pattern, so
        # one (start, end) is one match).
        found = sorted((end + 1 - length, end + 1, label, span_id) for end, (length, label, span_id) in
                       self.automaton.iter(key))  # fmt: skip
        spans = list(doc.spans[RULES_KEY]) if RULES_KEY in doc.spans else []
        spans.extend(
            Span(doc, start, end, label=label, span_id=span_id) for start, end, label, span_id in found
        )
        doc.spans[RULES_KEY] = spans
        return doc


@cache
def shipped_automaton() -> ahocorasick.Automaton | None:
    """The automaton of the installed gazetteer's surface forms, from the user cache when its
    sources are unchanged (the gazetteer is then not built for it); None when some surface form
    holds whitespace (then the span_ruler does the matching)."""

    def compile_() -> ahocorasick.Automaton | None:
        from kg.gazetteer import load_gazetteer

        patterns = gazetteer_patterns(load_gazetteer())
        return compile_automaton(patterns) if matchable(patterns) else None

    data = sorted(p for p in (PACKAGE / "data").glob("*.csv"))
    key = fingerprint([PACKAGE / s for s in _SOURCES] + data, _PACKAGES)
    return load_or_compile("place-automaton", key, compile_, pickle.dumps, pickle.loads)
