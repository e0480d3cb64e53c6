"""Relation extraction on sentences written for these tests, with hand-linked mentions."""

from __future__ import annotations

import re

import pytest
from relate_fixtures import article

from kg.records import Relation
from kg.relate import extract_relations
from kg.relate.rules import load_patterns


def pairs(text: str, places: list[str], **kwargs: object) -> list[tuple[str, str]]:
    art, mentions = article(text, places, **kwargs)  # type: ignore[arg-type]
    return [(r.donor.name, r.recipient.name) for r in extract_relations(art, mentions) if r.type == "pairing"]


def relations(text: str, places: list[str], **kwargs: object) -> list[Relation]:
    art, mentions = article(text, places, **kwargs)  # type: ignore[arg-type]
    return extract_relations(art, mentions)


JSS = "积石山保安族东乡族撒拉族自治县"


# --------------------------------------------------------------------------- constructions


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
            [("福清市", "通渭县"), ("福清市", "连城县")],  # 通渭 (west) settles first: by region
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


def test_paired_with_is_symmetric_and_the_east_helps() -> None:
    # written recipient first: direction comes from the regions, not the order
    found = relations("靖远县与和平区结对帮扶以来,两地交流频繁。", ["靖远县", "和平区"])
    assert [(r.donor.name, r.recipient.name, r.kind) for r in found] == [("和平区", "靖远县", "east-west")]
    written_east_first = relations("和平区与靖远县结对帮扶以来,两地交流频繁。", ["靖远县", "和平区"])
    assert found[0].confidence == written_east_first[0].confidence  # the region decided both


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


def test_two_places_in_one_province_take_the_article_s_direction() -> None:
    text = "福清市对口帮扶连城县已有多年。在连城县对口扶贫协作中,福清连城两地坚持生态优先。"
    found = [r for r in relations(text, ["福清市", "连城县", "福清", "连城"]) if r.type == "pairing"]
    assert [(r.donor.name, r.recipient.name, r.kind, r.sentence) for r in found] == [
        ("福清市", "连城县", "intra-province", 0),
        ("福清市", "连城县", "intra-province", 1),
    ]
    symmetric = found[1]
    assert symmetric.pattern == "pair.two_places"
    assert symmetric.confidence < found[0].confidence


def test_without_article_evidence_the_province_s_programme_directs() -> None:
    # Fujian's 山海协作: coastal 福州 (福清) helps mountain 龙岩 (连城), whatever the written order
    found = relations("在连城县对口扶贫协作中,连城福清两地坚持生态优先。", ["连城县", "福清", "连城"])
    assert [(r.donor.name, r.recipient.name) for r in found] == [("福清市", "连城县")]
    assert found[0].confidence == pytest.approx(0.7 * 0.8)


def test_without_any_other_evidence_a_district_helps_a_county() -> None:
    found = relations("通渭县白银区两地坚持生态优先。", ["通渭县", "白银区"])
    assert [(r.donor.name, r.recipient.name) for r in found] == [("白银区", "通渭县")]
    assert found[0].confidence < 0.5


def test_self_reference_resolved_by_the_linker_is_an_ordinary_place() -> None:
    art, mentions = article("我市对口帮扶定西市以来,累计投入资金2亿元。", ["定西市"])
    from kg.records import Mention

    self_ref = Mention("t", "PLACE", "我市", 0, 2, 0, name="福州市", code="350100", level="prefecture")
    self_ref.parents, self_ref.province_code = ["350000"], "350000"
    found = extract_relations(art, [self_ref, *mentions])
    assert [(r.donor.name, r.recipient.name, r.official) for r in found if r.type == "pairing"] == [
        ("福州市", "定西市", True)
    ]


# --------------------------------------------------------------------------- no invention


