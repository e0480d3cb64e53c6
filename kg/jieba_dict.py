"""jieba's dictionary as tables (word → frequency and part-of-speech tag), the one home for them.

The gazetteer and the linker ask how common a word is, relate asks for a word's tag, the nlp
stage for jieba's idioms. Each used to read and split the 349,000 lines of ``jieba/dict.txt``
on its own (jieba.posseg alone took 0.6 s at every start); the lines are now read once into
rows kept in the user cache directory (:mod:`kg.user_cache`, marshal) under jieba's version and
the file's bytes, and each table is made from those rows. jieba is not imported for it.

jieba's own prefix dictionary (``jieba.dt.FREQ``, what its segmenter and the mojibake repair
read) is kept there too (:func:`initialize_jieba`): jieba reads its cache file with
``marshal.load`` from the open file, ~0.6 CPU s at every start; the same table read with
``marshal.loads`` from bytes takes ~0.2 s.
"""

from __future__ import annotations

import importlib.util
import marshal
from functools import cache, partial
from pathlib import Path
from typing import Any

from kg import collector
from kg.user_cache import fingerprint, load_or_compile

Row = tuple[str, int, str]  # word, frequency, tag ("" when a line gives none)


def dictionary_path() -> Path:
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("package 'jieba' is not installed; `pip install jieba`")
    return Path(list(spec.submodule_search_locations)[0]) / "dict.txt"


def _read_rows() -> list[Row]:
    rows = []
    with dictionary_path().open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 2:
                rows.append((parts[0], int(parts[1]), parts[2] if len(parts) > 2 else ""))
    return rows


@cache
def rows() -> list[Row]:
    """Every line of jieba's dictionary as (word, frequency, tag), in the file's order."""
    key = fingerprint([dictionary_path()], ("jieba",))
    with collector.paused():  # 349,000 rows, no cycles (kg.collector)
        return load_or_compile("jieba-dictionary", key, _read_rows, marshal.dumps, marshal.loads)


@cache
def jieba_words() -> dict[str, tuple[int, str]]:
    """Words of 2–6 characters → (frequency, tag); a later line of the same word wins."""
    table = rows()
    with collector.paused():
        return {word: (freq, tag) for word, freq, tag in table if 2 <= len(word) <= 6}


@cache
def word_tags() -> dict[str, str]:
    """Every word → its tag, as ``jieba.posseg`` reads them (its ``word_tag_tab``)."""
    table = rows()
    with collector.paused():
        return {word: tag for word, _, tag in table}


@cache
def set_phrases() -> frozenset[str]:
    """Idioms and set phrases of jieba's own dictionary (tags i, l), four characters or more."""
    return frozenset(word for word, _, tag in rows() if tag and tag in "il" and len(word) >= 4)


def _prefix_dictionary(tokenizer: Any) -> tuple[dict[str, int], int]:
    return tokenizer.gen_pfdict(tokenizer.get_dict_file())


def initialize_jieba() -> Any:
    """jieba's default tokenizer (``jieba.dt``) initialised with its own prefix dictionary, the
    table jieba makes from its dictionary file (``gen_pfdict``), read from the user cache; a
    tokenizer already initialised, or given another dictionary, is left to jieba."""
    import jieba

    jieba.setLogLevel(60)  # no chatter on stderr
    tokenizer = jieba.dt
    if tokenizer.initialized or tokenizer.dictionary != jieba.DEFAULT_DICT:
        return tokenizer
    key = fingerprint([dictionary_path()], ("jieba",))
    with tokenizer.lock, collector.paused():  # ~580,000 objects, no cycles (kg.collector)
        if not tokenizer.initialized:
            compile_ = partial(_prefix_dictionary, tokenizer)
            name = "jieba-prefix-dictionary"
            freq, total = load_or_compile(name, key, compile_, marshal.dumps, marshal.loads)
            tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, total, True
    return tokenizer


def word_frequency(word: str) -> int:
    """jieba's dictionary frequency of a word (0 when it is no word there)."""
    return jieba_words().get(word, (0, ""))[0]
