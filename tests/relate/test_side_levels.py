"""A side is the division the text writes for it: a government organ written right after the
places that contain it (上海市«黄浦区政府», 江苏省«苏州市人民政府») is one address with them and stands
for its own place; the places before it only locate it. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.records import Article, Mention, Relation

Read = Callable[[str], tuple[Article, list[Mention], list[Relation]]]


def _pairs(read_text: Read, text: str) -> set[tuple[str, str]]:
    _, _, relations = read_text(text)
    pairings = [r for r in relations if r.type == "pairing" and r.donor and r.recipient]
    return {(r.donor.name, r.recipient.name) for r in pairings if r.donor and r.recipient}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("上海市黄浦区政府与玛多县政府签订对口支援协议。", ("黄浦区", "玛多县")),
        ("江苏省苏州市人民政府与贵州省铜仁市人民政府签订东西部协作协议。", ("苏州市", "铜仁市")),
        ("广东省东莞市委、市政府高度重视对口支援林芝市工作。", ("东莞市", "林芝市")),
        ("天津市东丽区委、区政府对口帮扶甘肃省皋兰县。", ("东丽区", "皋兰县")),
    ],
)
def test_an_organ_written_after_the_places_above_it_stands_for_its_own_place(
    read_text: Read, text: str, pair: tuple[str, str]
) -> None:
    assert _pairs(read_text, text) == {pair}


def test_a_place_before_an_organ_of_another_place_is_a_side_of_its_own(read_text: Read) -> None:
    """The place before the organ does not contain the organ's place: two sides, not one address."""
    assert ("上海市", "玛多县") in _pairs(read_text, "上海市与玛多县政府签订对口支援协议。")


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("江苏省对口帮扶贵州省铜仁市工作队领队某某介绍,园区已有20家企业开工。", ("江苏省", "铜仁市")),
        ("浙江省对口帮扶四川省凉山州工作队在当地召开座谈会。", ("浙江省", "凉山彝族自治州")),
    ],
)
def test_a_team_written_after_a_place_above_its_own_stands_for_its_own_place(
    read_text: Read, text: str, pair: tuple[str, str]
) -> None:
    """贵州省«铜仁市工作队»: the province only locates the place the team is named by, one address
    as 贵州省铜仁市 is; the side is the prefecture, not the province."""
    assert _pairs(read_text, text) == {pair}


def test_two_places_the_ner_read_as_one_are_two_sides(read_text: Read) -> None:
    """The statistical NER may read 顺义区向科左中旗 as one place; a word between two gazetteer
    places that is no part of an address keeps them two (kg.nlp.merge), so the county receives."""
    assert _pairs(read_text, "今年,顺义区向科左中旗捐赠物资一批。") == {("顺义区", "科尔沁左翼中旗")}


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        (
            "杭州市对口帮扶恩施州。他感谢杭州市给予湖北发展的大力支持。",
            ("杭州市", "恩施土家族苗族自治州"),
            ("杭州市", "湖北省"),
        ),
        (
            "宁波市对口帮扶延边州。会上,他感谢宁波市给予吉林的大力支持。",
            ("宁波市", "延边朝鲜族自治州"),
            ("宁波市", "吉林省"),
        ),
    ],
)
def test_a_city_does_not_pair_with_the_province_around_its_partner(
    read_text: Read, text: str, kept: tuple[str, str], dropped: tuple[str, str]
) -> None:
    # the city pairs with a prefecture; the province around it only says where the partner lies
    found = _pairs(read_text, text)
    assert kept in found and dropped not in found


def test_a_city_that_supports_a_province_alone_keeps_the_pair(read_text: Read) -> None:
    assert ("杭州市", "湖北省") in _pairs(read_text, "他感谢杭州市给予湖北发展的大力支持。")


@pytest.mark.parametrize(
    "text",
    [
        "2016年以来,杭州市西湖区对口帮扶台江县。杭州市还组织企业到台江县投资。",
        "西湖区对口帮扶台江县。杭州市积极帮助台江县发展产业。",
    ],
)
def test_a_city_above_the_district_that_pairs_is_no_second_giver(read_text: Read, text: str) -> None:
    # the district pairs with the county; a weak wording (到Y投资, 帮助) of its city adds no city pair
    assert _pairs(read_text, text) == {("西湖区", "台江县")}


def test_a_city_that_states_its_own_pair_keeps_it_beside_its_district(read_text: Read) -> None:
    found = _pairs(read_text, "杭州市对口帮扶台江县,西湖区也组织企业到台江县投资。")
    assert found == {("杭州市", "台江县"), ("西湖区", "台江县")}


def test_a_city_pair_label_gives_the_pair(read_text: Read) -> None:
    """佛云对口帮扶: a label of two one-character names before a programme's word pairs the two places
    it names (kg.link.discover.discover_city_pairs), as a side-by-side wording does (福清通渭东西部协作)."""
    text = "佛山市三水区对口帮扶云浮市郁南县。两地深化佛云对口帮扶机制,共谋乡村振兴。"
    assert ("佛山市", "云浮市") in _pairs(read_text, text)


def test_a_label_whose_characters_fit_no_named_place_gives_nothing(read_text: Read) -> None:
    text = "佛山市三水区对口帮扶云浮市郁南县。两地深入协作,共谋乡村振兴。"
    assert _pairs(read_text, text) == {("三水区", "郁南县")}