def test_background_paragraph_naming_many_provinces_gives_no_pair() -> None:
    text = (
        "1996年,中央确定北京市、天津市、上海市等9个东部省市和福州市、厦门市等4个计划单列市"
        "与内蒙古自治区、甘肃省、宁夏等西部10个省区开展扶贫协作。"
    )
    places = ["北京市", "天津市", "上海市", "福州市", "厦门市", "内蒙古自治区", "甘肃省", "宁夏"]
    assert pairs(text, places) == []


def test_both_sides_listed_pair_only_respectively() -> None:
    places = ["北京市", "天津市", "内蒙古自治区", "甘肃省"]
    assert pairs("北京市、天津市对口帮扶内蒙古自治区、甘肃省。", places) == []
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


# --------------------------------------------------------------------------- kind and official list


def test_official_agreement_through_a_higher_level() -> None:
    found = relations("海沧区对口帮扶积石山县。", ["海沧区", "积石山县"])[0]
    assert found.official is True and found.official_pair == ["350200", "622900"]
    assert found.kind == "east-west"
    assert found.donor.code == "350205" and found.recipient.province_code == "620000"


def test_official_agreement_of_villages_through_their_counties() -> None:
    found = relations("七桥村与高坝田村结对帮扶。", ["七桥村", "高坝田村"])[0]
    assert found.official is True and found.official_pair == ["320500", "520600"]


def test_official_agreement_at_its_own_level_and_disagreement() -> None:
    own = relations("北京市对口帮扶张家口市。", ["北京市", "张家口市"])[0]
    assert own.official is True and own.official_pair == ["110000", "130700"]
    other = relations("福清市对口帮扶渭源县。", ["福清市", "渭源县"])[0]
    assert other.official is True and other.official_pair == ["350100", "621100"]  # 福州 → 定西
    none = relations("厦门市对口帮扶靖远县。", ["厦门市", "靖远县"])[0]
    assert none.official is False and none.official_pair is None  # 甘肃 is 天津's, 临夏 and 定西 福建's
    via_province = relations("厦门市对口帮扶泾源县。", ["厦门市", "泾源县"])[0]
    assert via_province.official_pair == ["350000", "640000"]  # 福建 → 宁夏


@pytest.mark.parametrize(
    ("text", "places", "kind"),
    [
        ("海沧区对口帮扶积石山县。", ["海沧区", "积石山县"], "east-west"),
        (
            "北京市对口帮扶张家口市。",
            ["北京市", "张家口市"],
            "east-west",
        ),  # a listed recipient outside the west
        ("厦门市对口帮扶宁德市。", ["厦门市", "宁德市"], "intra-province"),
        ("北京市对口帮扶福建省。", ["北京市", "福建省"], "other"),
    ],
)
def test_kind_from_the_provinces(text: str, places: list[str], kind: str) -> None:
    assert relations(text, places)[0].kind == kind


# --------------------------------------------------------------------------- help, funding, projects


def helpers(
    text: str, places: list[str], orgs: dict[str, str | None], **kwargs: object
) -> list[tuple[str, str, str]]:
    found = relations(text, places, orgs=orgs, **kwargs)
    return [(r.donor.name, r.recipient.name, r.action) for r in found if r.type == "help"]


def test_enterprise_that_invests_and_research_institute_that_trains() -> None:
    text = "海沧区对口帮扶积石山县。厦门海投集团在积石山县投资建设雨具加工厂。"
    assert helpers(text, ["海沧区", "积石山县"], {"厦门海投集团": "350200"}) == [
        ("厦门海投集团", JSS, "invests")
    ]
    text = "对接天津科润黄瓜研究所,在富坪村设立专家工作站,提供技术支撑。"
    assert helpers(text, ["富坪村"], {"天津科润黄瓜研究所": "120000"}) == [
        ("天津科润黄瓜研究所", "富坪村", "builds")
    ]


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


def test_introduced_enterprises_invest_in_the_article_s_recipient() -> None:
    text = "和平区对口帮扶靖远县。产业协作上,引进落地厚康农贸、轩睿食用菌等企业6家。"
    found = helpers(text, ["和平区", "靖远县"], {"厚康农贸": None, "轩睿食用菌": None})
    assert found == [("厚康农贸", "靖远县", "invests"), ("轩睿食用菌", "靖远县", "invests")]


