"""A first-person place word (我省, 我州, 我盟, 本旗) read as the article's own place, so that the
pairing rules read "X对口支援我州" like "X对口支援黔西南州"; and read as nothing where the article
does not make its own place clear. Sentences written for these tests."""

from __future__ import annotations

import pytest
from relate_fixtures import linked, linked_pairs

from kg.gazetteer import Gazetteer


@pytest.mark.parametrize(
    ("text", "places", "expected"),
    [
        # three counties of one prefecture named: 我州 is that prefecture
        (
            "宁波市对口支援我州以来，兴义市、安龙县、贞丰县发展产业。",
            ["宁波市", "兴义市", "安龙县", "贞丰县"],
            ("宁波市", "黔西南布依族苗族自治州"),
        ),
        # another wording, the receiving prefecture's counties in the next sentence about pairing
        (
            "杭州市结对帮扶我州。台江县、剑河县、雷山县开展东西部协作。",
            ["杭州市", "台江县", "剑河县", "雷山县"],
            ("杭州市", "黔东南苗族侗族自治州"),
        ),
        # a league (盟) is of prefecture level: 我盟 is the league holding the banners named
        (
            "北京市对口帮扶我盟以来，科尔沁右翼前旗、突泉县、扎赉特旗发展产业。",
            ["北京市", "科尔沁右翼前旗", "突泉县", "扎赉特旗"],
            ("北京市", "兴安盟"),
        ),
        # 本旗, the banner the article names most
        (
            "北京市顺义区对口帮扶本旗。科尔沁右翼前旗投入资金，科尔沁右翼前旗发展产业。",
            ["北京市", "顺义区", "科尔沁右翼前旗"],
            ("顺义区", "科尔沁右翼前旗"),
        ),
    ],
)
def test_first_person_place_is_a_side_of_the_pairing(
    gaz: Gazetteer, text: str, places: list[str], expected: tuple[str, str]
) -> None:
    assert expected in linked_pairs(gaz, text, places)


def test_first_person_province_as_the_giver(gaz: Gazetteer) -> None:
    # 我省 gives: the province of the cities the pairing sentences name
    text = "我省对口帮扶黔东南州以来，杭州市、宁波市、温州市选派干部。"
    pairs = linked_pairs(gaz, text, ["黔东南州", "杭州市", "宁波市", "温州市"])
    assert ("浙江省", "黔东南苗族侗族自治州") in pairs


@pytest.mark.parametrize(
    ("text", "places", "word"),
    [
        # two prefectures named alike: never guess between them
        (
            "宁波市对口支援我州以来，兴义市、安龙县和凯里市、台江县发展产业。",
            ["宁波市", "兴义市", "安龙县", "凯里市", "台江县"],
            "我州",
        ),
        # the giving city named as often as the receiving prefecture's counties: no side dominates
        (
            "杭州市对口支援我州以来，杭州市、台江县、剑河县、雷山县发展产业。",
            ["杭州市", "台江县", "剑河县", "雷山县"],
            "我州",
        ),
        # 我市 may be a county-level city: the prefecture of the counties named is no reading of it
        (
            "宁波市对口支援我市以来，兴义市、安龙县、贞丰县发展产业。",
            ["宁波市", "兴义市", "安龙县", "贞丰县"],
            "我市",
        ),
    ],
)
def test_first_person_place_read_as_nothing_when_unclear(
    gaz: Gazetteer, text: str, places: list[str], word: str
) -> None:
    ours = [m for m in linked(gaz, text, places) if m.text == word]
    assert ours and all(m.code is None and m.unresolved for m in ours)


@pytest.mark.parametrize(
    ("text", "places", "expected"),
    [
        # the four givers' partners in the tables all lie in one province: 我省 is that province
        (
            "1996年起，深圳、青岛、大连、宁波四市对口帮扶我省，带动产业发展。",
            ["深圳", "青岛", "大连", "宁波"],
            {("深圳市", "贵州省"), ("青岛市", "贵州省"), ("大连市", "贵州省"), ("宁波市", "贵州省")},
        ),
        # one giver whose every partner lies in one province
        (
            "多年来，常州市武进区结对帮扶了我省，援建了一批学校。",
            ["常州市", "武进区"],
            {("武进区", "陕西省")},
        ),
    ],
)
def test_first_person_recipient_told_by_the_givers_partners(
    gaz: Gazetteer, text: str, places: list[str], expected: set[tuple[str, str]]
) -> None:
    assert expected <= linked_pairs(gaz, text, places)


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # 杭州's partners lie in several provinces: no guess
        ("多年来，杭州市对口帮扶我省，援建了一批学校。", ["杭州市"]),
        # 大连's partners lie in two provinces (贵州, and 湖北 of the 三峡 programme)
        ("多年来，大连市对口帮扶我省，援建了一批学校。", ["大连市"]),
        # a giver with no row in the tables: no guess from the other
        ("多年来，溧阳市、鞍山市对口帮扶我省，援建了一批学校。", ["溧阳市", "鞍山市"]),
        # 我省 before the pairing word gives, it does not receive
        ("多年来，溧阳市和我省对口帮扶汉阴县。", ["溧阳市", "汉阴县"]),
    ],
)
def test_first_person_recipient_unclear_from_the_givers(gaz: Gazetteer, text: str, places: list[str]) -> None:
    ours = [m for m in linked(gaz, text, places) if m.text == "我省"]
    assert ours and all(m.code is None and m.unresolved for m in ours)
