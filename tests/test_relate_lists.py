"""Pairings written as lists, chains, clauses without their subject, back-references, teams and
negations: sentences written for these tests, with hand-linked mentions (no NER, no linker)."""

from __future__ import annotations

from relate_fixtures import Place, place, place_below
from relate_fixtures import article as fixture_article

from kg.records import Article, Mention
from kg.relate import extract_relations

PLACES: dict[str, Place] = {
    "余杭区": place("余杭区", "county", "330110", ("330000", "330100")),
    "恩施州": place("恩施土家族苗族自治州", "prefecture", "422800", ("420000",)),
    "巴东县": place("巴东县", "county", "422823", ("420000", "422800")),
    "鹤峰县": place("鹤峰县", "county", "422828", ("420000", "422800")),
    "黔东南州": place("黔东南苗族侗族自治州", "prefecture", "522600", ("520000",)),
    "台江县": place("台江县", "county", "522630", ("520000", "522600")),
    "剑河县": place("剑河县", "county", "522629", ("520000", "522600")),
    "西藏": place("西藏自治区", "province", "540000"),
    "比如县恰则乡": place_below("恰则乡", "town", "540622", ("540000", "540600")),
    "上海市": place("上海市", "province", "310000"),
    "喀什地区": place("喀什地区", "prefecture", "653100", ("650000",)),
    "莎车县": place("莎车县", "county", "653125", ("650000", "653100")),
    "泽普县": place("泽普县", "county", "653124", ("650000", "653100")),
    "叶城县": place("叶城县", "county", "653126", ("650000", "653100")),
    "苏州": place("苏州市", "prefecture", "320500", ("320000",)),
    "宿迁": place("宿迁市", "prefecture", "321300", ("320000",)),
    "常州": place("常州市", "prefecture", "320400", ("320000",)),
    "盐城": place("盐城市", "prefecture", "320900", ("320000",)),
    "济南": place("济南市", "prefecture", "370100", ("370000",)),
    "青岛": place("青岛市", "prefecture", "370200", ("370000",)),
    "菏泽市": place("菏泽市", "prefecture", "371700", ("370000",)),
    "山东": place("山东省", "province", "370000"),
    "江苏": place("江苏省", "province", "320000"),
    "宁波市": place("宁波市", "prefecture", "330200", ("330000",)),
    "延边州": place("延边朝鲜族自治州", "prefecture", "222400", ("220000",)),
    "黔西南州": place("黔西南布依族苗族自治州", "prefecture", "522300", ("520000",)),
    "昆山市": place("昆山市", "county", "320583", ("320000", "320500")),
    "碧江区": place("碧江区", "county", "520602", ("520000", "520600")),
    "碧江": place("碧江区", "county", "520602", ("520000", "520600")),
    "周市镇": place_below("周市镇", "town", "320583", ("320000", "320500")),
    "周庄镇": place_below("周庄镇", "town", "320583", ("320000", "320500")),
    "坝黄镇": place_below("坝黄镇", "town", "520602", ("520000", "520600")),
    "瓦屋乡": place_below("瓦屋侗族乡", "town", "520602", ("520000", "520600")),
    "六龙山乡": place_below("六龙山侗族土家族乡", "town", "520602", ("520000", "520600")),
    "七桥村": place_below("七桥村", "village", "320583", ("320000", "320500")),
    "金华村": place_below("金华村", "village", "320583", ("320000", "320500")),
    "高坝田村": place_below("高坝田村", "village", "520602", ("520000", "520600")),
    "张家港市": place("张家港市", "county", "320582", ("320000", "320500")),
    "善港村": place_below("善港村", "village", "320582", ("320000", "320500")),
    "沿河县": place("沿河土家族自治县", "county", "522228", ("520000", "520600")),
    "高峰村": place_below("高峰村", "village", "522228", ("520000", "520600")),
    "和平区": place("和平区", "county", "120101", ("120000",)),
    "望都县": place("望都县", "county", "130631", ("130000", "130600")),
}


def article(
    text: str, places: list[str], orgs: dict[str, str | None] | None = None
) -> tuple[Article, list[Mention]]:
    return fixture_article(text, places, orgs=orgs, table=PLACES)


