"""The recall net (kg/relate/recall.py) on sentences written for these tests, with hand-linked places."""

from __future__ import annotations

import pytest
from relate_fixtures import JSS, article, linked_pairs, pairs

from kg.gazetteer import Gazetteer
from kg.relate import extract_relations, recall
from kg.relate.context import ArticleContext
from kg.relate.rules import cues


def net_pairs(text: str, places: list[str]) -> set[tuple[str, str]]:
    """What the net alone reads in each sentence, with no construction's evidence behind it."""
    art, mentions = article(text, places)
    ctx = ArticleContext(art, mentions)
    found: set[tuple[str, str]] = set()
    for enc in ctx.encoded:
        for giver, receiver in recall.sentence_pairs(enc, art.sentence_text(enc.index), ctx):
            found.add((giver.name or giver.text, receiver.name or receiver.text))
    return found


@pytest.mark.parametrize(
    ("text", "places", "expected"),
    [
        (
            "两地的结对安排具体为:海沧区与积石山县,昆山市与碧江区。",
            ["海沧区", "积石山县", "昆山市", "碧江区"],
            {("海沧区", JSS), ("昆山市", "碧江区")},
        ),
        (
            "福清市主动对接通渭县、渭源县,签订劳务协议。",
            ["福清市", "通渭县", "渭源县"],
            {
                ("福清市", "通渭县"),
                ("福清市", "渭源县"),
            },
        ),
        ("由海沧区选派的帮扶工作队进驻积石山县。", ["海沧区", "积石山县"], {("海沧区", JSS)}),
        (
            "海沧区、和平区携手帮扶靖远县。",
            ["海沧区", "和平区", "靖远县"],
            {
                ("海沧区", "靖远县"),
                ("和平区", "靖远县"),
            },
        ),
        (
            "两地结对以来,昆山市的七桥村与碧江区的高坝田村结成对子。",
            ["昆山市", "七桥村", "碧江区", "高坝田村"],
            {("七桥村", "高坝田村")},
        ),
    ],
)
def test_sides_of_a_cue_sentence_pair(text: str, places: list[str], expected: set) -> None:
    assert net_pairs(text, places) == expected


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # background: several givers and several receivers in one clause
        (
            "北京市、天津市、上海市等东部省市与甘肃省、宁夏等西部省区开展扶贫协作。",
            [
                "北京市",
                "天津市",
                "上海市",
                "甘肃省",
                "宁夏",
            ],
        ),
        ("天津市不再帮扶靖远县。", ["天津市", "靖远县"]),  # negated
        ("粤桂协作为河池市带来帮扶资金。", ["粤", "桂", "河池市"]),  # 粤, 桂 name a programme
        ("和平区干部到富坪村开展帮扶。", ["和平区", "富坪村"]),  # a county and a village: no rule
        ("两地干部座谈交流,气氛热烈。", []),  # no places
        ("海沧区与积石山县的干部一起参观了展览。", ["海沧区", "积石山县"]),  # no cue word
    ],
)
def test_no_pair_without_a_clear_statement(text: str, places: list[str]) -> None:
    assert net_pairs(text, places) == set()


def test_an_excluded_place_receives_nothing() -> None:
    found = net_pairs("上海市对口帮扶贵州省除铜仁市外的各市州。", ["上海市", "贵州省", "铜仁市"])
    assert ("上海市", "铜仁市") not in found
    assert ("上海市", "贵州省") in found


def test_the_net_adds_only_what_the_constructions_missed() -> None:
    text = "海沧区对口帮扶积石山县。两地的结对安排具体为:海沧区与积石山县,昆山市与碧江区。"
    art, mentions = article(text, ["海沧区", "积石山县", "昆山市", "碧江区"])
    pairings = [r for r in extract_relations(art, mentions) if r.type == "pairing"]
    by_pair: dict[tuple[str, str], list[str]] = {}
    for r in pairings:
        by_pair.setdefault((r.donor.name, r.recipient.name), []).append(r.pattern)
    assert ("昆山市", "碧江区") in by_pair
    assert "cue.sides" not in by_pair[("海沧区", JSS)]  # a construction stated it already
    net = [r for r in pairings if r.pattern == cues()["relation"]["id"]]
    assert all(r.confidence < 0.7 and r.sentence_text in text for r in net)


def test_only_a_written_list_of_givers_shares_one_receiver() -> None:
    # 海沧区与连城县 is a pairing of its own, not a list of two givers of 积石山县
    found = net_pairs("海沧区与连城县、积石山县共同签订了合作协议。", ["海沧区", "连城县", "积石山县"])
    assert ("连城县", JSS) not in found
    found = net_pairs("海沧区、和平区与积石山县签订了结对帮扶协议。", ["海沧区", "和平区", "积石山县"])
    assert found == {("海沧区", JSS), ("和平区", JSS)}


def test_a_market_is_no_party() -> None:
    assert net_pairs("积石山县积极对接海沧区市场,拓宽农产品销路。", ["积石山县", "海沧区"]) == set()


def test_places_that_only_say_where_the_story_comes_from_are_no_sides() -> None:
    # an outlet named by its city, and the goals of a reporting trip, pair with nothing
    text = "苏州日报记者报道,东西部协作媒体采访团赴定西市、铜仁市进行采访。"
    assert net_pairs(text, ["苏州", "定西市", "铜仁市"]) == set()
    # the same places as sides of a stated help
    assert net_pairs("苏州市对口帮扶铜仁市。", ["苏州市", "铜仁市"]) == {("苏州市", "铜仁市")}