def test_government_organs_instruments_and_the_recipient_s_own_bodies_are_not_helpers() -> None:
    text = (
        "海沧区对口帮扶积石山县。海沧区教育局派出12名教师赴积石山县开展支教工作。"
        "积石山县人民政府、厦门特利强雨具公司在积石山县注册成立一家加工公司。"
        "依托京东云等电商平台,开通线上扶贫专区,帮助积石山县销售农产品。"
    )
    orgs = {
        "海沧区教育局": "350205",
        "积石山县人民政府": "622927",
        "厦门特利强雨具公司": "350200",
        "京东云": None,
    }
    assert helpers(text, ["海沧区", "积石山县"], orgs) == [("厦门特利强雨具公司", JSS, "builds")]


def test_recipient_side_organisation_selling_to_the_east_is_not_a_helper() -> None:
    text = "昆山市对口帮扶碧江区。碧江白水大米合作社与昆山7家企业达成经销合作,帮助销售大米。"
    assert helpers(text, ["昆山市", "碧江区", "碧江", "昆山"], {"碧江白水大米合作社": "520602"}) == []


def test_government_body_acts_for_its_place_in_a_fund() -> None:
    text = "海沧区对口帮扶积石山县。海沧区委第一时间向积石山县发去慰问信,并拨付给积石山县80万元的救灾资金。"
    found = relations(text, ["海沧区", "积石山县"], orgs={"海沧区委": "350205"}, money={"80万元": 800_000})
    funding = [(r.donor.name, r.recipient.name, r.amount_yuan) for r in found if r.type == "funding"]
    assert funding == [("海沧区", JSS, 800_000)]
    assert [r for r in found if r.type == "help"] == []


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


def test_patterns_are_data_with_unique_ids_and_known_types() -> None:
    patterns = load_patterns()
    ids = [p.id for p in patterns]
    assert len(ids) == len(set(ids))
    assert {p.type for p in patterns} == {"pairing", "help", "funding", "project"}
    assert all(p.direction in ("forward", "symmetric") for p in patterns)
    assert all(0 < p.confidence <= 1 for p in patterns)
    assert not any(re.search(r"\{[A-Z_]+\}", p.regex.pattern) for p in patterns)  # every macro expanded


# --------------------------------------------------------------------------- funding sides


def fundings(text: str, places: list[str], **kwargs: object) -> list[tuple[str | None, str, float | None]]:
    found = relations(text, places, **kwargs)
    return [
        (r.donor.name if r.donor else None, r.recipient.name, r.amount_yuan)
        for r in found
        if r.type == "funding"
    ]


def test_each_sum_goes_from_its_own_clause_s_giver_to_its_own_clause_s_place() -> None:
    text = "同时,张浦镇政府向坝黄镇捐赠帮扶资金10万元,张浦镇七桥村向高坝田村捐赠帮扶资金5万元。"
    found = fundings(
        text,
        ["张浦镇", "坝黄镇", "七桥村", "高坝田村"],
        orgs={"张浦镇政府": "320583"},
        money={"10万元": 100_000, "5万元": 50_000},
    )
    # the town government acts for its town, not for the county of its home code
    assert found == [("张浦镇", "坝黄镇", 100_000), ("七桥村", "高坝田村", 50_000)]


def test_the_innermost_place_of_an_address_receives() -> None:
    # only the prefecture and the village are linked; the county and town between them are text
    text = "七桥村村民现场向铜仁市碧江区坝黄镇高坝田村募集捐款20万元。"
    found = fundings(text, ["七桥村", "铜仁市", "高坝田村"], money={"20万元": 200_000})
    assert found == [("七桥村", "高坝田村", 200_000)]


