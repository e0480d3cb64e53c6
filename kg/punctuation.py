"""The punctuation that ends a sentence or a clause: one home for every stage.

Texts are normalised (NFKC) before the stages read them, so the half-width forms are the ones
met in practice; the full-width ones are kept for texts that were not.
"""

from __future__ import annotations

import re

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
    stop after it (or the text's ends)."""
    left = max(text.rfind(c, 0, start) for c in stops) + 1
    rights = [i for i in (text.find(c, end) for c in stops) if i >= 0]
    return left, min(rights) if rights else len(text)


def is_quoted(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is written in quotation marks of its own (“爱心教室”)."""
    return 0 < start and end < len(text) and text[start - 1] in OPENING_QUOTES and text[end] in CLOSING_QUOTES
