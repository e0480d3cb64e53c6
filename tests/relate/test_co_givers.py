"""Two places joined by 和/与 that both give in a directed pairing of their sentence are co-givers,
not partners (杭州和宁波两市对口支援Y: 杭州 → Y, 宁波 → Y, no 杭州 → 宁波); two places joined so
with no one they give to in the sentence stay a pair; two places that both receive from one giver
of the article and give nowhere are co-receivers, not partners. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.records import Article, Mention, Relation

Read = Callable[[str], tuple[Article, list[Mention], list[Relation]]]


def _pairs(read_text: Read, text: str) -> set[tuple[str, str]]:
    _, _, relations = read_text(text)
    return {
        (r.donor.name, r.recipient.name) for r in relations if r.type == "pairing" and r.donor and r.recipient
    }


@pytest.mark.parametrize(
    ("text", "givers", "recipient"),
    [
        ("2017年,浙江省新增杭州和宁波两市对口支援新疆喀什地区。", ("杭州市", "宁波市"), "喀什地区"),
        ("上海市和江苏省两省市对口支援新疆喀什地区。", ("上海市", "江苏省"), "喀什地区"),
        ("深圳市和东莞市对口帮扶广西百色市。", ("深圳市", "东莞市"), "百色市"),
    ],
)
def test_co_givers_are_no_pair(read_text: Read, text: str, givers: tuple[str, str], recipient: str) -> None:
    found = _pairs(read_text, text)
    assert {(g, recipient) for g in givers} <= found
    assert (givers[0], givers[1]) not in found and (givers[1], givers[0]) not in found


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("福州与定西两地开展东西部扶贫协作。", ("福州市", "定西市")),
        ("宁波与丽水两市山海协作。", ("宁波市", "丽水市")),
        ("杭州和恩施两市结对协作。", ("杭州市", "恩施土家族苗族自治州")),
    ],
)
def test_partners_joined_by_he_stay_a_pair(read_text: Read, text: str, pair: tuple[str, str]) -> None:
    assert pair in _pairs(read_text, text)


@pytest.mark.parametrize(
    "text",
    ["上海、广东扶贫协作成效显著。", "近年来,北京、山东扶贫协作累计到位资金10亿元。"],
)
def test_two_givers_of_the_east_named_together_are_no_pair(read_text: Read, text: str) -> None:
    # two provinces of the east that no programme table pairs: both give, neither helps the other
    assert _pairs(read_text, text) == set()


def test_eastern_partners_a_table_lists_stay_a_pair(read_text: Read) -> None:
    # the north-east's 对口合作 pairs 大连 with 上海 in the tables: the table decides who gives
    assert ("上海市", "大连市") in _pairs(read_text, "大连市与上海市开展对口合作。")


def test_two_receivers_of_one_giver_are_no_pair_whatever_their_regions(read_text: Read) -> None:
    # 夷陵 (湖北) and 万州 (重庆) would be told apart by their regions: both receive from 上海 here
    text = (
        "上海市累计援助夷陵区资金4亿元。上海市累计援助万州区资金17亿元。"
        "夷陵、万州两地负责人恳请上海市继续加强帮扶。"
    )
    assert _pairs(read_text, text) == {("上海市", "夷陵区"), ("上海市", "万州区")}
    # a place that gives in the article is no mere receiver: 福清 helps 通渭, 福州 helps 定西
    text = "福州市对口帮扶定西市。福清市对口帮扶通渭县。福清通渭两地交流频繁。"
    assert ("福清市", "通渭县") in _pairs(read_text, text)
