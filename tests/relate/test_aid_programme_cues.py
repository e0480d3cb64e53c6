"""The national aid programmes' words as pairing cues.

A sentence whose only pairing word is an aid programme's (援藏, 援黔 …) is read by the recall net like
one with 对口帮扶. Sentences of our own."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from relate_fixtures import read_pairs

from kg.records import Article, Mention, Relation

Read = Callable[[str], tuple[Article, list[Mention], list[Relation]]]


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("作为余杭区第三批援黔干部,他来到雷山县挂职。", ("余杭区", "雷山县")),
        ("苏州援藏干部来到林周县挂职。", ("苏州市", "林周县")),
        ("今年江苏援藏项目在林周县陆续开工。", ("江苏省", "林周县")),
    ],
)
def test_an_aid_programme_word_is_a_pairing_cue(read_text: Read, text: str, pair: tuple) -> None:
    assert pair in read_pairs(read_text, text)


@pytest.mark.parametrize(
    "text",
    [
        "援疆医生来到疏附县义诊。",  # no giving place
        "余杭区与雷山县的游客人数都在增长。",  # no cue at all
        "雷山县不再接受余杭区援黔资金。",  # negated
        "福建省将启动一批惠及西藏农牧民的援藏项目。",  # 援藏 names 西藏 already: no pair of its own
    ],
)
def test_no_pair_without_both_sides_or_with_a_negation(read_text: Read, text: str) -> None:
    assert not read_pairs(read_text, text)
