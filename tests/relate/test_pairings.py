"""Place pairings from their wordings: constructions, lists and chains of pairs, clauses without their
subject, negations, levels that may pair, and no invention. Sentences written for these tests, with
hand-linked mentions."""

from __future__ import annotations

import pytest
from relate_fixtures import (
    JSS,
    article,
    pair_set,
    pairs,
    relations,
)

from kg.records import Mention
from kg.relate import extract_relations


@pytest.mark.parametrize(
    ("text", "places", "expected"),
    [
        ("为当地培训人才,是海沧对口帮扶积石山县的一项举措。", ["海沧", "积石山县"], [("海沧区", JSS)]),
        ("多年来,上海市对口支援云南,成效显著。", ["上海市", "云南"], [("上海市", "云南省")]),
        (
            "江苏省苏州市结对帮扶贵州省铜仁市。",
            ["江苏省", "苏州市", "贵州省", "铜仁市"],
            [("苏州市", "铜仁市")],
        ),
        ("天津市帮扶甘肃省发展特色产业。", ["天津市", "甘肃省"], [("天津市", "甘肃省")]),
        (
            "福清市下力气帮助通渭、连城解决突出问题。",
            ["福清市", "通渭", "连城"],
            [("福清市", "通渭县"), ("福清市", "连城县")],
        ),
        (
            "福清投入资金,携手连城、通渭山海同行。",
            ["福清", "连城", "通渭"],
            [("福清市", "连城县"), ("福清市", "通渭县")],  # both settled by the places alone, in order
        ),
        ("多年来和平区对靖远县开展对口帮扶。", ["和平区", "靖远县"], [("和平区", "靖远县")]),
        (
            "在海沧区的另一个对口帮扶地区——泾源县,电商培训已开展31期。",
            ["海沧区", "泾源县"],
            [("海沧区", "泾源县")],
        ),
    ],
)
def test_directed_constructions(text: str, places: list[str], expected: list[tuple[str, str]]) -> None:
    assert pairs(text, places) == expected


def test_list_of_recipients_gives_one_pair_each() -> None:
    found = pairs(
        "北京市帮扶内蒙古自治区、河北省张家口市和保定市。",
        ["北京市", "内蒙古自治区", "河北省", "张家口市", "保定市"],
    )
    assert found == [("北京市", "内蒙古自治区"), ("北京市", "张家口市"), ("北京市", "保定市")]


def test_passive_partner_unit_puts_the_recipient_first() -> None:
    text = "今年以来,靖远县紧盯目标任务,与东西部扶贫协作单位天津市和平区并肩作战。"
    found = relations(text, ["靖远县", "天津市", "和平区"])
    assert [(r.donor.name, r.recipient.name) for r in found] == [("和平区", "靖远县")]
    assert found[0].pattern == "pair.partner_of_topic"


def test_established_pairing_relation() -> None:
    text = "2017年10月,昆山市和碧江区正式建立东西部扶贫协作结对帮扶关系。"
    assert pairs(text, ["昆山市", "碧江区"]) == [("昆山市", "碧江区")]


def test_invest_in_takes_the_sentence_subject_for_a_clause_without_one() -> None:
    text = "4年多来,福清市累计推动9家企业在通渭投资落地,1家企业在定西市投资落地。"
    assert pairs(text, ["福清市", "通渭", "定西市"]) == [("福清市", "通渭县"), ("福清市", "定西市")]


def test_delegation_visit_with_donation_pairs_towns_and_records_the_fund() -> None:
    found = relations(
        "11月13日,周市镇考察团到瓦屋乡考察,捐资60万元。", ["周市镇", "瓦屋乡"], money={"60万元": 600000}
    )
    pairing = [r for r in found if r.type == "pairing"]
    funding = [r for r in found if r.type == "funding"]
    assert [(r.donor.name, r.recipient.name, r.donor.level) for r in pairing] == [
        ("周市镇", "瓦屋侗族乡", "town")
    ]
    assert pairing[0].recipient.county_code == "520602" and pairing[0].recipient.code is None
    assert [(f.donor.name, f.recipient.name, f.amount_yuan) for f in funding] == [
        ("周市镇", "瓦屋侗族乡", 600000)
    ]


