"""kg.ingest.t2s gives OpenCC's own t2s output: on sentences we wrote, and on text made of
OpenCC's dictionary entries, their pieces, simplified forms and separators."""

from __future__ import annotations

import random

import pytest
from opencc import OpenCC

from kg.ingest.t2s import Converter

SENTENCES = [
    "廈門市海滄區對口幫扶臨夏州積石山縣，兩地簽訂協議。",
    "東西部扶貧協作資金共計1200萬元，用於建設扶貧車間和產業園。",
    "海沧区与积石山县结对帮扶",  # simplified: unchanged
    "臺灣 香港 澳門、乾隆年間，頭髮與發展：干擾乾燥",
    "",
    "，。",
]


@pytest.fixture(scope="module")
def opencc() -> OpenCC:
    return OpenCC("t2s")


@pytest.fixture(scope="module")
def fast(opencc: OpenCC) -> Converter:
    return Converter(opencc)


@pytest.mark.parametrize("text", SENTENCES)
def test_sentences_as_opencc(opencc: OpenCC, fast: Converter, text: str) -> None:
    assert fast.convert(text) == opencc.convert(text)


def test_generated_text_as_opencc(opencc: OpenCC, fast: Converter) -> None:
    """Phrases whole and cut (overlapping entries), single characters, their simplified forms,
    separators and plain characters, in random order."""
    (phrases, characters) = opencc._dict_chain_data[0]
    phrase_keys, char_keys = sorted(phrases[2]), sorted(characters[2])
    simplified = sorted({v.split(" ")[0] for v in characters[2].values()})
    rng = random.Random(7)

    def piece() -> str:
        roll = rng.random()
        if roll < 0.3:
            return rng.choice(phrase_keys)
        if roll < 0.5:
            key = rng.choice(phrase_keys)
            cut = rng.randrange(1, len(key))
            return key[cut:] if rng.random() < 0.5 else key[:cut]
        if roll < 0.75:
            return rng.choice(char_keys)
        if roll < 0.85:
            return rng.choice(simplified)
        return rng.choice("，。、 ,.-“”（）ab12的是在")

    for _ in range(3000):
        text = "".join(piece() for _ in range(rng.randrange(40)))
        assert fast.convert(text) == opencc.convert(text), text


def test_a_long_piece_without_separators(opencc: OpenCC, fast: Converter) -> None:
    """Thousands of characters that all convert, with no separator: no recursion limit."""
    (phrases, characters) = opencc._dict_chain_data[0]
    keys = sorted(characters[2])
    rng = random.Random(3)
    text = "".join(rng.choice(keys) for _ in range(3000)) + next(iter(sorted(phrases[2])))
    assert fast.convert(text) == opencc.convert(text)
