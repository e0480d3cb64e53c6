"""Whether a name found in a text is cut by an ordinary word: 资兴 in 投资|兴业, 千山 in 千山万水.

County and town short names turn up inside ordinary words. The test is jieba's best
segmentation of the text around the name, computed here over jieba's dictionary (not by adding
words to jieba, whose dictionary the nlp stage shares).
"""

from __future__ import annotations

import math

from kg.gazetteer import Gazetteer
from kg.jieba_dict import initialize_jieba, word_frequency
from kg.places import UPPER_LEVELS

# Characters of context either side of a short name that jieba segments to check it.
WORD_WINDOW = 8


MAX_WORD_LENGTH = 8


# The frequency a place name gets in that segmentation: about what jieba gives county names
# it knows (福清 33, 靖远 45, 定西 49, 昆山 148).
PLACE_WORD_FREQ = 40


MIN_CROSSING_WORD_FREQ = 20


def crossing_word(text: str, start: int, end: int, gaz: Gazetteer) -> str | None:
    """The word, in the best segmentation of the text around ``text[start:end]``, that reaches
    across one of its ends and is no place name itself: 资兴 in 投资|兴业, 千山 in 千山万水,
    武陵 in 武陵山. A short name that is cut that way is part of other words, not a place.

    The segmentation is jieba's (its dictionary and its path score) with the name itself counted
    as a word of a place name's usual frequency, so that names jieba does not know (碧江) are not
    shredded (碧|江东|西部). Rare dictionary words do not count either."""
    left = max(0, start - WORD_WINDOW)
    offset = left
    surface = text[start:end]
    for word in _segment_words(text[left : end + WORD_WINDOW], {surface: PLACE_WORD_FREQ}):
        word_start, word_end = offset, offset + len(word)
        offset = word_end
        crosses = word_start < start < word_end or word_start < end < word_end
        if crosses and word_frequency(word) >= MIN_CROSSING_WORD_FREQ and not _names_a_place(word, gaz):
            return word
    return None


def _names_a_place(word: str, gaz: Gazetteer) -> bool:
    """Whether a word is a place's name in its own right (a town's stem, 武陵山 of 武陵山乡, is not)."""
    return any(c.kind != "short" or c.division.level in UPPER_LEVELS for c in gaz.lookup(word))


def _segment_words(text: str, extra: dict[str, int]) -> list[str]:
    """jieba's maximum-probability path over its dictionary, plus ``extra`` words, without HMM.

    Computed here rather than by adding words to jieba, whose dictionary the nlp stage shares.
    """
    tokenizer = initialize_jieba()  # imported only when a short name needs checking
    frequencies, log_total = tokenizer.FREQ, math.log(tokenizer.total)
    n = len(text)
    extra_prefixes = {word[:k] for word in extra for k in range(1, len(word) + 1)}
    best: list[tuple[float, int]] = [(0.0, n)] * (n + 1)
    for i in range(n - 1, -1, -1):
        options = []
        for j in range(i + 1, min(n, i + MAX_WORD_LENGTH) + 1):
            word = text[i:j]
            if word not in frequencies and j > i + 1 and word not in extra_prefixes:
                break  # jieba's table holds every prefix of its words: no longer word from i
            frequency = max(extra.get(word, 0), frequencies.get(word) or 0)
            if frequency <= 0 and j > i + 1:
                continue
            options.append((math.log(max(frequency, 1)) - log_total + best[j][0], j))
        best[i] = max(options)
    words, i = [], 0
    while i < n:
        j = best[i][1]
        words.append(text[i:j])
        i = j
    return words
