"""A giver's aid word with the first character of its receiver's name (江苏援乌, 杭州援阿): the one
receiving prefecture or county of the article that character opens (kg/relate/recall.py,
abbreviated_aid_pairs). Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from relate_fixtures import read_pairs

from kg.records import Article, Mention, Relation

Read = Callable[[str], tuple[Article, list[Mention], list[Relation]]]


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("和田县位于昆仑山北麓。多年来,北京援和干部扎根基层。", ("北京市", "和田县")),
        ("库车市是南疆的一座古城。宁波对口援库十余年,建成学校二十所。", ("宁波市", "库车市")),
        ("乌恰县地处帕米尔高原。常州援乌工作组走访了当地牧民。", ("常州市", "乌恰县")),
    ],
)
def test_the_character_names_the_one_receiver_it_opens(read_text: Read, text: str, pair: tuple) -> None:
    assert pair in read_pairs(read_text, text)


@pytest.mark.parametrize(
    "text",
    [
        # 援建 is a word of its own: 建 names no place
        "建始县位于恩施州。杭州援建的学校已经落成。",
        # two receiving places open with the character: which one is not said
        "昌都市和昌吉州都在西部。福建援昌干部介绍了经验。",
        # the place before the aid word is no giver
        "乌恰县地处帕米尔高原。喀什援乌干部介绍了经验。",
    ],
)
def test_no_pair_where_the_character_names_no_one_receiver(read_text: Read, text: str) -> None:
    named = ("建始县", "昌都市", "昌吉回族自治州", "乌恰县")
    assert not {p for p in read_pairs(read_text, text) if p[1] in named}


def test_a_pair_a_table_lists_stands_beside_its_givers_city(read_text: Read) -> None:
    """江苏省 → 乌恰县 is a row of the 援疆 table at its own codes: the province's pair stands where
    its city 常州 pairs with the same county in another sentence."""
    text = "乌恰县地处帕米尔高原。近年来,江苏对口援乌,推动教育发展。在常州的援助下,乌恰县建成了景区。"
    assert {("江苏省", "乌恰县"), ("常州市", "乌恰县")} <= read_pairs(read_text, text)
