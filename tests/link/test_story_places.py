"""Linking slips that once fed pairings with false places: a person's given name, a dateline, a
slogan, a common word. Sentences written for these tests, with the real linker."""

from __future__ import annotations

import pytest
from relate_fixtures import (
    linked,
)

from kg.gazetteer import Gazetteer


def _linked_names(gaz: Gazetteer, text: str, places: list[str]) -> dict[str, str | None]:
    return {
        m.text: m.name if not m.unresolved else None for m in linked(gaz, text, places) if m.label == "PLACE"
    }


def test_given_name_after_a_byline_is_no_place(gaz: Gazetteer) -> None:
    names = _linked_names(gaz, "记者庄建德报道,淳安县与开化县签订合作协议。", ["建德", "淳安县", "开化县"])
    assert names["建德"] is None
    assert names["淳安县"] == "淳安县"


def test_short_name_inside_a_quoted_slogan_is_no_place(gaz: Gazetteer) -> None:
    names = _linked_names(
        gaz, "江门市开展“江海情”主题活动,为同心县群众送去温暖。", ["江门市", "江海", "同心县"]
    )
    assert names["江海"] is None
    assert names["同心县"] == "同心县"


def test_short_name_inside_an_item_of_a_quoted_list_is_no_place(gaz: Gazetteer) -> None:
    text = "展销会设置了“岛城优品、牡丹飘香、三峡夷陵、生态宁陕”等板块,青岛与宁陕县签订协议。"
    names = _linked_names(gaz, text, ["牡丹", "夷陵", "宁陕", "青岛", "宁陕县"])
    assert names["牡丹"] is None and names["夷陵"] is None and names["宁陕"] is None
    assert names["宁陕县"] == "宁陕县" and names["青岛"] == "青岛市"
    # a quoted list of bare places names places
    names = _linked_names(gaz, "“福清、通渭、连城”三地联合举办交流活动。", ["福清", "通渭", "连城"])
    assert names == {"福清": "福清市", "通渭": "通渭县", "连城": "连城县"}


def test_quoted_pair_of_places_stays_linked(gaz: Gazetteer) -> None:
    names = _linked_names(gaz, "“福清·通渭”东西部协作交流会在福清市举行。", ["福清", "通渭", "福清市"])
    assert names["福清"] == "福清市" and names["通渭"] == "通渭县"


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("山海同心稳就业,东西协作促振兴,黔东南与佛山携手。", "同心"),
        ("吸引一批福清籍客商到连城投资兴业。", "兴业"),
    ],
)
def test_short_name_used_as_a_common_word_is_no_place(gaz: Gazetteer, text: str, surface: str) -> None:
    places = [surface, "黔东南", "佛山", "福清", "连城"]
    names = _linked_names(gaz, text, [p for p in places if p in text])
    assert names[surface] is None


def test_short_name_that_is_a_common_word_after_a_word_of_place_stays(gaz: Gazetteer) -> None:
    names = _linked_names(gaz, "闽宁协作以来,福建在同心开展了大量帮扶工作。", ["福建", "同心"])
    assert names["同心"] == "同心县"


@pytest.mark.parametrize(
    "text",
    [
        "通讯员 王明 庄建德 报道:淳安县与开化县签订合作协议。",
        "(记者 庄建德)淳安县与开化县签订合作协议。",
        "陈建德说,淳安县与开化县签订了合作协议。",
    ],
)
def test_given_names_in_bylines_and_speakers_are_no_place(gaz: Gazetteer, text: str) -> None:
    assert _linked_names(gaz, text, ["建德", "淳安县", "开化县"])["建德"] is None


def test_place_named_after_a_reporter_who_comes_from_it_stays(gaz: Gazetteer) -> None:
    names = _linked_names(
        gaz, "记者从建德市获悉,淳安县与开化县签订合作协议。", ["建德市", "淳安县", "开化县"]
    )
    assert names["建德市"] == "建德市"


def test_name_cut_out_of_a_compound_is_no_place(gaz: Gazetteer) -> None:
    """南部县|区 is 南部 + 县区, 奋斗乡|村 is 奋斗 + 乡村: no county, no township."""
    text = "海州市在云岭南部县区建设车间,接续奋斗乡村振兴。"
    names = _linked_names(gaz, text, ["海州市", "南部县", "奋斗乡"])
    assert names["南部县"] is None
    assert names["奋斗乡"] is None


