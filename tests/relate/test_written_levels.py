"""Pairings at the levels the text writes, and the national aid programmes' words as pairing cues.

A directed wording whose giver lies above its receiver (a district helping a village) gives the pair
at the levels written where the receiver has no address at the giver's level in the sentence; the
places themselves must not say the other way round. A sentence whose only pairing word is an aid
programme's (援藏, 援黔 …) is read by the recall net like one with 对口帮扶. Sentences of our own."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.records import Article, Mention, Relation

Read = Callable[[str], tuple[Article, list[Mention], list[Relation]]]

VILLAGE = "雷山县丹江镇乌开村位于山区。"  # the village's county and town, so that its name links


def pairs(read_text: Read, text: str) -> set[tuple[str | None, str | None]]:
    _, _, relations = read_text(text)
    return {
        (r.donor.name if r.donor else None, r.recipient.name if r.recipient else None)
        for r in relations
        if r.type == "pairing"
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "在余杭区的大力帮扶下,乌开村修通了产业路。",
        "余杭区援建乌开村的产业路已经通车。",
        "乌开村由余杭区结对帮扶。",
    ],
)
def test_a_giver_above_a_village_pairs_at_the_written_levels(read_text: Read, sentence: str) -> None:
    """在X的帮扶下,Y村 / X援建Y村 / Y村由X结对帮扶: the district helps the village itself."""
    assert ("余杭区", "乌开村") in pairs(read_text, VILLAGE + sentence)


def test_the_written_pair_is_less_sure_than_one_at_comparable_levels(read_text: Read) -> None:
    _, _, relations = read_text(VILLAGE + "在余杭区的大力帮扶下,乌开村修通了产业路。")
    (pair,) = [r for r in relations if r.type == "pairing" and r.recipient and r.recipient.name == "乌开村"]
    _, _, comparable = read_text("在余杭区的大力帮扶下,雷山县修通了产业路。")
    (county,) = [r for r in comparable if r.type == "pairing"]
    assert pair.confidence < county.confidence


@pytest.mark.parametrize(
    "sentence",
    [
        "乌开村村民对余杭区的大力支持表示感谢。",  # the village thanks: no giver above
        "乌开村帮助余杭区的游客找回了钱包。",  # a village does not give to a district
    ],
)
def test_no_pair_where_the_village_is_not_the_receiver(read_text: Read, sentence: str) -> None:
    assert not pairs(read_text, VILLAGE + sentence)


def test_a_western_county_does_not_give_to_an_eastern_town(read_text: Read) -> None:
    """The levels alone would make the county the giver; the region says the town's side gives."""
    found = pairs(read_text, "余杭区仁和街道与雷山县结对。雷山县对仁和街道的大力支持表示感谢。")
    assert ("雷山县", "仁和街道") not in found


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("作为余杭区第三批援黔干部,他来到雷山县挂职。", ("余杭区", "雷山县")),
        ("苏州援藏干部来到林周县挂职。", ("苏州市", "林周县")),
        ("今年江苏援藏项目在林周县陆续开工。", ("江苏省", "林周县")),
    ],
)
def test_an_aid_programme_word_is_a_pairing_cue(read_text: Read, text: str, pair: tuple) -> None:
    assert pair in pairs(read_text, text)


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
    assert not pairs(read_text, text)
