"""Who gives in a symmetric wording: region, the official list, the national aid programmes, the
article's own statements, the province's programme, the kind of division, one direction per pair;
and the pairing kind. Sentences written for these tests, with hand-linked mentions."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from relate_fixtures import (
    JSS,
    pairs,
    read_pairs,
    relations,
)

from kg.records import Article, Mention, Relation

Read = Callable[[str], tuple[Article, list[Mention], list[Relation]]]


def test_paired_with_is_symmetric_and_the_east_helps() -> None:
    # written recipient first: direction comes from the regions, not the order
    found = relations("靖远县与和平区结对帮扶以来,两地交流频繁。", ["靖远县", "和平区"])
    assert [(r.donor.name, r.recipient.name, r.kind) for r in found] == [("和平区", "靖远县", "east-west")]
    written_east_first = relations("和平区与靖远县结对帮扶以来,两地交流频繁。", ["靖远县", "和平区"])
    assert found[0].confidence == written_east_first[0].confidence  # the region decided both


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


def test_official_agreement_through_a_higher_level() -> None:
    found = relations("海沧区对口帮扶积石山县。", ["海沧区", "积石山县"])[0]
    assert found.official is True and found.official_pair == ["350200", "622900"]
    assert found.kind == "east-west"
    assert found.donor.code == "350205" and found.recipient.province_code == "620000"


def test_official_agreement_of_villages_through_their_counties() -> None:
    found = relations("七桥村与高坝田村结对帮扶。", ["七桥村", "高坝田村"])[0]
    # 昆山's 七桥村 and 碧江's 高坝田村: the most specific row is the counties' 携手奔小康 pair
    assert found.official is True and found.official_pair == ["320583", "520602"]


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


def test_a_place_in_xinjiang_receives_when_regions_tie() -> None:
    # 保定 is itself a recipient of Beijing (west in regions.csv); 对口援疆 still makes it the donor,
    # and an organisation-like title before the place (兵团第二师) does not break the wording
    text = "保定市援疆前指积极协调。保定市政府和新疆生产建设兵团第二师铁门关市就乡村振兴结对帮扶工作签约。"
    orgs = {"保定市政府": "130600", "兵团第二师": None}
    assert pairs(text, ["保定市", "铁门关市"], orgs=orgs) == [("保定市", "铁门关市")]
    assert pairs("铁门关市与望都县结对帮扶。", ["铁门关市", "望都县"]) == [("望都县", "铁门关市")]


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


def test_one_direction_per_pair_in_an_article() -> None:
    # an explicit statement outweighs the direction a symmetric wording would take from the regions
    found = pairs("积石山县对口帮扶海沧区。海沧区与积石山县结对。", ["积石山县", "海沧区"])
    assert set(found) == {(JSS, "海沧区")}


def test_the_province_s_programme_directs_a_weak_wording_whatever_the_article_says() -> None:
    # 湖州 (吴兴区) gives, 丽水 (庆元) receives in 浙江's own programme: the cooperation wording
    # pairs them though the article has 庆元 giving elsewhere; 台江 receives by region
    text = "吴兴区与庆元县、台江县共同签订了合作协议。庆元县对口帮扶台江县。"
    found = pairs(text, ["吴兴区", "庆元县", "台江县"])
    assert ("吴兴区", "庆元县") in found
    assert ("吴兴区", "台江县") in found


def test_a_weak_wording_against_the_tables_is_the_receiving_side_serving_its_partner(read_text: Read) -> None:
    # 上海 → 遵义 and 广州 → 黔南州 are listed: the receiving side that helps its partner states no pair
    text = "近年来,遵义市尽己所能服务和助力上海发展,每年向上海输送大量优质农产品。"
    assert read_pairs(read_text, text) == set()
    assert read_pairs(read_text, "黔南州积极帮助广州市开展疫情防控,捐赠生活物资20吨。") == set()
    # the same wording the way the tables list it pairs; a strong wording is taken as written
    assert read_pairs(read_text, "上海市帮助遵义市发展茶产业。") == {("上海市", "遵义市")}
    assert read_pairs(read_text, "遵义市对口帮扶上海市。") == {("遵义市", "上海市")}
