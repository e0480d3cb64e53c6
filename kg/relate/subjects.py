"""The subject a sentence leaves out.

Chinese drops the subject of a sentence that goes on with the one before it (甲区主动帮扶乙村。
引导A、B等企业向乙村捐款。同时,安排财政资金X万元。): the giver of such a sentence is the subject
last written in the sentences before it, back to a heading. This is what the sentence says, read
as Chinese is read; it is not the article's topic, which is never taken for a giver.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from kg.relate.encode import Encoded, Slot
from kg.relate.rules import lexicon
from kg.relate.text import SENTENCE_STOPS, TOKEN_RE, clause_bounds

# how many sentences back a left-out subject is looked for
CHAIN_DEPTH = 6


def _lead_is_empty(text: str) -> bool:
    """Whether a clause's text before a token holds only dates and opening adverbs (同时, 还)."""
    rest = TOKEN_RE.sub(lambda m: "" if m.group(1) == "D" else m.group(0), text)
    adverbs = sorted(lexicon()["clause_adverbs"]["words"], key=len, reverse=True)
    changed = True
    while rest and changed:
        changed = False
        for word in adverbs:
            if rest.startswith(word):
                rest, changed = rest[len(word) :], True
    return not rest.strip()


@cache
def enumeration_label() -> re.Pattern[str]:
    """A label and its colon that open a list of items (主要包括:, 对口支援方面:; the lexicon's
    ``enumeration_labels``)."""
    words = sorted(lexicon()["enumeration_labels"]["words"], key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, words)) + ")[:：]")


@cache
def _list_items() -> re.Pattern[str]:
    """What may stand between a label's colon and an item of its list: other items, list marks and
    counts (A、B和C3县,D)."""
    return re.compile(rf"(?:{TOKEN_RE.pattern}|[、,，和及与]|[\d一二三四五六七八九十两]+个?[县市区州省旗])*")


def item_of_list(text: str, start: int) -> bool:
    """Whether the token at ``start`` is an item of a list a label's colon opens (主要包括:A、B,C;
    对口支援方面:A,B): not a subject."""
    opened = [m.end() for m in enumeration_label().finditer(text, 0, start)]
    return bool(opened) and _list_items().fullmatch(text, opened[-1], start) is not None


def opening_subject(enc: Encoded, before: int | None = None, after: int = 0) -> list[Slot]:
    """The place or organisation (or the list of them) that opens a clause of the sentence as its
    subject, between positions ``after`` and ``before`` (default: anywhere); an empty list when
    none does.

    A token opens its clause when only dates and opening adverbs stand before it; a token followed
    by 的 names an attribute (甲区的企业), not a subject; a province's one-character abbreviation
    (浙 of 浙川协作) names a programme, and the places after a label's colon (…方面:A、B) are
    items of a list, not a subject."""
    text = enc.text
    positions = enc.slot_positions()
    for i, (start, end, slot) in enumerate(positions):
        if before is not None and start >= before:
            break
        if start < after or slot.letter not in "PUO" or slot.programme_word:
            continue  # 浙川协作园…: 浙 and 川 name a programme, no subject
        left, _ = clause_bounds(text, start, start)
        if not _lead_is_empty(text[left:start]) or text[end : end + 1] == "的" or item_of_list(text, start):
            continue
        subject = [slot]
        for next_start, next_end, other in positions[i + 1 :]:
            joiner = text[end:next_start]
            if other.letter not in "PUO" or joiner not in ("、", "和", "及", "以及", "与"):
                break
            subject.append(other)
            end = next_end
        return subject
    return []


def is_heading(enc: Encoded) -> bool:
    """A line without a sentence's closing punctuation (紧盯挂牌督战,干出协作新力度) starts a new
    section: no subject carries over it."""
    stripped = enc.text.rstrip('”"’)）】」』 ')
    return not stripped or stripped[-1] not in SENTENCE_STOPS + "…"


def left_out_subject(encoded: Sequence[Encoded], index: int, position: int) -> list[Slot]:
    """The subject a clause at ``position`` of sentence ``index`` goes on with when its sentence
    names none before it: the last subject written in the sentences before, back to a heading
    (empty when the sentence has its own subject, or none is found)."""
    if opening_subject(encoded[index], position):
        return []
    for j in range(index - 1, max(-1, index - 1 - CHAIN_DEPTH), -1):
        if is_heading(encoded[j]):
            return []
        subject = opening_subject(encoded[j])
        if subject:
            return subject
    return []
