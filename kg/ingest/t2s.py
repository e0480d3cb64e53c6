"""OpenCC's conversion, the same output in a fraction of its time.

The pure-Python OpenCC (``opencc-python-reimplemented``) converts a piece of text between
separators by taking the longest dictionary entry anywhere in it (the leftmost of equals),
replacing it and doing the same to the text left and right of it; what no entry of a dictionary
matches goes on to the next dictionary of the group. It looks for that entry by trying every
length at every position, for every piece again: most of ingest's time on traditional text.

:class:`Converter` does the same replacements from the same loaded dictionaries, but asks each
position only for the lengths of the entries that begin with its character. The test compares it
with OpenCC itself on generated text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

Table = tuple[int, int, dict[str, str]]  # OpenCC's loaded dictionary: longest key, shortest key, map


@dataclass(frozen=True)
class Lookup:
    """One dictionary of a group, with the lengths of its entries by their first character."""

    longest: int
    table: dict[str, str]
    lengths: dict[str, tuple[int, ...]]  # first character → key lengths, longest first
    # a dictionary of single characters (OpenCC's TSCharacters) as a str.translate table: as the
    # last of its group, each character it holds is replaced on its own, the others kept
    translation: dict[int, str] | None
    openers: re.Pattern[str]  # any first character of a key: the positions worth asking

    @classmethod
    def of(cls, loaded: Table) -> Lookup:
        longest, shortest, table = loaded
        by_first: defaultdict[str, set[int]] = defaultdict(set)
        for key in table:
            if shortest <= len(key) <= longest:  # OpenCC tries no other length
                by_first[key[0]].add(len(key))
        lengths = {first: tuple(sorted(found, reverse=True)) for first, found in by_first.items()}
        firsts = {key: value.split(" ")[0] for key, value in table.items()}
        # an empty first value is no match in OpenCC, which then leaves the whole piece alone
        single = longest == 1 and all(firsts.values())
        translation = {ord(key): value for key, value in firsts.items()} if single else None
        openers = re.compile(
            "[" + "".join(re.escape(first) for first in sorted(lengths)) + "]" if lengths else "(?!)"
        )
        return cls(longest, table, lengths, translation, openers)

    def longest_leftmost(self, text: str, lo: int, hi: int) -> tuple[int, int] | None:
        """(start, length) of the longest entry inside ``text[lo:hi]``, the leftmost of equals."""
        best: tuple[int, int] | None = None
        lengths, table = self.lengths, self.table
        for opener in self.openers.finditer(text, lo, hi):
            i = opener.start()
            for length in lengths[text[i]]:
                if best is not None and length <= best[1]:
                    break  # a longer one was found further left
                if i + length <= hi and text[i : i + length] in table:
                    best = (i, length)
                    break
            if best is not None and best[1] == self.longest:
                break  # nothing longer exists
        return best


class Converter:
    """``OpenCC(config).convert``, with OpenCC's own separators and loaded dictionaries."""

    def __init__(self, opencc: Any) -> None:  # an initialised opencc.OpenCC
        self.split = opencc.split_chars_re
        loaded = opencc._dict_chain_data
        self.chain: list[list[Lookup]] = [[Lookup.of(table) for table in group] for group in loaded]

    def convert(self, text: str) -> str:
        pieces = self.split.split(text)
        return "".join(self._piece(piece) if i % 2 == 0 else piece for i, piece in enumerate(pieces))

    def _piece(self, text: str) -> str:
        for group in self.chain:
            text = _convert_group(text, group)
        return text


def _convert_group(text: str, group: list[Lookup]) -> str:
    """One group over one piece: the longest entry of a dictionary first, the text either side of
    it with the same dictionary, what it leaves with the next (iteratively: a long piece of
    characters that all convert would nest as deep as it is long)."""
    out: list[str] = []
    todo: list[tuple[int, int, int] | str] = [(0, len(text), 0)]  # ranges of text, or replacements
    while todo:
        item = todo.pop()
        if isinstance(item, str):
            out.append(item)
            continue
        lo, hi, k = item
        if k == len(group):
            out.append(text[lo:hi])
            continue
        lookup = group[k]
        if lookup.translation is not None and k == len(group) - 1:
            out.append(text[lo:hi].translate(lookup.translation))
            continue
        found = lookup.longest_leftmost(text, lo, hi) if lo < hi else None
        value = lookup.table[text[found[0] : found[0] + found[1]]].split(" ")[0] if found else ""
        if found is None or not value:  # OpenCC takes an empty first value for no match
            todo.append((lo, hi, k + 1))
            continue
        start, length = found
        todo.extend([(start + length, hi, k), value, (lo, start, k)])  # popped left first
    return "".join(out)
