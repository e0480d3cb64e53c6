"""The punctuation that ends a sentence or a clause: one home for every stage.

Texts are normalised (NFKC) before the stages read them, so the half-width forms are the ones
met in practice; the full-width ones are kept for texts that were not.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

SENTENCE_STOPS = "。！？；!?;"
CLAUSE_STOPS = SENTENCE_STOPS + "，：,:"
# Closing quotes and brackets: they stay with the sentence they close.
CLOSERS = "”’\"')）]】》」』"
# Quotation marks that open and close a quoted name.
OPENING_QUOTES = '“"「『'
CLOSING_QUOTES = '”"」』'
# The marks around a title (《某某协议》): what they enclose is one name, whatever it holds.
TITLE_MARKS = ("《", "》")
# What bounds the clause a word is segmented in: clause stops, enumeration commas, brackets,
# quotes and white space.
CLAUSE_BREAK = re.compile(f'[{re.escape(CLAUSE_STOPS)}、（）()“”"《》\\s]')
# A sentence as a run of text up to and with its stops (for text given without sentences).
SENTENCE = re.compile(f"[^{SENTENCE_STOPS}\\n]+[{SENTENCE_STOPS}\\n]*")


def clause_bounds(text: str, start: int, end: int, stops: str = CLAUSE_STOPS) -> tuple[int, int]:
    """The clause around ``text[start:end]``: from after the last stop before it to the first
    stop after it (or the text's ends). A negative position counts from the end, as in a slice."""
    n = len(text)
    start, end = (start if start >= 0 else max(0, n + start)), (end if end >= 0 else max(0, n + end))
    positions = _stop_positions(text, stops)
    before, after = bisect_left(positions, start), bisect_left(positions, end)
    return (positions[before - 1] + 1 if before else 0), (positions[after] if after < len(positions) else n)


@lru_cache(maxsize=8)
def _stop_positions(text: str, stops: str) -> list[int]:
    """Where ``text`` holds one of ``stops``, in order. Kept for the few texts asked last (an
    article and its sentences are asked for the clauses of many spans in turn): a find and an
    rfind per stop character scanned on to a text's ends for the stops it lacks."""
    return [m.start() for m in _stop_class(stops).finditer(text)]


@lru_cache(maxsize=16)
def _stop_class(stops: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(stops)}]")


def is_quoted(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is written in quotation marks of its own (“爱心教室”)."""
    return 0 < start and end < len(text) and text[start - 1] in OPENING_QUOTES and text[end] in CLOSING_QUOTES
