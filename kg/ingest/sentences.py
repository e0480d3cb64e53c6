"""Chinese sentences of a normalised text, as offsets."""

from __future__ import annotations

from kg.ingest.script import CLOSERS, TERMINATORS
from kg.records import Sentence


def split_sentences(text: str) -> list[Sentence]:
    """Chinese sentences: end at 。!?; (full or half width) or a line break, closing quotes
    and brackets stay with their sentence; a decimal point or "..." never ends one."""
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