def test_village_to_village_and_town_to_town_pairings_inside_named_counties() -> None:
    text = "基地由昆山张浦镇和碧江坝黄镇“乡镇结对”、张浦七桥村与坝黄高坝田村“村村结对”后共同引进。"
    found = relations(text, ["昆山", "张浦镇", "碧江", "坝黄镇", "张浦", "七桥村", "坝黄", "高坝田村"])
    got = [(r.donor.name, r.recipient.name, r.donor.level, r.kind) for r in found if r.type == "pairing"]
    assert got == [("张浦镇", "坝黄镇", "town", "east-west"), ("七桥村", "高坝田村", "village", "east-west")]


def test_two_places_side_by_side_before_the_programme_name() -> None:
    assert pairs("该村脱贫得益于福清通渭东西部协作。", ["福清", "通渭"]) == [("福清市", "通渭县")]
    assert pairs("东西部扶贫协作 昆山碧江携手打赢脱贫攻坚战。", ["昆山", "碧江"]) == [("昆山市", "碧江区")]


def test_self_reference_resolved_by_the_linker_is_an_ordinary_place() -> None:
    art, mentions = article("我市对口帮扶定西市以来,累计投入资金2亿元。", ["定西市"])

    self_ref = Mention("t", "PLACE", "我市", 0, 2, 0, name="福州市", code="350100", level="prefecture")
    self_ref.parents, self_ref.province_code = ["350000"], "350000"
    found = extract_relations(art, [self_ref, *mentions])
    assert [(r.donor.name, r.recipient.name, r.official) for r in found if r.type == "pairing"] == [
        ("福州市", "定西市", True)
    ]


def test_background_paragraph_naming_many_provinces_gives_no_pair() -> None:
    text = (
        "1996年,中央确定北京市、天津市、上海市等9个东部省市和福州市、厦门市等4个计划单列市"
        "与内蒙古自治区、甘肃省、宁夏等西部10个省区开展扶贫协作。"
    )
    places = ["北京市", "天津市", "上海市", "福州市", "厦门市", "内蒙古自治区", "甘肃省", "宁夏"]
    assert pairs(text, places) == []


def test_both_sides_listed_pair_respectively_or_as_the_tables_list() -> None:
    places = ["北京市", "天津市", "内蒙古自治区", "甘肃省", "宁夏", "江苏省", "福建省"]
    # no 分别: only the combinations an official table lists (北京 → 内蒙古, 天津 → 甘肃)
    assert pairs("北京市、天津市对口帮扶内蒙古自治区、甘肃省。", places) == [
        ("北京市", "内蒙古自治区"),
        ("天津市", "甘肃省"),
    ]
    assert pairs("江苏省、福建省对口帮扶内蒙古自治区、甘肃省。", places) == []
    assert pairs("北京市、天津市分别对口帮扶内蒙古自治区、甘肃省。", places) == [
        ("北京市", "内蒙古自治区"),
        ("天津市", "甘肃省"),
    ]


def test_local_work_article_gives_no_pairing() -> None:
    text = (
        "近年来,平潭各级党组织全面落实脱贫攻坚部署。实验区选派46名干部到经济薄弱村担任第一书记,"
        "实现216个村居挂钩帮扶全覆盖。家住建新村的养殖户说。他与平潭水产良种实验有限公司结对子,"
        "通过公司+农户模式开展紫菜养殖。"
    )
    found = relations(text, ["平潭", "建新村"], orgs={"平潭水产良种实验有限公司": "350128"})
    assert [r for r in found if r.type == "pairing"] == []
    helps = [(r.donor.name, r.recipient.name, r.action) for r in found if r.type == "help"]
    assert helps == [("平潭水产良种实验有限公司", "建新村", "helps")]


