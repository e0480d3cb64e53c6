"""Pairings by class of construction, each in several wordings of our own and with its negatives:
the helping side named through its team (X驻Y工作队, X援{region}·Y工作组), the partner after 与/同/跟 with
a bare verb of pairing (X积极与Y进行对接), and a place's short name read inside a longer word where
the article writes its full name (A、B、都安为…)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from relate_fixtures import read_pairs

from kg.records import Article, Mention, Relation

Read = Callable[[str], tuple[Article, list[Mention], list[Relation]]]


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("按照广州市驻清远市扶贫工作队的统一安排,越秀区向西牛镇捐赠物资。", ("广州市", "清远市")),
        ("东莞市驻昭通市帮扶工作组召开座谈会。", ("东莞市", "昭通市")),
        ("记者从杭州市驻恩施州工作队获悉,项目已经开工。", ("杭州市", "恩施土家族苗族自治州")),
    ],
)
def test_a_team_stationed_in_a_place_is_read_whole(read_text: Read, text: str, pair: tuple) -> None:
    """X驻Y + a team word: the team is one organisation (not a phrase of common words), so its
    sender pairs with its station."""
    assert pair in read_pairs(read_text, text)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("近日,江苏援伊·淮安工作组拨付500万元专项资金用于胡杨河市民生项目。", ("淮安市", "胡杨河市")),
        ("江苏援伊淮安工作组聚焦民生。胡杨河市召开了座谈会。", ("淮安市", "胡杨河市")),
        ("常州援疆干部走访乌恰县吉根乡。", ("常州市", "乌恰县")),
        ("浙江省援黔干部在黔东南州开展调研。", ("浙江省", "黔东南苗族侗族自治州")),
    ],
)
def test_a_team_of_an_aid_programme_helps_the_aided_place(read_text: Read, text: str, pair: tuple) -> None:
    """援 + the short name of the aided region is the programme's word; a city named after it
    inside the province before it sends the team; the place it helps is the one of that region the
    sentence (else the article) names."""
    assert pair in read_pairs(read_text, text)


def test_a_team_of_two_aided_places_names_no_one(read_text: Read) -> None:
    assert read_pairs(read_text, "江苏援伊·淮安工作组召开会议。乌恰县和胡杨河市的代表参加。") == set()


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("按照东西部协作的部署,黄岛区积极与宕昌县哈达铺镇进行对接。", ("黄岛区", "哈达铺镇")),
        ("沿河县主动同吴江区桃源镇开展对接。", ("桃源镇", "沿河土家族自治县")),
        ("宁波市北仑区与和龙市开展结亲活动。", ("北仑区", "和龙市")),
        ("今年以来,嘉兴市南湖区跟九寨沟县进行了精准对接。", ("南湖区", "九寨沟县")),
    ],
)
def test_a_partner_with_a_bare_verb_of_pairing(read_text: Read, text: str, pair: tuple) -> None:
    assert pair in read_pairs(read_text, text)


@pytest.mark.parametrize(
    "text",
    [
        "福清市积极与通渭县市场对接。",  # a market to sell in
        "福清市与通渭县农产品企业进行对接。",  # the firms of a place
        "福州市与厦门市进行对接。",  # two places the sides do not tell apart
    ],
)
def test_no_pair_where_the_partner_is_a_market_or_no_side(read_text: Read, text: str) -> None:
    assert read_pairs(read_text, text) == set()


def test_a_short_name_inside_a_longer_word_after_a_list_mark(read_text: Read) -> None:
    text = "深圳市对口帮扶都安瑶族自治县。其中那坡、大化、都安为深圳对口帮扶的贫困县。"
    _, mentions, _ = read_text(text)
    short = [m for m in mentions if m.label == "PLACE" and m.text == "都安"]
    assert short and short[0].name == "都安瑶族自治县"


@pytest.mark.parametrize(
    ("text", "short"),
    [("资兴市坚持投资兴业。", "资兴"), ("同仁市对群众一视同仁。", "同仁")],
)
def test_a_short_name_that_cuts_a_word_stays_out_where_nothing_opens_it(
    read_text: Read, text: str, short: str
) -> None:
    """The full name is written, but no list mark or preposition opens the short one: 投资兴业 and
    一视同仁 are words."""
    _, mentions, _ = read_text(text)
    assert not [m for m in mentions if m.label == "PLACE" and m.text == short]


@pytest.mark.parametrize(
    "text",
    [
        "4月1日,海原县县长带队到我县对接闽宁协作工作。",
        "会上,通渭县对接闽甘协作事宜。",
        "西吉县积极对接闽宁协作项目。",
    ],
)
def test_a_programme_label_is_no_party(read_text: Read, text: str) -> None:
    """Two one-character province names side by side (闽宁) name the programme a verb works on,
    not two places it pairs with."""
    assert not {p for p in read_pairs(read_text, text) if p[0] == "福建省"}


def test_a_programme_label_still_pairs_its_provinces(read_text: Read) -> None:
    assert ("广东省", "广西壮族自治区") in read_pairs(read_text, "粤桂扶贫协作取得成效。")


@pytest.mark.parametrize(
    "text",
    [
        "由上海援建的(西宁)果洛中学31日举行开学典礼。",
        "由杭州援建的（贵阳）黔东南民族中学举行开学典礼。",
    ],
)
def test_a_bracketed_site_before_a_name_is_no_side(read_text: Read, text: str) -> None:
    assert not {p for p in read_pairs(read_text, text) if p[1] in ("西宁市", "贵阳市")}


def test_a_team_is_no_helper_organisation(read_text: Read) -> None:
    """A team acts for the place that sends it, as the place's organs do."""
    _, _, relations = read_text("在广州市花都区扶贫工作队帮助下,织金县引进一家企业,捐赠物资。")
    assert not [r for r in relations if r.type == "help" and r.donor and "工作队" in (r.donor.name or "")]


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "浙江省新增杭州和宁波两市对口支援新疆兵团第一师团场。",
            {("杭州市", "阿拉尔市"), ("宁波市", "阿拉尔市")},
        ),
        ("东莞市与新疆生产建设兵团第三师签订了对口支援协议。", {("东莞市", "图木舒克市")}),
    ],
)
def test_a_division_of_the_corps_is_its_city_and_a_counted_list_one_side(
    read_text: Read, text: str, wanted: set
) -> None:
    """兵团第N师 is one body with its city (师市合一); A和B两市 before the verb are one side, no pair of
    their own."""
    assert read_pairs(read_text, text) == wanted


