"""Chinese sentences of a normalised text, as offsets."""

from __future__ import annotations

from kg.ingest.script import CLOSERS, TERMINATORS
from kg.punctuation import TITLE_MARKS
from kg.records import Sentence

# the characters a sentence holds before a space between two Han characters may end it
SPACE_BREAK_MIN = 12
SPACES = " \t\u3000"


def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _space_breaks(text: str, start: int, i: int) -> int | None:
    """Where the next sentence starts when the space at ``i`` ends one, else None. Chinese writes
    no space inside a sentence: a page whose paragraphs were joined by spaces (…对记者说 织金县位于…)
    has its sentences there. Not after a short run (a dateline, 新华社 记者), nor inside a quote or
    a title (《甲市人民政府 乙州人民政府合作协议》: two bodies named in one title)."""
    j = i
    while j < len(text) and text[j] in SPACES:
        j += 1
    if j >= len(text) or not (_han(text[j]) or text[j] == "“"):
        return None
    if not (_han(text[i - 1]) or text[i - 1] in CLOSERS) or i - start < SPACE_BREAK_MIN:
        return None
    run = text[start:i]
    opening, closing = TITLE_MARKS
    inside = run.count("“") > run.count("”") or run.count(opening) > run.count(closing)
    return None if inside else j


def split_sentences(text: str) -> list[Sentence]:
    """Chinese sentences: end at 。!?; (full or half width), a line break or a space between two
    Han characters (see :func:`_space_breaks`); closing quotes and brackets stay with their
    sentence; a decimal point or "..." never ends one."""
    sentences: list[Sentence] = []
    n = len(text)

    def emit(start: int, end: int) -> None:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end and any(ch.isalnum() for ch in text[start:end]):
            sentences.append(Sentence(start, end))

    start = i = 0
    while i < n:
        ch = text[i]
        if ch == "\n":
            emit(start, i)
            start = i + 1
        elif ch in SPACES and i > start and (after := _space_breaks(text, start, i)) is not None:
            emit(start, i)
            start = i = after
            continue
        elif ch in TERMINATORS:
            j = i + 1
            while j < n and (text[j] in TERMINATORS or text[j] in CLOSERS):
                j += 1
            emit(start, j)
            start = j
            i = j
            continue
        i += 1
    emit(start, n)
    return sentences