def test_weak_verb_does_not_pair_a_county_with_a_town() -> None:
    text = "时任昆山市领导一行深入到六龙山乡开展精准帮扶活动,捐赠100万元用于灾后重建。"
    found = relations(text, ["昆山市", "六龙山乡"], money={"100万元": 1_000_000})
    assert [r for r in found if r.type == "pairing"] == []
    funding = [r for r in found if r.type == "funding"]
    assert [(f.recipient.name, f.amount_yuan, f.purpose) for f in funding] == [
        ("六龙山侗族土家族乡", 1_000_000, "灾后重建")
    ]


def test_places_far_apart_in_a_comparison_are_no_pair() -> None:
    text = "在地图上,厦门市海沧区与甘肃省临夏州积石山县相隔2400余公里。"
    assert pairs(text, ["厦门市", "海沧区", "甘肃省", "临夏州", "积石山县"]) == []


def test_associations_that_donate_with_the_amount() -> None:
    text = (
        "和平区对口帮扶靖远县。"
        "引导天津市小额贷款公司协会、和平区慈善协会等社会组织共向富坪村落实社会帮扶资金524.4万元。"
    )
    orgs = {"天津市小额贷款公司协会": "120000", "和平区慈善协会": "120101"}
    found = relations(text, ["和平区", "靖远县", "富坪村"], orgs=orgs, money={"524.4万元": 5_244_000})
    helps = [(r.donor.name, r.recipient.name, r.action, r.amount_yuan) for r in found if r.type == "help"]
    assert helps == [
        ("天津市小额贷款公司协会", "富坪村", "donates", 5_244_000),
        ("和平区慈善协会", "富坪村", "donates", 5_244_000),
    ]


def test_next_sentence_continues_the_pair_of_the_previous_one() -> None:
    text = "海沧区对口帮扶积石山县。今年累计投入帮扶资金2200万元,用于产业发展。"
    found = relations(text, ["海沧区", "积石山县"], money={"2200万元": 22_000_000})
    funding = [r for r in found if r.type == "funding"]
    assert [(f.donor.name, f.recipient.name, f.amount_yuan, f.sentence, f.purpose) for f in funding] == [
        ("海沧区", JSS, 22_000_000, 1, "产业发展")
    ]


def test_a_loan_limit_is_no_fund_transfer() -> None:
    text = "昆山市对口帮扶碧江区。国开行提供20亿元额度的贷款用于园区开发建设。"
    found = relations(text, ["昆山市", "碧江区"], money={"20亿元": 2e9})
    assert [r for r in found if r.type == "funding"] == []


def test_every_relation_carries_its_evidence() -> None:
    text = "前言。海沧对口帮扶积石山县的一项实际举措。"
    art, mentions = article(text, ["海沧", "积石山县"])
    (rel,) = extract_relations(art, mentions)
    assert rel.article_id == "t" and rel.sentence == 1
    assert rel.sentence_text == "海沧对口帮扶积石山县的一项实际举措。"
    assert art.text[rel.start : rel.end] == "海沧对口帮扶积石山县"
    assert rel.pattern == "pair.duikou" and 0 < rel.confidence <= 1
    assert (rel.donor.mention_start, rel.donor.mention_end) == (3, 5)


def test_a_county_gives_a_village_of_its_partner_without_stating_a_pairing() -> None:
    # the second sentence leaves its subject out: it goes on with 和平区, which the article pairs
    # with the county around the village; the sum says 和平区 helps the village, not a pairing
    text = "和平区对口帮扶靖远县。同时,向富坪村拨付帮扶资金100万元。"
    found = relations(text, ["和平区", "靖远县", "富坪村"], money={"100万元": 1_000_000})
    funds = [r for r in found if r.type == "funding"]
    assert [(r.donor.name if r.donor else None, r.recipient.name, r.states_pairing) for r in funds] == [
        ("和平区", "富坪村", False)
    ]