@pytest.mark.parametrize(
    ("text", "short", "name"),
    [
        ("萧山区与龙泉市开展山海协作。龙泉和萧山签订了协议。", "龙泉", "龙泉市"),
        (
            "深圳市对口帮扶都安瑶族自治县。其中那坡、大化、都安为深圳对口帮扶的贫困县。",
            "都安",
            "都安瑶族自治县",
        ),
        ("杭州市对口帮扶台江县,对台江的支持从未间断。", "台江", "台江县"),
        ("北京市昌平区结对帮扶四子王旗脑木更苏木。昌平区与脑木更签订了帮扶协议。", "脑木更", "脑木更苏木"),
    ],
)
def test_a_place_restated_by_its_short_name(read_text: Read, text: str, short: str, name: str) -> None:
    _, mentions, _ = read_text(text)
    assert [m.name for m in mentions if m.label == "PLACE" and m.text == short] == [name]


def test_a_short_name_inside_a_longer_name_is_not_restated(read_text: Read) -> None:
    _, mentions, _ = read_text("萧山区与龙泉市开展山海协作。游客参观了寺院、龙泉寺和古街。")
    assert not [m for m in mentions if m.label == "PLACE" and m.text == "龙泉"]


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "福州、厦门、泉州和宁德对口帮扶定西市。",
            {("福州市", "定西市"), ("厦门市", "定西市"), ("泉州市", "定西市"), ("宁德市", "定西市")},
        ),
        ("上海和云南开展扶贫协作。", {("上海市", "云南省")}),
    ],
)
def test_items_of_one_list_are_one_side(read_text: Read, text: str, wanted: set) -> None:
    """Places listed with 、 (and a last 和) are coordinated: one side, never each other's partner;
    a lone A和B may still join the two sides."""
    assert read_pairs(read_text, text) == wanted


def test_no_pair_between_the_items_of_a_list_of_objects(read_text: Read) -> None:
    found = read_pairs(read_text, "吉林省积极对接辽宁、黑龙江和内蒙古,深化与浙江的对口合作。")
    items = {"辽宁省", "黑龙江省", "内蒙古自治区"}
    assert ("浙江省", "吉林省") in found
    assert not {p for p in found if p[0] in items and p[1] in items}


