"""jieba's word edges in a clause: a short place name that cuts through a word is no place (资兴
in 投资兴业); a name's left edge that a regex cannot see starts at a word."""

from __future__ import annotations

from functools import lru_cache

from kg.punctuation import CLAUSE_BREAK

CLAUSE_REACH = 24


def cuts_through_word(text: str, start: int, end: int) -> bool:
    """True when [start, end) does not begin and end on jieba word boundaries of its clause.

    A place's short name without its 县/市 (资兴, 康保, 同仁) is also a piece of common words
    (投资兴业, 健康保障, 一视同仁); it is a place only where the segmenter sees a word edge."""
    left, right = _clause(text, start, end)
    edges = _word_edges(text[left:right])
    return (start - left) not in edges or (end - left) not in edges


def word_start(text: str, position: int) -> int:
    """Where the jieba word holding ``position`` starts (segmenting its clause)."""
    left, right = _clause(text, position, position)
    edges = _word_edges(text[left:right])
    return left + max((e for e in edges if e <= position - left), default=0)


def verb_ends_at(text: str, position: int) -> bool:
    """True when a jieba word that jieba's dictionary tags as a verb ends at ``position`` (走进|某地,
    对口支持|某县): a name that starts after it does not take it in."""
    from kg.jieba_dict import word_tags

    left, right = _clause(text, position, position)
    edges = _word_edges(text[left:right])
    if position - left not in edges:
        return False
    start = left + max((e for e in edges if e < position - left), default=0)
    return word_tags().get(text[start:position], "").startswith("v")


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end), at most CLAUSE_REACH characters either side."""
    left = max(0, start - CLAUSE_REACH)
    for m in CLAUSE_BREAK.finditer(text, left, start):
        left = m.end()
    right = min(len(text), end + CLAUSE_REACH)
    stop = CLAUSE_BREAK.search(text, end, right)
    return left, stop.start() if stop else right


@lru_cache(maxsize=4096)
def _word_edges(clause: str) -> frozenset[int]:
    import jieba

    edges, offset = {0}, 0
    for word in jieba.cut(clause):
        offset += len(word)
        edges.add(offset)
    return frozenset(edges)