def test_a_place_inside_a_line_of_work_is_no_side() -> None:
    text = "他来到铜仁市挂职副市长,分管东西部协作和苏州对口帮扶工作。"
    assert net_pairs(text, ["铜仁市", "苏州"]) == set()


def test_a_team_for_a_national_aid_programme_helps_the_one_aided_place_the_article_names() -> None:
    one = "莎车县农民增收。苏州援疆工作组推进乡村道路建设。"
    assert pairs(one, ["莎车县", "苏州"]) == [("苏州市", "莎车县")]
    # two counties of the aided province: which one the team helps is not said
    two = "莎车县、泽普县农民增收。苏州援疆工作组推进乡村道路建设。"
    assert pairs(two, ["莎车县", "泽普县", "苏州"]) == []
    # a province's team pairs with the aided prefecture, not its county
    province = "喀什地区农民增收,莎车县尤甚。上海市援疆干部推进乡村道路建设。"
    assert pairs(province, ["喀什地区", "莎车县", "上海市"]) == [("上海市", "喀什地区")]


def test_a_place_that_only_locates_its_unnamed_divisions_is_no_side() -> None:
    # the city's paired districts hold the fair, none of them named: the city is no partner
    text = "碧江区在苏州对口区市举办农特产品推介会。"
    assert net_pairs(text, ["碧江区", "苏州"]) == set()
    # the same city as a side of its own
    assert net_pairs("碧江区在苏州市举办对口帮扶推介会。", ["碧江区", "苏州市"]) == {("苏州市", "碧江区")}


def test_a_place_the_sentence_helps_gives_to_no_one_there() -> None:
    """帮助厦门市…: a place right after a help verb receives in its sentence, though its region is the
    east; it gives to no other receiver of the sentence."""
    text = "近年来,累计帮助厦门市引进项目20个,定西市的马铃薯、厦门市的茶叶等扶贫产业模式在全国推广。"
    assert net_pairs(text, ["厦门市", "定西市"]) == set()
    # nor does its province's own programme make it the giver (厦门 → 宁德 in 福建)
    text = "近年来,累计帮助厦门市引进项目20个,宁德市的茶叶、厦门市的海产等扶贫产业模式在全国推广。"
    assert ("厦门市", "宁德市") not in net_pairs(text, ["厦门市", "宁德市"])


def test_a_receiver_named_again_in_the_clause_of_its_givers() -> None:
    """甘肃省…处长说,甘肃省累计接受天津市、福建省…: the receiver named first in a speaker's title is named
    again in the clause that states the help; that clause pairs its givers with it."""
    text = "甘肃省东西部协作处处长说,2019年以来,甘肃省累计接受天津市、福建省财政援助资金20亿元。"
    assert net_pairs(text, ["甘肃省", "天津市", "福建省"]) == {("天津市", "甘肃省"), ("福建省", "甘肃省")}


def test_items_of_a_list_that_carry_quoted_names_are_one_side() -> None:
    # three items, each a place with its brand in quotes: a list, not a giver and its receivers
    text = "福州市“茉莉花茶”、定西市“土豆宴”、铜仁市“抹茶”等品牌走向全国,对口帮扶成效显著。"
    assert net_pairs(text, ["福州市", "定西市", "铜仁市"]) == set()
    # an item written once more before the list is still an item of it
    text = "帮助福州市引进项目,定西市“土豆宴”、铜仁市“抹茶”、福州市“茉莉花茶”等品牌走向全国。"
    assert net_pairs(text, ["福州市", "定西市", "铜仁市"]) == set()
    # the same places as a giver and its receivers
    text = "福州市对口帮扶定西市、铜仁市,成效显著。"
    assert net_pairs(text, ["福州市", "定西市", "铜仁市"]) == {("福州市", "定西市"), ("福州市", "铜仁市")}


def test_a_list_the_tables_mostly_confirm_gives_its_other_items_too(gaz: Gazetteer) -> None:
    # the tables list 浙江 with the prefectures of 南部县 and 青川县, not with 广安区's: one list,
    # one relation
    text = "2019年,浙江新增结对南部县、青川县、广安区3个县区携手奔小康。"
    found = linked_pairs(gaz, text, ["浙江", "南部县", "青川县", "广安区"])
    assert {("浙江省", "南部县"), ("浙江省", "青川县"), ("浙江省", "广安区")} <= found
    # one item the tables know is no list the tables confirm: 宁波's charge in 新疆 is 库车
    found = linked_pairs(gaz, "宁波市援疆工作队在库车市、和田市开展帮扶。", ["宁波市", "库车市", "和田市"])
    assert ("宁波市", "和田市") not in found
    # two of five known is not the most of the list
    text = "2019年,浙江新增结对南部县、青川县、广安区、武胜县、岳池县。"
    found = linked_pairs(gaz, text, ["浙江", "南部县", "青川县", "广安区", "武胜县", "岳池县"])
    assert ("浙江省", "广安区") not in found


def test_the_venue_of_an_event_is_no_side(gaz: Gazetteer) -> None:
    text = "4月2日,江苏援疆项目现场推进会在伊犁州霍城县召开。"
    assert ("江苏省", "霍城县") not in linked_pairs(gaz, text, ["江苏", "伊犁州", "霍城县"])
    # where the place is where the project lands, it stays a side
    text = "江苏援疆项目在伊犁州霍城县落地,推进会随后召开。"
    assert ("江苏省", "霍城县") in linked_pairs(gaz, text, ["江苏", "伊犁州", "霍城县"])