def test_a_place_qualified_by_its_own_pairing_is_the_donor_not_the_recipient() -> None:
    text = "区慈善协会向海沧区对口帮扶的贫困县积石山县捐赠100万元。"
    found = relations(text, ["海沧区", "积石山县"], money={"100万元": 1_000_000})
    assert [(r.donor.name, r.recipient.name) for r in found if r.type == "pairing"] == [("海沧区", JSS)]
    assert [(r.donor.name, r.recipient.name) for r in found if r.type == "funding"] == [("海沧区", JSS)]


def test_a_county_pairs_with_villages_by_an_explicit_agreement() -> None:
    text = "此外,和平区还与靖远县北湾镇富坪村等3个村签订了帮扶协议。"
    assert pairs(text, ["和平区", "靖远县", "北湾镇", "富坪村"]) == [("和平区", "富坪村")]


def test_listed_donors_towards_one_recipient() -> None:
    text = "多年来,福建省、厦门市各级领导高度重视对临夏州的帮扶工作。"
    assert pairs(text, ["福建省", "厦门市", "临夏州"]) == [
        ("福建省", "临夏回族自治州"),
        ("厦门市", "临夏回族自治州"),
    ]


@pytest.mark.parametrize(
    ("text", "places", "expected"),
    [
        # the bare verb of official lists
        (
            "其中,福州市对口定西市,厦门市对口临夏州。",
            ["福州市", "定西市", "厦门市", "临夏州"],
            [("福州市", "定西市"), ("厦门市", "临夏回族自治州")],
        ),
        # lists in order with 分别
        (
            "福州市、厦门市分别向定西市、临夏州捐赠物资。",
            ["福州市", "厦门市", "定西市", "临夏州"],
            [("福州市", "定西市"), ("厦门市", "临夏回族自治州")],
        ),
        # the fronted 与-clause; the subject after it is the other side (a town with a county)
        (
            "自与碧江区结对协作工作开展以来,张浦镇认真落实各项政策。",
            ["碧江区", "张浦镇"],
            [("张浦镇", "碧江区")],
        ),
        # two places joined by a dash before the programme's name
        ("这正是昆山—碧江协作的生动缩影。", ["昆山", "碧江"], [("昆山市", "碧江区")]),
        # the partner named after 结对地区 / 结对县市 (Fujian's coastal side helps)
        (
            "连城的特产走进结对地区福清,市民争相购买。",
            ["连城", "福清"],
            [("福清市", "连城县")],
        ),
        (
            "连城与结对县市福清、平潭的不少企业达成合作。",
            ["连城", "福清", "平潭"],
            [("福清市", "连城县"), ("平潭县", "连城县")],
        ),
        # 双方 takes up the two sides of a meeting
        (
            "昨天,福州市与前来考察的定西市党政代表团举行座谈会,双方就结对帮扶工作进行交流。",
            ["福州市", "定西市"],
            [("福州市", "定西市")],
        ),
    ],
)
def test_more_constructions(text: str, places: list[str], expected: list[tuple[str, str]]) -> None:
    assert sorted(set(pairs(text, places))) == sorted(expected)


def test_paired_lists_pair_each_与_and_nothing_across() -> None:
    text = "张浦镇与坝黄镇、七桥村与高坝田村签署了结对帮扶协议。"
    found = pairs(text, ["张浦镇", "坝黄镇", "七桥村", "高坝田村"])
    assert sorted(set(found)) == [("七桥村", "高坝田村"), ("张浦镇", "坝黄镇")]


def test_a_list_is_not_read_from_its_middle() -> None:
    text = "会上,福州市、厦门市等4个城市与定西市、临夏州开展扶贫协作交流。"
    assert pairs(text, ["福州市", "厦门市", "定西市", "临夏州"]) == []


