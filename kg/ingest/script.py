"""The characters of Chinese text: Han ranges, common characters, traditional → simplified.

Shared by decoding (is this plausible text?) and normalisation (what to fold, where a
sentence ends), so it lives below both."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from kg.ingest.t2s import Converter
from kg.io import data_rows
from kg.punctuation import CLOSERS as CLOSERS  # the punctuation is kg.punctuation's
from kg.punctuation import SENTENCE_STOPS

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"


HAN_RE = re.compile(f"[{HAN}]")


# Punctuation and symbols of CJK typography (after NFKC most full-width forms are ASCII).
CJK_PUNCT = "\u3000-\u303f\uff00-\uffef“”‘’…—–·•・《》〈〉「」『』【】〔〕"


WIDE_RE = re.compile(f"[{HAN}{CJK_PUNCT}]")


TERMINATORS = SENTENCE_STOPS  # the punctuation is kg.punctuation's


@cache
def common_characters() -> frozenset[str]:
    """The 3,755 level-1 (most frequent) characters of GB2312: a cheap test of plausible text."""
    chars = set()
    for row in range(0xB0, 0xD8):
        for col in range(0xA1, 0xFF):
            try:
                chars.add(bytes((row, col)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return frozenset(chars)


@cache
def _t2s() -> Converter:
    """OpenCC's t2s conversion (its separators and dictionaries) through our faster lookup."""
    from opencc import OpenCC

    return Converter(OpenCC("t2s"))


@cache
def _traditional_characters() -> frozenset[str]:
    """The characters OpenCC always changes: traditional forms that are never simplified ones."""
    import opencc

    table = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    chars: set[str] = set()
    for line in table.read_text(encoding="utf-8").splitlines():
        key, values = line.split("\t", 1)
        if key not in values.split(" "):
            chars.add(key)
    return frozenset(chars)


@cache
def variant_folds() -> dict[int, str]:
    """Variant characters OpenCC's t2s leaves as they are, to the simplified one pages mean
    (陜西 → 陕西; ``data/variant_characters.csv``)."""
    return {ord(row["variant"]): row["standard"] for row in data_rows("variant_characters.csv")}


@cache
def _variant_re() -> re.Pattern[str]:
    return re.compile("[" + "".join(map(chr, variant_folds())) + "]")


def to_simplified(text: str) -> str:
    """Traditional → simplified, guaranteed to keep the length (and so the offsets).

    Variant characters fold first (on any line: a simplified page may write 陜西 too); then only
    lines holding a character that is surely traditional are converted (a line of simplified
    text is left as it is)."""
    if _variant_re().search(text):
        text = text.translate(variant_folds())
    known = _traditional_characters()
    if "\n" in text:
        return "\n".join(
            to_simplified(line) if not known.isdisjoint(line) else line for line in text.split("\n")
        )
    if known.isdisjoint(text):
        return text
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    # OpenCC's t2s tables map 1:1 today; if a future table did not, convert char by char.
    out = []
    for ch in text:
        c = _t2s().convert(ch)
        out.append(c if len(c) == 1 else ch)
    return "".join(out)


def common_ratio(text: str) -> float:
    """Share of the Han characters in ``text`` that are common ones (after t2s); 0 when none."""
    han = HAN_RE.findall(text)
    if not han:
        return 0.0
    common = common_characters()
    simplified = to_simplified("".join(han))
    return sum(ch in common for ch in simplified) / len(han)


def han_count(text: str) -> int:
    return len(HAN_RE.findall(text))
