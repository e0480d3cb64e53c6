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


HAN_CHAR_RE = re.compile(f"[{HAN}]")


# A gloss with a tone mark is unmistakable wherever it stands; a plain one only after a character.
# Pages that gloss every character put a space after each gloss (萬(wan) 元, 鄉(xiang) 村): that space
# goes with the gloss when a character stands on both sides, or 7750万 元 is no sum and 乡 村 no word.
GLOSS_SEPARATOR = rf"(?P<separator> (?=[{HAN}]))?"


TONED_GLOSS_RE = re.compile(rf"\(({PINYIN_LETTER}{{1,6}})\){GLOSS_SEPARATOR}")


PLAIN_GLOSS_RE = re.compile(rf"(?<=[{HAN}])\(([a-zü]{{1,6}}[1-5]?)\){GLOSS_SEPARATOR}")


def is_pinyin_syllable(word: str) -> bool:
    """True when ``word`` (tone marks or a tone digit allowed) is one pinyin syllable."""
    return SYLLABLE_RE.fullmatch(word.lower().translate(TONE_STRIP)) is not None


def _drop_gloss(m: re.Match[str]) -> str | None:
    word = m.group(1)
    if m.re is TONED_GLOSS_RE and not any(c in TONED_VOWELS for c in word):
        return None
    if not is_pinyin_syllable(word):
        return None
    after_character = m.start() > 0 and HAN_CHAR_RE.match(m.string, m.start() - 1) is not None
    return " " if m.group("separator") and not after_character else ""


def remove_glosses(doc: Mapped) -> Mapped:
    if "(" not in doc.text:
        return doc
    return doc.sub(TONED_GLOSS_RE, _drop_gloss).sub(PLAIN_GLOSS_RE, _drop_gloss)
