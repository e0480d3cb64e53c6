"""Funds whose receiver or giver a sentence writes at a level, in a range or in a trade: the province
the article pairs as a receiver keeps its sums, an enumeration of ranges (从A到B,从C到D) gives its
sum to none of them, buying and selling are no funds, a place listed with several places inside it
gives for them all. Sentences written for these tests, through the real pipeline (nlp → link →
relate), except the last (hand-built places)."""

from __future__ import annotations

from collections.abc import Callable

from relate_fixtures import fundings, read_funds

from kg.records import Article, Mention, Relation

Read = Callable[[str], tuple[Article, list[Mention], list[Relation]]]


def test_a_province_paired_as_a_receiver_keeps_its_sum(read_text: Read) -> None:
    text = "江苏省赴陕西省开展东西部扶贫协作。2019年以来,江苏累计落实帮扶资金30亿元。江苏省对口帮扶安康市。"
    assert ("江苏省", "陕西省", 3_000_000_000) in read_funds(read_text, text)
    # paired only through a programme's one-character abbreviation, the province stands for the
    # one place inside it the pairings help
    text = "沪滇协作以来,松江区与西双版纳傣族自治州结对帮扶。帮扶4年来,上海方面累计投入财政帮扶资金3亿元。"
    assert read_funds(read_text, text) == [("上海市", "西双版纳傣族自治州", 300_000_000)]


def test_an_enumeration_of_ranges_names_no_receiver(read_text: Read) -> None:
    text = "江苏省对口帮扶贵州省。从新疆到西藏,从陕西到贵州,从三峡库区到青海,江苏共安排对口支援资金218亿元。"
    assert read_funds(read_text, text) == []
    # one span may be a journey: the place a marker names still receives
    text = "从福州到定西,福州市向定西市捐赠资金20万元。"
    assert read_funds(read_text, text) == [("福州市", "定西市", 200_000)]


def test_buying_and_selling_are_no_funds(read_text: Read) -> None:
    for text in (
        "福清市对口帮扶西吉县。福清市设立的实体店已帮助销售西吉县消费帮扶产品2.5亿元。",
        "福清市对口帮扶西吉县。福清市今年采购西吉县农产品1.2亿元。",
    ):
        assert read_funds(read_text, text) == [], text
    text = "福清市对口帮扶西吉县。福清市今年投入资金300万元购买西吉县的种羊。"
    assert read_funds(read_text, text) == [("福清市", "西吉县", 3_000_000)]


def test_a_place_listed_with_places_inside_it_gives_for_them_all() -> None:
    places, money = ["苏州市", "昆山市", "张家港市", "铜仁市"], {"500万元": 5_000_000}
    text = "苏州市对口帮扶铜仁市。今年,苏州市及昆山市、张家港市,市县两级共落实帮扶资金500万元。"
    assert fundings(text, places, money=money) == [("苏州市", "铜仁市", 5_000_000)]
    # a place and one place inside it name one giver: the narrower one
    text = "苏州市对口帮扶铜仁市。今年,苏州市和张家港市共落实帮扶资金500万元。"
    assert fundings(text, places, money=money) == [("张家港市", "铜仁市", 5_000_000)]


def test_places_before_a_report_word_receive_none_of_its_sum(read_text: Read) -> None:
    text = (
        "福州市对口帮扶定西市。新设备填补通渭、渭源县的空白……记者从市协作办获悉,"
        "一年来,福州合计投入3亿元协作资金。"
    )
    assert read_funds(read_text, text) == [("福州市", "定西市", 300_000_000)]


def test_a_giver_in_the_sum_s_own_clause_pays_whatever_pairing_the_sentence_states(read_text: Read) -> None:
    text = (
        "佛山市对口帮扶云浮市。白坭镇向通门镇捐赠5万元帮扶资金,"
        "三水区民政局向通门镇罗沙村捐赠5000元支持罗沙村建设。"
    )
    found = read_funds(read_text, text)
    assert ("白坭镇", "通门镇", 50_000) in found
    assert ("三水区", "罗沙村", 5_000) in found  # the organ gives for its district


def test_a_named_giver_s_sum_goes_to_its_own_partner_not_another_giver_s(read_text: Read) -> None:
    text = (
        "北京市对口帮扶河北省,天津市对口帮扶承德市。"
        "近五年,北京市共安排帮扶资金35亿元,天津市共安排帮扶资金12亿元。"
    )
    assert read_funds(read_text, text) == [
        ("北京市", "河北省", 3_500_000_000),
        ("天津市", "承德市", 1_200_000_000),
    ]


def test_aid_money_arrived_under_a_cooperation_and_its_parts_are_funds(read_text: Read) -> None:
    text = (
        "上海、广东对口帮扶云南省。近年来,上海、广东扶贫协作累计到位资金达90亿元,"
        "其中上海市70亿元,广东省20亿元。"
    )
    assert read_funds(read_text, text) == [
        (None, "云南省", 9_000_000_000),
        ("上海市", "云南省", 7_000_000_000),
        ("广东省", "云南省", 2_000_000_000),
    ]
    # a deal's money arrived is no fund
    assert read_funds(read_text, "福州市与定西市开展东西部扶贫协作,签约项目20个,到位资金5亿元。") == []


def test_a_place_that_receives_from_a_list_of_givers_receives(read_text: Read) -> None:
    text = "云南省扶贫办协作处处长李某说,2016年以来,云南省累计接受上海、广东财政援助资金140亿元。"
    assert read_funds(read_text, text) == [(None, "云南省", 14_000_000_000)]