@pytest.mark.parametrize(
    ("text", "places", "expected"),
    [
        # an enumeration of pairs joined by 、: each clause has its own donor
        (
            "北京市帮扶内蒙古自治区、天津市帮扶甘肃省,上海市帮扶云南。",
            ["北京市", "内蒙古自治区", "天津市", "甘肃省", "上海市", "云南"],
            [("北京市", "内蒙古自治区"), ("上海市", "云南省"), ("天津市", "甘肃省")],
        ),
        # the district that carries a city's pairing
        (
            "按照省里安排,湖州市对口帮扶丽水市庆元县,由吴兴区具体结对。",
            ["湖州市", "丽水市", "庆元县", "吴兴区"],
            [("吴兴区", "庆元县"), ("湖州市", "庆元县")],
        ),
        # a delegation to a list of places, to carry out the pairing work
        (
            "5月7日,海沧区区长率海沧代表团赴临夏州积石山县开展对口帮扶协作工作。",
            ["海沧区", "海沧", "临夏州", "积石山县"],
            [("海沧区", JSS)],
        ),
        # two places sign an agreement
        (
            "会上,和平区与靖远县签订了《东西部协作框架协议》。",
            ["和平区", "靖远县"],
            [("和平区", "靖远县")],
        ),
        # a place gives to a place, no sum named
        ("当天,和平区向靖远县捐赠防疫物资。", ["和平区", "靖远县"], [("和平区", "靖远县")]),
        # two places, then the programme's name
        ("近年来,吴兴区、龙泉市山海协作全面升级。", ["吴兴区", "龙泉市"], [("吴兴区", "龙泉市")]),
        # X联合Y对口帮扶Z: both help
        (
            "福州市联合厦门市对口帮扶定西市。",
            ["福州市", "厦门市", "定西市"],
            [("厦门市", "定西市"), ("福州市", "定西市")],
        ),
        # thanks for the help: X对Y的大力支持, X给予Y的倾情帮扶
        ("孙县长表示,感谢和平区对靖远县的大力支持。", ["和平区", "靖远县"], [("和平区", "靖远县")]),
        ("向海沧一直以来给予积石山县的倾情帮扶表示感谢。", ["海沧", "积石山县"], [("海沧区", JSS)]),
        # a province thanked for supporting its own county is no pair
        ("感谢甘肃省对靖远县的大力支持。", ["甘肃省", "靖远县"], []),
        # a doubled dash between the two sides
        ("和平区——靖远县东西部协作座谈会召开。", ["和平区", "靖远县"], [("和平区", "靖远县")]),
        # a long qualifier between the recipient and the help
        (
            "和平区对靖远县开展了多形式、多渠道、多层次的对口帮扶工作。",
            ["和平区", "靖远县"],
            [("和平区", "靖远县")],
        ),
    ],
)
def test_wordings_read_on_real_pages(text: str, places: list[str], expected: list[tuple[str, str]]) -> None:
    assert sorted(set(pairs(text, places))) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # the same programme named after a list of many places is background
        (
            "湖州市、宁德市等发达地区与丽水市、龙泉市等欠发达地区结成对口协作关系。",
            ["湖州市", "宁德市", "丽水市", "龙泉市"],
        ),
        # a meeting where departments sign: no place pair
        ("会上,两市教育、人社、农业等部门签订了帮扶协作协议。", ["湖州市"]),
        # a company and a county sign: an organisation, never a place pair
        ("美菜网与靖远县签订了产业合作协议。", ["靖远县"]),
        # a village pair written with 、 inside a signing sentence is a list, not a pair
        ("舟山市工商联与靖远县富坪村、北湾镇签订了结对帮扶协议。", ["靖远县", "富坪村", "北湾镇"]),
    ],
)
def test_no_pair_from_background_meetings_or_organisations(text: str, places: list[str]) -> None:
    assert pairs(text, places, orgs={"美菜网": None, "舟山市工商联": "330900"}) == []


