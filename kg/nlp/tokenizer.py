"""spaCy's Chinese tokenizer, its docs made in time linear in the text.

spaCy aligns the segmenter's words with the text by slicing off the rest of the text for every
word (``text[pos:].index(word)`` in ``spacy.util.get_words_and_spaces``): quadratic in the text's
length, a share of the nlp stage on whole articles (one character a word) and most of it on a
sentence of thousands of characters. :func:`words_and_spaces` finds each word from the same
position without the copy; the words, spaces and so the docs are the same.
"""

from __future__ import annotations

import re

from spacy.errors import Errors
from spacy.lang.zh import ChineseTokenizer, Segmenter
from spacy.tokens import Doc

_WHITESPACE = re.compile(r"\s")  # str.isspace's characters
_WHITESPACE_RUNS = re.compile(r"(\s+)")


def words_and_spaces(words: list[str], text: str) -> tuple[list[str], list[bool]]:
    """``spacy.util.get_words_and_spaces(words, text)``, in linear time."""
    if not _WHITESPACE.search(text) and "".join(words) == text:
        # the words tile a text without whitespace: each is found where the last one ended
        return list(words), [False] * len(words)
    if "".join("".join(words).split()) != "".join(text.split()):
        raise ValueError(Errors.E194.format(text=text, words=words))
    text_words: list[str] = []
    text_spaces: list[bool] = []
    pos, n = 0, len(text)
    for word in words:
        if word.isspace():
            continue
        start = text.find(word, pos)
        if start < 0:
            raise ValueError(Errors.E194.format(text=text, words=words))
        if start > pos:  # the whitespace before it
            text_words.append(text[pos:start])
            text_spaces.append(False)
        text_words.append(word)
        pos = start + len(word)
        space = pos < n and text[pos] == " "
        text_spaces.append(space)
        pos += space
    if pos < n:
        text_words.append(text[pos:])
        text_spaces.append(False)
    return text_words, text_spaces


def characters_and_spaces(text: str) -> tuple[list[str], list[bool]]:
    """``words_and_spaces(list(text), text)`` a run of text at a time instead of a character at a
    time: every non-space character is a word; one space right after one is its trailing space;
    any other run of whitespace is a word of its own."""
    words: list[str] = []
    spaces: list[bool] = []
    for i, piece in enumerate(_WHITESPACE_RUNS.split(text)):
        if not piece:
            continue
        if i % 2 == 0:  # characters
            words.extend(piece)
            spaces.extend([False] * len(piece))
            continue
        if words and piece[0] == " ":  # the space after a character
            spaces[-1] = True
            piece = piece[1:]
        if piece:
            words.append(piece)
            spaces.append(False)
    return words, spaces


class LinearChineseTokenizer(ChineseTokenizer):
    """A :class:`ChineseTokenizer` (char or jieba) whose words meet the text through
    :func:`words_and_spaces`."""

    def __call__(self, text: str) -> Doc:
        if self.segmenter == Segmenter.char:
            words, spaces = characters_and_spaces(text)
            return Doc(self.vocab, words=words, spaces=spaces)
        if self.segmenter == Segmenter.jieba and self.jieba_seg is not None:
            words = [x for x in self.jieba_seg.cut(text, cut_all=False) if x]
        else:
            return super().__call__(text)
        words, spaces = words_and_spaces(words, text)
        return Doc(self.vocab, words=words, spaces=spaces)


def linear_tokenizer(tokenizer: object) -> object:
    """The same tokenizer as a :class:`LinearChineseTokenizer` where it is spaCy's Chinese one of
    the char or jieba segmenter (another pipeline's tokenizer is returned as it is)."""
    if type(tokenizer) is not ChineseTokenizer:
        return tokenizer
    segmenter = tokenizer.segmenter  # type: ignore[attr-defined]
    if segmenter not in (Segmenter.char, Segmenter.jieba):
        return tokenizer
    return LinearChineseTokenizer(tokenizer.vocab, segmenter=segmenter)  # type: ignore[attr-defined]