def test_a_part_s_giver_named_among_the_whole_s_givers_gives_it(read_text: Read) -> None:
    # no pairing of the article names 上海 as 云南's partner: the sentence itself does
    text = (
        "云南省脱贫攻坚取得胜利。"
        "近年来,上海、广东扶贫协作累计到位资金达90亿元,其中上海市70亿元,广东省20亿元。"
    )
    assert ("上海市", "云南省", 7_000_000_000) in read_funds(read_text, text)


def test_an_organisation_with_a_bracketed_qualifier_receives_for_its_county(read_text: Read) -> None:
    # the qualifier (集团) is inside the name, so its county's short name (台江) is no place of its
    # own: the organisation that gets the sum receives it for its county, and no pairing follows
    for text in (
        "宁波市对口帮扶黔东南州。今年台江青禾投资(集团)有限责任公司申请获得宁波帮扶资金500万元。",
        "宁波市对口帮扶黔东南州。台江青禾投资（集团）有限责任公司获得宁波帮扶资金500万元。",
    ):
        _, mentions, relations = read_text(text)
        assert "台江青禾投资(集团)有限责任公司" in {m.text for m in mentions if m.label == "ORG"}, text
        assert read_funds(read_text, text) == [("宁波市", "台江县", 5_000_000)], text
        pairs = {(r.donor.name, r.recipient.name) for r in relations if r.type == "pairing"}
        assert pairs == {("宁波市", "黔东南苗族侗族自治州")}, text
        assert [r.states_pairing for r in relations if r.type == "funding"] == [False], text


def test_a_sum_after_an_enumeration_of_places_goes_to_none_of_them_alone(read_text: Read) -> None:
    """The sentence before enumerates the partner's counties (A、B、C、D4个县): the sum of the next
    sentence, which names no receiver, is the partner's, not the last county's."""
    text = (
        "佛山市与昭通市结对开展东西部扶贫协作以来,推动对口帮扶的盐津、大关、永善、绥江4个县全部脱贫。"
        "4年来,佛山市累计投入帮扶资金28.5亿元。"
    )
    assert read_funds(read_text, text) == [("佛山市", "昭通市", 2_850_000_000)]


def test_a_sum_goes_to_no_place_people_came_from(read_text: Read) -> None:
    """村民从X县Y镇搬迁到此: Y镇 is where the villagers came from, no receiver of the next sum."""
    text = (
        "闽宁对口扶贫协作以来,银川市的闽宁镇建起新村,村民从西吉县兴隆镇移民搬迁到此。"
        "1997年,福建每年拿出1500万元,用于扶贫协作项目。"
    )
    assert read_funds(read_text, text) == [("福建省", "闽宁镇", 15_000_000)]


def test_a_sum_spread_over_a_count_of_places_goes_to_none_of_them(read_text: Read) -> None:
    """三个省市对这8个县…投入N: the sentence counts the places it helps; no place of the context
    receives the sum alone."""
    text = "天津市对口帮扶甘肃省。近五年,三个省市对这8个县实施了1000多个项目,投入13亿元资金。"
    assert read_funds(read_text, text) == []
    # a count of things built is no count of places (安置点4个、村级卫生室114个)
    text = "天津市对口帮扶甘肃省。近五年,天津市累计投入帮扶资金13亿元,建设安置点4个、村级卫生室114个。"
    assert read_funds(read_text, text) == [("天津市", "甘肃省", 1_300_000_000)]
    # the count read in the sentence's own words: a place the linker found inside it (康县 of
    # 小康县) is part of the count
    text = "浙江省对口帮扶四川省。2018年,浙江省援助资金为28.31亿元,共帮扶对口地区72个携手奔小康县。"
    assert read_funds(read_text, text) == []


def test_aid_money_of_a_clause_without_a_giver_is_the_partner_s(read_text: Read) -> None:
    """落实援助资金N with no giver in its clause: 援助资金 is money a pairing partner gives
    (``funding.partner_money``), the one place the article pairs with the recipient."""
    text = "天津市——甘肃省东西扶贫协作\n2012年,两地实现互访15个团组。落实援助资金、物资9990.93万元。"
    assert read_funds(read_text, text) == [("天津市", "甘肃省", 99_909_300)]


def test_a_city_above_the_district_that_pairs_gives_its_sum_and_no_pair(read_text: Read) -> None:
    # the cue net reads 西湖区 → 凯里市 in one sentence: 杭州市 of the next sentence stands above it
    text = "凯里市的扶贫车间由杭州市西湖区投资200万元帮助建成。杭州市投入协作资金800万元,在凯里市建设茶园。"
    _, _, relations = read_text(text)
    places = [
        (r.type, r.donor.name, r.recipient.name, r.states_pairing)
        for r in relations
        if r.donor is not None and r.donor.label == r.recipient.label == "PLACE"
    ]
    assert ("pairing", "西湖区", "凯里市", True) in places
    assert ("funding", "杭州市", "凯里市", False) in places
    assert not any(d == "杭州市" and pairs for _, d, _, pairs in places)
    # in one sentence too: the district gives, the city only says where it lies
    _, _, relations = read_text("杭州市西湖区与凯里市签约,共建协作产业园,把杭州的服装产业转移到凯里市。")
    found = {(r.donor.name, r.recipient.name) for r in relations if r.type == "pairing"}
    assert found == {("西湖区", "凯里市")}