def test_the_programme_s_abbreviation_between_the_pair_and_its_name() -> None:
    found = pairs("海沧区与积石山县是闽甘扶贫协作单位,两地交流频繁。", ["海沧区", "积石山县", "闽", "甘"])
    assert ("海沧区", JSS) in found


def test_a_donor_list_closed_by_等_may_use_commas() -> None:
    text = "从今年起,海沧新阳街道、东孚镇,和平区劝业场街道等两区的3个镇(街道)结对帮扶积石山县3个乡。"
    found = pairs(text, ["海沧", "新阳街道", "东孚镇", "和平区", "劝业场街道", "积石山县"])
    assert sorted(set(found)) == [("东孚镇", JSS), ("劝业场街道", JSS), ("新阳街道", JSS)]
    # both sides listed: still background
    text = "北京市、天津市等东部省市对口帮扶内蒙古自治区、甘肃省等西部省区。"
    assert pairs(text, ["北京市", "天津市", "内蒙古自治区", "甘肃省"]) == []


def test_a_clause_without_its_subject_takes_the_sentence_s_subject() -> None:
    places = ["海沧区", "积石山县", "泾源县"]
    text = "海沧区对口帮扶积石山县。同时,还结对帮扶泾源县。"
    assert pairs(text, places) == [("海沧区", JSS), ("海沧区", "泾源县")]
    text = "海沧区对口帮扶积石山县,并与泾源县结成对子。"
    assert sorted(set(pairs(text, places))) == [("海沧区", "泾源县"), ("海沧区", JSS)]
    # the subject carried over is the article's recipient: no pair is made up for it
    text = "海沧区对口帮扶积石山县。积石山县获得资金。同时,还结对帮扶泾源县。"
    assert pairs(text, places) == [("海沧区", JSS)]


def test_a_subjectless_clause_names_the_focus_of_the_sentence_s_donor() -> None:
    text = "天津市对口援助甘肃省的14个区县,重点帮扶靖远县、积石山县等地区。"
    found = pairs(text, ["天津市", "甘肃省", "靖远县", "积石山县"])
    assert found == [("天津市", "甘肃省"), ("天津市", "靖远县"), ("天津市", JSS)]


def test_a_fronted_pairing_clause_without_与_has_its_donor_after_it() -> None:
    text = "自1995年对口支援甘肃省以来,天津市累计选派干部877名。"
    assert pairs(text, ["甘肃省", "天津市"]) == [("天津市", "甘肃省")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("在海沧区的大力帮扶下,积石山县脱贫摘帽。", [("海沧区", JSS)]),
        ("积石山县是海沧区的对口帮扶地区。", [("海沧区", JSS)]),
        # 对口帮扶城市 is written both ways: the sides decide
        ("海沧区是积石山县的对口帮扶城市。", [("海沧区", JSS)]),
        ("积石山县是海沧区的对口帮扶城市。", [("海沧区", JSS)]),
    ],
)
def test_copula_and_with_help_wordings(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text, ["海沧区", "积石山县"]) == expected


def test_a_list_of_venues_is_no_pairing() -> None:
    # 先后在A、B和C开展…帮扶: the delegation went to the three places; none pairs with another
    text = "访问团先后在积石山县、靖远县和通渭县开展捐赠帮扶活动。"
    art, mentions = article(text, ["积石山县", "靖远县", "通渭县"])
    assert [r for r in extract_relations(art, mentions) if r.type == "pairing"] == []