def test_a_county_gives_a_village_of_its_partner_without_stating_a_pairing() -> None:
    # the second sentence leaves its subject out: it goes on with 和平区, which the article pairs
    # with the county around the village; the sum says 和平区 helps the village, not a pairing
    text = "和平区对口帮扶靖远县。同时,向富坪村拨付帮扶资金100万元。"
    found = relations(text, ["和平区", "靖远县", "富坪村"], money={"100万元": 1_000_000})
    funds = [r for r in found if r.type == "funding"]
    assert [(r.donor.name if r.donor else None, r.recipient.name, r.states_pairing) for r in funds] == [
        ("和平区", "富坪村", False)
    ]


def test_a_county_giving_to_a_village_it_is_not_paired_with_leaves_the_donor_unknown() -> None:
    text = "时任昆山市领导一行深入到六龙山乡开展精准帮扶活动,捐赠100万元用于灾后重建。"
    found = fundings(text, ["昆山市", "六龙山乡"], money={"100万元": 1_000_000})
    assert found == [(None, "六龙山侗族土家族乡", 1_000_000)]


def test_the_article_s_donor_gives_only_to_its_recipient_or_inside_it() -> None:
    text = "海沧区对口帮扶积石山县。是支持甘肃省民族地区发展资金500万元。"
    found = fundings(text, ["海沧区", "积石山县", "甘肃省"], money={"500万元": 5_000_000})
    assert found == [(None, "甘肃省", 5_000_000)]


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


# --------------------------------------------------------------------------- more constructions


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


def test_a_place_in_xinjiang_receives_when_regions_tie() -> None:
    # 保定 is itself a recipient of Beijing (west in regions.csv); 对口援疆 still makes it the donor,
    # and an organisation-like title before the place (兵团第二师) does not break the wording
    text = "保定市援疆前指积极协调。保定市政府和新疆生产建设兵团第二师铁门关市就乡村振兴结对帮扶工作签约。"
    orgs = {"保定市政府": "130600", "兵团第二师": None}
    assert pairs(text, ["保定市", "铁门关市"], orgs=orgs) == [("保定市", "铁门关市")]
    assert pairs("铁门关市与望都县结对帮扶。", ["铁门关市", "望都县"]) == [("望都县", "铁门关市")]


def test_a_list_is_not_read_from_its_middle() -> None:
    text = "会上,福州市、厦门市等4个城市与定西市、临夏州开展扶贫协作交流。"
    assert pairs(text, ["福州市", "厦门市", "定西市", "临夏州"]) == []


# --------------------------------------------------------------------------- wordings read on real pages


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


def test_a_place_that_obtains_money_receives_it() -> None:
    text = "靖远县对口帮扶工作成效明显。靖远县累计获得东西部协作援助资金1000万元。"
    found = fundings(text, ["靖远县"], money={"1000万元": 10_000_000})
    assert found == [(None, "靖远县", 10_000_000)]


def test_a_giver_named_with_a_recipient_from_another_sentence_must_be_its_partner() -> None:
    text = "其中,天津市对口帮扶甘肃省。今年,福建省投入帮扶资金1000万元。"
    found = fundings(text, ["天津市", "甘肃省", "福建省"], money={"1000万元": 10_000_000})
    assert found == [(None, "甘肃省", 10_000_000)]
    text = "其中,福建省对口帮扶宁夏。今年,福建省投入帮扶资金1000万元。"
    found = fundings(text, ["福建省", "宁夏"], money={"1000万元": 10_000_000})
    assert found == [("福建省", "宁夏回族自治区", 10_000_000)]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("积石山县党政代表团赴海沧区考察,对接东西部协作工作。", ["积石山县", "海沧区"]),
        ("积石山县携手海沧区打造产业园。", ["积石山县", "海沧区"]),
    ],
)
def test_a_visit_or_a_hand_in_hand_from_the_recipient_s_side_keeps_the_donor(
    text: str, places: list[str]
) -> None:
    assert pairs(text, places) == [("海沧区", JSS)]


