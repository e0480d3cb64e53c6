"""The encoded sentence's alphabet and the punctuation that bounds clauses and sentences.

A mention becomes one token ``«P3»`` (letter, slot index) between two private-use characters, so
that a rule's regular expression can tell a token from the text around it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# the punctuation is kg.punctuation's, named here for the relate modules
from kg.punctuation import CLAUSE_STOPS as CLAUSE_STOPS
from kg.punctuation import SENTENCE_STOPS as SENTENCE_STOPS
from kg.punctuation import clause_bounds as clause_bounds

OPEN, CLOSE = "\ue000", "\ue001"


LABEL_LETTERS = {"PLACE": "P", "ORG": "O", "PROJECT": "J", "MONEY": "M", "DATE": "D", "PERSON": "R"}


TOKEN_RE = re.compile(OPEN + r"([A-Z])(\d+)" + CLOSE)


def preceded_by(text: str, position: int, words: Iterable[str]) -> bool:
    before = text[max(0, position - 6) : position]
    return any(before.endswith(w) for w in words)
