"""Relation search bounded for long sentences: one past ``LONG_SENTENCE`` characters is read as
pieces cut at clause marks (a clause longer still, at the limit), so relate's cost stays linear.

Relate pairs every mention of a sentence with every other through its constructions; on a
3,000-character sentence (a table or list flattened into one line) that took ~50 s where a
normal article takes a fraction of one. Pieces of up to ``LONG_SENTENCE`` characters keep every
construction we read (the seeds' longest sentence is 168 characters) and stop the blow-up.
Relations keep offsets into the article's text and name their original sentence; their
evidence text is the piece that states them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from kg.punctuation import CLAUSE_STOPS
from kg.records import Article, Mention, Relation, Sentence

LONG_SENTENCE = 200
_CLAUSE_END = re.compile(f"[{re.escape(CLAUSE_STOPS)}、]+")


def _pieces(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """[start, end) as consecutive pieces of at most ``limit`` characters, cut after clause marks."""
    cuts = [m.end() for m in _CLAUSE_END.finditer(text, start, end)] + [end]
    pieces: list[tuple[int, int]] = []
    left = right = start
    for cut in cuts:
        if cut - left > limit and right > left:
            pieces.append((left, right))
            left = right
        while cut - left > limit:  # a clause longer than the limit: cut it where it must be
            pieces.append((left, left + limit))
            left += limit
        right = cut
    if right > left:
        pieces.append((left, right))
    return pieces


def bounded(article: Article, limit: int = LONG_SENTENCE) -> tuple[Article, list[int]]:
    """The article with its long sentences cut into pieces, and each piece's original sentence."""
    sentences: list[Sentence] = []
    origin: list[int] = []
    for index, s in enumerate(article.sentences):
        spans = (
            _pieces(article.text, s.start, s.end, limit) if s.end - s.start > limit else [(s.start, s.end)]
        )
        sentences.extend(Sentence(a, b) for a, b in spans)
        origin.extend([index] * len(spans))
    if len(sentences) == len(article.sentences):
        return article, origin
    return replace(article, sentences=sentences), origin


def relations_bounded(
    article: Article, mentions: list[Mention], extract: Callable[[Article, list[Mention]], list[Relation]]
) -> list[Relation]:
    """``extract(article, mentions)`` with long sentences read piece by piece."""
    view, origin = bounded(article)
    if view is article:
        return extract(article, mentions)
    pieces = [replace(m, sentence=view.sentence_index_at(m.start)) for m in mentions]
    relations = extract(view, pieces)
    for relation in relations:
        if 0 <= relation.sentence < len(origin):
            relation.sentence = origin[relation.sentence]
    return relations
