"""Funds: each sum, who gives it and the place that receives it. Sentences written for these tests,
with hand-linked mentions."""

from __future__ import annotations

from relate_fixtures import (
    JSS,
    fundings,
    pairs,
    relations,
)


def test_government_body_acts_for_its_place_in_a_fund() -> None:
    text = "海沧区对口帮扶积石山县。海沧区委第一时间向积石山县发去慰问信,并拨付给积石山县80万元的救灾资金。"
    found = relations(text, ["海沧区", "积石山县"], orgs={"海沧区委": "350205"}, money={"80万元": 800_000})
    funding = [(r.donor.name, r.recipient.name, r.amount_yuan) for r in found if r.type == "funding"]
    assert funding == [("海沧区", JSS, 800_000)]
    assert [r for r in found if r.type == "help"] == []


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


def test_a_county_giving_to_a_village_it_is_not_paired_with_leaves_the_donor_unknown() -> None:
    text = "时任昆山市领导一行深入到六龙山乡开展精准帮扶活动,捐赠100万元用于灾后重建。"
    found = fundings(text, ["昆山市", "六龙山乡"], money={"100万元": 1_000_000})
    assert found == [(None, "六龙山侗族土家族乡", 1_000_000)]


def test_the_article_s_donor_gives_only_to_its_recipient_or_inside_it() -> None:
    text = "海沧区对口帮扶积石山县。是支持甘肃省民族地区发展资金500万元。"
    found = fundings(text, ["海沧区", "积石山县", "甘肃省"], money={"500万元": 5_000_000})
    assert found == [(None, "甘肃省", 5_000_000)]


def test_a_place_that_obtains_money_receives_it() -> None:
    text = "靖远县对口帮扶工作成效明显。靖远县累计获得东西部协作援助资金1000万元。"
    found = fundings(text, ["靖远县"], money={"1000万元": 10_000_000})
    assert found == [(None, "靖远县", 10_000_000)]


def test_a_giver_named_with_a_recipient_from_another_sentence_must_be_its_partner() -> None:
    # the subject's own sum goes to no place the article names: not to another giver's partner
    text = "其中,天津市对口帮扶甘肃省。今年,福建省投入帮扶资金1000万元。"
    found = fundings(text, ["天津市", "甘肃省", "福建省"], money={"1000万元": 10_000_000})
    assert found == []
    text = "其中,福建省对口帮扶宁夏。今年,福建省投入帮扶资金1000万元。"
    found = fundings(text, ["福建省", "宁夏"], money={"1000万元": 10_000_000})
    assert found == [("福建省", "宁夏回族自治区", 10_000_000)]


def test_a_one_character_abbreviation_names_a_programme_not_a_giver() -> None:
    text = "据悉,粤桂协作河池工作组为河池市共募集帮扶资金4900万元。"
    found = fundings(text, ["粤", "桂", "河池市"], money={"4900万元": 49_000_000})
    assert found == [(None, "河池市", 49_000_000)]


def test_the_place_given_aid_receives_the_sum_not_the_place_it_is_used_in() -> None:
    text = "双方商定,天津市援助甘肃省帮扶资金1亿元,主要用于临夏州等地。"
    found = fundings(text, ["天津市", "甘肃省", "临夏州"], money={"1亿元": 1e8})
    assert found == [("天津市", "甘肃省", 1e8)]
    assert pairs("2017年海沧区对口支持积石山县中草药种植项目。", ["海沧区", "积石山县"]) == [("海沧区", JSS)]


def test_places_that_locate_an_organisation_do_not_give() -> None:
    text = "海沧区和和平区的积石山商会动员会员筹资,向积石山县捐赠帮扶资金5万元。"
    found = fundings(
        text, ["海沧区", "和平区", "积石山县"], orgs={"积石山商会": "622927"}, money={"5万元": 50_000}
    )
    # the sum is read; the places only say where the chamber is, and the chamber is based in the
    # helped county (its home 622927), so no helper of the helping side: the giver stays unknown
    assert found == [(None, JSS, 50_000)]


def test_a_place_that_gives_still_gives() -> None:
    text = "海沧区向积石山县捐赠帮扶资金5万元。"
    found = fundings(text, ["海沧区", "积石山县"], orgs={}, money={"5万元": 50_000})
    assert found == [("海沧区", JSS, 50_000)]


def test_a_place_that_only_says_where_a_group_is_from_gives_nothing() -> None:
    # the sum comes from the group (侨乡力量, 客商), not from its home place
    text = "海沧区对口帮扶积石山县。广泛动员社会力量,特别是海沧区侨乡力量参与帮扶,累计获得捐款100万元。"
    found = fundings(text, ["海沧区", "积石山县"], money={"100万元": 1_000_000})
    assert [giver for giver, _, _ in found] == [None]
