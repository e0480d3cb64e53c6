"""Pinyin glosses after characters (協(xié)作 → 協作): syllables, tone marks, their removal."""

from __future__ import annotations

import re

from kg.ingest.mapped import Mapped
from kg.ingest.script import HAN

TONED_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"


TONE_STRIP = str.maketrans(
    TONED_VOWELS + "ü", "aaaaeeeeiiiioooouuuu" + "vvvv" + "v"
)  # ǖǘǚǜ and ü → v, as in typed pinyin


SYLLABLE_RE = re.compile(
    r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?"
    r"(?:a|o|e|i|u|v|ai|ei|ui|ao|ou|iu|ie|ve|ue|er|an|en|in|un|vn|ang|eng|ing|ong"
    r"|ia|iao|ian|iang|iong|ua|uo|uai|uan|uang|van)[1-5]?"
    r"|(?:ng|hm|hng|m|n)[1-5]?"
)


PINYIN_LETTER = f"[a-zü{TONED_VOWELS}]"


# A gloss with a tone mark is unmistakable wherever it stands; a plain one only after a character.
TONED_GLOSS_RE = re.compile(rf"\(({PINYIN_LETTER}{{1,6}})\)")


PLAIN_GLOSS_RE = re.compile(rf"(?<=[{HAN}])\(([a-zü]{{1,6}}[1-5]?)\)")


def is_pinyin_syllable(word: str) -> bool:
    """True when ``word`` (tone marks or a tone digit allowed) is one pinyin syllable."""
    return SYLLABLE_RE.fullmatch(word.lower().translate(TONE_STRIP)) is not None


def _drop_gloss(m: re.Match[str]) -> str | None:
    word = m.group(1)
    if m.re is TONED_GLOSS_RE and not any(c in TONED_VOWELS for c in word):
        return None
    return "" if is_pinyin_syllable(word) else None


def remove_glosses(doc: Mapped) -> Mapped:
    if "(" not in doc.text:
        return doc
    return doc.sub(TONED_GLOSS_RE, _drop_gloss).sub(PLAIN_GLOSS_RE, _drop_gloss)