def test_a_one_character_abbreviation_names_a_programme_not_a_giver() -> None:
    text = "据悉,粤桂协作河池工作组为河池市共募集帮扶资金4900万元。"
    found = fundings(text, ["粤", "桂", "河池市"], money={"4900万元": 49_000_000})
    assert found == [(None, "河池市", 49_000_000)]


def test_the_programme_s_abbreviation_between_the_pair_and_its_name() -> None:
    found = pairs("海沧区与积石山县是闽甘扶贫协作单位,两地交流频繁。", ["海沧区", "积石山县", "闽", "甘"])
    assert ("海沧区", JSS) in found


def test_a_county_builds_in_a_village_only_where_the_article_pairs_them() -> None:
    from kg.records import Mention

    text = "海沧区对口帮扶积石山县。由海沧区援建的富坪村扶贫车间在富坪村落成。"
    art, mentions = article(text, ["海沧区", "积石山县", "富坪村"])
    start = text.index("富坪村扶贫车间")
    project = Mention("t", "PROJECT", "富坪村扶贫车间", start, start + 7, 1, name="富坪村扶贫车间")
    kept = [m for m in mentions if not (start <= m.start < start + 7)]
    found = [r for r in extract_relations(art, [*kept, project]) if r.type == "project"]
    assert [(r.project, r.donor, r.recipient.name) for r in found] == [("富坪村扶贫车间", None, "富坪村")]
    text = "海沧区对口帮扶积石山县。由海沧区援建的扶贫车间在积石山县落成。"
    art, mentions = article(text, ["海沧区", "积石山县"])
    start = text.index("扶贫车间")
    project = Mention("t", "PROJECT", "扶贫车间", start, start + 4, 1, name="扶贫车间")
    found = [r for r in extract_relations(art, [*mentions, project]) if r.type == "project"]
    assert [(r.project, r.donor.name, r.recipient.name) for r in found] == [("扶贫车间", "海沧区", JSS)]


def test_the_place_given_aid_receives_the_sum_not_the_place_it_is_used_in() -> None:
    text = "双方商定,天津市援助甘肃省帮扶资金1亿元,主要用于临夏州等地。"
    found = fundings(text, ["天津市", "甘肃省", "临夏州"], money={"1亿元": 1e8})
    assert found == [("天津市", "甘肃省", 1e8)]
    assert pairs("2017年海沧区对口支持积石山县中草药种植项目。", ["海沧区", "积石山县"]) == [("海沧区", JSS)]


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


@pytest.mark.parametrize(
    ("text", "places", "expected"),
    [
        (
            "近年来,和平区与靖远县以人才交流、产业协同、劳务输出等领域协作为抓手。",
            ["和平区", "靖远县"],
            [("和平区", "靖远县")],
        ),
        # two eastern places that cooperate are no pairing
        ("北京市与天津市在交通领域加强合作。", ["北京市", "天津市"], []),
        # nor two places of one side that the province's programme does not tell apart
        ("福州市与厦门市深化合作。", ["福州市", "厦门市"], []),
    ],
)
def test_a_weak_cooperation_wording_pairs_only_places_whose_sides_differ(
    text: str, places: list[str], expected: list[tuple[str, str]]
) -> None:
    assert pairs(text, places) == expected


def test_a_subjectless_clause_names_the_focus_of_the_sentence_s_donor() -> None:
    text = "天津市对口援助甘肃省的14个区县,重点帮扶靖远县、积石山县等地区。"
    found = pairs(text, ["天津市", "甘肃省", "靖远县", "积石山县"])
    assert found == [("天津市", "甘肃省"), ("天津市", "靖远县"), ("天津市", JSS)]


def test_one_direction_per_pair_in_an_article() -> None:
    # an explicit statement outweighs the direction a symmetric wording would take from the regions
    found = pairs("积石山县对口帮扶海沧区。海沧区与积石山县结对。", ["积石山县", "海沧区"])
    assert set(found) == {(JSS, "海沧区")}


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