def pairs(text: str, places: list[str], orgs: dict[str, str | None] | None = None) -> set[tuple[str, str]]:
    art, mentions = article(text, places, orgs)
    return {(r.donor.name, r.recipient.name) for r in extract_relations(art, mentions) if r.type == "pairing"}


# --------------------------------------------------------------------------- lists and clauses


def test_clauses_split_at_semicolons_keep_the_donor_of_the_first() -> None:
    text = (
        "多年来,余杭区对口帮扶巴东县、鹤峰县;东西部扶贫协作黔东南州的台江县和剑河县;"
        "对口支援西藏的比如县恰则乡。"
    )
    found = pairs(
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
    found = pairs(text, ["上海市", "喀什地区", "莎车县", "泽普县", "叶城县"])
    assert found == {
        ("上海市", "喀什地区"),
        ("上海市", "莎车县"),
        ("上海市", "泽普县"),
        ("上海市", "叶城县"),
    }


def test_villages_named_after_their_places_pair_with_each_other() -> None:
    text = "两地结对以来,张家港市的善港村与沿河县的高峰村结成对子。"
    assert pairs(text, ["张家港市", "善港村", "沿河县", "高峰村"]) == {("善港村", "高峰村")}


def test_a_village_the_linker_missed_is_no_county_pair() -> None:
    text = "两地结对以来,张家港市的善港村与沿河县的石板溪村结成对子。"
    assert pairs(text, ["张家港市", "善港村", "沿河县"]) == set()


def test_donors_listed_each_with_a_colon() -> None:
    text = "结对安排如下。余杭区:对口帮扶巴东县;昆山市:对口帮扶碧江区。"
    assert pairs(text, ["余杭区", "巴东县", "昆山市", "碧江区"]) == {
        ("余杭区", "巴东县"),
        ("昆山市", "碧江区"),
    }


def test_pair_chain_with_one_to_many_and_commas() -> None:
    text = "签约仪式上,周庄镇与瓦屋乡、六龙山乡,七桥村与高坝田村,金华村与石门坎村分别签订了结对协议。"
    found = pairs(text, ["周庄镇", "瓦屋乡", "六龙山乡", "七桥村", "高坝田村", "金华村"])
    assert found == {
        ("周庄镇", "瓦屋侗族乡"),
        ("周庄镇", "六龙山侗族土家族乡"),
        ("七桥村", "高坝田村"),
    }


def test_pair_chain_closed_by_a_verb_in_the_next_clause() -> None:
    text = "当年省里确定:苏州与宿迁、常州与盐城,南北城市两两挂钩。"
    assert pairs(text, ["苏州", "宿迁", "常州", "盐城"]) == {("苏州市", "宿迁市"), ("常州市", "盐城市")}


def test_labour_agreement_with_a_place_that_only_locates_the_partner() -> None:
    text = "会上,济南、青岛等2个发达市与位于山东西部的菏泽市签订了劳务合作协议。"
    assert pairs(text, ["济南", "青岛", "山东", "菏泽市"]) == {("济南市", "菏泽市"), ("青岛市", "菏泽市")}


# --------------------------------------------------------------------------- cue words


def test_shou_la_shou_pairs_like_xie_shou() -> None:
    text = "江苏省昆山市与贵州省碧江区手拉手奔小康。"
    assert pairs(text, ["昆山市", "碧江区"]) == {("昆山市", "碧江区")}


def test_a_town_that_joins_hands_with_a_county_for_a_pairing() -> None:
    text = "周市镇牵手碧江区开展“镇区结对”对口帮扶工作。"
    assert pairs(text, ["周市镇", "碧江区"]) == {("周市镇", "碧江区")}


def test_bare_jie_dui_verb() -> None:
    assert pairs("调整以后,苏州结对宿迁。", ["苏州", "宿迁"]) == {("苏州市", "宿迁市")}


# --------------------------------------------------------------------------- passive and continued


def test_passive_by_split_from_its_subject() -> None:
    text = "望都县被列为京津冀协作县。由和平区对口帮扶。"
    assert pairs(text, ["望都县", "和平区"]) == {("和平区", "望都县")}


def test_passive_by_in_the_subject_s_clause_and_as_a_relative() -> None:
    assert pairs("望都县目前由和平区结对帮扶。", ["望都县", "和平区"]) == {("和平区", "望都县")}
    assert pairs("由和平区对口帮扶的望都县已经脱贫。", ["望都县", "和平区"]) == {("和平区", "望都县")}


# --------------------------------------------------------------------------- back-references


def test_gai_cun_points_before_its_own_clause() -> None:
    text = "为助力高坝田村发展,A公司、七桥村与该村签订了帮扶协议。"
    found = pairs(text, ["高坝田村", "七桥村"], orgs={"A公司": None})
    assert found == {("七桥村", "高坝田村")}


def test_the_local_side_of_meetings_in_named_places() -> None:
    text = "宁波市代表团先后在延边州、黔西南州与当地召开对口协作座谈会。"
    assert pairs(text, ["宁波市", "延边州", "黔西南州"]) == {
        ("宁波市", "延边朝鲜族自治州"),
        ("宁波市", "黔西南布依族苗族自治州"),
    }


# --------------------------------------------------------------------------- teams and organs


def test_team_stationed_in_a_town_pairs_its_place_with_the_town() -> None:
    text = "昆山市驻碧江区坝黄镇帮扶工作队开展消费帮扶活动,助力坝黄镇农产品销售。"
    found = pairs(text, ["昆山市", "碧江区", "坝黄镇"], orgs={"坝黄镇帮扶工作队": "520602"})
    assert ("昆山市", "坝黄镇") in found
    assert not any(donor != "昆山市" for donor, _ in found)


def test_team_made_of_people_a_place_sent() -> None:
    text = "由昆山市派出人员组成的协作指挥部驻碧江工作队深入开展产业帮扶。碧江的产业园区建成投产。"
    orgs = {"协作指挥部": None, "碧江工作队": "520602"}
    assert pairs(text, ["昆山市", "碧江"], orgs=orgs) == {("昆山市", "碧江区")}


def test_an_office_is_no_team() -> None:
    text = "昆山市驻碧江区联络处开展调研。"
    assert pairs(text, ["昆山市", "碧江区"], orgs={"碧江区联络处": "520602"}) == set()


def test_a_government_named_only_in_its_organ_is_a_party() -> None:
    text = "宁波市人民政府与黔西南州人民政府在宁波市签订《对口合作框架协议书》。"
    orgs = {"宁波市人民政府": "330200", "黔西南州人民政府": "522300"}
    assert pairs(text, ["宁波市"], orgs=orgs) == {("宁波市", "黔西南布依族苗族自治州")}


# --------------------------------------------------------------------------- negation


def test_a_denied_pairing_gives_no_pair() -> None:
    text = "调整以后,常州不再帮扶盐城,盐城也不再由常州帮扶。"
    assert pairs(text, ["常州", "盐城"]) == set()


def test_a_denied_pairing_leaves_the_stated_one() -> None:
    text = "调整以后,常州不再帮扶盐城,苏州结对宿迁。"
    assert pairs(text, ["常州", "盐城", "苏州", "宿迁"]) == {("苏州市", "宿迁市")}


def test_team_named_as_one_organisation_with_zhu_inside() -> None:
    text = "昆山市驻坝黄镇帮扶工作队组织企业到坝黄镇开展消费帮扶。"
    found = pairs(text, ["坝黄镇"], orgs={"昆山市驻坝黄镇帮扶工作队": "320583"})
    assert found == {("昆山市", "坝黄镇")}


def test_the_venue_of_a_signing_is_no_partner_of_the_agreement() -> None:
    text = "会上,余杭区与某某集团在巴东县签订了产业合作协议。"
    art, mentions = article(text, ["余杭区", "巴东县"], orgs={"某某集团": None})
    fired = {r.pattern for r in extract_relations(art, mentions) if r.type == "pairing"}
    assert not fired & {"pair.agreement", "pair.agreement_listed"}