def test_name_whose_suffix_stands_as_a_word_stays(gaz: Gazetteer) -> None:
    """南部县 written as a name of its own (南部县县长: 县县 is no word) is the county."""
    names = _linked_names(gaz, "海宁市与南部县结对,南部县县长到海宁考察。", ["海宁市", "南部县", "南部县"])
    assert names["南部县"] == "南部县"


def test_place_of_a_news_outlet_s_dateline_is_no_place(gaz: Gazetteer) -> None:
    """海滨新闻贵阳8月29日讯: 贵阳 is where the report was filed (an outlet ending in 新闻)."""
    text = "海滨新闻贵阳8月29日讯 青岛市对口帮扶安顺市。"
    names = _linked_names(gaz, text, ["贵阳", "青岛市", "安顺市"])
    assert names["贵阳"] is None
    assert names["安顺市"] == "安顺市"


def test_bare_name_of_a_city_and_its_namesake_county_is_the_city(gaz: Gazetteer) -> None:
    """The article names 承德市 and its 承德县 in full: the bare 承德 is the city (a county that
    shares its city's name is written with 县)."""
    text = "天津市东丽区与承德市承德县签署协议。天津与承德通力合作。"
    found = linked(gaz, text, ["天津市", "东丽区", "承德市", "承德县", "天津", "承德"])
    bare = [m for m in found if m.text == "承德"]
    assert [m.name for m in bare] == ["承德市"]


def test_a_town_whose_name_is_unique_in_the_country_needs_no_named_county(gaz: Gazetteer) -> None:
    """吉根乡 is the only town of that name: it links though the article names no county of its
    own; 太保镇 (two in the country) still needs its county."""
    text = "常州市天宁区工作组到吉根乡开展帮扶,又到太保镇考察。"
    names = _linked_names(gaz, text, ["常州市", "天宁区", "吉根乡", "太保镇"])
    assert names["吉根乡"] == "吉根乡"
    assert names["太保镇"] is None


def test_a_county_written_right_after_its_province_is_found(gaz: Gazetteer) -> None:
    """重庆石柱: the nlp stage gave 重庆 only; the county right after it is 石柱土家族自治县."""
    text = "自2015年山东淄博与重庆石柱结为协作关系以来,两地交流频繁。"
    found = linked(gaz, text, ["山东", "淄博", "重庆"])
    assert [(m.text, m.name) for m in found if m.text == "石柱"] == [("石柱", "石柱土家族自治县")]


def test_a_city_pair_in_brackets_after_its_provinces_names_the_places_the_article_names(
    gaz: Gazetteer,
) -> None:
    """鲁渝(济万): 济 and 万 are 济宁市 and 万州区, which the article names; without them, nothing."""
    text = "济宁市代表团到万州区考察。在鲁渝(济万)协作中,两地统筹资金。"
    found = linked(gaz, text, ["济宁市", "万州区"])
    assert [(m.text, m.name) for m in found if len(m.text) == 1] == [("济", "济宁市"), ("万", "万州区")]
    alone = linked(gaz, "在鲁渝(济万)协作中,两地统筹资金。", [])
    assert [m.text for m in alone if m.label == "PLACE"] == []


def test_a_city_pair_label_names_the_places_the_article_names(gaz: Gazetteer) -> None:
    """佛云对口帮扶: 佛 and 云 begin the names of 佛山市 and 云浮市, the only places the article names at
    prefecture or county level that they begin; without them, or where a character fits two, nothing."""
    text = "佛山市三水区对口帮扶云浮市郁南县。两地深化佛云对口帮扶机制。"
    found = linked(gaz, text, ["佛山市", "三水区", "云浮市", "郁南县"])
    assert [(m.text, m.name) for m in found if len(m.text) == 1] == [("佛", "佛山市"), ("云", "云浮市")]
    alone = linked(gaz, "两地深化佛云对口帮扶机制。", [])
    assert [m.text for m in alone if m.label == "PLACE"] == []
    text = "云浮市、云南省云县与佛山市开展对口帮扶。两地深化佛云对口帮扶机制。"
    twice = linked(gaz, text, ["云浮市", "云南省", "云县", "佛山市"])
    assert [m.text for m in twice if len(m.text) == 1] == []
