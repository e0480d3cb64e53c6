"""Features of a sum of money and of the places and organisations around it, for the learned fund
readers (:mod:`kg.relate.fund_readers`).

A feature is a name and a value, computed from our own structure only: the word classes of the
lexicons (``data/relation_lexicon.json``: a class is a section and a key, 投入 is
``funding.verbs_before``), the encoded sentence's tokens (letters, levels, order, clauses), the
article's pairings and regions. No feature name holds a page's text, so a model file holds only
our own names and weights.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from kg.places import level_depth
from kg.regions import region_of
from kg.relate.encode import Encoded
from kg.relate.rules import cues, lexicon
from kg.relate.text import CLAUSE_STOPS, TOKEN_RE

# the lexicon sections whose word lists name a class of words around a sum (section → keys;
# None: every list of the section)
CLASS_SECTIONS: dict[str, tuple[str, ...] | None] = {
    "funding": None,
    "actions": None,
    "recipient_markers": ("words",),
    "stationed_team": ("words",),
    "group_modifiers": ("words",),
    "helper_roles": ("words",),
    "negation": ("words",),
    "agent_marker": ("words",),
    "introduced_enterprise": ("verbs",),
    "project": ("building_verbs", "building_nouns"),
    "not_agent_before": ("words", "receive_words", "thanks_words", "giver_before"),
    "cues": ("strong", "weak"),
}

# how near "near" is: characters of plain text on each side of a token
NEAR = 6


@cache
def word_classes() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each class of words as (name, one pattern of its words, longest first); the recall net's
    pairing cues (对口帮扶, 协作: ``data/pairing_cues.json``) as ``cues.strong`` and ``cues.weak``."""
    classes = []
    lex = {**lexicon(), "cues": cues()["cues"]}
    for section, keys in CLASS_SECTIONS.items():
        entries = lex[section]
        for key, words in entries.items():
            if key.startswith("_") or (keys is not None and key not in keys):
                continue
            if isinstance(words, dict):
                words = [w for w in words if not w.startswith("_")]
            if not isinstance(words, list) or not words:
                continue
            alternatives = "|".join(map(re.escape, sorted({str(w) for w in words}, key=len, reverse=True)))
            classes.append((f"{section}.{key}", re.compile(alternatives)))
    return tuple(classes)


@dataclass
class ClassHits:
    """Where each class of words stands in one encoded sentence: (start, end, class) in the
    sentence's encoded text."""

    hits: list[tuple[int, int, str]]

    def within(self, start: int, end: int) -> set[str]:
        """The classes with a word wholly inside [start, end)."""
        return {name for s, e, name in self.hits if start <= s and e <= end}

    def ending_near(self, position: int, reach: int = NEAR) -> set[str]:
        """The classes with a word that ends at most ``reach`` characters before ``position``."""
        return {name for s, e, name in self.hits if position - reach <= e <= position and s < position}

    def starting_near(self, position: int, reach: int = NEAR) -> set[str]:
        """The classes with a word that starts at most ``reach`` characters after ``position``."""
        return {name for s, e, name in self.hits if position <= s <= position + reach}


def class_hits(enc: Encoded) -> ClassHits:
    """Every word of every class in the sentence (tokens are private-use characters: no word
    runs through one)."""
    hits = []
    for name, pattern in word_classes():
        for m in pattern.finditer(enc.text):
            hits.append((m.start(), m.end(), name))
    return ClassHits(hits)


def bucket(value: float, edges: tuple[float, ...]) -> str:
    """The bucket a number falls in: the first edge it is below (``<10``), else the last (``>=90``)."""
    for edge in edges:
        if value < edge:
            return f"<{edge:g}"
    return f">={edges[-1]:g}"


def magnitude(yuan: float) -> str:
    """A sum's order of magnitude in yuan (``1e6`` for millions), clipped to 1e3…1e10."""
    return f"1e{min(10, max(3, int(math.log10(max(yuan, 1.0)))))}"


def letters_between(enc: Encoded, start: int, end: int) -> str:
    """The token letters between two positions, in order (``PO``)."""
    return "".join(m.group(1) for m in TOKEN_RE.finditer(enc.text, start, end))


def plain_length(enc: Encoded, start: int, end: int) -> int:
    """Characters between two positions, each token counted as one."""
    return len(TOKEN_RE.sub("#", enc.text[start:end]))


def clause_count(enc: Encoded, start: int, end: int) -> int:
    """How many clause marks stand between two positions."""
    return sum(enc.text.count(c, start, end) for c in CLAUSE_STOPS)


def level_name(level: str | None) -> str:
    return level or "none"


def level_relation(a: str | None, b: str | None) -> str:
    """``same``, ``above`` or ``below``: the first level's place against the second's."""
    da, db = level_depth(a), level_depth(b)
    return "same" if da == db else ("above" if da < db else "below")


def region(code: str | None) -> str:
    return region_of(code)


def prefixed(prefix: str, names: set[str] | list[str]) -> Iterator[tuple[str, float]]:
    for name in names:
        yield f"{prefix}:{name}", 1.0
