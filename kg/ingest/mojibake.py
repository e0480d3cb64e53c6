"""Repair of GBK byte-shift mojibake left by pinyin-gloss sites (``當?shù)卮迕瘛``).

The gloss was spliced into the middle of a two-byte character, which swallowed a lead byte;
the repair reads GBK bytes, so it runs on the text as decoded."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from kg.ingest.mapped import Mapped
from kg.ingest.pinyin import PINYIN_LETTER, TONED_GLOSS_RE, is_pinyin_syllable
from kg.ingest.script import HAN_RE, common_ratio, to_simplified
from kg.jieba_dict import initialize_jieba

# The mangled form: "?" ate the lead byte of a character together with the gloss's "(".
_SHIFT_MARKER_RE = re.compile(rf"\?({PINYIN_LETTER}{{1,6}})[)）]")


def _realign(text: str, pos: int, margin: float) -> tuple[int, str] | None:
    """Re-read the run of non-ASCII characters at ``pos`` one GBK byte later, when that reads
    as more plausible text (by ``margin``): returns (end of the run, realigned text)."""
    run_end = pos
    while run_end < len(text) and ord(text[run_end]) >= 0x80 and not text[run_end].isspace():
        run_end += 1
    if run_end == pos:
        return None
    run = text[pos:run_end]
    nxt = text[run_end] if run_end < len(text) else ""
    trail = nxt if nxt and 0x40 <= ord(nxt) < 0x7F else ""  # an ASCII-valued trail byte
    try:
        raw = run.encode("gbk") + trail.encode("ascii")
    except UnicodeEncodeError:
        return None
    realigned = raw[1:].decode("gbk", errors="replace")
    realigned = re.sub(r"\ufffd[\x40-\x7e]?$", "", realigned).replace("\ufffd", "")
    if common_ratio(realigned) > common_ratio(run) + margin:
        return run_end + len(trail), realigned
    return None


def _repair_shift(m: re.Match[str], text: str) -> tuple[int, str] | None:
    """Undo one gloss-in-the-middle mojibake: returns (end of damaged text, repaired text).

    The character whose lead byte was lost keeps its trail byte, so it is one of ~120 GBK
    characters; ``_guess_lost_character`` picks it back from its neighbours when a word
    dictionary makes that clear, else it is left out.
    """
    if not is_pinyin_syllable(m.group(1)):
        return None
    end = m.end()
    before = TONED_GLOSS_RE.sub("", text[max(0, m.start() - 16) : m.start()])[-3:]
    nxt = text[end] if end < len(text) else ""
    if nxt and ord(nxt) < 0x80:
        # The trail byte shows as one ASCII character ("|", "X"), or as a second "?" when it
        # made an invalid pair with the next byte (then it is gone for good).
        if 0x40 <= ord(nxt) < 0x7F and not nxt.isdigit():
            after = TONED_GLOSS_RE.sub("", text[end + 1 : end + 16])[:3]
            lost = _guess_lost_character(ord(nxt), before, after)
            return end + 1, lost
        return (end + 1 if nxt == "?" else end), ""
    fixed = _realign(text, end, margin=0.0)
    if fixed is None:
        return end, ""
    stop, repaired = fixed
    # The shift can run on past the first ASCII byte; follow it while re-reading helps.
    while (more := _realign(text, stop, margin=0.3)) is not None:
        stop, extra = more
        repaired += extra
    trail = text[end].encode("gbk")[0]
    return stop, _guess_lost_character(trail, before, repaired[:3]) + repaired


@cache
def _word_frequencies() -> dict[str, int]:
    return initialize_jieba().FREQ


@cache
def _candidates(trail: int) -> tuple[str, ...]:
    """The simplified Han characters whose GBK code ends in byte ``trail`` (lead bytes in order):
    the same ~120 for every damaged spot with that trail byte, so worked out once."""
    found = []
    for lead in range(0x81, 0xFF):
        try:
            char = to_simplified(bytes((lead, trail)).decode("gbk"))
        except UnicodeDecodeError:
            continue
        if HAN_RE.match(char):
            found.append(char)
    return tuple(found)


# Candidate words (two to three characters) recur across spots and articles; OpenCC in pure
# Python is slow, so each is converted once.
_simplified_word = lru_cache(maxsize=1 << 16)(to_simplified)


def _guess_lost_character(trail: int, before: str, after: str) -> str:
    """The GBK character ending in byte ``trail`` that makes the most frequent word with its
    neighbours (当?村民 → 地: 当地), or "" when no candidate clearly wins."""
    freq = _word_frequencies()
    scores: dict[str, int] = {}
    for char in _candidates(trail):
        words = [
            before[-1:] + char,
            before[-2:] + char,
            char + after[:1],
            char + after[:2],
            before[-1:] + char + after[:1],
        ]
        scores[char] = max(freq.get(_simplified_word(w), 0) if len(w) > 1 else 0 for w in words)
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    if not ranked or ranked[0][1] < 3:
        return ""
    if len(ranked) > 1 and ranked[0][1] < 1.5 * ranked[1][1]:
        return ""
    return ranked[0][0]


def repair_gbk_shift(doc: Mapped) -> Mapped:
    text = doc.text
    if "?" not in text:
        return doc
    pieces: list[tuple[int, int, str]] = []
    pos = 0
    for m in _SHIFT_MARKER_RE.finditer(text):
        if m.start() < pos:
            continue
        fix = _repair_shift(m, text)
        if fix is None:
            continue
        stop, repaired = fix
        pieces.append((m.start(), stop, repaired))
        pos = stop
    if not pieces:
        return doc
    parts: list[str] = []
    src: list[int] = []
    last = 0
    for start, stop, repaired in pieces:
        parts.append(text[last:start])
        src.extend(doc.src[last:start])
        parts.append(repaired)
        src.extend([-1] * len(repaired))
        last = stop
    parts.append(text[last:])
    src.extend(doc.src[last:])
    return Mapped("".join(parts), src)