def test_clauses_split_at_semicolons_keep_the_donor_of_the_first() -> None:
    text = (
        "多年来,余杭区对口帮扶巴东县、鹤峰县;东西部扶贫协作黔东南州的台江县和剑河县;"
        "对口支援西藏的比如县恰则乡。"
    )
    found = pair_set(
        text, ["余杭区", "巴东县", "鹤峰县", "黔东南州", "台江县", "剑河县", "西藏", "比如县恰则乡"]
    )
    assert {
        ("余杭区", "巴东县"),
        ("余杭区", "鹤峰县"),
        ("余杭区", "台江县"),
        ("余杭区", "剑河县"),
        ("余杭区", "恰则乡"),
    } <= found
    # the places before 的 only locate the recipients: a district does not help a whole province
    assert ("余杭区", "西藏自治区") not in found
    # and no recipient of one clause becomes the donor of the next
    assert not any(donor != "余杭区" for donor, _ in found)


def test_recipients_listed_after_their_prefecture() -> None:
    text = "按照中央部署,上海市对口支援喀什地区的莎车县、泽普县和叶城县。"
    found = pair_set(text, ["上海市", "喀什地区", "莎车县", "泽普县", "叶城县"])
    assert found == {
        ("上海市", "喀什地区"),
        ("上海市", "莎车县"),
        ("上海市", "泽普县"),
        ("上海市", "叶城县"),
    }


def test_villages_named_after_their_places_pair_with_each_other() -> None:
    text = "两地结对以来,张家港市的善港村与沿河县的高峰村结成对子。"
    assert pair_set(text, ["张家港市", "善港村", "沿河县", "高峰村"]) == {("善港村", "高峰村")}


def test_a_village_the_linker_missed_is_no_county_pair() -> None:
    text = "两地结对以来,张家港市的善港村与沿河县的石板溪村结成对子。"
    assert pair_set(text, ["张家港市", "善港村", "沿河县"]) == set()


def test_donors_listed_each_with_a_colon() -> None:
    text = "结对安排如下。余杭区:对口帮扶巴东县;昆山市:对口帮扶碧江区。"
    assert pair_set(text, ["余杭区", "巴东县", "昆山市", "碧江区"]) == {
        ("余杭区", "巴东县"),
        ("昆山市", "碧江区"),
    }


def test_pair_chain_with_one_to_many_and_commas() -> None:
    text = "签约仪式上,周庄镇与瓦屋乡、六龙山乡,七桥村与高坝田村,金华村与石门坎村分别签订了结对协议。"
    found = pair_set(text, ["周庄镇", "瓦屋乡", "六龙山乡", "七桥村", "高坝田村", "金华村"])
    assert found == {
        ("周庄镇", "瓦屋侗族乡"),
        ("周庄镇", "六龙山侗族土家族乡"),
        ("七桥村", "高坝田村"),
    }


def test_pair_chain_closed_by_a_verb_in_the_next_clause() -> None:
    text = "当年省里确定:苏州与宿迁、常州与盐城,南北城市两两挂钩。"
    assert pair_set(text, ["苏州", "宿迁", "常州", "盐城"]) == {("苏州市", "宿迁市"), ("常州市", "盐城市")}


def test_labour_agreement_with_a_place_that_only_locates_the_partner() -> None:
    text = "会上,济南、青岛等2个发达市与位于山东西部的菏泽市签订了劳务合作协议。"
    assert pair_set(text, ["济南", "青岛", "山东", "菏泽市"]) == {("济南市", "菏泽市"), ("青岛市", "菏泽市")}


def test_shou_la_shou_pairs_like_xie_shou() -> None:
    text = "江苏省昆山市与贵州省碧江区手拉手奔小康。"
    assert pair_set(text, ["昆山市", "碧江区"]) == {("昆山市", "碧江区")}


def test_a_town_that_joins_hands_with_a_county_for_a_pairing() -> None:
    text = "周市镇牵手碧江区开展“镇区结对”对口帮扶工作。"
    assert pair_set(text, ["周市镇", "碧江区"]) == {("周市镇", "碧江区")}


