"""The encoded sentence's alphabet and the punctuation that bounds clauses and sentences.

A mention becomes one token ``«P3»`` (letter, slot index) between two private-use characters, so
that a rule's regular expression can tell a token from the text around it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

OPEN, CLOSE = "\ue000", "\ue001"


LABEL_LETTERS = {"PLACE": "P", "ORG": "O", "PROJECT": "J", "MONEY": "M", "DATE": "D", "PERSON": "R"}


TOKEN_RE = re.compile(OPEN + r"([A-Z])(\d+)" + CLOSE)


CLAUSE_STOPS = ",,。;;!?!?::"


SENTENCE_STOPS = "。;;!?!?"


def preceded_by(text: str, position: int, words: Iterable[str]) -> bool:
    before = text[max(0, position - 6) : position]
    return any(before.endswith(w) for w in words)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(c, 0, start) for c in CLAUSE_STOPS) + 1
    rights = [i for i in (text.find(c, end) for c in CLAUSE_STOPS) if i >= 0]
    return left, min(rights) if rights else len(text)
