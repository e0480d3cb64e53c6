"""Text that remembers, for each character, the index of the original character it came from."""

from __future__ import annotations

import re
from collections.abc import Callable


class Mapped:
    """Text plus, for each character, the index of the original character it came from (-1: inserted)."""

    __slots__ = ("text", "src")

    def __init__(self, text: str, src: list[int]) -> None:
        self.text = text
        self.src = src

    def sub(self, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str | None]) -> Mapped:
        """Like ``re.sub``; ``repl`` returns None to keep a match. Replacements count as inserted
        unless they equal the matched text."""
        parts: list[str] = []
        src: list[int] = []
        last = 0
        for m in pattern.finditer(self.text):
            new = repl(m)
            if new is None:
                continue
            parts.append(self.text[last : m.start()])
            src.extend(self.src[last : m.start()])
            parts.append(new)
            src.extend(self.src[m.start() : m.end()] if new == m.group() else [-1] * len(new))
            last = m.end()
        if last == 0 and not parts:
            return self
        parts.append(self.text[last:])
        src.extend(self.src[last:])
        return Mapped("".join(parts), src)

    def slice(self, start: int, end: int) -> Mapped:
        return Mapped(self.text[start:end], self.src[start:end])

    def keep_group(self, pattern: re.Pattern[str], group: int = 1) -> Mapped:
        """Replace each match by one of its groups, which keeps its map to the original."""
        parts: list[str] = []
        src: list[int] = []
        last = 0
        for m in pattern.finditer(self.text):
            parts.append(self.text[last : m.start()])
            src.extend(self.src[last : m.start()])
            start, end = m.span(group)
            parts.append(self.text[start:end])
            src.extend(self.src[start:end])
            last = m.end()
        if not parts:
            return self
        parts.append(self.text[last:])
        src.extend(self.src[last:])
        return Mapped("".join(parts), src)


def split_lines(doc: Mapped) -> list[Mapped]:
    out = []
    start = 0
    text = doc.text
    while start <= len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        out.append(doc.slice(start, end))
        start = end + 1
    return out


def offset_runs_of(src: list[int]) -> list[list[int]]:
    """Compress the per-character source indices into [norm_start, orig_start, length] runs."""
    runs: list[list[int]] = []
    for i, s in enumerate(src):
        if s < 0:
            continue
        if runs:
            last = runs[-1]
            if last[0] + last[2] == i and last[1] + last[2] == s:
                last[2] += 1
                continue
        runs.append([i, s, 1])
    return runs