def test_bare_jie_dui_verb() -> None:
    assert pair_set("调整以后,苏州结对宿迁。", ["苏州", "宿迁"]) == {("苏州市", "宿迁市")}


def test_passive_by_split_from_its_subject() -> None:
    text = "望都县被列为京津冀协作县。由和平区对口帮扶。"
    assert pair_set(text, ["望都县", "和平区"]) == {("和平区", "望都县")}


def test_passive_by_in_the_subject_s_clause_and_as_a_relative() -> None:
    assert pair_set("望都县目前由和平区结对帮扶。", ["望都县", "和平区"]) == {("和平区", "望都县")}
    assert pair_set("由和平区对口帮扶的望都县已经脱贫。", ["望都县", "和平区"]) == {("和平区", "望都县")}


def test_the_local_side_of_meetings_in_named_places() -> None:
    text = "宁波市代表团先后在延边州、黔西南州与当地召开对口协作座谈会。"
    assert pair_set(text, ["宁波市", "延边州", "黔西南州"]) == {
        ("宁波市", "延边朝鲜族自治州"),
        ("宁波市", "黔西南布依族苗族自治州"),
    }


def test_team_stationed_in_a_town_pairs_its_place_with_the_town() -> None:
    text = "昆山市驻碧江区坝黄镇帮扶工作队开展消费帮扶活动,助力坝黄镇农产品销售。"
    found = pair_set(text, ["昆山市", "碧江区", "坝黄镇"], orgs={"坝黄镇帮扶工作队": "520602"})
    assert ("昆山市", "坝黄镇") in found
    assert not any(donor != "昆山市" for donor, _ in found)


def test_team_made_of_people_a_place_sent() -> None:
    text = "由昆山市派出人员组成的协作指挥部驻碧江工作队深入开展产业帮扶。碧江的产业园区建成投产。"
    orgs = {"协作指挥部": None, "碧江工作队": "520602"}
    assert pair_set(text, ["昆山市", "碧江"], orgs=orgs) == {("昆山市", "碧江区")}


def test_an_office_is_no_team() -> None:
    text = "昆山市驻碧江区联络处开展调研。"
    assert pair_set(text, ["昆山市", "碧江区"], orgs={"碧江区联络处": "520602"}) == set()


def test_a_government_named_only_in_its_organ_is_a_party() -> None:
    text = "宁波市人民政府与黔西南州人民政府在宁波市签订《对口合作框架协议书》。"
    orgs = {"宁波市人民政府": "330200", "黔西南州人民政府": "522300"}
    assert pair_set(text, ["宁波市"], orgs=orgs) == {("宁波市", "黔西南布依族苗族自治州")}


def test_a_denied_pairing_gives_no_pair() -> None:
    text = "调整以后,常州不再帮扶盐城,盐城也不再由常州帮扶。"
    assert pair_set(text, ["常州", "盐城"]) == set()


def test_a_denied_pairing_leaves_the_stated_one() -> None:
    text = "调整以后,常州不再帮扶盐城,苏州结对宿迁。"
    assert pair_set(text, ["常州", "盐城", "苏州", "宿迁"]) == {("苏州市", "宿迁市")}


def test_team_named_as_one_organisation_with_zhu_inside() -> None:
    text = "昆山市驻坝黄镇帮扶工作队组织企业到坝黄镇开展消费帮扶。"
    found = pair_set(text, ["坝黄镇"], orgs={"昆山市驻坝黄镇帮扶工作队": "320583"})
    assert found == {("昆山市", "坝黄镇")}


def test_the_venue_of_a_signing_is_no_partner_of_the_agreement() -> None:
    text = "会上,余杭区与某某集团在巴东县签订了产业合作协议。"
    art, mentions = article(text, ["余杭区", "巴东县"], orgs={"某某集团": None})
    fired = {r.pattern for r in extract_relations(art, mentions) if r.type == "pairing"}
    assert not fired & {"pair.agreement", "pair.agreement_listed"}
