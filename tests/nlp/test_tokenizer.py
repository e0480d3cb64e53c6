"""kg.nlp.tokenizer: the same words and spaces as spaCy's own alignment, the same docs."""

from __future__ import annotations

import random

import pytest
import spacy
from spacy.util import get_words_and_spaces

from kg.nlp.tokenizer import (
    LinearChineseTokenizer,
    characters_and_spaces,
    linear_tokenizer,
    words_and_spaces,
)

TEXTS = [
    "海沧区对口帮扶积石山县。",
    "  厦门市 海沧区\n\n与  积石山县\u3000结对帮扶 ",
    "Xiamen Haicang 2019年投入资金 1200 万元",
    "",
    " ",
]


@pytest.mark.parametrize("text", TEXTS)
def test_characters_as_spacy(text: str) -> None:
    assert words_and_spaces(list(text), text) == get_words_and_spaces(list(text), text)


def test_generated_words_as_spacy() -> None:
    """Words of several characters and whitespace of every kind, as jieba would give them."""
    rng = random.Random(11)
    pieces = ["海沧", "区", "积石山县", "帮扶", "，", " ", "  ", "\n", "\u3000", "\xa0", "\t", "ab", "12"]
    for _ in range(2000):
        words = [rng.choice(pieces) for _ in range(rng.randrange(12))]
        text = "".join(words)
        assert words_and_spaces(words, text) == get_words_and_spaces(words, text), words


def test_characters_a_run_at_a_time_as_spacy() -> None:
    """characters_and_spaces (the char tokenizer's runs of text) gives spaCy's alignment of the
    text's characters: whitespace of every kind, alone, in runs, first, last and after a space."""
    rng = random.Random(12)
    pieces = ["海", "沧", "区", "，", "a", "1", " ", " ", "  ", "\n", "\u3000", "\xa0", "\t", " \n", "\n "]
    for text in [
        *TEXTS,
        *("".join(rng.choice(pieces) for _ in range(rng.randrange(14))) for _ in range(3000)),
    ]:
        assert characters_and_spaces(text) == get_words_and_spaces(list(text), text), repr(text)


def test_words_tiling_a_text_without_whitespace_as_spacy() -> None:
    """The shortcut for words that tile a text without whitespace (jieba's words of a sentence)."""
    rng = random.Random(13)
    pieces = ["海沧", "区", "积石山县", "帮扶", "，", "ab", "12", "。"]
    for _ in range(2000):
        words = [rng.choice(pieces) for _ in range(rng.randrange(12))]
        text = "".join(words)
        assert words_and_spaces(words, text) == get_words_and_spaces(words, text), words


def test_words_not_in_the_text_are_an_error() -> None:
    with pytest.raises(ValueError):
        words_and_spaces(["海沧", "区"], "海沧县")


@pytest.mark.parametrize("segmenter", ["char", "jieba"])
def test_docs_as_spacy(segmenter: str) -> None:
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": segmenter}}})
    linear = linear_tokenizer(nlp.tokenizer)
    assert isinstance(linear, LinearChineseTokenizer)
    for text in TEXTS:
        ours, theirs = linear(text), nlp.tokenizer(text)  # type: ignore[operator]
        assert [(t.text, t.whitespace_) for t in ours] == [(t.text, t.whitespace_) for t in theirs]