def test_a_new_area_named_after_another_city_is_that_citys_zone(read_text: Read) -> None:
    """绍兴滨海新区 is 绍兴's zone, not 天津's district of that name; 天津滨海新区 is the district."""
    assert read_pairs(read_text, "绍兴滨海新区与衢州市开化县签订山海协作框架协议。") == {("绍兴市", "开化县")}
    assert ("滨海新区", "甘肃省") in read_pairs(read_text, "天津滨海新区与甘肃省开展东西部协作。")


def test_a_zone_the_gazetteer_lists_as_a_town_pairs_as_that_town(read_text: Read) -> None:
    """天津经开区 is listed as a town of 滨海新区: the zone helps, not the whole district; a zone
    the gazetteer does not list (青岛经开区) stays its host's."""
    found = read_pairs(read_text, "天津经开区对口支援青海省黄南州同仁县，成效明显。")
    assert found == {("天津经济技术开发区", "同仁市")}
    assert read_pairs(read_text, "青岛经开区对口帮扶安顺市，成效明显。") == {("黄岛区", "安顺市")}


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "自1992年始,上海历届市委、市政府高度重视对口支援工作,为对口支援的重庆万州区、湖北宜昌夷陵区"
            "累计提供援助资金,实施项目1500余个,选派干部到两地工作15批47人次。",
            {("上海市", "万州区"), ("上海市", "夷陵区")},
        ),
        (
            "杭州市多年来坚持向其结对帮扶的台江县、雷山县输送人才。",
            {("杭州市", "台江县"), ("杭州市", "雷山县")},
        ),
    ],
)
def test_the_places_a_subject_supports_in_a_relative_clause(read_text: Read, text: str, wanted: set) -> None:
    assert wanted <= read_pairs(read_text, text)


def test_a_place_that_only_counts_is_no_side(read_text: Read) -> None:
    found = read_pairs(read_text, "据四川省初步统计,首批项目有:北京援建什邡的广青公路;山东援建北川的公路。")
    assert ("北京市", "什邡市") in found
    assert not {p for p in found if p[1] == "四川省"}


@pytest.mark.parametrize(
    "text",
    [
        "建德市与促进乡结对。今年,促进城乡融合取得成效。",  # 促进: a verb
        "福建省与宁夏开展协作,闽宁镇建设成效显著。“闽宁”两字家喻户晓。",  # 闽宁: two provinces' names
    ],
)
def test_a_short_name_that_is_a_common_word_or_a_label_is_not_restated(read_text: Read, text: str) -> None:
    _, mentions, _ = read_text(text)
    assert not [m for m in mentions if m.label == "PLACE" and m.source == "restated"]


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "广州市花都区帮扶组团一行27人赴清远市连山壮族瑶族自治县太保镇开展对口帮扶协作工作。",
            {("花都区", "太保镇"), ("花都区", "连山壮族瑶族自治县")},
        ),
        (
            "广州市增城区石滩镇通过对百纳乡鸭院村开展多样式的产业帮扶。",
            {("石滩镇", "鸭院村"), ("石滩镇", "百纳彝族乡")},
        ),
    ],
)
def test_a_place_written_one_level_below_with_its_address(read_text: Read, text: str, wanted: set) -> None:
    """A town (a village) written with its county (its town) pairs with a giver one level above it,
    beside the address's place at the giver's own level."""
    assert read_pairs(read_text, text) == wanted


def test_a_place_one_level_below_without_an_address_is_no_pair_of_a_weak_wording(read_text: Read) -> None:
    """石滩镇 is a town of a district (增城区): below 玉屏县's level."""
    assert read_pairs(read_text, "玉屏县副县长对石滩镇的大力支持表示由衷感谢。") == set()


def test_a_town_of_a_prefecture_without_counties_pairs_as_a_county(read_text: Read) -> None:
    """东莞's towns stand where counties stand (their county code is the prefecture's): 常平镇 pairs
    with 玉屏县 by a weak wording, and the thanks name the giver (kg.places.pairing_level)."""
    pairs = read_pairs(read_text, "玉屏县副县长对常平镇的大力支持表示由衷感谢。")
    assert pairs == {("常平镇", "玉屏侗族自治县")}
