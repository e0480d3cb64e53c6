"""kg.jieba_dict's tables are what jieba itself reads from its dictionary: the part-of-speech
table of jieba.posseg, and its idioms; the rows come back from the user cache unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg import jieba_dict


def test_word_tags_are_jieba_posseg_table() -> None:
    import jieba.posseg

    assert jieba_dict.word_tags() == jieba.posseg.dt.word_tag_tab


def test_tables_agree_with_the_file() -> None:
    lines = jieba_dict.dictionary_path().read_text(encoding="utf-8").splitlines()
    assert len(jieba_dict.rows()) == len([line for line in lines if len(line.split()) >= 2])
    words = jieba_dict.jieba_words()
    assert words["帮扶"][0] > 0 and all(2 <= len(w) <= 6 for w in words)
    assert "一视同仁" in jieba_dict.set_phrases()  # an idiom (tag i)


def test_rows_from_a_fresh_cache_equal_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_CACHE_HOME", str(tmp_path))
    compiled = jieba_dict.rows.__wrapped__()  # written to the empty cache
    assert list(tmp_path.glob("jieba-dictionary-*.bin"))
    assert jieba_dict.rows.__wrapped__() == compiled  # read back


def test_jieba_initialised_from_the_user_cache_as_by_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import jieba

    by_itself = jieba.Tokenizer()
    by_itself.initialize()
    monkeypatch.setenv("KG_CACHE_HOME", str(tmp_path))
    for _ in range(2):  # compiled into the empty cache, then read back from it
        monkeypatch.setattr(jieba, "dt", jieba.Tokenizer())
        tokenizer = jieba_dict.initialize_jieba()
        assert tokenizer is jieba.dt and tokenizer.initialized
        assert tokenizer.total == by_itself.total and tokenizer.FREQ == by_itself.FREQ
        assert list(tmp_path.glob("jieba-prefix-dictionary-*.bin"))
    sentence = "东西部扶贫协作推动当地村民增收"
    assert jieba.lcut(sentence) == by_itself.lcut(sentence)
